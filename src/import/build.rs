//! Turning O*NET records and OEWS wages into a dataset `--data` reads: one role per occupation,
//! every item cited to its release and dated as O*NET dates it.

use std::collections::{HashMap, HashSet};

use super::oews::{Cell, WageFile, Wages};
use super::onet::{Occupation, Onet, Release};
use crate::figures::format_amount;
use crate::model::{
    Dataset, Headcount, Period, RelatedRole, Requirements, Role, RoleSkill, SalaryFigure,
    SalaryKind, SkillDefinition, SkillKind, Source, Statement,
};
use crate::validate::FORMAT_VERSION;

/// Prefix of skill ids from O*NET, so they never take the place of a built-in skill
/// (`negotiation` there is the articles' sense of the word).
pub const SKILL_PREFIX: &str = "onet-";

/// What to build and from what.
pub struct Build<'a> {
    /// The O*NET records.
    pub onet: &'a Onet,
    /// Its release.
    pub release: &'a Release,
    /// The OEWS wages, if given.
    pub wages: Option<&'a WageFile>,
    /// The occupations to import, in the published order.
    pub occupations: Vec<&'a Occupation>,
    /// Skills rated below this importance are left out (0 keeps every rated skill).
    pub min_importance: f64,
}

/// Counts for the summary line.
#[derive(Debug, Default)]
pub struct Counts {
    /// Occupations imported.
    pub roles: usize,
    /// Task statements imported.
    pub tasks: usize,
    /// Skill ratings imported.
    pub skills: usize,
    /// Occupations with at least one wage figure.
    pub with_wages: usize,
    /// Of those, how many take their figures from the SOC occupation or broad group that
    /// includes them.
    pub wages_from_group: usize,
}

/// The dataset for `build`, and counts of what went in.
pub fn dataset(build: &Build<'_>) -> (Dataset, Counts) {
    let onet_source = onet_source(build.release);
    let wage_source = build.wages.map(wage_source);
    let ids = role_ids(&build.occupations);
    let mut counts = Counts::default();
    let mut used_skills = HashSet::new();
    let mut roles = Vec::with_capacity(build.occupations.len());
    for occupation in &build.occupations {
        let cite = || vec![onet_source.id.clone()];
        let code = occupation.code.as_str();
        let duties = duties(build.onet, code, &cite());
        counts.tasks += duties.len();
        let skills = skills(build, code, &cite());
        counts.skills += skills.len();
        used_skills.extend(skills.iter().map(|s| s.skill.clone()));
        let (salary, from_group) = match (build.wages, &wage_source) {
            (Some(file), Some(source)) => salary(file, code, &source.id),
            _ => (Vec::new(), false),
        };
        let employment = match (build.wages, &wage_source) {
            (Some(file), Some(source)) => employment(file, code, &source.id),
            _ => Vec::new(),
        };
        if !salary.is_empty() {
            counts.with_wages += 1;
            counts.wages_from_group += usize::from(from_group);
        }
        let related = build
            .onet
            .related
            .get(code)
            .into_iter()
            .flatten()
            .filter_map(|(other, tier)| {
                Some(RelatedRole {
                    role: ids.get(other.as_str())?.clone(),
                    tier: tier.clone(),
                    sources: cite(),
                })
            })
            .collect();
        roles.push(Role {
            id: ids.get(code).cloned().unwrap_or_default(),
            name: occupation.title.clone(),
            aliases: aliases(build.onet, occupation),
            summary: Statement::new(occupation.description.clone(), cite()),
            duties,
            requirements: requirements(build.onet, code, &cite()),
            environment: Vec::new(),
            skills,
            salary,
            aspects: Vec::new(),
            related,
            advice: Vec::new(),
            employment,
        });
    }
    counts.roles = roles.len();
    let knowledge_elements = knowledge_elements(build.onet);
    let kind_of = |element: &str| {
        if knowledge_elements.contains(element) {
            SkillKind::Knowledge
        } else {
            SkillKind::Skill
        }
    };
    let mut skill_ids: Vec<(&String, &(String, String))> = build
        .onet
        .skill_names
        .iter()
        .filter(|(element, (name, _))| {
            used_skills.contains(&skill_id(element, name, kind_of(element)))
        })
        .collect();
    skill_ids.sort_by_key(|(element, _)| element_order(element));
    // The built-in vocabulary's skills, by name: an O*NET skill of the same name is linked to
    // it (our judgement, stated in the data as `same_as`), so the two vocabularies meet.
    let builtin = Dataset::builtin().ok();
    let builtin_id = |name: &str| -> Option<String> {
        builtin
            .as_ref()?
            .skills
            .iter()
            .find(|s| s.kind == SkillKind::Skill && s.name.eq_ignore_ascii_case(name))
            .map(|s| s.id.clone())
    };
    let skills = skill_ids
        .into_iter()
        .map(|(element, (name, description))| SkillDefinition {
            id: skill_id(element, name, kind_of(element)),
            name: name.clone(),
            aliases: Vec::new(),
            description: description.clone(),
            kind: kind_of(element),
            same_as: match kind_of(element) {
                SkillKind::Skill => builtin_id(name),
                SkillKind::Knowledge => None,
            },
        })
        .collect();
    let sources = std::iter::once(onet_source).chain(wage_source).collect();
    let dataset = Dataset {
        version: FORMAT_VERSION,
        sources,
        skills,
        themes: Vec::new(),
        aspects: Vec::new(),
        roles,
    };
    (dataset, counts)
}

