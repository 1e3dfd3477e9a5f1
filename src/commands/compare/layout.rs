//! How a comparison reads: the one-screen digest of the differences (the default table), the full
//! side-by-side profile (`--full`, `--only`, Markdown), and flat records for CSV.

use super::{AspectRow, ComparedRole, Comparison, ContrastValue, SkillRow};
use crate::commands::show::{attributions, source_lines};
use crate::commands::{NO_SALARY, NOT_STATED, bullets};
use crate::figures::{SalaryDifference, describe_figure};
use crate::model::{SalaryFigure, Statement};
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View, cite};

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

/// A value as a cell line: the text, its counterpart when it is not the obvious one (with
/// three or more roles), and its sources.
fn value_line(value: &ContrastValue, label_versus: bool) -> String {
    let text = format!("{} {}", value.text, cite(&value.sources));
    match (&value.versus, label_versus) {
        (Some(versus), true) => format!("vs {}: {text}", versus.name),
        _ => text,
    }
}

impl Comparison {
    fn title(&self) -> String {
        let names: Vec<&str> = self.roles.iter().map(|r| r.name.as_str()).collect();
        names.join(" vs ")
    }

    fn role_headers(&self, first: &str) -> Vec<String> {
        std::iter::once(first.to_string())
            .chain(self.roles.iter().map(|r| r.name.clone()))
            .collect()
    }

