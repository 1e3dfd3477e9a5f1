//! `who` and `matrix` through the real binary: the degrees read from the articles pinned, the
//! roadmap question answered on its first screen, every format parsed by a real reader.

mod common;

use common::{roles, stdout_of};
use serde_json::Value;

fn at_80(args: &[&str]) -> String {
    let output = roles()
        .env("COLUMNS", "80")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(output.status.success(), "{args:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json_of(args: &[&str]) -> Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(&full)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

#[test]
fn who_roadmap_answers_the_question_on_its_first_screen() {
    let text = at_80(&["who", "roadmap"]);
    let first: String = text.lines().take(25).collect::<Vec<_>>().join("\n");
    let flat = first.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "dl-po (Delivery Lead vs Product Owner): the Product Owner is responsible for it; the Delivery Lead works on it with the Product Owner.",
        "pm-dm (Product Manager vs Delivery Manager): the Product Manager does it.",
        "po-pm-guide (Product Owner vs Product Manager): the Product Manager is responsible for it and works on it with the Product Owner; the Product Owner does it.",
        "po-pm-brief (Product Owner vs Product Manager): the Product Manager leads it.",
        "The articles disagree on the Product Owner",
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in:\n{first}");
    }
    let view = json_of(&["who", "roadmap"]);
    assert_eq!(view["disagreements"].as_array().map(Vec::len), Some(1));
    let holders: Vec<(String, Vec<String>)> = view["verdicts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            let ids = v["holders"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|h| h["id"].as_str().map(String::from))
                .collect();
            (v["source"].as_str().unwrap_or("").to_string(), ids)
        })
        .collect();
    let pm = vec!["product-manager".to_string()];
    assert_eq!(
        holders,
        [
            ("dl-po".to_string(), vec!["product-owner".to_string()]),
            ("pm-dm".to_string(), pm.clone()),
            ("po-pm-guide".to_string(), pm.clone()),
            ("po-pm-brief".to_string(), pm),
        ]
    );
}

