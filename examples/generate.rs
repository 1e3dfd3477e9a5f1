//! Writes a realistic dataset of N roles in the real format, for benchmarks and trying `roles`
//! at scale:
//!
//! ```sh
//! cargo run --release --example generate -- 10000 > /tmp/roles-10k.yaml
//! cargo run --release --example generate -- 10000 --json > /tmp/roles-10k.json
//! cargo run --release --example generate -- 1000000 --tiny > /tmp/roles-1m-tiny.yaml
//! roles --no-builtin --data /tmp/roles-10k.yaml similar role-42
//! ```

#[path = "../benches/support/generate.rs"]
mod generate;

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(count) = args.next().and_then(|n| n.parse::<usize>().ok()) else {
        eprintln!("usage: generate N [--json] [--tiny] [--seed S]");
        std::process::exit(2);
    };
    let mut json = false;
    let mut tiny = false;
    let mut seed = 42;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--tiny" => tiny = true,
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            other => {
                eprintln!("generate: unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let dataset = if tiny {
        generate::tiny(count)
    } else {
        generate::generate(count, seed)
    };
    let text = if json {
        serde_json::to_string(&dataset).map_err(|e| e.to_string())
    } else {
        serde_saphyr::to_string(&dataset).map_err(|e| e.to_string())
    };
    match text {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            if out.write_all(text.as_bytes()).is_err() {
                std::process::exit(1);
            }
        }
        Err(error) => {
            eprintln!("generate: {error}");
            std::process::exit(1);
        }
    }
}