    /// The contrasts as a grid: one row per aspect, one cell per role; two values in one cell
    /// are two articles that disagree, each cited.
    fn contrast_grid(&self, rows: &[AspectRow]) -> Grid {
        let label_versus = self.roles.len() > 2;
        let mut grid = Grid::new(self.role_headers("Contrast"));
        for row in rows {
            let cells = self.roles.iter().map(|role| {
                let lines: Vec<String> = row
                    .values
                    .iter()
                    .filter(|v| v.role == role.id)
                    .map(|v| value_line(v, label_versus))
                    .collect();
                match lines.len() {
                    0 => NOT_STATED.to_string(),
                    1 => lines.concat(),
                    _ => bullets(lines),
                }
            });
            grid.row(std::iter::once(row.name.clone()).chain(cells));
        }
        grid
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

    fn salary_grid(&self) -> Option<Grid> {
        let figures: Option<Vec<String>> = self
            .roles
            .iter()
            .map(|r| r.salary.as_deref().map(salary_cell))
            .collect();
        let (figures, differences) = (figures?, self.salary_differences.as_ref()?);
        let mut grid = Grid::new(self.role_headers("Pay"));
        grid.row(std::iter::once("Figures".to_string()).chain(figures));
        let baseline = self.roles.first()?;
        let mut cells = vec!["(baseline)".to_string()];
        cells.extend(differences.iter().map(|d| {
            if d.differences.is_empty() {
                "No like-for-like figures".to_string()
            } else {
                d.differences
                    .iter()
                    .map(SalaryDifference::describe)
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }));
        grid.row(std::iter::once(format!("vs {}", baseline.name)).chain(cells));
        Some(grid)
    }

    /// One line per role for the skills the articles name for it alone, then those named for
    /// all ("named", not "needed": an article's silence is not a statement that a role lacks one).
    fn skill_lines(&self, skills: &[SkillRow]) -> Vec<String> {
        let names = |filter: &dyn Fn(&SkillRow) -> bool| {
            let names: Vec<String> = skills
                .iter()
                .filter(|s| filter(s))
                .map(|s| s.name.clone())
                .collect();
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            }
        };
        let mut lines: Vec<String> = self
            .roles
            .iter()
            .map(|role| {
                let only = |s: &SkillRow| s.held_by.len() == 1 && s.held_by[0] == role.id;
                format!("Skills named only for the {}: {}.", role.name, names(&only))
            })
            .collect();
        if self.roles.len() > 2 {
            let some = |s: &SkillRow| s.held_by.len() > 1 && !s.shared_by_all;
            lines.push(format!("Skills named for some of them: {}.", names(&some)));
        }
        let all = |s: &SkillRow| s.shared_by_all;
        let label = if self.roles.len() > 2 { "all" } else { "both" };
        lines.push(format!("Skills named for {label}: {}.", names(&all)));
        lines
    }

    /// Pay in a few lines: each role's figures, then each like-for-like difference.
    fn pay_lines(&self) -> Vec<String> {
        let (Some(differences), Some(baseline)) = (&self.salary_differences, self.roles.first())
        else {
            return Vec::new();
        };
        let mut lines: Vec<String> = self
            .roles
            .iter()
            .filter_map(|role| {
                let figures = role.salary.as_deref()?;
                let text = if figures.is_empty() {
                    format!("{NO_SALARY}.")
                } else {
                    figures
                        .iter()
                        .map(|f| format!("{} [{}]", describe_figure(f), f.source))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                Some(format!("Pay, {}: {text}", role.name))
            })
            .collect();
        for difference in differences {
            let text = if difference.differences.is_empty() {
                "no like-for-like figures.".to_string()
            } else {
                difference
                    .differences
                    .iter()
                    .map(SalaryDifference::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            lines.push(format!(
                "{} against {}: {text}",
                difference.role.name, baseline.name
            ));
        }
        lines
    }

    fn skill_grid(&self, skills: &[SkillRow]) -> Grid {
        let mut headers = self.role_headers("Skill");
        headers.push("Held by".into());
        let mut grid = Grid::new(headers);
        for skill in skills {
            let cells = self.roles.iter().map(|role| {
                skill.note(&role.id).map_or(NOT_STATED.to_string(), |n| {
                    format!("✓ {} {}", n.text, cite(&n.sources))
                })
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
        grid
    }

    fn other_contrast_lines(&self) -> Vec<String> {
        let name_of = |id: &str| {
            self.roles
                .iter()
                .find(|r| r.id == id)
                .map_or_else(|| id.to_string(), |r| r.name.clone())
        };
        self.other_contrasts
            .iter()
            .flatten()
            .map(|c| {
                let versus = c.value.versus.as_ref().map_or("", |v| v.name.as_str());
                format!(
                    "{}, {} vs {versus}: {} {}",
                    name_of(&c.value.role),
                    c.name,
                    c.value.text,
                    cite(&c.value.sources)
                )
            })
            .collect()
    }

    fn sources_note(&self) -> Block {
        Block::Note(format!(
            "{NOT_STATED} means the sources say nothing on it. Sources: {}",
            source_lines(&self.sources).join("; ")
        ))
    }

    /// The answer first: contrasts, the skills only one role needs and those shared, and pay.
    /// A role the contrasts say nothing of (an imported occupation, say) is introduced by its
    /// summary, so the digest still shows what each role is.
    fn digest_report(&self) -> Report {
        let mut blocks = vec![Block::Heading(self.title())];
        let rows = self.aspects.as_deref().unwrap_or_default();
        let summaries: Option<Vec<String>> = self
            .digest_shows_summaries()
            .then(|| {
                self.roles
                    .iter()
                    .map(|role| role.summary.as_ref().map(cited))
                    .collect()
            })
            .flatten();
        if let Some(summaries) = summaries {
            let mut grid = Grid::new(self.role_headers(""));
            grid.row(std::iter::once("Summary".to_string()).chain(summaries));
            grid.rows.extend(self.contrast_grid(rows).rows);
            blocks.push(Block::Table(grid));
        } else if !rows.is_empty() {
            blocks.push(Block::Table(self.contrast_grid(rows)));
        } else {
            blocks.push(Block::Note(
                "The articles draw no contrast between these roles.".into(),
            ));
        }
        let mut lines = self
            .skills
            .as_ref()
            .map(|skills| self.skill_lines(skills))
            .unwrap_or_default();
        lines.extend(self.pay_lines());
        if !lines.is_empty() {
            blocks.push(Block::Paragraphs(lines));
        }
        let others = self.other_contrasts.as_ref().map_or(0, Vec::len);
        let mut more =
            "--full adds summaries, duties, requirements, environment, skill notes".to_string();
        if others > 0 {
            more.push_str(&format!(
                " and {others} contrast{} drawn with other roles",
                if others == 1 { "" } else { "s" }
            ));
        }
        blocks.push(Block::Note(format!(
            "{NOT_STATED}: not stated. {more}. Sources: {}.",
            self.digest_sources().join("; ")
        )));
        // A licence's credit goes wherever its data is shown, cited in the digest or not.
        blocks.extend(attributions(&self.sources).into_iter().map(Block::Note));
        Report { blocks }
    }

    /// Whether the digest opens with summaries: when the contrasts say nothing of some role.
    fn digest_shows_summaries(&self) -> bool {
        let rows = self.aspects.as_deref().unwrap_or_default();
        self.roles.iter().any(|role| {
            !rows
                .iter()
                .flat_map(|r| &r.values)
                .any(|v| v.role == role.id)
        })
    }

    /// `id "title"` for each source the digest cites: its summaries, contrasts, skills and pay.
    fn digest_sources(&self) -> Vec<String> {
        let summaries = self
            .roles
            .iter()
            .filter(|_| self.digest_shows_summaries())
            .filter_map(|role| role.summary.as_ref())
            .flat_map(|summary| &summary.sources);
        let contrasts = self.aspects.iter().flatten().flat_map(|row| &row.values);
        let cited: Vec<&String> = contrasts
            .flat_map(|value| &value.sources)
            .chain(summaries)
            .chain(
                self.skills
                    .iter()
                    .flatten()
                    .flat_map(|skill| skill.notes.iter().flat_map(|note| &note.sources)),
            )
            .chain(
                self.roles
                    .iter()
                    .flat_map(|role| role.salary.iter().flatten().map(|figure| &figure.source)),
            )
            .collect();
        self.sources
            .iter()
            .filter(|source| cited.contains(&&source.id))
            .map(|source| format!("{} \"{}\"", source.id, source.title))
            .collect()
    }
}

impl View for Comparison {
    fn report(&self) -> Report {
        let mut blocks = vec![Block::Heading(self.title())];
        if let Some(rows) = self.aspects.as_ref().filter(|rows| !rows.is_empty()) {
            blocks.push(Block::Heading("Contrasts".into()));
            blocks.push(Block::Table(self.contrast_grid(rows)));
        }
        let profile = self.profile_rows();
        if !profile.is_empty() {
            let mut grid = Grid::new(self.role_headers(""));
            for (label, cells) in profile {
                grid.row(std::iter::once(label.to_string()).chain(cells));
            }
            blocks.push(Block::Heading("Profiles".into()));
            blocks.push(Block::Table(grid));
        }
        if let Some(skills) = &self.skills {
            blocks.push(Block::Heading("Skills".into()));
            blocks.push(Block::Table(self.skill_grid(skills)));
        }
        if let Some(grid) = self.salary_grid() {
            blocks.push(Block::Heading("Salary".into()));
            blocks.push(Block::Table(grid));
        }
        let others = self.other_contrast_lines();
        if !others.is_empty() {
            blocks.push(Block::Heading(
                "Contrasts drawn against roles not compared here".into(),
            ));
            blocks.push(Block::Text(bullets(others)));
        }
        blocks.push(self.sources_note());
        blocks.extend(attributions(&self.sources).into_iter().map(Block::Note));
        Report { blocks }
    }

    fn digest(&self) -> Option<Report> {
        (!self.full).then(|| self.digest_report())
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "section", "item", "role", "versus", "text", "sources", "low", "high", "currency",
        ]);
        let versus_of = |value: &ContrastValue| {
            value
                .versus
                .as_ref()
                .map_or_else(String::new, |v| v.id.clone())
        };
        for row in self.aspects.iter().flatten() {
            for value in &row.values {
                records.row([
                    "Aspects".to_string(),
                    row.id.clone(),
                    value.role.clone(),
                    versus_of(value),
                    value.text.clone(),
                    value.sources.join(LIST_SEPARATOR),
                ]);
            }
        }
        for contrast in self.other_contrasts.iter().flatten() {
            records.row([
                "Aspects".to_string(),
                contrast.aspect.clone(),
                contrast.value.role.clone(),
                versus_of(&contrast.value),
                contrast.value.text.clone(),
                contrast.value.sources.join(LIST_SEPARATOR),
            ]);
        }
        for role in &self.roles {
            for (section, statements) in role.statements() {
                for (number, statement) in statements.iter().enumerate() {
                    records.row([
                        section.to_string(),
                        (number + 1).to_string(),
                        role.id.clone(),
                        String::new(),
                        statement.text.clone(),
                        statement.sources.join(LIST_SEPARATOR),
                    ]);
                }
            }
        }
        for skill in self.skills.iter().flatten() {
            for note in &skill.notes {
                let role = &note.role;
                records.row([
                    "Skills".to_string(),
                    skill.id.clone(),
                    role.clone(),
                    String::new(),
                    note.text.clone(),
                    note.sources.join(LIST_SEPARATOR),
                ]);
            }
        }
        for role in &self.roles {
            for figure in role.salary.iter().flatten() {
                records.row([
                    "Salary".to_string(),
                    "figure".to_string(),
                    role.id.clone(),
                    String::new(),
                    describe_figure(figure),
                    figure.source.clone(),
                    figure.bounds().0.to_string(),
                    figure.bounds().1.to_string(),
                    figure.currency.clone(),
                ]);
            }
        }
        for difference in self.salary_differences.iter().flatten() {
            for d in &difference.differences {
                records.row([
                    "Salary".to_string(),
                    "difference".to_string(),
                    difference.role.id.clone(),
                    difference.baseline.id.clone(),
                    d.describe(),
                    format!("{}{LIST_SEPARATOR}{}", d.source, d.baseline_source),
                    d.low_delta.to_string(),
                    d.high_delta.to_string(),
                    d.currency.clone(),
                ]);
            }
        }
        records
    }
}
