//! How a cache entry is laid out: for lookups, so a warm `show` on a large dataset reads a few
//! kilobytes of its entry rather than all of it, and `list` reads only the roles' cards.
//!
//! ```text
//! header  magic, key, then eight u64s: entry size, head length, head checksum, roles, keys,
//!         and the lengths of the names, cards and rests
//! head    the vocabularies (sources, skills, themes, aspects), the witnesses and the key fences
//! slots   one per role: where its name, card and rest lie, and their checksums
//! keys    (hash of an id, a normalised name or alias, role) sorted, for binary search
//! names   one per role: id, name, aliases (what completion offers)
//! cards   one per role: summary, pay, headcount (with the names, what list and salary show)
//! rests   one per role: everything else
//! ```
//!
//! The head and every piece of a role carry a checksum, checked before they are decoded. The
//! slots and keys are not checksummed (checking them would mean reading them all): every offset
//! read from them is bounds-checked, and a damaged key can only make a lookup find a role that
//! the exact comparison after decoding then drops, or miss one, which a full decode then finds.

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::model::{
    AspectDefinition, AspectValue, Headcount, RelatedRole, Requirements, Role, RoleSkill,
    SalaryFigure, SkillDefinition, Source, Statement, ThemeDefinition,
};

/// What every entry starts with; the last byte is the layout's version.
pub const MAGIC: &[u8; 12] = b"roles-cache\x09";

pub(super) const HEADER_FIELDS: usize = 8;
pub(super) const HEADER_BYTES: u64 = MAGIC.len() as u64 + 16 + HEADER_FIELDS as u64 * 8;
/// A role's pieces: its names, its card and its rest, each in a part of its own.
pub(super) const PIECES: usize = 3;
pub(super) const NAMES: usize = 0;
pub(super) const CARD: usize = 1;
pub(super) const REST: usize = 2;
/// Per piece: where it starts in its part (u64), its checksum (u64) and its length (u32).
pub(super) const PIECE_BYTES: u64 = 20;
pub(super) const SLOT_BYTES: u64 = PIECE_BYTES * PIECES as u64;
pub(super) const KEY_BYTES: u64 = 12;
/// Every this many keys, the key's hash is kept in the head, so a lookup reads one block.
pub(super) const FENCE_EVERY: u64 = 64;

#[derive(Serialize)]
pub(super) struct HeadOut<'a> {
    pub(super) version: u32,
    pub(super) sources: &'a [Source],
    pub(super) skills: &'a [SkillDefinition],
    pub(super) themes: &'a [ThemeDefinition],
    pub(super) aspects: &'a [AspectDefinition],
    pub(super) witnesses: Vec<(&'a str, u32)>,
    pub(super) fences: Vec<u64>,
}

#[derive(Deserialize)]
pub(super) struct Head {
    pub(super) version: u32,
    pub(super) sources: Vec<Source>,
    pub(super) skills: Vec<SkillDefinition>,
    pub(super) themes: Vec<ThemeDefinition>,
    pub(super) aspects: Vec<AspectDefinition>,
    pub(super) witnesses: Vec<(String, u32)>,
    pub(super) fences: Vec<u64>,
}

#[derive(Serialize)]
pub(super) struct NamesOut<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) aliases: &'a [String],
}

#[derive(Deserialize)]
pub(super) struct NamesIn {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) aliases: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct CardOut<'a> {
    pub(super) summary: &'a Statement,
    pub(super) salary: &'a [SalaryFigure],
    pub(super) employment: &'a [Headcount],
}

#[derive(Deserialize)]
pub(super) struct CardIn {
    pub(super) summary: Statement,
    pub(super) salary: Vec<SalaryFigure>,
    pub(super) employment: Vec<Headcount>,
}

#[derive(Serialize)]
pub(super) struct RestOut<'a> {
    pub(super) duties: &'a [Statement],
    pub(super) requirements: &'a Requirements,
    pub(super) environment: &'a [Statement],
    pub(super) skills: &'a [RoleSkill],
    pub(super) aspects: &'a [AspectValue],
    pub(super) related: &'a [RelatedRole],
    pub(super) advice: &'a [Statement],
}

