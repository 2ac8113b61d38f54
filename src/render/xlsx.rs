//! Excel workbooks (`.xlsx`, with rust_xlsxwriter): one sheet per table,
//! numbers as numeric cells, days as dates, a bold frozen header row with
//! an autofilter, and columns as wide as their contents. Text is always
//! written as a text cell, so a value such as `=1+1` or `@SUM(A1)` is
//! shown as written and never run as a formula.

use super::table::{Cell, Table};
use crate::error::{Error, Result};
use crate::import::xlsx::CONTINUED;
use crate::model::Date;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// Widest column, in characters.
const MAX_WIDTH: usize = 60;

fn xlsx_error(e: XlsxError) -> Error {
    Error::invalid("xlsx", e.to_string(), "a table Excel can hold")
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// and unique in its workbook.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let clean = if clean.trim().is_empty() {
        "table".to_string()
    } else {
        clean
    };
    let mut candidate = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" {n}");
        let head: String = clean.chars().take(31 - suffix.len()).collect();
        candidate = format!("{head}{suffix}");
        n += 1;
    }
    candidate
}

/// A workbook with one sheet per `(name, table)`.
///
/// Cells keep their types: whole and real numbers are numeric cells,
/// yes/no values booleans, texts that are days (`YYYY-MM-DD`) dates shown
/// as `yyyy-mm-dd`, lists their items joined by `; `; everything else is
/// text. Non-finite numbers are written as text (`NaN`, `inf`). The file's
/// creation time is fixed, so the same tables give the same bytes.
///
/// # Errors
///
/// [`Error::Invalid`] when a table has more than Excel's 16,384 columns.
/// A table of more rows than a sheet holds ([`SHEET_ROWS`]) continues on
/// sheets named after it with ` 2`, ` 3`…
///
/// # Examples
///
/// ```
/// use verkosto::render::{workbook, Cell, Table};
/// let mut table = Table::new(&["id", "degree"]);
/// table.push(vec![Cell::Text("=1+1".into()), Cell::Int(3)]);
/// let bytes = workbook(&[("actors", &table)]).unwrap();
/// assert_eq!(&bytes[..2], b"PK", "a zip container");
/// ```
pub fn workbook(sheets: &[(&str, &Table)]) -> Result<Vec<u8>> {
    let sheets: Vec<Sheet<'_>> = sheets
        .iter()
        .map(|&(name, table)| Sheet::of_table(name, table))
        .collect();
    workbook_of_sheets(&sheets, SHEET_ROWS)
}

/// A sheet of a workbook whose rows are made when they are written, so
/// that millions of rows need not be held as a table.
pub struct Sheet<'a> {
    name: &'a str,
    columns: Vec<String>,
    len: usize,
    row: Box<dyn Fn(usize) -> Vec<Cell> + 'a>,
}

impl<'a> Sheet<'a> {
    /// The sheet `name` of `len` rows under `columns`, row `k` made by
    /// `row(k)`.
    pub fn new(
        name: &'a str,
        columns: &[&str],
        len: usize,
        row: impl Fn(usize) -> Vec<Cell> + 'a,
    ) -> Sheet<'a> {
        Sheet {
            name,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            len,
            row: Box::new(row),
        }
    }

    /// The sheet `name` of `table`'s rows.
    pub fn of_table(name: &'a str, table: &'a Table) -> Sheet<'a> {
        Sheet {
            name,
            columns: table.columns.clone(),
            len: table.rows.len(),
            row: Box::new(|k| table.rows[k].clone()),
        }
    }
}

