//! Reading the BLS Occupational Employment and Wage Statistics national file
//! (`national_M2024_dl.xlsx` and its like) into annual wage figures by SOC code.
//!
//! OEWS marks a wage at or above its top code with `#` and a suppressed estimate with `*`.
//! Neither becomes a number here: such a figure is left out and its absence is said.

use std::collections::HashMap;
use std::path::Path;

use anyhow::bail;

use super::archive::{Bundle, is_zip};
use super::table::Table;
use crate::model::Money;

/// One occupation's national wages, as published (`None` where OEWS gives no number).
#[derive(Debug, Clone, Default)]
pub struct Wages {
    /// SOC code of the row, e.g. `13-1082`.
    pub code: String,
    /// SOC title of the row.
    pub title: String,
    /// Annual wages.
    pub annual: Estimates,
    /// Hourly wages.
    pub hourly: Estimates,
    /// True when OEWS releases only hourly wages for the occupation (`HOURLY` is `TRUE`).
    pub hourly_only: bool,
    /// True when OEWS releases only annual wages for it (`ANNUAL` is `TRUE`).
    pub annual_only: bool,
    /// Employment (`TOT_EMP`), when published.
    pub employment: Option<u64>,
}

/// The estimates for one pay period.
#[derive(Debug, Clone, Copy, Default)]
pub struct Estimates {
    /// Mean wage.
    pub mean: Cell,
    /// Median wage.
    pub median: Cell,
    /// 10th percentile wage.
    pub pct10: Cell,
    /// 25th percentile wage.
    pub pct25: Cell,
    /// 75th percentile wage.
    pub pct75: Cell,
    /// 90th percentile wage.
    pub pct90: Cell,
}

/// A published wage cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cell {
    /// An amount, to the cent as published.
    Amount(Money),
    /// `#`: at or above the top-coded wage.
    TopCoded,
    /// `*` or empty: no estimate published.
    #[default]
    NotAvailable,
}

/// The wage file: which release, its top code, and rows by SOC code.
#[derive(Debug, Default)]
pub struct WageFile {
    /// E.g. `May 2024`.
    pub release: String,
    /// The annual top code the file states (`$239,200 per year`), when it states one.
    pub top_code: Option<Money>,
    /// The hourly top code it states (`$115.00 per hour`), when it states one.
    pub hourly_top_code: Option<Money>,
    /// Rows by SOC code.
    pub rows: HashMap<String, Wages>,
}

/// Reads an OEWS national file (Excel, or the same columns tab-separated), or the zip BLS
/// distributes it in (`oesm24nat.zip`, holding `oesm24nat/national_M2024_dl.xlsx`).
pub fn read(given: &Path) -> anyhow::Result<WageFile> {
    let (path, bytes) = wage_bytes(given)?;
    let path = path.as_path();
    // One read: the data sheet and the notes sheet come from the same bytes.
    let table = Table::from_bytes(path, bytes.clone())?;
    let [code, title, mean, median, pct10, pct90] = table.columns([
        "OCC_CODE",
        "OCC_TITLE",
        "A_MEAN",
        "A_MEDIAN",
        "A_PCT10",
        "A_PCT90",
    ])?;
    let annual_quartiles = ["A_PCT25", "A_PCT75"].map(|name| table.optional_column(name));
    let hourly_columns = [
        "H_MEAN", "H_MEDIAN", "H_PCT10", "H_PCT25", "H_PCT75", "H_PCT90",
    ]
    .map(|name| table.optional_column(name));
    let employment = table.optional_column("TOT_EMP");
    let annual = table.optional_column("ANNUAL");
    let area_type = table.optional_column("AREA_TYPE");
    let industry = table.optional_column("I_GROUP");
    let hourly = table.optional_column("HOURLY");
    let notes = Table::read_sheet(path, bytes, "Field Descriptions").unwrap_or_default();
    let mut file = WageFile {
        release: release(path, &notes)?,
        top_code: notes.iter().find_map(|line| top_code(line, "per year")),
        hourly_top_code: notes.iter().find_map(|line| top_code(line, "per hour")),
        rows: HashMap::new(),
    };
    for row in table.rows() {
        // National, cross-industry rows only, when the file says which rows those are.
        let national = area_type.is_none_or(|c| row.get(c) == "1");
        let all_industries =
            industry.is_none_or(|c| row.get(c).eq_ignore_ascii_case("cross-industry"));
        if !(national && all_industries) {
            continue;
        }
        let cell = |column: usize| -> anyhow::Result<Cell> {
            let text = row.get(column);
            Ok(match text {
                "#" => Cell::TopCoded,
                "*" | "**" | "" => Cell::NotAvailable,
                _ => Cell::Amount(Money::parse(&text.replace(',', "")).ok_or_else(|| {
                    anyhow::anyhow!(
                        "{}: '{}' is not a wage (dollars, with at most two decimals), '#' or '*'",
                        row.describe(column),
                        crate::escape::excerpt(text, 20)
                    )
                })?),
            })
        };
        let optional_cell = |column: Option<usize>| column.map_or(Ok(Cell::NotAvailable), cell);
        let [h_mean, h_median, h_pct10, h_pct25, h_pct75, h_pct90] = hourly_columns;
        let [a_pct25, a_pct75] = annual_quartiles;
        let flag =
            |column: Option<usize>| column.is_some_and(|c| row.get(c).eq_ignore_ascii_case("TRUE"));
        let wages = Wages {
            code: row.required(code)?.to_string(),
            title: row.get(title).to_string(),
            annual: Estimates {
                mean: cell(mean)?,
                median: cell(median)?,
                pct10: cell(pct10)?,
                pct25: optional_cell(a_pct25)?,
                pct75: optional_cell(a_pct75)?,
                pct90: cell(pct90)?,
            },
            hourly: Estimates {
                mean: optional_cell(h_mean)?,
                median: optional_cell(h_median)?,
                pct10: optional_cell(h_pct10)?,
                pct25: optional_cell(h_pct25)?,
                pct75: optional_cell(h_pct75)?,
                pct90: optional_cell(h_pct90)?,
            },
            hourly_only: flag(hourly),
            annual_only: flag(annual),
            employment: employment.and_then(|c| row.get(c).replace(',', "").parse::<u64>().ok()),
        };
        file.rows.entry(wages.code.clone()).or_insert(wages);
    }
    if file.rows.is_empty() {
        bail!(
            "{}: has no national cross-industry rows; give the national file (national_M<year>_dl.xlsx)",
            path.display()
        );
    }
    Ok(file)
}

