//! `roles validate FILE…`: every problem in each file, as `FILE:LINE:COLUMN: message`.

use std::path::PathBuf;

use clap_complete::engine::ArgValueCompleter;

use crate::complete::path_candidates;

use serde::Serialize;

use crate::model::Dataset;
use crate::open::read_text;
use crate::outcome::Outcome;
use crate::problem::Problem;
use crate::view::{Block, Records, Report, View};

/// Arguments of `roles validate`.
#[derive(Debug, Clone, clap::Args)]
pub struct ValidateArgs {
    /// Dataset files to check. Each may cite the built-in sources, skills and aspects (and those
    /// of any --data files) without listing them, as it could when loaded with --data.
    #[arg(value_name = "FILE", required = true, add = ArgValueCompleter::new(path_candidates))]
    pub files: Vec<PathBuf>,
}

impl super::Run for ValidateArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let base = if context.data.no_builtin && context.data.files.is_empty() {
            None
        } else {
            Some(crate::load::load(&context.data)?)
        };
        let report = validate_files(base.as_ref(), self);
        context.emit(&report, &[])?;
        Ok(if report.all_valid() {
            Outcome::Success
        } else {
            Outcome::Negative
        })
    }
}

/// The outcome for every file.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ValidationReport {
    /// One entry per file, in the order given.
    pub files: Vec<FileReport>,
}

/// One file's outcome.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FileReport {
    /// The path as given.
    pub path: String,
    /// True when the file has no problem.
    pub valid: bool,
    /// Roles the file defines, when it parsed.
    pub roles: usize,
    /// Every problem found.
    pub problems: Vec<ProblemEntry>,
}

/// One problem, with its position when known.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProblemEntry {
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// For the last entry of a file with more problems than are listed: how many it stands for.
    #[serde(skip_serializing_if = "is_zero")]
    pub unlisted: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl From<Problem> for ProblemEntry {
    fn from(problem: Problem) -> Self {
        ProblemEntry {
            line: problem.line,
            column: problem.column,
            message: problem.message,
            unlisted: problem.unlisted,
        }
    }
}

impl ValidationReport {
    /// True when every file is valid.
    pub fn all_valid(&self) -> bool {
        self.files.iter().all(|f| f.valid)
    }
}

/// Checks each file over `base` (the data it would be layered on, if any).
pub fn validate_files(base: Option<&Dataset>, args: &ValidateArgs) -> ValidationReport {
    let files = args
        .files
        .iter()
        .map(|path| {
            let origin = path.display().to_string();
            let outcome = read_text(path)
                .map_err(|problem| vec![problem])
                .and_then(|text| {
                    Dataset::from_yaml_over(&text, &origin, base).map_err(|e| e.problems)
                });
            match outcome {
                Ok(dataset) => FileReport {
                    path: origin,
                    valid: true,
                    roles: dataset.roles.len(),
                    problems: Vec::new(),
                },
                Err(problems) => FileReport {
                    path: origin,
                    valid: false,
                    roles: 0,
                    problems: problems.into_iter().map(ProblemEntry::from).collect(),
                },
            }
        })
        .collect();
    ValidationReport { files }
}

impl ProblemEntry {
    fn located(&self, path: &str) -> String {
        Problem {
            line: self.line,
            column: self.column,
            message: self.message.clone(),
            unlisted: self.unlisted,
        }
        .display_in(path)
    }
}

impl View for ValidationReport {
    fn report(&self) -> Report {
        let mut lines = Vec::new();
        for file in &self.files {
            if file.valid {
                let plural = if file.roles == 1 { "" } else { "s" };
                lines.push(format!("{}: ok ({} role{plural})", file.path, file.roles));
            }
            lines.extend(file.problems.iter().map(|p| p.located(&file.path)));
        }
        let problems: usize = self
            .files
            .iter()
            .flat_map(|f| &f.problems)
            .map(|p| p.unlisted.max(1))
            .sum();
        let bad_files = self.files.iter().filter(|f| !f.valid).count();
        let mut blocks = vec![Block::Lines(lines)];
        if problems > 0 {
            blocks.push(Block::Note(format!(
                "{problems} problem{} in {bad_files} of {} file{}",
                if problems == 1 { "" } else { "s" },
                self.files.len(),
                if self.files.len() == 1 { "" } else { "s" },
            )));
        }
        Report { blocks }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["file", "line", "column", "message"]);
        let number = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
        for file in &self.files {
            if file.valid {
                records.row([
                    file.path.clone(),
                    String::new(),
                    String::new(),
                    "ok".to_string(),
                ]);
            }
            for problem in &file.problems {
                records.row([
                    file.path.clone(),
                    number(problem.line),
                    number(problem.column),
                    problem.message.clone(),
                ]);
            }
        }
        records
    }
}
