//! Text helpers for the analysis commands: every searchable text of a role, case-insensitive
//! matching, and the content words that likeness is computed from.

use std::collections::BTreeSet;

use crate::model::{Dataset, Role};

/// One piece of a role's text and the section it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleText {
    /// Section name as shown to people (`Duties`, `Skills` …).
    pub section: &'static str,
    /// The text.
    pub text: String,
}

/// Every text field of a role, in display order: name and aliases, summary, duties,
/// requirements, environment, skills (name and note), salary notes and regions, aspects.
pub fn role_texts(dataset: &Dataset, role: &Role) -> Vec<RoleText> {
    let mut texts = Vec::new();
    let mut add = |section: &'static str, text: String| texts.push(RoleText { section, text });
    add("Name", role.name.clone());
    for alias in &role.aliases {
        add("Alias", alias.clone());
    }
    add("Summary", role.summary.text.clone());
    for duty in &role.duties {
        add("Duties", duty.text.clone());
    }
    let requirements = &role.requirements;
    for item in &requirements.education {
        add("Education", item.text.clone());
    }
    for item in &requirements.experience {
        add("Experience", item.text.clone());
    }
    for item in &requirements.certifications {
        add("Certifications", item.text.clone());
    }
    for item in &role.environment {
        add("Environment", item.text.clone());
    }
    for skill in &role.skills {
        add(
            "Skills",
            format!("{}: {}", dataset.skill_name(&skill.skill), skill.note),
        );
    }
    for figure in &role.salary {
        for extra in [&figure.region, &figure.note].into_iter().flatten() {
            add("Salary", extra.clone());
        }
    }
    for aspect in &role.aspects {
        add(
            "Aspects",
            format!("{}: {}", dataset.aspect_name(&aspect.aspect), aspect.value),
        );
    }
    texts
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

/// Words too common to say anything about a role.
const STOP_WORDS: &[&str] = &[
    "a",
    "able",
    "about",
    "across",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "ask",
    "at",
    "be",
    "both",
    "by",
    "can",
    "come",
    "each",
    "every",
    "field",
    "find",
    "for",
    "from",
    "get",
    "good",
    "has",
    "have",
    "how",
    "in",
    "into",
    "is",
    "it",
    "its",
    "keep",
    "like",
    "make",
    "many",
    "may",
    "more",
    "most",
    "much",
    "must",
    "need",
    "new",
    "next",
    "not",
    "of",
    "often",
    "on",
    "one",
    "or",
    "other",
    "over",
    "own",
    "related",
    "role",
    "same",
    "so",
    "some",
    "such",
    "sure",
    "take",
    "that",
    "the",
    "their",
    "them",
    "they",
    "this",
    "through",
    "time",
    "to",
    "typically",
    "up",
    "usually",
    "well",
    "what",
    "when",
    "where",
    "which",
    "who",
    "with",
    "within",
    "work",
];

/// The distinct content words of `text`: lowercased, punctuation stripped, stop words and
/// words under three letters dropped, a plural `s` folded (`products` → `product`).
pub fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|word| {
            word.trim_matches(|c: char| c == '\'' || c == '-')
                .to_lowercase()
        })
        .map(|word| word.strip_suffix("'s").map(str::to_string).unwrap_or(word))
        .filter(|word| word.chars().count() >= 3 && !STOP_WORDS.contains(&word.as_str()))
        .map(|word| singular(&word))
        .filter(|word| word.chars().count() >= 3 && !STOP_WORDS.contains(&word.as_str()))
        .collect()
}

/// A light plural fold: `companies` → `company`, `products` → `product`; `business` stays.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies")
        && stem.chars().count() >= 2
    {
        return format!("{stem}y");
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.chars().count() >= 3 => stem.to_string(),
        _ => word.to_string(),
    }
}

/// |a ∩ b| / |a ∪ b|, and 0 for two empty sets.
pub fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
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
    fn content_words_drop_stop_words_and_fold_plurals() {
        let words: Vec<String> = content_words("Writes the product's features and products.")
            .into_iter()
            .collect();
        assert_eq!(words, ["feature", "product", "write"]);
    }

    #[test]
    fn jaccard_is_shared_over_union() {
        let a: BTreeSet<i32> = [1, 2, 3].into();
        let b: BTreeSet<i32> = [2, 3, 4].into();
        assert!((jaccard(&a, &b) - 0.5).abs() < 1e-9);
        assert_eq!(jaccard(&BTreeSet::<i32>::new(), &BTreeSet::new()), 0.0);
    }
}
