//! Text to a typed [`Dataset`], bounded whatever the text holds.
//!
//! A user's file is untrusted. YAML is parsed by serde-saphyr under a [`Budget`] sized to the
//! file (events, nodes, scalar bytes, nesting, anchors and aliases), so an alias bomb or a deep
//! nest is refused at its line and column in milliseconds instead of exhausting memory. Strict JSON
//! goes through serde_json, which is faster on large exports; a `{` that is not strict JSON
//! (flow-style YAML, JSON with a comment) is YAML's. Messages say what is wrong in the file's
//! terms, never the libraries', and never echo more than a short, escaped excerpt of it.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, Options, options::AliasLimits};

use crate::escape::{EXCERPT_CHARS, excerpt};
use crate::model::Dataset;
use crate::problem::Problem;

/// Deepest nesting of collections accepted. The format needs five levels; room is left for
/// hand-written flow style.
pub const MAX_DEPTH: usize = 32;

/// Most alias uses (`*name`) in one file: anchors are a convenience for shared lists of
/// sources, not a way to build large documents.
pub const MAX_ALIASES: usize = 10_000;

/// Most parser events that replaying aliases may add, across the whole file.
pub const MAX_REPLAYED_EVENTS: usize = 100_000;

/// Most bytes of text that aliases may repeat, across the whole file.
pub const MAX_REPLAYED_BYTES: usize = 4 * 1024 * 1024;

/// Parses dataset text as YAML 1.2, of which JSON is a part. Text that is strictly JSON goes
/// through serde_json, which is faster on large exports; anything else starting with `{` (a
/// flow-style YAML mapping, JSON with a `#` comment) is YAML's to read, and so to report on.
pub fn parse_dataset(text: &str) -> Result<Dataset, Problem> {
    if !text.trim_start().starts_with('{') {
        return parse_yaml(text);
    }
    match serde_json::from_str(text) {
        Ok(dataset) => Ok(dataset),
        // Well-formed JSON of the wrong shape: JSON's own message says which field.
        Err(error) if error.classify() == serde_json::error::Category::Data => {
            let position = (error.line() > 0).then(|| (error.line(), error.column()));
            Err(Problem::at(position, short_message(&error.to_string())))
        }
        Err(_) => parse_yaml(text),
    }
}

fn parse_yaml(text: &str) -> Result<Dataset, Problem> {
    serde_saphyr::from_str_with_options(text, options_for(text.len())).map_err(|error| {
        let error = error.without_snippet();
        let position = error.location().and_then(|location| {
            let line = usize::try_from(location.line()).ok()?;
            let column = usize::try_from(location.column()).ok()?;
            (line > 0).then_some((line, column))
        });
        let message = match budget_breach(error) {
            Some(breach) => describe_breach(breach),
            None => short_message(&error.to_string()),
        };
        if let Some(misplaced) = position.and_then(|at| misindented(text, at, &message)) {
            return misplaced;
        }
        Problem::at(position, message)
    })
}

/// A "missing field" that is really present but mis-indented: YAML ends the mapping at the
/// short line, so the parser reports the field missing where the mapping began. This finds the
/// key a few lines on, at another indentation than its siblings, and points there instead.
fn misindented(text: &str, (line, column): (usize, usize), message: &str) -> Option<Problem> {
    let field = message.strip_prefix("missing field `")?.split('`').next()?;
    let sibling_indent = column.checked_sub(1)?;
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    for (offset, candidate) in text.lines().enumerate().skip(line).take(200) {
        let content = candidate.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = indent_of(candidate);
        let key = content.split(':').next().unwrap_or("").trim();
        if key == field && indent != sibling_indent {
            return Some(Problem::at(
                Some((offset + 1, indent + 1)),
                format!(
                    "`{field}:` is indented {indent} spaces where the keys beside it have {sibling_indent}, so YAML does not count it as one of them"
                ),
            ));
        }
        // Past the item the mapping belongs to: the field really is missing.
        if indent + 2 < sibling_indent {
            return None;
        }
    }
    None
}

/// The budget breach behind `error`, looking through the alias context it may be wrapped in.
fn budget_breach(mut error: &serde_saphyr::Error) -> Option<&BudgetBreach> {
    loop {
        match error {
            serde_saphyr::Error::Budget { breach, .. } => return Some(breach),
            serde_saphyr::Error::AliasError { error: inner, .. }
            | serde_saphyr::Error::WithSnippet { error: inner, .. } => error = inner,
            _ => return None,
        }
    }
}

