//! Where an item of a dataset is in its YAML text, for problems found after parsing.

use std::cell::RefCell;
use std::collections::HashMap;

/// Finds approximate positions of items in block-style YAML text.
///
/// The parser gives positions only for parse errors, so the checks done after parsing look the
/// item up in the text: the top-level section, the n-th list item in it, then a key or a word
/// inside that item. Flow-style or unusual layouts simply get no position. Each section and
/// each list is scanned once and its item starts kept, so finding the position of every one of
/// a hundred thousand problems costs one pass over the file, not one per problem.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    sections: RefCell<HashMap<String, Option<(usize, usize)>>>,
    lists: RefCell<HashMap<(usize, usize), Option<ListItems>>>,
}

/// The lines where each item of one block list starts, and where the list ends.
#[derive(Clone)]
struct ListItems {
    starts: Vec<usize>,
    end: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            lines: text.lines().collect(),
            sections: RefCell::default(),
            lists: RefCell::default(),
        }
    }

    /// Lines `[start, end)` of top-level `section:`, or the whole file for `None`.
    fn section(&self, section: Option<&str>) -> Option<(usize, usize)> {
        let Some(name) = section else {
            return Some((0, self.lines.len()));
        };
        if let Some(found) = self.sections.borrow().get(name) {
            return *found;
        }
        let found = self.find_section(name);
        self.sections.borrow_mut().insert(name.to_string(), found);
        found
    }

    fn find_section(&self, name: &str) -> Option<(usize, usize)> {
        let header = format!("{name}:");
        let start = self
            .lines
            .iter()
            .position(|line| line.trim_end().starts_with(&header) && !line.starts_with(' '))?;
        let end = (start + 1..self.lines.len())
            .find(|&i| {
                let line = self.lines[i];
                !line.is_empty()
                    && !line.starts_with([' ', '-', '#'])
                    && line.trim_end().contains(':')
            })
            .unwrap_or(self.lines.len());
        Some((start + 1, end))
    }

    /// Lines of the `index`-th list item in a section (the whole section for `None`).
    fn item(&self, section: Option<&str>, index: usize) -> Option<(usize, usize)> {
        let (start, end) = self.section(section)?;
        if section.is_none() {
            return Some((start, end));
        }
        self.list_item(start, end, index)
    }

    /// Lines of the `index`-th block-list item (`- …`) within lines `[start, end)`; the list ends
    /// at the first line indented less than its items.
    fn list_item(&self, start: usize, end: usize, index: usize) -> Option<(usize, usize)> {
        let cached = self.lists.borrow().get(&(start, end)).cloned();
        let items = match cached {
            Some(items) => items,
            None => {
                let items = self.scan_list(start, end);
                self.lists.borrow_mut().insert((start, end), items.clone());
                items
            }
        }?;
        let first = *items.starts.get(index)?;
        let next = items.starts.get(index + 1).copied().unwrap_or(items.end);
        Some((first, next))
    }

    fn scan_list(&self, start: usize, end: usize) -> Option<ListItems> {
        let indent_of = |line: &str| line.len() - line.trim_start().len();
        let item_indent = (start..end).find_map(|i| {
            let line = self.lines[i];
            line.trim_start().starts_with("- ").then(|| indent_of(line))
        })?;
        let mut starts = Vec::new();
        let mut last = end;
        for i in start..end {
            let line = self.lines[i];
            let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
            if blank {
                continue;
            }
            let indent = indent_of(line);
            if indent < item_indent {
                if !starts.is_empty() {
                    last = i;
                    break;
                }
                continue;
            }
            if indent == item_indent && line[indent..].starts_with("- ") {
                starts.push(i);
            }
        }
        Some(ListItems { starts, end: last })
    }

    /// Position of `key:` on a line of its own within `[start, end)`.
    fn key_in(&self, start: usize, end: usize, key: &str) -> Option<(usize, usize)> {
        let pattern = format!("{key}:");
        (start..end).find_map(|i| {
            let line = self.lines[i];
            let column = line.find(&pattern)?;
            let before = &line[..column];
            before
                .trim_start_matches([' ', '-'])
                .is_empty()
                .then_some((i + 1, column + 1))
        })
    }

    /// Position of `key:` in the `figure`-th salary figure of the `role`-th role.
    pub fn figure_key(&self, role: usize, figure: usize, key: &str) -> Option<(usize, usize)> {
        let (start, end) = self.item(Some("roles"), role)?;
        let (salary_line, _) = self.key_in(start, end, "salary")?;
        let (first, last) = self.list_item(salary_line, end, figure)?;
        self.key_in(first, last, key)
    }

    /// Position of `key:` in the `index`-th item of `section`.
    pub fn key_in_section(
        &self,
        section: Option<&str>,
        index: usize,
        key: &str,
    ) -> Option<(usize, usize)> {
        let (start, end) = self.item(section, index)?;
        self.key_in(start, end, key)
    }

    /// Position of `word` (as a whole token) in the `index`-th item of `section`.
    pub fn word_in_item(&self, section: &str, index: usize, word: &str) -> Option<(usize, usize)> {
        if word.is_empty() {
            return None;
        }
        let (start, end) = self.item(Some(section), index)?;
        (start..end).find_map(|i| {
            let line = self.lines[i];
            line.match_indices(word).find_map(|(column, _)| {
                let before = line[..column].chars().next_back();
                let after = line[column + word.len()..].chars().next();
                let is_token_edge = |c: Option<char>| {
                    c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
                };
                (is_token_edge(before) && is_token_edge(after)).then_some((i + 1, column + 1))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_finds_a_word_inside_the_nth_item() {
        let text =
            "version: 1\nroles:\n  - id: a\n    skills: [x]\n  - id: b\n    skills: [y, zz]\n";
        let locator = Locator::new(text);
        assert_eq!(locator.word_in_item("roles", 1, "zz"), Some((6, 17)));
        assert_eq!(locator.key_in_section(Some("roles"), 1, "id"), Some((5, 5)));
        assert_eq!(locator.word_in_item("roles", 0, "zz"), None);
    }

    #[test]
    fn locator_finds_a_key_in_the_nth_salary_figure() {
        let text = "roles:\n  - id: a\n    salary:\n      - kind: average\n        amount: 1\n      - kind: range\n        min: 3\n        max: 2\n    aspects: []\n";
        let locator = Locator::new(text);
        assert_eq!(locator.figure_key(0, 1, "min"), Some((7, 9)));
        assert_eq!(locator.figure_key(0, 0, "amount"), Some((5, 9)));
        assert_eq!(locator.figure_key(0, 2, "min"), None);
    }
}
