//! How alike two roles are, from all the evidence the two have:
//!
//! likeness = (40% tasks + 24% skills + 16% titles + 20% duty themes + 20% relation), divided by
//! the weights of the parts both roles have evidence for, × (1 − 5% per contrast, at most 4)
//!
//! - **tasks**: TF-IDF cosine of what the two do: summary and duty statements (O*NET's task
//!   statements word for word, the articles' duties in our words), words weighted by how rare
//!   they are across the dataset, so "budget" counts and "work" hardly does.
//! - **skills**: when a source rates both (O*NET's importance for every skill and knowledge
//!   area), the cosine of the two rating vectors; otherwise the weighted Jaccard (Ruzicka) of
//!   the two skill lists, a skill's weight its rated importance or 1.
//! - **titles**: TF-IDF cosine of the names people use for each (name and alternate titles).
//! - **duty themes**: Jaccard of the themes their duties are tagged with (roadmap, budget …).
//! - **relation**: 1 when an article compares the two directly (people confuse such pairs);
//!   else how close the sources' lists place them, the mean over the two roles' lists (each
//!   one judgement; a list that leaves the other out counts 0), a listing worth its tier
//!   (O*NET: Primary-Short 1, Primary-Long ½, Supplemental ¼) down to half of that at the
//!   list's end; else 0. Always counted: a source that lists no relations shifts every score
//!   alike.
//! - **contrasts**: each aspect on which an article contrasts the two is a documented difference.
//!
//! A part one of the two roles has no evidence for (occupations have no duty themes; an
//! unrated occupation no ratings) is left out of both the sum and the divisor, never counted
//! as zero.
//! Symmetric; a role is 100% like itself. The weights were chosen on O*NET's own Related
//! Occupations list with that file withheld from the import (scripts/likeness-benchmark.py;
//! figures in docs/performance.md).

use std::collections::{BTreeSet, HashMap};

// The one logarithm in `roles`, from the libm crate: std's `f64::ln` calls the system libm,
// which every run then loads and relocates (33 µs of a 1.8 ms `show`).
use libm::log as ln;

use crate::model::{Dataset, Role};

/// Weight of the task-text part.
pub const TASK_WEIGHT: f64 = 0.40;
/// Weight of the skills part.
pub const SKILL_WEIGHT: f64 = 0.24;
/// Weight of the titles part.
pub const TITLE_WEIGHT: f64 = 0.16;
/// Weight of the duty-themes part.
pub const THEME_WEIGHT: f64 = 0.20;
/// Weight of the relation part.
pub const RELATION_WEIGHT: f64 = 0.20;
/// What each contrast the articles draw between the two takes off, as a share of the whole.
pub const CONTRAST_PENALTY: f64 = 0.05;
/// Importance (1–5) from which a rating both roles share is named as a reason they are alike.
pub const DRIVING_IMPORTANCE: f64 = 3.0;
/// Importance points by which one role's rating must exceed the other's to set them apart.
pub const APART_BY: f64 = 1.0;
/// Contrasts beyond this many take nothing more off.
pub const MAX_CONTRASTS: usize = 4;

/// How rare each word is across a dataset's roles, for the task and title parts: built once
/// per dataset, so every role's text vector is on the same scale.
#[derive(Debug, Default)]
pub struct Corpus {
    /// How each word is first spelled in the texts, by number: "analysis", not "analysi".
    spellings: Vec<String>,
    /// Each word's number.
    numbers: rustc_hash::FxHashMap<String, u32>,
    /// Inverse document frequency of each word in the roles' task text, by number.
    task_idf: Vec<f64>,
    /// The same for the words of their names and titles.
    title_idf: Vec<f64>,
    /// Each role's word counts (tasks, titles), by role id: counted once.
    counts: rustc_hash::FxHashMap<String, (Counts, Counts)>,
}

/// Word numbers with how often each occurs, sorted by number.
type Counts = Vec<(u32, usize)>;

