//! The command line: global options and the subcommands. Each subcommand's own arguments live
//! beside its code in `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cache::Cache;
use crate::commands::compare::CompareArgs;
use crate::commands::export::ExportArgs;
use crate::commands::gap::GapArgs;
use crate::commands::list::ListArgs;
use crate::commands::matching::MatchArgs;
use crate::commands::matrix::MatrixArgs;
use crate::commands::salary::SalaryArgs;
use crate::commands::search::SearchArgs;
use crate::commands::show::ShowArgs;
use crate::commands::similar::SimilarArgs;
use crate::commands::skills::SkillsArgs;
use crate::commands::tooling::{CompletionsArgs, ManArgs};
use crate::commands::validate::ValidateArgs;
use crate::commands::who::WhoArgs;
use crate::import::ImportArgs;
use crate::loader::DataChoice;
use crate::render::{ColorChoice, Format};

/// What product and delivery roles do, and how they differ: sourced, side by side.
#[derive(Debug, Parser)]
#[command(
    name = "roles",
    version,
    about = "What product and delivery roles do, and how they differ: product owner, product \
             manager, delivery lead, delivery manager and project manager, side by side, every \
             fact and salary figure cited to the article it comes from.",
    after_help = "Examples:\n  roles compare product-owner product-manager\n  roles show delivery-lead\n  roles salary --all\n  roles who roadmap\n  roles list --format json | jq '.roles[].id'\n  roles --data my-roles.yaml compare tech-lead delivery-lead"
)]
pub struct Cli {
    /// Output format, in any case [default: table; yaml for export and import].
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub format: Option<Format>,
    /// When to use colour (NO_COLOR is honoured under auto).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Add roles from a YAML or JSON file in the format roles export writes (- reads standard
    /// input); a role with a built-in id replaces it. Repeat to layer several files. Without
    /// --data, ROLES_DATA is read: one path or several separated by : (; on Windows), like
    /// PATH.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Vec<PathBuf>,
    /// Use only the --data files, not the built-in dataset.
    #[arg(long, global = true)]
    pub no_builtin: bool,
    /// Parse and validate --data files afresh instead of using the copies validated before
    /// (kept in $XDG_CACHE_HOME/roles for files over 64 KiB).
    #[arg(long, global = true, env = "ROLES_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
    /// Print straight to the terminal; without it, output taller than the terminal goes through
    /// $ROLES_PAGER, $PAGER or less -FRX (never when piped; ROLES_NO_PAGER=1 also turns it off).
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Whether this command's output is for reading on screen, so a pager may show it: not a
    /// completion script, a manual page for `man`, or the import's messages.
    pub fn pages(&self) -> bool {
        !matches!(
            self.command,
            Command::Completions(_) | Command::Man(_) | Command::Import(_)
        )
    }

    /// The data files asked for: `--data`, else the paths in ROLES_DATA.
    pub fn data_files(&self) -> Vec<PathBuf> {
        if !self.data.is_empty() {
            return self.data.clone();
        }
        crate::loader::env_data_files()
    }

    /// Which data the options ask for.
    pub fn data_choice(&self) -> DataChoice {
        DataChoice {
            files: self.data_files(),
            no_builtin: self.no_builtin,
            cache: Cache::new(!self.no_cache),
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every role with its id, name, one-line summary and pay in brief.
    List(Deferred<ListArgs>),
    /// One role's whole profile, every item with its source.
    Show(Deferred<ShowArgs>),
    /// Two or more roles side by side.
    Compare(Deferred<CompareArgs>),
    /// Salary figures, sorted, with bars that show ranges and disagreements.
    Salary(Deferred<SalaryArgs>),
    /// Find text in every role, ranked, with the match marked (whole words for short queries);
    /// exit 1 when nothing matches.
    Search(Deferred<SearchArgs>),
    /// The other roles ranked by likeness to ROLE (skills, duty themes, the articles), with the
    /// reasons.
    Similar(Deferred<SimilarArgs>),
    /// What a person in FROM must add to move to TO, what carries over, and the pay change.
    Gap(Deferred<GapArgs>),
    /// Roles ranked by how well your skills fit each, both ways.
    Match(Deferred<MatchArgs>),
    /// Who holds a duty (roadmap, budget …): each article's verdict, and where they disagree.
    Who(Deferred<WhoArgs>),
    /// A responsibility grid: duty themes by roles, each cell the degree every article gives.
    Matrix(Deferred<MatrixArgs>),
    /// The skill vocabulary, its aliases, and which roles need each skill.
    Skills(Deferred<SkillsArgs>),
    /// Check dataset files and list every problem as FILE:LINE:COLUMN: message.
    Validate(Deferred<ValidateArgs>),
    /// Write the loaded dataset in the format --data reads (yaml or json).
    Export(Deferred<ExportArgs>),
    /// Make a dataset --data reads from public occupational data (O*NET, with BLS wages).
    Import(Deferred<ImportArgs>),
    /// Print a shell completion script.
    Completions(Deferred<CompletionsArgs>),
    /// Print the manual page (roff).
    Man(Deferred<ManArgs>),
}

/// A subcommand's arguments, defined only when that subcommand is the one run (clap's
/// `Command::defer`): a run builds its own subcommand's dozen arguments, not every one of the
/// sixteen subcommands' (0.1 ms of the built-in `show`'s 1.9, in page faults and cache misses).
/// Help, completion and the manual page build them all as before.
#[derive(Debug, Clone)]
pub struct Deferred<T>(pub T);

impl<T> std::ops::Deref for Deferred<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: clap::Args> clap::Args for Deferred<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.defer(|cmd| keeping_about(cmd, T::augment_args))
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(|cmd| keeping_about(cmd, T::augment_args_for_update))
    }
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

impl<T: clap::FromArgMatches> clap::FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }
    fn from_arg_matches_mut(matches: &mut clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Deferred)
    }
    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
    fn update_from_arg_matches_mut(
        &mut self,
        matches: &mut clap::ArgMatches,
    ) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

/// Adds a subcommand's arguments, keeping the description the subcommand was given (the
/// arguments' own doc comment would replace it, as it was added after them).
fn keeping_about(cmd: clap::Command, augment: fn(clap::Command) -> clap::Command) -> clap::Command {
    let about = cmd.get_about().cloned();
    let long_about = cmd.get_long_about().cloned();
    let cmd = augment(cmd);
    let cmd = match about {
        Some(about) => cmd.about(about),
        None => cmd.about(None::<&str>),
    };
    match long_about {
        Some(long_about) => cmd.long_about(long_about),
        None => cmd.long_about(None::<&str>),
    }
}
