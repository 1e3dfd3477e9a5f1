//! Output formats. Renderers know views ([`crate::view`]), never commands: adding a format
//! touches this folder alone.

mod csv;
mod framed;
mod json;
mod layout;
mod markdown;
mod stacked;
mod table;
mod yaml;

pub use json::write as write_json;
pub use yaml::write as write_yaml;

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use serde::Serialize;

use crate::view::View;

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
    /// where Markdown would show its marks; otherwise as the table format.
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

    /// Plain output of a given width, for tests.
    pub fn plain(width: u16) -> Style {
        Style {
            color: false,
            width: width.max(MIN_WIDTH),
            terminal: false,
        }
    }
}

/// Writes `view` to `out` in `format`.
pub fn render<V: View>(
    view: &V,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(&view.digest().unwrap_or_else(|| view.report()), style, out),
        Format::Markdown => markdown::write(&view.document().unwrap_or_else(|| view.report()), out),
        Format::Text => table::write(
            &view
                .document()
                .or_else(|| view.digest())
                .unwrap_or_else(|| view.report()),
            style,
            out,
        ),
        Format::Csv => csv::write(&view.records(), out),
        Format::Json => json::write(&Versioned::of(view), out),
        Format::Yaml => yaml::write(&Versioned::of(view), style, out),
    }
}

/// The version of the JSON and YAML vocabulary, written first in every command's output. It
/// changes only when a key is renamed or removed, or a unit changes; new keys may come without.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema of a command's JSON (and YAML) output, `schema_version` included: generated
/// from the view's types, checked in as `docs/schemas/*.json` and against real output by the
/// tests.
pub fn output_schema<V: schemars::JsonSchema + 'static>() -> schemars::Schema {
    // What is written, not what could be read: a field left out when empty is not required.
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Versioned<'static, V>>()
}

/// A view with `schema_version` before its own keys.
#[derive(serde::Serialize, schemars::JsonSchema)]
struct Versioned<'a, V> {
    schema_version: u32,
    #[serde(flatten)]
    view: &'a V,
}

impl<'a, V> Versioned<'a, V> {
    fn of(view: &'a V) -> Self {
        Versioned {
            schema_version: SCHEMA_VERSION,
            view,
        }
    }
}

pub use crate::escape::{is_bidi_control, needs_escape};

/// Text from a data file is untrusted: whatever [`needs_escape`] names (controls, escape
/// sequences, bidirectional overrides, invisible format characters) is shown as `\u{…}` so it
/// never reaches a terminal raw. Newlines survive only where
/// the renderer lays out multi-line cells itself.
pub fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| needs_escape(c) && !(keep_newlines && c == '\n');
    if !any_beyond_printable_ascii(text, unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Columns `text` takes on a terminal: a CJK character or an emoji takes two.
pub fn display_width(text: &str) -> usize {
    // Printable ASCII, nearly every word, is a column a byte: no table lookups (a table
    // measures each cell several times).
    if is_printable_ascii(text) {
        return text.len();
    }
    unicode_width::UnicodeWidthStr::width(text)
}

/// Whether `text` is all printable ASCII (space to tilde).
fn is_printable_ascii(text: &str) -> bool {
    printable_ascii_prefix(text.as_bytes()) == text.len()
}

/// How many bytes at the start of `bytes` are printable ASCII, found eight at a time (the
/// renderers check every cell, and a long line, several times).
fn printable_ascii_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH_BITS: u64 = ONES * 0x80;
    let (chunks, _) = bytes.as_chunks::<8>();
    for (index, chunk) in chunks.iter().enumerate() {
        let word = u64::from_le_bytes(*chunk);
        // A byte's high bit is set in `below_space` when it is under 0x20, and in `delete` when
        // it is 0x7f. A borrow can only mark bytes after the first marked one, so the first
        // mark is exact.
        let below_space = word.wrapping_sub(ONES * 0x20) & !word;
        let flipped = word ^ (ONES * 0x7f);
        let delete = flipped.wrapping_sub(ONES) & !flipped;
        let marked = (word | below_space | delete) & HIGH_BITS;
        if marked != 0 {
            return index * 8 + marked.trailing_zeros() as usize / 8;
        }
    }
    let start = chunks.len() * 8;
    start
        + bytes[start..]
            .iter()
            .take_while(|b| (0x20..0x7f).contains(*b))
            .count()
}

