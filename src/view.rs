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
    /// A paragraph of prose, wrapped to the width.
    Text(String),
    /// A de-emphasised line: footnotes, legends, "no figure" notices.
    Note(String),
    /// A table.
    Table(Grid),
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

    /// Appends a record.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }
}

/// A command's result, renderable in every output format.
pub trait View: Serialize {
    /// Headings, prose and tables for the table and Markdown formats.
    fn report(&self) -> Report;
    /// Flat records for CSV.
    fn records(&self) -> Records;
}

/// `[a, b]` citation suffix for a list of source ids.
pub fn cite(sources: &[String]) -> String {
    format!("[{}]", sources.join(", "))
}
