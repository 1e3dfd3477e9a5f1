//! Shared by the integration tests: the real binary in a fixed, clean environment.
#![allow(dead_code)]

use assert_cmd::Command;

/// The binary under test: this build's, or the one ROLES_TEST_BINARY names (so that
/// `scripts/same-output.py --tests` can run the suite's every command line through two builds).
pub fn binary() -> std::path::PathBuf {
    match std::env::var_os("ROLES_TEST_BINARY") {
        Some(path) => path.into(),
        None => assert_cmd::cargo::cargo_bin("roles"),
    }
}

/// The binary at 100 columns, with no colour variables, no ROLES_DATA from the caller and no
/// cache (tests of the cache give it a directory of their own).
pub fn roles() -> Command {
    let mut command = Command::new(binary());
    command
        .env("COLUMNS", "100")
        .env("ROLES_NO_CACHE", "1")
        .env_remove("NO_COLOR")
        .env_remove("ROLES_DATA");
    command
}

/// `markdown` read by a real Markdown reader (pandoc's GitHub-flavoured reader) as HTML, or None
/// where pandoc is not installed (`apt-get install pandoc`; `.ci/run` installs it).
pub fn markdown_as_html(markdown: &str) -> Option<String> {
    pandoc_html(markdown, "gfm")
}

/// `markdown` read by pandoc's reader `from` (`gfm`, `markdown`, `commonmark_x` …) as HTML, or
/// None where pandoc is not installed.
pub fn pandoc_html(markdown: &str, from: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let Ok(mut pandoc) = Command::new("pandoc")
        .args(["-f", from, "-t", "html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        skipped("pandoc");
        return None;
    };
    if let Some(mut stdin) = pandoc.stdin.take() {
        stdin
            .write_all(markdown.as_bytes())
            .unwrap_or_else(|e| panic!("pandoc stdin: {e}"));
    }
    let output = pandoc
        .wait_with_output()
        .unwrap_or_else(|e| panic!("pandoc: {e}"));
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
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

/// Says a check was skipped because `tool` is not installed; fails instead where
/// ROLES_TEST_TOOLS is set, as `.ci/run` sets it after installing every tool the tests use, so
/// that no check passes in CI by not running.
pub fn skipped(tool: &str) {
    assert!(
        std::env::var_os("ROLES_TEST_TOOLS").is_none(),
        "{tool} is not installed, and ROLES_TEST_TOOLS says every tool the tests use is"
    );
    eprintln!("skipped: {tool} is not installed");
}
