//! `roles code TEXT`: the roles a title, a phrase or a whole job description most likely is,
//! best first, with the evidence and a plain verdict; `--batch FILE` codes one text a line.
//!
//! The verdict follows the rule coders such as SOCcer use: a code is taken without review only
//! when it scores high and well ahead of the next; otherwise a person should look at the close
//! alternatives, which are listed.

use std::path::{Path, PathBuf};

use clap_complete::engine::ArgValueCompleter;

use crate::complete::path_candidates;

use serde::Serialize;

use crate::coder::CLEAR_LEAD;
use crate::load::need::Need;
use crate::model::{Dataset, Role, Source, Statement};
use crate::outcome::Outcome;
use crate::text::Scorer;
use crate::text::index::{Index, Reading, titles};
use crate::view::{Block, Grid, Records, Report, View, cite};

mod batch;

/// Longest text coded at once: a job ad is a few KiB.
const MOST_TEXT_BYTES: u64 = 256 * 1024;
/// Words up to which a text reads as a title rather than a description.
const SHORT_TEXT: usize = 6;
/// The table lists the candidates scoring at least this share of the first's (JSON and CSV
/// list them all).
const SHOWN_SHARE: f64 = 0.25;
/// Least share of the text's words a title must hold to be shown as evidence.
const TITLE_EVIDENCE: f64 = 0.25;
/// Statements shown as evidence for a candidate.
const EVIDENCE_STATEMENTS: usize = 2;

/// Arguments of `roles code`.
#[derive(Debug, Clone, clap::Args)]
#[command(
    after_help = "Examples:\n  roles code senior front end engineer\n  roles code --file job-ad.txt\n  pbpaste | roles code -\n  roles --data onet.yaml code --batch titles.txt > coded.csv\n\nScore 0–1: the best title's share of the text's words (rare words weigh more), the role's titles' words together, and what the role does, weighed by the text's length (a title leans on titles, a job ad on duties). Clear: a score of 0.5 or more for a title (0.2 for a text of twelve words or more) and 30% ahead of the next; otherwise a person should review the close alternatives."
)]
pub struct CodeArgs {
    /// A title, a phrase or a whole job description (several words need no quotes); - reads
    /// it from standard input.
    #[arg(value_name = "TEXT", required_unless_present_any = ["file", "batch"])]
    pub text: Vec<String>,
    /// Read the text from FILE (a job ad, say).
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = ["text", "batch"],
        add = ArgValueCompleter::new(path_candidates)
    )]
    pub file: Option<PathBuf>,
    /// Code every line of FILE apart (- reads standard input): one record per line, in input
    /// order, as CSV (or JSON lines with --format json).
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "text",
        add = ArgValueCompleter::new(path_candidates)
    )]
    pub batch: Option<PathBuf>,
    /// Show the N likeliest roles.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub limit: u16,
}

/// A text coded: the roles it most likely is, best first, and why.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Coding {
    /// The text as given.
    pub query: String,
    /// How each of its words was taken.
    pub reading: Vec<Reading>,
    /// The candidates, best first.
    pub candidates: Vec<Candidate>,
    /// Whether the first is clear or a person should review the close ones.
    pub verdict: Verdict,
    /// Every role that has the text as its name or title, when several do: one source's title
    /// filed under several occupations, or one title in two senses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub titled: Vec<Titled>,
    /// The sources the evidence cites.
    pub sources: Vec<Source>,
}

/// One role a text may be.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Candidate {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// How well the text fits, 0–1.
    pub score: f64,
    /// The parts of the score.
    pub parts: Parts,
    /// The role's title that fits the text best.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the role does that shares the text's words, each with its sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Evidence>,
}

/// The parts of a candidate's score, each 0–1.
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct Parts {
    /// Its best title's share of the text's words.
    pub title: f64,
    /// Its titles' words together, against the best role's.
    pub title_words: f64,
    /// What it does (name, summary, duties), by cosine of word weights.
    pub duties: f64,
}

/// A statement of a role that shares the text's words.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Evidence {
    /// The statement.
    pub text: String,
    /// Its sources.
    pub sources: Vec<String>,
    /// The words it shares with the text.
    pub shared: Vec<String>,
}

/// The verdict on the first candidate.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Verdict {
    /// True when the first candidate scores high and well ahead of the next.
    pub clear: bool,
    /// The verdict in words.
    pub text: String,
}

