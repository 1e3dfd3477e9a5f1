//! `roles compare ROLE ROLE [ROLE…]`: roles side by side, sections and aspects as rows.

use std::collections::BTreeMap;

use anyhow::bail;
use clap::ValueEnum;
use serde::Serialize;

use super::show::{cited_sources, source_lines};
use super::{NO_SALARY, NOT_STATED, Resolved, RoleRef, bullets, resolve_roles};
use crate::figures::{SalaryDifference, describe_figure, salary_differences};
use crate::model::{Dataset, Requirements, Role, SalaryFigure, Source, Statement};
use crate::view::{Block, Grid, Records, Report, View, cite};

/// Arguments of `roles compare`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// Two or more role ids, names or aliases; the first is the baseline for pay differences.
    #[arg(value_name = "ROLE", required = true, num_args = 2..)]
    pub roles: Vec<String>,
    /// Show only these sections (comma-separated), e.g. `--only skills,salary`.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTIONS")]
    pub only: Vec<Section>,
}

/// The parts of a comparison that `--only` can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum, Serialize)]
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
    /// The contrasted aspects: focus, time horizon, decision authority …
    Aspects,
}

/// Roles side by side. Per-role parts live in `roles`; cross-role rows in `skills` and `aspects`.
/// A part left out by `--only` is absent.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The compared roles, in the order given; the first is the pay baseline.
    pub roles: Vec<ComparedRole>,
    /// One row per skill any compared role needs, shared-by-all first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<Vec<SkillRow>>,
    /// One row per aspect any compared role has a value for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspects: Option<Vec<AspectRow>>,
    /// Each later role's pay against the first role's, where figures are comparable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary_differences: Option<Vec<PayDifference>>,
    /// The sources cited by the compared roles.
    pub sources: Vec<Source>,
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
pub struct SkillRow {
    /// Vocabulary id.
    pub id: String,
    /// Vocabulary name.
    pub name: String,
    /// True when every compared role needs it.
    pub shared_by_all: bool,
    /// Ids of the roles that need it.
    pub held_by: Vec<String>,
    /// What the sources say of it, per role id that needs it.
    pub notes: BTreeMap<String, Statement>,
}

/// An aspect across the compared roles.
#[derive(Debug, Clone, Serialize)]
pub struct AspectRow {
    /// Aspect id.
    pub id: String,
    /// Aspect name.
    pub name: String,
    /// The value per role id that has one.
    pub values: BTreeMap<String, Statement>,
}

/// One role's pay against the baseline role's.
#[derive(Debug, Clone, Serialize)]
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
    let wants = |section| args.only.is_empty() || args.only.contains(&section);
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
        aspects: wants(Section::Aspects).then(|| aspect_rows(dataset, roles)),
        salary_differences: wants(Section::Salary).then(|| pay_differences(roles)),
        sources: cited_sources(dataset, roles),
    };
    Ok((comparison, resolved))
}

