//! A dataset file's mistakes are said in the file's terms (where, what, how to fix), never in
//! the parser library's; YAML in any style, JSON among it, is read as YAML 1.2 reads it.

mod common;

use common::roles;

const ROLE: &str = "version: 1
sources:
  - id: s
    title: t
    kind: k
    compares: []
roles:
  - id: x
    name: X
    summary: {text: s, sources: [s]}
    duties: []
    requirements: {education: [], experience: [], certifications: []}
    environment: []
    skills: []
    salary:
      - kind: percentile
        percentile: 50
        amount: 5
        currency: USD
        source: s
    aspects: []
";

/// Runs `roles --data FILE --no-builtin list` on `text`: exit code, stdout, stderr.
fn load(text: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("data.yaml");
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("write: {e}"));
    let output = roles()
        .arg("--data")
        .arg(&file)
        .args(["--no-builtin", "list", "--format", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn each_kind_of_parser_error_is_said_in_the_files_terms() {
    let cases = [
        (
            "version: 1\nversion: 1\nroles: []\n".to_string(),
            "data.yaml:2:1: the key 'version' appears twice in one mapping; keep one of them",
        ),
        (
            ROLE.replace("name: X", "name: ~"),
            "data.yaml:9:11: no value here",
        ),
        (
            ROLE.replace("percentile: 50", "percentile: -5"),
            "data.yaml:17:21: expected a whole number from 0 to 100 (a percentile)",
        ),
        (
            ROLE.replace("percentile: 50", "percentile: 2.5"),
            "data.yaml:17:21: expected a whole number from 0 to 100",
        ),
        (
            ROLE.replace("title: t", "title: !!binary //79"),
            "data.yaml:4:21: a `!!binary` value that is not text",
        ),
        (
            ROLE.replace("amount: 5", "amount: 0.5"),
            "salary amount 0.50 is not plausible (expected 1 to 100000000)",
        ),
        (
            "{\"version\": 1, \"roles\": [}\n".to_string(),
            "data.yaml:1:",
        ),
        (
            "version: 1\nroles:\n\t- id: x\n".to_string(),
            "data.yaml:3:2: a tab indents this line; YAML indents with spaces only",
        ),
        (
            "version: 1\nroles: &a [*a]\n".to_string(),
            "data.yaml:2:12: an alias (*name) inside the node its anchor (&name) marks",
        ),
        (
            "version: 1\nroles: []\n---\nversion: 2\n".to_string(),
            "data.yaml:3:1: a second YAML document (after `---`)",
        ),
        (
            ROLE.replace("kind: percentile", "kind: annual"),
            "unknown variant `annual`, expected one of average, median, range, percentile",
        ),
        (
            "version: 1\nrolez: []\n".to_string(),
            "data.yaml:2:1: unknown field `rolez`, expected one of version",
        ),
    ];
    for (text, expected) in cases {
        let (code, _, message) = load(&text);
        assert_eq!(code, Some(1), "{expected}: {message}");
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains(expected), "{expected:?} not in {message}");
        for library in [
            "Option<",
            "DuplicateKeyPolicy",
            "u8",
            "ignore_binary",
            "Options",
        ] {
            assert!(!message.contains(library), "{library} in {message}");
        }
    }
}

#[test]
fn flow_style_yaml_and_json_with_a_comment_are_read() {
    let flow = "{version: 1, sources: [{id: s, title: t, kind: k, compares: []}], roles: [{id: x, \
                name: Flow, summary: {text: s, sources: [s]}, duties: [], requirements: \
                {education: [], experience: [], certifications: []}, environment: [], \
                skills: [], salary: [], aspects: []}]}\n";
    let (code, out, err) = load(flow);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("x,Flow"), "{out}");
    let json = "{\"version\": 1, \"sources\": [{\"id\": \"s\", \"title\": \"t\", \"kind\": \"k\", \
                \"compares\": []}], \"roles\": [{\"id\": \"x\", \"name\": \"Commented\", \
                \"summary\": {\"text\": \"s\", \"sources\": [\"s\"]}, \"duties\": [], \
                \"requirements\": {\"education\": [], \"experience\": [], \"certifications\": \
                []}, \"environment\": [], \"skills\": [], \"salary\": [], \"aspects\": []}]}\n\
                # exported on Monday\n";
    let (code, out, err) = load(json);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("x,Commented"), "{out}");
}

#[test]
fn more_data_files_than_layers_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("empty.yaml");
    std::fs::write(&file, "version: 1\nroles: []\n").unwrap_or_else(|e| panic!("write: {e}"));
    let flag = format!("--data={}", file.display());
    let output = roles()
        .args(std::iter::repeat_n(
            flag.as_str(),
            roles::load::MAX_LAYERS + 1,
        ))
        .arg("list")
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("1001 data files given, more than the 1000 layers"),
        "{message}"
    );
}
