//! Text helpers for search: every searchable text of a role, and case-insensitive, optionally
//! whole-word, matching.

use crate::model::{Dataset, Role};

/// One piece of a role's text, the section it belongs to, and the sources that state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleText {
    /// Section name as shown to people (`Duties`, `Skills` …).
    pub section: &'static str,
    /// The text.
    pub text: String,
    /// Ids of the sources that state it (for a name or alias, those of the role's summary).
    pub sources: Vec<String>,
}

/// Every text field of a role, in display order: name and aliases, summary, duties,
/// requirements, environment, skills (name and note), salary notes and regions, aspects,
/// advice.
pub fn role_texts(dataset: &Dataset, role: &Role) -> Vec<RoleText> {
    let mut texts = Vec::new();
    let mut add = |section: &'static str, text: String, sources: &[String]| {
        texts.push(RoleText {
            section,
            text,
            sources: sources.to_vec(),
        })
    };
    let own = &role.summary.sources;
    add("Name", role.name.clone(), own);
    for alias in &role.aliases {
        add("Alias", alias.clone(), own);
    }
    add("Summary", role.summary.text.clone(), own);
    for duty in &role.duties {
        add("Duties", duty.text.clone(), &duty.sources);
    }
    let requirements = &role.requirements;
    for item in &requirements.education {
        add("Education", item.text.clone(), &item.sources);
    }
    for item in &requirements.experience {
        add("Experience", item.text.clone(), &item.sources);
    }
    for item in &requirements.certifications {
        add("Certifications", item.text.clone(), &item.sources);
    }
    for item in &role.environment {
        add("Environment", item.text.clone(), &item.sources);
    }
    for skill in &role.skills {
        add(
            "Skills",
            format!("{}: {}", dataset.skill_name(&skill.skill), skill.note),
            &skill.sources,
        );
    }
    for figure in &role.salary {
        for extra in [&figure.region, &figure.note].into_iter().flatten() {
            add(
                "Salary",
                extra.clone(),
                std::slice::from_ref(&figure.source),
            );
        }
    }
    for aspect in &role.aspects {
        add(
            "Aspects",
            format!("{}: {}", dataset.aspect_name(&aspect.aspect), aspect.value),
            &aspect.sources,
        );
    }
    for advice in &role.advice {
        add("Advice", advice.text.clone(), &advice.sources);
    }
    texts
}

/// `a`, `a and b`, `a, b and c`; empty for no items.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// `name`'s possessive: "the Product Owner's", "Information Technology Project Managers'".
pub fn possessive(name: &str) -> String {
    match name.ends_with('s') {
        true => format!("{name}'"),
        false => format!("{name}'s"),
    }
}

/// `text` with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Byte ranges in `text` where `needle` occurs, ignoring case; non-overlapping, left to right.
pub fn find_ignoring_case(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_ascii() && !needle.is_empty() {
        return find_ascii_ignoring_case(text, needle);
    }
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut skip_until = 0;
    for (start, _) in text.char_indices() {
        if start < skip_until {
            continue;
        }
        let mut wanted = needle.iter();
        let mut end = start;
        let mut matched = true;
        'text: for (offset, c) in text[start..].char_indices() {
            for lower in c.to_lowercase() {
                match wanted.next() {
                    Some(&w) if w == lower => {}
                    Some(_) => {
                        matched = false;
                        break 'text;
                    }
                    None => break 'text,
                }
            }
            end = start + offset + c.len_utf8();
            if wanted.len() == 0 {
                break;
            }
        }
        if matched && wanted.len() == 0 {
            found.push((start, end));
            skip_until = end;
        }
    }
    found
}

/// The fast path for an ASCII needle: ASCII case folding keeps byte offsets, so a plain
/// substring search over the folded text finds the same ranges ten times faster.
fn find_ascii_ignoring_case(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let folded = text.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = folded[from..].find(&needle) {
        let start = from + at;
        let end = start + needle.len();
        found.push((start, end));
        from = end;
    }
    found
}

/// The `matches` that are whole words of `text`: no letter or digit just before or after.
pub fn whole_words(text: &str, matches: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let is_word = |c: char| c.is_alphanumeric();
    matches
        .into_iter()
        .filter(|&(start, end)| {
            let before = text[..start].chars().next_back().is_some_and(is_word);
            let after = text[end..].chars().next().is_some_and(is_word);
            !before && !after
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_match_ignoring_case() {
        assert_eq!(
            find_ignoring_case("Backlog and BACKLOG", "backlog"),
            [(0, 7), (12, 19)]
        );
        assert_eq!(find_ignoring_case("aaa", "aa"), [(0, 2)]);
        assert!(find_ignoring_case("abc", "").is_empty());
        assert_eq!(
            find_ignoring_case("Straße ok", "STRASSE"),
            Vec::<(usize, usize)>::new()
        );
        assert_eq!(find_ignoring_case("ÉCOLE", "école"), [(0, 6)]);
        assert_eq!(find_ignoring_case("Été BACKLOG", "backlog"), [(6, 13)]);
    }

    #[test]
    fn whole_words_need_a_boundary_on_both_sides() {
        let text = "PO, the po-owner; report. Repo";
        let all = find_ignoring_case(text, "po");
        assert_eq!(all.len(), 4);
        assert_eq!(whole_words(text, all), [(0, 2), (8, 10)]);
    }
}
