//! The `roles` binary: parse arguments, run, report errors, set the exit status.

use std::io::{self, Write};
use std::process::ExitCode;

use roles::cli::Cli;
use roles::escape::bounded_message;
use roles::render::Style;
use roles::{Outcome, UsageError};

fn main() -> ExitCode {
    // A completion request (`COMPLETE=bash roles -- roles show pro`) is answered and exits here.
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(roles::commands::completions::COMPLETE_VAR)
        .complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            // Help and version go to stdout with status 0; usage errors to stderr with status 2,
            // in one line like every other error.
            let informational = matches!(
                error.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if informational {
                let _ = error.print();
            } else {
                let _ = writeln!(
                    io::stderr(),
                    "roles: error: {}",
                    bounded_message(&one_line(&error.to_string()))
                );
            }
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let style = Style::detect(cli.options.color).for_format(cli.options.format);
    let mut err = io::stderr().lock();
    let pager = cli
        .pages()
        .then(|| roles::pager::chosen(cli.options.no_pager))
        .flatten();
    let result = match pager {
        // Paged: the whole output first, then the pager if it is taller than the screen.
        Some(pager) => {
            let mut buffer = Vec::new();
            let result = roles::run(&cli, style, &mut buffer, &mut err);
            let shown = if roles::pager::taller_than_terminal(&buffer) {
                roles::pager::page(&pager, &buffer)
            } else {
                io::stdout().lock().write_all(&buffer)
            };
            match shown {
                Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                    Err(anyhow::Error::from(error))
                }
                _ => result,
            }
        }
        // Buffered: std's stdout writes each line as it ends, a system call a line.
        None => match standard_output() {
            Ok(stdout) => {
                let mut out = io::BufWriter::with_capacity(64 * 1024, stdout);
                let result = roles::run(&cli, style, &mut out, &mut err);
                let result = match out.flush() {
                    Err(error) if result.is_ok() => Err(anyhow::Error::from(error)),
                    _ => result,
                };
                // A bare I/O error, with no file named, is the output's: say so.
                result.map_err(|error| match error.downcast_ref::<io::Error>() {
                    Some(_) if error.chain().count() == 1 => error.context(
                        "cannot write to standard output (is it open for writing, with room?)",
                    ),
                    _ => error,
                })
            }
            Err(error) => Err(anyhow::Error::from(error)
                .context("cannot write to standard output (is it open for writing, with room?)")),
        },
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Negative) => ExitCode::FAILURE,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Messages can quote a user's file or argument: never let its control characters
            // through raw, nor more than a short excerpt of it.
            let message = format!("{error:#}");
            let _ = writeln!(err, "roles: error: {}", bounded_message(&message));
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// clap's usage message (error, tips, usage, a pointer to --help) as one line.
fn one_line(message: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut lines = message.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(line) = lines.next() {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        // "the following required arguments were not provided:" is followed by the arguments.
        if let Some(head) = line.strip_suffix(':') {
            let items: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.starts_with("Usage:"))
                .collect();
            parts.push(format!("{head}: {}", items.join(", ")));
            continue;
        }
        parts.push(
            line.strip_prefix("tip: ")
                .map_or_else(|| line.to_string(), |tip| tip.to_string()),
        );
    }
    format!("{} (see roles --help)", parts.join("; "))
}

/// A reader that stopped reading (`roles … | head -1`) is not an error worth a word.
/// Standard output as a file of its own. Rust's `Stdout` treats a bad descriptor (stdout closed,
/// or opened read-only) as success and drops every byte; a copy of the descriptor reports the
/// failure, so lost output is an error rather than exit 0.
fn standard_output() -> io::Result<Box<dyn Write>> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let copy = io::stdout().as_fd().try_clone_to_owned()?;
        Ok(Box::new(std::fs::File::from(copy)))
    }
    #[cfg(not(unix))]
    {
        Ok(Box::new(io::stdout()))
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
