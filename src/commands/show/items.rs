//! A profile as lines: each item with its section and sources, in display order, and the
//! heading with the role's other names.

use super::RoleProfile;
use crate::commands::{NO_SALARY, SHOWN_IMPORTANCE};
use crate::figures::describe_figure;
use crate::model::Statement;

/// How many of a role's other names its heading lists.
pub(super) const HEADING_ALIASES: usize = 8;

/// One line of a profile: its section, its text, and what backs it.
pub(super) struct Item {
    pub(super) section: &'static str,
    pub(super) text: String,
    /// Source ids; empty for a "not stated" line.
    pub(super) sources: Vec<String>,
    /// When the source dates the item.
    pub(super) date: Option<String>,
}

/// What a section the sources leave empty says.
pub(super) const NOT_IN_SOURCES: &str = "Not stated in the sources.";

impl Item {
    /// A line of ours about the section (a count, a silence), citing nothing.
    pub(super) fn note(section: &'static str, text: String) -> Self {
        Item::new(section, text, &[], None)
    }

    pub(super) fn new(
        section: &'static str,
        text: String,
        sources: &[String],
        date: Option<&str>,
    ) -> Self {
        Item {
            section,
            text,
            sources: sources.to_vec(),
            date: date.map(str::to_string),
        }
    }
}

impl RoleProfile {
    /// Every item, in display order; empty sections say so. Unless `all`, rated skills and
    /// knowledge below [`SHOWN_IMPORTANCE`] are counted rather than listed.
    pub(super) fn items(&self, all: bool) -> Vec<Item> {
        let mut items = Vec::new();
        self.statement_items(&mut items);
        self.rated_items(all, &mut items);
        self.pay_items(&mut items);
        self.other_items(&mut items);
        items
    }

