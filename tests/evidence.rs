//! Silence is not a fact: for every ordered pair of the five roles, through the real binary,
//! `gap` and `match` draw nothing ("to add", "left behind", 0%) from a role whose sources say
//! nothing on it, and say the silence instead; contrasts count as work; linked vocabularies are
//! one skill; "not relevant" ratings are no work to take on; the default views fit a screen.

mod common;

use common::{roles, stdout_of};
use serde_json::Value;
use std::path::Path;

const ROLES: [&str; 5] = [
    "product-owner",
    "product-manager",
    "delivery-lead",
    "delivery-manager",
    "project-manager",
];

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(&all)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["id"].as_str().or(i["theme"]["id"].as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the built-in data names any skill for `role`.
fn has_skills(role: &str) -> bool {
    json(&["show", role])["roles"][0]["skills"]
        .as_array()
        .is_some_and(|s| !s.is_empty())
}

#[test]
fn gap_draws_no_skill_move_from_a_silent_side_and_says_the_silence() {
    let mut silent_pairs = 0;
    for from in ROLES {
        for to in ROLES.iter().copied().filter(|to| *to != from) {
            let gap = json(&["gap", from, to]);
            let silences = gap["silences"].to_string();
            if !has_skills(from) {
                silent_pairs += 1;
                assert!(ids(&gap["skills_to_add"]).is_empty(), "{from}→{to}: {gap}");
                assert!(ids(&gap["skills_carried_over"]).is_empty(), "{from}→{to}");
                assert!(
                    silences.contains("name no skills"),
                    "{from}→{to}: {silences}"
                );
            }
            if !has_skills(to) {
                silent_pairs += 1;
                assert!(ids(&gap["skills_left_behind"]).is_empty(), "{from}→{to}");
                assert!(
                    silences.contains("name no skills"),
                    "{from}→{to}: {silences}"
                );
            }
        }
    }
    // The project manager's articles name no skills: eight of the twenty moves touch it.
    assert_eq!(silent_pairs, 8);
    let table = stdout_of(&["gap", "project-manager", "product-owner"]);
    assert!(!table.contains("Skills to add"), "{table}");
    assert!(
        table.contains("The sources name no skills for the Project Manager"),
        "{table}"
    );
}

#[test]
fn match_scores_no_role_its_sources_name_no_skills_for() {
    for skill in ["project management", "communication", "budget"] {
        let found = json(&["match", "--skill", skill, "--limit", "0"]);
        let scored = ids(&found["roles"]
            .as_array()
            .map(|r| r.iter().map(|f| f["role"].clone()).collect::<Vec<_>>())
            .map(Value::from)
            .unwrap_or_default());
        for role in ROLES {
            let listed = scored.iter().any(|id| id == role);
            let unscored = ids(&found["unscored"]).iter().any(|id| id == role);
            assert_eq!(listed, has_skills(role), "{skill}: {role} in {scored:?}");
            assert_eq!(unscored, !has_skills(role), "{skill}: {role}");
        }
    }
    let table = stdout_of(&["match", "--skill", "project management"]);
    assert!(!table.contains("Project Manager  ┆ 0%"), "{table}");
    assert!(
        table.contains("name no skills for the Project Manager, so it is not scored"),
        "{table}"
    );
}

#[test]
fn a_theme_the_target_contrasts_speak_to_is_not_left_behind() {
    let gap = json(&["gap", "product-owner", "product-manager"]);
    let behind = ids(&gap["duties_left_behind"]);
    assert!(!behind.contains(&"stakeholders".to_string()), "{behind:?}");
    assert!(ids(&gap["themes_kept"]).contains(&"stakeholders".to_string()));
}

#[test]
fn the_default_gap_fits_a_screen_and_full_carries_the_evidence() {
    for from in ROLES {
        for to in ROLES.iter().copied().filter(|to| *to != from) {
            let run = |extra: &[&str]| {
                let output = roles()
                    .env("COLUMNS", "80")
                    .args(["gap", from, to])
                    .args(extra)
                    .output()
                    .unwrap_or_else(|e| panic!("run: {e}"));
                assert!(output.status.success());
                String::from_utf8_lossy(&output.stdout).into_owned()
            };
            let brief = run(&[]);
            assert!(brief.lines().count() <= 60, "{from}→{to}:\n{brief}");
            assert!(brief.contains("--full shows it all"), "{brief}");
            let full = run(&["--full"]);
            assert!(full.starts_with(&brief[..brief.find("\n\n--only").unwrap_or(0)]));
            assert!(full.lines().count() > brief.lines().count(), "{from}→{to}");
            let skills = run(&["--only", "skills"]);
            assert!(
                !skills.contains("Requirements, setting and pay"),
                "{skills}"
            );
        }
    }
    let output = roles()
        .args([
            "gap",
            "product-owner",
            "product-manager",
            "--only",
            "related",
        ])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("gap has no related section"), "{message}");
}

