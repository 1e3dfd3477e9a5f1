//! Markdown: headings, paragraphs and GitHub-flavoured pipe tables.

use std::io::{self, Write};

use super::cell::{clean, clean_cell};
use crate::view::{Block, Grid, Report, unmark};

/// Writes the report as Markdown that renders on GitHub.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for (index, block) in report.blocks.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Heading(text) => writeln!(out, "## {}", inline(text))?,
            Block::Subheading(text) => writeln!(out, "### {}", inline(text))?,
            Block::Text(text) => writeln!(out, "{}", inline(text))?,
            Block::Note(text) => writeln!(out, "_{}_", inline(text))?,
            Block::Table(grid) => write_grid(grid, out)?,
            Block::Fields(records) => {
                for record in records {
                    writeln!(out, "- {}", inline(&record.join(" · ")))?;
                }
            }
            Block::Lines(lines) | Block::Paragraphs(lines) | Block::Bullets(lines) => {
                for line in lines {
                    writeln!(out, "- {}", inline(line))?;
                }
            }
        }
    }
    Ok(())
}

fn write_grid(grid: &Grid, out: &mut dyn Write) -> io::Result<()> {
    let cells = |row: &[String]| -> String {
        row.iter()
            .map(|cell| cell_text(cell, grid.marked))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    writeln!(out, "| {} |", cells(&grid.headers))?;
    let rule = vec!["---"; grid.headers.len()].join(" | ");
    writeln!(out, "| {rule} |")?;
    for row in &grid.rows {
        writeln!(out, "| {} |", cells(row))?;
    }
    Ok(())
}

/// A cell on one line: newlines become `<br>`, pipes are escaped, and in a `marked` table the
/// highlights are bold.
fn cell_text(cell: &str, marked: bool) -> String {
    unmark(
        &escaped(&clean_cell(cell, marked), "<br>", false),
        "**",
        "**",
    )
}

/// Text for a heading, paragraph or list item: on one line, whatever it holds, so text from a
/// file can never start a heading, a code fence, a quote or a list of its own.
fn inline(text: &str) -> String {
    escaped(&clean(text, true), " ", true)
}

/// Escapes what Markdown would read as markup or HTML in our text, writing `newline` for each
/// line break. `$` is escaped because pandoc and GitHub read `$…$` as TeX math, and `^`, `@`
/// because pandoc reads superscripts and citations. Where the text `starts_block` (not in a
/// table cell), leading spaces are dropped (four would open a code block) and a first character
/// that could open block structure is escaped (`#`, `=`, `+`, `-`, `~`, `:`, or the `.` of an
/// ordered list's `1.`).
fn escaped(cleaned: &str, newline: &str, starts_block: bool) -> String {
    let text = if starts_block {
        cleaned.trim_start()
    } else {
        cleaned
    };
    let mut out = String::with_capacity(text.len());
    if starts_block && text.starts_with(['#', '=', '+', '-', '~', ':']) {
        out.push('\\');
    }
    // The `.` or `)` after a leading number is what would make an ordered list.
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let list_marker =
        (starts_block && digits > 0 && text[digits..].starts_with(['.', ')'])).then_some(digits);
    for (at, c) in text.char_indices() {
        if Some(at) == list_marker {
            out.push('\\');
        }
        match c {
            '\n' => out.push_str(newline),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '*' | '_' | '`' | '[' | ']' | '\\' | '~' | '$' | '^' | '@' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_keep_line_breaks() {
        assert_eq!(cell_text("a|b\nc", false), "a\\|b<br>c");
    }

    #[test]
    fn text_from_a_file_cannot_open_block_structure() {
        assert_eq!(inline("a\n# heading"), "a # heading");
        assert_eq!(inline("x\n```\nswallowed"), "x \\`\\`\\` swallowed");
        assert_eq!(inline("# title"), "\\# title");
        assert_eq!(inline("12. item"), "12\\. item");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("2024 figures"), "2024 figures");
        assert_eq!(inline("R&D <b>"), "R&amp;D &lt;b&gt;");
        assert_eq!(inline("    indented"), "indented");
        assert_eq!(inline(": term"), "\\: term");
        assert_eq!(cell_text("$99 to $100", false), "\\$99 to \\$100");
    }

    #[test]
    fn table_has_header_rule_and_rows() {
        let mut grid = Grid::new(["A", "B"]);
        grid.row(["1", "2"]);
        let report = Report {
            blocks: vec![Block::Table(grid)],
        };
        let mut out = Vec::new();
        let written = write(&report, &mut out);
        assert!(written.is_ok());
        assert_eq!(
            String::from_utf8_lossy(&out),
            "| A | B |\n| --- | --- |\n| 1 | 2 |\n"
        );
    }
}