/// A unit vector over word numbers, sorted by number.
type Vector = Vec<(u32, f64)>;

/// `numbers` counted, sorted.
fn counted(mut numbers: Vec<u32>) -> Counts {
    numbers.sort_unstable();
    let mut counts: Counts = Vec::new();
    for number in numbers {
        match counts.last_mut() {
            Some((last, n)) if *last == number => *n += 1,
            _ => counts.push((number, 1)),
        }
    }
    counts
}

impl Corpus {
    /// Numbers every word of `dataset`'s roles and counts how many roles use each.
    pub fn new(dataset: &Dataset) -> Corpus {
        let mut corpus = Corpus::default();
        let number = |word: &str, spelling: &str, corpus: &mut Corpus| -> u32 {
            if let Some(&n) = corpus.numbers.get(word) {
                return n;
            }
            let n = u32::try_from(corpus.spellings.len()).unwrap_or(u32::MAX);
            corpus.spellings.push(spelling.to_string());
            corpus.numbers.insert(word.to_string(), n);
            n
        };
        for role in &dataset.roles {
            let mut tasks: Vec<u32> = Vec::new();
            for text in task_texts(role) {
                each_word(text, |w, s| tasks.push(number(w, s, &mut corpus)));
            }
            let mut titles: Vec<u32> = Vec::new();
            for text in title_texts(role) {
                each_word(text, |w, s| titles.push(number(w, s, &mut corpus)));
            }
            corpus
                .counts
                .insert(role.id.clone(), (counted(tasks), counted(titles)));
        }
        let roles = dataset.roles.len().max(1) as f64;
        let size = corpus.spellings.len();
        let idf = |pick: fn(&(Counts, Counts)) -> &Counts| {
            let mut documents = vec![0usize; size];
            for entry in corpus.counts.values() {
                for (word, _) in pick(entry) {
                    documents[*word as usize] += 1;
                }
            }
            documents
                .into_iter()
                .map(|n| if n == 0 { 0.0 } else { ln(roles / n as f64) })
                .collect::<Vec<f64>>()
        };
        corpus.task_idf = idf(|entry| &entry.0);
        corpus.title_idf = idf(|entry| &entry.1);
        corpus
    }

    /// A unit-length TF-IDF vector (sublinear term frequency) of counts; `unseen` counts words
    /// the corpus does not know, which weigh in the length but can match nothing.
    fn vector(idf: &[f64], counts: &[(u32, usize)], unseen: &[usize]) -> Vector {
        let tf = |n: usize| 1.0 + ln(n as f64);
        let mut vector: Vector = counts
            .iter()
            .map(|(word, n)| {
                (
                    *word,
                    tf(*n) * idf.get(*word as usize).copied().unwrap_or(1.0),
                )
            })
            .filter(|(_, w)| *w > 0.0)
            .collect();
        let unseen_weight: f64 = unseen.iter().map(|n| tf(*n).powi(2)).sum();
        // Summed in word order, so the same text gives the same bits on every run.
        let norm = (vector.iter().map(|(_, w)| w * w).sum::<f64>() + unseen_weight).sqrt();
        if norm > 0.0 {
            for entry in &mut vector {
                entry.1 /= norm;
            }
        }
        vector
    }

    /// A role's (tasks, titles) vectors: from the counts made when the corpus was built, or
    /// counted now for a role the corpus has not seen.
    fn vectors_of(&self, role: &Role) -> (Vector, Vector) {
        if let Some((tasks, titles)) = self.counts.get(&role.id) {
            return (
                Corpus::vector(&self.task_idf, tasks, &[]),
                Corpus::vector(&self.title_idf, titles, &[]),
            );
        }
        let split = |texts: &mut dyn Iterator<Item = &str>, idf: &[f64]| {
            let mut known = Vec::new();
            let mut unseen: HashMap<String, usize> = HashMap::new();
            for text in texts {
                each_word(text, |word, _| match self.numbers.get(word) {
                    Some(&n) => known.push(n),
                    None => *unseen.entry(word.to_string()).or_default() += 1,
                });
            }
            let unseen: Vec<usize> = unseen.into_values().collect();
            Corpus::vector(idf, &counted(known), &unseen)
        };
        (
            split(&mut task_texts(role), &self.task_idf),
            split(&mut title_texts(role), &self.title_idf),
        )
    }