/// `2.A.1.a` sorts before `2.A.1.b` and `2.A.2.a`, as the Content Model lists them.
fn element_order(element: &str) -> Vec<String> {
    element
        .split('.')
        .map(|part| format!("{part:>4}"))
        .collect()
}

/// The O*NET release as a source, with the attribution its licence requires.
pub fn onet_source(release: &Release) -> Source {
    let number = &release.number;
    let title = format!("O*NET {number} Database");
    Source {
        id: format!("onet-{}", number.replace('.', "-")),
        kind: match &release.date {
            Some(date) => format!("public occupational database, {date} release"),
            None => "public occupational database".to_string(),
        },
        title,
        compares: Vec::new(),
        covers: Some(
            "occupation descriptions, task statements, skill ratings, required education, job \
             zones, alternate titles and related occupations"
                .to_string(),
        ),
        url: Some("https://www.onetcenter.org/database.html".to_string()),
        attribution: Some(format!(
            "This includes information from the O*NET {number} Database by the U.S. Department \
             of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY \
             4.0 license. O*NET® is a trademark of USDOL/ETA. USDOL/ETA has not approved, \
             endorsed, or tested these modifications."
        )),
    }
}

/// The OEWS release as a source (public domain; the citation BLS asks for).
fn wage_source(file: &WageFile) -> Source {
    let citation = format!(
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, {}",
        file.release
    );
    Source {
        id: format!("oews-{}", slug(&file.release)),
        title: format!(
            "Occupational Employment and Wage Statistics, {}",
            file.release
        ),
        kind: "public wage statistics, national estimates".to_string(),
        compares: Vec::new(),
        covers: Some("annual mean, median and percentile wages by occupation".to_string()),
        url: Some("https://www.bls.gov/oes/".to_string()),
        attribution: Some(citation),
    }
}

/// A slug of `text`: lowercase ASCII letters and digits joined by single hyphens, at most 64
/// bytes, cut at a word.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    cut(trimmed, 64).to_string()
}

/// Longest id an occupation gets: short enough to type and to sit in a table column.
pub const ID_LIMIT: usize = 40;

/// A slug of each occupation's title, cut at a word to [`ID_LIMIT`]. Titles whose slugs clash
/// all get their code appended, not only the second one met, so an id depends on the
/// occupation's own title and code alone and stays the same from release to release.
fn role_ids<'a>(occupations: &[&'a Occupation]) -> HashMap<&'a str, String> {
    let short = |title: &str| cut(&slug(title), ID_LIMIT).to_string();
    let mut uses: HashMap<String, usize> = HashMap::new();
    for occupation in occupations {
        *uses.entry(short(&occupation.title)).or_default() += 1;
    }
    let mut ids = HashMap::new();
    for occupation in occupations {
        let mut id = short(&occupation.title);
        if id.is_empty() || uses.get(&id).is_some_and(|n| *n > 1) {
            let code = slug(&occupation.code);
            let head = cut(&id, ID_LIMIT.saturating_sub(code.len() + 1));
            id = slug(&format!("{head} {code}"));
        }
        ids.insert(occupation.code.as_str(), id);
    }
    ids
}

