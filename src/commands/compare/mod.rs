//! `roles compare ROLE ROLE [ROLE…]`: roles side by side, sections and aspects as rows.

use crate::complete::role_candidates;
use anyhow::bail;
use clap::ValueEnum;
use clap_complete::engine::ArgValueCandidates;
use serde::Serialize;

use super::show::cited_sources;
use super::{Resolved, RoleRef, resolve_roles};
use crate::figures::{SalaryDifference, salary_differences};
use crate::model::{AspectValue, Dataset, Requirements, Role, SalaryFigure, Source, Statement};

/// Arguments of `roles compare`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// Two or more role ids, names or aliases; the first is the baseline for pay differences.
    #[arg(
        value_name = "ROLE",
        required = true,
        num_args = 2..,
        add = ArgValueCandidates::new(role_candidates)
    )]
    pub roles: Vec<String>,
    /// Show only these sections (comma-separated), e.g. `--only skills,salary`.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTIONS")]
    pub only: Vec<Section>,
    /// Show every section side by side, not the one-screen digest of the differences. JSON,
    /// CSV, Markdown and YAML always carry everything.
    #[arg(long, conflicts_with = "only")]
    pub full: bool,
}

/// The parts of a comparison that `--only` can pick.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The two-or-three-sentence summaries.
    Summary,
    /// What each role does.
    Duties,
    /// Education, experience and certifications.
    Requirements,
    /// Where and how each role works.
    Environment,
    /// Skills, marked as shared by all or held by some.
    Skills,
    /// Salary figures and the differences between them.
    Salary,
    /// The contrasts the articles draw: focus, time horizon, decision authority …
    #[value(alias = "contrasts")]
    Aspects,
    /// The roles a source names as related (`show` only; O*NET's related occupations).
    Related,
}

/// Roles side by side. Per-role parts live in `roles`; cross-role rows in `skills` and `aspects`.
/// A part left out by `--only` is absent.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    /// The compared roles, in the order given; the first is the pay baseline.
    pub roles: Vec<ComparedRole>,
    /// One row per skill any compared role needs, shared-by-all first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<Vec<SkillRow>>,
    /// The contrasts the articles draw between the compared roles, one row per aspect: values
    /// stated of a role alone or against another compared role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspects: Option<Vec<AspectRow>>,
    /// Contrasts of the compared roles stated against a role not compared here; shown with
    /// their counterpart, never as if about these roles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_contrasts: Option<Vec<OtherContrast>>,
    /// Each later role's pay against the first role's, where figures are comparable.
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
    fn statements(&self) -> Vec<(&'static str, &[Statement])> {
        let mut sections: Vec<(&'static str, &[Statement])> = Vec::new();
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
        sections
    }
}

/// One compared role's own sections.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ComparedRole {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the role is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Statement>,
    /// What it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duties: Option<Vec<Statement>>,
    /// What it asks of a person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirements: Option<Requirements>,
    /// Where and how it works.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Vec<Statement>>,
    /// Its salary figures; empty when no source gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<Vec<SalaryFigure>>,
}

/// A skill across the compared roles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillRow {
    /// Vocabulary id.
    pub id: String,
    /// Vocabulary name.
    pub name: String,
    /// True when every compared role needs it.
    pub shared_by_all: bool,
    /// Ids of the roles that need it.
    pub held_by: Vec<String>,
    /// What the sources say of it for each role that needs it, in the order the roles were
    /// given.
    pub notes: Vec<RoleNote>,
}

/// What the sources say of a skill for one role.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleNote {
    /// Role id.
    pub role: String,
    /// What the sources say.
    pub text: String,
    /// Source ids.
    pub sources: Vec<String>,
}

impl SkillRow {
    /// The note for role `id`, if it needs the skill.
    pub fn note(&self, id: &str) -> Option<&RoleNote> {
        self.notes.iter().find(|n| n.role == id)
    }
}

/// An aspect across the compared roles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AspectRow {
    /// Aspect id.
    pub id: String,
    /// Aspect name.
    pub name: String,
    /// Every value that holds for this comparison, in the order of the roles given; two values
    /// for one role are two articles that disagree.
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

