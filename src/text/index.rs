//! The word and title index of a dataset: what `roles code` ranks roles by.
//!
//! A role is found three ways, each from words through the one analyzer:
//! - **titles**: its name and every alias, each its own short text; a query's score against a
//!   title is the share of the query's weight (words weighted by how rare they are among
//!   titles) that the title holds, less a share for the title's words the query lacks. A
//!   role's is its best title's.
//! - **title words**: all its titles' words as one bag (BM25), so a role whose many titles
//!   keep using the query's words counts above one that has them once.
//! - **text**: what it does (name, summary and duties) as a TF-IDF vector, against the query's;
//!   the cosine of the two.
//!
//! A short query (a title) leans on the titles, a long one (a job ad) on the text. The weights
//! were chosen on O*NET's titles added in 29.3, held out from the index
//! (`scripts/coding-benchmark.py`, seeds 1–3).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::analyzer::{Term, terms};
use super::grams::Trigrams;
use crate::model::{Dataset, Role};

/// What a synonym of a query's word weighs, against the word itself.
const SYNONYM_WEIGHT: f32 = 0.5;
/// How many times a role's name counts in its text, beside its summary and duties.
const NAME_IN_TEXT: usize = 3;

/// A query's words as the index reads them: each term's number and weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// (term number, weight, the word as read), in the query's order, each term once.
    pub words: Vec<(u32, f32, String)>,
    /// Words of the query the index does not know, even by their spelling.
    pub unknown: Vec<String>,
    /// How each word of the query was taken, in order.
    pub readings: Vec<Reading>,
    /// How many times each known term occurs (for the text vector).
    pub(crate) counts: Vec<(u32, f32)>,
}

/// How one word of a query was taken.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Reading {
    /// The word as written.
    pub written: String,
    /// What it was read as: the word itself, an abbreviation's words, the American spelling,
    /// or the known word a misspelling stands for.
    pub read_as: String,
    /// Why it was read so, when not as written: `abbreviation`, `spelling`, `misspelling`,
    /// `level word` (says how senior; not counted when other words say what the job is) or
    /// `not in the data`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
}

/// The word and title index of one dataset.
#[derive(Debug, Default)]
pub struct Index {
    /// Each role's id and name, in the dataset's order.
    pub roles: Vec<(String, String)>,
    /// The stems, sorted: a term's number is its place.
    pub(crate) terms: Vec<String>,
    /// Each term as first written in the data (`manager` for `manag`), to show a reading.
    pub(crate) spellings: Vec<String>,
    /// Each title's role and its place among the role's titles.
    pub(crate) title_roles: Vec<(u32, u32)>,
    /// Each title's terms, as (start, end) into `title_terms`.
    pub(crate) title_spans: Vec<(u32, u32)>,
    pub(crate) title_terms: Vec<u32>,
    /// Per term: the titles holding it.
    pub(crate) title_postings: Postings<u32>,
    /// Per term: its inverse document frequency among titles, among bags and among texts.
    pub(crate) title_idf: Vec<f32>,
    pub(crate) bag_idf: Vec<f32>,
    pub(crate) text_idf: Vec<f32>,
    /// Per term: (role, how often its titles use it).
    pub(crate) bag_postings: Postings<(u32, u32)>,
    /// Per role: how many title words it has.
    pub(crate) bag_lengths: Vec<u32>,
    /// Per term: (role, its weight in the role's unit text vector).
    pub(crate) text_postings: Postings<(u32, f32)>,
    /// Words the vocabulary gives as one skill's names (`agile`, `scrum`, `kanban`): a query
    /// with one is read with the others too, at half weight.
    pub(crate) synonyms: Postings<u32>,
    /// The terms by their trigrams, built when a query first needs them.
    pub(crate) trigrams: OnceLock<Trigrams>,
}

/// Lists by term number, flattened: the items of term `t` are `items[starts[t]..starts[t+1]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Postings<T> {
    pub(crate) starts: Vec<u32>,
    pub(crate) items: Vec<T>,
}

