//! `roles gap FROM TO`: what a person in FROM must add to move to TO, what carries over, how the
//! requirements and setting change, and the pay change with its sources.

use crate::complete::role_candidates;
use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

mod layout;
mod skills;
mod themes;

pub use skills::SkillNote;
use skills::skill_move;
pub use themes::ThemeDuties;
use themes::{themes_kept, themes_only};

use super::{RoleRef, Section};
use crate::figures::{SalaryDifference, salary_differences};
use crate::load::need::Need;
use crate::model::{Dataset, Role, SalaryFigure, Statement};
use crate::outcome::Outcome;
use crate::text::possessive;

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
    /// Show the summary and only these sections (comma-separated), e.g. --only skills,salary.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTIONS")]
    pub only: Vec<Section>,
    /// Show every section after the summary, not the summary alone. JSON, CSV,
    /// Markdown and YAML always carry everything.
    #[arg(long, conflicts_with = "only")]
    pub full: bool,
}

impl super::Run for GapArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let need = Need::roles_named_by(&self.roles);
        let (view, notices) = context.answer_naming(&self.roles, false, &need, |data, words| {
            role_gap(
                data,
                &GapArgs {
                    roles: words.to_vec(),
                    ..self.clone()
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
            only: Vec::new(),
            full: false,
        }
    }
}

/// The sections a gap has after its summary, in display order.
pub const SECTIONS: [Section; 6] = [
    Section::Duties,
    Section::Skills,
    Section::Requirements,
    Section::Environment,
    Section::Aspects,
    Section::Salary,
];

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
    /// TO's skills that cannot be set against FROM's, since FROM's sources name none or name
    /// them in another vocabulary: what TO needs, not known to be missing.
    pub skills_unweighed: Vec<SkillNote>,
    /// What the sources are silent on, in words: nothing is drawn from these.
    pub silences: Vec<String>,
    /// Education, experience and certifications side by side.
    pub requirements: Vec<Contrast>,
    /// The work environment side by side.
    pub environment: Contrast,
    /// Aspects where the roles' values differ.
    pub aspects: Vec<AspectChange>,
    /// The pay change.
    pub pay: PayChange,
    /// The sections the table shows after the summary; none asked for is every one in
    /// Markdown, and the summary alone in the table (its digest).
    #[serde(skip)]
    pub shown: Vec<Section>,
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
    if let Some(section) = args.only.iter().find(|s| !SECTIONS.contains(s)) {
        return Err(crate::outcome::UsageError(format!(
            "gap has no {} section; it has {}",
            section.name(),
            SECTIONS.map(Section::name).join(", ")
        ))
        .into());
    }
    let contrast = |topic, from: &[Statement], to: &[Statement]| Contrast {
        topic,
        from: from.to_vec(),
        to: to.to_vec(),
    };
    let (f, t) = (&from.requirements, &to.requirements);
    let skills = skill_move(dataset, from, to);
    let mut silences = skills.silences;
    // Work changes hands only between roles whose duties are both filed under themes: an
    // O*NET task list (not filed) or no duties at all leaves the question open.
    let themed = |role: &Role| role.duties.iter().any(|d| !d.themes.is_empty());
    let both_themed = themed(from) && themed(to);
    for role in [from, to] {
        if role.duties.is_empty() {
            silences.push(format!(
                "The sources give no duties for the {}, so no work is known to change hands.",
                role.name
            ));
        } else if !themed(role) {
            silences.push(format!(
                "The {} duties are not filed under the articles' themes, so no work is drawn \
                 as taken on or left behind; themes both speak to are kept.",
                possessive(&role.name)
            ));
        }
        if role.salary.is_empty() {
            silences.push(format!("The sources give no pay for the {}.", role.name));
        }
    }
    Ok(Gap {
        from: RoleRef::from(from),
        to: RoleRef::from(to),
        compared_in: dataset
            .sources
            .iter()
            .filter(|s| s.compares.contains(&from.id) && s.compares.contains(&to.id))
            .map(|s| s.id.clone())
            .collect(),
        duties_to_take_on: match both_themed {
            true => themes_only(dataset, to, from),
            false => Vec::new(),
        },
        themes_kept: themes_kept(dataset, from, to),
        duties_left_behind: match both_themed {
            true => themes_only(dataset, from, to),
            false => Vec::new(),
        },
        skills_to_add: skills.to_add,
        skills_carried_over: skills.carried_over,
        skills_left_behind: skills.left_behind,
        skills_unweighed: skills.unweighed,
        silences,
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
        shown: match args.full {
            true => SECTIONS.to_vec(),
            false => args.only.clone(),
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
