//! Each `--data` input is read once, within bounds, whatever it is: a pipe, a process
//! substitution, standard input, a named pipe nobody writes to, a device, a file of zeros, a
//! file being replaced while it is read. The cache key is the hash of exactly what was parsed.
#![cfg(unix)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
#[path = "../benches/support/generate.rs"]
mod generate;

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// A generated dataset large enough to be cached, with role-7 renamed to `name`.
fn large_text(name: &str) -> String {
    let mut dataset = generate::generate(60, 7);
    dataset.roles[7].name = name.into();
    let text = serde_saphyr::to_string(&dataset).unwrap_or_else(|e| panic!("yaml: {e}"));
    assert!(text.len() >= roles::cache::MIN_CACHED_BYTES);
    text
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("write: {e}"));
}

fn binary() -> PathBuf {
    common::binary()
}

/// The binary as a plain command (for pipes), with the tests' clean environment.
fn plain(cache_home: Option<&Path>) -> Command {
    with_env(Command::new(binary()), cache_home)
}

fn with_env(mut command: Command, cache_home: Option<&Path>) -> Command {
    command.env("COLUMNS", "100").env_remove("ROLES_DATA");
    match cache_home {
        Some(home) => command
            .env_remove("ROLES_NO_CACHE")
            .env("XDG_CACHE_HOME", home),
        None => command.env("ROLES_NO_CACHE", "1"),
    };
    command
}

fn stderr_line(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr)
        .trim_end()
        .to_string()
}

#[test]
fn a_process_substitution_is_read_once_and_works() {
    let dir = temp_dir();
    let file = dir.path().join("big.yaml");
    write(&file, &large_text("Read Through A Pipe"));
    let script = format!(
        "{} --no-builtin --data <(cat {}) show role-7 --format json",
        binary().display(),
        file.display()
    );
    for cache_home in [None, Some(dir.path().join("cache"))] {
        let Ok(output) = with_env(Command::new("bash"), cache_home.as_deref())
            .args(["-c", &script])
            .output()
        else {
            return; // no bash here
        };
        assert!(output.status.success(), "{}", stderr_line(&output));
        assert!(String::from_utf8_lossy(&output.stdout).contains("Read Through A Pipe"));
    }
}

