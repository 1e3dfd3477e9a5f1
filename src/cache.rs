//! Validated datasets by content hash, so a large file is parsed and checked once, not at every
//! run.
//!
//! An entry is the MessagePack encoding of one validated layer, behind a magic string and a
//! checksum of the payload. Its name is a hash of the file's bytes, this binary's version and
//! the data the layer was validated over, so a change to any of them misses. Writes are atomic
//! (a temporary file renamed into place). The cache never fails a command: a missing,
//! read-only or corrupted cache only costs the time of parsing the file again.

use std::fs::{self, File};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::model::Dataset;

/// Files smaller than this are parsed every time: they load in about a millisecond, and caching
/// them would only fill the cache directory.
pub const MIN_CACHED_BYTES: usize = 64 * 1024;

/// Entries up to this size are read whole before decoding (faster); larger ones are decoded as
/// they stream in, so a 10,000-role dataset's entry is never in memory beside the dataset.
pub const WHOLE_ENTRY_BYTES: u64 = 16 * 1024 * 1024;

/// What every entry starts with; the last byte is the entry layout's version.
const MAGIC: &[u8; 12] = b"roles-cache\x05";

/// Where validated datasets are kept, if anywhere.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
}

/// Names one cached layer: a hash of its text and of everything it was validated over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheKey(u128);

impl CacheKey {
    /// The key of a file's bytes validated over `base` (the key of the layers beneath it).
    pub fn new(bytes: &[u8], base: u128) -> CacheKey {
        let mut hasher = Xxh3::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(&crate::validate::FORMAT_VERSION.to_le_bytes());
        hasher.update(&base.to_le_bytes());
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
        CacheKey(hasher.digest128())
    }

    /// The key that stands for the built-in dataset (or for none, with `--no-builtin`).
    pub fn base(builtin: bool) -> u128 {
        if builtin {
            u128::from(crate::dataset::BUILTIN_HASH)
        } else {
            0
        }
    }

    /// The value the next layer's key is built on.
    pub fn value(self) -> u128 {
        self.0
    }
}

impl Cache {
    /// The user's cache directory (`$XDG_CACHE_HOME/roles`, else `~/.cache/roles` on Linux), or
    /// no cache when `enabled` is false.
    pub fn new(enabled: bool) -> Cache {
        let dir = enabled
            .then(dirs::cache_dir)
            .flatten()
            .map(|dir| dir.join("roles"));
        Cache { dir }
    }

    /// A cache in `dir`, for tests and benchmarks.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: Some(dir.into()),
        }
    }

    /// No cache at all.
    pub fn disabled() -> Cache {
        Cache { dir: None }
    }

    fn entry_path(&self, key: CacheKey) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(format!("{:032x}.msgpack", key.0)))
    }

    /// The dataset cached under `key`, if there is an intact entry.
    ///
    /// An entry up to [`WHOLE_ENTRY_BYTES`] is read whole and its checksum checked before
    /// decoding, which is about twice as fast as decoding from a stream. A larger one is decoded
    /// as it streams in, hashing the bytes on the way, and the result thrown away if the
    /// checksum does not match: memory then holds the dataset, not the entry too.
    pub fn get(&self, key: CacheKey) -> Option<Dataset> {
        self.get_reading_whole_up_to(key, WHOLE_ENTRY_BYTES)
    }

    fn get_reading_whole_up_to(&self, key: CacheKey, whole_limit: u64) -> Option<Dataset> {
        let path = self.entry_path(key)?;
        let size = fs::metadata(&path).ok()?.len();
        if size <= whole_limit {
            let bytes = fs::read(&path).ok()?;
            let (header, payload) = bytes.split_at_checked(MAGIC.len() + 8)?;
            let (magic, checksum) = header.split_at(MAGIC.len());
            if magic != MAGIC || checksum != xxh3_64(payload).to_le_bytes() {
                return None;
            }
            return Dataset::from_binary(payload).ok();
        }
        let mut file = File::open(&path).ok()?;
        let mut header = [0u8; MAGIC.len() + 8];
        file.read_exact(&mut header).ok()?;
        let (magic, checksum) = header.split_at(MAGIC.len());
        if magic != MAGIC {
            return None;
        }
        // Hashed in the buffer's large chunks, not in the decoder's small reads.
        let mut payload = BufReader::with_capacity(
            1 << 16,
            HashingReader {
                inner: file,
                hasher: Xxh3::new(),
            },
        );
        let dataset = Dataset::read_binary(&mut payload).ok()?;
        // Trailing bytes after a complete encoding are corruption too.
        let mut rest = Vec::new();
        payload.read_to_end(&mut rest).ok()?;
        let digest = payload.get_ref().hasher.digest();
        let intact = rest.is_empty() && checksum == digest.to_le_bytes();
        intact.then_some(dataset)
    }

    /// Stores `dataset` under `key`; any failure is ignored (the cache only saves time).
    pub fn put(&self, key: CacheKey, dataset: &Dataset) {
        if let Some(path) = self.entry_path(key) {
            let _ = write_entry(&path, dataset);
        }
    }
}