    /// The word numbered `number`, as it is first spelled in the texts.
    fn word(&self, number: u32) -> &str {
        self.spellings
            .get(number as usize)
            .map_or("", String::as_str)
    }
}

/// What a role does, in words: its summary and duties.
fn task_texts(role: &Role) -> impl Iterator<Item = &str> {
    std::iter::once(role.summary.text.as_str()).chain(role.duties.iter().map(|d| d.text.as_str()))
}

/// What people call it: its name and aliases, less codes such as `13-1082.00`.
fn title_texts(role: &Role) -> impl Iterator<Item = &str> {
    std::iter::once(role.name.as_str()).chain(role.aliases.iter().map(String::as_str).filter(|a| {
        !a.chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
    }))
}

/// Words too common to tell roles apart.
const STOP_WORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "all",
    "also",
    "and",
    "any",
    "are",
    "around",
    "based",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "can",
    "clear",
    "could",
    "does",
    "doing",
    "done",
    "each",
    "either",
    "especially",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "get",
    "getting",
    "give",
    "given",
    "good",
    "has",
    "have",
    "help",
    "helps",
    "her",
    "his",
    "how",
    "including",
    "into",
    "its",
    "just",
    "keep",
    "less",
    "like",
    "look",
    "made",
    "make",
    "making",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "need",
    "needs",
    "not",
    "off",
    "often",
    "one",
    "only",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "part",
    "per",
    "rather",
    "really",
    "same",
    "should",
    "some",
    "such",
    "take",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "time",
    "too",
    "two",
    "under",
    "upon",
    "use",
    "used",
    "using",
    "very",
    "want",
    "was",
    "way",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "work",
    "works",
    "would",
    "yet",
    "you",
    "your",
];

/// The stop words as a set, built once: a hash beats a binary search over them for each of the
/// Lowercase words of three letters or more, stop words left out, a plural `s` dropped.
pub fn words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    each_word(text, |word, _| found.push(word.to_string()));
    found
}

/// Calls `visit` with each word of `text` as counted (lower case, a plural's `s` dropped) and
/// as spelled (lower case), which is what a person is shown. One buffer for all the words: the
/// corpus reads every task statement of a dataset on each `similar`.
fn each_word(text: &str, mut visit: impl FnMut(&str, &str)) {
    let mut spelling = String::new();
    let mut emit = |raw: &str, spelling: &mut String| {
        spelling.clear();
        if raw.is_ascii() {
            if raw.len() < 3 {
                return;
            }
            spelling.push_str(raw);
            spelling.make_ascii_lowercase();
        } else {
            if raw.chars().count() < 3 {
                return;
            }
            spelling.extend(raw.chars().flat_map(char::to_lowercase));
        }
        if stop_words().contains(spelling.as_str()) {
            return;
        }
        let plural = spelling.len() > 4
            && spelling.ends_with('s')
            && !spelling.ends_with("ss")
            && spelling.chars().count() > 4;
        let counted = if plural {
            &spelling[..spelling.len() - 1]
        } else {
            &spelling[..]
        };
        visit(counted, spelling);
    };
    if text.is_ascii() {
        // The common case, byte by byte.
        for raw in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            emit(raw, &mut spelling);
        }
    } else {
        for raw in text.split(|c: char| !c.is_alphanumeric()) {
            emit(raw, &mut spelling);
        }
    }
}

