//! `roles who TOPIC`: who the articles say holds a duty (the roadmap, the budget …), each
//! article's verdict, and where they disagree; with imported occupations, which ones' task
//! statements mention it, without claiming O*NET assigns ownership.

use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

mod layout;

use super::{RoleRef, resolve_roles};
use crate::complete::role_candidates;
use crate::load::need::Need;
use crate::model::{Dataset, Degree, Role, Statement};
use crate::outcome::Outcome;
use crate::ownership::{self, Involved};
use crate::text::{and_list, fold, speaks_of, stems};

/// Occupations named in the summary of task statements that mention a topic.
pub const OCCUPATIONS_NAMED: usize = 6;

/// Arguments of `roles who`.
#[derive(Debug, Clone, clap::Args)]
pub struct WhoArgs {
    /// A duty theme (id or name, e.g. roadmap, budget) or words to find in the duties.
    #[arg(value_name = "TOPIC", required = true, num_args = 1..)]
    pub topic: Vec<String>,
    /// Only this role (id, name or alias); repeat for several.
    #[arg(long, value_name = "ROLE", add = ArgValueCompleter::new(role_candidates))]
    pub role: Vec<String>,
}

impl super::Run for WhoArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let dataset = context.load(&Need::Everything)?;
        let view = who_holds(&dataset, self)?;
        let mentioned = view
            .task_mentions
            .as_ref()
            .is_some_and(|m| m.occupations > 0);
        if view.involvements.is_empty() && view.ungraded.is_empty() && !mentioned {
            // Like search: nothing found is a negative answer, its structure still piped.
            let themes: Vec<&str> = dataset.themes.iter().map(|t| t.id.as_str()).collect();
            let message = format!(
                "no duty of these roles is about \"{}\"; themes: {}",
                super::typed(&view.topic),
                themes.join(", ")
            );
            return context.found_nothing(&message, &view);
        }
        context.emit(&view, &[])
    }
}

/// Who holds a topic, by article.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Ownership {
    /// The topic as asked.
    pub topic: String,
    /// The themes it names; empty when it was matched against the duty texts.
    pub themes: Vec<super::Named>,
    /// Every duty an article involves a role in, role by role, strongest first.
    pub involvements: Vec<InvolvementLine>,
    /// What each article says, in source order.
    pub verdicts: Vec<Verdict>,
    /// Where articles that speak of the same role put different roles first, in words.
    pub disagreements: Vec<String>,
    /// Duties that match but that no source grades (user data without `involvement`).
    pub ungraded: Vec<InvolvementLine>,
    /// Imported occupations whose task statements mention the topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_mentions: Option<TaskMentions>,
}

/// One duty of one role.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InvolvementLine {
    /// The role.
    pub role: RoleRef,
    /// How the article involves it; absent for an ungraded duty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree: Option<Degree>,
    /// The article's hedge on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// The roles it is done or shared with.
    pub with: Vec<RoleRef>,
    /// The duty, in the dataset's words.
    pub duty: String,
    /// The role the duty is stated against, when the article says it in comparison.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus: Option<RoleRef>,
    /// Its sources.
    pub sources: Vec<String>,
}

/// One article's answer.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Verdict {
    /// The article's source id.
    pub source: String,
    /// The roles the article compares.
    pub compares: Vec<RoleRef>,
    /// The roles it puts first.
    pub holders: Vec<RoleRef>,
    /// Each role it involves, strongest first, in words ("is responsible for it").
    pub roles: Vec<RoleInArticle>,
}

/// A role's strongest involvement in one article.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleInArticle {
    /// The role.
    pub role: RoleRef,
    /// Its strongest degree there.
    pub degree: Degree,
    /// The hedge on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// The same in words.
    pub says: String,
}

/// Occupations whose task statements mention the topic.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TaskMentions {
    /// The sources of those statements.
    pub sources: Vec<String>,
    /// How many occupations.
    pub occupations: usize,
    /// The ones with the most such statements, most first.
    pub top: Vec<OccupationMention>,
}

