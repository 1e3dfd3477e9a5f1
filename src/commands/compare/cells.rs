//! The lines and cells both readings of a comparison share: how an item is cited with its
//! scope, the title and headers, the evidence line, the contrast grid and pay in words.

use super::{
    AspectRow, Comparison, ContrastValue, OtherContrast, PayDifference, Scope, ScopedFigure,
    ScopedStatement,
};
use crate::commands::sources::source_lines;
use crate::commands::{NOT_STATED, bullets};
use crate::figures::{SalaryDifference, describe_figure};
use crate::view::{Block, Grid, cite};

/// `[dl-po]` for an item a comparing article says; `[po-pm-guide, against the Product
/// Manager]` for one said elsewhere, so no item passes for evidence it is not.
pub(super) fn scoped_cite(sources: &[String], scope: &Scope) -> String {
    if scope.in_comparison() {
        return cite(sources);
    }
    let against = scope.against_names();
    if against.is_empty() {
        // A source that compares no roles (a catalogue such as O*NET) is cited plainly.
        cite(sources)
    } else {
        format!(
            "[{}, against the {}]",
            sources.join(", "),
            against.join(" and the ")
        )
    }
}

pub(super) fn cited(item: &ScopedStatement) -> String {
    format!(
        "{} {}",
        item.statement.text,
        scoped_cite(&item.statement.sources, &item.scope)
    )
}

/// The items as a cell: what the comparing articles say first, then, labelled, the rest.
pub(super) fn cited_list(items: &[ScopedStatement]) -> String {
    let mut ordered: Vec<&ScopedStatement> = items.iter().collect();
    ordered.sort_by_key(|item| !item.scope.in_comparison());
    match ordered.as_slice() {
        [] => NOT_STATED.to_string(),
        [only] => cited(only),
        _ => bullets(ordered.into_iter().map(cited)),
    }
}

/// `name`, `name and name`, `a, b and c`, or `none`.
pub(super) fn and_list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        crate::text::and_list(items)
    }
}

/// A value as a cell line: its counterpart when asked for, the text and its sources.
pub(super) fn value_line(value: &ContrastValue, label_versus: bool) -> String {
    let text = format!("{} {}", value.text, cite(&value.sources));
    match (&value.versus, label_versus) {
        (Some(versus), true) => format!("vs {}: {text}", versus.name),
        (None, true) => format!("of the role alone: {text}"),
        _ => text,
    }
}

impl Comparison {
    pub(super) fn title(&self) -> String {
        let names: Vec<&str> = self.roles.iter().map(|r| r.name.as_str()).collect();
        names.join(" vs ")
    }

    pub(super) fn role_headers(&self, first: &str) -> Vec<String> {
        std::iter::once(first.to_string())
            .chain(self.roles.iter().map(|r| r.name.clone()))
            .collect()
    }

    /// The first line: which articles compare these roles, or that none does.
    pub(super) fn evidence_line(&self) -> String {
        match self.evidence.as_slice() {
            [] => {
                let names: Vec<String> = self
                    .roles
                    .iter()
                    .map(|r| format!("the {}", r.name))
                    .collect();
                let articles = self.sources.iter().any(|s| !s.compares.is_empty());
                let how = if articles {
                    "Each item below is what a source says of one of them, against the role it \
                     compares that one with"
                } else {
                    "Each item below is what a source says of one of them"
                };
                format!(
                    "No source compares {}. {how}; none is a contrast between these roles.",
                    and_list(&names)
                )
            }
            [only] if self.roles.len() == 2 => {
                format!(
                    "Compared by one article: {} \"{}\".",
                    only.source, only.title
                )
            }
            articles => {
                let listed: Vec<String> = articles
                    .iter()
                    .map(|a| {
                        let pair: Vec<&str> = a.roles.iter().map(|r| r.name.as_str()).collect();
                        if self.roles.len() == 2 {
                            format!("{} \"{}\"", a.source, a.title)
                        } else {
                            format!("{} ({})", a.source, pair.join(" vs "))
                        }
                    })
                    .collect();
                format!(
                    "Compared by {} articles: {}.",
                    articles.len(),
                    listed.join("; ")
                )
            }
        }
    }

