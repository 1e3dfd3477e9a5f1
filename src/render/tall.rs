//! Tall tables (the salary figures of a thousand occupations, a list of ten thousand roles),
//! laid out in one pass over their cells and written row by row as each is wrapped.
//!
//! comfy-table lays a table out by wrapping every cell more than once and building every line
//! before the first is written: for 14,000 lines that is most of a run. This writer draws the
//! same frame (the UTF-8 borders, a space either side of every cell, the same colours), gives
//! each column its longest line where the width allows and otherwise shares the width out from
//! each column's longest word up, and wraps a row's cells only when the row is written.

use std::borrow::Cow;
use std::io::{self, Write};

use super::{Style, clean, display_width, wrap};
use crate::view::{Grid, MARK_CLOSE, MARK_OPEN, unmark};

/// Rows from which a table is written by this writer rather than by comfy-table.
pub const TALL_ROWS: usize = 200;

/// Writes `grid` in columns no narrower than `minimums` (each column's longest word, or its
/// longest line for a column kept whole), fitted to the style's width.
pub fn write<'a>(
    grid: &'a Grid,
    minimums: &[usize],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Each cell as shown, escaped and unmarked, made once and kept for the writing.
    let plain = |text: &'a str| -> Cow<'a, str> {
        let cleaned = clean(text, true);
        if cleaned.contains([MARK_OPEN, MARK_CLOSE]) {
            Cow::Owned(unmark(&cleaned, "«", "»"))
        } else {
            cleaned
        }
    };
    let longest = |text: &str| text.lines().map(display_width).max().unwrap_or(0);
    let headers: Vec<Cow<'a, str>> = grid.headers.iter().map(|h| plain(h)).collect();
    let rows: Vec<Vec<Cow<'a, str>>> = grid
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| plain(cell)).collect())
        .collect();
    let mut natural: Vec<usize> = if grid.wrap_headers {
        vec![0; headers.len()]
    } else {
        headers.iter().map(|h| longest(h)).collect()
    };
    // A cell on several lines, or wider than an even share, rules every row off (as comfy-table
    // tables here do).
    let share = super::table::even_share(grid, style);
    let mut ruled = false;
    for row in &rows {
        for (column, cell) in row.iter().enumerate().take(natural.len()) {
            let width = longest(cell);
            ruled = ruled || width > share || cell.contains('\n');
            natural[column] = natural[column].max(width);
        }
    }
    let widths = share_out(
        &natural,
        minimums,
        usize::from(style.width).saturating_sub(3 * grid.headers.len() + 1),
    );
    writeln!(out, "{}", rule(&widths, ['┌', '─', '┬', '┐']))?;
    let header_style = style.color.then_some("\u{1b}[38;5;14m\u{1b}[1m");
    write_row(out, &headers, &widths, |_| header_style)?;
    writeln!(out, "{}", rule(&widths, ['╞', '═', '╪', '╡']))?;
    for (index, (row, shown)) in grid.rows.iter().zip(&rows).enumerate() {
        if index > 0 && ruled {
            writeln!(out, "{}", rule(&widths, ['├', '╌', '┼', '┤']))?;
        }
        let cell_style = |column: usize| {
            let text = row.get(column).map_or("", String::as_str);
            if !style.color {
                None
            } else if column == 0 && row.len() > 1 {
                Some("\u{1b}[1m")
            } else if text == "—" {
                Some("\u{1b}[2m")
            } else {
                None
            }
        };
        write_row(out, shown, &widths, cell_style)?;
    }
    writeln!(out, "{}", rule(&widths, ['└', '─', '┴', '┘']))
}

/// Column widths: each its natural width when they all fit in `room`; otherwise each starts at
/// its minimum and the room left is shared out evenly among the columns that want more, none
/// getting more than it wants.
fn share_out(natural: &[usize], minimums: &[usize], room: usize) -> Vec<usize> {
    let wants: Vec<usize> = natural
        .iter()
        .zip(minimums)
        .map(|(n, m)| (*n).max(*m))
        .collect();
    if wants.iter().sum::<usize>() <= room {
        return wants;
    }
    let mut widths: Vec<usize> = minimums.to_vec();
    let mut left = room.saturating_sub(widths.iter().sum());
    loop {
        let hungry: Vec<usize> = (0..widths.len())
            .filter(|&c| widths[c] < wants[c])
            .collect();
        if hungry.is_empty() || left == 0 {
            return widths;
        }
        let each = (left / hungry.len()).max(1);
        for column in hungry {
            let grant = each.min(wants[column] - widths[column]).min(left);
            widths[column] += grant;
            left -= grant;
        }
    }
}

