//! Scoring a query against the index: each role's best title, its bag of title words and its
//! text, weighed by the query's length (see [`super::index`] for what each part is).

use super::index::{Index, Query, tf};

/// How much a title's own words that the query lacks take off its score, at most.
const EXTRA_PENALTY: f32 = 0.5;
/// BM25's term-frequency saturation and length normalisation, for the bag of title words.
const BAG_K1: f32 = 1.2;
const BAG_B: f32 = 0.5;

/// The scores of one role for one query, each 0–1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Its best title's.
    pub title: f32,
    /// Its title words', against the best role's.
    pub bag: f32,
    /// Its text's cosine with the query.
    pub text: f32,
    /// All three, weighted by the query's length.
    pub total: f32,
    /// The title that scored best, by its place among the role's titles (0: its name).
    pub best_title: u32,
}

/// Reusable buffers for scoring many queries against one index (a batch of titles).
#[derive(Debug, Default)]
pub struct Scorer {
    title: Vec<f32>,
    touched_titles: Vec<u32>,
    bag: Vec<f32>,
    text: Vec<f32>,
    best: Vec<Scores>,
    touched_roles: Vec<u32>,
    /// Whether each role is among the touched ones.
    seen: Vec<bool>,
}

impl Scorer {
    /// Every role with any score for `query`, best first, at most `limit`.
    pub fn rank(&mut self, index: &Index, query: &Query, limit: usize) -> Vec<(u32, Scores)> {
        self.reset(index);
        let unknown_weight = index.title_idf.iter().copied().fold(0.0, f32::max);
        let query_mass: f32 = query
            .words
            .iter()
            .map(|(t, w, _)| index.title_idf.get(*t as usize).copied().unwrap_or(0.0) * w)
            .sum::<f32>()
            + unknown_weight * query.unknown.len() as f32;
        self.score_titles(index, query, query_mass);
        self.score_bags(index, query);
        self.score_texts(index, query);
        let length = (query.words.len() + query.unknown.len()) as f32;
        // Titles lead for a title-length query; for a job ad, the text.
        let text_weight = (length / 12.0).clamp(0.3, 3.0);
        let (title_weight, bag_weight) = (1.0, 0.3);
        let bag_max = self.bag.iter().copied().fold(0.0, f32::max);
        let mut ranked: Vec<(u32, Scores)> = Vec::new();
        for &role in &self.touched_roles {
            let at = role as usize;
            let mut scores = self.best[at];
            scores.bag = if bag_max > 0.0 {
                self.bag[at] / bag_max
            } else {
                0.0
            };
            scores.text = self.text[at].clamp(0.0, 1.0);
            scores.total =
                (title_weight * scores.title + bag_weight * scores.bag + text_weight * scores.text)
                    / (title_weight + bag_weight + text_weight);
            ranked.push((role, scores));
        }
        ranked.sort_by(|a, b| b.1.total.total_cmp(&a.1.total).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked
    }

    fn reset(&mut self, index: &Index) {
        let (titles, roles) = (index.title_roles.len(), index.roles.len());
        if self.title.len() != titles {
            self.title = vec![0.0; titles];
        }
        if self.bag.len() != roles {
            self.bag = vec![0.0; roles];
            self.text = vec![0.0; roles];
            self.best = vec![Scores::default(); roles];
            self.seen = vec![false; roles];
        }
        for title in self.touched_titles.drain(..) {
            self.title[title as usize] = 0.0;
        }
        for role in self.touched_roles.drain(..) {
            let at = role as usize;
            self.bag[at] = 0.0;
            self.text[at] = 0.0;
            self.best[at] = Scores::default();
            self.seen[at] = false;
        }
    }

    fn touch_role(&mut self, role: u32) {
        let at = role as usize;
        if !self.seen[at] {
            self.seen[at] = true;
            self.touched_roles.push(role);
        }
    }

    fn score_titles(&mut self, index: &Index, query: &Query, query_mass: f32) {
        for (term, weight, _) in &query.words {
            let idf = index.title_idf.get(*term as usize).copied().unwrap_or(0.0);
            for &title in index.title_postings.of_term(*term) {
                if self.title[title as usize] == 0.0 {
                    self.touched_titles.push(title);
                }
                self.title[title as usize] += idf * weight;
            }
        }
        if query_mass <= 0.0 {
            return;
        }
        for at in 0..self.touched_titles.len() {
            let title = self.touched_titles[at];
            let matched = self.title[title as usize];
            let (start, end) = index.title_spans[title as usize];
            let extra: f32 = index.title_terms[start as usize..end as usize]
                .iter()
                .filter(|t| !query.words.iter().any(|(q, _, _)| q == *t))
                .map(|t| index.title_idf.get(*t as usize).copied().unwrap_or(0.0))
                .sum();
            let coverage = matched / query_mass;
            let score = coverage * (1.0 - EXTRA_PENALTY * extra / (matched + extra));
            let (role, place) = index.title_roles[title as usize];
            if score > self.best[role as usize].title {
                self.touch_role(role);
                let best = &mut self.best[role as usize];
                best.title = score;
                best.best_title = place;
            }
        }
    }

    fn score_bags(&mut self, index: &Index, query: &Query) {
        let average = index.bag_lengths.iter().map(|n| *n as f32).sum::<f32>()
            / index.bag_lengths.len().max(1) as f32;
        for (term, weight, _) in &query.words {
            let idf = index.bag_idf.get(*term as usize).copied().unwrap_or(0.0);
            for &(role, count) in index.bag_postings.of_term(*term) {
                let length = index.bag_lengths.get(role as usize).copied().unwrap_or(0) as f32;
                let count = count as f32;
                let score = idf * count * (BAG_K1 + 1.0)
                    / (count + BAG_K1 * (1.0 - BAG_B + BAG_B * length / average.max(1.0)));
                self.touch_role(role);
                self.bag[role as usize] += score * weight;
            }
        }
    }

    fn score_texts(&mut self, index: &Index, query: &Query) {
        let weights: Vec<(u32, f32)> = query
            .counts
            .iter()
            .map(|(term, count)| {
                let idf = index.text_idf.get(*term as usize).copied().unwrap_or(0.0);
                let weight = query
                    .words
                    .iter()
                    .find(|(t, _, _)| t == term)
                    .map_or(1.0, |(_, w, _)| *w);
                (*term, tf(*count) * idf * weight)
            })
            .collect();
        let unseen = query.unknown.len() as f32;
        let norm = (weights.iter().map(|(_, w)| w * w).sum::<f32>() + unseen).sqrt();
        if norm <= 0.0 {
            return;
        }
        for (term, weight) in weights {
            for &(role, doc_weight) in index.text_postings.of_term(term) {
                self.touch_role(role);
                self.text[role as usize] += weight / norm * doc_weight;
            }
        }
    }
}
