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
    let output = Output {
        format: cli.format,
        style,
        out,
        err,
    };
    match &cli.command {
        Command::List(args) => output.emit(&commands::list::list_roles(&dataset, args), &[]),
        Command::Show(args) => {
            let (view, resolved) = commands::show::show_role(&dataset, args)?;
            output.emit(&view, &resolved.notices)
        }
        Command::Compare(args) => {
            let (view, resolved) = commands::compare::compare_roles(&dataset, args)?;
            output.emit(&view, &resolved.notices)
        }
        Command::Salary(args) => {
            let (view, resolved) = commands::salary::salary_table(&dataset, args)?;
            output.emit(&view, &resolved.notices)
        }
    }
}

/// Where and how a command's view is written.
struct Output<'a> {
    format: render::Format,
    style: Style,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

impl Output<'_> {
    /// Notices to stderr first (so they are seen even if stdout is cut short), then the view.
    fn emit<V: View>(self, view: &V, notices: &[String]) -> anyhow::Result<()> {
        for notice in notices {
            writeln!(self.err, "{notice}")?;
        }
        render(view, self.format, self.style, self.out)?;
        self.out.flush()?;
        Ok(())
    }
}
