//! A file's stamp: what the file system says of it (device, inode, size, modification and
//! change times), as git's index records it. A warm run whose `--data` file still has the stamp
//! recorded beside its cache key uses that entry without reading or hashing the file; any other
//! run reads it once, as before, and records the stamp for the next.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::cache::key::CacheKey;

/// What the file system says of a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    device: u64,
    inode: u64,
    /// Size in bytes.
    pub size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

/// Seconds a file's times must lie before the moment its stamp was recorded for the stamp to be
/// believed: a change within the same tick of a coarse file-system clock leaves the times as
/// they were, so a file changed just before (or while) it was read is always read again.
pub const RACY_SECONDS: i64 = 2;

/// First word of a stamp record, with its version.
const STAMP_MAGIC: &str = "roles-stamp-2";

/// Longest record read back; a planted file larger than this is ignored.
const MAX_RECORD_BYTES: u64 = 256;

impl Stamp {
    /// The stamp of the regular file at `path` (links followed, as the read follows them), or
    /// None for anything else, or where the platform gives no inode and change time.
    pub fn of(path: &Path) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let meta = fs::metadata(path).ok()?;
            meta.is_file().then(|| Stamp {
                device: meta.dev(),
                inode: meta.ino(),
                size: meta.size(),
                modified: (meta.mtime(), meta.mtime_nsec()),
                changed: (meta.ctime(), meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }

    fn fields(&self) -> [i128; 7] {
        [
            i128::from(self.device),
            i128::from(self.inode),
            i128::from(self.size),
            i128::from(self.modified.0),
            i128::from(self.modified.1),
            i128::from(self.changed.0),
            i128::from(self.changed.1),
        ]
    }

    /// The record of this stamp naming `key`, made at `now` (seconds since the epoch).
    /// The record ends with a checksum of the rest, so a hand edit (pointing one file's stamp
    /// at another file's entry) is not believed.
    fn record(&self, key: CacheKey, now: i64) -> String {
        let fields: Vec<String> = self.fields().iter().map(i128::to_string).collect();
        let body = format!(
            "{STAMP_MAGIC} {} {:032x} {now}",
            fields.join(" "),
            key.value()
        );
        format!("{body} {:016x}\n", xxh3_64(body.as_bytes()))
    }

    /// The key in `record` if it was made for exactly this stamp, long enough after the file's
    /// last change to be believed.
    fn key_in(&self, record: &str) -> Option<CacheKey> {
        let (body, sum) = record.strip_suffix('\n')?.rsplit_once(' ')?;
        if u64::from_str_radix(sum, 16).ok()? != xxh3_64(body.as_bytes()) {
            return None;
        }
        let mut words = body.split_whitespace();
        if words.next()? != STAMP_MAGIC {
            return None;
        }
        for expected in self.fields() {
            if words.next()?.parse::<i128>().ok()? != expected {
                return None;
            }
        }
        let key = u128::from_str_radix(words.next()?, 16).ok()?;
        let recorded: i64 = words.next()?.parse().ok()?;
        let settled = |time: (i64, i64)| time.0 < recorded.saturating_sub(RACY_SECONDS);
        (words.next().is_none() && settled(self.modified) && settled(self.changed))
            .then(|| CacheKey::from_value(key))
    }
}

/// Where stamps are recorded: one small file per data file and base, in the cache directory.
#[derive(Debug, Clone)]
pub struct StampBook {
    dir: PathBuf,
}

impl StampBook {
    /// Stamps kept in `dir` (the cache's directory).
    pub fn in_dir(dir: impl Into<PathBuf>) -> StampBook {
        StampBook { dir: dir.into() }
    }

    /// The record's name: a hash of the file's absolute path and of the layers beneath it.
    fn record_path(&self, path: &Path, base: u128) -> Option<PathBuf> {
        let absolute = std::path::absolute(path).ok()?;
        let mut hasher = Xxh3::new();
        hasher.update(absolute.as_os_str().as_encoded_bytes());
        hasher.update(&base.to_le_bytes());
        Some(self.dir.join(format!("{:032x}.stamp", hasher.digest128())))
    }

    /// The cache key recorded for `path` over `base`, if the file still has `stamp`.
    pub fn key_for(&self, path: &Path, base: u128, stamp: &Stamp) -> Option<CacheKey> {
        let file =
            crate::open::open_without_blocking(&self.record_path(path, base)?, false).ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        let mut record = String::new();
        file.take(MAX_RECORD_BYTES)
            .read_to_string(&mut record)
            .ok()?;
        stamp.key_in(&record)
    }

    /// Records that `path` with `stamp`, over `base`, holds the text keyed `key`; any failure
    /// is ignored (the stamp only saves a read).
    pub fn record(&self, path: &Path, base: u128, stamp: &Stamp, key: CacheKey) {
        let Some(target) = self.record_path(path, base) else {
            return;
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(&self.dir)?;
            let mut file = super::temp::file_in(&self.dir)?;
            file.write_all(stamp.record(key, now).as_bytes())?;
            file.persist(&target).map_err(|e| e.error)?;
            Ok(())
        };
        let _ = write();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(changed: i64) -> Stamp {
        Stamp {
            device: 1,
            inode: 2,
            size: 3,
            modified: (changed - 10, 5),
            changed: (changed, 7),
        }
    }

    #[test]
    fn a_record_is_believed_only_for_the_same_stamp_once_settled() {
        let key = CacheKey::from_value(0xabc);
        let old = stamp(1_000);
        let record = old.record(key, 2_000);
        assert_eq!(old.key_in(&record), Some(key));
        // Any field changed: another file, or this one changed.
        let mut grown = old;
        grown.size += 1;
        assert_eq!(grown.key_in(&record), None);
        assert_eq!(stamp(1_001).key_in(&record), None);
        // Changed within RACY_SECONDS of the recording: a same-tick change may hide.
        let racy = stamp(1_999);
        assert_eq!(racy.key_in(&racy.record(key, 2_000)), None);
        // Garbage, a truncated record and one with a tail are ignored.
        assert_eq!(old.key_in("roles-stamp-1 1 2"), None);
        assert_eq!(old.key_in(&format!("{} extra", record.trim())), None);
        assert_eq!(old.key_in(""), None);
        // A hand edit pointing the stamp at another entry: the checksum no longer holds.
        let edited = record.replace(&format!("{:032x}", 0xabc), &format!("{:032x}", 0xdef));
        assert_ne!(edited, record);
        assert_eq!(old.key_in(&edited), None);
    }

    #[test]
    fn stamps_round_trip_through_the_book() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("data.yaml");
        fs::write(&file, "x").unwrap_or_else(|e| panic!("{e}"));
        let book = StampBook::in_dir(dir.path().join("cache"));
        let Some(real) = Stamp::of(&file) else {
            return;
        };
        // Made settled by hand: a real file written just now is not believed yet.
        let settled = Stamp {
            modified: (real.modified.0 - 100, 0),
            changed: (real.changed.0 - 100, 0),
            ..real
        };
        let key = CacheKey::from_value(42);
        book.record(&file, 7, &settled, key);
        assert_eq!(book.key_for(&file, 7, &settled), Some(key));
        assert_eq!(book.key_for(&file, 8, &settled), None, "another base");
        assert_eq!(book.key_for(&file, 7, &real), None, "another stamp");
    }
}