/// The committed O*NET fixture, imported into `dir`.
fn fixture_import(dir: &Path) -> String {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onet");
    let file = dir.join("onet.yaml");
    let text = |p: &Path| {
        p.to_str()
            .unwrap_or_else(|| panic!("path {p:?}"))
            .to_string()
    };
    let output = roles()
        .args(["import", "onet", &text(&fixtures.join("excel-29.3")), "-o"])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("import: {e}"));
    assert!(output.status.success(), "{output:?}");
    text(&file)
}

#[test]
fn rated_gaps_link_vocabularies_and_take_on_no_irrelevant_skill() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = fixture_import(dir.path());
    let occupations = json(&["--data", &file, "list"]);
    let codes: Vec<String> = occupations["roles"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|o| o["id"].as_str())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    // The built-in roles come first; the occupations follow.
    let codes: Vec<String> = codes
        .into_iter()
        .filter(|c| !ROLES.contains(&c.as_str()))
        .collect();
    assert!(codes.len() >= 6, "{occupations}");
    let data = ["--data", file.as_str()];
    let mut moves = 0;
    for from in codes.iter().map(String::as_str).chain(["product-owner"]) {
        for to in codes.iter().map(String::as_str).chain(["product-owner"]) {
            if from == to {
                continue;
            }
            let gap = json(&[&data[..], &["gap", from, to]].concat());
            moves += 1;
            let root = |id: &str| id.trim_start_matches("onet-").to_string();
            let added: Vec<String> = ids(&gap["skills_to_add"]).iter().map(|i| root(i)).collect();
            for behind in ids(&gap["skills_left_behind"]) {
                assert!(
                    !added.contains(&root(&behind)),
                    "{from}→{to}: {behind} both ways"
                );
            }
            for skill in gap["skills_to_add"].as_array().into_iter().flatten() {
                let note = skill["text"].as_str().unwrap_or("");
                assert!(!note.contains("not relevant"), "{from}→{to}: {note}");
            }
        }
    }
    assert!(moves >= 30);
    let across = json(&[&data[..], &["gap", "product-owner", &codes[0]]].concat());
    assert!(ids(&across["skills_to_add"]).is_empty(), "{across}");
    assert!(across["silences"].to_string().contains("different sources"));
}

/// English function words (the common stop lists), and the fillers of our paraphrase.
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "an", "and", "answers", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "draws", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "keeps", "more", "most", "no", "nor", "not", "now",
    "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "rest", "same",
    "she", "should", "so", "some", "such", "sure", "takes", "tells", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your",
];

#[test]
fn similar_gives_its_largest_part_first_in_words_that_carry_meaning() {
    for role in ROLES {
        let similar = json(&["similar", role]);
        let own = similar["role"]["name"]
            .as_str()
            .unwrap_or("")
            .to_lowercase();
        for other in similar["others"].as_array().into_iter().flatten() {
            let name = other["role"]["name"].as_str().unwrap_or("").to_lowercase();
            let shares: Vec<u64> = other["drivers"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|d| d["share"].as_u64())
                .collect();
            assert!(!shares.is_empty(), "{role}: {other}");
            assert!(
                shares.windows(2).all(|w| w[0] >= w[1]),
                "{role}: {shares:?}"
            );
            let total: u64 = shares.iter().sum();
            assert!((97..=103).contains(&total), "{role}: {shares:?}");
            for word in other["shared_task_words"].as_array().into_iter().flatten() {
                let word = word.as_str().unwrap_or("");
                assert!(!STOP_WORDS.contains(&word), "{role}/{name}: {word}");
                for name_word in own.split(' ').chain(name.split(' ')) {
                    let stem = &name_word[..name_word.len().min(5)];
                    assert!(!word.starts_with(stem), "{role}/{name}: {word}");
                }
            }
        }
    }
    let first = &json(&["similar", "product-owner"])["others"][0];
    assert_eq!(first["role"]["id"], "product-manager");
    assert_eq!(
        first["drivers"][0]["text"],
        "compared in po-pm-guide, po-pm-brief"
    );
    let table = stdout_of(&["similar", "product-owner"]);
    assert!(table.contains("% compared in po-pm-guide,"), "{table}");
}

