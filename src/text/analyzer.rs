//! The one analyzer behind every lookup: a text becomes the terms two texts are compared by.
//!
//! Each word is folded (lower case, diacritics dropped: `Café` and `cafe` are one word), read the
//! American way (`prioritisation`, `colour`, `travelled`), expanded when it is a common
//! abbreviation of job titles (`mgr`, `sr`, `QA`, `IT` in capitals), dropped when it is a
//! function word, marked when it is a level word (`senior`, `lead`), and stemmed with Porter2
//! (`roadmaps`, `roadmapping` and `roadmap` share the stem `roadmap`).

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::words::{
    ABBREVIATIONS, BRITISH_WORDS, CAPITAL_ACRONYMS, DIGRAPH_PREFIXES, DOUBLED_L, FUNCTION_WORDS,
    ISE_WORDS, LEVEL_WORDS, UNSTEMMED_WORDS, listed, lookup,
};

/// One word of a text as lookups compare it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Its stem: what two words must share to count as one.
    pub stem: String,
    /// The word it was read as: folded, American, expanded (`manager` for `mgr`).
    pub word: String,
    /// Whether it says how senior a job is rather than what the job is.
    pub level: bool,
    /// The word as the text has it (`Mgr` for `manager`).
    pub written: String,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// `text` in lower case without diacritics: how two spellings of one word are made one.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every meaningful word of `text`, in order, as a term.
pub fn terms(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for raw in raw_words(text) {
        if let Some(expansion) = lookup(CAPITAL_ACRONYMS, &raw) {
            expansion.split(' ').for_each(|w| push(&mut terms, w, &raw));
            continue;
        }
        let folded = fold(&raw);
        match lookup(ABBREVIATIONS, &folded) {
            Some(expansion) => expansion.split(' ').for_each(|w| push(&mut terms, w, &raw)),
            None => push(&mut terms, &folded, &raw),
        }
    }
    terms
}

/// The stems of `text`'s occupation words (its level words too when it has no other).
pub fn stems(text: &str) -> Vec<String> {
    let terms = terms(text);
    let own: Vec<String> = terms
        .iter()
        .filter(|t| !t.level)
        .map(|t| t.stem.clone())
        .collect();
    if own.is_empty() {
        terms.into_iter().map(|t| t.stem).collect()
    } else {
        own
    }
}

/// Whether two stems are one word: equal, or one is the other and a letter more, the shorter
/// of five letters or more (Porter2 stems `prioritize` `priorit` and `priority` `prioriti`).
pub fn same_stem(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 5 && long.len() == short.len() + 1 && long.starts_with(short))
}

/// Whether `text` speaks of every one of `stems` (as [`stems`] gives them), by [`same_stem`].
pub fn speaks_of(text: &str, stems: &[String]) -> bool {
    // Most texts share no word with what is wanted: a stem's first letters not in the folded
    // text at all settles it without analysing every word.
    let folded = fold(text);
    let absent = |stem: &String| {
        let head: String = stem.chars().take(4).collect();
        !folded.contains(&head)
    };
    if stems.iter().any(absent) {
        return false;
    }
    let own = self::stems(text);
    !stems.is_empty()
        && stems
            .iter()
            .all(|wanted| own.iter().any(|stem| same_stem(stem, wanted)))
}