/// The stop words as a set, built once.
fn stop_words() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// What likeness is computed from, gathered once per role so ranking stays linear.
#[derive(Debug)]
pub struct Profile<'a> {
    /// The role.
    pub role: &'a Role,
    /// (skill id, weight), sorted by id.
    skills: Vec<(&'a str, f64)>,
    /// True when a source rates the role's skills (so the ratings' cosine is used).
    rated: bool,
    /// Theme ids of its duties.
    themes: BTreeSet<&'a str>,
    /// Unit TF-IDF vector of its task text.
    tasks: Vector,
    /// Unit TF-IDF vector of its names.
    titles: Vector,
}

impl<'a> Profile<'a> {
    /// Gathers `role`'s evidence, its words weighted by `corpus`.
    /// A role of the dataset the corpus was built on is looked up by id (its words were
    /// counted then); any other is counted now.
    pub fn of(corpus: &Corpus, role: &'a Role) -> Self {
        let (tasks, titles) = corpus.vectors_of(role);
        let mut skills: Vec<(&str, f64)> = role
            .distinct_skills()
            .map(|s| (s.skill.as_str(), s.importance.unwrap_or(1.0).max(0.0)))
            .collect();
        skills.sort_by(|a, b| a.0.cmp(b.0));
        skills.dedup_by(|a, b| a.0 == b.0);
        let rated = !role.skills.is_empty() && role.skills.iter().all(|s| s.importance.is_some());
        let themes = role
            .duties
            .iter()
            .flat_map(|d| d.themes.iter().map(String::as_str))
            .collect();
        Profile {
            role,
            skills,
            rated,
            themes,
            tasks,
            titles,
        }
    }

    /// The words of both roles' tasks that make them alike, the largest share first.
    pub fn shared_task_words(&self, corpus: &Corpus, other: &Profile<'_>) -> Vec<String> {
        // Shares equal to nine places are ties, broken by the word.
        let mut shared: Vec<(i64, &str)> = merged(&self.tasks, &other.tasks)
            .into_iter()
            .map(|(word, x, y)| ((x * y * 1e9).round() as i64, corpus.word(word)))
            .collect();
        shared.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        shared.into_iter().map(|(_, w)| w.to_string()).collect()
    }

    /// Skill ids both need, in this role's order of weight (most important first). When a
    /// source rates both, only what both rate from [`DRIVING_IMPORTANCE`], largest product
    /// first: what drives the ratings' cosine, not every element both are rated on.
    pub fn shared_skills(&self, other: &Profile<'a>) -> Vec<&'a str> {
        if self.rated && other.rated {
            let mut shared: Vec<(&str, f64)> = merged_skills(&self.skills, &other.skills)
                .filter(|(_, x, y)| x.min(*y) >= DRIVING_IMPORTANCE)
                .map(|(id, x, y)| (id, x * y))
                .collect();
            shared.sort_by(|a, b| b.1.total_cmp(&a.1));
            return shared.into_iter().map(|(id, _)| id).collect();
        }
        self.by_weight(|id| other.has_skill(id))
    }

    /// Skill ids this role needs and `other` does not, most important first. When a source
    /// rates both, those this role's rating exceeds the other's by [`APART_BY`] or more, the
    /// widest gap first. Nothing when `other` has no skills at all: silence is not a difference.
    pub fn own_skills(&self, other: &Profile<'a>) -> Vec<&'a str> {
        if other.skills.is_empty() {
            return Vec::new();
        }
        if self.rated && other.rated {
            let mut apart: Vec<(&str, f64)> = merged_skills(&self.skills, &other.skills)
                .map(|(id, x, y)| (id, x - y))
                .filter(|(_, gap)| *gap >= APART_BY)
                .collect();
            apart.sort_by(|a, b| b.1.total_cmp(&a.1));
            return apart.into_iter().map(|(id, _)| id).collect();
        }
        self.by_weight(|id| !other.has_skill(id))
    }

    /// Theme ids both have, in id order.
    pub fn shared_themes(&self, other: &Profile<'_>) -> Vec<&'a str> {
        self.themes
            .iter()
            .copied()
            .filter(|id| other.themes.contains(id))
            .collect()
    }

    fn has_skill(&self, id: &str) -> bool {
        self.skills.binary_search_by(|(s, _)| (*s).cmp(id)).is_ok()
    }

    fn by_weight(&self, keep: impl Fn(&str) -> bool) -> Vec<&'a str> {
        let mut kept: Vec<(&str, f64)> = self
            .skills
            .iter()
            .copied()
            .filter(|(id, _)| keep(id))
            .collect();
        // Stable: equal weights keep the role's own order.
        let order = |id: &str| self.role.skills.iter().position(|s| s.skill == id);
        kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(order(a.0).cmp(&order(b.0))));
        kept.into_iter().map(|(id, _)| id).collect()
    }
}

/// The parts of one likeness, each 0–1 (`None` where one of the two has no evidence for it) but
/// `contrasts`, a count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    /// TF-IDF cosine of the task text.
    pub tasks: Option<f64>,
    /// Cosine of the ratings, or weighted Jaccard of the skill lists.
    pub skills: Option<f64>,
    /// TF-IDF cosine of the names and titles.
    pub titles: Option<f64>,
    /// Jaccard of the duty themes.
    pub themes: Option<f64>,
    /// Direct comparison or listed relation.
    pub relation: f64,
    /// Aspects the articles contrast the two on.
    pub contrasts: usize,
}

