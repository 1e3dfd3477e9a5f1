//! `roles man`: the manual page, written from the clap definition (so every subcommand and
//! option is in it and none drifts) plus the sections clap knows nothing of: environment, exit
//! status, files and examples. Plain `man(7)` macros, clean under `mandoc -Tlint`.

use std::io::{self, Write};

use clap::{Arg, ArgAction, Command};

use crate::cli::options::SHARED_HEADING;
use crate::outcome::Outcome;

/// Arguments of `roles man`.
#[derive(Debug, Clone, clap::Args)]
pub struct ManArgs {}

impl super::Run for ManArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        // Built, so each subcommand's deferred arguments are there to list.
        let mut command = (context.definition)();
        command.build();
        write(&command, context.out)?;
        Ok(Outcome::Success)
    }
    fn reads_data(&self) -> bool {
        false
    }
    fn takes_format(&self) -> bool {
        false
    }
    fn pages(&self) -> bool {
        false
    }
}

/// The date on the page, in the form `mandoc` reads; change it with the page's content.
pub const MAN_DATE: &str = "2026-11-23";

/// Writes the page for `command` (the `roles` command tree).
pub fn write(command: &Command, out: &mut dyn Write) -> io::Result<()> {
    let mut page = Page::default();
    page.line(&format!(
        ".TH ROLES 1 {MAN_DATE} \"roles {}\" \"User Commands\"",
        env!("CARGO_PKG_VERSION")
    ));
    page.section("NAME");
    page.text(&format!(
        "roles \\- {}",
        escape(
            &command
                .get_about()
                .map(ToString::to_string)
                .unwrap_or_default()
        )
    ));
    page.section("SYNOPSIS");
    page.line(".B roles");
    page.text("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]");
    page.section("DESCRIPTION");
    if let Some(about) = command.get_long_about() {
        page.text(&escape(&about.to_string()));
    }
    page.section("OPTIONS");
    page.line("These apply to every command.");
    for arg in visible_options(command) {
        page.option(arg);
    }
    page.section("COMMANDS");
    for sub in listed_subcommands(command) {
        page.command(&[], sub);
    }
    page.section("ENVIRONMENT");
    for (name, meaning) in ENVIRONMENT {
        page.line(".TP");
        page.line(&format!(".B {name}"));
        page.text(&escape(meaning));
    }
    page.section("EXIT STATUS");
    for (status, meaning) in EXIT_STATUS {
        page.line(".TP");
        page.line(&format!(".B {status}"));
        page.text(&escape(meaning));
    }
    page.section("FILES");
    for (name, meaning) in FILES {
        page.line(".TP");
        page.line(&format!(".I {}", escape(name)));
        page.text(&escape(meaning));
    }
    page.section("EXAMPLES");
    for (index, (what, example)) in EXAMPLES.iter().enumerate() {
        if index > 0 {
            page.line(".PP");
        }
        page.text(&escape(what));
        page.line(".RS");
        page.line(".EX");
        page.line(&guard(&escape(example)));
        page.line(".EE");
        page.line(".RE");
    }
    page.section("SEE ALSO");
    page.text(
        "The command reference, the data format and the performance figures are in the \
         docs folder of the source: docs/commands.md, docs/data.md, docs/performance.md.",
    );
    out.write_all(page.text.as_bytes())
}

const ENVIRONMENT: [(&str, &str); 5] = [
    (
        "ROLES_DATA",
        "Dataset files to add when --data is not given: one path, or several separated by a colon like PATH.",
    ),
    (
        "ROLES_NO_CACHE",
        "When set to a true value, --data files are parsed and validated afresh, as with --no-cache.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no colour is used unless --color always is given.",
    ),
    (
        "COLUMNS",
        "The width tables are laid out for when the output is not a terminal (default 100).",
    ),
    (
        "XDG_CACHE_HOME",
        "Where the cache of validated dataset files is kept, in its roles folder (default ~/.cache).",
    ),
];

const EXIT_STATUS: [(&str, &str); 3] = [
    ("0", "Success."),
    (
        "1",
        "Failure: an unknown role, a dataset that cannot be loaded, a file that fails validate, or a search that finds nothing.",
    ),
    (
        "2",
        "Usage error: a missing or unknown argument, or an option that does nothing for the command.",
    ),
];

const FILES: [(&str, &str); 1] = [(
    "~/.cache/roles/",
    "Validated copies of --data files of 64 KiB or more, keyed by a hash of their contents, and the stamps (inode, size, times) that let an unchanged file go unread; safe to delete. The built-in dataset is compiled into the binary: roles export writes it out, in the format --data reads.",
)];

const EXAMPLES: [(&str, &str); 7] = [
    (
        "Two roles side by side, the answer first:",
        "roles compare product-owner product-manager",
    ),
    ("One role's whole profile:", "roles show delivery-lead"),
    ("Every salary figure:", "roles salary --all"),
    (
        "Roles ranked by how well your skills fit:",
        "roles match --skill agile --skill stakeholders",
    ),
    (
        "Role ids for a script:",
        "roles list --format json | jq -r '.roles[].id'",
    ),
    (
        "Your own roles beside the built-in ones:",
        "roles --data my-roles.yaml compare tech-lead delivery-lead",
    ),
    (
        "A dataset from the O*NET database and BLS wages:",
        "roles import onet db_29_3_excel --wages national_M2024_dl.xlsx -o onet.yaml",
    ),
];

