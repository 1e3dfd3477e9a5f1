//! The `roles` binary: parse arguments, run, report errors, set the exit status.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use roles::cli::Cli;
use roles::render::{Style, clean};
use roles::{Outcome, UsageError};

fn main() -> ExitCode {
    // A completion request (`COMPLETE=bash roles -- roles show pro`) is answered and exits here.
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(roles::commands::tooling::COMPLETE_VAR)
        .complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with status 0; usage errors to stderr with status 2.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let style = Style::detect(cli.color);
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    match roles::run(&cli, style, &mut out, &mut err) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Negative) => ExitCode::FAILURE,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Messages can quote a user's file: never let its control characters through raw.
            let message = format!("{error:#}");
            let _ = writeln!(err, "roles: error: {}", clean(&message, false));
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// A reader that stopped reading (`roles … | head -1`) is not an error worth a word.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
