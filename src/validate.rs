//! Checks a parsed dataset for what its types cannot express: unique slug ids, cited sources
//! that exist, skills and aspects from the vocabularies, sane salary figures.
//!
//! Every problem is collected (not only the first) and, where the YAML text allows, given the
//! line and column of the offending item, so `roles validate` can list them all as
//! `FILE:LINE:COLUMN: message`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::model::{Dataset, Money, Role, SalaryFigure, SalaryKind, Statement};
use crate::problem::{MAX_LISTED_PROBLEMS, Problem};

/// The version of the dataset format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Largest amount accepted in a salary figure; anything above is a typo, not a salary.
pub const MAX_SALARY_AMOUNT: u64 = 100_000_000;

/// True for ids like `product-owner`: lowercase ASCII letters and digits joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Every problem in `dataset`; `text` is the YAML it was parsed from, used only to find positions.
/// With a `base` (the built-in data a user's file is layered on), the file may cite the base's
/// sources, skills and aspects without listing them, and may reuse its ids to replace items.
pub fn check(dataset: &Dataset, text: &str, base: Option<&Dataset>) -> Vec<Problem> {
    let mut checker = Checker {
        dataset,
        base,
        locator: Locator::new(text),
        known: Known::new(dataset, base),
        problems: Vec::new(),
        unlisted: 0,
    };
    checker.run();
    if checker.unlisted > 0 {
        checker.problems.push(Problem::unlisted(checker.unlisted));
    }
    checker.problems
}

/// Every id the file may cite, in sets built once rather than searched per citation.
struct Known<'a> {
    sources: HashSet<&'a str>,
    skills: HashSet<&'a str>,
    themes: HashSet<&'a str>,
    aspects: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(dataset: &'a Dataset, base: Option<&'a Dataset>) -> Self {
        let layers = || std::iter::once(dataset).chain(base);
        Known {
            sources: layers()
                .flat_map(|d| d.sources.iter().map(|s| s.id.as_str()))
                .collect(),
            skills: layers()
                .flat_map(|d| d.skills.iter().map(|s| s.id.as_str()))
                .collect(),
            themes: layers()
                .flat_map(|d| d.themes.iter().map(|t| t.id.as_str()))
                .collect(),
            aspects: layers()
                .flat_map(|d| d.aspects.iter().map(|a| a.id.as_str()))
                .collect(),
        }
    }
}

#[derive(Clone, Copy)]
enum Vocabulary {
    Sources,
    Skills,
    Themes,
    Aspects,
}

struct Checker<'a> {
    dataset: &'a Dataset,
    base: Option<&'a Dataset>,
    locator: Locator<'a>,
    known: Known<'a>,
    problems: Vec<Problem>,
    unlisted: usize,
}

