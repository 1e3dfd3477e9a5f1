//! The command line: the options every subcommand shares, and the subcommands. Each subcommand's
//! own arguments live beside its code in `commands/`; the one `match` over the subcommands is
//! [`Command::runner`], so a new command touches this file and its own.

use std::path::PathBuf;

pub mod options;

use clap::{FromArgMatches, Parser, Subcommand};

use crate::cache::Cache;
use crate::commands::Run;
use crate::commands::code::CodeArgs;
use crate::commands::compare::CompareArgs;
use crate::commands::completions::CompletionsArgs;
use crate::commands::export::ExportArgs;
use crate::commands::gap::GapArgs;
use crate::commands::import::ImportArgs;
use crate::commands::list::ListArgs;
use crate::commands::man::ManArgs;
use crate::commands::matching::MatchArgs;
use crate::commands::matrix::MatrixArgs;
use crate::commands::salary::SalaryArgs;
use crate::commands::search::SearchArgs;
use crate::commands::show::ShowArgs;
use crate::commands::similar::SimilarArgs;
use crate::commands::skills::SkillsArgs;
use crate::commands::validate::ValidateArgs;
use crate::commands::who::WhoArgs;
use crate::load::DataChoice;
pub use options::{Deferred, Options};

/// The parsed command line: the options every subcommand shares, settled between the two places
/// they can be given, and the subcommand. Parse it with [`Cli::try_parse`].
#[derive(Debug)]
pub struct Cli {
    /// The shared options, whether given before the subcommand or after it.
    pub options: Options,
    /// The subcommand.
    pub command: Command,
    /// The subcommand's name, as messages give it.
    pub name: String,
}

/// What clap parses: the shared options at the top, and the subcommand (which takes them again).
#[derive(Debug, Parser)]
#[command(
    name = "roles",
    version,
    about = "What product and delivery roles do, and how they differ: product owner, product \
             manager, delivery lead, delivery manager and project manager, side by side, every \
             fact and salary figure cited to the article it comes from.",
    after_help = "Examples:\n  roles compare product-owner product-manager\n  roles show delivery-lead\n  roles salary --all\n  roles who roadmap\n  roles list --format json | jq '.roles[].id'\n  roles --data my-roles.yaml compare tech-lead delivery-lead"
)]
struct Arguments {
    #[command(flatten)]
    options: Options,
    #[command(subcommand)]
    command: Command,
}

impl Cli {
    /// The command line's definition, for help, completion and the manual page.
    pub fn command() -> clap::Command {
        <Arguments as clap::CommandFactory>::command()
    }

    /// Parses the process's arguments.
    pub fn try_parse() -> Result<Self, clap::Error> {
        Self::try_parse_from(std::env::args_os())
    }

    /// Parses these arguments (the first is the program's name).
    pub fn try_parse_from<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let mut matches = Self::command().try_get_matches_from(args)?;
        let options = Options::settled(&matches)?;
        let name = matches.subcommand_name().unwrap_or_default().to_string();
        let command = Command::from_arg_matches_mut(&mut matches)?;
        Ok(Cli {
            options,
            command,
            name,
        })
    }

    /// Whether this command's output is for reading on screen, so a pager may show it: not a
    /// completion script, a manual page for `man`, or the import's messages.
    pub fn pages(&self) -> bool {
        self.command.runner().pages()
    }

    /// The data files asked for: `--data`, else the paths in ROLES_DATA.
    pub fn data_files(&self) -> Vec<PathBuf> {
        if !self.options.data.is_empty() {
            return self.options.data.clone();
        }
        crate::load::env_data_files()
    }

    /// Which data the options ask for.
    pub fn data_choice(&self) -> DataChoice {
        DataChoice {
            files: self.data_files(),
            no_builtin: self.options.no_builtin,
            cache: Cache::new(!self.options.no_cache),
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
    /// The roles a title, a phrase or a job ad most likely is, with the evidence and a verdict.
    Code(Deferred<CodeArgs>),
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

impl Command {
    /// The subcommand as the one thing every command is: something to run.
    pub fn runner(&self) -> &dyn Run {
        match self {
            Command::List(args) => &args.0,
            Command::Show(args) => &args.0,
            Command::Compare(args) => &args.0,
            Command::Salary(args) => &args.0,
            Command::Search(args) => &args.0,
            Command::Similar(args) => &args.0,
            Command::Gap(args) => &args.0,
            Command::Match(args) => &args.0,
            Command::Code(args) => &args.0,
            Command::Who(args) => &args.0,
            Command::Matrix(args) => &args.0,
            Command::Skills(args) => &args.0,
            Command::Validate(args) => &args.0,
            Command::Export(args) => &args.0,
            Command::Import(args) => &args.0,
            Command::Completions(args) => &args.0,
            Command::Man(args) => &args.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{ColorChoice, Format};
    use clap::Args;

    fn options(args: &[&str]) -> Options {
        match Cli::try_parse_from(std::iter::once("roles").chain(args.iter().copied())) {
            Ok(cli) => cli.options,
            Err(error) => panic!("{args:?} did not parse: {error}"),
        }
    }

    #[test]
    fn the_ids_settled_are_the_options_declared() {
        let declared = Options::augment_args(clap::Command::new("roles"));
        let ids: Vec<&str> = declared
            .get_arguments()
            .map(|a| a.get_id().as_str())
            .collect();
        assert_eq!(ids, Options::IDS);
    }

    #[test]
    fn an_option_counts_before_the_subcommand_after_it_or_at_both() {
        assert_eq!(
            options(&["--format", "json", "list"]).format,
            Some(Format::Json)
        );
        assert_eq!(
            options(&["list", "--format", "json"]).format,
            Some(Format::Json)
        );
        assert_eq!(options(&["list"]).format, None);
        // Given at both levels, the subcommand's value wins, as with clap's global arguments.
        let both = options(&[
            "--format", "json", "--data", "a", "show", "--format", "csv", "--data", "b", "x",
        ]);
        assert_eq!(both.format, Some(Format::Csv));
        assert_eq!(both.data, [PathBuf::from("b")]);
        // A default at the lower level does not undo a value given above it.
        assert_eq!(
            options(&["--color", "never", "list"]).color,
            ColorChoice::Never
        );
        assert_eq!(
            options(&["list", "--color", "never"]).color,
            ColorChoice::Never
        );
        assert_eq!(options(&["list"]).color, ColorChoice::Auto);
        let flags = options(&["--no-builtin", "--data", "a", "list", "--no-pager"]);
        assert!(flags.no_builtin && flags.no_pager && !flags.no_cache);
        assert_eq!(flags.data, [PathBuf::from("a")]);
    }

    #[test]
    fn a_nested_subcommand_takes_the_options_too() {
        let at = |args: &[&str]| options(args).format;
        assert_eq!(
            at(&["import", "onet", "dir", "--format", "json"]),
            Some(Format::Json)
        );
        assert_eq!(
            at(&["import", "--format", "json", "onet", "dir"]),
            Some(Format::Json)
        );
        assert_eq!(
            at(&[
                "--format", "yaml", "import", "--format", "json", "onet", "dir"
            ]),
            Some(Format::Json)
        );
        assert_eq!(
            at(&[
                "--format", "yaml", "import", "onet", "dir", "--format", "csv"
            ]),
            Some(Format::Csv)
        );
        assert_eq!(
            at(&["--format", "yaml", "import", "onet", "dir"]),
            Some(Format::Yaml)
        );
    }
}
