//! How alike two roles are, from all the evidence the two have:
//!
//! likeness = (40% tasks + 24% skills + 16% titles + 20% duty themes + 20% relation), divided by
//! the weights of the parts both roles have evidence for, × (1 − 5% per contrast, at most 4)
//!
//! - **tasks**: TF-IDF cosine of what the two do: summary and duty statements (O*NET's task
//!   statements word for word, the articles' duties in our words), words weighted by how rare
//!   they are across the dataset, so "budget" counts and "work" hardly does.
//! - **skills**: when a source rates both (O*NET's importance for every skill and knowledge
//!   area), the cosine of the two rating vectors; otherwise the weighted Jaccard (Ruzicka) of
//!   the two skill lists, a skill's weight its rated importance or 1.
//! - **titles**: TF-IDF cosine of the names people use for each (name and alternate titles).
//! - **duty themes**: Jaccard of the themes their duties are tagged with (roadmap, budget …).
//! - **relation**: 1 when an article compares the two directly (people confuse such pairs);
//!   else how close the sources' lists place them, the mean over the two roles' lists (each
//!   one judgement; a list that leaves the other out counts 0), a listing worth its tier
//!   (O*NET: Primary-Short 1, Primary-Long ½, Supplemental ¼) down to half of that at the
//!   list's end; else 0. Always counted: a source that lists no relations shifts every score
//!   alike.
//! - **contrasts**: each aspect on which an article contrasts the two is a documented difference.
//!
//! A part one of the two roles has no evidence for (occupations have no duty themes; an
//! unrated occupation no ratings) is left out of both the sum and the divisor, never counted
//! as zero.
//! Symmetric; a role is 100% like itself. The weights were chosen on O*NET's own Related
//! Occupations list with that file withheld from the import (scripts/likeness-benchmark.py;
//! figures in docs/performance.md).

mod ratings;
mod relation;
mod text;

use std::collections::BTreeSet;

use crate::model::{Dataset, Role};
use ratings::{cosine, jaccard, merged_skills, weighted_jaccard};
pub use relation::{contrasts, relation};
pub use text::{Corpus, words};
use text::{Vector, dot, merged};

/// Weight of the task-text part.
pub const TASK_WEIGHT: f64 = 0.40;
/// Weight of the skills part.
pub const SKILL_WEIGHT: f64 = 0.24;
/// Weight of the titles part.
pub const TITLE_WEIGHT: f64 = 0.16;
/// Weight of the duty-themes part.
pub const THEME_WEIGHT: f64 = 0.20;
/// Weight of the relation part.
pub const RELATION_WEIGHT: f64 = 0.20;
/// What each contrast the articles draw between the two takes off, as a share of the whole.
pub const CONTRAST_PENALTY: f64 = 0.05;
/// Importance (1–5) from which a rating both roles share is named as a reason they are alike.
pub const DRIVING_IMPORTANCE: f64 = 3.0;
/// Importance points by which one role's rating must exceed the other's to set them apart.
pub const APART_BY: f64 = 1.0;
/// Contrasts beyond this many take nothing more off.
pub const MAX_CONTRASTS: usize = 4;

/// What likeness is computed from, gathered once per role so ranking stays linear.
#[derive(Debug)]
pub struct Profile<'a> {
    /// The role.
    pub role: &'a Role,
    /// (skill id, weight), sorted by id.
    skills: Vec<(&'a str, f64)>,
    /// True when a source rates the role's skills (so the ratings' cosine is used).
    rated: bool,
    /// Theme ids of its duties.
    themes: BTreeSet<&'a str>,
    /// Unit TF-IDF vector of its task text.
    tasks: Vector,
    /// Unit TF-IDF vector of its names.
    titles: Vector,
}

impl<'a> Profile<'a> {
    /// Gathers `role`'s evidence, its words weighted by `corpus`.
    /// A role of the dataset the corpus was built on is looked up by id (its words were
    /// counted then); any other is counted now.
    pub fn of(corpus: &Corpus, role: &'a Role) -> Self {
        let (tasks, titles) = corpus.vectors_of(role);
        let mut skills: Vec<(&str, f64)> = role
            .distinct_skills()
            .map(|s| (s.skill.as_str(), s.importance.unwrap_or(1.0).max(0.0)))
            .collect();
        skills.sort_by(|a, b| a.0.cmp(b.0));
        skills.dedup_by(|a, b| a.0 == b.0);
        let rated = !role.skills.is_empty() && role.skills.iter().all(|s| s.importance.is_some());
        let themes = role
            .duties
            .iter()
            .flat_map(|d| d.themes.iter().map(String::as_str))
            .collect();
        Profile {
            role,
            skills,
            rated,
            themes,
            tasks,
            titles,
        }
    }

