//! Checks a parsed dataset for what its types cannot express: unique slug ids, cited sources
//! that exist, skills and aspects from the vocabularies, sane salary figures.
//!
//! Every problem is collected (not only the first) and, where the YAML text allows, given the
//! line and column of the offending item, so `roles validate` can list them all as
//! `FILE:LINE:COLUMN: message`. `checker.rs` holds what every check reports to; the checks are
//! in `references.rs` (ids and what they name) and `figures.rs` (salary figures);
//! `positions.rs` finds an item in the text.

mod checker;
mod figures;
mod positions;
mod references;

use crate::model::Dataset;
use crate::problem::Problem;
use checker::{Checker, Known};
pub use checker::{FORMAT_VERSION, is_slug};
pub use figures::MAX_SALARY_AMOUNT;
use positions::Locator;

/// Every problem in `dataset`; `text` is the YAML it was parsed from, used only to find positions.
/// With a `base` (the built-in data a user's file is layered on), the file may cite the base's
/// sources, skills and aspects without listing them, and may reuse its ids to replace items.
pub fn check(dataset: &Dataset, text: &str, base: Option<&Dataset>) -> Vec<Problem> {
    let mut checker = Checker {
        dataset,
        base,
        locator: Locator::new(text),
        known: Known::new(dataset, base),
        problems: Vec::new(),
        unlisted: 0,
    };
    checker.run();
    if checker.unlisted > 0 {
        checker.problems.push(Problem::unlisted(checker.unlisted));
    }
    checker.problems
}
