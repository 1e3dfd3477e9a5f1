//! One O*NET or OEWS file read as a table of text cells, whichever distribution it comes in:
//! an Excel workbook (`.xlsx`, first sheet) or a tab-separated text file (`.txt`).
//!
//! Columns are found by their header, so unknown extra columns (a newer release's `Title`
//! column, say) are simply not read. Cells keep their published text: an Excel number is written
//! the shortest way that reads back as the same number (`4.12`, `95`), which is how the text
//! distribution prints it.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use calamine::{DataRef, Reader, Xlsx};

/// Largest file read, whatever its format: the largest published O*NET file is under 50 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Largest total an Excel file may expand to when unzipped, counted as it is decompressed.
pub const MAX_UNZIPPED_BYTES: u64 = 256 * 1024 * 1024;
/// Largest ratio of unzipped to zipped size: the published workbooks unzip to about 11 times
/// their size; a zip bomb to thousands.
pub const MAX_UNZIP_RATIO: u64 = 100;
/// Columns beyond this are ignored: no O*NET or OEWS file has more than about 35.
const MAX_COLUMNS: usize = 256;
/// Rows beyond this are refused: the largest O*NET file (Work Context) has about 300,000.
pub const MAX_ROWS: usize = 600_000;

/// A file's rows as text cells, with its header.
#[derive(Debug)]
pub struct Table {
    /// The file, for messages.
    pub path: PathBuf,
    headers: Vec<String>,
    /// (1-based row number in the file, cells).
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Reads `path` as Excel (`.xlsx`) or tab-separated text (anything else).
    pub fn read(path: &Path) -> anyhow::Result<Table> {
        let bytes = if is_excel(path) {
            read_regular(path, MAX_FILE_BYTES)?
        } else {
            read_lines_up_to(path, MAX_FILE_BYTES, MAX_ROWS + 1)?
        };
        Table::from_bytes(path, bytes)
    }

    /// Parses the bytes of a file named `path` (which may sit inside a zip file), as Excel when
    /// its name ends in `.xlsx`, else as tab-separated text.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> anyhow::Result<Table> {
        let mut rows = if is_excel(path) {
            read_xlsx(path, bytes, None)?
        } else {
            read_tab_separated(path, bytes)?
        };
        if rows.is_empty() {
            bail!("{}: is empty; expected a header row", path.display());
        }
        let (_, headers) = rows.remove(0);
        let headers = headers.into_iter().map(|h| h.trim().to_string()).collect();
        Ok(Table {
            path: path.to_path_buf(),
            headers,
            rows,
        })
    }

    /// The rows of a named sheet of an Excel workbook as lines of text (cells joined by a
    /// space), for notes sheets; empty for a text file or when there is no such sheet.
    pub fn read_sheet(path: &Path, bytes: Vec<u8>, sheet: &str) -> anyhow::Result<Vec<String>> {
        if !is_excel(path) {
            return Ok(Vec::new());
        }
        let rows = read_xlsx(path, bytes, Some(sheet))?;
        Ok(rows
            .into_iter()
            .map(|(_, cells)| {
                let cells: Vec<String> = cells.into_iter().filter(|c| !c.is_empty()).collect();
                cells.join(" ")
            })
            .collect())
    }

    /// The index of each named column; an error names the file and the missing column.
    pub fn columns<const N: usize>(&self, names: [&str; N]) -> anyhow::Result<[usize; N]> {
        let mut found = [0; N];
        for (slot, name) in found.iter_mut().zip(names) {
            *slot = self.optional_column(name).ok_or_else(|| {
                anyhow::anyhow!(
                    "{}: has no '{name}' column (its header has: {})",
                    self.path.display(),
                    crate::escape::excerpt(&self.headers.join(", "), 200)
                )
            })?;
        }
        Ok(found)
    }

    /// The index of a column that some releases do not have.
    pub fn optional_column(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// Each data row with its 1-based row number in the file.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(number, cells)| Row {
            table: self,
            number: *number,
            cells,
        })
    }
}

/// One row of a [`Table`].
#[derive(Clone, Copy)]
pub struct Row<'a> {
    table: &'a Table,
    /// 1-based row number in the file.
    pub number: usize,
    cells: &'a [String],
}

