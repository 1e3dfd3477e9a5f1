//! A comparison as flat records, for CSV: one row per aspect value, statement, skill note,
//! rating, figure and difference, each with its scope.

use super::{Comparison, ContrastValue, Scope};
use crate::figures::describe_figure;
use crate::view::{LIST_SEPARATOR, Records};

/// The comparison as flat records for CSV: one row per item, with its scope.
pub(super) fn comparison_records(comparison: &Comparison) -> Records {
    let mut records = Records::new([
        "section",
        "item",
        "role",
        "versus",
        "text",
        "sources",
        "low",
        "high",
        "currency",
        "in_comparison",
        "said_against",
    ]);
    aspect_rows(comparison, &mut records);
    statement_rows(comparison, &mut records);
    rating_rows(comparison, &mut records);
    salary_rows(comparison, &mut records);
    records
}

/// One sourced item: where it is, whose, against whom, what it says, and its scope.
struct Item<'a> {
    section: &'a str,
    item: String,
    role: &'a str,
    versus: String,
    text: &'a str,
    sources: &'a [String],
    /// Whether a comparing article says it, and the roles it was said against.
    scope: [String; 2],
}

impl Item<'_> {
    fn row(self) -> Vec<String> {
        let [in_comparison, against] = self.scope;
        vec![
            self.section.to_string(),
            self.item,
            self.role.to_string(),
            self.versus,
            self.text.to_string(),
            self.sources.join(LIST_SEPARATOR),
            String::new(),
            String::new(),
            String::new(),
            in_comparison,
            against,
        ]
    }
}

fn versus_of(value: &ContrastValue) -> String {
    value
        .versus
        .as_ref()
        .map_or_else(String::new, |v| v.id.clone())
}

fn scope_cells(scope: &Scope) -> [String; 2] {
    let against: Vec<&str> = scope
        .said_against
        .iter()
        .map(|c| c.role.id.as_str())
        .collect();
    [
        scope.in_comparison().to_string(),
        against.join(LIST_SEPARATOR),
    ]
}

/// The contrasts the comparing articles draw, then the aspect values said elsewhere.
fn aspect_rows(comparison: &Comparison, records: &mut Records) {
    let drawn = comparison
        .aspects
        .iter()
        .flatten()
        .flat_map(|row| row.values.iter().map(move |value| (&row.id, value, true)));
    let elsewhere = comparison
        .other_contrasts
        .iter()
        .flatten()
        .map(|contrast| (&contrast.aspect, &contrast.value, false));
    for (aspect, value, in_comparison) in drawn.chain(elsewhere) {
        records.row(
            Item {
                section: "Aspects",
                item: aspect.clone(),
                role: &value.role,
                versus: versus_of(value),
                text: &value.text,
                sources: &value.sources,
                scope: [in_comparison.to_string(), versus_of(value)],
            }
            .row(),
        );
    }
}

/// Each role's statements, section by section, then every skill note.
fn statement_rows(comparison: &Comparison, records: &mut Records) {
    for role in &comparison.roles {
        for (section, statements) in role.statements() {
            for (number, item) in statements.iter().enumerate() {
                let statement = &item.statement;
                records.row(
                    Item {
                        section,
                        item: (number + 1).to_string(),
                        role: &role.id,
                        versus: statement.versus.clone().unwrap_or_default(),
                        text: &statement.text,
                        sources: &statement.sources,
                        scope: scope_cells(&item.scope),
                    }
                    .row(),
                );
            }
        }
    }
    for skill in comparison.skills.iter().flatten() {
        for note in &skill.notes {
            records.row(
                Item {
                    section: "Skills",
                    item: skill.id.clone(),
                    role: &note.role,
                    versus: note
                        .versus
                        .as_ref()
                        .map_or_else(String::new, |v| v.id.clone()),
                    text: &note.text,
                    sources: &note.sources,
                    scope: scope_cells(&note.scope),
                }
                .row(),
            );
        }
    }
}

/// Ratings on one source's scale: importance and level in the low and high columns.
fn rating_rows(comparison: &Comparison, records: &mut Records) {
    let Some(rated) = &comparison.ratings else {
        return;
    };
    let number = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    for difference in &rated.differences {
        for rating in &difference.ratings {
            records.row([
                "Ratings".to_string(),
                difference.id.clone(),
                rating.role.clone(),
                String::new(),
                format!(
                    "importance {}, level {}",
                    number(rating.importance),
                    number(rating.level)
                ),
                rated.source.clone(),
                number(rating.importance),
                number(rating.level),
            ]);
        }
    }
}

/// Each role's figures with their scope, then each difference (or why there is none).
fn salary_rows(comparison: &Comparison, records: &mut Records) {
    for role in &comparison.roles {
        for scoped in role.salary.iter().flatten() {
            let figure = &scoped.figure;
            let [in_comparison, against] = scope_cells(&scoped.scope);
            records.row([
                "Salary".to_string(),
                "figure".to_string(),
                role.id.clone(),
                String::new(),
                describe_figure(figure),
                figure.source.clone(),
                figure.bounds().0.to_string(),
                figure.bounds().1.to_string(),
                figure.currency.clone(),
                in_comparison,
                against,
            ]);
        }
    }
    for difference in comparison.salary_differences.iter().flatten() {
        for d in &difference.differences {
            records.row([
                "Salary".to_string(),
                "difference".to_string(),
                difference.role.id.clone(),
                difference.baseline.id.clone(),
                d.describe(),
                format!("{}{LIST_SEPARATOR}{}", d.source, d.baseline_source),
                d.low_delta.to_string(),
                d.high_delta.to_string(),
                d.currency.clone(),
            ]);
        }
        if let Some(reason) = &difference.not_computed {
            records.row([
                "Salary".to_string(),
                "no difference".to_string(),
                difference.role.id.clone(),
                difference.baseline.id.clone(),
                reason.clone(),
            ]);
        }
    }
}
