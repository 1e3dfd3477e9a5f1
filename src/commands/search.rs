//! `roles search TEXT`: every text of every role that contains TEXT (ignoring case), ranked, with
//! the match marked. Finding nothing is exit status 1, like grep.

use crate::complete::role_candidates;
use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use super::RoleRef;
use crate::load::need::Need;
use crate::model::{Dataset, Role};
use crate::outcome::Outcome;
use crate::text::{
    RoleText, find_ignoring_case, role_texts, same_stem, speaks_of, stems, whole_words, word_spans,
};
use crate::view::{Block, Grid, LIST_SEPARATOR, Records, Report, View, marked};

/// Queries this short match whole words only unless `--partial` is given: `po` should find
/// "PO", not "report".
pub const SHORT_QUERY_CHARS: usize = 3;

/// Arguments of `roles search`.
#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// Text to look for, as a phrase, in any case (quote several words).
    #[arg(value_name = "TEXT", required = true, num_args = 1..)]
    pub text: Vec<String>,
    /// Match whole words only (the default for queries of 3 characters or fewer).
    #[arg(long, short = 'w', conflicts_with = "partial")]
    pub word: bool,
    /// Match inside words too, even for a short query.
    #[arg(long)]
    pub partial: bool,
    /// Search only this role (id, name or alias); repeat for several.
    #[arg(long, value_name = "ROLE", add = ArgValueCompleter::new(role_candidates))]
    pub role: Vec<String>,
    /// Search only these sections (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTIONS")]
    pub section: Vec<SearchSection>,
}

impl super::Run for SearchArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let dataset = context.load(&Need::Everything)?;
        let results = search_roles(&dataset, self)?;
        if results.hits.is_empty() {
            let message = format!("no match for \"{}\"", super::typed(&results.query));
            return context.found_nothing(&message, &results);
        }
        context.emit(&results, &[])
    }
}

impl SearchArgs {
    /// A search for `text` with no filters and the default word matching.
    pub fn phrase(text: &str) -> Self {
        SearchArgs {
            text: vec![text.to_string()],
            word: false,
            partial: false,
            role: Vec::new(),
            section: Vec::new(),
        }
    }
}

/// The parts of a role `search --section` can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchSection {
    /// The role's name.
    Name,
    /// Its other names.
    Alias,
    /// Its summary.
    Summary,
    /// What it does.
    Duties,
    /// Education, experience and certifications.
    Requirements,
    /// Where and how it works.
    Environment,
    /// Its skills and what the sources say of each.
    Skills,
    /// Salary notes and regions.
    Salary,
    /// Its values on the contrasted aspects.
    Aspects,
    /// What the articles recommend for doing it well.
    Advice,
}

impl SearchSection {
    /// Whether a text in `section` (as [`role_texts`] labels it) belongs to this one.
    fn holds(self, section: &str) -> bool {
        match self {
            SearchSection::Name => section == "Name",
            SearchSection::Alias => section == "Alias",
            SearchSection::Summary => section == "Summary",
            SearchSection::Duties => section == "Duties",
            SearchSection::Requirements => {
                matches!(section, "Education" | "Experience" | "Certifications")
            }
            SearchSection::Environment => section == "Environment",
            SearchSection::Skills => section == "Skills",
            SearchSection::Salary => section == "Salary",
            SearchSection::Aspects => section == "Aspects",
            SearchSection::Advice => section == "Advice",
        }
    }
}

/// Every hit, best first.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SearchResults {
    /// The phrase searched for.
    pub query: String,
    /// Whether only whole words matched.
    pub whole_words: bool,
    /// Whether, no text holding the query as written, the texts holding every one of its words
    /// in some form were searched instead (`roadmaps` finds "roadmap").
    pub by_word_forms: bool,
    /// Matches in all (a text may hold several).
    pub matches: usize,
    /// The texts that match, ranked; empty when nothing matched.
    pub hits: Vec<SearchHit>,
}

/// One text that contains the phrase.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SearchHit {
    /// The role it belongs to.
    pub role: RoleRef,
    /// The section it is in.
    pub section: &'static str,
    /// The whole text.
    pub text: String,
    /// Ids of the sources that state it.
    pub sources: Vec<String>,
    /// Where the matches are in `text`: [start, end) as UTF-8 byte offsets.
    pub matches: Vec<(usize, usize)>,
    /// What the ranking is by: the section's weight times the number of matches. Not a
    /// percentage, so not called `score` as match's and similar's 0–100 figures are.
    #[serde(rename = "relevance")]
    pub score: u32,
}

impl SearchHit {
    /// A hit in `text` of `role`, scored by where it is and how often it matched.
    fn of(role: &Role, text: RoleText, matches: Vec<(usize, usize)>) -> SearchHit {
        let count = u32::try_from(matches.len()).unwrap_or(u32::MAX);
        SearchHit {
            role: RoleRef::from(role),
            section: text.section,
            score: section_weight(text.section).saturating_mul(count),
            text: text.text,
            sources: text.sources,
            matches,
        }
    }
}

