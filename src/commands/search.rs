//! `roles search TEXT`: every text of every role that contains TEXT (ignoring case), ranked, with
//! the match marked. Finding nothing is exit status 1, like grep.

use serde::Serialize;

use super::RoleRef;
use crate::model::Dataset;
use crate::text::{find_ignoring_case, role_texts};
use crate::view::{Block, Grid, Records, Report, View, marked};

/// Arguments of `roles search`.
#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// Text to look for, as a phrase, in any case (quote several words).
    #[arg(value_name = "TEXT", required = true, num_args = 1..)]
    pub text: Vec<String>,
}

/// Every hit, best first.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// The phrase searched for.
    pub query: String,
    /// The hits, ranked.
    pub hits: Vec<SearchHit>,
}

/// One text that contains the phrase.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// The role it belongs to.
    pub role: RoleRef,
    /// The section it is in.
    pub section: &'static str,
    /// The whole text.
    pub text: String,
    /// Byte ranges of the matches in `text`.
    pub matches: Vec<(usize, usize)>,
    /// Rank score: the section's weight times the number of matches.
    pub score: u32,
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

/// Searches every text of every role.
pub fn search_roles(dataset: &Dataset, args: &SearchArgs) -> SearchResults {
    let query = args.text.join(" ");
    let needle = query.trim();
    let mut hits: Vec<SearchHit> = Vec::new();
    for role in &dataset.roles {
        for text in role_texts(dataset, role) {
            let matches = find_ignoring_case(&text.text, needle);
            if matches.is_empty() {
                continue;
            }
            let count = u32::try_from(matches.len()).unwrap_or(u32::MAX);
            hits.push(SearchHit {
                role: RoleRef::from(role),
                section: text.section,
                score: section_weight(text.section).saturating_mul(count),
                text: text.text,
                matches,
            });
        }
    }
    // A stable sort keeps dataset and section order among equal scores.
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    SearchResults {
        query: needle.to_string(),
        hits,
    }
}

impl View for SearchResults {
    fn report(&self) -> Report {
        let mut grid = Grid::new(["Role", "Section", "Text"]);
        for hit in &self.hits {
            grid.row([
                hit.role.name.clone(),
                hit.section.to_string(),
                marked(&hit.text, &hit.matches),
            ]);
        }
        let roles: std::collections::BTreeSet<&str> =
            self.hits.iter().map(|h| h.role.id.as_str()).collect();
        Report {
            blocks: vec![
                Block::Table(grid),
                Block::Note(format!(
                    "{} match{} for \"{}\" in {} role{}, best first.",
                    self.hits.len(),
                    if self.hits.len() == 1 { "" } else { "es" },
                    self.query,
                    roles.len(),
                    if roles.len() == 1 { "" } else { "s" },
                )),
            ],
        }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["role", "section", "text", "score"]);
        for hit in &self.hits {
            records.row([
                hit.role.id.clone(),
                hit.section.to_string(),
                hit.text.clone(),
                hit.score.to_string(),
            ]);
        }
        records
    }
}
