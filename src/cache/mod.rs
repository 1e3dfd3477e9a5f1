//! Validated datasets by content hash, so a large file is parsed and checked once, not at every
//! run.
//!
//! An entry holds one validated layer, laid out for lookups ([`entry`]) behind a magic
//! string and the key it was written under. Its name is a hash of the file's bytes, this
//! binary's version and the data the layer was validated over, so a change to any of them
//! misses. Writes are atomic (a temporary file renamed into place). The cache never fails a
//! command: a missing, read-only or corrupted cache only costs the time of parsing the file
//! again.

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

mod blob;
pub mod entry;
pub mod key;
pub mod layout;
pub mod stamp;
mod temp;
pub mod write;

use crate::model::Dataset;
use entry::Entry;
pub use key::CacheKey;
use stamp::StampBook;

/// Files smaller than this are parsed every time: they load in about a millisecond, and caching
/// them would only fill the cache directory.
pub const MIN_CACHED_BYTES: usize = 64 * 1024;

/// What every entry starts with (public for the fuzz target, which builds valid headers).
pub use layout::MAGIC;

/// Where validated datasets are kept, if anywhere.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
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
    pub fn stamps(&self) -> Option<StampBook> {
        self.dir.as_ref().map(StampBook::in_dir)
    }

    fn entry_path(&self, key: CacheKey) -> Option<PathBuf> {
        Some(
            self.dir
                .as_ref()?
                .join(format!("{:032x}.msgpack", key.value())),
        )
    }

    /// The dataset cached under `key`, whole, if there is an intact entry.
    pub fn get(&self, key: CacheKey) -> Option<Dataset> {
        self.open(key)?.everything()
    }

    /// The entry cached under `key`, opened for lookups, if its head is intact. An entry of up
    /// to [`HELD_OPEN_BYTES`] is read whole and its file closed, so a run over many small layers
    /// holds no descriptor per layer; a larger one is read on demand from its open file.
    pub fn open(&self, key: CacheKey) -> Option<Entry<EntrySource>> {
        let mut file = open_entry(&self.entry_path(key)?)?;
        let size = file.metadata().ok()?.len();
        let source = if size <= HELD_OPEN_BYTES {
            let mut bytes = Vec::with_capacity(usize::try_from(size).ok()?);
            std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, size), &mut bytes)
                .ok()?;
            EntrySource::Read(std::io::Cursor::new(bytes))
        } else {
            EntrySource::Open(file)
        };
        Entry::open(source, size, key)
    }

    /// Removes the entry under `key`, found damaged, so the next run parses the file afresh.
    pub fn forget(&self, key: CacheKey) {
        if let Some(path) = self.entry_path(key) {
            let _ = fs::remove_file(path);
        }
    }

    fn blob_path(&self, kind: &str, key: CacheKey) -> Option<PathBuf> {
        Some(
            self.dir
                .as_ref()?
                .join(format!("{:032x}.{kind}", key.value())),
        )
    }

    /// The bytes stored as `kind` under `key` (an index, say), if they are intact: written
    /// under that key, as long as they say, with their checksum. At most `limit` bytes.
    pub fn get_blob(&self, kind: &str, key: CacheKey, limit: u64) -> Option<Vec<u8>> {
        let file = open_entry(&self.blob_path(kind, key)?)?;
        let size = file.metadata().ok()?.len().min(limit);
        let mut bytes = Vec::with_capacity(usize::try_from(size).ok()?.saturating_add(1));
        std::io::Read::read_to_end(&mut std::io::Read::take(file, limit), &mut bytes).ok()?;
        let start = blob::unwrap(&bytes, key)?.as_ptr() as usize - bytes.as_ptr() as usize;
        bytes.drain(..start);
        Some(bytes)
    }

    /// Stores `bytes` as `kind` under `key`; any failure is ignored.
    pub fn put_blob(&self, kind: &str, key: CacheKey, bytes: &[u8]) {
        if let Some(path) = self.blob_path(kind, key) {
            let _ = write_atomically(&path, |out| {
                std::io::Write::write_all(out, &blob::wrap(bytes, key))
                    .map_err(|e| e.to_string().into())
            });
        }
    }

    /// Stores `dataset` under `key`; any failure is ignored (the cache only saves time).
    pub fn put(&self, key: CacheKey, dataset: &Dataset) {
        if let Some(path) = self.entry_path(key) {
            let _ = write_entry(&path, key, dataset);
        }
    }
}

