//! One module per subcommand. Each implements [`Run`]: it loads what it needs of the data,
//! turns the dataset and its arguments into a view (plain data) and hands the view to the
//! [`Context`], which renders it; none of them prints. This file holds what they share, and
//! no command imports another.

pub mod code;
pub mod compare;
pub mod completions;
pub mod export;
pub mod gap;
pub mod import;
pub mod list;
pub mod man;
pub mod matching;
pub mod matrix;
pub mod salary;
pub mod search;
pub mod show;
pub mod similar;
pub mod skills;
pub mod sources;
pub mod validate;
pub mod who;

use std::io::Write;

use serde::Serialize;

use crate::dataset::{LoadError, UnknownRole};
use crate::escape::{EXCERPT_CHARS, bounded_message, excerpt};
use crate::load::need::Need;
use crate::load::{DataChoice, load, load_for};
use crate::model::{Dataset, Role, SalaryFigure, SalaryKind};
use crate::outcome::{Outcome, UsageError};
use crate::render::{ExportFormat, Format, Style, render};
use crate::view::{LIST_SEPARATOR, View};
use clap::ValueEnum;

/// A command: what it does with the shared options, and how it runs.
pub trait Run {
    /// Runs the command, its results to the context's output.
    fn run(&self, context: &mut Context) -> anyhow::Result<Outcome>;

    /// Whether the command reads the data `--data` and `--no-builtin` choose.
    fn reads_data(&self) -> bool {
        true
    }

    /// Whether the command writes in the format `--format` chooses.
    fn takes_format(&self) -> bool {
        true
    }

    /// Whether its output is for reading on screen, so a pager may show it: not a completion
    /// script, a manual page for `man`, or an import's messages.
    fn pages(&self) -> bool {
        true
    }
}

/// What a command runs with: where its output goes and in what form, and the data chosen.
pub struct Context<'a> {
    /// `--format` as given; none means the command's own default.
    pub format: Option<Format>,
    /// How to draw.
    pub style: Style,
    /// Where results go.
    pub out: &'a mut dyn Write,
    /// Where notices go.
    pub err: &'a mut dyn Write,
    /// The data the options choose.
    pub data: DataChoice,
    /// The whole command line's definition, for completion scripts and the manual page.
    pub definition: fn() -> clap::Command,
}