/// [`workbook`] of sheets whose rows are made as they are written (the
/// same bytes as the tables of those rows give).
///
/// # Errors
///
/// As [`workbook`].
pub fn workbook_of(sheets: &[Sheet<'_>]) -> Result<Vec<u8>> {
    workbook_of_sheets(sheets, SHEET_ROWS)
}

/// [`workbook_of`] written to `out` as it is compressed, instead of held
/// whole in memory (the same bytes).
///
/// # Errors
///
/// As [`workbook`]; a failed write is [`Error::Write`] naming `<xlsx>`.
pub fn workbook_to(
    sheets: &[Sheet<'_>],
    out: impl std::io::Write + std::io::Seek + Send,
) -> Result<()> {
    // The archive writer finishes quietly on a failed sink, whose error
    // is then reported once.
    let mut out = crate::io::FirstError::new(out);
    let saved = book_of_sheets(sheets, SHEET_ROWS)?.save_to_writer(&mut out);
    let write_error = |source| Error::Write {
        path: "<xlsx>".into(),
        source,
    };
    match (out.finish(), saved) {
        (Err(source), _) | (Ok(_), Err(XlsxError::IoError(source))) => Err(write_error(source)),
        (Ok(_), Err(other)) => Err(xlsx_error(other)),
        (Ok(_), Ok(())) => Ok(()),
    }
}

/// [`workbook`] with at most `sheet_rows` data rows on a sheet.
fn workbook_of_sheets(sheets: &[Sheet<'_>], sheet_rows: usize) -> Result<Vec<u8>> {
    book_of_sheets(sheets, sheet_rows)?
        .save_to_buffer()
        .map_err(xlsx_error)
}

/// The workbook of `sheets`, its sheets' rows written (to temporary
/// files) and the archive not yet made.
fn book_of_sheets(sheets: &[Sheet<'_>], sheet_rows: usize) -> Result<Workbook> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_error)?;
    book.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_custom_property(
                crate::import::xlsx::MARKER,
                "texts exact; texts over 32,767 characters continue in the sheet continued",
            ),
    );
    let formats = Formats {
        header: Format::new().set_bold(),
        day: Format::new().set_num_format("yyyy-mm-dd"),
    };
    // Reserved for the pieces of texts longer than a cell holds.
    let mut taken: Vec<String> = vec![CONTINUED.to_string()];
    let mut continued = Table::new(&["sheet", "cell", "part", "text"]);
    for sheet in sheets {
        // A table longer than a sheet continues on sheets `name 2`, `name
        // 3`…, each with the header.
        for (part, rows) in parts(sheet.len, sheet_rows) {
            let name = sheet_name(&part_name(sheet.name, part), &taken);
            taken.push(name.clone());
            let rows = rows.map(|k| (sheet.row)(k));
            write_sheet(
                &mut book,
                &name,
                &sheet.columns,
                rows,
                &formats,
                &mut continued,
            )?;
        }
    }
    if !continued.rows.is_empty() {
        // Its pieces hold at most a cell's characters: nothing continues.
        let mut none = Table::new(&[]);
        for (part, rows) in parts(continued.rows.len(), sheet_rows) {
            let name = part_name(CONTINUED, part);
            let rows = continued.rows[rows].iter().cloned();
            write_sheet(
                &mut book,
                &name,
                &continued.columns,
                rows,
                &formats,
                &mut none,
            )?;
        }
    }
    if sheets.is_empty() {
        book.add_worksheet();
    }
    Ok(book)
}

/// `rows` rows in parts of at most `size` rows (their ranges), numbered
/// from 0; one empty part for no rows, so that an empty table still has
/// its sheet.
fn parts(rows: usize, size: usize) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> {
    let count = rows.div_ceil(size).max(1);
    (0..count).map(move |part| (part, part * size..((part + 1) * size).min(rows)))
}

/// The name of part `part` of the sheet `name`: `name`, then `name 2`…
fn part_name(name: &str, part: usize) -> String {
    if part == 0 {
        name.to_string()
    } else {
        format!("{name} {}", part + 1)
    }
}

/// The cell formats of a workbook.
struct Formats {
    header: Format,
    day: Format,
}

/// Data rows one sheet holds (Excel's 1,048,576 rows less the header).
pub const SHEET_ROWS: usize = 1_048_575;

/// Writes `columns` and `rows` as the sheet `name` of `book`; the rest of
/// a text longer than a cell holds goes into `continued`.
fn write_sheet(
    book: &mut Workbook,
    name: &str,
    columns: &[String],
    rows: impl ExactSizeIterator<Item = Vec<Cell>>,
    formats: &Formats,
    continued: &mut Table,
) -> Result<()> {
    // Rows go to a temporary file as they are written, so a workbook of a
    // million rows needs no more memory than one row.
    let sheet = book.add_worksheet_with_constant_memory();
    sheet.set_name(name).map_err(xlsx_error)?;
    let row_count = rows.len() as u32;
    let table_columns = columns;
    let columns = u16::try_from(table_columns.len())
        .ok()
        .filter(|&n| n <= 16_384)
        .ok_or_else(|| {
            Error::invalid(
                "xlsx",
                table_columns.len().to_string(),
                "at most 16,384 columns",
            )
        })?;
    let width = |text: &str| text.chars().take(MAX_WIDTH).count();
    let mut widths: Vec<usize> = table_columns.iter().map(|c| width(c)).collect();
    for (c, column) in table_columns.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, column, &formats.header)
            .map_err(xlsx_error)?;
    }
    for (r, row) in rows.enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let shown = match cell {
                Cell::Empty => continue,
                Cell::Int(v) => {
                    sheet.write_number(r, col, *v as f64).map_err(xlsx_error)?;
                    width(&v.to_string())
                }
                Cell::Float(v) | Cell::Probability(v) if v.is_finite() => {
                    sheet.write_number(r, col, *v).map_err(xlsx_error)?;
                    width(&v.to_string())
                }
                Cell::Float(v) | Cell::Probability(v) => {
                    let text = v.to_string();
                    sheet.write_string(r, col, &text).map_err(xlsx_error)?;
                    width(&text)
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, col, *b).map_err(xlsx_error)?;
                    width(&b.to_string())
                }
                Cell::List(items) => {
                    let text = items.join("; ");
                    write_text(sheet, name, r, col, &text, continued)?;
                    width(&text)
                }
                Cell::Text(text) => {
                    match text.parse::<Date>().ok().and_then(|d| {
                        ExcelDateTime::from_ymd(d.year() as u16, d.month(), d.day()).ok()
                    }) {
                        Some(date) if text.len() == 10 => {
                            sheet
                                .write_datetime_with_format(r, col, &date, &formats.day)
                                .map_err(xlsx_error)?;
                        }
                        _ => write_text(sheet, name, r, col, text, continued)?,
                    }
                    width(text)
                }
            };
            widths[c] = widths[c].max(shown);
        }
    }
    for (c, width) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, *width as f64 + 2.0)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    if columns > 0 {
        sheet
            .autofilter(0, 0, row_count, columns - 1)
            .map_err(xlsx_error)?;
    }
    Ok(())
}

