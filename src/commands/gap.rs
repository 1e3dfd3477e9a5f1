//! `roles gap FROM TO`: what a person in FROM must add to move to TO, what carries over, how the
//! requirements and setting change, and the pay change with its sources.

use crate::complete::role_candidates;
use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use super::SHOWN_IMPORTANCE;
use super::{NO_SALARY, NOT_STATED, RoleRef, bullets};
use crate::figures::{SalaryDifference, describe_figure, salary_differences};
use crate::load::need::Need;
use crate::model::{Dataset, Role, SalaryFigure, Statement};
use crate::outcome::Outcome;
use crate::text::capitalised;
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View, cite};

/// Arguments of `roles gap`.
#[derive(Debug, Clone, clap::Args)]
pub struct GapArgs {
    /// The role a person has now, then the one they want to move to (names of several
    /// words need no quotes when the words split into two roles one way only).
    #[arg(
        value_name = "FROM TO",
        required = true,
        num_args = 2..,
        add = ArgValueCompleter::new(role_candidates)
    )]
    pub roles: Vec<String>,
}

impl super::Run for GapArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let need = Need::roles_named_by(&self.roles);
        let (view, notices) = context.answer_naming(&self.roles, false, &need, |data, words| {
            role_gap(
                data,
                &GapArgs {
                    roles: words.to_vec(),
                },
            )
        })?;
        context.emit(&view, &notices)
    }
}

impl GapArgs {
    /// The move from `from` to `to`.
    pub fn between(from: &str, to: &str) -> Self {
        GapArgs {
            roles: vec![from.to_string(), to.to_string()],
        }
    }
}

/// The move from one role to another.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Gap {
    /// The role now.
    pub from: RoleRef,
    /// The role wanted.
    pub to: RoleRef,
    /// Sources that compare the two roles; what others say is of one role alone.
    pub compared_in: Vec<String>,
    /// Duty themes TO's duties have and FROM's do not, with TO's duties on each: the work
    /// that changes hands.
    pub duties_to_take_on: Vec<ThemeDuties>,
    /// Duty themes both roles' duties have.
    pub themes_kept: Vec<super::Named>,
    /// Duty themes only FROM's duties have, with FROM's duties on each.
    pub duties_left_behind: Vec<ThemeDuties>,
    /// Skills TO needs that FROM does not, with what TO's sources say of them.
    pub skills_to_add: Vec<SkillNote>,
    /// Skills both need.
    pub skills_carried_over: Vec<SkillNote>,
    /// Skills FROM needs that TO does not.
    pub skills_left_behind: Vec<SkillNote>,
    /// Education, experience and certifications side by side.
    pub requirements: Vec<Contrast>,
    /// The work environment side by side.
    pub environment: Contrast,
    /// Aspects where the roles' values differ.
    pub aspects: Vec<AspectChange>,
    /// The pay change.
    pub pay: PayChange,
}

/// A duty theme and one role's duties on it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ThemeDuties {
    /// The theme.
    pub theme: super::Named,
    /// The role's duties on it, each with its sources.
    pub duties: Vec<Statement>,
}

/// The themes `role`'s duties have and `other`'s do not, with `role`'s duties on each, in the
/// dataset's theme order.
fn themes_only(dataset: &Dataset, role: &Role, other: &Role) -> Vec<ThemeDuties> {
    dataset
        .themes
        .iter()
        .filter(|theme| !other.duties.iter().any(|d| d.themes.contains(&theme.id)))
        .filter_map(|theme| {
            let duties: Vec<Statement> = role
                .duties
                .iter()
                .filter(|d| d.themes.contains(&theme.id))
                .cloned()
                .collect();
            (!duties.is_empty()).then(|| ThemeDuties {
                theme: super::Named {
                    id: theme.id.clone(),
                    name: theme.name.clone(),
                },
                duties,
            })
        })
        .collect()
}

/// A skill with what one role's sources say of it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillNote {
    /// Skill id.
    pub id: String,
    /// Skill name.
    pub name: String,
    /// What the sources say of it for the role that needs it (TO for carried-over skills);
    /// `text`, as everywhere else.
    #[serde(rename = "text")]
    pub note: String,
    /// Source ids.
    pub sources: Vec<String>,
}

/// One requirement or setting in both roles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Contrast {
    /// `education`, `experience`, `certifications` or `environment`.
    pub topic: &'static str,
    /// FROM's statements.
    pub from: Vec<Statement>,
    /// TO's statements.
    pub to: Vec<Statement>,
}

/// An aspect on which the two roles have different values (or only one has a value).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AspectChange {
    /// Aspect id (`id`, as in show and compare).
    #[serde(rename = "id")]
    pub aspect: String,
    /// Aspect name.
    pub name: String,
    /// FROM's value, if a source gives one.
    pub from: Option<Statement>,
    /// TO's value, if a source gives one.
    pub to: Option<Statement>,
}

/// Pay before and after, and the honest differences between them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PayChange {
    /// FROM's figures.
    pub from: Vec<SalaryFigure>,
    /// TO's figures.
    pub to: Vec<SalaryFigure>,
    /// TO's figures minus FROM's, where comparable.
    pub differences: Vec<SalaryDifference>,
}

fn note(dataset: &Dataset, role: &Role, id: &str) -> Option<SkillNote> {
    role.skill(id).map(|s| SkillNote {
        id: s.skill.clone(),
        name: dataset.skill_name(&s.skill).to_string(),
        note: s.note.clone(),
        sources: s.sources.clone(),
    })
}

