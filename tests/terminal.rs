//! Comfort at a terminal through the real binary: the pager (under a pseudo-terminal made by
//! `script`), names typed without quotes, the Markdown document, lists that scale, wide text.

use std::process::{Command as Process, Stdio};

mod common;

use common::{roles, stdout_of};

/// Runs `roles ARGS` on a pseudo-terminal of 80×24 (util-linux `script`), with `env` set; the
/// terminal's output, or None where `script` is not installed.
fn on_a_terminal(args: &str, env: &[(&str, &str)]) -> Option<String> {
    let binary = common::binary();
    let command = format!("stty cols 80 rows 24; {} {args}", binary.display());
    let mut script = Process::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .env("ROLES_NO_CACHE", "1")
        .env_remove("ROLES_DATA")
        .env_remove("COLUMNS")
        .env_remove("PAGER")
        .env_remove("ROLES_PAGER")
        .env_remove("ROLES_NO_PAGER")
        .env("TERM", "xterm")
        .stdin(Stdio::null());
    for (key, value) in env {
        script.env(key, value);
    }
    let Ok(output) = script.output() else {
        common::skipped("script");
        return None;
    };
    Some(String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n"))
}

#[test]
fn long_output_on_a_terminal_goes_through_the_pager() {
    // A pager that marks each line shows it was used.
    let marked = [("ROLES_PAGER", "sed 's/^/PAGED: /'")];
    let Some(paged) = on_a_terminal(
        "compare product-owner product-manager --color never",
        &marked,
    ) else {
        return;
    };
    assert!(
        paged.starts_with("PAGED: Product Owner vs Product Manager"),
        "{paged}"
    );
    // Short output is not paged, and --no-pager and ROLES_NO_PAGER turn it off.
    let short = on_a_terminal("list product owner", &marked).unwrap_or_default();
    assert!(!short.contains("PAGED"), "{short}");
    let off = on_a_terminal("compare po pm --no-pager", &marked).unwrap_or_default();
    assert!(
        !off.contains("PAGED") && off.contains("Product Owner vs"),
        "{off}"
    );
    let env_off = [marked[0], ("ROLES_NO_PAGER", "1")];
    let off = on_a_terminal("compare po pm", &env_off).unwrap_or_default();
    assert!(
        !off.contains("PAGED") && off.contains("Product Owner vs"),
        "{off}"
    );
    // A pager that cannot start loses nothing: the output is printed plainly.
    let missing = [("ROLES_PAGER", "no-such-pager-anywhere")];
    let fallback = on_a_terminal("compare po pm", &missing).unwrap_or_default();
    assert!(
        fallback.contains("Product Owner vs Product Manager"),
        "{fallback}"
    );
    // Nor does one that exists but cannot run (a directory; sh answers 126).
    let directory = [("ROLES_PAGER", "/")];
    let fallback = on_a_terminal("compare po pm", &directory).unwrap_or_default();
    assert!(
        fallback.contains("Product Owner vs Product Manager"),
        "{fallback}"
    );
}

#[test]
fn piped_output_is_never_paged_and_matches_no_pager() {
    for args in [
        &["compare", "product-owner", "product-manager"][..],
        &["show", "delivery-lead"],
        &["gap", "delivery-manager", "product-manager"],
    ] {
        let paged = roles()
            .env("ROLES_PAGER", "sed s/^/PAGED:/")
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        let plain = roles()
            .args(args)
            .arg("--no-pager")
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        assert_eq!(paged.stdout, plain.stdout, "{args:?}");
    }
}

#[test]
fn names_of_several_words_need_no_quotes() {
    assert!(stdout_of(&["show", "product", "owner"]).starts_with("Product Owner (product-owner)"));
    let compared = stdout_of(&["compare", "product", "owner", "product", "manager"]);
    assert!(
        compared.starts_with("Product Owner vs Product Manager"),
        "{compared}"
    );
    let gap = stdout_of(&["gap", "delivery", "manager", "product", "manager"]);
    assert!(
        gap.starts_with("From Delivery Manager to Product Manager"),
        "{gap}"
    );
    let output = roles()
        .args(["compare", "product", "project"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("in quotes (\"product owner\") or by its id (product-owner)"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn gap_opens_with_its_summary_and_shows_duties_on_asking() {
    let output = roles()
        .env("COLUMNS", "80")
        .args([
            "gap",
            "delivery-manager",
            "product-manager",
            "--only",
            "duties",
        ])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    let first: Vec<&str> = text.lines().take(24).collect();
    let screen = first.join("\n");
    for part in [
        "Work to take on (",
        "Work left behind (",
        "Skills to add:",
        "Pay, Product Manager minus Delivery Manager: +$32,225",
    ] {
        assert!(
            screen.contains(part),
            "{part} not on the first screen:\n{screen}"
        );
    }
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(
        "What the Product Manager does that nothing said of the Delivery Manager speaks to"
    ));
    assert!(!text.contains("Skills for the Product Manager"), "{text}");
}

#[test]
fn show_as_markdown_is_a_document_to_paste() {
    let markdown = stdout_of(&["show", "delivery-lead", "--format", "markdown"]);
    assert!(!markdown.contains("<br>"), "{markdown}");
    assert!(
        !markdown.contains("\\["),
        "no escaped citations: {markdown}"
    );
    assert!(markdown.contains("### Duties\n\n- "), "{markdown}");
    let plain = stdout_of(&[
        "show",
        "delivery-lead",
        "--format",
        "markdown",
        "--no-sources",
    ]);
    assert!(
        !plain.contains("(dl-po)") && !plain.contains("### Sources"),
        "{plain}"
    );
    // The same document as plain text: headings and bullets, no table and no Markdown marks.
    let text = stdout_of(&["show", "delivery-lead", "--format", "text"]);
    assert!(text.contains("\nDuties\n\n• Is responsible"), "{text}");
    assert!(!text.contains('┌') && !text.contains("###"), "{text}");
    let Some(html) = common::markdown_as_html(&markdown) else {
        return;
    };
    assert!(html.contains("<h2"), "{html}");
    assert!(html.matches("<h3").count() >= 5, "{html}");
    assert!(html.contains("<ul>") && html.contains("<li>"), "{html}");
}

#[test]
fn piped_list_is_one_line_per_role_and_filters() {
    let output = common::roles()
        .env_remove("COLUMNS")
        .arg("list")
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(text.lines().all(|l| l.split('\t').count() == 4), "{text}");
    assert!(text.starts_with("product-owner\tProduct Owner\t"), "{text}");
    let filtered = common::roles()
        .env_remove("COLUMNS")
        .args(["list", "delivery"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let ids: Vec<String> = String::from_utf8_lossy(&filtered.stdout)
        .lines()
        .filter_map(|l| l.split('\t').next().map(String::from))
        .collect();
    assert_eq!(ids, ["delivery-lead", "delivery-manager"]);
    // Asking for a table (or a width) still gets one.
    assert!(stdout_of(&["list"]).contains('┌'));
    let none = roles()
        .args(["list", "zebra"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn wide_characters_fit_the_width() {
    for width in ["40", "60", "80"] {
        for args in [
            &["show", "产品负责人"][..],
            &["list", "--format", "table"],
            &["compare", "产品负责人", "po"],
        ] {
            let output = roles()
                .env("COLUMNS", width)
                .args(["--data", "tests/fixtures/cjk.yaml"])
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("run: {e}"));
            assert!(
                output.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let text = String::from_utf8_lossy(&output.stdout);
            let limit: usize = width.parse().unwrap_or(80);
            for line in text.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= limit,
                    "{args:?} at {width}: {line}"
                );
            }
        }
    }
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    let Some(coloured) = on_a_terminal("show po --no-pager", &[]) else {
        return;
    };
    // A terminal gets colour by default; TERM=dumb turns it off, as NO_COLOR does.
    assert!(coloured.contains('\u{1b}'), "{coloured}");
    let dumb = on_a_terminal("show po --no-pager", &[("TERM", "dumb")]).unwrap_or_default();
    assert!(
        !dumb.contains('\u{1b}') && dumb.contains("Product Owner"),
        "{dumb}"
    );
}

#[test]
fn plain_text_wraps_to_a_terminal_and_not_into_a_pipe() {
    // Piped, a paragraph stays one line whatever COLUMNS says, and a table becomes text.
    let piped = common::roles()
        .env("COLUMNS", "40")
        .args(["show", "product-owner", "--format", "text"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    let piped = String::from_utf8_lossy(&piped.stdout).into_owned();
    let summary = piped
        .lines()
        .find(|line| line.starts_with("Owns the product backlog"))
        .unwrap_or_else(|| panic!("{piped}"));
    assert!(summary.ends_with(')') && summary.len() > 200, "{piped}");
    let table = stdout_of(&["salary", "--all", "--format", "text"]);
    assert!(
        !table.contains('┆') && table.contains("Pay: $108,042/yr"),
        "{table}"
    );
    // On a terminal of 80 columns, every line fits.
    let Some(shown) = on_a_terminal("show po --format text --no-pager --color never", &[]) else {
        return;
    };
    assert!(shown.contains("Owns the product backlog"), "{shown}");
    for line in shown.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}
