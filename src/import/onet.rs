//! Reading an O*NET database folder (Excel or text distribution) into plain records, keyed by
//! O*NET-SOC code. Nothing is reworded: task statements, titles and descriptions stay as
//! published, and numbers keep their published text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::archive::Bundle;
use super::table::{Row, Table};

/// Which O*NET release a folder holds, from its `Read Me.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The release number, e.g. `29.3`.
    pub number: String,
    /// When it was released, e.g. `May 2025`.
    pub date: Option<String>,
}

/// An O*NET occupation.
#[derive(Debug, Clone)]
pub struct Occupation {
    /// O*NET-SOC code, e.g. `13-1082.00`.
    pub code: String,
    /// Title as published.
    pub title: String,
    /// Description as published.
    pub description: String,
}

/// A task statement.
#[derive(Debug, Clone)]
pub struct Task {
    /// The statement, word for word.
    pub text: String,
    /// `Core`, `Supplemental`, or empty when the release leaves it out.
    pub kind: String,
    /// When O*NET last updated it.
    pub date: Option<String>,
}

/// One skill's ratings for one occupation (unsuppressed ones only).
#[derive(Debug, Clone, Default)]
pub struct SkillRating {
    /// Content Model element id, e.g. `2.A.1.a`.
    pub element: String,
    /// Importance (scale IM), as published.
    pub importance: Option<String>,
    /// Level (scale LV), as published.
    pub level: Option<String>,
    /// True when O*NET marks the level not relevant for this occupation.
    pub level_not_relevant: bool,
    /// True when O*NET marks the importance estimate "Recommend Suppress" (low precision).
    pub importance_suppressed: bool,
    /// True when O*NET marks the level estimate "Recommend Suppress".
    pub level_suppressed: bool,
    /// When O*NET last rated it.
    pub date: Option<String>,
}

/// The share of respondents who named one required level of education.
#[derive(Debug, Clone)]
pub struct EducationShare {
    /// The level, as the categories file words it.
    pub level: String,
    /// Percentage of respondents, as published (e.g. `38.46`).
    pub percent: String,
    /// True when O*NET marks the estimate "Recommend Suppress" (low precision: too few
    /// respondents, or a large standard error); kept, and shown flagged.
    pub suppressed: bool,
    /// When O*NET last updated it.
    pub date: Option<String>,
}

/// A job zone's descriptions, from the Job Zone Reference.
#[derive(Debug, Clone)]
pub struct JobZone {
    /// E.g. `Job Zone Four: Considerable Preparation Needed`.
    pub name: String,
    /// The experience it calls for.
    pub experience: String,
    /// The training it involves.
    pub training: String,
}

/// An alternate title with how many of O*NET's title sources give it.
#[derive(Debug, Clone)]
pub struct AlternateTitle {
    /// The title.
    pub title: String,
    /// A short form, when published (`PM`).
    pub short: Option<String>,
    /// How many sources list it: the closest thing the data has to how common a title is.
    pub source_count: usize,
}

/// Everything read from one O*NET folder.
#[derive(Debug, Default)]
pub struct Onet {
    /// The release.
    pub release: Option<Release>,
    /// `Excel` or `text`.
    pub distribution: &'static str,
    /// Occupations in the published order.
    pub occupations: Vec<Occupation>,
    /// Task statements by occupation code, in the published order.
    pub tasks: HashMap<String, Vec<Task>>,
    /// Skill ratings by occupation code, in the published order.
    pub skills: HashMap<String, Vec<SkillRating>>,
    /// Knowledge ratings by occupation code, in the published order (same scales as skills).
    pub knowledge: HashMap<String, Vec<SkillRating>>,
    /// Skill and knowledge element id → (name, description), from the Content Model Reference.
    pub skill_names: HashMap<String, (String, String)>,
    /// (min, max) of a scale by id (`IM`, `LV`), from the Scales Reference.
    pub scales: HashMap<String, (String, String)>,
    /// Required-education shares by occupation code.
    pub education: HashMap<String, Vec<EducationShare>>,
    /// Job zone number and its date by occupation code.
    pub zones: HashMap<String, (String, Option<String>)>,
    /// Job zone descriptions by number.
    pub zone_reference: HashMap<String, JobZone>,
    /// Alternate titles by occupation code.
    pub titles: HashMap<String, Vec<AlternateTitle>>,
    /// Related occupation codes with their tier, closest first.
    pub related: HashMap<String, Vec<(String, Option<String>)>>,
    /// Files not found in the folder, so not imported.
    pub missing: Vec<&'static str>,
}

