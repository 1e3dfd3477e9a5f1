//! Long output on a terminal goes through a pager, as git, bat and gh do, so a comparison opens
//! on its first line instead of scrolling its title away. Never on a pipe: what a program reads
//! is byte for byte what `--no-pager` prints.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

/// The pager when neither ROLES_PAGER nor PAGER names one: quit when it fits (-F), keep colour
/// (-R), leave the text on screen after quitting (-X).
pub const DEFAULT_PAGER: &str = "less -FRX";

/// Set to any non-empty value, turns the pager off without touching PAGER (which other tools
/// share).
pub const NO_PAGER_VAR: &str = "ROLES_NO_PAGER";

/// The pager command for this run, if output should be paged at all: stdout a terminal, no
/// `--no-pager`, no ROLES_NO_PAGER; then ROLES_PAGER, else PAGER, else [`DEFAULT_PAGER`]. An
/// empty command or `cat` means no pager.
pub fn chosen(no_pager: bool) -> Option<String> {
    let off = std::env::var_os(NO_PAGER_VAR).is_some_and(|v| !v.is_empty());
    if no_pager || off || !io::stdout().is_terminal() {
        return None;
    }
    let command = std::env::var("ROLES_PAGER")
        .or_else(|_| std::env::var("PAGER"))
        .unwrap_or_else(|_| DEFAULT_PAGER.to_string());
    let command = command.trim().to_string();
    (!command.is_empty() && command != "cat").then_some(command)
}

/// Whether `text` is taller than the terminal, so paging it helps.
pub fn taller_than_terminal(text: &[u8]) -> bool {
    let rows = terminal_size::terminal_size_of(io::stdout())
        .map(|(_, height)| usize::from(height.0))
        .or_else(|| std::env::var("LINES").ok()?.trim().parse().ok())
        .unwrap_or(24);
    text.iter().filter(|&&b| b == b'\n').count() >= rows
}

/// Shows `text` through `command` (run by the shell, as git runs PAGER). A pager that cannot be
/// started is no reason to lose the output: it is written to stdout instead. A pager quit before
/// the end (`q`) is not an error.
pub fn page(command: &str, text: &[u8]) -> io::Result<()> {
    let mut shell = if cfg!(windows) {
        let mut words = command.split_whitespace();
        let mut shell = Command::new(words.next().unwrap_or("more"));
        shell.args(words);
        shell
    } else {
        let mut shell = Command::new("sh");
        shell.arg("-c").arg(command);
        shell
    };
    if std::env::var_os("LESS").is_none() {
        // As git does: a bare `less` in PAGER still keeps colour and quits when it fits.
        shell.env("LESS", "FRX");
    }
    let child = shell.stdin(Stdio::piped()).spawn();
    let Ok(mut child) = child else {
        return write_plainly(text);
    };
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text) {
            Err(error) if error.kind() != io::ErrorKind::BrokenPipe => return Err(error),
            _ => {}
        }
    }
    let status = child.wait()?;
    // `sh -c` answers 127 when the command does not exist and 126 when it cannot run (not
    // executable, a directory): either way nothing was shown.
    if matches!(status.code(), Some(126 | 127)) {
        return write_plainly(text);
    }
    Ok(())
}

fn write_plainly(text: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text)?;
    out.flush()
}
