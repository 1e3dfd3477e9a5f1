//! The checks of what a dataset refers to: unique slug ids, cited sources, vocabulary skills and
//! aspects, and roles named as counterparts, partners or relations. Each is a lookup in a set
//! built once, so validation is linear in the file.

use std::collections::HashSet;

use super::checker::{Checker, Vocabulary, is_slug};
use crate::model::{Involvement, Role};

impl Checker<'_> {
    pub(super) fn check_ids(&mut self) {
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

    pub(super) fn check_citations(
        &mut self,
        index: usize,
        role: &Role,
        what: &str,
        sources: &[String],
    ) {
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

    pub(super) fn check_skills(&mut self, index: usize, role: &Role) {
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
    pub(super) fn check_involvement(
        &mut self,
        index: usize,
        role: &Role,
        what: &str,
        involvement: &Involvement,
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
    pub(super) fn check_versus(
        &mut self,
        index: usize,
        role: &Role,
        what: &str,
        versus: Option<&str>,
    ) {
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

    pub(super) fn check_related(&mut self, index: usize, role: &Role) {
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

    pub(super) fn knows_role(&self, id: &str) -> bool {
        self.known.roles.contains(id)
    }

    pub(super) fn check_aspects(&mut self, index: usize, role: &Role) {
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
}
