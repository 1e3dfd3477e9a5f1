//! `roles gap FROM TO`: what a person in FROM must add to move to TO, what carries over, how the
//! requirements and setting change, and the pay change with its sources.

use crate::complete::role_candidates;
use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

mod layout;
mod skills;
mod themes;

pub use skills::SkillNote;
use skills::skill_notes;
pub use themes::ThemeDuties;
use themes::{themes_kept, themes_only};

use super::RoleRef;
use crate::figures::{SalaryDifference, salary_differences};
use crate::load::need::Need;
use crate::model::{Dataset, Role, SalaryFigure, Statement};
use crate::outcome::Outcome;

/// Arguments of `roles gap`.
#[derive(Debug, Clone, clap::Args)]
pub struct GapArgs {
    /// The role a person has now, then the one they want to move to (names of several
    /// words need no quotes when the words split into two roles one way only).
    #[arg(
        value_name = "FROM TO",
        required = true,
        num_args = 2..,
        add = ArgValueCompleter::new(role_candidates)
    )]
    pub roles: Vec<String>,
}

impl super::Run for GapArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let need = Need::roles_named_by(&self.roles);
        let (view, notices) = context.answer_naming(&self.roles, false, &need, |data, words| {
            role_gap(
                data,
                &GapArgs {
                    roles: words.to_vec(),
                },
            )
        })?;
        context.emit(&view, &notices)
    }
}

impl GapArgs {
    /// The move from `from` to `to`.
    pub fn between(from: &str, to: &str) -> Self {
        GapArgs {
            roles: vec![from.to_string(), to.to_string()],
        }
    }
}

/// The move from one role to another.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Gap {
    /// The role now.
    pub from: RoleRef,
    /// The role wanted.
    pub to: RoleRef,
    /// Sources that compare the two roles; what others say is of one role alone.
    pub compared_in: Vec<String>,
    /// Duty themes TO's duties have and FROM's do not, with TO's duties on each: the work
    /// that changes hands.
    pub duties_to_take_on: Vec<ThemeDuties>,
    /// Duty themes both roles' duties have.
    pub themes_kept: Vec<super::Named>,
    /// Duty themes only FROM's duties have, with FROM's duties on each.
    pub duties_left_behind: Vec<ThemeDuties>,
    /// Skills TO needs that FROM does not, with what TO's sources say of them.
    pub skills_to_add: Vec<SkillNote>,
    /// Skills both need.
    pub skills_carried_over: Vec<SkillNote>,
    /// Skills FROM needs that TO does not.
    pub skills_left_behind: Vec<SkillNote>,
    /// Education, experience and certifications side by side.
    pub requirements: Vec<Contrast>,
    /// The work environment side by side.
    pub environment: Contrast,
    /// Aspects where the roles' values differ.
    pub aspects: Vec<AspectChange>,
    /// The pay change.
    pub pay: PayChange,
}

/// One requirement or setting in both roles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Contrast {
    /// `education`, `experience`, `certifications` or `environment`.
    pub topic: &'static str,
    /// FROM's statements.
    pub from: Vec<Statement>,
    /// TO's statements.
    pub to: Vec<Statement>,
}

/// An aspect on which the two roles have different values (or only one has a value).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AspectChange {
    /// Aspect id (`id`, as in show and compare).
    #[serde(rename = "id")]
    pub aspect: String,
    /// Aspect name.
    pub name: String,
    /// FROM's value, if a source gives one.
    pub from: Option<Statement>,
    /// TO's value, if a source gives one.
    pub to: Option<Statement>,
}

/// Pay before and after, and the honest differences between them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PayChange {
    /// FROM's figures.
    pub from: Vec<SalaryFigure>,
    /// TO's figures.
    pub to: Vec<SalaryFigure>,
    /// TO's figures minus FROM's, where comparable.
    pub differences: Vec<SalaryDifference>,
}

/// Works out the move from `args.from` to `args.to`.
pub fn role_gap(dataset: &Dataset, args: &GapArgs) -> anyhow::Result<Gap> {
    let queries = super::role_queries(dataset, &args.roles, super::RoleCount::Exactly(2))?;
    let [from, to] = [&queries[0], &queries[1]].map(|query| dataset.find_one_role(query));
    let (from, to) = (from?, to?);
    if from.id == to.id {
        anyhow::bail!("FROM and TO are both {}; name two different roles", from.id);
    }
    let contrast = |topic, from: &[Statement], to: &[Statement]| Contrast {
        topic,
        from: from.to_vec(),
        to: to.to_vec(),
    };
    let (f, t) = (&from.requirements, &to.requirements);
    Ok(Gap {
        from: RoleRef::from(from),
        to: RoleRef::from(to),
        compared_in: dataset
            .sources
            .iter()
            .filter(|s| s.compares.contains(&from.id) && s.compares.contains(&to.id))
            .map(|s| s.id.clone())
            .collect(),
        duties_to_take_on: themes_only(dataset, to, from),
        themes_kept: themes_kept(dataset, from, to),
        duties_left_behind: themes_only(dataset, from, to),
        skills_to_add: skill_notes(dataset, to, from, false),
        skills_carried_over: skill_notes(dataset, to, from, true),
        skills_left_behind: skill_notes(dataset, from, to, false),
        requirements: vec![
            contrast("education", &f.education, &t.education),
            contrast("experience", &f.experience, &t.experience),
            contrast("certifications", &f.certifications, &t.certifications),
        ],
        environment: contrast("environment", &from.environment, &to.environment),
        aspects: aspect_changes(dataset, from, to),
        pay: PayChange {
            from: from.salary.clone(),
            to: to.salary.clone(),
            differences: salary_differences(&to.salary, &from.salary),
        },
    })
}

/// The aspects on which the articles say the two differ, each side as its articles put it.
fn aspect_changes(dataset: &Dataset, from: &Role, to: &Role) -> Vec<AspectChange> {
    dataset
        .aspects
        .iter()
        .filter_map(|aspect| {
            // Only what the articles say of these two roles, not contrasts with a third.
            let statement = |role: &Role, other: &Role| {
                let values = role.aspect_against(&aspect.id, &other.id);
                (!values.is_empty()).then(|| {
                    Statement::new(
                        values
                            .iter()
                            .map(|a| a.value.as_str())
                            .collect::<Vec<_>>()
                            .join(" / "),
                        values
                            .iter()
                            .flat_map(|a| a.sources.iter().cloned())
                            .collect(),
                    )
                })
            };
            let (before, after) = (statement(from, to), statement(to, from));
            let differs = match (&before, &after) {
                (None, None) => false,
                (Some(b), Some(a)) => b.text != a.text,
                _ => true,
            };
            differs.then(|| AspectChange {
                aspect: aspect.id.clone(),
                name: aspect.name.clone(),
                from: before,
                to: after,
            })
        })
        .collect()
}
