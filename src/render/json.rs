//! JSON: the command's view serialised as it is, so the JSON holds what the table shows.

use std::io::{self, Write};

use serde::Serialize;

use super::is_bidi_control;

/// Pretty JSON and a final newline. serde_json escapes control characters; bidirectional
/// overrides, which it leaves raw, are written as `\uXXXX` escapes too: the same JSON value, but
/// safe to show on a terminal.
pub fn write<V: Serialize + ?Sized>(view: &V, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(view).map_err(io::Error::from)?;
    if text.chars().any(is_bidi_control) {
        let mut escaped = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            if is_bidi_control(c) {
                escaped.push_str(&format!("\\u{:04x}", u32::from(c)));
            } else {
                escaped.push(c);
            }
        }
        out.write_all(escaped.as_bytes())?;
    } else {
        out.write_all(text.as_bytes())?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_are_escaped_and_the_value_is_unchanged() {
        let mut out = Vec::new();
        assert!(write("a\u{202e}b", &mut out).is_ok());
        let text = String::from_utf8_lossy(&out);
        assert_eq!(text, "\"a\\u202eb\"\n");
        let parsed: Result<String, _> = serde_json::from_str(&text);
        assert_eq!(parsed.ok().as_deref(), Some("a\u{202e}b"));
    }
}
