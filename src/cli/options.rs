//! The options every command takes, and the wrapper that defers a subcommand's arguments until
//! it is the one run. Below `cli/mod.rs`: commands that nest subcommands (`import onet`) and the
//! manual page use it without reaching the command line itself.

use std::path::PathBuf;

use clap_complete::engine::ArgValueCompleter;

use crate::complete::path_candidates;

use clap::{ArgMatches, FromArgMatches};

use crate::render::{ColorChoice, Format};

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
    #[arg(long, value_name = "FILE", add = ArgValueCompleter::new(path_candidates))]
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
    pub(crate) const IDS: [&'static str; 6] = [
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
    pub(crate) fn settled(matches: &ArgMatches) -> Result<Self, clap::Error> {
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