impl<'a> Row<'a> {
    /// The cell in `column`, trimmed; empty when the row is short.
    pub fn get(&self, column: usize) -> &'a str {
        self.cells.get(column).map_or("", |cell| cell.trim())
    }

    /// The cell, or an error naming the file, row and column when it is empty.
    pub fn required(&self, column: usize) -> anyhow::Result<&'a str> {
        let cell = self.get(column);
        if cell.is_empty() {
            bail!("{}: is empty", self.describe(column));
        }
        Ok(cell)
    }

    /// The cell as a number, or an error naming the file, row, column and the text found.
    pub fn number(&self, column: usize) -> anyhow::Result<f64> {
        let cell = self.required(column)?;
        cell.parse::<f64>()
            .ok()
            .filter(|value| value.is_finite())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{}: '{}' is not a number",
                    self.describe(column),
                    crate::escape::excerpt(cell, 40)
                )
            })
    }

    /// `FILE:ROW: column 'NAME'`, for messages.
    pub fn describe(&self, column: usize) -> String {
        let name = self.table.headers.get(column).map_or("?", String::as_str);
        format!(
            "{}:{}: column '{name}'",
            self.table.path.display(),
            self.number
        )
    }
}

fn is_excel(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("xlsx"))
}

/// Opens `path` for reading only if it is a regular file (after following links), without
/// waiting on a named pipe: a pipe, a device or a folder cannot be bounded, so it is refused.
/// Returns the file and its size when opened.
pub fn open_regular(path: &Path) -> anyhow::Result<(File, u64)> {
    let file = crate::open::open_without_blocking(path, true)
        .with_context(|| format!("{}: cannot be read", path.display()))?;
    let metadata = file
        .metadata()
        .with_context(|| format!("{}: cannot be read", path.display()))?;
    if !metadata.is_file() {
        bail!(
            "{}: is not a regular file (a folder, named pipe or device cannot be imported)",
            path.display()
        );
    }
    Ok((file, metadata.len()))
}

/// The bytes of the regular file at `path`, refused when it is over `limit`; read up to the
/// size it had when opened.
pub fn read_regular(path: &Path, limit: u64) -> anyhow::Result<Vec<u8>> {
    let (file, size) = open_regular(path)?;
    if size > limit {
        bail!(
            "{}: refused: {size} bytes is more than any O*NET or OEWS file (limit {limit})",
            path.display()
        );
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(size)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}: cannot be read", path.display()))?;
    Ok(bytes)
}

/// The bytes of a text file, refused as soon as they hold more than `max_lines` line breaks: a
/// file of ten million rows costs the memory of the first rows, not of the whole file.
pub fn read_lines_up_to(path: &Path, limit: u64, max_lines: usize) -> anyhow::Result<Vec<u8>> {
    let (file, size) = open_regular(path)?;
    if size > limit {
        bail!(
            "{}: refused: {size} bytes is more than any O*NET or OEWS file (limit {limit})",
            path.display()
        );
    }
    let mut reader = file.take(size);
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    let mut lines = 0;
    // Bytes since the last line break: a line longer than any O*NET row is refused as it is
    // read, so a 100 MB file of one line costs a megabyte, not its size thrice over.
    let mut line_length = 0;
    loop {
        let count = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(count) => count,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(e).with_context(|| format!("{}: cannot be read", path.display()));
            }
        };
        for &byte in &chunk[..count] {
            if byte == b'\n' {
                lines += 1;
                line_length = 0;
            } else {
                line_length += 1;
            }
        }
        if lines > max_lines {
            bail!(
                "{}: refused: more than {MAX_ROWS} rows, more than any O*NET file has",
                path.display()
            );
        }
        if line_length > MAX_LINE_BYTES {
            bail!(
                "{}: refused: line {} is longer than {MAX_LINE_BYTES} bytes, longer than any O*NET row",
                path.display(),
                lines + 1
            );
        }
        bytes.extend_from_slice(&chunk[..count]);
    }
    Ok(bytes)
}

