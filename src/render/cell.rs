//! A cell's text: escaped so nothing from a file reaches a terminal raw, measured in terminal
//! columns, and wrapped to a width.

use std::borrow::Cow;

use crate::escape::needs_escape;
use crate::view::{MARK_CLOSE, MARK_OPEN};

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

/// [`clean`] for a cell of a table whose cells carry highlight marks: the two mark characters
/// are kept for the renderer to draw; every other character is cleaned as [`clean`] does.
pub fn clean_cell(text: &str, marked: bool) -> Cow<'_, str> {
    if !marked || !text.contains([MARK_OPEN, MARK_CLOSE]) {
        return clean(text, true);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find([MARK_OPEN, MARK_CLOSE]) {
        out.push_str(&clean(&rest[..at], true));
        let mark = rest[at..].chars().next().unwrap_or(MARK_OPEN);
        out.push(mark);
        rest = &rest[at + mark.len_utf8()..];
    }
    out.push_str(&clean(rest, true));
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
