//! The README's and docs/' examples are real: every ```console block that starts with `$ roles …`
//! must show exactly what that command prints at 100 columns. `UPDATE_README=1 cargo test --test
//! readme` rewrites the blocks from the binary after an intended change.
//!
//! The commands of one document run in order, in a scratch folder holding `tests/fixtures` and,
//! named as their publishers name them, the O*NET and OEWS fixtures (`db_29_3_excel`,
//! `national_M2024_dl.xlsx`), so an example may import into a file a later one reads.

use std::path::Path;

use assert_cmd::Command;

mod common;

const FENCE: &str = "```console\n$ roles ";

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// A scratch folder laid out as described above.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    copy_tree(&fixtures, &dir.path().join("tests/fixtures"));
    copy_tree(
        &fixtures.join("onet/excel-29.3"),
        &dir.path().join("db_29_3_excel"),
    );
    std::fs::copy(
        fixtures.join("onet/oews-2024/national_M2024_dl.xlsx"),
        dir.path().join("national_M2024_dl.xlsx"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn run(args: &str, dir: &Path) -> String {
    let output = Command::new(common::binary())
        .current_dir(dir)
        .args(args.split_whitespace())
        .env("COLUMNS", "100")
        .env("ROLES_NO_CACHE", "1")
        .env_remove("NO_COLOR")
        .env_remove("ROLES_DATA")
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    text
}

/// Checks (or, with UPDATE_README, rewrites) one document; returns how many examples it has.
fn check_examples(relative: &str) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let readme = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"));
    let mut rewritten = String::with_capacity(readme.len());
    let mut rest = readme.as_str();
    let mut checked = 0;
    let mut stale = Vec::new();
    let dir = scratch();
    while let Some(start) = rest.find(FENCE) {
        let after_fence = start + FENCE.len();
        let Some(line_end) = rest[after_fence..].find('\n') else {
            break;
        };
        let args = &rest[after_fence..after_fence + line_end];
        let body_start = after_fence + line_end + 1;
        let Some(body_len) = rest[body_start..].find("```\n") else {
            break;
        };
        let shown = &rest[body_start..body_start + body_len];
        let real = run(args, dir.path());
        if shown != real {
            stale.push(args.to_string());
        }
        rewritten.push_str(&rest[..body_start]);
        rewritten.push_str(&real);
        rest = &rest[body_start + body_len..];
        checked += 1;
    }
    rewritten.push_str(rest);
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, rewritten).unwrap_or_else(|e| panic!("writing {relative}: {e}"));
    } else {
        assert!(
            stale.is_empty(),
            "{relative}: examples out of date (UPDATE_README=1 cargo test --test readme): {stale:?}"
        );
    }
    checked
}

#[test]
fn readme_examples_show_the_real_output() {
    assert!(
        check_examples("README.md") >= 3,
        "the README shows the headline commands"
    );
}

#[test]
fn reference_examples_show_the_real_output() {
    let examples = check_examples("docs/commands.md");
    assert!(
        examples >= 10,
        "the reference shows every command, found {examples}"
    );
}
