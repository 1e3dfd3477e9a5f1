//! Completion candidates that come from the data: role ids and aliases, skill ids and aliases.
//!
//! Completion runs `roles` itself (clap_complete's dynamic completion: the shell script that
//! `roles completions SHELL` prints calls back with `COMPLETE=SHELL`), so the candidates come
//! from the built-in data plus the files `--data` names on the line being completed, or
//! ROLES_DATA, exactly as the command would load them.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

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

/// Each (id, name, aliases): the ids first, then every alias once (an alias several share, `PM`,
/// is offered once), each with the name as its help. The shell prints candidates and their help
/// raw, so help is escaped by the one rule every output follows, and an id or alias that is not
/// [`shell_safe`] is not offered at all.
/// Only ids and aliases `wanted` keeps become candidates, and aliases only `with_aliases`.
fn candidates<'a>(
    items: impl Iterator<Item = (&'a String, &'a String, &'a Vec<String>)> + Clone,
    wanted: impl Fn(&str) -> bool,
    with_aliases: bool,
) -> Vec<CompletionCandidate> {
    let mut candidates: Vec<CompletionCandidate> = items
        .clone()
        .filter(|(id, _, _)| wanted(id) && shell_safe(id))
        .map(|(id, name, _)| CompletionCandidate::new(id).help(Some(help(name))))
        .collect();
    if !with_aliases {
        return candidates;
    }
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for (_, name, aliases) in items {
        let offered = |a: &&String| wanted(a) && shell_safe(a);
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

/// Whether `text` can be put on a command line as it is, in bash, zsh and fish alike: letters,
/// digits and `- _ . + , @ % / : =` only, not starting with `-`, `=` or `~`. The shells insert a
/// candidate without quoting it, so `R&D` would run `D`, `$(…)` would run its command and `TL*`
/// would match file names; a candidate that would need quoting is not offered (the user can
/// still type it, quoted).
fn shell_safe(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with(['-', '=', '~'])
        && text
            .chars()
            .all(|c| (c.is_alphanumeric() && !needs_escape(c)) || "-_.+,@%/:=".contains(c))
}

/// Files and folders for an argument that takes a path, listed here rather than by the shell's
/// default: of the entries in the folder typed so far whose names start with what follows it,
/// those that are [`shell_safe`] (a file name can hold a terminal escape sequence, or `$(…)`),
/// folders with a `/`. Hidden entries only once a `.` is typed.
pub fn path_candidates(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let (folder, start) = match typed.rfind('/') {
        Some(at) => typed.split_at(at + 1),
        None => ("", typed.as_ref()),
    };
    let Ok(entries) = std::fs::read_dir(if folder.is_empty() {
        Path::new(".")
    } else {
        Path::new(folder)
    }) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .take(MAX_LISTED_ENTRIES)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let hidden = name.starts_with('.') && !start.starts_with('.');
            if hidden || !name.starts_with(start) {
                return None;
            }
            let slash = if entry.path().is_dir() { "/" } else { "" };
            let candidate = format!("{folder}{name}{slash}");
            shell_safe(&candidate).then_some(candidate)
        })
        .collect();
    found.sort();
    found.into_iter().map(CompletionCandidate::new).collect()
}

/// Most entries of one folder read for a path's candidates: a folder of a million files must
/// not stall the prompt.
const MAX_LISTED_ENTRIES: usize = 10_000;

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
    fn only_what_a_shell_takes_as_it_is_is_offered() {
        for safe in [
            "product-owner",
            "PM",
            "C++",
            "Ph.D.",
            "data/roles.yaml",
            "né",
        ] {
            assert!(shell_safe(safe), "{safe}");
        }
        for unsafe_text in [
            "R&D",
            "TL*",
            "sre$(touch x)",
            "a b",
            "-x",
            "~/x",
            "a\u{1b}]52",
            "it's",
        ] {
            assert!(!shell_safe(unsafe_text), "{unsafe_text}");
        }
    }

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