/// Whether any character of `text` outside printable ASCII satisfies `test`; runs of printable
/// ASCII are skipped eight bytes at a time.
fn any_beyond_printable_ascii(text: &str, test: impl Fn(char) -> bool) -> bool {
    let mut rest = text;
    loop {
        rest = &rest[printable_ascii_prefix(rest.as_bytes())..];
        let mut chars = rest.chars();
        match chars.next() {
            None => return false,
            Some(c) if test(c) => return true,
            Some(_) => rest = chars.as_str(),
        }
    }
}

/// Whether `word` is written in a script that breaks between any two characters (Chinese,
/// Japanese, emoji): such a "word" is often a whole sentence, and may wrap anywhere.
fn breaks_anywhere(word: &str) -> bool {
    !word.is_ascii()
        && word
            .chars()
            .any(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 1)
}

/// The narrowest a column can be and still hold `word` unsplit: its width, or for text that
/// breaks anywhere, its widest character.
pub fn least_width(word: &str) -> usize {
    if breaks_anywhere(word) {
        word.chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .max()
            .unwrap_or(0)
    } else {
        display_width(word)
    }
}

/// Greedy word wrap to `width` display columns. Words are never split, but for text in a
/// script that breaks between any characters (CJK), which is cut where the line is full.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let wide = display_width(word);
        if breaks_anywhere(word) && wide > width {
            for c in word.chars() {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + w > width && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += w;
            }
            continue;
        }
        let fits = used + 1 + wide <= width;
        if !line.is_empty() && !fits {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += wide;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters around every edge the fast paths draw: controls, space, tilde, delete, the
    /// first non-ASCII, and the sequences whose width depends on their neighbours.
    const EDGES: &[&str] = &[
        "a",
        "~",
        " ",
        "  ",
        "\u{1f}",
        "\u{7f}",
        "\u{80}",
        "\t",
        "\n",
        "\r\n",
        "é",
        "e\u{301}",
        "\u{301}",
        "产",
        "•",
        "🙂",
        "👩\u{200D}💻",
        "\u{200D}",
        "1\u{FE0F}\u{20E3}",
        "\u{FE0F}",
        "#\u{FE0F}",
        "🇬🇧",
        "\u{1F1EC}",
        "\u{1b}[1m",
        "\u{202E}",
        "\u{E000}",
        "—",
        "\u{2060}",
    ];

    proptest::proptest! {
        /// The fast paths give what the slow definitions give, at any position in a chunk.
        #[test]
        fn fast_paths_agree_with_their_definitions(
            parts in proptest::collection::vec(proptest::sample::select(EDGES), 0..24),
            keep_newlines: bool,
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(
                display_width(&text),
                unicode_width::UnicodeWidthStr::width(text.as_str()),
                "{:?}", text
            );
            let prefix = text.bytes().take_while(|b| (0x20..0x7f).contains(b)).count();
            proptest::prop_assert_eq!(printable_ascii_prefix(text.as_bytes()), prefix);
            let escapes = text
                .chars()
                .any(|c| needs_escape(c) && !(keep_newlines && c == '\n'));
            proptest::prop_assert_eq!(
                matches!(clean(&text, keep_newlines), Cow::Owned(_)),
                escapes,
                "{:?}", text
            );
        }
    }

    #[test]
    fn escape_sequences_never_reach_the_terminal_raw() {
        assert_eq!(clean("a\u{1b}[31mb", false), "a\\u{1b}[31mb");
        assert_eq!(clean("x\u{202E}y", false), "x\\u{202e}y");
        assert_eq!(clean("one\ntwo", true), "one\ntwo");
        assert_eq!(clean("one\ntwo", false), "one\\u{a}two");
        assert!(matches!(clean("plain", false), Cow::Borrowed(_)));
    }

    #[test]
    fn wrap_breaks_between_words_within_width() {
        assert_eq!(wrap("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        assert_eq!(wrap("longword x", 3), ["longword", "x"]);
        assert!(wrap("", 10).is_empty());
        // Wide characters take two columns, and CJK text wraps between characters.
        assert_eq!(
            wrap("产品负责人管理待办事项", 8),
            ["产品负责", "人管理待", "办事项"]
        );
        assert_eq!(wrap("ab 产品", 6), ["ab", "产品"]);
    }
}
