//! Shared by the integration tests: the real binary in a fixed, clean environment.
#![allow(dead_code)]

use assert_cmd::Command;

/// The binary at 100 columns, with no colour variables, no ROLES_DATA from the caller and no
/// cache (tests of the cache give it a directory of their own).
pub fn roles() -> Command {
    let mut command = Command::cargo_bin("roles").unwrap_or_else(|e| panic!("binary: {e}"));
    command
        .env("COLUMNS", "100")
        .env("ROLES_NO_CACHE", "1")
        .env_remove("NO_COLOR")
        .env_remove("ROLES_DATA");
    command
}

/// Stdout of a run that must succeed.
pub fn stdout_of(args: &[&str]) -> String {
    let output = roles()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("utf-8: {e}"))
}
