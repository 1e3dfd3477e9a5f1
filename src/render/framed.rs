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

use super::display_width;
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

/// The frame's characters, from comfy-table's preset.
struct Frame {
    left: char,
    right: char,
    top: char,
    bottom: char,
    header: [char; 4],
    vertical: char,
    between: Option<[char; 4]>,
    top_joint: char,
    bottom_joint: char,
    corners: [char; 4],
}

impl Frame {
    /// comfy-table's UTF-8 frame, with rules between rows or without.
    fn utf8(ruled: bool) -> Frame {
        let preset = if ruled {
            presets::UTF8_FULL
        } else {
            presets::UTF8_FULL_CONDENSED
        };
        // The preset lists its components in comfy-table's `TableComponent` order.
        let mut parts = [' '; 19];
        for (slot, c) in parts.iter_mut().zip(preset.chars()) {
            *slot = c;
        }
        let set = |c: char| (c != ' ').then_some(c);
        let between = match (set(parts[9]), parts[10], parts[11], parts[12]) {
            (Some(fill), joint, left, right) => Some([left, fill, joint, right]),
            (None, ..) => None,
        };
        Frame {
            left: parts[0],
            right: parts[1],
            top: parts[2],
            bottom: parts[3],
            header: [parts[4], parts[5], parts[6], parts[7]],
            vertical: parts[8],
            between,
            top_joint: parts[13],
            bottom_joint: parts[14],
            corners: [parts[15], parts[16], parts[17], parts[18]],
        }
    }
}

/// Draws `table` `width` columns wide, passing each line through `finish` (colour for
/// highlights) before it is written.
pub fn write<'t>(
    table: &'t Framed<'t>,
    width: usize,
    finish: impl Fn(String) -> String,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Every line of every cell, measured once: the layout and the writing both use it.
    let measure = |row: &'t [Cow<'t, str>]| -> Vec<Vec<Measured<'t>>> {
        row.iter()
            .map(|cell| cell.split('\n').map(|l| (l, display_width(l))).collect())
            .collect()
    };
    let headers = measure(&table.headers);
    let rows: Vec<Vec<Vec<Measured<'t>>>> = table.rows.iter().map(|row| measure(row)).collect();
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain([headers.len()])
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Vec<Measured<'t>>> = vec![Vec::new(); columns];
    for row in std::iter::once(&headers).chain(&rows) {
        for (column, cell) in row.iter().enumerate() {
            lines[column].extend_from_slice(cell);
        }
    }
    let widths = layout::widths(&lines, &table.fits, width);
    drop(lines);
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
        line
    };
    let [top_left, top_right, bottom_left, bottom_right] = frame.corners;
    writeln!(
        out,
        "{}",
        rule([top_left, frame.top, frame.top_joint, top_right])
    )?;
    let header_sgr = table.color.then_some(HEADER_SGR);
    write_row(out, &frame, &headers, &widths, |_| header_sgr, &finish)?;
    writeln!(out, "{}", rule(frame.header))?;
    for (index, (row, measured)) in table.rows.iter().zip(&rows).enumerate() {
        if index > 0
            && let Some(between) = frame.between
        {
            writeln!(out, "{}", rule(between))?;
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
        write_row(out, &frame, measured, &widths, sgr, &finish)?;
    }
    writeln!(
        out,
        "{}",
        rule([bottom_left, frame.bottom, frame.bottom_joint, bottom_right])
    )
}

/// One row: each cell's lines wrapped to its column, padded a space either side and styled;
/// a cell with fewer lines than the row, or missing, is blank below (unstyled, as comfy-table
/// leaves it).
fn write_row(
    out: &mut dyn Write,
    frame: &Frame,
    cells: &[Vec<Measured<'_>>],
    widths: &[usize],
    sgr_of: impl Fn(usize) -> Option<&'static str>,
    finish: &impl Fn(String) -> String,
) -> io::Result<()> {
    let wrapped: Vec<Option<Vec<Measured<'_>>>> = widths
        .iter()
        .enumerate()
        .map(|(column, &width)| {
            let cell = cells.get(column)?;
            let mut parts = Vec::with_capacity(cell.len());
            for &(line, line_width) in cell {
                if line_width > width {
                    layout::split_line(line, width, |part, w| parts.push((part, w)));
                } else {
                    parts.push((line, line_width));
                }
            }
            Some(parts)
        })
        .collect();
    let height = wrapped
        .iter()
        .map(|cell| cell.as_ref().map_or(1, Vec::len))
        .max()
        .unwrap_or(0);
    for number in 0..height {
        let mut line = String::new();
        line.push(frame.left);
        for (column, width) in widths.iter().enumerate() {
            if column > 0 {
                line.push(frame.vertical);
            }
            let part = wrapped[column].as_ref().and_then(|parts| parts.get(number));
            let Some(&(text, text_width)) = part else {
                line.extend(std::iter::repeat_n(' ', width + 2));
                continue;
            };
            let sgr = sgr_of(column);
            if let Some(sgr) = sgr {
                line.push_str(sgr);
            }
            line.push(' ');
            line.push_str(text);
            let padding = width.saturating_sub(text_width);
            line.extend(std::iter::repeat_n(' ', padding + 1));
            if sgr.is_some() {
                line.push_str(RESET_SGR);
            }
        }
        line.push(frame.right);
        writeln!(out, "{}", finish(line))?;
    }
    Ok(())
}
