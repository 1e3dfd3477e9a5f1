//! The ids an import gives: slugs of titles, cut at a word, unique whatever the release.

use std::collections::HashMap;

use super::onet::Occupation;

/// A slug of `text`: lowercase ASCII letters and digits joined by single hyphens, at most 64
/// bytes, cut at a word.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    cut(trimmed, 64).to_string()
}

/// Longest id an occupation gets: short enough to type and to sit in a table column.
pub const ID_LIMIT: usize = 40;

/// A slug of each occupation's title, cut at a word to [`ID_LIMIT`]. Titles whose slugs clash
/// all get their code appended, not only the second one met, so an id depends on the
/// occupation's own title and code alone and stays the same from release to release.
pub(super) fn role_ids<'a>(occupations: &[&'a Occupation]) -> HashMap<&'a str, String> {
    let short = |title: &str| cut(&slug(title), ID_LIMIT).to_string();
    let mut uses: HashMap<String, usize> = HashMap::new();
    for occupation in occupations {
        *uses.entry(short(&occupation.title)).or_default() += 1;
    }
    let mut ids = HashMap::new();
    for occupation in occupations {
        let mut id = short(&occupation.title);
        if id.is_empty() || uses.get(&id).is_some_and(|n| *n > 1) {
            let code = slug(&occupation.code);
            let head = cut(&id, ID_LIMIT.saturating_sub(code.len() + 1));
            id = slug(&format!("{head} {code}"));
        }
        ids.insert(occupation.code.as_str(), id);
    }
    ids
}

/// `id` cut at a hyphen to at most `limit` bytes.
pub fn cut(id: &str, limit: usize) -> &str {
    if id.len() <= limit {
        return id;
    }
    let head = &id[..limit];
    head.rfind('-').map_or(head, |end| &head[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_cut_at_a_word() {
        assert_eq!(
            cut("first-line-supervisors-of-landscaping", 20),
            "first-line"
        );
        assert_eq!(cut("short", 20), "short");
    }
}
