//! Excel workbooks (`.xlsx`): the same tables as the CSV importer, one
//! sheet each — `actors`, `participation`, and the optional `engagements`
//! and `ties` — found by name in any case.
//!
//! Workbooks from strangers are read within limits derived from the file
//! and the memory available ([`XlsxLimits`], which lists what is
//! checked). A workbook written by verkosto (`export --to xlsx`, marked by
//! the custom document property [`MARKER`]) is read exactly: texts are
//! not trimmed, and a text longer than Excel's 32,767 characters, which
//! the writer continues in the sheet [`CONTINUED`], is joined again.

pub(crate) mod book;

pub use book::{unescape_ooxml, Limits as XlsxLimits};

use super::csv::{build, Table, Tables};
use crate::error::{Error, Result};
use crate::model::{Dataset, Problem};
use book::{column_letters, Book, BookError, CellValue, Value};
use std::collections::HashMap;
use std::path::Path;

/// The sheets read, in the order they are looked for.
const SHEETS: &[&str] = &["actors", "engagements", "participation", "ties"];

/// The custom document property that marks a workbook verkosto wrote.
pub const MARKER: &str = "verkosto";

/// The sheet where verkosto's writer continues texts longer than Excel's
/// cell limit: one row per piece (`sheet`, `cell`, `part`, `text`).
pub const CONTINUED: &str = "continued";

/// A sheet's cells, row by row: (zero-based row, cells by column).
type Rows = Vec<(u32, Vec<(u32, Value)>)>;

/// A cell as the CSV importer reads it, and its typed value when it held
/// a number or a yes/no: whole numbers without `.0`, days as
/// `YYYY-MM-DD`.
fn cell_text(cell: &Value, exact: bool) -> (String, Option<serde_json::Value>) {
    match cell {
        Value::Text(s) if exact => (s.clone(), None),
        Value::Text(s) => (s.trim().to_string(), None),
        Value::Number(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
            let i = *f as i64;
            (i.to_string(), Some(serde_json::Value::from(i)))
        }
        Value::Number(f) => (
            f.to_string(),
            serde_json::Number::from_f64(*f).map(serde_json::Value::Number),
        ),
        Value::Bool(b) => (b.to_string(), Some(serde_json::Value::Bool(*b))),
        Value::Day(d) => (d.clone(), None),
        Value::Error(e) => (e.clone(), None),
    }
}

