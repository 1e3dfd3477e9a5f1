//! `roles skills`: the skill vocabulary and which roles need each skill; and the lookup of skill
//! names typed by people, shared with `match`.

use serde::Serialize;

use super::RoleRef;
use crate::dataset::normalise;
use crate::model::{Dataset, SkillDefinition};
use crate::view::{Block, Grid, Records, Report, View};

/// Arguments of `roles skills`.
#[derive(Debug, Clone, clap::Args)]
pub struct SkillsArgs {}

/// The vocabulary, in dataset order.
#[derive(Debug, Clone, Serialize)]
pub struct SkillVocabulary {
    /// One entry per skill.
    pub skills: Vec<SkillUse>,
}

/// A skill and the roles that need it.
#[derive(Debug, Clone, Serialize)]
pub struct SkillUse {
    /// Skill id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it means.
    pub description: String,
    /// Roles that need it, in dataset order.
    pub roles: Vec<RoleRef>,
}

/// Lists the vocabulary with the roles needing each skill.
pub fn list_skills(dataset: &Dataset, _args: &SkillsArgs) -> SkillVocabulary {
    let skills = dataset
        .skills
        .iter()
        .map(|skill| SkillUse {
            id: skill.id.clone(),
            name: skill.name.clone(),
            description: skill.description.clone(),
            roles: dataset
                .roles
                .iter()
                .filter(|role| role.skill(&skill.id).is_some())
                .map(RoleRef::from)
                .collect(),
        })
        .collect();
    SkillVocabulary { skills }
}

/// The vocabulary skill a person means by `query` (id or name, any case, spaces for hyphens);
/// otherwise an error naming the closest skills.
pub fn find_skill<'a>(dataset: &'a Dataset, query: &str) -> anyhow::Result<&'a SkillDefinition> {
    let wanted = normalise(query);
    if let Some(skill) = dataset
        .skills
        .iter()
        .find(|s| s.id == wanted || normalise(&s.name) == wanted)
    {
        return Ok(skill);
    }
    let mut scored: Vec<(f64, &str)> = dataset
        .skills
        .iter()
        .map(|s| {
            let score = strsim::jaro_winkler(&wanted, &s.id)
                .max(strsim::jaro_winkler(&wanted, &normalise(&s.name)));
            (score, s.id.as_str())
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let closest: Vec<&str> = scored.into_iter().take(3).map(|(_, id)| id).collect();
    anyhow::bail!(
        "unknown skill '{query}'; closest: {} (see `roles skills`)",
        closest.join(", ")
    )
}

impl View for SkillVocabulary {
    fn report(&self) -> Report {
        let mut grid = Grid::new(["Id", "Skill", "Meaning", "Needed by"]);
        for skill in &self.skills {
            let roles: Vec<&str> = skill.roles.iter().map(|r| r.name.as_str()).collect();
            let needed_by = if roles.is_empty() {
                "—".to_string()
            } else {
                roles.join(", ")
            };
            grid.row([
                skill.id.clone(),
                skill.name.clone(),
                skill.description.clone(),
                needed_by,
            ]);
        }
        Report {
            blocks: vec![
                Block::Table(grid),
                Block::Note("Use the ids with `roles match --skill ID`.".into()),
            ],
        }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["id", "name", "description", "roles"]);
        for skill in &self.skills {
            let roles: Vec<&str> = skill.roles.iter().map(|r| r.id.as_str()).collect();
            records.row([
                skill.id.clone(),
                skill.name.clone(),
                skill.description.clone(),
                roles.join("; "),
            ]);
        }
        records
    }
}
