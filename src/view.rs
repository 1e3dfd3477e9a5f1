//! What commands hand to renderers: plain data, no formatting decisions about colour or width.
//!
//! A command builds a typed view (serialised as is for JSON) and describes it as a [`Report`] of
//! headings, paragraphs and tables for the table and Markdown renderers, and as flat
//! [`Records`] for CSV.

use serde::Serialize;

/// A rendered document: blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The blocks, top to bottom.
    pub blocks: Vec<Block>,
}

/// One piece of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A title line.
    Heading(String),
    /// A section title under a heading.
    Subheading(String),
    /// A paragraph of prose, wrapped to the width.
    Text(String),
    /// Short paragraphs with no blank line between them, each wrapped to the width.
    Paragraphs(Vec<String>),
    /// A bulleted list, each item wrapped under its bullet.
    Bullets(Vec<String>),
    /// A de-emphasised line: footnotes, legends, "no figure" notices.
    Note(String),
    /// A table.
    Table(Grid),
    /// Records of fields, one line each, the fields joined by tabs: for a pipe's `cut` and
    /// `awk`. Each field is escaped like any text; the tabs between them are the only raw ones.
    Fields(Vec<Vec<String>>),
    /// Lines shown exactly, never wrapped: diagnostics like `FILE:LINE:COLUMN: message`.
    Lines(Vec<String>),
}

/// A table: header cells and rows of cells; a cell may hold several lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
    /// Columns holding bars or numbers, right- or left-aligned without wrapping.
    pub keep_whole: Vec<usize>,
    /// Headers may wrap between words ("Delivery / Manager"), so many narrow columns fit.
    pub wrap_headers: bool,
    /// No rules between rows, even where cells run onto several lines: for a table whose rows
    /// each begin with their own name, so the eye needs no rule to find where one ends.
    pub unruled: bool,
    /// Cells carry highlight marks ([`marked`]); in any other table the mark characters are a
    /// file's own and are shown escaped.
    pub marked: bool,
}

impl Grid {
    /// A table with these headers and no rows yet.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        Grid {
            headers: headers.into_iter().map(Into::into).collect(),
            ..Grid::default()
        }
    }

    /// Appends a row.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }
}

/// Flat rows for CSV: one header line, then records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    /// Field names.
    pub headers: Vec<String>,
    /// Records, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

impl Records {
    /// Records with these field names and no rows yet.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        Records {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a record; one shorter than the header is padded with empty fields, so rows that
    /// have nothing for the trailing columns need not spell out the blanks.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut row: Vec<String> = cells.into_iter().map(Into::into).collect();
        if row.len() < self.headers.len() {
            row.resize(self.headers.len(), String::new());
        }
        self.rows.push(row);
    }
}

/// A command's result, renderable in every output format.
pub trait View: Serialize {
    /// Headings, prose and tables for the table and Markdown formats: everything the view holds.
    fn report(&self) -> Report;
    /// The view laid out as a document to paste (a job description, a wiki page): headed
    /// sections of bullet lists. Markdown shows it instead of [`View::report`] when there is one.
    fn document(&self) -> Option<Report> {
        None
    }
    /// A shorter report for people at a terminal, when the view has one (the table format
    /// shows it instead of [`View::report`]; the data formats always carry everything).
    fn digest(&self) -> Option<Report> {
        None
    }
    /// Flat records for CSV.
    fn records(&self) -> Records;
}

/// How every CSV cell that holds a list joins its items (ids never contain it).
pub const LIST_SEPARATOR: &str = "; ";

/// `[a, b]` citation suffix for a list of source ids.
pub fn cite(sources: &[String]) -> String {
    format!("[{}]", sources.join(", "))
}

/// Opens a highlighted span inside a cell (a private-use character renderers replace).
pub const MARK_OPEN: char = '\u{E000}';
/// Closes a highlighted span.
pub const MARK_CLOSE: char = '\u{E001}';

/// `text` with each byte range wrapped in [`MARK_OPEN`]/[`MARK_CLOSE`]. Marker characters already
/// in the (untrusted) text are written as `\u{e000}` so they cannot fake a highlight.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 6);
    let mut at = 0;
    let push = |out: &mut String, part: &str| {
        for c in part.chars() {
            match c {
                MARK_OPEN | MARK_CLOSE => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                other => out.push(other),
            }
        }
    };
    for &(start, end) in ranges {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        push(&mut out, &text[at..start]);
        out.push(MARK_OPEN);
        push(&mut out, &text[start..end]);
        out.push(MARK_CLOSE);
        at = end;
    }
    push(&mut out, &text[at..]);
    out
}

/// `text` with highlight markers replaced by `open` and `close` (e.g. `**` for Markdown).
pub fn unmark(text: &str, open: &str, close: &str) -> String {
    text.replace(MARK_OPEN, open).replace(MARK_CLOSE, close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_ranges_and_neutralise_markers_in_the_text() {
        let text = format!("a{MARK_OPEN}b backlog");
        let start = text.find("backlog").unwrap_or(0);
        let shown = unmark(&marked(&text, &[(start, start + 7)]), "<", ">");
        assert_eq!(shown, "a\\u{e000}b <backlog>");
    }
}