/// Reads the workbook at `path` (`-` for standard input) into a validated
/// dataset called `name`; returns it with notes (sheets that were not
/// read).
///
/// # Errors
///
/// [`Error::Import`] naming the file, sheet, row and column of every
/// problem: a missing `actors` sheet, two sheets whose names differ only
/// in case, a repeated column, a value in a column without a header, a
/// workbook over a limit (named, with how to raise it), a file that is
/// not a workbook.
pub fn import_xlsx(path: &Path, name: &str) -> Result<(Dataset, Vec<String>)> {
    let (file, bytes) = crate::io::read_input_bytes(path)?;
    let fail = |place: &str, message: String| Error::Import {
        problems: vec![Problem::new(
            if place.is_empty() {
                file.clone()
            } else {
                format!("{file}[{place}]")
            },
            message,
        )],
    };
    let limits = XlsxLimits::new(bytes.len() as u64, &crate::memory::budget());
    let book_error = |e: BookError| match e.over {
        Some(limit) => Error::OverLimit {
            place: format!("{file}[{}]", e.place),
            what: e.message,
            limit,
            memory: crate::memory::budget().describe(),
        },
        None => fail(&e.place, e.message),
    };
    let mut book = Book::open(bytes, limits).map_err(book_error)?;
    let exact = book.properties.iter().any(|(n, _)| n == MARKER);
    let names: Vec<String> = book.sheets.iter().map(|(n, _)| n.clone()).collect();
    let mut notes = Vec::new();
    let ignored: Vec<&str> = names
        .iter()
        .filter(|n| {
            let lower = n.to_lowercase();
            !(SHEETS.contains(&lower.as_str()) || exact && lower == CONTINUED)
        })
        .map(String::as_str)
        .collect();
    if !ignored.is_empty() {
        notes.push(format!(
            "{file}: sheets not read: {} (the tables are {})",
            ignored.join(", "),
            SHEETS.join(", ")
        ));
    }
    for wanted in SHEETS.iter().chain(exact.then_some(&CONTINUED)) {
        let same: Vec<&str> = names
            .iter()
            .filter(|n| n.to_lowercase() == *wanted)
            .map(String::as_str)
            .collect();
        if same.len() > 1 {
            return Err(fail(
                "",
                format!(
                    "the sheets {} differ only in case; expected one sheet called {wanted:?}",
                    same.iter()
                        .map(|s| format!("{s:?}"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            ));
        }
    }
    let mut sheets: HashMap<&str, (String, Rows)> = HashMap::new();
    for wanted in SHEETS.iter().chain(exact.then_some(&CONTINUED)) {
        let Some((sheet, part)) = book
            .sheets
            .iter()
            .find(|(n, _)| n.to_lowercase() == *wanted)
            .cloned()
        else {
            continue;
        };
        let rows = read_rows(&mut book, &sheet, &part).map_err(book_error)?;
        sheets.insert(wanted, (sheet, rows));
    }
    if exact {
        if let Some((sheet, continued)) = sheets.remove(CONTINUED) {
            join_continued(&mut sheets, &sheet, continued).map_err(book_error)?;
        }
    }
    let mut problems = Vec::new();
    let mut tables: HashMap<&str, Table> = HashMap::new();
    for (wanted, (sheet, rows)) in sheets {
        let place = format!("{file}[{sheet}]");
        tables.insert(wanted, table(place, rows, exact, &mut problems));
    }
    let Some(actors) = tables.remove("actors") else {
        return Err(fail(
            "",
            format!(
                "no sheet called \"actors\"; the workbook has: {}; expected sheets {}",
                names.join(", "),
                SHEETS.join(", ")
            ),
        ));
    };
    let mut all = Tables {
        actors,
        engagements: tables.remove("engagements"),
        participation: tables.remove("participation"),
        ties: tables.remove("ties"),
    };
    build(name, &mut all, problems, notes)
}

/// The sheets of the workbook at `path` called `wanted` (in any case; a
/// `None` wants the first sheet), as tables, read with one opening of the
/// workbook; `None` for a sheet the workbook lacks. Returns the file's
/// name and every sheet name too.
///
/// # Errors
///
/// As [`import_xlsx`]: a workbook over a limit, not a workbook, repeated
/// headers, values without a header.
pub(crate) fn read_sheets(
    path: &Path,
    wanted: &[Option<&str>],
) -> Result<(String, Vec<String>, Vec<Option<Table>>)> {
    let (file, bytes) = crate::io::read_input_bytes(path)?;
    let limits = XlsxLimits::new(bytes.len() as u64, &crate::memory::budget());
    let book_error = |e: BookError| match e.over {
        Some(limit) => Error::OverLimit {
            place: format!("{file}[{}]", e.place),
            what: e.message,
            limit,
            memory: crate::memory::budget().describe(),
        },
        None => Error::Import {
            problems: vec![Problem::new(format!("{file}[{}]", e.place), e.message)],
        },
    };
    let mut book = Book::open(bytes, limits).map_err(book_error)?;
    let names: Vec<String> = book.sheets.iter().map(|(n, _)| n.clone()).collect();
    let mut problems = Vec::new();
    let mut tables = Vec::with_capacity(wanted.len());
    for want in wanted {
        let found = match want {
            Some(want) => book
                .sheets
                .iter()
                .find(|(n, _)| n.to_lowercase() == want.to_lowercase())
                .cloned(),
            None => book.sheets.first().cloned(),
        };
        tables.push(match found {
            Some((sheet, part)) => {
                let rows = read_rows(&mut book, &sheet, &part).map_err(book_error)?;
                Some(table(
                    format!("{file}[{sheet}]"),
                    rows,
                    false,
                    &mut problems,
                ))
            }
            None => None,
        });
    }
    if !problems.is_empty() {
        return Err(Error::Import { problems });
    }
    Ok((file, names, tables))
}

/// The cells of one sheet, grouped by row in row order; a cell given twice
/// is an error.
fn read_rows(book: &mut Book, sheet: &str, part: &str) -> std::result::Result<Rows, BookError> {
    let mut rows: Rows = Vec::new();
    let mut ordered = true;
    book.cells(sheet, part, |CellValue { row, column, value }| {
        match rows.last_mut() {
            Some((r, cells)) if *r == row => cells.push((column, value)),
            last => {
                if last.is_some_and(|(r, _)| *r > row) {
                    ordered = false;
                }
                rows.push((row, vec![(column, value)]));
            }
        }
        Ok(())
    })?;
    if !ordered {
        rows.sort_by_key(|(r, _)| *r);
        let mut merged: Rows = Vec::with_capacity(rows.len());
        for (r, cells) in rows {
            match merged.last_mut() {
                Some((last, into)) if *last == r => into.extend(cells),
                _ => merged.push((r, cells)),
            }
        }
        rows = merged;
    }
    for (r, cells) in &mut rows {
        cells.sort_by_key(|(c, _)| *c);
        if let Some(w) = cells.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(BookError {
                place: format!("{sheet}!{}{}", column_letters(w[0].0), *r + 1),
                message: "the cell is given twice".into(),
                over: None,
            });
        }
    }
    Ok(rows)
}

/// Appends the pieces of the `continued` sheet to the cells they continue.
fn join_continued(
    sheets: &mut HashMap<&str, (String, Rows)>,
    sheet: &str,
    continued: Rows,
) -> std::result::Result<(), BookError> {
    let bad = |row: u32, message: &str| BookError {
        place: format!("{sheet}!A{}", row + 1),
        message: message.to_string(),
        over: None,
    };
    for (row, cells) in continued.into_iter().skip(1) {
        let text = |c: u32| {
            cells
                .iter()
                .find(|(col, _)| *col == c)
                .and_then(|(_, v)| match v {
                    Value::Text(t) => Some(t.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
        };
        let (Some(target), Some(cell), Some(piece)) = (text(0), text(1), text(3)) else {
            return Err(bad(row, "expected a sheet, a cell and a text"));
        };
        // Pieces of sheets that are not read (network_nodes) stay there.
        let Some((_, rows)) = sheets
            .iter_mut()
            .find(|(_, (name, _))| *name == target)
            .map(|(_, v)| v)
        else {
            continue;
        };
        let (r, c) = book::cell_reference(&cell).ok_or_else(|| bad(row, "names no cell"))?;
        let Some(value) = rows
            .iter_mut()
            .find(|(rr, _)| *rr == r)
            .and_then(|(_, cells)| cells.iter_mut().find(|(cc, _)| *cc == c))
            .map(|(_, v)| v)
        else {
            return Err(bad(row, "continues a cell that is empty"));
        };
        match value {
            Value::Text(t) => t.push_str(&piece),
            _ => return Err(bad(row, "continues a cell that is not text")),
        }
    }
    Ok(())
}

/// A [`Table`] of a sheet's rows: the first row is the header (up to its
/// last non-empty cell). A repeated column and a value in a column
/// without a header are problems.
fn table(place: String, rows: Rows, exact: bool, problems: &mut Vec<Problem>) -> Table {
    let mut rows = rows.into_iter();
    let (header_row, header_cells) = rows.next().unwrap_or((0, Vec::new()));
    let width = header_cells
        .iter()
        .rposition(|(_, v)| !cell_text(v, false).0.is_empty())
        .map(|i| header_cells[i].0 as usize + 1)
        .unwrap_or(0);
    let mut header = vec![String::new(); width];
    for (c, v) in &header_cells {
        if (*c as usize) < width {
            header[*c as usize] = cell_text(v, false).0;
        }
    }
    let line_of = |r: u32| u64::from(r) + 1;
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if let Some(first) = header[..i].iter().position(|x| x.eq_ignore_ascii_case(h)) {
            problems.push(Problem::new(
                format!("{place}:{}:{}", line_of(header_row), i + 1),
                format!(
                    "the header repeats the column {h:?} (first in column {}); expected each column once",
                    column_letters(first as u32)
                ),
            ));
        }
    }
    let mut table_rows = Vec::new();
    let mut typed = HashMap::new();
    for (r, cells) in rows {
        let line = line_of(r);
        let mut texts = vec![String::new(); width];
        for (c, v) in cells {
            let (text, value) = cell_text(&v, exact);
            let c = c as usize;
            if c >= width || header[c].is_empty() {
                if !text.trim().is_empty() {
                    problems.push(Problem::new(
                        format!("{place}:{line}:{}", c + 1),
                        format!(
                            "value {:?} in column {}, which has no header; expected a header for every column with values",
                            text.chars().take(40).collect::<String>(),
                            column_letters(c as u32)
                        ),
                    ));
                }
                continue;
            }
            if let Some(v) = value {
                typed.insert((line, c), v);
            }
            texts[c] = text;
        }
        if texts.iter().all(|t| t.is_empty()) {
            continue;
        }
        table_rows.push((line, csv::StringRecord::from(texts)));
    }
    Table {
        file: place,
        header,
        rows: table_rows,
        delimiter: 0,
        typed,
    }
}
