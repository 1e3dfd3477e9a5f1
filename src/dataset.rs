//! Loading a dataset (the built-in one or a user's YAML) and looking roles up in it.

use std::fmt;

use crate::model::{Dataset, Role, SkillDefinition, Source};
use crate::problem::{self, Problem};
use crate::validate;

/// The built-in dataset, parsed and validated from `data/roles.yaml` by `build.rs` and compiled
/// into the binary as MessagePack, so `roles` works from any directory and starts without
/// parsing YAML.
const BUILTIN_MSGPACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.msgpack"));

/// A hash of the built-in dataset: part of every cache key, so a cached file validated against
/// other built-in data is never reused.
pub const BUILTIN_HASH: u64 = include!(concat!(env!("OUT_DIR"), "/builtin_hash.rs"));

/// Most words a command line's roles are split over; past this only the words as given count.
pub const MOST_WORDS_SPLIT: usize = 12;

/// The name the built-in dataset goes by in messages.
pub const BUILTIN_ORIGIN: &str = "built-in data/roles.yaml";

/// Why a dataset could not be loaded: every problem found, and the file they are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The `roles …` arguments that list every problem, when they differ from
    /// `validate ORIGIN` (a file loaded without the built-in data, say).
    pub validate_command: Option<String>,
    /// The file (or `built-in …`) the problems are in.
    pub origin: String,
    /// Every problem, in file order where positions are known.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    /// The first problem as `origin:line:column: message`, and how many more there are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.first() {
            Some(first) => {
                f.write_str(&first.display_in(&self.origin))?;
                match problem::problem_count(&self.problems) - 1 {
                    0 => Ok(()),
                    more => {
                        let command = self
                            .validate_command
                            .clone()
                            .unwrap_or_else(|| format!("validate {}", self.origin));
                        let listed = if more < problem::MAX_LISTED_PROBLEMS {
                            "them all".to_string()
                        } else {
                            format!("the first {}", problem::MAX_LISTED_PROBLEMS)
                        };
                        write!(
                            f,
                            " (and {more} more problem{}: `roles {command}` lists {listed})",
                            plural(more),
                        )
                    }
                }
            }
            None => write!(f, "{}: invalid dataset", self.origin),
        }
    }
}

impl std::error::Error for LoadError {}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

impl Dataset {
    /// The dataset that ships inside the binary.
    pub fn builtin() -> Result<Dataset, LoadError> {
        Dataset::from_binary(BUILTIN_MSGPACK).map_err(|error| LoadError {
            validate_command: None,
            origin: BUILTIN_ORIGIN.to_string(),
            problems: vec![Problem::at(None, format!("cannot be decoded: {error}"))],
        })
    }

    /// Parses and validates a self-contained dataset; `origin` names it in error messages.
    pub fn from_yaml(text: &str, origin: &str) -> Result<Dataset, LoadError> {
        Dataset::from_yaml_over(text, origin, None)
    }

    /// Parses and validates YAML text meant to be layered over `base` (see [`Dataset::layered`]):
    /// it may cite the base's sources, skills and aspects without listing them.
    pub fn from_yaml_over(
        text: &str,
        origin: &str,
        base: Option<&Dataset>,
    ) -> Result<Dataset, LoadError> {
        let fail = |problems| LoadError {
            validate_command: None,
            origin: origin.to_string(),
            problems,
        };
        if text.trim().is_empty() {
            return Err(fail(vec![Problem::at(
                None,
                "the file is empty; a dataset needs version, sources, skills, aspects and roles",
            )]));
        }
        let dataset = crate::parse::parse_dataset(text).map_err(|problem| fail(vec![problem]))?;
        let problems = validate::check(&dataset, text, base);
        if problems.is_empty() {
            Ok(dataset)
        } else {
            Err(fail(problems))
        }
    }

    /// This dataset with `overlay` laid on top: its sources, skills, aspects and roles are
    /// added, and an item whose id is already here replaces the one here, in place.
    pub fn layered(mut self, overlay: Dataset) -> Dataset {
        upsert(&mut self.sources, overlay.sources, |s| &s.id);
        upsert(&mut self.skills, overlay.skills, |s| &s.id);
        upsert(&mut self.themes, overlay.themes, |t| &t.id);
        upsert(&mut self.aspects, overlay.aspects, |a| &a.id);
        upsert(&mut self.roles, overlay.roles, |r| &r.id);
        self
    }

