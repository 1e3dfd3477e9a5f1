//! Salary figures as people read them: amounts with separators, and differences between figures
//! that can honestly be subtracted (same kind, currency and period).

use serde::Serialize;

use crate::model::{Period, SalaryFigure, SalaryKind};

/// `108042` in `USD` → `$108,042`; other currencies keep their code (`EUR 1,200`).
pub fn format_amount(amount: u64, currency: &str) -> String {
    let digits = amount.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match currency {
        "USD" => format!("${grouped}"),
        "GBP" => format!("£{grouped}"),
        "EUR" => format!("€{grouped}"),
        other => format!("{other} {grouped}"),
    }
}

/// A signed difference with its currency: `+$15,000`, `−$9,603`.
pub fn format_delta(delta: i64, currency: &str) -> String {
    let sign = if delta < 0 { "−" } else { "+" };
    format!("{sign}{}", format_amount(delta.unsigned_abs(), currency))
}

/// The amount part of a figure: `$108,042/yr` or `$95,000–$130,000/yr`.
pub fn format_pay(figure: &SalaryFigure) -> String {
    let (low, high) = figure.bounds();
    let suffix = figure.period.map_or(" (no period stated)", Period::suffix);
    match figure.kind {
        SalaryKind::Average | SalaryKind::Median => {
            format!("{}{suffix}", format_amount(low, &figure.currency))
        }
        SalaryKind::Range => format!(
            "{}–{}{suffix}",
            format_amount(low, &figure.currency),
            format_amount(high, &figure.currency)
        ),
    }
}

/// One line for a figure: kind, amount and region (`average $108,042/yr`, `range …, USA`).
pub fn describe_figure(figure: &SalaryFigure) -> String {
    let mut text = format!("{} {}", figure.kind.as_str(), format_pay(figure));
    if let Some(region) = &figure.region {
        text.push_str(&format!(", {region}"));
    }
    text
}

/// How one figure differs from a comparable baseline figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SalaryDifference {
    /// `average` or `range`.
    pub kind: SalaryKind,
    /// Currency of both figures.
    pub currency: String,
    /// Change of the lower bound (the amount, for averages), figure minus baseline.
    pub low_delta: i64,
    /// Change of the upper bound (the amount, for averages), figure minus baseline.
    pub high_delta: i64,
    /// Source of the figure.
    pub source: String,
    /// Source of the baseline figure.
    pub baseline_source: String,
    /// True when one article gives both figures, so the difference is like for like.
    pub same_source: bool,
}

impl SalaryDifference {
    /// `+$15,000 to +$20,000 (ranges, both po-pm-guide)` or
    /// `−$9,603 (averages, pm-dm vs dl-po: different articles)`.
    pub fn describe(&self) -> String {
        let amount = if self.low_delta == 0 && self.high_delta == 0 {
            // Often one group figure given for two occupations (O*NET's, from one OEWS row).
            "no difference".to_string()
        } else if self.low_delta == self.high_delta {
            format_delta(self.low_delta, &self.currency)
        } else {
            format!(
                "{} to {}",
                format_delta(self.low_delta, &self.currency),
                format_delta(self.high_delta, &self.currency)
            )
        };
        let kinds = self.kind.plural();
        if self.same_source {
            format!("{amount} ({kinds}, both {})", self.source)
        } else {
            format!(
                "{amount} ({kinds}, {} vs {}: different articles)",
                self.source, self.baseline_source
            )
        }
    }
}

/// Every difference between `figures` and `baseline` that can honestly be computed: each pair of
/// the same kind, currency and period. Pairs from one article come first.
pub fn salary_differences(
    figures: &[SalaryFigure],
    baseline: &[SalaryFigure],
) -> Vec<SalaryDifference> {
    let mut differences: Vec<SalaryDifference> = figures
        .iter()
        .flat_map(|figure| {
            baseline
                .iter()
                .filter(|base| figure.comparable_with(base))
                .map(move |base| {
                    let (low, high) = figure.bounds();
                    let (base_low, base_high) = base.bounds();
                    SalaryDifference {
                        kind: figure.kind,
                        currency: figure.currency.clone(),
                        low_delta: signed(low) - signed(base_low),
                        high_delta: signed(high) - signed(base_high),
                        source: figure.source.clone(),
                        baseline_source: base.source.clone(),
                        same_source: figure.source == base.source,
                    }
                })
        })
        .collect();
    differences.sort_by_key(|d| !d.same_source);
    differences
}

/// Amounts are capped far below `i64::MAX` by validation; saturate rather than wrap regardless.
fn signed(amount: u64) -> i64 {
    i64::try_from(amount).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn average(amount: u64, source: &str) -> SalaryFigure {
        SalaryFigure {
            kind: SalaryKind::Average,
            amount: Some(amount),
            min: None,
            max: None,
            currency: "USD".into(),
            period: Some(Period::Year),
            region: None,
            note: None,
            source: source.into(),
        }
    }

    fn range(min: u64, max: u64, source: &str) -> SalaryFigure {
        SalaryFigure {
            kind: SalaryKind::Range,
            amount: None,
            min: Some(min),
            max: Some(max),
            ..average(0, source)
        }
    }

    #[test]
    fn amounts_get_thousands_separators_and_symbol() {
        assert_eq!(format_amount(108_042, "USD"), "$108,042");
        assert_eq!(format_amount(999, "USD"), "$999");
        assert_eq!(format_amount(1_000_000, "CHF"), "CHF 1,000,000");
        assert_eq!(format_delta(-9_603, "USD"), "−$9,603");
    }

    #[test]
    fn ranges_from_one_article_differ_like_for_like() {
        let differences = salary_differences(
            &[range(110_000, 150_000, "g"), average(98_439, "a")],
            &[average(108_042, "b"), range(95_000, 130_000, "g")],
        );
        let described: Vec<String> = differences.iter().map(|d| d.describe()).collect();
        assert_eq!(
            described,
            [
                "+$15,000 to +$20,000 (ranges, both g)",
                "−$9,603 (averages, a vs b: different articles)"
            ]
        );
    }

    #[test]
    fn figures_of_different_kinds_give_no_difference() {
        assert!(salary_differences(&[average(1, "a")], &[range(1, 2, "a")]).is_empty());
    }
}
