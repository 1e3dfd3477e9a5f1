//! Salary figures as people read them: amounts with separators, and differences between figures
//! that can honestly be subtracted (same kind, currency and period).

use serde::Serialize;

use crate::model::{Caveat, Money, Period, SalaryFigure, SalaryKind};

/// `108042` in `USD` → `$108,042`, `44.40` → `$44.40`; other currencies keep their code
/// (`EUR 1,200`). Cents are shown exactly when there are any.
pub fn format_amount(amount: Money, currency: &str) -> String {
    format_money(amount, currency, false)
}

/// As [`format_amount`], with `.00` written out when `cents` is set (so the two ends of a range
/// read alike: `$14.00–$97.19`).
fn format_money(amount: Money, currency: &str, cents: bool) -> String {
    let mut grouped = group_thousands(amount.units());
    let part = amount.cents() % 100;
    if part != 0 || cents {
        grouped.push_str(&format!(".{part:02}"));
    }
    match currency {
        "USD" => format!("${grouped}"),
        "GBP" => format!("£{grouped}"),
        "EUR" => format!("€{grouped}"),
        other => format!("{other} {grouped}"),
    }
}

/// `3282010` → `3,282,010`: amounts and counts as people read them.
pub fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A signed difference with its currency: `+$15,000`, `−$9,603`, `+$0.35`.
pub fn format_delta(delta: Change, currency: &str) -> String {
    let sign = if delta.0 < 0 { "−" } else { "+" };
    let size = Money::from_cents(delta.0.unsigned_abs());
    format!("{sign}{}", format_amount(size, currency))
}

/// A difference between two amounts, in whole cents: exact, whatever the amounts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change(i64);

impl Change {
    /// `figure − baseline`, saturating (amounts are capped far below the limits by validation).
    pub fn between(figure: Money, baseline: Money) -> Change {
        let cents = |m: Money| i64::try_from(m.cents()).unwrap_or(i64::MAX);
        Change(cents(figure).saturating_sub(cents(baseline)))
    }

    /// True for no change at all.
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl std::fmt::Display for Change {
    /// As data: `-8447`, or `-12.05` when there are cents.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}{}", Money::from_cents(self.0.unsigned_abs()))
    }
}

impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::model::serialize_cents(i128::from(self.0), serializer)
    }
}

impl schemars::JsonSchema for Change {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Change".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "multipleOf": 0.01,
            "description": "A difference in currency units (negative when lower), to the cent."
        })
    }
}

/// The amount part of a figure: `$108,042/yr` or `$95,000–$130,000/yr`.
pub fn format_pay(figure: &SalaryFigure) -> String {
    let (low, high) = figure.bounds();
    let suffix = figure.period.map_or(" (no period stated)", Period::suffix);
    match figure.kind {
        SalaryKind::Average | SalaryKind::Median | SalaryKind::Percentile => {
            format!("{}{suffix}", format_amount(low, &figure.currency))
        }
        SalaryKind::Range => {
            let cents = low.cents() % 100 != 0 || high.cents() % 100 != 0;
            format!(
                "{}–{}{suffix}",
                format_money(low, &figure.currency, cents),
                format_money(high, &figure.currency, cents)
            )
        }
    }
}

/// One line for a figure: kind, amount, region and caveats (`average $108,042/yr`,
/// `range …, USA; illustrative only`), so a caveat goes wherever the figure goes.
pub fn describe_figure(figure: &SalaryFigure) -> String {
    let mut text = format!("{} {}", kind_words(figure), format_pay(figure));
    if let Some(region) = &figure.region {
        text.push_str(&format!(", {region}"));
    }
    if !figure.caveats.is_empty() {
        text.push_str(&format!("; {}", caveat_words(&figure.caveats)));
    }
    text
}

/// A figure's kind as words: `average`, `range`, `10th percentile`, `25th–75th percentile`.
pub fn kind_words(figure: &SalaryFigure) -> String {
    match (figure.kind, figure.percentile, figure.percentiles) {
        (SalaryKind::Percentile, Some(n), _) => format!("{n}{} percentile", ordinal_suffix(n)),
        (SalaryKind::Range, _, Some([low, high])) => format!(
            "{low}{}–{high}{} percentile",
            ordinal_suffix(low),
            ordinal_suffix(high)
        ),
        (kind, _, _) => kind.as_str().to_string(),
    }
}

fn ordinal_suffix(n: u8) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The caveats as words, joined: `illustrative only; currency inferred from "$"`.
pub fn caveat_words(caveats: &[Caveat]) -> String {
    caveats
        .iter()
        .map(|c| c.describe())
        .collect::<Vec<_>>()
        .join("; ")
}

/// How one figure differs from a comparable baseline figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SalaryDifference {
    /// `average` or `range`.
    pub kind: SalaryKind,
    /// Currency of both figures.
    pub currency: String,
    /// Change of the lower bound (the amount, for averages), figure minus baseline.
    pub low_delta: Change,
    /// Change of the upper bound (the amount, for averages), figure minus baseline.
    pub high_delta: Change,
    /// Source of the figure.
    pub source: String,
    /// Source of the baseline figure.
    pub baseline_source: String,
    /// True when one article gives both figures.
    pub same_source: bool,
    /// The pay period both figures share; absent when their source states none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Every caveat either figure carries, which the difference inherits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Caveat>,
}

