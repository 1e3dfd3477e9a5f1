//! The full side-by-side comparison (`--full`, `--only`, Markdown), and which reading a table
//! gets. Both lead with what the articles comparing these roles say; what other articles say
//! of one role is labelled with its article and counterpart, never merged into "both" or
//! "only".

use super::cells::{cited, cited_list, scoped_cite, value_line};
use super::records::comparison_records;
use super::{ComparedRole, Comparison, RoleNote, ScopedStatement, SkillRow};
use crate::commands::sources::attributions;
use crate::commands::{NO_SALARY, NOT_STATED, bullets};
use crate::view::{Block, Grid, Records, Report, View};

impl Comparison {
    /// Aspect values said elsewhere, side by side, each with its counterpart: for a pair no
    /// article compares, and for `--full`. Never headed a contrast.
    pub(super) fn elsewhere_grid(&self, with_summaries: bool) -> Option<Grid> {
        self.elsewhere_grid_of(with_summaries, 1)
    }

    /// The aspects said elsewhere that at least `least` of the roles have a value on (the
    /// digest shows those every role has, and counts the rest).
    pub(super) fn elsewhere_grid_of(&self, with_summaries: bool, least: usize) -> Option<Grid> {
        let others = self.other_contrasts.as_deref().unwrap_or_default();
        let mut grid = Grid::new(self.role_headers(""));
        if with_summaries {
            let summaries = self
                .roles
                .iter()
                .map(|role| role.summary.as_ref().map_or_else(String::new, cited));
            grid.row(std::iter::once("Summary".to_string()).chain(summaries));
        }
        let mut aspects: Vec<(&str, &str)> = Vec::new();
        for other in others {
            if !aspects.iter().any(|(id, _)| *id == other.aspect) {
                aspects.push((&other.aspect, &other.name));
            }
        }
        for (id, name) in aspects {
            let holding = self
                .roles
                .iter()
                .filter(|role| {
                    others
                        .iter()
                        .any(|c| c.aspect == id && c.value.role == role.id)
                })
                .count();
            if holding < least {
                continue;
            }
            let cells = self.roles.iter().map(|role| {
                let lines: Vec<String> = others
                    .iter()
                    .filter(|c| c.aspect == id && c.value.role == role.id)
                    .map(|c| value_line(&c.value, true))
                    .collect();
                match lines.len() {
                    0 => NOT_STATED.to_string(),
                    1 => lines.concat(),
                    _ => bullets(lines),
                }
            });
            grid.row(std::iter::once(name.to_string()).chain(cells));
        }
        (!grid.rows.is_empty()).then_some(grid)
    }

    /// (label, one cell per role) for the per-role sections that were asked for.
    pub(super) fn profile_rows(&self) -> Vec<(&'static str, Vec<String>)> {
        let per_role: Vec<Vec<(&'static str, &[ScopedStatement])>> =
            self.roles.iter().map(ComparedRole::statements).collect();
        let mut labels: Vec<&'static str> = Vec::new();
        for (label, _) in per_role.iter().flatten() {
            if !labels.contains(label) {
                labels.push(label);
            }
        }
        labels
            .into_iter()
            .map(|label| {
                let cells = per_role
                    .iter()
                    .map(|sections| {
                        sections
                            .iter()
                            .find(|(l, _)| *l == label)
                            .map_or_else(|| NOT_STATED.to_string(), |(_, s)| cited_list(s))
                    })
                    .collect();
                (label, cells)
            })
            .collect()
    }

    pub(super) fn salary_grid(&self) -> Option<Grid> {
        let differences = self.salary_differences.as_ref()?;
        let mut figures = Vec::new();
        for role in &self.roles {
            let lines = Self::figure_lines(role.salary.as_deref()?);
            figures.push(if lines.is_empty() {
                NO_SALARY.to_string()
            } else {
                lines.join("\n")
            });
        }
        let mut grid = Grid::new(self.role_headers("Pay"));
        grid.row(std::iter::once("Figures".to_string()).chain(figures));
        let baseline = self.roles.first()?;
        let mut cells = vec!["(baseline)".to_string()];
        cells.extend(differences.iter().map(Self::difference_text));
        grid.row(std::iter::once(format!("vs {}", baseline.name)).chain(cells));
        Some(grid)
    }

    pub(super) fn skill_grid(&self, skills: &[SkillRow]) -> Grid {
        let mut grid = Grid::new(self.role_headers("Skill"));
        for skill in skills {
            let cells = self.roles.iter().map(|role| {
                let mut notes: Vec<&RoleNote> =
                    skill.notes.iter().filter(|n| n.role == role.id).collect();
                notes.sort_by_key(|n| !n.scope.in_comparison());
                let notes: Vec<String> = notes
                    .into_iter()
                    .map(|n| format!("{} {}", n.text, scoped_cite(&n.sources, &n.scope)))
                    .collect();
                match notes.len() {
                    0 => NOT_STATED.to_string(),
                    1 => notes.concat(),
                    _ => bullets(notes),
                }
            });
            grid.row(std::iter::once(skill.name.clone()).chain(cells));
        }
        grid
    }
}

impl View for Comparison {
    fn report(&self) -> Report {
        let mut blocks = vec![
            Block::Heading(self.title()),
            Block::Note(self.evidence_line()),
        ];
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
            let lines = self.article_skill_lines();
            if !lines.is_empty() && self.ratings.is_none() {
                blocks.push(Block::Paragraphs(lines));
            }
            blocks.extend(self.ratings_blocks(usize::MAX));
            if self.ratings.is_none() {
                blocks.push(Block::Table(self.skill_grid(skills)));
            }
        }
        if let Some(grid) = self.salary_grid() {
            blocks.push(Block::Heading("Salary".into()));
            blocks.push(Block::Table(grid));
        }
        if let Some(grid) = self.elsewhere_grid(false) {
            blocks.push(Block::Heading(
                "Aspects said against other roles, or of one role alone".into(),
            ));
            blocks.push(Block::Table(grid));
        }
        blocks.push(self.sources_note());
        blocks.extend(attributions(&self.sources).into_iter().map(Block::Note));
        Report { blocks }
    }

    fn digest(&self) -> Option<Report> {
        (!self.full).then(|| self.digest_report())
    }

    fn records(&self) -> Records {
        comparison_records(self)
    }
}
