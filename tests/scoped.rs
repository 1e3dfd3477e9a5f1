//! A comparison is scoped to its evidence: for every pair of the five roles, through the real
//! binary, what the articles comparing the pair say leads, nothing else is called a contrast or
//! counted into "both" or "only", pay is subtracted like for like only, and no rendered output
//! shows a literal escape sequence.

mod common;

use common::{roles, stdout_of};
use serde_json::Value;

const ROLES: [&str; 5] = [
    "product-owner",
    "product-manager",
    "delivery-lead",
    "delivery-manager",
    "project-manager",
];

/// The articles of the built-in data and the pairs they compare.
const ARTICLES: [(&str, &str, &str); 5] = [
    ("dl-po", "delivery-lead", "product-owner"),
    ("pm-dm", "product-manager", "delivery-manager"),
    ("po-projm", "product-owner", "project-manager"),
    ("po-pm-guide", "product-owner", "product-manager"),
    ("po-pm-brief", "product-owner", "product-manager"),
];

fn pairs() -> Vec<(&'static str, &'static str)> {
    let mut pairs = Vec::new();
    for (i, a) in ROLES.iter().enumerate() {
        for b in &ROLES[i + 1..] {
            pairs.push((*a, *b));
        }
    }
    pairs
}

fn articles_comparing(a: &str, b: &str) -> Vec<&'static str> {
    ARTICLES
        .iter()
        .filter(|(_, x, y)| (*x == a && *y == b) || (*x == b && *y == a))
        .map(|(id, _, _)| *id)
        .collect()
}

