//! `roles show ROLE`: one role's whole profile, every item with its sources.

use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use crate::complete::role_candidates;

mod digest;
mod items;
mod layout;

use super::Section;
use super::sources::cited_sources;
use super::{Resolved, RoleRef, code_of, pay_in_brief, resolve_roles};
use crate::load::need::Need;
use crate::model::{
    Dataset, Headcount, Requirements, Role, SalaryFigure, SkillKind, Source, Statement,
};
use crate::outcome::Outcome;

/// Arguments of `roles show`.
#[derive(Debug, Clone, clap::Args)]
pub struct ShowArgs {
    /// Role id, name or alias (any case; a name of several words needs no quotes); an alias
    /// shared by several roles shows each.
    #[arg(
        value_name = "ROLE",
        required = true,
        num_args = 1..,
        add = ArgValueCompleter::new(role_candidates)
    )]
    pub role: Vec<String>,
    /// Show only these sections (comma-separated), e.g. --only duties,salary.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTIONS")]
    pub only: Vec<Section>,
    /// Show every item of every section, not the digest that lists the first few
    /// of a long section and counts the rest. JSON, CSV, Markdown and YAML always carry
    /// everything.
    #[arg(long, conflicts_with = "only")]
    pub full: bool,
    /// Leave the citations out of the Markdown document (to seed a job description); the
    /// licence credit of imported data stays.
    #[arg(long)]
    pub no_sources: bool,
}

impl super::Run for ShowArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let need = Need::roles_named_by(&self.role);
        let ((view, mut notices), taken) =
            context.answer_naming(&self.role, true, &need, |data, words| {
                let args = ShowArgs {
                    role: words.to_vec(),
                    ..self.clone()
                };
                show_role(data, &args).map(|(view, resolved)| (view, resolved.notices))
            })?;
        notices.splice(0..0, taken);
        context.emit(&view, &notices)
    }
}

/// The profiles asked for: one, or several when the name was an ambiguous alias.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Profiles {
    /// The profiles, in dataset order.
    pub roles: Vec<RoleProfile>,
    /// The sections the table, Markdown and CSV show (all when empty); JSON and YAML always
    /// carry the whole profile.
    #[serde(skip)]
    pub only: Vec<Section>,
    /// Whether the Markdown document cites each line's sources.
    #[serde(skip)]
    pub cite: bool,
    /// Whether the table shows every item rather than the digest.
    #[serde(skip)]
    pub full: bool,
}

impl Profiles {
    fn wants(&self, section: Section) -> bool {
        self.only.is_empty() || self.only.contains(&section)
    }
}

/// A role with every vocabulary id resolved to its name and every cited source listed.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleProfile {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// What the role is.
    pub summary: Statement,
    /// What it does.
    pub duties: Vec<Statement>,
    /// What it asks of a person.
    pub requirements: Requirements,
    /// Where and how it works.
    pub environment: Vec<Statement>,
    /// Skills it needs, with what the sources say.
    pub skills: Vec<NamedItem>,
    /// Other roles that carry this role's name as one of their titles (O*NET files "Product
    /// Manager" under Marketing Managers): their classification, not a claim of ours.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filed_under: Vec<FiledUnder>,
    /// Sources that describe this role and rate skills for others, but rate none for it: its
    /// silence is not a rating of zero, and the profile says so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unrated_by: Vec<String>,
    /// Knowledge areas it calls for, kept apart from skills (O*NET's Knowledge ratings).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub knowledge: Vec<NamedItem>,
    /// Every salary figure; empty when no source gives one.
    pub salary: Vec<SalaryFigure>,
    /// How many people hold the role, where a source counts them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub employment: Vec<Headcount>,
    /// Its value on each contrasted aspect a source gives.
    pub aspects: Vec<NamedItem>,
    /// Roles a source names as related, closest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedItem>,
    /// What an article recommends for doing the role well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<Statement>,
    /// The sources this profile cites.
    pub sources: Vec<Source>,
}