impl SalaryDifference {
    /// `+$15,000 to +$20,000 (ranges, both po-pm-guide)` or
    /// `−$9,603 (averages, pm-dm vs dl-po: different articles)`.
    pub fn describe(&self) -> String {
        let amount = if self.low_delta.is_zero() && self.high_delta.is_zero() {
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
        let mut reservations = Vec::new();
        if self.period.is_none() {
            reservations.push("no pay period stated");
        }
        reservations.extend(self.caveats.iter().map(|c| c.describe()));
        let reservations: String = reservations.iter().map(|r| format!("; {r}")).collect();
        if self.same_source {
            format!("{amount} ({kinds}, both {}{reservations})", self.source)
        } else {
            format!(
                "{amount} ({kinds}, {} vs {}{reservations})",
                self.source, self.baseline_source
            )
        }
    }
}

/// Every difference between `figures` and `baseline` that can honestly be computed: each pair
/// [`SalaryFigure::comparable_with`] allows (one article's figures, or the same kind, currency,
/// period, region and stated method). Pairs from one article come first.
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
                        low_delta: Change::between(low, base_low),
                        high_delta: Change::between(high, base_high),
                        source: figure.source.clone(),
                        baseline_source: base.source.clone(),
                        same_source: figure.source == base.source,
                        period: figure.period,
                        caveats: {
                            let mut caveats = figure.caveats.clone();
                            caveats.extend(
                                base.caveats.iter().filter(|c| !figure.caveats.contains(c)),
                            );
                            caveats
                        },
                    }
                })
        })
        .collect();
    differences.sort_by_key(|d| !d.same_source);
    differences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn average(amount: u64, source: &str) -> SalaryFigure {
        SalaryFigure {
            kind: SalaryKind::Average,
            amount: Some(Money::from_units(amount)),
            min: None,
            max: None,
            percentile: None,
            percentiles: None,
            currency: "USD".into(),
            period: Some(Period::Year),
            region: None,
            note: None,
            caveats: Vec::new(),
            method: None,
            source: source.into(),
        }
    }

    fn range(min: u64, max: u64, source: &str) -> SalaryFigure {
        SalaryFigure {
            kind: SalaryKind::Range,
            amount: None,
            min: Some(Money::from_units(min)),
            max: Some(Money::from_units(max)),
            ..average(0, source)
        }
    }

    #[test]
    fn amounts_get_thousands_separators_and_symbol() {
        assert_eq!(format_amount(Money::from_units(108_042), "USD"), "$108,042");
        assert_eq!(format_amount(Money::from_units(999), "USD"), "$999");
        assert_eq!(format_amount(Money::from_cents(4440), "USD"), "$44.40");
        assert_eq!(
            format_amount(Money::from_cents(123_456_705), "USD"),
            "$1,234,567.05"
        );
        assert_eq!(
            format_amount(Money::from_units(1_000_000), "CHF"),
            "CHF 1,000,000"
        );
        let (low, high) = (Money::from_units(98_439), Money::from_units(108_042));
        assert_eq!(format_delta(Change::between(low, high), "USD"), "−$9,603");
        let (low, high) = (Money::from_cents(4440), Money::from_cents(4405));
        assert_eq!(format_delta(Change::between(low, high), "USD"), "+$0.35");
        assert_eq!(Change::between(high, low).to_string(), "-0.35");
    }

    #[test]
    fn ranges_from_one_article_differ_like_for_like() {
        let differences = salary_differences(
            &[range(110_000, 150_000, "g"), average(98_439, "a")],
            &[average(108_042, "b"), range(95_000, 130_000, "g")],
        );
        let described: Vec<String> = differences.iter().map(|d| d.describe()).collect();
        assert_eq!(described, ["+$15,000 to +$20,000 (ranges, both g)"]);
    }

    #[test]
    fn figures_of_two_sources_differ_only_when_they_state_one_method() {
        let (mut a, mut b) = (average(98_439, "a"), average(108_042, "b"));
        assert!(salary_differences(&[a.clone()], &[b.clone()]).is_empty());
        a.method = Some("survey".into());
        b.method = Some("survey".into());
        let described: Vec<String> = salary_differences(&[a], &[b])
            .iter()
            .map(|d| d.describe())
            .collect();
        assert_eq!(described, ["−$9,603 (averages, a vs b)"]);
    }

    #[test]
    fn a_difference_carries_its_figures_caveats() {
        let mut low = range(95_000, 130_000, "g");
        low.period = None;
        low.caveats = vec![Caveat::Illustrative];
        let mut high = range(110_000, 150_000, "g");
        high.period = None;
        high.caveats = vec![Caveat::Illustrative];
        let differences = salary_differences(&[high], &[low.clone()]);
        assert_eq!(
            differences
                .first()
                .map(|d| d.describe())
                .unwrap_or_default(),
            "+$15,000 to +$20,000 (ranges, both g; no pay period stated; illustrative only)"
        );
        assert!(describe_figure(&low).ends_with("; illustrative only"));
    }

    #[test]
    fn figures_of_different_kinds_give_no_difference() {
        assert!(salary_differences(&[average(1, "a")], &[range(1, 2, "a")]).is_empty());
    }
}