/// A role that has the text as its name or one of its titles.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Titled {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The title as the role has it.
    pub title: String,
    /// Whether an article describes the role (else a catalogue such as O*NET files it).
    pub article_role: bool,
    /// What the role is, in its first sentence: what sets it apart from the others.
    pub summary: String,
    /// The sources of that.
    pub sources: Vec<String>,
}

impl super::Run for CodeArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let index = crate::coder::index(&context.data)?;
        if let Some(path) = &self.batch {
            return batch::code_lines(context, &index, path, usize::from(self.limit));
        }
        let text = self.text_given()?;
        let mut coding = code(
            &index,
            &mut Scorer::default(),
            &text,
            usize::from(self.limit),
        );
        let mut names: Vec<String> = coding.candidates.iter().map(|c| c.id.clone()).collect();
        names.push(text.clone());
        let dataset = context.load(&Need::Only(names))?;
        add_evidence(&mut coding, &dataset, &index);
        context.emit(&coding, &[])
    }
}

impl CodeArgs {
    /// The text to code: the words given, standard input for `-`, or the file.
    fn text_given(&self) -> anyhow::Result<String> {
        let path = match (&self.file, self.text.as_slice()) {
            (Some(path), _) => path.clone(),
            (None, [dash]) if dash == "-" => PathBuf::from("-"),
            (None, words) => return Ok(words.join(" ")),
        };
        read(&path)
    }
}

/// A text read whole from `path` (`-`: standard input), or the reason it cannot be.
fn read(path: &Path) -> anyhow::Result<String> {
    crate::open::read_document(path, MOST_TEXT_BYTES, "code -").map_err(|problem| {
        let origin = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        anyhow::anyhow!("{}", problem.display_in(&origin))
    })
}

/// `text` coded against `index`: the likeliest roles, best first, and the verdict.
pub fn code(index: &Index, scorer: &mut Scorer, text: &str, limit: usize) -> Coding {
    let coded = crate::coder::code(index, scorer, text, limit);
    let candidates: Vec<Candidate> = coded
        .ranked
        .into_iter()
        .map(|r| Candidate {
            id: r.id,
            name: r.name,
            score: r.score,
            parts: Parts {
                title: r.title,
                title_words: r.title_words,
                duties: r.duties,
            },
            title: None,
            statements: Vec::new(),
        })
        .collect();
    let verdict = verdict(&candidates, coded.clear, coded.clear_score);
    Coding {
        query: text.to_string(),
        reading: coded.readings,
        candidates,
        verdict,
        titled: Vec::new(),
        sources: Vec::new(),
    }
}

/// The verdict in words: clear, or why a person should review the close ones.
fn verdict(candidates: &[Candidate], clear: bool, needed: f64) -> Verdict {
    let Some(first) = candidates.first() else {
        return Verdict {
            clear: false,
            text: "No role shares a word with this text.".to_string(),
        };
    };
    let next = candidates.get(1).map_or(0.0, |c| c.score);
    let close: Vec<String> = candidates[1..]
        .iter()
        .filter(|c| first.score - c.score < CLEAR_LEAD * first.score)
        .map(|c| format!("{} ({:.2})", c.name, c.score))
        .collect();
    let text = if clear {
        format!(
            "Clear: {} ({}), {:.2}, ahead of the next by {:.2}.",
            first.name,
            first.id,
            first.score,
            first.score - next
        )
    } else if first.score < needed {
        format!(
            "Needs a person's review: the best fit, {} ({:.2}), is weak.",
            first.name, first.score
        )
    } else {
        format!(
            "Needs a person's review: {} ({:.2}) is close to {}.",
            first.name,
            first.score,
            crate::text::and_list(&close)
        )
    };
    Verdict { clear, text }
}

