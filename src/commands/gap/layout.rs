//! How a gap reads: the move in a few lines first, then, with --full or --only, the duties,
//! skills, requirements, setting, aspects and pay side by side.

use super::Gap;
use super::skills::SkillNote;
use super::themes::ThemeDuties;
use crate::commands::{NO_SALARY, NOT_STATED, bullets};
use crate::figures::{SalaryDifference, describe_figure};
use crate::model::{SalaryFigure, Statement};
use crate::text::capitalised;
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View, cite};

fn statements_cell(statements: &[Statement]) -> String {
    match statements {
        [] => NOT_STATED.to_string(),
        [only] => format!("{} {}", only.text, cite(&only.sources)),
        many => bullets(
            many.iter()
                .map(|s| format!("{} {}", s.text, cite(&s.sources))),
        ),
    }
}

fn figures_cell(figures: &[SalaryFigure]) -> String {
    if figures.is_empty() {
        return NO_SALARY.to_string();
    }
    figures
        .iter()
        .map(|f| format!("{} [{}]", describe_figure(f), f.source))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Gap {
    /// The move in a few lines, for the first screen.
    fn summary(&self) -> Vec<String> {
        let names = |items: &[ThemeDuties]| {
            items
                .iter()
                .map(|t| t.theme.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let skills = |items: &[SkillNote]| {
            items
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (from, to) = (&self.from.name, &self.to.name);
        let mut lines = Vec::new();
        if !self.duties_to_take_on.is_empty() {
            lines.push(format!(
                "Work to take on: {}.",
                names(&self.duties_to_take_on)
            ));
        }
        if !self.themes_kept.is_empty() {
            let kept: Vec<&str> = self.themes_kept.iter().map(|t| t.name.as_str()).collect();
            lines.push(format!("Work both do: {}.", kept.join(", ")));
        }
        if !self.duties_left_behind.is_empty() {
            lines.push(format!(
                "Work left behind: {}.",
                names(&self.duties_left_behind)
            ));
        }
        if !self.skills_to_add.is_empty() {
            lines.push(format!("Skills to add: {}.", skills(&self.skills_to_add)));
        }
        if !self.skills_carried_over.is_empty() {
            lines.push(format!(
                "Skills that carry over: {}.",
                skills(&self.skills_carried_over)
            ));
        }
        lines.push(match self.pay.differences.as_slice() {
            [] => {
                format!("Pay: no comparable figures for the {from} and the {to} (see the table).")
            }
            differences => format!(
                "Pay, {to} minus {from}: {}.",
                differences
                    .iter()
                    .map(SalaryDifference::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        });
        lines.push(if self.compared_in.is_empty() {
            format!("No article compares the {from} and the {to}: each line is what a source says of one role alone.")
        } else {
            format!(
                "Compared directly in {}; lines cited to other sources are what those say of one role alone.",
                self.compared_in.join(", ")
            )
        });
        lines
    }
}

impl View for Gap {
    fn report(&self) -> Report {
        let (from, to) = (&self.from.name, &self.to.name);
        let mut blocks = vec![
            Block::Heading(format!("From {from} to {to}")),
            Block::Bullets(self.summary()),
        ];
        let duty_table = |items: &[ThemeDuties]| {
            let mut grid = Grid::new(["Theme", "Duties"]);
            for item in items {
                grid.row([
                    item.theme.name.clone(),
                    bullets(
                        item.duties
                            .iter()
                            .map(|d| format!("{} {}", d.text, cite(&d.sources))),
                    ),
                ]);
            }
            grid
        };
        if !self.duties_to_take_on.is_empty() {
            blocks.push(Block::Heading(format!(
                "What the {to} does that the {from} does not"
            )));
            blocks.push(Block::Table(duty_table(&self.duties_to_take_on)));
        }
        if !self.duties_left_behind.is_empty() {
            blocks.push(Block::Heading(format!(
                "What the {from} does that the {to} does not"
            )));
            blocks.push(Block::Table(duty_table(&self.duties_left_behind)));
        }
        let mut skills = Grid::new(["Skill", "Change", &format!("What the {to} role asks")]);
        for (change, list) in [
            ("add", &self.skills_to_add),
            ("carries over", &self.skills_carried_over),
        ] {
            for skill in list {
                skills.row([
                    skill.name.clone(),
                    change.to_string(),
                    format!("{} {}", skill.note, cite(&skill.sources)),
                ]);
            }
        }
        if !skills.rows.is_empty() {
            blocks.push(Block::Heading(format!("Skills for the {to}")));
            blocks.push(Block::Table(skills));
        }
        if !self.skills_left_behind.is_empty() {
            let mut behind = Grid::new([
                "Skill",
                &format!("What the {from} role asks, and the {to} does not"),
            ]);
            for skill in &self.skills_left_behind {
                behind.row([
                    skill.name.clone(),
                    format!("{} {}", skill.note, cite(&skill.sources)),
                ]);
            }
            blocks.push(Block::Heading("Skills left behind".to_string()));
            blocks.push(Block::Table(behind));
        }
        let mut changes = Grid::new(["", from.as_str(), to.as_str()]);
        for contrast in self
            .requirements
            .iter()
            .chain(std::iter::once(&self.environment))
        {
            changes.row([
                capitalised(contrast.topic),
                statements_cell(&contrast.from),
                statements_cell(&contrast.to),
            ]);
        }
        for aspect in &self.aspects {
            let cell = |s: &Option<Statement>| {
                s.as_ref().map_or(NOT_STATED.to_string(), |s| {
                    statements_cell(std::slice::from_ref(s))
                })
            };
            changes.row([aspect.name.clone(), cell(&aspect.from), cell(&aspect.to)]);
        }
        changes.row([
            "Pay".to_string(),
            figures_cell(&self.pay.from),
            figures_cell(&self.pay.to),
        ]);
        blocks.push(Block::Heading("Requirements, setting and pay".to_string()));
        blocks.push(Block::Table(changes));
        blocks.push(Block::Note(format!(
            "{NOT_STATED} means the sources say nothing on it."
        )));
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "topic", "change", "item", "text", "sources", "low", "high", "currency",
        ]);
        let lists = [
            ("add", &self.skills_to_add),
            ("carries over", &self.skills_carried_over),
            ("left behind", &self.skills_left_behind),
        ];
        for (change, list) in lists {
            for skill in list {
                records.row([
                    "skill".to_string(),
                    change.to_string(),
                    skill.id.clone(),
                    skill.note.clone(),
                    skill.sources.join(LIST_SEPARATOR),
                ]);
            }
        }
        for (change, list) in [
            ("take on", &self.duties_to_take_on),
            ("left behind", &self.duties_left_behind),
        ] {
            for item in list {
                for duty in &item.duties {
                    records.row([
                        "duty".to_string(),
                        change.to_string(),
                        item.theme.id.clone(),
                        duty.text.clone(),
                        duty.sources.join(LIST_SEPARATOR),
                    ]);
                }
            }
        }
        for contrast in self
            .requirements
            .iter()
            .chain(std::iter::once(&self.environment))
        {
            for (side, statements) in [(&self.from.id, &contrast.from), (&self.to.id, &contrast.to)]
            {
                for statement in statements {
                    records.row([
                        contrast.topic.to_string(),
                        side.clone(),
                        String::new(),
                        statement.text.clone(),
                        statement.sources.join(LIST_SEPARATOR),
                    ]);
                }
            }
        }
        for aspect in &self.aspects {
            for (side, value) in [(&self.from.id, &aspect.from), (&self.to.id, &aspect.to)] {
                if let Some(value) = value {
                    records.row([
                        "aspect".to_string(),
                        side.clone(),
                        aspect.aspect.clone(),
                        value.text.clone(),
                        value.sources.join(LIST_SEPARATOR),
                    ]);
                }
            }
        }
        for difference in &self.pay.differences {
            records.row([
                "pay".to_string(),
                "difference".to_string(),
                String::new(),
                difference.describe(),
                format!(
                    "{}{LIST_SEPARATOR}{}",
                    difference.source, difference.baseline_source
                ),
                difference.low_delta.to_string(),
                difference.high_delta.to_string(),
                difference.currency.clone(),
            ]);
        }
        records
    }
}