/// The files read, by their published base name.
const OCCUPATIONS: &str = "Occupation Data";
const TASKS: &str = "Task Statements";
const SKILLS: &str = "Skills";
const KNOWLEDGE: &str = "Knowledge";
const CONTENT_MODEL: &str = "Content Model Reference";
const SCALES: &str = "Scales Reference";
const EDUCATION: &str = "Education, Training, and Experience";
const EDUCATION_CATEGORIES: &str = "Education, Training, and Experience Categories";
const JOB_ZONES: &str = "Job Zones";
const JOB_ZONE_REFERENCE: &str = "Job Zone Reference";
const ALTERNATE_TITLES: &str = "Alternate Titles";
const RELATED: &str = "Related Occupations";

/// Reads the O*NET folder `dir`. `Occupation Data` and `Read Me.txt` must exist; every other file
/// is imported when present and listed in [`Onet::missing`] when not.
pub fn read(bundle: &mut Bundle) -> anyhow::Result<Onet> {
    let dir = bundle.path().to_path_buf();
    let dir = dir.as_path();
    if !bundle.exists() {
        bail!(
            "{}: is not a folder (give the O*NET database folder or its .zip file)",
            dir.display()
        );
    }
    let mut onet = Onet {
        release: read_release(bundle)?,
        ..Onet::default()
    };
    let Some(path) = find(bundle, OCCUPATIONS) else {
        bail!(
            "{}: has no '{OCCUPATIONS}.xlsx' or '{OCCUPATIONS}.txt'; is it an O*NET database folder?",
            dir.display()
        );
    };
    onet.distribution = if path.extension().is_some_and(|e| e == "xlsx") {
        "Excel"
    } else {
        "text"
    };
    read_occupations(&mut onet, &read_table(bundle, &path)?)?;
    let mut optional = |name: &'static str| -> anyhow::Result<Option<Table>> {
        match find(bundle, name) {
            Some(path) => read_table(bundle, &path).map(Some),
            None => {
                onet.missing.push(name);
                Ok(None)
            }
        }
    };
    let tasks = optional(TASKS)?;
    let skills = optional(SKILLS)?;
    let knowledge = optional(KNOWLEDGE)?;
    let content_model = optional(CONTENT_MODEL)?;
    let scales = optional(SCALES)?;
    let education = optional(EDUCATION)?;
    let categories = optional(EDUCATION_CATEGORIES)?;
    let zones = optional(JOB_ZONES)?;
    let zone_reference = optional(JOB_ZONE_REFERENCE)?;
    let titles = optional(ALTERNATE_TITLES)?;
    let related = optional(RELATED)?;
    if let Some(table) = &tasks {
        read_tasks(&mut onet, table)?;
    }
    for (table, name, knowledge) in [(&skills, SKILLS, false), (&knowledge, KNOWLEDGE, true)] {
        let Some(table) = table else { continue };
        let Some(model) = &content_model else {
            bail!(
                "{}: has {name} but no '{CONTENT_MODEL}' file, which names and describes each element",
                dir.display()
            );
        };
        let mut ratings = HashMap::new();
        read_ratings(&mut ratings, &mut onet.skill_names, table, model)?;
        if knowledge {
            onet.knowledge = ratings;
        } else {
            onet.skills = ratings;
        }
    }
    if let Some(table) = &scales {
        read_scales(&mut onet, table)?;
    }
    if let (Some(table), Some(categories)) = (&education, &categories) {
        read_education(&mut onet, table, categories)?;
    }
    if let Some(table) = &zones {
        read_zones(&mut onet, table, zone_reference.as_ref())?;
    }
    if let Some(table) = &titles {
        read_titles(&mut onet, table)?;
    }
    if let Some(table) = &related {
        read_related(&mut onet, table)?;
    }
    Ok(onet)
}

