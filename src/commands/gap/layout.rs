//! How a gap reads: the move in a few lines first, then, with --full or --only, the duties,
//! skills, requirements, setting, aspects and pay side by side.

use super::Gap;
use super::skills::SkillNote;
use super::themes::ThemeDuties;
use crate::commands::Section;
use crate::commands::{NO_SALARY, NOT_STATED, bullets};
use crate::figures::{SalaryDifference, describe_figure};
use crate::model::{SalaryFigure, Statement};
use crate::text::{capitalised, possessive};
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

/// How many names a summary line lists before counting the rest.
const SUMMARY_NAMES: usize = 8;

/// `names` as a list for one summary line: the first few, then how many more.
fn listed<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    match names.len() {
        n if n > SUMMARY_NAMES => format!(
            "{}, and {} more",
            names[..SUMMARY_NAMES].join(", "),
            n - SUMMARY_NAMES
        ),
        _ => names.join(", "),
    }
}

impl Gap {
    /// The move in a few lines, for the first screen: what the sources show changing hands,
    /// and what they are silent on.
    fn summary(&self) -> Vec<String> {
        let themes = |items: &[ThemeDuties]| listed(items.iter().map(|t| t.theme.name.as_str()));
        let skills = |items: &[SkillNote]| listed(items.iter().map(|s| s.name.as_str()));
        let (from, to) = (&self.from.name, &self.to.name);
        let mut lines = Vec::new();
        if !self.duties_to_take_on.is_empty() {
            lines.push(format!(
                "Work to take on (the {} duties; nothing said of the {from} speaks to it): {}.",
                possessive(to),
                themes(&self.duties_to_take_on)
            ));
        }
        if !self.themes_kept.is_empty() {
            let kept = listed(self.themes_kept.iter().map(|t| t.name.as_str()));
            lines.push(format!("Work both do: {kept}."));
        }
        if !self.duties_left_behind.is_empty() {
            lines.push(format!(
                "Work left behind (the {} duties; nothing said of the {to} speaks to it): {}.",
                possessive(from),
                themes(&self.duties_left_behind)
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
        if !self.skills_left_behind.is_empty() {
            lines.push(format!(
                "Skills left behind: {}.",
                skills(&self.skills_left_behind)
            ));
        }
        if !self.skills_unweighed.is_empty() {
            lines.push(format!(
                "Skills for the {to}, not weighed against the {}: {}.",
                possessive(from),
                skills(&self.skills_unweighed)
            ));
        }
        lines.extend(self.silences.iter().cloned());
        if !self.pay.from.is_empty() && !self.pay.to.is_empty() {
            lines.push(match self.pay.differences.as_slice() {
                [] => format!(
                    "Pay: the figures for the {from} and the {to} are not like for like (--only salary)."
                ),
                differences => format!(
                    "Pay, {to} minus {from}: {}.",
                    differences
                        .iter()
                        .map(SalaryDifference::describe)
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            });
        }
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

    /// What the sections hold, counted, in one line: the way on from the summary.
    fn more_line(&self) -> String {
        let duties: usize = [&self.duties_to_take_on, &self.duties_left_behind]
            .iter()
            .flat_map(|list| list.iter())
            .map(|t| t.duties.len())
            .sum();
        let skills = self.skills_to_add.len()
            + self.skills_carried_over.len()
            + self.skills_left_behind.len()
            + self.skills_unweighed.len();
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "--only duties, skills, requirements, environment, aspects or salary shows the evidence \
             ({}, {}, {}); --full shows it all.",
            count(duties, "duty", "duties"),
            count(skills, "skill", "skills"),
            count(self.aspects.len(), "contrast", "contrasts"),
        )
    }

    fn shows(&self, section: Section) -> bool {
        self.shown.is_empty() || self.shown.contains(&section)
    }

    fn summary_blocks(&self) -> Vec<Block> {
        vec![
            Block::Heading(format!("From {} to {}", self.from.name, self.to.name)),
            Block::Bullets(self.summary()),
        ]
    }

    fn duty_blocks(&self, blocks: &mut Vec<Block>) {
        let (from, to) = (&self.from.name, &self.to.name);
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
                "What the {to} does that nothing said of the {from} speaks to"
            )));
            blocks.push(Block::Table(duty_table(&self.duties_to_take_on)));
        }
        if !self.duties_left_behind.is_empty() {
            blocks.push(Block::Heading(format!(
                "What the {from} does that nothing said of the {to} speaks to"
            )));
            blocks.push(Block::Table(duty_table(&self.duties_left_behind)));
        }
        if self.duties_to_take_on.is_empty() && self.duties_left_behind.is_empty() {
            blocks.push(Block::Note(format!(
                "No duty theme is known to change hands between the {from} and the {to}."
            )));
        }
    }

