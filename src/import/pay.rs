//! OEWS wage estimates as salary figures and headcounts, exactly as published: a top-coded
//! (`#`) or suppressed (`*`) cell is never a number, and a group's figures say so.

use super::oews::{Cell, Estimates, WageFile, Wages};
use crate::figures::format_amount;
use crate::model::{Headcount, Money, Period, SalaryFigure, SalaryKind};

/// The wage row for an O*NET code: its own SOC code, else the broad group that includes it.
/// Also says, for the figures' notes, when the row is not the occupation's own.
fn wage_row<'a>(file: &'a WageFile, code: &str) -> Option<(&'a Wages, Option<String>)> {
    let soc = code.split('.').next().unwrap_or(code);
    if let Some(row) = file.rows.get(soc) {
        let label = (!code.ends_with(".00"))
            .then(|| format!("which includes O*NET {code}; OEWS does not estimate {code} alone"));
        return Some((row, label));
    }
    let broad = format!("{}0", &soc[..soc.len().saturating_sub(1)]);
    let row = file.rows.get(&broad)?;
    Some((
        row,
        Some(format!(
            "the broad group that includes SOC {soc}; OEWS does not estimate {soc} alone"
        )),
    ))
}

/// Wage estimates named together, with the verb that agrees: (`75th and 90th percentiles`,
/// `are`), (`mean`, `is`), (`median and 90th percentile`, `are`).
fn wage_names(names: &[&str]) -> (String, &'static str) {
    use crate::text::and_list as listed;
    let (percentiles, others): (Vec<&str>, Vec<&str>) =
        names.iter().partition(|n| n.ends_with("th"));
    let percentiles = match percentiles.as_slice() {
        [] => String::new(),
        [one] => format!("{one} percentile"),
        many => format!("{} percentiles", listed(many)),
    };
    let others = listed(&others);
    let text = match (others.is_empty(), percentiles.is_empty()) {
        (false, false) => format!("{others} and the {percentiles}"),
        (false, true) => others,
        _ => percentiles,
    };
    (text, if names.len() == 1 { "is" } else { "are" })
}

/// The employment OEWS counts for the occupation (or the group that includes it), as published.
pub(super) fn employment(file: &WageFile, code: &str, source: &str) -> Vec<Headcount> {
    let Some((row, label)) = wage_row(file, code) else {
        return Vec::new();
    };
    let Some(count) = row.employment else {
        return Vec::new();
    };
    let mut note = format!("All industries, SOC {} {}", row.code, row.title);
    if let Some(label) = label {
        note.push_str(&format!(", {label}"));
    }
    vec![Headcount {
        count,
        note: Some(note),
        source: source.to_string(),
    }]
}

/// Mean, median, the 10th–90th and 25th–75th percentile ranges (or each percentile alone, when the other
/// is top-coded or not published), where OEWS publishes numbers for them: annual figures, and
/// hourly ones for an occupation OEWS pays by the hour only. Also whether they are a group's
/// that includes the occupation rather than its own.
pub(super) fn salary(file: &WageFile, code: &str, source: &str) -> (Vec<SalaryFigure>, bool) {
    let Some((row, label)) = wage_row(file, code) else {
        return (Vec::new(), false);
    };
    let from_group = label.is_some();
    let mut figures = Vec::new();
    let periods = [
        (Period::Year, &row.annual, file.top_code, "annual"),
        (Period::Hour, &row.hourly, file.hourly_top_code, "hourly"),
    ];
    for (period, estimates, top_code, adjective) in periods {
        // Hourly figures where they are the only ones: elsewhere they are the annual ones
        // divided by 2,080 hours, and would only repeat them.
        if period == Period::Hour && !row.hourly_only {
            continue;
        }
        let gaps = gaps(row, estimates, top_code, adjective);
        let note = |what: &str| {
            let mut text = format!("{what}All industries, SOC {} {}", row.code, row.title);
            if let Some(label) = &label {
                text.push_str(&format!(", {label}"));
            }
            for gap in &gaps {
                text.push_str(&format!("; {gap}"));
            }
            text
        };
        let figure = |kind, amount, (min, max), percentile, note: String| SalaryFigure {
            kind,
            amount,
            min,
            max,
            percentile,
            percentiles: None,
            currency: "USD".to_string(),
            period: Some(period),
            region: Some("USA".to_string()),
            note: Some(note),
            caveats: Vec::new(),
            method: Some("BLS OEWS national estimate".to_string()),
            source: source.to_string(),
        };
        if let Cell::Amount(mean) = estimates.mean {
            figures.push(figure(
                SalaryKind::Average,
                Some(mean),
                (None, None),
                None,
                note(""),
            ));
        }
        if let Cell::Amount(median) = estimates.median {
            figures.push(figure(
                SalaryKind::Median,
                Some(median),
                (None, None),
                None,
                note(""),
            ));
        }
        // Each pair of percentiles is a range; where one end is `#` or `*`, the other is kept
        // alone, as its own cell is a number.
        let pairs = [
            ([10, 90], estimates.pct10, estimates.pct90),
            ([25, 75], estimates.pct25, estimates.pct75),
        ];
        for (percentiles, low, high) in pairs {
            match (low, high) {
                (Cell::Amount(low), Cell::Amount(high)) => figures.push(SalaryFigure {
                    percentiles: Some(percentiles),
                    ..figure(
                        SalaryKind::Range,
                        None,
                        (Some(low), Some(high)),
                        None,
                        note(""),
                    )
                }),
                (low, high) => {
                    for (number, cell) in [(percentiles[0], low), (percentiles[1], high)] {
                        if let Cell::Amount(amount) = cell {
                            figures.push(figure(
                                SalaryKind::Percentile,
                                Some(amount),
                                (None, None),
                                Some(number),
                                note(""),
                            ));
                        }
                    }
                }
            }
        }
    }
    (figures, from_group)
}

