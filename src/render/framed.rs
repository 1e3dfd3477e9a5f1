//! Framed tables: comfy-table's frame and layout ([`super::layout`]), drawn a row at a time.
//!
//! comfy-table builds every line of a table before the first is written, wrapping each cell
//! more than once; for the 160-line profile `show` prints, that was a third of the run, and for
//! the 14,000 lines of the O*NET import's salaries most of it. This writer measures the cells
//! once, takes the widths comfy-table would choose, and wraps a row's cells only as the row is
//! written. The frame's characters are comfy-table's own presets.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::presets;

use super::cell::display_width;
use super::layout::{self, Fit, Measured};

/// SGR sequences comfy-table (through crossterm) writes around a styled cell.
const HEADER_SGR: &str = "\u{1b}[38;5;14m\u{1b}[1m";
const BOLD_SGR: &str = "\u{1b}[1m";
const DIM_SGR: &str = "\u{1b}[2m";
const RESET_SGR: &str = "\u{1b}[0m";

/// A table ready to draw: every cell as shown, and how each may be styled.
pub struct Framed<'a> {
    /// Header cells, as shown.
    pub headers: Vec<Cow<'a, str>>,
    /// Rows of cells, as shown.
    pub rows: Vec<Vec<Cow<'a, str>>>,
    /// What each column holds to.
    pub fits: Vec<Fit>,
    /// Rule a line between rows (for cells on several lines).
    pub ruled: bool,
    /// Colour: headers bold cyan, a row's first cell bold, an empty "—" dim.
    pub color: bool,
}

/// The frame's characters, from comfy-table's preset. Each rule is its left end, its fill,
/// the joint between columns and its right end.
struct Frame {
    top: [char; 4],
    header: [char; 4],
    between: Option<[char; 4]>,
    bottom: [char; 4],
    left: char,
    vertical: char,
    right: char,
}

impl Frame {
    /// comfy-table's UTF-8 frame, with rules between rows or without.
    fn utf8(ruled: bool) -> Frame {
        let preset = if ruled {
            presets::UTF8_FULL
        } else {
            presets::UTF8_FULL_CONDENSED
        };
        // The preset lists its components in comfy-table's `TableComponent` order; a space is
        // a component left out.
        let mut c = [' '; 19];
        for (slot, char) in c.iter_mut().zip(preset.chars()) {
            *slot = char;
        }
        Frame {
            top: [c[15], c[2], c[13], c[16]],
            header: [c[4], c[5], c[6], c[7]],
            between: (c[9] != ' ').then_some([c[11], c[9], c[10], c[12]]),
            bottom: [c[17], c[3], c[14], c[18]],
            left: c[0],
            vertical: c[8],
            right: c[1],
        }
    }
}

/// Draws `table` `width` columns wide, passing each line through `finish` (colour for
/// highlights) before it is written.
pub fn write(
    table: &Framed<'_>,
    width: usize,
    finish: impl Fn(&str) -> Cow<'_, str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Every line of every cell, measured once into one list: the layout and the writing
    // both read it. A cell is a range of that list, a row a range of cells.
    let mut lines: Vec<Measured<'_>> = Vec::new();
    let mut cells: Vec<(usize, usize)> = Vec::new();
    let mut rows: Vec<(usize, usize)> = Vec::new();
    for row in std::iter::once(&table.headers).chain(&table.rows) {
        let first = cells.len();
        for cell in row {
            let start = lines.len();
            lines.extend(cell.split('\n').map(|l| (l, display_width(l))));
            cells.push((start, lines.len()));
        }
        rows.push((first, cells.len()));
    }
    let columns = rows.iter().map(|(a, b)| b - a).max().unwrap_or(0);
    let mut by_column: Vec<Vec<Measured<'_>>> = vec![Vec::new(); columns];
    for &(first, last) in &rows {
        for (column, &(start, end)) in cells[first..last].iter().enumerate() {
            by_column[column].extend_from_slice(&lines[start..end]);
        }
    }
    let widths = layout::widths(&by_column, &table.fits, width);
    drop(by_column);
    let frame = Frame::utf8(table.ruled);
    let rule = |[left, fill, joint, right]: [char; 4]| {
        let mut line = String::new();
        line.push(left);
        for (index, width) in widths.iter().enumerate() {
            if index > 0 {
                line.push(joint);
            }
            line.extend(std::iter::repeat_n(fill, width + 2));
        }
        line.push(right);
        line.push('\n');
        line
    };
    out.write_all(rule(frame.top).as_bytes())?;
    let mut writer = RowWriter {
        frame: &frame,
        widths: &widths,
        lines: &lines,
        parts: vec![Vec::new(); columns],
        line: String::new(),
    };
    let header_sgr = table.color.then_some(HEADER_SGR);
    let (first, last) = rows[0];
    writer.write(out, &cells[first..last], |_| header_sgr, &finish)?;
    out.write_all(rule(frame.header).as_bytes())?;
    let between = frame.between.map(rule);
    for (index, (row, &(first, last))) in table.rows.iter().zip(&rows[1..]).enumerate() {
        if index > 0
            && let Some(between) = &between
        {
            out.write_all(between.as_bytes())?;
        }
        let sgr = |column: usize| {
            let text = row.get(column).map_or("", |cell| cell.as_ref());
            if !table.color {
                None
            } else if column == 0 && row.len() > 1 {
                Some(BOLD_SGR)
            } else if text == "—" {
                Some(DIM_SGR)
            } else {
                None
            }
        };
        writer.write(out, &cells[first..last], sgr, &finish)?;
    }
    out.write_all(rule(frame.bottom).as_bytes())
}

