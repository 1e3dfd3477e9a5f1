//! A cached blob (an index, say): its bytes behind a magic string, the key it was written
//! under, its length and a checksum, so a stale, damaged or planted file is never read as one.

use xxhash_rust::xxh3::xxh3_64;

use super::key::CacheKey;

/// The first bytes of every blob; the last is the layout's version.
const MAGIC: &[u8; 11] = b"roles-blob\x01";

/// Magic, key, length and checksum.
const HEADER_BYTES: usize = MAGIC.len() + 16 + 8 + 8;

/// `payload` as it is stored under `key`.
pub fn wrap(payload: &[u8], key: CacheKey) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_BYTES + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&key.value().to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_64(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of `bytes`, if they are a whole blob written under `key`.
pub fn unwrap(bytes: &[u8], key: CacheKey) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (stored_key, rest) = rest.split_at_checked(16)?;
    let (length, rest) = rest.split_at_checked(8)?;
    let (sum, payload) = rest.split_at_checked(8)?;
    let word = |b: &[u8]| b.try_into().ok().map(u64::from_le_bytes);
    let right_key = u128::from_le_bytes(stored_key.try_into().ok()?) == key.value();
    let right_length = word(length)? == payload.len() as u64;
    (right_key && right_length && word(sum)? == xxh3_64(payload)).then_some(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_comes_back_only_whole_and_under_its_key() {
        let key = CacheKey::from_value(7);
        let stored = wrap(b"payload", key);
        assert_eq!(unwrap(&stored, key), Some(&b"payload"[..]));
        assert_eq!(unwrap(&stored, CacheKey::from_value(8)), None);
        assert_eq!(unwrap(&stored[..stored.len() - 1], key), None);
        let mut flipped = stored.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(unwrap(&flipped, key), None);
    }
}