#[test]
fn who_budget_keeps_the_articles_hedge() {
    let text = at_80(&["who", "budget"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("the Delivery Lead may be responsible for it"),
        "{text}"
    );
    assert!(flat.contains("responsible (may)"), "{text}");
    // Three articles on three different pairs: no contradiction is claimed.
    assert!(!flat.contains("disagree"), "{text}");
}

/// The degrees read from the articles, every one, pinned: a changed degree is a changed reading
/// of an article and must be looked at.
#[test]
fn the_degrees_read_from_the_articles() {
    insta::assert_snapshot!(
        "who_roadmap_csv",
        stdout_of(&["who", "roadmap", "--format", "csv"])
    );
    insta::assert_snapshot!("matrix_csv", stdout_of(&["matrix", "--format", "csv"]));
    insta::assert_snapshot!("matrix_table_80", at_80(&["matrix"]));
    insta::assert_snapshot!("who_budget_table_80", at_80(&["who", "budget"]));
}

#[test]
fn who_narrows_to_a_role_without_hiding_the_disagreement() {
    let view = json_of(&["who", "roadmap", "--role", "po"]);
    let roles: Vec<&str> = view["involvements"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| l["role"]["id"].as_str())
        .collect();
    assert!(!roles.is_empty() && roles.iter().all(|r| *r == "product-owner"));
    assert_eq!(view["disagreements"].as_array().map(Vec::len), Some(1));
}

#[test]
fn who_finds_words_in_duties_and_says_when_nothing_matches() {
    let view = json_of(&["who", "user", "stories"]);
    assert_eq!(view["themes"].as_array().map(Vec::len), Some(0));
    assert!(
        view["involvements"]
            .as_array()
            .is_some_and(|l| l.iter().all(|l| l["role"]["id"] == "product-owner"))
    );
    let output = roles()
        .args(["who", "zebra"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no duty of these roles is about \"zebra\""),
        "{stderr}"
    );
    assert!(stderr.contains("roadmap"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn matrix_fits_80_columns_and_stacks_below() {
    let table = at_80(&["matrix"]);
    assert!(table.contains('┌'), "{table}");
    for line in table.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    let output = roles()
        .env("COLUMNS", "40")
        .arg("matrix")
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let narrow = String::from_utf8_lossy(&output.stdout);
    assert!(!narrow.contains('┌'), "{narrow}");
    assert!(narrow.contains("Theme: Roadmap !"), "{narrow}");
    for line in narrow.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 40, "{line}");
    }
}

#[test]
fn matrix_exports_parse() {
    let json = json_of(&["matrix"]);
    assert_eq!(json["roles"].as_array().map(Vec::len), Some(5));
    let roadmap = json["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["theme"]["id"] == "roadmap")
        .cloned()
        .unwrap_or_default();
    assert_eq!(roadmap["disputed"], true);
    let csv_text = stdout_of(&["matrix", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["theme", "role", "source", "degree", "hedge", "disputed"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert!(rows.iter().any(|r| &r[0] == "budget"
        && &r[1] == "delivery-lead"
        && &r[3] == "responsible"
        && &r[4] == "may"));
    let markdown = stdout_of(&["matrix", "--format", "markdown"]);
    assert!(markdown.contains("| Theme | Product Owner |"), "{markdown}");
    assert!(!markdown.contains("<br>"), "{markdown}");
    // Through a real Markdown reader, where one is installed.
    if let Some(html) = common::markdown_as_html(&markdown) {
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<th>Product Owner</th>"), "{html}");
    }
}

#[test]
fn search_hits_carry_their_sources_in_every_format() {
    let json = json_of(&["search", "roadmap"]);
    let hits = json["hits"].as_array().cloned().unwrap_or_default();
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(
            hit["sources"].as_array().is_some_and(|s| !s.is_empty()),
            "{hit}"
        );
    }
    let csv_text = stdout_of(&["search", "roadmap", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert!(
        reader
            .headers()
            .is_ok_and(|h| h.iter().any(|c| c == "sources"))
    );
    assert!(
        reader
            .records()
            .filter_map(Result::ok)
            .all(|r| !r[3].is_empty())
    );
    assert!(stdout_of(&["search", "roadmap"]).contains("po-pm-brief"));
    assert!(stdout_of(&["search", "roadmap", "--format", "markdown"]).contains("| Source |"));
}

#[test]
fn validate_checks_involvements() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("bad.yaml");
    let builtin = std::fs::read_to_string("data/roles.yaml").unwrap_or_default();
    let broken = builtin
        .replacen(
            "involvement: {degree: collaborates, with: [product-owner]}",
            "involvement: {degree: collaborates, with: [product-ownr]}",
            1,
        )
        .replacen(
            "involvement: {degree: responsible, hedge: may}",
            "involvement: {degree: responsible, hedge: perhaps}",
            1,
        )
        .replacen(
            "involvement: {degree: leads}",
            "involvement: {degree: owns}",
            1,
        );
    std::fs::write(&file, &broken).unwrap_or_else(|e| panic!("write: {e}"));
    let output = roles()
        .args(["validate", file.to_str().unwrap_or_default()])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(1));
    // validate's report of problems is its result, on stdout.
    let stderr = String::from_utf8_lossy(&output.stdout);
    assert!(stderr.contains("bad.yaml:"), "{stderr}");
    assert!(
        stderr.contains("owns") && stderr.contains("responsible"),
        "an unknown degree names the known ones: {stderr}"
    );
    let fixed = broken.replacen("{degree: owns}", "{degree: leads}", 1);
    std::fs::write(&file, fixed).unwrap_or_else(|e| panic!("write: {e}"));
    let output = roles()
        .args(["validate", file.to_str().unwrap_or_default()])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let stderr = String::from_utf8_lossy(&output.stdout);
    assert!(
        stderr.contains("names 'product-ownr' as its partner, which is not a known role"),
        "{stderr}"
    );
    assert!(stderr.contains("hedge 'perhaps' is not one of"), "{stderr}");
    assert!(
        stderr
            .lines()
            .all(|l| !l.contains("bad.yaml:") || l.matches(':').count() >= 3),
        "{stderr}"
    );
}

/// Every built-in duty about a theme says how its article involves the role.
#[test]
fn every_themed_builtin_duty_has_an_involvement() {
    let data = json_of(&["export"]);
    for role in data["roles"].as_array().into_iter().flatten() {
        for duty in role["duties"].as_array().into_iter().flatten() {
            let themed = duty["themes"].as_array().is_some_and(|t| !t.is_empty());
            assert!(
                !themed || duty["involvement"]["degree"].is_string(),
                "{}: {}",
                role["id"],
                duty["text"]
            );
        }
    }
}

#[test]
fn matrix_numbers_each_article_by_the_source_list_in_every_view() {
    // The dataset's source list gives every article its number once.
    let listed: Vec<String> = json_of(&["export"])["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str().map(str::to_string))
        .collect();
    let number_of = |id: &str| listed.iter().position(|s| s == id).map(|n| n + 1);
    for roles in [
        &[][..],
        &["project-manager"],
        &["product-manager", "delivery-manager"],
        &["product-owner", "project-manager"],
        &["delivery-lead"],
    ] {
        let mut args = vec!["matrix"];
        args.extend(roles);
        let view = json_of(&args);
        let sources = view["sources"].as_array().cloned().unwrap_or_default();
        let numbers = view["numbers"].as_array().cloned().unwrap_or_default();
        assert_eq!(sources.len(), numbers.len(), "{roles:?}");
        let table = stdout_of(&[&args[..], &["--format", "markdown"]].concat());
        for (source, number) in sources.iter().zip(&numbers) {
            let id = source.as_str().unwrap_or_default();
            let number = number.as_u64().map(|n| n as usize);
            assert_eq!(number, number_of(id), "{roles:?}: {id}");
            let number = number.unwrap_or_default();
            assert!(
                table.contains(&format!("{number} {id}")),
                "{roles:?}: {table}"
            );
        }
        for mark in view["rows"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["cells"].as_array().cloned().unwrap_or_default())
            .flat_map(|cell| cell.as_array().cloned().unwrap_or_default())
        {
            let id = mark["source"].as_str().unwrap_or_default();
            let number = mark["number"].as_u64().map(|n| n as usize);
            assert_eq!(number, number_of(id), "{roles:?}: {mark}");
        }
    }
}
