//! `roles similar ROLE`: the other roles ranked by likeness ([`crate::likeness`]), with the
//! evidence in words a person recognises: skill names, duty themes, the articles that compare
//! the two and the contrasts they draw.

use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use crate::complete::role_candidates;

use super::{Named, RoleRef, ids};
use crate::likeness::{self, CONTRAST_PENALTY, MAX_CONTRASTS, Part, Profile};
use crate::load::need::Need;
use crate::model::Dataset;
use crate::outcome::Outcome;
use crate::view::{Block, Grid, Records, Report, View};

/// How many names a reason lists before `+N more`.
const NAMES_SHOWN: usize = 6;

/// How many shared task words a likeness names.
const TASK_WORDS: usize = 6;

/// Arguments of `roles similar`.
#[derive(Debug, Clone, clap::Args)]
#[command(
    after_help = "Likeness = 40% task words (TF-IDF) + 24% skills (rated importance, or shared \
                        skills) + 16% titles + 20% duty themes + 20% relation (an article \
                        compares the two, or a source lists one as related, closer the higher \
                        on its list), over the parts both roles have evidence for, less 5% for \
                        each aspect the articles contrast them on (at most 20%). --format json \
                        shows each part."
)]
pub struct SimilarArgs {
    /// Role id, name or alias (a name of several words needs no quotes).
    #[arg(
        value_name = "ROLE",
        required = true,
        num_args = 1..,
        add = ArgValueCompleter::new(role_candidates)
    )]
    pub role: Vec<String>,
    /// Show the N most alike roles; 0 shows all.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 10,
        allow_negative_numbers = true,
        value_parser = count_of_roles
    )]
    pub limit: usize,
}

impl super::Run for SimilarArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let (view, notices) =
            context.answer_naming(&self.role, true, &Need::Everything, |data, words| {
                let args = SimilarArgs {
                    role: words.to_vec(),
                    ..self.clone()
                };
                similar_roles(data, &args)
            })?;
        context.emit(&view, &notices)
    }
}

/// `--limit N`: a count, with an error that says so (not clap's advice to write `-- -1`).
fn count_of_roles(text: &str) -> Result<usize, String> {
    text.trim()
        .parse::<usize>()
        .map_err(|_| format!("'{text}' is not a count of roles: give 0 (all) or more"))
}

/// The other roles, most alike first.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Similarity {
    /// The role asked about.
    pub role: RoleRef,
    /// The most alike roles, best first.
    pub others: Vec<Likeness>,
    /// The sources that rate skills for other roles but none for the role asked about.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skills_unrated_by: Vec<String>,
}

/// How alike one role is to the role asked about, and why.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Likeness {
    /// The other role.
    pub role: RoleRef,
    /// Overall likeness, 0–100.
    pub score: u32,
    /// The parts it is computed from.
    pub parts: LikenessParts,
    /// What makes them alike, the largest share of the score first, each part in words.
    pub drivers: Vec<Driver>,
    /// The words of their tasks that make them most alike, the largest share first.
    pub shared_task_words: Vec<String>,
    /// Skills both need, most important first.
    pub shared_skills: Vec<Named>,
    /// Duty themes both have.
    pub shared_themes: Vec<Named>,
    /// How a source relates the two, in words, if one does.
    pub relation: Option<String>,
    /// Skills only the role asked about needs.
    pub only_asked: Vec<Named>,
    /// Skills only the other role needs.
    pub only_other: Vec<Named>,
    /// Aspects the articles contrast the two on.
    pub contrasts: Vec<Named>,
}

/// One part of a likeness and its share of the score.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Driver {
    /// `tasks`, `skills`, `titles`, `themes` or `relation`, as in `parts`.
    pub part: &'static str,
    /// Its share of the likeness before contrasts, 0–100; the drivers' shares add up to 100.
    pub share: u32,
    /// The part in words: the relation, the themes, skills or task words shared.
    pub text: String,
}

