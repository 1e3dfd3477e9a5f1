//! `roles match --skill S…`: roles ranked by how well a person's skills fit each, counting both
//! what the role needs that the person covers and what of the person the role would use.

use crate::complete::skill_candidates;
use clap_complete::engine::ArgValueCandidates;
use serde::Serialize;

use super::RoleRef;
use super::SHOWN_IMPORTANCE;
use super::{Named, ids};
use crate::load::need::Need;
use crate::model::{Dataset, Role};
use crate::outcome::Outcome;
use crate::view::{Block, Grid, Records, Report, View};

/// The formula, for `--help`, the table's note and the docs.
pub const FORMULA: &str = "Fit = √(coverage × use): coverage is the share of the role's skills \
    you have (each weighted by its rated importance, or 1 when unrated), use how much the role \
    needs each of your skills (a rated skill by its importance as a share of O*NET's top rating \
    5, a listed unrated one fully). Unweighted, that is the cosine of the two skill sets: a \
    role ranks high when it needs much of what you bring and you bring much of what it needs. \
    No rating is cut off; only the table leaves out needs rated below 3.";

/// Arguments of `roles match`.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = FORMULA)]
pub struct MatchArgs {
    /// A skill the person has, as they would say it (budgeting, roadmapping): a skill's id, name,
    /// alias or unique prefix from roles skills, or words a skill or a duty theme speaks of.
    /// Repeat, or separate with commas.
    #[arg(
        long = "skill",
        short = 's',
        value_name = "SKILL",
        required = true,
        value_delimiter = ',',
        add = ArgValueCandidates::new(skill_candidates)
    )]
    pub skills: Vec<String>,
    /// Show the N best-fitting roles; 0 shows all.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
}

impl super::Run for MatchArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let dataset = context.load(&Need::Everything)?;
        let view = match_skills(&dataset, self)?;
        context.emit(&view, &[])
    }
}

/// Roles ranked by fit.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillMatch {
    /// The person's skills, as the vocabulary names them.
    pub skills: Vec<Named>,
    /// The duty themes the person's words were taken as (a role whose duties carry one uses it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Named>,
    /// How each word given was taken, where it was not a skill's id, name or alias as such.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub taken: Vec<String>,
    /// The best-fitting roles, best first.
    pub roles: Vec<RoleFit>,
    /// Roles whose sources name no skills: not scored, since a fit of 0% would read the
    /// sources' silence as a lack.
    pub unscored: Vec<RoleRef>,
}

/// How well one role fits the person's skills.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleFit {
    /// The role.
    pub role: RoleRef,
    /// Fit, 0–100: the geometric mean of `coverage` and `uses`.
    pub score: u32,
    /// Share of the role's skills (weighted by importance) the person has, 0–100.
    pub coverage: u32,
    /// Share of the person's skills the role needs, 0–100.
    pub uses: u32,
    /// What the person brings that the role uses, most important first.
    pub brings: Vec<Named>,
    /// What the role needs that the person lacks, most important first: unrated skills and
    /// those rated from [`SHOWN_IMPORTANCE`].
    pub lacks: Vec<Named>,
    /// How many more the role's source rates, below that, that the person lacks.
    pub lacks_rated_lower: usize,
}

/// Whether a role's skill `id` is one of `skills`, directly or through a `same_as` link.
fn has_skill<'a>(dataset: &'a Dataset, skills: &'a [String]) -> impl Fn(&str) -> bool + 'a {
    let roots: Vec<&str> = skills.iter().map(|id| dataset.skill_root(id)).collect();
    move |id: &str| roots.contains(&dataset.skill_root(id))
}

/// The top of O*NET's importance scale, against which a rated need is measured.
const TOP_IMPORTANCE: f64 = 5.0;

/// The shares and fit of `role` for a person with `skills` (ids), each 0–1.
/// A skill linked to another vocabulary's (`same_as`) counts under either id.
pub fn fit(dataset: &Dataset, role: &Role, skills: &[String]) -> (f64, f64, f64) {
    fit_with_themes(dataset, role, skills, &[])
}