/// `id` cut at a hyphen to at most `limit` bytes.
pub fn cut(id: &str, limit: usize) -> &str {
    if id.len() <= limit {
        return id;
    }
    let head = &id[..limit];
    head.rfind('-').map_or(head, |end| &head[..end])
}

/// The code, then the alternate titles most of O*NET's title sources give, each with its short
/// form (`PM`) when O*NET has one.
fn aliases(onet: &Onet, occupation: &Occupation) -> Vec<String> {
    let mut aliases = vec![occupation.code.clone()];
    let Some(titles) = onet.titles.get(&occupation.code) else {
        return aliases;
    };
    let mut ranked: Vec<_> = titles.iter().enumerate().collect();
    ranked.sort_by(|(i, a), (j, b)| b.source_count.cmp(&a.source_count).then(i.cmp(j)));
    // Every alternate title, the most widely listed first, so any title people use resolves.
    for (_, title) in ranked {
        for alias in std::iter::once(&title.title).chain(&title.short) {
            if !alias.eq_ignore_ascii_case(&occupation.title)
                && !aliases.iter().any(|a| a.eq_ignore_ascii_case(alias))
            {
                aliases.push(alias.clone());
            }
        }
    }
    aliases
}

/// Task statements word for word, core before supplemental, each dated.
fn duties(onet: &Onet, code: &str, cite: &[String]) -> Vec<Statement> {
    let Some(tasks) = onet.tasks.get(code) else {
        return Vec::new();
    };
    let rank = |kind: &str| match kind {
        "Core" => 0,
        "Supplemental" => 1,
        _ => 2,
    };
    let mut ordered: Vec<_> = tasks.iter().collect();
    ordered.sort_by_key(|task| rank(&task.kind));
    ordered
        .into_iter()
        .map(|task| Statement::new(task.text.clone(), cite.to_vec()).dated(task.date.clone()))
        .collect()
}

/// The education shares (largest first) and the job zone's experience and training.
fn requirements(onet: &Onet, code: &str, cite: &[String]) -> Requirements {
    let mut education: Vec<_> = onet.education.get(code).into_iter().flatten().collect();
    education.sort_by(|a, b| {
        let share = |s: &str| s.parse::<f64>().unwrap_or(0.0);
        share(&b.percent).total_cmp(&share(&a.percent))
    });
    let education = education
        .into_iter()
        .map(|share| {
            let mut text = format!("{}: {}% of respondents", share.level, share.percent);
            if share.suppressed {
                // The estimate is kept as published, and so is the flag O*NET puts on it.
                text.push_str(" (O*NET: Recommend Suppress, an estimate of low precision)");
            }
            Statement::new(text, cite.to_vec()).dated(share.date.clone())
        })
        .collect();
    let mut experience = Vec::new();
    if let Some((zone, date)) = onet.zones.get(code) {
        let dated = |text: String| Statement::new(text, cite.to_vec()).dated(date.clone());
        match onet.zone_reference.get(zone) {
            Some(reference) => {
                experience.push(dated(reference.name.clone()));
                for text in [&reference.experience, &reference.training] {
                    if !text.is_empty() {
                        experience.push(dated(text.clone()));
                    }
                }
            }
            None => experience.push(dated(format!("Job Zone {zone}"))),
        }
    }
    Requirements {
        education,
        experience,
        certifications: Vec::new(),
    }
}

/// The vocabulary id of an O*NET skill (`onet-mathematics`) or knowledge area
/// (`onet-knowledge-mathematics`: O*NET has both, with one name).
fn skill_id(element: &str, name: &str, kind: SkillKind) -> String {
    let prefix = match kind {
        SkillKind::Skill => SKILL_PREFIX.to_string(),
        SkillKind::Knowledge => format!("{SKILL_PREFIX}knowledge-"),
    };
    let name_slug = slug(name);
    if name_slug.is_empty() {
        slug(&format!("{prefix}{element}"))
    } else {
        slug(&format!("{prefix}{name_slug}"))
    }
}

/// The elements O*NET rates in its Knowledge file.
fn knowledge_elements(onet: &Onet) -> HashSet<&str> {
    onet.knowledge
        .values()
        .flatten()
        .map(|rating| rating.element.as_str())
        .collect()
}

