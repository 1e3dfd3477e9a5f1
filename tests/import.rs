//! `roles import onet`: the committed fixtures (published rows, trimmed) end to end, values read
//! back against the files they came from, bad folders, and — when `../shared/onet` holds the
//! real distributions — the full 1,016-occupation import.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use common::{roles, stdout_of};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onet")
}

fn excel_dir() -> PathBuf {
    fixtures().join("excel-29.3")
}

fn text_dir() -> PathBuf {
    fixtures().join("text-27.0")
}

fn wages_file() -> PathBuf {
    fixtures().join("oews-2024/national_M2024_dl.xlsx")
}

/// The real distributions, when this machine has them (`ROLES_ONET_DIR` or `../shared/onet`).
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("ROLES_ONET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/onet"));
    dir.join("onet-29.3-excel").is_dir().then_some(dir)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("non-UTF-8 path {p:?}"))
}

/// Imports `dir` (with `extra` arguments) into a dataset file in `out`, returning its path and
/// the summary printed on stderr.
fn import(dir: &Path, extra: &[&str], out: &Path) -> (PathBuf, String) {
    let file = out.join("onet.yaml");
    let output = roles()
        .args(["import", "onet", path(dir), "-o", path(&file)])
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "import failed: {stderr}");
    assert!(output.stdout.is_empty(), "-o leaves stdout empty");
    (file, stderr)
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// The imported dataset as JSON, through `export`, so what is checked is what `--data` loads.
fn loaded(file: &Path) -> Value {
    let text = stdout_of(&[
        "--no-builtin",
        "--data",
        path(file),
        "export",
        "--format",
        "json",
    ]);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("json: {e}"))
}

fn role<'a>(dataset: &'a Value, code: &str) -> &'a Value {
    dataset["roles"]
        .as_array()
        .and_then(|roles| {
            roles.iter().find(|r| {
                r["aliases"]
                    .as_array()
                    .is_some_and(|a| a.first().and_then(Value::as_str) == Some(code))
            })
        })
        .unwrap_or_else(|| panic!("no role for {code}"))
}

