//! Fuzzes the cache reader: any bytes as an entry, and a valid entry of the built-in data with
//! the input written over it at a place the input chooses (so damage reaches the slots, keys
//! and pieces behind an intact header), read whole and in part. Nothing may panic or hang.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use roles::cache::{CacheKey, decode_entry_bytes, encode_entry, partial_reads_of_entry_bytes};
use roles::model::Dataset;

fn valid_entry(key: CacheKey) -> &'static [u8] {
    static ENTRY: OnceLock<Vec<u8>> = OnceLock::new();
    ENTRY.get_or_init(|| {
        Dataset::builtin()
            .ok()
            .and_then(|data| encode_entry(key, &data))
            .unwrap_or_default()
    })
}

fuzz_target!(|data: &[u8]| {
    let key = CacheKey::from_value(0x5eed);
    let _ = decode_entry_bytes(data, key);
    let _ = partial_reads_of_entry_bytes(data, key, "pm");
    let mut entry = valid_entry(key).to_vec();
    if entry.is_empty() || data.len() < 4 {
        return;
    }
    let (place, patch) = data.split_at(4);
    let start = u32::from_le_bytes([place[0], place[1], place[2], place[3]]) as usize % entry.len();
    for (byte, new) in entry[start..].iter_mut().zip(patch) {
        *byte = *new;
    }
    let _ = decode_entry_bytes(&entry, key);
    let _ = partial_reads_of_entry_bytes(&entry, key, "product owner");
});
