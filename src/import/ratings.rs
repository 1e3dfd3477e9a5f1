//! O*NET's skill and knowledge ratings as a role's rated skills, on O*NET's own scales.

use std::collections::HashSet;

use super::ids::slug;
use super::onet::Onet;
use crate::model::{RoleSkill, SkillKind};

/// Prefix of skill ids from O*NET, so they never take the place of a built-in skill
/// (`negotiation` there is the articles' sense of the word).
pub const SKILL_PREFIX: &str = "onet-";

/// The vocabulary id of an O*NET skill (`onet-mathematics`) or knowledge area
/// (`onet-knowledge-mathematics`: O*NET has both, with one name).
pub(super) fn skill_id(element: &str, name: &str, kind: SkillKind) -> String {
    let prefix = match kind {
        SkillKind::Skill => SKILL_PREFIX.to_string(),
        SkillKind::Knowledge => format!("{SKILL_PREFIX}knowledge-"),
    };
    let name_slug = slug(name);
    if name_slug.is_empty() {
        slug(&format!("{prefix}{element}"))
    } else {
        slug(&format!("{prefix}{name_slug}"))
    }
}

/// The elements O*NET rates in its Knowledge file.
pub(super) fn knowledge_elements(onet: &Onet) -> HashSet<&str> {
    onet.knowledge
        .values()
        .flatten()
        .map(|rating| rating.element.as_str())
        .collect()
}

/// Rated skills, then knowledge areas, at or above the importance threshold (every rating, by
/// default), most important first within each.
pub(super) fn skills(
    onet: &Onet,
    min_importance: f64,
    code: &str,
    cite: &[String],
) -> Vec<RoleSkill> {
    let mut all = rated(onet, min_importance, code, cite, SkillKind::Skill);
    all.extend(rated(
        onet,
        min_importance,
        code,
        cite,
        SkillKind::Knowledge,
    ));
    all
}

fn rated(
    onet: &Onet,
    min_importance: f64,
    code: &str,
    cite: &[String],
    kind: SkillKind,
) -> Vec<RoleSkill> {
    let scale = |id: &str| {
        onet.scales
            .get(id)
            .map(|(_, max)| format!(" of {max}"))
            .unwrap_or_default()
    };
    let (importance_max, level_max) = (scale("IM"), scale("LV"));
    let ratings = match kind {
        SkillKind::Skill => &onet.skills,
        SkillKind::Knowledge => &onet.knowledge,
    };
    let mut skills: Vec<RoleSkill> = ratings
        .get(code)
        .into_iter()
        .flatten()
        .filter_map(|rating| {
            let importance = rating.importance.as_deref().and_then(|v| v.parse().ok());
            if importance.unwrap_or(0.0) < min_importance {
                return None;
            }
            let (name, _) = onet.skill_names.get(&rating.element)?;
            let mut note = Vec::new();
            let flag = |suppressed: bool| {
                if suppressed {
                    " (O*NET: Recommend Suppress)"
                } else {
                    ""
                }
            };
            if let Some(value) = &rating.importance {
                let mark = flag(rating.importance_suppressed);
                note.push(format!("importance {value}{importance_max}{mark}"));
            }
            match (&rating.level, rating.level_not_relevant) {
                (Some(_), true) => note.push("level marked not relevant".to_string()),
                (Some(value), false) => {
                    let mark = flag(rating.level_suppressed);
                    note.push(format!("level {value}{level_max}{mark}"));
                }
                (None, _) => {}
            }
            Some(RoleSkill {
                skill: skill_id(&rating.element, name, kind),
                note: note.join(", "),
                sources: cite.to_vec(),
                importance,
                level: match rating.level_not_relevant {
                    true => None,
                    false => rating.level.as_deref().and_then(|v| v.parse().ok()),
                },
                date: rating.date.clone(),
                versus: None,
            })
        })
        .collect();
    skills.sort_by(|a, b| {
        b.importance
            .unwrap_or(0.0)
            .total_cmp(&a.importance.unwrap_or(0.0))
    });
    skills
}