/// As [`fit`], with duty themes the person brings too: a theme counts as used when the role's
/// duties carry it.
pub fn fit_with_themes(
    dataset: &Dataset,
    role: &Role,
    skills: &[String],
    themes: &[String],
) -> (f64, f64, f64) {
    let has = has_skill(dataset, skills);
    let weight = |importance: Option<f64>| importance.unwrap_or(1.0).max(0.0);
    let total: f64 = role.distinct_skills().map(|s| weight(s.importance)).sum();
    let covered: f64 = role
        .distinct_skills()
        .filter(|s| has(&s.skill))
        .map(|s| weight(s.importance))
        .sum();
    // Every rating counts, in proportion: a skill rated 2 of 5 is a small need, not none and
    // not a full one, so no threshold decides a fit.
    let used: f64 = role
        .distinct_skills()
        .filter(|s| has(&s.skill))
        .map(|s| {
            s.importance
                .map_or(1.0, |i| (i / TOP_IMPORTANCE).clamp(0.0, 1.0))
        })
        .sum();
    let themes_used = themes
        .iter()
        .filter(|theme| role.duties.iter().any(|d| d.themes.contains(theme)))
        .count() as f64;
    let coverage = if total > 0.0 { covered / total } else { 0.0 };
    let brought = (skills.len() + themes.len()) as f64;
    let uses = if brought == 0.0 {
        0.0
    } else {
        (used + themes_used) / brought
    };
    ((coverage * uses).sqrt(), coverage, uses)
}

fn percent(share: f64) -> u32 {
    (share * 100.0).round().clamp(0.0, 100.0) as u32
}

