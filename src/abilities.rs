//! What a person's words for what they can do are taken as: `match --skill budgeting` and
//! `gap` read skill words as people say them, through the analyzer, into the dataset's
//! vocabularies, and say how each word was taken.
//!
//! In turn: a skill by its id, name, alias or a unique prefix; a skill whose name or alias
//! speaks of the word in any form (`prioritising` → Prioritization); a duty theme that does
//! (`roadmapping` → the Roadmap duties); and, where a catalogue rates skills (O*NET), the rated
//! skill most raised among the occupations whose duties speak of the word (`budgeting` →
//! Management of Financial Resources). A word may be taken as a theme and a skill at once.

use crate::model::{Dataset, Role};
use crate::text::{speaks_of, stems};

/// Fewest occupations whose duties must speak of a word before their ratings say what it is.
const LEAST_OCCUPATIONS: usize = 3;
/// Least rise in mean importance (of 5) that makes a rated skill what a word is taken as.
const LEAST_RISE: f64 = 0.4;
/// Words too general to say what a skill is about on their own.
const GENERAL: &[&str] = &["abil", "manag", "skill", "work"];

/// One word taken into the vocabularies.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    /// The word as given.
    pub word: String,
    /// The skills it stands for, by id.
    pub skills: Vec<String>,
    /// The duty themes it stands for, by id.
    pub themes: Vec<String>,
    /// How it was taken, in words; empty for a skill's own id, name or alias.
    pub how: String,
}

/// Every word taken, or every word that could not be (all of them, not only the first).
pub fn take_all(dataset: &Dataset, words: &[String]) -> anyhow::Result<Vec<Taken>> {
    let mut taken = Vec::new();
    let mut missed = Vec::new();
    for word in words {
        match take(dataset, word)? {
            Some(found) => taken.push(found),
            None => missed.push(format!(
                "'{word}' (closest: {})",
                dataset.closest_skills(word).join(", ")
            )),
        }
    }
    if missed.is_empty() {
        return Ok(taken);
    }
    anyhow::bail!(
        "unknown skill {}: no skill, skill name or duty theme speaks of {} (see `roles skills`)",
        missed.join(", "),
        if missed.len() == 1 { "it" } else { "them" }
    )
}

/// What `word` stands for, if anything does; an ambiguous prefix is an error.
pub fn take(dataset: &Dataset, word: &str) -> anyhow::Result<Option<Taken>> {
    if let Some(skill) = exact_skill(dataset, word)? {
        let name = dataset.skill_name(&skill);
        // A skill's own id, name or alias needs no word on how it was taken.
        let own = dataset.skill_definition(&skill).is_some_and(|d| {
            let wanted = crate::dataset::normalise(word);
            std::iter::once(&d.id)
                .chain(std::iter::once(&d.name))
                .chain(&d.aliases)
                .any(|n| crate::dataset::normalise(n) == wanted)
        });
        let how = if own {
            String::new()
        } else {
            format!("'{word}' taken as the skill {name}")
        };
        return Ok(Some(Taken {
            word: word.to_string(),
            skills: vec![skill],
            themes: Vec::new(),
            how,
        }));
    }
    let wanted = stems(word);
    let specific: Vec<String> = wanted
        .iter()
        .filter(|s| !GENERAL.contains(&s.as_str()))
        .cloned()
        .collect();
    let mut skills = named_skills(dataset, &wanted);
    let mut themes = themes_of(dataset, &wanted);
    if skills.is_empty() && themes.is_empty() && !specific.is_empty() {
        skills = named_skills(dataset, &specific);
        themes = themes_of(dataset, &specific);
    }
    let mut how: Vec<String> = Vec::new();
    if !skills.is_empty() {
        how.push(format!("the skill {}", names(dataset, &skills)));
    }
    if !themes.is_empty() {
        let themes: Vec<&str> = themes.iter().map(|t| dataset.theme_name(t)).collect();
        how.push(format!(
            "the duties of the theme {}",
            crate::text::and_list(&themes)
        ));
    }
    if skills.is_empty()
        && let Some((skill, rise, count)) = rated_rise(dataset, &specific)
    {
        how.push(format!(
            "{}, which the ratings raise by {rise:.1} of 5 for the {count} occupations whose \
             duties speak of it",
            dataset.skill_name(&skill)
        ));
        skills.push(skill);
    }
    if how.is_empty() {
        return Ok(None);
    }
    Ok(Some(Taken {
        word: word.to_string(),
        skills,
        themes,
        how: format!("'{word}' taken as {}", how.join(" and ")),
    }))
}

/// The skill `word` names by id, name, alias or unique prefix, as `roles skills` lists them;
/// none when nothing does, an error when a prefix is ambiguous.
fn exact_skill(dataset: &Dataset, word: &str) -> anyhow::Result<Option<String>> {
    match dataset.find_skill(word) {
        Ok(skill) => Ok(Some(skill.id.clone())),
        Err(error) if error.is::<crate::outcome::UsageError>() => Err(error),
        Err(_) => Ok(None),
    }
}

/// The skills (their roots, once each) whose name or an alias speaks of every one of `wanted`.
fn named_skills(dataset: &Dataset, wanted: &[String]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for skill in &dataset.skills {
        let named = std::iter::once(&skill.name)
            .chain(&skill.aliases)
            .any(|name| speaks_of(name, wanted));
        let root = dataset.skill_root(&skill.id).to_string();
        if named && !found.contains(&root) {
            found.push(root);
        }
    }
    found
}

/// The themes whose name speaks of every one of `wanted`.
fn themes_of(dataset: &Dataset, wanted: &[String]) -> Vec<String> {
    dataset
        .themes
        .iter()
        .filter(|t| speaks_of(&t.name, wanted))
        .map(|t| t.id.clone())
        .collect()
}

fn names(dataset: &Dataset, ids: &[String]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| dataset.skill_name(id)).collect();
    crate::text::and_list(&names)
}

/// Whether a role's skills are rated by a source (O*NET's importance).
fn rated(role: &Role) -> bool {
    !role.skills.is_empty() && role.skills.iter().all(|s| s.importance.is_some())
}

/// The rated skill whose mean importance rises most among the rated roles whose duties speak
/// of every one of `wanted`, against all rated roles: (skill, rise, how many roles), if the
/// rise is at least [`LEAST_RISE`] over at least [`LEAST_OCCUPATIONS`] roles.
fn rated_rise(dataset: &Dataset, wanted: &[String]) -> Option<(String, f64, usize)> {
    if wanted.is_empty() {
        return None;
    }
    let roles: Vec<&Role> = dataset.roles.iter().filter(|r| rated(r)).collect();
    let speaking: Vec<&Role> = roles
        .iter()
        .copied()
        .filter(|role| role.duties.iter().any(|d| speaks_of(&d.text, wanted)))
        .collect();
    if speaking.len() < LEAST_OCCUPATIONS {
        return None;
    }
    let mean = |group: &[&Role], skill: &str| {
        let values: Vec<f64> = group
            .iter()
            .filter_map(|role| role.skill(skill).and_then(|s| s.importance))
            .collect();
        values.iter().sum::<f64>() / values.len().max(1) as f64
    };
    dataset
        .skills
        .iter()
        .filter(|s| s.kind.is_skill())
        .map(|s| {
            let rise = mean(&speaking, &s.id) - mean(&roles, &s.id);
            (s.id.clone(), rise)
        })
        .filter(|(_, rise)| *rise >= LEAST_RISE)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(id, rise)| (id, rise, speaking.len()))
}