impl<T> Default for Postings<T> {
    fn default() -> Self {
        Postings {
            starts: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Postings<T> {
    fn of(lists: Vec<Vec<T>>) -> Postings<T> {
        let mut postings = Postings {
            starts: Vec::with_capacity(lists.len() + 1),
            items: Vec::new(),
        };
        postings.starts.push(0);
        for list in lists {
            postings.items.extend(list);
            postings.starts.push(len32(postings.items.len()));
        }
        postings
    }

    /// The items of term `term` (none for a number out of range).
    pub fn of_term(&self, term: u32) -> &[T] {
        let at = term as usize;
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&start), Some(&end)) if start <= end => self
                .items
                .get(start as usize..end as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

fn len32(length: usize) -> u32 {
    u32::try_from(length).unwrap_or(u32::MAX)
}

/// A role's titles as people use them: its name, then its aliases that are words (not codes
/// such as `13-1082.00`).
pub fn titles(role: &Role) -> impl Iterator<Item = &str> {
    std::iter::once(role.name.as_str()).chain(
        role.aliases
            .iter()
            .map(String::as_str)
            .filter(|a| a.chars().any(char::is_alphabetic)),
    )
}

/// A text's occupation words, or its level words when it has no other.
fn own_terms(text: &str) -> Vec<Term> {
    let all = terms(text);
    if all.iter().any(|t| !t.level) {
        all.into_iter().filter(|t| !t.level).collect()
    } else {
        all
    }
}

/// A role's alias that is one abbreviation means that role: `PM` of the Project Manager is
/// read as the words of its expansion the role's name holds (`project manager`, without the
/// `product` that `pm` may also stand for), when the name holds any.
fn meant_by_role(terms: Vec<Term>, name: &[String]) -> Vec<Term> {
    let one_word = terms
        .windows(2)
        .all(|pair| pair[0].written == pair[1].written);
    if terms.len() < 2 || !one_word {
        return terms;
    }
    let held: Vec<Term> = terms
        .iter()
        .filter(|t| name.contains(&t.stem))
        .cloned()
        .collect();
    if held.is_empty() { terms } else { held }
}

/// What a role does, as one text: its name (counted several times), summary and duties.
fn role_text(role: &Role) -> Vec<Term> {
    let mut words = Vec::new();
    let name = own_terms(&role.name);
    for _ in 0..NAME_IN_TEXT {
        words.extend(name.iter().cloned());
    }
    words.extend(own_terms(&role.summary.text));
    for duty in &role.duties {
        words.extend(own_terms(&duty.text));
    }
    // The skills an article names (with what it says of each); a catalogue's ratings are
    // numbers for every skill, and say nothing in words.
    for skill in role.skills.iter().filter(|s| s.importance.is_none()) {
        words.extend(own_terms(&skill.skill.replace('-', " ")));
        words.extend(own_terms(&skill.note));
    }
    words
}

impl Index {
    /// The index of `dataset`'s roles.
    pub fn build(dataset: &Dataset) -> Index {
        let mut numbers: FxHashMap<String, u32> = FxHashMap::default();
        let mut stems_seen: Vec<(String, String)> = Vec::new();
        let mut number = |term: Term| -> u32 {
            if let Some(&n) = numbers.get(&term.stem) {
                return n;
            }
            let n = len32(stems_seen.len());
            numbers.insert(term.stem.clone(), n);
            stems_seen.push((term.stem, term.word));
            n
        };
        let mut all_titles: Vec<(u32, u32, Vec<u32>)> = Vec::new();
        let mut texts: Vec<Vec<u32>> = Vec::new();
        for (role_at, role) in dataset.roles.iter().enumerate() {
            let name: Vec<String> = own_terms(&role.name).into_iter().map(|t| t.stem).collect();
            for (title_at, title) in titles(role).enumerate() {
                let mut terms: Vec<u32> = meant_by_role(own_terms(title), &name)
                    .into_iter()
                    .map(&mut number)
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                if !terms.is_empty() {
                    all_titles.push((len32(role_at), len32(title_at), terms));
                }
            }
            texts.push(role_text(role).into_iter().map(&mut number).collect());
        }
        // Number the terms in sorted order, so the stored index can be searched by stem.
        let mut order: Vec<u32> = (0..len32(stems_seen.len())).collect();
        order.sort_by(|a, b| stems_seen[*a as usize].0.cmp(&stems_seen[*b as usize].0));
        let mut renumber = vec![0u32; order.len()];
        for (new, old) in order.iter().enumerate() {
            renumber[*old as usize] = len32(new);
        }
        let (terms, spellings): (Vec<String>, Vec<String>) = order
            .iter()
            .map(|old| std::mem::take(&mut stems_seen[*old as usize]))
            .unzip();
        for (_, _, title_terms) in &mut all_titles {
            for term in title_terms.iter_mut() {
                *term = renumber[*term as usize];
            }
            title_terms.sort_unstable();
        }
        for text in &mut texts {
            for term in text.iter_mut() {
                *term = renumber[*term as usize];
            }
        }
        let mut index = Index {
            roles: dataset
                .roles
                .iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect(),
            terms,
            spellings,
            ..Index::default()
        };
        index.add_titles(all_titles);
        index.add_texts(&texts);
        index.add_synonyms(dataset);
        index
    }

    /// Each skill's one-word names and aliases that the index knows, as a group of synonyms.
    fn add_synonyms(&mut self, dataset: &Dataset) {
        let groups: Vec<Vec<u32>> = dataset
            .skills
            .iter()
            .map(|skill| {
                let mut group: Vec<u32> = std::iter::once(&skill.name)
                    .chain(&skill.aliases)
                    .filter_map(|name| match own_terms(name).as_slice() {
                        [one] => self.term(&one.stem),
                        _ => None,
                    })
                    .collect();
                group.sort_unstable();
                group.dedup();
                group
            })
            .filter(|group| group.len() > 1)
            .collect();
        self.synonyms = Postings::of(groups);
    }

    /// The other words of every synonym group `term` is in.
    fn synonyms_of(&self, term: u32) -> Vec<u32> {
        let groups = self.synonyms.starts.len().saturating_sub(1);
        let mut found = Vec::new();
        for group in 0..groups {
            let words = self.synonyms.of_term(len32(group));
            if words.contains(&term) {
                found.extend(words.iter().copied().filter(|w| *w != term));
            }
        }
        found
    }

    fn add_titles(&mut self, titles: Vec<(u32, u32, Vec<u32>)>) {
        let term_count = self.terms.len();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); term_count];
        let mut bags: Vec<BTreeMap<u32, u32>> = vec![BTreeMap::new(); self.roles.len()];
        for (title_at, (role, place, terms)) in titles.into_iter().enumerate() {
            let start = len32(self.title_terms.len());
            for term in &terms {
                postings[*term as usize].push(len32(title_at));
                *bags[role as usize].entry(*term).or_default() += 1;
            }
            self.title_terms.extend(&terms);
            self.title_spans
                .push((start, len32(self.title_terms.len())));
            self.title_roles.push((role, place));
        }
        let titles = self.title_roles.len().max(1) as f32;
        self.title_idf = postings
            .iter()
            .map(|list| bm25_idf(titles, list.len() as f32))
            .collect();
        self.title_postings = Postings::of(postings);
        let mut bag_postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); term_count];
        for (role, bag) in bags.iter().enumerate() {
            for (term, count) in bag {
                bag_postings[*term as usize].push((len32(role), *count));
            }
        }
        self.bag_lengths = bags.iter().map(|bag| bag.values().sum()).collect();
        let roles = self.roles.len().max(1) as f32;
        self.bag_idf = bag_postings
            .iter()
            .map(|list| bm25_idf(roles, list.len() as f32))
            .collect();
        self.bag_postings = Postings::of(bag_postings);
    }

