//! Reading users' dataset files safely and layering them over the built-in data.
//!
//! A user's file is untrusted: it may be missing, a directory, huge, not UTF-8 or not YAML. Each
//! case becomes one [`LoadError`] naming the file (with line and column where there is one).

use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use crate::cache::{Cache, CacheKey, MIN_CACHED_BYTES};
use crate::dataset::LoadError;
use crate::layers::{self, Layer, Need, Shortfall};
use crate::model::Dataset;
use crate::stamp::Stamp;
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

/// Loads the whole dataset the choice describes.
pub fn load(choice: &DataChoice) -> Result<Dataset, LoadError> {
    load_for(choice, &Need::Everything)
}

/// Loads what `need` asks of the dataset the choice describes: from a large file's cache
/// entry, only that; parsed from a file, all of it.
pub fn load_for(choice: &DataChoice, need: &Need) -> Result<Dataset, LoadError> {
    let mut need = need;
    // Each round forgets an entry found damaged, or widens the need to everything.
    for _ in 0..3 {
        let layers = match load_layers(choice)? {
            Layers::Ready(layers) => layers,
            Layers::Damaged(key) => {
                choice.cache.forget(key);
                continue;
            }
        };
        match layers::combine(layers, need) {
            Ok(dataset) => return Ok(dataset),
            Err(Shortfall(damaged)) => {
                for key in damaged {
                    choice.cache.forget(key);
                }
                need = &Need::Everything;
            }
        }
    }
    // A cache whose damaged entries cannot even be removed is passed by: every file parsed.
    let uncached = DataChoice {
        cache: Cache::disabled(),
        ..choice.clone()
    };
    match load_layers(&uncached)? {
        Layers::Ready(layers) => layers::combine(layers, &Need::Everything).ok(),
        Layers::Damaged(_) => None,
    }
    .ok_or_else(|| LoadError {
        validate_command: None,
        origin: "data".into(),
        problems: vec![Problem::at(None, "no dataset to load")],
    })
}

/// The layers a choice stacks, or the key of a cache entry found damaged on the way.
enum Layers {
    Ready(Vec<Layer>),
    Damaged(CacheKey),
}

/// Each file of the choice as a layer: from its cache entry when one is filed under its stamp
/// or its bytes, else parsed and validated over the layers beneath (and cached when large).
fn load_layers(choice: &DataChoice) -> Result<Layers, LoadError> {
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
    let mut layers: Vec<Layer> = Vec::new();
    if !choice.no_builtin {
        layers.push(Layer::Whole(Dataset::builtin()?));
    }
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
    let stamps = choice.cache.stamps();
    for (index, path) in choice.files.iter().enumerate() {
        let origin = if path.as_os_str() == STDIN {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        // A large file whose stamp is as recorded beside an intact entry is not read at all.
        let stamp = (path.as_os_str() != STDIN)
            .then(|| Stamp::of(path))
            .flatten()
            .filter(|s| s.size >= MIN_CACHED_BYTES as u64);
        let stamped = stamps
            .as_ref()
            .zip(stamp.as_ref())
            .and_then(|(book, stamp)| book.key_for(path, base_key, stamp))
            .and_then(|key| Some((key, choice.cache.open(key)?)));
        if let Some((key, entry)) = stamped {
            base_key = key.value();
            layers.push(Layer::Indexed { key, entry });
            continue;
        }
        let text = read_text(path).map_err(|problem| LoadError {
            validate_command: None,
            origin: origin.clone(),
            problems: vec![problem],
        })?;
        let key = CacheKey::new(text.as_bytes(), base_key);
        // The stamp taken before the read, paired with what was read: if the file changed in
        // between, its stamp now differs and the pairing is never used.
        if let (Some(book), Some(stamp)) = (&stamps, &stamp) {
            book.record(path, base_key, stamp, key);
        }
        base_key = key.value();
        let cached = text.len() >= MIN_CACHED_BYTES;
        if let Some(entry) = cached.then(|| choice.cache.open(key)).flatten() {
            layers.push(Layer::Indexed { key, entry });
            continue;
        }
        // Parsing validates over everything beneath, so the layers below are read whole and
        // stacked into one.
        if !matches!(layers.as_slice(), [] | [Layer::Whole(_)]) {
            match layers::combine(std::mem::take(&mut layers), &Need::Everything) {
                Ok(base) => layers.push(Layer::Whole(base)),
                Err(Shortfall(damaged)) => {
                    return Ok(damaged
                        .first()
                        .map_or_else(|| Layers::Ready(Vec::new()), |key| Layers::Damaged(*key)));
                }
            }
        }
        let base = match layers.last() {
            Some(Layer::Whole(base)) => Some(base),
            _ => None,
        };
        let layer = Dataset::from_yaml_over(&text, &origin, base).map_err(|mut error| {
            error.validate_command = validate_command(choice, index);
            error
        })?;
        drop(text);
        if cached {
            choice.cache.put(key, &layer);
        }
        layers.push(Layer::Whole(layer));
    }
    Ok(Layers::Ready(layers))
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
    let command = args.join(" ");
    // A hint is a line to copy, not a transcript: with many files it says what goes first.
    if command.chars().count() > 4 * crate::parse::EXCERPT_CHARS {
        return Some(format!(
            "{}--data … (the {index} files before it) validate {}",
            if choice.no_builtin {
                "--no-builtin "
            } else {
                ""
            },
            crate::parse::excerpt(&path.display().to_string(), crate::parse::EXCERPT_CHARS),
        ));
    }
    Some(command)
}

/// How long a named pipe may wait for a program to open it for writing before it is refused.
pub const FIFO_WAIT: Duration = Duration::from_millis(500);

/// The text of a dataset file, read once, or one problem saying why it cannot be had.
///
/// A regular file is read up to the size it has when opened (bytes appended meanwhile are not
/// read); a pipe, a process substitution or standard input up to [`MAX_FILE_BYTES`]. A named
/// pipe nothing writes to is refused after [`FIFO_WAIT`]; devices and sockets are refused.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let fail = |message: String| Problem::at(None, message);
    if path.as_os_str() == STDIN {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Err(fail(
                "standard input is a terminal: pipe a dataset in (`cat FILE | roles --data - …`)"
                    .into(),
            ));
        }
        return read_from(stdin.lock(), MAX_FILE_BYTES);
    }
    // Opened without waiting, so a named pipe is recognised before anything blocks on it.
    let file = open_without_blocking(path, true).map_err(|e| fail(describe_io(&e)))?;
    let metadata = file.metadata().map_err(|e| fail(describe_io(&e)))?;
    let kind = metadata.file_type();
    if kind.is_dir() {
        return Err(fail("is a directory, not a YAML file".into()));
    }
    if kind.is_file() {
        if metadata.len() > MAX_FILE_BYTES {
            return Err(fail(too_big(metadata.len())));
        }
        return read_from(file, metadata.len());
    }
    if is_fifo(&kind) {
        // The first descriptor stays open until the blocking one is had: a writer that came
        // for it keeps a reader and never sees the pipe close under it.
        let pipe = open_pipe_within(path, FIFO_WAIT)?;
        drop(file);
        return read_from(pipe, MAX_FILE_BYTES);
    }
    Err(fail(
        "is a device or socket, not a file (to read a program's output, pipe it in with `--data -`)"
            .into(),
    ))
}

