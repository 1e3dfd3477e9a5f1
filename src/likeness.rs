//! How alike two roles are, from what the data models rather than from shared words:
//!
//! likeness = 100 × (45% skills + 35% duty themes + 20% relation) × (1 − 5% per contrast, at
//! most 4)
//!
//! - **skills**: weighted Jaccard (Ruzicka) of the two skill sets: Σ min(weight) ÷ Σ max(weight)
//!   over every skill either needs, a skill's weight being its rated importance (O*NET's 1–5)
//!   or 1 when unrated.
//! - **duty themes**: Jaccard of the themes their duties are tagged with (roadmap, budget …).
//! - **relation**: 1 when an article compares the two directly (people confuse such pairs);
//!   else the closeness a source gives when it lists one as related to the other (O*NET:
//!   Primary-Short 1, Primary-Long ½, Supplemental ¼); else 0.
//! - **contrasts**: each aspect on which an article contrasts the two is a documented difference.
//!
//! Symmetric; a role is 100% like itself; adding a skill both need, at one weight, never lowers
//! it. Sentences are never compared, so boilerplate shared by two profiles counts for nothing.

use std::collections::BTreeSet;

use crate::model::{Dataset, Role};

/// Weight of the skills part.
pub const SKILL_WEIGHT: f64 = 0.45;
/// Weight of the duty-themes part.
pub const THEME_WEIGHT: f64 = 0.35;
/// Weight of the relation part.
pub const RELATION_WEIGHT: f64 = 0.20;
/// What each contrast the articles draw between the two takes off, as a share of the whole.
pub const CONTRAST_PENALTY: f64 = 0.05;
/// Contrasts beyond this many take nothing more off.
pub const MAX_CONTRASTS: usize = 4;

/// What likeness is computed from, gathered once per role so ranking stays linear.
#[derive(Debug)]
pub struct Profile<'a> {
    /// The role.
    pub role: &'a Role,
    /// (skill id, weight), sorted by id.
    skills: Vec<(&'a str, f64)>,
    /// Theme ids of its duties.
    themes: BTreeSet<&'a str>,
}

impl<'a> Profile<'a> {
    /// Gathers `role`'s skills and themes.
    pub fn of(role: &'a Role) -> Self {
        let mut skills: Vec<(&str, f64)> = role
            .distinct_skills()
            .map(|s| (s.skill.as_str(), s.importance.unwrap_or(1.0).max(0.0)))
            .collect();
        skills.sort_by(|a, b| a.0.cmp(b.0));
        skills.dedup_by(|a, b| a.0 == b.0);
        let themes = role
            .duties
            .iter()
            .flat_map(|d| d.themes.iter().map(String::as_str))
            .collect();
        Profile {
            role,
            skills,
            themes,
        }
    }

    /// Skill ids both need, in this role's order of weight (most important first).
    pub fn shared_skills(&self, other: &Profile<'_>) -> Vec<&'a str> {
        self.by_weight(|id| other.has_skill(id))
    }

    /// Skill ids this role needs and `other` does not, most important first.
    pub fn own_skills(&self, other: &Profile<'_>) -> Vec<&'a str> {
        self.by_weight(|id| !other.has_skill(id))
    }

    /// Theme ids both have, in id order.
    pub fn shared_themes(&self, other: &Profile<'_>) -> Vec<&'a str> {
        self.themes
            .iter()
            .copied()
            .filter(|id| other.themes.contains(id))
            .collect()
    }

    fn has_skill(&self, id: &str) -> bool {
        self.skills.binary_search_by(|(s, _)| (*s).cmp(id)).is_ok()
    }

    fn by_weight(&self, keep: impl Fn(&str) -> bool) -> Vec<&'a str> {
        let mut kept: Vec<(&str, f64)> = self
            .skills
            .iter()
            .copied()
            .filter(|(id, _)| keep(id))
            .collect();
        // Stable: equal weights keep the role's own order.
        let order = |id: &str| self.role.skills.iter().position(|s| s.skill == id);
        kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(order(a.0).cmp(&order(b.0))));
        kept.into_iter().map(|(id, _)| id).collect()
    }
}

/// The parts of one likeness, each 0–1 but `contrasts`, a count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    /// Weighted Jaccard of the skills.
    pub skills: f64,
    /// Jaccard of the duty themes.
    pub themes: f64,
    /// Direct comparison or listed relation.
    pub relation: f64,
    /// Aspects the articles contrast the two on.
    pub contrasts: usize,
}

