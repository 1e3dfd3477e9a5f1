//! The name of a cached layer: a hash of its text, this build and everything it was validated
//! over, so a change to any of them misses.

use xxhash_rust::xxh3::Xxh3;

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