impl Context<'_> {
    /// The format views are written in.
    pub fn view_format(&self) -> Format {
        self.format.unwrap_or(Format::Table)
    }

    /// What `need` asks of the data.
    pub fn load(&self, need: &Need) -> Result<Dataset, LoadError> {
        load_for(&self.data, need)
    }

    /// `command`'s answer on what `need` asks of the data. A command run on part of the data
    /// that fails (an unknown name, say) runs again on all of it, so the error (the closest
    /// names, the hint) is the one the whole data gives.
    pub fn answer<T>(
        &self,
        need: &Need,
        command: impl Fn(&Dataset) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let dataset = self.load(need)?;
        let result = command(&dataset);
        // The process ends soon: freeing a large dataset piece by piece would only cost time.
        std::mem::forget(dataset);
        match result {
            Err(_) if matches!(need, Need::Roles(_)) => command(&load(&self.data)?),
            result => result,
        }
    }

    /// `command`'s answer for the role names `words`, on what `need` asks of the data. A name
    /// that names no role is coded
    /// ([`crate::coder`]): a title the coder resolves clearly is taken as that role, said in a
    /// notice; any other is an error listing the likeliest roles by meaning. With `one_name`,
    /// all the words are one name (`show`, `similar`); else each word as given is one.
    pub fn answer_naming<T>(
        &self,
        words: &[String],
        one_name: bool,
        need: &Need,
        command: impl Fn(&Dataset, &[String]) -> anyhow::Result<T>,
    ) -> anyhow::Result<(T, Vec<String>)> {
        let first = self.answer(need, |data| command(data, words));
        let unknown = match first {
            Err(error) => error.downcast::<UnknownRole>()?,
            Ok(answer) => return Ok((answer, Vec::new())),
        };
        let dataset = load(&self.data)?;
        // A word that names nothing and has no space may be part of an unquoted name of
        // several words: coding it alone would be a guess.
        let unquoted = words
            .iter()
            .any(|w| !w.contains(' ') && dataset.find_roles(w).is_err());
        if !one_name && unquoted {
            return Err(unknown.into());
        }
        let names: Vec<String> = if one_name {
            vec![words.join(" ")]
        } else {
            words.to_vec()
        };
        let mut notices = Vec::new();
        let mut taken = Vec::new();
        let mut index = None;
        for name in names {
            if dataset.find_roles(&name).is_ok() {
                taken.push(name);
                continue;
            }
            let index = match &mut index {
                Some(index) => index,
                None => index.insert(crate::coder::index(&self.data)?),
            };
            let coded = crate::coder::code(index, &mut Default::default(), &name, 3);
            let titled = dataset.titled(&name).len() > 1;
            match coded.ranked.first() {
                Some(first) if coded.clear && !titled => {
                    notices.push(format!(
                        "note: '{name}' taken as {} ({}); see roles code",
                        first.name, first.id
                    ));
                    taken.push(first.id.clone());
                }
                _ if coded.ranked.is_empty() => return Err(unknown.into()),
                _ => {
                    let likeliest: Vec<String> = coded
                        .ranked
                        .iter()
                        .map(|r| format!("{} ({})", r.id, r.name))
                        .collect();
                    return Err(anyhow::anyhow!(
                        "no role is named '{name}', and the words are not clearly one role; \
                         likeliest: {} (see `roles code {name}`)",
                        likeliest.join(", ")
                    ));
                }
            }
        }
        let answer = command(&dataset, &taken)?;
        std::mem::forget(dataset);
        Ok((answer, notices))
    }

    /// Writes notices to stderr first (so they are seen even if stdout is cut short), then
    /// the view.
    pub fn emit<V: View>(&mut self, view: &V, notices: &[String]) -> anyhow::Result<Outcome> {
        for notice in notices {
            // A notice can quote an argument: the same short, escaped excerpt as an error.
            writeln!(self.err, "{}", bounded_message(notice))?;
        }
        render(view, self.view_format(), self.style, self.out)?;
        self.out.flush()?;
        Ok(Outcome::Success)
    }

    /// A negative answer, like grep finding nothing: `message` to stderr, and the view's
    /// (empty) structure to stdout in a data format, so a pipe has input to read.
    pub fn found_nothing<V: View>(&mut self, message: &str, view: &V) -> anyhow::Result<Outcome> {
        writeln!(self.err, "roles: {message}")?;
        if self.view_format() != Format::Table {
            self.emit(view, &[])?;
        }
        Ok(Outcome::Negative)
    }

    /// The dataset format `command` writes: YAML unless `--format json`; other formats are a
    /// usage error, since `--data` reads only these two.
    pub fn dataset_format(&self, command: &str) -> Result<ExportFormat, UsageError> {
        match self.format {
            None | Some(Format::Yaml) => Ok(ExportFormat::Yaml),
            Some(Format::Json) => Ok(ExportFormat::Json),
            Some(other) => {
                let name = clap::ValueEnum::to_possible_value(&other)
                    .map(|value| value.get_name().to_string())
                    .unwrap_or_default();
                Err(UsageError(format!(
                    "{command} writes yaml or json, the formats --data reads, not {name}"
                )))
            }
        }
    }
}

/// The parts of a comparison that `--only` can pick.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The two-or-three-sentence summaries.
    Summary,
    /// What each role does.
    Duties,
    /// Education, experience and certifications.
    Requirements,
    /// Where and how each role works.
    Environment,
    /// Skills, marked as shared by all or held by some.
    Skills,
    /// Salary figures and the differences between them.
    Salary,
    /// The contrasts the articles draw: focus, time horizon, decision authority …
    #[value(alias = "contrasts")]
    Aspects,
    /// The roles a source names as related (show only; O*NET's related occupations).
    Related,
    /// What an article recommends for doing the role well.
    Advice,
}