/// The dataset in an entry's bytes if they are an intact entry written under `key`: public so
/// a fuzz target can feed the reader anything.
pub fn decode_entry_bytes(bytes: &[u8], key: CacheKey) -> Option<Dataset> {
    Entry::open(std::io::Cursor::new(bytes), bytes.len() as u64, key)?.everything()
}

/// Every partial read of an entry's bytes (the roles filed under `name`, whole; every card;
/// every role's names), for the fuzz target: none may panic or hang, whatever the bytes.
pub fn partial_reads_of_entry_bytes(bytes: &[u8], key: CacheKey, name: &str) -> Option<usize> {
    let mut entry = Entry::open(std::io::Cursor::new(bytes), bytes.len() as u64, key)?;
    let hash = layout::key_hash(&crate::dataset::normalise(name));
    let found = entry.lookup(hash)?;
    let whole = found.iter().filter_map(|&place| entry.role(place)).count();
    Some(whole + entry.cards()?.len() + entry.names(|_| true)?.len())
}

/// The entry `dataset` is stored as under `key` (for the fuzz target, to damage it).
pub fn encode_entry(key: CacheKey, dataset: &Dataset) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    write::write(&mut bytes, key, dataset).ok()?;
    Some(bytes)
}

/// Opens an entry only if it is a regular file reached without following a symbolic link, and
/// without waiting on a named pipe, so nothing planted in the cache directory can hang a run
/// or feed it endless bytes.
fn open_entry(path: &Path) -> Option<File> {
    let file = crate::open::open_without_blocking(path, false).ok()?;
    file.metadata().ok()?.is_file().then_some(file)
}

fn write_entry(
    path: &Path,
    key: CacheKey,
    dataset: &Dataset,
) -> Result<(), Box<dyn std::error::Error>> {
    write_atomically(path, |out| {
        write::write(out, key, dataset).map_err(|e| format!("{e:?}").into())
    })
}

/// Largest entry read whole when opened (and its file closed) rather than kept open.
pub const HELD_OPEN_BYTES: u64 = 4 << 20;

/// Where an open entry's bytes are: read whole, or in its still-open file.
pub enum EntrySource {
    /// Read whole when opened; the file is closed.
    Read(std::io::Cursor<Vec<u8>>),
    /// A large entry's file, read as lookups need.
    Open(File),
}

impl std::io::Read for EntrySource {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            EntrySource::Read(bytes) => bytes.read(buf),
            EntrySource::Open(file) => file.read(buf),
        }
    }
}

impl std::io::Seek for EntrySource {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        match self {
            EntrySource::Read(bytes) => bytes.seek(to),
            EntrySource::Open(file) => file.seek(to),
        }
    }
}

/// Writes a file of the cache through a temporary file beside it, renamed over it: a reader
/// sees the old file or the whole new one, never a torn write. Temporary files that earlier
/// runs abandoned are swept first.
fn write_atomically(
    path: &Path,
    contents: impl FnOnce(
        &mut BufWriter<tempfile::NamedTempFile>,
    ) -> Result<(), Box<dyn std::error::Error>>,
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = path.parent().ok_or("entry has no directory")?;
    fs::create_dir_all(dir)?;
    temp::sweep_abandoned(dir);
    let file = temp::file_in(dir)?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    contents(&mut out)?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
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
        fs::write(&path, b"roles-cache\x08short").unwrap_or_else(|e| panic!("write: {e}"));
        assert_eq!(cache.get(key), None);
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