/// How much a match in each section says about a role: a match in its name says most.
pub fn section_weight(section: &str) -> u32 {
    match section {
        "Name" => 10,
        "Alias" => 8,
        "Summary" => 4,
        "Duties" | "Skills" => 3,
        "Aspects" => 2,
        _ => 1,
    }
}

/// Searches every text of the roles and sections asked for.
pub fn search_roles(dataset: &Dataset, args: &SearchArgs) -> anyhow::Result<SearchResults> {
    let query = args.text.join(" ");
    let needle = query.trim();
    let whole = args.word || (!args.partial && needle.chars().count() <= SHORT_QUERY_CHARS);
    let mut only_roles: Vec<&str> = Vec::new();
    for wanted in &args.role {
        only_roles.extend(dataset.find_roles(wanted)?.iter().map(|r| r.id.as_str()));
    }
    let mut hits: Vec<SearchHit> = Vec::new();
    let roles = dataset
        .roles
        .iter()
        .filter(|role| only_roles.is_empty() || only_roles.contains(&role.id.as_str()));
    for role in roles {
        let texts = role_texts(dataset, role).into_iter().filter(|text| {
            args.section.is_empty() || args.section.iter().any(|s| s.holds(text.section))
        });
        for text in texts {
            let mut matches = find_ignoring_case(&text.text, needle);
            if whole {
                matches = whole_words(&text.text, matches);
            }
            if matches.is_empty() {
                continue;
            }
            hits.push(SearchHit::of(role, text, matches));
        }
    }
    // Nothing written so: any form of the words, all of them (`roadmaps` for roadmapping).
    let by_word_forms = hits.is_empty() && !args.partial;
    if by_word_forms {
        hits = word_form_hits(dataset, args, &only_roles, needle);
    }
    // A stable sort keeps dataset and section order among equal scores.
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    Ok(SearchResults {
        query: needle.to_string(),
        whole_words: whole,
        by_word_forms,
        matches: hits.iter().map(|h| h.matches.len()).sum(),
        hits,
    })
}

/// The texts that speak of every word of `needle` in some form, each such word marked.
fn word_form_hits(
    dataset: &Dataset,
    args: &SearchArgs,
    only_roles: &[&str],
    needle: &str,
) -> Vec<SearchHit> {
    let wanted = stems(needle);
    let mut hits = Vec::new();
    if wanted.is_empty() {
        return hits;
    }
    let roles = dataset
        .roles
        .iter()
        .filter(|role| only_roles.is_empty() || only_roles.contains(&role.id.as_str()));
    for role in roles {
        let texts = role_texts(dataset, role).into_iter().filter(|text| {
            args.section.is_empty() || args.section.iter().any(|s| s.holds(text.section))
        });
        for text in texts.filter(|t| speaks_of(&t.text, &wanted)) {
            let matches: Vec<(usize, usize)> = word_spans(&text.text)
                .into_iter()
                .filter(|(_, _, own)| {
                    own.iter()
                        .any(|stem| wanted.iter().any(|w| same_stem(stem, w)))
                })
                .map(|(start, end, _)| (start, end))
                .collect();
            hits.push(SearchHit::of(role, text, matches));
        }
    }
    hits
}

impl View for SearchResults {
    fn report(&self) -> Report {
        let mut grid = Grid::new(["Role", "Section", "Text", "Source"]);
        grid.marked = true;
        for hit in &self.hits {
            grid.row([
                hit.role.name.clone(),
                hit.section.to_string(),
                marked(&hit.text, &hit.matches),
                // One source a line keeps the column narrow and the text wide.
                hit.sources.join("\n"),
            ]);
        }
        let roles: std::collections::BTreeSet<&str> =
            self.hits.iter().map(|h| h.role.id.as_str()).collect();
        let plural = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        let words = if self.by_word_forms {
            " (no text has it as written: every word of it, in any form)"
        } else if self.whole_words {
            " (whole words; --partial matches inside words)"
        } else {
            ""
        };
        Report {
            blocks: vec![
                Block::Table(grid),
                Block::Note(format!(
                    "{} for \"{}\"{words} in {} of {}, best first.",
                    plural(self.matches, "match", "matches"),
                    self.query,
                    plural(self.hits.len(), "text", "texts"),
                    plural(roles.len(), "role", "roles"),
                )),
            ],
        }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["role", "section", "text", "sources", "relevance"]);
        for hit in &self.hits {
            records.row([
                hit.role.id.clone(),
                hit.section.to_string(),
                hit.text.clone(),
                hit.sources.join(LIST_SEPARATOR),
                hit.score.to_string(),
            ]);
        }
        records
    }
}