impl Section {
    /// The name `--only` takes.
    pub fn name(self) -> String {
        self.to_possible_value()
            .map(|value| value.get_name().to_string())
            .unwrap_or_default()
    }
}

/// A role named in a view: enough to show and to look it up again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RoleRef {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
}

impl From<&Role> for RoleRef {
    fn from(role: &Role) -> Self {
        RoleRef {
            id: role.id.clone(),
            name: role.name.clone(),
        }
    }
}

impl RoleRef {
    /// The role with this id, named as the dataset names it (or by its id, for an id that
    /// names no role).
    pub fn by_id(dataset: &Dataset, id: &str) -> RoleRef {
        RoleRef {
            id: id.to_string(),
            name: dataset
                .roles
                .iter()
                .find(|role| role.id == id)
                .map_or_else(|| id.to_string(), |role| role.name.clone()),
        }
    }
}

/// Roles named on the command line, in order, each once; plus a notice for every ambiguous name.
#[derive(Debug, Default)]
pub struct Resolved<'a> {
    /// The roles, without repeats.
    pub roles: Vec<&'a Role>,
    /// One line per name that matched several roles, for stderr.
    pub notices: Vec<String>,
}

/// Looks up every query; an ambiguous alias brings in all the roles it names, never a guess.
pub fn resolve_roles<'a>(dataset: &'a Dataset, queries: &[String]) -> anyhow::Result<Resolved<'a>> {
    let mut resolved = Resolved::default();
    for query in queries {
        let found = dataset.find_roles(query)?;
        if found.len() > 1 {
            let ids: Vec<&str> = found.iter().map(|r| r.id.as_str()).collect();
            resolved.notices.push(format!(
                "note: '{query}' names {}; showing each",
                ids.join(" and ")
            ));
        } else if let Some(role) = found.first() {
            // Say which title matched, so `show "scrum master"` explains what it shows.
            let titled = dataset
                .alias_matched(role, query)
                .filter(|alias| alias.contains(' '));
            if let Some(alias) = titled {
                let code = role
                    .aliases
                    .first()
                    .filter(|a| *a != alias && a.contains('.') && a.contains('-'));
                let code = code.map(|c| format!(" {c}")).unwrap_or_default();
                resolved.notices.push(format!(
                    "note: '{alias}' is another name for {}{code} ({})",
                    role.name, role.id
                ));
            }
        }
        for role in found {
            if !resolved.roles.iter().any(|r| r.id == role.id) {
                resolved.roles.push(role);
            }
        }
    }
    Ok(resolved)
}

/// How many roles a command's words must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleCount {
    /// Exactly this many.
    Exactly(usize),
    /// This many or more.
    AtLeast(usize),
}

impl RoleCount {
    fn allows(self, count: usize) -> bool {
        match self {
            RoleCount::Exactly(n) => count == n,
            RoleCount::AtLeast(n) => count >= n,
        }
    }
}