    fn skill_blocks(&self, blocks: &mut Vec<Block>) {
        let (from, to) = (&self.from.name, &self.to.name);
        let mut skills = Grid::new(["Skill", "Change", &format!("What the {to} role asks")]);
        for (change, list) in [
            ("add", &self.skills_to_add),
            ("carries over", &self.skills_carried_over),
            ("not weighed", &self.skills_unweighed),
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
    }

    fn change_blocks(&self, blocks: &mut Vec<Block>) {
        let (from, to) = (&self.from.name, &self.to.name);
        let mut changes = Grid::new(["", from.as_str(), to.as_str()]);
        let mut topics: Vec<&super::Contrast> = Vec::new();
        if self.shows(Section::Requirements) {
            topics.extend(&self.requirements);
        }
        if self.shows(Section::Environment) {
            topics.push(&self.environment);
        }
        for contrast in topics {
            changes.row([
                capitalised(contrast.topic),
                statements_cell(&contrast.from),
                statements_cell(&contrast.to),
            ]);
        }
        if self.shows(Section::Aspects) {
            for aspect in &self.aspects {
                let cell = |s: &Option<Statement>| {
                    s.as_ref().map_or(NOT_STATED.to_string(), |s| {
                        statements_cell(std::slice::from_ref(s))
                    })
                };
                changes.row([aspect.name.clone(), cell(&aspect.from), cell(&aspect.to)]);
            }
        }
        if self.shows(Section::Salary) {
            changes.row([
                "Pay".to_string(),
                figures_cell(&self.pay.from),
                figures_cell(&self.pay.to),
            ]);
        }
        if !changes.rows.is_empty() {
            blocks.push(Block::Heading("Requirements, setting and pay".to_string()));
            let silent = changes.rows.iter().flatten().any(|cell| cell == NOT_STATED);
            blocks.push(Block::Table(changes));
            if silent {
                blocks.push(Block::Note(format!(
                    "{NOT_STATED} means the sources say nothing on it."
                )));
            }
        }
    }
}

impl View for Gap {
    /// The summary and the sections asked for; every section when none was (Markdown, --full).
    fn report(&self) -> Report {
        let mut blocks = self.summary_blocks();
        if self.shows(Section::Duties) {
            self.duty_blocks(&mut blocks);
        }
        if self.shows(Section::Skills) {
            self.skill_blocks(&mut blocks);
        }
        self.change_blocks(&mut blocks);
        Report { blocks }
    }

    /// The summary alone, with the way on, unless --only or --full asked for more.
    fn digest(&self) -> Option<Report> {
        self.shown.is_empty().then(|| {
            let mut blocks = self.summary_blocks();
            blocks.push(Block::Note(self.more_line()));
            Report { blocks }
        })
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "topic", "change", "item", "text", "sources", "low", "high", "currency",
        ]);
        let lists = [
            ("add", &self.skills_to_add),
            ("carries over", &self.skills_carried_over),
            ("left behind", &self.skills_left_behind),
            ("not weighed", &self.skills_unweighed),
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
