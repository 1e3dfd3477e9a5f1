//! search, similar, gap, match and skills through the real binary: rankings pinned on the
//! built-in data, and shown to follow from the data on a fixture whose skills we change.

use std::path::{Path, PathBuf};

mod common;

use common::{roles, stdout_of};
use predicates::prelude::*;

fn json_of(args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(&full)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn ids(value: &serde_json::Value, list: &str) -> Vec<String> {
    value[list]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["role"]["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn analysis_commands_in_every_format() {
    let commands: [(&str, &[&str]); 6] = [
        ("search_backlog", &["search", "backlog"]),
        ("similar_product_owner", &["similar", "product-owner"]),
        (
            "gap_dm_to_pm",
            &["gap", "delivery-manager", "product-manager"],
        ),
        (
            "gap_dm_to_pm_full",
            &["gap", "delivery-manager", "product-manager", "--full"],
        ),
        (
            "match_three_skills",
            &[
                "match",
                "--skill",
                "communication",
                "--skill",
                "organization",
                "--skill",
                "technical understanding",
            ],
        ),
        ("skills", &["skills"]),
    ];
    for (name, args) in commands {
        for format in ["table", "json", "csv", "markdown"] {
            // --full changes the table alone; the other formats always carry everything.
            if name.ends_with("_full") && format != "table" {
                continue;
            }
            let mut full = args.to_vec();
            full.extend(["--format", format]);
            insta::assert_snapshot!(format!("{name}_{format}"), stdout_of(&full));
        }
    }
}

#[test]
fn search_ranks_name_hits_above_text_hits_and_marks_matches() {
    let results = json_of(&["search", "product owner"]);
    let hits = results["hits"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        hits.first().map(|h| h["section"].clone()),
        Some("Name".into())
    );
    let scores: Vec<u64> = hits.iter().filter_map(|h| h["score"].as_u64()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "not ranked: {scores:?}"
    );
    roles()
        .args(["search", "BACKLOG"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "responsible for defining the product «backlog»",
        ));
    let markdown = stdout_of(&["search", "backlog", "--format", "markdown"]);
    assert!(markdown.contains("product **backlog**"));
}

#[test]
fn search_finding_nothing_exits_1_like_grep() {
    roles()
        .args(["search", "astronaut"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("roles: no match for \"astronaut\"\n");
}

#[test]
fn short_queries_match_whole_words_and_filters_narrow_the_search() {
    let short = json_of(&["search", "po"]);
    assert_eq!(short["whole_words"], true);
    let texts: Vec<&str> = short["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h["text"].as_str())
        .collect();
    assert_eq!(texts, ["PO"], "no 'report' or 'product' for 'po'");
    let partial = json_of(&["search", "po", "--partial"]);
    assert!(partial["hits"].as_array().map_or(0, Vec::len) > 10);
    let narrowed = json_of(&["search", "roadmap", "--role", "dl", "--section", "duties"]);
    let hits = narrowed["hits"].as_array().cloned().unwrap_or_default();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h["role"]["id"] == "delivery-lead" && h["section"] == "Duties")
    );
    let table = stdout_of(&["search", "the", "--word", "--role", "pjm"]);
    let matches: usize = json_of(&["search", "the", "--word", "--role", "pjm"])["matches"]
        .as_u64()
        .unwrap_or(0) as usize;
    let texts = json_of(&["search", "the", "--word", "--role", "pjm"])["hits"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(matches > texts, "several matches in one text");
    assert!(
        table.contains(&format!("{matches} matches for \"the\"")),
        "{table}"
    );
    assert!(
        table.contains(&format!("in {texts} texts of 1 role")),
        "{table}"
    );
}

#[test]
fn no_match_still_gives_data_formats_their_structure() {
    roles()
        .args(["search", "astronaut", "--format", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"hits\": []"));
    roles()
        .args(["search", "astronaut", "--format", "csv"])
        .assert()
        .code(1)
        .stdout("role,section,text,sources,relevance\n");
}

#[test]
fn similar_ranks_from_the_built_in_data() {
    assert_eq!(
        ids(&json_of(&["similar", "product-owner"]), "others"),
        [
            "product-manager",
            "delivery-lead",
            "project-manager",
            "delivery-manager"
        ]
    );
    assert_eq!(
        ids(&json_of(&["similar", "delivery-manager"]), "others"),
        [
            "delivery-lead",
            "product-manager",
            "project-manager",
            "product-owner"
        ]
    );
}

#[test]
fn similar_names_no_word_used_only_in_another_roles_name() {
    let view = json_of(&["similar", "delivery-lead"]);
    let words_with = |id: &str| -> Vec<String> {
        let others = view["others"].as_array().cloned().unwrap_or_default();
        let other = others.iter().find(|o| o["role"]["id"] == id);
        let words = other.map(|o| o["shared_task_words"].clone());
        serde_json::from_value(words.unwrap_or_default()).unwrap_or_default()
    };
    // Both work with "the Product Owner": that says nothing of why they are alike.
    let project = words_with("project-manager");
    assert!(project.contains(&"schedule".to_string()), "{project:?}");
    assert!(!project.iter().any(|w| w == "owner"), "{project:?}");
    // A word used on its own as well stays ("projects" of a product owner and a delivery
    // manager, though one also names the project manager).
    let view = json_of(&["similar", "product-owner"]);
    let others = view["others"].as_array().cloned().unwrap_or_default();
    let manager = others
        .iter()
        .find(|o| o["role"]["id"] == "delivery-manager");
    let words = manager
        .map(|o| o["shared_task_words"].to_string())
        .unwrap_or_default();
    assert!(words.contains("projects"), "{words}");
}

#[test]
fn match_ranks_by_share_of_the_roles_skills() {
    let fit = json_of(&[
        "match",
        "-s",
        "communication,organization,technical-understanding",
    ]);
    assert_eq!(
        ids(&fit, "roles"),
        [
            "delivery-lead",
            "delivery-manager",
            "product-owner",
            "product-manager"
        ]
    );
    assert_eq!(fit["roles"][0]["score"], 100);
    assert_eq!(fit["roles"][1]["score"], 67);
}

#[test]
fn misspelt_skill_is_answered_with_the_closest() {
    roles()
        .args(["match", "--skill", "comunication"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("roles: error: unknown skill 'comunication' (closest: communication, organization, negotiation): no skill, skill name or duty theme speaks of it (see `roles skills`)\n");
}

#[test]
fn gap_names_skills_to_add_carry_over_and_the_sourced_pay_change() {
    let gap = json_of(&["gap", "dm", "product manager"]);
    let names = |list: &str| -> Vec<String> {
        gap[list]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s["id"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        names("skills_carried_over"),
        ["communication", "organization"]
    );
    assert_eq!(names("skills_left_behind"), ["project-management"]);
    assert!(names("skills_to_add").contains(&"market-research".to_string()));
    let pay = &gap["pay"]["differences"][0];
    assert_eq!(
        (pay["low_delta"].as_i64(), pay["same_source"].as_bool()),
        (Some(32_225), Some(true))
    );
    assert_eq!(pay["source"], "pm-dm");
}

#[test]
fn gap_refuses_an_ambiguous_or_identical_pair() {
    roles()
        .args(["gap", "PM", "po"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("'PM' is ambiguous"));
    roles()
        .args(["gap", "po", "product-owner"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("name two different roles"));
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{name}: {e}"));
    path
}

/// Three roles; `beta`'s skills are the one thing the two variants change.
fn fixture(beta_skills: &str) -> String {
    let role = |id: &str, skills: &str| {
        let skills: String = skills
            .split(',')
            .map(|s| format!("      - {{skill: {s}, note: n, sources: [src]}}\n"))
            .collect();
        format!(
            "  - id: {id}\n    name: {id}\n    summary: {{text: Same words here. Twice., sources: [src]}}\n    duties: [{{text: Plans the work., sources: [src]}}]\n    requirements: {{}}\n    skills:\n{skills}"
        )
    };
    format!(
        "version: 1\nsources: [{{id: src, title: T, kind: test}}]\nskills:\n{}aspects: []\nroles:\n{}{}{}",
        ["s1", "s2", "s3", "s4"]
            .iter()
            .map(|s| format!("  - {{id: {s}, name: {s}, description: d}}\n"))
            .collect::<String>(),
        role("alpha", "s1,s2"),
        role("beta", beta_skills),
        role("gamma", "s1,s3"),
    )
}

#[test]
fn the_order_follows_from_the_data() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let beta_like_alpha = write(dir.path(), "a.yaml", &fixture("s1,s2"));
    let beta_unlike_alpha = write(dir.path(), "b.yaml", &fixture("s3,s4"));
    let order = |file: &Path, args: &[&str], list: &str| {
        let mut full: Vec<String> = vec![
            "--no-builtin".into(),
            "--data".into(),
            file.display().to_string(),
        ];
        full.extend(args.iter().map(|a| a.to_string()));
        let refs: Vec<&str> = full.iter().map(String::as_str).collect();
        ids(&json_of(&refs), list)
    };
    assert_eq!(
        order(&beta_like_alpha, &["similar", "alpha"], "others"),
        ["beta", "gamma"]
    );
    assert_eq!(
        order(&beta_unlike_alpha, &["similar", "alpha"], "others"),
        ["gamma", "beta"]
    );
    assert_eq!(
        order(&beta_like_alpha, &["match", "-s", "s1,s2"], "roles"),
        ["alpha", "beta", "gamma"]
    );
    assert_eq!(
        order(&beta_unlike_alpha, &["match", "-s", "s1,s2"], "roles"),
        ["alpha", "gamma", "beta"]
    );
}

/// An article role with no pay figure whose name a catalogue files under several occupations:
/// its default view names each with its code and pay, labelled as theirs, best named first,
/// and its Salary row points there.
#[test]
fn show_names_the_occupations_that_file_its_title_with_their_pay() {
    let shown = stdout_of(&[
        "--data",
        "tests/fixtures/catalogue-titles.yaml",
        "show",
        "project-manager",
    ]);
    insta::assert_snapshot!("show_project_manager_filed_under", shown);
}