/// A related role, named, with how close the source says it is.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RelatedItem {
    /// The related role.
    pub role: RoleRef,
    /// The source's own word for how close (O*NET: `Primary-Short` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A skill or aspect of a role with its vocabulary name.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NamedItem {
    /// Vocabulary id.
    pub id: String,
    /// Vocabulary name.
    pub name: String,
    /// For an aspect stated as a comparison, the role it is measured against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus: Option<RoleRef>,
    /// What the sources say of it for this role.
    pub text: String,
    /// How important the source rates a skill for the role, on its own scale (O*NET: 1–5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub importance: Option<f64>,
    /// The level of a skill the role calls for, on the source's scale (O*NET: 0–7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<f64>,
    /// When the source last rated it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A role that lists another's name among its titles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FiledUnder {
    /// The title, as that role lists it.
    pub title: String,
    /// The role that lists it.
    pub role: RoleRef,
    /// The sources of that role (for O*NET, its release, whose Alternate Titles file lists it).
    pub sources: Vec<String>,
    /// That role's code in its catalogue (O*NET-SOC), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// That role's pay (a mean or median), as its source gives it: the pay of that occupation,
    /// never a figure for the role shown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pay: Vec<SalaryFigure>,
}

/// Shows the role(s) `args.role` names.
pub fn show_role<'a>(
    dataset: &'a Dataset,
    args: &ShowArgs,
) -> anyhow::Result<(Profiles, Resolved<'a>)> {
    let query = super::role_queries(dataset, &args.role, super::RoleCount::Exactly(1))?;
    let resolved = resolve_roles(dataset, &query)?;
    let roles = resolved
        .roles
        .iter()
        .map(|role| profile(dataset, role))
        .collect();
    let only = args.only.clone();
    Ok((
        Profiles {
            roles,
            only,
            cite: !args.no_sources,
            full: args.full,
        },
        resolved,
    ))
}

/// The full profile of one role.
pub fn profile(dataset: &Dataset, role: &Role) -> RoleProfile {
    let kind_of = |id: &str| {
        dataset
            .skill_definition(id)
            .map(|d| d.kind)
            .unwrap_or_default()
    };
    let (knowledge, skills): (Vec<_>, Vec<_>) = role
        .skills
        .iter()
        .partition(|s| kind_of(&s.skill) == SkillKind::Knowledge);
    let named = |s: &crate::model::RoleSkill| NamedItem {
        id: s.skill.clone(),
        name: dataset.skill_name(&s.skill).to_string(),
        versus: s.versus.as_deref().map(|id| RoleRef::by_id(dataset, id)),
        text: s.note.clone(),
        importance: s.importance,
        level: s.level,
        date: s.date.clone(),
        sources: s.sources.clone(),
    };
    let skills = skills.into_iter().map(named).collect();
    let filed_under: Vec<FiledUnder> = super::filed_elsewhere(dataset, role)
        .into_iter()
        .map(|(other, title)| FiledUnder {
            title: title.to_string(),
            role: RoleRef::from(other),
            sources: other.summary.sources.clone(),
            code: code_of(other),
            pay: pay_in_brief(other),
        })
        .collect();
    // Whatever is shown is credited: the titles' source (O*NET's licence requires its line).
    let mut sources = cited_sources(dataset, &[role]);
    for source in &dataset.sources {
        let cited_for_titles = filed_under
            .iter()
            .any(|f| f.sources.contains(&source.id) || f.pay.iter().any(|p| p.source == source.id));
        if cited_for_titles && !sources.iter().any(|s| s.id == source.id) {
            sources.push(source.clone());
        }
    }
    let knowledge = knowledge.into_iter().map(named).collect();
    let aspects = role
        .aspects
        .iter()
        .map(|a| NamedItem {
            id: a.aspect.clone(),
            name: dataset.aspect_name(&a.aspect).to_string(),
            versus: a.versus.as_deref().map(|id| RoleRef::by_id(dataset, id)),
            text: a.value.clone(),
            importance: None,
            level: None,
            date: None,
            sources: a.sources.clone(),
        })
        .collect();
    let related = role
        .related
        .iter()
        .map(|r| RelatedItem {
            role: RoleRef::by_id(dataset, &r.role),
            tier: r.tier.clone(),
            sources: r.sources.clone(),
        })
        .collect();
    RoleProfile {
        id: role.id.clone(),
        name: role.name.clone(),
        aliases: role.aliases.clone(),
        summary: role.summary.clone(),
        duties: role.duties.clone(),
        requirements: role.requirements.clone(),
        environment: role.environment.clone(),
        unrated_by: dataset.unrated_by(role),
        skills,
        filed_under,
        knowledge,
        salary: role.salary.clone(),
        employment: role.employment.clone(),
        aspects,
        related,
        advice: role.advice.clone(),
        sources,
    }
}
