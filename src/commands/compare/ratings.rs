//! Rated roles compared on their source's own scale: O*NET rates every skill of an occupation
//! for importance (1–5) and level (0–7), so two occupations differ by how much, not by which
//! skills a list happens to keep.

use serde::Serialize;

use crate::commands::RoleRef;
use crate::model::{Dataset, Role, SkillKind};

/// The compared roles' ratings from one source, largest differences first.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RatedComparison {
    /// The source whose scale every rating is on.
    pub source: String,
    /// One row per skill, then per knowledge area, the source rates for any compared role,
    /// largest importance gap first within each.
    pub differences: Vec<RatingDifference>,
    /// Compared roles the source describes but rates no skill for.
    pub unrated: Vec<RoleRef>,
}

/// One skill's ratings across the compared roles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RatingDifference {
    /// Skill id.
    pub id: String,
    /// Skill name.
    pub name: String,
    /// A skill or a knowledge area: each is ranked and shown apart.
    pub kind: SkillKind,
    /// Each compared role's rating, in the order given; absent where the dataset holds none.
    pub ratings: Vec<RoleRating>,
    /// Highest minus lowest importance, when every rated role has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub importance_gap: Option<f64>,
    /// Highest minus lowest level, when every rated role has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_gap: Option<f64>,
}

/// One role's rating of a skill.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleRating {
    /// Role id.
    pub role: String,
    /// Importance on the source's scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub importance: Option<f64>,
    /// Level on the source's scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<f64>,
}

/// The source that rates skills for some compared role and describes them all, if any.
fn rating_source<'a>(roles: &[&'a Role]) -> Option<&'a str> {
    let rated_by = |role: &'a Role| {
        role.skills
            .iter()
            .filter(|s| s.importance.is_some() || s.level.is_some())
            .flat_map(|s| s.sources.iter().map(String::as_str))
    };
    roles.iter().flat_map(|role| rated_by(role)).find(|source| {
        roles
            .iter()
            .all(|role| role.summary.sources.iter().any(|s| s == source))
    })
}

/// The compared roles on one source's rating scale, when one source rates them.
pub fn rated_comparison(dataset: &Dataset, roles: &[&Role]) -> Option<RatedComparison> {
    let source = rating_source(roles)?;
    fn rating<'r>(
        role: &'r Role,
        skill: &str,
        source: &str,
    ) -> Option<&'r crate::model::RoleSkill> {
        role.skills
            .iter()
            .find(|s| s.skill == skill && s.sources.iter().any(|id| id == source))
            .filter(|s| s.importance.is_some() || s.level.is_some())
    }
    let rated = |role: &Role| {
        dataset
            .skills
            .iter()
            .any(|s| rating(role, &s.id, source).is_some())
    };
    let mut differences: Vec<RatingDifference> = dataset
        .skills
        .iter()
        .filter_map(|skill| {
            let ratings: Vec<RoleRating> = roles
                .iter()
                .map(|role| {
                    let found = rating(role, &skill.id, source);
                    RoleRating {
                        role: role.id.clone(),
                        importance: found.and_then(|s| s.importance),
                        level: found.and_then(|s| s.level),
                    }
                })
                .collect();
            if ratings
                .iter()
                .all(|r| r.importance.is_none() && r.level.is_none())
            {
                return None;
            }
            // Roles the source rates no skill for say nothing of this one either.
            let counted: Vec<&RoleRating> = ratings
                .iter()
                .zip(roles)
                .filter(|(_, role)| rated(role))
                .map(|(r, _)| r)
                .collect();
            let gap = |value: fn(&RoleRating) -> Option<f64>| {
                let values: Option<Vec<f64>> = counted.iter().map(|r| value(r)).collect();
                let values = values.filter(|v| v.len() >= 2)?;
                let high = values.iter().copied().fold(f64::MIN, f64::max);
                let low = values.iter().copied().fold(f64::MAX, f64::min);
                Some(round2(high - low))
            };
            Some(RatingDifference {
                id: skill.id.clone(),
                name: skill.name.clone(),
                kind: skill.kind,
                importance_gap: gap(|r| r.importance),
                level_gap: gap(|r| r.level),
                ratings,
            })
        })
        .collect();
    differences.sort_by(|a, b| {
        let key = |d: &RatingDifference| {
            (
                d.importance_gap.unwrap_or(-1.0),
                d.level_gap.unwrap_or(-1.0),
            )
        };
        let (ka, kb) = (key(a), key(b));
        let kind = |d: &RatingDifference| d.kind == SkillKind::Knowledge;
        kind(a)
            .cmp(&kind(b))
            .then(kb.0.total_cmp(&ka.0))
            .then(kb.1.total_cmp(&ka.1))
    });
    let unrated = roles
        .iter()
        .filter(|role| !rated(role))
        .map(|role| RoleRef::from(*role))
        .collect();
    Some(RatedComparison {
        source: source.to_string(),
        differences,
        unrated,
    })
}

/// Published ratings have two decimals; a difference is shown as one would compute it by hand.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
