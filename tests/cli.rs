//! The real binary, end to end: every command, every format, errors and exit codes.
//! Rendered output is pinned with insta snapshots under tests/snapshots/.

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

mod common;

use common::{roles, stdout_of};
use predicates::prelude::*;

const FORMATS: [&str; 4] = ["table", "json", "csv", "markdown"];

fn snapshot_in_every_format(name: &str, args: &[&str]) {
    for format in FORMATS {
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--format", format]);
        insta::assert_snapshot!(format!("{name}_{format}"), stdout_of(&full));
    }
}

#[test]
fn compare_product_owner_product_manager_in_every_format() {
    snapshot_in_every_format(
        "compare_po_pm",
        &["compare", "product-owner", "product-manager"],
    );
}

#[test]
fn the_digest_and_full_view_at_several_widths() {
    for width in ["40", "60", "80", "100", "200"] {
        for (name, args) in [
            (
                "compare_po_pm",
                &["compare", "product-owner", "product-manager"][..],
            ),
            (
                "compare_po_pm_full",
                &["compare", "product-owner", "product-manager", "--full"][..],
            ),
            ("salary_all", &["salary", "--all"][..]),
        ] {
            let output = roles()
                .env("COLUMNS", width)
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("run: {e}"));
            assert!(output.status.success());
            let text = String::from_utf8_lossy(&output.stdout).into_owned();
            insta::assert_snapshot!(format!("{name}_at_{width}_columns"), text);
        }
    }
}

#[test]
fn show_only_narrows_the_table_to_the_sections_asked_for() {
    let text = stdout_of(&["show", "delivery-lead", "--only", "salary,aspects"]);
    assert!(text.contains("$99,595/yr"));
    assert!(text.contains("Orientation (vs Product Owner)"));
    assert!(!text.contains("Duties"), "{text}");
    assert!(
        !text.contains("Makes sure a software development team"),
        "{text}"
    );
    let json = stdout_of(&[
        "show",
        "delivery-lead",
        "--only",
        "salary",
        "--format",
        "json",
    ]);
    assert!(
        json.contains("\"duties\""),
        "JSON carries the whole profile"
    );
}

#[test]
fn show_delivery_lead_in_every_format() {
    snapshot_in_every_format("show_delivery_lead", &["show", "delivery-lead"]);
}

#[test]
fn salary_all_in_every_format() {
    snapshot_in_every_format("salary_all", &["salary", "--all"]);
}

#[test]
fn list_in_every_format() {
    snapshot_in_every_format("list", &["list"]);
}

#[test]
fn show_project_manager_says_no_salary_plainly() {
    insta::assert_snapshot!(
        "show_project_manager_table",
        stdout_of(&["show", "project-manager"])
    );
}

#[test]
fn compare_three_roles_narrowed_to_skills_and_salary() {
    insta::assert_snapshot!(
        "compare_three_only_skills_salary",
        stdout_of(&[
            "compare",
            "delivery-lead",
            "delivery-manager",
            "project-manager",
            "--only",
            "skills,salary"
        ])
    );
}

#[test]
fn every_json_output_parses_as_json() {
    let commands: [&[&str]; 5] = [
        &["list"],
        &["show", "PM"],
        &["compare", "po", "pm", "dl", "dm"],
        &["salary", "--all", "--sort", "low"],
        &["compare", "po", "dl", "--only", "aspects"],
    ];
    for args in commands {
        let mut full = args.to_vec();
        full.extend(["--format", "json"]);
        let text = stdout_of(&full);
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
        assert!(parsed.is_ok(), "{args:?} printed invalid JSON");
    }
}