impl Parts {
    /// The likeness, 0–1.
    pub fn total(&self) -> f64 {
        let (mut sum, mut weights) = (RELATION_WEIGHT * self.relation, RELATION_WEIGHT);
        for (part, weight) in [
            (self.tasks, TASK_WEIGHT),
            (self.skills, SKILL_WEIGHT),
            (self.titles, TITLE_WEIGHT),
            (self.themes, THEME_WEIGHT),
        ] {
            if let Some(value) = part {
                sum += weight * value;
                weights += weight;
            }
        }
        let base = sum / weights;
        let penalty = CONTRAST_PENALTY * self.contrasts.min(MAX_CONTRASTS) as f64;
        (base * (1.0 - penalty)).clamp(0.0, 1.0)
    }

    /// The likeness as a whole percentage.
    pub fn percent(&self) -> u32 {
        (self.total() * 100.0).round() as u32
    }
}

/// The likeness of two profiles in `dataset`.
pub fn parts(dataset: &Dataset, a: &Profile<'_>, b: &Profile<'_>) -> Parts {
    if a.role.id == b.role.id {
        return Parts {
            tasks: Some(1.0),
            skills: Some(1.0),
            titles: Some(1.0),
            themes: Some(1.0),
            relation: 1.0,
            contrasts: 0,
        };
    }
    // Evidence from one side only says nothing of the pair: an unrated occupation's silence
    // is not a rating of zero, and an article that names no skills has not said "none".
    let either = |x: bool, y: bool| x && y;
    let skills = if a.rated && b.rated {
        Some(cosine(&a.skills, &b.skills))
    } else {
        either(!a.skills.is_empty(), !b.skills.is_empty())
            .then(|| weighted_jaccard(&a.skills, &b.skills))
    };
    let text = |x: &[(u32, f64)], y: &[(u32, f64)]| {
        either(!x.is_empty(), !y.is_empty()).then(|| dot(x, y))
    };
    Parts {
        tasks: text(&a.tasks, &b.tasks),
        skills,
        titles: text(&a.titles, &b.titles),
        themes: either(!a.themes.is_empty(), !b.themes.is_empty())
            .then(|| jaccard(&a.themes, &b.themes)),
        relation: relation(dataset, a.role, b.role).0,
        contrasts: contrasts(a.role, b.role).len(),
    }
}

