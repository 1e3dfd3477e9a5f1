//! Completions offer role and skill ids from the data in use, tested by driving each shell's own
//! completion function with the script `roles completions SHELL` prints. A shell that is not
//! installed is skipped with a note.

use std::path::Path;
use std::process::Command;

mod common;

/// PATH with the test binary's folder first, so the scripts' `roles` is this build.
fn path_with_roles() -> String {
    let binary = common::binary();
    let folder = binary.parent().map(Path::to_path_buf).unwrap_or_default();
    let rest = std::env::var("PATH").unwrap_or_default();
    format!("{}:{rest}", folder.display())
}

/// Runs `script` in `shell`, from the repository root; `None` when the shell is not installed.
fn run(shell: &str, script: &str) -> Option<Vec<String>> {
    let output = Command::new(shell)
        .args(["-c", script])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", path_with_roles())
        .env("ROLES_NO_CACHE", "1")
        .env_remove("ROLES_DATA")
        .output()
        .ok()?;
    assert!(
        output.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|l| l.split(['\t', ':']).next().unwrap_or("").to_string())
            .filter(|l| !l.is_empty())
            .collect(),
    )
}

/// What `shell` offers for the words of `line`, the last being the one completed.
fn offered(shell: &str, line: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = line.split(' ').collect();
    let current = words.len() - 1;
    // Quoted, so an empty last word (nothing typed yet) is a word of its own.
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let line = quoted.join(" ");
    let script = match shell {
        "bash" => format!(
            "source <(roles completions bash); COMP_WORDS=({line}); COMP_CWORD={current}; \
             _clap_complete_roles roles {} {}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            quoted[current],
            quoted[current - 1]
        ),
        // zsh's completion widgets need a terminal; its function is driven with `_describe`
        // standing in for the widget that would show the candidates.
        "zsh" => format!(
            "compdef() {{ :; }}; _describe() {{ print -l -- ${{(P)3}}; }}; \
             source <(roles completions zsh); words=({line}); CURRENT={}; \
             _clap_dynamic_completer_roles",
            current + 1
        ),
        "fish" => format!(
            "roles completions fish | source; complete -C '{}'",
            words.join(" ")
        ),
        _ => return None,
    };
    run(shell, &script)
}

fn check(line: &str, expected: &[&str]) {
    for shell in ["bash", "zsh", "fish"] {
        match offered(shell, line) {
            Some(words) => assert_eq!(words, expected, "{shell}: {line}"),
            None => common::skipped(shell),
        }
    }
}

#[test]
fn role_ids_complete_in_every_shell() {
    check(
        "roles show pro",
        &["product-owner", "product-manager", "project-manager"],
    );
}

#[test]
fn aliases_complete_after_the_ids() {
    check("roles compare po P", &["PO", "PM", "PdM", "PjM"]);
}

#[test]
fn skill_ids_and_aliases_complete_for_match() {
    check(
        "roles match --skill stake",
        &["stakeholder-management", "stakeholders"],
    );
}

#[test]
fn roles_from_data_files_on_the_line_complete_too() {
    check(
        "roles --data tests/fixtures/tech-lead.yaml gap te",
        &["tech-lead"],
    );
}

#[test]
fn with_nothing_typed_a_role_offers_the_ids_and_no_aliases() {
    // The aliases (PO, PM …) come once a letter is typed, as `aliases_complete_after_the_ids`
    // shows: a list of every alias is too long to read on a large dataset.
    for shell in ["bash", "zsh", "fish"] {
        let Some(words) = offered(shell, "roles show ") else {
            common::skipped(shell);
            continue;
        };
        let roles: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !w.starts_with('-'))
            .collect();
        assert_eq!(
            roles,
            [
                "product-owner",
                "product-manager",
                "delivery-lead",
                "delivery-manager",
                "project-manager",
            ],
            "{shell}: {words:?}"
        );
    }
}

/// A data file's aliases and a folder's file names reach the shell only where the shell would
/// take them as they are: `R&D` would background a command, `$(…)` run one, `TL*` match files,
/// and a name holding an escape sequence would write to the terminal (here, its clipboard).
#[test]
fn no_candidate_needs_quoting_or_escaping() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tech-lead.yaml"),
    )
    .unwrap_or_else(|e| panic!("read: {e}"))
    .replacen(
        "aliases: [TL]",
        "aliases: [TL, \"TL*\", \"R&D\", \"sre$(touch${IFS}pwned)\", \"it's\", TLX]",
        1,
    );
    let data = dir.path().join("hostile.yaml");
    std::fs::write(&data, text).unwrap_or_else(|e| panic!("write: {e}"));
    std::fs::write(dir.path().join("evil\u{1b}]52;c;aGk=\u{7}.yaml"), "")
        .unwrap_or_else(|e| panic!("write: {e}"));
    std::fs::write(dir.path().join("R&D.yaml"), "").unwrap_or_else(|e| panic!("write: {e}"));
    let data = data.display().to_string();
    let folder = format!("{}/", dir.path().display());
    for shell in ["bash", "zsh", "fish"] {
        let Some(words) = offered(shell, &format!("roles --data {data} show T")) else {
            common::skipped(shell);
            continue;
        };
        assert_eq!(words, ["TL", "TLX"], "{shell}");
        for typed in ["R", "s", "i"] {
            let words =
                offered(shell, &format!("roles --data {data} show {typed}")).unwrap_or_default();
            assert!(
                words.iter().all(|w| !w.contains(['&', '$', '\'', '*'])),
                "{shell}: {words:?}"
            );
        }
        let paths = offered(shell, &format!("roles --data {folder}")).unwrap_or_default();
        assert_eq!(paths, [format!("{folder}hostile.yaml")], "{shell}");
    }
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("pwned").exists());
}
