//! A problem found in a dataset, with where it is when that can be known: what parsing,
//! validation and reading a file report, as `FILE:LINE:COLUMN: message`.

use std::fmt;

use crate::escape::bounded_message;

/// One thing wrong with a dataset, with where it is when that can be known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line in the file, if known.
    pub line: Option<usize>,
    /// 1-based column in the file, if known.
    pub column: Option<usize>,
    /// What is wrong, naming the item (e.g. `role 'x': skill 'y' is not in the vocabulary`).
    pub message: String,
    /// How many further problems this line stands for without listing them (0 for an ordinary
    /// problem): past [`MAX_LISTED_PROBLEMS`], problems are counted, not kept.
    pub unlisted: usize,
}

/// Problems listed per file; the rest are counted, so a file with a million problems costs no
/// more memory than one with a thousand and its report stays readable.
pub const MAX_LISTED_PROBLEMS: usize = 1000;

/// How many problems `problems` report, counting those a summary line stands for.
pub fn problem_count(problems: &[Problem]) -> usize {
    problems.iter().map(|p| p.unlisted.max(1)).sum()
}

impl Problem {
    /// A problem at a known position, or at none.
    /// The message's quoted parts (`'…'`, which hold text from the file) are cut to a short,
    /// escaped excerpt, so no problem echoes a file back however long its values are.
    pub fn at(position: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Problem {
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            message: bounded_message(&message.into()),
            unlisted: 0,
        }
    }

    /// The line that stands for `count` problems found past the listing limit.
    pub fn unlisted(count: usize) -> Self {
        Problem {
            unlisted: count,
            ..Problem::at(
                None,
                format!(
                    "and {count} more problem{} not listed (the first {MAX_LISTED_PROBLEMS} are)",
                    if count == 1 { "" } else { "s" }
                ),
            )
        }
    }

    /// The `origin:line:column: message` form, with as much position as is known.
    pub fn display_in(&self, origin: &str) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{origin}:{line}:{column}: {}", self.message),
            (Some(line), None) => format!("{origin}:{line}: {}", self.message),
            _ => format!("{origin}: {}", self.message),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_shows_as_much_position_as_is_known() {
        assert_eq!(
            Problem::at(Some((3, 7)), "bad").display_in("f.yaml"),
            "f.yaml:3:7: bad"
        );
        assert_eq!(Problem::at(None, "bad").display_in("f.yaml"), "f.yaml: bad");
    }
}