    fn add_texts(&mut self, texts: &[Vec<u32>]) {
        let term_count = self.terms.len();
        let counts: Vec<BTreeMap<u32, u32>> = texts
            .iter()
            .map(|text| {
                let mut counts = BTreeMap::new();
                for term in text {
                    *counts.entry(*term).or_default() += 1;
                }
                counts
            })
            .collect();
        let mut documents = vec![0u32; term_count];
        for role in &counts {
            for term in role.keys() {
                documents[*term as usize] += 1;
            }
        }
        let roles = texts.len().max(1) as f32;
        self.text_idf = documents
            .iter()
            .map(|n| {
                if *n == 0 {
                    0.0
                } else {
                    (roles / *n as f32).ln()
                }
            })
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); term_count];
        for (role, counts) in counts.iter().enumerate() {
            let weights: Vec<(u32, f32)> = counts
                .iter()
                .map(|(term, n)| (*term, tf(*n as f32) * self.text_idf[*term as usize]))
                .collect();
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            for (term, weight) in weights {
                if norm > 0.0 && weight > 0.0 {
                    postings[term as usize].push((len32(role), weight / norm));
                }
            }
        }
        self.text_postings = Postings::of(postings);
    }

    /// The number of the term `stem`, if the index knows it.
    pub fn term(&self, stem: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(stem))
            .ok()
            .map(len32)
    }

    /// The stem numbered `term`.
    pub fn stem(&self, term: u32) -> &str {
        self.terms.get(term as usize).map_or("", String::as_str)
    }

    /// `text` as the index reads it: its known terms, a misspelt word taken as the known word
    /// most like it (weighted by how alike), the rest listed as unknown.
    pub fn query(&self, text: &str) -> Query {
        let all = terms(text);
        let counted_levels = !all.iter().any(|t| !t.level);
        let mut query = Query {
            words: Vec::new(),
            unknown: Vec::new(),
            readings: Vec::new(),
            counts: Vec::new(),
        };
        for term in all {
            let mut reading = Reading {
                written: term.written.clone(),
                read_as: term.word.clone(),
                how: how_read(&term),
            };
            if term.level && !counted_levels {
                reading.how = Some("level word".into());
                query.readings.push(reading);
                continue;
            }
            let found = self.term(&term.stem).map(|n| (n, 1.0)).or_else(|| {
                let (place, likeness) = self.trigrams().closest(&term.stem, &self.terms)?;
                reading.read_as = self.spelling(len32(place)).to_string();
                reading.how = Some("misspelling".into());
                Some((len32(place), likeness as f32))
            });
            match found {
                Some((number, weight)) => {
                    match query.counts.iter_mut().find(|(n, _)| *n == number) {
                        Some((_, count)) => *count += 1.0,
                        None => query.counts.push((number, 1.0)),
                    }
                    if !query.words.iter().any(|(n, _, _)| *n == number) {
                        query.words.push((number, weight, term.word));
                    }
                }
                None => {
                    reading.how = Some("not in the data".into());
                    if !query.unknown.contains(&term.word) {
                        query.unknown.push(term.word);
                    }
                }
            }
            query.readings.push(reading);
        }
        let asked: Vec<u32> = query.words.iter().map(|(t, _, _)| *t).collect();
        for term in asked {
            // A word no title holds cannot match a title itself: its synonyms stand in for it
            // whole (`agile coach` is read as a scrum coach, which titles do hold).
            let weight = if self.title_postings.of_term(term).is_empty() {
                1.0
            } else {
                SYNONYM_WEIGHT
            };
            for synonym in self.synonyms_of(term) {
                if !query.words.iter().any(|(t, _, _)| *t == synonym) {
                    query
                        .words
                        .push((synonym, weight, self.spelling(synonym).to_string()));
                }
            }
        }
        query
    }

    fn trigrams(&self) -> &Trigrams {
        self.trigrams
            .get_or_init(|| Trigrams::new(self.terms.iter().map(String::as_str)))
    }

    /// How much a word weighs among titles (its rarity).
    pub fn title_weight(&self, term: u32) -> f32 {
        self.title_idf.get(term as usize).copied().unwrap_or(0.0)
    }

    /// How much a word weighs among what roles do (its rarity).
    pub fn text_weight(&self, term: u32) -> f32 {
        self.text_idf.get(term as usize).copied().unwrap_or(0.0)
    }

    /// The term numbered `term` as first written in the data.
    pub fn spelling(&self, term: u32) -> &str {
        self.spellings.get(term as usize).map_or("", String::as_str)
    }
}