#[test]
fn json_compare_carries_the_like_for_like_difference() {
    let text = stdout_of(&[
        "compare",
        "po",
        "product-manager",
        "--only",
        "salary",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let difference = &value["salary_differences"][0]["differences"][0];
    assert_eq!(difference["low_delta"], 15_000);
    assert_eq!(difference["high_delta"], 20_000);
    assert_eq!(difference["same_source"], true);
    assert!(
        value.get("skills").is_none(),
        "--only salary must leave skills out"
    );
}

#[test]
fn roles_match_by_name_and_alias_in_any_case() {
    let by_id = stdout_of(&["show", "delivery-manager"]);
    assert_eq!(stdout_of(&["show", "Delivery Manager"]), by_id);
    assert_eq!(stdout_of(&["show", "dm"]), by_id);
}

#[test]
fn ambiguous_alias_pm_shows_both_roles_and_says_so() {
    roles()
        .args(["show", "PM"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Product Manager (product-manager)",
        ))
        .stdout(predicate::str::contains(
            "Project Manager (project-manager)",
        ))
        .stderr("note: 'PM' names product-manager and project-manager; showing each\n");
}

#[test]
fn unknown_role_names_the_closest_on_one_stderr_line_and_exits_1() {
    roles()
        .args(["show", "qqzz-unknown"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("roles: error: unknown role 'qqzz-unknown'; closest: product-owner, project-manager, delivery-manager (see `roles list`)\n");
}

#[test]
fn a_misspelt_name_the_coder_reads_clearly_is_taken_and_said() {
    roles()
        .args(["show", "prodct", "ownr", "--only", "salary"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Product Owner (product-owner)"))
        .stderr("note: 'prodct ownr' taken as Product Owner (product-owner); see roles code\n");
}

#[test]
fn compare_of_one_role_twice_is_an_error() {
    roles()
        .args(["compare", "po", "product-owner"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "compare needs two different roles",
        ));
}

#[test]
fn usage_errors_exit_2() {
    roles().args(["compare", "po"]).assert().code(2).stdout("");
    roles().args(["salary"]).assert().code(2).stdout("");
    roles()
        .args(["list", "--format", "xml"])
        .assert()
        .code(2)
        .stdout("");
    roles().args(["frobnicate"]).assert().code(2).stdout("");
    roles()
        .args(["export", "--format", "csv"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn help_and_version_succeed_on_stdout() {
    roles()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("compare"));
    roles()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("roles "));
}

/// A subcommand's arguments are defined only when it runs (clap's `defer`); its help still
/// opens with the description `roles --help` lists for it, not its arguments' doc comment, and
/// lists its own options beside the shared ones.
#[test]
fn each_subcommands_help_opens_with_its_description_and_lists_its_options() {
    let command = roles::cli::Cli::command();
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        assert!(!about.is_empty(), "{name} has no description");
        let help = stdout_of(&[name, "--help"]);
        // The first paragraph, as wrapped to the width.
        let first: Vec<&str> = help.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(
            first.join(" "),
            about.trim_end_matches('.'),
            "roles {name} --help"
        );
        // The shared options come after the subcommand's own, under their heading.
        let shared = help
            .find("Options for every command:")
            .unwrap_or_else(|| panic!("roles {name} --help has no shared options: {help}"));
        assert!(
            help[shared..].contains("--format"),
            "roles {name} --help: {help}"
        );
    }
    let show = stdout_of(&["show", "--help"]);
    let own = show.find("--only <SECTIONS>");
    assert!(own.is_some() && own < show.find("--format"), "{show}");
    let onet = stdout_of(&["import", "onet", "--help"]);
    assert!(
        onet.contains("--wages") && onet.contains("--format"),
        "{onet}"
    );
}
#[test]
fn piped_output_has_no_colour_unless_forced_and_no_color_is_honoured() {
    let plain = stdout_of(&["salary", "--all"]);
    assert!(!plain.contains('\u{1b}'));
    let forced = stdout_of(&["salary", "--all", "--color", "always"]);
    assert!(forced.contains('\u{1b}'));
    let output = roles()
        .args(["salary", "--all", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}

#[test]
fn tables_fit_the_width_given_by_columns() {
    for width in ["60", "80", "120"] {
        let output = roles()
            .args(["compare", "po", "pm", "dl"])
            .env("COLUMNS", width)
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        let limit: usize = width.parse().unwrap_or(0);
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            assert!(line.chars().count() <= limit, "wider than {width}: {line}");
        }
    }
}

#[test]
fn salary_sorts_highest_first_by_default_and_lowest_first_on_request() {
    // Sorted within each currency and period: the yearly figures first (the larger group).
    let text = stdout_of(&["salary", "--all", "--format", "csv"]);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(
        rows[0].starts_with("product-owner,average,108042"),
        "{text}"
    );
    assert!(
        rows[3].starts_with("delivery-manager,average,66214"),
        "{text}"
    );
    assert!(
        rows[4].starts_with("product-manager,range,,110000,150000"),
        "{text}"
    );
    let low = stdout_of(&["salary", "--all", "--sort", "low", "--format", "csv"]);
    assert!(
        low.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("delivery-manager,average,66214"))
    );
}

#[test]
fn salary_of_role_without_figures_says_so() {
    roles()
        .args(["salary", "project-manager"])
        .assert()
        .success()
        .stdout("No salary figure in the sources for: Project Manager.\n");
}

#[test]
fn closed_pipe_ends_quietly() {
    let binary = common::binary();
    let mut child = StdCommand::new(binary)
        .args(["compare", "po", "product-manager", "dl", "dm", "pjm"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    drop(child.stdout.take());
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    let status = child.wait().unwrap_or_else(|e| panic!("wait: {e}"));
    assert!(status.success(), "status {status:?}, stderr {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn usage_errors_are_one_line_with_status_2() {
    for (args, expected) in [
        (
            &["--formt", "json", "list"][..],
            "a similar argument exists: '--format'",
        ),
        (&["show"], "required arguments were not provided: <ROLE>"),
        (&["compre"], "'compare'"),
        (&["--format", "xml", "list"], "invalid value 'xml'"),
    ] {
        let output = roles()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("roles: error: "), "{stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
