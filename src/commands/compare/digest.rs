//! The digest, the default table: which articles compare the roles, the contrasts
//! they draw, the skills and pay they give; then, labelled, what other articles say of one
//! role alone.

use super::cells::{and_list, scoped_cite, value_line};
use super::{AspectRow, Comparison, RatedComparison, ScopedFigure, SkillRow};
use crate::commands::sources::attributions;
use crate::commands::{NO_SALARY, NOT_STATED};
use crate::model::SkillKind;
use crate::view::{Block, Grid, Report, cite};

/// How many rating rows the digest shows; `--full` shows them all.
const DIGEST_RATINGS: usize = 8;

/// About how many lines the contrast table of three roles or more takes at most in the digest.
const WIDE_TABLE_LINES: usize = 20;

impl Comparison {
    /// The answer first: which articles compare the roles, the contrasts they draw, the skills
    /// and pay they give; then, labelled, what other articles say of one role alone.
    pub(super) fn digest_report(&self) -> Report {
        let rows = self.aspects.as_deref().unwrap_or_default();
        let compared = !self.evidence.is_empty();
        // Two roles an article compares: the heading names the articles (their titles are
        // under Sources); otherwise the evidence gets a line of its own.
        let mut blocks = if compared && self.roles.len() == 2 {
            let ids: Vec<&str> = self.evidence.iter().map(|e| e.source.as_str()).collect();
            vec![Block::Heading(format!(
                "{}, compared by {}",
                self.title(),
                crate::text::and_list(&ids)
            ))]
        } else {
            vec![
                Block::Heading(self.title()),
                Block::Note(self.evidence_line()),
            ]
        };
        if compared && !rows.is_empty() {
            let (shown, hidden) = self.rows_that_fit(rows);
            blocks.push(Block::Table(
                self.contrast_grid_of(&shown, self.roles.len() == 2),
            ));
            if !hidden.is_empty() {
                blocks.push(Block::Note(format!(
                    "… and {} more {} ({}); --full shows every contrast.",
                    hidden.len(),
                    if hidden.len() == 1 {
                        "contrast"
                    } else {
                        "contrasts"
                    },
                    hidden.join(", ")
                )));
            }
        } else if compared {
            blocks.push(Block::Note(
                "The comparing articles draw no aspect contrast between these roles.".into(),
            ));
        } else if let Some(grid) = self.elsewhere_grid_of(true, self.roles.len()) {
            // A pair no article compares: the summaries, and the aspects every role has a
            // value on (said elsewhere, each with its counterpart); the rest are counted.
            blocks.push(Block::Table(grid));
        }
        blocks.extend(self.ratings_blocks(DIGEST_RATINGS));
        let mut lines = Vec::new();
        if self.ratings.is_none() && !self.skills_left_to_full() {
            lines.extend(self.article_skill_lines());
            if !compared {
                // Only the skills each source names for every role: the rest are in --full.
                lines.extend(self.elsewhere_skill_lines(false).into_iter().take(1));
            }
        }
        lines.extend(self.pay_lines());
        if !lines.is_empty() {
            blocks.push(Block::Paragraphs(lines));
        }
        // The legend for "—" only where a cell shows it.
        let dash_shown = blocks.iter().any(|block| match block {
            Block::Table(grid) => grid.rows.iter().flatten().any(|cell| cell == NOT_STATED),
            _ => false,
        });
        blocks.push(Block::Note(format!(
            "{}{}. Sources: {}.",
            if dash_shown {
                format!("{NOT_STATED}: not stated. ")
            } else {
                String::new()
            },
            self.more_line(compared),
            self.digest_sources().join("; ")
        )));
        // A licence's credit goes wherever its data is shown, cited in the digest or not.
        blocks.extend(attributions(&self.sources).into_iter().map(Block::Note));
        Report { blocks }
    }

