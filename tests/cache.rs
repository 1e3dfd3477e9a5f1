//! The parse cache through the real binary: a large file is validated once and then read from
//! the cache; a changed file, a corrupted entry or an unusable cache directory never gives a
//! wrong answer or an error.

use std::path::{Path, PathBuf};

mod common;
#[path = "../benches/support/generate.rs"]
mod generate;

/// A generated dataset large enough to be cached, written as YAML.
fn large_dataset(dir: &Path) -> PathBuf {
    let dataset = generate::generate(60, 7);
    let text = serde_saphyr::to_string(&dataset).unwrap_or_else(|e| panic!("yaml: {e}"));
    assert!(
        text.len() >= roles::cache::MIN_CACHED_BYTES,
        "fixture too small to be cached"
    );
    let path = dir.join("large.yaml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write: {e}"));
    path
}

/// `roles --no-builtin --data FILE show role-7` with the cache in `cache_home`.
fn show(file: &Path, cache_home: &Path, extra_env: &[(&str, &str)]) -> std::process::Output {
    let mut command = common::roles();
    command
        .env_remove("ROLES_NO_CACHE")
        .env("XDG_CACHE_HOME", cache_home)
        .arg("--no-builtin")
        .arg("--data")
        .arg(file)
        .args(["show", "role-7", "--format", "json"]);
    for (key, value) in extra_env {
        command.env(key, value);
    }
    command.output().unwrap_or_else(|e| panic!("run: {e}"))
}

/// The cache's entries (not the small stamp records beside them).
fn entries(cache_home: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(cache_home.join("roles")) {
        Ok(dir) => dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "msgpack"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// A file's stamp recorded by one run is believed by the next once the file has settled, so the
/// next run does not read the file at all; an edit changes the stamp and the file is read.
#[test]
fn a_settled_file_is_served_by_its_stamp_and_an_edit_is_seen() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let cache_home = dir.path().join("cache");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let set_old = |path: &Path| {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(old))
            .unwrap_or_else(|e| panic!("{e}"));
    };
    set_old(&file);
    // The change time is now, so this run's record is not believed yet; wait it out.
    std::thread::sleep(std::time::Duration::from_secs(
        roles::cache::stamp::RACY_SECONDS as u64 + 1,
    ));
    assert!(show(&file, &cache_home, &[]).status.success());
    let stamps: Vec<PathBuf> = std::fs::read_dir(cache_home.join("roles"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    assert!(
        stamps
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "stamp"))
    );
    let served = show(&file, &cache_home, &[]);
    assert!(served.status.success());
    let shown: serde_json::Value =
        serde_json::from_slice(&served.stdout).unwrap_or_else(|e| panic!("json: {e}"));
    let name = shown["roles"][0]["name"].as_str().unwrap_or("").to_string();
    // Edited in place: size and times change, so the new text is what is shown.
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let edited = text.replacen(&format!("name: {name}"), "name: Role Zero Edited", 1);
    assert_ne!(text, edited, "fixture has no 'name: {name}'");
    std::fs::write(&file, edited).unwrap_or_else(|e| panic!("{e}"));
    let after = show(&file, &cache_home, &[]);
    assert!(
        String::from_utf8_lossy(&after.stdout).contains("Role Zero Edited"),
        "{}",
        String::from_utf8_lossy(&after.stdout)
    );
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

#[test]
fn a_large_file_is_cached_once_and_answers_the_same_from_the_cache() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let cache_home = dir.path().join("cache");
    let first = show(&file, &cache_home, &[]);
    assert!(first.status.success());
    assert_eq!(entries(&cache_home).len(), 1);
    let second = show(&file, &cache_home, &[]);
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(entries(&cache_home).len(), 1);
    // Proof that the second run reads the entry: plant a different dataset under the same key.
    let bytes = std::fs::read(&file).unwrap_or_default();
    let key = roles::cache::CacheKey::new(&bytes, roles::cache::CacheKey::base(false));
    let mut planted = generate::generate(60, 7);
    planted.roles[7].name = "Planted In The Cache".into();
    roles::cache::Cache::in_dir(cache_home.join("roles")).put(key, &planted);
    let third = show(&file, &cache_home, &[]);
    assert!(String::from_utf8_lossy(&third.stdout).contains("Planted In The Cache"));
}

