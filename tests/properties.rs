//! Property tests: no input makes the loader or any renderer panic.

use proptest::prelude::*;
use roles::commands::compare::{CompareArgs, compare_roles};
use roles::commands::gap::{GapArgs, role_gap};
use roles::commands::list::{ListArgs, list_roles};
use roles::commands::matching::{MatchArgs, match_skills};
use roles::commands::matrix::{MatrixArgs, responsibility_matrix};
use roles::commands::salary::{SalaryArgs, SalaryOrder, salary_table};
use roles::commands::search::{SearchArgs, search_roles};
use roles::commands::show::{ShowArgs, show_role};
use roles::commands::similar::{SimilarArgs, similar_roles};
use roles::commands::skills::{SkillsArgs, list_skills};
use roles::commands::who::{WhoArgs, who_holds};
use roles::model::{
    AspectDefinition, AspectValue, Dataset, Degree, Headcount, Involvement, Money, Period,
    Requirements, Role, RoleSkill, SalaryFigure, SalaryKind, SkillDefinition, SkillKind, Source,
    Statement, ThemeDefinition,
};
use roles::render::{Format, Style, render};
use roles::view::View;

const FIXTURE: &str = include_str!("fixtures/tech-lead.yaml");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Dataset::from_yaml(&text, "fuzz.yaml");
    }

    #[test]
    fn mutated_datasets_never_panic_the_loader(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 1..12)
    ) {
        let mut text: Vec<char> = FIXTURE.chars().collect();
        for (at, c, kind) in edits {
            if text.is_empty() { break; }
            let i = at.index(text.len());
            match kind {
                0 => text[i] = c,
                1 => text.insert(i, c),
                _ => { text.remove(i); }
            }
        }
        let text: String = text.into_iter().collect();
        let base = Dataset::builtin().ok();
        let _ = Dataset::from_yaml_over(&text, "fuzz.yaml", base.as_ref());
    }

    #[test]
    fn arbitrary_valid_datasets_never_panic_any_renderer(dataset in dataset_strategy()) {
        prop_assume!(Dataset::from_yaml(&serde_saphyr::to_string(&dataset).unwrap_or_default(), "gen").is_ok());
        let ids: Vec<String> = dataset.roles.iter().map(|r| r.id.clone()).collect();
        for width in [40u16, 100] {
            let style = Style::plain(width);
            render_all(&Some(list_roles(&dataset, &ListArgs::default())), style);
            render_all(&salary_table(&dataset, &SalaryArgs { roles: Vec::new(), all: true, sort: SalaryOrder::High }).map(|v| v.0).ok(), style);
            for id in &ids {
                render_all(&show_role(&dataset, &ShowArgs { role: vec![id.clone()], only: Vec::new(), full: false, no_sources: false }).map(|v| v.0).ok(), style);
            }
            if ids.len() >= 2 {
                let args = CompareArgs { roles: ids.clone(), only: Vec::new(), full: false };
                render_all(&compare_roles(&dataset, &args).map(|v| v.0).ok(), style);
                let gap = GapArgs::between(&ids[0], &ids[1]);
                render_all(&role_gap(&dataset, &gap).ok(), style);
            }
            for id in &ids {
                render_all(&similar_roles(&dataset, &SimilarArgs { role: vec![id.clone()], limit: 0 }).ok(), style);
            }
            let skills = MatchArgs { skills: vec!["skill-0".into(), "skill-2".into()], limit: 0 };
            render_all(&match_skills(&dataset, &skills).ok(), style);
            render_all(&Some(list_skills(&dataset, &SkillsArgs {})), style);
            render_all(&responsibility_matrix(&dataset, &MatrixArgs { roles: Vec::new() }).ok(), style);
            for topic in ["theme-0", "theme-1", "e", "\u{1b}"] {
                let args = WhoArgs { topic: vec![topic.to_string()], role: Vec::new() };
                render_all(&who_holds(&dataset, &args).ok(), style);
            }
            for needle in ["e", "\u{1b}", "Skill", "red |"] {
                render_all(&search_roles(&dataset, &SearchArgs::phrase(needle)).ok(), style);
            }
        }
    }
}

/// Renders in every format; the table must carry no raw escape character.
fn render_all<V: View>(view: &Option<V>, style: Style) {
    let Some(view) = view else { return };
    for format in Format::ALL {
        let mut out = Vec::new();
        let _ = render(view, format, style, &mut out);
        if format != Format::Yaml {
            assert!(
                !String::from_utf8_lossy(&out).contains('\u{1b}'),
                "{format:?} let ESC through"
            );
        }
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.]{1,40}",
        any::<String>().prop_filter("non-blank", |s| !s.trim().is_empty()),
        Just("\u{1b}[31mred\u{1b}[0m | pipe\nnew line \u{202e}".to_string()),
    ]
}

