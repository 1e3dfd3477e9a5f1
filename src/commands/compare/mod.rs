//! `roles compare ROLE ROLE [ROLE…]`: roles side by side, sections and aspects as rows.

use crate::complete::role_candidates;
use anyhow::bail;
use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use super::sources::cited_sources;
use super::{Resolved, RoleRef, Section, resolve_roles};
use crate::figures::{SalaryDifference, salary_differences};
use crate::model::{AspectValue, Dataset, Role, SalaryFigure, Source, Statement};

/// Arguments of `roles compare`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// Two or more role ids, names or aliases; the first is the baseline for pay differences.
    #[arg(
        value_name = "ROLE",
        required = true,
        num_args = 2..,
        add = ArgValueCompleter::new(role_candidates)
    )]
    pub roles: Vec<String>,
    /// Show only these sections (comma-separated), e.g. --only skills,salary.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTIONS")]
    pub only: Vec<Section>,
    /// Show every section side by side, not the digest of the differences. JSON,
    /// CSV, Markdown and YAML always carry everything.
    #[arg(long, conflicts_with = "only")]
    pub full: bool,
}

impl crate::commands::Run for CompareArgs {
    fn run(&self, context: &mut crate::commands::Context) -> anyhow::Result<Outcome> {
        let need = Need::roles_named_by(&self.roles);
        let ((view, mut notices), taken) =
            context.answer_naming(&self.roles, false, &need, |data, words| {
                let args = CompareArgs {
                    roles: words.to_vec(),
                    ..self.clone()
                };
                compare_roles(data, &args).map(|(view, resolved)| (view, resolved.notices))
            })?;
        notices.splice(0..0, taken);
        context.emit(&view, &notices)
    }
}

/// Roles side by side, scoped to the evidence: what the articles comparing these roles say
/// leads, and what other articles say of one role alone is kept apart and labelled. Per-role
/// parts live in `roles`; cross-role rows in `skills` and `aspects`. A part left out by
/// `--only` is absent.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    /// The compared roles, in the order given; the first is the pay baseline.
    pub roles: Vec<ComparedRole>,
    /// The articles that compare two of the compared roles; empty when none does, and then
    /// nothing below is a contrast between them.
    pub evidence: Vec<PairEvidence>,
    /// One row per skill any compared role has, each note scoped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<Vec<SkillRow>>,
    /// Per comparing article: the skills it names for both of its roles, and for one alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills_by_article: Option<Vec<ArticleSkills>>,
    /// Ratings on one source's scale (O*NET importance and level), largest differences first;
    /// absent when the roles are not rated by one source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings: Option<RatedComparison>,
    /// The contrasts the comparing articles draw between the compared roles, one row per
    /// aspect; two values for one role are two articles that disagree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspects: Option<Vec<AspectRow>>,
    /// Every other aspect value of the compared roles: said in another article, against
    /// another role (or of the role alone); shown with its counterpart, never as a contrast of
    /// these roles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_contrasts: Option<Vec<OtherContrast>>,
    /// Each later role's pay against the first role's, like for like only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary_differences: Option<Vec<PayDifference>>,
    /// The sources cited by the compared roles.
    pub sources: Vec<Source>,
    /// Whether the table shows every section rather than the digest.
    #[serde(skip)]
    pub full: bool,
}

impl ComparedRole {
    /// The role's own statement sections that were asked for, in display order.
    fn statements(&self) -> Vec<(&'static str, &[ScopedStatement])> {
        let mut sections: Vec<(&'static str, &[ScopedStatement])> = Vec::new();
        if let Some(summary) = &self.summary {
            sections.push(("Summary", std::slice::from_ref(summary)));
        }
        if let Some(duties) = &self.duties {
            sections.push(("Duties", duties));
        }
        if let Some(requirements) = &self.requirements {
            sections.push(("Education", &requirements.education));
            sections.push(("Experience", &requirements.experience));
            sections.push(("Certifications", &requirements.certifications));
        }
        if let Some(environment) = &self.environment {
            sections.push(("Environment", environment));
        }
        if let Some(advice) = self.advice.as_ref().filter(|a| !a.is_empty()) {
            sections.push(("Advice", advice));
        }
        sections
    }
}

/// One compared role's own sections, every item scoped.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ComparedRole {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the role is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<ScopedStatement>,
    /// What it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duties: Option<Vec<ScopedStatement>>,
    /// What it asks of a person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirements: Option<ScopedRequirements>,
    /// Where and how it works.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Vec<ScopedStatement>>,
    /// What an article recommends for the role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<Vec<ScopedStatement>>,
    /// Its salary figures, each scoped; empty when no source gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<Vec<ScopedFigure>>,
}