/// Rated skills, then knowledge areas, at or above the importance threshold (every rating, by
/// default), most important first within each.
fn skills(build: &Build<'_>, code: &str, cite: &[String]) -> Vec<RoleSkill> {
    let mut all = rated(build, code, cite, SkillKind::Skill);
    all.extend(rated(build, code, cite, SkillKind::Knowledge));
    all
}

fn rated(build: &Build<'_>, code: &str, cite: &[String], kind: SkillKind) -> Vec<RoleSkill> {
    let onet = build.onet;
    let scale = |id: &str| {
        onet.scales
            .get(id)
            .map(|(_, max)| format!(" of {max}"))
            .unwrap_or_default()
    };
    let (importance_max, level_max) = (scale("IM"), scale("LV"));
    let ratings = match kind {
        SkillKind::Skill => &onet.skills,
        SkillKind::Knowledge => &onet.knowledge,
    };
    let mut skills: Vec<RoleSkill> = ratings
        .get(code)
        .into_iter()
        .flatten()
        .filter_map(|rating| {
            let importance = rating.importance.as_deref().and_then(|v| v.parse().ok());
            if importance.unwrap_or(0.0) < build.min_importance {
                return None;
            }
            let (name, _) = onet.skill_names.get(&rating.element)?;
            let mut note = Vec::new();
            let flag = |suppressed: bool| {
                if suppressed {
                    " (O*NET: Recommend Suppress)"
                } else {
                    ""
                }
            };
            if let Some(value) = &rating.importance {
                let mark = flag(rating.importance_suppressed);
                note.push(format!("importance {value}{importance_max}{mark}"));
            }
            match (&rating.level, rating.level_not_relevant) {
                (Some(_), true) => note.push("level marked not relevant".to_string()),
                (Some(value), false) => {
                    let mark = flag(rating.level_suppressed);
                    note.push(format!("level {value}{level_max}{mark}"));
                }
                (None, _) => {}
            }
            Some(RoleSkill {
                skill: skill_id(&rating.element, name, kind),
                note: note.join(", "),
                sources: cite.to_vec(),
                importance,
                level: match rating.level_not_relevant {
                    true => None,
                    false => rating.level.as_deref().and_then(|v| v.parse().ok()),
                },
                date: rating.date.clone(),
                versus: None,
            })
        })
        .collect();
    skills.sort_by(|a, b| {
        b.importance
            .unwrap_or(0.0)
            .total_cmp(&a.importance.unwrap_or(0.0))
    });
    skills
}

/// The wage row for an O*NET code: its own SOC code, else the broad group that includes it.
/// Also says, for the figures' notes, when the row is not the occupation's own.
fn wage_row<'a>(file: &'a WageFile, code: &str) -> Option<(&'a Wages, Option<String>)> {
    let soc = code.split('.').next().unwrap_or(code);
    if let Some(row) = file.rows.get(soc) {
        let label = (!code.ends_with(".00"))
            .then(|| format!("which includes O*NET {code}; OEWS does not estimate {code} alone"));
        return Some((row, label));
    }
    let broad = format!("{}0", &soc[..soc.len().saturating_sub(1)]);
    let row = file.rows.get(&broad)?;
    Some((
        row,
        Some(format!(
            "the broad group that includes SOC {soc}; OEWS does not estimate {soc} alone"
        )),
    ))
}

/// Wage estimates named together, with the verb that agrees: (`75th and 90th percentiles`,
/// `are`), (`mean`, `is`), (`median and 90th percentile`, `are`).
fn wage_names(names: &[&str]) -> (String, &'static str) {
    use crate::text::and_list as listed;
    let (percentiles, others): (Vec<&str>, Vec<&str>) =
        names.iter().partition(|n| n.ends_with("th"));
    let percentiles = match percentiles.as_slice() {
        [] => String::new(),
        [one] => format!("{one} percentile"),
        many => format!("{} percentiles", listed(many)),
    };
    let others = listed(&others);
    let text = match (others.is_empty(), percentiles.is_empty()) {
        (false, false) => format!("{others} and the {percentiles}"),
        (false, true) => others,
        _ => percentiles,
    };
    (text, if names.len() == 1 { "is" } else { "are" })
}

