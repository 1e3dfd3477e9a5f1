//! The command line: the options every subcommand shares, and the subcommands. Each subcommand's own arguments live
//! beside its code in `commands/`.

use std::path::PathBuf;

use clap::{ArgMatches, FromArgMatches, Parser, Subcommand};

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
use crate::load::DataChoice;
use crate::render::{ColorChoice, Format};

/// The parsed command line: the options every subcommand shares, settled between the two places
/// they can be given, and the subcommand. Parse it with [`Cli::try_parse`].
#[derive(Debug)]
pub struct Cli {
    /// The shared options, whether given before the subcommand or after it.
    pub options: Options,
    /// The subcommand.
    pub command: Command,
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

/// The options every subcommand takes, before its name or after it. Each level declares them
/// itself rather than as clap's `global` arguments, which copies all six into all sixteen
/// subcommands on every run (57 µs of the built-in `show`'s 1.9 ms); [`Cli::try_parse`] settles
/// the two levels as clap's globals do.
#[derive(Debug, Clone, clap::Args)]
#[command(about = None, long_about = None)]
pub struct Options {
    /// Output format, in any case [default: table; yaml for export and import].
    #[arg(long, value_enum, ignore_case = true)]
    pub format: Option<Format>,
    /// When to use colour (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Add roles from a YAML or JSON file in the format roles export writes (- reads standard
    /// input); a role with a built-in id replaces it. Repeat to layer several files. Without
    /// --data, ROLES_DATA is read: one path or several separated by : (; on Windows), like
    /// PATH.
    #[arg(long, value_name = "FILE")]
    pub data: Vec<PathBuf>,
    /// Use only the --data files, not the built-in dataset.
    #[arg(long)]
    pub no_builtin: bool,
    /// Parse and validate --data files afresh instead of using the copies validated before
    /// (kept in $XDG_CACHE_HOME/roles for files over 64 KiB).
    #[arg(long, env = "ROLES_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
    /// Print straight to the terminal; without it, output taller than the terminal goes through
    /// $ROLES_PAGER, $PAGER or less -FRX (never when piped; ROLES_NO_PAGER=1 also turns it off).
    #[arg(long)]
    pub no_pager: bool,
}

/// The heading a subcommand's help lists the shared options under, after its own.
pub const SHARED_HEADING: &str = "Options for every command";

impl Options {
    /// The ids clap gives the options, in the fields' order.
    const IDS: [&'static str; 6] = [
        "format",
        "color",
        "data",
        "no_builtin",
        "no_cache",
        "no_pager",
    ];

    /// The options as given at the top and at each subcommand level below it, settled by clap's
    /// rule for global arguments: a lower level's value wins unless a higher level's is firmer
    /// (the command line over the environment over a default).
    fn settled(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut options = Self::from_arg_matches(matches)?;
        let mut sources = Self::IDS.map(|id| matches.value_source(id));
        let mut level = matches;
        while let Some((_, below)) = level.subcommand() {
            let offered = Self::IDS.map(|id| below.value_source(id));
            let [format, color, data, no_builtin, no_cache, no_pager] =
                std::array::from_fn(|at| offered[at] >= sources[at]);
            let given = Self::from_arg_matches(below)?;
            if format {
                options.format = given.format;
            }
            if color {
                options.color = given.color;
            }
            if data {
                options.data = given.data;
            }
            if no_builtin {
                options.no_builtin = given.no_builtin;
            }
            if no_cache {
                options.no_cache = given.no_cache;
            }
            if no_pager {
                options.no_pager = given.no_pager;
            }
            sources = std::array::from_fn(|at| sources[at].max(offered[at]));
            level = below;
        }
        Ok(options)
    }
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
        let command = Command::from_arg_matches_mut(&mut matches)?;
        Ok(Cli { options, command })
    }

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
/// Help, completion and the manual page build them all as before. The shared [`Options`] are
/// added after the subcommand's own, under their own heading.
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
        cmd.defer(|cmd| {
            keeping_about(cmd, |cmd| {
                Options::augment_args(T::augment_args(cmd).next_help_heading(SHARED_HEADING))
            })
        })
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(|cmd| {
            keeping_about(cmd, |cmd| {
                Options::augment_args_for_update(
                    T::augment_args_for_update(cmd).next_help_heading(SHARED_HEADING),
                )
            })
        })
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

#[cfg(test)]
mod tests {
    use super::*;
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