/// What the figures of one period leave out, in words: estimates top-coded or unpublished,
/// and a period OEWS does not release.
fn gaps(
    row: &Wages,
    estimates: &Estimates,
    top_code: Option<Money>,
    adjective: &str,
) -> Vec<String> {
    let mut gaps = Vec::new();
    let (mut top_coded, mut unpublished) = (Vec::new(), Vec::new());
    for (what, cell) in [
        ("mean", estimates.mean),
        ("median", estimates.median),
        ("10th", estimates.pct10),
        ("25th", estimates.pct25),
        ("75th", estimates.pct75),
        ("90th", estimates.pct90),
    ] {
        match cell {
            Cell::TopCoded => top_coded.push(what),
            Cell::NotAvailable => unpublished.push(what),
            Cell::Amount(_) => {}
        }
    }
    if !top_coded.is_empty() {
        let (what, verb) = wage_names(&top_coded);
        gaps.push(match top_code {
            Some(top) => format!(
                "the {what} {verb} at or above {}, the highest {adjective} wage OEWS publishes",
                format_amount(top, "USD")
            ),
            None => format!("the {what} {verb} at or above the highest wage OEWS publishes"),
        });
    }
    if !unpublished.is_empty() {
        let (what, _) = wage_names(&unpublished);
        gaps.push(format!("OEWS publishes no {adjective} {what}"));
    }
    if row.hourly_only {
        gaps.push("OEWS releases only hourly wages for this occupation".to_string());
    }
    if row.annual_only {
        gaps.push("OEWS releases only annual wages for this occupation".to_string());
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn wage_names_read_as_one_phrase() {
        assert_eq!(wage_names(&["mean"]), ("mean".to_string(), "is"));
        assert_eq!(
            wage_names(&["75th", "90th"]),
            ("75th and 90th percentiles".to_string(), "are")
        );
        assert_eq!(
            wage_names(&["median", "10th", "25th", "90th"]),
            (
                "median and the 10th, 25th and 90th percentiles".to_string(),
                "are"
            )
        );
    }
    #[test]
    fn a_top_coded_or_missing_wage_is_never_a_number() {
        let mut file = WageFile {
            release: "May 2024".into(),
            top_code: Some(Money::from_units(239_200)),
            hourly_top_code: None,
            rows: HashMap::new(),
        };
        file.rows.insert(
            "29-1211".into(),
            Wages {
                code: "29-1211".into(),
                title: "Anesthesiologists".into(),
                annual: Estimates {
                    mean: Cell::Amount(Money::from_units(336_640)),
                    median: Cell::TopCoded,
                    pct10: Cell::Amount(Money::from_units(124_450)),
                    pct25: Cell::Amount(Money::from_units(231_280)),
                    pct75: Cell::TopCoded,
                    pct90: Cell::TopCoded,
                },
                ..Wages::default()
            },
        );
        let (figures, from_group) = salary(&file, "29-1211.00", "oews");
        assert!(!from_group);
        // The mean, and the 10th and 25th percentiles alone: their own cells are numbers.
        assert_eq!(figures.len(), 3, "{figures:?}");
        assert_eq!(figures[0].amount, Some(Money::from_units(336_640)));
        assert_eq!(figures[1].kind, SalaryKind::Percentile);
        assert_eq!(figures[1].percentile, Some(10));
        assert_eq!(figures[1].amount, Some(Money::from_units(124_450)));
        assert_eq!(figures[2].percentile, Some(25));
        assert_eq!(figures[2].amount, Some(Money::from_units(231_280)));
        let note = figures[0].note.clone().unwrap_or_default();
        assert!(
            note.contains("the median and the 75th and 90th percentiles are at or above $239,200"),
            "{note}"
        );
        assert!(salary(&file, "29-1299.00", "oews").0.is_empty());
    }
    #[test]
    fn a_code_without_its_own_row_takes_the_broad_group_clearly_labelled() {
        let mut file = WageFile::default();
        file.rows.insert(
            "13-1020".into(),
            Wages {
                code: "13-1020".into(),
                title: "Buyers and Purchasing Agents".into(),
                annual: Estimates {
                    median: Cell::Amount(Money::from_units(71_950)),
                    ..Estimates::default()
                },
                ..Wages::default()
            },
        );
        let (figures, from_group) = salary(&file, "13-1021.00", "oews");
        assert!(from_group);
        let note = figures[0].note.clone().unwrap_or_default();
        assert!(
            note.contains("SOC 13-1020 Buyers and Purchasing Agents, the broad group that includes SOC 13-1021"),
            "{note}"
        );
    }
}