#[derive(Deserialize)]
pub(super) struct RestIn {
    pub(super) duties: Vec<Statement>,
    pub(super) requirements: Requirements,
    pub(super) environment: Vec<Statement>,
    pub(super) skills: Vec<RoleSkill>,
    pub(super) aspects: Vec<AspectValue>,
    pub(super) related: Vec<RelatedRole>,
    pub(super) advice: Vec<Statement>,
}

/// A role's names read in place, for a caller that keeps only some of them.
#[derive(Deserialize)]
pub(super) struct NamesRef<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) aliases: Vec<&'a str>,
}

/// A role's names without its aliases, skipped unread: what `salary --all` needs of them.
#[derive(Deserialize)]
pub(super) struct TitleIn {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) _aliases: serde::de::IgnoredAny,
}

/// A role's names piece, made into a role with nothing else yet.
pub(super) trait IntoRole {
    fn into_role(self) -> Role;
}

impl IntoRole for TitleIn {
    fn into_role(self) -> Role {
        NamesIn {
            id: self.id,
            name: self.name,
            aliases: Vec::new(),
        }
        .into_role()
    }
}

impl IntoRole for NamesIn {
    /// The role with only its names; everything else empty until its card and rest are joined.
    fn into_role(self) -> Role {
        Role {
            id: self.id,
            name: self.name,
            aliases: self.aliases,
            summary: Statement {
                text: String::new(),
                sources: Vec::new(),
                date: None,
                themes: Vec::new(),
                versus: None,
                involvement: None,
            },
            duties: Vec::new(),
            requirements: Requirements::default(),
            environment: Vec::new(),
            skills: Vec::new(),
            salary: Vec::new(),
            aspects: Vec::new(),
            related: Vec::new(),
            advice: Vec::new(),
            employment: Vec::new(),
        }
    }
}

/// A card read for its pay alone, the summary skipped unread.
#[derive(Deserialize)]
pub(super) struct PayIn {
    pub(super) _summary: serde::de::IgnoredAny,
    pub(super) salary: Vec<SalaryFigure>,
    pub(super) employment: Vec<Headcount>,
}

impl Joins for PayIn {
    fn join(self, role: &mut Role) {
        role.salary = self.salary;
        role.employment = self.employment;
    }
}

/// A piece of a role that fills in its fields.
pub(super) trait Joins {
    fn join(self, role: &mut Role);
}

impl Joins for CardIn {
    fn join(self, role: &mut Role) {
        role.summary = self.summary;
        role.salary = self.salary;
        role.employment = self.employment;
    }
}

impl Joins for RestIn {
    fn join(self, role: &mut Role) {
        role.duties = self.duties;
        role.requirements = self.requirements;
        role.environment = self.environment;
        role.skills = self.skills;
        role.aspects = self.aspects;
        role.related = self.related;
        role.advice = self.advice;
    }
}

/// The hash a lookup key is filed under: of a role's id as it is, or of a name or alias as
/// [`crate::dataset::normalise`] makes it (a query is normalised the same way).
pub fn key_hash(normalised: &str) -> u64 {
    xxh3_64(normalised.as_bytes())
}

/// Where the parts of an entry lie, every offset checked against its size.
#[derive(Debug, Clone, Copy)]
pub(super) struct Layout {
    pub(super) roles: u64,
    pub(super) keys: u64,
    pub(super) slots_at: u64,
    pub(super) keys_at: u64,
    /// Where the names, cards and rests start, and where the entry ends.
    pub(super) parts_at: [u64; PIECES + 1],
}

/// Where one piece of a role lies within its part, and its checksum.
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece {
    pub(super) at: u64,
    pub(super) sum: u64,
    pub(super) length: u64,
}

/// A role's three pieces.
pub(super) type Slot = [Piece; PIECES];

pub(super) fn parse_slot(bytes: &[u8]) -> Option<Slot> {
    let word = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
    let half = |at: usize| {
        Some(u64::from(u32::from_le_bytes(
            bytes.get(at..at + 4)?.try_into().ok()?,
        )))
    };
    let piece = |n: usize| {
        let base = n * PIECE_BYTES as usize;
        Some(Piece {
            at: word(base)?,
            sum: word(base + 8)?,
            length: half(base + 16)?,
        })
    };
    Some([piece(NAMES)?, piece(CARD)?, piece(REST)?])
}
