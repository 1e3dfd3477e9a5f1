//! Writes a dataset as a cache entry in the layout of [`super::layout`].

use std::io::{self, Write};

use xxhash_rust::xxh3::xxh3_64;

use super::key::CacheKey;
use super::layout::{
    CARD, CardOut, FENCE_EVERY, HEADER_BYTES, HEADER_FIELDS, HeadOut, KEY_BYTES, MAGIC, NAMES,
    NamesOut, PIECES, REST, RestOut, key_hash,
};
use crate::model::{Dataset, to_positional};

/// Writes `dataset` as an entry under `key`.
pub fn write(out: &mut impl Write, key: CacheKey, dataset: &Dataset) -> Result<(), WriteError> {
    let mut parts: [Vec<u8>; PIECES] = Default::default();
    let mut slots = Vec::new();
    let mut keys: Vec<(u64, u32)> = Vec::new();
    let mut witnesses: Vec<(&str, u32)> = Vec::new();
    for (index, role) in dataset.roles.iter().enumerate() {
        let index = u32::try_from(index).map_err(|_| WriteError::TooLarge)?;
        let pieces = [
            to_positional(&NamesOut {
                id: &role.id,
                name: &role.name,
                aliases: &role.aliases,
            })?,
            to_positional(&CardOut {
                summary: &role.summary,
                salary: &role.salary,
                employment: &role.employment,
            })?,
            to_positional(&RestOut {
                duties: &role.duties,
                requirements: &role.requirements,
                environment: &role.environment,
                skills: &role.skills,
                aspects: &role.aspects,
                related: &role.related,
                advice: &role.advice,
            })?,
        ];
        for (part, piece) in parts.iter_mut().zip(&pieces) {
            let length = u32::try_from(piece.len()).map_err(|_| WriteError::TooLarge)?;
            slots.extend_from_slice(&(part.len() as u64).to_le_bytes());
            slots.extend_from_slice(&xxh3_64(piece).to_le_bytes());
            slots.extend_from_slice(&length.to_le_bytes());
            part.extend_from_slice(piece);
        }
        keys.push((key_hash(&role.id), index));
        keys.push((key_hash(&crate::dataset::normalise(&role.name)), index));
        for alias in &role.aliases {
            keys.push((key_hash(&crate::dataset::normalise(alias)), index));
        }
        // One role per source that rates skills, so a partial load still knows the source
        // rates some roles (see `Dataset::unrated_by`).
        for skill in role.skills.iter().filter(|s| s.importance.is_some()) {
            for source in &skill.sources {
                if !witnesses.iter().any(|(id, _)| id == source) {
                    witnesses.push((source, index));
                }
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    let head = to_positional(&HeadOut {
        version: dataset.version,
        sources: &dataset.sources,
        skills: &dataset.skills,
        themes: &dataset.themes,
        aspects: &dataset.aspects,
        witnesses,
        fences: keys
            .iter()
            .step_by(FENCE_EVERY as usize)
            .map(|k| k.0)
            .collect(),
    })?;
    let size = HEADER_BYTES
        + head.len() as u64
        + slots.len() as u64
        + keys.len() as u64 * KEY_BYTES
        + parts.iter().map(|p| p.len() as u64).sum::<u64>();
    out.write_all(MAGIC)?;
    out.write_all(&key.value().to_le_bytes())?;
    let fields: [u64; HEADER_FIELDS] = [
        size,
        head.len() as u64,
        xxh3_64(&head),
        dataset.roles.len() as u64,
        keys.len() as u64,
        parts[NAMES].len() as u64,
        parts[CARD].len() as u64,
        parts[REST].len() as u64,
    ];
    for field in fields {
        out.write_all(&field.to_le_bytes())?;
    }
    out.write_all(&head)?;
    out.write_all(&slots)?;
    for (hash, role) in &keys {
        out.write_all(&hash.to_le_bytes())?;
        out.write_all(&role.to_le_bytes())?;
    }
    for part in &parts {
        out.write_all(part)?;
    }
    Ok(())
}

/// Why an entry could not be written (the cache then only misses).
#[derive(Debug)]
pub enum WriteError {
    /// A role or the dataset is beyond what the layout's 32-bit lengths hold.
    TooLarge,
    /// Encoding failed.
    Encode(rmp_serde::encode::Error),
    /// Writing failed.
    Io(io::Error),
}

impl From<rmp_serde::encode::Error> for WriteError {
    fn from(error: rmp_serde::encode::Error) -> Self {
        WriteError::Encode(error)
    }
}

impl From<io::Error> for WriteError {
    fn from(error: io::Error) -> Self {
        WriteError::Io(error)
    }
}
