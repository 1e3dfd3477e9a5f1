//! An open cache entry: its head decoded, its roles read on demand, every piece checked against
//! its checksum and every offset against the entry's size before it is decoded (the layout is
//! in [`super::layout`]).

use std::io::{BufReader, Read, Seek, SeekFrom};

use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::xxh3_64;

use super::key::CacheKey;
use super::layout::*;
use crate::model::{Dataset, Role, Source};

/// An open entry: its head decoded, its roles read on demand.
pub struct Entry<S> {
    source: S,
    layout: Layout,
    head: Head,
}

impl<S: Read + Seek> Entry<S> {
    /// The entry in `source` (`size` bytes) if it is one written under `key` with an intact
    /// head and parts that fit its size.
    pub fn open(mut source: S, size: u64, key: CacheKey) -> Option<Entry<S>> {
        let mut header = [0u8; HEADER_BYTES as usize];
        source.read_exact(&mut header).ok()?;
        let (magic, rest) = header.split_at(MAGIC.len());
        let (stored_key, fields) = rest.split_at(16);
        // An entry copied or renamed over another's name names the wrong key and is not used.
        if magic != MAGIC || stored_key != key.value().to_le_bytes() {
            return None;
        }
        let mut values = fields
            .chunks_exact(8)
            .filter_map(|b| b.try_into().ok().map(u64::from_le_bytes));
        let mut next = || values.next();
        let (stated_size, head_len, head_sum, roles, keys) =
            (next()?, next()?, next()?, next()?, next()?);
        let lengths = [next()?, next()?, next()?];
        let slots_at = HEADER_BYTES.checked_add(head_len)?;
        let keys_at = slots_at.checked_add(roles.checked_mul(SLOT_BYTES)?)?;
        let mut parts_at = [keys_at.checked_add(keys.checked_mul(KEY_BYTES)?)?; PIECES + 1];
        for (part, length) in lengths.iter().enumerate() {
            parts_at[part + 1] = parts_at[part].checked_add(*length)?;
        }
        if stated_size != size || parts_at[PIECES] != size {
            return None;
        }
        let mut head = vec![0u8; usize::try_from(head_len).ok()?];
        source.read_exact(&mut head).ok()?;
        if xxh3_64(&head) != head_sum {
            return None;
        }
        let head: Head = rmp_serde::from_slice(&head).ok()?;
        let sound = head.fences.len() as u64 == keys.div_ceil(FENCE_EVERY)
            && head
                .witnesses
                .iter()
                .all(|(_, role)| u64::from(*role) < roles);
        sound.then_some(Entry {
            source,
            layout: Layout {
                roles,
                keys,
                slots_at,
                keys_at,
                parts_at,
            },
            head,
        })
    }

    /// The sources, vocabularies and version, without roles: what every partial load keeps.
    pub fn vocabulary(&self) -> Dataset {
        Dataset {
            version: self.head.version,
            sources: self.head.sources.clone(),
            skills: self.head.skills.clone(),
            themes: self.head.themes.clone(),
            aspects: self.head.aspects.clone(),
            roles: Vec::new(),
        }
    }

    /// The sources the entry's layer lists.
    pub fn sources(&self) -> &[Source] {
        &self.head.sources
    }

    /// The role of each source that rates skills, by the role's place in the entry.
    pub fn witnesses(&self) -> impl Iterator<Item = (&str, u32)> {
        self.head.witnesses.iter().map(|(s, r)| (s.as_str(), *r))
    }

    fn read_at(&mut self, at: u64, length: u64) -> Option<Vec<u8>> {
        if at.checked_add(length)? > self.layout.parts_at[PIECES] {
            return None;
        }
        self.source.seek(SeekFrom::Start(at)).ok()?;
        let mut bytes = vec![0u8; usize::try_from(length).ok()?];
        self.source.read_exact(&mut bytes).ok()?;
        Some(bytes)
    }

