//! `roles matrix [ROLE…]`: a responsibility grid, duty themes down the side and roles across,
//! each cell the degree every article gives, as a letter and the article's number.

use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use super::{RoleRef, resolve_roles};
use crate::complete::role_candidates;
use crate::load::need::Need;
use crate::model::{Dataset, Degree, Role};
use crate::outcome::Outcome;
use crate::ownership;
use crate::view::{Block, Grid, Records, Report, View};

/// Arguments of `roles matrix`.
#[derive(Debug, Clone, clap::Args)]
pub struct MatrixArgs {
    /// The roles across the top (id, name or alias); all the roles an article grades when
    /// none is given.
    #[arg(value_name = "ROLE", add = ArgValueCompleter::new(role_candidates))]
    pub roles: Vec<String>,
}

impl super::Run for MatrixArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let (view, notices) =
            context.answer_naming(&self.roles, false, &Need::Everything, |data, words| {
                let args = MatrixArgs {
                    roles: words.to_vec(),
                };
                responsibility_matrix(data, &args)
            })?;
        context.emit(&view, &notices)
    }
}

/// Who holds each duty theme, by article.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Matrix {
    /// The roles across the top.
    pub roles: Vec<RoleRef>,
    /// The articles the cells cite, in the dataset's source order.
    pub sources: Vec<String>,
    /// Each article's number, in the order of `sources`: its place in the dataset's source list
    /// (1 is the first), so that every matrix of one dataset, in every view and format, gives an
    /// article the same number.
    pub numbers: Vec<usize>,
    /// One row per theme some article assigns to one of the roles, in the dataset's theme order.
    pub rows: Vec<MatrixRow>,
}

/// One theme.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixRow {
    /// The theme.
    pub theme: super::Named,
    /// True when two articles that speak of the same role put different roles first.
    pub disputed: bool,
    /// One cell per role, in the order of `roles`.
    pub cells: Vec<Vec<Mark>>,
}

/// One article's strongest involvement of one role in one theme.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Mark {
    /// The article's source id.
    pub source: String,
    /// The article's number, as in `numbers`.
    pub number: usize,
    /// The degree.
    pub degree: Degree,
    /// The article's hedge on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
}

/// Builds the grid for the roles asked for, or for every role an article grades.
pub fn responsibility_matrix(dataset: &Dataset, args: &MatrixArgs) -> anyhow::Result<Matrix> {
    let roles: Vec<&Role> = if args.roles.is_empty() {
        dataset
            .roles
            .iter()
            .filter(|r| r.duties.iter().any(|d| d.involvement.is_some()))
            .collect()
    } else {
        resolve_roles(dataset, &args.roles)?.roles
    };
    let number_of = |id: &str| {
        dataset
            .sources
            .iter()
            .position(|s| s.id == id)
            .map_or(0, |n| n + 1)
    };
    let mut sources: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for theme in &dataset.themes {
        let found = ownership::involved(&roles, |duty| duty.themes.contains(&theme.id));
        if found.is_empty() {
            continue;
        }
        let verdicts = ownership::verdicts(dataset, &found);
        let disputed = !ownership::disputes(&verdicts).is_empty();
        let cells = roles
            .iter()
            .map(|role| {
                verdicts
                    .iter()
                    .filter_map(|verdict| {
                        let involvement = verdict.strongest.get(role.id.as_str())?;
                        Some(Mark {
                            source: verdict.source.to_string(),
                            number: number_of(verdict.source),
                            degree: involvement.degree,
                            hedge: involvement.hedge.clone(),
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        for verdict in &verdicts {
            if !sources.iter().any(|s| s == verdict.source) {
                sources.push(verdict.source.to_string());
            }
        }
        rows.push(MatrixRow {
            theme: super::Named {
                id: theme.id.clone(),
                name: theme.name.clone(),
            },
            disputed,
            cells,
        });
    }
    // Listed in the dataset's source order, whatever order the themes met them in.
    sources.sort_by_key(|id| number_of(id));
    let numbers = sources.iter().map(|id| number_of(id)).collect();
    Ok(Matrix {
        roles: roles.into_iter().map(RoleRef::from).collect(),
        sources,
        numbers,
        rows,
    })
}

impl Matrix {
    /// `R1 c2`: each mark's letter (lower case when hedged) and its article's number.
    fn cell(&self, marks: &[Mark]) -> String {
        if marks.is_empty() {
            return "·".to_string();
        }
        marks
            .iter()
            .map(|mark| {
                let letter = mark.degree.mark();
                let letter = if mark.hedge.is_some() {
                    letter.to_ascii_lowercase()
                } else {
                    letter
                };
                format!("{letter}{}", mark.number)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl View for Matrix {
    fn report(&self) -> Report {
        let mut headers = vec!["Theme".to_string()];
        headers.extend(self.roles.iter().map(|r| r.name.clone()));
        let mut grid = Grid::new(headers);
        grid.wrap_headers = true;
        for row in &self.rows {
            let mut cells = vec![if row.disputed {
                format!("{} !", row.theme.name)
            } else {
                row.theme.name.clone()
            }];
            cells.extend(row.cells.iter().map(|marks| self.cell(marks)));
            grid.row(cells);
        }
        let legend = Degree::ALL
            .iter()
            .map(|d| format!("{} {}", d.mark(), d.words()))
            .collect::<Vec<_>>()
            .join("; ");
        let numbered = self
            .sources
            .iter()
            .zip(&self.numbers)
            .map(|(id, number)| format!("{number} {id}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut blocks = vec![Block::Heading("Who holds what, by article".to_string())];
        if self.rows.is_empty() {
            blocks.push(Block::Text(
                "No article assigns a duty theme to these roles.".to_string(),
            ));
            return Report { blocks };
        }
        blocks.push(Block::Table(grid));
        blocks.push(Block::Note(format!(
            "{legend}. Lower case: the article hedges it (may, often …). The number is the article: {numbered}. ! marks a theme the articles disagree on (roles who THEME says how). · none."
        )));
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["theme", "role", "source", "degree", "hedge", "disputed"]);
        for row in &self.rows {
            for (role, marks) in self.roles.iter().zip(&row.cells) {
                for mark in marks {
                    records.row([
                        row.theme.id.clone(),
                        role.id.clone(),
                        mark.source.clone(),
                        mark.degree.as_str().to_string(),
                        mark.hedge.clone().unwrap_or_default(),
                        row.disputed.to_string(),
                    ]);
                }
            }
        }
        records
    }
}