/// A horizontal rule: left end, fill, joint between columns, right end.
fn rule(widths: &[usize], [left, fill, joint, right]: [char; 4]) -> String {
    let mut line = String::new();
    line.push(left);
    for (index, width) in widths.iter().enumerate() {
        if index > 0 {
            line.push(joint);
        }
        line.extend(std::iter::repeat_n(fill, width + 2));
    }
    line.push(right);
    line
}

/// One row of cells, each wrapped to its column and padded, as many lines as its tallest cell.
fn write_row(
    out: &mut dyn Write,
    cells: &[Cow<'_, str>],
    widths: &[usize],
    style_of: impl Fn(usize) -> Option<&'static str>,
) -> io::Result<()> {
    let wrapped: Vec<Vec<Cow<'_, str>>> = widths
        .iter()
        .enumerate()
        .map(|(column, &width)| {
            let text = cells.get(column).map_or("", |cell| cell.as_ref());
            text.lines()
                .flat_map(|line| {
                    // A line that fits and that wrapping would leave as it is (most of them).
                    if display_width(line) <= width && single_spaced(line) {
                        vec![Cow::Borrowed(line)]
                    } else {
                        wrap(line, width).into_iter().map(Into::into).collect()
                    }
                })
                .collect()
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut line = String::new();
    for number in 0..height {
        line.clear();
        line.push('│');
        for (column, width) in widths.iter().enumerate() {
            if column > 0 {
                line.push('┆');
            }
            let text = wrapped[column].get(number).map_or("", |t| t.as_ref());
            let padding = width.saturating_sub(display_width(text));
            let sgr = style_of(column);
            if let Some(sgr) = sgr {
                line.push_str(sgr);
            }
            line.push(' ');
            line.push_str(text);
            for _ in 0..=padding {
                line.push(' ');
            }
            if sgr.is_some() {
                line.push_str("\u{1b}[0m");
            }
        }
        line.push('│');
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// True when `line` is words joined by single spaces, as [`wrap`] would join them.
fn single_spaced(line: &str) -> bool {
    !line.is_empty()
        && !line.starts_with(' ')
        && !line.ends_with(' ')
        && !line.contains("  ")
        && !line.chars().any(|c| c.is_whitespace() && c != ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_get_what_they_want_when_it_fits_and_share_what_is_left_when_not() {
        assert_eq!(share_out(&[5, 10], &[3, 4], 20), [5, 10]);
        assert_eq!(share_out(&[5, 30], &[3, 4], 20), [5, 15]);
        assert_eq!(share_out(&[30, 30], &[3, 4], 20), [10, 10]);
        // Never below a minimum, even when the minimums overflow the room.
        assert_eq!(share_out(&[30, 30], &[15, 15], 20), [15, 15]);
    }

    #[test]
    fn a_tall_table_fits_its_width_and_keeps_every_word_whole() {
        let mut grid = Grid::new(["Role", "Summary"]);
        for index in 0..TALL_ROWS + 5 {
            let summary = format!("role {index} plans the roadmap with extraordinarily long words");
            grid.row([format!("Role number {index}"), summary]);
        }
        let minimums = super::super::stacked::column_minimums(&grid, 40).unwrap_or_default();
        let mut out = Vec::new();
        write(&grid, &minimums, Style::plain(40), &mut out).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(&out);
        assert!(text.lines().all(|line| display_width(line) <= 40), "{text}");
        assert!(text.contains("extraordinarily"));
        assert!(
            text.lines()
                .all(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
        );
    }

    #[test]
    fn lines_left_as_they_are_are_the_ones_wrapping_would_leave() {
        for line in ["a b", "a  b", " a", "a ", "a\u{a0}b", "", "产品 负责"] {
            if single_spaced(line) {
                assert_eq!(wrap(line, 80), [line], "{line:?}");
            }
        }
        assert!(single_spaced("a b") && !single_spaced("a\u{a0}b") && !single_spaced(""));
    }
}