/// Each candidate's best title and the statements that share the text's words; the roles
/// that have the text as a title; the sources cited.
fn add_evidence(coding: &mut Coding, dataset: &Dataset, index: &Index) {
    let query = index.query(&coding.query);
    let wanted: Vec<u32> = query.words.iter().map(|(t, _, _)| *t).collect();
    for candidate in &mut coding.candidates {
        let Some(role) = dataset.roles.iter().find(|r| r.id == candidate.id) else {
            continue;
        };
        // A title is evidence when it holds a fair share of the text's words, not one of many.
        if candidate.parts.title >= TITLE_EVIDENCE {
            candidate.title = best_title(index, role, &wanted, &coding.query);
        }
        candidate.statements = shared_statements(index, role, &wanted);
    }
    let titled = dataset.titled(&coding.query);
    if titled.len() > 1 {
        coding.titled = titled
            .into_iter()
            .map(|(role, title)| Titled {
                id: role.id.clone(),
                name: role.name.clone(),
                title: title.to_string(),
                article_role: dataset.is_article_role(role),
                summary: role.tagline().to_string(),
                sources: role.summary.sources.clone(),
            })
            .collect();
        coding.verdict.clear = false;
        coding.verdict.text = format!(
            "Needs a person's review: the title names {} roles (below); the text alone cannot say which.",
            coding.titled.len()
        );
    }
    let mut cited: Vec<&str> = Vec::new();
    for candidate in &coding.candidates {
        for statement in &candidate.statements {
            cited.extend(statement.sources.iter().map(String::as_str));
        }
        // A catalogue's title is its own (O*NET's Alternate Titles); an article role's names
        // are the dataset's.
        let role = dataset.roles.iter().find(|r| r.id == candidate.id);
        let catalogued = role.filter(|r| candidate.title.is_some() && !dataset.is_article_role(r));
        if let Some(role) = catalogued {
            cited.extend(role.summary.sources.iter().map(String::as_str));
        }
    }
    cited.extend(
        coding
            .titled
            .iter()
            .flat_map(|t| t.sources.iter().map(String::as_str)),
    );
    coding.sources = dataset
        .sources
        .iter()
        .filter(|s| cited.contains(&s.id.as_str()))
        .cloned()
        .collect();
}

/// The terms of `text` the index knows.
fn known_terms(index: &Index, text: &str) -> Vec<u32> {
    crate::text::terms(text)
        .into_iter()
        .filter_map(|t| index.term(&t.stem))
        .collect()
}

