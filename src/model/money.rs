//! Money and salary figures, exactly as a source states them: amounts in whole cents, the kind
//! of figure, its period, and the caveats that travel with it.

use serde::{Deserialize, Serialize};

use super::form::{compact, none_listed, omitted};

/// Whether a figure is a single average, a median or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SalaryKind {
    /// One amount, stated as an average (a mean).
    Average,
    /// One amount, the middle of the distribution (half earn more, half less).
    Median,
    /// A minimum and a maximum.
    Range,
    /// One amount at a stated percentile (`percentile: 10`: a tenth earn less).
    Percentile,
}

impl SalaryKind {
    /// The word used in the data format, tables and CSV: `average`, `median` or `range`.
    pub fn as_str(self) -> &'static str {
        match self {
            SalaryKind::Average => "average",
            SalaryKind::Median => "median",
            SalaryKind::Range => "range",
            SalaryKind::Percentile => "percentile",
        }
    }

    /// The plural, for describing a difference between two figures of this kind.
    pub fn plural(self) -> &'static str {
        match self {
            SalaryKind::Average => "averages",
            SalaryKind::Median => "medians",
            SalaryKind::Range => "ranges",
            SalaryKind::Percentile => "percentiles",
        }
    }
}

/// The period a salary amount is paid over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Per year.
    Year,
    /// Per month.
    Month,
    /// Per week.
    Week,
    /// Per day.
    Day,
    /// Per hour.
    Hour,
}

impl Period {
    /// The word used in the data format and CSV, e.g. `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Month => "month",
            Period::Week => "week",
            Period::Day => "day",
            Period::Hour => "hour",
        }
    }

    /// The short suffix shown after an amount, e.g. `/yr`.
    pub fn suffix(self) -> &'static str {
        match self {
            Period::Year => "/yr",
            Period::Month => "/mo",
            Period::Week => "/wk",
            Period::Day => "/day",
            Period::Hour => "/hr",
        }
    }
}

/// One salary figure exactly as one source states it.
///
/// Kept flat (rather than an enum per kind) so unknown fields are still rejected; the validator
/// checks that an average has `amount` and a range has `min` and `max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SalaryFigure {
    /// Average or range.
    pub kind: SalaryKind,
    /// The average, for `kind: average`.
    #[serde(default, skip_serializing_if = "omitted")]
    pub amount: Option<Money>,
    /// The bottom of a range.
    #[serde(default, skip_serializing_if = "omitted")]
    pub min: Option<Money>,
    /// The top of a range.
    #[serde(default, skip_serializing_if = "omitted")]
    pub max: Option<Money>,
    /// Which percentile, for `kind: percentile` (1 to 99).
    #[serde(default, skip_serializing_if = "omitted")]
    pub percentile: Option<u8>,
    /// The percentiles a range runs between, when it is a percentile range (`[10, 90]`).
    #[serde(default, skip_serializing_if = "omitted")]
    pub percentiles: Option<[u8; 2]>,
    /// ISO 4217 code, e.g. `USD`.
    pub currency: String,
    /// What the amount is paid over; absent when the source does not say.
    #[serde(default, skip_serializing_if = "omitted")]
    pub period: Option<Period>,
    /// Where the figure applies, when the source says.
    #[serde(default, skip_serializing_if = "omitted")]
    pub region: Option<String>,
    /// Anything the source adds about the figure (e.g. what pay depends on).
    #[serde(default, skip_serializing_if = "omitted")]
    pub note: Option<String>,
    /// What the figure's reader must know before using it (illustrative, currency inferred);
    /// every view that shows the figure shows these.
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub caveats: Vec<Caveat>,
    /// How the source arrived at the figure (a named survey), when it says. Figures from
    /// different sources are subtracted only when their methods are stated and the same.
    #[serde(default, skip_serializing_if = "omitted")]
    pub method: Option<String>,
    /// Id of the one source that states the figure.
    pub source: String,
}

/// An amount of money, held as a whole number of cents (of whatever currency the figure is
/// in), so no sum, difference or comparison is ever rounded.
///
/// In the data it is a number of currency units: `108042` or `44.40`; more than two decimal
/// places is refused, as no source states fractions of a cent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(u64);

impl Money {
    /// A whole number of currency units.
    pub fn from_units(units: u64) -> Money {
        Money(units.saturating_mul(100))
    }

    /// An amount in cents.
    pub fn from_cents(cents: u64) -> Money {
        Money(cents)
    }

    /// The amount in cents.
    pub fn cents(self) -> u64 {
        self.0
    }

    /// Whole currency units, dropping cents (for scales and bars, never for figures shown).
    pub fn units(self) -> u64 {
        self.0 / 100
    }

    /// Parses a published amount such as `44.40` or `108042` exactly, as decimal text.
    pub fn parse(text: &str) -> Option<Money> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !(fraction.is_empty() || digits(fraction)) || fraction.len() > 2 {
            return None;
        }
        let units: u64 = whole.parse().ok()?;
        let cents: u64 = format!("{fraction:0<2}").parse().ok()?;
        units.checked_mul(100)?.checked_add(cents).map(Money)
    }
}

