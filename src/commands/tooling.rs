//! `roles completions SHELL` and `roles man`: generated from the clap definition, so they never
//! drift from the real options.

use std::io::{self, Write};

use clap::CommandFactory;
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

/// Writes the completion script for `args.shell`.
pub fn write_completions(args: &CompletionsArgs, out: &mut dyn Write) -> io::Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "roles", out);
    Ok(())
}

/// Writes the roff manual page.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    super::manual::write(&Cli::command(), out)
}