/// How much higher (on the source's 1–5 importance scale) a rated need must be to count as one
/// to add or to leave behind: about the spread of a rating across O*NET's respondents, so 2.88
/// against 3.00 is the same need, not a new one.
pub const GAP_TOLERANCE: f64 = 0.5;

/// Works out the move from `args.from` to `args.to`.
pub fn role_gap(dataset: &Dataset, args: &GapArgs) -> anyhow::Result<Gap> {
    let queries = super::role_queries(dataset, &args.roles, super::RoleCount::Exactly(2))?;
    let [from, to] = [&queries[0], &queries[1]].map(|query| dataset.find_one_role(query));
    let (from, to) = (from?, to?);
    if from.id == to.id {
        anyhow::bail!("FROM and TO are both {}; name two different roles", from.id);
    }
    let contrast = |topic, from: &[Statement], to: &[Statement]| Contrast {
        topic,
        from: from.to_vec(),
        to: to.to_vec(),
    };
    let (f, t) = (&from.requirements, &to.requirements);
    Ok(Gap {
        from: RoleRef::from(from),
        to: RoleRef::from(to),
        compared_in: dataset
            .sources
            .iter()
            .filter(|s| s.compares.contains(&from.id) && s.compares.contains(&to.id))
            .map(|s| s.id.clone())
            .collect(),
        duties_to_take_on: themes_only(dataset, to, from),
        themes_kept: themes_kept(dataset, from, to),
        duties_left_behind: themes_only(dataset, from, to),
        skills_to_add: skill_notes(dataset, to, from, false),
        skills_carried_over: skill_notes(dataset, to, from, true),
        skills_left_behind: skill_notes(dataset, from, to, false),
        requirements: vec![
            contrast("education", &f.education, &t.education),
            contrast("experience", &f.experience, &t.experience),
            contrast("certifications", &f.certifications, &t.certifications),
        ],
        environment: contrast("environment", &from.environment, &to.environment),
        aspects: aspect_changes(dataset, from, to),
        pay: PayChange {
            from: from.salary.clone(),
            to: to.salary.clone(),
            differences: salary_differences(&to.salary, &from.salary),
        },
    })
}

/// The skills of `role` that `other` has (`has`) or lacks, with what the sources say of each.
/// Where a source rates the skill for both, the move is read from the ratings with a
/// tolerance (a need rated GAP_TOLERANCE higher is one to add, lower one left behind), and
/// what both rate below SHOWN_IMPORTANCE is not listed; otherwise from whether each role
/// lists it.
fn skill_notes(dataset: &Dataset, role: &Role, other: &Role, has: bool) -> Vec<SkillNote> {
    role.distinct_skills()
        .filter(|s| {
            match (
                s.importance,
                other.skill(&s.skill).and_then(|o| o.importance),
            ) {
                (Some(mine), Some(theirs)) => {
                    let minor = mine < SHOWN_IMPORTANCE && theirs < SHOWN_IMPORTANCE;
                    let needs_more = mine - theirs >= GAP_TOLERANCE;
                    !minor
                        && if has {
                            !needs_more && theirs - mine < GAP_TOLERANCE
                        } else {
                            needs_more
                        }
                }
                _ => other.skill(&s.skill).is_some() == has,
            }
        })
        .filter_map(|s| {
            let mut found = note(dataset, role, &s.skill)?;
            let theirs = other.skill(&s.skill).and_then(|o| o.importance);
            if let (false, Some(theirs)) = (has, theirs) {
                found
                    .note
                    .push_str(&format!("; importance {theirs} for the {}", other.name));
            }
            Some(found)
        })
        .collect()
}

/// The aspects on which the articles say the two differ, each side as its articles put it.
fn aspect_changes(dataset: &Dataset, from: &Role, to: &Role) -> Vec<AspectChange> {
    dataset
        .aspects
        .iter()
        .filter_map(|aspect| {
            // Only what the articles say of these two roles, not contrasts with a third.
            let statement = |role: &Role, other: &Role| {
                let values = role.aspect_against(&aspect.id, &other.id);
                (!values.is_empty()).then(|| {
                    Statement::new(
                        values
                            .iter()
                            .map(|a| a.value.as_str())
                            .collect::<Vec<_>>()
                            .join(" / "),
                        values
                            .iter()
                            .flat_map(|a| a.sources.iter().cloned())
                            .collect(),
                    )
                })
            };
            let (before, after) = (statement(from, to), statement(to, from));
            let differs = match (&before, &after) {
                (None, None) => false,
                (Some(b), Some(a)) => b.text != a.text,
                _ => true,
            };
            differs.then(|| AspectChange {
                aspect: aspect.id.clone(),
                name: aspect.name.clone(),
                from: before,
                to: after,
            })
        })
        .collect()
}

/// The duty themes both roles' duties speak to.
fn themes_kept(dataset: &Dataset, from: &Role, to: &Role) -> Vec<super::Named> {
    dataset
        .themes
        .iter()
        .filter(|theme| {
            let has = |role: &Role| role.duties.iter().any(|d| d.themes.contains(&theme.id));
            has(from) && has(to)
        })
        .map(|theme| super::Named {
            id: theme.id.clone(),
            name: theme.name.clone(),
        })
        .collect()
}

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
