//! `roles salary ROLE… | --all`: every figure, sorted, with a bar scaled to the largest so
//! ranges and the disagreement between sources show at a glance.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::complete::role_candidates;
use crate::text::capitalised;
use clap::ValueEnum;
use clap_complete::engine::ArgValueCompleter;
use serde::Serialize;

use super::{NO_SALARY, Resolved, RoleRef, code_of, pay_in_brief, resolve_roles};
use crate::figures::{caveat_words, format_amount, format_pay};
use crate::load::need::Need;
use crate::model::{Caveat, Dataset, Money, Period, Role, SalaryFigure, SalaryKind};
use crate::outcome::Outcome;
use crate::view::{Block, Grid, Records, Report, View};

/// Width of the bar column, in characters.
pub const BAR_WIDTH: usize = 16;

/// Arguments of `roles salary`.
#[derive(Debug, Clone, clap::Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["roles", "all"]))]
pub struct SalaryArgs {
    /// Role ids, names or aliases.
    #[arg(value_name = "ROLE", add = ArgValueCompleter::new(role_candidates))]
    pub roles: Vec<String>,
    /// Every role in the dataset.
    #[arg(long, conflicts_with = "roles")]
    pub all: bool,
    /// Order of the figures.
    #[arg(long, value_enum, default_value_t = SalaryOrder::High)]
    pub sort: SalaryOrder,
}

impl super::Run for SalaryArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        // Every figure needs no aliases; naming roles does.
        let need = if self.all { Need::Pay } else { Need::Cards };
        if self.all {
            let dataset = context.load(&need)?;
            let (view, resolved) = salary_table(&dataset, self)?;
            let outcome = context.emit(&view, &resolved.notices)?;
            std::mem::forget(dataset);
            return Ok(outcome);
        }
        // The table borrows from the data: the names are settled first, then it is drawn.
        let (names, taken) = context.answer_naming(&self.roles, false, &need, |data, words| {
            resolve_roles(data, words).map(|_| words.to_vec())
        })?;
        let args = SalaryArgs {
            roles: names,
            ..self.clone()
        };
        let dataset = context.load(&need)?;
        let (view, resolved) = salary_table(&dataset, &args)?;
        let notices: Vec<String> = taken.into_iter().chain(resolved.notices).collect();
        let outcome = context.emit(&view, &notices)?;
        std::mem::forget(dataset);
        Ok(outcome)
    }
}

/// How `roles salary` orders figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SalaryOrder {
    /// Highest first (by the top of a range).
    High,
    /// Lowest first (by the bottom of a range).
    Low,
    /// By role, in dataset order, each role's figures highest first.
    Role,
}

/// The figures asked for, grouped by currency and pay period, and the roles that have none.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SalaryTable<'a> {
    /// One group per currency and period: figures in different units never share a scale or a
    /// sort. Largest group first.
    pub groups: Vec<SalaryGroup<'a>>,
    /// Roles asked for that no source gives a figure for.
    pub roles_without_figures: Vec<RoleRef>,
    /// For those roles, the occupations a catalogue files their names under, with those
    /// occupations' pay: theirs, never a figure for the role.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filed_pay: Vec<FiledPay>,
}

/// An occupation that a catalogue files a role's name under, and its pay.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FiledPay {
    /// The role with no figure of its own.
    pub role: RoleRef,
    /// The title, as the occupation lists it.
    pub title: String,
    /// The occupation.
    pub occupation: RoleRef,
    /// Its code in the catalogue (O*NET-SOC), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The catalogue that files the title there.
    pub sources: Vec<String>,
    /// The occupation's mean or median pay.
    pub pay: Vec<SalaryFigure>,
}

/// Figures of one currency and one pay period, sorted and drawn on one scale.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SalaryGroup<'a> {
    /// ISO 4217 code.
    pub currency: String,
    /// The pay period; absent for figures whose source states none.
    pub period: Option<Period>,
    /// The largest amount in the group, which its bars are scaled to.
    pub scale_max: Money,
    /// One row per figure, in the order asked for.
    pub figures: Vec<SalaryRow<'a>>,
}

impl SalaryGroup<'_> {
    /// `USD a year`, `EUR a month`, `USD, no pay period stated`.
    pub fn label(&self) -> String {
        match self.period {
            Some(period) => format!("{} a {}", self.currency, period.as_str()),
            None => format!("{}, no pay period stated", self.currency),
        }
    }
}

// Its texts are borrowed from the dataset: 7,000 figures of the O*NET import would otherwise
// copy six strings each.
/// One figure of one role.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SalaryRow<'a> {
    /// The role.
    pub role: RoleRef,
    /// Average or range.
    pub kind: SalaryKind,
    /// The average.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Which percentile, for a percentile figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percentile: Option<u8>,
    /// The percentiles a range runs between, for a percentile range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percentiles: Option<[u8; 2]>,
    /// Bottom of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Money>,
    /// Top of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Money>,
    /// ISO 4217 code.
    pub currency: &'a str,
    /// What the amount is paid over.
    pub period: Option<Period>,
    /// Where it applies, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'a str>,
    /// What the source adds about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// What a reader must know before using it (illustrative, currency inferred).
    #[serde(skip_serializing_if = "<[Caveat]>::is_empty")]
    pub caveats: &'a [Caveat],
    /// Source id.
    pub source: &'a str,
    /// Source title.
    pub source_title: &'a str,
    #[serde(skip)]
    low: Money,
    #[serde(skip)]
    high: Money,
    #[serde(skip)]
    pay: String,
}

