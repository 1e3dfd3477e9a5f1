//! Markdown: headings, paragraphs and GitHub-flavoured pipe tables.

use std::io::{self, Write};

use super::clean;
use crate::view::{Block, Grid, Report, unmark};

/// Writes the report as Markdown that renders on GitHub.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for (index, block) in report.blocks.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Heading(text) => writeln!(out, "## {}", inline(text))?,
            Block::Text(text) => writeln!(out, "{}", inline(text))?,
            Block::Note(text) => writeln!(out, "_{}_", inline(text))?,
            Block::Table(grid) => write_grid(grid, out)?,
            Block::Lines(lines) | Block::Paragraphs(lines) => {
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
            .map(|cell| cell_text(cell))
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

/// A cell on one line: newlines become `<br>`, pipes are escaped.
fn cell_text(cell: &str) -> String {
    let text = clean(cell, true);
    let escaped = inline(&text);
    unmark(&escaped, "**", "**").replace('\n', "<br>")
}

/// Escapes what Markdown would read as markup or HTML in our text.
fn inline(text: &str) -> String {
    let text = clean(text, true);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '*' | '_' | '`' | '[' | ']' | '\\' => {
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
        assert_eq!(cell_text("a|b\nc"), "a\\|b<br>c");
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