#[test]
fn an_edited_file_is_read_afresh_not_from_a_stale_entry() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let cache_home = dir.path().join("cache");
    assert!(show(&file, &cache_home, &[]).status.success());
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let name_line = text
        .lines()
        .skip_while(|line| !line.contains("id: role-7"))
        .nth(1)
        .unwrap_or_default()
        .to_string();
    assert!(name_line.contains("name:"), "{name_line}");
    let edited = text.replacen(&name_line, "  name: Renamed Role", 1);
    std::fs::write(&file, edited).unwrap_or_else(|e| panic!("write: {e}"));
    let output = show(&file, &cache_home, &[]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("Renamed Role"));
    assert_eq!(entries(&cache_home).len(), 2);
}

#[test]
fn a_corrupted_entry_is_ignored_and_replaced() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let cache_home = dir.path().join("cache");
    let first = show(&file, &cache_home, &[]);
    let [entry] = entries(&cache_home)
        .try_into()
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut bytes = std::fs::read(&entry).unwrap_or_default();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&entry, &bytes).unwrap_or_else(|e| panic!("write: {e}"));
    let second = show(&file, &cache_home, &[]);
    assert!(second.status.success());
    assert_eq!(second.stdout, first.stdout);
    // A warm show reads only the roles it reaches; a command that reads every role meets the
    // damage, forgets the entry and writes it afresh.
    let whole = common::roles()
        .env_remove("ROLES_NO_CACHE")
        .env("XDG_CACHE_HOME", &cache_home)
        .arg("--no-builtin")
        .arg("--data")
        .arg(&file)
        .args(["export", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(whole.status.success() && whole.stderr.is_empty());
    let repaired = std::fs::read(&entry).unwrap_or_default();
    assert!(repaired != bytes, "the corrupted entry was not rewritten");
    assert_eq!(show(&file, &cache_home, &[]).stdout, first.stdout);
}

#[test]
fn an_unusable_cache_directory_only_costs_time() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    // A plain file where the cache directory should be: nothing can be created under it.
    let cache_home = dir.path().join("not-a-dir");
    std::fs::write(&cache_home, b"").unwrap_or_else(|e| panic!("write: {e}"));
    let output = show(&file, &cache_home, &[]);
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn no_cache_flag_and_variable_write_nothing() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let cache_home = dir.path().join("cache");
    assert!(
        show(&file, &cache_home, &[("ROLES_NO_CACHE", "1")])
            .status
            .success()
    );
    assert!(entries(&cache_home).is_empty());
    let output = common::roles()
        .env("XDG_CACHE_HOME", &cache_home)
        .env_remove("ROLES_NO_CACHE")
        .args(["--no-cache", "--no-builtin", "--data"])
        .arg(&file)
        .arg("list")
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(output.status.success());
    assert!(entries(&cache_home).is_empty());
}