/// Collects and sorts the figures of the roles asked for.
pub fn salary_table<'a>(
    dataset: &'a Dataset,
    args: &SalaryArgs,
) -> anyhow::Result<(SalaryTable<'a>, Resolved<'a>)> {
    let resolved = if args.all {
        Resolved {
            roles: dataset.roles.iter().collect(),
            notices: Vec::new(),
        }
    } else {
        resolve_roles(dataset, &args.roles)?
    };
    let mut groups: Vec<SalaryGroup> = Vec::new();
    for row in resolved.roles.iter().flat_map(|role| rows(dataset, role)) {
        match groups
            .iter_mut()
            .find(|g| g.currency == row.currency && g.period == row.period)
        {
            Some(group) => group.figures.push(row),
            None => groups.push(SalaryGroup {
                currency: row.currency.to_string(),
                period: row.period,
                scale_max: Money::default(),
                figures: vec![row],
            }),
        }
    }
    // Each role's place in the order asked for, looked up once per comparison.
    let mut places: HashMap<&str, usize> = HashMap::default();
    for (place, role) in resolved.roles.iter().enumerate() {
        places.entry(role.id.as_str()).or_insert(place);
    }
    let position = |id: &str| places.get(id).copied();
    for group in &mut groups {
        let figures = &mut group.figures;
        match args.sort {
            SalaryOrder::High => figures.sort_by_key(|f| std::cmp::Reverse((f.high, f.low))),
            SalaryOrder::Low => figures.sort_by_key(|f| (f.low, f.high)),
            SalaryOrder::Role => figures.sort_by(|a, b| {
                position(&a.role.id)
                    .cmp(&position(&b.role.id))
                    .then((b.high, b.low).cmp(&(a.high, a.low)))
            }),
        }
        group.scale_max = figures.iter().map(|f| f.high).max().unwrap_or_default();
    }
    // A stable sort: equal-sized groups keep the order their first figures came in.
    groups.sort_by_key(|g| std::cmp::Reverse(g.figures.len()));
    let without: Vec<&Role> = resolved
        .roles
        .iter()
        .copied()
        .filter(|r| r.salary.is_empty())
        .collect();
    let filed_pay = without
        .iter()
        .flat_map(|role| {
            super::filed_elsewhere(dataset, role)
                .into_iter()
                .filter(|(other, _)| !other.salary.is_empty())
                .map(|(other, title)| FiledPay {
                    role: RoleRef::from(*role),
                    title: title.to_string(),
                    occupation: RoleRef::from(other),
                    code: code_of(other),
                    sources: other.summary.sources.clone(),
                    pay: pay_in_brief(other),
                })
        })
        .collect();
    let table = SalaryTable {
        groups,
        roles_without_figures: without.iter().map(|r| RoleRef::from(*r)).collect(),
        filed_pay,
    };
    Ok((table, resolved))
}

fn rows<'a>(dataset: &'a Dataset, role: &'a Role) -> Vec<SalaryRow<'a>> {
    role.salary
        .iter()
        .map(|figure| {
            let (low, high) = figure.bounds();
            SalaryRow {
                role: RoleRef::from(role),
                kind: figure.kind,
                amount: figure.amount,
                percentile: figure.percentile,
                percentiles: figure.percentiles,
                min: figure.min,
                max: figure.max,
                currency: &figure.currency,
                period: figure.period,
                region: figure.region.as_deref(),
                note: figure.note.as_deref(),
                caveats: &figure.caveats,
                source: &figure.source,
                source_title: dataset
                    .source(&figure.source)
                    .map_or("", |s| s.title.as_str()),
                low,
                high,
                pay: format_pay(figure),
            }
        })
        .collect()
}

/// A bar of [`BAR_WIDTH`] cells over 0..=`scale`: `░` up to the figure, then `█` spanning a range
/// or marking an average, so two sources' figures for one role can be told apart by eye.
pub fn bar(low: Money, high: Money, scale: Money) -> String {
    if scale.cents() == 0 {
        return String::new();
    }
    let cell = |amount: Money| -> usize {
        let scaled = u128::from(amount.cents()) * BAR_WIDTH as u128 / u128::from(scale.cents());
        usize::try_from(scaled).unwrap_or(BAR_WIDTH).min(BAR_WIDTH)
    };
    let end = cell(high).max(1);
    let start = cell(low).min(end - 1);
    format!("{}{}", "░".repeat(start), "█".repeat(end - start))
}