/// The role names in `words` as people type them: `product owner product manager` is the two
/// roles "product owner" and "product manager" when that is the one way to read the words as
/// `count` roles; words that each name a role are taken as given. Otherwise an error that
/// shows the quoted and hyphenated forms.
pub fn role_queries(
    dataset: &Dataset,
    words: &[String],
    count: RoleCount,
) -> anyhow::Result<Vec<String>> {
    let mut known: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    let mut names = |query: &str| -> bool {
        *known
            .entry(query.to_string())
            .or_insert_with(|| dataset.find_roles(query).is_ok())
    };
    if count.allows(words.len()) && words.iter().all(|w| names(w)) {
        return Ok(words.to_vec());
    }
    let mut readings: Vec<Vec<String>> = Vec::new();
    if words.len() <= crate::dataset::MOST_WORDS_SPLIT && !words.is_empty() {
        // Every way to cut the words into consecutive groups: bit i set cuts after word i.
        for cuts in 0u32..(1 << (words.len() - 1)) {
            let mut groups: Vec<String> = Vec::new();
            let mut current: Vec<&str> = Vec::new();
            for (index, word) in words.iter().enumerate() {
                current.push(word);
                if index + 1 == words.len() || cuts & (1 << index) != 0 {
                    groups.push(current.join(" "));
                    current.clear();
                }
            }
            if count.allows(groups.len()) && groups.iter().all(|g| names(g)) {
                readings.push(groups);
            }
        }
    }
    match readings.len() {
        1 => Ok(readings.remove(0)),
        0 => {
            let unknown = words
                .iter()
                .find(|w| !names(w))
                .map_or_else(|| words.join(" "), String::clone);
            let mut error = dataset.find_roles(&unknown).err().unwrap_or(UnknownRole {
                query: unknown.clone(),
                closest: Vec::new(),
                hint: String::new(),
            });
            // Only worth saying when several words were given, some perhaps one name.
            let example = dataset
                .roles
                .iter()
                .find(|r| r.name.contains(' '))
                .filter(|_| words.len() > 1);
            error.hint = example.map_or(String::new(), |role| {
                format!(
                    "; a name of several words goes in quotes (\"{}\") or by its id ({})",
                    role.name.to_lowercase(),
                    role.id
                )
            });
            Err(error.into())
        }
        _ => {
            let shown: Vec<String> = readings
                .iter()
                .take(3)
                .map(|groups| {
                    groups
                        .iter()
                        .map(|g| format!("\"{g}\""))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            Err(crate::outcome::UsageError(format!(
                "the words name roles in more than one way: {}; quote each role",
                shown.join(" or ")
            ))
            .into())
        }
    }
}

/// `text` as a message quotes what the user typed: a short, escaped excerpt.
pub fn typed(text: &str) -> String {
    excerpt(text, EXCERPT_CHARS)
}

/// A vocabulary item (skill, theme or aspect) by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Named {
    /// Vocabulary id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// The ids of `items` for one CSV cell.
pub fn ids(items: &[Named]) -> String {
    items
        .iter()
        .map(|n| n.id.as_str())
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// Rated skills and knowledge areas below this importance (O*NET: 3 is "important" on its 1–5
/// scale) are counted, not listed, in tables and Markdown.
pub const SHOWN_IMPORTANCE: f64 = 3.0;

/// A catalogue's code (`13-1082.00`) among a role's aliases.
pub fn code_of(role: &Role) -> Option<String> {
    role.aliases
        .first()
        .filter(|a| {
            a.contains('-')
                && a.chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
        })
        .cloned()
}

/// The other roles that list `role`'s name among their titles, with the title: the one whose
/// own name says most of `role`'s first (Project Management Specialists before Construction
/// Managers for the project manager), else in the dataset's order.
pub fn filed_elsewhere<'d>(dataset: &'d Dataset, role: &Role) -> Vec<(&'d Role, &'d str)> {
    let own = crate::text::stems(&role.name);
    let shared = |other: &Role| {
        let theirs = crate::text::stems(&other.name);
        own.iter().filter(|stem| theirs.contains(stem)).count()
    };
    let mut filed = dataset.filed_elsewhere(role);
    filed.sort_by_cached_key(|(other, _)| std::cmp::Reverse(shared(other)));
    filed
}

/// A role's mean or median figures: the pay in brief.
pub fn pay_in_brief(role: &Role) -> Vec<SalaryFigure> {
    role.salary
        .iter()
        .filter(|f| matches!(f.kind, SalaryKind::Average | SalaryKind::Median))
        .cloned()
        .collect()
}

/// Bulleted lines for a multi-line table cell.
pub fn bullets<I: IntoIterator<Item = String>>(items: I) -> String {
    items
        .into_iter()
        .map(|item| format!("• {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the tables show where the sources say nothing.
pub const NOT_STATED: &str = "—";

/// What every view says of a role with no salary figure.
pub const NO_SALARY: &str = "No salary figure in the sources";
