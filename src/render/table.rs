//! Tables for people: comfy-table's frame fitted to the width, with colour only when allowed.

use std::io::{self, Write};

use std::borrow::Cow;

use super::cell::{clean, clean_cell, display_width, wrap};
use super::framed::{self, Framed};
use super::layout::Fit;
use super::stacked;
use super::style::Style;
use crate::view::{Block, Grid, MARK_CLOSE, MARK_OPEN, Report, unmark};

/// Writes every block of the report, separated by blank lines.
pub fn write(report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = usize::from(style.width);
    for (index, block) in report.blocks.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Heading(text) | Block::Subheading(text) => {
                for line in wrap(&clean(text, false), width) {
                    writeln!(out, "{}", paint(&line, "1", style))?;
                }
            }
            Block::Text(text) => {
                for line in wrap(&clean(text, false), width) {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Paragraphs(paragraphs) => {
                for paragraph in paragraphs {
                    for line in wrap(&clean(paragraph, false), width) {
                        writeln!(out, "{line}")?;
                    }
                }
            }
            Block::Fields(records) => {
                for record in records {
                    let fields: Vec<String> = record
                        .iter()
                        .map(|field| clean(field, false).replace('\t', "\\t"))
                        .collect();
                    writeln!(out, "{}", fields.join("\t"))?;
                }
            }
            Block::Bullets(items) => {
                for item in items {
                    let lines = wrap(&clean(item, false), width.saturating_sub(2).max(1));
                    for (number, line) in lines.iter().enumerate() {
                        let lead = if number == 0 { "• " } else { "  " };
                        writeln!(out, "{lead}{line}")?;
                    }
                }
            }
            Block::Note(text) => {
                for line in wrap(&clean(text, false), width) {
                    writeln!(out, "{}", paint(&line, "2", style))?;
                }
            }
            Block::Table(grid) => {
                let minimums = (!style.unwrapped())
                    .then(|| stacked::column_minimums(grid, width))
                    .flatten();
                let Some(minimums) = minimums else {
                    stacked::write(grid, style, out)?;
                    continue;
                };
                framed::write(&framed(grid, &minimums, style), width, finish(style), out)?;
            }
            Block::Lines(lines) => {
                for line in lines {
                    writeln!(out, "{}", clean(line, false))?;
                }
            }
        }
    }
    Ok(())
}

/// Zero-width stand-ins for a highlight's start and end while a table is laid out:
/// they take no columns, so the layout is right without scanning every cell for
/// ANSI escapes; [`paint_highlights`] swaps them for colour afterwards.
const LAID_OUT_OPEN: char = '\u{2060}';
const LAID_OUT_CLOSE: char = '\u{2063}';

