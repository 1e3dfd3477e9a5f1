//! Fuzzes the import's file reader: any bytes as an Excel workbook (a zip: sizes, ratios, parts)
//! and as a tab-separated O*NET text file, then every cell of every row read.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use roles::import::table::Table;

fuzz_target!(|data: &[u8]| {
    for name in ["Skills.xlsx", "Skills.txt"] {
        let path = Path::new(name);
        if let Ok(table) = Table::from_bytes(path, data.to_vec()) {
            let columns = table.columns(["O*NET-SOC Code"]).ok();
            for row in table.rows() {
                for column in 0..4 {
                    let _ = row.get(column);
                    let _ = row.number(column);
                }
                if let Some([code]) = columns {
                    let _ = row.required(code);
                }
            }
        }
        let _ = Table::read_sheet(path, data.to_vec(), "Field Descriptions");
    }
});