/// Ranks every role by fit; ties go to the higher coverage, then to dataset order.
pub fn match_skills(dataset: &Dataset, args: &MatchArgs) -> anyhow::Result<SkillMatch> {
    let mut skills: Vec<String> = Vec::new();
    let mut themes: Vec<String> = Vec::new();
    let mut taken = Vec::new();
    for found in crate::abilities::take_all(dataset, &args.skills)? {
        for id in found.skills {
            if !skills.contains(&id) {
                skills.push(id);
            }
        }
        for id in found.themes {
            if !themes.contains(&id) {
                themes.push(id);
            }
        }
        if !found.how.is_empty() {
            taken.push(found.how);
        }
    }

    let named = |id: &str| {
        let knowledge = dataset
            .skill_definition(id)
            .is_some_and(|d| d.kind == crate::model::SkillKind::Knowledge);
        Named {
            id: id.to_string(),
            // O*NET has a Mathematics skill and a Mathematics knowledge area.
            name: if knowledge {
                format!("{} (knowledge)", dataset.skill_name(id))
            } else {
                dataset.skill_name(id).to_string()
            },
        }
    };
    let (known, silent): (Vec<&Role>, Vec<&Role>) = dataset
        .roles
        .iter()
        .partition(|role| role.distinct_skills().next().is_some());
    let mut ranked: Vec<(f64, f64, &Role)> = known
        .into_iter()
        .map(|role| {
            let (score, coverage, _) = fit_with_themes(dataset, role, &skills, &themes);
            (score, coverage, role)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
    if args.limit > 0 {
        ranked.truncate(args.limit);
    }
    let roles = ranked
        .into_iter()
        .map(|(_, _, role)| {
            let (score, coverage, uses) = fit_with_themes(dataset, role, &skills, &themes);
            let mut needs: Vec<_> = role.distinct_skills().collect();
            // Most important first; unrated skills keep the role's order.
            needs.sort_by(|a, b| {
                b.importance
                    .unwrap_or(0.0)
                    .total_cmp(&a.importance.unwrap_or(0.0))
            });
            let has = has_skill(dataset, &skills);
            let (brings, lacks): (Vec<_>, Vec<_>) = needs.into_iter().partition(|s| has(&s.skill));
            let minor = lacks
                .iter()
                .filter(|s| s.importance.is_some_and(|i| i < SHOWN_IMPORTANCE))
                .count();
            RoleFit {
                role: RoleRef::from(role),
                score: percent(score),
                coverage: percent(coverage),
                uses: percent(uses),
                brings: brings.iter().map(|s| named(&s.skill)).collect(),
                lacks: lacks
                    .iter()
                    .filter(|s| !s.importance.is_some_and(|i| i < SHOWN_IMPORTANCE))
                    .map(|s| named(&s.skill))
                    .collect(),
                lacks_rated_lower: minor,
            }
        })
        .collect();
    Ok(SkillMatch {
        skills: skills.iter().map(|id| named(id)).collect(),
        themes: themes
            .iter()
            .map(|id| Named {
                id: id.clone(),
                name: dataset.theme_name(id).to_string(),
            })
            .collect(),
        taken,
        roles,
        unscored: silent.into_iter().map(RoleRef::from).collect(),
    })
}

fn names(items: &[Named]) -> String {
    if items.is_empty() {
        return "—".to_string();
    }
    items
        .iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many of a role's other needs a table cell names.
const NEEDS_SHOWN: usize = 8;

/// The first needs, then how many more there are and how many of those are rated low.
fn needs(lacks: &[Named], rated_lower: usize) -> String {
    let shown: Vec<Named> = lacks.iter().take(NEEDS_SHOWN).cloned().collect();
    let mut text = names(&shown);
    let more = lacks.len().saturating_sub(NEEDS_SHOWN);
    match (more, rated_lower) {
        (0, 0) => {}
        (0, low) => text.push_str(&format!(" (+{low} rated below 3)")),
        (more, 0) => text.push_str(&format!(" (+{more} more)")),
        (more, low) => text.push_str(&format!(" (+{more} more, and {low} rated below 3)")),
    }
    text
}

impl View for SkillMatch {
    fn report(&self) -> Report {
        let mut grid = Grid::new([
            "Role",
            "Fit",
            "Covers",
            "Uses",
            "You bring",
            "It also needs",
        ]);
        for fit in &self.roles {
            grid.row([
                fit.role.name.clone(),
                format!("{}%", fit.score),
                format!("{}%", fit.coverage),
                format!("{}%", fit.uses),
                names(&fit.brings),
                needs(&fit.lacks, fit.lacks_rated_lower),
            ]);
        }
        let mut blocks = Vec::new();
        if !self.taken.is_empty() {
            blocks.push(Block::Text(format!("{}.", self.taken.join("; "))));
        }
        blocks.push(Block::Table(grid));
        if !self.unscored.is_empty() {
            let names: Vec<String> = self
                .unscored
                .iter()
                .map(|r| format!("the {}", r.name))
                .collect();
            blocks.push(Block::Note(format!(
                "The sources name no skills for {}, so {} not scored: a fit of 0% would read \
                 their silence as a lack.",
                crate::text::and_list(&names),
                if names.len() == 1 {
                    "it is"
                } else {
                    "they are"
                }
            )));
        }
        let themes = if self.themes.is_empty() {
            String::new()
        } else {
            format!("; duty themes: {}", names(&self.themes))
        };
        blocks.push(Block::Note(format!(
            "Your skills: {}{themes}. {FORMULA}",
            names(&self.skills)
        )));
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["role", "score", "coverage", "uses", "brings", "lacks"]);
        for fit in &self.roles {
            records.row([
                fit.role.id.clone(),
                fit.score.to_string(),
                fit.coverage.to_string(),
                fit.uses.to_string(),
                ids(&fit.brings),
                ids(&fit.lacks),
            ]);
        }
        // Unscored roles keep their row, with empty scores: unknown, not zero.
        for role in &self.unscored {
            records.row([role.id.clone()]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_using_both_skills_outranks_one_using_one() {
        let dataset = Dataset::builtin().unwrap_or_else(|e| panic!("{e}"));
        let args = MatchArgs {
            skills: vec!["communication".into(), "agile".into()],
            limit: 0,
        };
        let result = match_skills(&dataset, &args).unwrap_or_else(|e| panic!("{e}"));
        let order: Vec<&str> = result.roles.iter().map(|f| f.role.id.as_str()).collect();
        let position = |id: &str| order.iter().position(|o| *o == id);
        assert!(
            position("product-owner") < position("delivery-lead"),
            "{order:?}"
        );
        let po = &result.roles[0];
        assert_eq!(po.role.id, "product-owner");
        assert_eq!(po.uses, 100);
    }

    #[test]
    fn fit_is_the_geometric_mean_of_coverage_and_use() {
        let dataset = Dataset::builtin().unwrap_or_else(|e| panic!("{e}"));
        let po = dataset
            .find_one_role("po")
            .unwrap_or_else(|e| panic!("{e}"));
        let skills = vec!["communication".to_string(), "cooking".to_string()];
        let (score, coverage, uses) = fit(&dataset, po, &skills);
        assert!((coverage - 1.0 / po.distinct_skills().count() as f64).abs() < 1e-12);
        assert!((uses - 0.5).abs() < 1e-12);
        assert!((score - (coverage * uses).sqrt()).abs() < 1e-12);
    }
}