    /// Duties, requirements and environment; an empty section says so.
    fn statement_items(&self, items: &mut Vec<Item>) {
        let mut statements = |section: &'static str, list: &[Statement]| {
            if list.is_empty() {
                items.push(Item::note(section, NOT_IN_SOURCES.into()));
            }
            for statement in list {
                items.push(Item::new(
                    section,
                    statement.text.clone(),
                    &statement.sources,
                    statement.date.as_deref(),
                ));
            }
        };
        statements("Duties", &self.duties);
        statements("Education", &self.requirements.education);
        statements("Experience", &self.requirements.experience);
        statements("Certifications", &self.requirements.certifications);
        statements("Environment", &self.environment);
    }

    /// Skills and knowledge, unrated sources said as silence; unless `all`, ratings below
    /// [`SHOWN_IMPORTANCE`] are counted, not listed.
    fn rated_items(&self, all: bool, items: &mut Vec<Item>) {
        for source in &self.unrated_by {
            items.push(Item::new(
                "Skills",
                format!(
                    "{source} rates no skills or knowledge for the {}: its silence is not a rating of zero.",
                    self.name
                ),
                std::slice::from_ref(source),
                None,
            ));
        }
        for (section, list) in [("Skills", &self.skills), ("Knowledge", &self.knowledge)] {
            let mut below = 0;
            for skill in list {
                // A display threshold, applied here only: the data keeps every rating.
                if !all && skill.importance.is_some_and(|i| i < SHOWN_IMPORTANCE) {
                    below += 1;
                    continue;
                }
                let label = match &skill.versus {
                    Some(versus) => format!("{} (vs {})", skill.name, versus.name),
                    None => skill.name.clone(),
                };
                items.push(Item::new(
                    section,
                    format!("{label}: {}", skill.text),
                    &skill.sources,
                    skill.date.as_deref(),
                ));
            }
            if below > 0 {
                let what = if section == "Skills" {
                    "skill"
                } else {
                    "knowledge area"
                };
                items.push(Item::new(
                    section,
                    format!(
                        "… and {below} more {what}{} rated below {SHOWN_IMPORTANCE} for importance (every rating: --format json or csv)",
                        if below == 1 { "" } else { "s" }
                    ),
                    &[],
                    None,
                ));
            }
        }
    }

    /// Salary figures and headcounts, or that the sources give no figure.
    fn pay_items(&self, items: &mut Vec<Item>) {
        if self.salary.is_empty() {
            let text = if self.filed_under.iter().any(|f| !f.pay.is_empty()) {
                format!(
                    "{NO_SALARY}; Titles gives the pay of the occupations that file its title \
                     (theirs, not this role's)."
                )
            } else {
                format!("{NO_SALARY}.")
            };
            items.push(Item::new("Salary", text, &[], None));
        }
        for figure in &self.salary {
            let mut text = describe_figure(figure);
            if let Some(note) = &figure.note {
                text.push_str(&format!(". {note}"));
            } else {
                text.push('.');
            }
            items.push(Item::new(
                "Salary",
                text,
                std::slice::from_ref(&figure.source),
                None,
            ));
        }
        for headcount in &self.employment {
            let mut text = format!(
                "Employment: {} people",
                crate::figures::group_thousands(headcount.count)
            );
            if let Some(note) = &headcount.note {
                text.push_str(&format!(". {note}"));
            }
            items.push(Item::new(
                "Salary",
                text,
                std::slice::from_ref(&headcount.source),
                None,
            ));
        }
    }

    /// Aspects, advice, other classifications' filing of its titles, and related roles.
    fn other_items(&self, items: &mut Vec<Item>) {
        for aspect in &self.aspects {
            let label = match &aspect.versus {
                Some(versus) => format!("{} (vs {})", aspect.name, versus.name),
                None => aspect.name.clone(),
            };
            let text = format!("{label}: {}", aspect.text);
            items.push(Item::new("Aspects", text, &aspect.sources, None));
        }
        for advice in &self.advice {
            items.push(Item::new(
                "Advice",
                advice.text.clone(),
                &advice.sources,
                advice.date.as_deref(),
            ));
        }
        for filed in &self.filed_under {
            let code = filed
                .code
                .as_deref()
                .map_or(String::new(), |c| format!(", {c}"));
            let mut text = format!(
                "{} lists '{}' as an alternate title of {} ({}{code}): its classification of the title, not a claim about this role",
                filed.sources.join(", "),
                filed.title,
                filed.role.name,
                filed.role.id
            );
            let mut sources = filed.sources.clone();
            if !filed.pay.is_empty() {
                let pay: Vec<String> = filed.pay.iter().map(describe_figure).collect();
                text.push_str(&format!(
                    "; that occupation's pay, not this role's: {}",
                    pay.join("; ")
                ));
                for figure in &filed.pay {
                    if !sources.contains(&figure.source) {
                        sources.push(figure.source.clone());
                    }
                }
            }
            items.push(Item::new("Titles", text, &sources, None));
        }
        for related in &self.related {
            let mut text = format!("{} ({})", related.role.name, related.role.id);
            if let Some(tier) = &related.tier {
                text.push_str(&format!(", {tier}"));
            }
            items.push(Item::new("Related", text, &related.sources, None));
        }
    }

    /// The name, id and the first `aliases` other names, with a count of the rest.
    pub(super) fn heading(&self, aliases: usize) -> String {
        if self.aliases.is_empty() {
            return format!("{} ({})", self.name, self.id);
        }
        // An occupation can have a hundred titles: the most listed few, and a count.
        let shown: Vec<&str> = self
            .aliases
            .iter()
            .take(aliases)
            .map(String::as_str)
            .collect();
        let more = self.aliases.len().saturating_sub(aliases);
        let more = if more > 0 {
            format!(" and {more} more (all in --format json)")
        } else {
            String::new()
        };
        format!(
            "{} ({}), also called {}{more}",
            self.name,
            self.id,
            shown.join(", ")
        )
    }
}
