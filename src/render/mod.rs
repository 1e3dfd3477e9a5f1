//! Output formats. Renderers know views ([`crate::view`]), never commands: adding a format
//! touches this folder alone. This file only chooses the renderer; what the renderers share
//! lives below it (`style.rs`: the format and how to draw; `cell.rs`: a cell's text, escaped,
//! measured and wrapped), so no renderer imports this file.

mod cell;
mod csv;
mod framed;
mod json;
mod layout;
mod markdown;
mod stacked;
mod style;
mod table;
mod yaml;

pub use cell::{clean, display_width};
pub use csv::CsvRows;
pub use json::write as write_json;
pub use json::write_line as write_json_line;
pub use style::{ColorChoice, DEFAULT_WIDTH, ExportFormat, Format, Style};
pub use yaml::write as write_yaml;

use std::io::{self, Write};

use crate::view::View;

/// Writes `view` to `out` in `format`.
pub fn render<V: View>(
    view: &V,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(&view.digest().unwrap_or_else(|| view.report()), style, out),
        Format::Markdown => markdown::write(&view.document().unwrap_or_else(|| view.report()), out),
        Format::Text => table::write(
            &view
                .document()
                .or_else(|| view.digest())
                .unwrap_or_else(|| view.report()),
            style,
            out,
        ),
        Format::Csv => csv::write(&view.records(), out),
        Format::Json => json::write(&Versioned::of(view), out),
        Format::Yaml => yaml::write(&Versioned::of(view), style, out),
    }
}

/// The version of the JSON and YAML vocabulary, written first in every command's output. It
/// changes only when a key is renamed or removed, or a unit changes; new keys may come without.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema of a command's JSON (and YAML) output, `schema_version` included: generated
/// from the view's types, checked in as `docs/schemas/*.json` and against real output by the
/// tests.
pub fn output_schema<V: schemars::JsonSchema + 'static>() -> schemars::Schema {
    // What is written, not what could be read: a field left out when empty is not required.
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Versioned<'static, V>>()
}

/// A view with `schema_version` before its own keys.
#[derive(serde::Serialize, schemars::JsonSchema)]
struct Versioned<'a, V> {
    schema_version: u32,
    #[serde(flatten)]
    view: &'a V,
}

impl<'a, V> Versioned<'a, V> {
    fn of(view: &'a V) -> Self {
        Versioned {
            schema_version: SCHEMA_VERSION,
            view,
        }
    }
}
