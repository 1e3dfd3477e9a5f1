//! `roles skills`: the skill vocabulary and which roles need each skill; and the lookup of skill
//! names typed by people, shared with `match`.

use serde::Serialize;

use super::RoleRef;
use crate::load::need::Need;
use crate::model::Dataset;
use crate::outcome::Outcome;
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View};

/// Arguments of `roles skills`.
#[derive(Debug, Clone, clap::Args)]
pub struct SkillsArgs {}

/// The vocabulary, in dataset order.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillVocabulary {
    /// One entry per skill.
    pub skills: Vec<SkillUse>,
}

impl super::Run for SkillsArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let dataset = context.load(&Need::Everything)?;
        let view = list_skills(&dataset, self);
        context.emit(&view, &[])
    }
}

/// A skill and the roles that need it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillUse {
    /// Skill id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names `match --skill` takes for it.
    pub aliases: Vec<String>,
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
            aliases: skill.aliases.clone(),
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
            let name = if skill.aliases.is_empty() {
                skill.name.clone()
            } else {
                format!("{} (also: {})", skill.name, skill.aliases.join(", "))
            };
            grid.row([skill.id.clone(), name, skill.description.clone(), needed_by]);
        }
        Report {
            blocks: vec![
                Block::Table(grid),
                Block::Note(
                    "`roles match --skill` takes an id, a name, an alias or a prefix only one skill has."
                        .into(),
                ),
            ],
        }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["id", "name", "aliases", "description", "roles"]);
        for skill in &self.skills {
            let roles: Vec<&str> = skill.roles.iter().map(|r| r.id.as_str()).collect();
            records.row([
                skill.id.clone(),
                skill.name.clone(),
                skill.aliases.join(LIST_SEPARATOR),
                skill.description.clone(),
                roles.join(LIST_SEPARATOR),
            ]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(query: &str) -> Result<String, String> {
        let dataset = Dataset::builtin().map_err(|e| e.to_string())?;
        dataset
            .find_skill(query)
            .map(|s| s.id.clone())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn skills_are_found_by_id_name_alias_word_or_unique_prefix() {
        assert_eq!(found("agile-methods"), Ok("agile-methods".into()));
        assert_eq!(found("Agile Methods"), Ok("agile-methods".into()));
        assert_eq!(found("agile"), Ok("agile-methods".into()));
        assert_eq!(found("STAKEHOLDERS"), Ok("stakeholder-management".into()));
        assert_eq!(found("strat"), Ok("strategic-thinking".into()));
        assert_eq!(found("acumen"), Ok("business-acumen".into()));
    }

    #[test]
    fn an_ambiguous_prefix_lists_the_candidates_and_an_unknown_one_the_closest() {
        let ambiguous = found("ma").err().unwrap_or_default();
        assert!(
            ambiguous.contains("market-research (Market research)"),
            "{ambiguous}"
        );
        assert!(ambiguous.contains("marketing (Marketing)"), "{ambiguous}");
        let unknown = found("cooking").err().unwrap_or_default();
        assert!(
            unknown.starts_with("unknown skill 'cooking'; closest:"),
            "{unknown}"
        );
    }
}