/// One occupation and how many of its task statements mention the topic.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OccupationMention {
    /// The occupation.
    pub role: RoleRef,
    /// Its task statements that mention the topic.
    pub statements: usize,
}

/// What a topic names: themes, or words to find in duty texts.
enum Topic {
    Themes(Vec<String>),
    Words(String),
}

impl Topic {
    /// The themes `asked` names, by id or name in any form of its words (`roadmaps`,
    /// `prioritisation`); else the words themselves, to find in duties.
    fn of(dataset: &Dataset, asked: &str) -> Topic {
        let wanted = fold(asked.trim());
        let exact: Vec<String> = dataset
            .themes
            .iter()
            .filter(|t| t.id == wanted || fold(&t.name) == wanted)
            .map(|t| t.id.clone())
            .collect();
        if !exact.is_empty() {
            return Topic::Themes(exact);
        }
        let words = stems(asked);
        let named: Vec<String> = dataset
            .themes
            .iter()
            .filter(|t| speaks_of(&t.name, &words) || speaks_of(&t.id.replace('-', " "), &words))
            .map(|t| t.id.clone())
            .collect();
        if !named.is_empty() {
            return Topic::Themes(named);
        }
        // A phrase no theme's name holds whole may hold a theme's name ("stakeholder
        // management", "risk management"): that theme, unless some duty says the phrase itself.
        let said = dataset
            .roles
            .iter()
            .flat_map(|r| &r.duties)
            .any(|d| speaks_of(&d.text, &words));
        let within: Vec<String> = dataset
            .themes
            .iter()
            .filter(|t| {
                speaks_of(asked, &stems(&t.name))
                    || speaks_of(asked, &stems(&t.id.replace('-', " ")))
            })
            .map(|t| t.id.clone())
            .collect();
        if !said && !within.is_empty() {
            return Topic::Themes(within);
        }
        Topic::Words(asked.trim().to_string())
    }

    fn holds(&self, duty: &Statement) -> bool {
        match self {
            Topic::Themes(ids) => duty.themes.iter().any(|t| ids.contains(t)),
            Topic::Words(words) => speaks_of(&duty.text, &stems(words)),
        }
    }
}

/// Answers `who TOPIC`.
pub fn who_holds(dataset: &Dataset, args: &WhoArgs) -> anyhow::Result<Ownership> {
    let asked = args.topic.join(" ");
    let topic = Topic::of(dataset, &asked);
    let roles: Vec<&Role> = if args.role.is_empty() {
        dataset.roles.iter().collect()
    } else {
        resolve_roles(dataset, &args.role)?.roles
    };
    // Roles no source grades at all (imported occupations) are counted, not graded.
    let graded_role = |role: &Role| {
        role.duties.iter().any(|d| d.involvement.is_some()) || !is_imported(dataset, role)
    };
    let (graded, counted): (Vec<&Role>, Vec<&Role>) =
        roles.iter().partition(|role| graded_role(role));
    // The verdicts weigh every graded role, so narrowing to one role never hides that an
    // article gives the duty to another.
    let every: Vec<&Role> = dataset.roles.iter().filter(|r| graded_role(r)).collect();
    let mut found = ownership::involved(&every, |duty| topic.holds(duty));
    found.sort_by_key(|item| {
        let place = dataset.roles.iter().position(|r| r.id == item.role.id);
        (place, ownership::strength(item.involvement))
    });
    let verdicts = ownership::verdicts(dataset, &found);
    let findings = Findings {
        dataset,
        shown: roles.iter().map(|r| r.id.as_str()).collect(),
        found,
        verdicts,
    };
    let words = match &topic {
        Topic::Words(words) => words.clone(),
        Topic::Themes(_) => asked.trim().to_string(),
    };
    Ok(Ownership {
        topic: asked.trim().to_string(),
        themes: match &topic {
            Topic::Themes(ids) => ids
                .iter()
                .map(|id| super::Named {
                    id: id.clone(),
                    name: dataset.theme_name(id).to_string(),
                })
                .collect(),
            Topic::Words(_) => Vec::new(),
        },
        involvements: findings
            .found
            .iter()
            .filter(|item| findings.shows(&item.role.id))
            .map(|item| line(dataset, item))
            .collect(),
        verdicts: findings.verdict_views(),
        disagreements: findings.disagreement_lines(),
        ungraded: ungraded_lines(dataset, &graded, &topic),
        task_mentions: task_mentions(&counted, &words),
    })
}

