//! The cache's temporary files: named so that one a stopped run left behind (Ctrl-C or a kill
//! mid-write) is recognised, and swept away by a later write.

use std::fs;
use std::path::Path;

/// How temporary files of the cache begin: one left by a run stopped mid-write (Ctrl-C, a
/// kill) is swept away by a later write once it is older than [`STALE_TEMP_SECONDS`].
const TEMP_PREFIX: &str = ".roles-tmp-";

/// Age past which a temporary file is no write in progress but one abandoned.
const STALE_TEMP_SECONDS: u64 = 60;

/// Removes the temporary files in `dir` that runs stopped mid-write left behind (ours, and the
/// `.tmp` files of versions that named them so); a failure is left for the next write.
pub fn sweep_abandoned(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let stale = std::time::Duration::from_secs(STALE_TEMP_SECONDS);
    for entry in entries.filter_map(Result::ok).take(100_000) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with(TEMP_PREFIX) && !name.starts_with(".tmp") {
            continue;
        }
        let abandoned = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > stale);
        if abandoned {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A temporary file in `dir` named as [`sweep_abandoned`] knows it.
pub fn file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
}