    /// The places of the roles filed under `hash` (see [`key_hash`]): every role whose id,
    /// name or an alias has that hash, and rarely another (the caller compares exactly).
    pub fn lookup(&mut self, hash: u64) -> Option<Vec<u32>> {
        let block = self.head.fences.partition_point(|&fence| fence < hash);
        let mut at = block.saturating_sub(1) as u64 * FENCE_EVERY;
        let mut found = Vec::new();
        while at < self.layout.keys {
            let count = FENCE_EVERY.min(self.layout.keys - at);
            let bytes = self.read_at(self.layout.keys_at + at * KEY_BYTES, count * KEY_BYTES)?;
            for record in bytes.chunks_exact(KEY_BYTES as usize) {
                let stored = u64::from_le_bytes(record.get(..8)?.try_into().ok()?);
                if stored > hash {
                    return Some(found);
                }
                if stored == hash {
                    let role = u32::from_le_bytes(record.get(8..)?.try_into().ok()?);
                    if u64::from(role) < self.layout.roles && !found.contains(&role) {
                        found.push(role);
                    }
                }
            }
            at += count;
        }
        Some(found)
    }

    fn slot(&mut self, index: u32) -> Option<Slot> {
        if u64::from(index) >= self.layout.roles {
            return None;
        }
        let at = self.layout.slots_at + u64::from(index) * SLOT_BYTES;
        parse_slot(&self.read_at(at, SLOT_BYTES)?)
    }

    /// One piece of a role, its checksum checked, decoded.
    fn piece<T: DeserializeOwned>(&mut self, slot: &Slot, part: usize) -> Option<T> {
        let piece = slot[part];
        let at = self.layout.parts_at[part].checked_add(piece.at)?;
        if at.checked_add(piece.length)? > self.layout.parts_at[part + 1] {
            return None;
        }
        let bytes = self.read_at(at, piece.length)?;
        if xxh3_64(&bytes) != piece.sum {
            return None;
        }
        rmp_serde::from_slice(&bytes).ok()
    }

    /// The whole role at place `index`.
    pub fn role(&mut self, index: u32) -> Option<Role> {
        let slot = self.slot(index)?;
        let mut role = self.piece::<NamesIn>(&slot, NAMES)?.into_role();
        self.piece::<CardIn>(&slot, CARD)?.join(&mut role);
        self.piece::<RestIn>(&slot, REST)?.join(&mut role);
        Some(role)
    }

    /// The card of the role at place `index`: the role with only its id, name, aliases,
    /// summary, pay and headcount.
    pub fn card(&mut self, index: u32) -> Option<Role> {
        let slot = self.slot(index)?;
        let mut role = self.piece::<NamesIn>(&slot, NAMES)?.into_role();
        self.piece::<CardIn>(&slot, CARD)?.join(&mut role);
        Some(role)
    }

    fn slots(&mut self) -> Option<Vec<Slot>> {
        let bytes = self.read_at(self.layout.slots_at, self.layout.roles * SLOT_BYTES)?;
        bytes
            .chunks_exact(SLOT_BYTES as usize)
            .map(parse_slot)
            .collect()
    }

    /// Every role with only its id, name and the aliases `keep_alias` keeps, in order: what
    /// completion offers. The aliases are read in place, so only those kept become strings (the
    /// O*NET import has 57,000, and a TAB keeps the few that start with what is typed).
    pub fn names(&mut self, keep_alias: impl Fn(&str) -> bool) -> Option<Vec<Role>> {
        let slots = self.slots()?;
        let mut roles = Vec::with_capacity(slots.len());
        self.stream(&slots, NAMES, |bytes| {
            let names: NamesRef<'_> = rmp_serde::from_slice(bytes).ok()?;
            let aliases = names.aliases.into_iter().filter(|a| keep_alias(a));
            let role = NamesIn {
                id: names.id.to_owned(),
                name: names.name.to_owned(),
                aliases: aliases.map(str::to_owned).collect(),
            };
            roles.push(role.into_role());
            Some(())
        })?;
        Some(roles)
    }

    /// Every role's card, in order: the roles with only the fields `list` and `salary` show.
    pub fn cards(&mut self) -> Option<Vec<Role>> {
        let slots = self.slots()?;
        let mut roles = self.names_in(&slots)?;
        self.join_every::<CardIn>(&slots, CARD, &mut roles)?;
        Some(roles)
    }

