//! Likeness (`roles similar`) and fit (`roles match`): the rankings on the built-in data, pinned
//! with their reasons; a change to the data moving a ranking as the formula says; and the
//! formula's properties on generated datasets.

mod common;

use common::stdout_of;
use proptest::prelude::*;
use roles::commands::similar::{SimilarArgs, similar_roles};
use roles::likeness::{self, Profile};
use roles::model::{AspectValue, Dataset, RelatedRole, Role, RoleSkill, Source, Statement};
use serde_json::Value;

fn builtin() -> Dataset {
    Dataset::builtin().unwrap_or_else(|e| panic!("built-in dataset: {e}"))
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).unwrap_or_else(|e| panic!("json: {e}"))
}

#[test]
fn the_product_owner_is_most_like_the_product_manager_for_stated_reasons() {
    let result = json(&["similar", "product-owner", "--format", "json"]);
    let others = result["others"]
        .as_array()
        .unwrap_or_else(|| panic!("others"));
    let order: Vec<&str> = others
        .iter()
        .filter_map(|o| o["role"]["id"].as_str())
        .collect();
    assert_eq!(
        order,
        [
            "product-manager",
            "delivery-lead",
            "project-manager",
            "delivery-manager"
        ]
    );
    let pm = &others[0];
    let names = |key: &str| -> Vec<String> {
        pm[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n["name"].as_str().map(str::to_string))
            .collect()
    };
    // Reasons are names from the vocabularies, not word fragments.
    assert!(names("shared_themes").contains(&"Roadmap".to_string()));
    assert!(names("shared_skills").contains(&"Business acumen".to_string()));
    assert_eq!(pm["relation"], "compared in po-pm-guide, po-pm-brief");
    assert!(names("contrasts").contains(&"Time horizon".to_string()));
    // The score is the formula over the parts shown.
    for other in others {
        let contrasts = other["parts"]["contrasts"].as_f64().unwrap_or(f64::NAN);
        let (mut sum, mut weights) = (0.0, 0.0);
        for (key, weight) in [
            ("tasks", 0.40),
            ("skills", 0.24),
            ("titles", 0.16),
            ("themes", 0.20),
            ("relation", 0.20),
        ] {
            // A part left out (null) counts in neither the sum nor the divisor.
            if let Some(value) = other["parts"][key].as_f64() {
                sum += weight * value / 100.0;
                weights += weight;
            }
        }
        let expected = sum / weights * (1.0 - 0.05 * contrasts.min(4.0));
        let score = other["score"].as_f64().unwrap_or(f64::NAN);
        // Parts are rounded for display, so allow a point either way.
        assert!((score - expected * 100.0).abs() <= 1.0, "{other}");
    }
}

#[test]
fn giving_a_role_the_product_owners_skills_and_themes_moves_it_up_as_the_formula_says() {
    let ask = |data: &Dataset| {
        let args = SimilarArgs {
            role: vec!["product-owner".into()],
            limit: 0,
        };
        similar_roles(data, &args).unwrap_or_else(|e| panic!("{e}"))
    };
    let mut data = builtin();
    let before = ask(&data);
    let rank = |view: &roles::commands::similar::Similarity, id: &str| {
        view.others.iter().position(|o| o.role.id == id)
    };
    assert_eq!(rank(&before, "delivery-manager"), Some(3));
    let po = data.roles.iter().find(|r| r.id == "product-owner").cloned();
    let po = po.unwrap_or_else(|| panic!("no product owner"));
    let dm = data.roles.iter_mut().find(|r| r.id == "delivery-manager");
    let dm = dm.unwrap_or_else(|| panic!("no delivery manager"));
    dm.skills = po.skills.clone();
    dm.duties = vec![Statement {
        themes: po.duties.iter().flat_map(|d| d.themes.clone()).collect(),
        ..Statement::new("Tagged for the test.", vec!["pm-dm".into()])
    }];
    let after = ask(&data);
    let moved = after
        .others
        .iter()
        .find(|o| o.role.id == "delivery-manager")
        .unwrap_or_else(|| panic!("delivery manager"));
    // Same skills and every theme of the product owner's, no relation, no contrast: the skills
    // and themes parts are full, and the score is the formula over the parts.
    let parts = moved.parts;
    assert_eq!(
        (parts.skills, parts.themes, parts.relation, parts.contrasts),
        (Some(100), Some(100), 0, 0)
    );
    let tasks = f64::from(parts.tasks.unwrap_or(0)) / 100.0;
    let titles = f64::from(parts.titles.unwrap_or(0)) / 100.0;
    let expected = (0.40 * tasks + 0.24 + 0.16 * titles + 0.20) / 1.20 * 100.0;
    assert!(
        (f64::from(moved.score) - expected).abs() <= 1.0,
        "{moved:?}"
    );
    assert_eq!(rank(&after, "delivery-manager"), Some(0));
}