fn json(args: &[&str]) -> Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(&full)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Words of `text` with all whitespace runs as one space, so wrapping does not matter.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn product_owner_and_delivery_lead_read_as_dl_po_says_in_the_first_screen() {
    let output = roles()
        .env("COLUMNS", "80")
        .args(["compare", "product-owner", "delivery-lead"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    let screen: Vec<&str> = text.lines().take(25).collect();
    let screen = flat(&screen.join("\n"));
    assert!(
        screen.starts_with("Product Owner vs Delivery Lead, compared by dl-po"),
        "{screen}"
    );
    assert!(text.lines().count() <= 50, "{text}");
    assert!(
        screen.contains("for the Product Owner alone: Decision-making and Domain knowledge"),
        "{screen}"
    );
    assert!(
        screen.contains("for the Delivery Lead alone: Organization and Technical understanding"),
        "{screen}"
    );
    assert!(
        screen.contains("Skills dl-po names for both: Communication"),
        "{screen}"
    );
}

#[test]
fn every_pair_leads_with_the_articles_that_compare_it_and_calls_nothing_else_a_contrast() {
    let mut uncompared = 0;
    for (a, b) in pairs() {
        let view = json(&["compare", a, b]);
        let expected = articles_comparing(a, b);
        let evidence: Vec<&str> = view["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["source"].as_str())
            .collect();
        assert_eq!(evidence, expected, "{a} vs {b}");
        for row in view["aspects"].as_array().into_iter().flatten() {
            for value in row["values"].as_array().into_iter().flatten() {
                let role = value["role"].as_str().unwrap_or_default();
                let versus = value["versus"]["id"].as_str().unwrap_or_default();
                let other = if role == a { b } else { a };
                assert_eq!(versus, other, "{a} vs {b}: {value}");
                let sources: Vec<&str> = value["sources"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                assert!(
                    sources.iter().all(|s| expected.contains(s)),
                    "{a} vs {b}: contrast from {sources:?}"
                );
            }
        }
        // "Both" and "only" come from one comparing article at a time.
        for article in view["skills_by_article"].as_array().into_iter().flatten() {
            let source = article["source"].as_str().unwrap_or_default();
            assert!(expected.contains(&source), "{a} vs {b}: {source}");
        }
        let table = stdout_of(&["compare", a, b]);
        let first = table.lines().next().unwrap_or_default();
        let second = table.lines().nth(2).unwrap_or_default();
        if expected.is_empty() {
            uncompared += 1;
            assert!(
                second.starts_with("No source compares"),
                "{a} vs {b}: {second}"
            );
            assert!(!table.contains("Contrast"), "{a} vs {b}:\n{table}");
            assert!(!table.contains("names for both"), "{a} vs {b}:\n{table}");
        } else {
            assert!(first.contains(", compared by "), "{a} vs {b}: {first}");
        }
    }
    assert_eq!(uncompared, 6, "the six pairs no article compares");
}

#[test]
fn an_item_said_against_another_role_is_labelled_with_it() {
    let text = flat(&stdout_of(&[
        "compare",
        "product-owner",
        "delivery-lead",
        "--full",
        "--format",
        "markdown",
    ]));
    assert!(
        text.contains("vision and goals. \\[po-pm-guide, against the Product Manager\\]"),
        "{text}"
    );
    // The guide's illustrative range is the product owner's, said against the product manager.
    assert!(
        text.contains(
            "illustrative only; currency inferred from \"\\$\" \\[po-pm-guide, against the Product Manager\\]"
        ),
        "{text}"
    );
}

#[test]
fn a_dash_is_shown_only_where_the_sources_say_nothing_for_that_role() {
    // The project manager's focus is a contrast with the product owner; the product owner's
    // focus is stated only against the product manager, and its cell says so.
    let table = stdout_of(&[
        "compare",
        "product-owner",
        "project-manager",
        "--format",
        "markdown",
    ]);
    assert!(
        table.contains(
            "Not stated for this pair; stated against the Product Manager \\[po-pm-guide, po-pm-brief\\]"
        ),
        "{table}"
    );
    // The product manager has no success criteria in any article: a dash, and nothing else.
    let view = json(&["compare", "product-manager", "project-manager"]);
    assert!(
        view["other_contrasts"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|c| !(c["role"] == "product-manager" && c["id"] == "success-criteria"))
    );
}

#[test]
fn pay_is_subtracted_only_like_for_like_and_keeps_its_caveats() {
    // No article gives figures for both; the two averages come from different articles.
    let view = json(&["compare", "product-owner", "delivery-manager"]);
    let difference = &view["salary_differences"][0];
    assert_eq!(difference["differences"].as_array().map(Vec::len), Some(0));
    assert!(
        difference["not_computed"]
            .as_str()
            .is_some_and(|r| r.contains("different sources")),
        "{difference}"
    );
    let text = flat(&stdout_of(&[
        "compare",
        "product-owner",
        "delivery-manager",
    ]));
    assert!(!text.contains("−$41,828"), "{text}");
    // One article's illustrative ranges may be subtracted, and say what they are.
    let text = flat(&stdout_of(&["compare", "product-owner", "product-manager"]));
    assert!(
        text.contains("+$15,000 to +$20,000 (ranges, both po-pm-guide; no pay period stated; illustrative only; currency inferred from \"$\")"),
        "{text}"
    );
    let salary = flat(&stdout_of(&["salary", "--all"]));
    assert!(
        salary.contains("dl-po: Currency inferred from \"$\"."),
        "{salary}"
    );
    assert!(
        salary.contains("po-pm-guide: Illustrative only; currency inferred from \"$\"."),
        "{salary}"
    );
}

/// Every command over every role and pair, in every format: data that holds no control
/// characters never renders as a literal `\u{…}` escape.
#[test]
fn no_rendered_output_shows_a_literal_escape_sequence() {
    let mut runs: Vec<Vec<String>> = vec![
        vec!["list".into()],
        vec!["salary".into(), "--all".into()],
        vec!["skills".into()],
        vec!["search".into(), "backlog".into()],
        vec!["match".into(), "--skill".into(), "communication".into()],
    ];
    for role in ROLES {
        runs.push(vec!["show".into(), role.into()]);
        runs.push(vec!["similar".into(), role.into()]);
    }
    for (a, b) in pairs() {
        runs.push(vec!["compare".into(), a.into(), b.into()]);
        runs.push(vec!["compare".into(), a.into(), b.into(), "--full".into()]);
        runs.push(vec!["gap".into(), a.into(), b.into()]);
    }
    runs.push(
        ROLES
            .iter()
            .map(|r| r.to_string())
            .fold(vec!["compare".to_string()], |mut v, r| {
                v.push(r);
                v
            }),
    );
    for run in runs {
        for format in ["table", "markdown", "csv", "json"] {
            let mut args: Vec<&str> = run.iter().map(String::as_str).collect();
            args.extend(["--format", format]);
            let text = stdout_of(&args);
            assert!(!text.contains("\\u{"), "{args:?} shows an escape:\n{text}");
            assert!(!text.contains("\\u00"), "{args:?} shows an escape:\n{text}");
        }
    }
}
