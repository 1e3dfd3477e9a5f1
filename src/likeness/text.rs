//! The task and title parts of likeness: words counted, weighted by how rare they are across
//! the dataset (TF-IDF), and compared by cosine.

use std::collections::HashMap;

// The one logarithm in `roles`, from the libm crate: std's `f64::ln` calls the system libm,
// which every run then loads and relocates (33 µs of a 1.8 ms `show`).
use libm::log as ln;

use crate::model::{Dataset, Role};

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
    /// The stems of every role's name of two words or more ("Product Owner"): a text that
    /// names another role shares its name's words with any other text naming it.
    role_names: rustc_hash::FxHashSet<Vec<String>>,
    /// How many words those names have, each length once: where a text is looked up.
    name_lengths: Vec<usize>,
}

/// The most words a role's name may have to be looked for in other roles' texts: the longest
/// O*NET name has 11; a file's longer names would only make every lookup slower.
const MAX_NAME_WORDS: usize = 16;

/// Word numbers with how often each occurs, sorted by number.
type Counts = Vec<(u32, usize)>;

/// A unit vector over word numbers, sorted by number.
pub type Vector = Vec<(u32, f64)>;

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
        corpus.role_names = dataset
            .roles
            .iter()
            .map(|role| {
                crate::text::terms(&role.name)
                    .into_iter()
                    .map(|t| t.stem)
                    .collect()
            })
            .filter(|stems: &Vec<String>| (2..=MAX_NAME_WORDS).contains(&stems.len()))
            .collect();
        corpus.name_lengths = corpus.role_names.iter().map(Vec::len).collect();
        corpus.name_lengths.sort_unstable();
        corpus.name_lengths.dedup();
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
    pub fn vectors_of(&self, role: &Role) -> (Vector, Vector) {
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

    /// The stems that `role`'s task text uses only inside the name of a role ("owner" of a
    /// delivery lead who works with "the Product Owner"), never on their own.
    pub fn only_in_role_names(&self, role: &Role) -> Vec<String> {
        let mut uses: rustc_hash::FxHashMap<String, (usize, usize)> = Default::default();
        for text in task_texts(role) {
            let said: Vec<String> = crate::text::terms(text)
                .into_iter()
                .map(|t| t.stem)
                .collect();
            let mut in_name = vec![false; said.len()];
            // Each place against each length of name: linear in the text, however many names.
            for at in 0..said.len() {
                for &length in &self.name_lengths {
                    let Some(words) = said.get(at..at + length) else {
                        break;
                    };
                    if self.role_names.contains(words) {
                        in_name[at..at + length].iter_mut().for_each(|x| *x = true);
                    }
                }
            }
            for (stem, inside) in said.into_iter().zip(in_name) {
                let (all, named) = uses.entry(stem).or_default();
                *all += 1;
                *named += usize::from(inside);
            }
        }
        uses.into_iter()
            .filter(|(_, (all, named))| all == named)
            .map(|(stem, _)| stem)
            .collect()
    }

    /// The word numbered `number`, as it is first spelled in the texts.
    pub fn word(&self, number: u32) -> &str {
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

/// Words that weigh in the task text but say nothing a reader can use as a reason two roles are
/// alike: the verbs and fillers of our paraphrase ("answers for", "makes sure", "the rest") and
/// of O*NET's task statements ("ensuring", "directly"). Left out of the reasons shown, not of
/// the score.
const SAYING_WORDS: &[&str] = &[
    "answer",
    "answers",
    "assure",
    "differ",
    "differs",
    "directly",
    "draw",
    "draws",
    "duties",
    "duty",
    "ensure",
    "ensuring",
    "holds",
    "important",
    "involved",
    "keeping",
    "keeps",
    "long",
    "met",
    "overlap",
    "play",
    "plays",
    "responsibilities",
    "responsibility",
    "rest",
    "role",
    "roles",
    "shares",
    "sort",
    "specific",
    "sure",
    "takes",
    "tell",
    "tells",
    "together",
];

/// Whether `word` (as [`words`] gives it) is a reason a reader can use: not a stop word and not
/// a word of saying.
pub fn tells_something(word: &str) -> bool {
    !stop_words().contains(word) && SAYING_WORDS.binary_search(&word).is_err()
}

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

/// The words two sorted vectors share, with each one's weight.
pub fn merged(a: &[(u32, f64)], b: &[(u32, f64)]) -> Vec<(u32, f64, f64)> {
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
pub fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    merged(a, b)
        .iter()
        .map(|(_, x, y)| x * y)
        .sum::<f64>()
        .clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn stop_words_are_listed_once_in_order() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(SAYING_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_lowercase_without_stop_words_or_plural_s() {
        assert_eq!(
            words("Manages the budgets and schedules of projects, with staff"),
            ["manage", "budget", "schedule", "project", "staff"]
        );
    }
}
