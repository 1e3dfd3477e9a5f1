//! Completion candidates that come from the data: role ids and aliases, skill ids and aliases.
//!
//! Completion runs `roles` itself (clap_complete's dynamic completion: the shell script that
//! `roles completions SHELL` prints calls back with `COMPLETE=SHELL`), so the candidates come
//! from the built-in data plus the files `--data` names on the line being completed, or
//! ROLES_DATA, exactly as the command would load them.

use std::ffi::OsString;
use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;

use crate::cache::Cache;
use crate::escape::needs_escape;
use crate::load::{self, DataChoice};
use crate::model::Dataset;

/// Role ids that start with what is typed (with the role's name as help), then aliases that
/// do. Filtered here, before candidates are built: the O*NET import has 57,000 aliases. With
/// nothing typed only the ids are offered: a list of every alias is too long to read (3,900
/// on the O*NET import), and an alias is a shortcut for someone who already knows its first
/// letter.
pub fn role_candidates(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    // Of a cached file's aliases, only those that can match are read into strings.
    let aliases_starting = (!typed.is_empty()).then(|| typed.to_string());
    let Some(data) = dataset(aliases_starting) else {
        return Vec::new();
    };
    candidates(
        data.roles.iter().map(|r| (&r.id, &r.name, &r.aliases)),
        |text| text.starts_with(typed.as_ref()),
        !typed.is_empty(),
    )
}

/// Skill ids (with the skill's name as help), then aliases.
pub fn skill_candidates() -> Vec<CompletionCandidate> {
    dataset(None).map_or_else(Vec::new, |data| {
        candidates(
            data.skills.iter().map(|s| (&s.id, &s.name, &s.aliases)),
            |_| true,
            true,
        )
    })
}

/// Each (id, name, aliases): the ids first, then every alias without spaces once (an alias
/// several share, `PM`, is offered once), each with the name as its help. The shell prints
/// candidates and their help raw, so help is escaped by the one rule every output follows, and an
/// alias that would need escaping (a control or invisible character) is not offered at all.
/// Only ids and aliases `wanted` keeps become candidates, and aliases only `with_aliases`.
fn candidates<'a>(
    items: impl Iterator<Item = (&'a String, &'a String, &'a Vec<String>)> + Clone,
    wanted: impl Fn(&str) -> bool,
    with_aliases: bool,
) -> Vec<CompletionCandidate> {
    let mut candidates: Vec<CompletionCandidate> = items
        .clone()
        .filter(|(id, _, _)| wanted(id) && !id.chars().any(needs_escape))
        .map(|(id, name, _)| CompletionCandidate::new(id).help(Some(help(name))))
        .collect();
    if !with_aliases {
        return candidates;
    }
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for (_, name, aliases) in items {
        let offered = |a: &&String| {
            wanted(a) && !a.contains(char::is_whitespace) && !a.chars().any(needs_escape)
        };
        for alias in aliases.iter().filter(offered) {
            if !seen.insert(alias.as_str()) {
                continue;
            }
            candidates.push(
                CompletionCandidate::new(alias)
                    .help(Some(help(name)))
                    .display_order(Some(1)),
            );
        }
    }
    candidates
}

/// A candidate's help: the name, escaped and cut short (a shell shows it on one line).
fn help(name: &str) -> clap::builder::StyledStr {
    crate::escape::excerpt(name, crate::escape::EXCERPT_CHARS).into()
}

/// The data the line being completed would load, of a cached file's roles only the names and
/// the aliases that start with `aliases_starting`; nothing when it cannot be loaded (a
/// completion must never print an error into the user's prompt).
fn dataset(aliases_starting: Option<String>) -> Option<Dataset> {
    let words: Vec<OsString> = std::env::args_os().collect();
    let choice = DataChoice {
        files: data_files(&words),
        no_builtin: words.iter().any(|w| w == "--no-builtin"),
        cache: Cache::new(std::env::var_os("ROLES_NO_CACHE").is_none()),
    };
    let need = crate::load::need::Need::Names { aliases_starting };
    load::load_for(&choice, &need).ok()
}

/// The `--data FILE` / `--data=FILE` values among `words`, else ROLES_DATA's paths.
fn data_files(words: &[OsString]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut words = words.iter();
    while let Some(word) = words.next() {
        let text = word.to_string_lossy();
        if text == "--data" {
            if let Some(value) = words.next().filter(|v| !v.is_empty()) {
                files.push(PathBuf::from(value));
            }
        } else if let Some(value) = text.strip_prefix("--data=") {
            files.push(PathBuf::from(value));
        }
    }
    // Standard input belongs to the shell during completion.
    files.retain(|f| f.as_os_str() != crate::open::STDIN);
    if files.is_empty() {
        files = load::env_data_files();
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_read_off_the_line_being_completed() {
        let words: Vec<OsString> = [
            "roles",
            "--data",
            "a.yaml",
            "show",
            "--data=b.yaml",
            "--data",
            "-",
        ]
        .iter()
        .map(OsString::from)
        .collect();
        assert_eq!(
            data_files(&words),
            [PathBuf::from("a.yaml"), PathBuf::from("b.yaml")]
        );
    }
}