impl std::fmt::Display for Money {
    /// As the data writes it: `108042`, or `44.40` when there are cents.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 % 100 {
            0 => write!(f, "{}", self.0 / 100),
            cents => write!(f, "{}.{cents:02}", self.0 / 100),
        }
    }
}

/// Cents as a JSON or YAML number of currency units: an integer when whole, else a decimal
/// that reads back to the same cents.
pub fn serialize_cents<S: serde::Serializer>(
    cents: i128,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if cents % 100 == 0 {
        match i64::try_from(cents / 100) {
            Ok(units) if units >= 0 => serializer.serialize_u64(units.unsigned_abs()),
            Ok(units) => serializer.serialize_i64(units),
            Err(_) => serializer.serialize_f64(cents as f64 / 100.0),
        }
    } else {
        serializer.serialize_f64(cents as f64 / 100.0)
    }
}

impl Serialize for Money {
    /// Whole amounts as integers; others as a decimal number, which reads back to the same cents.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_cents(i128::from(self.0), serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount of money, not negative, with at most two decimal places")
            }
            fn visit_u64<E: serde::de::Error>(self, units: u64) -> Result<Money, E> {
                units
                    .checked_mul(100)
                    .map(Money)
                    .ok_or_else(|| E::custom("the amount is too large"))
            }
            fn visit_i64<E: serde::de::Error>(self, units: i64) -> Result<Money, E> {
                let units = u64::try_from(units)
                    .map_err(|_| E::custom("an amount of money cannot be negative"))?;
                self.visit_u64(units)
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Money, E> {
                // The nearest cent, accepted only when the number is that many cents: a
                // decimal like 44.40 is within a rounding error of 4440 cents.
                let cents = (value * 100.0).round();
                let exact = (value * 100.0 - cents).abs() < 1e-6;
                if !(value.is_finite() && value >= 0.0 && cents < 1e17) {
                    return Err(E::custom("the amount is not a plausible amount of money"));
                }
                if !exact {
                    return Err(E::custom(
                        "an amount has at most two decimal places (cents)",
                    ));
                }
                Ok(Money(cents as u64))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Money, E> {
                Money::parse(text.trim())
                    .ok_or_else(|| E::custom("expected an amount such as 108042 or 44.40"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "multipleOf": 0.01,
            "description": "An amount in currency units, with at most two decimal places (cents)."
        })
    }
}

/// A reservation that travels with a salary figure wherever it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Caveat {
    /// The source gives the figure for illustration only.
    Illustrative,
    /// The source prints only a `$`; the currency code is our reading of it.
    CurrencyInferred,
}

impl Caveat {
    /// The words shown beside a figure.
    pub fn describe(self) -> &'static str {
        match self {
            Caveat::Illustrative => "illustrative only",
            Caveat::CurrencyInferred => "currency inferred from \"$\"",
        }
    }
}

impl SalaryFigure {
    /// Lowest and highest amount; an average is both. A figure the validator would reject
    /// (missing amounts) reads as zero rather than panicking.
    pub fn bounds(&self) -> (Money, Money) {
        match self.kind {
            SalaryKind::Average | SalaryKind::Median | SalaryKind::Percentile => {
                let amount = self.amount.unwrap_or_default();
                (amount, amount)
            }
            SalaryKind::Range => (self.min.unwrap_or_default(), self.max.unwrap_or_default()),
        }
    }

    /// Why two figures cannot honestly be subtracted, or `None` when they can: they must be
    /// of one kind, currency and period, and either come from one source or share region and
    /// a stated method.
    pub fn incomparable_with(&self, other: &SalaryFigure) -> Option<&'static str> {
        if self.kind != other.kind || self.percentile != other.percentile {
            Some("the figures are of different kinds")
        } else if self.currency != other.currency {
            Some("the figures are in different currencies")
        } else if self.period != other.period {
            Some("the figures cover different pay periods")
        } else if self.source == other.source {
            None
        } else if self.region != other.region {
            Some("the figures cover different regions")
        } else if self.method.is_none() || self.method != other.method {
            Some("the figures come from different sources, with no common method stated")
        } else {
            None
        }
    }

    /// True when two figures can be subtracted meaningfully (see [`Self::incomparable_with`]).
    pub fn comparable_with(&self, other: &SalaryFigure) -> bool {
        self.incomparable_with(other).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(kind: SalaryKind) -> SalaryFigure {
        SalaryFigure {
            kind,
            amount: Some(Money::from_units(100)),
            min: Some(Money::from_units(90)),
            max: Some(Money::from_units(120)),
            percentile: None,
            percentiles: None,
            currency: "USD".into(),
            period: Some(Period::Year),
            region: None,
            note: None,
            caveats: Vec::new(),
            method: None,
            source: "s".into(),
        }
    }

    #[test]
    fn average_bounds_are_the_amount_and_range_bounds_are_min_max() {
        let m = Money::from_units;
        assert_eq!(figure(SalaryKind::Average).bounds(), (m(100), m(100)));
        assert_eq!(figure(SalaryKind::Range).bounds(), (m(90), m(120)));
    }

    #[test]
    fn figures_of_different_kinds_are_not_comparable() {
        let average = figure(SalaryKind::Average);
        assert!(average.comparable_with(&figure(SalaryKind::Average)));
        assert!(!average.comparable_with(&figure(SalaryKind::Range)));
    }
}
