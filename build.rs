//! Parses and validates `data/roles.yaml` at build time and embeds it pre-encoded, so start-up
//! decodes a few kilobytes of MessagePack instead of parsing YAML, and bad built-in data fails
//! the build with the validator's `FILE:LINE:COLUMN: message` lines.

use std::path::PathBuf;

#[allow(dead_code, unused_imports)]
#[path = "src/escape.rs"]
mod escape;
#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;
#[allow(dead_code, unused_imports)]
#[path = "src/parse.rs"]
mod parse;
#[allow(dead_code, unused_imports)]
#[path = "src/problem.rs"]
mod problem;
#[allow(dead_code, unused_imports)]
#[path = "src/validate/mod.rs"]
mod validate;

const SOURCE: &str = "data/roles.yaml";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    for module in [
        "escape.rs",
        "model.rs",
        "parse.rs",
        "problem.rs",
        "validate",
    ] {
        println!("cargo::rerun-if-changed=src/{module}");
    }
    if let Err(message) = build() {
        // One line per problem, as `roles validate` prints them; the build stops here.
        for line in message.lines() {
            println!("cargo::error={line}");
        }
        std::process::exit(1);
    }
}

fn build() -> Result<(), String> {
    let text = std::fs::read_to_string(SOURCE).map_err(|e| format!("{SOURCE}: {e}"))?;
    let dataset = parse::parse_dataset(&text).map_err(|p| p.display_in(SOURCE))?;
    let problems = validate::check(&dataset, &text, None);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|p| p.display_in(SOURCE)).collect();
        return Err(lines.join("\n"));
    }
    let encoded = dataset.to_binary().map_err(|e| format!("encoding: {e}"))?;
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?);
    std::fs::write(out.join("builtin.msgpack"), &encoded).map_err(|e| format!("writing: {e}"))?;
    let hash = xxhash_rust::xxh3::xxh3_64(&encoded);
    std::fs::write(out.join("builtin_hash.rs"), format!("{hash:#018x}"))
        .map_err(|e| format!("writing: {e}"))?;
    Ok(())
}