/// The skills two id-sorted weight lists share, with each one's weight (0 where one lacks it).
fn merged_skills<'s>(
    a: &[(&'s str, f64)],
    b: &[(&'s str, f64)],
) -> impl Iterator<Item = (&'s str, f64, f64)> {
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                pairs.push((x.0, x.1, y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                pairs.push((x.0, x.1, 0.0));
                i += 1;
            }
            (Some(x), None) => {
                pairs.push((x.0, x.1, 0.0));
                i += 1;
            }
            (_, Some(y)) => {
                pairs.push((y.0, 0.0, y.1));
                j += 1;
            }
            (None, None) => break,
        }
    }
    pairs.into_iter()
}

/// The words two sorted vectors share, with each one's weight.
fn merged(a: &[(u32, f64)], b: &[(u32, f64)]) -> Vec<(u32, f64, f64)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1, b[j].1));
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    out
}

/// Dot product of two unit vectors sorted by word: their cosine.
fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    merged(a, b)
        .iter()
        .map(|(_, x, y)| x * y)
        .sum::<f64>()
        .clamp(0.0, 1.0)
}

/// Cosine of two id-sorted weight lists (ratings); 0 when either is all zeros.
fn cosine(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    let norm = |v: &[(&str, f64)]| v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(b[j].0) {
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    (sum / (na * nb)).clamp(0.0, 1.0)
}

/// Σ min ÷ Σ max over the union of two id-sorted weight lists; 0 when both are empty.
fn weighted_jaccard(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    let (mut low, mut high) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                low += x.1.min(y.1);
                high += x.1.max(y.1);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                high += x.1;
                i += 1;
            }
            (Some(x), None) => {
                high += x.1;
                i += 1;
            }
            (_, Some(y)) => {
                high += y.1;
                j += 1;
            }
            (None, None) => break,
        }
    }
    if high > 0.0 { low / high } else { 0.0 }
}

fn jaccard(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / union as f64
    }
}

/// How a source relates the two: (closeness 0–1, the evidence in words).
pub fn relation(dataset: &Dataset, a: &Role, b: &Role) -> (f64, Option<String>) {
    let compared: Vec<&str> = dataset
        .sources
        .iter()
        .filter(|s| s.compares.contains(&a.id) && s.compares.contains(&b.id))
        .map(|s| s.id.as_str())
        .collect();
    if !compared.is_empty() {
        return (1.0, Some(format!("compared in {}", compared.join(", "))));
    }
    /// Where `from`'s list places `to`, and how close that placing is.
    fn listed<'r>(from: &'r Role, to: &Role) -> Option<(f64, &'r crate::model::RelatedRole)> {
        let length = from.related.len();
        from.related
            .iter()
            .enumerate()
            .find(|(_, r)| r.role == to.id)
            .map(|(place, r)| (listed_closeness(place, length, r.tier.as_deref()), r))
    }
    let ways: Vec<_> = [listed(a, b), listed(b, a)].into_iter().flatten().collect();
    // Each side's list is one judgement; a side that does not list the other counts 0.
    let closeness = ways.iter().map(|(c, _)| c).sum::<f64>() / 2.0;
    let closest = ways.iter().max_by(|x, y| x.0.total_cmp(&y.0));
    match closest {
        Some((_, related)) => {
            let tier = related
                .tier
                .as_deref()
                .map_or(String::new(), |t| format!(" ({t})"));
            let sources = related.sources.join(", ");
            let both = if ways.len() == 2 {
                ", each listing the other"
            } else {
                ""
            };
            (
                closeness,
                Some(format!("listed as related{tier} in {sources}{both}")),
            )
        }
        None => (0.0, None),
    }
}

/// How close one listing says two roles are: its tier (O*NET: Primary-Short 1, Primary-Long
/// ½, Supplemental ¼; no tier counts as close), down to half of that at the list's end, so the
/// source's own order ranks within a tier.
fn listed_closeness(place: usize, length: usize, tier: Option<&str>) -> f64 {
    let tier = match tier.map(str::to_ascii_lowercase).as_deref() {
        Some("primary-long") => 0.5,
        Some("supplemental") => 0.25,
        _ => 1.0,
    };
    tier * (1.0 - place as f64 / (2 * length.max(1)) as f64)
}

