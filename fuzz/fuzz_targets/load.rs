//! Fuzzes the dataset loader (pre-parse guards, YAML parsing, validation, layering over the
//! built-in data) and, when a dataset loads, every renderer on it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use roles::commands::list::{ListArgs, list_roles};
use roles::commands::salary::{SalaryArgs, SalaryOrder, salary_table};
use roles::model::Dataset;
use roles::render::{Format, Style, render};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Parsed once: re-parsing the built-in data every run would cost most of the fuzzing time.
    static BUILTIN: OnceLock<Option<Dataset>> = OnceLock::new();
    let base = BUILTIN.get_or_init(|| Dataset::builtin().ok()).clone();
    let Ok(layer) = Dataset::from_yaml_over(&text, "fuzz.yaml", base.as_ref()) else {
        return;
    };
    let dataset = match base {
        Some(base) => base.layered(layer),
        None => layer,
    };
    let style = Style::plain(60);
    let list = list_roles(&dataset, &ListArgs::default());
    let salary = salary_table(
        &dataset,
        &SalaryArgs {
            roles: Vec::new(),
            all: true,
            sort: SalaryOrder::High,
        },
    );
    for format in Format::ALL {
        let mut out = Vec::new();
        let _ = render(&list, format, style, &mut out);
        if let Ok((view, _)) = &salary {
            let _ = render(view, format, style, &mut out);
        }
    }
});
