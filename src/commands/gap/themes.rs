//! The work each role's sources give it, by duty theme: a theme is a role's work when its
//! duties, or the aspects and contrasts the articles draw for it, speak to the theme.

use serde::Serialize;

use crate::commands::Named;
use crate::model::{Dataset, Role, Statement, ThemeDefinition as Theme};
use crate::text::{speaks_of, stems};

/// A duty theme and one role's duties on it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ThemeDuties {
    /// The theme.
    pub theme: Named,
    /// The role's duties on it, each with its sources.
    pub duties: Vec<Statement>,
}

/// Whether what the sources say of `role`, set beside `other`, speaks to `theme`: a duty filed
/// under it, or a duty, aspect or contrast whose words name it ("Backlog and priorities" is
/// named by either part). The product manager's stakeholders contrast ("broad, to senior and
/// executive management") is work on stakeholders though no duty is filed there.
pub(super) fn speaks_to(dataset: &Dataset, role: &Role, other: &Role, theme: &Theme) -> bool {
    if role.duties.iter().any(|d| d.themes.contains(&theme.id)) {
        return true;
    }
    let parts: Vec<Vec<String>> = theme
        .name
        .split(" and ")
        .map(stems)
        .filter(|s| !s.is_empty())
        .collect();
    let names = |text: &str| parts.iter().any(|part| speaks_of(text, part));
    let aspects = dataset.aspects.iter().flat_map(|aspect| {
        role.aspect_against(&aspect.id, &other.id)
            .into_iter()
            .map(move |value| (aspect, value))
    });
    role.duties.iter().any(|d| names(&d.text))
        || aspects.into_iter().any(|(aspect, value)| {
            aspect.id == theme.id || names(&aspect.name) || names(&value.value)
        })
}

/// The themes `role`'s duties have and nothing said of `other` speaks to, with `role`'s
/// duties on each, in the dataset's theme order.
pub(super) fn themes_only(dataset: &Dataset, role: &Role, other: &Role) -> Vec<ThemeDuties> {
    dataset
        .themes
        .iter()
        .filter(|theme| !speaks_to(dataset, other, role, theme))
        .filter_map(|theme| {
            let duties: Vec<Statement> = role
                .duties
                .iter()
                .filter(|d| d.themes.contains(&theme.id))
                .cloned()
                .collect();
            (!duties.is_empty()).then(|| ThemeDuties {
                theme: named(theme),
                duties,
            })
        })
        .collect()
}

/// The duty themes what is said of both roles speaks to.
pub(super) fn themes_kept(dataset: &Dataset, from: &Role, to: &Role) -> Vec<Named> {
    dataset
        .themes
        .iter()
        .filter(|theme| speaks_to(dataset, from, to, theme) && speaks_to(dataset, to, from, theme))
        .map(named)
        .collect()
}

fn named(theme: &Theme) -> Named {
    Named {
        id: theme.id.clone(),
        name: theme.name.clone(),
    }
}
