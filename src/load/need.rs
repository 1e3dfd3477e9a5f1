//! What a command needs of the data, and how little of a large file's cache entry gives it.
//!
//! `show`, `compare` and `gap` need the roles their words may name and the roles those point
//! to; `list` and `salary` need every role's card, completion only every role's names; every
//! other command needs it all. A layer parsed from its file is whole already; a layer served
//! from its cache entry ([`crate::cache::entry`]) is read only as far as the need goes. A partial
//! dataset is a subset of the whole, in the whole's order, holding every role the command can
//! reach, so the command gives the same answer on it; where it cannot be sure, it asks for
//! everything instead.

use std::collections::{BTreeMap, HashSet};

use crate::cache::CacheKey;
use crate::cache::EntrySource;
use crate::cache::entry::Entry;
use crate::cache::layout::key_hash;
use crate::dataset::normalise;
use crate::model::{Dataset, Role};

/// What a command reads of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// Every role, whole.
    Everything,
    /// Every role's id and name, with those of its aliases that start with this text (all
    /// of them for an empty one, none without one): what completion offers.
    Names {
        /// What the aliases kept start with.
        aliases_starting: Option<String>,
    },
    /// Every role's card: its names, summary, pay and headcount.
    Cards,
    /// Every role's id, name, pay and headcount: what `salary --all` shows.
    Pay,
    /// The roles these names may name, whole, and the roles those refer to.
    Roles(Vec<String>),
    /// The roles these names name, whole, and nothing they refer to: what a command that only
    /// shows evidence from them reads (`roles code`).
    Only(Vec<String>),
}

impl Need {
    /// The need of a command whose role names are `words`: each run of consecutive words is a
    /// name the command may try, and a single word always is.
    pub fn roles_named_by(words: &[String]) -> Need {
        let mut names: Vec<String> = words.to_vec();
        // The runs `commands::role_queries` tries, up to the same number of words.
        if words.len() <= crate::dataset::MOST_WORDS_SPLIT {
            for start in 0..words.len() {
                for end in start + 2..=words.len() {
                    names.push(words[start..end].join(" "));
                }
            }
        }
        Need::Roles(names)
    }
}

/// One layer of the loaded data, bottom first.
pub enum Layer {
    /// Parsed from its file (or the built-in data): every role in memory.
    Whole(Dataset),
    /// Served from its cache entry, read as far as the need goes.
    Indexed {
        /// The key the entry is filed under, to forget it if it proves damaged.
        key: CacheKey,
        /// The open entry.
        entry: Entry<EntrySource>,
    },
}

/// Why the layers could not give what was needed: the entries found damaged (to be forgotten
/// and parsed afresh), or none when only reading everything answers exactly.
#[derive(Debug)]
pub struct Shortfall(pub Vec<CacheKey>);

/// The dataset `need` asks for, from `layers` stacked in order.
pub fn combine(layers: Vec<Layer>, need: &Need) -> Result<Dataset, Shortfall> {
    match need {
        Need::Everything => stack(layers.into_iter().map(|layer| match layer {
            Layer::Whole(dataset) => Ok(dataset),
            Layer::Indexed { key, entry } => entry.everything().ok_or(key),
        })),
        Need::Names { .. } | Need::Cards | Need::Pay => {
            stack(layers.into_iter().map(|layer| match layer {
                Layer::Whole(dataset) => Ok(dataset),
                Layer::Indexed { key, mut entry } => {
                    let mut dataset = entry.vocabulary();
                    let roles = match need {
                        Need::Names { aliases_starting } => entry.names(|alias| {
                            aliases_starting
                                .as_deref()
                                .is_some_and(|start| alias.starts_with(start))
                        }),
                        Need::Pay => entry.pay_cards(),
                        _ => entry.cards(),
                    };
                    dataset.roles = roles.ok_or(key)?;
                    Ok(dataset)
                }
            }))
        }
        Need::Roles(names) => partial(layers, names),
        Need::Only(names) => only(layers, names),
    }
}

/// Layers each over the one before.
fn stack(layers: impl Iterator<Item = Result<Dataset, CacheKey>>) -> Result<Dataset, Shortfall> {
    let mut stacked: Option<Dataset> = None;
    for layer in layers {
        let layer = layer.map_err(|key| Shortfall(vec![key]))?;
        stacked = Some(match stacked {
            Some(base) => base.layered(layer),
            None => layer,
        });
    }
    stacked.ok_or(Shortfall(Vec::new()))
}

/// The roles read so far from each indexed layer, and the ids the command can reach.
struct Picker {
    layers: Vec<Layer>,
    seen: Vec<BTreeMap<u32, Role>>,
    wanted: HashSet<String>,
    damaged: Option<CacheKey>,
}

