//! JSON: the command's view serialised as it is, so the JSON holds what the table shows.

use std::io::{self, Write};

use serde::Serialize;

use crate::escape::needs_escape;

/// Pretty JSON and a final newline. serde_json escapes C0 controls; everything else
/// [`needs_escape`] names (C1 controls such as U+009B, DEL, bidirectional overrides, invisible
/// format characters), which it leaves raw, is written as `\uXXXX` escapes too (a surrogate pair
/// beyond the first plane): the same JSON value, but safe to show on a terminal.
pub fn write<V: Serialize + ?Sized>(view: &V, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(view).map_err(io::Error::from)?;
    out.write_all(escape_hidden(&text).as_bytes())?;
    writeln!(out)
}

/// One value as one line of JSON (JSON lines), escaped like [`write`]'s.
pub fn write_line<V: Serialize + ?Sized>(value: &V, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string(value).map_err(io::Error::from)?;
    out.write_all(escape_hidden(&text).as_bytes())?;
    writeln!(out)
}

/// `json` with every raw character [`needs_escape`] names written as a JSON `\u` escape. Such
/// characters can only be inside strings (JSON's own syntax is ASCII), so the value is unchanged.
pub fn escape_hidden(json: &str) -> std::borrow::Cow<'_, str> {
    // serde_json has escaped every C0 control inside strings: a raw one is layout (newlines).
    let hidden = |c: char| c >= ' ' && needs_escape(c);
    if !json.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if hidden(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                escaped.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            escaped.push(c);
        }
    }
    std::borrow::Cow::Owned(escaped)
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

    #[test]
    fn c1_controls_and_tags_are_escaped_and_read_back_the_same() {
        let value = "csi\u{9b}31m del\u{7f} tag\u{e0041} joiner\u{2060}";
        let mut out = Vec::new();
        assert!(write(value, &mut out).is_ok());
        let text = String::from_utf8_lossy(&out);
        assert_eq!(
            text,
            "\"csi\\u009b31m del\\u007f tag\\udb40\\udc41 joiner\\u2060\"\n"
        );
        let parsed: Result<String, _> = serde_json::from_str(&text);
        assert_eq!(parsed.ok().as_deref(), Some(value));
    }
}
