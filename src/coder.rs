//! Coding a text to roles: the likeliest roles for a title, a phrase or a job ad, and whether
//! the first is clear. The rule is the one coders such as SOCcer use: a code is taken without a
//! person's review only when it scores high and well ahead of the next. Chosen on O*NET's
//! titles added in 29.3 (`scripts/coding-benchmark.py`): a clear title's first code is right
//! for 86% of them, a clear description's for 73%; the others go to review.
//!
//! The word and title index comes from the cache when it was built before for exactly the
//! data chosen, else from the data (and is kept, when the data is large).

use crate::cache::stamp::Stamp;
use crate::cache::{CacheKey, MIN_CACHED_BYTES};
use crate::dataset::LoadError;
use crate::load::{DataChoice, load};
use crate::open::{STDIN, read_text};
use crate::text::Scorer;
use crate::text::index::{Index, Reading};

/// The score from which a title (four words or fewer) may be clear.
pub const CLEAR_TITLE_SCORE: f64 = 0.5;
/// The score from which a long text (twelve words or more) may be clear: a job ad shares a
/// smaller part of its words with any one role. Between the two, a straight line.
pub const CLEAR_TEXT_SCORE: f64 = 0.2;
/// How far ahead of the next a clear code must be, as a share of its own score.
pub const CLEAR_LEAD: f64 = 0.3;

/// The score from which a text of `words` counted words may be clear.
pub fn clear_score(words: usize) -> f64 {
    let (short, long) = (4.0, 12.0);
    let share = ((words as f64 - short) / (long - short)).clamp(0.0, 1.0);
    CLEAR_TITLE_SCORE - share * (CLEAR_TITLE_SCORE - CLEAR_TEXT_SCORE)
}

/// Datasets of this many roles or more keep their index in the cache: a smaller one is built
/// in less time than reading it back would save.
pub const CACHED_INDEX_ROLES: usize = 200;

/// What the index is filed as; the number changes whenever what goes into it does.
const KIND: &str = "index5";

/// Largest index read back from the cache.
const MOST_INDEX_BYTES: u64 = 1 << 30;

/// The index of the data `choice` names.
pub fn index(choice: &DataChoice) -> Result<Index, LoadError> {
    let key = dataset_key(choice);
    let cached = key
        .and_then(|key| choice.cache.get_blob(KIND, key, MOST_INDEX_BYTES))
        .and_then(|bytes| Index::from_bytes(&bytes));
    if let Some(index) = cached {
        return Ok(index);
    }
    let dataset = load(choice)?;
    let index = Index::build(&dataset);
    if let Some(key) = key.filter(|_| dataset.roles.len() >= CACHED_INDEX_ROLES) {
        choice.cache.put_blob(KIND, key, &index.to_bytes());
    }
    // The process ends soon: freeing a large dataset piece by piece would only cost time.
    std::mem::forget(dataset);
    Ok(index)
}

/// The key of the stacked data `choice` names, found as loading finds it (a settled file's
/// stamp, else its bytes) without decoding anything; none for standard input, which can be
/// read only once, or a file that cannot be read (loading then says why).
pub fn dataset_key(choice: &DataChoice) -> Option<CacheKey> {
    let mut base = CacheKey::base(!choice.no_builtin);
    let stamps = choice.cache.stamps();
    let mut key = CacheKey::from_value(base);
    for path in &choice.files {
        if path.as_os_str() == STDIN {
            return None;
        }
        let stamp = Stamp::of(path).filter(|s| s.size >= MIN_CACHED_BYTES as u64);
        let stamped = stamps
            .as_ref()
            .zip(stamp.as_ref())
            .and_then(|(book, stamp)| book.key_for(path, base, stamp));
        key = match stamped {
            Some(key) => key,
            None => CacheKey::new(read_text(path).ok()?.as_bytes(), base),
        };
        base = key.value();
    }
    Some(key)
}

/// A text coded: how its words were read, the likeliest roles, and the verdict on the first.
#[derive(Debug, Clone)]
pub struct Coded {
    /// How each word was taken.
    pub readings: Vec<Reading>,
    /// The likeliest roles, best first.
    pub ranked: Vec<Ranked>,
    /// Whether the first scores at least [`clear_score`] and [`CLEAR_LEAD`] ahead of the next.
    pub clear: bool,
    /// The score a clear first code needs, for this text's length.
    pub clear_score: f64,
}

/// One likely role and its scores, each 0–1 to three places.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// All parts, weighed by the text's length.
    pub score: f64,
    /// Its best title's share of the text's words.
    pub title: f64,
    /// Its titles' words together, against the best role's.
    pub title_words: f64,
    /// What it does, by cosine of word weights.
    pub duties: f64,
}

/// `text` coded against `index`, at most `limit` roles (the next one is always weighed).
pub fn code(index: &Index, scorer: &mut Scorer, text: &str, limit: usize) -> Coded {
    let query = index.query(text);
    let needed = clear_score(query.words.len() + query.unknown.len());
    let mut ranked: Vec<Ranked> = scorer
        .rank(index, &query, limit.max(2))
        .into_iter()
        .map(|(role, scores)| {
            let (id, name) = index.roles[role as usize].clone();
            Ranked {
                id,
                name,
                score: rounded(scores.total),
                title: rounded(scores.title),
                title_words: rounded(scores.bag),
                duties: rounded(scores.text),
            }
        })
        .collect();
    let next = ranked.get(1).map_or(0.0, |r| r.score);
    let clear = ranked.first().is_some_and(|first| {
        first.score >= needed && first.score - next >= CLEAR_LEAD * first.score
    });
    ranked.truncate(limit);
    Coded {
        readings: query.readings,
        ranked,
        clear,
        clear_score: needed,
    }
}

/// A score to three places, so the same text gives the same figures everywhere.
fn rounded(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_text_may_be_clear_at_a_lower_score() {
        assert_eq!(clear_score(2), CLEAR_TITLE_SCORE);
        assert_eq!(clear_score(30), CLEAR_TEXT_SCORE);
        assert!(clear_score(8) < CLEAR_TITLE_SCORE && clear_score(8) > CLEAR_TEXT_SCORE);
    }
}