/// A budget breach in a reader's words: which limit, and why there is one.
fn describe_breach(breach: &BudgetBreach) -> String {
    // Not a limit but the format: one file, one dataset.
    if let BudgetBreach::Documents { .. } = breach {
        return "a second YAML document (after `---`); a dataset file holds one, so split it into two files or remove the `---`".to_string();
    }
    let what = match breach {
        BudgetBreach::Aliases { .. } => format!("more than {MAX_ALIASES} alias uses (*name)"),
        BudgetBreach::Anchors { .. } => format!("more than {MAX_ALIASES} anchors (&name)"),
        BudgetBreach::RecordedAnchorEvents { .. } | BudgetBreach::RecordedAnchorBytes { .. } => {
            "aliases that would repeat too much of the file".to_string()
        }
        BudgetBreach::AliasAnchorRatio { .. } => {
            "far more alias uses than anchors (the shape of an alias bomb)".to_string()
        }
        BudgetBreach::Depth { .. } => format!("nesting deeper than {MAX_DEPTH} levels"),
        BudgetBreach::Events { .. } | BudgetBreach::Nodes { .. } => {
            "more items than a file of this size can hold without aliases".to_string()
        }
        BudgetBreach::ScalarBytes { .. } => {
            "more text than a file of this size can hold without aliases".to_string()
        }
        BudgetBreach::MergeKeys { .. } => "too many merge keys (<<)".to_string(),
        _ => "a YAML size limit".to_string(),
    };
    format!("refused: {what}; a dataset is read within limits so no file can exhaust memory")
}

/// Budgets that scale with the file: a real dataset has fewer events, nodes and scalar bytes
/// than it has bytes, so a 100,000-role export loads, while what aliases can add stays small.
pub fn options_for(bytes: usize) -> Options {
    let scale = bytes.max(64 * 1024);
    let mut budget = Budget::default();
    budget.max_reader_input_bytes = None;
    budget.max_events = scale;
    budget.max_nodes = scale;
    budget.max_total_scalar_bytes = scale;
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_documents = 1;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ALIASES;
    budget.max_merge_keys = 1_000;
    budget.max_recorded_anchor_events = MAX_REPLAYED_EVENTS;
    budget.max_recorded_anchor_bytes = MAX_REPLAYED_BYTES;
    let mut aliases = AliasLimits::default();
    aliases.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    aliases.max_replay_stack_depth = 16;
    aliases.max_alias_expansions_per_anchor = MAX_ALIASES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits = aliases;
    options
}

/// A parser's message cut to its first line, without its trailing position (shown up front),
/// with any quoted part of the file shortened and escaped.
pub fn short_message(message: &str) -> String {
    let joined = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let without_position = match joined.rfind(" at line ") {
        Some(cut)
            if joined[cut + 9..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b" ,column".contains(&b)) =>
        {
            &joined[..cut]
        }
        _ => &joined,
    };
    let plain = without_position
        .replace(
            "recursion limit exceeded",
            "nesting too deep; a dataset needs only a few levels",
        )
        .replace("invalid u32", "expected a whole number")
        .replace("invalid u64", "expected a whole number, not negative")
        .replace("expected u32", "expected a whole number")
        .replace("expected u64", "expected a whole number, not negative")
        .replace("expected f64", "expected a number")
        .replace("invalid type: sequence", "invalid type: a list")
        .replace("invalid type: map", "invalid type: `key: value` lines")
        // The parsers name Rust types and their own events; say it in the file's terms.
        .replace(
            "expected sequence start",
            "expected a list here (`- item` lines, or `[a, b]`)",
        )
        .replace(
            "expected mapping start",
            "expected `key: value` lines here (or `{key: value}`)",
        )
        .replace("expected string scalar", "expected text here")
        .replace("expected a sequence", "expected a list")
        .replace("expected a map", "expected `key: value` lines")
        .replace("expected a string", "expected text")
        .replace(
            "invalid u8",
            "expected a whole number from 0 to 100 (a percentile)",
        )
        .replace(
            "expected u8",
            "expected a whole number from 0 to 100 (a percentile)",
        );
    let plain = library_advice(&plain);
    let plain = rust_type_names(&plain);
    excerpt(&plain, EXCERPT_CHARS * 2)
}

/// The parsers' advice to the programmer (an option to set, a type to use) as advice to the
/// person editing the file.
fn library_advice(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        return format!("the key '{key}' appears twice in one mapping; keep one of them");
    }
    if message.contains("DuplicateKeyPolicy") {
        return "a key appears twice in one mapping; keep one of them".to_string();
    }
    if message.starts_with("cannot deserialize null") {
        return "no value here (empty, `~` or `null`); write the value, or leave the key out if it is optional".to_string();
    }
    if message.starts_with("tabs disallowed") {
        return "a tab indents this line; YAML indents with spaces only".to_string();
    }
    if message.starts_with("recursive references") {
        return "an alias (*name) inside the node its anchor (&name) marks; a dataset needs no node that contains itself".to_string();
    }
    if message.contains("!!binary") || message.contains("ignore_binary_tag_for_string") {
        return "a `!!binary` value that is not text; write the text itself, without the tag"
            .to_string();
    }
    message.to_string()
}

