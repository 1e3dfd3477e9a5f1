//! The built-in dataset against the articles: the figures are exactly theirs and no others,
//! every role has every section, and every listed source is cited.

use std::collections::BTreeSet;

use roles::model::Dataset;

fn builtin() -> Dataset {
    Dataset::builtin().unwrap_or_else(|e| panic!("built-in dataset invalid: {e}"))
}

#[test]
fn salary_figures_are_exactly_the_articles_and_no_others() {
    let mut found = BTreeSet::new();
    for role in &builtin().roles {
        for figure in &role.salary {
            assert_eq!(figure.currency, "USD");
            let (low, high) = figure.bounds();
            let kind = figure.kind.as_str();
            found.insert((role.id.clone(), kind, low, high, figure.source.clone()));
        }
    }
    let expected: BTreeSet<_> = [
        ("delivery-lead", "average", 99_595, 99_595, "dl-po"),
        ("product-owner", "average", 108_042, 108_042, "dl-po"),
        ("product-manager", "average", 98_439, 98_439, "pm-dm"),
        ("delivery-manager", "average", 66_214, 66_214, "pm-dm"),
        ("product-owner", "range", 95_000, 130_000, "po-pm-guide"),
        ("product-manager", "range", 110_000, 150_000, "po-pm-guide"),
    ]
    .into_iter()
    .map(|(role, kind, low, high, source)| {
        let dollars = roles::model::Money::from_units;
        (
            role.to_string(),
            kind,
            dollars(low),
            dollars(high),
            source.to_string(),
        )
    })
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn project_manager_has_no_salary_because_no_article_gives_one() {
    let data = builtin();
    let project_manager = data.roles.iter().find(|r| r.id == "project-manager");
    assert!(project_manager.is_some_and(|r| r.salary.is_empty()));
}

#[test]
fn the_five_roles_of_the_articles_are_there() {
    let ids: Vec<String> = builtin().roles.iter().map(|r| r.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "product-owner",
            "product-manager",
            "delivery-lead",
            "delivery-manager",
            "project-manager"
        ]
    );
}

#[test]
fn every_role_has_every_section_the_sources_support() {
    for role in &builtin().roles {
        assert!(!role.summary.text.is_empty(), "{}: summary", role.id);
        let sentences = role.summary.text.matches(". ").count() + 1;
        assert!(
            (2..=3).contains(&sentences),
            "{}: summary has {sentences} sentences",
            role.id
        );
        assert!(!role.duties.is_empty(), "{}: duties", role.id);
        assert!(!role.aspects.is_empty(), "{}: aspects", role.id);
        // The essay that covers the project manager names no skill, degree, certification,
        // setting or pay; every other role's articles cover them all.
        if role.id != "project-manager" {
            assert!(!role.skills.is_empty(), "{}: skills", role.id);
            assert!(
                !role.requirements.education.is_empty(),
                "{}: education",
                role.id
            );
            assert!(
                !role.requirements.certifications.is_empty(),
                "{}: certifications",
                role.id
            );
            assert!(!role.environment.is_empty(), "{}: environment", role.id);
            assert!(!role.salary.is_empty(), "{}: salary", role.id);
        }
    }
}

const BUILTIN_YAML: &str = include_str!("../data/roles.yaml");

#[test]
fn the_compiled_in_dataset_is_data_roles_yaml_exactly() {
    let parsed = Dataset::from_yaml(BUILTIN_YAML, "data/roles.yaml")
        .unwrap_or_else(|e| panic!("data/roles.yaml: {e}"));
    assert_eq!(parsed, builtin());
}

#[test]
fn every_listed_source_is_cited_somewhere() {
    let data = builtin();
    let yaml = BUILTIN_YAML;
    for source in &data.sources {
        let roles_part = yaml.split("\nroles:").nth(1).unwrap_or("");
        assert!(
            roles_part.contains(source.id.as_str()),
            "source {} is never cited",
            source.id
        );
        for role in &source.compares {
            assert!(
                data.roles.iter().any(|r| &r.id == role),
                "{} compares unknown {role}",
                source.id
            );
        }
    }
}

#[test]
fn the_certifying_bodies_the_articles_name_are_kept() {
    let data = builtin();
    let certifications: String = data
        .roles
        .iter()
        .flat_map(|r| &r.requirements.certifications)
        .map(|c| c.text.as_str())
        .collect();
    for body in ["PMI", "IAPPM", "ASQ", "CSCMP"] {
        assert!(certifications.contains(body), "{body} missing");
    }
}

#[test]
fn pm_is_an_alias_of_both_product_and_project_manager() {
    let data = builtin();
    let holders: Vec<&str> = data
        .roles
        .iter()
        .filter(|r| r.aliases.iter().any(|a| a == "PM"))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(holders, ["product-manager", "project-manager"]);
}

