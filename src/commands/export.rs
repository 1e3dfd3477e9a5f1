//! `roles export`: the loaded dataset (built-in plus any --data files) in the format --data
//! reads, so a user can start their own file from it.

use std::io::{self, Write};

use crate::load::need::Need;
use crate::model::Dataset;
use crate::outcome::Outcome;
use crate::render::{ExportFormat, Style, write_yaml};

/// Arguments of `roles export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {}

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

impl super::Run for ExportArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let format = context.dataset_format("export")?;
        let dataset = context.load(&Need::Everything)?;
        export_dataset(&dataset, format, context.style, context.out)?;
        context.out.flush()?;
        Ok(Outcome::Success)
    }
}
