//! Every table of every command, on the built-in data, at any width from 40 to 200 columns: no
//! line wider than the terminal, and no role id or money amount split across lines.

use proptest::prelude::*;
use roles::commands::compare::{CompareArgs, compare_roles};
use roles::commands::gap::{GapArgs, role_gap};
use roles::commands::list::{ListArgs, list_roles};
use roles::commands::matching::{MatchArgs, match_skills};
use roles::commands::salary::{SalaryArgs, SalaryOrder, salary_table};
use roles::commands::search::{SearchArgs, search_roles};
use roles::commands::show::{ShowArgs, show_role};
use roles::commands::similar::{SimilarArgs, similar_roles};
use roles::commands::skills::{SkillsArgs, list_skills};
use roles::figures::format_amount;
use roles::model::Dataset;
use roles::render::{Format, Style, render};
use roles::view::View;

#[path = "../benches/support/generate.rs"]
mod generate;

fn builtin() -> Dataset {
    Dataset::builtin().unwrap_or_else(|e| panic!("built-in: {e}"))
}

fn table<V: View>(view: &V, width: u16) -> String {
    let mut out = Vec::new();
    render(view, Format::Table, Style::plain(width), &mut out)
        .unwrap_or_else(|e| panic!("render: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("utf-8: {e}"))
}

/// Every command's table at `width`, each with a name for messages.
fn every_table(data: &Dataset, width: u16) -> Vec<(String, String)> {
    let ids: Vec<String> = data.roles.iter().map(|r| r.id.clone()).collect();
    let mut tables = vec![
        (
            "list".to_string(),
            table(&list_roles(data, &ListArgs::default()), width),
        ),
        (
            "skills".to_string(),
            table(&list_skills(data, &SkillsArgs {}), width),
        ),
        (
            "search".to_string(),
            table(
                &search_roles(data, &SearchArgs::phrase("backlog"))
                    .unwrap_or_else(|e| panic!("{e}")),
                width,
            ),
        ),
    ];
    let salary = SalaryArgs {
        roles: Vec::new(),
        all: true,
        sort: SalaryOrder::High,
    };
    if let Ok((view, _)) = salary_table(data, &salary) {
        tables.push(("salary --all".into(), table(&view, width)));
    }
    let matching = MatchArgs {
        skills: vec!["communication".into(), "planning".into()],
        limit: 0,
    };
    if let Ok(view) = match_skills(data, &matching) {
        tables.push(("match".into(), table(&view, width)));
    }
    for id in &ids {
        let show = ShowArgs {
            role: vec![id.clone()],
            only: Vec::new(),
            full: false,
            no_sources: false,
        };
        if let Ok((view, _)) = show_role(data, &show) {
            tables.push((format!("show {id}"), table(&view, width)));
        }
        if let Ok(view) = similar_roles(
            data,
            &SimilarArgs {
                role: vec![id.clone()],
                limit: 0,
            },
        ) {
            tables.push((format!("similar {id}"), table(&view, width)));
        }
        for other in ids.iter().filter(|other| *other != id) {
            for full in [false, true] {
                let args = CompareArgs {
                    roles: vec![id.clone(), other.clone()],
                    only: Vec::new(),
                    full,
                };
                if let Ok((view, _)) = compare_roles(data, &args) {
                    tables.push((
                        format!("compare {id} {other} full={full}"),
                        table(&view, width),
                    ));
                }
            }
            let gap = GapArgs::between(id, other);
            if let Ok(view) = role_gap(data, &gap) {
                tables.push((format!("gap {id} {other}"), table(&view, width)));
            }
        }
    }
    tables
}

/// The tokens that must never be split: role ids and every salary amount as shown.
fn whole_tokens(data: &Dataset) -> Vec<String> {
    let mut tokens: Vec<String> = data.roles.iter().map(|r| r.id.clone()).collect();
    for figure in data.roles.iter().flat_map(|r| &r.salary) {
        for amount in [figure.amount, figure.min, figure.max]
            .into_iter()
            .flatten()
        {
            tokens.push(format_amount(amount, &figure.currency));
        }
    }
    tokens
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_line_is_wider_than_the_terminal_and_no_id_or_amount_is_split(width in 40u16..=200) {
        let data = builtin();
        let tokens = whole_tokens(&data);
        let wide: Vec<(String, String)> = every_table(&data, 1000);
        for ((name, text), (_, wide_text)) in every_table(&data, width).iter().zip(&wide) {
            for line in text.lines() {
                prop_assert!(line.chars().count() <= usize::from(width), "{name} at {width}: {line}");
            }
            for token in &tokens {
                let wanted = wide_text.matches(token.as_str()).count();
                let found = text.matches(token.as_str()).count();
                prop_assert_eq!(found, wanted, "{} at {}: {} split", name, width, token);
            }
        }
    }
}

/// 300 generated roles: `list` and `salary --all` as tall tables, written a row at a time
/// (`render/framed.rs`).
fn tall_data() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| generate::generate(300, 5))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn tall_tables_fit_the_terminal_and_split_no_id_or_amount(width in 40u16..=200) {
        let data = tall_data();
        let salary = SalaryArgs { roles: Vec::new(), all: true, sort: SalaryOrder::High };
        let (pay, _) = salary_table(data, &salary).unwrap_or_else(|e| panic!("{e}"));
        let listing = list_roles(data, &ListArgs::default());
        prop_assert!(listing.roles.len() >= 200);
        let tokens = whole_tokens(data);
        for (name, text, wide) in [
            ("salary --all", table(&pay, width), table(&pay, 1000)),
            ("list", table(&listing, width), table(&listing, 1000)),
        ] {
            for line in text.lines() {
                let shown = unicode_width::UnicodeWidthStr::width(line);
                prop_assert!(shown <= usize::from(width), "{name} at {width}: {line}");
            }
            // Every line of a table is part of its frame, and the frame closes.
            if text.contains('┌') {
                prop_assert!(text.contains('└'), "{name} at {width}");
            }
            for token in &tokens {
                let wanted = wide.matches(token.as_str()).count();
                prop_assert_eq!(text.matches(token.as_str()).count(), wanted, "{} at {}: {}", name, width, token);
            }
        }
    }
}

