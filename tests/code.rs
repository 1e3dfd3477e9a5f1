//! `roles code`: a title, a phrase or a job ad coded to roles through the real binary, one at a
//! time and in batches; the lookups that take a title the coder reads clearly; and, where this
//! machine has the full O*NET database, the titles the issue names.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;

use common::{roles, stdout_of};

const JOB_AD: &str = "Maintain the product backlog, write user stories with the team, and decide \
                      which features the developers build next";

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// The O*NET fixture imported into `dir`.
fn fixture_import(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onet");
    let out = dir.join("onet.yaml");
    let status = roles()
        .args(["import", "onet"])
        .arg(fixture.join("excel-29.3"))
        .arg("--wages")
        .arg(fixture.join("oews-2024/national_M2024_dl.xlsx"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("import: {e}"));
    assert!(status.status.success(), "{status:?}");
    out
}

fn json_of(args: &[&str]) -> Value {
    let text = stdout_of(&[args, &["--format", "json"]].concat());
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn first_id(coding: &Value) -> &str {
    coding["candidates"][0]["id"].as_str().unwrap_or_default()
}

#[test]
fn a_job_ad_on_standard_input_is_the_product_owner_with_its_duties_cited() {
    let output = Command::new(common::binary())
        .args(["code", "-", "--format", "json"])
        .env("ROLES_NO_CACHE", "1")
        .env_remove("ROLES_DATA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(JOB_AD.as_bytes())?;
            }
            child.wait_with_output()
        })
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(output.status.success());
    let coding: Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("json: {e}"));
    assert_eq!(first_id(&coding), "product-owner");
    assert_eq!(coding["verdict"]["clear"], true, "{coding}");
    let statements = coding["candidates"][0]["statements"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!statements.is_empty(), "{coding}");
    assert!(statements.iter().all(|s| {
        s["sources"].as_array().is_some_and(|a| !a.is_empty()) && s["shared"].is_array()
    }));
    assert!(
        statements
            .iter()
            .any(|s| s["text"].as_str().unwrap_or_default().contains("backlog"))
    );
}

#[test]
fn the_job_ad_reads_on_one_screen_with_its_verdict_first() {
    let table = stdout_of(&["code", JOB_AD]);
    insta::assert_snapshot!("code_job_ad_table", table);
    assert!(table.lines().count() <= 24, "{table}");
}