/// Where each word of `text` lies (byte offsets, end exclusive) and the stems it is read as:
/// what marks a match of word forms.
pub fn word_spans(text: &str) -> Vec<(usize, usize, Vec<String>)> {
    let mut spans = Vec::new();
    let mut start = None;
    let ends = text
        .char_indices()
        .map(|(at, c)| (at, c.is_alphanumeric() || matches!(c, '\'' | '’')))
        .chain(std::iter::once((text.len(), false)));
    for (at, inside) in ends {
        match (start, inside) {
            (None, true) => start = Some(at),
            (Some(from), false) => {
                let word = text[from..at].trim_end_matches(['\'', '’']);
                let stems = terms(word).into_iter().map(|t| t.stem).collect();
                spans.push((from, from + word.len(), stems));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// The words of `text` as written: runs of letters and digits, apostrophes inside a word
/// dropped (`driver's` is `drivers`), everything else a break.
fn raw_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.push(c);
        } else if matches!(c, '\'' | '’') && !word.is_empty() {
            // Inside a word only: a quote after it is a break.
            if !chars.peek().is_some_and(|next| next.is_alphanumeric()) {
                words.push(std::mem::take(&mut word));
            }
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn push(terms: &mut Vec<Term>, folded: &str, written: &str) {
    let single_letter = folded.chars().count() == 1 && !folded.chars().all(|c| c.is_numeric());
    if folded.is_empty() || single_letter || listed(FUNCTION_WORDS, folded) {
        return;
    }
    let word = american(folded).into_owned();
    let stem = if listed(UNSTEMMED_WORDS, &word) {
        word.clone()
    } else {
        stemmer().stem(&word).into_owned()
    };
    terms.push(Term {
        stem,
        level: listed(LEVEL_WORDS, &word),
        word,
        written: written.to_string(),
    });
}

/// `word` (folded) as American English spells it: `organisation` → `organization`,
/// `labourer` → `laborer`, `counsellor` → `counselor`, `paediatric` → `pediatric`.
pub fn american(word: &str) -> Cow<'_, str> {
    if let Some(american) = lookup(BRITISH_WORDS, word) {
        return Cow::Borrowed(american);
    }
    for (british, american) in BRITISH_WORDS {
        if british.ends_with("our") && word.starts_with(british) {
            return Cow::Owned(format!("{american}{}", &word[british.len()..]));
        }
    }
    for (british, american) in DIGRAPH_PREFIXES {
        if let Some(rest) = word.strip_prefix(british) {
            return Cow::Owned(format!("{american}{rest}"));
        }
    }
    if let Some(american) = ize(word).or_else(|| yze(word)).or_else(|| single_l(word)) {
        return Cow::Owned(american);
    }
    Cow::Borrowed(word)
}

/// `-ise` as `-ize` (organise, prioritisation, specialised), where English has the `-ize` form:
/// after a consonant, and not for a word spelt `-ise` in American English too (advise).
fn ize(word: &str) -> Option<String> {
    const ENDINGS: [&str; 8] = [
        "isations", "isation", "isers", "iser", "ising", "ised", "ises", "ise",
    ];
    let ending = ENDINGS.iter().find(|e| word.ends_with(**e))?;
    let stem = &word[..word.len() - ending.len()];
    let consonant = stem
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(c));
    let base = format!("{stem}ise");
    if !consonant || stem.len() < 3 || listed(ISE_WORDS, &base) {
        return None;
    }
    Some(format!("{stem}iz{}", &ending[2..]))
}

/// `analyse`, `analysed`, `analysing`, `analyser` as `-yze`; `analyses` stays a plural noun.
fn yze(word: &str) -> Option<String> {
    ["yse", "ysed", "ysing", "yser"]
        .iter()
        .find(|e| word.ends_with(**e))
        .map(|e| format!("{}yz{}", &word[..word.len() - e.len()], &e[2..]))
}

/// A doubled `l` before a suffix as one (travelled, modelling, counsellor).
fn single_l(word: &str) -> Option<String> {
    DOUBLED_L.iter().find_map(|base| {
        let rest = word.strip_prefix(base)?.strip_prefix('l')?;
        ["ed", "ing", "er", "ers", "or", "ors"]
            .contains(&rest)
            .then(|| format!("{base}{rest}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems_of(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn plurals_and_forms_share_a_stem() {
        assert_eq!(stems_of("roadmaps"), stems_of("roadmap"));
        assert_eq!(stems_of("roadmapping")[0], "roadmap");
        assert_eq!(stems_of("budgeting"), stems_of("budgets"));
        assert_eq!(stems_of("Managers"), stems_of("manager"));
    }

    #[test]
    fn a_word_the_stemmer_would_confuse_is_kept_whole() {
        assert_ne!(stems_of("agile"), stems_of("agility"));
        assert_eq!(stems_of("Agile"), ["agile"]);
    }

    #[test]
    fn british_and_american_spellings_are_one_word() {
        for (british, american) in [
            ("prioritisation", "prioritization"),
            ("organising", "organizing"),
            ("colour", "color"),
            ("labourers", "laborers"),
            ("travelled", "traveled"),
            ("counsellor", "counselor"),
            ("paediatric", "pediatric"),
            ("analyse", "analyze"),
            ("centre", "center"),
            ("programme", "program"),
        ] {
            assert_eq!(stems_of(british), stems_of(american), "{british}");
        }
        for kept in [
            "advise",
            "exercise",
            "supervise",
            "enterprise",
            "raise",
            "cruise",
        ] {
            assert_eq!(american(kept), kept);
        }
    }

    #[test]
    fn case_and_diacritics_are_folded() {
        assert_eq!(fold("Café Gérant"), "cafe gerant");
        assert_eq!(stems_of("CAFÉ"), stems_of("cafe"));
        assert_eq!(stems_of("driver's"), stems_of("drivers"));
    }

    #[test]
    fn abbreviations_are_expanded_and_level_words_marked() {
        let words = |text: &str| -> Vec<(String, bool)> {
            terms(text).into_iter().map(|t| (t.word, t.level)).collect()
        };
        assert_eq!(
            words("Sr. Software Eng"),
            [
                ("senior".to_string(), true),
                ("software".to_string(), false),
                ("engineer".to_string(), false)
            ]
        );
        assert_eq!(words("IT manager")[0].0, "information");
        // `it` in lower case is a function word, not an acronym.
        assert_eq!(words("make it work").len(), 2);
        assert_eq!(stems("Senior Lead"), ["senior", "lead"]);
        assert_eq!(stems("Lead Engineer"), ["engin"]);
    }

    #[test]
    fn a_text_speaks_of_a_word_in_any_of_its_forms() {
        assert!(speaks_of("Sets the priorities", &stems("prioritisation")));
        assert!(speaks_of("Keeps the roadmap", &stems("roadmaps")));
        assert!(!speaks_of("Keeps the roadmap", &stems("budgets")));
        assert!(!speaks_of("Keeps the roadmap", &[]));
    }

    #[test]
    fn word_spans_lie_on_the_words() {
        let text = "Builds Roadmaps, mgr's plans";
        let spans = word_spans(text);
        let words: Vec<&str> = spans.iter().map(|(a, b, _)| &text[*a..*b]).collect();
        assert_eq!(words, ["Builds", "Roadmaps", "mgr's", "plans"]);
        assert_eq!(spans[1].2, ["roadmap"]);
    }

    #[test]
    fn function_words_and_single_letters_carry_nothing() {
        assert!(terms("the a of and").is_empty());
        assert_eq!(stems_of("K 12 teacher"), ["12", "teacher"]);
    }
}
