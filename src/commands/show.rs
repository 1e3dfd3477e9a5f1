//! `roles show ROLE`: one role's whole profile, every item with its sources.

use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use crate::complete::role_candidates;

use super::Section;
use super::sources::{attributions, citation, cited_sources, source_lines};
use super::{NO_SALARY, Resolved, RoleRef, SHOWN_IMPORTANCE, bullets, resolve_roles};
use crate::figures::describe_figure;
use crate::load::need::Need;
use crate::model::{
    Dataset, Headcount, Requirements, Role, SalaryFigure, SkillKind, Source, Statement,
};
use crate::outcome::Outcome;
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View, cite};

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
    /// Leave the citations out of the Markdown document (to seed a job description); the
    /// licence credit of imported data stays.
    #[arg(long)]
    pub no_sources: bool,
}

impl super::Run for ShowArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let (view, notices) = context.answer(&Need::roles_named_by(&self.role), |data| {
            show_role(data, self).map(|(view, resolved)| (view, resolved.notices))
        })?;
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
}

impl Profiles {
    fn wants(&self, section: Section) -> bool {
        self.only.is_empty() || self.only.contains(&section)
    }
}

/// The `--only` section a profile item's label belongs to.
fn section_of(label: &str) -> Section {
    match label {
        "Summary" => Section::Summary,
        "Duties" => Section::Duties,
        "Education" | "Experience" | "Certifications" => Section::Requirements,
        "Environment" => Section::Environment,
        "Skills" | "Knowledge" => Section::Skills,
        "Salary" => Section::Salary,
        "Related" | "Titles" => Section::Related,
        "Advice" => Section::Advice,
        _ => Section::Aspects,
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
    let filed_under: Vec<FiledUnder> = dataset
        .filed_elsewhere(role)
        .into_iter()
        .map(|(other, title)| FiledUnder {
            title: title.to_string(),
            role: RoleRef::from(other),
            sources: other.summary.sources.clone(),
        })
        .collect();
    // Whatever is shown is credited: the titles' source (O*NET's licence requires its line).
    let mut sources = cited_sources(dataset, &[role]);
    for source in &dataset.sources {
        let cited_for_titles = filed_under.iter().any(|f| f.sources.contains(&source.id));
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

/// How many of a role's other names its heading lists.
const HEADING_ALIASES: usize = 8;

/// One line of a profile: its section, its text, and what backs it.
struct Item {
    section: &'static str,
    text: String,
    /// Source ids; empty for a "not stated" line.
    sources: Vec<String>,
    /// When the source dates the item.
    date: Option<String>,
}

impl Item {
    fn new(section: &'static str, text: String, sources: &[String], date: Option<&str>) -> Self {
        Item {
            section,
            text,
            sources: sources.to_vec(),
            date: date.map(str::to_string),
        }
    }
}

impl RoleProfile {
    /// Every item, in display order; empty sections say so. Unless `all`, rated skills and
    /// knowledge below [`SHOWN_IMPORTANCE`] are counted rather than listed.
    fn items(&self, all: bool) -> Vec<Item> {
        let mut items = Vec::new();
        let mut statements = |section: &'static str, list: &[Statement]| {
            if list.is_empty() {
                items.push(Item::new(
                    section,
                    "Not stated in the sources.".into(),
                    &[],
                    None,
                ));
            }
            for statement in list {
                items.push(Item::new(
                    section,
                    statement.text.clone(),
                    &statement.sources,
                    statement.date.as_deref(),
                ));
            }
        };
        statements("Duties", &self.duties);
        statements("Education", &self.requirements.education);
        statements("Experience", &self.requirements.experience);
        statements("Certifications", &self.requirements.certifications);
        statements("Environment", &self.environment);
        for source in &self.unrated_by {
            items.push(Item::new(
                "Skills",
                format!(
                    "{source} rates no skills or knowledge for the {}: its silence is not a rating of zero.",
                    self.name
                ),
                std::slice::from_ref(source),
                None,
            ));
        }
        for (section, list) in [("Skills", &self.skills), ("Knowledge", &self.knowledge)] {
            let mut below = 0;
            for skill in list {
                // A display threshold, applied here only: the data keeps every rating.
                if !all && skill.importance.is_some_and(|i| i < SHOWN_IMPORTANCE) {
                    below += 1;
                    continue;
                }
                let label = match &skill.versus {
                    Some(versus) => format!("{} (vs {})", skill.name, versus.name),
                    None => skill.name.clone(),
                };
                items.push(Item::new(
                    section,
                    format!("{label}: {}", skill.text),
                    &skill.sources,
                    skill.date.as_deref(),
                ));
            }
            if below > 0 {
                let what = if section == "Skills" {
                    "skill"
                } else {
                    "knowledge area"
                };
                items.push(Item::new(
                    section,
                    format!(
                        "… and {below} more {what}{} rated below {SHOWN_IMPORTANCE} for importance (every rating: --format json or csv)",
                        if below == 1 { "" } else { "s" }
                    ),
                    &[],
                    None,
                ));
            }
        }
        if self.salary.is_empty() {
            items.push(Item::new("Salary", format!("{NO_SALARY}."), &[], None));
        }
        for figure in &self.salary {
            let mut text = describe_figure(figure);
            if let Some(note) = &figure.note {
                text.push_str(&format!(". {note}"));
            } else {
                text.push('.');
            }
            items.push(Item::new(
                "Salary",
                text,
                std::slice::from_ref(&figure.source),
                None,
            ));
        }
        for headcount in &self.employment {
            let mut text = format!(
                "Employment: {} people",
                crate::figures::group_thousands(headcount.count)
            );
            if let Some(note) = &headcount.note {
                text.push_str(&format!(". {note}"));
            }
            items.push(Item::new(
                "Salary",
                text,
                std::slice::from_ref(&headcount.source),
                None,
            ));
        }
        for aspect in &self.aspects {
            let label = match &aspect.versus {
                Some(versus) => format!("{} (vs {})", aspect.name, versus.name),
                None => aspect.name.clone(),
            };
            let text = format!("{label}: {}", aspect.text);
            items.push(Item::new("Aspects", text, &aspect.sources, None));
        }
        for advice in &self.advice {
            items.push(Item::new(
                "Advice",
                advice.text.clone(),
                &advice.sources,
                advice.date.as_deref(),
            ));
        }
        for filed in &self.filed_under {
            let text = format!(
                "{} lists '{}' as an alternate title of {} ({}): its classification, not ours",
                filed.sources.join(", "),
                filed.title,
                filed.role.name,
                filed.role.id
            );
            items.push(Item::new("Titles", text, &filed.sources, None));
        }
        for related in &self.related {
            let mut text = format!("{} ({})", related.role.name, related.role.id);
            if let Some(tier) = &related.tier {
                text.push_str(&format!(", {tier}"));
            }
            items.push(Item::new("Related", text, &related.sources, None));
        }
        items
    }

    fn heading(&self) -> String {
        if self.aliases.is_empty() {
            return format!("{} ({})", self.name, self.id);
        }
        // An occupation can have a hundred titles: the most listed few, and a count.
        let shown: Vec<&str> = self
            .aliases
            .iter()
            .take(HEADING_ALIASES)
            .map(String::as_str)
            .collect();
        let more = self.aliases.len().saturating_sub(HEADING_ALIASES);
        let more = if more > 0 {
            format!(" and {more} more (all in --format json)")
        } else {
            String::new()
        };
        format!(
            "{} ({}), also called {}{more}",
            self.name,
            self.id,
            shown.join(", ")
        )
    }
}

impl View for Profiles {
    fn report(&self) -> Report {
        let mut blocks = Vec::new();
        for profile in &self.roles {
            blocks.push(Block::Heading(profile.heading()));
            if self.wants(Section::Summary) {
                blocks.push(Block::Text(format!(
                    "{} {}",
                    profile.summary.text,
                    cite(&profile.summary.sources)
                )));
            }
            let mut grid = Grid::new(["Section", "Detail"]);
            let mut sections: Vec<(&str, Vec<String>)> = Vec::new();
            let items = profile.items(false).into_iter();
            for item in items.filter(|item| self.wants(section_of(item.section))) {
                let line = if item.sources.is_empty() {
                    item.text
                } else {
                    let cited = citation(&item.sources, item.date.as_deref());
                    format!("{} [{cited}]", item.text)
                };
                match sections.last_mut() {
                    Some((last, lines)) if *last == item.section => lines.push(line),
                    _ => sections.push((item.section, vec![line])),
                }
            }
            for (section, lines) in sections {
                let detail = if lines.len() == 1 {
                    lines.concat()
                } else {
                    bullets(lines)
                };
                grid.row([section.to_string(), detail]);
            }
            // A section asked for by name that the sources leave empty says so, not nothing.
            let empty: Vec<String> = self
                .only
                .iter()
                .filter(|wanted| **wanted != Section::Summary)
                .filter(|wanted| !grid.rows.iter().any(|row| section_of(&row[0]) == **wanted))
                .filter_map(|wanted| {
                    clap::ValueEnum::to_possible_value(wanted).map(|v| v.get_name().to_string())
                })
                .collect();
            if !grid.rows.is_empty() {
                blocks.push(Block::Table(grid));
            }
            if !empty.is_empty() {
                blocks.push(Block::Text(format!(
                    "The sources give nothing on {} for the {}.",
                    empty.join(", "),
                    profile.name
                )));
            }
            blocks.push(Block::Note(format!(
                "Sources: {}",
                source_lines(&profile.sources).join(LIST_SEPARATOR)
            )));
            for credit in attributions(&profile.sources) {
                blocks.push(Block::Note(credit));
            }
        }
        Report { blocks }
    }

    fn document(&self) -> Option<Report> {
        let mut blocks = Vec::new();
        let cited = |text: &str, sources: &[String]| {
            if self.cite && !sources.is_empty() {
                format!("{text} ({})", sources.join(", "))
            } else {
                text.to_string()
            }
        };
        for profile in &self.roles {
            blocks.push(Block::Heading(profile.name.clone()));
            if !profile.aliases.is_empty() {
                let shown: Vec<&str> = profile
                    .aliases
                    .iter()
                    .take(HEADING_ALIASES)
                    .map(String::as_str)
                    .collect();
                blocks.push(Block::Text(format!("Also called {}.", shown.join(", "))));
            }
            if self.wants(Section::Summary) {
                blocks.push(Block::Text(cited(
                    &profile.summary.text,
                    &profile.summary.sources,
                )));
            }
            let mut sections: Vec<(&str, Vec<String>)> = Vec::new();
            let items = profile.items(false).into_iter();
            for item in items.filter(|item| self.wants(section_of(item.section))) {
                let line = cited(&item.text, &item.sources);
                match sections.last_mut() {
                    Some((last, lines)) if *last == item.section => lines.push(line),
                    _ => sections.push((item.section, vec![line])),
                }
            }
            for (section, lines) in sections {
                blocks.push(Block::Subheading(section.to_string()));
                blocks.push(Block::Bullets(lines));
            }
            if self.cite {
                blocks.push(Block::Subheading("Sources".to_string()));
                blocks.push(Block::Bullets(source_lines(&profile.sources)));
            }
            for credit in attributions(&profile.sources) {
                blocks.push(Block::Note(credit));
            }
        }
        Some(Report { blocks })
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["role", "section", "text", "sources", "date"]);
        for profile in &self.roles {
            if self.wants(Section::Summary) {
                records.row([
                    profile.id.clone(),
                    "Summary".to_string(),
                    profile.summary.text.clone(),
                    profile.summary.sources.join(LIST_SEPARATOR),
                    profile.summary.date.clone().unwrap_or_default(),
                ]);
            }
            let items = profile.items(true).into_iter();
            for item in items.filter(|item| self.wants(section_of(item.section))) {
                records.row([
                    profile.id.clone(),
                    item.section.to_string(),
                    item.text,
                    item.sources.join(LIST_SEPARATOR),
                    item.date.unwrap_or_default(),
                ]);
            }
        }
        records
    }
}
