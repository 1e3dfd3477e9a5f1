//! `roles import onet DIR`: a dataset `--data` reads, made from an O*NET database folder and,
//! optionally, the BLS OEWS national wage file.

pub mod archive;
pub mod build;
mod ids;
pub mod oews;
pub mod onet;
mod pay;
mod ratings;
pub mod table;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap_complete::engine::ArgValueCompleter;

use crate::complete::path_candidates;

use anyhow::{Context, bail};

use crate::model::Dataset;
use crate::outcome::UsageError;
use crate::render::{ExportFormat, Style};
use onet::{Occupation, Onet};

/// Arguments of `roles import onet`.
#[derive(Debug, Clone, clap::Args)]
pub struct OnetArgs {
    /// The O*NET database folder (holding `Occupation Data.xlsx` or `Occupation Data.txt`), or
    /// the zip file as O*NET distributes it (db_29_3_excel.zip, db_29_3_text.zip).
    #[arg(value_name = "DIR|ZIP", add = ArgValueCompleter::new(path_candidates))]
    pub dir: PathBuf,
    /// The BLS OEWS national file (national_M<year>_dl.xlsx), or the zip BLS distributes it in
    /// (oesm24nat.zip), for wages.
    #[arg(long, value_name = "FILE", add = ArgValueCompleter::new(path_candidates))]
    pub wages: Option<PathBuf>,
    /// Import only this occupation: an O*NET-SOC code (13-1082.00), a SOC code (13-1082) or a
    /// title in any case. Repeat for several; related occupations outside the set are dropped.
    #[arg(long, value_name = "CODE|TITLE")]
    pub occupation: Vec<String>,
    /// Leave out skills and knowledge areas O*NET rates below this importance (1 not important
    /// … 3 important … 5 extremely important), for a smaller file. The default, 0, keeps every
    /// rating: what is shown is decided when it is shown.
    #[arg(long, value_name = "N", default_value_t = 0.0)]
    pub min_importance: f64,
    /// Write the dataset to FILE (replaced whole, never half-written) instead of standard output.
    #[arg(short, long, value_name = "FILE", add = ArgValueCompleter::new(path_candidates))]
    pub output: Option<PathBuf>,
}

/// Runs `roles import onet`, writing the dataset to `-o FILE` or `out` and a summary to `err`.
pub fn run(
    args: &OnetArgs,
    format: ExportFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    if !(args.min_importance.is_finite() && args.min_importance >= 0.0) {
        return Err(UsageError("--min-importance must be a number from 0 to 5".into()).into());
    }
    // `-o -` is standard output; anything else is checked before the work, and again on write.
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(path) = output {
        check_output_path(path)?;
    }
    let onet = onet::read(&mut archive::Bundle::open(&args.dir)?)?;
    let release = onet::require_release(&onet, &args.dir)?;
    let wages = args.wages.as_deref().map(oews::read).transpose()?;
    let occupations = select(&onet, &args.occupation)?;
    let (dataset, counts) = build::dataset(&build::Build {
        onet: &onet,
        release: &release,
        wages: wages.as_ref(),
        occupations,
        min_importance: args.min_importance,
    });
    let problems = crate::validate::check(&dataset, "", None);
    if let Some(problem) = problems.first() {
        bail!("the imported dataset does not validate (a bug in roles): {problem}");
    }
    match output {
        Some(path) => write_file(&dataset, format, path)?,
        None => {
            write_dataset(&dataset, format, out)?;
            out.flush()?;
        }
    }
    let mut summary = format!(
        "roles: imported {} occupations from O*NET {} ({} distribution): {} task statements, {} skill and knowledge ratings",
        counts.roles, release.number, onet.distribution, counts.tasks, counts.skills
    );
    if let Some(wages) = &wages {
        summary.push_str(&format!(
            "; OEWS {} wages for {} ({} from the SOC group that includes them)",
            wages.release, counts.with_wages, counts.wages_from_group
        ));
    }
    // Paths and anything read from the files are escaped like every other output.
    writeln!(err, "{}", crate::render::clean(&summary, false))?;
    if !onet.missing.is_empty() {
        let line = format!(
            "roles: not in {}, so not imported: {}",
            args.dir.display(),
            onet.missing.join(", ")
        );
        writeln!(err, "{}", crate::render::clean(&line, false))?;
    }
    if let Some(path) = output {
        let shown = path.display().to_string();
        let shown = crate::render::clean(&shown, false);
        writeln!(
            err,
            "roles: wrote {shown}; use it with: roles --data {shown} list"
        )?;
    }
    Ok(())
}

