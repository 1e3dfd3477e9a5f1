//! Fuzzes the cache reader: any bytes as an entry, and any payload behind a valid header (so
//! the MessagePack decoder is reached past the checksum). Neither may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roles::cache::{CacheKey, MAGIC, decode_entry_bytes};

fuzz_target!(|data: &[u8]| {
    let key = CacheKey::from_value(0x5eed);
    let _ = decode_entry_bytes(data, key);
    let mut entry = MAGIC.to_vec();
    entry.extend_from_slice(&0x5eed_u128.to_le_bytes());
    entry.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(data).to_le_bytes());
    entry.extend_from_slice(data);
    let _ = decode_entry_bytes(&entry, key);
});