/// The role's title sharing the most of the query's weight, if any shares a word: the text
/// itself when the role has it as a title, else the one with the fewest other words, the
/// role's own name first, then the shortest.
fn best_title(index: &Index, role: &Role, wanted: &[u32], query: &str) -> Option<String> {
    let asked = crate::dataset::normalise(query);
    titles(role)
        .enumerate()
        .map(|(place, title)| {
            let terms = known_terms(index, title);
            let shared: f32 = wanted
                .iter()
                .filter(|t| terms.contains(t))
                .map(|t| index.title_weight(*t))
                .sum();
            let extra = terms.iter().filter(|t| !wanted.contains(t)).count();
            let exact = crate::dataset::normalise(title) == asked;
            let rank = (
                exact,
                std::cmp::Reverse(extra),
                place == 0,
                std::cmp::Reverse(title.len()),
            );
            (shared, rank, title)
        })
        .filter(|(shared, _, _)| *shared > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        .map(|(_, _, title)| title.to_string())
}

/// The role's duties that share the most of the query's rare words; its summary when no duty
/// shares any.
fn shared_statements(index: &Index, role: &Role, wanted: &[u32]) -> Vec<Evidence> {
    let duties = statements_sharing(index, &role.duties, wanted);
    if duties.is_empty() {
        statements_sharing(index, std::slice::from_ref(&role.summary), wanted)
    } else {
        duties
    }
}

fn statements_sharing(index: &Index, statements: &[Statement], wanted: &[u32]) -> Vec<Evidence> {
    let mut scored: Vec<(f32, Evidence)> = statements
        .iter()
        .filter_map(|statement| {
            let terms = known_terms(index, &statement.text);
            let shared: Vec<u32> = wanted
                .iter()
                .copied()
                .filter(|t| terms.contains(t))
                .collect();
            let weight: f32 = shared.iter().map(|t| index.text_weight(*t)).sum();
            (weight > 0.0).then(|| {
                let evidence = Evidence {
                    text: statement.text.clone(),
                    sources: statement.sources.clone(),
                    shared: shared
                        .iter()
                        .map(|t| index.spelling(*t).to_string())
                        .collect(),
                };
                (weight, evidence)
            })
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(EVIDENCE_STATEMENTS)
        .map(|(_, evidence)| evidence)
        .collect()
}

impl Coding {
    /// How the words were taken, when any was not taken as written.
    fn reading_line(&self) -> Option<String> {
        // In a job ad, words the roles never use are most of its words: not worth a line.
        let short = self.reading.len() <= SHORT_TEXT;
        let notes: Vec<String> = self
            .reading
            .iter()
            .filter_map(|r| {
                let how = r.how.as_deref()?;
                if how == "not in the data" && !short {
                    return None;
                }
                Some(match how {
                    "level word" => format!("'{}' is a level word, not counted", r.written),
                    "not in the data" => format!("'{}' is in none of the roles", r.written),
                    _ => format!("'{}' taken as {} ({how})", r.written, r.read_as),
                })
            })
            .collect();
        (!notes.is_empty()).then(|| format!("Read: {}.", notes.join("; ")))
    }

    fn titled_lines(&self) -> Vec<String> {
        if self.titled.is_empty() {
            return Vec::new();
        }
        let articles = self.titled.iter().any(|t| t.article_role);
        let catalogued = self.titled.iter().any(|t| !t.article_role);
        let mut lines = vec![if articles && catalogued {
            format!(
                "'{}' names an article's role and a catalogue's occupation, in different senses; \
                 the catalogue's filing of the title is its classification, not the article's:",
                self.query
            )
        } else {
            format!(
                "'{}' is a title of {} roles; what sets them apart is what each is:",
                self.query,
                self.titled.len()
            )
        }];
        for titled in &self.titled {
            let kind = if titled.article_role {
                "the article role"
            } else {
                "filed as a title of"
            };
            lines.push(format!(
                "• {kind} {} ({}): {} {}",
                titled.name,
                titled.id,
                titled.summary,
                cite(&titled.sources)
            ));
        }
        lines
    }
}

impl View for Coding {
    fn report(&self) -> Report {
        let mut blocks = vec![Block::Heading(format!("Coding '{}'", self.query))];
        if let Some(line) = self.reading_line() {
            blocks.push(Block::Text(line));
        }
        blocks.push(Block::Text(self.verdict.text.clone()));
        let titled = self.titled_lines();
        if !titled.is_empty() {
            blocks.push(Block::Paragraphs(titled));
        }
        if !self.candidates.is_empty() {
            let mut grid = Grid::new(["#", "Role", "Score", "Why"]);
            let first = self.candidates[0].score;
            let shown = self
                .candidates
                .iter()
                .take_while(|c| c.score >= SHOWN_SHARE * first);
            for (rank, candidate) in shown.enumerate() {
                grid.row([
                    (rank + 1).to_string(),
                    format!("{} ({})", candidate.name, candidate.id),
                    format!("{:.2}", candidate.score),
                    candidate.why(rank == 0),
                ]);
            }
            blocks.push(Block::Table(grid));
        }
        let sources: Vec<String> = self
            .sources
            .iter()
            .map(|s| format!("{} \"{}\"", s.id, s.title))
            .collect();
        if !sources.is_empty() {
            blocks.push(Block::Note(format!(
                "Score 0–1 (see roles code --help). Sources: {}.",
                sources.join("; ")
            )));
        }
        for credit in super::sources::attributions(&self.sources) {
            blocks.push(Block::Note(credit));
        }
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "query",
            "rank",
            "id",
            "name",
            "score",
            "title",
            "title_words",
            "duties",
            "matched_title",
            "clear",
        ]);
        for (rank, candidate) in self.candidates.iter().enumerate() {
            records.row([
                self.query.clone(),
                (rank + 1).to_string(),
                candidate.id.clone(),
                candidate.name.clone(),
                format!("{:.3}", candidate.score),
                format!("{:.3}", candidate.parts.title),
                format!("{:.3}", candidate.parts.title_words),
                format!("{:.3}", candidate.parts.duties),
                candidate.title.clone().unwrap_or_default(),
                (rank == 0 && self.verdict.clear).to_string(),
            ]);
        }
        records
    }
}

impl Candidate {
    /// The evidence in a cell: the title that fits, then what the role does that shares the
    /// text's words; the statements themselves for the first candidate only, so the table fits
    /// a screen (every one is in --format json, csv and markdown).
    fn why(&self, first: bool) -> String {
        let mut lines = Vec::new();
        if let Some(title) = &self.title {
            lines.push(format!("title: {title}"));
        }
        if first {
            for statement in &self.statements {
                lines.push(format!("{} {}", statement.text, cite(&statement.sources)));
            }
        } else if let Some(best) = self.statements.first() {
            lines.push(format!("duties share: {}", best.shared.join(", ")));
        }
        match lines.len() {
            0 => super::NOT_STATED.to_string(),
            1 => lines.concat(),
            _ => super::bullets(lines),
        }
    }
}
