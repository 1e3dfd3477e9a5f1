//! `roles`: sourced, side-by-side profiles of product and delivery roles.
//!
//! Data flows one way: arguments ([`cli`]) → dataset ([`loader`], [`dataset`], [`model`]) → a
//! command builds a view ([`commands`], [`view`]) → a renderer prints it ([`render`]).

pub mod cache;
pub mod cli;
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

use cli::{Cli, Command};
use commands::export::ExportFormat;
use load::need::Need;
use model::Dataset;
pub use outcome::{Outcome, UsageError};
use render::{Format, Style, render};
use view::View;

/// Runs a parsed command line, writing results to `out` and notices to `err`.
pub fn run(
    cli: &Cli,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let mut output = Output {
        format: cli.options.format.unwrap_or(Format::Table),
        style,
        out,
        err,
    };
    refuse_idle_options(cli)?;
    // Commands that need no dataset do not pay for loading one.
    match &cli.command {
        Command::Completions(args) => {
            commands::tooling::write_completions(args, output.out)?;
            return Ok(Outcome::Success);
        }
        Command::Man(_) => {
            commands::tooling::write_man_page(output.out)?;
            return Ok(Outcome::Success);
        }
        Command::Import(args) => {
            let format = dataset_format(cli.options.format, "import")?;
            import::run(args, format, output.out, output.err)?;
            return Ok(Outcome::Success);
        }
        Command::Validate(args) => {
            let base = if cli.options.no_builtin && cli.data_files().is_empty() {
                None
            } else {
                Some(load::load(&cli.data_choice())?)
            };
            let report = commands::validate::validate_files(base.as_ref(), args);
            output.emit(&report, &[])?;
            return Ok(if report.all_valid() {
                Outcome::Success
            } else {
                Outcome::Negative
            });
        }
        _ => {}
    }
    let choice = cli.data_choice();
    let need = need_of(&cli.command);
    let dataset = load::load_for(&choice, &need)?;
    let partial = matches!(need, Need::Roles(_));
    match &cli.command {
        Command::List(args) => {
            let mut list = commands::list::list_roles(&dataset, args);
            // A pipe reads lines: one per role, not a table thousands of lines tall. Asking
            // for a table (`--format table`) or a width (COLUMNS) still gets one.
            list.one_line = !output.style.terminal
                && cli.options.format.is_none()
                && std::env::var_os("COLUMNS").is_none();
            if list.roles.is_empty() {
                writeln!(
                    output.err,
                    "roles: no role's name, aliases or summary holds \"{}\"",
                    escape::excerpt(&args.filter.join(" "), escape::EXCERPT_CHARS)
                )?;
                if output.format != Format::Table {
                    output.emit(&list, &[])?;
                }
                return Ok(Outcome::Negative);
            }
            output.emit(&list, &[])?
        }
        Command::Show(args) => {
            let show = |data: &Dataset| {
                commands::show::show_role(data, args).map(|(view, r)| (view, r.notices))
            };
            let (view, notices) = on_whole_if_failed(partial, &choice, show(&dataset), show)?;
            output.emit(&view, &notices)?
        }
        Command::Compare(args) => {
            let compare = |data: &Dataset| {
                commands::compare::compare_roles(data, args).map(|(view, r)| (view, r.notices))
            };
            let (view, notices) = on_whole_if_failed(partial, &choice, compare(&dataset), compare)?;
            output.emit(&view, &notices)?
        }
        Command::Salary(args) => {
            let (view, resolved) = commands::salary::salary_table(&dataset, args)?;
            output.emit(&view, &resolved.notices)?
        }
        Command::Search(args) => {
            let results = commands::search::search_roles(&dataset, args)?;
            if results.hits.is_empty() {
                writeln!(
                    output.err,
                    "roles: no match for \"{}\"",
                    escape::excerpt(&results.query, escape::EXCERPT_CHARS)
                )?;
                // Data formats still get their (empty) structure, so a pipe has input to read.
                if output.format != Format::Table {
                    output.emit(&results, &[])?;
                }
                return Ok(Outcome::Negative);
            }
            output.emit(&results, &[])?
        }
        Command::Similar(args) => {
            output.emit(&commands::similar::similar_roles(&dataset, args)?, &[])?
        }
        Command::Gap(args) => {
            let gap = |data: &Dataset| commands::gap::role_gap(data, args);
            output.emit(
                &on_whole_if_failed(partial, &choice, gap(&dataset), gap)?,
                &[],
            )?
        }
        Command::Match(args) => {
            output.emit(&commands::matching::match_skills(&dataset, args)?, &[])?
        }
        Command::Skills(args) => {
            output.emit(&commands::skills::list_skills(&dataset, args), &[])?
        }
        Command::Who(args) => {
            let view = commands::who::who_holds(&dataset, args)?;
            let mentioned = view
                .task_mentions
                .as_ref()
                .is_some_and(|m| m.occupations > 0);
            if view.involvements.is_empty() && view.ungraded.is_empty() && !mentioned {
                // Like search: nothing found is a negative answer, its structure still piped.
                writeln!(
                    output.err,
                    "roles: no duty of these roles is about \"{}\"; themes: {}",
                    escape::excerpt(&view.topic, escape::EXCERPT_CHARS),
                    dataset
                        .themes
                        .iter()
                        .map(|t| t.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
                if output.format != Format::Table {
                    output.emit(&view, &[])?;
                }
                return Ok(Outcome::Negative);
            }
            output.emit(&view, &[])?
        }
        Command::Matrix(args) => output.emit(
            &commands::matrix::responsibility_matrix(&dataset, args)?,
            &[],
        )?,
        Command::Export(_) => {
            let format = dataset_format(cli.options.format, "export")?;
            commands::export::export_dataset(&dataset, format, output.style, output.out)?;
            output.out.flush()?;
        }
        Command::Validate(_) | Command::Completions(_) | Command::Man(_) | Command::Import(_) => {}
    }
    // The process ends next: freeing a large dataset piece by piece would only cost time.
    std::mem::forget(dataset);
    Ok(Outcome::Success)
}

/// A command run on part of the data that fails (an unknown name, say) runs again on all of
/// it, so the error (the closest names, the hint) is the one the whole data gives.
fn on_whole_if_failed<T>(
    partial: bool,
    choice: &load::DataChoice,
    result: anyhow::Result<T>,
    command: impl Fn(&Dataset) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    match result {
        Err(_) if partial => command(&load::load(choice)?),
        result => result,
    }
}

/// How much of the data `command` reads: the roles it names, every role's card, or all.
fn need_of(command: &Command) -> Need {
    match command {
        Command::Show(args) => Need::roles_named_by(&args.role),
        Command::Compare(args) => Need::roles_named_by(&args.roles),
        Command::Gap(args) => Need::roles_named_by(&args.roles),
        // Every figure needs no aliases; naming roles does.
        Command::Salary(args) if args.all => Need::Pay,
        Command::List(_) | Command::Salary(_) => Need::Cards,
        _ => Need::Everything,
    }
}

/// Options that would do nothing for the command are a usage error, not silently ignored.
fn refuse_idle_options(cli: &Cli) -> Result<(), UsageError> {
    let command = match &cli.command {
        Command::Completions(_) => "completions",
        Command::Man(_) => "man",
        Command::Import(_) => "import",
        _ => return Ok(()),
    };
    let idle = if cli.options.format.is_some() && command != "import" {
        Some("--format")
    } else if !cli.options.data.is_empty() {
        Some("--data")
    } else if cli.options.no_builtin {
        Some("--no-builtin")
    } else {
        None
    };
    match idle {
        Some(option) => Err(UsageError(format!(
            "{option} does nothing for `roles {command}`; leave it out"
        ))),
        None => Ok(()),
    }
}

/// The dataset format `command` writes: YAML unless `--format json`; other formats are a usage
/// error, since `--data` reads only these two.
fn dataset_format(format: Option<Format>, command: &str) -> Result<ExportFormat, UsageError> {
    match format {
        None | Some(Format::Yaml) => Ok(ExportFormat::Yaml),
        Some(Format::Json) => Ok(ExportFormat::Json),
        Some(other) => {
            let name = clap::ValueEnum::to_possible_value(&other)
                .map(|value| value.get_name().to_string())
                .unwrap_or_default();
            Err(UsageError(format!(
                "{command} writes yaml or json, the formats --data reads, not {name}"
            )))
        }
    }
}

/// Where and how a command's view is written.
struct Output<'a> {
    format: Format,
    style: Style,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

impl Output<'_> {
    /// Notices to stderr first (so they are seen even if stdout is cut short), then the view.
    fn emit<V: View>(&mut self, view: &V, notices: &[String]) -> anyhow::Result<()> {
        for notice in notices {
            // A notice can quote an argument: the same short, escaped excerpt as an error.
            writeln!(self.err, "{}", escape::bounded_message(notice))?;
        }
        render(view, self.format, self.style, self.out)?;
        self.out.flush()?;
        Ok(())
    }
}
