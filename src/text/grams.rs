//! Character trigrams: the known word a misspelt one most likely stands for (`prodct` →
//! `product`, `managr` → `manager`): the words sharing trigrams with it, the likeliest by
//! Jaro-Winkler.

use rustc_hash::{FxHashMap, FxHashSet};

/// Least likeness (Jaro-Winkler, 0–1) a known word must have to an unknown one to stand for
/// it: enough for a dropped or swapped letter (`prodct`, `ownr`, `enginer`), not for another
/// word.
pub const LEAST_LIKENESS: f64 = 0.88;

/// A vocabulary's words by their trigrams, built once and asked many times.
#[derive(Debug, Default)]
pub struct Trigrams {
    /// Each trigram's words, by their place in the vocabulary.
    postings: FxHashMap<u64, Vec<u32>>,
}

/// The distinct trigrams of ` word `, hashed.
fn grams(word: &str) -> FxHashSet<u64> {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    chars
        .windows(3)
        .map(|w| {
            let mut hash = 0u64;
            for c in w {
                hash = hash.wrapping_mul(0x0100_0000_01b3) ^ u64::from(u32::from(*c));
            }
            hash
        })
        .collect()
}

impl Trigrams {
    /// The trigrams of every word of `vocabulary`, in its order.
    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> Trigrams {
        let mut index = Trigrams::default();
        for (place, word) in vocabulary.into_iter().enumerate() {
            let grams = grams(word);
            let place = u32::try_from(place).unwrap_or(u32::MAX);
            for gram in grams {
                index.postings.entry(gram).or_default().push(place);
            }
        }
        index
    }

    /// The place of the vocabulary word most like `word` and how alike they are (0–1), if one
    /// is at least [`LEAST_LIKENESS`] alike: the words sharing two trigrams with it (one, for a
    /// short word) are weighed by Jaro-Winkler; ties go to the earlier word.
    pub fn closest(&self, word: &str, vocabulary: &[String]) -> Option<(usize, f64)> {
        let grams = grams(word);
        let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
        for gram in &grams {
            for place in self.postings.get(gram).into_iter().flatten() {
                *shared.entry(*place).or_default() += 1;
            }
        }
        let least = if grams.len() <= 4 { 1 } else { 2 };
        shared
            .into_iter()
            .filter(|(_, common)| *common >= least)
            .filter_map(|(place, _)| {
                let known = vocabulary.get(place as usize)?;
                // A dropped or doubled letter or two, not a shorter word inside a longer one.
                let (mine, theirs) = (word.chars().count(), known.chars().count());
                (mine.abs_diff(theirs) <= 1 + mine.max(theirs) / 6)
                    .then(|| (place as usize, strsim::jaro_winkler(word, known)))
            })
            .filter(|(_, likeness)| *likeness >= LEAST_LIKENESS)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelling_finds_the_word_it_stands_for() {
        let words: Vec<String> = ["engin", "manag", "nurs", "owner", "product", "teacher"]
            .map(String::from)
            .to_vec();
        let index = Trigrams::new(words.iter().map(String::as_str));
        let closest = |w: &str| {
            index
                .closest(w, &words)
                .map(|(place, _)| words[place].as_str())
        };
        assert_eq!(closest("managr"), Some("manag"));
        assert_eq!(closest("teachr"), Some("teacher"));
        assert_eq!(closest("prodct"), Some("product"));
        assert_eq!(closest("ownr"), Some("owner"));
        assert_eq!(closest("zzzz"), None);
        assert_eq!(closest("nurture"), None);
        assert_eq!(
            closest("managing"),
            None,
            "a longer word is not a misspelling"
        );
    }
}
