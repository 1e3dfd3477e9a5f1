//! `roles completions SHELL`: a completion script generated from the clap definition, so it
//! never drifts from the real options.

use std::io::{self, Write};

use clap_complete::Shell;

use crate::outcome::Outcome;

/// Arguments of `roles completions`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write a completion script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

impl super::Run for CompletionsArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        write_completions(self, context.out)?;
        Ok(Outcome::Success)
    }
    fn reads_data(&self) -> bool {
        false
    }
    fn takes_format(&self) -> bool {
        false
    }
    fn pages(&self) -> bool {
        false
    }
}

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