/// A contrast of a compared role drawn against a role outside the comparison.
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
    /// Every honest difference; empty when no figures are comparable.
    pub differences: Vec<SalaryDifference>,
}

/// Compares the roles `args.roles` name.
pub fn compare_roles<'a>(
    dataset: &'a Dataset,
    args: &CompareArgs,
) -> anyhow::Result<(Comparison, Resolved<'a>)> {
    let resolved = resolve_roles(dataset, &args.roles)?;
    if resolved.roles.len() < 2 {
        bail!(
            "compare needs two different roles; all the names given are {}",
            resolved.roles.first().map_or("none", |r| r.id.as_str())
        );
    }
    if args.only.contains(&Section::Related) {
        return Err(crate::UsageError(
            "compare has no related section; `roles show ROLE --only related` lists a role's related roles"
                .into(),
        )
        .into());
    }
    let wants = |section| args.only.is_empty() || args.only.contains(&section);
    let (aspects, other_contrasts) = contrasts(dataset, &resolved.roles);
    let roles = &resolved.roles;
    let comparison = Comparison {
        roles: roles
            .iter()
            .map(|role| ComparedRole {
                id: role.id.clone(),
                name: role.name.clone(),
                summary: wants(Section::Summary).then(|| role.summary.clone()),
                duties: wants(Section::Duties).then(|| role.duties.clone()),
                requirements: wants(Section::Requirements).then(|| role.requirements.clone()),
                environment: wants(Section::Environment).then(|| role.environment.clone()),
                salary: wants(Section::Salary).then(|| role.salary.clone()),
            })
            .collect(),
        skills: wants(Section::Skills).then(|| skill_rows(dataset, roles)),
        aspects: wants(Section::Aspects).then_some(aspects),
        other_contrasts: wants(Section::Aspects).then_some(other_contrasts),
        salary_differences: wants(Section::Salary).then(|| pay_differences(roles)),
        sources: cited_sources(dataset, roles),
        full: args.full || !args.only.is_empty(),
    };
    Ok((comparison, resolved))
}

/// Skills any role needs: shared-by-all first, then by how many need them, then vocabulary order.
fn skill_rows(dataset: &Dataset, roles: &[&Role]) -> Vec<SkillRow> {
    let mut rows: Vec<SkillRow> = dataset
        .skills
        .iter()
        .filter_map(|skill| {
            let notes: Vec<RoleNote> = roles
                .iter()
                .filter_map(|role| {
                    role.skill(&skill.id).map(|s| RoleNote {
                        role: role.id.clone(),
                        text: s.note.clone(),
                        sources: s.sources.clone(),
                    })
                })
                .collect();
            let held_by: Vec<String> = notes.iter().map(|n| n.role.clone()).collect();
            (!held_by.is_empty()).then(|| SkillRow {
                id: skill.id.clone(),
                name: skill.name.clone(),
                shared_by_all: held_by.len() == roles.len(),
                held_by,
                notes,
            })
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.held_by.len()));
    rows
}

/// The compared roles' aspect values split in two: those that hold for this comparison (stated
/// of a role alone, or against another compared role) by aspect, and those stated against a role
/// not compared here.
fn contrasts(dataset: &Dataset, roles: &[&Role]) -> (Vec<AspectRow>, Vec<OtherContrast>) {
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
            let compared: Vec<&str> = roles
                .iter()
                .filter(|r| r.id != role.id)
                .map(|r| r.id.as_str())
                .collect();
            for value in role.aspect_values(&aspect.id) {
                if value.applies_among(&compared) {
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
    // Contrasts drawn between the compared roles lead; values stated of one role alone follow.
    rows.sort_by_key(|row| !row.values.iter().any(|v| v.versus.is_some()));
    (rows, others)
}

fn pay_differences(roles: &[&Role]) -> Vec<PayDifference> {
    let Some((baseline, others)) = roles.split_first() else {
        return Vec::new();
    };
    others
        .iter()
        .map(|role| PayDifference {
            role: RoleRef::from(*role),
            baseline: RoleRef::from(*baseline),
            differences: salary_differences(&role.salary, &baseline.salary),
        })
        .collect()
}

mod layout;