impl Picker {
    /// A picker over `layers`, nothing read or wanted yet.
    fn new(layers: Vec<Layer>) -> Picker {
        let count = layers.len();
        Picker {
            layers,
            seen: (0..count).map(|_| BTreeMap::new()).collect(),
            wanted: HashSet::new(),
            damaged: None,
        }
    }

    /// Every role of an indexed layer filed under `key` (read if not read yet), as (layer, place).
    fn filed_under(&mut self, key: &str) -> Vec<(usize, u32)> {
        let hash = key_hash(key);
        let mut found = Vec::new();
        for (index, (layer, seen)) in self.layers.iter_mut().zip(&mut self.seen).enumerate() {
            let Layer::Indexed { key, entry } = layer else {
                continue;
            };
            let Some(places) = entry.lookup(hash) else {
                self.damaged = Some(*key);
                continue;
            };
            for place in places {
                if let std::collections::btree_map::Entry::Vacant(vacant) = seen.entry(place) {
                    // A card names a role; only the roles a command works on are read whole.
                    let Some(role) = entry.card(place) else {
                        self.damaged = Some(*key);
                        continue;
                    };
                    vacant.insert(role);
                }
                found.push((index, place));
            }
        }
        found
    }

    fn role(&self, (layer, place): (usize, u32)) -> Option<&Role> {
        self.seen.get(layer)?.get(&place)
    }

    /// Reads every indexed version of the role `id` whole.
    fn read_whole(&mut self, id: &str) {
        for (layer, seen) in self.layers.iter_mut().zip(&mut self.seen) {
            let Layer::Indexed { key, entry } = layer else {
                continue;
            };
            let places: Vec<u32> = seen
                .iter()
                .filter(|(_, role)| role.id == id)
                .map(|(place, _)| *place)
                .collect();
            for place in places {
                match entry.role(place) {
                    Some(role) => {
                        seen.insert(place, role);
                    }
                    None => self.damaged = Some(*key),
                }
            }
        }
    }

    /// Marks `id` reachable and reads its version in every indexed layer.
    fn want(&mut self, id: &str) {
        if self.wanted.insert(id.to_string()) {
            self.filed_under(id);
        }
    }

    /// Every version of the role `id`, in every layer.
    fn versions(&self, id: &str) -> Vec<Role> {
        let whole = self.layers.iter().filter_map(|layer| match layer {
            Layer::Whole(dataset) => dataset.roles.iter().find(|r| r.id == id),
            Layer::Indexed { .. } => None,
        });
        let indexed = self
            .seen
            .iter()
            .flat_map(|seen| seen.values())
            .filter(|r| r.id == id);
        whole.chain(indexed).cloned().collect()
    }
}

/// True when `role` is named `key` (already normalised) by its id, name or an alias.
fn named(role: &Role, key: &str) -> bool {
    role.id == key
        || normalise(&role.name) == key
        || role.aliases.iter().any(|a| normalise(a) == key)
}

/// The ids `role` refers to: related roles, the roles its items are measured against, and the
/// partners of its duties.
fn referred(role: &Role) -> Vec<&str> {
    let statements = role.statements();
    statements
        .flat_map(|s| {
            s.versus.as_deref().into_iter().chain(
                s.involvement
                    .iter()
                    .flat_map(|i| i.with.iter().map(String::as_str)),
            )
        })
        .chain(role.skills.iter().filter_map(|s| s.versus.as_deref()))
        .chain(role.aspects.iter().filter_map(|a| a.versus.as_deref()))
        .chain(role.related.iter().map(|r| r.role.as_str()))
        .collect()
}

/// The roles `names` may name and every role they can reach, from each layer.
fn partial(layers: Vec<Layer>, names: &[String]) -> Result<Dataset, Shortfall> {
    let mut picker = Picker::new(layers);
    let primary = picker.named(names);
    // A whole layer is kept whole; its roles' versions above it come too.
    let whole_ids: Vec<String> = picker
        .layers
        .iter()
        .filter_map(|layer| match layer {
            Layer::Whole(dataset) => Some(dataset.roles.iter().map(|r| r.id.clone())),
            Layer::Indexed { .. } => None,
        })
        .flatten()
        .collect();
    for id in primary.iter().chain(&whole_ids) {
        picker.want(id);
    }
    for id in &primary {
        picker.read_whole(id);
    }
    for id in &primary {
        picker.want_reached_from(id);
    }
    let witnesses = picker.want_compared_and_witnesses();
    if let Some(key) = picker.damaged {
        return Err(Shortfall(vec![key]));
    }
    let dataset = picker.stacked()?;
    // A witness replaced by a layer above might have been the only sign a source rates skills.
    let rated = |source: &str| {
        dataset.roles.iter().any(|role| {
            role.skills
                .iter()
                .any(|s| s.importance.is_some() && s.sources.iter().any(|id| id == source))
        })
    };
    if witnesses.iter().all(|source| rated(source)) {
        Ok(dataset)
    } else {
        Err(Shortfall(Vec::new()))
    }
}