/// An entry that is not what it claims — another file's entry copied over its name, a link to
/// /dev/zero, a named pipe — is never believed, never read endlessly and never waited on.
#[cfg(unix)]
#[test]
fn entries_that_lie_link_or_block_are_ignored_through_the_binary() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let cache_home = dir.path().join("cache");
    let first = show(&file, &cache_home, &[]);
    assert!(first.status.success());
    let [entry] = entries(&cache_home)
        .try_into()
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Another dataset's entry, copied over this one's name.
    let mut other = generate::generate(60, 7);
    other.roles[7].name = "Someone Else's Data".into();
    let elsewhere = dir.path().join("elsewhere");
    let key = roles::cache::CacheKey::new(b"other bytes", 0);
    roles::cache::Cache::in_dir(&elsewhere).put(key, &other);
    let [planted] = std::fs::read_dir(&elsewhere)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .try_into()
        .unwrap_or_else(|e| panic!("{e:?}"));
    std::fs::copy(&planted, &entry).unwrap_or_else(|e| panic!("copy: {e}"));
    let copied = show(&file, &cache_home, &[]);
    assert_eq!(
        copied.stdout, first.stdout,
        "an entry under the wrong key was believed"
    );
    // A link to /dev/zero, then a named pipe, where the entry should be.
    for make in ["link", "fifo"] {
        let _ = std::fs::remove_file(&entry);
        let made = match make {
            "link" => std::os::unix::fs::symlink("/dev/zero", &entry).is_ok(),
            _ => std::process::Command::new("mkfifo")
                .arg(&entry)
                .status()
                .is_ok_and(|s| s.success()),
        };
        if !made {
            continue;
        }
        let started = std::time::Instant::now();
        let output = show(&file, &cache_home, &[]);
        assert_eq!(output.stdout, first.stdout, "{make}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{make}: hung"
        );
    }
}