    /// What `--full` adds to the digest, counted, in one line.
    /// The contrast rows a table of three roles or more can show in [`WIDE_TABLE_LINES`] at
    /// 80 columns, those the most roles have a value on first (in their own order), and the
    /// names of the rest. Two roles' table shows every row.
    fn rows_that_fit(&self, rows: &[AspectRow]) -> (Vec<AspectRow>, Vec<String>) {
        let roles = self.roles.len();
        if roles < 3 {
            return (rows.to_vec(), Vec::new());
        }
        // The label column and the frame take about 30 columns; the roles share the rest.
        let width = (80usize.saturating_sub(30) / roles)
            .saturating_sub(1)
            .max(8);
        let height = |row: &AspectRow| {
            self.roles
                .iter()
                .map(|role| {
                    row.values
                        .iter()
                        .filter(|v| v.role == role.id)
                        .map(|v| value_line(v, true).chars().count().div_ceil(width) + 1)
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(1)
                + 1
        };
        let covered = |row: &AspectRow| {
            let mut ids: Vec<&str> = row.values.iter().map(|v| v.role.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|at| std::cmp::Reverse(covered(&rows[*at])));
        let mut used = 0;
        let mut kept = Vec::new();
        for at in order {
            let lines = height(&rows[at]);
            if kept.is_empty() || used + lines <= WIDE_TABLE_LINES {
                used += lines;
                kept.push(at);
            }
        }
        kept.sort_unstable();
        let shown = kept.iter().map(|at| rows[*at].clone()).collect();
        let hidden = (0..rows.len())
            .filter(|at| !kept.contains(at))
            .map(|at| rows[at].name.clone())
            .collect();
        (shown, hidden)
    }

    fn more_line(&self, compared: bool) -> String {
        let others = self.other_contrasts.as_deref().unwrap_or_default();
        let shown_elsewhere = if compared {
            0
        } else {
            others
                .iter()
                .filter(|c| {
                    self.roles.iter().all(|role| {
                        others
                            .iter()
                            .any(|o| o.aspect == c.aspect && o.value.role == role.id)
                    })
                })
                .count()
        };
        let hidden = others.len() - shown_elsewhere
            + self.hidden_figures()
            + self.also_compared_lines().len();
        let skills_elsewhere = self.ratings.is_none() && {
            let elsewhere = self.elsewhere_skill_lines(compared).len();
            if compared {
                elsewhere > 0
            } else {
                elsewhere > 1
            }
        };
        let mut added = vec!["the profiles".to_string()];
        if self.skills_left_to_full() {
            added.push("the skills each article names".to_string());
        }
        if skills_elsewhere {
            added.push(if hidden == 0 {
                "the skills other articles name".to_string()
            } else {
                "other articles' skills".to_string()
            });
        }
        if hidden > 0 {
            added.push(format!(
                "{hidden} more item{}",
                if hidden == 1 { "" } else { "s" }
            ));
        }
        let last = added.pop().unwrap_or_default();
        if added.is_empty() {
            format!("--full adds {last}")
        } else {
            format!("--full adds {} and {last}", added.join(", "))
        }
    }

    /// Beside four roles or more, each article's skills are left to `--full`: the digest keeps
    /// to the contrasts and the pay, to fit a screen.
    fn skills_left_to_full(&self) -> bool {
        self.ratings.is_none() && self.roles.len() > 3
    }

    /// `id "title"` for each source the digest cites.
    pub(super) fn digest_sources(&self) -> Vec<String> {
        let mut cited: Vec<&String> = self.evidence.iter().map(|e| &e.source).collect();
        cited.extend(
            self.aspects
                .iter()
                .flatten()
                .flat_map(|r| &r.values)
                .flat_map(|v| &v.sources),
        );
        if self.evidence.is_empty() {
            cited.extend(
                self.other_contrasts
                    .iter()
                    .flatten()
                    .flat_map(|c| &c.value.sources),
            );
            cited.extend(
                self.roles
                    .iter()
                    .filter_map(|r| r.summary.as_ref())
                    .flat_map(|s| &s.statement.sources),
            );
        }
        // The skills the digest names: the comparing articles', or, for a pair none compares,
        // every source's.
        let compared = !self.evidence.is_empty();
        cited.extend(self.skills.iter().flatten().flat_map(|skill| {
            skill
                .notes
                .iter()
                .filter(move |note| !compared || note.scope.in_comparison())
                .flat_map(|note| &note.sources)
        }));
        let shown_figures: Vec<ScopedFigure> = self
            .roles
            .iter()
            .filter_map(|role| role.salary.as_deref())
            .flat_map(|figures| self.digest_figures(figures))
            .collect();
        let shown_sources: Vec<String> = shown_figures
            .iter()
            .map(|f| f.figure.source.clone())
            .collect();
        cited.extend(shown_sources.iter());
        cited.extend(self.ratings.iter().map(|r| &r.source));
        self.sources
            .iter()
            .filter(|source| cited.contains(&&source.id))
            .map(|source| format!("{} \"{}\"", source.id, source.title))
            .collect()
    }

    /// Per comparing article: the skills it names for both roles, and for one alone.
    pub(super) fn article_skill_lines(&self) -> Vec<String> {
        let names = |ids: &[String]| -> String {
            let names: Vec<String> = ids
                .iter()
                .map(|id| {
                    self.skills
                        .iter()
                        .flatten()
                        .find(|s| &s.id == id)
                        .map_or_else(|| id.clone(), |s| s.name.clone())
                })
                .collect();
            and_list(&names)
        };
        self.skills_by_article
            .iter()
            .flatten()
            .map(|article| {
                let pair: Vec<&str> = article.only.iter().map(|o| o.role.name.as_str()).collect();
                let mut parts = Vec::new();
                if !article.both.is_empty() {
                    let both = if pair.len() == 2 { "both" } else { "all" };
                    parts.push(format!("for {both}: {}", names(&article.both)));
                }
                for only in article.only.iter().filter(|o| !o.skills.is_empty()) {
                    parts.push(format!(
                        "for the {} alone: {}",
                        only.role.name,
                        names(&only.skills)
                    ));
                }
                // An article silent on a role's skills says nothing of them: said, not drawn on.
                let silent: Vec<String> = article
                    .only
                    .iter()
                    .filter(|o| o.skills.is_empty() && article.both.is_empty())
                    .map(|o| format!("the {}", o.role.name))
                    .collect();
                if parts.is_empty() {
                    return format!(
                        "{} names no skills for {}.",
                        article.source,
                        and_list(&silent)
                    );
                }
                if !silent.is_empty() {
                    parts.push(format!("none for {}", and_list(&silent)));
                }
                format!("Skills {} names {}.", article.source, parts.join("; "))
            })
            .collect()
    }

    /// Skills said elsewhere, per role and article: named, with the role they were said against.
    /// First, for a pair no article compares, the skills every compared role is named with,
    /// each by its own source (an article compares them itself when it can).
    pub(super) fn elsewhere_skill_lines(&self, compared: bool) -> Vec<String> {
        let skills = self.skills.as_deref().unwrap_or_default();
        let mut lines = Vec::new();
        let named_for_all: Vec<&SkillRow> = skills
            .iter()
            .filter(|_| !compared)
            .filter(|skill| {
                self.roles
                    .iter()
                    .all(|role| skill.notes.iter().any(|n| n.role == role.id))
            })
            .collect();
        if !named_for_all.is_empty() {
            let names: Vec<String> = named_for_all
                .iter()
                .map(|skill| {
                    let links: Vec<&str> = skill
                        .notes
                        .iter()
                        .filter_map(|n| n.linked_from.as_deref())
                        .collect();
                    match links.first() {
                        Some(link) => format!(
                            "{} ({link} taken as {}: the same name, linked by us)",
                            skill.name, skill.id
                        ),
                        None => skill.name.clone(),
                    }
                })
                .collect();
            lines.push(format!(
                "Skills named for both, each by its own source: {}.",
                and_list(&names)
            ));
        }
        for role in &self.roles {
            // (citation, skill names), in order of first appearance.
            let mut groups: Vec<(String, Vec<String>)> = Vec::new();
            for skill in skills {
                for note in skill.notes.iter().filter(|n| n.role == role.id) {
                    if note.scope.in_comparison() {
                        continue;
                    }
                    let key = scoped_cite(&note.sources, &note.scope);
                    match groups.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, names)) if !names.contains(&skill.name) => {
                            names.push(skill.name.clone())
                        }
                        Some(_) => {}
                        None => groups.push((key, vec![skill.name.clone()])),
                    }
                }
            }
            for (key, names) in groups {
                lines.push(format!(
                    "Skills named for the {} {key}: {}.",
                    role.name,
                    and_list(&names)
                ));
            }
        }
        lines
    }