/// Characters one Excel cell holds.
pub const EXCEL_CELL_CHARACTERS: usize = 32_767;

/// Writes `text` in a cell; a text longer than Excel's 32,767 characters
/// keeps its first 32,767 in the cell and continues, piece by piece, in
/// rows of the sheet [`CONTINUED`] that `import xlsx` joins again.
fn write_text(
    sheet: &mut rust_xlsxwriter::Worksheet,
    sheet_name: &str,
    row: u32,
    col: u16,
    text: &str,
    continued: &mut Table,
) -> Result<()> {
    let mut pieces = text_pieces(text, EXCEL_CELL_CHARACTERS);
    let first = pieces.next().unwrap_or("");
    sheet.write_string(row, col, first).map_err(xlsx_error)?;
    let cell = format!(
        "{}{}",
        rust_xlsxwriter::utility::column_number_to_name(col),
        row + 1
    );
    for (i, piece) in pieces.enumerate() {
        continued.push(vec![
            Cell::Text(sheet_name.into()),
            Cell::Text(cell.as_str().into()),
            Cell::Int(i as i64 + 2),
            Cell::Text(piece.into()),
        ]);
    }
    Ok(())
}

/// `text` in pieces of at most `size` characters (one empty piece for an
/// empty text).
fn text_pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        let cut = t.char_indices().nth(size).map_or(t.len(), |(i, _)| i);
        rest = (cut < t.len()).then(|| &t[cut..]);
        Some(&t[..cut])
    })
}

