//! YAML: a command's view, or the dataset itself for `export`.

use std::io::{self, Write};

use serde::Serialize;

use super::cell::clean;
use super::style::Style;

/// Writes `value` as YAML. The YAML writer escapes control characters itself; on a terminal, any
/// remaining bidirectional override is shown escaped too (into a file or pipe the data stays
/// exact, so an export reloads to the same dataset).
pub fn write<V: Serialize>(value: &V, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_saphyr::to_string(value).map_err(io::Error::other)?;
    if style.terminal {
        out.write_all(clean(&text, true).as_bytes())
    } else {
        out.write_all(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_a_terminal_bidi_overrides_are_shown_escaped_and_in_a_pipe_kept_exact() {
        let mut terminal = Style::plain(80);
        terminal.terminal = true;
        let mut shown = Vec::new();
        assert!(write(&"a\u{202e}b", terminal, &mut shown).is_ok());
        assert!(!String::from_utf8_lossy(&shown).contains('\u{202e}'));
        let mut piped = Vec::new();
        assert!(write(&"a\u{202e}b", Style::plain(80), &mut piped).is_ok());
        assert!(String::from_utf8_lossy(&piped).contains('\u{202e}'));
    }
}