/// The duties of graded roles that hold the topic but carry no involvement.
fn ungraded_lines(dataset: &Dataset, graded: &[&Role], topic: &Topic) -> Vec<InvolvementLine> {
    graded
        .iter()
        .flat_map(|role| {
            role.duties
                .iter()
                .filter(|d| d.involvement.is_none() && topic.holds(d))
                .map(|duty| InvolvementLine {
                    role: RoleRef::from(*role),
                    degree: None,
                    hedge: None,
                    with: Vec::new(),
                    duty: duty.text.clone(),
                    versus: duty.versus.as_deref().map(|v| RoleRef::by_id(dataset, v)),
                    sources: duty.sources.clone(),
                })
        })
        .collect()
}

/// What the articles say of the topic: every graded involvement, each article's verdict, and
/// the roles the answer shows.
struct Findings<'a> {
    dataset: &'a Dataset,
    shown: Vec<&'a str>,
    found: Vec<ownership::Involved<'a>>,
    verdicts: Vec<ownership::ArticleVerdict<'a>>,
}

impl Findings<'_> {
    fn shows(&self, id: &str) -> bool {
        self.shown.contains(&id)
    }

    fn name(&self, id: &str) -> String {
        RoleRef::by_id(self.dataset, id).name
    }

    /// A role's part in one article, in words: its strongest involvement, and any other role
    /// it is said to work on it with.
    fn says(&self, source: &str, role: &str) -> Option<String> {
        let verdict = self.verdicts.iter().find(|v| v.source == source)?;
        let strongest = verdict.strongest.get(role)?;
        let mut text = ownership::phrase(strongest, |id| self.name(id));
        for item in self.found.iter().filter(|i| {
            i.role.id == role
                && i.duty.sources.iter().any(|s| s == source)
                && i.involvement.degree == Degree::Collaborates
                && !i.involvement.with.is_empty()
                && !std::ptr::eq(i.involvement, *strongest)
        }) {
            let partners: Vec<String> = item
                .involvement
                .with
                .iter()
                .map(|id| self.name(id))
                .collect();
            let also = format!(" and works on it with the {}", partners.join(" and the "));
            if !text.contains(&also) {
                text.push_str(&also);
            }
        }
        Some(text)
    }

    /// One sentence per role the articles disagree on, for the roles shown.
    fn disagreement_lines(&self) -> Vec<String> {
        ownership::disputes(&self.verdicts)
            .iter()
            .filter(|dispute| {
                self.shows(dispute.role) || dispute.instead.iter().any(|id| self.shows(id))
            })
            .map(|dispute| {
                let role = self.name(dispute.role);
                let holding: Vec<String> = dispute
                    .holding
                    .iter()
                    .map(|source| {
                        format!(
                            "in {source} the {role} {}",
                            self.says(source, dispute.role).unwrap_or_default()
                        )
                    })
                    .collect();
                let instead: Vec<String> = dispute.instead.iter().map(|id| self.name(id)).collect();
                let parts: Vec<String> = dispute
                    .against
                    .iter()
                    .map(|source| match self.says(source, dispute.role) {
                        Some(part) => format!("in {source} the {role} {part}"),
                        None => format!("{source} gives the {role} no part in it"),
                    })
                    .collect();
                // One article covers and gives; two or more cover and give.
                let (covers, gives) = if dispute.against.len() == 1 {
                    ("covers", "gives")
                } else {
                    ("cover", "give")
                };
                format!(
                    "The articles disagree on the {role}: {}, while {}, which also {covers} the {role}, {gives} it to the {} ({}).",
                    holding.join("; "),
                    and_list(&dispute.against),
                    instead.join(" and the "),
                    parts.join("; "),
                )
            })
            .collect()
    }

    /// Each article's verdict on the roles shown, strongest involvement first.
    fn verdict_views(&self) -> Vec<Verdict> {
        let dataset = self.dataset;
        self.verdicts
            .iter()
            .filter(|verdict| verdict.strongest.keys().any(|id| self.shows(id)))
            .map(|verdict| {
                let mut ranked: Vec<(&str, &crate::model::Involvement)> = verdict
                    .strongest
                    .iter()
                    .filter(|(id, _)| self.shows(id))
                    .map(|(id, i)| (*id, *i))
                    .collect();
                ranked.sort_by_key(|(id, i)| {
                    (
                        ownership::strength(i),
                        dataset.roles.iter().position(|r| r.id == *id),
                    )
                });
                Verdict {
                    source: verdict.source.to_string(),
                    compares: dataset
                        .source(verdict.source)
                        .map(|s| {
                            s.compares
                                .iter()
                                .map(|id| RoleRef::by_id(dataset, id))
                                .collect()
                        })
                        .unwrap_or_default(),
                    holders: verdict
                        .holders
                        .iter()
                        .map(|id| RoleRef::by_id(dataset, id))
                        .collect(),
                    roles: ranked
                        .into_iter()
                        .map(|(id, involvement)| RoleInArticle {
                            role: RoleRef::by_id(dataset, id),
                            degree: involvement.degree,
                            hedge: involvement.hedge.clone(),
                            says: self.says(verdict.source, id).unwrap_or_else(|| {
                                ownership::phrase(involvement, |id| self.name(id))
                            }),
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// A role only imported sources describe (O*NET's task statements say what is done, not who
/// holds it).
fn is_imported(dataset: &Dataset, role: &Role) -> bool {
    !role.duties.is_empty()
        && role.duties.iter().all(|d| {
            d.sources
                .iter()
                .all(|s| dataset.source(s).is_some_and(|s| s.compares.is_empty()))
        })
}

fn line(dataset: &Dataset, item: &Involved<'_>) -> InvolvementLine {
    InvolvementLine {
        role: RoleRef::from(item.role),
        degree: Some(item.involvement.degree),
        hedge: item.involvement.hedge.clone(),
        with: item
            .involvement
            .with
            .iter()
            .map(|id| RoleRef::by_id(dataset, id))
            .collect(),
        duty: item.duty.text.clone(),
        versus: item
            .duty
            .versus
            .as_deref()
            .map(|v| RoleRef::by_id(dataset, v)),
        sources: item.duty.sources.clone(),
    }
}

/// The imported occupations whose task statements contain `words`.
fn task_mentions(roles: &[&Role], words: &str) -> Option<TaskMentions> {
    if roles.is_empty() || words.is_empty() {
        return None;
    }
    let wanted = stems(words);
    let mut sources: Vec<String> = Vec::new();
    let mut top: Vec<OccupationMention> = Vec::new();
    for role in roles {
        let matching: Vec<&Statement> = role
            .duties
            .iter()
            .filter(|d| speaks_of(&d.text, &wanted))
            .collect();
        if matching.is_empty() {
            continue;
        }
        for source in matching.iter().flat_map(|d| &d.sources) {
            if !sources.contains(source) {
                sources.push(source.clone());
            }
        }
        top.push(OccupationMention {
            role: RoleRef::from(*role),
            statements: matching.len(),
        });
    }
    let occupations = top.len();
    // Most statements first; a stable sort keeps dataset order among equals.
    top.sort_by_key(|m| std::cmp::Reverse(m.statements));
    top.truncate(OCCUPATIONS_NAMED);
    Some(TaskMentions {
        sources,
        occupations,
        top,
    })
}