    /// Source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Vocabulary skill by id.
    pub fn skill_definition(&self, id: &str) -> Option<&SkillDefinition> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// Display name of a vocabulary skill, falling back to its id.
    pub fn skill_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.skill_definition(id).map_or(id, |s| s.name.as_str())
    }

    /// Display name of a duty theme, falling back to its id.
    pub fn theme_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.themes
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.name.as_str())
    }

    /// Display name of an aspect, falling back to its id.
    pub fn aspect_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.aspects
            .iter()
            .find(|a| a.id == id)
            .map_or(id, |a| a.name.as_str())
    }

    /// The id a skill is known by across vocabularies: the skill it is linked to with
    /// `same_as`, when the data holds that skill, else its own.
    pub fn skill_root<'a>(&'a self, id: &'a str) -> &'a str {
        self.skill_definition(id)
            .and_then(|d| d.same_as.as_deref())
            .filter(|target| self.skill_definition(target).is_some())
            .unwrap_or(id)
    }

    /// Every role `query` names: by id, else name, else alias, in any case, with spaces or
    /// underscores for hyphens. An alias shared by several roles (`PM`) yields all of them,
    /// never a guess.
    pub fn find_roles(&self, query: &str) -> Result<Vec<&Role>, UnknownRole> {
        let wanted = normalise(query);
        let by_id: Vec<&Role> = self.roles.iter().filter(|r| r.id == wanted).collect();
        if !by_id.is_empty() {
            return Ok(by_id);
        }
        // A role's own name wins over another's alternate title: `project manager` is the
        // article role, though O*NET lists it as a title of Project Management Specialists.
        let by_name: Vec<&Role> = self
            .roles
            .iter()
            .filter(|role| normalise(&role.name) == wanted)
            .collect();
        if !by_name.is_empty() {
            return Ok(by_name);
        }
        let matches: Vec<&Role> = self
            .roles
            .iter()
            .filter(|role| role.aliases.iter().any(|a| normalise(a) == wanted))
            .collect();
        if matches.is_empty() {
            Err(UnknownRole {
                query: query.to_string(),
                closest: self.closest_roles(&wanted),
                hint: String::new(),
            })
        } else {
            Ok(matches)
        }
    }

    /// The sources of `role` that rate skills for other roles but none for it (O*NET rates
    /// 879 of its 1,016 occupations): its silence on skills is the source's gap, not the role's.
    pub fn unrated_by(&self, role: &Role) -> Vec<String> {
        if !role.skills.is_empty() {
            return Vec::new();
        }
        role.summary
            .sources
            .iter()
            .filter(|source| {
                self.roles.iter().any(|other| {
                    other
                        .skills
                        .iter()
                        .any(|s| s.importance.is_some() && s.sources.contains(source))
                })
            })
            .cloned()
            .collect()
    }

    /// The alias of `role` that `query` names, when `query` names it by an alias rather than by
    /// its id or name (`scrum master` → `Scrum Master`, an O*NET alternate title).
    pub fn alias_matched<'r>(&self, role: &'r Role, query: &str) -> Option<&'r str> {
        let wanted = normalise(query);
        if role.id == wanted || normalise(&role.name) == wanted {
            return None;
        }
        role.aliases
            .iter()
            .find(|a| normalise(a) == wanted)
            .map(String::as_str)
    }

    /// Roles other than `role` that carry its name (or one of its aliases) as an alias: where
    /// another classification, such as O*NET's alternate titles, files the same job title.
    pub fn filed_elsewhere<'r>(&'r self, role: &Role) -> Vec<(&'r Role, &'r str)> {
        // A set: a role may carry tens of thousands of titles, each checked against every alias.
        let names: std::collections::HashSet<String> = std::iter::once(&role.name)
            .chain(role.aliases.iter().filter(|a| a.contains(' ')))
            .map(|n| normalise(n))
            .collect();
        self.roles
            .iter()
            .filter(|other| other.id != role.id)
            .filter_map(|other| {
                let alias = other
                    .aliases
                    .iter()
                    .find(|a| names.contains(&normalise(a)))?;
                Some((other, alias.as_str()))
            })
            .collect()
    }

    /// Every role that has `title` as its name or an alias (as people type it: any case, spaces
    /// for hyphens), with the title as the role has it: where a title names several roles.
    pub fn titled<'r>(&'r self, title: &str) -> Vec<(&'r Role, &'r str)> {
        let wanted = normalise(title);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.roles
            .iter()
            .filter_map(|role| {
                std::iter::once(&role.name)
                    .chain(&role.aliases)
                    .find(|t| normalise(t) == wanted)
                    .map(|t| (role, t.as_str()))
            })
            .collect()
    }

    /// Whether `role` is described by an article (a source that compares roles), rather than
    /// only by a catalogue such as O*NET.
    pub fn is_article_role(&self, role: &Role) -> bool {
        role.summary
            .sources
            .iter()
            .any(|id| self.source(id).is_some_and(|s| !s.compares.is_empty()))
    }

    /// Exactly one role for `query`; an ambiguous alias is an error listing the candidates.
    pub fn find_one_role(&self, query: &str) -> anyhow::Result<&Role> {
        let roles = self.find_roles(query)?;
        match roles.as_slice() {
            [role] => Ok(role),
            _ => {
                let ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
                anyhow::bail!(
                    "'{query}' is ambiguous: it names {}; give one of those ids",
                    ids.join(" and ")
                )
            }
        }
    }

    /// The vocabulary skill a person means by `query`, tried in turn: its id, name or an alias
    /// (any case, spaces for hyphens); then a prefix of those, or of a word of the name, that only
    /// one skill has. Several candidates are an error listing them; none, an error naming the
    /// closest skills.
    pub fn find_skill<'a>(&'a self, query: &str) -> anyhow::Result<&'a SkillDefinition> {
        let wanted = normalise(query);
        if wanted.is_empty() {
            anyhow::bail!("a skill name is empty; see `roles skills` for the ids");
        }
        if let Some(skill) = self.skills.iter().find(|s| s.id == wanted) {
            return Ok(skill);
        }
        let names = |s: &'a SkillDefinition| {
            std::iter::once(s.id.clone())
                .chain(std::iter::once(normalise(&s.name)))
                .chain(s.aliases.iter().map(|a| normalise(a)))
        };
        let exact: Vec<&SkillDefinition> = self
            .skills
            .iter()
            .filter(|s| names(s).any(|name| name == wanted))
            .collect();
        let candidates = if exact.is_empty() {
            self.skills
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
        let roots: Vec<&str> = candidates.iter().map(|s| self.skill_root(&s.id)).collect();
        let one_skill = candidates.len() > 1 && roots.iter().all(|root| *root == roots[0]);
        let linked = roots
            .first()
            .filter(|_| one_skill)
            .and_then(|root| self.skill_definition(root));
        if let Some(definition) = linked {
            return Ok(definition);
        }
        match candidates.as_slice() {
            [skill] => Ok(skill),
            [] => {
                let closest = self.closest_skills(query);
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

    /// Up to three skill ids closest in spelling to `query` (by id, name or alias), best first.
    pub fn closest_skills(&self, query: &str) -> Vec<&str> {
        let wanted = normalise(query);
        let mut scored: Vec<(f64, &str)> = self
            .skills
            .iter()
            .map(|s| {
                let score = std::iter::once(s.id.clone())
                    .chain(std::iter::once(normalise(&s.name)))
                    .chain(s.aliases.iter().map(|a| normalise(a)))
                    .map(|name| strsim::jaro_winkler(&wanted, &name))
                    .fold(0.0, f64::max);
                (score, s.id.as_str())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }

    /// Up to three role ids closest in spelling to `wanted`, best first.
    fn closest_roles(&self, wanted: &str) -> Vec<String> {
        let mut scored: Vec<(f64, &str)> = self
            .roles
            .iter()
            .map(|role| {
                let names = std::iter::once(role.id.clone())
                    .chain(std::iter::once(normalise(&role.name)))
                    .chain(role.aliases.iter().map(|a| normalise(a)));
                let best = names
                    .map(|name| strsim::jaro_winkler(wanted, &name))
                    .fold(0.0, f64::max);
                (best, role.id.as_str())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

/// Replaces items of `base` that share an id with one of `items`, and appends the rest.
fn upsert<T>(base: &mut Vec<T>, items: Vec<T>, id: fn(&T) -> &String) {
    let mut positions: std::collections::HashMap<String, usize> = base
        .iter()
        .enumerate()
        .map(|(index, item)| (id(item).clone(), index))
        .collect();
    for item in items {
        match positions.get(id(&item)) {
            Some(&index) => base[index] = item,
            None => {
                positions.insert(id(&item).clone(), base.len());
                base.push(item);
            }
        }
    }
}

/// Lowercase, trimmed, with runs of spaces and underscores read as hyphens: how a name typed
/// by a person is compared with ids and names.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .trim()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A role name that matches nothing, with the closest real ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRole {
    /// What the user typed.
    pub query: String,
    /// Closest role ids, best first.
    pub closest: Vec<String>,
    /// How to name such a role, when the words may have been meant as one name (`; a name of
    /// several words goes in quotes …`).
    pub hint: String,
}

impl fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown role '{}'", self.query)?;
        if !self.closest.is_empty() {
            write!(f, "; closest: {}", self.closest.join(", "))?;
        }
        write!(f, "{} (see `roles list`)", self.hint)
    }
}

impl std::error::Error for UnknownRole {}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Dataset {
        match Dataset::builtin() {
            Ok(dataset) => dataset,
            Err(error) => panic!("built-in dataset is invalid: {error}"),
        }
    }

    fn ids(roles: Result<Vec<&Role>, UnknownRole>) -> Vec<String> {
        roles
            .map(|found| found.iter().map(|r| r.id.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn roles_are_found_by_id_name_or_alias_in_any_case() {
        let data = builtin();
        for query in [
            "product-owner",
            "Product Owner",
            "PRODUCT_OWNER",
            "po",
            " PO ",
        ] {
            assert_eq!(ids(data.find_roles(query)), ["product-owner"], "{query}");
        }
    }

    #[test]
    fn ambiguous_alias_pm_yields_both_roles() {
        let data = builtin();
        assert_eq!(
            ids(data.find_roles("pm")),
            ["product-manager", "project-manager"]
        );
        let error = data.find_one_role("PM").err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some(
                "'PM' is ambiguous: it names product-manager and project-manager; give one of those ids"
            )
        );
    }

    #[test]
    fn unknown_role_names_the_closest_ids() {
        let data = builtin();
        let error = data.find_roles("prodct-ownr").err();
        assert_eq!(
            error.map(|e| e.closest.first().cloned()),
            Some(Some("product-owner".to_string()))
        );
    }

    #[test]
    fn yaml_syntax_error_carries_line_and_column() {
        let error = Dataset::from_yaml("version: 1\nroles: [\n", "x.yaml").err();
        let first = error.and_then(|e| e.problems.first().cloned());
        assert!(first.is_some_and(|p| p.line.is_some() && p.column.is_some()));
    }

    #[test]
    fn layering_adds_new_roles_and_replaces_same_id_in_place() {
        let base = builtin();
        let mut overlay = base.clone();
        overlay.sources.clear();
        overlay.skills.clear();
        overlay.aspects.clear();
        overlay.roles.truncate(1);
        overlay.roles[0].name = "Renamed".into();
        let mut extra = overlay.roles[0].clone();
        extra.id = "extra-role".into();
        overlay.roles.push(extra);
        let layered = base.clone().layered(overlay);
        assert_eq!(layered.roles.len(), base.roles.len() + 1);
        assert_eq!(layered.roles[0].name, "Renamed");
        assert_eq!(
            layered.roles.last().map(|r| r.id.as_str()),
            Some("extra-role")
        );
        assert_eq!(layered.sources, base.sources);
    }

    #[test]
    fn json_datasets_load_and_their_errors_carry_positions() {
        let data = builtin();
        let json = serde_json::to_string_pretty(&data).unwrap_or_default();
        assert_eq!(Dataset::from_yaml(&json, "d.json").ok(), Some(data));
        let error = Dataset::from_yaml("{\n  \"version\": \"x\"\n}", "d.json").err();
        let first = error.and_then(|e| e.problems.first().cloned());
        assert_eq!(first.map(|p| (p.line, p.column)), Some((Some(2), Some(16))));
    }

    #[test]
    fn empty_text_is_refused_with_a_message() {
        let error = Dataset::from_yaml("  \n", "e.yaml")
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.starts_with("e.yaml: the file is empty")));
    }
}