/// The roles `names` name, from each layer, and nothing else.
fn only(layers: Vec<Layer>, names: &[String]) -> Result<Dataset, Shortfall> {
    let mut picker = Picker::new(layers);
    for id in picker.named(names) {
        picker.want(&id);
        picker.read_whole(&id);
    }
    match picker.damaged {
        Some(key) => Err(Shortfall(vec![key])),
        None => picker.stacked(),
    }
}

impl Picker {
    /// The ids of the roles `names` name, in any layer.
    fn named(&mut self, names: &[String]) -> Vec<String> {
        let mut primary: Vec<String> = Vec::new();
        for name in names {
            let key = normalise(name);
            let mut ids: Vec<String> = self
                .filed_under(&key)
                .into_iter()
                .filter_map(|place| self.role(place))
                .filter(|role| named(role, &key))
                .map(|role| role.id.clone())
                .collect();
            for layer in &self.layers {
                if let Layer::Whole(dataset) = layer {
                    ids.extend(
                        dataset
                            .roles
                            .iter()
                            .filter(|r| named(r, &key))
                            .map(|r| r.id.clone()),
                    );
                }
            }
            // A role with the name as its id is all `find_roles` gives (ids never change from
            // layer to layer); else every role named so, by name or alias, in any layer.
            if ids.contains(&key) {
                ids.retain(|id| *id == key);
            }
            primary.extend(ids);
        }
        primary
    }

    /// Wants what the role `id` points to, and the roles that file its names as titles.
    fn want_reached_from(&mut self, id: &str) {
        for version in self.versions(id) {
            for other in referred(&version) {
                self.want(other);
            }
            // Each candidate is checked once against all the titles, not once per title: a
            // role may carry tens of thousands of them.
            let titles: HashSet<String> = std::iter::once(&version.name)
                .chain(version.aliases.iter().filter(|a| a.contains(' ')))
                .map(|title| normalise(title))
                .collect();
            let mut candidates: Vec<(usize, u32)> = Vec::new();
            for title in &titles {
                candidates.extend(self.filed_under(title));
            }
            candidates.sort_unstable();
            candidates.dedup();
            let filing: Vec<String> = candidates
                .into_iter()
                .filter_map(|place| self.role(place))
                .filter(|role| role.aliases.iter().any(|a| titles.contains(&normalise(a))))
                .map(|role| role.id.clone())
                .collect();
            for other in filing {
                self.want(&other);
            }
        }
    }

    /// Wants the roles the articles compare, and one role rating skills for each source that
    /// does (read whole); the sources those witness.
    fn want_compared_and_witnesses(&mut self) -> Vec<String> {
        let mut compared: Vec<String> = Vec::new();
        let mut witnesses: Vec<(String, usize, u32)> = Vec::new();
        for (index, layer) in self.layers.iter().enumerate() {
            match layer {
                Layer::Whole(dataset) => {
                    compared.extend(dataset.sources.iter().flat_map(|s| s.compares.clone()));
                }
                Layer::Indexed { entry, .. } => {
                    compared.extend(entry.sources().iter().flat_map(|s| s.compares.clone()));
                    witnesses.extend(entry.witnesses().map(|(s, r)| (s.to_string(), index, r)));
                }
            }
        }
        for id in &compared {
            self.want(id);
        }
        for (_, layer, place) in &witnesses {
            let Layer::Indexed { key, entry } = &mut self.layers[*layer] else {
                continue;
            };
            let Some(role) = entry.role(*place) else {
                self.damaged = Some(*key);
                continue;
            };
            let id = role.id.clone();
            self.seen[*layer].insert(*place, role);
            self.want(&id);
        }
        witnesses.into_iter().map(|(source, _, _)| source).collect()
    }

    /// The layers stacked, each indexed one holding only the roles wanted.
    fn stacked(self) -> Result<Dataset, Shortfall> {
        let Picker {
            layers,
            seen,
            wanted,
            ..
        } = self;
        stack(
            layers
                .into_iter()
                .zip(seen)
                .map(|(layer, seen)| match layer {
                    Layer::Whole(dataset) => Ok(dataset),
                    Layer::Indexed { entry, .. } => {
                        let mut dataset = entry.vocabulary();
                        dataset.roles = seen
                            .into_values()
                            .filter(|role| wanted.contains(&role.id))
                            .collect();
                        Ok(dataset)
                    }
                }),
        )
    }
}