/// An O*NET import (knowledge areas, linked skills, cents) is read back from its entry: every
/// field's shape survives the positional form, so a warm run never silently parses again.
#[test]
fn an_onet_import_is_served_from_its_entry() {
    let dir = temp_dir();
    let file = dir.path().join("onet.yaml");
    let imported = common::roles()
        .args([
            "import",
            "onet",
            "tests/fixtures/onet/excel-29.3",
            "--wages",
        ])
        .arg("tests/fixtures/onet/oews-2024/national_M2024_dl.xlsx")
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(imported.status.success());
    let bytes = std::fs::read(&file).unwrap_or_default();
    assert!(
        bytes.len() >= roles::cache::MIN_CACHED_BYTES,
        "fixture too small"
    );
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut planted = roles::model::Dataset::from_yaml_over(
        &text,
        "onet.yaml",
        roles::model::Dataset::builtin().ok().as_ref(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(planted.skills.iter().any(|s| s.same_as.is_some()));
    planted.roles[0].name = "Served From The Entry".into();
    let cache_home = dir.path().join("cache");
    let key = roles::cache::CacheKey::new(&bytes, roles::cache::CacheKey::base(true));
    roles::cache::Cache::in_dir(cache_home.join("roles")).put(key, &planted);
    let output = common::roles()
        .env_remove("ROLES_NO_CACHE")
        .env("XDG_CACHE_HOME", &cache_home)
        .arg("--data")
        .arg(&file)
        .args(["list", "--format", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Served From The Entry"));
}

/// A temporary file a stopped run left in the cache (Ctrl-C mid-write) is swept by a later write
/// once it is a minute old; one being written now (a fresh one) is left alone.
#[test]
fn a_temporary_file_left_by_a_stopped_run_is_swept_away() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let cache_home = dir.path().join("cache");
    let cache = cache_home.join("roles");
    std::fs::create_dir_all(&cache).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let abandoned = [cache.join(".roles-tmp-AbC123"), cache.join(".tmpXyZ789")];
    let fresh = cache.join(".roles-tmp-now");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    for path in abandoned.iter().chain([&fresh]) {
        std::fs::write(path, vec![0u8; 4096]).unwrap_or_else(|e| panic!("write: {e}"));
    }
    for path in &abandoned {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(old))
            .unwrap_or_else(|e| panic!("age: {e}"));
    }
    let output = show(&file, &cache_home, &[]);
    assert!(output.status.success());
    assert_eq!(entries(&cache_home).len(), 1);
    for path in &abandoned {
        assert!(!path.exists(), "{path:?} was left");
    }
    assert!(fresh.exists());
}

/// Eighty cached layers under a limit of 64 open files: each small entry is read and closed as
/// it is opened, so a warm run needs no more descriptors than a cold one.
#[cfg(unix)]
#[test]
fn many_warm_layers_hold_no_file_open_each() {
    let dir = temp_dir();
    let file = large_dataset(dir.path());
    let text = std::fs::read(&file).unwrap_or_else(|e| panic!("read: {e}"));
    let mut data = String::new();
    for layer in 0..80 {
        let path = dir.path().join(format!("layer-{layer}.yaml"));
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("write: {e}"));
        data.push_str(&format!(" --data {}", path.display()));
    }
    let cache_home = dir.path().join("cache");
    let binary = common::binary();
    let run = || {
        std::process::Command::new("bash")
            .args([
                "-c",
                &format!(
                    "ulimit -n 64 && {} --no-builtin{data} show role-7 --format json",
                    binary.display()
                ),
            ])
            .env("XDG_CACHE_HOME", &cache_home)
            .env_remove("ROLES_NO_CACHE")
            .env_remove("ROLES_DATA")
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"))
    };
    let cold = run();
    assert!(
        cold.status.success(),
        "{}",
        String::from_utf8_lossy(&cold.stderr)
    );
    assert!(!entries(&cache_home).is_empty());
    let warm = run();
    assert!(
        warm.status.success(),
        "{}",
        String::from_utf8_lossy(&warm.stderr)
    );
    assert_eq!(cold.stdout, warm.stdout);
}

/// A stamp record edited by hand to name another file's entry is not believed: the file is read
/// and its own roles shown, never the other file's.
#[test]
fn a_stamp_edited_to_point_at_another_entry_is_not_believed() {
    let dir = temp_dir();
    let first = large_dataset(dir.path());
    let text = std::fs::read_to_string(&first).unwrap_or_else(|e| panic!("{e}"));
    let second = dir.path().join("second.yaml");
    let name = "Role Seven Of The Second File";
    let at = text
        .find("- id: role-7\n  name: ")
        .unwrap_or_else(|| panic!("no role-7"));
    let start = at + "- id: role-7\n  name: ".len();
    let own_name = text[start..].lines().next().unwrap_or_default().to_string();
    let changed = format!(
        "{}{name}{}",
        &text[..start],
        &text[start + own_name.len()..]
    );
    std::fs::write(&second, changed).unwrap_or_else(|e| panic!("{e}"));
    let cache_home = dir.path().join("cache");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for file in [&first, &second] {
        std::fs::File::options()
            .write(true)
            .open(file)
            .and_then(|f| f.set_modified(old))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    std::thread::sleep(std::time::Duration::from_secs(
        roles::cache::stamp::RACY_SECONDS as u64 + 1,
    ));
    let stamps = || -> Vec<PathBuf> {
        std::fs::read_dir(cache_home.join("roles"))
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "stamp"))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(show(&first, &cache_home, &[]).status.success());
    let first_stamp = stamps();
    assert_eq!(first_stamp.len(), 1);
    assert!(show(&second, &cache_home, &[]).status.success());
    let second_stamp: Vec<PathBuf> = stamps()
        .into_iter()
        .filter(|p| !first_stamp.contains(p))
        .collect();
    assert_eq!(second_stamp.len(), 1);
    // The key is the record's second-last word before the time; swap the first's for the second's.
    let key_of = |path: &Path| {
        let record = std::fs::read_to_string(path).unwrap_or_default();
        let words: Vec<String> = record.split_whitespace().map(str::to_string).collect();
        (record, words[words.len() - 3].clone())
    };
    let (record, first_key) = key_of(&first_stamp[0]);
    let (_, second_key) = key_of(&second_stamp[0]);
    assert_ne!(first_key, second_key);
    std::fs::write(&first_stamp[0], record.replace(&first_key, &second_key))
        .unwrap_or_else(|e| panic!("{e}"));
    let shown = show(&first, &cache_home, &[]);
    assert!(shown.status.success());
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(!shown.contains(name), "{shown}");
    assert!(shown.contains(&own_name), "{shown}");
}
