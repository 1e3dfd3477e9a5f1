//! The checks of a salary figure: its shape for its kind, its bounds, its amounts, currency and
//! source.

use super::checker::{Checker, Vocabulary};
use crate::model::{Money, Role, SalaryFigure, SalaryKind};
use crate::problem::Problem;

/// Largest amount accepted in a salary figure; anything above is a typo, not a salary.
pub const MAX_SALARY_AMOUNT: u64 = 100_000_000;

impl Checker<'_> {
    pub(super) fn check_salary(
        &mut self,
        index: usize,
        role: &Role,
        number: usize,
        figure: &SalaryFigure,
    ) {
        let id = &role.id;
        let locator = &self.locator;
        let key_at = |key: &str| {
            locator
                .figure_key(index, number, key)
                .or_else(|| locator.word_in_item("roles", index, "salary"))
        };
        let mut found = Vec::new();
        let shape_error = shape_error(figure);
        if let Some(message) = shape_error {
            report(
                &mut found,
                key_at("kind"),
                format!("role '{id}': {message}"),
            );
        }
        let (low, high) = figure.bounds();
        if low > high {
            report(
                &mut found,
                key_at("min"),
                format!("role '{id}': salary range min {low} is above max {high}"),
            );
        }
        let amounts = [
            ("amount", figure.amount),
            ("min", figure.min),
            ("max", figure.max),
        ];
        for (key, amount) in amounts {
            let Some(amount) = amount else { continue };
            if amount < Money::from_units(1) || amount > Money::from_units(MAX_SALARY_AMOUNT) {
                report(
                    &mut found,
                    key_at(key),
                    format!(
                        "role '{id}': salary amount {amount} is not plausible (expected 1 to {MAX_SALARY_AMOUNT})"
                    ),
                );
            }
        }
        let currency = &figure.currency;
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            report(
                &mut found,
                key_at("currency"),
                format!("role '{id}': currency '{currency}' is not a three-letter code like USD"),
            );
        }
        if !self.knows_source(&figure.source) {
            let source_hint = self.hint(Vocabulary::Sources, &figure.source);
            report(
                &mut found,
                key_at("source"),
                format!(
                    "role '{id}': salary figure cites source '{}', which is not listed under sources{source_hint}",
                    figure.source
                ),
            );
        }
        for problem in found {
            self.keep(problem);
        }
    }
}

/// What is wrong with a figure's shape for its kind (fields it needs or must not have).
fn shape_error(figure: &SalaryFigure) -> Option<&'static str> {
    match figure.kind {
        SalaryKind::Average | SalaryKind::Median if figure.amount.is_none() => {
            Some("an average or median figure needs `amount`")
        }
        SalaryKind::Average | SalaryKind::Median
            if figure.min.is_some() || figure.max.is_some() =>
        {
            Some("an average or median figure takes `amount`, not `min`/`max`")
        }
        SalaryKind::Range if figure.min.is_none() || figure.max.is_none() => {
            Some("a range figure needs both `min` and `max`")
        }
        SalaryKind::Percentile if figure.amount.is_none() => {
            Some("a percentile figure needs `amount`")
        }
        SalaryKind::Percentile if !figure.percentile.is_some_and(|p| (1..=99).contains(&p)) => {
            Some("a percentile figure needs `percentile`, from 1 to 99")
        }
        SalaryKind::Average | SalaryKind::Median | SalaryKind::Range
            if figure.percentile.is_some() =>
        {
            Some("only a percentile figure takes `percentile`")
        }
        SalaryKind::Average | SalaryKind::Median | SalaryKind::Percentile
            if figure.percentiles.is_some() =>
        {
            Some("only a range takes `percentiles`")
        }
        SalaryKind::Range
            if figure
                .percentiles
                .is_some_and(|[low, high]| !(1 <= low && low < high && high <= 99)) =>
        {
            Some("a range's `percentiles` are two, rising, from 1 to 99 (`[10, 90]`)")
        }
        SalaryKind::Range if figure.amount.is_some() => {
            Some("a range figure takes `min` and `max`, not `amount`")
        }
        _ => None,
    }
}

fn report(problems: &mut Vec<Problem>, position: Option<(usize, usize)>, message: String) {
    problems.push(Problem::at(position, message));
}
