//! `roles list`: every role with its id, name, one-line summary and pay in brief.

use serde::Serialize;

use super::NO_SALARY;
use crate::figures::{format_pay, kind_words};
use crate::load::need::Need;
use crate::model::{Dataset, SalaryFigure};
use crate::outcome::Outcome;
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View};

/// Arguments of `roles list`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ListArgs {
    /// Only roles whose name, aliases or summary hold all these words (any case).
    #[arg(value_name = "WORDS")]
    pub filter: Vec<String>,
}

impl super::Run for ListArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let dataset = context.load(&Need::Cards)?;
        let mut list = list_roles(&dataset, self);
        // A pipe reads lines: one per role, not a table thousands of lines tall. Asking for a
        // table (`--format table`) or a width (COLUMNS) still gets one.
        list.one_line = !context.style.terminal
            && context.format.is_none()
            && std::env::var_os("COLUMNS").is_none();
        let outcome = if list.roles.is_empty() {
            let message = if self.filter.is_empty() {
                "the data holds no roles".to_string()
            } else {
                let words = super::typed(&self.filter.join(" "));
                format!("no role's name, aliases or summary holds \"{words}\"")
            };
            context.found_nothing(&message, &list)?
        } else {
            context.emit(&list, &[])?
        };
        std::mem::forget(dataset);
        Ok(outcome)
    }
}

// Borrowed from the dataset: an O*NET list is 1,000 roles and 57,000 aliases, and copying
// them cost more than writing them.
/// The roles of the dataset, in dataset order.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleList<'a> {
    /// One entry per role.
    pub roles: Vec<RoleListing<'a>>,
    /// One line per role (id, name, summary, pay, tab-separated) instead of a table: for a
    /// pipe, where `grep` and `cut` read lines.
    #[serde(skip)]
    pub one_line: bool,
}

/// One role in brief.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleListing<'a> {
    /// Role id, to pass to other commands.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Other names.
    pub aliases: &'a [String],
    /// The first sentence of the summary.
    pub summary: &'a str,
    /// Every salary figure, empty when no source gives one.
    pub salary: &'a [SalaryFigure],
}

/// Lists every role, or those the filter words all name.
pub fn list_roles<'a>(dataset: &'a Dataset, args: &ListArgs) -> RoleList<'a> {
    let words: Vec<String> = args.filter.iter().map(|w| w.to_lowercase()).collect();
    let matches = |role: &crate::model::Role| {
        words.iter().all(|word| {
            let has = |text: &str| text.to_lowercase().contains(word.as_str());
            has(&role.id)
                || has(&role.name)
                || role.aliases.iter().any(|a| has(a))
                || has(role.tagline())
        })
    };
    RoleList {
        one_line: false,
        roles: dataset
            .roles
            .iter()
            .filter(|role| matches(role))
            .map(|role| RoleListing {
                id: &role.id,
                name: &role.name,
                aliases: &role.aliases,
                summary: role.tagline(),
                salary: &role.salary,
            })
            .collect(),
    }
}

impl RoleListing<'_> {
    fn name_with_aliases(&self) -> String {
        if self.aliases.is_empty() {
            self.name.to_string()
        } else {
            format!("{} ({})", self.name, self.aliases.join(", "))
        }
    }

    fn pay_in_brief(&self, separator: &str) -> String {
        if self.salary.is_empty() {
            return NO_SALARY.to_lowercase();
        }
        self.salary
            .iter()
            .map(|figure| {
                format!(
                    "{} {} [{}]",
                    kind_words(figure),
                    format_pay(figure),
                    figure.source
                )
            })
            .collect::<Vec<_>>()
            .join(separator)
    }
}

impl View for RoleList<'_> {
    fn report(&self) -> Report {
        if self.one_line {
            let records = self
                .roles
                .iter()
                .map(|role| {
                    vec![
                        role.id.to_string(),
                        role.name.to_string(),
                        role.summary.to_string(),
                        role.pay_in_brief("; "),
                    ]
                })
                .collect();
            return Report {
                blocks: vec![Block::Fields(records)],
            };
        }
        let mut grid = Grid::new(["Id", "Name", "Summary", "Pay"]);
        for role in &self.roles {
            grid.row([
                role.id.to_string(),
                role.name_with_aliases(),
                role.summary.to_string(),
                role.pay_in_brief("\n"),
            ]);
        }
        Report {
            blocks: vec![
                Block::Table(grid),
                Block::Note(
                    "Pay: averages and ranges as each source states them, source id in brackets. \
                     `roles show ID` for the whole profile."
                        .into(),
                ),
            ],
        }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["id", "name", "aliases", "summary", "pay"]);
        for role in &self.roles {
            records.row([
                role.id.to_string(),
                role.name.to_string(),
                role.aliases.join(LIST_SEPARATOR),
                role.summary.to_string(),
                role.pay_in_brief("; "),
            ]);
        }
        records
    }
}