/// Longest line of a text file import reads: O*NET's longest rows (task statements,
/// descriptions) are a few kilobytes.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The rows of a tab-separated file (the O*NET text distribution): no quoting, one row a line.
fn read_tab_separated(path: &Path, bytes: Vec<u8>) -> anyhow::Result<Vec<(usize, Vec<String>)>> {
    let text = String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        let line = error.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        anyhow::anyhow!("{}:{line}: is not UTF-8 text", path.display())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Counted before any cell is kept, so a file of ten million short rows costs no more memory
    // than its bytes.
    let rows = text.lines().filter(|line| !line.trim().is_empty()).count();
    let data_rows = rows.saturating_sub(1);
    if data_rows > MAX_ROWS {
        bail!(
            "{}: refused: {data_rows} rows is more than any O*NET file has (limit {MAX_ROWS})",
            path.display()
        );
    }
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let cells = line
                .split('\t')
                .take(MAX_COLUMNS)
                .map(str::to_string)
                .collect();
            (index + 1, cells)
        })
        .collect())
}

/// Refuses a zip file (an Excel workbook is one) that would unzip to more than
/// [`MAX_UNZIPPED_BYTES`] or more than [`MAX_UNZIP_RATIO`] times its size, by decompressing
/// every part into nothing and counting: the sizes a zip declares can lie, the bytes cannot.
/// Stops as soon as a limit is passed, so a bomb costs a fraction of a second.
/// `kind` names what the file should be, for messages (`Excel workbook`, `zip file`).
pub fn check_unzipped_size(path: &Path, bytes: &[u8], kind: &str) -> anyhow::Result<()> {
    let bad = |error: &dyn std::fmt::Display| {
        anyhow::anyhow!(
            "{}: is not a readable {kind} ({})",
            path.display(),
            crate::escape::excerpt(&error.to_string(), 120)
        )
    };
    let budget = (bytes.len() as u64)
        .saturating_mul(MAX_UNZIP_RATIO)
        .min(MAX_UNZIPPED_BYTES);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let mut total: u64 = 0;
    let mut names = std::collections::HashSet::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| bad(&e))?;
        let name = entry.name().map_err(|e| bad(&e))?.into_owned();
        // Two parts of one name: a reader takes one of them silently, so which was meant?
        if !names.insert(name.to_ascii_lowercase()) {
            bail!(
                "{}: refused: it holds two parts named {}; a {kind} has each part once",
                path.display(),
                crate::escape::quoted(&name)
            );
        }
        let shared_strings = name.eq_ignore_ascii_case("xl/sharedStrings.xml");
        let left = budget - total;
        // The first bytes of the shared strings are kept: they declare how many strings follow.
        let mut head = Vec::new();
        if shared_strings {
            (&mut entry)
                .take(SHARED_STRINGS_HEAD.min(left + 1))
                .read_to_end(&mut head)
                .map_err(|e| bad(&e))?;
        }
        let rest = (left + 1).saturating_sub(head.len() as u64);
        let unzipped = head.len() as u64
            + std::io::copy(&mut entry.take(rest), &mut std::io::sink()).map_err(|e| bad(&e))?;
        if shared_strings {
            check_declared_strings(path, &head, unzipped)?;
        }
        total += unzipped;
        if total > budget {
            bail!(
                "{}: refused: it would unzip to more than {budget} bytes ({MAX_UNZIP_RATIO} times its size, at most {MAX_UNZIPPED_BYTES})",
                path.display()
            );
        }
    }
    Ok(())
}

/// How much of a workbook's shared strings part is read for the counts its `<sst>` declares.
const SHARED_STRINGS_HEAD: u64 = 4096;

/// The fewest bytes one shared string takes (`<si/>`): a part of `size` bytes holds no more.
const LEAST_SHARED_STRING_BYTES: u64 = 5;

/// Refuses shared strings whose `<sst uniqueCount=…>` claims more strings than the
/// part's `size` unzipped bytes can hold: the spreadsheet reader reserves room for the claim
/// before reading a string, so a 1 KB file claiming a billion would take 24 GB.
fn check_declared_strings(path: &Path, head: &[u8], size: u64) -> anyhow::Result<()> {
    let head = String::from_utf8_lossy(head);
    let Some(start) = head.find("<sst") else {
        return Ok(());
    };
    let element = &head[start..];
    let element = &element[..element.find('>').unwrap_or(element.len())];
    // `count` counts every use of a string, so it may well pass the size; `uniqueCount`
    // counts the strings themselves, and is what the reader reserves room for.
    let Some(at) = element.find(" uniqueCount=") else {
        return Ok(());
    };
    let value: String = element[at + " uniqueCount=".len()..]
        .chars()
        .skip(1)
        .take_while(|c| *c != '"' && *c != '\'')
        .take(40)
        .collect();
    let most = size / LEAST_SHARED_STRING_BYTES;
    match value.parse::<u64>() {
        Ok(count) if count <= most => {}
        _ => bail!(
            "{}: refused: its shared strings declare uniqueCount={} but {size} bytes hold at most {most} strings; the workbook is damaged or made to exhaust memory",
            path.display(),
            crate::escape::quoted(&value)
        ),
    }
    Ok(())
}

