//! A warm `show`, `compare` or `gap` reads only the roles it can reach from a large file's cache
//! entry; these tests hold it to giving exactly the answer the whole dataset gives, over every
//! role of the O*NET fixture (and of the full import, when this machine has it), over layers
//! that replace one another's roles, and through the real binary for names that match nothing.

use std::path::{Path, PathBuf};

use roles::cache::Cache;
use roles::commands::compare::{CompareArgs, compare_roles};
use roles::commands::gap::{GapArgs, role_gap};
use roles::commands::show::{ShowArgs, show_role};
use roles::load::need::Need;
use roles::load::{DataChoice, load_for};
use roles::model::Dataset;
use roles::render::{Format, Style, render};

mod common;

/// The O*NET fixture imported into `dir`, large enough to be cached.
fn fixture_import(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onet");
    let onet = dir.join("onet.yaml");
    import(
        &fixture.join("excel-29.3"),
        &fixture.join("oews-2024/national_M2024_dl.xlsx"),
        &onet,
    );
    onet
}

/// The O*NET import of `excel` (with `wages`) written to `out`.
fn import(excel: &Path, wages: &Path, out: &Path) {
    let status = common::roles()
        .arg("import")
        .arg("onet")
        .arg(excel)
        .arg("--wages")
        .arg(wages)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("import: {e}"));
    assert!(status.status.success(), "{status:?}");
}

fn choice(files: &[PathBuf], cache: Cache) -> DataChoice {
    DataChoice {
        files: files.to_vec(),
        no_builtin: false,
        cache,
    }
}

fn style() -> Style {
    Style {
        color: false,
        width: 100,
        terminal: false,
    }
}

/// A view in JSON and as a table: every field the command computed, and what a person sees.
fn rendered<V: roles::view::View>(view: &V) -> String {
    let mut out = Vec::new();
    for format in [Format::Json, Format::Table] {
        render(view, format, style(), &mut out).unwrap_or_else(|e| panic!("render: {e}"));
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Each command's answer for `words` on `data`: the rendered view and notices, or the error.
fn answers(data: &Dataset, words: &[String]) -> Vec<Result<String, String>> {
    let show = ShowArgs {
        role: words.to_vec(),
        only: Vec::new(),
        full: false,
        no_sources: false,
    };
    let compare = CompareArgs {
        roles: words.to_vec(),
        only: Vec::new(),
        full: true,
    };
    let gap = GapArgs {
        roles: words.to_vec(),
        only: Vec::new(),
        full: true,
    };
    let text = |e: anyhow::Error| format!("{e:#}");
    vec![
        show_role(data, &show)
            .map(|(view, r)| format!("{}{:?}", rendered(&view), r.notices))
            .map_err(text),
        compare_roles(data, &compare)
            .map(|(view, r)| format!("{}{:?}", rendered(&view), r.notices))
            .map_err(text),
        role_gap(data, &gap)
            .map(|view| rendered(&view))
            .map_err(text),
    ]
}

/// Checks that every command gives the same answer on the partial load as on the whole data
/// for every set of words; a partial load may fail where the whole fails (the binary then
/// answers from the whole), never where it succeeds. Returns how many answers were compared.
fn agree(files: &[PathBuf], queries: &[Vec<String>]) -> usize {
    let cache_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let whole = load_for(&choice(files, Cache::disabled()), &Need::Everything)
        .unwrap_or_else(|e| panic!("load: {e}"));
    let cached = choice(files, Cache::in_dir(cache_dir.path()));
    // The first load parses and writes the entries; every later one reads them.
    load_for(&cached, &Need::Everything).unwrap_or_else(|e| panic!("load: {e}"));
    let entries = std::fs::read_dir(cache_dir.path()).map_or(0, |dir| dir.count());
    assert!(entries > 0, "the files were cached");
    let mut compared = 0;
    for words in queries {
        let partial =
            load_for(&cached, &Need::roles_named_by(words)).unwrap_or_else(|e| panic!("load: {e}"));
        assert!(partial.roles.len() <= whole.roles.len());
        for (command, (on_whole, on_partial)) in answers(&whole, words)
            .into_iter()
            .zip(answers(&partial, words))
            .enumerate()
        {
            match (&on_whole, &on_partial) {
                (Ok(expected), Ok(got)) => {
                    assert_eq!(got, expected, "command {command} of {words:?}");
                    compared += 1;
                }
                (Ok(_), Err(error)) => {
                    panic!("command {command} of {words:?} failed on the partial load: {error}")
                }
                (Err(_), _) => {}
            }
        }
    }
    compared
}

/// Words to try on `data`: each role by id, name and every alias; pairs of neighbours by id;
/// names split over words; and names that match nothing.
fn queries(data: &Dataset, every: usize) -> Vec<Vec<String>> {
    let words = |text: &str| text.split(' ').map(str::to_string).collect::<Vec<_>>();
    let mut queries: Vec<Vec<String>> = Vec::new();
    for (index, role) in data.roles.iter().enumerate().step_by(every) {
        queries.push(vec![role.id.clone()]);
        queries.push(words(&role.name));
        for alias in role.aliases.iter().take(8) {
            queries.push(vec![alias.clone()]);
        }
        let next = &data.roles[(index + 1) % data.roles.len()];
        queries.push(vec![role.id.clone(), next.id.clone()]);
        let mut named = words(&role.name);
        named.extend(words(&next.name));
        queries.push(named);
    }
    for fixed in [
        "pm",
        "po",
        "product owner product manager",
        "project manager",
        "scrum master",
        "nobody at all",
    ] {
        queries.push(words(fixed));
    }
    queries
}

#[test]
fn a_partial_load_answers_as_the_whole_data_does_for_every_fixture_role() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let onet = fixture_import(dir.path());
    let files = vec![onet];
    let whole = load_for(&choice(&files, Cache::disabled()), &Need::Everything)
        .unwrap_or_else(|e| panic!("load: {e}"));
    let compared = agree(&files, &queries(&whole, 1));
    assert!(compared > 100, "only {compared} answers compared");
}

/// An overlay that replaces imported roles: one loses its ratings (the role that told a
/// partial load its source rates skills), one gains the alias PM, one is renamed.
fn overlay(base: &Dataset, out: &Path) {
    let mut layer = base.clone();
    layer.sources.clear();
    layer.skills.clear();
    layer.themes.clear();
    layer.aspects.clear();
    let builtin = Dataset::builtin().unwrap_or_else(|e| panic!("built-in: {e}"));
    layer
        .roles
        .retain(|role| !builtin.roles.iter().any(|b| b.id == role.id));
    let rated = layer
        .roles
        .iter()
        .position(|r| r.skills.iter().any(|s| s.importance.is_some()))
        .unwrap_or_default();
    layer.roles[rated].skills.clear();
    layer.roles[rated].related.clear();
    layer.roles[1].aliases.push("PM".into());
    layer.roles[2].name = "Renamed Occupation".into();
    let text = serde_saphyr::to_string(&layer).unwrap_or_else(|e| panic!("yaml: {e}"));
    assert!(text.len() >= roles::cache::MIN_CACHED_BYTES);
    std::fs::write(out, text).unwrap_or_else(|e| panic!("write: {e}"));
}

#[test]
fn a_partial_load_over_layers_that_replace_roles_answers_as_the_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let onet = fixture_import(dir.path());
    let base = load_for(
        &choice(std::slice::from_ref(&onet), Cache::disabled()),
        &Need::Everything,
    )
    .unwrap_or_else(|e| panic!("load: {e}"));
    let top = dir.path().join("overlay.yaml");
    overlay(&base, &top);
    let files = vec![onet, top];
    let whole = load_for(&choice(&files, Cache::disabled()), &Need::Everything)
        .unwrap_or_else(|e| panic!("load: {e}"));
    assert_eq!(whole.roles.len(), base.roles.len(), "replaced in place");
    let mut queries = queries(&whole, 1);
    queries.push(vec!["renamed".into(), "occupation".into()]);
    assert!(agree(&files, &queries) > 100);
}

