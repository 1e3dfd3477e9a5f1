//! `roles`: sourced, side-by-side profiles of product and delivery roles.
//!
//! Data flows one way: arguments ([`cli`]) → dataset ([`dataset`], [`model`]) → a command builds
//! a view ([`commands`], [`view`]) → a renderer prints it ([`render`]).

pub mod cli;
pub mod commands;
pub mod dataset;
pub mod figures;
pub mod model;
pub mod render;
pub mod validate;
pub mod view;

use std::io::Write;

use cli::{Cli, Command};
use model::Dataset;
use render::{Style, render};
use view::View;

/// Runs a parsed command line, writing results to `out` and notices to `err`.
pub fn run(
    cli: &Cli,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let dataset = Dataset::builtin()?;
    let format = cli.format;
    let (notices, written) = match &cli.command {
        Command::List(args) => (
            Vec::new(),
            emit(
                &commands::list::list_roles(&dataset, args),
                format,
                style,
                out,
            ),
        ),
        Command::Show(args) => {
            let (view, resolved) = commands::show::show_role(&dataset, args)?;
            (resolved.notices, emit(&view, format, style, out))
        }
        Command::Compare(args) => {
            let (view, resolved) = commands::compare::compare_roles(&dataset, args)?;
            (resolved.notices, emit(&view, format, style, out))
        }
        Command::Salary(args) => {
            let (view, resolved) = commands::salary::salary_table(&dataset, args)?;
            (resolved.notices, emit(&view, format, style, out))
        }
    };
    for notice in notices {
        writeln!(err, "{notice}")?;
    }
    written?;
    Ok(())
}

fn emit<V: View>(
    view: &V,
    format: render::Format,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    render(view, format, style, out)?;
    out.flush()
}
