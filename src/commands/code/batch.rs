//! `roles code --batch FILE`: every line coded apart and written as it is coded, in input
//! order, one record a line: CSV, or JSON lines. A progress bar on standard error when that is
//! a terminal and the work takes more than a moment.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::coder::code;
use crate::commands::Context;
use crate::outcome::{Outcome, UsageError};
use crate::render::{CsvRows, Format, write_json_line};
use crate::text::Scorer;
use crate::text::index::Index;

/// Longest line coded: a long job description still fits.
const MOST_LINE_BYTES: usize = 256 * 1024;

/// How long the work runs before a progress bar is worth drawing.
const QUIET_FOR: Duration = Duration::from_millis(500);

/// One line coded, as JSON lines write it.
#[derive(Debug, Serialize)]
struct Record<'a> {
    query: &'a str,
    candidates: Vec<Brief<'a>>,
    clear: bool,
    verdict: &'a str,
}

#[derive(Debug, Serialize)]
struct Brief<'a> {
    id: &'a str,
    name: &'a str,
    score: f64,
}

/// Codes every line of `path`, writing each record as it goes.
pub fn code_lines(
    context: &mut Context,
    index: &Index,
    path: &Path,
    limit: usize,
) -> anyhow::Result<Outcome> {
    let json = match context.format {
        None | Some(Format::Csv) => false,
        Some(Format::Json) => true,
        Some(_) => {
            return Err(UsageError(
                "--batch writes csv (the default) or json (JSON lines, one record a line)".into(),
            )
            .into());
        }
    };
    let origin = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let (source, size) =
        crate::open::open_input(path, "a text file", "the titles", "code --batch -")
            .map_err(|problem| anyhow::anyhow!("{}", problem.display_in(&origin)))?;
    let mut lines = BufReader::with_capacity(1 << 16, source.take(size));
    let mut scorer = Scorer::default();
    let mut progress = Progress::new(path.as_os_str() != "-" && size > 0, size);
    let mut sink = if json {
        Sink::Json(&mut *context.out)
    } else {
        Sink::Csv(Box::new(CsvRows::new(
            &[
                "query",
                "id",
                "name",
                "score",
                "runner_up_id",
                "runner_up_name",
                "runner_up_score",
                "verdict",
            ],
            context.out,
        )?))
    };
    let mut buffer = Vec::new();
    let mut number = 0usize;
    loop {
        buffer.clear();
        let read = (&mut lines)
            .take(MOST_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buffer)?;
        if read == 0 {
            break;
        }
        number += 1;
        progress.advance(read as u64);
        let line = line_text(&buffer, &origin, number)?;
        let coded = code(index, &mut scorer, line, limit);
        let verdict = match (coded.ranked.first(), coded.clear) {
            (None, _) => "none",
            (Some(_), true) => "clear",
            (Some(_), false) => "review",
        };
        sink.write(line, &coded, verdict)?;
    }
    match &mut sink {
        Sink::Csv(csv) => csv.flush()?,
        Sink::Json(out) => out.flush()?,
    }
    progress.finish();
    Ok(Outcome::Success)
}

/// Where records go: CSV rows, or JSON lines.
enum Sink<'a> {
    Csv(Box<CsvRows<'a>>),
    Json(&'a mut dyn std::io::Write),
}

impl Sink<'_> {
    /// One line's record: the first and next candidates in CSV, the first few in JSON lines.
    fn write(
        &mut self,
        line: &str,
        coded: &crate::coder::Coded,
        verdict: &str,
    ) -> std::io::Result<()> {
        match self {
            Sink::Csv(csv) => {
                let cell = |at: usize| coded.ranked.get(at);
                csv.row([
                    line.to_string(),
                    cell(0).map(|c| c.id.clone()).unwrap_or_default(),
                    cell(0).map(|c| c.name.clone()).unwrap_or_default(),
                    cell(0)
                        .map(|c| format!("{:.3}", c.score))
                        .unwrap_or_default(),
                    cell(1).map(|c| c.id.clone()).unwrap_or_default(),
                    cell(1).map(|c| c.name.clone()).unwrap_or_default(),
                    cell(1)
                        .map(|c| format!("{:.3}", c.score))
                        .unwrap_or_default(),
                    verdict.to_string(),
                ])?;
            }
            Sink::Json(out) => write_json_line(
                &Record {
                    query: line,
                    candidates: coded
                        .ranked
                        .iter()
                        .map(|c| Brief {
                            id: &c.id,
                            name: &c.name,
                            score: c.score,
                        })
                        .collect(),
                    clear: coded.clear,
                    verdict,
                },
                *out,
            )?,
        }
        Ok(())
    }
}

/// A line's text without its line ending, or why it cannot be coded.
fn line_text<'a>(bytes: &'a [u8], origin: &str, number: usize) -> anyhow::Result<&'a str> {
    if bytes.len() > MOST_LINE_BYTES {
        anyhow::bail!(
            "{origin}:{number}: a line over {} KiB; give one title or description a line",
            MOST_LINE_BYTES / 1024
        );
    }
    if bytes.contains(&0) {
        anyhow::bail!("{origin}:{number}: holds a NUL byte; give a text file, one title a line");
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "{origin}:{number}:{}: not UTF-8 text (save the file as UTF-8)",
            error.valid_up_to() + 1
        )
    })?;
    Ok(text.trim_end_matches(['\n', '\r']))
}

/// A progress bar drawn on standard error once the work has taken a moment, and only there
/// when it is a terminal.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    sized: bool,
    size: u64,
    done: u64,
}

impl Progress {
    fn new(sized: bool, size: u64) -> Progress {
        Progress {
            bar: None,
            started: Instant::now(),
            sized,
            size,
            done: 0,
        }
    }

    fn advance(&mut self, bytes: u64) {
        self.done += bytes;
        if self.bar.is_none() && self.started.elapsed() > QUIET_FOR {
            let bar = if self.sized {
                ProgressBar::with_draw_target(Some(self.size), ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template("{bar:30} {percent:>3}% {elapsed} coded")
                            .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    )
            } else {
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
            };
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(self.done);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