impl Parts {
    /// The likeness, 0–1.
    pub fn total(&self) -> f64 {
        let base = SKILL_WEIGHT * self.skills
            + THEME_WEIGHT * self.themes
            + RELATION_WEIGHT * self.relation;
        let penalty = CONTRAST_PENALTY * self.contrasts.min(MAX_CONTRASTS) as f64;
        (base * (1.0 - penalty)).clamp(0.0, 1.0)
    }

    /// The likeness as a whole percentage.
    pub fn percent(&self) -> u32 {
        (self.total() * 100.0).round() as u32
    }
}

/// The likeness of two profiles in `dataset`.
pub fn parts(dataset: &Dataset, a: &Profile<'_>, b: &Profile<'_>) -> Parts {
    if a.role.id == b.role.id {
        return Parts {
            skills: 1.0,
            themes: 1.0,
            relation: 1.0,
            contrasts: 0,
        };
    }
    Parts {
        skills: weighted_jaccard(&a.skills, &b.skills),
        themes: jaccard(&a.themes, &b.themes),
        relation: relation(dataset, a.role, b.role).0,
        contrasts: contrasts(a.role, b.role).len(),
    }
}

/// Σ min ÷ Σ max over the union of two id-sorted weight lists; 0 when both are empty.
fn weighted_jaccard(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    let (mut low, mut high) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                low += x.1.min(y.1);
                high += x.1.max(y.1);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                high += x.1;
                i += 1;
            }
            (Some(x), None) => {
                high += x.1;
                i += 1;
            }
            (_, Some(y)) => {
                high += y.1;
                j += 1;
            }
            (None, None) => break,
        }
    }
    if high > 0.0 { low / high } else { 0.0 }
}

fn jaccard(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / union as f64
    }
}

/// How a source relates the two: (closeness 0–1, the evidence in words).
pub fn relation(dataset: &Dataset, a: &Role, b: &Role) -> (f64, Option<String>) {
    let compared: Vec<&str> = dataset
        .sources
        .iter()
        .filter(|s| s.compares.contains(&a.id) && s.compares.contains(&b.id))
        .map(|s| s.id.as_str())
        .collect();
    if !compared.is_empty() {
        return (1.0, Some(format!("compared in {}", compared.join(", "))));
    }
    fn listed<'r>(from: &'r Role, to: &Role) -> Option<&'r crate::model::RelatedRole> {
        from.related.iter().find(|r| r.role == to.id)
    }
    let closest = [listed(a, b), listed(b, a)]
        .into_iter()
        .flatten()
        .map(|r| (tier_closeness(r.tier.as_deref()), r))
        .max_by(|x, y| x.0.total_cmp(&y.0));
    match closest {
        Some((closeness, related)) => {
            let tier = related
                .tier
                .as_deref()
                .map_or(String::new(), |t| format!(" ({t})"));
            let sources = related.sources.join(", ");
            (
                closeness,
                Some(format!("listed as related{tier} in {sources}")),
            )
        }
        None => (0.0, None),
    }
}

/// O*NET's relatedness tiers as closeness; a relation with no tier counts as close.
fn tier_closeness(tier: Option<&str>) -> f64 {
    match tier.map(str::to_ascii_lowercase).as_deref() {
        Some("primary-long") => 0.5,
        Some("supplemental") => 0.25,
        _ => 1.0,
    }
}

/// Aspect ids on which an article contrasts the two (a value of one stated against the other),
/// in the dataset's aspect order of first appearance.
pub fn contrasts<'a>(a: &'a Role, b: &'a Role) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    let against = |from: &'a Role, to: &'a Role| {
        from.aspects
            .iter()
            .filter(move |v| v.versus.as_deref() == Some(to.id.as_str()))
            .map(|v| v.aspect.as_str())
    };
    for id in against(a, b).chain(against(b, a)) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_jaccard_is_min_over_max() {
        let a = [("x", 4.0), ("y", 2.0)];
        let b = [("x", 2.0), ("z", 1.0)];
        // min: x 2; max: x 4 + y 2 + z 1.
        assert!((weighted_jaccard(&a, &b) - 2.0 / 7.0).abs() < 1e-12);
        assert_eq!(weighted_jaccard(&[], &[]), 0.0);
    }

    #[test]
    fn contrasts_cut_the_total_and_stop_at_four() {
        let base = Parts {
            skills: 1.0,
            themes: 1.0,
            relation: 1.0,
            contrasts: 0,
        };
        assert_eq!(base.percent(), 100);
        assert_eq!(
            Parts {
                contrasts: 2,
                ..base
            }
            .percent(),
            90
        );
        assert_eq!(
            Parts {
                contrasts: 9,
                ..base
            }
            .percent(),
            80
        );
    }
}
