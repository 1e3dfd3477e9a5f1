//! How a run ends short of an error, and the one error that is the caller's mistake: shared by
//! every command and by `main`, which turns them into exit statuses. A leaf.

use std::fmt;

/// How a run that did not fail ended: success, or a negative answer (exit status 1 without an
/// error message), like grep finding nothing or a file failing validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit status 0.
    Success,
    /// Exit status 1; the output already says why.
    Negative,
}

/// A mistake in how the command was called that clap cannot see; exits with status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}