/// `NAME.xlsx`, else `NAME.txt`, if the bundle has either.
fn find(bundle: &Bundle, name: &str) -> Option<PathBuf> {
    ["xlsx", "txt"]
        .into_iter()
        .find_map(|ext| bundle.find(&format!("{name}.{ext}")))
}

fn read_table(bundle: &mut Bundle, path: &Path) -> anyhow::Result<Table> {
    let bytes = bundle.read(path, super::table::MAX_FILE_BYTES)?;
    Table::from_bytes(path, bytes)
}

/// How much of `Read Me.txt` is read.
const README_BYTES: u64 = 4096;

/// The release from `Read Me.txt`: `O*NET 29.3 Database` then `May 2025 Release`.
fn read_release(bundle: &mut Bundle) -> anyhow::Result<Option<Release>> {
    let Some(path) = bundle.find("Read Me.txt") else {
        return Ok(None);
    };
    // Only the first lines name the release: 4 KiB are read, whatever the file's size.
    let bytes = bundle.read_head(&path, README_BYTES)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let number = lines.next().and_then(|first| {
        let rest = first.strip_prefix("O*NET")?.trim();
        let number = rest.split_whitespace().next()?;
        number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
            .then(|| number.to_string())
    });
    let Some(number) = number else {
        bail!(
            "{}:1: does not begin 'O*NET <release> Database', so the release is unknown",
            path.display()
        );
    };
    let date = lines
        .next()
        .and_then(|line| line.strip_suffix("Release"))
        .map(|date| date.trim().to_string())
        .filter(|date| !date.is_empty());
    Ok(Some(Release { number, date }))
}

/// A cell that O*NET's text distribution writes as `n/a` when empty.
fn present(cell: &str) -> Option<String> {
    (!cell.is_empty() && !cell.eq_ignore_ascii_case("n/a")).then(|| cell.to_string())
}

fn is_flagged(row: &Row<'_>, column: Option<usize>) -> bool {
    column.is_some_and(|c| row.get(c).eq_ignore_ascii_case("Y"))
}

fn read_occupations(onet: &mut Onet, table: &Table) -> anyhow::Result<()> {
    let [code, title, description] = table.columns(["O*NET-SOC Code", "Title", "Description"])?;
    for row in table.rows() {
        let text = row.required(code)?;
        if !is_onet_code(text) {
            bail!(
                "{}: '{}' is not an O*NET-SOC code (like 13-1082.00)",
                row.describe(code),
                crate::escape::excerpt(text, 20)
            );
        }
        onet.occupations.push(Occupation {
            code: text.to_string(),
            title: row.required(title)?.to_string(),
            description: row.get(description).to_string(),
        });
    }
    Ok(())
}

/// `13-1082.00`: two digits, a hyphen, four digits, a dot, two digits.
fn is_onet_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            2 => *b == b'-',
            7 => *b == b'.',
            _ => b.is_ascii_digit(),
        })
}

fn read_tasks(onet: &mut Onet, table: &Table) -> anyhow::Result<()> {
    let [code, task] = table.columns(["O*NET-SOC Code", "Task"])?;
    let kind = table.optional_column("Task Type");
    let date = table.optional_column("Date");
    for row in table.rows() {
        onet.tasks
            .entry(row.required(code)?.to_string())
            .or_default()
            .push(Task {
                text: row.required(task)?.to_string(),
                kind: kind.and_then(|c| present(row.get(c))).unwrap_or_default(),
                date: date.and_then(|c| present(row.get(c))),
            });
    }
    Ok(())
}