/// Why a word was read as it was, when not as written.
fn how_read(term: &Term) -> Option<String> {
    let written = super::analyzer::fold(&term.written);
    let plain: String = written.chars().filter(|c| c.is_alphanumeric()).collect();
    if written == term.word || plain == term.word {
        None
    } else if super::words::lookup(super::words::ABBREVIATIONS, &written).is_some()
        || super::words::lookup(super::words::CAPITAL_ACRONYMS, &term.written).is_some()
    {
        Some("abbreviation".into())
    } else {
        Some("spelling".into())
    }
}

/// BM25's inverse document frequency: never negative, however common the word.
fn bm25_idf(documents: f32, holding: f32) -> f32 {
    (1.0 + (documents - holding + 0.5) / (holding + 0.5)).ln()
}

/// Sublinear term frequency.
pub(crate) fn tf(count: f32) -> f32 {
    1.0 + count.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weight_of(query: &Query, word: &str) -> Option<f32> {
        query
            .words
            .iter()
            .find(|(_, _, read)| read.eq_ignore_ascii_case(word))
            .map(|(_, weight, _)| *weight)
    }

    #[test]
    fn a_roles_own_abbreviation_means_that_role() {
        let dataset = Dataset::builtin().unwrap_or_else(|e| panic!("built-in: {e}"));
        let index = Index::build(&dataset);
        let words_of = |id: &str| -> Vec<Vec<&str>> {
            let role = index.roles.iter().position(|(r, _)| r == id);
            (0..index.title_roles.len())
                .filter(|t| Some(index.title_roles[*t].0 as usize) == role)
                .map(|t| {
                    let (start, end) = index.title_spans[t];
                    index.title_terms[start as usize..end as usize]
                        .iter()
                        .map(|term| index.stem(*term))
                        .collect()
                })
                .collect()
        };
        // `pm` stands for product or project manager; each role's own `PM` is itself.
        assert!(
            words_of("project-manager")
                .iter()
                .all(|t| !t.contains(&"product"))
        );
        assert!(
            words_of("product-manager")
                .iter()
                .all(|t| !t.contains(&"project"))
        );
        // A query still reads `pm` both ways.
        let query = index.query("pm");
        assert!(weight_of(&query, "product").is_some() && weight_of(&query, "project").is_some());
    }

    #[test]
    fn a_word_no_title_holds_is_read_through_its_synonyms_whole() {
        let mut dataset = Dataset::builtin().unwrap_or_else(|e| panic!("built-in: {e}"));
        // No title of the built-in roles says "agile": scrum stands in for it whole.
        let query = Index::build(&dataset).query("agile coach");
        assert_eq!(weight_of(&query, "scrum"), Some(1.0), "{query:?}");
        // Once a title does, the word matches itself and its synonyms count half.
        dataset.roles[0].aliases.push("Agile Lead".to_string());
        let query = Index::build(&dataset).query("agile coach");
        assert_eq!(
            weight_of(&query, "scrum"),
            Some(SYNONYM_WEIGHT),
            "{query:?}"
        );
    }
}
