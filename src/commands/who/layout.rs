//! How `who` reads: each article's verdict, the disagreements, the duties by role, and the
//! occupations whose task statements mention the topic.

use super::{InvolvementLine, Ownership, TaskMentions};
use crate::model::Degree;
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View};

impl Ownership {
    fn heading(&self) -> String {
        if self.themes.is_empty() {
            format!("Who holds duties that mention \"{}\"", self.topic)
        } else {
            let names: Vec<&str> = self.themes.iter().map(|t| t.name.as_str()).collect();
            format!("Who holds {}", names.join(", "))
        }
    }
}

impl View for Ownership {
    fn report(&self) -> Report {
        let mut blocks = vec![Block::Heading(self.heading())];
        if self.involvements.is_empty() && self.ungraded.is_empty() {
            blocks.push(Block::Text(
                "No article involves any of these roles in it.".to_string(),
            ));
        }
        let verdicts: Vec<String> = self
            .verdicts
            .iter()
            .map(|verdict| {
                let compares: Vec<&str> =
                    verdict.compares.iter().map(|r| r.name.as_str()).collect();
                let says: Vec<String> = verdict
                    .roles
                    .iter()
                    .map(|r| format!("the {} {}", r.role.name, r.says))
                    .collect();
                let scope = if compares.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", compares.join(" vs "))
                };
                format!("{}{scope}: {}.", verdict.source, says.join("; "))
            })
            .collect();
        if !verdicts.is_empty() {
            blocks.push(Block::Bullets(verdicts));
        }
        if self.disagreements.is_empty() && self.verdicts.len() > 1 {
            let first: std::collections::BTreeSet<Vec<&str>> = self
                .verdicts
                .iter()
                .map(|v| v.holders.iter().map(|r| r.id.as_str()).collect())
                .collect();
            blocks.push(Block::Text(if first.len() == 1 {
                "The articles agree.".to_string()
            } else {
                "The articles do not contradict each other: they put different roles first, each among the roles it covers.".to_string()
            }));
        }
        for sentence in &self.disagreements {
            blocks.push(Block::Text(sentence.clone()));
        }
        if !self.involvements.is_empty() || !self.ungraded.is_empty() {
            let mut grid = Grid::new(["Role", "How", "Duty", "Source"]);
            for line in self.involvements.iter().chain(&self.ungraded) {
                grid.row([
                    line.role.name.clone(),
                    line.how(),
                    line.duty.clone(),
                    // One source a line keeps the column narrow and the duty wide.
                    line.sources.join("\n"),
                ]);
            }
            blocks.push(Block::Table(grid));
            blocks.push(Block::Note(format!(
                "How, in the articles' own terms, strongest first: {}; a hedge the article puts on it in brackets.",
                Degree::ALL
                    .iter()
                    .map(|d| d.words())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if let Some(mentions) = &self.task_mentions {
            blocks.push(Block::Text(mentions.sentence(&self.topic)));
        }
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "role", "degree", "hedge", "with", "duty", "versus", "sources",
        ]);
        for line in self.involvements.iter().chain(&self.ungraded) {
            records.row([
                line.role.id.clone(),
                line.degree
                    .map(|d| d.as_str().to_string())
                    .unwrap_or_default(),
                line.hedge.clone().unwrap_or_default(),
                line.with
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
                line.duty.clone(),
                line.versus
                    .as_ref()
                    .map(|r| r.id.clone())
                    .unwrap_or_default(),
                line.sources.join(LIST_SEPARATOR),
            ]);
        }
        records
    }
}

impl InvolvementLine {
    /// The degree as a short label: `responsible (may)`, `with Product Owner`, `not stated`.
    fn how(&self) -> String {
        let Some(degree) = self.degree else {
            return "not stated".to_string();
        };
        let partners: Vec<&str> = self.with.iter().map(|r| r.name.as_str()).collect();
        let mut text = match (degree, partners.is_empty()) {
            (Degree::Collaborates, false) => format!("with {}", partners.join(", ")),
            (Degree::Collaborates, true) => "with others".to_string(),
            (degree, true) => degree.as_str().to_string(),
            (degree, false) => format!("{}, shared with {}", degree.as_str(), partners.join(", ")),
        };
        if let Some(hedge) = &self.hedge {
            text.push_str(&format!(" ({hedge})"));
        }
        text
    }
}

impl TaskMentions {
    fn sentence(&self, topic: &str) -> String {
        if self.occupations == 0 {
            return format!("No imported occupation's task statements mention \"{topic}\".");
        }
        let named: Vec<String> = self
            .top
            .iter()
            .map(|m| format!("{} ({})", m.role.name, m.statements))
            .collect();
        format!(
            "Task statements of {} imported occupation{} mention \"{topic}\" [{}], most: {}. They say what is done in each occupation, not who holds it.",
            self.occupations,
            if self.occupations == 1 { "" } else { "s" },
            self.sources.join(", "),
            named.join(", ")
        )
    }
}