/// Aspect ids on which an article contrasts the two (a value of one stated against the other),
/// in the dataset's aspect order of first appearance.
pub fn contrasts<'a>(a: &'a Role, b: &'a Role) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    let against = |from: &'a Role, to: &'a Role| {
        from.aspects
            .iter()
            .filter(move |v| v.versus.as_deref() == Some(to.id.as_str()))
            .map(|v| v.aspect.as_str())
    };
    for id in against(a, b).chain(against(b, a)) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_is_closer_by_tier_and_by_place() {
        let close = |place, tier| listed_closeness(place, 20, Some(tier));
        assert_eq!(close(0, "Primary-Short"), 1.0);
        assert!(close(1, "Primary-Short") < close(0, "Primary-Short"));
        assert!(close(4, "Primary-Short") > close(5, "Primary-Long"));
        assert!(close(9, "Primary-Long") > close(10, "Supplemental"));
        assert!(close(19, "Supplemental") > 0.0);
        assert_eq!(listed_closeness(0, 1, None), 1.0);
    }

    #[test]
    fn rated_pairs_share_what_both_rate_high_and_differ_by_a_point() {
        let a = [("x", 4.5), ("y", 2.0), ("z", 3.5)];
        let b = [("x", 4.0), ("y", 1.0), ("z", 2.0)];
        let shared: Vec<&str> = merged_skills(&a, &b)
            .filter(|(_, x, y)| x.min(*y) >= DRIVING_IMPORTANCE)
            .map(|(id, _, _)| id)
            .collect();
        assert_eq!(shared, ["x"]);
        let apart: Vec<&str> = merged_skills(&a, &b)
            .filter(|(_, x, y)| x - y >= APART_BY)
            .map(|(id, _, _)| id)
            .collect();
        assert_eq!(apart, ["y", "z"]);
    }

    #[test]
    fn words_are_shown_as_spelled() {
        let mut seen = Vec::new();
        each_word("Analysis of Capabilities", |w, s| {
            seen.push((w.to_string(), s.to_string()))
        });
        assert_eq!(
            seen,
            [
                ("analysi".to_string(), "analysis".to_string()),
                ("capabilitie".to_string(), "capabilities".to_string())
            ]
        );
    }

    #[test]
    fn weighted_jaccard_is_min_over_max() {
        let a = [("x", 4.0), ("y", 2.0)];
        let b = [("x", 2.0), ("z", 1.0)];
        // min: x 2; max: x 4 + y 2 + z 1.
        assert!((weighted_jaccard(&a, &b) - 2.0 / 7.0).abs() < 1e-12);
        assert_eq!(weighted_jaccard(&[], &[]), 0.0);
    }

    #[test]
    fn a_part_neither_role_has_is_left_out_not_counted_as_zero() {
        let parts = Parts {
            tasks: Some(0.5),
            skills: None,
            titles: None,
            themes: None,
            relation: 0.0,
            contrasts: 0,
        };
        // 40% × 0.5 over the 40% + 20% (relation) the two have.
        assert!((parts.total() - 0.2 / 0.6).abs() < 1e-12);
    }

    #[test]
    fn stop_words_are_listed_once_in_order() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_lowercase_without_stop_words_or_plural_s() {
        assert_eq!(
            words("Manages the budgets and schedules of projects, with staff"),
            ["manage", "budget", "schedule", "project", "staff"]
        );
    }

    #[test]
    fn contrasts_cut_the_total_and_stop_at_four() {
        let base = Parts {
            tasks: Some(1.0),
            skills: Some(1.0),
            titles: None,
            themes: Some(1.0),
            relation: 1.0,
            contrasts: 0,
        };
        assert_eq!(base.percent(), 100);
        assert_eq!(
            Parts {
                contrasts: 2,
                ..base
            }
            .percent(),
            90
        );
        assert_eq!(
            Parts {
                contrasts: 9,
                ..base
            }
            .percent(),
            80
        );
    }
}