/// The wage file's path and bytes: read from the zip BLS distributes, or from the file itself.
fn wage_bytes(given: &Path) -> anyhow::Result<(std::path::PathBuf, Vec<u8>)> {
    if is_zip(given) {
        let mut bundle = Bundle::open(given)?;
        let Some(path) = bundle.find_matching(|name| {
            name.starts_with("national_M") && name.to_ascii_lowercase().ends_with(".xlsx")
        }) else {
            bail!(
                "{}: holds no national_M<year>_dl.xlsx; is it the OEWS national zip (oesm24nat.zip)?",
                given.display()
            );
        };
        let bytes = bundle.read(&path, super::table::MAX_FILE_BYTES)?;
        Ok((path, bytes))
    } else {
        let bytes = super::table::read_regular(given, super::table::MAX_FILE_BYTES)?;
        Ok((given.to_path_buf(), bytes))
    }
}

/// `May 2024`, from the notes sheet's first line (`May 2024 OEWS Estimates`) or else the file
/// name (`national_M2024_dl.xlsx`: OEWS national estimates are May's).
fn release(path: &Path, notes: &[String]) -> anyhow::Result<String> {
    if let Some(release) = notes
        .iter()
        .find_map(|line| line.trim().strip_suffix("OEWS Estimates"))
    {
        return Ok(release.trim().to_string());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let year = name
        .split('_')
        .find_map(|part| part.strip_prefix('M'))
        .filter(|year| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()));
    match year {
        Some(year) => Ok(format!("May {year}")),
        None => bail!(
            "{}: cannot tell which OEWS release this is (no 'Field Descriptions' sheet, and the name is not national_M<year>_dl)",
            path.display()
        ),
    }
}

/// The amount `per` (`per year`, `per hour`) in the notes' `#` line: `… $115.00 per hour or
/// $239,200 per year`.
fn top_code(line: &str, per: &str) -> Option<Money> {
    let rest = line.trim().strip_prefix('#')?;
    if !rest.contains(per) {
        return None;
    }
    let before = rest.split(per).next()?;
    let amount = before.rsplit('$').next()?;
    Money::parse(&amount.trim().replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_code_is_read_from_the_notes_line() {
        let line =
            "#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year ";
        assert_eq!(top_code(line, "per year"), Some(Money::from_units(239_200)));
        assert_eq!(top_code(line, "per hour"), Some(Money::from_cents(11_500)));
        assert_eq!(
            top_code(
                "*  = indicates that a wage estimate is not available",
                "per year"
            ),
            None
        );
    }

    #[test]
    fn the_release_comes_from_the_notes_or_the_file_name() {
        let notes = vec!["May 2024 OEWS Estimates".to_string()];
        let any = Path::new("wages.xlsx");
        assert_eq!(release(any, &notes).ok().as_deref(), Some("May 2024"));
        let named = Path::new("national_M2023_dl.xlsx");
        assert_eq!(release(named, &[]).ok().as_deref(), Some("May 2023"));
        assert!(release(any, &[]).is_err());
    }
}