/// Reads a ratings file (Skills or Knowledge: importance IM and level LV per element) into
/// `ratings` by occupation, naming each element from the Content Model Reference.
fn read_ratings(
    all: &mut HashMap<String, Vec<SkillRating>>,
    names: &mut HashMap<String, (String, String)>,
    table: &Table,
    model: &Table,
) -> anyhow::Result<()> {
    let [code, element, scale, value] =
        table.columns(["O*NET-SOC Code", "Element ID", "Scale ID", "Data Value"])?;
    let suppress = table.optional_column("Recommend Suppress");
    let not_relevant = table.optional_column("Not Relevant");
    let date = table.optional_column("Date");
    let [id, name, description] = model.columns(["Element ID", "Element Name", "Description"])?;
    let known: HashMap<&str, Row<'_>> = model.rows().map(|row| (row.get(id), row)).collect();
    for row in table.rows() {
        let element_id = row.required(element)?;
        let ratings = all.entry(row.required(code)?.to_string()).or_default();
        let index = match ratings.iter().position(|r| r.element == element_id) {
            Some(index) => index,
            None => {
                let Some(entry) = known.get(element_id) else {
                    bail!(
                        "{}: element '{element_id}' is not in the Content Model Reference",
                        row.describe(element)
                    );
                };
                names.entry(element_id.to_string()).or_insert_with(|| {
                    (
                        entry.get(name).to_string(),
                        entry.get(description).to_string(),
                    )
                });
                ratings.push(SkillRating {
                    element: element_id.to_string(),
                    ..SkillRating::default()
                });
                ratings.len() - 1
            }
        };
        // A suppressed estimate is kept as published, with O*NET's flag beside it.
        let suppressed = is_flagged(&row, suppress);
        row.number(value)?;
        let rating = &mut ratings[index];
        let text = Some(row.get(value).to_string());
        match row.get(scale) {
            "IM" => {
                rating.importance = text;
                rating.importance_suppressed = suppressed;
            }
            "LV" => {
                rating.level = text;
                rating.level_not_relevant = is_flagged(&row, not_relevant);
                rating.level_suppressed = suppressed;
            }
            _ => continue,
        }
        if rating.date.is_none() {
            rating.date = date.and_then(|c| present(row.get(c)));
        }
    }
    // An element with no rating at all on either scale is not imported.
    for ratings in all.values_mut() {
        ratings.retain(|r| r.importance.is_some() || r.level.is_some());
    }
    Ok(())
}

fn read_scales(onet: &mut Onet, table: &Table) -> anyhow::Result<()> {
    let [id, min, max] = table.columns(["Scale ID", "Minimum", "Maximum"])?;
    for row in table.rows() {
        onet.scales.insert(
            row.get(id).to_string(),
            (row.get(min).to_string(), row.get(max).to_string()),
        );
    }
    Ok(())
}

/// The element and scale of "Required Level of Education" in every release so far.
const REQUIRED_EDUCATION: (&str, &str) = ("2.D.1", "RL");

fn read_education(onet: &mut Onet, table: &Table, categories: &Table) -> anyhow::Result<()> {
    let [element, scale, category, description] =
        categories.columns(["Element ID", "Scale ID", "Category", "Category Description"])?;
    let levels: HashMap<&str, &str> = categories
        .rows()
        .filter(|row| (row.get(element), row.get(scale)) == REQUIRED_EDUCATION)
        .map(|row| (row.get(category), row.get(description)))
        .collect();
    let [code, element, scale, category, value] = table.columns([
        "O*NET-SOC Code",
        "Element ID",
        "Scale ID",
        "Category",
        "Data Value",
    ])?;
    let suppress = table.optional_column("Recommend Suppress");
    let date = table.optional_column("Date");
    for row in table.rows() {
        if (row.get(element), row.get(scale)) != REQUIRED_EDUCATION {
            continue;
        }
        if row.number(value)? <= 0.0 {
            continue;
        }
        let Some(level) = levels.get(row.get(category)) else {
            bail!(
                "{}: category '{}' is not in the categories file",
                row.describe(category),
                crate::escape::excerpt(row.get(category), 20)
            );
        };
        onet.education
            .entry(row.required(code)?.to_string())
            .or_default()
            .push(EducationShare {
                level: (*level).to_string(),
                percent: row.get(value).to_string(),
                suppressed: is_flagged(&row, suppress),
                date: date.and_then(|c| present(row.get(c))),
            });
    }
    Ok(())
}