    /// The words of both roles' tasks that make them alike, the largest share first: only words
    /// that tell a reader something, none of either role's names ("owner" says nothing of why
    /// a product owner is like a product manager), and none that either one's tasks use only in
    /// another role's name (a delivery lead and a project manager both working with "the
    /// product owner").
    pub fn shared_task_words(&self, corpus: &Corpus, other: &Profile<'_>) -> Vec<String> {
        let mut names: Vec<String> = [self.role, other.role]
            .iter()
            .flat_map(|role| std::iter::once(&role.name).chain(&role.aliases))
            // Every word of a name, its level words too: "lead" is half of "Delivery Lead".
            .flat_map(|name| crate::text::terms(name).into_iter().map(|term| term.stem))
            .collect();
        names.extend(corpus.only_in_role_names(self.role));
        names.extend(corpus.only_in_role_names(other.role));
        // A word of a name in any form: one stem, or stems sharing their first five letters
        // (Porter2 stems `delivery` `deliveri` and `delivering` `deliv`).
        let akin = |a: &str, b: &str| {
            let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            a == b || common >= 5
        };
        let named = |word: &str| {
            crate::text::stems(word)
                .iter()
                .any(|stem| names.iter().any(|name| akin(stem, name)))
        };
        // Shares equal to nine places are ties, broken by the word.
        let mut shared: Vec<(i64, &str)> = merged(&self.tasks, &other.tasks)
            .into_iter()
            .map(|(word, x, y)| ((x * y * 1e9).round() as i64, corpus.word(word)))
            .filter(|(_, word)| text::tells_something(word) && !named(word))
            .collect();
        shared.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        shared.into_iter().map(|(_, w)| w.to_string()).collect()
    }

    /// Skill ids both need, in this role's order of weight (most important first). When a
    /// source rates both, only what both rate from [`DRIVING_IMPORTANCE`], largest product
    /// first: what drives the ratings' cosine, not every element both are rated on.
    pub fn shared_skills(&self, other: &Profile<'a>) -> Vec<&'a str> {
        if self.rated && other.rated {
            let mut shared: Vec<(&str, f64)> = merged_skills(&self.skills, &other.skills)
                .filter(|(_, x, y)| x.min(*y) >= DRIVING_IMPORTANCE)
                .map(|(id, x, y)| (id, x * y))
                .collect();
            shared.sort_by(|a, b| b.1.total_cmp(&a.1));
            return shared.into_iter().map(|(id, _)| id).collect();
        }
        self.by_weight(|id| other.has_skill(id))
    }

    /// Skill ids this role needs and `other` does not, most important first. When a source
    /// rates both, those this role's rating exceeds the other's by [`APART_BY`] or more, the
    /// widest gap first. Nothing when `other` has no skills at all: silence is not a difference.
    pub fn own_skills(&self, other: &Profile<'a>) -> Vec<&'a str> {
        if other.skills.is_empty() {
            return Vec::new();
        }
        if self.rated && other.rated {
            let mut apart: Vec<(&str, f64)> = merged_skills(&self.skills, &other.skills)
                .map(|(id, x, y)| (id, x - y))
                .filter(|(_, gap)| *gap >= APART_BY)
                .collect();
            apart.sort_by(|a, b| b.1.total_cmp(&a.1));
            return apart.into_iter().map(|(id, _)| id).collect();
        }
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

/// One part of a likeness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// What they do.
    Tasks,
    /// The skills they need.
    Skills,
    /// What they are called.
    Titles,
    /// The duty themes they share.
    Themes,
    /// How a source relates them.
    Relation,
}

impl Part {
    /// The part's name in JSON and CSV.
    pub fn id(self) -> &'static str {
        match self {
            Part::Tasks => "tasks",
            Part::Skills => "skills",
            Part::Titles => "titles",
            Part::Themes => "themes",
            Part::Relation => "relation",
        }
    }
}

/// The parts of one likeness, each 0–1 (`None` where one of the two has no evidence for it) but
/// `contrasts`, a count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    /// TF-IDF cosine of the task text.
    pub tasks: Option<f64>,
    /// Cosine of the ratings, or weighted Jaccard of the skill lists.
    pub skills: Option<f64>,
    /// TF-IDF cosine of the names and titles.
    pub titles: Option<f64>,
    /// Jaccard of the duty themes.
    pub themes: Option<f64>,
    /// Direct comparison or listed relation.
    pub relation: f64,
    /// Aspects the articles contrast the two on.
    pub contrasts: usize,
}

impl Parts {
    /// The likeness, 0–1.
    pub fn total(&self) -> f64 {
        let (mut sum, mut weights) = (RELATION_WEIGHT * self.relation, RELATION_WEIGHT);
        for (part, weight) in [
            (self.tasks, TASK_WEIGHT),
            (self.skills, SKILL_WEIGHT),
            (self.titles, TITLE_WEIGHT),
            (self.themes, THEME_WEIGHT),
        ] {
            if let Some(value) = part {
                sum += weight * value;
                weights += weight;
            }
        }
        let base = sum / weights;
        let penalty = CONTRAST_PENALTY * self.contrasts.min(MAX_CONTRASTS) as f64;
        (base * (1.0 - penalty)).clamp(0.0, 1.0)
    }