/// About five minutes in a debug build, so run on request:
/// `cargo test --release --test lookups -- --ignored` (about 20 seconds).
#[test]
#[ignore = "minutes in a debug build; run with --release -- --ignored"]
fn a_partial_load_answers_as_the_whole_for_the_full_import() {
    let shared = std::env::var_os("ROLES_ONET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/onet"));
    let excel = shared.join("onet-29.3-excel");
    if !excel.is_dir() {
        eprintln!("skipped: ../shared/onet is not on this machine");
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let onet = dir.path().join("onet.yaml");
    import(
        &excel,
        &shared.join("bls-oews-2024/national_M2024_dl.xlsx"),
        &onet,
    );
    let files = vec![onet];
    let whole = load_for(&choice(&files, Cache::disabled()), &Need::Everything)
        .unwrap_or_else(|e| panic!("load: {e}"));
    assert!(agree(&files, &queries(&whole, 97)) > 100);
}

#[test]
fn a_name_that_matches_nothing_gets_the_whole_datas_error_from_a_warm_cache() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let onet = fixture_import(dir.path());
    let run = |args: &[&str], cached: bool| {
        let mut command = common::roles();
        command
            .env_remove("ROLES_NO_CACHE")
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .arg("--data")
            .arg(&onet);
        if !cached {
            command.arg("--no-cache");
        }
        let output = command
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        (output.status.code(), output.stdout, output.stderr)
    };
    run(&["list"], true);
    for args in [
        &["show", "qqzz nobody"][..],
        &["compare", "product-owner", "nobody"],
        &["gap", "chief", "executives", "product", "owner", "x"],
        &["compare", "product-owner", "po"],
    ] {
        let warm = run(args, true);
        assert_eq!(warm, run(args, false), "{args:?}");
        assert_ne!(warm.0, Some(0), "{args:?} fails");
        assert!(!warm.2.is_empty(), "{args:?} says why");
    }
}
