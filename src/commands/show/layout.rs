//! How a profile reads: a table of sections, a document of headed bullet lists (Markdown and
//! text), and flat records for CSV.

use super::Profiles;
use super::items::HEADING_ALIASES;
use crate::commands::sources::{attributions, citation, source_lines};
use crate::commands::{Section, bullets};
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View, cite};

/// How many other names the digest's heading lists.
const DIGEST_ALIASES: usize = 4;

/// The `--only` section a profile item's label belongs to.
fn section_of(label: &str) -> Section {
    match label {
        "Summary" => Section::Summary,
        "Duties" => Section::Duties,
        "Education" | "Experience" | "Certifications" => Section::Requirements,
        "Environment" => Section::Environment,
        "Skills" | "Knowledge" => Section::Skills,
        "Salary" => Section::Salary,
        "Related" | "Titles" => Section::Related,
        "Advice" => Section::Advice,
        _ => Section::Aspects,
    }
}

impl Profiles {
    /// The profiles as tables: every item, or the digest's.
    fn tables(&self, digest: bool) -> Report {
        let mut blocks = Vec::new();
        for profile in &self.roles {
            let aliases = if digest {
                DIGEST_ALIASES
            } else {
                HEADING_ALIASES
            };
            blocks.push(Block::Heading(profile.heading(aliases)));
            if self.wants(Section::Summary) {
                blocks.push(Block::Text(format!(
                    "{} {}",
                    profile.summary.text,
                    cite(&profile.summary.sources)
                )));
            }
            let mut grid = Grid::new(["Section", "Detail"]);
            let mut sections: Vec<(&str, Vec<String>)> = Vec::new();
            let items = match digest {
                true => profile.digest_items(),
                false => profile.items(false),
            };
            for item in items
                .into_iter()
                .filter(|item| self.wants(section_of(item.section)))
            {
                let line = if item.sources.is_empty() {
                    item.text
                } else {
                    let cited = citation(&item.sources, item.date.as_deref());
                    format!("{} [{cited}]", item.text)
                };
                match sections.last_mut() {
                    Some((last, lines)) if *last == item.section => lines.push(line),
                    _ => sections.push((item.section, vec![line])),
                }
            }
            for (section, lines) in sections {
                let detail = if lines.len() == 1 {
                    lines.concat()
                } else {
                    bullets(lines)
                };
                grid.row([section.to_string(), detail]);
            }
            // A section asked for by name that the sources leave empty says so, not nothing.
            let empty: Vec<String> = self
                .only
                .iter()
                .filter(|wanted| **wanted != Section::Summary)
                .filter(|wanted| !grid.rows.iter().any(|row| section_of(&row[0]) == **wanted))
                .filter_map(|wanted| {
                    clap::ValueEnum::to_possible_value(wanted).map(|v| v.get_name().to_string())
                })
                .collect();
            if !grid.rows.is_empty() {
                blocks.push(Block::Table(grid));
            }
            if !empty.is_empty() {
                blocks.push(Block::Text(format!(
                    "The sources give nothing on {} for the {}.",
                    empty.join(", "),
                    profile.name
                )));
            }
            blocks.push(Block::Note(format!(
                "Sources: {}",
                source_lines(&profile.sources).join(LIST_SEPARATOR)
            )));
            for credit in attributions(&profile.sources) {
                blocks.push(Block::Note(credit));
            }
        }
        Report { blocks }
    }

    /// Several roles under one name: each one's heading and summary, and how much more its
    /// profile holds, so the reader can pick one.
    fn briefs(&self) -> Report {
        let mut blocks = Vec::new();
        for profile in &self.roles {
            blocks.push(Block::Heading(profile.heading(DIGEST_ALIASES)));
            blocks.push(Block::Text(format!(
                "{} {}",
                profile.summary.text,
                cite(&profile.summary.sources)
            )));
            let count = |n: usize, what: &str, none: &str| match n {
                0 => none.to_string(),
                n => format!("{n} {what}"),
            };
            blocks.push(Block::Note(format!(
                "{}; {}; {}: roles show {} for the profile.",
                count(profile.duties.len(), "duties", "no duties in the sources"),
                count(
                    profile.skills.len(),
                    "skills",
                    "no skills named in the sources"
                ),
                count(profile.salary.len(), "pay figures", "no pay in the sources"),
                profile.id
            )));
        }
        let mut sources: Vec<crate::model::Source> = Vec::new();
        for source in self.roles.iter().flat_map(|p| &p.sources) {
            if !sources.iter().any(|s| s.id == source.id) {
                sources.push(source.clone());
            }
        }
        blocks.push(Block::Note(format!(
            "Sources: {}",
            source_lines(&sources).join(LIST_SEPARATOR)
        )));
        for credit in attributions(&sources) {
            blocks.push(Block::Note(credit));
        }
        Report { blocks }
    }
}

impl View for Profiles {
    fn report(&self) -> Report {
        self.tables(false)
    }

    /// The first screen: a long section's first lines and a count of the rest; several roles
    /// under one name, briefly each. Absent with --only or --full.
    fn digest(&self) -> Option<Report> {
        if self.full || !self.only.is_empty() {
            return None;
        }
        Some(match self.roles.len() {
            1 => self.tables(true),
            _ => self.briefs(),
        })
    }

    fn document(&self) -> Option<Report> {
        let mut blocks = Vec::new();
        let cited = |text: &str, sources: &[String]| {
            if self.cite && !sources.is_empty() {
                format!("{text} ({})", sources.join(", "))
            } else {
                text.to_string()
            }
        };
        for profile in &self.roles {
            blocks.push(Block::Heading(profile.name.clone()));
            if !profile.aliases.is_empty() {
                let shown: Vec<&str> = profile
                    .aliases
                    .iter()
                    .take(HEADING_ALIASES)
                    .map(String::as_str)
                    .collect();
                blocks.push(Block::Text(format!("Also called {}.", shown.join(", "))));
            }
            if self.wants(Section::Summary) {
                blocks.push(Block::Text(cited(
                    &profile.summary.text,
                    &profile.summary.sources,
                )));
            }
            let mut sections: Vec<(&str, Vec<String>)> = Vec::new();
            let items = profile.items(false).into_iter();
            for item in items.filter(|item| self.wants(section_of(item.section))) {
                let line = cited(&item.text, &item.sources);
                match sections.last_mut() {
                    Some((last, lines)) if *last == item.section => lines.push(line),
                    _ => sections.push((item.section, vec![line])),
                }
            }
            for (section, lines) in sections {
                blocks.push(Block::Subheading(section.to_string()));
                blocks.push(Block::Bullets(lines));
            }
            if self.cite {
                blocks.push(Block::Subheading("Sources".to_string()));
                blocks.push(Block::Bullets(source_lines(&profile.sources)));
            }
            for credit in attributions(&profile.sources) {
                blocks.push(Block::Note(credit));
            }
        }
        Some(Report { blocks })
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["role", "section", "text", "sources", "date"]);
        for profile in &self.roles {
            if self.wants(Section::Summary) {
                records.row([
                    profile.id.clone(),
                    "Summary".to_string(),
                    profile.summary.text.clone(),
                    profile.summary.sources.join(LIST_SEPARATOR),
                    profile.summary.date.clone().unwrap_or_default(),
                ]);
            }
            let items = profile.items(true).into_iter();
            for item in items.filter(|item| self.wants(section_of(item.section))) {
                records.row([
                    profile.id.clone(),
                    item.section.to_string(),
                    item.text,
                    item.sources.join(LIST_SEPARATOR),
                    item.date.unwrap_or_default(),
                ]);
            }
        }
        records
    }
}