/// The employment OEWS counts for the occupation (or the group that includes it), as published.
fn employment(file: &WageFile, code: &str, source: &str) -> Vec<Headcount> {
    let Some((row, label)) = wage_row(file, code) else {
        return Vec::new();
    };
    let Some(count) = row.employment else {
        return Vec::new();
    };
    let mut note = format!("All industries, SOC {} {}", row.code, row.title);
    if let Some(label) = label {
        note.push_str(&format!(", {label}"));
    }
    vec![Headcount {
        count,
        note: Some(note),
        source: source.to_string(),
    }]
}

/// Mean, median, the 10th–90th and 25th–75th percentile ranges (or each percentile alone, when the other
/// is top-coded or not published), where OEWS publishes numbers for them: annual figures, and
/// hourly ones for an occupation OEWS pays by the hour only. Also whether they are a group's
/// that includes the occupation rather than its own.
fn salary(file: &WageFile, code: &str, source: &str) -> (Vec<SalaryFigure>, bool) {
    let Some((row, label)) = wage_row(file, code) else {
        return (Vec::new(), false);
    };
    let from_group = label.is_some();
    let mut figures = Vec::new();
    let periods = [
        (Period::Year, &row.annual, file.top_code, "annual"),
        (Period::Hour, &row.hourly, file.hourly_top_code, "hourly"),
    ];
    for (period, estimates, top_code, adjective) in periods {
        // Hourly figures where they are the only ones: elsewhere they are the annual ones
        // divided by 2,080 hours, and would only repeat them.
        if period == Period::Hour && !row.hourly_only {
            continue;
        }
        let mut gaps = Vec::new();
        let (mut top_coded, mut unpublished) = (Vec::new(), Vec::new());
        for (what, cell) in [
            ("mean", estimates.mean),
            ("median", estimates.median),
            ("10th", estimates.pct10),
            ("25th", estimates.pct25),
            ("75th", estimates.pct75),
            ("90th", estimates.pct90),
        ] {
            match cell {
                Cell::TopCoded => top_coded.push(what),
                Cell::NotAvailable => unpublished.push(what),
                Cell::Amount(_) => {}
            }
        }
        if !top_coded.is_empty() {
            let (what, verb) = wage_names(&top_coded);
            gaps.push(match top_code {
                Some(top) => format!(
                    "the {what} {verb} at or above {}, the highest {adjective} wage OEWS publishes",
                    format_amount(top, "USD")
                ),
                None => format!("the {what} {verb} at or above the highest wage OEWS publishes"),
            });
        }
        if !unpublished.is_empty() {
            let (what, _) = wage_names(&unpublished);
            gaps.push(format!("OEWS publishes no {adjective} {what}"));
        }
        if row.hourly_only {
            gaps.push("OEWS releases only hourly wages for this occupation".to_string());
        }
        if row.annual_only {
            gaps.push("OEWS releases only annual wages for this occupation".to_string());
        }
        let note = |what: &str| {
            let mut text = format!("{what}All industries, SOC {} {}", row.code, row.title);
            if let Some(label) = &label {
                text.push_str(&format!(", {label}"));
            }
            for gap in &gaps {
                text.push_str(&format!("; {gap}"));
            }
            text
        };
        let figure = |kind, amount, (min, max), percentile, note: String| SalaryFigure {
            kind,
            amount,
            min,
            max,
            percentile,
            percentiles: None,
            currency: "USD".to_string(),
            period: Some(period),
            region: Some("USA".to_string()),
            note: Some(note),
            caveats: Vec::new(),
            method: Some("BLS OEWS national estimate".to_string()),
            source: source.to_string(),
        };
        if let Cell::Amount(mean) = estimates.mean {
            figures.push(figure(
                SalaryKind::Average,
                Some(mean),
                (None, None),
                None,
                note(""),
            ));
        }
        if let Cell::Amount(median) = estimates.median {
            figures.push(figure(
                SalaryKind::Median,
                Some(median),
                (None, None),
                None,
                note(""),
            ));
        }
        // Each pair of percentiles is a range; where one end is `#` or `*`, the other is kept
        // alone, as its own cell is a number.
        let pairs = [
            ([10, 90], estimates.pct10, estimates.pct90),
            ([25, 75], estimates.pct25, estimates.pct75),
        ];
        for (percentiles, low, high) in pairs {
            match (low, high) {
                (Cell::Amount(low), Cell::Amount(high)) => figures.push(SalaryFigure {
                    percentiles: Some(percentiles),
                    ..figure(
                        SalaryKind::Range,
                        None,
                        (Some(low), Some(high)),
                        None,
                        note(""),
                    )
                }),
                (low, high) => {
                    for (number, cell) in [(percentiles[0], low), (percentiles[1], high)] {
                        if let Cell::Amount(amount) = cell {
                            figures.push(figure(
                                SalaryKind::Percentile,
                                Some(amount),
                                (None, None),
                                Some(number),
                                note(""),
                            ));
                        }
                    }
                }
            }
        }
    }
    (figures, from_group)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::oews::Estimates;
    use crate::model::Money;

    #[test]
    fn wage_names_read_as_one_phrase() {
        assert_eq!(wage_names(&["mean"]), ("mean".to_string(), "is"));
        assert_eq!(
            wage_names(&["75th", "90th"]),
            ("75th and 90th percentiles".to_string(), "are")
        );
        assert_eq!(
            wage_names(&["median", "10th", "25th", "90th"]),
            (
                "median and the 10th, 25th and 90th percentiles".to_string(),
                "are"
            )
        );
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        assert_eq!(
            cut("first-line-supervisors-of-landscaping", 20),
            "first-line"
        );
        assert_eq!(cut("short", 20), "short");
    }

    #[test]
    fn elements_sort_as_the_content_model_lists_them() {
        let mut ids = vec!["2.A.2.a", "2.B.10.a", "2.A.1.b", "2.B.2.a", "2.A.1.a"];
        ids.sort_by_key(|id| element_order(id));
        assert_eq!(
            ids,
            ["2.A.1.a", "2.A.1.b", "2.A.2.a", "2.B.2.a", "2.B.10.a"]
        );
    }

    #[test]
    fn a_top_coded_or_missing_wage_is_never_a_number() {
        let mut file = WageFile {
            release: "May 2024".into(),
            top_code: Some(Money::from_units(239_200)),
            hourly_top_code: None,
            rows: HashMap::new(),
        };
        file.rows.insert(
            "29-1211".into(),
            Wages {
                code: "29-1211".into(),
                title: "Anesthesiologists".into(),
                annual: Estimates {
                    mean: Cell::Amount(Money::from_units(336_640)),
                    median: Cell::TopCoded,
                    pct10: Cell::Amount(Money::from_units(124_450)),
                    pct25: Cell::Amount(Money::from_units(231_280)),
                    pct75: Cell::TopCoded,
                    pct90: Cell::TopCoded,
                },
                ..Wages::default()
            },
        );
        let (figures, from_group) = salary(&file, "29-1211.00", "oews");
        assert!(!from_group);
        // The mean, and the 10th and 25th percentiles alone: their own cells are numbers.
        assert_eq!(figures.len(), 3, "{figures:?}");
        assert_eq!(figures[0].amount, Some(Money::from_units(336_640)));
        assert_eq!(figures[1].kind, SalaryKind::Percentile);
        assert_eq!(figures[1].percentile, Some(10));
        assert_eq!(figures[1].amount, Some(Money::from_units(124_450)));
        assert_eq!(figures[2].percentile, Some(25));
        assert_eq!(figures[2].amount, Some(Money::from_units(231_280)));
        let note = figures[0].note.clone().unwrap_or_default();
        assert!(
            note.contains("the median and the 75th and 90th percentiles are at or above $239,200"),
            "{note}"
        );
        assert!(salary(&file, "29-1299.00", "oews").0.is_empty());
    }

    #[test]
    fn a_code_without_its_own_row_takes_the_broad_group_clearly_labelled() {
        let mut file = WageFile::default();
        file.rows.insert(
            "13-1020".into(),
            Wages {
                code: "13-1020".into(),
                title: "Buyers and Purchasing Agents".into(),
                annual: Estimates {
                    median: Cell::Amount(Money::from_units(71_950)),
                    ..Estimates::default()
                },
                ..Wages::default()
            },
        );
        let (figures, from_group) = salary(&file, "13-1021.00", "oews");
        assert!(from_group);
        let note = figures[0].note.clone().unwrap_or_default();
        assert!(
            note.contains("SOC 13-1020 Buyers and Purchasing Agents, the broad group that includes SOC 13-1021"),
            "{note}"
        );
    }
}