/// Shows highlighted spans between «» without colour. With colour, marks them with zero-width
/// stand-ins, closed and reopened at every space so that no span is wrapped across lines.
fn highlight(text: Cow<'_, str>, style: Style) -> Cow<'_, str> {
    let stand_ins = [MARK_OPEN, MARK_CLOSE, LAID_OUT_OPEN, LAID_OUT_CLOSE];
    if !text.contains(stand_ins) {
        return text;
    }
    if !style.color {
        return Cow::Owned(unmark(&text, "«", "»"));
    }
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    for c in text.chars() {
        match c {
            LAID_OUT_OPEN | LAID_OUT_CLOSE => out.push('\u{FFFD}'),
            MARK_OPEN => {
                open = true;
                out.push(LAID_OUT_OPEN);
            }
            MARK_CLOSE => {
                open = false;
                out.push(LAID_OUT_CLOSE);
            }
            ' ' | '\n' if open => {
                out.push(LAID_OUT_CLOSE);
                out.push(c);
                out.push(LAID_OUT_OPEN);
            }
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

/// The laid-out table with highlight stand-ins turned into bold red.
fn paint_highlights(table: &str) -> String {
    table
        .replace(LAID_OUT_OPEN, "\u{1b}[1;31m")
        .replace(LAID_OUT_CLOSE, "\u{1b}[0m")
}

/// Wraps `text` in an SGR sequence when colour is on.
fn paint(text: &str, sgr: &str, style: Style) -> String {
    if style.color {
        format!("\u{1b}[{sgr}m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

/// Each column's even share of the width inside the frame: a cell wider than this, or on
/// several lines, makes a table rule off every row.
pub fn even_share(grid: &Grid, style: Style) -> usize {
    usize::from(style.width).saturating_sub(3 * grid.headers.len() + 1) / grid.headers.len().max(1)
}

/// The table as drawn: cells escaped (and highlighted, in colour), no column narrower than
/// its longest word (`minimums`), rules between rows whenever a cell holds or wraps onto
/// several lines.
fn framed<'a>(grid: &'a Grid, minimums: &[usize], style: Style) -> Framed<'a> {
    let share = even_share(grid, style);
    let ruled = !grid.unruled
        && grid
            .rows
            .iter()
            .flatten()
            .any(|cell| cell.contains('\n') || display_width(cell) > share);
    let fits = (0..grid.headers.len())
        .map(|column| match minimums.get(column) {
            _ if grid.keep_whole.contains(&column) => Fit::Whole,
            Some(&least) => Fit::AtLeast(least),
            None => Fit::Free,
        })
        .collect();
    Framed {
        headers: grid.headers.iter().map(|h| clean(h, false)).collect(),
        rows: grid
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|text| highlight(clean_cell(text, grid.marked), style))
                    .collect()
            })
            .collect(),
        fits,
        ruled,
        color: style.color,
    }
}

/// What each line needs before it is written: highlights' stand-ins turned into colour.
fn finish(style: Style) -> impl Fn(&str) -> Cow<'_, str> {
    move |line| {
        if style.color && line.contains([LAID_OUT_OPEN, LAID_OUT_CLOSE]) {
            Cow::Owned(paint_highlights(line))
        } else {
            Cow::Borrowed(line)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The table as comfy-table draws it, built as this module built it before it drew its
    /// own: the reference the frame is held to.
    fn comfy(grid: &Grid, minimums: &[usize], style: Style) -> String {
        use comfy_table::{
            Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table,
            Width, presets,
        };
        let share = even_share(grid, style);
        let multi_line = !grid.unruled
            && grid
                .rows
                .iter()
                .flatten()
                .any(|cell| cell.contains('\n') || super::display_width(cell) > share);
        let mut table = Table::new();
        table
            .load_preset(if multi_line {
                presets::UTF8_FULL
            } else {
                presets::UTF8_FULL_CONDENSED
            })
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty()
            .set_width(style.width);
        if style.color {
            table.enforce_styling();
        }
        table.set_header(grid.headers.iter().map(|header| {
            let cell = Cell::new(clean(header, false));
            if style.color {
                cell.add_attribute(Attribute::Bold).fg(Color::Cyan)
            } else {
                cell
            }
        }));
        for row in &grid.rows {
            table.add_row(row.iter().enumerate().map(|(column, text)| {
                let cell = Cell::new(highlight(clean_cell(text, grid.marked), style));
                if style.color && column == 0 && row.len() > 1 {
                    cell.add_attribute(Attribute::Bold)
                } else if style.color && text == "—" {
                    cell.add_attribute(Attribute::Dim)
                } else {
                    cell
                }
            }));
        }
        for (index, &minimum) in minimums.iter().enumerate() {
            if let Some(column) = table.column_mut(index) {
                if grid.keep_whole.contains(&index) {
                    column.set_constraint(ColumnConstraint::ContentWidth);
                    column.set_cell_alignment(CellAlignment::Left);
                } else {
                    let least = u16::try_from(minimum + 2).unwrap_or(u16::MAX);
                    column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
                }
            }
        }
        let mut text = String::new();
        for line in table.lines() {
            let line = if style.color {
                paint_highlights(&line)
            } else {
                line
            };
            text.push_str(&line);
            text.push('\n');
        }
        text
    }

    /// Words that test a layout: long ones, wide ones, combining and joined sequences,
    /// highlights, and the blanks between them.
    const PIECES: &[&str] = &[
        "a",
        "po",
        "backlog",
        "roadmap",
        "stakeholders",
        "—",
        "•",
        "Product Owner",
        "extraordinarily-long-identifier-without-breaks",
        "产品负责人管理待办事项",
        "产品",
        "🙂",
        "👩\u{200D}💻",
        "e\u{301}",
        "1\u{FE0F}\u{20E3}",
        "🇬🇧",
        "$120,000",
        "x",
        " ",
        "  ",
        "\n",
        "\u{E000}",
        "\u{E001}",
        "\u{2060}",
        "\t",
        "",
    ];

    fn cell() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|pieces| {
            let mut text = String::new();
            for (index, piece) in pieces.iter().enumerate() {
                if index > 0 && index % 2 == 0 {
                    text.push(' ');
                }
                text.push_str(piece);
            }
            text
        })
    }

    fn grid() -> impl Strategy<Value = Grid> {
        (1usize..=4)
            .prop_flat_map(|columns| {
                (
                    prop::collection::vec(cell(), columns),
                    prop::collection::vec(prop::collection::vec(cell(), columns), 0..7),
                    prop::collection::vec(any::<bool>(), columns),
                    any::<bool>(),
                    any::<bool>(),
                )
            })
            .prop_map(|(headers, rows, whole, wrap_headers, unruled)| Grid {
                headers,
                rows,
                keep_whole: (0..whole.len()).filter(|&c| whole[c]).collect(),
                wrap_headers,
                unruled,
                // Cells may hold highlight marks, drawn as a search table draws them.
                marked: true,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Every table is drawn exactly as comfy-table draws it, in colour and without.
        #[test]
        fn tables_are_drawn_as_comfy_table_draws_them(
            grid in grid(),
            width in 8u16..=140,
            color in any::<bool>(),
        ) {
            let style = Style { color, ..Style::plain(width) };
            if let Some(minimums) = stacked::column_minimums(&grid, usize::from(width)) {
                let report = Report { blocks: vec![Block::Table(grid.clone())] };
                prop_assert_eq!(rendered(&report, style), comfy(&grid, &minimums, style));
            }
        }
    }

    fn rendered(report: &Report, style: Style) -> String {
        let mut out = Vec::new();
        let written = write(report, style, &mut out);
        assert!(written.is_ok());
        String::from_utf8_lossy(&out).into_owned()
    }

    fn wide_report() -> Report {
        let mut grid = Grid::new(["Role", "Summary"]);
        grid.row(["a", &"word ".repeat(60)]);
        Report {
            blocks: vec![Block::Heading("Title".into()), Block::Table(grid)],
        }
    }

    #[test]
    fn tables_fit_the_width() {
        let text = rendered(&wide_report(), Style::plain(60));
        for line in text.lines() {
            assert!(line.chars().count() <= 60, "too wide: {line}");
        }
    }

    #[test]
    fn highlights_in_colour_keep_the_table_aligned() {
        let text = crate::view::marked("the product backlog is ranked", &[(4, 19)]);
        let mut grid = Grid::new(["Id", "Text"]);
        grid.marked = true;
        grid.row(["po", text.as_str()]);
        let report = Report {
            blocks: vec![Block::Table(grid)],
        };
        let coloured = Style {
            color: true,
            ..Style::plain(40)
        };
        let shown = rendered(&report, coloured);
        assert!(shown.contains("\u{1b}[1;31mproduct\u{1b}[0m"), "{shown}");
        let visible_width = |line: &str| {
            let mut width = 0;
            let mut in_escape = false;
            for c in line.chars() {
                match c {
                    '\u{1b}' => in_escape = true,
                    'm' if in_escape => in_escape = false,
                    _ if in_escape => {}
                    _ => width += 1,
                }
            }
            width
        };
        let widths: Vec<usize> = shown.lines().map(visible_width).collect();
        assert!(
            widths.iter().all(|&w| w == widths[0]),
            "{widths:?}\n{shown}"
        );
    }

    #[test]
    fn plain_style_has_no_escape_codes_and_colour_style_has_them() {
        assert!(!rendered(&wide_report(), Style::plain(80)).contains('\u{1b}'));
        let coloured = Style {
            color: true,
            ..Style::plain(80)
        };
        assert!(rendered(&wide_report(), coloured).contains('\u{1b}'));
    }
}
