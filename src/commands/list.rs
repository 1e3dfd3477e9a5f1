//! `roles list`: every role with its id, name, one-line summary and pay in brief.

use serde::Serialize;

use super::NO_SALARY;
use crate::figures::format_pay;
use crate::model::{Dataset, SalaryFigure};
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View};

/// Arguments of `roles list`.
#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {}

/// The roles of the dataset, in dataset order.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleList {
    /// One entry per role.
    pub roles: Vec<RoleListing>,
}

/// One role in brief.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleListing {
    /// Role id, to pass to other commands.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// The first sentence of the summary.
    pub summary: String,
    /// Every salary figure, empty when no source gives one.
    pub salary: Vec<SalaryFigure>,
}

/// Lists every role.
pub fn list_roles(dataset: &Dataset, _args: &ListArgs) -> RoleList {
    RoleList {
        roles: dataset
            .roles
            .iter()
            .map(|role| RoleListing {
                id: role.id.clone(),
                name: role.name.clone(),
                aliases: role.aliases.clone(),
                summary: role.tagline().to_string(),
                salary: role.salary.clone(),
            })
            .collect(),
    }
}

impl RoleListing {
    fn name_with_aliases(&self) -> String {
        if self.aliases.is_empty() {
            self.name.clone()
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
            .map(|figure| format!("{} [{}]", format_pay(figure), figure.source))
            .collect::<Vec<_>>()
            .join(separator)
    }
}

impl View for RoleList {
    fn report(&self) -> Report {
        let mut grid = Grid::new(["Id", "Name", "Summary", "Pay"]);
        for role in &self.roles {
            grid.row([
                role.id.clone(),
                role.name_with_aliases(),
                role.summary.clone(),
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
                role.id.clone(),
                role.name.clone(),
                role.aliases.join(LIST_SEPARATOR),
                role.summary.clone(),
                role.pay_in_brief("; "),
            ]);
        }
        records
    }
}
