//! The work each role's sources give it, by duty theme: a theme is a role's work when its
//! duties, or the aspects and contrasts the articles draw for it, speak to the theme.

use serde::Serialize;

use crate::commands::Named;
use crate::model::{Dataset, Role, Statement};

/// A duty theme and one role's duties on it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ThemeDuties {
    /// The theme.
    pub theme: Named,
    /// The role's duties on it, each with its sources.
    pub duties: Vec<Statement>,
}

/// The themes `role`'s duties have and `other`'s do not, with `role`'s duties on each, in the
/// dataset's theme order.
pub(super) fn themes_only(dataset: &Dataset, role: &Role, other: &Role) -> Vec<ThemeDuties> {
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
                theme: Named {
                    id: theme.id.clone(),
                    name: theme.name.clone(),
                },
                duties,
            })
        })
        .collect()
}

/// The duty themes both roles' duties speak to.
pub(super) fn themes_kept(dataset: &Dataset, from: &Role, to: &Role) -> Vec<Named> {
    dataset
        .themes
        .iter()
        .filter(|theme| {
            let has = |role: &Role| role.duties.iter().any(|d| d.themes.contains(&theme.id));
            has(from) && has(to)
        })
        .map(|theme| Named {
            id: theme.id.clone(),
            name: theme.name.clone(),
        })
        .collect()
}
