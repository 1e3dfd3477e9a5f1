//! `roles similar ROLE`: every other role ranked by likeness computed from the data, with the
//! reasons: what they share and what sets them apart. No hand-written ranking.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::RoleRef;
use crate::model::{Dataset, Role, Statement};
use crate::text::{content_words, jaccard};
use crate::view::{Block, Grid, Records, Report, View};

/// Weight of shared skills in the likeness score.
pub const SKILL_WEIGHT: f64 = 0.40;
/// Weight of shared wording in duties.
pub const DUTY_WEIGHT: f64 = 0.25;
/// Weight of shared wording in requirements (education, experience, certifications).
pub const REQUIREMENT_WEIGHT: f64 = 0.20;
/// Weight of agreement on the aspects both roles have a value for.
pub const ASPECT_WEIGHT: f64 = 0.15;

/// How many shared words a reason lists.
const WORDS_SHOWN: usize = 8;

/// Arguments of `roles similar`.
#[derive(Debug, Clone, clap::Args)]
pub struct SimilarArgs {
    /// Role id, name or alias.
    #[arg(value_name = "ROLE")]
    pub role: String,
}

/// The other roles, most alike first.
#[derive(Debug, Clone, Serialize)]
pub struct Similarity {
    /// The role asked about.
    pub role: RoleRef,
    /// Every other role, most alike first.
    pub others: Vec<Likeness>,
    #[serde(skip)]
    skill_names: BTreeMap<String, String>,
    #[serde(skip)]
    aspect_names: BTreeMap<String, String>,
}

/// How alike one role is to the role asked about, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Likeness {
    /// The other role.
    pub role: RoleRef,
    /// Overall likeness, 0–100: the weighted sum of the parts.
    pub score: u32,
    /// Each part's overlap, 0–1 (Jaccard: shared over all).
    pub parts: LikenessParts,
    /// Skill ids both need.
    pub shared_skills: Vec<String>,
    /// Skill ids only the role asked about needs.
    pub only_asked: Vec<String>,
    /// Skill ids only the other role needs.
    pub only_other: Vec<String>,
    /// Content words both roles' duties use.
    pub shared_duty_words: Vec<String>,
    /// Content words both roles' requirements use.
    pub shared_requirement_words: Vec<String>,
    /// Aspects both have a value for, with each value, where the wording differs.
    pub aspect_contrasts: Vec<AspectContrast>,
}

/// The parts of a likeness score.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct LikenessParts {
    /// Overlap of skills.
    pub skills: f64,
    /// Overlap of duty wording.
    pub duties: f64,
    /// Overlap of requirement wording.
    pub requirements: f64,
    /// Mean overlap of wording on shared aspects (0 when they share none).
    pub aspects: f64,
}

/// Two roles' values on one aspect.
#[derive(Debug, Clone, Serialize)]
pub struct AspectContrast {
    /// Aspect id.
    pub aspect: String,
    /// The asked role's value.
    pub asked: String,
    /// The other role's value.
    pub other: String,
}

/// What likeness is computed from, gathered once per role so ranking stays linear.
struct Profile<'a> {
    role: &'a Role,
    skills: BTreeSet<String>,
    duty_words: BTreeSet<String>,
    requirement_words: BTreeSet<String>,
    aspect_words: BTreeMap<(&'a str, Option<&'a str>), BTreeSet<String>>,
}

fn words_of<'s>(statements: impl IntoIterator<Item = &'s Statement>) -> BTreeSet<String> {
    statements
        .into_iter()
        .flat_map(|s| content_words(&s.text))
        .collect()
}

impl<'a> Profile<'a> {
    fn of(role: &'a Role) -> Self {
        let requirements = &role.requirements;
        Profile {
            role,
            skills: role.skills.iter().map(|s| s.skill.clone()).collect(),
            duty_words: words_of(&role.duties),
            requirement_words: words_of(
                requirements
                    .education
                    .iter()
                    .chain(&requirements.experience)
                    .chain(&requirements.certifications),
            ),
            aspect_words: role
                .aspects
                .iter()
                .map(|a| {
                    (
                        (a.aspect.as_str(), a.versus.as_deref()),
                        content_words(&a.value),
                    )
                })
                .collect(),
        }
    }