/// A salary figure with how it bears on the comparison.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScopedFigure {
    /// The figure as the dataset holds it.
    #[serde(flatten)]
    pub figure: SalaryFigure,
    /// Whether a comparing article gives it, and against whom.
    pub scope: Scope,
}

/// A statement with how it bears on the comparison.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScopedStatement {
    /// The statement as the dataset holds it.
    #[serde(flatten)]
    pub statement: Statement,
    /// Whether a comparing article says it, and against whom it was said.
    pub scope: Scope,
}

/// Education, experience and certifications, every item scoped.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScopedRequirements {
    /// Degrees.
    pub education: Vec<ScopedStatement>,
    /// Prior work.
    pub experience: Vec<ScopedStatement>,
    /// Certifications.
    pub certifications: Vec<ScopedStatement>,
}

/// A skill across the compared roles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillRow {
    /// Vocabulary id.
    pub id: String,
    /// Vocabulary name.
    pub name: String,
    /// What each article says of it for each role, in the order the roles were given.
    pub notes: Vec<RoleNote>,
}

/// What one article (or group of articles) says of a skill for one role.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleNote {
    /// Role id.
    pub role: String,
    /// The skill id the role's source uses, when it is not the row's own but linked to it by
    /// `same_as` (O*NET's `onet-negotiation` on the row of `negotiation`): our link, not theirs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_from: Option<String>,
    /// What the sources say.
    pub text: String,
    /// Source ids.
    pub sources: Vec<String>,
    /// The role the note is stated in contrast to, when it is a comparison.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus: Option<RoleRef>,
    /// Whether a comparing article says it, and against whom it was said.
    pub scope: Scope,
}

/// The skills one comparing article names for the two roles it compares.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ArticleSkills {
    /// Source id.
    pub source: String,
    /// Skills (ids) it names for both roles.
    pub both: Vec<String>,
    /// Per role, the skills (ids) it names for that role and not the other.
    pub only: Vec<RoleSkills>,
}

/// Skill ids for one role.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleSkills {
    /// The role.
    pub role: RoleRef,
    /// Skill ids.
    pub skills: Vec<String>,
}

/// An aspect across the compared roles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AspectRow {
    /// Aspect id.
    pub id: String,
    /// Aspect name.
    pub name: String,
    /// Every value a comparing article gives, in the order of the roles given; two values for
    /// one role are two articles that disagree.
    pub values: Vec<ContrastValue>,
}

/// One role's value on an aspect, with what it is measured against.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ContrastValue {
    /// The role the value is about.
    pub role: String,
    /// The role it is stated in contrast to, when the article states it as a comparison.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus: Option<RoleRef>,
    /// The value.
    pub text: String,
    /// Source ids.
    pub sources: Vec<String>,
}

/// An aspect value of a compared role said elsewhere: against a role not compared here, or of
/// the role alone.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OtherContrast {
    /// Aspect id (`id`, as in the aspect rows).
    #[serde(rename = "id")]
    pub aspect: String,
    /// Aspect name.
    pub name: String,
    /// The value, with its counterpart.
    #[serde(flatten)]
    pub value: ContrastValue,
}

/// One role's pay against the baseline role's.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PayDifference {
    /// The role compared.
    pub role: RoleRef,
    /// The first role given.
    pub baseline: RoleRef,
    /// Every like-for-like difference; empty when no pair of figures is comparable.
    pub differences: Vec<SalaryDifference>,
    /// Why no difference is computed, when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_computed: Option<String>,
}

