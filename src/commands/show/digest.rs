//! The first screen of a profile: a long section's first items and a count of the rest, rated
//! skills and related roles on one line each, and the sections the sources leave empty named
//! together. `--full` and `--only` show every item.

use super::RoleProfile;
use super::items::{Item, NOT_IN_SOURCES};
use crate::commands::sources::{attributions, source_lines};
use crate::figures::describe_figure;
use crate::text::and_list;

/// How many items of a section the digest lists before counting the rest, before any trim.
fn kept(section: &str) -> usize {
    match section {
        "Salary" => 3,
        _ => usize::MAX,
    }
}

/// How the digest shortens a profile that does not fit, one step at a time: the long lists
/// and the contrasts first (compare shows the contrasts of a pair), then everything in turn,
/// never below one item.
const TRIMS: [(&str, usize); 24] = [
    ("Aspects", 6),
    ("Duties", 8),
    ("Skills", 8),
    ("Education", 3),
    ("Experience", 3),
    ("Aspects", 4),
    ("Advice", 1),
    ("Environment", 2),
    ("Duties", 6),
    ("Skills", 4),
    ("Education", 2),
    ("Experience", 1),
    ("Aspects", 2),
    ("Duties", 4),
    ("Education", 1),
    ("Skills", 3),
    ("Duties", 3),
    ("Environment", 1),
    ("Skills", 2),
    ("Duties", 2),
    ("Duties", 1),
    // Each pay figure without what its article says it depends on (`--only salary` has it).
    (SALARY_NOTES, 0),
    ("Aspects", 1),
    ("Skills", 1),
];

/// The trim that shows each pay figure without its note.
const SALARY_NOTES: &str = "Salary notes";

/// How many rated skills the one line names.
const NAMED_SKILLS: usize = 6;

/// How many related roles the one line names.
const NAMED_ROLES: usize = 4;

/// How many occupations filing the role's titles the one line names, each with its code and
/// pay.
const NAMED_FILINGS: usize = 3;

/// The `--only` name of a profile section.
fn only_name(section: &str) -> &'static str {
    match section {
        "Education" | "Experience" | "Certifications" => "requirements",
        "Skills" | "Knowledge" => "skills",
        "Titles" | "Related" => "related",
        "Salary" => "salary",
        "Duties" => "duties",
        "Environment" => "environment",
        "Advice" => "advice",
        _ => "aspects",
    }
}

/// The lines the digest aims to fit, at 80 columns.
const SCREEN_LINES: usize = 76;

/// The blank lines and the table's top, header and bottom, in lines.
const FRAME_LINES: usize = 7;

/// About how wide the Detail column is in an 80-column table.
const DETAIL_COLUMNS: usize = 62;

/// About how many lines `text` takes wrapped at `width` columns: words do not break, so a
/// line holds a little less than `width`.
fn estimated_lines(text: &str, width: usize) -> usize {
    let usable = width.saturating_sub(width / 8).max(1);
    text.chars().count().div_ceil(usable).max(1)
}

/// An item as its cell shows it, for measuring: the bullet before it and its sources after.
fn shown_as(item: &Item) -> String {
    if item.sources.is_empty() {
        format!("• {}", item.text)
    } else {
        format!("• {} [{}]", item.text, item.sources.join(", "))
    }
}

fn more(count: usize, section: &str) -> String {
    format!(
        "… and {count} more (--only {} or --full)",
        only_name(section)
    )
}

impl RoleProfile {
    /// The digest's items, in the profile's order: each section cut in turn ([`TRIMS`]) until
    /// the whole fits a screen of [`SCREEN_LINES`] at 80 columns.
    pub(super) fn digest_items(&self) -> Vec<Item> {
        // The heading, summary, the table's frame, and the notes under it.
        let notes = source_lines(&self.sources).join("; ");
        let fixed = estimated_lines(&self.heading(4), 80)
            + estimated_lines(&self.summary.text, 80)
            + estimated_lines(&notes, 80)
            + attributions(&self.sources)
                .iter()
                .map(|a| estimated_lines(a, 80) + 1)
                .sum::<usize>()
            + FRAME_LINES;
        let mut caps: Vec<(&str, usize)> = Vec::new();
        let mut trims = TRIMS.iter();
        loop {
            let items = self.digest_with(&caps);
            let mut sections: Vec<&str> = items.iter().map(|i| i.section).collect();
            sections.dedup();
            let total: usize = fixed
                + sections.len()
                + items
                    .iter()
                    .map(|i| estimated_lines(&shown_as(i), DETAIL_COLUMNS))
                    .sum::<usize>();
            match trims.next() {
                Some(trim) if total > SCREEN_LINES => caps.insert(0, *trim),
                _ => return items,
            }
        }
    }

