//! `roles skills`: the skill vocabulary and which roles need each skill; and the lookup of skill
//! names typed by people, shared with `match`.

use serde::Serialize;

use super::RoleRef;
use crate::dataset::normalise;
use crate::model::{Dataset, SkillDefinition};
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

/// The vocabulary skill a person means by `query`, tried in turn: its id, name or an alias
/// (any case, spaces for hyphens); then a prefix of those, or of a word of the name, that only
/// one skill has. Several candidates are an error listing them; none, an error naming the
/// closest skills.
pub fn find_skill<'a>(dataset: &'a Dataset, query: &str) -> anyhow::Result<&'a SkillDefinition> {
    let wanted = normalise(query);
    if wanted.is_empty() {
        anyhow::bail!("a skill name is empty; see `roles skills` for the ids");
    }
    if let Some(skill) = dataset.skills.iter().find(|s| s.id == wanted) {
        return Ok(skill);
    }
    let names = |s: &'a SkillDefinition| {
        std::iter::once(s.id.clone())
            .chain(std::iter::once(normalise(&s.name)))
            .chain(s.aliases.iter().map(|a| normalise(a)))
    };
    let exact: Vec<&SkillDefinition> = dataset
        .skills
        .iter()
        .filter(|s| names(s).any(|name| name == wanted))
        .collect();
    let candidates = if exact.is_empty() {
        dataset
            .skills
            .iter()
            .filter(|s| {
                names(s).any(|name| {
                    name.starts_with(&wanted)
                        || name.split('-').any(|word| word.starts_with(&wanted))
                })
            })
            .collect()
    } else {
        exact
    };
    // Skills linked as one (`same_as`: O*NET's Negotiation and the articles') are one answer.
    let roots: Vec<&str> = candidates
        .iter()
        .map(|s| dataset.skill_root(&s.id))
        .collect();
    let one_skill = candidates.len() > 1 && roots.iter().all(|root| *root == roots[0]);
    let linked = roots
        .first()
        .filter(|_| one_skill)
        .and_then(|root| dataset.skill_definition(root));
    if let Some(definition) = linked {
        return Ok(definition);
    }
    match candidates.as_slice() {
        [skill] => Ok(skill),
        [] => {
            let mut scored: Vec<(f64, &str)> = dataset
                .skills
                .iter()
                .map(|s| {
                    let score = names(s)
                        .map(|name| strsim::jaro_winkler(&wanted, &name))
                        .fold(0.0, f64::max);
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
        several => {
            let listed: Vec<String> = several
                .iter()
                .take(8)
                .map(|s| format!("{} ({})", s.id, s.name))
                .collect();
            let more = several.len().saturating_sub(listed.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            Err(crate::outcome::UsageError(format!(
                "skill '{query}' could be {}{more}; give one of those ids",
                listed.join(", ")
            ))
            .into())
        }
    }
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
        find_skill(&dataset, query)
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
