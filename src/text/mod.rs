//! Words as every lookup compares them, and the texts a role has.
//!
//! `analyzer.rs` is the one analyzer behind every lookup: Unicode words folded to lower case
//! without diacritics, British spellings read the American way, common abbreviations of job
//! titles expanded, level words (senior, junior, lead …) kept apart from the occupation's own
//! words, and English stems (Porter2), with `words.rs` holding its word lists. `grams.rs` finds
//! a known word for a misspelt one by character trigrams; `index.rs` is the word and title
//! index `roles code` ranks roles by. `find.rs` is search's literal matching and role texts.

mod analyzer;
mod find;
mod grams;
pub mod index;
mod score;
mod stored;
mod words;

pub use analyzer::{Term, fold, same_stem, speaks_of, stems, terms, word_spans};
pub use find::{
    RoleText, and_list, capitalised, find_ignoring_case, possessive, role_texts, whole_words,
};
pub use grams::Trigrams;
pub use score::{Scorer, Scores};
