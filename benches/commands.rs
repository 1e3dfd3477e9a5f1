//! `cargo bench`: load+validate and each command's work at 5, 1,000, 10,000 and 100,000
//! generated roles. Whole-process timings and peak memory are in `scripts/bench.sh`.

#[path = "support/generate.rs"]
mod generate;

use std::sync::OnceLock;

use divan::Bencher;
use roles::commands::compare::{CompareArgs, compare_roles};
use roles::commands::list::{ListArgs, list_roles};
use roles::commands::matching::{MatchArgs, match_skills};
use roles::commands::salary::{SalaryArgs, SalaryOrder, salary_table};
use roles::commands::search::{SearchArgs, search_roles};
use roles::commands::similar::{SimilarArgs, similar_roles};
use roles::model::Dataset;

const SIZES: [usize; 4] = [5, 1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

/// Each size's dataset and its JSON and YAML text, generated once.
fn fixture(size: usize) -> &'static (Dataset, String, String) {
    static CACHE: [OnceLock<(Dataset, String, String)>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let slot = SIZES.iter().position(|&s| s == size).unwrap_or(0);
    CACHE[slot].get_or_init(|| {
        let dataset = generate::generate(size, 42);
        let json = serde_json::to_string(&dataset).unwrap_or_default();
        // YAML at 100,000 roles is ~600 MB of text; the YAML load is measured up to 10,000.
        let yaml = if size <= 10_000 {
            serde_saphyr::to_string(&dataset).unwrap_or_default()
        } else {
            String::new()
        };
        (dataset, json, yaml)
    })
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_json(bencher: Bencher, size: usize) {
    let text = &fixture(size).1;
    bencher.bench(|| Dataset::from_yaml(text, "bench.json").map(|d| d.roles.len()));
}

#[divan::bench(args = [5, 1_000, 10_000], sample_count = 5, sample_size = 1)]
fn load_yaml(bencher: Bencher, size: usize) {
    let text = &fixture(size).2;
    bencher.bench(|| Dataset::from_yaml(text, "bench.yaml").map(|d| d.roles.len()));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_from_cache(bencher: Bencher, size: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let cache = roles::cache::Cache::in_dir(dir.path());
    let key = roles::cache::CacheKey::new(fixture(size).1.as_bytes(), 0);
    cache.put(key, &fixture(size).0);
    bencher.bench(|| cache.get(key).map(|d| d.roles.len()));
}

/// A file of `size` roles (JSON) cached and stamped, as a warm run finds it: the choice that
/// loads it, kept with its folders.
struct WarmFile {
    choice: roles::load::DataChoice,
    _dir: tempfile::TempDir,
}

fn warm_file(size: usize) -> WarmFile {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("roles.json");
    std::fs::write(&path, &fixture(size).1).unwrap_or_else(|e| panic!("write: {e}"));
    let choice = roles::load::DataChoice {
        files: vec![path],
        no_builtin: true,
        cache: roles::cache::Cache::in_dir(dir.path().join("cache")),
    };
    // The first load parses and writes the entry; once the file's times are older than the
    // racy-clean window, its stamp is believed and the file is not read again.
    let need = roles::load::need::Need::Everything;
    roles::load::load_for(&choice, &need).unwrap_or_else(|e| panic!("load: {e}"));
    std::thread::sleep(std::time::Duration::from_millis(
        1000 * roles::cache::stamp::RACY_SECONDS as u64 + 100,
    ));
    roles::load::load_for(&choice, &need).unwrap_or_else(|e| panic!("load: {e}"));
    WarmFile { choice, _dir: dir }
}

/// What a warm `show role-42` loads: the role, the roles it points to, the vocabularies.
#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn load_one_role_warm(bencher: Bencher, size: usize) {
    let warm = warm_file(size);
    let need = roles::load::need::Need::roles_named_by(&["role-4".to_string()]);
    bencher.bench(|| roles::load::load_for(&warm.choice, &need).map(|d| d.roles.len()));
}

/// What a warm `list` or `salary --all` loads: every role's card.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_cards_warm(bencher: Bencher, size: usize) {
    let warm = warm_file(size);
    let need = roles::load::need::Need::Cards;
    bencher.bench(|| roles::load::load_for(&warm.choice, &need).map(|d| d.roles.len()));
}

#[divan::bench(sample_count = 100)]
fn load_builtin() -> usize {
    Dataset::builtin().map(|d| d.roles.len()).unwrap_or(0)
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn list(bencher: Bencher, size: usize) {
    let data = &fixture(size).0;
    bencher.bench(|| list_roles(data, &ListArgs::default()).roles.len());
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn compare(bencher: Bencher, size: usize) {
    let data = &fixture(size).0;
    let args = CompareArgs {
        roles: vec!["role-1".into(), "role-2".into()],
        only: Vec::new(),
        full: true,
    };
    bencher.bench(|| compare_roles(data, &args).map(|c| c.0.roles.len()));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn salary_all(bencher: Bencher, size: usize) {
    let data = &fixture(size).0;
    let args = SalaryArgs {
        roles: Vec::new(),
        all: true,
        sort: SalaryOrder::High,
    };
    bencher.bench(|| salary_table(data, &args).map(|s| s.0.groups.len()));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn similar(bencher: Bencher, size: usize) {
    let data = &fixture(size).0;
    let args = SimilarArgs {
        role: vec!["role-3".into()],
        limit: 0,
    };
    bencher.bench(|| similar_roles(data, &args).map(|s| s.others.len()));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn search(bencher: Bencher, size: usize) {
    let data = &fixture(size).0;
    let args = SearchArgs::phrase("backlog");
    bencher.bench(|| search_roles(data, &args).map(|r| r.hits.len()));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn match_skills_bench(bencher: Bencher, size: usize) {
    let data = &fixture(size).0;
    let args = MatchArgs {
        skills: vec!["communication".into(), "planning".into()],
        limit: 0,
    };
    bencher.bench(|| match_skills(data, &args).map(|m| m.roles.len()));
}