/// Aspect values, statements and skill notes that are comparisons name a counterpart their own
/// article compares the role with.
#[test]
fn every_contrast_is_measured_against_a_role_its_article_compares() {
    let data = builtin();
    for role in &data.roles {
        let aspects = role
            .aspects
            .iter()
            .map(|a| (a.versus.as_deref(), &a.sources));
        let statements = role
            .duties
            .iter()
            .chain(&role.environment)
            .chain(&role.advice)
            .map(|s| (s.versus.as_deref(), &s.sources));
        let skills = role
            .skills
            .iter()
            .map(|s| (s.versus.as_deref(), &s.sources));
        for (versus, sources) in aspects.chain(statements).chain(skills) {
            let Some(versus) = versus else {
                continue;
            };
            for source in sources {
                let compares = data
                    .source(source)
                    .map(|s| s.compares.clone())
                    .unwrap_or_default();
                assert!(
                    compares.iter().any(|r| r == &role.id) && compares.iter().any(|r| r == versus),
                    "{} vs {versus}: {source} does not compare these two",
                    role.id
                );
            }
        }
    }
}

#[test]
fn compare_never_shows_a_contrast_drawn_against_a_third_role_as_about_the_pair() {
    let data = builtin();
    let args = roles::commands::compare::CompareArgs {
        roles: vec!["product-owner".into(), "product-manager".into()],
        only: Vec::new(),
        full: false,
    };
    let (comparison, _) = roles::commands::compare::compare_roles(&data, &args)
        .unwrap_or_else(|e| panic!("compare: {e}"));
    let shown: Vec<_> = comparison
        .aspects
        .iter()
        .flatten()
        .flat_map(|row| &row.values)
        .collect();
    assert!(shown.iter().all(|v| {
        v.versus
            .as_ref()
            .is_none_or(|r| r.id == "product-owner" || r.id == "product-manager")
    }));
    // The delivery-lead article's "business side" is kept, with its counterpart, apart.
    let others = comparison.other_contrasts.unwrap_or_default();
    assert!(others.iter().any(|c| {
        c.aspect == "orientation"
            && c.value
                .versus
                .as_ref()
                .is_some_and(|r| r.id == "delivery-lead")
    }));
    // Articles that disagree on the product owner's decision authority are both shown.
    let decision: Vec<_> = shown
        .iter()
        .filter(|v| v.role == "product-owner")
        .filter(|v| {
            comparison.aspects.iter().flatten().any(|row| {
                row.id == "decision-authority" && row.values.iter().any(|x| std::ptr::eq(x, **v))
            })
        })
        .collect();
    assert_eq!(decision.len(), 2, "{decision:?}");
}

#[test]
fn the_guides_ranges_state_no_pay_period_and_say_they_are_averages() {
    let data = builtin();
    for role in ["product-owner", "product-manager"] {
        let figure = data
            .roles
            .iter()
            .find(|r| r.id == role)
            .and_then(|r| r.salary.iter().find(|f| f.source == "po-pm-guide"))
            .unwrap_or_else(|| panic!("{role}: no po-pm-guide figure"));
        assert_eq!(figure.period, None, "{role}");
        let note = figure.note.as_deref().unwrap_or_default();
        assert!(
            note.contains("average") && note.contains("illustration"),
            "{note}"
        );
    }
}

/// The articles, when this machine has them (`../shared/seeds`); a clean clone elsewhere skips.
fn articles() -> Option<Vec<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(path).ok()?);
        }
    }
    (!texts.is_empty()).then_some(texts)
}

/// Lower-case words, apostrophes dropped, so punctuation cannot hide a copied run.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn no_run_of_twelve_words_is_copied_from_an_article() {
    const RUN: usize = 12;
    let Some(articles) = articles() else {
        eprintln!("skipped: ../shared/seeds is not on this machine");
        return;
    };
    let runs: std::collections::HashSet<Vec<String>> = articles
        .iter()
        .flat_map(|a| {
            let w = words(a);
            w.windows(RUN).map(<[String]>::to_vec).collect::<Vec<_>>()
        })
        .collect();
    let data = builtin();
    let mut texts: Vec<&str> = Vec::new();
    for role in &data.roles {
        let statements = role.statements();
        texts.extend(statements.map(|s| s.text.as_str()));
        texts.extend(role.skills.iter().map(|s| s.note.as_str()));
        texts.extend(role.aspects.iter().map(|a| a.value.as_str()));
        texts.extend(role.salary.iter().filter_map(|f| f.note.as_deref()));
    }
    let copied: Vec<&str> = texts
        .into_iter()
        .filter(|text| words(text).windows(RUN).any(|w| runs.contains(w)))
        .collect();
    assert!(copied.is_empty(), "copied runs of {RUN} words: {copied:#?}");
}

#[test]
fn no_article_names_a_currency_so_every_figure_says_it_is_inferred() {
    // dl-po and pm-dm print only "$"; po-pm-guide prints "$" for the USA. None says "US dollars".
    for role in &builtin().roles {
        for figure in &role.salary {
            assert!(
                figure
                    .caveats
                    .contains(&roles::model::Caveat::CurrencyInferred),
                "{} {}",
                role.id,
                figure.source
            );
        }
    }
}