/// The options a user can see: not help, version or positionals.
/// The subcommands the page describes: not hidden ones, nor the `help` clap adds to a built
/// command (the page says how to get help once, in its options).
fn listed_subcommands(command: &Command) -> impl Iterator<Item = &Command> {
    command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

fn visible_options(command: &Command) -> impl Iterator<Item = &Arg> {
    command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_positional())
        .filter(|a| !matches!(a.get_action(), ArgAction::Help | ArgAction::Version))
}

/// The page's roff text, built line by line.
#[derive(Default)]
struct Page {
    text: String,
}

impl Page {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// Running text, already escaped: one sentence a line as roff prefers, lines kept under
    /// 80 bytes by breaking between words (roff fills them back together).
    fn text(&mut self, text: &str) {
        for paragraph in text.split("\n\n") {
            let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
            for sentence in split_sentences(&joined) {
                let mut line = String::new();
                for word in sentence.split(' ') {
                    if !line.is_empty() && line.len() + 1 + word.len() > 78 {
                        self.line(&guard(&line));
                        line.clear();
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                }
                if !line.is_empty() {
                    self.line(&guard(&line));
                }
            }
        }
    }

    fn section(&mut self, name: &str) {
        self.line(&format!(".SH {name}"));
    }

    fn option(&mut self, arg: &Arg) {
        let mut head = Vec::new();
        if let Some(short) = arg.get_short() {
            head.push(format!("\\fB\\-{short}\\fR"));
        }
        if let Some(long) = arg.get_long() {
            head.push(format!("\\fB\\-\\-{}\\fR", escape(long)));
        }
        let mut head = head.join(", ");
        if arg.get_action().takes_values() {
            let name = arg
                .get_value_names()
                .and_then(|names| names.first().map(ToString::to_string))
                .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
            head.push_str(&format!(" \\fI{}\\fR", escape(&name)));
        }
        self.line(".TP");
        self.line(&head);
        let help = arg
            .get_long_help()
            .or_else(|| arg.get_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        let mut text = help.trim_end().to_string();
        if !text.is_empty() && !text.ends_with('.') {
            text.push('.');
        }
        if !values.is_empty() && arg.get_action().takes_values() {
            text.push_str(&format!(" One of: {}.", values.join(", ")));
        }
        // A flag's default (off) is not worth a line; clap gives one once the command is built.
        if let Some(default) = arg
            .get_default_values()
            .first()
            .filter(|_| arg.get_action().takes_values())
        {
            text.push_str(&format!(" Default: {}.", default.to_string_lossy()));
        }
        self.text(&escape(&text));
    }

    fn command(&mut self, parents: &[&str], sub: &Command) {
        let mut path: Vec<&str> = parents.to_vec();
        path.push(sub.get_name());
        let positionals: Vec<String> = sub
            .get_arguments()
            .filter(|a| a.is_positional() && !a.is_hide_set())
            .map(|a| {
                let name = a
                    .get_value_names()
                    .and_then(|n| n.first().map(ToString::to_string))
                    .unwrap_or_else(|| a.get_id().to_string().to_uppercase());
                let many = matches!(a.get_action(), ArgAction::Append)
                    || a.get_num_args().is_some_and(|n| n.max_values() > 1);
                let name = if many { format!("{name}...") } else { name };
                if a.is_required_set() {
                    format!("\\fI{}\\fR", escape(&name))
                } else {
                    format!("[\\fI{}\\fR]", escape(&name))
                }
            })
            .collect();
        let has_children = listed_subcommands(sub).next().is_some();
        if !has_children {
            self.line(".SS");
            let heading = format!(
                "\\fBroles {}\\fR {}",
                escape(&path.join(" ")),
                positionals.join(" ")
            );
            self.line(heading.trim_end());
            let mut about = sub
                .get_long_about()
                .or_else(|| sub.get_about())
                .map(ToString::to_string)
                .unwrap_or_default();
            if !about.ends_with('.') {
                about.push('.');
            }
            self.text(&escape(&about));
            let options: Vec<&Arg> = visible_options(sub)
                .filter(|a| a.get_help_heading() != Some(SHARED_HEADING))
                .collect();
            if !options.is_empty() {
                self.line(".RS");
                for arg in options {
                    self.option(arg);
                }
                self.line(".RE");
            }
        }
        for child in listed_subcommands(sub) {
            self.command(&path, child);
        }
    }
}

/// Sentences of `text`, split after `. ` so each starts a line (roff's end-of-sentence spacing).
fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(". ") {
        sentences.push(&text[start..=at]);
        start = at + 2;
    }
    if start < text.len() {
        sentences.push(&text[start..]);
    }
    sentences
}

/// `text` with roff's special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            // Beyond ASCII as roff's own escape: what mandoc measures a line by, and what
            // every roff reads whatever its input encoding.
            c if !c.is_ascii() => out.push_str(&format!("\\[u{:04X}]", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// A text line that would otherwise read as a request (leading `.` or `'`) made plain.
fn guard(line: &str) -> String {
    if line.starts_with('.') || line.starts_with('\'') {
        format!("\\&{line}")
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_specials_are_escaped_and_requests_guarded() {
        assert_eq!(escape("a-b\\c"), "a\\-b\\ec");
        assert_eq!(escape("roadmap …"), "roadmap \\[u2026]");
        assert_eq!(guard(".hidden"), "\\&.hidden");
        assert_eq!(
            split_sentences("One. Two. Three"),
            ["One.", "Two.", "Three"]
        );
    }
}
