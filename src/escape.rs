//! The one rule for what text from a file or an argument may carry into any output, and the
//! short, escaped excerpts every message quotes such text by. A leaf: renderers, errors,
//! completion and build.rs all use it, and it uses nothing of the crate.

/// Most characters of a user's file an error message may quote.
pub const EXCERPT_CHARS: usize = 80;

/// True for the invisible characters that reorder how a terminal shows text (Trojan-source style).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// The one rule for what text from a file or an argument may not carry raw into any output: C0
/// and C1 controls (a C1 CSI, U+009B, starts an escape sequence on many terminals), DEL,
/// bidirectional controls, and the invisible format characters that hide text or stand in for
/// markup (zero-width space, word joiner and invisible operators, line and paragraph separators,
/// byte-order mark, interlinear annotation marks, tag characters, every other format character
/// not needed for display) and private-use characters. Zero-width joiners stay: they build emoji
/// and are part of several scripts.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_hidden_format(c) || is_private_use(c)
}

/// Unicode's format characters (category Cf) and the line and paragraph separators, but for
/// those text needs to display: the zero-width joiner and non-joiner (emoji, Indic and Persian
/// script) and the prepended number marks of Arabic, Syriac and Kaithi. The rest hide text,
/// stand in for markup or change nothing a reader should see.
fn is_hidden_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Private-use characters: they mean what a program or font makes them mean (this one marks
/// search highlights with two of them), so from a file they are shown escaped.
fn is_private_use(c: char) -> bool {
    matches!(
        c,
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}'
    )
}

/// At most `limit` characters of `text`, control characters and bidirectional overrides escaped,
/// with `…` where it was cut: safe to print whatever a file holds.
pub fn excerpt(text: &str, limit: usize) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == limit {
            out.push('…');
            break;
        }
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `message` with every `'quoted'` part (which, by the convention of every message here, holds
/// text from a file or an argument) cut to [`EXCERPT_CHARS`] characters and escaped, and the
/// whole cut to a few lines' worth: the one rule for echoing anything back, so no message
/// repeats a 128 KiB argument or a file's long value.
pub fn bounded_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    for (index, part) in message.split('\'').enumerate() {
        if index > 0 {
            out.push('\'');
        }
        let inside_quotes = index % 2 == 1;
        out.push_str(&excerpt(
            part,
            if inside_quotes {
                EXCERPT_CHARS
            } else {
                4 * EXCERPT_CHARS
            },
        ));
    }
    let out = excerpt(&out, 8 * EXCERPT_CHARS);
    // Characters can take four bytes each: the cap is on bytes too.
    let cap = 8 * EXCERPT_CHARS;
    if out.len() <= cap {
        return out;
    }
    let mut end = cap;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &out[..end])
}

/// `text` quoted for a message: `'…'`, at most [`EXCERPT_CHARS`] characters, escaped.
pub fn quoted(text: &str) -> String {
    format!("'{}'", excerpt(text, EXCERPT_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_and_escaped() {
        assert_eq!(excerpt("a\u{1b}b", 10), "a\\u{1b}b");
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(quoted("id"), "'id'");
    }

    #[test]
    fn private_use_and_hidden_format_characters_are_escaped_and_joiners_kept() {
        for c in [
            '\u{E000}',
            '\u{E001}',
            '\u{180E}',
            '\u{206A}',
            '\u{1D173}',
            '\u{13430}',
        ] {
            assert!(needs_escape(c), "{c:?}");
        }
        for c in ['\u{200D}', '\u{200C}', '\u{0600}', 'é', '中'] {
            assert!(!needs_escape(c), "{c:?}");
        }
    }

    #[test]
    fn a_message_is_capped_in_bytes_as_well_as_characters() {
        let wide = "\u{10348}".repeat(2000);
        let message = bounded_message(&format!("bad value '{wide}' and then {wide}"));
        assert!(message.len() <= 8 * EXCERPT_CHARS + 3, "{}", message.len());
    }
}
