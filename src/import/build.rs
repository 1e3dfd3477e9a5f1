//! Turning O*NET records and OEWS wages into a dataset `--data` reads: one role per occupation,
//! every item cited to its release and dated as O*NET dates it.

use std::collections::{HashMap, HashSet};

use super::ids::{role_ids, slug};
use super::oews::WageFile;
use super::onet::{Occupation, Onet, Release};
use super::pay::{employment, salary};
use super::ratings::{knowledge_elements, skill_id, skills};
use crate::model::{
    Dataset, RelatedRole, Requirements, Role, SkillDefinition, SkillKind, Source, Statement,
};
use crate::validate::FORMAT_VERSION;

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
        let sources = Cited {
            onet: &onet_source.id,
            wages: build.wages.zip(wage_source.as_ref().map(|s| s.id.as_str())),
        };
        let role = role(build, occupation, &ids, &sources, &mut counts);
        used_skills.extend(role.skills.iter().map(|s| s.skill.clone()));
        roles.push(role);
    }
    counts.roles = roles.len();
    let skills = vocabulary(build, &used_skills);
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

/// The sources an occupation's items cite: the O*NET release, and the wage file if given.
struct Cited<'a> {
    onet: &'a str,
    wages: Option<(&'a WageFile, &'a str)>,
}

/// One occupation as a role, its tasks, ratings and wages counted into `counts`.
fn role(
    build: &Build<'_>,
    occupation: &Occupation,
    ids: &HashMap<&str, String>,
    sources: &Cited<'_>,
    counts: &mut Counts,
) -> Role {
    let cite = || vec![sources.onet.to_string()];
    let code = occupation.code.as_str();
    let duties = duties(build.onet, code, &cite());
    counts.tasks += duties.len();
    let skills = skills(build.onet, build.min_importance, code, &cite());
    counts.skills += skills.len();
    let (salary, from_group) = match sources.wages {
        Some((file, source)) => salary(file, code, source),
        None => (Vec::new(), false),
    };
    let employment = match sources.wages {
        Some((file, source)) => employment(file, code, source),
        None => Vec::new(),
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
    Role {
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
    }
}

/// The skill and knowledge vocabulary the imported roles use, in the Content Model's order.
fn vocabulary(build: &Build<'_>, used_skills: &HashSet<String>) -> Vec<SkillDefinition> {
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
    skill_ids
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
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_sort_as_the_content_model_lists_them() {
        let mut ids = vec!["2.A.2.a", "2.B.10.a", "2.A.1.b", "2.B.2.a", "2.A.1.a"];
        ids.sort_by_key(|id| element_order(id));
        assert_eq!(
            ids,
            ["2.A.1.a", "2.A.1.b", "2.A.2.a", "2.B.2.a", "2.B.10.a"]
        );
    }
}
