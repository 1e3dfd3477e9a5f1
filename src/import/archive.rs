//! Where the published files are: an unzipped folder, or the zip file exactly as O*NET and BLS
//! distribute it (`db_29_3_excel.zip` holds one folder, `db_29_3_excel/`, of the files).
//!
//! A zip is read once, whole (within the size limit), its unzipped size counted while
//! decompressing before anything is parsed, and its parts looked up by file name; nothing is
//! written to disk, so a part's path (`../x`) can never escape anywhere.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::table::{self, MAX_FILE_BYTES, MAX_ROWS};

/// A folder of published files, on disk or inside a zip.
pub enum Bundle {
    /// An unzipped folder.
    Folder(PathBuf),
    /// A zip file's bytes, and the path it was read from (for messages).
    Zip {
        /// The zip file.
        path: PathBuf,
        /// The archive, over the bytes of the whole zip.
        archive: zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
        /// Its parts' names, in archive order (those that are not valid names left out).
        names: Vec<String>,
    },
}

/// True when `path` names a zip file by its extension (`.zip`).
pub fn is_zip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("zip"))
}

impl Bundle {
    /// Opens a folder, or a zip file when `path` ends in `.zip`.
    pub fn open(path: &Path) -> anyhow::Result<Bundle> {
        if !is_zip(path) {
            return Ok(Bundle::Folder(path.to_path_buf()));
        }
        let bytes = table::read_regular(path, MAX_FILE_BYTES)?;
        table::check_unzipped_size(path, &bytes, "zip file")?;
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
            anyhow::anyhow!(
                "{}: is not a readable zip file ({})",
                path.display(),
                crate::escape::excerpt(&e.to_string(), 120)
            )
        })?;
        let names = archive
            .file_names()
            .filter_map(|name| name.ok().map(|name| name.into_owned()))
            .collect();
        Ok(Bundle::Zip {
            path: path.to_path_buf(),
            archive,
            names,
        })
    }

    /// The folder or zip, for messages.
    pub fn path(&self) -> &Path {
        match self {
            Bundle::Folder(path) | Bundle::Zip { path, .. } => path,
        }
    }

    /// True for an existing folder or any zip (a zip's contents are checked as they are read).
    pub fn exists(&self) -> bool {
        match self {
            Bundle::Folder(path) => path.is_dir(),
            Bundle::Zip { .. } => true,
        }
    }

    /// The path of the file called `name` (`Skills.xlsx`), if the bundle has one: in a folder,
    /// anything at that name; in a zip, a part of that name at the top or in one folder.
    pub fn find(&self, name: &str) -> Option<PathBuf> {
        match self {
            Bundle::Folder(dir) => {
                let path = dir.join(name);
                // Anything there is taken (and a pipe or a device refused when read).
                std::fs::metadata(&path).is_ok().then_some(path)
            }
            Bundle::Zip { path, names, .. } => {
                let part = zip_part(names, name)?;
                Some(path.join(part))
            }
        }
    }

    /// The first file whose name matches `wanted`, in the bundle's order (for the OEWS zip,
    /// whose data file's name carries the year).
    pub fn find_matching(&self, wanted: impl Fn(&str) -> bool) -> Option<PathBuf> {
        match self {
            Bundle::Folder(dir) => {
                let mut names: Vec<String> = std::fs::read_dir(dir)
                    .ok()?
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect();
                names.sort();
                names.into_iter().find(|n| wanted(n)).map(|n| dir.join(n))
            }
            Bundle::Zip { path, names, .. } => {
                let part = names.iter().find(|part| {
                    depth(part) <= 1 && part.rsplit('/').next().is_some_and(&wanted)
                })?;
                Some(path.join(part))
            }
        }
    }

    /// The bytes of a file [`Bundle::find`] gave, at most `limit` of them; a text file is
    /// refused once it holds more rows than any published file.
    pub fn read(&mut self, file: &Path, limit: u64) -> anyhow::Result<Vec<u8>> {
        match self {
            Bundle::Folder(_) => {
                let is_text = file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
                if is_text {
                    table::read_lines_up_to(file, limit, MAX_ROWS + 1)
                } else {
                    table::read_regular(file, limit)
                }
            }
            Bundle::Zip { path, archive, .. } => {
                let entry = part_of(path, archive, file)?;
                let mut bytes = Vec::new();
                entry
                    .take(limit.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .with_context(|| format!("{}: cannot be unzipped", file.display()))?;
                if bytes.len() as u64 > limit {
                    bail!(
                        "{}: refused: more than {limit} bytes, more than any O*NET or OEWS file",
                        file.display()
                    );
                }
                Ok(bytes)
            }
        }
    }
}

impl Bundle {
    /// The first `count` bytes of a file [`Bundle::find`] gave, whatever its size.
    pub fn read_head(&mut self, file: &Path, count: u64) -> anyhow::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match self {
            Bundle::Folder(_) => {
                let (opened, _) = table::open_regular(file)?;
                opened
                    .take(count)
                    .read_to_end(&mut bytes)
                    .with_context(|| format!("{}: cannot be read", file.display()))?;
            }
            // Only the head is unzipped: a part that unzips to 200 MB costs its first bytes.
            Bundle::Zip { path, archive, .. } => {
                let entry = part_of(path, archive, file)?;
                entry
                    .take(count)
                    .read_to_end(&mut bytes)
                    .with_context(|| format!("{}: cannot be unzipped", file.display()))?;
            }
        }
        Ok(bytes)
    }
}

/// The part of the zip at `path` that [`Bundle::find`] named `file`, ready to unzip.
fn part_of<'a>(
    path: &Path,
    archive: &'a mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
    file: &Path,
) -> anyhow::Result<zip::read::ZipFile<'a, std::io::Cursor<Vec<u8>>>> {
    let part = file
        .strip_prefix(path)
        .ok()
        .and_then(Path::to_str)
        .with_context(|| format!("{}: not in the zip file", file.display()))?;
    archive.by_name(part).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot be unzipped ({})",
            file.display(),
            crate::escape::excerpt(&e.to_string(), 120)
        )
    })
}

/// How many folders deep a part's name is (`a/b.xlsx` is 1).
fn depth(part: &str) -> usize {
    part.trim_end_matches('/').matches('/').count()
}

/// The part called `name` at the top of the zip or in one folder, the shallowest first.
fn zip_part(names: &[String], name: &str) -> Option<String> {
    let mut found: Vec<&String> = names
        .iter()
        .filter(|part| depth(part) <= 1 && part.rsplit('/').next() == Some(name))
        .collect();
    found.sort_by_key(|part| (depth(part), part.to_string()));
    found.first().map(|part| part.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_found_at_the_top_or_one_folder_down() {
        assert_eq!(depth("Skills.xlsx"), 0);
        assert_eq!(depth("db_29_3_excel/Skills.xlsx"), 1);
        assert_eq!(depth("a/b/Skills.xlsx"), 2);
        assert_eq!(depth("db_29_3_excel/"), 0);
    }
}