/// Writes rows, reusing its buffers from one row to the next (a salary table has 7,000).
struct RowWriter<'f, 'a> {
    frame: &'f Frame,
    widths: &'f [usize],
    lines: &'f [Measured<'a>],
    /// Each column's lines of the row being written, wrapped.
    parts: Vec<Vec<Measured<'a>>>,
    line: String,
}

impl RowWriter<'_, '_> {
    /// One row: each cell's lines wrapped to its column, padded a space either side and
    /// styled; a cell with fewer lines than the row, or missing, is blank below (unstyled, as
    /// comfy-table leaves it).
    fn write(
        &mut self,
        out: &mut dyn Write,
        cells: &[(usize, usize)],
        sgr_of: impl Fn(usize) -> Option<&'static str>,
        finish: &impl Fn(&str) -> Cow<'_, str>,
    ) -> io::Result<()> {
        let lines = self.lines;
        for (column, &width) in self.widths.iter().enumerate() {
            let parts = &mut self.parts[column];
            parts.clear();
            let Some(&(start, end)) = cells.get(column) else {
                continue;
            };
            for &(line, line_width) in &lines[start..end] {
                if line_width > width {
                    layout::split_line(line, width, |part, w| parts.push((part, w)));
                } else {
                    parts.push((line, line_width));
                }
            }
        }
        // A missing cell counts as one blank line.
        let height = (0..self.widths.len())
            .map(|column| {
                if column < cells.len() {
                    self.parts[column].len()
                } else {
                    1
                }
            })
            .max()
            .unwrap_or(0);
        for number in 0..height {
            let line = &mut self.line;
            line.clear();
            line.push(self.frame.left);
            for (column, width) in self.widths.iter().enumerate() {
                if column > 0 {
                    line.push(self.frame.vertical);
                }
                // A missing cell's parts were left empty.
                let part = self.parts[column].get(number);
                let Some(&(text, text_width)) = part else {
                    push_spaces(line, width + 2);
                    continue;
                };
                let sgr = sgr_of(column);
                if let Some(sgr) = sgr {
                    line.push_str(sgr);
                }
                line.push(' ');
                line.push_str(text);
                let padding = width.saturating_sub(text_width);
                push_spaces(line, padding + 1);
                if sgr.is_some() {
                    line.push_str(RESET_SGR);
                }
            }
            line.push(self.frame.right);
            line.push('\n');
            out.write_all(finish(line).as_bytes())?;
        }
        Ok(())
    }
}

/// Appends `count` spaces a slice at a time, not a character at a time.
fn push_spaces(line: &mut String, count: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = count;
    while left > 0 {
        let now = left.min(SPACES.len());
        line.push_str(&SPACES[..now]);
        left -= now;
    }
}
