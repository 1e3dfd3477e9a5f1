//! The output formats, and how to draw: colour and width, decided once at start-up.

use std::io::{self, IsTerminal};

use clap::ValueEnum;
use serde::Serialize;

/// The output formats `--format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Tables for people, fitted to the terminal.
    Table,
    /// The command's view as JSON, for jq and programs.
    Json,
    /// Flat records, for spreadsheets.
    Csv,
    /// GitHub-flavoured Markdown tables, for documents.
    Markdown,
    /// The command's view as YAML (and, for export, the dataset format).
    Yaml,
    /// Plain text that reads as a document (show: headed sections of bullet lists), to paste
    /// where Markdown would show its marks; otherwise as the table format. Wrapped on a terminal
    /// only.
    Text,
}

impl Format {
    /// Every format, for code (tests, fuzz targets) that must try them all.
    pub const ALL: [Format; 6] = [
        Format::Table,
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Yaml,
        Format::Text,
    ];
}

/// When to colour output, as `--color` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour only on a terminal, and not when NO_COLOR is set.
    Auto,
    /// Always colour, even into a pipe.
    Always,
    /// Never colour.
    Never,
}

/// Width used when stdout is not a terminal and COLUMNS is not set.
pub const DEFAULT_WIDTH: u16 = 100;

/// Width of text that is not wrapped: wider than any line a dataset holds.
const UNWRAPPED: u16 = u16::MAX;

/// Narrowest width tables are squeezed to; below this they would be unreadable.
const MIN_WIDTH: u16 = 40;

/// How to draw: decided once, at start-up, from the terminal, the flags and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to emit ANSI colour and bold.
    pub color: bool,
    /// Columns the output must fit in.
    pub width: u16,
    /// Whether stdout is a terminal, where even exact data formats must not show raw
    /// bidirectional overrides.
    pub terminal: bool,
}

impl Style {
    /// Colour and width for stdout. Colour: `always`/`never` win; `auto` colours a terminal unless
    /// NO_COLOR is set and non-empty or TERM is `dumb`. Width: the terminal's, else COLUMNS, else [`DEFAULT_WIDTH`].
    pub fn detect(choice: ColorChoice) -> Style {
        let stdout = io::stdout();
        let is_terminal = stdout.is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var("TERM").is_ok_and(|term| term == "dumb");
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        let terminal_width = is_terminal
            .then(|| terminal_size::terminal_size_of(&stdout).map(|(w, _)| w.0))
            .flatten();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok());
        let width = terminal_width.or(columns).unwrap_or(DEFAULT_WIDTH);
        Style {
            color,
            width: width.max(MIN_WIDTH),
            terminal: is_terminal,
        }
    }

    /// The style for `format`: plain text is wrapped to a terminal only, so that text piped or
    /// pasted into a document flows as the document's own paragraphs.
    pub fn for_format(self, format: Option<Format>) -> Style {
        if format == Some(Format::Text) && !self.terminal {
            Style {
                width: UNWRAPPED,
                ..self
            }
        } else {
            self
        }
    }

    /// Whether lines are left whole (plain text into a pipe): tables are then written as
    /// blocks of `header: value` lines, which read as text, not as frames drawn to no width.
    pub fn unwrapped(self) -> bool {
        self.width == UNWRAPPED
    }

    /// Plain output of a given width, for tests.
    pub fn plain(width: u16) -> Style {
        Style {
            color: false,
            width: width.max(MIN_WIDTH),
            terminal: false,
        }
    }
}

/// The formats `export` writes; both are read back by `--data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// YAML, the dataset's own format.
    Yaml,
    /// JSON (YAML readers accept it).
    Json,
}
