//! How a comparison reads: the one-screen digest (the default table), the full side-by-side
//! profile (`--full`, `--only`, Markdown), and flat records for CSV. Both lead with what the
//! articles comparing these roles say; what other articles say of one role is labelled with
//! its article and counterpart, never merged into "both" or "only".

use super::{
    AspectRow, ComparedRole, Comparison, ContrastValue, OtherContrast, PayDifference,
    RatedComparison, Scope, ScopedFigure, ScopedStatement, SkillRow,
};
use crate::commands::sources::{attributions, source_lines};
use crate::commands::{NO_SALARY, NOT_STATED, bullets};
use crate::figures::{SalaryDifference, describe_figure};
use crate::model::SkillKind;
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View, cite};

/// How many rating rows the digest shows; `--full` shows them all.
const DIGEST_RATINGS: usize = 8;

/// `[dl-po]` for an item a comparing article says; `[po-pm-guide, against the Product
/// Manager]` for one said elsewhere, so no item passes for evidence it is not.
fn scoped_cite(sources: &[String], scope: &Scope) -> String {
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

fn cited(item: &ScopedStatement) -> String {
    format!(
        "{} {}",
        item.statement.text,
        scoped_cite(&item.statement.sources, &item.scope)
    )
}

/// The items as a cell: what the comparing articles say first, then, labelled, the rest.
fn cited_list(items: &[ScopedStatement]) -> String {
    let mut ordered: Vec<&ScopedStatement> = items.iter().collect();
    ordered.sort_by_key(|item| !item.scope.in_comparison());
    match ordered.as_slice() {
        [] => NOT_STATED.to_string(),
        [only] => cited(only),
        _ => bullets(ordered.into_iter().map(cited)),
    }
}

/// `name`, `name and name`, `a, b and c`, or `none`.
fn and_list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        crate::text::and_list(items)
    }
}