/// The rows of an Excel workbook's first sheet (or the named one; none when it is absent), read
/// cell by cell so that memory follows the cells present, not the sheet's claimed dimensions.
fn read_xlsx(
    path: &Path,
    bytes: Vec<u8>,
    sheet: Option<&str>,
) -> anyhow::Result<Vec<(usize, Vec<String>)>> {
    let bad = |error: &dyn std::fmt::Display| {
        anyhow::anyhow!(
            "{}: is not a readable Excel workbook ({})",
            path.display(),
            crate::escape::excerpt(&error.to_string(), 120)
        )
    };
    check_unzipped_size(path, &bytes, "Excel workbook")?;
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let names = workbook.sheet_names();
    let sheet = match sheet {
        Some(wanted) => match names.iter().find(|name| name.as_str() == wanted) {
            Some(name) => name.clone(),
            None => return Ok(Vec::new()),
        },
        None => match names.first() {
            Some(name) => name.clone(),
            None => bail!("{}: has no worksheet", path.display()),
        },
    };
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|e| bad(&e))?;
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| bad(&e))? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize + 1, column as usize);
        if column >= MAX_COLUMNS {
            continue;
        }
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        if rows.last().is_none_or(|(last, _)| *last != row) {
            if rows.len() > MAX_ROWS {
                bail!(
                    "{}: refused: more rows than any O*NET or OEWS file has (limit {MAX_ROWS})",
                    path.display()
                );
            }
            rows.push((row, Vec::new()));
        }
        if let Some((_, cells)) = rows.last_mut() {
            if cells.len() <= column {
                cells.resize(column + 1, String::new());
            }
            cells[column] = text;
        }
    }
    Ok(rows)
}

/// A cell as the text distribution would print it.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(number) => number.to_string(),
        DataRef::Float(number) => number.to_string(),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            text.clone()
        }
        DataRef::SharedString(text) => (*text).to_string(),
        DataRef::Bool(flag) => if *flag { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(date) => date.as_f64().to_string(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_separated_rows_keep_their_line_numbers_and_text() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("Task Statements.txt");
        let text = "O*NET-SOC Code\tTask\textra\r\n13-1082.00\tPlan it, \"well\".\tx\n\n1\t2\n";
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let table = Table::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let [code, task] = table
            .columns(["O*NET-SOC Code", "Task"])
            .unwrap_or_else(|e| panic!("{e}"));
        let rows: Vec<(usize, &str, &str)> = table
            .rows()
            .map(|row| (row.number, row.get(code), row.get(task)))
            .collect();
        assert_eq!(
            rows,
            [(2, "13-1082.00", "Plan it, \"well\"."), (4, "1", "2")]
        );
        let missing = table.columns(["Date"]).err().map(|e| e.to_string());
        let missing = missing.unwrap_or_default();
        assert!(
            missing.to_string().contains("has no 'Date' column"),
            "{missing}"
        );
    }

    #[test]
    fn a_bad_number_names_file_row_and_column() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("Skills.txt");
        std::fs::write(&path, "Data Value\n4.12\nhigh\n").unwrap_or_else(|e| panic!("{e}"));
        let table = Table::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let rows: Vec<Row<'_>> = table.rows().collect();
        assert_eq!(rows[0].number(0).ok(), Some(4.12));
        let error = rows[1].number(0).err().map(|e| e.to_string());
        let error = error.unwrap_or_default();
        assert!(
            error.ends_with("Skills.txt:3: column 'Data Value': 'high' is not a number"),
            "{error}"
        );
    }

    #[test]
    fn excel_numbers_print_as_the_text_distribution_does() {
        assert_eq!(cell_text(&DataRef::Float(4.12)), "4.12");
        assert_eq!(cell_text(&DataRef::Float(95.0)), "95");
        assert_eq!(cell_text(&DataRef::Int(8823)), "8823");
    }
}