    fn likeness(&self, other: &Profile<'_>) -> Likeness {
        let shared_aspects: Vec<(&str, f64)> = self
            .aspect_words
            .iter()
            // A contrast counts only when stated of the role alone or against the other role.
            .filter(|((_, versus), _)| versus.is_none_or(|v| v == other.role.id))
            .filter_map(|((id, _), words)| {
                other
                    .aspect_words
                    .iter()
                    .find(|((other_id, versus), _)| {
                        other_id == id && versus.is_none_or(|v| v == self.role.id)
                    })
                    .map(|(_, o)| (*id, jaccard(words, o)))
            })
            .collect();
        let aspects = if shared_aspects.is_empty() {
            0.0
        } else {
            shared_aspects.iter().map(|(_, j)| j).sum::<f64>() / shared_aspects.len() as f64
        };
        let parts = LikenessParts {
            skills: jaccard(&self.skills, &other.skills),
            duties: jaccard(&self.duty_words, &other.duty_words),
            requirements: jaccard(&self.requirement_words, &other.requirement_words),
            aspects,
        };
        let weighted = SKILL_WEIGHT * parts.skills
            + DUTY_WEIGHT * parts.duties
            + REQUIREMENT_WEIGHT * parts.requirements
            + ASPECT_WEIGHT * parts.aspects;
        let value_of = |role: &Role, id: &str, against: &Role| {
            role.aspect_against(id, &against.id)
                .iter()
                .map(|a| a.value.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        Likeness {
            role: RoleRef::from(other.role),
            score: (weighted * 100.0).round().clamp(0.0, 100.0) as u32,
            parts: LikenessParts {
                skills: round2(parts.skills),
                duties: round2(parts.duties),
                requirements: round2(parts.requirements),
                aspects: round2(parts.aspects),
            },
            shared_skills: ordered(self.role, |id| other.skills.contains(id)),
            only_asked: ordered(self.role, |id| !other.skills.contains(id)),
            only_other: ordered(other.role, |id| !self.skills.contains(id)),
            shared_duty_words: shared_words(&self.duty_words, &other.duty_words),
            shared_requirement_words: shared_words(
                &self.requirement_words,
                &other.requirement_words,
            ),
            aspect_contrasts: shared_aspects
                .iter()
                .filter(|(_, overlap)| *overlap < 0.5)
                .map(|(id, _)| AspectContrast {
                    aspect: id.to_string(),
                    asked: value_of(self.role, id, other.role),
                    other: value_of(other.role, id, self.role),
                })
                .collect(),
        }
    }
}

/// The role's skill ids, in its own order, that pass `keep`.
fn ordered(role: &Role, keep: impl Fn(&String) -> bool) -> Vec<String> {
    role.skills
        .iter()
        .map(|s| s.skill.clone())
        .filter(|id| keep(id))
        .collect()
}

/// Shared words, longest (most specific) first, at most [`WORDS_SHOWN`].
fn shared_words(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Vec<String> {
    let mut shared: Vec<String> = a.intersection(b).cloned().collect();
    shared.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    shared.truncate(WORDS_SHOWN);
    shared
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Ranks every other role by likeness to the role `args.role` names.
pub fn similar_roles(dataset: &Dataset, args: &SimilarArgs) -> anyhow::Result<Similarity> {
    let asked = dataset.find_one_role(&args.role)?;
    let asked_profile = Profile::of(asked);
    let mut others: Vec<Likeness> = dataset
        .roles
        .iter()
        .filter(|role| role.id != asked.id)
        .map(|role| asked_profile.likeness(&Profile::of(role)))
        .collect();
    others.sort_by_key(|l| std::cmp::Reverse(l.score));
    Ok(Similarity {
        role: RoleRef::from(asked),
        others,
        skill_names: dataset
            .skills
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect(),
        aspect_names: dataset
            .aspects
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
    })
}

impl Similarity {
    fn names(&self, ids: &[String], names: &BTreeMap<String, String>) -> String {
        ids.iter()
            .map(|id| names.get(id).map_or(id.as_str(), String::as_str))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn in_common(&self, like: &Likeness) -> String {
        let mut lines = Vec::new();
        if !like.shared_skills.is_empty() {
            lines.push(format!(
                "Skills: {}",
                self.names(&like.shared_skills, &self.skill_names)
            ));
        }
        if !like.shared_duty_words.is_empty() {
            lines.push(format!("Duties: {}", like.shared_duty_words.join(", ")));
        }
        if !like.shared_requirement_words.is_empty() {
            lines.push(format!(
                "Requirements: {}",
                like.shared_requirement_words.join(", ")
            ));
        }
        if lines.is_empty() {
            "—".to_string()
        } else {
            lines.join("\n")
        }
    }

    fn apart(&self, like: &Likeness) -> String {
        let mut lines = Vec::new();
        if !like.only_asked.is_empty() {
            lines.push(format!(
                "Only {}: {}",
                self.role.name,
                self.names(&like.only_asked, &self.skill_names)
            ));
        }
        if !like.only_other.is_empty() {
            lines.push(format!(
                "Only {}: {}",
                like.role.name,
                self.names(&like.only_other, &self.skill_names)
            ));
        }
        if !like.aspect_contrasts.is_empty() {
            let ids: Vec<String> = like
                .aspect_contrasts
                .iter()
                .map(|c| c.aspect.clone())
                .collect();
            lines.push(format!(
                "Differ on: {}",
                self.names(&ids, &self.aspect_names)
            ));
        }
        if lines.is_empty() {
            "—".to_string()
        } else {
            lines.join("\n")
        }
    }
}

impl View for Similarity {
    fn report(&self) -> Report {
        let mut grid = Grid::new(["Role", "Likeness", "In common", "Sets them apart"]);
        for like in &self.others {
            grid.row([
                like.role.name.clone(),
                format!("{}%", like.score),
                self.in_common(like),
                self.apart(like),
            ]);
        }
        Report {
            blocks: vec![
                Block::Heading(format!("Roles most like {}", self.role.name)),
                Block::Table(grid),
                Block::Note(format!(
                    "Likeness = {:.0}% shared skills + {:.0}% shared duty wording + {:.0}% shared requirement wording + {:.0}% agreement on aspects both have; each part is shared ÷ all (Jaccard). `--format json` shows the parts.",
                    SKILL_WEIGHT * 100.0,
                    DUTY_WEIGHT * 100.0,
                    REQUIREMENT_WEIGHT * 100.0,
                    ASPECT_WEIGHT * 100.0
                )),
            ],
        }
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "role",
            "score",
            "skills",
            "duties",
            "requirements",
            "aspects",
            "shared_skills",
            "only_asked",
            "only_other",
        ]);
        for like in &self.others {
            records.row([
                like.role.id.clone(),
                like.score.to_string(),
                like.parts.skills.to_string(),
                like.parts.duties.to_string(),
                like.parts.requirements.to_string(),
                like.parts.aspects.to_string(),
                like.shared_skills.join("; "),
                like.only_asked.join("; "),
                like.only_other.join("; "),
            ]);
        }
        records
    }
}