impl Checker<'_> {
    fn layers(&self) -> impl Iterator<Item = &Dataset> {
        std::iter::once(self.dataset).chain(self.base)
    }

    fn knows_source(&self, id: &str) -> bool {
        self.known.sources.contains(id)
    }

    fn knows_skill(&self, id: &str) -> bool {
        self.known.skills.contains(id)
    }

    fn knows_theme(&self, id: &str) -> bool {
        self.known.themes.contains(id)
    }

    fn knows_aspect(&self, id: &str) -> bool {
        self.known.aspects.contains(id)
    }

    /// `; did you mean 'x'?` when one known id is spelt much like `word`, else nothing.
    fn hint(&self, kind: Vocabulary, word: &str) -> String {
        let ids: Vec<&str> = self
            .layers()
            .flat_map(|d| -> Vec<&str> {
                match kind {
                    Vocabulary::Sources => d.sources.iter().map(|s| s.id.as_str()).collect(),
                    Vocabulary::Skills => d.skills.iter().map(|s| s.id.as_str()).collect(),
                    Vocabulary::Themes => d.themes.iter().map(|t| t.id.as_str()).collect(),
                    Vocabulary::Aspects => d.aspects.iter().map(|a| a.id.as_str()).collect(),
                }
            })
            .collect();
        ids.into_iter()
            .map(|id| (strsim::jaro_winkler(word, id), id))
            .filter(|(score, _)| *score >= 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| format!("; did you mean '{id}'?"))
            .unwrap_or_default()
    }

    fn run(&mut self) {
        if self.dataset.version != FORMAT_VERSION {
            let at = self.locator.key_in_section(None, 0, "version");
            self.report(
                at,
                format!(
                    "version {} is not supported (this build reads version {FORMAT_VERSION})",
                    self.dataset.version
                ),
            );
        }
        self.check_ids();
        for (index, role) in self.dataset.roles.iter().enumerate() {
            self.check_role(index, role);
        }
    }

    fn report(&mut self, position: Option<(usize, usize)>, message: String) {
        self.keep(Problem::at(position, message));
    }

    fn keep(&mut self, problem: Problem) {
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.unlisted += 1;
        }
    }

    fn check_ids(&mut self) {
        let data = self.dataset;
        let sections: [(&str, &str, Vec<&str>); 5] = [
            (
                "sources",
                "source",
                data.sources.iter().map(|s| s.id.as_str()).collect(),
            ),
            (
                "skills",
                "skill",
                data.skills.iter().map(|s| s.id.as_str()).collect(),
            ),
            (
                "themes",
                "theme",
                data.themes.iter().map(|t| t.id.as_str()).collect(),
            ),
            (
                "aspects",
                "aspect",
                data.aspects.iter().map(|a| a.id.as_str()).collect(),
            ),
            (
                "roles",
                "role",
                data.roles.iter().map(|r| r.id.as_str()).collect(),
            ),
        ];
        for (section, noun, ids) in sections {
            let mut seen = HashSet::new();
            for (index, id) in ids.into_iter().enumerate() {
                let not_slug = !is_slug(id);
                let repeated = !seen.insert(id);
                if !(not_slug || repeated) {
                    continue;
                }
                // Positions are looked up only for problems: finding one scans the text.
                let at = self.locator.key_in_section(Some(section), index, "id");
                if not_slug {
                    self.report(
                        at,
                        format!(
                            "{noun} id '{id}' is not a slug (lowercase letters, digits and single hyphens)"
                        ),
                    );
                }
                if repeated {
                    self.report(at, format!("{noun} id '{id}' is used twice"));
                }
            }
        }
        for (index, source) in data.sources.iter().enumerate() {
            for compared in &source.compares {
                if !is_slug(compared) {
                    let at = self.locator.word_in_item("sources", index, compared);
                    self.report(
                        at,
                        format!(
                            "source '{}': compared role '{compared}' is not a slug",
                            source.id
                        ),
                    );
                }
            }
        }
    }

    fn check_role(&mut self, index: usize, role: &Role) {
        if role.name.trim().is_empty() {
            let at = self.locator.key_in_section(Some("roles"), index, "name");
            self.report(at, format!("role '{}': name is empty", role.id));
        }
        let mut statements: Vec<(&str, &Statement)> = vec![("summary", &role.summary)];
        statements.extend(role.duties.iter().map(|s| ("duty", s)));
        statements.extend(role.requirements.education.iter().map(|s| ("education", s)));
        statements.extend(
            role.requirements
                .experience
                .iter()
                .map(|s| ("experience", s)),
        );
        statements.extend(
            role.requirements
                .certifications
                .iter()
                .map(|s| ("certification", s)),
        );
        statements.extend(role.environment.iter().map(|s| ("environment", s)));
        statements.extend(role.advice.iter().map(|s| ("piece of advice", s)));
        for (what, statement) in statements {
            self.check_statement(index, role, what, statement);
        }
        self.check_skills(index, role);
        self.check_aspects(index, role);
        self.check_related(index, role);
        for (number, figure) in role.salary.iter().enumerate() {
            self.check_salary(index, role, number, figure);
        }
    }

    fn check_statement(&mut self, index: usize, role: &Role, what: &str, statement: &Statement) {
        if statement.text.trim().is_empty() {
            let at = self.locator.key_in_section(Some("roles"), index, "text");
            self.report(at, format!("role '{}': a {what} has empty text", role.id));
        }
        self.check_citations(index, role, what, &statement.sources);
        self.check_versus(
            index,
            role,
            &format!("a {what}"),
            statement.versus.as_deref(),
        );
        if let Some(involvement) = &statement.involvement {
            self.check_involvement(index, role, what, involvement);
        }
        for theme in &statement.themes {
            if !self.knows_theme(theme) {
                let at = self.locator.word_in_item("roles", index, theme);
                self.report(
                    at,
                    format!(
                        "role '{}': a {what} has theme '{theme}', which is not listed under themes{}",
                        role.id,
                        self.hint(Vocabulary::Themes, theme)
                    ),
                );
            }
        }
    }

    fn check_citations(&mut self, index: usize, role: &Role, what: &str, sources: &[String]) {
        if sources.is_empty() {
            let at = self.locator.key_in_section(Some("roles"), index, "sources");
            self.report(at, format!("role '{}': a {what} cites no source", role.id));
        }
        for source in sources {
            if !self.knows_source(source) {
                let at = self.locator.word_in_item("roles", index, source);
                self.report(
                    at,
                    format!(
                        "role '{}': {what} cites source '{source}', which is not listed under sources{}",
                        role.id,
                        self.hint(Vocabulary::Sources, source)
                    ),
                );
            }
        }
    }

    fn check_skills(&mut self, index: usize, role: &Role) {
        let mut seen = HashSet::new();
        for skill in &role.skills {
            let unknown = !self.knows_skill(&skill.skill);
            // One entry per skill and article, so each article's note stays its own.
            let repeated = !seen.insert((
                skill.skill.as_str(),
                skill.sources.first().map(String::as_str),
            ));
            let at = if unknown || repeated {
                self.locator.word_in_item("roles", index, &skill.skill)
            } else {
                None
            };
            if unknown {
                self.report(
                    at,
                    format!(
                        "role '{}': skill '{}' is not in the skill vocabulary{}",
                        role.id,
                        skill.skill,
                        self.hint(Vocabulary::Skills, &skill.skill)
                    ),
                );
            }
            if repeated {
                self.report(
                    at,
                    format!(
                        "role '{}': skill '{}' is listed twice for the same first source",
                        role.id, skill.skill
                    ),
                );
            }
            let ratings = [("importance", skill.importance), ("level", skill.level)];
            for (what, rating) in ratings {
                if rating.is_some_and(|r| !(r.is_finite() && r >= 0.0)) {
                    let at = self.locator.word_in_item("roles", index, &skill.skill);
                    self.report(
                        at,
                        format!(
                            "role '{}': skill '{}' has a negative or non-numeric {what}",
                            role.id, skill.skill
                        ),
                    );
                }
            }
            self.check_citations(index, role, "skill", &skill.sources);
            let what = format!("skill '{}'", skill.skill);
            self.check_versus(index, role, &what, skill.versus.as_deref());
        }
    }

    /// Only a duty has an involvement; its partners are other known roles, `collaborates` names
    /// at most the roles it is done with, and a hedge is one the articles use.
    fn check_involvement(
        &mut self,
        index: usize,
        role: &Role,
        what: &str,
        involvement: &crate::model::Involvement,
    ) {
        if what != "duty" {
            let at = self
                .locator
                .key_in_section(Some("roles"), index, "involvement");
            self.report(
                at,
                format!(
                    "role '{}': a {what} has an involvement; only duties do",
                    role.id
                ),
            );
        }
        for partner in &involvement.with {
            let problem = if partner == &role.id {
                "names the role itself as its partner".to_string()
            } else if !self.knows_role(partner) {
                format!("names '{partner}' as its partner, which is not a known role")
            } else {
                continue;
            };
            let at = self.locator.word_in_item("roles", index, partner);
            self.report(
                at,
                format!("role '{}': a duty's involvement {problem}", role.id),
            );
        }
        if let Some(hedge) = &involvement.hedge
            && !crate::model::HEDGES.contains(&hedge.as_str())
        {
            let at = self.locator.word_in_item("roles", index, hedge);
            self.report(
                at,
                format!(
                    "role '{}': a duty's hedge '{}' is not one of {}",
                    role.id,
                    crate::escape::excerpt(hedge, 20),
                    crate::model::HEDGES.join(", ")
                ),
            );
        }
    }

    /// A counterpart must be another known role.
    fn check_versus(&mut self, index: usize, role: &Role, what: &str, versus: Option<&str>) {
        let Some(versus) = versus else {
            return;
        };
        let problem = if versus == role.id {
            "is measured against the role itself".to_string()
        } else if !self.knows_role(versus) {
            format!("is measured against '{versus}', which is not a known role")
        } else {
            return;
        };
        let at = self.locator.word_in_item("roles", index, versus);
        self.report(at, format!("role '{}': {what} {problem}", role.id));
    }

    fn check_related(&mut self, index: usize, role: &Role) {
        for related in &role.related {
            let problem = if related.role == role.id {
                Some("is related to itself".to_string())
            } else if !self.knows_role(&related.role) {
                Some(format!(
                    "is related to '{}', which is not a known role",
                    related.role
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                let at = self.locator.word_in_item("roles", index, &related.role);
                self.report(at, format!("role '{}' {problem}", role.id));
            }
            self.check_citations(index, role, "related role", &related.sources);
        }
    }

    fn knows_role(&self, id: &str) -> bool {
        self.layers().any(|d| d.roles.iter().any(|r| r.id == id))
    }

    fn check_aspects(&mut self, index: usize, role: &Role) {
        let mut seen = HashSet::new();
        for aspect in &role.aspects {
            let unknown = !self.knows_aspect(&aspect.aspect);
            // Articles may disagree: one value per aspect, counterpart and first source.
            let repeated = !seen.insert((
                aspect.aspect.as_str(),
                aspect.versus.as_deref(),
                aspect.sources.first().map(String::as_str),
            ));
            let what = format!("aspect '{}'", aspect.aspect);
            self.check_versus(index, role, &what, aspect.versus.as_deref());
            let at = if unknown || repeated {
                self.locator.word_in_item("roles", index, &aspect.aspect)
            } else {
                None
            };
            if unknown {
                self.report(
                    at,
                    format!(
                        "role '{}': aspect '{}' is not listed under aspects{}",
                        role.id,
                        aspect.aspect,
                        self.hint(Vocabulary::Aspects, &aspect.aspect)
                    ),
                );
            }
            if repeated {
                self.report(
                    at,
                    format!(
                        "role '{}': aspect '{}' is given twice for the same counterpart and source",
                        role.id, aspect.aspect
                    ),
                );
            }
            self.check_citations(index, role, "aspect", &aspect.sources);
        }
    }

    fn check_salary(&mut self, index: usize, role: &Role, number: usize, figure: &SalaryFigure) {
        let id = &role.id;
        let locator = &self.locator;
        let key_at = |key: &str| {
            locator
                .figure_key(index, number, key)
                .or_else(|| locator.word_in_item("roles", index, "salary"))
        };
        let mut found = Vec::new();
        let shape_error = match figure.kind {
            SalaryKind::Average | SalaryKind::Median if figure.amount.is_none() => {
                Some("an average or median figure needs `amount`")
            }
            SalaryKind::Average | SalaryKind::Median
                if figure.min.is_some() || figure.max.is_some() =>
            {
                Some("an average or median figure takes `amount`, not `min`/`max`")
            }
            SalaryKind::Range if figure.min.is_none() || figure.max.is_none() => {
                Some("a range figure needs both `min` and `max`")
            }
            SalaryKind::Percentile if figure.amount.is_none() => {
                Some("a percentile figure needs `amount`")
            }
            SalaryKind::Percentile if !figure.percentile.is_some_and(|p| (1..=99).contains(&p)) => {
                Some("a percentile figure needs `percentile`, from 1 to 99")
            }
            SalaryKind::Average | SalaryKind::Median | SalaryKind::Range
                if figure.percentile.is_some() =>
            {
                Some("only a percentile figure takes `percentile`")
            }
            SalaryKind::Average | SalaryKind::Median | SalaryKind::Percentile
                if figure.percentiles.is_some() =>
            {
                Some("only a range takes `percentiles`")
            }
            SalaryKind::Range
                if figure
                    .percentiles
                    .is_some_and(|[low, high]| !(1 <= low && low < high && high <= 99)) =>
            {
                Some("a range's `percentiles` are two, rising, from 1 to 99 (`[10, 90]`)")
            }
            SalaryKind::Range if figure.amount.is_some() => {
                Some("a range figure takes `min` and `max`, not `amount`")
            }
            _ => None,
        };
        if let Some(message) = shape_error {
            report(
                &mut found,
                key_at("kind"),
                format!("role '{id}': {message}"),
            );
        }
        let (low, high) = figure.bounds();
        if low > high {
            report(
                &mut found,
                key_at("min"),
                format!("role '{id}': salary range min {low} is above max {high}"),
            );
        }
        let amounts = [
            ("amount", figure.amount),
            ("min", figure.min),
            ("max", figure.max),
        ];
        for (key, amount) in amounts {
            let Some(amount) = amount else { continue };
            if amount == Money::default() || amount > Money::from_units(MAX_SALARY_AMOUNT) {
                report(
                    &mut found,
                    key_at(key),
                    format!(
                        "role '{id}': salary amount {amount} is not plausible (expected 1 to {MAX_SALARY_AMOUNT})"
                    ),
                );
            }
        }
        let currency = &figure.currency;
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            report(
                &mut found,
                key_at("currency"),
                format!("role '{id}': currency '{currency}' is not a three-letter code like USD"),
            );
        }
        if !self.knows_source(&figure.source) {
            let source_hint = self.hint(Vocabulary::Sources, &figure.source);
            report(
                &mut found,
                key_at("source"),
                format!(
                    "role '{id}': salary figure cites source '{}', which is not listed under sources{source_hint}",
                    figure.source
                ),
            );
        }
        for problem in found {
            self.keep(problem);
        }
    }
}