/// A value as a cell line: its counterpart when asked for, the text and its sources.
fn value_line(value: &ContrastValue, label_versus: bool) -> String {
    let text = format!("{} {}", value.text, cite(&value.sources));
    match (&value.versus, label_versus) {
        (Some(versus), true) => format!("vs {}: {text}", versus.name),
        (None, true) => format!("of the role alone: {text}"),
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

    /// The first line: which articles compare these roles, or that none does.
    fn evidence_line(&self) -> String {
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
    fn missing_cell(&self, role: &str, aspect: &str) -> String {
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
                    0 => self.missing_cell(&role.id, &row.id),
                    1 => lines.concat(),
                    _ => bullets(lines),
                }
            });
            grid.row(std::iter::once(row.name.clone()).chain(cells));
        }
        grid
    }

    /// Aspect values said elsewhere, side by side, each with its counterpart: for a pair no
    /// article compares, and for `--full`. Never headed a contrast.
    fn elsewhere_grid(&self, with_summaries: bool) -> Option<Grid> {
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
    fn profile_rows(&self) -> Vec<(&'static str, Vec<String>)> {
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

    /// A role's figures, each cited, with its scope.
    fn figure_lines(figures: &[ScopedFigure]) -> Vec<String> {
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

    fn difference_text(difference: &PayDifference) -> String {
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

    fn salary_grid(&self) -> Option<Grid> {
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

    /// Per comparing article: the skills it names for both roles, and for one alone.
    fn article_skill_lines(&self) -> Vec<String> {
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
            .filter_map(|article| {
                let pair: Vec<&str> = article.only.iter().map(|o| o.role.name.as_str()).collect();
                let mut parts = Vec::new();
                if !article.both.is_empty() {
                    parts.push(format!(
                        "for both the {}: {}",
                        pair.join(" and the "),
                        names(&article.both)
                    ));
                }
                for only in article.only.iter().filter(|o| !o.skills.is_empty()) {
                    parts.push(format!(
                        "for the {} alone: {}",
                        only.role.name,
                        names(&only.skills)
                    ));
                }
                (!parts.is_empty())
                    .then(|| format!("Skills {} names {}.", article.source, parts.join("; ")))
            })
            .collect()
    }

    /// Skills said elsewhere, per role and article: named, with the role they were said against.
    /// First, for a pair no article compares, the skills every compared role is named with,
    /// each by its own source (an article compares them itself when it can).
    fn elsewhere_skill_lines(&self, compared: bool) -> Vec<String> {
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
    fn also_compared_lines(&self) -> Vec<String> {
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
                    Self::figure_lines(figures).join("; ")
                };
                Some(format!("Pay, {}: {text}", role.name))
            })
            .collect();
        for difference in differences {
            lines.push(format!(
                "{} against {}: {}",
                difference.role.name,
                baseline.name,
                Self::difference_text(difference)
            ));
        }
        lines
    }

    /// The ratings of one kind (skills, or knowledge areas) on their source's scale as a grid,
    /// largest differences first.
    fn ratings_grid(&self, rated: &RatedComparison, kind: SkillKind, limit: usize) -> Option<Grid> {
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

    fn ratings_blocks(&self, limit: usize) -> Vec<Block> {
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

    fn sources_note(&self) -> Block {
        Block::Note(format!(
            "{NOT_STATED} means the sources say nothing on it. An item an article says against \
             another role is cited with that role. Sources: {}",
            source_lines(&self.sources).join("; ")
        ))
    }

    /// The answer first: which articles compare the roles, the contrasts they draw, the skills
    /// and pay they give; then, labelled, what other articles say of one role alone.
    fn digest_report(&self) -> Report {
        let mut blocks = vec![
            Block::Heading(self.title()),
            Block::Note(self.evidence_line()),
        ];
        let rows = self.aspects.as_deref().unwrap_or_default();
        let compared = !self.evidence.is_empty();
        if compared && !rows.is_empty() {
            blocks.push(Block::Table(self.contrast_grid(rows)));
        } else if compared {
            blocks.push(Block::Note(
                "The comparing articles draw no aspect contrast between these roles.".into(),
            ));
        } else if let Some(grid) = self.elsewhere_grid(true) {
            blocks.push(Block::Table(grid));
        }
        blocks.extend(self.ratings_blocks(DIGEST_RATINGS));
        let mut lines = Vec::new();
        if self.ratings.is_none() {
            lines.extend(self.article_skill_lines());
        }
        lines.extend(self.pay_lines());
        lines.extend(self.also_compared_lines());
        if !lines.is_empty() {
            blocks.push(Block::Paragraphs(lines));
        }
        if self.ratings.is_none() {
            let elsewhere = self.elsewhere_skill_lines(compared);
            if !elsewhere.is_empty() {
                let mut lines = Vec::new();
                if compared {
                    lines.push("Said in other articles, not about this pair:".to_string());
                }
                lines.extend(elsewhere);
                blocks.push(Block::Paragraphs(lines));
            }
        }
        let others = self.other_contrasts.as_ref().map_or(0, Vec::len);
        let mut more =
            "--full adds summaries, duties, requirements, environment, skill notes".to_string();
        if compared && others > 0 {
            more.push_str(&format!(
                " and {others} aspect value{} said against other roles",
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

    /// `id "title"` for each source the digest cites.
    fn digest_sources(&self) -> Vec<String> {
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
        cited.extend(
            self.skills
                .iter()
                .flatten()
                .flat_map(|skill| skill.notes.iter().flat_map(|note| &note.sources)),
        );
        cited.extend(
            self.roles
                .iter()
                .flat_map(|role| role.salary.iter().flatten().map(|f| &f.figure.source)),
        );
        cited.extend(self.ratings.iter().map(|r| &r.source));
        self.sources
            .iter()
            .filter(|source| cited.contains(&&source.id))
            .map(|source| format!("{} \"{}\"", source.id, source.title))
            .collect()
    }

    fn skill_grid(&self, skills: &[SkillRow]) -> Grid {
        let mut grid = Grid::new(self.role_headers("Skill"));
        for skill in skills {
            let cells = self.roles.iter().map(|role| {
                let mut notes: Vec<&super::RoleNote> =
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
        let mut records = Records::new([
            "section",
            "item",
            "role",
            "versus",
            "text",
            "sources",
            "low",
            "high",
            "currency",
            "in_comparison",
            "said_against",
        ]);
        let versus_of = |value: &ContrastValue| {
            value
                .versus
                .as_ref()
                .map_or_else(String::new, |v| v.id.clone())
        };
        let scope_cells = |scope: &Scope| {
            let against: Vec<&str> = scope
                .said_against
                .iter()
                .map(|c| c.role.id.as_str())
                .collect();
            [
                scope.in_comparison().to_string(),
                against.join(LIST_SEPARATOR),
            ]
        };
        let row_of = |section: &str,
                      item: String,
                      role: &str,
                      versus: String,
                      text: &str,
                      sources: String,
                      scope: [String; 2]| {
            let [in_comparison, against] = scope;
            vec![
                section.to_string(),
                item,
                role.to_string(),
                versus,
                text.to_string(),
                sources,
                String::new(),
                String::new(),
                String::new(),
                in_comparison,
                against,
            ]
        };
        for row in self.aspects.iter().flatten() {
            for value in &row.values {
                let scope = ["true".to_string(), versus_of(value)];
                records.row(row_of(
                    "Aspects",
                    row.id.clone(),
                    &value.role,
                    versus_of(value),
                    &value.text,
                    value.sources.join(LIST_SEPARATOR),
                    scope,
                ));
            }
        }
        for contrast in self.other_contrasts.iter().flatten() {
            let value = &contrast.value;
            let scope = ["false".to_string(), versus_of(value)];
            records.row(row_of(
                "Aspects",
                contrast.aspect.clone(),
                &value.role,
                versus_of(value),
                &value.text,
                value.sources.join(LIST_SEPARATOR),
                scope,
            ));
        }
        for role in &self.roles {
            for (section, statements) in role.statements() {
                for (number, item) in statements.iter().enumerate() {
                    let statement = &item.statement;
                    records.row(row_of(
                        section,
                        (number + 1).to_string(),
                        &role.id,
                        statement.versus.clone().unwrap_or_default(),
                        &statement.text,
                        statement.sources.join(LIST_SEPARATOR),
                        scope_cells(&item.scope),
                    ));
                }
            }
        }
        for skill in self.skills.iter().flatten() {
            for note in &skill.notes {
                records.row(row_of(
                    "Skills",
                    skill.id.clone(),
                    &note.role,
                    note.versus
                        .as_ref()
                        .map_or_else(String::new, |v| v.id.clone()),
                    &note.text,
                    note.sources.join(LIST_SEPARATOR),
                    scope_cells(&note.scope),
                ));
            }
        }
        if let Some(rated) = &self.ratings {
            for difference in &rated.differences {
                for rating in &difference.ratings {
                    let number = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
                    records.row([
                        "Ratings".to_string(),
                        difference.id.clone(),
                        rating.role.clone(),
                        String::new(),
                        format!(
                            "importance {}, level {}",
                            number(rating.importance),
                            number(rating.level)
                        ),
                        rated.source.clone(),
                        number(rating.importance),
                        number(rating.level),
                    ]);
                }
            }
        }
        for role in &self.roles {
            for scoped in role.salary.iter().flatten() {
                let figure = &scoped.figure;
                let scope = scope_cells(&scoped.scope);
                let [in_comparison, against] = scope;
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
                    in_comparison,
                    against,
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
            if let Some(reason) = &difference.not_computed {
                records.row([
                    "Salary".to_string(),
                    "no difference".to_string(),
                    difference.role.id.clone(),
                    difference.baseline.id.clone(),
                    reason.clone(),
                ]);
            }
        }
        records
    }
}
