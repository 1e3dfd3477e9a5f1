//! CSV: one header line and flat records, through the csv crate for correct quoting.

use std::io::{self, Write};

use super::cell::clean;
use crate::view::Records;

/// Writes the records; cell text is cleaned of control characters (newlines kept, quoted) and
/// defused so a spreadsheet never runs it as a formula.
pub fn write(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&records.headers)?;
    for row in &records.rows {
        writer.write_record(row.iter().map(|cell| defused(&clean(cell, true))))?;
    }
    writer.flush()
}

/// CSV written a record at a time, for output that streams (a batch of thousands of lines):
/// the same cleaning and defusing as [`write`].
pub struct CsvRows<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
}

impl<'a> CsvRows<'a> {
    /// Starts the records with their header line.
    pub fn new(headers: &[&str], out: &'a mut dyn Write) -> io::Result<Self> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(headers)?;
        Ok(CsvRows { writer })
    }

    /// Writes one record.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> io::Result<()> {
        self.writer.write_record(
            cells
                .into_iter()
                .map(|cell| defused(&clean(cell.as_ref(), true))),
        )?;
        Ok(())
    }

    /// Writes what is buffered.
    pub fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, as OWASP recommends; plain numbers such as `-8447` are
/// left as they are, since no spreadsheet runs them.
fn defused(cell: &str) -> String {
    // Full-width forms too: spreadsheets in CJK locales read `＝` as `=`.
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("＝HYPERLINK(\"x\")"), "'＝HYPERLINK(\"x\")");
        assert_eq!(defused("＠SUM(A1)"), "'＠SUM(A1)");
        assert_eq!(defused("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defused("+1+2"), "'+1+2");
        assert_eq!(defused("-8447"), "-8447");
        assert_eq!(defused("Plain text"), "Plain text");
    }
}