fn read_zones(onet: &mut Onet, table: &Table, reference: Option<&Table>) -> anyhow::Result<()> {
    let [code, zone] = table.columns(["O*NET-SOC Code", "Job Zone"])?;
    let date = table.optional_column("Date");
    for row in table.rows() {
        onet.zones.insert(
            row.required(code)?.to_string(),
            (
                row.required(zone)?.to_string(),
                date.and_then(|c| present(row.get(c))),
            ),
        );
    }
    if let Some(reference) = reference {
        let [zone, name, experience, training] =
            reference.columns(["Job Zone", "Name", "Experience", "Job Training"])?;
        for row in reference.rows() {
            onet.zone_reference.insert(
                row.get(zone).to_string(),
                JobZone {
                    name: row.get(name).to_string(),
                    experience: row.get(experience).to_string(),
                    training: row.get(training).to_string(),
                },
            );
        }
    }
    Ok(())
}

fn read_titles(onet: &mut Onet, table: &Table) -> anyhow::Result<()> {
    let [code, title] = table.columns(["O*NET-SOC Code", "Alternate Title"])?;
    let short = table.optional_column("Short Title");
    let sources = table.optional_column("Source(s)");
    for row in table.rows() {
        let count = sources.map_or(0, |c| {
            row.get(c)
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .count()
        });
        onet.titles
            .entry(row.required(code)?.to_string())
            .or_default()
            .push(AlternateTitle {
                title: row.required(title)?.to_string(),
                short: short.and_then(|c| present(row.get(c))),
                source_count: count,
            });
    }
    Ok(())
}

fn read_related(onet: &mut Onet, table: &Table) -> anyhow::Result<()> {
    let [code, related] = table.columns(["O*NET-SOC Code", "Related O*NET-SOC Code"])?;
    let tier = table.optional_column("Relatedness Tier");
    let index = table.optional_column("Index");
    let mut ranked: HashMap<String, Vec<(f64, String, Option<String>)>> = HashMap::new();
    for row in table.rows() {
        let rank = match index {
            Some(column) => row.number(column)?,
            None => row.number as f64,
        };
        ranked
            .entry(row.required(code)?.to_string())
            .or_default()
            .push((
                rank,
                row.required(related)?.to_string(),
                tier.and_then(|c| present(row.get(c))),
            ));
    }
    for (code, mut list) in ranked {
        list.sort_by(|a, b| a.0.total_cmp(&b.0));
        onet.related.insert(
            code,
            list.into_iter()
                .map(|(_, code, tier)| (code, tier))
                .collect(),
        );
    }
    Ok(())
}

/// `Read Me.txt` names the release; without it the attribution cannot carry the number.
pub fn require_release(onet: &Onet, dir: &Path) -> anyhow::Result<Release> {
    onet.release.clone().with_context(|| {
        format!(
            "{}: has no 'Read Me.txt', which names the O*NET release the attribution must carry",
            dir.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onet_codes_have_their_published_shape() {
        assert!(is_onet_code("13-1082.00"));
        for bad in ["13-1082", "13-1082.0x", "131082.00", "", "13-1082.000"] {
            assert!(!is_onet_code(bad), "{bad}");
        }
    }
}