fn statement() -> impl Strategy<Value = Statement> {
    (
        text(),
        proptest::option::of("[0-9]{2}/[0-9]{4}"),
        proptest::collection::btree_set(0usize..3, 0..3),
    )
        .prop_map(|(text, date, themes)| Statement {
            text,
            sources: vec!["src".into()],
            date,
            themes: themes.into_iter().map(|t| format!("theme-{t}")).collect(),
            versus: None,
            involvement: None,
        })
}

fn figure() -> impl Strategy<Value = SalaryFigure> {
    (
        prop_oneof![
            Just(SalaryKind::Average),
            Just(SalaryKind::Median),
            Just(SalaryKind::Range)
        ],
        // In cents, so every round trip must keep them exact.
        1u64..=10_000_000_000,
        1u64..=10_000_000_000,
        prop_oneof![Just("USD"), Just("EUR"), Just("JPY")],
    )
        .prop_map(|(kind, a, b, currency)| SalaryFigure {
            kind,
            amount: (kind != SalaryKind::Range).then_some(Money::from_cents(a)),
            min: (kind == SalaryKind::Range).then_some(Money::from_cents(a.min(b))),
            max: (kind == SalaryKind::Range).then_some(Money::from_cents(a.max(b))),
            percentile: None,
            percentiles: None,
            currency: currency.into(),
            period: Some(Period::Year),
            region: None,
            note: None,
            caveats: Vec::new(),
            method: None,
            source: "src".into(),
        })
}

fn role(index: usize) -> impl Strategy<Value = Role> {
    (
        text(),
        statement(),
        proptest::collection::vec(statement(), 0..4),
        proptest::collection::vec(statement(), 0..3),
        proptest::collection::btree_set(0usize..4, 0..4),
        proptest::collection::vec(figure(), 0..3),
        proptest::collection::btree_set(0usize..3, 0..3),
        text(),
    )
        .prop_map(
            move |(name, summary, duties, environment, skills, salary, aspects, note)| Role {
                id: format!("role-{index}"),
                name,
                aliases: vec!["X".into()],
                summary,
                // Every degree, some hedged, so `who` and `matrix` have something to render.
                duties: duties
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(number, mut duty)| {
                        duty.involvement = Some(Involvement {
                            degree: Degree::ALL[number % Degree::ALL.len()],
                            with: Vec::new(),
                            hedge: number.is_multiple_of(2).then(|| "may".to_string()),
                        });
                        duty
                    })
                    .collect(),
                requirements: Requirements {
                    education: environment.clone(),
                    experience: Vec::new(),
                    certifications: duties,
                },
                environment,
                skills: skills
                    .into_iter()
                    .map(|s| RoleSkill {
                        skill: format!("skill-{s}"),
                        note: note.clone(),
                        sources: vec!["src".into()],
                        // Some skills rated, as imported O*NET skills are.
                        importance: (s % 2 == 0).then_some(1.0 + s as f64 * 0.37),
                        level: (s % 2 == 0).then_some(s as f64 * 1.25),
                        date: None,
                        versus: None,
                    })
                    .collect(),
                salary,
                aspects: aspects
                    .into_iter()
                    .map(|a| AspectValue {
                        aspect: format!("aspect-{a}"),
                        value: note.clone(),
                        versus: None,
                        sources: vec!["src".into()],
                    })
                    .collect(),
                related: Vec::new(),
                advice: Vec::new(),
                employment: index
                    .is_multiple_of(2)
                    .then(|| Headcount {
                        count: index as u64 * 1000,
                        note: None,
                        source: "src".into(),
                    })
                    .into_iter()
                    .collect(),
            },
        )
}

fn dataset_strategy() -> impl Strategy<Value = Dataset> {
    (1usize..5).prop_flat_map(|count| {
        (0..count)
            .map(role)
            .collect::<Vec<_>>()
            .prop_map(|roles| Dataset {
                themes: (0..3)
                    .map(|i| ThemeDefinition {
                        id: format!("theme-{i}"),
                        name: format!("Theme {i}"),
                        description: "d".into(),
                    })
                    .collect(),
                version: 1,
                sources: vec![Source {
                    id: "src".into(),
                    title: "T\u{1b}]0;title\u{7}".into(),
                    kind: "k".into(),
                    compares: Vec::new(),
                    covers: None,
                    url: None,
                    attribution: Some("Used under \u{1b}[1mCC BY 4.0".into()),
                }],
                skills: (0..4)
                    .map(|i| SkillDefinition {
                        id: format!("skill-{i}"),
                        name: format!("Skill {i}"),
                        aliases: vec![format!("S{i}")],
                        description: "d".into(),
                        kind: if i == 3 {
                            SkillKind::Knowledge
                        } else {
                            SkillKind::Skill
                        },
                        same_as: (i == 2).then(|| "skill-0".to_string()),
                    })
                    .collect(),
                aspects: (0..3)
                    .map(|i| AspectDefinition {
                        id: format!("aspect-{i}"),
                        name: format!("Aspect {i}"),
                        description: "d".into(),
                    })
                    .collect(),
                roles,
            })
    })
}
