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
use crate::loader::{self, DataChoice};
use crate::model::Dataset;

/// Role ids first (with the role's name as help), then aliases.
pub fn role_candidates() -> Vec<CompletionCandidate> {
    let Some(dataset) = dataset() else {
        return Vec::new();
    };
    let mut candidates: Vec<CompletionCandidate> = dataset
        .roles
        .iter()
        .map(|r| CompletionCandidate::new(&r.id).help(Some(r.name.clone().into())))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for role in &dataset.roles {
        for alias in role
            .aliases
            .iter()
            .filter(|a| !a.contains(char::is_whitespace))
        {
            // An alias several roles share (`PM`) is offered once.
            if seen.contains(&alias.as_str()) {
                continue;
            }
            seen.push(alias);
            candidates.push(
                CompletionCandidate::new(alias)
                    .help(Some(role.name.clone().into()))
                    .display_order(Some(1)),
            );
        }
    }
    candidates
}

/// Skill ids (with the skill's name as help), then aliases without spaces.
pub fn skill_candidates() -> Vec<CompletionCandidate> {
    let Some(dataset) = dataset() else {
        return Vec::new();
    };
    let mut candidates: Vec<CompletionCandidate> = dataset
        .skills
        .iter()
        .map(|s| CompletionCandidate::new(&s.id).help(Some(s.name.clone().into())))
        .collect();
    for skill in &dataset.skills {
        for alias in skill
            .aliases
            .iter()
            .filter(|a| !a.contains(char::is_whitespace))
        {
            candidates.push(
                CompletionCandidate::new(alias)
                    .help(Some(skill.name.clone().into()))
                    .display_order(Some(1)),
            );
        }
    }
    candidates
}

/// The data the line being completed would load; nothing when it cannot be loaded (a
/// completion must never print an error into the user's prompt).
fn dataset() -> Option<Dataset> {
    let words: Vec<OsString> = std::env::args_os().collect();
    let choice = DataChoice {
        files: data_files(&words),
        no_builtin: words.iter().any(|w| w == "--no-builtin"),
        cache: Cache::new(std::env::var_os("ROLES_NO_CACHE").is_none()),
    };
    loader::load(&choice).ok()
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
    files.retain(|f| f.as_os_str() != loader::STDIN);
    if files.is_empty() {
        files = loader::env_data_files();
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