    /// Each part's share of the likeness before contrasts, largest first, parts that add
    /// nothing left out: what drives the score, in proportion.
    pub fn shares(&self) -> Vec<(Part, f64)> {
        let parts = [
            (Part::Tasks, self.tasks, TASK_WEIGHT),
            (Part::Skills, self.skills, SKILL_WEIGHT),
            (Part::Titles, self.titles, TITLE_WEIGHT),
            (Part::Themes, self.themes, THEME_WEIGHT),
            (Part::Relation, Some(self.relation), RELATION_WEIGHT),
        ];
        let sum: f64 = parts.iter().filter_map(|(_, v, w)| v.map(|v| v * w)).sum();
        if sum <= 0.0 {
            return Vec::new();
        }
        let mut shares: Vec<(Part, f64)> = parts
            .iter()
            .filter_map(|(part, value, weight)| value.map(|v| (*part, v * weight / sum)))
            .filter(|(_, share)| *share > 0.0)
            .collect();
        // Stable: equal shares keep the order above.
        shares.sort_by(|a, b| b.1.total_cmp(&a.1));
        shares
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
            tasks: Some(1.0),
            skills: Some(1.0),
            titles: Some(1.0),
            themes: Some(1.0),
            relation: 1.0,
            contrasts: 0,
        };
    }
    // Evidence from one side only says nothing of the pair: an unrated occupation's silence
    // is not a rating of zero, and an article that names no skills has not said "none".
    let either = |x: bool, y: bool| x && y;
    let skills = if a.rated && b.rated {
        Some(cosine(&a.skills, &b.skills))
    } else {
        either(!a.skills.is_empty(), !b.skills.is_empty())
            .then(|| weighted_jaccard(&a.skills, &b.skills))
    };
    let text = |x: &[(u32, f64)], y: &[(u32, f64)]| {
        either(!x.is_empty(), !y.is_empty()).then(|| dot(x, y))
    };
    Parts {
        tasks: text(&a.tasks, &b.tasks),
        skills,
        titles: text(&a.titles, &b.titles),
        themes: either(!a.themes.is_empty(), !b.themes.is_empty())
            .then(|| jaccard(&a.themes, &b.themes)),
        relation: relation(dataset, a.role, b.role).0,
        contrasts: contrasts(a.role, b.role).len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rated_pairs_share_what_both_rate_high_and_differ_by_a_point() {
        let a = [("x", 4.5), ("y", 2.0), ("z", 3.5)];
        let b = [("x", 4.0), ("y", 1.0), ("z", 2.0)];
        let shared: Vec<&str> = merged_skills(&a, &b)
            .filter(|(_, x, y)| x.min(*y) >= DRIVING_IMPORTANCE)
            .map(|(id, _, _)| id)
            .collect();
        assert_eq!(shared, ["x"]);
        let apart: Vec<&str> = merged_skills(&a, &b)
            .filter(|(_, x, y)| x - y >= APART_BY)
            .map(|(id, _, _)| id)
            .collect();
        assert_eq!(apart, ["y", "z"]);
    }

    #[test]
    fn a_part_neither_role_has_is_left_out_not_counted_as_zero() {
        let parts = Parts {
            tasks: Some(0.5),
            skills: None,
            titles: None,
            themes: None,
            relation: 0.0,
            contrasts: 0,
        };
        // 40% × 0.5 over the 40% + 20% (relation) the two have.
        assert!((parts.total() - 0.2 / 0.6).abs() < 1e-12);
    }

    #[test]
    fn contrasts_cut_the_total_and_stop_at_four() {
        let base = Parts {
            tasks: Some(1.0),
            skills: Some(1.0),
            titles: None,
            themes: Some(1.0),
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
