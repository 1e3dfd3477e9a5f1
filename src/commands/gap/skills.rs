//! The skills that change hands in a move, by what the sources say of each role: linked
//! vocabularies count as one skill, and a role whose sources name no skills is silent, not
//! lacking.

use serde::Serialize;

use crate::commands::SHOWN_IMPORTANCE;
use crate::model::{Dataset, Role, RoleSkill};

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

/// The skills of a move, each list drawn only from what the sources say of both roles.
#[derive(Debug, Clone, Default)]
pub(super) struct SkillMove {
    pub to_add: Vec<SkillNote>,
    pub carried_over: Vec<SkillNote>,
    pub left_behind: Vec<SkillNote>,
    /// TO's skills that cannot be set against FROM's: FROM's sources name none, or name them in
    /// another vocabulary with no link between the two.
    pub unweighed: Vec<SkillNote>,
    /// What the sources are silent on, said in words.
    pub silences: Vec<String>,
}

/// How a role's sources speak of skills.
#[derive(PartialEq)]
enum Evidence {
    None,
    /// Named by articles: a skill is needed or not said.
    Listed,
    /// Rated on a scale (O*NET): every skill has a number.
    Rated,
}

fn evidence(role: &Role) -> Evidence {
    match role.distinct_skills().next() {
        None => Evidence::None,
        Some(skill) if skill.importance.is_some() => Evidence::Rated,
        Some(_) => Evidence::Listed,
    }
}

/// Whether a rated skill is work to take on at all: rated at least at the display threshold,
/// with a level O*NET does not mark "not relevant".
fn worth_taking_on(skill: &RoleSkill) -> bool {
    skill.importance.unwrap_or(0.0) >= SHOWN_IMPORTANCE && skill.level.is_some()
}

/// Sorts the move from `from` to `to` into skills to add, carried over and left behind.
pub(super) fn skill_move(dataset: &Dataset, from: &Role, to: &Role) -> SkillMove {
    let mut found = SkillMove::default();
    let (before, after) = (evidence(from), evidence(to));
    let named = |role: &Role| format!("the {}", role.name);
    if before == Evidence::None {
        found.silences.push(format!(
            "The sources name no skills for {}, so none is known to carry over or to be missing.",
            named(from)
        ));
    }
    if after == Evidence::None {
        found.silences.push(format!(
            "The sources name no skills for {}, so none is known to be left behind.",
            named(to)
        ));
    }
    let linked = |role: &Role, skill: &RoleSkill| -> Option<RoleSkill> {
        let root = dataset.skill_root(&skill.skill);
        role.distinct_skills()
            .find(|s| dataset.skill_root(&s.skill) == root)
            .cloned()
    };
    let across = before != after && before != Evidence::None && after != Evidence::None;
    if across {
        found.silences.push(format!(
            "The skills of {} and {} come from different sources ({} rated, {} listed); only the \
             skills linked across the two are set side by side.",
            named(from),
            named(to),
            if before == Evidence::Rated {
                from.name.as_str()
            } else {
                to.name.as_str()
            },
            if before == Evidence::Rated {
                to.name.as_str()
            } else {
                from.name.as_str()
            },
        ));
    }
    for skill in to.distinct_skills() {
        let note = || note(dataset, skill);
        if after == Evidence::Rated && !worth_taking_on(skill) && linked(from, skill).is_none() {
            continue;
        }
        match linked(from, skill) {
            _ if before == Evidence::None => found.unweighed.push(note()),
            None if across => found.unweighed.push(note()),
            None if after == Evidence::Listed => found.to_add.push(note()),
            None => {
                // Both rated and FROM's source leaves it out: O*NET rates every skill, so this
                // is a skill below the import's cut for FROM.
                found.to_add.push(note())
            }
            Some(mine) => match (mine.importance, skill.importance) {
                (Some(mine), Some(theirs)) => {
                    if theirs - mine >= GAP_TOLERANCE {
                        if worth_taking_on(skill) {
                            let mut add = note();
                            add.note
                                .push_str(&format!("; importance {mine} for {}", named(from)));
                            found.to_add.push(add);
                        }
                    } else if mine - theirs < GAP_TOLERANCE
                        && (mine >= SHOWN_IMPORTANCE || theirs >= SHOWN_IMPORTANCE)
                    {
                        found.carried_over.push(note());
                    }
                }
                _ => found.carried_over.push(note()),
            },
        }
    }
    if after != Evidence::None {
        for skill in from.distinct_skills() {
            let shown = skill.importance.is_none_or(|i| i >= SHOWN_IMPORTANCE);
            let behind = match linked(to, skill) {
                None => !across && shown,
                Some(theirs) => match (skill.importance, theirs.importance) {
                    (Some(mine), Some(theirs)) => shown && mine - theirs >= GAP_TOLERANCE,
                    _ => false,
                },
            };
            if behind {
                let mut left = note(dataset, skill);
                if let Some(theirs) = linked(to, skill).and_then(|s| s.importance) {
                    left.note
                        .push_str(&format!("; importance {theirs} for {}", named(to)));
                }
                found.left_behind.push(left);
            }
        }
    }
    found
}

fn note(dataset: &Dataset, skill: &RoleSkill) -> SkillNote {
    SkillNote {
        id: skill.skill.clone(),
        name: dataset.skill_name(&skill.skill).to_string(),
        note: skill.note.clone(),
        sources: skill.sources.clone(),
    }
}