/// Compares the roles `args.roles` name.
pub fn compare_roles<'a>(
    dataset: &'a Dataset,
    args: &CompareArgs,
) -> anyhow::Result<(Comparison, Resolved<'a>)> {
    let queries = super::role_queries(dataset, &args.roles, super::RoleCount::AtLeast(2))?;
    let resolved = resolve_roles(dataset, &queries)?;
    if resolved.roles.len() < 2 {
        bail!(
            "compare needs two different roles; all the names given are {}",
            resolved.roles.first().map_or("none", |r| r.id.as_str())
        );
    }
    if args.only.contains(&Section::Related) {
        return Err(crate::outcome::UsageError(
            "compare has no related section; `roles show ROLE --only related` lists a role's related roles"
                .into(),
        )
        .into());
    }
    let wants = |section| args.only.is_empty() || args.only.contains(&section);
    let roles = &resolved.roles;
    let scoper = Scoper::new(dataset, roles);
    let (aspects, other_contrasts) = contrasts(dataset, &scoper, roles);
    let skills = skill_rows(dataset, &scoper, roles);
    let evidence = scoper.evidence();
    let comparison = Comparison {
        roles: roles
            .iter()
            .map(|role| {
                let scoped = |items: &[Statement]| scoped_statements(&scoper, role, items);
                let requirements = &role.requirements;
                ComparedRole {
                    id: role.id.clone(),
                    name: role.name.clone(),
                    summary: wants(Section::Summary)
                        .then(|| scoped(std::slice::from_ref(&role.summary)).remove(0)),
                    duties: wants(Section::Duties).then(|| scoped(&role.duties)),
                    requirements: wants(Section::Requirements).then(|| ScopedRequirements {
                        education: scoped(&requirements.education),
                        experience: scoped(&requirements.experience),
                        certifications: scoped(&requirements.certifications),
                    }),
                    environment: wants(Section::Environment).then(|| scoped(&role.environment)),
                    advice: wants(Section::Advice).then(|| scoped(&role.advice)),
                    salary: wants(Section::Salary).then(|| {
                        role.salary
                            .iter()
                            .map(|figure| ScopedFigure {
                                scope: scoper.scope(
                                    &role.id,
                                    std::slice::from_ref(&figure.source),
                                    None,
                                ),
                                figure: figure.clone(),
                            })
                            .collect()
                    }),
                }
            })
            .collect(),
        skills_by_article: wants(Section::Skills).then(|| skills_by_article(&evidence, &skills)),
        ratings: wants(Section::Skills)
            .then(|| ratings::rated_comparison(dataset, roles))
            .flatten(),
        skills: wants(Section::Skills).then_some(skills),
        aspects: wants(Section::Aspects).then_some(aspects),
        other_contrasts: wants(Section::Aspects).then_some(other_contrasts),
        salary_differences: wants(Section::Salary).then(|| pay_differences(roles)),
        evidence,
        sources: cited_sources(dataset, roles),
        full: args.full || !args.only.is_empty(),
    };
    Ok((comparison, resolved))
}

fn scoped_statements(scoper: &Scoper, role: &Role, items: &[Statement]) -> Vec<ScopedStatement> {
    items
        .iter()
        .map(|statement| ScopedStatement {
            scope: scoper.scope(&role.id, &statement.sources, statement.versus.as_deref()),
            statement: statement.clone(),
        })
        .collect()
}

/// Skills any role has, in vocabulary order, each article's note apart and scoped.
/// A skill linked to another vocabulary's (`same_as`) shares its row: O*NET's Negotiation
/// rating sits beside an article's note on negotiation.
fn skill_rows(dataset: &Dataset, scoper: &Scoper, roles: &[&Role]) -> Vec<SkillRow> {
    dataset
        .skills
        .iter()
        .filter(|skill| dataset.skill_root(&skill.id) == skill.id)
        .filter_map(|skill| {
            let notes: Vec<RoleNote> = roles
                .iter()
                .flat_map(|role| {
                    role.skills
                        .iter()
                        .filter(|s| dataset.skill_root(&s.skill) == skill.id)
                        .map(|s| RoleNote {
                            role: role.id.clone(),
                            linked_from: (s.skill != skill.id).then(|| s.skill.clone()),
                            text: s.note.clone(),
                            sources: s.sources.clone(),
                            versus: s.versus.as_deref().map(|id| RoleRef::by_id(dataset, id)),
                            scope: scoper.scope(&role.id, &s.sources, s.versus.as_deref()),
                        })
                })
                .collect();
            (!notes.is_empty()).then(|| SkillRow {
                id: skill.id.clone(),
                name: skill.name.clone(),
                notes,
            })
        })
        .collect()
}