#[test]
fn the_digest_of_product_owner_and_product_manager_is_a_fraction_of_the_full_view() {
    let data = builtin();
    let args = CompareArgs {
        roles: vec!["product-owner".into(), "product-manager".into()],
        only: Vec::new(),
        full: false,
    };
    let (view, _) = compare_roles(&data, &args).unwrap_or_else(|e| panic!("compare: {e}"));
    let digest = table(&view, 100);
    let full = table(&CompareArgs { full: true, ..args }.clone_view(&data), 100);
    // Two articles' contrasts, where they disagree, take most of it; the per-article skills and
    // the like-for-like pay come right after.
    let lines: Vec<&str> = digest.lines().collect();
    assert!(lines.len() <= 80, "{} lines:\n{digest}", lines.len());
    assert!(lines.len() * 3 < full.lines().count(), "{digest}");
    let pay = lines.iter().position(|l| l.contains("+$15,000"));
    assert!(pay.is_some_and(|at| at < 60), "{digest}");
    for section in [
        "Summary",
        "Duties",
        "Education",
        "Environment",
        "Skills",
        "Salary",
    ] {
        assert!(full.contains(section), "--full lacks {section}");
    }
}

trait CloneView {
    fn clone_view(self, data: &Dataset) -> roles::commands::compare::Comparison;
}

impl CloneView for CompareArgs {
    fn clone_view(self, data: &Dataset) -> roles::commands::compare::Comparison {
        compare_roles(data, &self)
            .map(|(view, _)| view)
            .unwrap_or_else(|e| panic!("compare: {e}"))
    }
}