/// The occupations `wanted` names (all when empty), in the published order.
fn select<'a>(onet: &'a Onet, wanted: &[String]) -> anyhow::Result<Vec<&'a Occupation>> {
    if wanted.is_empty() {
        return Ok(onet.occupations.iter().collect());
    }
    let mut chosen = vec![false; onet.occupations.len()];
    for query in wanted {
        let query = query.trim();
        let mut found = false;
        for (index, occupation) in onet.occupations.iter().enumerate() {
            let soc = occupation.code.split('.').next().unwrap_or_default();
            if occupation.code == query
                || soc == query
                || occupation.title.eq_ignore_ascii_case(query)
            {
                chosen[index] = true;
                found = true;
            }
        }
        if !found {
            let closest = onet
                .occupations
                .iter()
                .map(|o| {
                    let score =
                        strsim::jaro_winkler(&query.to_lowercase(), &o.title.to_lowercase());
                    (score, o)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score > 0.8)
                .map(|(_, o)| format!("; did you mean {} '{}'?", o.code, o.title))
                .unwrap_or_default();
            return Err(UsageError(format!(
                "no O*NET occupation has the code or title '{}'{closest}",
                crate::escape::excerpt(query, 80)
            ))
            .into());
        }
    }
    Ok(onet
        .occupations
        .iter()
        .zip(chosen)
        .filter_map(|(occupation, keep)| keep.then_some(occupation))
        .collect())
}

/// `-o` writes only a new path or over a regular file: a device, a FIFO, a directory or a
/// symbolic link at the path is refused rather than replaced.
pub fn check_output_path(path: &Path) -> anyhow::Result<()> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("{}: cannot write", path.display())),
        Ok(meta) if meta.file_type().is_file() => Ok(()),
        Ok(meta) => {
            let what = if meta.file_type().is_symlink() {
                "a symbolic link"
            } else if meta.is_dir() {
                "a directory"
            } else {
                "not a regular file"
            };
            bail!(
                "{}: {what}; -o writes only a regular file or a new path (leave -o out for standard output)",
                path.display()
            )
        }
    }
}

/// Writes the dataset to `path` through a temporary file beside it, so a failed run never
/// leaves half a file.
fn write_file(dataset: &Dataset, format: ExportFormat, path: &Path) -> anyhow::Result<()> {
    check_output_path(path)?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{}: cannot write here", path.display()))?;
    let mut writer = std::io::BufWriter::new(file.as_file_mut());
    write_dataset(dataset, format, &mut writer)
        .and_then(|()| writer.flush())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    drop(writer);
    // A temporary file is private to its owner; the dataset is an ordinary file (or keeps the
    // permissions of the one it replaces).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    // Checked again just before the rename, and a path that was new must still be new: what
    // appeared there meanwhile (a link, a device) is never replaced.
    let existed = std::fs::symlink_metadata(path).is_ok();
    check_output_path(path)?;
    let persisted = if existed {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

/// The dataset as YAML (headed by comments saying where it came from and the credit its
/// sources require) or JSON (which carries the same in `sources`).
fn write_dataset(
    dataset: &Dataset,
    format: ExportFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        ExportFormat::Json => crate::render::write_json(dataset, out),
        ExportFormat::Yaml => {
            writeln!(
                out,
                "# roles dataset, written by `roles import onet`; load it with --data FILE."
            )?;
            for source in &dataset.sources {
                if let Some(attribution) = &source.attribution {
                    writeln!(out, "# {attribution}")?;
                }
            }
            crate::render::write_yaml(dataset, Style::plain(80), out)
        }
    }
}
