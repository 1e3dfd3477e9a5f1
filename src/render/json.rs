//! JSON: the command's view serialised as it is, so the JSON holds what the table shows.

use std::io::{self, Write};

use serde::Serialize;

/// Pretty JSON and a final newline. serde_json escapes control characters, so untrusted text
/// cannot reach a terminal raw.
pub fn write<V: Serialize + ?Sized>(view: &V, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, view).map_err(io::Error::from)?;
    writeln!(out)
}
