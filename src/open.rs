//! The one way an untrusted file is opened and read: without blocking on a named pipe, once,
//! bounded by what was read rather than by what the file declares, and refused early when it
//! cannot be a dataset (binary, junk, a device). A leaf of the crate.

use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use crate::problem::Problem;

/// Largest dataset file read; bigger files are refused before they can exhaust memory.
/// Generous enough for 100,000 detailed profiles (about 550 MiB of JSON).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// How long a named pipe may wait for a program to open it for writing before it is refused.
pub const FIFO_WAIT: Duration = Duration::from_millis(500);

/// The text of a dataset file, read once, or one problem saying why it cannot be had.
///
/// A regular file is read up to the size it has when opened (bytes appended meanwhile are not
/// read); a pipe, a process substitution or standard input up to [`MAX_FILE_BYTES`]. A named
/// pipe nothing writes to is refused after [`FIFO_WAIT`]; devices and sockets are refused.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let (source, limit) = open_input(path, "a YAML file", "a dataset", "--data -")?;
    read_from(source, limit)
}

/// A text a person gives (a job ad, a list of titles): standard input, a file or a pipe, read
/// once, at most `limit` bytes (more is refused as too big), refused if binary or not UTF-8.
/// `stdin_hint` is the command that reads it from standard input.
pub fn read_document(path: &Path, limit: u64, stdin_hint: &str) -> Result<String, Problem> {
    let (source, size) = open_input(path, "a text file", "the text", stdin_hint)?;
    let mut bytes = Vec::new();
    source
        .take(limit.min(size).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::at(None, describe_io(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(Problem::at(
            None,
            format!("is over {} KiB; give a shorter text", limit / 1024),
        ));
    }
    refuse_nul(&bytes, 0)?;
    utf8(bytes)
}

/// `path` opened for one read, with the most it may be read to: standard input for `-` (and
/// `stdin_hint` says how to use it), a regular file up to its size when opened, a pipe up to
/// [`MAX_FILE_BYTES`]. A directory (not `kind`), a device or a socket is refused, and a named
/// pipe nothing writes to after [`FIFO_WAIT`]. Messages call the input `what`.
pub fn open_input(
    path: &Path,
    kind: &str,
    what: &str,
    stdin_hint: &str,
) -> Result<(Box<dyn Read>, u64), Problem> {
    let fail = |message: String| Problem::at(None, message);
    if path.as_os_str() == STDIN {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Err(fail(format!(
                "standard input is a terminal: pipe {what} in (`cat FILE | roles {stdin_hint} …`)"
            )));
        }
        return Ok((Box::new(stdin.lock()), MAX_FILE_BYTES));
    }
    // Opened without waiting, so a named pipe is recognised before anything blocks on it.
    let file = open_without_blocking(path, true).map_err(|e| fail(describe_io(&e)))?;
    let metadata = file.metadata().map_err(|e| fail(describe_io(&e)))?;
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return Err(fail(format!("is a directory, not {kind}")));
    }
    if file_type.is_file() {
        if metadata.len() > MAX_FILE_BYTES {
            return Err(fail(too_big(metadata.len())));
        }
        return Ok((Box::new(file), metadata.len()));
    }
    if is_fifo(&file_type) {
        // The first descriptor stays open until the blocking one is had: a writer that came
        // for it keeps a reader and never sees the pipe close under it.
        let pipe = open_pipe_within(path, FIFO_WAIT)?;
        drop(file);
        return Ok((Box::new(pipe), MAX_FILE_BYTES));
    }
    Err(fail(format!(
        "is a device or socket, not a file (to read a program's output, pipe it in with `{stdin_hint}`)"
    )))
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
    utf8(bytes)
}

/// The bytes as text, or where they stop being UTF-8.
fn utf8(bytes: Vec<u8>) -> Result<String, Problem> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        Problem::at(
            Some(line_and_column(valid)),
            "the file is not UTF-8 text (save it as UTF-8)",
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
}
