//! Output that cannot be written is an error, said in one line with exit 1; a reader that stops
//! early (`| head`) is not, and gets no message.

use std::process::{Command, Stdio};

mod common;

fn run_into(stdout: Stdio, args: &[&str]) -> std::process::Output {
    Command::new(common::binary())
        .args(args)
        .env("ROLES_NO_CACHE", "1")
        .env_remove("ROLES_DATA")
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"))
}

#[test]
fn standard_output_open_read_only_is_an_error_not_a_silent_success() {
    for args in [&["export"][..], &["list"], &["show", "product-owner"]] {
        let read_only = std::fs::File::open("/dev/null").unwrap_or_else(|e| panic!("open: {e}"));
        let output = run_into(Stdio::from(read_only), args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(
            message.starts_with("roles: error: cannot write to standard output"),
            "{message}"
        );
    }
}

#[test]
fn a_full_device_is_an_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // Not every system has /dev/full.
    };
    let output = run_into(Stdio::from(full), &["export"]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("No space left"), "{message}");
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    let mut child = Command::new(common::binary())
        .args(["export", "--format", "json"])
        .env("ROLES_NO_CACHE", "1")
        .env_remove("ROLES_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    // The reader goes away before reading a byte.
    drop(child.stdout.take());
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
}
