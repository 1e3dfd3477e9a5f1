//! `roles completions SHELL` and `roles man`: generated from the clap definition, so they never
//! drift from the real options.

use std::io::{self, Write};

use clap_complete::Shell;

use crate::cli::Cli;

/// Arguments of `roles completions`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write a completion script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Arguments of `roles man`.
#[derive(Debug, Clone, clap::Args)]
pub struct ManArgs {}

/// Writes the completion script for `args.shell`: a small function that asks `roles` itself
/// (with `COMPLETE=SHELL`) for candidates, so role and skill ids come from the data in use.
pub fn write_completions(args: &CompletionsArgs, out: &mut dyn Write) -> io::Result<()> {
    let name = args.shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let Some(shell) = shells.completer(&name) else {
        return Err(io::Error::other(format!("no completion for {name}")));
    };
    shell.write_registration(COMPLETE_VAR, "roles", "roles", "roles", out)
}

/// The variable that puts `roles` in completion mode.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// Writes the roff manual page.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    // Built, so each subcommand's deferred arguments are there to list.
    let mut command = Cli::command();
    command.build();
    super::manual::write(&command, out)
}
