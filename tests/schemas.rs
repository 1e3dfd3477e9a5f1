//! Every command's JSON output has a JSON Schema generated from its types (schemars), checked in
//! under `docs/schemas/`; each is kept up to date here (`UPDATE_SCHEMAS=1 cargo test --test
//! schemas` rewrites them) and real output of the binary is validated against it.

mod common;

use std::path::Path;

use common::stdout_of;
use roles::render::output_schema;
use serde_json::Value;

/// (schema file, schema, commands whose JSON must match it).
fn schemas() -> Vec<(&'static str, schemars::Schema, Vec<Vec<&'static str>>)> {
    use roles::commands::*;
    vec![
        (
            "list",
            output_schema::<list::RoleList<'static>>(),
            vec![vec!["list"]],
        ),
        (
            "show",
            output_schema::<show::Profiles>(),
            vec![vec!["show", "po"], vec!["show", "PM"], vec!["show", "pjm"]],
        ),
        (
            "compare",
            output_schema::<compare::Comparison>(),
            vec![
                vec!["compare", "po", "pdm"],
                vec!["compare", "po", "pdm", "dl", "--only", "skills,salary"],
            ],
        ),
        (
            "salary",
            output_schema::<salary::SalaryTable<'static>>(),
            vec![vec!["salary", "--all"], vec!["salary", "pjm"]],
        ),
        (
            "search",
            output_schema::<search::SearchResults>(),
            vec![vec!["search", "backlog"]],
        ),
        (
            "similar",
            output_schema::<similar::Similarity>(),
            vec![vec!["similar", "po"]],
        ),
        (
            "gap",
            output_schema::<gap::Gap>(),
            vec![vec!["gap", "dm", "pdm"]],
        ),
        (
            "match",
            output_schema::<matching::SkillMatch>(),
            vec![vec!["match", "-s", "agile,stakeholders"]],
        ),
        (
            "skills",
            output_schema::<skills::SkillVocabulary>(),
            vec![vec!["skills"]],
        ),
        (
            "who",
            output_schema::<who::Ownership>(),
            vec![
                vec!["who", "roadmap"],
                vec!["who", "budget", "--role", "dl"],
            ],
        ),
        (
            "matrix",
            output_schema::<matrix::Matrix>(),
            vec![vec!["matrix"], vec!["matrix", "po", "pdm"]],
        ),
        (
            "code",
            output_schema::<code::Coding>(),
            vec![
                vec!["code", "product", "owner"],
                vec![
                    "code", "keeps", "the", "backlog", "and", "writes", "user", "stories",
                ],
            ],
        ),
        (
            "validate",
            output_schema::<validate::ValidationReport>(),
            vec![vec!["validate", "tests/fixtures/tech-lead.yaml"]],
        ),
        (
            "dataset",
            // The data format: what `--data` reads, so the reading contract.
            schemars::schema_for!(roles::model::Dataset),
            vec![vec!["export"]],
        ),
    ]
}

#[test]
fn schemas_are_up_to_date_and_real_output_matches_them() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schemas");
    let mut stale = Vec::new();
    for (name, schema, commands) in schemas() {
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        let file = folder.join(format!("{name}.json"));
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::write(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        } else if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
        let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let validator =
            jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}: {e}"));
        for args in commands {
            let output = stdout_of(&[&args[..], &["--format", "json"]].concat());
            let instance: Value =
                serde_json::from_str(&output).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            let errors: Vec<String> = validator
                .iter_errors(&instance)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .take(5)
                .collect();
            assert!(
                errors.is_empty(),
                "{args:?} does not match {name}.json: {errors:?}"
            );
        }
    }
    assert!(
        stale.is_empty(),
        "docs/schemas out of date (UPDATE_SCHEMAS=1 cargo test --test schemas): {stale:?}"
    );
}

#[test]
fn every_view_starts_with_its_schema_version() {
    for args in [&["list"][..], &["similar", "po"], &["search", "zzz"]] {
        let output = roles_json(args);
        assert_eq!(output["schema_version"], 1, "{args:?}");
    }
}

fn roles_json(args: &[&str]) -> Value {
    let output = common::roles()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}
