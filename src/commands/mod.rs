//! One module per subcommand. Each turns the dataset and its arguments into a view (plain data);
//! none of them prints.

pub mod compare;
pub mod export;
pub mod gap;
pub mod list;
pub mod manual;
pub mod matching;
pub mod matrix;
pub mod salary;
pub mod search;
pub mod show;
pub mod similar;
pub mod skills;
pub mod tooling;
pub mod validate;
pub mod who;

use serde::Serialize;

use crate::model::{Dataset, Role};

/// A role named in a view: enough to show and to look it up again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RoleRef {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
}

impl From<&Role> for RoleRef {
    fn from(role: &Role) -> Self {
        RoleRef {
            id: role.id.clone(),
            name: role.name.clone(),
        }
    }
}

impl RoleRef {
    /// The role with this id, named as the dataset names it (or by its id, for an id that
    /// names no role).
    pub fn by_id(dataset: &Dataset, id: &str) -> RoleRef {
        RoleRef {
            id: id.to_string(),
            name: dataset
                .roles
                .iter()
                .find(|role| role.id == id)
                .map_or_else(|| id.to_string(), |role| role.name.clone()),
        }
    }
}

/// Roles named on the command line, in order, each once; plus a notice for every ambiguous name.
#[derive(Debug, Default)]
pub struct Resolved<'a> {
    /// The roles, without repeats.
    pub roles: Vec<&'a Role>,
    /// One line per name that matched several roles, for stderr.
    pub notices: Vec<String>,
}

/// Looks up every query; an ambiguous alias brings in all the roles it names, never a guess.
pub fn resolve_roles<'a>(dataset: &'a Dataset, queries: &[String]) -> anyhow::Result<Resolved<'a>> {
    let mut resolved = Resolved::default();
    for query in queries {
        let found = dataset.find_roles(query)?;
        if found.len() > 1 {
            let ids: Vec<&str> = found.iter().map(|r| r.id.as_str()).collect();
            resolved.notices.push(format!(
                "note: '{query}' names {}; showing each",
                ids.join(" and ")
            ));
        } else if let Some(role) = found.first() {
            // Say which title matched, so `show "scrum master"` explains what it shows.
            let titled = dataset
                .alias_matched(role, query)
                .filter(|alias| alias.contains(' '));
            if let Some(alias) = titled {
                let code = role
                    .aliases
                    .first()
                    .filter(|a| *a != alias && a.contains('.') && a.contains('-'));
                let code = code.map(|c| format!(" {c}")).unwrap_or_default();
                resolved.notices.push(format!(
                    "note: '{alias}' is another name for {}{code} ({})",
                    role.name, role.id
                ));
            }
        }
        for role in found {
            if !resolved.roles.iter().any(|r| r.id == role.id) {
                resolved.roles.push(role);
            }
        }
    }
    Ok(resolved)
}

/// Bulleted lines for a multi-line table cell.
pub fn bullets<I: IntoIterator<Item = String>>(items: I) -> String {
    items
        .into_iter()
        .map(|item| format!("• {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the tables show where the sources say nothing.
pub const NOT_STATED: &str = "—";

/// What every view says of a role with no salary figure.
pub const NO_SALARY: &str = "No salary figure in the sources";