/// `expected struct Dataset` and the like, in words: serde names the Rust type it wanted.
fn rust_type_names(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("struct ").or_else(|| rest.find("enum ")) {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let name_start = after.find(' ').map_or(after.len(), |i| i + 1);
        let name: String = after[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        out.push_str(&describe_type(&name));
        rest = &after[name_start + name.len()..];
    }
    out.push_str(rest);
    out
}

/// What each type of the format is, as a person editing the file would call it.
fn describe_type(name: &str) -> String {
    let words = match name {
        "Dataset" => "a dataset (`key: value` lines: version, sources, skills, aspects, roles)",
        "Role" => "a role (`key: value` lines: id, name, summary, duties …)",
        "Statement" => "a statement (`text:` and `sources:`)",
        "Source" => "a source (`id`, `title`, `kind` …)",
        "RoleSkill" => "a role's skill (`skill`, `note`, `sources`)",
        "AspectValue" => "an aspect value (`aspect`, `value`, `sources`)",
        "SalaryFigure" => "a salary figure (`kind`, `amount` or `min`/`max`, `currency`, `source`)",
        "Requirements" => "requirements (`education`, `experience`, `certifications`)",
        "SkillDefinition" | "ThemeDefinition" | "AspectDefinition" => {
            "a vocabulary entry (`id`, `name`, `description`)"
        }
        "RelatedRole" => "a related role (`role`, `sources`)",
        "SalaryKind" => "a salary kind (average, median or range)",
        "Period" => "a pay period (year, month, week, day or hour)",
        _ => "a value of another shape",
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misindented_key_is_reported_at_its_own_line() {
        let text = "version: 1\nroles:\n  - id: x\n    name: X\n   summary: bad\n";
        let problem = parse_dataset(text).err();
        let problem = problem.unwrap_or_else(|| Problem::at(None, "parsed"));
        assert_eq!(
            (problem.line, problem.column),
            (Some(5), Some(4)),
            "{problem}"
        );
        assert!(
            problem
                .message
                .contains("indented 3 spaces where the keys beside it have 4")
        );
    }

    #[test]
    fn messages_name_no_rust_types() {
        let message =
            short_message("invalid type: sequence, expected struct Dataset at line 1 column 1");
        assert_eq!(
            message,
            "invalid type: a list, expected a dataset (`key: value` lines: version, sources, skills, aspects, roles)"
        );
        assert!(!short_message("expected enum SalaryKind").contains("enum"));
    }

    fn error_of(text: &str) -> Problem {
        match parse_dataset(text) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(problem) => problem,
        }
    }

    #[test]
    fn yaml_errors_carry_line_and_column() {
        let problem = error_of("version: 1\nroles: [\n");
        assert!(
            problem.line.is_some() && problem.column.is_some(),
            "{problem:?}"
        );
    }

    #[test]
    fn an_alias_bomb_shaped_like_a_dataset_is_refused_quickly() {
        let mut text = String::from("version: 1\nsources:\n  - &a0 {id: x, title: t, kind: k}\n");
        for level in 1..12 {
            let previous = level - 1;
            text.push_str(&format!(
                "  - &a{level} [*a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}]\n"
            ));
        }
        let problem = error_of(&text);
        assert!(problem.line.is_some(), "{problem:?}");
    }

    #[test]
    fn deep_nesting_is_refused_where_it_gets_too_deep() {
        let deep = format!(
            "version: 1\nroles: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let problem = error_of(&deep);
        assert_eq!(
            (problem.line, problem.column),
            (Some(2), Some(40)),
            "{problem:?}"
        );
        assert!(problem.message.contains("nesting too deep"), "{problem:?}");
        let json = format!(
            "{{\"version\": 1, \"roles\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(error_of(&json).line.is_some());
        assert!(
            parse_dataset(
                "version: 1\nroles: []\nsources: [{id: a, title: t, kind: k, compares: [x]}]\n"
            )
            .is_ok()
        );
    }

    #[test]
    fn messages_never_quote_more_than_a_short_excerpt() {
        let long = format!("version: \"{}\"\n", "x".repeat(10_000));
        let problem = error_of(&long);
        assert!(
            problem.message.chars().count() <= EXCERPT_CHARS * 2 + 1,
            "{problem:?}"
        );
    }

    #[test]
    fn positions_are_dropped_from_the_message_but_alias_context_is_kept() {
        assert_eq!(short_message("bad thing at line 3, column 4"), "bad thing");
        assert_eq!(
            short_message(
                "expected x (defined at line 6, column 19)\n(used at line 10, column 20)"
            ),
            "expected x (defined at line 6, column 19) (used at line 10, column 20)"
        );
    }
}
