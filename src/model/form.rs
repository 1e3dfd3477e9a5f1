//! How the model is written and read: YAML and JSON leave absent fields out, the positional
//! binary form (the compiled-in data and the cache) keeps every field in its place.

use serde::{Deserialize, Serialize};

thread_local! {
    /// Set while writing the positional binary form, where every field must be present.
    static WRITING_EVERY_FIELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether an absent optional field is left out: in YAML and JSON, yes (tidy files); in the
/// positional binary form (the compiled-in data and the cache), no, since fields there are
/// known by their place.
pub(super) fn omitted<T>(value: &Option<T>) -> bool {
    value.is_none() && !WRITING_EVERY_FIELD.with(std::cell::Cell::get)
}

/// Whether the positional binary form is being written, where every field must be present.
pub(super) fn writing_every_field() -> bool {
    WRITING_EVERY_FIELD.with(std::cell::Cell::get)
}

/// Like [`omitted`], for lists: an empty list is left out of YAML and JSON only.
pub(super) fn none_listed<T>(items: &[T]) -> bool {
    items.is_empty() && !WRITING_EVERY_FIELD.with(std::cell::Cell::get)
}

/// Any part of the model in the positional MessagePack form (every field present, known by its
/// place): the one writer of the compiled-in data and of cache entries.
pub fn to_positional<T: Serialize + ?Sized>(
    value: &T,
) -> Result<Vec<u8>, rmp_serde::encode::Error> {
    WRITING_EVERY_FIELD.with(|flag| flag.set(true));
    let encoded = rmp_serde::to_vec(value);
    WRITING_EVERY_FIELD.with(|flag| flag.set(false));
    encoded
}

/// Lists read from YAML or JSON, which do not say how long they are, grow by doubling; a
/// dataset holds hundreds of thousands of short ones, so each is trimmed to its length as it is
/// read, and a parse's memory is the dataset's size rather than up to four times it.
pub(super) fn compact<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}
