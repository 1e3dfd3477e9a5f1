//! CSV: one header line and flat records, through the csv crate for correct quoting.

use std::io::{self, Write};

use super::clean;
use crate::view::{Records, unmark};

/// Writes the records; cell text is cleaned of control characters (newlines kept, quoted).
pub fn write(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&records.headers)?;
    for row in &records.rows {
        writer.write_record(row.iter().map(|cell| unmark(&clean(cell, true), "", "")))?;
    }
    writer.flush()
}