    /// Every role's id, name, pay and headcount (aliases and summary left empty): what
    /// `salary --all` shows.
    pub fn pay_cards(&mut self) -> Option<Vec<Role>> {
        let slots = self.slots()?;
        let mut roles = self.roles_from_names::<TitleIn>(&slots)?;
        self.join_every::<PayIn>(&slots, CARD, &mut roles)?;
        Some(roles)
    }

    /// The whole dataset the entry holds.
    pub fn everything(mut self) -> Option<Dataset> {
        let slots = self.slots()?;
        let mut roles = self.names_in(&slots)?;
        self.join_every::<CardIn>(&slots, CARD, &mut roles)?;
        self.join_every::<RestIn>(&slots, REST, &mut roles)?;
        let mut dataset = self.vocabulary();
        dataset.roles = roles;
        Some(dataset)
    }

    fn names_in(&mut self, slots: &[Slot]) -> Option<Vec<Role>> {
        self.roles_from_names::<NamesIn>(slots)
    }

    fn roles_from_names<T: DeserializeOwned + IntoRole>(
        &mut self,
        slots: &[Slot],
    ) -> Option<Vec<Role>> {
        let mut roles = Vec::with_capacity(slots.len());
        self.stream(slots, NAMES, |bytes| {
            roles.push(rmp_serde::from_slice::<T>(bytes).ok()?.into_role());
            Some(())
        })?;
        Some(roles)
    }

    /// Joins every role's piece of `part` to the role, in order.
    fn join_every<T: DeserializeOwned + Joins>(
        &mut self,
        slots: &[Slot],
        part: usize,
        roles: &mut [Role],
    ) -> Option<()> {
        let mut place = roles.iter_mut();
        self.stream(slots, part, |bytes| {
            rmp_serde::from_slice::<T>(bytes).ok()?.join(place.next()?);
            Some(())
        })
    }