impl SalaryRow<'_> {
    /// `average`, `p10`, or `p25-p75` for a percentile range: short, for a column.
    fn kind_word(&self) -> String {
        match (self.percentile, self.percentiles) {
            (Some(n), _) => format!("p{n}"),
            (None, Some([low, high])) => format!("p{low}-p{high}"),
            (None, None) => self.kind.as_str().to_string(),
        }
    }
}

impl View for SalaryTable<'_> {
    fn report(&self) -> Report {
        let mut blocks = Vec::new();
        let apart = self.groups.len() > 1;
        if apart {
            blocks.push(Block::Note(
                "Figures in different currencies or pay periods are shown apart, each sorted and drawn on its own scale; none is converted."
                    .into(),
            ));
        }
        for group in &self.groups {
            if apart {
                blocks.push(Block::Heading(group.label()));
            }
            let mut grid = Grid::new(["Role", "Kind", "Pay", "Source", "Bar"]);
            grid.keep_whole = vec![4];
            for row in &group.figures {
                let pay = match &row.region {
                    Some(region) => format!("{}, {region}", row.pay),
                    None => row.pay.clone(),
                };
                grid.row([
                    row.role.name.clone(),
                    row.kind_word(),
                    pay,
                    row.source.to_string(),
                    bar(row.low, row.high, group.scale_max),
                ]);
            }
            blocks.push(Block::Table(grid));
            blocks.push(Block::Note(format!(
                "Bar: 0 to {}; █ marks an average or spans a range. Figures are exactly as each source states them.",
                format_amount(group.scale_max, &group.currency)
            )));
        }
        let mut notes: Vec<String> = Vec::new();
        // Thousands of figures share a handful of notes: each distinct one is written once.
        let mut seen = HashSet::default();
        for row in self.groups.iter().flat_map(|g| &g.figures) {
            if !seen.insert((&row.source, &row.caveats, &row.note)) {
                continue;
            }
            // A figure's caveats lead its source's note, so they are read before the figure is used.
            let caveats = (!row.caveats.is_empty())
                .then(|| format!("{}. ", capitalised(&caveat_words(row.caveats))));
            if caveats.is_some() || row.note.is_some() {
                let line = format!(
                    "{}: {}{}",
                    row.source,
                    caveats.unwrap_or_default(),
                    row.note.unwrap_or_default()
                );
                if !notes.contains(&line) {
                    notes.push(line);
                }
            }
        }
        blocks.extend(notes.into_iter().map(Block::Note));
        if !self.roles_without_figures.is_empty() {
            let names: Vec<&str> = self
                .roles_without_figures
                .iter()
                .map(|r| r.name.as_str())
                .collect();
            blocks.push(Block::Note(format!(
                "{NO_SALARY} for: {}.",
                names.join(", ")
            )));
        }
        if !self.filed_pay.is_empty() {
            let mut lines = vec![
                "A catalogue files that name under these occupations; their pay, not the role's:"
                    .to_string(),
            ];
            for filed in &self.filed_pay {
                let code = filed
                    .code
                    .as_deref()
                    .map_or(String::new(), |c| format!(", {c}"));
                let pay: Vec<String> = filed
                    .pay
                    .iter()
                    .map(crate::figures::describe_figure)
                    .collect();
                let mut cited = filed.sources.clone();
                cited.extend(filed.pay.iter().map(|p| p.source.clone()));
                cited.dedup();
                lines.push(format!(
                    "• {} ({}{code}), filed as '{}': {} [{}]",
                    filed.occupation.name,
                    filed.occupation.id,
                    filed.title,
                    pay.join("; "),
                    cited.join(", ")
                ));
            }
            blocks.push(Block::Paragraphs(lines));
        }
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "role", "kind", "amount", "min", "max", "currency", "period", "region", "source",
            "note", "caveats",
        ]);
        let number = |n: Option<Money>| n.map(|n| n.to_string()).unwrap_or_default();
        for row in self.groups.iter().flat_map(|g| &g.figures) {
            let period = row.period.map_or("", Period::as_str).to_string();
            records.row([
                row.role.id.clone(),
                row.kind_word(),
                number(row.amount),
                number(row.min),
                number(row.max),
                row.currency.to_string(),
                period,
                row.region.unwrap_or_default().to_string(),
                row.source.to_string(),
                row.note.unwrap_or_default().to_string(),
                caveat_words(row.caveats),
            ]);
        }
        for role in &self.roles_without_figures {
            records.row([
                role.id.clone(),
                "none".to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                NO_SALARY.to_string(),
            ]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_spans_a_range_and_marks_an_average() {
        let m = Money::from_units;
        assert_eq!(bar(m(0), m(16), m(16)), "█".repeat(16));
        assert_eq!(bar(m(8), m(8), m(16)), format!("{}█", "░".repeat(7)));
        assert_eq!(
            bar(m(8), m(12), m(16)),
            format!("{}{}", "░".repeat(8), "█".repeat(4))
        );
        assert_eq!(bar(m(1), m(1), m(0)), "");
    }
}