#[test]
fn show_fits_a_screen_by_default_and_full_shows_every_item() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = fixture_import(dir.path());
    let listed = json(&["--data", &file, "list"]);
    let ids: Vec<&str> = listed["roles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(ids.len() >= 10, "{listed}");
    let lines = |extra: &[&str], id: &str| {
        let output = roles()
            .env("COLUMNS", "80")
            .args(["--data", &file, "show", id])
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        assert!(output.status.success(), "{id}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    for id in ids {
        let brief = lines(&[], id);
        assert!(brief.lines().count() <= 80, "{id}:\n{brief}");
        let full = lines(&["--full"], id);
        assert!(!full.contains("or --full)"), "{id}");
        if brief.contains("or --full)") {
            assert!(full.lines().count() > brief.lines().count(), "{id}");
        }
        // What the digest lists, the full view lists too (bullets are whole items).
        let starts = |text: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| l.split("┆ • ").nth(1))
                .filter(|item| !item.starts_with('…'))
                .map(|item| item.chars().take(24).collect())
                .collect()
        };
        let everything = starts(&full);
        for item in starts(&brief) {
            assert!(everything.contains(&item), "{id}: {item}");
        }
    }
    // A name several roles answer to: each briefly, with how to see one.
    let both = stdout_of(&["show", "PM"]);
    assert!(
        both.contains("roles show product-manager for the profile"),
        "{both}"
    );
    assert!(both.contains("no skills named in the sources"), "{both}");
}

#[test]
fn the_default_compare_of_any_pair_fits_fifty_lines_at_80_columns() {
    for from in ROLES {
        for to in ROLES.iter().copied().filter(|to| *to != from) {
            let output = roles()
                .env("COLUMNS", "80")
                .args(["compare", from, to])
                .output()
                .unwrap_or_else(|e| panic!("run: {e}"));
            assert!(output.status.success());
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(text.lines().count() <= 50, "{from} {to}:\n{text}");
            // What is left out is said, in one line's worth.
            assert!(text.contains("--full adds"), "{from} {to}:\n{text}");
        }
    }
}

/// Three roles (as `compare po pm` gives, `pm` being two): the contrasts the most roles have a
/// value on first, as many as fit, the rest named under the table.
#[test]
fn the_default_compare_of_any_three_fits_fifty_lines_at_80_columns() {
    for (at, first) in ROLES.iter().enumerate() {
        for (next, second) in ROLES.iter().enumerate().skip(at + 1) {
            for third in ROLES.iter().skip(next + 1) {
                let output = roles()
                    .env("COLUMNS", "80")
                    .args(["compare", first, second, third])
                    .output()
                    .unwrap_or_else(|e| panic!("run: {e}"));
                assert!(output.status.success());
                let text = String::from_utf8_lossy(&output.stdout);
                assert!(
                    text.lines().count() <= 50,
                    "{first} {second} {third}:\n{text}"
                );
                assert!(text.contains("--full"), "{first} {second} {third}:\n{text}");
            }
        }
    }
    let text = String::from_utf8_lossy(
        &roles()
            .env("COLUMNS", "80")
            .args(["compare", "po", "pm"])
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"))
            .stdout,
    )
    .into_owned();
    assert!(text.lines().count() <= 50, "{text}");
    assert!(
        text.contains("more contrasts (Orientation, Decision authority"),
        "{text}"
    );
}