    /// The digest's items with the sections in `caps` cut to their count (the first entry for a
    /// section wins), the rest to [`kept`].
    fn digest_with(&self, caps: &[(&str, usize)]) -> Vec<Item> {
        let mut groups: Vec<(&'static str, Vec<Item>)> = Vec::new();
        for item in self.items(false) {
            match groups.last_mut() {
                Some((section, list)) if *section == item.section => list.push(item),
                _ => groups.push((item.section, vec![item])),
            }
        }
        let mut out = Vec::new();
        let mut silent = Vec::new();
        for (section, mut list) in groups {
            let said_nothing = list.len() == 1 && list[0].text == NOT_IN_SOURCES;
            if said_nothing {
                silent.push(section.to_lowercase());
                continue;
            }
            if let Some(line) = self.one_line(section) {
                out.push(line);
                continue;
            }
            if section == "Salary" && caps.iter().any(|(name, _)| *name == SALARY_NOTES) {
                let noted = list.iter().any(|item| item.text.contains(". "));
                for item in &mut list {
                    if let Some(cut) = item.text.find(". ") {
                        item.text.truncate(cut + 1);
                    }
                }
                if noted {
                    let text = "--only salary adds what each source says pay varies with.";
                    list.push(Item::note(section, text.to_string()));
                }
            }
            let keep = caps
                .iter()
                .find(|(name, _)| *name == section)
                .map_or_else(|| kept(section), |(_, cap)| *cap);
            if list.len() > keep.saturating_add(1) {
                let count = list.len() - keep;
                list.truncate(keep);
                list.push(Item::note(section, more(count, section)));
            }
            out.extend(list);
        }
        if !silent.is_empty() {
            let text = format!("The sources say nothing on {}.", and_list(&silent));
            out.push(Item::note("Not stated", text));
        }
        out
    }

    /// Rated skills or knowledge, or related roles, as one line of names; None for other
    /// sections and for skills the articles describe in words.
    fn one_line(&self, section: &'static str) -> Option<Item> {
        let (names, sources): (Vec<String>, Vec<String>) = match section {
            "Skills" | "Knowledge" => {
                let list = if section == "Skills" {
                    &self.skills
                } else {
                    &self.knowledge
                };
                if list.is_empty() || list.iter().any(|s| s.importance.is_none()) {
                    return None;
                }
                // Most important first, as the source rates them.
                let mut shown: Vec<_> = list.iter().collect();
                shown.sort_by(|a, b| {
                    let importance =
                        |s: &&crate::commands::show::NamedItem| s.importance.unwrap_or(0.0);
                    importance(b).total_cmp(&importance(a))
                });
                let names = shown
                    .iter()
                    .map(|s| format!("{} {}", s.name, s.importance.unwrap_or_default()))
                    .collect();
                let sources = shown.first().map(|s| s.sources.clone()).unwrap_or_default();
                (names, sources)
            }
            "Related" => {
                let names = self
                    .related
                    .iter()
                    .map(|r| match &r.tier {
                        Some(tier) => format!("{} ({tier})", r.role.name),
                        None => r.role.name.clone(),
                    })
                    .collect();
                let sources = self
                    .related
                    .first()
                    .map(|r| r.sources.clone())
                    .unwrap_or_default();
                (names, sources)
            }
            "Titles" if self.filed_under.len() > 2 => {
                let one_title = self
                    .filed_under
                    .iter()
                    .all(|f| f.title == self.filed_under[0].title);
                let names = self
                    .filed_under
                    .iter()
                    .map(|f| {
                        let mut about: Vec<String> = f.code.iter().cloned().collect();
                        about.extend(f.pay.first().map(crate::figures::describe_figure));
                        let about = if about.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", about.join("; "))
                        };
                        if one_title {
                            format!("{}{about}", f.role.name)
                        } else {
                            format!("'{}' under {}{about}", f.title, f.role.name)
                        }
                    })
                    .collect();
                let mut sources = self.filed_under[0].sources.clone();
                for figure in self.filed_under.iter().flat_map(|f| &f.pay) {
                    if !sources.contains(&figure.source) {
                        sources.push(figure.source.clone());
                    }
                }
                let text = if one_title {
                    format!(
                        "'{}' is filed under other occupations (their classification, and their \
                         pay, not this role's): ",
                        self.filed_under[0].title
                    )
                } else {
                    "filed under other occupations (their classification, and their pay, not \
                     this role's): "
                        .to_string()
                };
                return Some(self.names_line(section, &text, names, sources, None));
            }
            "Salary" => return self.pay_line(),
            _ => return None,
        };
        let unit = (section != "Related").then_some(" (importance, of 5)");
        Some(self.names_line(section, "", names, sources, unit))
    }

    /// `lead`, the first names, `unit`, and a count of the rest.
    fn names_line(
        &self,
        section: &'static str,
        lead: &str,
        names: Vec<String>,
        sources: Vec<String>,
        unit: Option<&str>,
    ) -> Item {
        let shown = match section {
            "Skills" | "Knowledge" => NAMED_SKILLS,
            "Titles" => NAMED_FILINGS,
            _ => NAMED_ROLES,
        };
        // "… and 1 more" takes the room of the one it hides.
        let shown = if names.len() == shown + 1 {
            names.len()
        } else {
            shown
        };
        let mut text = format!(
            "{lead}{}",
            names
                .iter()
                .take(shown)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        );
        text.push_str(unit.unwrap_or_default());
        let hidden = names.len().saturating_sub(shown);
        if hidden > 0 {
            text.push_str(&format!("; {}", more(hidden, section)));
        }
        Item::new(section, text, &sources, None)
    }

    /// Several figures from one source (OEWS's mean, median and percentiles) on one line, its
    /// note once; None where the figures come from several sources, each with its own note.
    fn pay_line(&self) -> Option<Item> {
        let source = &self.salary.first()?.source;
        if self.salary.len() < 2 || self.salary.iter().any(|f| &f.source != source) {
            return None;
        }
        let figures: Vec<String> = self.salary.iter().map(describe_figure).collect();
        let mut text = figures.join("; ");
        if let Some(note) = &self.salary[0].note {
            text.push_str(&format!(". {note}"));
        }
        for headcount in &self.employment {
            text.push_str(&format!(
                ". Employment: {} people",
                crate::figures::group_thousands(headcount.count)
            ));
        }
        Some(Item::new(
            "Salary",
            text,
            std::slice::from_ref(source),
            None,
        ))
    }
}