/// Passes bytes through while hashing them.
struct HashingReader<R> {
    inner: R,
    hasher: Xxh3,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let count = self.inner.read(buf)?;
        self.hasher.update(&buf[..count]);
        Ok(count)
    }
}

fn write_entry(path: &Path, dataset: &Dataset) -> Result<(), Box<dyn std::error::Error>> {
    let payload = dataset.to_binary()?;
    let dir = path.parent().ok_or("entry has no directory")?;
    fs::create_dir_all(dir)?;
    // Written beside the entry and renamed over it: a reader sees the old entry or the whole
    // new one, never a torn write.
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(MAGIC)?;
    file.write_all(&xxh3_64(&payload).to_le_bytes())?;
    file.write_all(&payload)?;
    file.persist(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Dataset {
        Dataset::builtin().unwrap_or_else(|e| panic!("built-in: {e}"))
    }

    fn temp_dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
    }

    #[test]
    fn a_stored_dataset_comes_back_equal() {
        let dir = temp_dir();
        let cache = Cache::in_dir(dir.path());
        let key = CacheKey::new(b"text", 0);
        assert_eq!(cache.get(key), None);
        cache.put(key, &builtin());
        assert_eq!(cache.get(key), Some(builtin()));
    }

    #[test]
    fn keys_differ_by_content_and_by_base() {
        let key = CacheKey::new(b"a", 0);
        assert_ne!(key, CacheKey::new(b"b", 0));
        assert_ne!(key, CacheKey::new(b"a", 1));
        assert_eq!(key, CacheKey::new(b"a", 0));
    }

    #[test]
    fn a_corrupted_entry_is_ignored() {
        let dir = temp_dir();
        let cache = Cache::in_dir(dir.path());
        let key = CacheKey::new(b"text", 0);
        cache.put(key, &builtin());
        let path = cache.entry_path(key).unwrap_or_default();
        let mut bytes = fs::read(&path).unwrap_or_default();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&path, &bytes).unwrap_or_else(|e| panic!("write: {e}"));
        assert_eq!(cache.get(key), None);
        assert_eq!(cache.get_reading_whole_up_to(key, 0), None, "streamed");
        fs::write(&path, b"roles-cache\x02short").unwrap_or_else(|e| panic!("write: {e}"));
        assert_eq!(cache.get(key), None);
        assert_eq!(cache.get_reading_whole_up_to(key, 0), None, "streamed");
    }

    #[test]
    fn a_large_entry_streams_in_and_comes_back_equal() {
        let dir = temp_dir();
        let cache = Cache::in_dir(dir.path());
        let key = CacheKey::new(b"text", 0);
        cache.put(key, &builtin());
        assert_eq!(cache.get_reading_whole_up_to(key, 0), Some(builtin()));
    }

    #[test]
    fn an_unwritable_cache_directory_is_no_error() {
        let dir = temp_dir();
        let blocker = dir.path().join("file");
        fs::write(&blocker, b"").unwrap_or_else(|e| panic!("write: {e}"));
        // A directory that cannot be created, because a file stands where it would go.
        let cache = Cache::in_dir(blocker.join("roles"));
        let key = CacheKey::new(b"text", 0);
        cache.put(key, &builtin());
        assert_eq!(cache.get(key), None);
    }
}
