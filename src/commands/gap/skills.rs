//! The skills that change hands in a move, by what the sources say of each role: linked
//! vocabularies count as one skill, and a role whose sources name no skills is silent, not
//! lacking.

use serde::Serialize;

use crate::commands::SHOWN_IMPORTANCE;
use crate::model::{Dataset, Role};

/// A skill with what one role's sources say of it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillNote {
    /// Skill id.
    pub id: String,
    /// Skill name.
    pub name: String,
    /// What the sources say of it for the role that needs it (TO for carried-over skills);
    /// `text`, as everywhere else.
    #[serde(rename = "text")]
    pub note: String,
    /// Source ids.
    pub sources: Vec<String>,
}

/// How much higher (on the source's 1–5 importance scale) a rated need must be to count as one
/// to add or to leave behind: about the spread of a rating across O*NET's respondents, so 2.88
/// against 3.00 is the same need, not a new one.
pub const GAP_TOLERANCE: f64 = 0.5;

/// The skills of `role` that `other` has (`has`) or lacks, with what the sources say of each.
/// Where a source rates the skill for both, the move is read from the ratings with a
/// tolerance (a need rated GAP_TOLERANCE higher is one to add, lower one left behind), and
/// what both rate below SHOWN_IMPORTANCE is not listed; otherwise from whether each role
/// lists it.
pub(super) fn skill_notes(
    dataset: &Dataset,
    role: &Role,
    other: &Role,
    has: bool,
) -> Vec<SkillNote> {
    role.distinct_skills()
        .filter(|s| {
            match (
                s.importance,
                other.skill(&s.skill).and_then(|o| o.importance),
            ) {
                (Some(mine), Some(theirs)) => {
                    let minor = mine < SHOWN_IMPORTANCE && theirs < SHOWN_IMPORTANCE;
                    let needs_more = mine - theirs >= GAP_TOLERANCE;
                    !minor
                        && if has {
                            !needs_more && theirs - mine < GAP_TOLERANCE
                        } else {
                            needs_more
                        }
                }
                _ => other.skill(&s.skill).is_some() == has,
            }
        })
        .filter_map(|s| {
            let mut found = note(dataset, role, &s.skill)?;
            let theirs = other.skill(&s.skill).and_then(|o| o.importance);
            if let (false, Some(theirs)) = (has, theirs) {
                found
                    .note
                    .push_str(&format!("; importance {theirs} for the {}", other.name));
            }
            Some(found)
        })
        .collect()
}

fn note(dataset: &Dataset, role: &Role, id: &str) -> Option<SkillNote> {
    role.skill(id).map(|s| SkillNote {
        id: s.skill.clone(),
        name: dataset.skill_name(&s.skill).to_string(),
        note: s.note.clone(),
        sources: s.sources.clone(),
    })
}