#[test]
fn match_rewards_a_role_that_uses_all_you_bring() {
    let result = json(&[
        "match",
        "--skill",
        "communication",
        "--skill",
        "agile",
        "--format",
        "json",
    ]);
    let roles = result["roles"]
        .as_array()
        .unwrap_or_else(|| panic!("roles"));
    assert_eq!(roles[0]["role"]["id"], "product-owner", "{result}");
    assert_eq!(roles[0]["uses"], 100);
    let brings: Vec<&str> = roles[0]["brings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(brings, ["communication", "agile-methods"]);
    let lead = roles.iter().find(|r| r["role"]["id"] == "delivery-lead");
    let lead = lead.unwrap_or_else(|| panic!("delivery lead"));
    assert_eq!(
        (lead["coverage"].as_u64(), lead["uses"].as_u64()),
        (Some(33), Some(50))
    );
}

fn role_strategy(index: usize, count: usize) -> impl Strategy<Value = Role> {
    (
        proptest::collection::btree_map(0usize..8, proptest::option::of(1u8..=5), 0..6),
        proptest::collection::btree_set(0usize..6, 0..4),
        proptest::collection::btree_set(0usize..count, 0..3),
        proptest::collection::btree_set(0usize..count, 0..2),
    )
        .prop_map(move |(skills, themes, contrasted, related)| {
            let mut role = Role {
                id: format!("role-{index}"),
                name: format!("Role {index}"),
                aliases: Vec::new(),
                summary: Statement::new("s", vec!["src".into()]),
                duties: vec![Statement {
                    themes: themes.iter().map(|t| format!("theme-{t}")).collect(),
                    ..Statement::new("d", vec!["src".into()])
                }],
                requirements: Default::default(),
                environment: Vec::new(),
                skills: skills
                    .into_iter()
                    .map(|(s, importance)| RoleSkill {
                        skill: format!("skill-{s}"),
                        note: "n".into(),
                        sources: vec!["src".into()],
                        importance: importance.map(f64::from),
                        level: None,
                        date: None,
                        versus: None,
                    })
                    .collect(),
                salary: Vec::new(),
                aspects: Vec::new(),
                related: Vec::new(),
                advice: Vec::new(),
                employment: Vec::new(),
            };
            for other in contrasted.into_iter().filter(|o| *o != index) {
                role.aspects.push(AspectValue {
                    aspect: format!("aspect-{}", other % 3),
                    value: "v".into(),
                    versus: Some(format!("role-{other}")),
                    sources: vec!["src".into()],
                });
            }
            for other in related.into_iter().filter(|o| *o != index) {
                role.related.push(RelatedRole {
                    role: format!("role-{other}"),
                    tier: Some(["Primary-Short", "Primary-Long", "Supplemental"][other % 3].into()),
                    sources: vec!["src".into()],
                });
            }
            role
        })
}

fn dataset_strategy() -> impl Strategy<Value = Dataset> {
    (2usize..6).prop_flat_map(|count| {
        let roles: Vec<_> = (0..count).map(|i| role_strategy(i, count)).collect();
        (roles, proptest::collection::btree_set(0usize..count, 0..3)).prop_map(
            move |(roles, compared)| Dataset {
                version: 1,
                sources: vec![Source {
                    id: "src".into(),
                    title: "t".into(),
                    kind: "k".into(),
                    compares: compared.iter().map(|i| format!("role-{i}")).collect(),
                    covers: None,
                    url: None,
                    attribution: None,
                }],
                skills: Vec::new(),
                themes: Vec::new(),
                aspects: Vec::new(),
                roles,
            },
        )
    })
}

fn total(data: &Dataset, a: &Role, b: &Role) -> f64 {
    let corpus = likeness::Corpus::new(data);
    likeness::parts(data, &Profile::of(&corpus, a), &Profile::of(&corpus, b)).total()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn likeness_is_symmetric(data in dataset_strategy()) {
        for a in &data.roles {
            for b in &data.roles {
                prop_assert!((total(&data, a, b) - total(&data, b, a)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn a_role_is_most_like_itself(data in dataset_strategy()) {
        for a in &data.roles {
            let own = total(&data, a, a);
            prop_assert_eq!(own, 1.0);
            for b in &data.roles {
                prop_assert!(total(&data, a, b) <= own);
            }
        }
    }

    #[test]
    fn adding_a_skill_both_need_never_lowers_likeness(data in dataset_strategy()) {
        let (a, b) = (&data.roles[0], &data.roles[1]);
        // The skills part compares what both list: a role that lists none has said nothing,
        // and the part only starts to count once both do.
        prop_assume!(!a.skills.is_empty() && !b.skills.is_empty());
        // Two rated roles are compared by the cosine of their ratings, where a shared skill
        // rated differently can lower the likeness, as it should; this property is the lists'.
        let rated = |r: &Role| r.skills.iter().all(|s| s.importance.is_some());
        prop_assume!(!(rated(a) && rated(b)));
        let before = total(&data, a, b);
        let shared = RoleSkill {
            skill: "skill-new".into(),
            note: "n".into(),
            sources: vec!["src".into()],
            importance: None,
            level: None,
            date: None,
            versus: None,
        };
        let (mut a, mut b) = (a.clone(), b.clone());
        a.skills.push(shared.clone());
        b.skills.push(shared);
        prop_assert!(total(&data, &a, &b) >= before - 1e-12);
    }
}
