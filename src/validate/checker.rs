//! The checker every check of a dataset reports to: what the dataset may cite, where its items
//! are, and the problems found so far (listed up to a limit, counted past it).

use std::collections::HashSet;

use super::positions::Locator;
use crate::model::{Dataset, Role, Statement};
use crate::problem::{MAX_LISTED_PROBLEMS, Problem};

/// The version of the dataset format this build reads.
pub const FORMAT_VERSION: u32 = 1;

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

/// Every id the file may cite, in sets built once rather than searched per citation.
pub(super) struct Known<'a> {
    pub(super) sources: HashSet<&'a str>,
    pub(super) skills: HashSet<&'a str>,
    pub(super) themes: HashSet<&'a str>,
    pub(super) aspects: HashSet<&'a str>,
    pub(super) roles: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    pub(super) fn new(dataset: &'a Dataset, base: Option<&'a Dataset>) -> Self {
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
            roles: layers()
                .flat_map(|d| d.roles.iter().map(|r| r.id.as_str()))
                .collect(),
        }
    }
}

/// The vocabularies a misspelt id may be hinted from.
#[derive(Clone, Copy)]
pub(super) enum Vocabulary {
    Sources,
    Skills,
    Themes,
    Aspects,
}

/// The checks of one dataset, with the problems found so far.
pub(super) struct Checker<'a> {
    pub(super) dataset: &'a Dataset,
    pub(super) base: Option<&'a Dataset>,
    pub(super) locator: Locator<'a>,
    pub(super) known: Known<'a>,
    pub(super) problems: Vec<Problem>,
    pub(super) unlisted: usize,
}

impl Checker<'_> {
    pub(super) fn layers(&self) -> impl Iterator<Item = &Dataset> {
        std::iter::once(self.dataset).chain(self.base)
    }

    pub(super) fn knows_source(&self, id: &str) -> bool {
        self.known.sources.contains(id)
    }

    pub(super) fn knows_skill(&self, id: &str) -> bool {
        self.known.skills.contains(id)
    }

    pub(super) fn knows_theme(&self, id: &str) -> bool {
        self.known.themes.contains(id)
    }

    pub(super) fn knows_aspect(&self, id: &str) -> bool {
        self.known.aspects.contains(id)
    }

    /// `; did you mean 'x'?` when one known id is spelt much like `word`, else nothing.
    pub(super) fn hint(&self, kind: Vocabulary, word: &str) -> String {
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

    pub(super) fn run(&mut self) {
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

    pub(super) fn report(&mut self, position: Option<(usize, usize)>, message: String) {
        self.keep(Problem::at(position, message));
    }

    pub(super) fn keep(&mut self, problem: Problem) {
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.unlisted += 1;
        }
    }

    pub(super) fn check_role(&mut self, index: usize, role: &Role) {
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

    pub(super) fn check_statement(
        &mut self,
        index: usize,
        role: &Role,
        what: &str,
        statement: &Statement,
    ) {
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
}