/// Skills any role needs: shared-by-all first, then by how many need them, then vocabulary order.
fn skill_rows(dataset: &Dataset, roles: &[&Role]) -> Vec<SkillRow> {
    let mut rows: Vec<SkillRow> = dataset
        .skills
        .iter()
        .filter_map(|skill| {
            let notes: BTreeMap<String, Statement> = roles
                .iter()
                .filter_map(|role| {
                    role.skill(&skill.id).map(|s| {
                        let note = Statement {
                            text: s.note.clone(),
                            sources: s.sources.clone(),
                        };
                        (role.id.clone(), note)
                    })
                })
                .collect();
            let held_by: Vec<String> = roles
                .iter()
                .filter(|role| notes.contains_key(&role.id))
                .map(|role| role.id.clone())
                .collect();
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

fn aspect_rows(dataset: &Dataset, roles: &[&Role]) -> Vec<AspectRow> {
    dataset
        .aspects
        .iter()
        .filter_map(|aspect| {
            let values: BTreeMap<String, Statement> = roles
                .iter()
                .filter_map(|role| {
                    role.aspect(&aspect.id).map(|a| {
                        let value = Statement {
                            text: a.value.clone(),
                            sources: a.sources.clone(),
                        };
                        (role.id.clone(), value)
                    })
                })
                .collect();
            (!values.is_empty()).then(|| AspectRow {
                id: aspect.id.clone(),
                name: aspect.name.clone(),
                values,
            })
        })
        .collect()
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

fn cited(statement: &Statement) -> String {
    format!("{} {}", statement.text, cite(&statement.sources))
}

fn cited_list(statements: &[Statement]) -> String {
    match statements {
        [] => NOT_STATED.to_string(),
        [only] => cited(only),
        _ => bullets(statements.iter().map(cited)),
    }
}

fn salary_cell(figures: &[SalaryFigure]) -> String {
    if figures.is_empty() {
        NO_SALARY.to_string()
    } else {
        figures
            .iter()
            .map(|f| format!("{} [{}]", describe_figure(f), f.source))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Comparison {
    fn title(&self) -> String {
        let names: Vec<&str> = self.roles.iter().map(|r| r.name.as_str()).collect();
        names.join(" vs ")
    }

    /// (label, one cell per role) for the per-role sections that were asked for.
    fn profile_rows(&self) -> Vec<(&'static str, Vec<String>)> {
        let per_role: Vec<Vec<(&'static str, &[Statement])>> =
            self.roles.iter().map(ComparedRole::statements).collect();
        let Some(first) = per_role.first() else {
            return Vec::new();
        };
        first
            .iter()
            .enumerate()
            .map(|(index, (label, _))| {
                let cells = per_role
                    .iter()
                    .map(|sections| {
                        sections
                            .get(index)
                            .map_or_else(String::new, |(_, s)| cited_list(s))
                    })
                    .collect();
                (*label, cells)
            })
            .collect()
    }

    fn salary_rows(&self) -> Vec<(String, Vec<String>)> {
        let figures: Option<Vec<String>> = self
            .roles
            .iter()
            .map(|r| r.salary.as_deref().map(salary_cell))
            .collect();
        let (Some(figures), Some(differences)) = (figures, &self.salary_differences) else {
            return Vec::new();
        };
        let mut rows = vec![("Figures".to_string(), figures)];
        if let Some(baseline) = self.roles.first() {
            let mut cells = vec!["(baseline)".to_string()];
            cells.extend(differences.iter().map(|d| {
                if d.differences.is_empty() {
                    "No comparable figures".to_string()
                } else {
                    d.differences
                        .iter()
                        .map(SalaryDifference::describe)
                        .collect::<Vec<_>>()
                        .join("\n")
                }
            }));
            rows.push((format!("vs {}", baseline.name), cells));
        }
        rows
    }

    fn role_headers(&self, first: &str) -> Vec<String> {
        std::iter::once(first.to_string())
            .chain(self.roles.iter().map(|r| r.name.clone()))
            .collect()
    }
}

impl View for Comparison {
    fn report(&self) -> Report {
        let mut blocks = vec![Block::Heading(self.title())];
        let profile = self.profile_rows();
        if !profile.is_empty() {
            let mut grid = Grid::new(self.role_headers(""));
            for (label, cells) in profile {
                grid.row(std::iter::once(label.to_string()).chain(cells));
            }
            blocks.push(Block::Table(grid));
        }
        if let Some(skills) = &self.skills {
            let mut headers = self.role_headers("Skill");
            headers.push("Held by".into());
            let mut grid = Grid::new(headers);
            for skill in skills {
                let cells = self.roles.iter().map(|role| {
                    skill
                        .notes
                        .get(&role.id)
                        .map_or(NOT_STATED.to_string(), |n| format!("✓ {}", cited(n)))
                });
                let held = if skill.shared_by_all {
                    "all".to_string()
                } else {
                    format!("{} of {}", skill.held_by.len(), self.roles.len())
                };
                grid.row(
                    std::iter::once(skill.name.clone())
                        .chain(cells)
                        .chain(std::iter::once(held)),
                );
            }
            blocks.push(Block::Heading("Skills".into()));
            blocks.push(Block::Table(grid));
        }
        let salary = self.salary_rows();
        if !salary.is_empty() {
            let mut grid = Grid::new(self.role_headers("Salary"));
            for (label, cells) in salary {
                grid.row(std::iter::once(label).chain(cells));
            }
            blocks.push(Block::Heading("Salary".into()));
            blocks.push(Block::Table(grid));
        }
        if let Some(aspects) = &self.aspects {
            let mut grid = Grid::new(self.role_headers("Aspect"));
            for aspect in aspects {
                let cells = self.roles.iter().map(|role| {
                    aspect
                        .values
                        .get(&role.id)
                        .map_or(NOT_STATED.to_string(), cited)
                });
                grid.row(std::iter::once(aspect.name.clone()).chain(cells));
            }
            blocks.push(Block::Heading("Aspects".into()));
            blocks.push(Block::Table(grid));
        }
        blocks.push(Block::Note(format!(
            "{NOT_STATED} means the sources say nothing on it. Sources: {}",
            source_lines(&self.sources).join("; ")
        )));
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["section", "item", "role", "text", "sources"]);
        for role in &self.roles {
            for (section, statements) in role.statements() {
                for (number, statement) in statements.iter().enumerate() {
                    records.row([
                        section.to_string(),
                        (number + 1).to_string(),
                        role.id.clone(),
                        statement.text.clone(),
                        statement.sources.join(", "),
                    ]);
                }
            }
        }
        for skill in self.skills.iter().flatten() {
            for (role, note) in &skill.notes {
                records.row([
                    "Skills".to_string(),
                    skill.id.clone(),
                    role.clone(),
                    note.text.clone(),
                    note.sources.join(", "),
                ]);
            }
        }
        for role in &self.roles {
            for figure in role.salary.iter().flatten() {
                records.row([
                    "Salary".to_string(),
                    "figure".to_string(),
                    role.id.clone(),
                    describe_figure(figure),
                    figure.source.clone(),
                ]);
            }
        }
        for difference in self.salary_differences.iter().flatten() {
            for d in &difference.differences {
                records.row([
                    "Salary".to_string(),
                    format!("vs {}", difference.baseline.id),
                    difference.role.id.clone(),
                    d.describe(),
                    format!("{}, {}", d.source, d.baseline_source),
                ]);
            }
        }
        for aspect in self.aspects.iter().flatten() {
            for (role, value) in &aspect.values {
                records.row([
                    "Aspects".to_string(),
                    aspect.id.clone(),
                    role.clone(),
                    value.text.clone(),
                    value.sources.join(", "),
                ]);
            }
        }
        records
    }
}