#[test]
fn a_misspelt_or_abbreviated_title_says_how_each_word_was_read() {
    let coding = json_of(&["code", "Sr", "prodct", "ownr"]);
    assert_eq!(first_id(&coding), "product-owner");
    let how: Vec<(&str, &str)> = coding["reading"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["written"].as_str().unwrap_or_default(),
                r["how"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        how,
        [
            ("Sr", "level word"),
            ("prodct", "misspelling"),
            ("ownr", "misspelling")
        ]
    );
}

#[test]
fn a_batch_keeps_input_order_one_record_a_line_in_csv_and_json_lines() {
    let dir = temp_dir();
    let titles = dir.path().join("titles.txt");
    std::fs::write(
        &titles,
        "product owner\n\nscrum master\r\nPM\n=cmd|' /C calc'!A0\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let csv = stdout_of(&["code", "--batch", titles.to_str().unwrap_or_default()]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "query,id,name,score,runner_up_id,runner_up_name,runner_up_score,verdict"
    );
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(lines[1].starts_with("product owner,product-owner,Product Owner,"));
    assert!(lines[2].ends_with(",none"), "an empty line is a record too");
    assert!(lines[4].starts_with("PM,"), "{csv}");
    assert!(lines[4].ends_with(",review"), "PM names two roles: {csv}");
    assert!(lines[5].starts_with("'=cmd"), "a formula is defused: {csv}");
    let json = stdout_of(&[
        "code",
        "--batch",
        titles.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]);
    let records: Vec<Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect();
    assert_eq!(records.len(), 5);
    assert_eq!(records[2]["query"], "scrum master");
    assert_eq!(records[0]["candidates"][0]["id"], "product-owner");
}

#[test]
fn a_bad_batch_is_refused_at_its_line_in_the_users_terms() {
    let dir = temp_dir();
    let cases: [(&str, &[u8], &str); 3] = [
        ("nul.txt", b"product owner\nab\0c\n", ":2: holds a NUL byte"),
        ("latin1.txt", b"ok\nr\xe9le\n", ":2:2: not UTF-8 text"),
        ("dir", b"", "is a directory, not a text file"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        if name == "dir" {
            std::fs::create_dir(&path).unwrap_or_else(|e| panic!("{e}"));
        } else {
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        }
        let output = roles()
            .args(["code", "--batch"])
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
    }
    roles()
        .args(["code", "--batch", "-", "--format", "table"])
        .assert()
        .code(2);
}

#[test]
fn a_title_two_sources_use_in_two_senses_says_which_is_which() {
    let dir = temp_dir();
    let onet = fixture_import(dir.path());
    let coding = json_of(&[
        "--data",
        onet.to_str().unwrap_or_default(),
        "code",
        "project manager",
    ]);
    let titled = coding["titled"].as_array().cloned().unwrap_or_default();
    assert!(titled.len() >= 2, "{coding}");
    assert!(
        titled
            .iter()
            .any(|t| t["article_role"] == true && t["id"] == "project-manager")
    );
    assert!(
        titled
            .iter()
            .any(|t| t["article_role"] == false && t["id"] == "project-management-specialists")
    );
    assert_eq!(coding["verdict"]["clear"], false);
    let table = stdout_of(&[
        "--data",
        onet.to_str().unwrap_or_default(),
        "code",
        "project manager",
    ]);
    assert!(
        table.contains("names an article's role and a catalogue's occupation"),
        "{table}"
    );
    assert!(
        table.contains("its classification, not the article's"),
        "{table}"
    );
}

#[test]
fn show_takes_a_title_the_coder_reads_clearly_and_says_so_on_one_line() {
    let dir = temp_dir();
    let onet = fixture_import(dir.path());
    let output = roles()
        .args(["--data", onet.to_str().unwrap_or_default()])
        .args(["show", "information", "technology", "project", "mgrs"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stderr,
        "note: 'information technology project mgrs' taken as Information Technology Project \
         Managers (information-technology-project-managers); see roles code\n"
    );
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .starts_with("Information Technology Project Managers")
    );
}

#[test]
fn an_unclear_title_is_an_error_listing_the_likeliest_never_a_guess() {
    let output = roles()
        .args(["show", "delivery", "product", "lead"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(stderr.contains("likeliest: "), "{stderr}");
    assert!(
        stderr.contains("(see `roles code delivery product lead`)"),
        "{stderr}"
    );
}

#[test]
fn skills_as_people_say_them_are_taken_and_said() {
    let matched = json_of(&["match", "--skill", "budgeting", "--skill", "roadmapping"]);
    assert_eq!(
        matched["taken"],
        serde_json::json!([
            "'budgeting' taken as the duties of the theme Budget",
            "'roadmapping' taken as the duties of the theme Roadmap"
        ])
    );
    let who = |topic: &str| {
        let view = json_of(&["who", topic]);
        view["themes"].clone()
    };
    assert_eq!(who("roadmaps"), who("roadmap"));
    assert_eq!(who("prioritisation")[0]["id"], "backlog");
    assert_eq!(who("budgets")[0]["id"], "budget");
    // A phrase that holds a theme's name, when no duty says the phrase itself.
    assert_eq!(who("stakeholder management")[0]["id"], "stakeholders");
    assert_eq!(who("risk management")[0]["id"], "risks");
    // A phrase a duty says is found as said, not widened to a theme.
    assert_eq!(who("product roadmap"), serde_json::json!([]));
}

/// The titles the issue names, on the full O*NET import, when this machine has it.
#[test]
fn on_the_full_onet_import_titles_find_their_occupations() {
    let onet = std::env::var_os("ROLES_ONET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/onet"));
    if !onet.join("onet-29.3-excel").is_dir() {
        eprintln!("skipped: ../shared/onet is not on this machine");
        return;
    }
    let dir = temp_dir();
    let out = dir.path().join("onet.json");
    let status = roles()
        .args(["import", "onet"])
        .arg(onet.join("onet-29.3-excel"))
        .arg("--wages")
        .arg(onet.join("bls-oews-2024/national_M2024_dl.xlsx"))
        .args(["--format", "json", "-o"])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.status.success());
    let data = out.to_str().unwrap_or_default();
    let coding = json_of(&["--data", data, "code", "front end engineer"]);
    assert_eq!(first_id(&coding), "web-developers", "{coding}");
    let similar = json_of(&[
        "--data",
        data,
        "similar",
        "delivery-manager",
        "--limit",
        "5",
    ]);
    let ids: Vec<&str> = similar["others"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["role"]["id"].as_str())
        .collect();
    assert!(
        ids.iter()
            .any(|id| id.starts_with("transportation-storage")),
        "{ids:?}"
    );
    let shown = stdout_of(&[
        "--data",
        data,
        "show",
        "project-manager",
        "--only",
        "related",
    ]);
    assert!(shown.contains("13-1082.00"), "{shown}");
    let words = shown
        .split_whitespace()
        .filter(|w| *w != "│" && *w != "┆")
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("that occupation's pay, not this role's: average $108,100/yr"));
}
