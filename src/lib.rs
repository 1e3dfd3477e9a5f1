//! `roles`: sourced, side-by-side profiles of product and delivery roles.
//!
//! Data flows one way: arguments ([`cli`]) → dataset ([`load`], [`dataset`], [`model`]) → a
//! command builds a view ([`commands`], [`view`]) → a renderer prints it ([`render`]).

pub mod abilities;
pub mod cache;
pub mod cli;
pub mod coder;
pub mod commands;
pub mod complete;
pub mod dataset;
pub mod escape;
pub mod figures;
pub mod import;
pub mod likeness;
pub mod load;
pub mod model;
pub mod open;
pub mod outcome;
pub mod ownership;
pub mod pager;
pub mod parse;
pub mod problem;
pub mod render;
pub mod text;
pub mod validate;
pub mod view;

use std::io::Write;

use cli::Cli;
use commands::{Context, Run};
pub use outcome::{Outcome, UsageError};
use render::Style;

/// Runs a parsed command line, writing results to `out` and notices to `err`.
pub fn run(
    cli: &Cli,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let command = cli.command.runner();
    refuse_idle_options(cli, command)?;
    command.run(&mut Context {
        format: cli.options.format,
        style,
        out,
        err,
        data: cli.data_choice(),
        definition: Cli::command,
    })
}

/// Options that would do nothing for the command are a usage error, not silently ignored.
fn refuse_idle_options(cli: &Cli, command: &dyn Run) -> Result<(), UsageError> {
    let idle = if cli.options.format.is_some() && !command.takes_format() {
        Some("--format")
    } else if !cli.options.data.is_empty() && !command.reads_data() {
        Some("--data")
    } else if cli.options.no_builtin && !command.reads_data() {
        Some("--no-builtin")
    } else {
        None
    };
    match idle {
        Some(option) => Err(UsageError(format!(
            "{option} does nothing for `roles {}`; leave it out",
            cli.name
        ))),
        None => Ok(()),
    }
}
