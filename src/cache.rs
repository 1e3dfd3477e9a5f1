//! Validated datasets by content hash, so a large file is parsed and checked once, not at every
//! run.
//!
//! An entry is the MessagePack encoding of one validated layer, behind a magic string, the key
//! it was written under and a checksum of the payload. Its name is a hash of the file's bytes, this binary's version and
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

/// What every entry starts with; the last byte is the entry layout's version (public for the
/// fuzz target, which builds valid headers).
pub const MAGIC: &[u8; 12] = b"roles-cache\x07";

/// The magic, the key the entry was written under, and the payload's checksum.
const HEADER_BYTES: usize = MAGIC.len() + 16 + 8;

/// Where validated datasets are kept, if anywhere.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
}

/// Names one cached layer: a hash of its text and of everything it was validated over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheKey(u128);

impl CacheKey {
    /// A key from its raw value, for fuzzing and tests.
    pub fn from_value(value: u128) -> CacheKey {
        CacheKey(value)
    }

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

    /// Where file stamps are recorded, beside the entries; none when the cache is off.
    pub fn stamps(&self) -> Option<crate::stamp::StampBook> {
        self.dir.as_ref().map(crate::stamp::StampBook::in_dir)
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
        let file = open_entry(&self.entry_path(key)?)?;
        let size = file.metadata().ok()?.len();
        // Read no further than the size the entry had when opened, whatever is appended.
        decode_entry(file.take(size), size, key, whole_limit)
    }

    /// Stores `dataset` under `key`; any failure is ignored (the cache only saves time).
    pub fn put(&self, key: CacheKey, dataset: &Dataset) {
        if let Some(path) = self.entry_path(key) {
            let _ = write_entry(&path, key, dataset);
        }
    }
}

/// The dataset in an entry's bytes if they are an intact entry written under `key`: the one
/// reader of entries, public so a fuzz target can feed it anything.
pub fn decode_entry_bytes(bytes: &[u8], key: CacheKey) -> Option<Dataset> {
    decode_entry(bytes, bytes.len() as u64, key, WHOLE_ENTRY_BYTES)
}

/// Decodes an entry of `size` bytes from `entry`: whole when up to `whole_limit` (faster), else
/// as it streams in, hashing on the way and throwing the result away if the checksum fails.
fn decode_entry(
    mut entry: impl Read,
    size: u64,
    key: CacheKey,
    whole_limit: u64,
) -> Option<Dataset> {
    let mut header = [0u8; HEADER_BYTES];
    entry.read_exact(&mut header).ok()?;
    let (magic, rest) = header.split_at(MAGIC.len());
    let (stored_key, checksum) = rest.split_at(16);
    // An entry copied or renamed over another's name names the wrong key and is not used.
    if magic != MAGIC || stored_key != key.0.to_le_bytes() {
        return None;
    }
    if size <= whole_limit {
        let mut payload = Vec::with_capacity(usize::try_from(size).ok()?);
        entry.read_to_end(&mut payload).ok()?;
        if checksum != xxh3_64(&payload).to_le_bytes() {
            return None;
        }
        return Dataset::from_binary(&payload).ok();
    }
    // Hashed in the buffer's large chunks, not in the decoder's small reads.
    let mut payload = BufReader::with_capacity(
        1 << 16,
        HashingReader {
            inner: entry,
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

/// Opens an entry only if it is a regular file reached without following a symbolic link, and
/// without waiting on a named pipe, so nothing planted in the cache directory can hang a run
/// or feed it endless bytes.
fn open_entry(path: &Path) -> Option<File> {
    let file = crate::loader::open_without_blocking(path, false).ok()?;
    file.metadata().ok()?.is_file().then_some(file)
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

fn write_entry(
    path: &Path,
    key: CacheKey,
    dataset: &Dataset,
) -> Result<(), Box<dyn std::error::Error>> {
    let payload = dataset.to_binary()?;
    let dir = path.parent().ok_or("entry has no directory")?;
    fs::create_dir_all(dir)?;
    // Written beside the entry and renamed over it: a reader sees the old entry or the whole
    // new one, never a torn write.
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(MAGIC)?;
    file.write_all(&key.0.to_le_bytes())?;
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

    #[test]
    fn an_entry_copied_over_another_key_is_not_believed() {
        let dir = temp_dir();
        let cache = Cache::in_dir(dir.path());
        let (mine, theirs) = (CacheKey::new(b"mine", 0), CacheKey::new(b"theirs", 0));
        cache.put(theirs, &builtin());
        let (from, to) = (cache.entry_path(theirs), cache.entry_path(mine));
        fs::copy(from.unwrap_or_default(), to.unwrap_or_default())
            .unwrap_or_else(|e| panic!("copy: {e}"));
        assert_eq!(cache.get(mine), None);
        assert_eq!(cache.get_reading_whole_up_to(mine, 0), None, "streamed");
        assert_eq!(cache.get(theirs), Some(builtin()));
    }

    #[cfg(unix)]
    #[test]
    fn links_and_pipes_in_the_cache_are_not_read() {
        let dir = temp_dir();
        let cache = Cache::in_dir(dir.path());
        let real = CacheKey::new(b"real", 0);
        cache.put(real, &builtin());
        let linked = CacheKey::new(b"linked", 0);
        let real_path = cache.entry_path(real).unwrap_or_default();
        let linked_path = cache.entry_path(linked).unwrap_or_default();
        std::os::unix::fs::symlink(&real_path, &linked_path)
            .unwrap_or_else(|e| panic!("symlink: {e}"));
        assert_eq!(cache.get(linked), None, "a link is not followed");
        let piped = CacheKey::new(b"piped", 0);
        let pipe_path = cache.entry_path(piped).unwrap_or_default();
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe_path)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            // Would block for ever if opened as a plain file.
            assert_eq!(cache.get(piped), None, "a named pipe is not waited on");
        }
    }
}