/// The parts of a likeness score, each 0–100 but `contrasts`, a count.
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct LikenessParts {
    /// Likeness of what they do (TF-IDF cosine of summary and duties); absent when one
    /// says nothing.
    pub tasks: Option<u32>,
    /// Likeness of their skills: cosine of the ratings when a source rates both, else the
    /// overlap of the skill lists; absent when one lists none.
    pub skills: Option<u32>,
    /// Likeness of their names and titles; absent when one has none.
    pub titles: Option<u32>,
    /// Overlap of duty themes; absent when one has none.
    pub themes: Option<u32>,
    /// 100 when an article compares them; a related listing's closeness otherwise.
    pub relation: u32,
    /// How many aspects the articles contrast them on.
    pub contrasts: usize,
}

fn optional(part: Option<u32>) -> String {
    part.map(|p| p.to_string()).unwrap_or_default()
}

fn percent(part: f64) -> u32 {
    (part * 100.0).round().clamp(0.0, 100.0) as u32
}

/// Ranks the other roles by likeness to the role `args.role` names; ties keep dataset order.
pub fn similar_roles(dataset: &Dataset, args: &SimilarArgs) -> anyhow::Result<Similarity> {
    let query = super::role_queries(dataset, &args.role, super::RoleCount::Exactly(1))?;
    let asked = dataset.find_one_role(&query.concat())?;
    let corpus = likeness::Corpus::new(dataset);
    let mine = Profile::of(&corpus, asked);
    let mut scored: Vec<(f64, Profile<'_>, likeness::Parts)> = dataset
        .roles
        .iter()
        .filter(|role| role.id != asked.id)
        .map(|role| {
            let theirs = Profile::of(&corpus, role);
            let parts = likeness::parts(dataset, &mine, &theirs);
            (parts.total(), theirs, parts)
        })
        .collect();
    // Equal scores (rare, with text in every score) fall back to the name, not dataset order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.role.name.cmp(&b.1.role.name)));
    if args.limit > 0 {
        scored.truncate(args.limit);
    }
    let skill = |id: &str| Named {
        id: id.to_string(),
        name: dataset.skill_name(id).to_string(),
    };
    let others = scored
        .into_iter()
        .map(|(_, theirs, parts)| {
            let shared_task_words: Vec<String> = mine
                .shared_task_words(&corpus, &theirs)
                .into_iter()
                .take(TASK_WORDS)
                .collect();
            let shared_skills: Vec<Named> =
                mine.shared_skills(&theirs).into_iter().map(skill).collect();
            let shared_themes: Vec<Named> = mine
                .shared_themes(&theirs)
                .into_iter()
                .map(|id| Named {
                    id: id.to_string(),
                    name: dataset.theme_name(id).to_string(),
                })
                .collect();
            let relation = likeness::relation(dataset, asked, theirs.role).1;
            let drivers = parts
                .shares()
                .into_iter()
                .map(|(part, share)| Driver {
                    part: part.id(),
                    share: percent(share),
                    text: match part {
                        Part::Relation => relation.clone().unwrap_or_default(),
                        Part::Themes => format!("duty themes: {}", names(&shared_themes)),
                        Part::Skills if shared_skills.is_empty() => "skill ratings".to_string(),
                        Part::Skills => format!("skills: {}", names(&shared_skills)),
                        Part::Tasks if shared_task_words.is_empty() => "what they do".to_string(),
                        Part::Tasks => format!("task words: {}", shared_task_words.join(", ")),
                        Part::Titles => "their titles".to_string(),
                    },
                })
                .filter(|driver| driver.share > 0)
                .collect();
            Likeness {
                role: RoleRef::from(theirs.role),
                score: parts.percent(),
                parts: LikenessParts {
                    tasks: parts.tasks.map(percent),
                    skills: parts.skills.map(percent),
                    titles: parts.titles.map(percent),
                    themes: parts.themes.map(percent),
                    relation: percent(parts.relation),
                    contrasts: parts.contrasts,
                },
                drivers,
                shared_task_words,
                shared_skills,
                shared_themes,
                relation,
                only_asked: mine.own_skills(&theirs).into_iter().map(skill).collect(),
                only_other: theirs.own_skills(&mine).into_iter().map(skill).collect(),
                contrasts: likeness::contrasts(asked, theirs.role)
                    .into_iter()
                    .map(|id| Named {
                        id: id.to_string(),
                        name: dataset.aspect_name(id).to_string(),
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Similarity {
        role: RoleRef::from(asked),
        others,
        skills_unrated_by: dataset.unrated_by(asked),
    })
}

/// `A, B, C (+4 more)`.
fn names(items: &[Named]) -> String {
    let mut text = items
        .iter()
        .take(NAMES_SHOWN)
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > NAMES_SHOWN {
        text.push_str(&format!(" (+{} more)", items.len() - NAMES_SHOWN));
    }
    text
}

fn lines_or_dash(lines: Vec<String>) -> String {
    if lines.is_empty() {
        "—".to_string()
    } else {
        lines.join("\n")
    }
}

impl Similarity {
    /// What makes them alike, each part with its share of the score, the largest first.
    fn in_common(like: &Likeness) -> String {
        lines_or_dash(
            like.drivers
                .iter()
                .map(|d| format!("{}% {}", d.share, d.text))
                .collect(),
        )
    }

    fn apart(&self, like: &Likeness) -> String {
        let mut lines = Vec::new();
        if !like.only_asked.is_empty() {
            lines.push(format!(
                "{} alone: {}",
                self.role.name,
                names(&like.only_asked)
            ));
        }
        if !like.only_other.is_empty() {
            lines.push(format!(
                "{} alone: {}",
                like.role.name,
                names(&like.only_other)
            ));
        }
        if !like.contrasts.is_empty() {
            lines.push(format!("Contrasted on: {}", names(&like.contrasts)));
        }
        lines_or_dash(lines)
    }
}

impl View for Similarity {
    fn report(&self) -> Report {
        let mut grid = Grid::new(["Role", "Likeness", "Alike in (share)", "Sets them apart"]);
        for like in &self.others {
            grid.row([
                like.role.name.clone(),
                format!("{}%", like.score),
                Similarity::in_common(like),
                self.apart(like),
            ]);
        }
        let mut blocks = vec![
            Block::Heading(format!("Roles most like {}", self.role.name)),
            Block::Table(grid),
        ];
        if !self.skills_unrated_by.is_empty() {
            blocks.push(Block::Note(format!(
                "{} rates no skills or knowledge for {}, so skills weigh nothing here and set nothing apart.",
                self.skills_unrated_by.join(", "),
                self.role.name
            )));
        }
        blocks.push(Block::Note(format!(
                    "Likeness = {:.0}% task words (TF-IDF) + {:.0}% skills (rated importance, or shared skills) + {:.0}% titles + {:.0}% duty themes + {:.0}% relation (an article compares the two, or a source lists one as related, closer the higher on its list), over the parts both roles have evidence for, less {:.0}% for each aspect the articles contrast them on (at most {:.0}%). `--format json` shows the parts.",
                    likeness::TASK_WEIGHT * 100.0,
                    likeness::SKILL_WEIGHT * 100.0,
                    likeness::TITLE_WEIGHT * 100.0,
                    likeness::THEME_WEIGHT * 100.0,
                    likeness::RELATION_WEIGHT * 100.0,
                    CONTRAST_PENALTY * 100.0,
                    CONTRAST_PENALTY * MAX_CONTRASTS as f64 * 100.0,
        )));
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "role",
            "score",
            "tasks",
            "skills",
            "titles",
            "themes",
            "relation",
            "contrasts",
            "shared_skills",
            "shared_themes",
            "only_asked",
            "only_other",
            "contrasted_on",
        ]);
        for like in &self.others {
            records.row([
                like.role.id.clone(),
                like.score.to_string(),
                optional(like.parts.tasks),
                optional(like.parts.skills),
                optional(like.parts.titles),
                optional(like.parts.themes),
                like.parts.relation.to_string(),
                like.parts.contrasts.to_string(),
                ids(&like.shared_skills),
                ids(&like.shared_themes),
                ids(&like.only_asked),
                ids(&like.only_other),
                ids(&like.contrasts),
            ]);
        }
        records
    }
}