fn report(problems: &mut Vec<Problem>, position: Option<(usize, usize)>, message: String) {
    problems.push(Problem::at(position, message));
}

/// Finds approximate positions of items in block-style YAML text.
///
/// The parser gives positions only for parse errors, so the checks done after parsing look the
/// item up in the text: the top-level section, the n-th list item in it, then a key or a word
/// inside that item. Flow-style or unusual layouts simply get no position. Each section and
/// each list is scanned once and its item starts kept, so finding the position of every one of
/// a hundred thousand problems costs one pass over the file, not one per problem.
struct Locator<'a> {
    lines: Vec<&'a str>,
    sections: RefCell<HashMap<String, Option<(usize, usize)>>>,
    lists: RefCell<HashMap<(usize, usize), Option<ListItems>>>,
}

/// The lines where each item of one block list starts, and where the list ends.
#[derive(Clone)]
struct ListItems {
    starts: Vec<usize>,
    end: usize,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Locator {
            lines: text.lines().collect(),
            sections: RefCell::default(),
            lists: RefCell::default(),
        }
    }

    /// Lines `[start, end)` of top-level `section:`, or the whole file for `None`.
    fn section(&self, section: Option<&str>) -> Option<(usize, usize)> {
        let Some(name) = section else {
            return Some((0, self.lines.len()));
        };
        if let Some(found) = self.sections.borrow().get(name) {
            return *found;
        }
        let found = self.find_section(name);
        self.sections.borrow_mut().insert(name.to_string(), found);
        found
    }

    fn find_section(&self, name: &str) -> Option<(usize, usize)> {
        let header = format!("{name}:");
        let start = self
            .lines
            .iter()
            .position(|line| line.trim_end().starts_with(&header) && !line.starts_with(' '))?;
        let end = (start + 1..self.lines.len())
            .find(|&i| {
                let line = self.lines[i];
                !line.is_empty()
                    && !line.starts_with([' ', '-', '#'])
                    && line.trim_end().contains(':')
            })
            .unwrap_or(self.lines.len());
        Some((start + 1, end))
    }

    /// Lines of the `index`-th list item in a section (the whole section for `None`).
    fn item(&self, section: Option<&str>, index: usize) -> Option<(usize, usize)> {
        let (start, end) = self.section(section)?;
        if section.is_none() {
            return Some((start, end));
        }
        self.list_item(start, end, index)
    }

    /// Lines of the `index`-th block-list item (`- …`) within lines `[start, end)`; the list ends
    /// at the first line indented less than its items.
    fn list_item(&self, start: usize, end: usize, index: usize) -> Option<(usize, usize)> {
        let cached = self.lists.borrow().get(&(start, end)).cloned();
        let items = match cached {
            Some(items) => items,
            None => {
                let items = self.scan_list(start, end);
                self.lists.borrow_mut().insert((start, end), items.clone());
                items
            }
        }?;
        let first = *items.starts.get(index)?;
        let next = items.starts.get(index + 1).copied().unwrap_or(items.end);
        Some((first, next))
    }

    fn scan_list(&self, start: usize, end: usize) -> Option<ListItems> {
        let indent_of = |line: &str| line.len() - line.trim_start().len();
        let item_indent = (start..end).find_map(|i| {
            let line = self.lines[i];
            line.trim_start().starts_with("- ").then(|| indent_of(line))
        })?;
        let mut starts = Vec::new();
        let mut last = end;
        for i in start..end {
            let line = self.lines[i];
            let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
            if blank {
                continue;
            }
            let indent = indent_of(line);
            if indent < item_indent {
                if !starts.is_empty() {
                    last = i;
                    break;
                }
                continue;
            }
            if indent == item_indent && line[indent..].starts_with("- ") {
                starts.push(i);
            }
        }
        Some(ListItems { starts, end: last })
    }

    /// Position of `key:` on a line of its own within `[start, end)`.
    fn key_in(&self, start: usize, end: usize, key: &str) -> Option<(usize, usize)> {
        let pattern = format!("{key}:");
        (start..end).find_map(|i| {
            let line = self.lines[i];
            let column = line.find(&pattern)?;
            let before = &line[..column];
            before
                .trim_start_matches([' ', '-'])
                .is_empty()
                .then_some((i + 1, column + 1))
        })
    }

    /// Position of `key:` in the `figure`-th salary figure of the `role`-th role.
    fn figure_key(&self, role: usize, figure: usize, key: &str) -> Option<(usize, usize)> {
        let (start, end) = self.item(Some("roles"), role)?;
        let (salary_line, _) = self.key_in(start, end, "salary")?;
        let (first, last) = self.list_item(salary_line, end, figure)?;
        self.key_in(first, last, key)
    }

    /// Position of `key:` in the `index`-th item of `section`.
    fn key_in_section(
        &self,
        section: Option<&str>,
        index: usize,
        key: &str,
    ) -> Option<(usize, usize)> {
        let (start, end) = self.item(section, index)?;
        self.key_in(start, end, key)
    }

    /// Position of `word` (as a whole token) in the `index`-th item of `section`.
    fn word_in_item(&self, section: &str, index: usize, word: &str) -> Option<(usize, usize)> {
        if word.is_empty() {
            return None;
        }
        let (start, end) = self.item(Some(section), index)?;
        (start..end).find_map(|i| {
            let line = self.lines[i];
            line.match_indices(word).find_map(|(column, _)| {
                let before = line[..column].chars().next_back();
                let after = line[column + word.len()..].chars().next();
                let is_token_edge = |c: Option<char>| {
                    c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
                };
                (is_token_edge(before) && is_token_edge(after)).then_some((i + 1, column + 1))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        assert!(is_slug("product-owner"));
        assert!(is_slug("role2"));
        for bad in ["", "Product-Owner", "a--b", "-a", "a-", "a b", "a_b", "é"] {
            assert!(!is_slug(bad), "{bad:?} should not be a slug");
        }
    }

    #[test]
    fn locator_finds_a_word_inside_the_nth_item() {
        let text =
            "version: 1\nroles:\n  - id: a\n    skills: [x]\n  - id: b\n    skills: [y, zz]\n";
        let locator = Locator::new(text);
        assert_eq!(locator.word_in_item("roles", 1, "zz"), Some((6, 17)));
        assert_eq!(locator.key_in_section(Some("roles"), 1, "id"), Some((5, 5)));
        assert_eq!(locator.word_in_item("roles", 0, "zz"), None);
    }

    #[test]
    fn locator_finds_a_key_in_the_nth_salary_figure() {
        let text = "roles:\n  - id: a\n    salary:\n      - kind: average\n        amount: 1\n      - kind: range\n        min: 3\n        max: 2\n    aspects: []\n";
        let locator = Locator::new(text);
        assert_eq!(locator.figure_key(0, 1, "min"), Some((7, 9)));
        assert_eq!(locator.figure_key(0, 0, "amount"), Some((5, 9)));
        assert_eq!(locator.figure_key(0, 2, "min"), None);
    }

    #[test]
    fn problem_shows_as_much_position_as_is_known() {
        assert_eq!(
            Problem::at(Some((3, 7)), "bad").display_in("f.yaml"),
            "f.yaml:3:7: bad"
        );
        assert_eq!(Problem::at(None, "bad").display_in("f.yaml"), "f.yaml: bad");
    }
}