    /// Reads one part front to back, handing each role's piece to `each` once its checksum
    /// holds; the pieces must tile the part exactly.
    fn stream(
        &mut self,
        slots: &[Slot],
        part: usize,
        mut each: impl FnMut(&[u8]) -> Option<()>,
    ) -> Option<()> {
        let (at, end) = (self.layout.parts_at[part], self.layout.parts_at[part + 1]);
        let length = end - at;
        self.source.seek(SeekFrom::Start(at)).ok()?;
        let mut reader = BufReader::with_capacity(1 << 16, (&mut self.source).take(length));
        let mut buffer = Vec::new();
        let mut position = 0u64;
        for slot in slots {
            let piece = slot[part];
            // Checked before the buffer grows: a slot cannot make it larger than the part.
            if piece.at != position || position.checked_add(piece.length)? > length {
                return None;
            }
            buffer.resize(usize::try_from(piece.length).ok()?, 0);
            reader.read_exact(&mut buffer).ok()?;
            if xxh3_64(&buffer) != piece.sum {
                return None;
            }
            each(&buffer)?;
            position += piece.length;
        }
        (position == length).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::write::write;
    use std::io::Cursor;

    fn builtin() -> Dataset {
        Dataset::builtin().unwrap_or_else(|e| panic!("built-in: {e}"))
    }

    fn entry_bytes(key: CacheKey) -> Vec<u8> {
        let mut bytes = Vec::new();
        write(&mut bytes, key, &builtin()).unwrap_or_else(|e| panic!("write: {e:?}"));
        bytes
    }

    fn open(bytes: &[u8], key: CacheKey) -> Option<Entry<Cursor<&[u8]>>> {
        Entry::open(Cursor::new(bytes), bytes.len() as u64, key)
    }

    #[test]
    fn every_role_comes_back_whole_by_itself_and_in_the_whole() {
        let key = CacheKey::from_value(7);
        let bytes = entry_bytes(key);
        let data = builtin();
        let mut entry = open(&bytes, key).unwrap_or_else(|| panic!("open"));
        for (index, role) in data.roles.iter().enumerate() {
            assert_eq!(entry.role(index as u32).as_ref(), Some(role));
        }
        let cards = entry.cards().unwrap_or_default();
        assert_eq!(cards.len(), data.roles.len());
        assert_eq!(cards[0].name, data.roles[0].name);
        assert!(cards[0].duties.is_empty());
        assert_eq!(cards[0].summary, data.roles[0].summary);
        let names = entry.names(|_| true).unwrap_or_default();
        assert_eq!(names[1].aliases, data.roles[1].aliases);
        assert!(names[1].salary.is_empty());
        // Only the aliases kept come back; the id and name always do.
        let some = entry
            .names(|alias| alias.starts_with("PM"))
            .unwrap_or_default();
        let kept: Vec<&String> = data.roles[1]
            .aliases
            .iter()
            .filter(|a| a.starts_with("PM"))
            .collect();
        assert!(!kept.is_empty() && kept.len() < data.roles[1].aliases.len());
        assert_eq!(some[1].aliases.iter().collect::<Vec<_>>(), kept);
        assert_eq!(
            (&some[1].id, &some[1].name),
            (&data.roles[1].id, &data.roles[1].name)
        );
        let pay = entry.pay_cards().unwrap_or_default();
        assert!(pay[1].aliases.is_empty() && !data.roles[1].aliases.is_empty());
        assert_eq!(pay[1].salary, data.roles[1].salary);
        assert_eq!(entry.everything(), Some(data));
    }

    #[test]
    fn lookups_find_ids_names_and_aliases() {
        let key = CacheKey::from_value(7);
        let bytes = entry_bytes(key);
        let mut entry = open(&bytes, key).unwrap_or_else(|| panic!("open"));
        let data = builtin();
        for (query, wanted) in [
            ("product-owner", "product-owner"),
            ("Delivery Lead", "delivery-lead"),
        ] {
            let found = entry
                .lookup(key_hash(&crate::dataset::normalise(query)))
                .unwrap_or_default();
            let ids: Vec<&str> = found
                .iter()
                .map(|i| data.roles[*i as usize].id.as_str())
                .collect();
            assert_eq!(ids, [wanted], "{query}");
        }
        let pm = entry.lookup(key_hash("pm")).unwrap_or_default();
        assert_eq!(pm.len(), 2, "PM is an alias of two roles");
        assert_eq!(entry.lookup(key_hash("nobody")), Some(Vec::new()));
    }

    #[test]
    fn a_byte_damaged_anywhere_never_panics_and_never_changes_the_whole() {
        let key = CacheKey::from_value(7);
        let bytes = entry_bytes(key);
        let data = builtin();
        for at in (0..bytes.len()).step_by(37) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            let Some(mut entry) = open(&damaged, key) else {
                continue;
            };
            let _ = entry.lookup(key_hash("pm"));
            let _ = (
                entry.role(0),
                entry.card(1),
                entry.names(|_| true),
                entry.cards(),
            );
            // The whole is read only through checksummed pieces: exact, or refused.
            let whole = entry.everything();
            assert!(
                whole.is_none() || whole.as_ref() == Some(&data),
                "byte {at}"
            );
        }
    }

    #[test]
    fn a_damaged_or_foreign_entry_is_refused_where_it_is_read() {
        let key = CacheKey::from_value(7);
        let bytes = entry_bytes(key);
        assert!(
            open(&bytes, CacheKey::from_value(8)).is_none(),
            "another key"
        );
        assert!(open(&bytes[..bytes.len() - 1], key).is_none(), "cut short");
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0xff;
        let mut entry = open(&flipped, key).unwrap_or_else(|| panic!("head intact"));
        let last_role = (builtin().roles.len() - 1) as u32;
        assert!(
            entry.role(last_role).is_none(),
            "its rest fails its checksum"
        );
        assert!(entry.role(0).is_some(), "the others are intact");
        assert!(entry.everything().is_none());
        let mut head = bytes.clone();
        head[HEADER_BYTES as usize + 3] ^= 0xff;
        assert!(open(&head, key).is_none(), "a damaged head");
    }
}
