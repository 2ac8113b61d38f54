//! Excel workbooks (`.xlsx`, read with calamine): the same tables as the
//! CSV importer, one sheet each — `actors`, `participation`, and the
//! optional `engagements` and `ties` — found by name in any case.

use super::csv::{build, Table, Tables};
use crate::error::{Error, Result};
use crate::model::{Dataset, Problem};
use calamine::{Data, Reader, Xlsx};
use serde_json::Value;
use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

/// The sheets read, in the order they are looked for.
const SHEETS: &[&str] = &["actors", "engagements", "participation", "ties"];

/// A cell as the CSV importer reads it, and its typed value when it held a
/// number or a yes/no: whole numbers without `.0`, days as `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> (String, Option<Value>) {
    match cell {
        Data::Empty => (String::new(), None),
        Data::String(s) => (s.trim().to_string(), None),
        Data::Int(i) => (i.to_string(), Some(Value::from(*i))),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
            let i = *f as i64;
            (i.to_string(), Some(Value::from(i)))
        }
        Data::Float(f) => (
            f.to_string(),
            serde_json::Number::from_f64(*f).map(Value::Number),
        ),
        Data::Bool(b) => (b.to_string(), Some(Value::Bool(*b))),
        Data::DateTime(d) => (serial_day(d.as_f64()), None),
        Data::DateTimeIso(s) => (s.chars().take(10).collect(), None),
        Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (format!("#{e:?}"), None),
    }
}

/// The day of an Excel date serial (days since 1899-12-30, the 1900 date
/// system), as `YYYY-MM-DD`; the time of day is dropped.
fn serial_day(serial: f64) -> String {
    // Days from 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Reads the workbook at `path` (`-` for standard input) into a validated
/// dataset called `name`; returns it with notes (sheets that were not
/// read).
///
/// # Errors
///
/// [`Error::Import`] naming the file, sheet, row and column of every
/// problem; a missing `actors` sheet or a file that is not a workbook is
/// one of them.
pub fn import_xlsx(path: &Path, name: &str) -> Result<(Dataset, Vec<String>)> {
    let (file, bytes) = crate::io::read_input_bytes(path)?;
    let fail = |message: String| Error::Import {
        problems: vec![Problem::new(file.clone(), message)],
    };
    let mut book = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("not an Excel workbook (.xlsx): {e}")))?;
    let names = book.sheet_names();
    let mut notes = Vec::new();
    let ignored: Vec<&String> = names
        .iter()
        .filter(|n| !SHEETS.contains(&n.to_lowercase().as_str()))
        .collect();
    if !ignored.is_empty() {
        notes.push(format!(
            "{file}: sheets not read: {} (the tables are {})",
            ignored
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            SHEETS.join(", ")
        ));
    }
    let mut tables: HashMap<&str, Table> = HashMap::new();
    for wanted in SHEETS {
        let Some(sheet) = names.iter().find(|n| n.to_lowercase() == *wanted) else {
            continue;
        };
        let range = book
            .worksheet_range(sheet)
            .map_err(|e| fail(format!("sheet {sheet:?} cannot be read: {e}")))?;
        let place = format!("{file}[{sheet}]");
        let (first_row, _) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows();
        let header: Vec<String> = rows
            .next()
            .map(|r| r.iter().map(|c| cell_text(c).0).collect())
            .unwrap_or_default();
        let width = header.len();
        let mut table_rows = Vec::new();
        let mut typed = HashMap::new();
        for (i, row) in rows.enumerate() {
            // Rows as Excel numbers them.
            let line = u64::from(first_row) + i as u64 + 2;
            let mut texts = Vec::with_capacity(width);
            for (c, cell) in row.iter().take(width).enumerate() {
                let (text, value) = cell_text(cell);
                if let Some(v) = value {
                    typed.insert((line, c), v);
                }
                texts.push(text);
            }
            texts.resize(width, String::new());
            if texts.iter().all(String::is_empty) {
                continue;
            }
            table_rows.push((line, csv::StringRecord::from(texts)));
        }
        tables.insert(
            wanted,
            Table {
                file: place,
                header,
                rows: table_rows,
                delimiter: 0,
                typed,
            },
        );
    }
    let Some(actors) = tables.remove("actors") else {
        return Err(fail(format!(
            "no sheet called \"actors\"; the workbook has: {}; expected sheets {}",
            names.join(", "),
            SHEETS.join(", ")
        )));
    };
    let all = Tables {
        actors,
        engagements: tables.remove("engagements"),
        participation: tables.remove("participation"),
        ties: tables.remove("ties"),
    };
    build(name, &all, Vec::new(), notes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn excel_serials_are_days() {
        assert_eq!(super::serial_day(25_569.0), "1970-01-01");
        assert_eq!(super::serial_day(44_927.0), "2023-01-01");
        assert_eq!(super::serial_day(45_351.75), "2024-02-29");
    }
}