#[test]
fn standard_input_large_enough_to_cache_is_cached_by_its_content() {
    let dir = temp_dir();
    let cache_home = dir.path().join("cache");
    let text = large_text("Piped In");
    for _ in 0..2 {
        let mut child = plain(Some(&cache_home))
            .args(["--no-builtin", "--data", "-", "show", "role-7"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(text.as_bytes())
                .unwrap_or_else(|e| panic!("stdin: {e}"));
        }
        let output = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("wait: {e}"));
        assert!(output.status.success(), "{}", stderr_line(&output));
        assert!(String::from_utf8_lossy(&output.stdout).contains("Piped In"));
    }
    let entries = std::fs::read_dir(cache_home.join("roles")).map_or(0, |d| d.count());
    assert_eq!(entries, 1, "one entry, found again on the second run");
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_named_pipe_with_one_writer_is_read_and_one_with_none_is_refused() {
    let dir = temp_dir();
    let fifo = dir.path().join("pipe.yaml");
    if !mkfifo(&fifo) {
        return;
    }
    let text = large_text("Through A Named Pipe");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            // Opening blocks until the reader opens; one write, then close.
            if let Ok(mut pipe) = std::fs::OpenOptions::new().write(true).open(&fifo) {
                let _ = pipe.write_all(text.as_bytes());
            }
        })
    };
    let output = common::roles()
        .args(["--no-builtin", "--data"])
        .arg(&fifo)
        .args(["show", "role-7"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let _ = writer.join();
    assert!(output.status.success(), "{}", stderr_line(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Through A Named Pipe"));

    let lonely = dir.path().join("lonely.yaml");
    assert!(mkfifo(&lonely));
    let started = Instant::now();
    let output = common::roles()
        .arg("--data")
        .arg(&lonely)
        .arg("list")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(1));
    let said = stderr_line(&output);
    assert!(
        said.contains("named pipe that no program opened for writing"),
        "{said}"
    );
    assert!(started.elapsed() < Duration::from_secs(10), "it hung");
}

#[test]
fn devices_zeros_and_binary_padding_are_refused_before_they_are_read_whole() {
    let dir = temp_dir();
    // A sparse file: a real dataset's first lines, then 900 MiB of zeros that take no disk.
    let sparse = dir.path().join("sparse.yaml");
    let file = std::fs::File::create(&sparse).unwrap_or_else(|e| panic!("create: {e}"));
    let mut head = std::io::BufWriter::new(&file);
    head.write_all(b"version: 1\nsources: []\n")
        .unwrap_or_else(|e| panic!("write: {e}"));
    drop(head);
    file.set_len(900 * 1024 * 1024)
        .unwrap_or_else(|e| panic!("set_len: {e}"));
    let cases: [(&str, PathBuf, &str); 3] = [
        ("/dev/zero", PathBuf::from("/dev/zero"), "is a device"),
        ("/dev/null", PathBuf::from("/dev/null"), "is a device"),
        ("sparse", sparse.clone(), ":3:1: the file holds a NUL byte"),
    ];
    for (name, path, expected) in cases {
        let output = common::roles()
            .arg("--data")
            .arg(&path)
            .arg("list")
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        assert_eq!(output.status.code(), Some(1), "{name}");
        let said = stderr_line(&output);
        assert!(said.contains(expected), "{name}: {said}");
        assert!(
            said.lines().count() == 1 && said.len() < 400,
            "{name}: {said}"
        );
    }
    // Standard input from /dev/zero: not a device to refuse, but its first bytes are NULs.
    let zero = std::fs::File::open("/dev/zero").unwrap_or_else(|e| panic!("open: {e}"));
    let output = plain(None)
        .args(["--data", "-", "list"])
        .stdin(zero)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_line(&output).contains("<stdin>:1:1: the file holds a NUL byte"));
}

/// Runs `show role-7` on `file` with the cache and reports which of the two names it printed.
fn shown_name(file: &Path, cache_home: &Path) -> Option<&'static str> {
    let output = plain(Some(cache_home))
        .args(["--no-builtin", "--data"])
        .arg(file)
        .args(["show", "role-7", "--format", "json"])
        .output()
        .ok()?;
    let out = String::from_utf8_lossy(&output.stdout);
    ["Version Alpha", "Version Beta"]
        .into_iter()
        .find(|name| out.contains(name))
}

#[test]
fn atomic_replacements_racing_with_reads_never_leave_a_lying_entry() {
    let dir = temp_dir();
    let cache_home = dir.path().join("cache");
    let file = dir.path().join("data.yaml");
    let versions = [large_text("Version Alpha"), large_text("Version Beta")];
    write(&file, &versions[0]);
    let replacer = {
        let (dir, file, versions) = (dir.path().to_path_buf(), file.clone(), versions.clone());
        std::thread::spawn(move || {
            for round in 0..200 {
                // As an editor or a sync tool saves: a new file renamed over the old one.
                let temporary = dir.join("data.yaml.tmp");
                write(&temporary, &versions[round % 2]);
                std::fs::rename(&temporary, &file).unwrap_or_else(|e| panic!("rename: {e}"));
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let mut runs = 0;
    while !replacer.is_finished() {
        // Whatever the timing, a run shows one whole version or the other.
        assert!(shown_name(&file, &cache_home).is_some(), "a torn read");
        runs += 1;
    }
    let _ = replacer.join();
    assert!(runs > 0);
    // Now each version, read calmly, must come back as itself from whatever entries exist.
    for (text, name) in versions.iter().zip(["Version Alpha", "Version Beta"]) {
        write(&file, text);
        for _ in 0..2 {
            assert_eq!(shown_name(&file, &cache_home), Some(name));
        }
    }
}