    /// What a cell says for a role with no contrast on `aspect` here: a dash only when the
    /// sources say nothing on it for that role; otherwise where they do say it.
    pub(super) fn missing_cell(&self, role: &str, aspect: &str) -> String {
        let elsewhere: Vec<&OtherContrast> = self
            .other_contrasts
            .iter()
            .flatten()
            .filter(|c| c.aspect == aspect && c.value.role == role)
            .collect();
        if elsewhere.is_empty() {
            return NOT_STATED.to_string();
        }
        let said: Vec<String> = elsewhere
            .iter()
            .map(|c| match &c.value.versus {
                Some(versus) => format!("against the {} {}", versus.name, cite(&c.value.sources)),
                None => format!("of the role alone {}", cite(&c.value.sources)),
            })
            .collect();
        format!("Not stated for this pair; stated {}", said.join(", "))
    }

    /// The contrasts as a grid: one row per aspect, one cell per role; two values in one cell
    /// are two articles that disagree, each cited.
    pub(super) fn contrast_grid(&self, rows: &[AspectRow]) -> Grid {
        self.contrast_grid_of(rows, false)
    }

    /// The contrast grid; with `names_in_cells`, no column of aspect names, each cell led by
    /// its aspect's name instead, so two roles' values get the width (the digest, at 80
    /// columns, is a third shorter so).
    pub(super) fn contrast_grid_of(&self, rows: &[AspectRow], names_in_cells: bool) -> Grid {
        let label_versus = self.roles.len() > 2;
        let mut grid = if names_in_cells {
            Grid::new(self.roles.iter().map(|r| r.name.clone()))
        } else {
            Grid::new(self.role_headers("Contrast"))
        };
        grid.unruled = names_in_cells;
        for row in rows {
            let cells = self.roles.iter().map(|role| {
                let lines: Vec<String> = row
                    .values
                    .iter()
                    .filter(|v| v.role == role.id)
                    .map(|v| value_line(v, label_versus))
                    .collect();
                let several = lines.len() > 1;
                let cell = match lines.len() {
                    0 => self.missing_cell(&role.id, &row.id),
                    1 => lines.concat(),
                    _ => bullets(lines),
                };
                match (names_in_cells, several) {
                    (false, _) => cell,
                    (true, false) => format!("{}: {cell}", row.name),
                    (true, true) => format!("{}: {cell}", row.name),
                }
            });
            if names_in_cells {
                grid.row(cells);
            } else {
                grid.row(std::iter::once(row.name.clone()).chain(cells));
            }
        }
        grid
    }

    /// A role's figures, each cited, with its scope.
    pub(super) fn figure_lines(figures: &[ScopedFigure]) -> Vec<String> {
        figures
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    describe_figure(&f.figure),
                    scoped_cite(std::slice::from_ref(&f.figure.source), &f.scope)
                )
            })
            .collect()
    }

    pub(super) fn difference_text(difference: &PayDifference) -> String {
        if difference.differences.is_empty() {
            format!(
                "no difference computed: {}.",
                difference
                    .not_computed
                    .as_deref()
                    .unwrap_or("no two figures are comparable")
            )
        } else {
            difference
                .differences
                .iter()
                .map(SalaryDifference::describe)
                .collect::<Vec<_>>()
                .join("; ")
        }
    }

    pub(super) fn sources_note(&self) -> Block {
        Block::Note(format!(
            "{NOT_STATED} means the sources say nothing on it. An item an article says against \
             another role is cited with that role. Sources: {}",
            source_lines(&self.sources).join("; ")
        ))
    }
}
