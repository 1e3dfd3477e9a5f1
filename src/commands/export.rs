//! `roles export`: the loaded dataset (built-in plus any --data files) in the format --data
//! reads, so a user can start their own file from it.

use std::io::{self, Write};

use crate::model::Dataset;
use crate::render::{Style, write_yaml};

/// Arguments of `roles export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {}

/// The formats `export` writes; both are read back by `--data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// YAML, the dataset's own format.
    Yaml,
    /// JSON (YAML readers accept it).
    Json,
}

/// Writes `dataset` in `format`.
pub fn export_dataset(
    dataset: &Dataset,
    format: ExportFormat,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ExportFormat::Yaml => {
            writeln!(
                out,
                "# roles dataset, written by `roles export`; load it with --data FILE."
            )?;
            write_yaml(dataset, style, out)
        }
        ExportFormat::Json => crate::render::write_json(dataset, out),
    }
}
