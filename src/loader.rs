//! Reading users' dataset files safely and layering them over the built-in data.
//!
//! A user's file is untrusted: it may be missing, a directory, huge, not UTF-8 or not YAML. Each
//! case becomes one [`LoadError`] naming the file (with line and column where there is one).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::cache::{Cache, CacheKey, MIN_CACHED_BYTES};
use crate::dataset::LoadError;
use crate::model::Dataset;
use crate::validate::Problem;

/// Largest dataset file read; bigger files are refused before they can exhaust memory.
/// Generous enough for 100,000 detailed profiles (about 550 MiB of JSON).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// The paths in ROLES_DATA (separated like PATH), for when no `--data` is given.
pub fn env_data_files() -> Vec<std::path::PathBuf> {
    std::env::var_os("ROLES_DATA")
        .map(|paths| {
            std::env::split_paths(&paths)
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// What to load: the built-in data (unless left out) and users' files on top, in order.
#[derive(Debug, Clone)]
pub struct DataChoice {
    /// Users' files, each layered over what comes before it; `-` is standard input.
    pub files: Vec<std::path::PathBuf>,
    /// Leave the built-in dataset out.
    pub no_builtin: bool,
    /// Where validated files are kept between runs.
    pub cache: Cache,
}

/// Loads the dataset the choice describes.
pub fn load(choice: &DataChoice) -> Result<Dataset, LoadError> {
    if choice.no_builtin && choice.files.is_empty() {
        return Err(LoadError {
            validate_command: None,
            origin: "--no-builtin".into(),
            problems: vec![Problem::at(
                None,
                "there is no data left to load: give a file with --data FILE or ROLES_DATA",
            )],
        });
    }
    let mut dataset = if choice.no_builtin {
        None
    } else {
        Some(Dataset::builtin()?)
    };
    let mut base_key = CacheKey::base(!choice.no_builtin);
    let from_stdin = choice
        .files
        .iter()
        .filter(|p| p.as_os_str() == STDIN)
        .count();
    if from_stdin > 1 {
        return Err(LoadError {
            validate_command: None,
            origin: "--data -".into(),
            problems: vec![Problem::at(
                None,
                "standard input can be read only once; give `--data -` once",
            )],
        });
    }
    for (index, path) in choice.files.iter().enumerate() {
        let origin = if path.as_os_str() == STDIN {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let text = read_text(path).map_err(|problem| LoadError {
            validate_command: None,
            origin: origin.clone(),
            problems: vec![problem],
        })?;
        let key = CacheKey::new(text.as_bytes(), base_key);
        base_key = key.value();
        let layer = load_layer(path, text, &origin, dataset.as_ref(), key, &choice.cache).map_err(
            |mut error| {
                error.validate_command = validate_command(choice, index);
                error
            },
        )?;
        dataset = Some(match dataset {
            Some(base) => base.layered(layer),
            None => layer,
        });
    }
    dataset.ok_or_else(|| LoadError {
        validate_command: None,
        origin: "data".into(),
        problems: vec![Problem::at(None, "no dataset to load")],
    })
}

/// The arguments that validate file `index` of `choice` over exactly what it was loaded over:
/// the same `--no-builtin` and earlier `--data` files. `None` when plain `validate FILE` does.
fn validate_command(choice: &DataChoice, index: usize) -> Option<String> {
    let path = &choice.files[index];
    if !choice.no_builtin && index == 0 && path.as_os_str() != STDIN {
        return None;
    }
    let mut args: Vec<String> = Vec::new();
    if choice.no_builtin {
        args.push("--no-builtin".into());
    }
    for earlier in &choice.files[..index] {
        args.push(format!("--data {}", earlier.display()));
    }
    args.push(format!("validate {}", path.display()));
    Some(args.join(" "))
}

/// One file's dataset: from the cache when an intact entry exists for exactly this text over
/// exactly this base, else parsed, validated and (when large enough to be worth it) cached.
fn load_layer(
    path: &Path,
    text: String,
    origin: &str,
    base: Option<&Dataset>,
    key: CacheKey,
    cache: &Cache,
) -> Result<Dataset, LoadError> {
    // Standard input cannot be read twice, so it is never cached (nor dropped and re-read).
    let worth_caching = text.len() >= MIN_CACHED_BYTES && path.as_os_str() != STDIN;
    if !worth_caching {
        return Dataset::from_yaml_over(&text, origin, base);
    }
    // The text is only needed again on a miss; it is re-read then rather than held in memory
    // beside the decoded dataset.
    drop(text);
    if let Some(layer) = cache.get(key) {
        return Ok(layer);
    }
    let text = read_text(path).map_err(|problem| LoadError {
        validate_command: None,
        origin: origin.to_string(),
        problems: vec![problem],
    })?;
    let layer = Dataset::from_yaml_over(&text, origin, base)?;
    drop(text);
    cache.put(key, &layer);
    Ok(layer)
}

/// The text of a dataset file, or one problem saying why it cannot be had.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let fail = |message: String| Problem::at(None, message);
    if path.as_os_str() == STDIN {
        return read_from(io::stdin().lock());
    }
    let metadata = std::fs::metadata(path).map_err(|e| fail(describe_io(&e)))?;
    if metadata.is_dir() {
        return Err(fail("is a directory, not a YAML file".into()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(fail(too_big(metadata.len())));
    }
    let file = File::open(path).map_err(|e| fail(describe_io(&e)))?;
    read_from(file)
}

/// The text `source` holds, read within the same bounds as a file.
fn read_from(source: impl Read) -> Result<String, Problem> {
    let fail = |message: String| Problem::at(None, message);
    // `take` guards against sources whose size the metadata does not tell (devices, pipes).
    let mut reader = source.take(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::new();
    (&mut reader)
        .take(SNIFF_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(describe_io(&e)))?;
    // Junk (a log, a binary, prose) is refused from its first line, before the rest is read.
    sniff(&bytes)?;
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| fail(describe_io(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(too_big(bytes.len() as u64)));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Problem::at(
            Some((line, column)),
            "the file is not UTF-8 text (a dataset is a YAML file in UTF-8)",
        )
    })
}

/// How much of a file is read before deciding whether it can be a dataset at all.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Refuses text whose first meaningful line cannot begin a dataset: a dataset is a mapping, so
/// it starts with `{` (JSON or flow style) or a `key:`, after any comments, blank lines,
/// directives and `---`. Only whole lines within `head` are judged.
fn sniff(head: &[u8]) -> Result<(), Problem> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let complete = match head.iter().rposition(|&b| b == b'\n') {
        Some(end) => &head[..end],
        None if (head.len() as u64) < SNIFF_BYTES => head,
        None => &head[..0],
    };
    let text = String::from_utf8_lossy(complete);
    for (number, line) in text.lines().enumerate() {
        let content = line.trim();
        let skipped = content.is_empty()
            || content.starts_with('#')
            || content.starts_with('%')
            || content == "---";
        if skipped {
            continue;
        }
        let column = line.len() - line.trim_start().len() + 1;
        return if content.starts_with('{') || content.starts_with("---") || is_mapping_key(content)
        {
            Ok(())
        } else {
            Err(Problem::at(
                Some((number + 1, column)),
                "this does not look like a dataset: one starts with a key such as `version: 1` (or `{` for JSON)",
            ))
        };
    }
    Ok(())
}

/// True when `line` starts with `key:` followed by a space or the end of the line.
fn is_mapping_key(line: &str) -> bool {
    let key_end = if let Some(rest) = line.strip_prefix('"') {
        rest.find('"').map(|end| end + 2)
    } else if let Some(rest) = line.strip_prefix('\'') {
        rest.find('\'').map(|end| end + 2)
    } else {
        line.find(':')
    };
    let Some(end) = key_end else { return false };
    let (key, rest) = line.split_at(end);
    let plain_key = key.starts_with(['"', '\''])
        || key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'));
    plain_key && rest.starts_with(':') && rest[1..].chars().next().is_none_or(char::is_whitespace)
}

fn too_big(bytes: u64) -> String {
    format!(
        "the file is {} MiB, over the {} MiB limit for a dataset",
        bytes.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// An I/O error in a few plain words, without the OS error number.
fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied: the file cannot be read".into(),
        io::ErrorKind::IsADirectory => "is a directory, not a YAML file".into(),
        _ => format!("cannot be read: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located_by_line_and_column() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let path = dir.path().join("bad.yaml");
        std::fs::write(&path, b"version: 1\nab\xffc\n").unwrap_or_else(|e| panic!("write: {e}"));
        let problem = read_text(&path).err();
        assert_eq!(
            problem.map(|p| (p.line, p.column)),
            Some((Some(2), Some(3)))
        );
    }

    #[test]
    fn junk_is_refused_at_its_first_line_and_datasets_pass() {
        let junk = sniff(b"# notes\n\nlorem ipsum dolor sit amet\n").err();
        assert_eq!(junk.map(|p| (p.line, p.column)), Some((Some(3), Some(1))));
        assert!(sniff(b"\x7fELF\x02\x01\n").is_err());
        for good in [
            &b"version: 1\n"[..],
            b"# c\n---\nversion: 1\n",
            b"{\"version\": 1}",
            b"\"version\": 1\n",
            b"",
            b"roles:\n",
        ] {
            assert!(sniff(good).is_ok(), "{:?}", String::from_utf8_lossy(good));
        }
    }

    #[test]
    fn no_builtin_without_a_file_is_refused() {
        let error = load(&DataChoice {
            files: Vec::new(),
            no_builtin: true,
            cache: Cache::disabled(),
        })
        .err()
        .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("--data FILE")));
    }
}