/// For each comparing article, the skills it names for both of its roles and for one alone.
fn skills_by_article(evidence: &[PairEvidence], skills: &[SkillRow]) -> Vec<ArticleSkills> {
    evidence
        .iter()
        .map(|article| {
            let named_for = |role: &RoleRef, skill: &SkillRow| {
                skill.notes.iter().any(|note| {
                    note.role == role.id && note.scope.compared_by.contains(&article.source)
                })
            };
            let ids = |keep: &dyn Fn(&SkillRow) -> bool| -> Vec<String> {
                skills
                    .iter()
                    .filter(|s| keep(s))
                    .map(|s| s.id.clone())
                    .collect()
            };
            let both = ids(&|s| article.roles.iter().all(|role| named_for(role, s)));
            let only = article
                .roles
                .iter()
                .map(|role| RoleSkills {
                    role: role.clone(),
                    skills: ids(&|s| {
                        named_for(role, s)
                            && article
                                .roles
                                .iter()
                                .filter(|other| other.id != role.id)
                                .all(|other| !named_for(other, s))
                    }),
                })
                .collect();
            ArticleSkills {
                source: article.source.clone(),
                both,
                only,
            }
        })
        .collect()
}

/// The compared roles' aspect values split in two: the contrasts a comparing article draws
/// between compared roles, by aspect, and every other value, kept apart with its counterpart.
fn contrasts(
    dataset: &Dataset,
    scoper: &Scoper,
    roles: &[&Role],
) -> (Vec<AspectRow>, Vec<OtherContrast>) {
    let value_of = |role: &Role, value: &AspectValue| ContrastValue {
        role: role.id.clone(),
        versus: value
            .versus
            .as_deref()
            .map(|id| RoleRef::by_id(dataset, id)),
        text: value.value.clone(),
        sources: value.sources.clone(),
    };
    let mut rows = Vec::new();
    let mut others = Vec::new();
    for aspect in &dataset.aspects {
        let mut values = Vec::new();
        for role in roles {
            for value in role.aspect_values(&aspect.id) {
                let scope = scoper.scope(&role.id, &value.sources, value.versus.as_deref());
                // A contrast is a value stated against a compared role by a comparing article.
                if value.versus.is_some() && scope.in_comparison() {
                    values.push(value_of(role, value));
                } else {
                    others.push(OtherContrast {
                        aspect: aspect.id.clone(),
                        name: aspect.name.clone(),
                        value: value_of(role, value),
                    });
                }
            }
        }
        if !values.is_empty() {
            rows.push(AspectRow {
                id: aspect.id.clone(),
                name: aspect.name.clone(),
                values,
            });
        }
    }
    (rows, others)
}

fn pay_differences(roles: &[&Role]) -> Vec<PayDifference> {
    let Some((baseline, others)) = roles.split_first() else {
        return Vec::new();
    };
    others
        .iter()
        .map(|role| {
            let differences = salary_differences(&role.salary, &baseline.salary);
            let not_computed = differences
                .is_empty()
                .then(|| why_no_difference(role, baseline));
            PayDifference {
                role: RoleRef::from(*role),
                baseline: RoleRef::from(*baseline),
                differences,
                not_computed,
            }
        })
        .collect()
}

/// Why no pair of the two roles' figures can be subtracted, in a phrase.
fn why_no_difference(role: &Role, baseline: &Role) -> String {
    let no_figure = |r: &Role| format!("no source gives a figure for the {}", r.name);
    if role.salary.is_empty() {
        return no_figure(role);
    }
    if baseline.salary.is_empty() {
        return no_figure(baseline);
    }
    // The reason of the closest pair: one that differs only in where it comes from, if any.
    let reasons: Vec<&str> = role
        .salary
        .iter()
        .flat_map(|f| {
            baseline
                .salary
                .iter()
                .filter_map(|b| f.incomparable_with(b))
        })
        .collect();
    reasons
        .iter()
        .find(|r| r.contains("different sources"))
        .or_else(|| reasons.first())
        .map_or_else(
            || "no two figures are comparable".to_string(),
            |r| r.to_string(),
        )
}

mod cells;
mod digest;
mod full;
mod ratings;
mod records;
mod scope;

use crate::load::need::Need;
use crate::outcome::Outcome;
pub use ratings::{RatedComparison, RatingDifference, RoleRating};
use scope::Scoper;
pub use scope::{Counterpart, PairEvidence, Scope};
