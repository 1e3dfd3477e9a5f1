//! The layout for tables too wide for the terminal: one record a block, `field: value` lines
//! wrapped with a hanging indent, as `psql \x` and `kubectl describe` do. No cell is squeezed to
//! a sliver and no word is split.

use std::io::{self, Write};

use super::cell::{clean_cell, display_width, least_width, wrap};
use super::style::Style;
use crate::view::{Grid, MARK_CLOSE, MARK_OPEN, unmark};

/// Narrowest a column of prose may get before the table is better stacked.
const MIN_PROSE_COLUMN: usize = 12;

/// Longest line of a cell, in bytes, that is wrapped into a table column. Splitting a line into
/// a column measures what is left of it at every break (as comfy-table does), so the cost grows
/// with its length squared: a longer line (a file's 900 KB run of Chinese took 10 s) is shown
/// stacked, where wrapping is one pass.
pub const MAX_TABLE_LINE_BYTES: usize = 4096;

/// Whether `grid` can be drawn as a table `width` columns wide with no word split, no column of
/// prose narrower than [`MIN_PROSE_COLUMN`] and no line longer than [`MAX_TABLE_LINE_BYTES`].
/// Returns each column's least width.
pub fn column_minimums(grid: &Grid, width: usize) -> Option<Vec<usize>> {
    let too_long = |cell: &String| {
        cell.len() > MAX_TABLE_LINE_BYTES && cell.lines().any(|l| l.len() > MAX_TABLE_LINE_BYTES)
    };
    if grid
        .headers
        .iter()
        .chain(grid.rows.iter().flatten())
        .any(too_long)
    {
        return None;
    }
    let columns = grid.headers.len();
    // `│ a ┆ b │`: a space either side of every cell and a rule between and around them.
    let frame = 3 * columns + 1;
    let cells = |column: usize| {
        std::iter::once(&grid.headers[column])
            .chain(grid.rows.iter().filter_map(move |row| row.get(column)))
    };
    let minimums: Vec<usize> = (0..columns)
        .map(|column| {
            let whole = grid.keep_whole.contains(&column);
            let header = if grid.wrap_headers {
                longest_word(&grid.headers[column])
            } else {
                0
            };
            let body = cells(column).skip(usize::from(grid.wrap_headers));
            body.flat_map(|cell| cell.lines())
                .map(|line| {
                    // Both marks start with the byte 0xEE, which almost no text holds.
                    let marked = line.as_bytes().contains(&0xEE);
                    let line = if marked && line.contains([MARK_OPEN, MARK_CLOSE]) {
                        std::borrow::Cow::Owned(unmark(line, "«", "»"))
                    } else {
                        std::borrow::Cow::Borrowed(line)
                    };
                    if whole {
                        display_width(&line)
                    } else {
                        let longest = longest_word(&line);
                        if longest >= MIN_PROSE_COLUMN {
                            longest
                        } else {
                            longest.max(display_width(&line).min(MIN_PROSE_COLUMN))
                        }
                    }
                })
                .max()
                .unwrap_or(0)
                .max(header)
        })
        .collect();
    (minimums.iter().sum::<usize>() + frame <= width).then_some(minimums)
}

/// The least width of the widest word of `text`, its words split at whitespace.
fn longest_word(text: &str) -> usize {
    // Split at ASCII whitespace a byte at a time, a word of printable ASCII a column a byte;
    // any other word is split again at Unicode whitespace, so the words are split_whitespace's.
    let bytes = text.as_bytes();
    let (mut longest, mut start, mut plain) = (0, 0, true);
    for index in 0..=bytes.len() {
        let byte = bytes.get(index).copied().unwrap_or(b' ');
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            let width = if plain {
                index - start
            } else {
                text[start..index]
                    .split_whitespace()
                    .map(least_width)
                    .max()
                    .unwrap_or(0)
            };
            longest = longest.max(width);
            (start, plain) = (index + 1, true);
        } else {
            plain &= (0x21..0x7f).contains(&byte);
        }
    }
    longest
}

/// Writes `grid` as blocks: the first cell of a row as its title, then `header: value` for the
/// rest, each value's lines wrapped to `style.width` under a two-space indent.
pub fn write(grid: &Grid, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = usize::from(style.width);
    let show = |text: &str| unmark(&clean_cell(text, grid.marked), "«", "»");
    for (index, row) in grid.rows.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        let mut cells = grid.headers.iter().zip(row);
        if let Some((header, first)) = cells.next() {
            let title = if header.trim().is_empty() {
                show(first)
            } else {
                format!("{}: {}", show(header), show(first))
            };
            for line in wrap(&title, width) {
                writeln!(out, "{}", bold(&line, style))?;
            }
        }
        for (header, value) in cells {
            let label = show(header);
            let value = show(value);
            let mut lines = value.lines();
            let first = lines.next().unwrap_or_default();
            let lead = format!("{label}: {first}");
            for (number, line) in wrap(&lead, width.saturating_sub(4)).into_iter().enumerate() {
                let indent = if number == 0 { "  " } else { "    " };
                writeln!(out, "{indent}{line}")?;
            }
            for line in lines {
                for wrapped in wrap(line, width.saturating_sub(4)) {
                    writeln!(out, "    {wrapped}")?;
                }
            }
        }
    }
    Ok(())
}

fn bold(text: &str, style: Style) -> String {
    if style.color {
        format!("\u{1b}[1m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte-at-a-time split finds the words `split_whitespace` finds, whatever the
        /// whitespace (tabs, no-break and ideographic spaces, vertical tabs) and the script.
        #[test]
        fn the_longest_word_is_split_whitespaces_longest(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "a", "word", " ", "  ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{a0}", "\u{3000}",
                "\u{2003}", "产品负责人", "•", "🙂", "e\u{301}", "\u{7f}", "\u{1f}", "~",
            ][..]), 0..20),
        ) {
            let text = parts.concat();
            let expected = text.split_whitespace().map(least_width).max().unwrap_or(0);
            proptest::prop_assert_eq!(longest_word(&text), expected, "{:?}", text);
        }
    }

    fn grid() -> Grid {
        let mut grid = Grid::new(["Contrast", "Product Owner", "Product Manager"]);
        grid.row([
            "Focus",
            "Execution of specific features [po-pm-guide]",
            "Strategy",
        ]);
        grid
    }

    #[test]
    fn a_table_with_a_line_too_long_to_wrap_quickly_is_stacked() {
        let mut grid = Grid::new(["Section", "Detail"]);
        grid.row(["Duties", &"产".repeat(MAX_TABLE_LINE_BYTES / 3)]);
        assert!(column_minimums(&grid, 80).is_some());
        grid.row(["Skills", &"产".repeat(MAX_TABLE_LINE_BYTES / 3 + 1)]);
        assert!(column_minimums(&grid, 80).is_none());
    }

    #[test]
    fn a_table_fits_only_when_every_word_does() {
        assert!(column_minimums(&grid(), 100).is_some());
        assert!(column_minimums(&grid(), 40).is_none());
    }

    #[test]
    fn stacked_records_keep_words_whole_within_the_width() {
        let mut out = Vec::new();
        assert!(write(&grid(), Style::plain(40), &mut out).is_ok());
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.starts_with("Contrast: Focus\n  Product Owner: Execution of specific\n"),
            "{text}"
        );
        assert!(
            text.lines().all(|line| line.chars().count() <= 40),
            "{text}"
        );
        assert!(text.contains("[po-pm-guide]"));
    }
}