/// Every row of an Excel file's first sheet, cells as text.
fn excel_rows(file: &Path) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> =
        calamine::open_workbook(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let range = book
        .worksheet_range_at(0)
        .unwrap_or_else(|| panic!("no sheet"))
        .unwrap_or_else(|e| panic!("{e}"));
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_excel_fixture_imports_validates_and_answers_every_command() {
    let dir = temp();
    let (file, summary) = import(&excel_dir(), &["--wages", path(&wages_file())], dir.path());
    insta::assert_snapshot!("import_excel_summary", summary.replace(path(&file), "FILE"));
    assert!(stdout_of(&["validate", path(&file)]).contains("ok"));
    let data = ["--data", path(&file)];
    let run = |args: &[&str]| stdout_of(&[&data[..], args].concat());
    insta::assert_snapshot!(
        "import_show_project_management_specialists",
        run(&["show", "13-1082.00"])
    );
    insta::assert_snapshot!(
        "import_compare_article_role_with_onet",
        run(&[
            "compare",
            "project-manager",
            "Project Management Specialists"
        ])
    );
    insta::assert_snapshot!(
        "import_show_chief_executives_skills",
        run(&["show", "CEO", "--only", "skills,salary,related"])
    );
    let list = run(&["list", "--format", "csv"]);
    assert_eq!(list.lines().count(), 1 + 5 + 6, "{list}");
    assert!(run(&["salary", "--all"]).contains("$100,750/yr"));
    assert!(run(&["similar", "11-1011.03"]).contains("Chief Executives"));
    assert!(run(&["match", "--skill", "onet-speaking"]).contains("Chief Executives"));
    assert!(run(&["search", "stakeholders"]).contains("Project Management Specialists"));
}

#[test]
fn the_text_distribution_imports_the_same_occupations_without_skills() {
    let dir = temp();
    let (file, summary) = import(&text_dir(), &[], dir.path());
    assert!(
        summary.contains("O*NET 27.0 (text distribution)"),
        "{summary}"
    );
    assert!(summary.contains("not imported: Skills"), "{summary}");
    let dataset = loaded(&file);
    assert_eq!(dataset["roles"].as_array().map(Vec::len), Some(6));
    assert_eq!(dataset["sources"][0]["id"], "onet-27-0");
    let attribution = dataset["sources"][0]["attribution"].as_str().unwrap_or("");
    assert!(attribution.contains("O*NET 27.0 Database"), "{attribution}");
    assert!(attribution.contains("CC BY 4.0"), "{attribution}");
    let pms = role(&dataset, "13-1082.00");
    assert!(pms["skills"].as_array().is_none_or(Vec::is_empty));
    assert!(pms["salary"].as_array().is_none_or(Vec::is_empty));
}

#[test]
fn task_statements_are_word_for_word_core_first_and_dated() {
    let dir = temp();
    let (file, _) = import(&text_dir(), &[], dir.path());
    let dataset = loaded(&file);
    let published = std::fs::read_to_string(text_dir().join("Task Statements.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    for code in ["11-1011.00", "13-1082.00", "27-2011.00"] {
        let rows: Vec<Vec<&str>> = published
            .lines()
            .map(|line| line.split('\t').collect())
            .filter(|cells: &Vec<&str>| cells[0] == code)
            .collect();
        let expected: Vec<(&str, &str)> = rows
            .iter()
            .filter(|cells| cells[3] == "Core")
            .chain(rows.iter().filter(|cells| cells[3] != "Core"))
            .map(|cells| (cells[2], cells[5]))
            .collect();
        let duties: Vec<(&str, &str)> = role(&dataset, code)["duties"]
            .as_array()
            .unwrap_or_else(|| panic!("duties"))
            .iter()
            .map(|d| {
                (
                    d["text"].as_str().unwrap_or(""),
                    d["date"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(duties, expected, "{code}");
    }
}

#[test]
fn values_read_back_equal_the_published_cells() {
    let dir = temp();
    let (file, _) = import(
        &excel_dir(),
        &["--wages", path(&wages_file()), "--min-importance", "0"],
        dir.path(),
    );
    let dataset = loaded(&file);
    read_back(
        &dataset,
        &excel_dir(),
        &wages_file(),
        &["11-1011.00", "11-1011.03", "13-1082.00", "15-1299.09"],
    );
}

/// For each sampled code: the task count, every unsuppressed importance and the OEWS median equal
/// the source files' cells.
fn read_back(dataset: &Value, dir: &Path, wages: &Path, codes: &[&str]) {
    let tasks = excel_rows(&dir.join("Task Statements.xlsx"));
    let skills = excel_rows(&dir.join("Skills.xlsx"));
    let names = excel_rows(&dir.join("Content Model Reference.xlsx"));
    let oews = excel_rows(wages);
    let (t_code, s_code, s_element, s_scale, s_value, s_suppress) = (
        column(&tasks, "O*NET-SOC Code"),
        column(&skills, "O*NET-SOC Code"),
        column(&skills, "Element ID"),
        column(&skills, "Scale ID"),
        column(&skills, "Data Value"),
        column(&skills, "Recommend Suppress"),
    );
    let (o_code, o_median) = (column(&oews, "OCC_CODE"), column(&oews, "A_MEDIAN"));
    for code in codes {
        let role = role(dataset, code);
        let task_count = tasks.iter().filter(|r| r[t_code] == *code).count();
        assert_eq!(
            role["duties"].as_array().map(Vec::len),
            Some(task_count),
            "{code} tasks"
        );
        for rating in skills
            .iter()
            .filter(|r| r[s_code] == *code && r[s_scale] == "IM" && r[s_suppress] != "Y")
        {
            let name = names
                .iter()
                .find(|n| n[0] == rating[s_element])
                .map(|n| n[1].clone())
                .unwrap_or_default();
            let skill = role["skills"]
                .as_array()
                .and_then(|skills| {
                    skills.iter().find(|s| {
                        let id = s["skill"].as_str().unwrap_or("");
                        dataset["skills"].as_array().is_some_and(|vocabulary| {
                            vocabulary
                                .iter()
                                .any(|v| v["id"] == id && v["name"] == name.as_str())
                        })
                    })
                })
                .unwrap_or_else(|| panic!("{code}: no skill {name}"));
            let published: f64 = rating[s_value].parse().unwrap_or(f64::NAN);
            assert_eq!(
                skill["importance"].as_f64(),
                Some(published),
                "{code} {name}"
            );
        }
        let soc = &code[..7];
        let median = oews
            .iter()
            .find(|r| r[o_code] == soc)
            .map(|r| r[o_median].clone());
        let imported = role["salary"].as_array().and_then(|figures| {
            figures
                .iter()
                .find(|f| f["kind"] == "median")
                .and_then(|f| f["amount"].as_u64())
        });
        match median.as_deref() {
            Some(text) if text.parse::<u64>().is_ok() => {
                assert_eq!(
                    imported.map(|a| a.to_string()).as_deref(),
                    Some(text),
                    "{code} median"
                );
            }
            _ => assert_eq!(imported, None, "{code}: no published median, none imported"),
        }
    }
}

#[test]
fn top_coded_and_suppressed_wages_never_become_numbers() {
    let dir = temp();
    let (file, _) = import(&excel_dir(), &["--wages", path(&wages_file())], dir.path());
    let dataset = loaded(&file);
    let ceo = role(&dataset, "11-1011.00");
    let kinds: Vec<&str> = ceo["salary"]
        .as_array()
        .unwrap_or_else(|| panic!("salary"))
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    // OEWS prints `#` for the 75th and 90th percentiles: no ranges, the 10th and 25th kept
    // alone, and the notes say why.
    assert_eq!(kinds, ["average", "median", "percentile", "percentile"]);
    assert_eq!(ceo["salary"][2]["percentile"].as_u64(), Some(10));
    assert_eq!(ceo["salary"][2]["amount"].as_u64(), Some(73_710));
    assert_eq!(ceo["salary"][3]["percentile"].as_u64(), Some(25));
    assert_eq!(ceo["salary"][3]["amount"].as_u64(), Some(126_080));
    assert_eq!(ceo["employment"][0]["count"].as_u64(), Some(211_850));
    let note = ceo["salary"][0]["note"].as_str().unwrap_or("");
    assert!(
        note.contains("75th and 90th percentiles are at or above $239,200"),
        "{note}"
    );
    // Actors: `*` for every annual figure, so the hourly ones, to the cent.
    let actors = &role(&dataset, "27-2011.00")["salary"];
    assert_eq!(actors[0]["period"].as_str(), Some("hour"));
    assert_eq!(actors[0]["amount"].as_f64(), Some(44.4));
    let shown = stdout_of(&[
        "--data",
        path(&file),
        "show",
        "27-2011.00",
        "--only",
        "salary",
    ]);
    assert!(shown.contains("average $44.40/hr"), "{shown}");
    assert!(shown.contains("Employment: 38,800 people"), "{shown}");
    let farm = role(&dataset, "13-1021.00")["salary"][0]["note"]
        .as_str()
        .unwrap_or("");
    assert!(
        farm.contains("SOC 13-1020 Buyers and Purchasing Agents, the broad group"),
        "{farm}"
    );
}

#[test]
fn occupations_can_be_picked_by_code_soc_code_or_title() {
    let dir = temp();
    let (file, summary) = import(
        &excel_dir(),
        &[
            "--occupation",
            "project management specialists",
            "--occupation",
            "11-1011",
        ],
        dir.path(),
    );
    assert!(summary.contains("imported 3 occupations"), "{summary}");
    let dataset = loaded(&file);
    let ids: Vec<&str> = dataset["roles"]
        .as_array()
        .unwrap_or_else(|| panic!("roles"))
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "chief-executives",
            "chief-sustainability-officers",
            "project-management-specialists"
        ]
    );
    // Related occupations outside the selection are dropped, inside it kept.
    let related: Vec<&str> = role(&dataset, "11-1011.00")["related"]
        .as_array()
        .unwrap_or_else(|| panic!("related"))
        .iter()
        .filter_map(|r| r["role"].as_str())
        .collect();
    assert_eq!(related, ["chief-sustainability-officers"]);
}

#[test]
fn json_output_loads_like_yaml() {
    let dir = temp();
    let output = roles()
        .args(["import", "onet", path(&text_dir()), "--format", "JSON"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let file = dir.path().join("onet.json");
    std::fs::write(&file, &output.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded(&file)["roles"].as_array().map(Vec::len), Some(6));
}

/// Runs an import that must fail; returns (status, stderr).
fn failing(args: &[&str]) -> (i32, String) {
    let output = roles()
        .args(["import", "onet"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(!output.status.success(), "{args:?} succeeded");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    (output.status.code().unwrap_or(-1), stderr)
}

/// A copy of the text fixture with `file` replaced by `text` (or removed when `None`).
fn altered(file: &str, text: Option<&str>) -> tempfile::TempDir {
    let dir = temp();
    for entry in std::fs::read_dir(text_dir()).unwrap_or_else(|e| panic!("{e}")) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(entry.path(), dir.path().join(entry.file_name()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let target = dir.path().join(file);
    match text {
        Some(text) => std::fs::write(target, text).unwrap_or_else(|e| panic!("{e}")),
        None => std::fs::remove_file(target).unwrap_or_else(|e| panic!("{e}")),
    }
    dir
}

#[test]
fn bad_folders_and_files_are_one_line_errors_naming_file_and_row() {
    let (status, error) = failing(&["no/such/folder"]);
    assert_eq!(status, 1);
    assert!(error.contains("no/such/folder: is not a folder"), "{error}");

    let empty = temp();
    let (_, error) = failing(&[path(empty.path())]);
    assert!(
        error.contains("has no 'Occupation Data.xlsx' or 'Occupation Data.txt'"),
        "{error}"
    );

    let no_column = altered(
        "Task Statements.txt",
        Some("O*NET-SOC Code\tTaskk\n13-1082.00\tx\n"),
    );
    let (_, error) = failing(&[path(no_column.path())]);
    assert!(
        error.contains("Task Statements.txt: has no 'Task' column"),
        "{error}"
    );

    let bad_zone = altered(
        "Related Occupations.txt",
        Some(
            "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\n13-1082.00\t11-1011.00\tPrimary-Short\tfirst\n",
        ),
    );
    let (_, error) = failing(&[path(bad_zone.path())]);
    assert!(
        error.contains("Related Occupations.txt:2: column 'Index': 'first' is not a number"),
        "{error}"
    );

    let bad_code = altered(
        "Occupation Data.txt",
        Some("O*NET-SOC Code\tTitle\tDescription\n13-1082.00\tA\tB\nnot-a-code\tC\tD\n"),
    );
    let (_, error) = failing(&[path(bad_code.path())]);
    assert!(
        error.contains(
            "Occupation Data.txt:3: column 'O*NET-SOC Code': 'not-a-code' is not an O*NET-SOC code"
        ),
        "{error}"
    );

    let no_readme = altered("Read Me.txt", None);
    let (_, error) = failing(&[path(no_readme.path())]);
    assert!(error.contains("has no 'Read Me.txt'"), "{error}");

    let (status, error) = failing(&[
        path(&text_dir()),
        "--occupation",
        "Project Managment Specialists",
    ]);
    assert_eq!(status, 2);
    assert!(
        error.contains("did you mean 13-1082.00 'Project Management Specialists'?"),
        "{error}"
    );

    let (status, error) = failing(&[path(&text_dir()), "--format", "csv"]);
    assert_eq!(status, 2);
    assert!(error.contains("import writes yaml or json"), "{error}");

    let not_wages = text_dir().join("Occupation Data.txt");
    let (_, error) = failing(&[path(&text_dir()), "--wages", path(&not_wages)]);
    assert!(error.contains("has no 'OCC_CODE' column"), "{error}");

    let junk = temp();
    let fake = junk.path().join("Occupation Data.xlsx");
    std::fs::write(&fake, "not a zip").unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(
        text_dir().join("Read Me.txt"),
        junk.path().join("Read Me.txt"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (_, error) = failing(&[path(junk.path())]);
    assert!(
        error.contains("Occupation Data.xlsx: is not a readable Excel workbook"),
        "{error}"
    );
}

#[test]
fn unknown_extra_columns_and_files_are_tolerated() {
    let dir = altered(
        "Occupation Data.txt",
        Some(
            "Extra\tO*NET-SOC Code\tTitle\tDescription\tMore\nx\t13-1082.00\tProject Management Specialists\tPlans projects.\ty\n",
        ),
    );
    std::fs::write(dir.path().join("Work Context.txt"), "anything")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = temp();
    let (file, _) = import(dir.path(), &[], out.path());
    let dataset = loaded(&file);
    assert_eq!(dataset["roles"][0]["summary"]["text"], "Plans projects.");
}

/// Every row of each fixture is a row of the published file it was cut from.
#[test]
fn fixture_rows_are_published_rows() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/onet is not on this machine");
        return;
    };
    for entry in std::fs::read_dir(text_dir()).unwrap_or_else(|e| panic!("{e}")) {
        let name = entry.unwrap_or_else(|e| panic!("{e}")).file_name();
        let read = |dir: &Path| std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{e}"));
        let published = read(&shared.join("onet-27.0-text"));
        let lines: HashSet<&[u8]> = published.split(|&b| b == b'\n').collect();
        for line in read(&text_dir()).split(|&b| b == b'\n') {
            assert!(
                lines.contains(line),
                "{name:?}: {}",
                String::from_utf8_lossy(line)
            );
        }
    }
    let pairs = std::fs::read_dir(excel_dir())
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|entry| entry.unwrap_or_else(|e| panic!("{e}")).file_name())
        .filter(|name| name.to_string_lossy().ends_with(".xlsx"))
        .map(|name| {
            (
                excel_dir().join(&name),
                shared.join("onet-29.3-excel").join(&name),
            )
        })
        .chain([(
            wages_file(),
            shared.join("bls-oews-2024/national_M2024_dl.xlsx"),
        )]);
    for (fixture, published) in pairs {
        let rows: HashSet<Vec<String>> = excel_rows(&published).into_iter().collect();
        for row in excel_rows(&fixture) {
            assert!(rows.contains(&row), "{}: {row:?}", fixture.display());
        }
    }
}

/// The whole O*NET 29.3 database with OEWS May 2024: every occupation, valid, loadable, and every
/// command answers; sampled values equal the published cells.
#[test]
fn the_full_database_imports_and_answers() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/onet is not on this machine");
        return;
    };
    let dir = temp();
    let wages = shared.join("bls-oews-2024/national_M2024_dl.xlsx");
    let excel = shared.join("onet-29.3-excel");
    let (file, summary) = import(
        &excel,
        &["--wages", path(&wages), "--min-importance", "0"],
        dir.path(),
    );
    assert!(
        summary.contains("imported 1016 occupations from O*NET 29.3"),
        "{summary}"
    );
    let dataset = loaded(&file);
    assert_eq!(dataset["roles"].as_array().map(Vec::len), Some(1016));
    read_back(
        &dataset,
        &excel,
        &wages,
        &[
            "11-1011.00",
            "13-1082.00",
            "15-1252.00",
            "29-1211.00",
            "15-1299.09",
            "43-4051.00",
        ],
    );
    // Every command, through the cache as a user would run them.
    let cache = temp();
    let run = |args: &[&str]| {
        let output = roles()
            .env("XDG_CACHE_HOME", cache.path())
            .env_remove("ROLES_NO_CACHE")
            .args(["--data", path(&file)])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert_eq!(
        run(&["list", "--format", "csv"]).lines().count(),
        1 + 5 + 1016
    );
    // Ids short enough to type and to sit in a column; the O*NET code stays an alias.
    let longest = run(&["list", "--format", "csv"])
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next().map(str::len))
        .max();
    assert!(longest.is_some_and(|n| n <= 40), "{longest:?}");
    assert!(run(&["show", "Software Developers"]).contains("15-1252.00"));
    assert!(
        run(&["compare", "project-manager", "13-1082.00"])
            .contains("Project Management Specialists")
    );
    assert!(run(&["salary", "13-1082.00"]).contains("$100,750/yr"));
    // gap reads the ratings with a tolerance: Programming (4.75 against 4.12) is one to add,
    // Critical Thinking (3.75 for both) carries over, and nothing both rate low is listed.
    let gap: Value = serde_json::from_str(&run(&[
        "gap",
        "web-developers",
        "computer-programmers",
        "--format",
        "json",
    ]))
    .unwrap_or_else(|e| panic!("json: {e}"));
    let ids = |key: &str| -> Vec<String> {
        gap[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["id"].as_str().map(str::to_string))
            .collect()
    };
    assert!(
        ids("skills_to_add").contains(&"onet-programming".to_string()),
        "{gap}"
    );
    assert!(ids("skills_carried_over").contains(&"onet-critical-thinking".to_string()));
    assert!(!ids("skills_carried_over").contains(&"onet-repairing".to_string()));
    // Kept as published: suppressed ratings with O*NET's flag, an hourly-only occupation's
    // cents, a suppressed share with its flag.
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(text.matches("(O*NET: Recommend Suppress)").count() > 1000);
    assert!(run(&["show", "27-2011.00"]).contains("average $44.40/hr"));
    let nurses = run(&["show", "29-1141.00", "--format", "json"]);
    assert!(
        nurses.contains("Bachelor's Degree: 55.92% of respondents (O*NET: Recommend Suppress"),
        "{nurses}"
    );
    assert!(run(&["similar", "15-1252.00"]).contains("Roles most like Software Developers"));
    // O*NET places web developers 9th and programmers 2nd among software developers' related
    // occupations; its order counts, and no run of equal scores decides the top.
    let similar: Value = serde_json::from_str(&run(&[
        "similar",
        "software-developers",
        "--limit",
        "20",
        "--format",
        "json",
    ]))
    .unwrap_or_else(|e| panic!("json: {e}"));
    let others = similar["others"].as_array().cloned().unwrap_or_default();
    let top: Vec<&str> = others
        .iter()
        .take(10)
        .filter_map(|o| o["role"]["id"].as_str())
        .collect();
    assert!(top.contains(&"web-developers"), "{top:?}");
    assert!(top.contains(&"computer-programmers"), "{top:?}");
    let evidence: Vec<String> = others
        .iter()
        .take(10)
        .map(|o| format!("{} {}", o["score"], o["parts"]))
        .collect();
    assert!(evidence.windows(2).all(|w| w[0] != w[1]), "{evidence:?}");
    assert!(run(&["match", "--skill", "onet-programming"]).contains("Computer Programmers"));
    // Rated occupations are compared on O*NET's scale: Programming (4.12 against 4.75) is among
    // the first differences, and an occupation O*NET rates on no skill says so.
    let compared: Value = serde_json::from_str(&run(&[
        "compare",
        "web-developers",
        "computer-programmers",
        "--format",
        "json",
    ]))
    .unwrap_or_else(|e| panic!("json: {e}"));
    let first: Vec<&str> = compared["ratings"]["differences"]
        .as_array()
        .into_iter()
        .flatten()
        .take(8)
        .filter_map(|d| d["name"].as_str())
        .collect();
    assert!(first.contains(&"Programming"), "{first:?}");
    let table = run(&["compare", "web-developers", "computer-programmers"]);
    assert!(table.contains("Programming"), "{table}");
    let unrated = run(&["compare", "software-developers", "web-developers"]);
    assert!(
        unrated.contains("rates no skills for the Software Developers"),
        "{unrated}"
    );
}

/// `-o` writes a new path or over a regular file, never through a link or over a device.
#[test]
fn output_goes_only_to_a_regular_file_or_a_new_path() {
    let dir = temp();
    let target = dir.path().join("target.yaml");
    std::fs::write(&target, "kept").unwrap_or_else(|e| panic!("write: {e}"));
    let link = dir.path().join("link.yaml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&target, &link).unwrap_or_else(|e| panic!("symlink: {e}"));
    for (at, what) in [
        (Path::new("/dev/null").to_path_buf(), "not a regular file"),
        (link.clone(), "a symbolic link"),
        (dir.path().to_path_buf(), "a directory"),
    ] {
        let output = roles()
            .args(["import", "onet", path(&excel_dir()), "-o", path(&at)])
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        assert_eq!(output.status.code(), Some(1), "{at:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(what), "{at:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap_or_default(), "kept");
    assert!(Path::new("/dev/null").exists());
    // `-o -` is standard output; a new path is written.
    let stdout = roles()
        .args(["import", "onet", path(&excel_dir()), "-o", "-"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(String::from_utf8_lossy(&stdout.stdout).contains("version: 1"));
    let fresh = dir.path().join("fresh.yaml");
    roles()
        .args(["import", "onet", path(&excel_dir()), "-o", path(&fresh)])
        .assert()
        .success();
    assert!(fresh.is_file());
}

/// Runs an import of `dir` that must fail within `limit`, returning its one stderr line.
fn refused_within(dir: &Path, limit: std::time::Duration) -> String {
    let started = std::time::Instant::now();
    let output = roles()
        .args(["import", "onet", path(dir), "-o", "-"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(1), "{dir:?}");
    assert!(started.elapsed() < limit, "took {:?}", started.elapsed());
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.len() < 400, "{stderr}");
    stderr
}

/// A zip file holding one part of `size` zero bytes: tiny on disk, huge unzipped.
fn zip_bomb(size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer
        .start_file("xl/worksheets/sheet1.xml", options)
        .unwrap_or_else(|e| panic!("zip: {e}"));
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..size >> 20 {
        writer
            .write_all(&zeros)
            .unwrap_or_else(|e| panic!("zip: {e}"));
    }
    writer.finish().unwrap_or_else(|e| panic!("zip: {e}"));
    out.into_inner()
}

/// Links, pipes and devices in the folder, a workbook that unzips a thousandfold and a text file
/// of more rows than O*NET has are each refused with one line, quickly, not read to the end.
#[cfg(unix)]
#[test]
fn hostile_folders_are_refused_quickly_and_never_read_whole() {
    let quick = std::time::Duration::from_secs(5);
    let zero_readme = altered("Read Me.txt", None);
    std::os::unix::fs::symlink("/dev/zero", zero_readme.path().join("Read Me.txt"))
        .unwrap_or_else(|e| panic!("symlink: {e}"));
    let error = refused_within(zero_readme.path(), quick);
    assert!(
        error.contains("Read Me.txt: is not a regular file"),
        "{error}"
    );

    let piped = altered("Task Statements.txt", None);
    let made = std::process::Command::new("mkfifo")
        .arg(piped.path().join("Task Statements.txt"))
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let error = refused_within(piped.path(), quick);
        assert!(
            error.contains("Task Statements.txt: is not a regular file"),
            "{error}"
        );
    }

    let mut rows = String::from("O*NET-SOC Code\tTask ID\tTask\n");
    for i in 0..700_000 {
        rows.push_str(&format!("13-1082.00\t{i}\tx\n"));
    }
    let many = altered("Task Statements.txt", Some(&rows));
    let error = refused_within(many.path(), quick);
    assert!(error.contains("refused: more than 600000 rows"), "{error}");

    let bomb = temp();
    for entry in std::fs::read_dir(excel_dir()).unwrap_or_else(|e| panic!("{e}")) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(entry.path(), bomb.path().join(entry.file_name()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(bomb.path().join("Skills.xlsx"), zip_bomb(64 << 20))
        .unwrap_or_else(|e| panic!("{e}"));
    let error = refused_within(bomb.path(), quick);
    assert!(
        error.contains("Skills.xlsx: refused: it would unzip to more than"),
        "{error}"
    );
}

/// A zip of `dir`'s files inside one folder called `inner`, as O*NET and BLS distribute them.
fn zip_of(dir: &Path, inner: &str, out: &Path) -> PathBuf {
    use std::io::Write;
    let path = out.join(format!("{inner}.zip"));
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut writer = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer
        .add_directory(format!("{inner}/"), options)
        .unwrap_or_else(|e| panic!("zip: {e}"));
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        writer
            .start_file(format!("{inner}/{name}"), options)
            .unwrap_or_else(|e| panic!("zip: {e}"));
        let bytes = std::fs::read(&entry).unwrap_or_else(|e| panic!("{e}"));
        writer
            .write_all(&bytes)
            .unwrap_or_else(|e| panic!("zip: {e}"));
    }
    writer.finish().unwrap_or_else(|e| panic!("zip: {e}"));
    path
}

/// The zip files as distributed give exactly what their unzipped folders give.
#[test]
fn zip_files_as_distributed_import_like_their_folders() {
    let dir = temp();
    let wages_dir = wages_file()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let wages_zip = zip_of(&wages_dir, "oesm24nat", dir.path());
    for (folder, inner) in [(excel_dir(), "db_29_3_excel"), (text_dir(), "db_27_0_text")] {
        let zipped = zip_of(&folder, inner, dir.path());
        let from_zip = stdout_of(&["import", "onet", path(&zipped), "--wages", path(&wages_zip)]);
        let from_folder = stdout_of(&[
            "import",
            "onet",
            path(&folder),
            "--wages",
            path(&wages_file()),
        ]);
        assert_eq!(from_zip, from_folder, "{inner}");
        assert!(from_zip.contains("Project Management Specialists"));
    }
    // A zip that is not an O*NET database says so in one line.
    let not_onet = zip_of(&wages_dir, "db_29_3_excel", dir.path());
    let (status, error) = failing(&[path(&not_onet)]);
    assert_eq!(status, 1);
    assert!(error.contains("has no 'Occupation Data.xlsx'"), "{error}");
    let not_wages = zip_of(&text_dir(), "oesm24nat", dir.path());
    let (_, error) = failing(&[path(&excel_dir()), "--wages", path(&not_wages)]);
    assert!(
        error.contains("holds no national_M<year>_dl.xlsx"),
        "{error}"
    );
    // A zip bomb as the database: refused while it is being counted.
    let bomb = dir.path().join("bomb.zip");
    std::fs::write(&bomb, zip_bomb(64 << 20)).unwrap_or_else(|e| panic!("{e}"));
    let error = refused_within(&bomb, std::time::Duration::from_secs(5));
    assert!(
        error.contains("bomb.zip: refused: it would unzip to more than"),
        "{error}"
    );
}

/// Every alternate title resolves and says which title matched; an article role's own name
/// wins over a title, and its show names the occupations O*NET files that title under.
#[test]
fn alternate_titles_resolve_and_article_roles_name_where_onet_files_them() {
    let dir = temp();
    let (file, _) = import(&excel_dir(), &[], dir.path());
    let output = roles()
        .args([
            "--data",
            path(&file),
            "show",
            "scrum master",
            "--only",
            "summary",
        ])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "'Scrum Master' is another name for Information Technology Project Managers 15-1299.09"
        ),
        "{stderr}"
    );
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .starts_with("Information Technology Project Managers")
    );
    let article = stdout_of(&["--data", path(&file), "show", "project manager"]);
    assert!(
        article.starts_with("Project Manager (project-manager)"),
        "{article}"
    );
    assert!(
        article.contains("lists 'Project Manager' as an alternate title of Project Management"),
        "{article}"
    );
    // What is shown is credited, as O*NET's licence requires.
    assert!(article.contains("This includes information from the O*NET 29.3 Database"));
}

/// Where an O*NET skill has a built-in skill's name, the two are linked (`same_as`, our
/// judgement, said so): one skill to look up, match and compare.
#[test]
fn an_onet_skill_with_a_built_in_name_is_linked_and_said_to_be_ours() {
    let dir = temp();
    let (file, _) = import(&excel_dir(), &[], dir.path());
    let dataset = loaded(&file);
    let linked: Vec<&str> = dataset["skills"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["same_as"].is_string())
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(linked, ["onet-negotiation"]);
    let matched: Value = serde_json::from_str(&stdout_of(&[
        "--data",
        path(&file),
        "match",
        "--skill",
        "negot",
        "--format",
        "json",
    ]))
    .unwrap_or_else(|e| panic!("json: {e}"));
    assert_eq!(matched["skills"][0]["id"], "negotiation");
    let fits: Vec<&str> = matched["roles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["role"]["id"].as_str())
        .collect();
    assert!(
        fits.contains(&"product-owner")
            && fits.contains(&"information-technology-project-managers"),
        "{fits:?}"
    );
    let compared = stdout_of(&[
        "--data",
        path(&file),
        "compare",
        "product-owner",
        "15-1299.09",
    ])
    .replace('\n', " ");
    assert!(
        compared.contains("Skills named for both, each by its own source: Negotiation (onet-negotiation taken as negotiation: the same name, linked by us)"),
        "{compared}"
    );
}

/// `workbook` rewritten part by part: `change` maps each part's name and bytes to the parts
/// written in its place (none to drop it, two to repeat it).
fn rewritten(workbook: &Path, change: impl Fn(&str, Vec<u8>) -> Vec<(String, Vec<u8>)>) -> Vec<u8> {
    use std::io::{Read, Write};
    let bytes = std::fs::read(workbook).unwrap_or_else(|e| panic!("{e}"));
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("zip: {e}"));
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .unwrap_or_else(|e| panic!("zip: {e}"));
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let mut part = Vec::new();
        entry
            .read_to_end(&mut part)
            .unwrap_or_else(|e| panic!("zip: {e}"));
        for (name, part) in change(&name, part) {
            writer
                .start_file(name, options)
                .unwrap_or_else(|e| panic!("zip: {e}"));
            writer
                .write_all(&part)
                .unwrap_or_else(|e| panic!("zip: {e}"));
        }
    }
    writer.finish().unwrap_or_else(|e| panic!("zip: {e}"));
    out.into_inner()
}

/// A workbook that declares more shared strings than it can hold, in the occupation files and in
/// the wages, and one that holds a part twice, are refused in one line: no abort, no panic.
#[test]
fn a_workbook_is_read_by_what_it_holds_not_what_it_declares() {
    let quick = std::time::Duration::from_secs(5);
    for declared in ["1000000000000000000", "1000000000", "-1"] {
        // Shared strings that claim `declared` strings and hold one, in place of any the
        // workbook had (the fixtures write their strings inline).
        let claim = |name: &str, part: Vec<u8>| {
            match name {
            "xl/sharedStrings.xml" => Vec::new(),
            "xl/workbook.xml" => vec![
                (name.to_string(), part),
                (
                    "xl/sharedStrings.xml".to_string(),
                    format!(
                        "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"{declared}\"><si><t>x</t></si></sst>"
                    )
                    .into_bytes(),
                ),
            ],
            _ => vec![(name.to_string(), part)],
        }
        };
        let dir = excel_copy();
        std::fs::write(
            dir.path().join("Occupation Data.xlsx"),
            rewritten(&excel_dir().join("Occupation Data.xlsx"), claim),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let error = refused_within(dir.path(), quick);
        assert!(
            error.contains("Occupation Data.xlsx: refused: its shared strings declare uniqueCount"),
            "{declared}: {error}"
        );
        let wages = temp();
        let damaged = wages.path().join("national_M2024_dl.xlsx");
        std::fs::write(&damaged, rewritten(&wages_file(), claim)).unwrap_or_else(|e| panic!("{e}"));
        let output = roles()
            .args([
                "import",
                "onet",
                path(&excel_dir()),
                "--wages",
                path(&damaged),
                "-o",
                "-",
            ])
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        assert_eq!(output.status.code(), Some(1), "{declared}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("refused: its shared strings declare"),
            "{stderr}"
        );
    }
    let twice = |name: &str, part: Vec<u8>| {
        if name.starts_with("xl/worksheets/sheet1") {
            vec![
                (name.to_string(), part.clone()),
                (name.to_uppercase(), part),
            ]
        } else {
            vec![(name.to_string(), part)]
        }
    };
    let dir = excel_copy();
    std::fs::write(
        dir.path().join("Occupation Data.xlsx"),
        rewritten(&excel_dir().join("Occupation Data.xlsx"), twice),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let error = refused_within(dir.path(), quick);
    assert!(
        error.contains("refused: it holds two parts named"),
        "{error}"
    );
}

/// A copy of the Excel fixture folder, to change a workbook in.
fn excel_copy() -> tempfile::TempDir {
    let dir = temp();
    for entry in std::fs::read_dir(excel_dir()).unwrap_or_else(|e| panic!("{e}")) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(entry.path(), dir.path().join(entry.file_name()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

/// A text file of one line longer than any O*NET row is refused as it is read.
#[test]
fn a_line_longer_than_any_row_is_refused_as_it_is_read() {
    let long = format!(
        "O*NET-SOC Code\tTask ID\tTask\n13-1082.00\t1\t{}\n",
        "x".repeat(2 << 20)
    );
    let dir = altered("Task Statements.txt", Some(&long));
    let error = refused_within(dir.path(), std::time::Duration::from_secs(5));
    assert!(
        error.contains("Task Statements.txt: refused: line 2 is longer than 1048576 bytes"),
        "{error}"
    );
}
