//! Reading users' dataset files safely and layering them over the built-in data.
//!
//! A user's file is untrusted: it may be missing, a directory, huge, not UTF-8 or not YAML. Each
//! case becomes one [`LoadError`] naming the file (with line and column where there is one).

use crate::cache::{Cache, CacheKey, MIN_CACHED_BYTES};
use crate::dataset::LoadError;
pub mod need;

use crate::cache::stamp::Stamp;
use crate::model::Dataset;
use crate::open::{STDIN, read_text};
use crate::problem::Problem;
use need::{Layer, Need, Shortfall};

/// The paths in ROLES_DATA (separated like PATH), for when no `--data` is given.
pub fn env_data_files() -> Vec<std::path::PathBuf> {
    std::env::var_os("ROLES_DATA")
        .map(|paths| {
            std::env::split_paths(&paths)
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// What to load: the built-in data (unless left out) and users' files on top, in order.
#[derive(Debug, Clone)]
pub struct DataChoice {
    /// Users' files, each layered over what comes before it; `-` is standard input.
    pub files: Vec<std::path::PathBuf>,
    /// Leave the built-in dataset out.
    pub no_builtin: bool,
    /// Where validated files are kept between runs.
    pub cache: Cache,
}

/// Loads the whole dataset the choice describes.
pub fn load(choice: &DataChoice) -> Result<Dataset, LoadError> {
    load_for(choice, &Need::Everything)
}

/// Loads what `need` asks of the dataset the choice describes: from a large file's cache
/// entry, only that; parsed from a file, all of it.
pub fn load_for(choice: &DataChoice, need: &Need) -> Result<Dataset, LoadError> {
    let mut need = need;
    // Each round forgets an entry found damaged, or widens the need to everything.
    for _ in 0..3 {
        let layers = match load_layers(choice)? {
            Layers::Ready(layers) => layers,
            Layers::Damaged(key) => {
                choice.cache.forget(key);
                continue;
            }
        };
        match need::combine(layers, need) {
            Ok(dataset) => return Ok(dataset),
            Err(Shortfall(damaged)) => {
                for key in damaged {
                    choice.cache.forget(key);
                }
                need = &Need::Everything;
            }
        }
    }
    // A cache whose damaged entries cannot even be removed is passed by: every file parsed.
    let uncached = DataChoice {
        cache: Cache::disabled(),
        ..choice.clone()
    };
    match load_layers(&uncached)? {
        Layers::Ready(layers) => need::combine(layers, &Need::Everything).ok(),
        Layers::Damaged(_) => None,
    }
    .ok_or_else(|| LoadError {
        validate_command: None,
        origin: "data".into(),
        problems: vec![Problem::at(None, "no dataset to load")],
    })
}

/// The layers a choice stacks, or the key of a cache entry found damaged on the way.
enum Layers {
    Ready(Vec<Layer>),
    Damaged(CacheKey),
}

/// Most `--data` files (or ROLES_DATA paths) one run layers: each is opened, hashed and stacked
/// over the rest, so 100,000 of them would cost seconds before any answer.
pub const MAX_LAYERS: usize = 1_000;

/// A choice no run could answer: no data at all, or more files than [`MAX_LAYERS`].
fn refuse_what_cannot_load(choice: &DataChoice) -> Result<(), LoadError> {
    if choice.no_builtin && choice.files.is_empty() {
        return Err(LoadError {
            validate_command: None,
            origin: "--no-builtin".into(),
            problems: vec![Problem::at(
                None,
                "there is no data left to load: give a file with --data FILE or ROLES_DATA",
            )],
        });
    }
    if choice.files.len() > MAX_LAYERS {
        return Err(LoadError {
            validate_command: None,
            origin: "--data".into(),
            problems: vec![Problem::at(
                None,
                format!(
                    "{} data files given, more than the {MAX_LAYERS} layers roles reads; merge them into fewer files",
                    choice.files.len()
                ),
            )],
        });
    }
    Ok(())
}

/// Each file of the choice as a layer: from its cache entry when one is filed under its stamp
/// or its bytes, else parsed and validated over the layers beneath (and cached when large).
fn load_layers(choice: &DataChoice) -> Result<Layers, LoadError> {
    refuse_what_cannot_load(choice)?;
    let mut layers: Vec<Layer> = Vec::new();
    if !choice.no_builtin {
        layers.push(Layer::Whole(Dataset::builtin()?));
    }
    let mut base_key = CacheKey::base(!choice.no_builtin);
    let from_stdin = choice
        .files
        .iter()
        .filter(|p| p.as_os_str() == STDIN)
        .count();
    if from_stdin > 1 {
        return Err(LoadError {
            validate_command: None,
            origin: "--data -".into(),
            problems: vec![Problem::at(
                None,
                "standard input can be read only once; give `--data -` once",
            )],
        });
    }
    let stamps = choice.cache.stamps();
    for (index, path) in choice.files.iter().enumerate() {
        let origin = if path.as_os_str() == STDIN {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        // A large file whose stamp is as recorded beside an intact entry is not read at all.
        let stamp = (path.as_os_str() != STDIN)
            .then(|| Stamp::of(path))
            .flatten()
            .filter(|s| s.size >= MIN_CACHED_BYTES as u64);
        let stamped = stamps
            .as_ref()
            .zip(stamp.as_ref())
            .and_then(|(book, stamp)| book.key_for(path, base_key, stamp))
            .and_then(|key| Some((key, choice.cache.open(key)?)));
        if let Some((key, entry)) = stamped {
            base_key = key.value();
            layers.push(Layer::Indexed { key, entry });
            continue;
        }
        let text = read_text(path).map_err(|problem| LoadError {
            validate_command: None,
            origin: origin.clone(),
            problems: vec![problem],
        })?;
        let key = CacheKey::new(text.as_bytes(), base_key);
        // The stamp taken before the read, paired with what was read: if the file changed in
        // between, its stamp now differs and the pairing is never used.
        if let (Some(book), Some(stamp)) = (&stamps, &stamp) {
            book.record(path, base_key, stamp, key);
        }
        base_key = key.value();
        let cached = text.len() >= MIN_CACHED_BYTES;
        if let Some(entry) = cached.then(|| choice.cache.open(key)).flatten() {
            layers.push(Layer::Indexed { key, entry });
            continue;
        }
        // Parsing validates over everything beneath, so the layers below are read whole and
        // stacked into one.
        if !matches!(layers.as_slice(), [] | [Layer::Whole(_)]) {
            match need::combine(std::mem::take(&mut layers), &Need::Everything) {
                Ok(base) => layers.push(Layer::Whole(base)),
                Err(Shortfall(damaged)) => {
                    return Ok(damaged
                        .first()
                        .map_or_else(|| Layers::Ready(Vec::new()), |key| Layers::Damaged(*key)));
                }
            }
        }
        let base = match layers.last() {
            Some(Layer::Whole(base)) => Some(base),
            _ => None,
        };
        let layer = Dataset::from_yaml_over(&text, &origin, base).map_err(|mut error| {
            error.validate_command = validate_command(choice, index);
            error
        })?;
        drop(text);
        if cached {
            choice.cache.put(key, &layer);
        }
        layers.push(Layer::Whole(layer));
    }
    Ok(Layers::Ready(layers))
}

/// The arguments that validate file `index` of `choice` over exactly what it was loaded over:
/// the same `--no-builtin` and earlier `--data` files. `None` when plain `validate FILE` does.
fn validate_command(choice: &DataChoice, index: usize) -> Option<String> {
    let path = &choice.files[index];
    if !choice.no_builtin && index == 0 && path.as_os_str() != STDIN {
        return None;
    }
    let mut args: Vec<String> = Vec::new();
    if choice.no_builtin {
        args.push("--no-builtin".into());
    }
    for earlier in &choice.files[..index] {
        args.push(format!("--data {}", earlier.display()));
    }
    args.push(format!("validate {}", path.display()));
    let command = args.join(" ");
    // A hint is a line to copy, not a transcript: with many files it says what goes first.
    if command.chars().count() > 4 * crate::escape::EXCERPT_CHARS {
        return Some(format!(
            "{}--data … (the {index} files before it) validate {}",
            if choice.no_builtin {
                "--no-builtin "
            } else {
                ""
            },
            crate::escape::excerpt(&path.display().to_string(), crate::escape::EXCERPT_CHARS),
        ));
    }
    Some(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_builtin_without_a_file_is_refused() {
        let error = load(&DataChoice {
            files: Vec::new(),
            no_builtin: true,
            cache: Cache::disabled(),
        })
        .err()
        .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("--data FILE")));
    }
}