    /// Statements and skill notes that are themselves comparisons between compared roles.
    pub(super) fn also_compared_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for role in &self.roles {
            let statements = role
                .duties
                .iter()
                .flatten()
                .chain(role.environment.iter().flatten())
                .filter(|s| s.statement.versus.is_some() && s.scope.in_comparison())
                .map(|s| format!("{} {}", s.statement.text, cite(&s.statement.sources)));
            let notes = self
                .skills
                .iter()
                .flatten()
                .flat_map(|skill| skill.notes.iter().map(move |n| (skill, n)))
                .filter(|(_, n)| n.role == role.id && n.versus.is_some() && n.scope.in_comparison())
                .map(|(skill, n)| format!("{}: {} {}", skill.name, n.text, cite(&n.sources)));
            for text in statements.chain(notes) {
                lines.push(format!("{}: {text}", role.name));
            }
        }
        lines
    }

    /// Pay in a few lines: each role's figures, scoped, then each like-for-like difference or
    /// why there is none.
    pub(super) fn pay_lines(&self) -> Vec<String> {
        let (Some(differences), Some(baseline)) = (&self.salary_differences, self.roles.first())
        else {
            return Vec::new();
        };
        // One paragraph: each role's figures, then each difference.
        let mut parts: Vec<String> = self
            .roles
            .iter()
            .filter_map(|role| {
                let figures = self.digest_figures(role.salary.as_deref()?);
                let text = if figures.is_empty() {
                    NO_SALARY.to_lowercase()
                } else {
                    Self::figure_lines(&figures).join("; ")
                };
                Some(format!("{}: {text}.", role.name))
            })
            .collect();
        // Beside three roles or more, a difference not computed is left to --full.
        let several = self.roles.len() > 2;
        for difference in differences {
            if several && difference.differences.is_empty() {
                continue;
            }
            let mut text = Self::difference_text(difference);
            if !text.ends_with('.') {
                text.push('.');
            }
            parts.push(format!(
                "{} against {}: {text}",
                difference.role.name, baseline.name
            ));
        }
        if parts.is_empty() {
            return Vec::new();
        }
        vec![format!("Pay. {}", parts.join(" "))]
    }

    /// A role's figures as the digest gives them: those of the articles comparing the roles,
    /// when they give any; else every figure (each labelled with where it was said).
    fn digest_figures(&self, figures: &[ScopedFigure]) -> Vec<ScopedFigure> {
        let compared: Vec<ScopedFigure> = figures
            .iter()
            .filter(|f| f.scope.in_comparison())
            .cloned()
            .collect();
        if compared.is_empty() {
            figures.to_vec()
        } else {
            compared
        }
    }

    /// How many figures the digest leaves to `--full`.
    fn hidden_figures(&self) -> usize {
        self.roles
            .iter()
            .filter_map(|role| role.salary.as_deref())
            .map(|figures| figures.len() - self.digest_figures(figures).len())
            .sum()
    }

    /// The ratings of one kind (skills, or knowledge areas) on their source's scale as a grid,
    /// largest differences first.
    pub(super) fn ratings_grid(
        &self,
        rated: &RatedComparison,
        kind: SkillKind,
        limit: usize,
    ) -> Option<Grid> {
        let shown: Vec<_> = rated
            .differences
            .iter()
            .filter(|d| d.kind == kind)
            .filter(|d| d.importance_gap.is_some() || d.level_gap.is_some())
            .take(limit)
            .collect();
        if shown.is_empty() {
            return None;
        }
        let label = match kind {
            SkillKind::Skill => "Skill",
            SkillKind::Knowledge => "Knowledge",
        };
        let mut headers = self.role_headers(label);
        headers.push("Gap".into());
        let mut grid = Grid::new(headers);
        let number =
            |v: Option<f64>| v.map_or_else(|| NOT_STATED.to_string(), |v| format!("{v:.2}"));
        for difference in shown {
            let cells = difference
                .ratings
                .iter()
                .map(|r| format!("{} / {}", number(r.importance), number(r.level)));
            let gap = format!(
                "{} / {}",
                number(difference.importance_gap),
                number(difference.level_gap)
            );
            grid.row(
                std::iter::once(difference.name.clone())
                    .chain(cells)
                    .chain(std::iter::once(gap)),
            );
        }
        Some(grid)
    }

    pub(super) fn ratings_blocks(&self, limit: usize) -> Vec<Block> {
        let Some(rated) = &self.ratings else {
            return Vec::new();
        };
        let mut blocks = Vec::new();
        for (kind, what, share) in [
            (SkillKind::Skill, "Skill", limit),
            (SkillKind::Knowledge, "Knowledge", limit.div_ceil(2)),
        ] {
            if let Some(grid) = self.ratings_grid(rated, kind, share) {
                blocks.push(Block::Note(format!(
                    "{what} ratings on {}'s scale, each as importance (1–5) / level (0–7), \
                     largest importance gap first:",
                    rated.source
                )));
                blocks.push(Block::Table(grid));
            }
        }
        for role in &rated.unrated {
            blocks.push(Block::Note(format!(
                "{} rates no skills for the {}: its silence is not a rating of zero.",
                rated.source, role.name
            )));
        }
        blocks
    }
}