/// A one-sheet workbook of the CSV text a command wrote for `-f csv`
/// ([`table_from_csv`], then [`workbook`]).
///
/// # Errors
///
/// As [`table_from_csv`] and [`workbook`].
pub fn workbook_from_csv(sheet: &str, csv: &str) -> Result<Vec<u8>> {
    let table = table_from_csv(csv)?;
    workbook(&[(sheet, &table)])
}

/// Columns that hold names and identifiers: text even when every value
/// looks like a number (an id `0123` stays `0123`).
fn is_identifier(column: &str) -> bool {
    matches!(
        column,
        "id" | "name" | "source" | "target" | "actor" | "engagement" | "business_id" | "code"
    ) || column.ends_with("_id")
}

/// A table read back from CSV text written by [`Table::to_csv`], with each
/// column typed: whole numbers when every value is one as written
/// (`12`, not `012`), real numbers when every value is one as the CSV
/// writer prints it, each cell as what it is in a mixed column (a
/// summary's `value`), and always text in identifier columns.
///
/// # Errors
///
/// [`Error::Invalid`] for text that is not CSV.
pub fn table_from_csv(text: &str) -> Result<Table> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| Error::invalid("csv", e.to_string(), "CSV"))?
        .iter()
        .map(super::table::restore_text)
        .collect();
    let mut texts: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::invalid("csv", e.to_string(), "CSV"))?;
        let mut row: Vec<String> = record.iter().map(super::table::restore_text).collect();
        row.resize(columns.len(), String::new());
        texts.push(row);
    }
    let whole = |s: &str| s.parse::<i64>().is_ok_and(|v| v.to_string() == s);
    // A real number as a writer prints it: no leading zeros ("007"), no
    // sign tricks; an exponent only as a tiny probability is written
    // ("3.2e-23").
    let real = |s: &str| {
        let (mantissa, exponent) = s.split_once('e').unwrap_or((s, "0"));
        let digits = mantissa.strip_prefix('-').unwrap_or(mantissa);
        let leading_zero = digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.");
        let exponent = exponent.strip_prefix('-').unwrap_or(exponent);
        !leading_zero
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && !exponent.is_empty()
            && exponent.chars().all(|c| c.is_ascii_digit())
            && s.parse::<f64>().is_ok_and(f64::is_finite)
    };
    let kinds: Vec<u8> = columns
        .iter()
        .enumerate()
        .map(|(c, name)| {
            let values = || {
                texts
                    .iter()
                    .map(|r| r[c].as_str())
                    .filter(|s| !s.is_empty())
            };
            if is_identifier(name) || values().next().is_none() {
                0
            } else if values().all(whole) {
                1
            } else if values().all(|s| whole(s) || real(s)) {
                2
            } else {
                // Mixed (a summary's `value`): each cell as what it is.
                3
            }
        })
        .collect();
    let names: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut table = Table::new(&names);
    for row in texts {
        table.push(
            row.into_iter()
                .zip(&kinds)
                .map(|(s, kind)| match (s.is_empty(), kind) {
                    (true, _) => Cell::Empty,
                    (false, 1) => Cell::Int(s.parse().unwrap_or_default()),
                    (false, 2) => Cell::Float(s.parse().unwrap_or_default()),
                    (false, 3) if whole(&s) => Cell::Int(s.parse().unwrap_or_default()),
                    (false, 3) if real(&s) => Cell::Float(s.parse().unwrap_or_default()),
                    _ => Cell::Text(s.into()),
                })
                .collect(),
        );
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_written_to_a_file_is_the_one_made_in_memory() {
        let mut table = Table::new(&["id", "when", "weight"]);
        for i in 0..300 {
            table.push(vec![
                Cell::Text(format!("a{i}").into()),
                Cell::Text("2024-05-01".into()),
                Cell::Float(i as f64 / 7.0),
            ]);
        }
        let sheets = [Sheet::of_table("actors", &table)];
        let in_memory = workbook_of(&sheets).unwrap();
        let mut file = tempfile::tempfile().unwrap();
        workbook_to(&sheets, &mut file).unwrap();
        use std::io::{Read, Seek};
        file.rewind().unwrap();
        let mut written = Vec::new();
        file.read_to_end(&mut written).unwrap();
        assert_eq!(written, in_memory);
        // A writer that fails: its error is kept, as a write error.
        struct Full;
        impl std::io::Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("the device is full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        impl std::io::Seek for Full {
            fn seek(&mut self, _: std::io::SeekFrom) -> std::io::Result<u64> {
                Ok(0)
            }
        }
        match workbook_to(&sheets, Full) {
            Err(Error::Write { source, .. }) => assert!(source.to_string().contains("full")),
            other => panic!("expected a write error, got {other:?}"),
        }
    }

    #[test]
    fn a_table_longer_than_a_sheet_continues_on_more_sheets() {
        let mut table = Table::new(&["id", "degree"]);
        for i in 0..5 {
            table.push(vec![Cell::Text(format!("a{i}").into()), Cell::Int(i)]);
        }
        let bytes = workbook_of_sheets(&[Sheet::of_table("actors", &table)], 2).unwrap();
        let limits =
            crate::import::xlsx::book::Limits::new(bytes.len() as u64, &crate::memory::budget());
        let book = crate::import::xlsx::book::Book::open(bytes.clone(), limits).unwrap();
        let names: Vec<&str> = book.sheets.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["actors", "actors 2", "actors 3"]);
        // Rows made when written are the table's rows, sheet for sheet.
        let made = Sheet::new("actors", &["id", "degree"], 5, |i| {
            vec![Cell::Text(format!("a{i}").into()), Cell::Int(i as i64)]
        });
        assert_eq!(workbook_of_sheets(&[made], 2).unwrap(), bytes);
        // No rows: one sheet with the header.
        let none = Sheet::new("actors", &["id"], 0, |_| Vec::new());
        let bytes = workbook_of_sheets(&[none], 2).unwrap();
        let limits =
            crate::import::xlsx::book::Limits::new(bytes.len() as u64, &crate::memory::budget());
        let book = crate::import::xlsx::book::Book::open(bytes, limits).unwrap();
        assert_eq!(book.sheets.len(), 1);
    }

    #[test]
    fn csv_columns_are_typed() {
        let t = table_from_csv(
            "id,degree,betweenness,kind,start\n007,3,0.5,firm,2020-01-01\n8,4,1,,\n",
        )
        .unwrap();
        assert_eq!(t.rows[0][0], Cell::Text("007".into()));
        assert_eq!(t.rows[1][0], Cell::Text("8".into()), "ids stay text");
        assert_eq!(t.rows[0][1], Cell::Int(3));
        assert_eq!(t.rows[1][2], Cell::Float(1.0));
        assert_eq!(t.rows[1][3], Cell::Empty);
        assert_eq!(t.rows[0][4], Cell::Text("2020-01-01".into()));
        let t = table_from_csv("metric,value\nname,Seed\nactors,27\ndensity,0.0655\ncode,0123\n")
            .unwrap();
        let values: Vec<&Cell> = t.rows.iter().map(|r| &r[1]).collect();
        assert_eq!(
            values,
            [
                &Cell::Text("Seed".into()),
                &Cell::Int(27),
                &Cell::Float(0.0655),
                &Cell::Text("0123".into())
            ]
        );
    }

    #[test]
    fn same_tables_same_bytes() {
        let mut t = Table::new(&["id", "w"]);
        t.push(vec![Cell::Text("a".into()), Cell::Float(0.25)]);
        let a = workbook(&[("x", &t)]).unwrap();
        let b = workbook(&[("x", &t)]).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let taken = vec!["actors".to_string()];
        assert_eq!(sheet_name("Actors", &taken), "Actors 2");
        assert_eq!(sheet_name("a/b:c", &[]), "a_b_c");
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
    }
}