/// Opens `path` for reading without waiting, so a named pipe is seen for what it is before
/// anything blocks on it; with `follow_links` false, a symbolic link is refused (the cache's
/// entries). The one way every untrusted path here is opened.
pub fn open_without_blocking(path: &Path, follow_links: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let no_follow = if follow_links { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | no_follow);
    }
    #[cfg(not(unix))]
    let _ = follow_links;
    options.open(path)
}

#[cfg(unix)]
fn is_fifo(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_kind: &std::fs::FileType) -> bool {
    false
}

/// Opens a pipe for reading, which blocks until a writer opens it, on a helper thread: when no
/// writer comes within `wait`, the command fails (and the blocked thread ends with the process).
fn open_pipe_within(path: &Path, wait: Duration) -> Result<File, Problem> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = sender.send(File::open(owned));
    });
    match receiver.recv_timeout(wait) {
        Ok(Ok(file)) => Ok(file),
        Ok(Err(error)) => Err(Problem::at(None, describe_io(&error))),
        Err(_) => Err(Problem::at(
            None,
            format!(
                "is a named pipe that no program opened for writing within {} ms",
                wait.as_millis()
            ),
        )),
    }
}

/// The text `source` holds, at most `limit` bytes of it (more is refused as too big).
///
/// The first 64 KiB are judged before the rest is read, and every chunk is checked for NUL
/// bytes as it arrives, so `/dev/zero`, a sparse file or a binary is refused at once rather
/// than read to the size limit.
fn read_from(source: impl Read, limit: u64) -> Result<String, Problem> {
    let fail = |message: String| Problem::at(None, message);
    let mut reader = source.take(limit.saturating_add(1));
    let mut bytes = Vec::new();
    (&mut reader)
        .take(SNIFF_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(describe_io(&e)))?;
    refuse_nul(&bytes, 0)?;
    // Junk (a log, a binary, prose) is refused from its first line, before the rest is read.
    sniff(&bytes)?;
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let count = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(count) => count,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(fail(describe_io(&e))),
        };
        if bytes.len() as u64 + count as u64 > limit.min(MAX_FILE_BYTES) {
            return Err(fail(too_big(bytes.len() as u64 + count as u64)));
        }
        let from = bytes.len();
        bytes.extend_from_slice(&chunk[..count]);
        refuse_nul(&bytes, from)?;
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        Problem::at(
            Some(line_and_column(valid)),
            "the file is not UTF-8 text (a dataset is a YAML file in UTF-8)",
        )
    })
}

/// Refuses `bytes` if they hold a NUL at or after `from` (YAML and JSON text never does).
fn refuse_nul(bytes: &[u8], from: usize) -> Result<(), Problem> {
    match bytes[from..].iter().position(|&b| b == 0) {
        None => Ok(()),
        Some(at) => Err(Problem::at(
            Some(line_and_column(&bytes[..from + at])),
            "the file holds a NUL byte: it is binary, not YAML text",
        )),
    }
}

/// The 1-based line and column just after `before`, the text that precedes a position.
fn line_and_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// How much of a file is read before deciding whether it can be a dataset at all.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Refuses text whose first meaningful line cannot begin a dataset: a dataset is a mapping, so
/// it starts with `{` (JSON or flow style) or a `key:`, after any comments, blank lines,
/// directives and `---`. Only whole lines within `head` are judged, unless it holds no line
/// break at all.
fn sniff(head: &[u8]) -> Result<(), Problem> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let complete = match head.iter().rposition(|&b| b == b'\n') {
        Some(end) => &head[..end],
        // One long line (minified JSON, or junk with no line breaks) is judged by its start.
        None => head,
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
