//! Tables written as aligned text, CSV or JSON.

use super::fit::{chars, column_widths, shorten_list};
use crate::error::{Error, Result};
use crate::model::CompactString;
use serde_json::{Map, Number, Value};
use std::str::FromStr;

/// Decimals for floats in text tables.
const TEXT_DECIMALS: usize = 4;
/// Decimals for floats in CSV and JSON (trailing zeros dropped).
const MACHINE_DECIMALS: usize = 10;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Format {
    /// Aligned text for people.
    #[default]
    Table,
    /// Comma-separated values.
    Csv,
    /// JSON.
    Json,
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        crate::named::parse("format", s)
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (stored inline up to 24 bytes).
    Text(CompactString),
    /// A whole number.
    Int(i64),
    /// A real number, printed at fixed precision.
    Float(f64),
    /// A probability that may be tiny (a p-value): printed like a real
    /// number from 0.0001 up and in scientific notation below it, so that
    /// 3e-23 is not printed as 0.
    Probability(f64),
    /// A list of texts (`a; b` in text, a JSON array in JSON).
    List(Vec<CompactString>),
    /// A yes/no value (`true`/`false` everywhere).
    Bool(bool),
    /// No value (empty in text and CSV, `null` in JSON).
    Empty,
}

/// A day as `YYYY-MM-DD`, or an empty cell when unknown.
impl From<Option<crate::model::Date>> for Cell {
    fn from(day: Option<crate::model::Date>) -> Cell {
        use compact_str::ToCompactString;
        day.map_or(Cell::Empty, |d| Cell::Text(d.to_compact_string()))
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.into())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s.into())
    }
}
impl From<CompactString> for Cell {
    fn from(s: CompactString) -> Cell {
        Cell::Text(s)
    }
}
impl From<usize> for Cell {
    fn from(v: usize) -> Cell {
        Cell::Int(v as i64)
    }
}
impl From<f64> for Cell {
    fn from(v: f64) -> Cell {
        Cell::Float(v)
    }
}

impl From<crate::metrics::MetricValue> for Cell {
    fn from(v: crate::metrics::MetricValue) -> Cell {
        match v {
            crate::metrics::MetricValue::Int(i) => Cell::Int(i),
            crate::metrics::MetricValue::Float(f) => Cell::Float(f),
            crate::metrics::MetricValue::Missing => Cell::Empty,
        }
    }
}

/// How floats are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatStyle {
    /// A fixed number of decimals (text for people).
    Fixed(usize),
    /// Up to 10 decimals, trailing zeros trimmed (CSV).
    Machine,
    /// As its JSON number (XML attributes of the exports).
    Json,
}

/// How a cell becomes text: the one formatter behind every text, CSV,
/// Markdown, HTML and XML writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    /// Floats.
    pub float: FloatStyle,
    /// Between list items.
    pub list_separator: &'static str,
    /// An empty cell.
    pub empty: &'static str,
    /// Booleans as yes/no instead of true/false.
    pub yes_no: bool,
    /// For people in this language: integers with its thousands separator,
    /// other numbers to 3 significant digits with its decimal mark
    /// (overrides `float`).
    pub lang: Option<crate::lang::Lang>,
}

impl TextStyle {
    /// Aligned text tables.
    pub const TABLE: TextStyle = TextStyle {
        float: FloatStyle::Fixed(TEXT_DECIMALS),
        list_separator: "; ",
        empty: "",
        yes_no: false,
        lang: None,
    };
    /// CSV cells (before formula neutralising).
    pub const CSV: TextStyle = TextStyle {
        float: FloatStyle::Machine,
        list_separator: ";",
        empty: "",
        yes_no: false,
        lang: None,
    };
    /// The summary's text table.
    pub const SUMMARY: TextStyle = TextStyle {
        float: FloatStyle::Fixed(TEXT_DECIMALS),
        list_separator: "; ",
        empty: "–",
        yes_no: false,
        lang: None,
    };
    /// Report tables (HTML and Markdown, before escaping).
    pub const REPORT: TextStyle = TextStyle {
        float: FloatStyle::Fixed(TEXT_DECIMALS),
        list_separator: ", ",
        empty: "–",
        yes_no: true,
        lang: None,
    };
    /// XML attribute values of the exports.
    pub const XML: TextStyle = TextStyle {
        float: FloatStyle::Json,
        list_separator: ";",
        empty: "",
        yes_no: false,
        lang: None,
    };
}

impl TextStyle {
    /// Report tables for people reading `lang`.
    pub fn people(lang: crate::lang::Lang) -> TextStyle {
        TextStyle {
            lang: Some(lang),
            ..TextStyle::REPORT
        }
    }
}

impl Cell {
    /// A list cell of `items` (texts of up to 24 bytes are held inline).
    ///
    /// ```
    /// use verkosto::render::{Cell, TextStyle};
    /// let cell = Cell::list(vec!["a".to_string(), "b".to_string()]);
    /// assert_eq!(cell.text(&TextStyle::CSV), "a;b");
    /// ```
    pub fn list<S: Into<CompactString>>(items: impl IntoIterator<Item = S>) -> Cell {
        Cell::List(items.into_iter().map(Into::into).collect())
    }

    /// The cell as text in `style`.
    pub fn text(&self, style: &TextStyle) -> String {
        match (self, style.lang) {
            (Cell::Int(v), Some(lang)) => return lang.integer(*v),
            (Cell::Float(v), Some(lang)) => return lang.value(*v),
            _ => {}
        }
        match self {
            Cell::Text(s) => s.to_string(),
            Cell::Int(v) => v.to_string(),
            Cell::Float(v) => match style.float {
                FloatStyle::Fixed(decimals) => format_float(*v, decimals),
                FloatStyle::Machine => machine_float(*v),
                FloatStyle::Json => float_json(*v).to_string(),
            },
            Cell::Probability(v) => probability_text(*v, style.float),
            Cell::List(items) => items.join(style.list_separator),
            Cell::Bool(b) => match (style.yes_no, b) {
                (true, true) => "yes".into(),
                (true, false) => "no".into(),
                (false, b) => b.to_string(),
            },
            Cell::Empty => style.empty.into(),
        }
    }

    /// The cell as a JSON value (floats at fixed precision, `null` when
    /// empty).
    pub fn to_json(&self) -> Value {
        match self {
            Cell::Text(s) => Value::String(s.to_string()),
            Cell::Int(v) => Value::from(*v),
            Cell::Float(v) => float_json(*v),
            Cell::Probability(v) => Number::from_f64(*v).map_or(Value::Null, Value::Number),
            Cell::List(items) => {
                Value::Array(items.iter().map(|i| Value::String(i.to_string())).collect())
            }
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Empty => Value::Null,
        }
    }
}

/// Formats `x` with `decimals` digits, never as `-0`.
///
/// ```
/// assert_eq!(verkosto::render::format_float(-0.00001, 4), "0.0000");
/// assert_eq!(verkosto::render::format_float(2.0 / 3.0, 4), "0.6667");
/// ```
pub fn format_float(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return String::new();
    }
    if x.abs() >= 1e300 {
        // A sum that overflowed: never `inf` or 301 digits.
        return if x > 0.0 {
            "over 10^300"
        } else {
            "under -10^300"
        }
        .into();
    }
    let text = format!("{x:.decimals$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_string()
    } else {
        text
    }
}

fn machine_float(x: f64) -> String {
    // A whole number (a count weight) is its integer: the same text as the
    // trimmed decimals, without formatting every decimal.
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return (x as i64).to_string();
    }
    let text = format_float(x, MACHINE_DECIMALS);
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.');
        if trimmed.is_empty() || trimmed == "-" {
            "0".into()
        } else {
            trimmed.to_string()
        }
    } else {
        text
    }
}

/// A probability: as a real number from 0.0001 up (and 0), else in
/// scientific notation — two significant digits for people, every digit
/// for machines.
fn probability_text(v: f64, style: FloatStyle) -> String {
    if v == 0.0 || v.abs() >= 1e-4 || v.is_nan() {
        return match style {
            FloatStyle::Fixed(decimals) => format_float(v, decimals),
            _ => machine_float(v),
        };
    }
    match style {
        FloatStyle::Fixed(_) => format!("{v:.1e}"),
        _ => format!("{v:e}"),
    }
}

/// `text` as it is when it fits `width` characters, else shortened.
fn fit_text(text: String, width: usize) -> String {
    if chars(&text) <= width {
        text
    } else {
        crate::text::shorten(&text, width)
    }
}

/// A table: named columns and rows of cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Column names (snake_case; JSON keys).
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with these columns and no rows.
    pub fn new(columns: &[&str]) -> Table {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// Writes the table in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Table => self.to_text(),
            Format::Csv => self.to_csv(),
            Format::Json => self.to_json(),
        }
    }

    /// Aligned text: text left-aligned, numbers right-aligned, no line
    /// wider than the [text width](super::text_width): long texts are
    /// shortened with `…`, long lists to the items that fit and `… N
    /// more`, and columns that do not fit at all are left out with a note
    /// under the table.
    pub fn to_text(&self) -> String {
        let width = super::text_width();
        let plain = |c: &Cell| match c {
            Cell::Text(s) => terminal_safe(&s.replace(['\n', '\r', '\t'], " ")),
            other => terminal_safe(&other.text(&TextStyle::TABLE)),
        };
        let numeric: Vec<bool> = (0..self.columns.len())
            .map(|c| {
                self.rows
                    .iter()
                    .all(|r| matches!(r[c], Cell::Int(_) | Cell::Float(_) | Cell::Empty))
                    && !self.rows.is_empty()
            })
            .collect();
        let header: Vec<String> = self.columns.iter().map(|c| terminal_safe(c)).collect();
        let natural: Vec<usize> = (0..self.columns.len())
            .map(|c| {
                self.rows
                    .iter()
                    .map(|r| chars(&plain(&r[c])))
                    .chain([chars(&header[c])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let (widths, shown) = column_widths(&natural, &numeric, width);
        let fitted = |c: usize, cell: &Cell| -> String {
            match cell {
                Cell::List(items) if natural[c] > widths[c] => {
                    let items: Vec<String> = items
                        .iter()
                        .map(|i| terminal_safe(&i.replace(['\n', '\r', '\t'], " ")))
                        .collect();
                    shorten_list(&items, TextStyle::TABLE.list_separator, widths[c])
                }
                other => fit_text(plain(other), widths[c]),
            }
        };
        let mut out = String::new();
        let line = |out: &mut String, cells: &[String]| {
            let mut parts = Vec::new();
            for (c, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[c].saturating_sub(chars(cell)));
                let last = c + 1 == cells.len();
                parts.push(if numeric[c] {
                    format!("{pad}{cell}")
                } else if last {
                    cell.clone()
                } else {
                    format!("{cell}{pad}")
                });
            }
            out.push_str(parts.join("  ").trim_end());
            out.push('\n');
        };
        let header: Vec<String> = (0..shown)
            .map(|c| fit_text(header[c].clone(), widths[c]))
            .collect();
        line(&mut out, &header);
        line(
            &mut out,
            &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
        );
        for row in &self.rows {
            let cells: Vec<String> = (0..shown).map(|c| fitted(c, &row[c])).collect();
            line(&mut out, &cells);
        }
        let cut = widths.iter().zip(&natural).any(|(w, n)| w < n);
        if shown < self.columns.len() || cut {
            let mut note = String::from("(");
            if shown < self.columns.len() {
                note.push_str(&format!(
                    "{} more columns not shown: {}; ",
                    self.columns.len() - shown,
                    self.columns[shown..].join(", ")
                ));
            } else {
                note.push_str("long values shortened; ");
            }
            note.push_str(super::fit::full_table_hint());
            note.push(')');
            out.push_str(&super::fit::wrap(&terminal_safe(&note), "", 1));
            out.push('\n');
        }
        out
    }

    /// CSV with a header row. Text cells that a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return)
    /// are prefixed with `'`.
    pub fn to_csv(&self) -> String {
        self.csv_with(csv::WriterBuilder::new(), false)
    }

    /// CSV for Excel with Finnish (or other European) settings: a UTF-8
    /// byte-order mark, `;` between fields, CRLF line ends and decimal
    /// commas in numbers, formulas neutralised as in [`Table::to_csv`].
    pub fn to_csv_excel(&self) -> String {
        let mut builder = csv::WriterBuilder::new();
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
        format!("\u{feff}{}", self.csv_with(builder, true))
    }

    /// The rows through `builder`'s writer; text cells neutralised, real
    /// numbers with a decimal comma when `decimal_comma`.
    fn csv_with(&self, builder: csv::WriterBuilder, decimal_comma: bool) -> String {
        let mut writer = builder.from_writer(Vec::new());
        writer
            .write_record(self.columns.iter().map(|c| neutralise(c)))
            .expect("writing to memory");
        for row in &self.rows {
            writer
                .write_record(row.iter().map(|c| csv_cell(c, decimal_comma)))
                .expect("writing to memory");
        }
        String::from_utf8(writer.into_inner().expect("flushing to memory"))
            .expect("UTF-8 in, UTF-8 out")
    }

    /// A JSON array with one object per row, keys in column order.
    pub fn to_json(&self) -> String {
        let mut text =
            serde_json::to_string_pretty(&self.to_json_value()).expect("JSON values serialise");
        text.push('\n');
        text
    }

    /// The rows as a JSON array of objects.
    pub fn to_json_value(&self) -> Value {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                let mut object = Map::new();
                for (name, cell) in self.columns.iter().zip(row) {
                    object.insert(name.clone(), cell.to_json());
                }
                Value::Object(object)
            })
            .collect();
        Value::Array(rows)
    }
}

/// A float as a JSON number at fixed precision (`null` if not finite).
pub fn float_json(v: f64) -> Value {
    machine_float(v)
        .parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// Text safe for a terminal: control characters (ESC, BEL, NUL, carriage
/// return…) and the bidirectional overrides shown as `\u{1b}` escapes, so
/// that no name can retitle or clear the screen or reorder a line; line
/// breaks are kept. Every writer of text to a terminal (tables, warnings,
/// notes, errors) goes through it.
///
/// ```
/// use verkosto::render::terminal_safe;
/// assert_eq!(terminal_safe("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
/// assert_eq!(terminal_safe("two\nlines"), "two\nlines");
/// assert_eq!(terminal_safe("\u{202e}abc"), "\\u{202e}abc");
/// ```
pub fn terminal_safe(s: &str) -> String {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if unsafe_char(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// First characters a spreadsheet reads as the start of a formula (also
/// their full-width forms), and the apostrophe that escapes them.
const FORMULA_STARTS: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\'',
];

/// A CSV text cell a spreadsheet will not run: an apostrophe before a
/// formula sign (and before an apostrophe, so that [`restore_text`] undoes
/// it exactly).
fn neutralise(s: &str) -> String {
    if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The text a CSV cell written by [`Table::to_csv`] held: the apostrophe
/// put before a formula sign removed.
///
/// ```
/// use verkosto::render::{restore_text, Cell, Table};
/// let mut t = Table::new(&["name"]);
/// for name in ["=1+1", "'quoted", "plain"] {
///     t.push(vec![Cell::Text(name.into())]);
/// }
/// let csv = t.to_csv();
/// let cells: Vec<String> = csv.lines().skip(1).map(restore_text).collect();
/// assert_eq!(cells, ["=1+1", "'quoted", "plain"]);
/// ```
pub fn restore_text(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => s.to_string(),
    }
}

/// A cell as CSV writes it: text neutralised against formulas, a real
/// number with a decimal comma when `decimal_comma`.
fn csv_cell(cell: &Cell, decimal_comma: bool) -> String {
    match cell {
        Cell::Text(_) | Cell::List(_) => neutralise(&cell.text(&TextStyle::CSV)),
        Cell::Float(_) if decimal_comma => cell.text(&TextStyle::CSV).replace('.', ","),
        other => other.text(&TextStyle::CSV),
    }
}

/// The CSV text of `count` rows under `columns`, row `k` being `row(k)`:
/// the bytes of [`Table::to_csv`] of the same rows, made a block of rows
/// at a time, so that the cells of a large table are never all held.
///
/// Complexity: O(size of the text), rows formatted on every thread.
///
/// ```
/// use verkosto::render::{csv_rows, Cell, Table};
/// let row = |k: usize| vec![Cell::from(k), Cell::from("=x")];
/// let mut table = Table::new(&["k", "v"]);
/// (0..3).for_each(|k| table.push(row(k)));
/// assert_eq!(csv_rows(&["k", "v"], 3, row), table.to_csv());
/// ```
pub fn csv_rows(columns: &[&str], count: usize, row: impl Fn(usize) -> Vec<Cell> + Sync) -> String {
    let mut out = Vec::new();
    let written = CsvStream::new(&mut out, columns, false).and_then(|mut csv| {
        csv.rows(count, row)?;
        csv.finish()
    });
    written.expect("writing to memory cannot fail");
    String::from_utf8(out).expect("CSV of text cells is UTF-8")
}

/// A table written row by row as CSV, byte for byte as
/// [`Table::to_csv`] (or, for Excel, [`Table::to_csv_excel`]) writes the
/// same rows, without holding the rows: for tables of millions of rows.
pub struct CsvStream<'w> {
    writer: csv::Writer<&'w mut dyn std::io::Write>,
    decimal_comma: bool,
    /// A cell's text, reused from cell to cell.
    scratch: String,
}

impl<'w> CsvStream<'w> {
    /// Starts the table on `out` with its header row.
    ///
    /// # Errors
    ///
    /// What writing to `out` returns.
    pub fn new(
        out: &'w mut dyn std::io::Write,
        columns: &[&str],
        excel: bool,
    ) -> std::io::Result<CsvStream<'w>> {
        if excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv_builder(excel).from_writer(out);
        writer.write_record(columns.iter().map(|c| neutralise(c)))?;
        Ok(CsvStream {
            writer,
            decimal_comma: excel,
            scratch: String::new(),
        })
    }

    /// Writes one row.
    ///
    /// # Errors
    ///
    /// What writing returns.
    pub fn row(&mut self, row: &[Cell]) -> std::io::Result<()> {
        write_csv_row(&mut self.writer, &mut self.scratch, self.decimal_comma, row)
    }

    /// Writes rows `0..count`, row `k` being `row(k)`: blocks of rows are
    /// put into words and formatted on every thread, and written in order,
    /// so the bytes are those of `count` calls of [`CsvStream::row`].
    ///
    /// # Errors
    ///
    /// What writing returns.
    pub fn rows(
        &mut self,
        count: usize,
        row: impl Fn(usize) -> Vec<Cell> + Sync,
    ) -> std::io::Result<()> {
        let format = |rows: std::ops::Range<usize>| -> std::io::Result<Vec<u8>> {
            let mut writer = csv_builder(self.decimal_comma).from_writer(Vec::new());
            let mut scratch = String::new();
            for k in rows {
                write_csv_row(&mut writer, &mut scratch, self.decimal_comma, &row(k))?;
            }
            writer.into_inner().map_err(|e| e.into_error())
        };
        // Written past the CSV writer, which is made again afterwards; it
        // holds a sink meanwhile (a zero-sized value: leaking it frees
        // nothing).
        let sink: &'w mut dyn std::io::Write = Box::leak(Box::new(std::io::sink()));
        let empty = csv_builder(self.decimal_comma).from_writer(sink);
        let writer = std::mem::replace(&mut self.writer, empty);
        let out = writer.into_inner().map_err(|e| e.into_error())?;
        write_in_blocks(&mut *out, count, format)?;
        self.writer = csv_builder(self.decimal_comma).from_writer(out);
        Ok(())
    }

    /// Flushes what is buffered.
    ///
    /// # Errors
    ///
    /// What flushing returns.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

/// Writes the bytes of items `0..count` to `out` in order, `format(range)`
/// giving those of a range: blocks of ranges are formatted on every thread,
/// a few blocks per thread at a time, so memory stays a few megabytes.
fn write_in_blocks(
    out: &mut dyn std::io::Write,
    count: usize,
    format: impl Fn(std::ops::Range<usize>) -> std::io::Result<Vec<u8>> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    const BLOCK: usize = 4096;
    let threads = rayon::current_num_threads().max(1);
    let blocks = count.div_ceil(BLOCK);
    let mut first = 0;
    while first < blocks {
        let last = (first + 2 * threads).min(blocks);
        let formatted: Vec<std::io::Result<Vec<u8>>> = (first..last)
            .into_par_iter()
            .map(|b| format(b * BLOCK..((b + 1) * BLOCK).min(count)))
            .collect();
        for bytes in formatted {
            out.write_all(&bytes?)?;
        }
        first = last;
    }
    Ok(())
}

/// A table written row by row as JSON, byte for byte as
/// [`Table::to_json`] writes the same rows, without holding the rows.
pub struct JsonStream<'w> {
    out: &'w mut dyn std::io::Write,
    columns: Vec<String>,
    written: usize,
}

impl<'w> JsonStream<'w> {
    /// Starts the array of rows on `out`, each an object keyed by
    /// `columns`.
    pub fn new(out: &'w mut dyn std::io::Write, columns: &[&str]) -> JsonStream<'w> {
        JsonStream {
            out,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            written: 0,
        }
    }

    /// Row `row` as the array's next item: after a comma unless `first`,
    /// an object indented one level, as `serde_json`'s pretty printer
    /// writes it inside the array.
    fn item(columns: &[String], row: &[Cell], first: bool, out: &mut Vec<u8>) {
        let mut object = Map::new();
        for (name, cell) in columns.iter().zip(row) {
            object.insert(name.clone(), cell.to_json());
        }
        let text =
            serde_json::to_string_pretty(&Value::Object(object)).expect("JSON values serialise");
        out.extend_from_slice(if first { b"[\n" } else { b",\n" });
        // Strings are escaped, so every line break is the printer's.
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                out.push(b'\n');
            }
            out.extend_from_slice(b"  ");
            out.extend_from_slice(line.as_bytes());
        }
    }

    /// Writes one row.
    ///
    /// # Errors
    ///
    /// What writing returns.
    pub fn row(&mut self, row: &[Cell]) -> std::io::Result<()> {
        let mut bytes = Vec::new();
        JsonStream::item(&self.columns, row, self.written == 0, &mut bytes);
        self.written += 1;
        self.out.write_all(&bytes)
    }

    /// Writes rows `0..count`, row `k` being `row(k)`, formatted in blocks
    /// on every thread and written in order ([`CsvStream::rows`]).
    ///
    /// # Errors
    ///
    /// What writing returns.
    pub fn rows(
        &mut self,
        count: usize,
        row: impl Fn(usize) -> Vec<Cell> + Sync,
    ) -> std::io::Result<()> {
        let (columns, before) = (&self.columns, self.written);
        write_in_blocks(&mut *self.out, count, |rows| {
            let mut bytes = Vec::new();
            for k in rows {
                JsonStream::item(columns, &row(k), before + k == 0, &mut bytes);
            }
            Ok(bytes)
        })?;
        self.written += count;
        Ok(())
    }

    /// Ends the array.
    ///
    /// # Errors
    ///
    /// What writing returns.
    pub fn finish(self) -> std::io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// The CSV dialect: commas and `\n`, or for Excel semicolons and CRLF.
fn csv_builder(excel: bool) -> csv::WriterBuilder {
    let mut builder = csv::WriterBuilder::new();
    if excel {
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
    }
    builder
}

/// Writes one CSV row to `writer`: [`CsvStream::row`], on any writer.
fn write_csv_row<W: std::io::Write>(
    writer: &mut csv::Writer<W>,
    scratch: &mut String,
    decimal_comma: bool,
    row: &[Cell],
) -> std::io::Result<()> {
    for cell in row {
        match cell {
            // Plain text as it is, without a copy.
            Cell::Text(s) if !s.starts_with(FORMULA_STARTS) => writer.write_field(s.as_bytes())?,
            Cell::Empty => writer.write_field(b"")?,
            Cell::List(items) => {
                // Joined in the reused buffer, neutralised as a whole.
                scratch.clear();
                if items.first().is_some_and(|i| i.starts_with(FORMULA_STARTS)) {
                    scratch.push('\'');
                }
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        scratch.push_str(TextStyle::CSV.list_separator);
                    }
                    scratch.push_str(item);
                }
                writer.write_field(scratch.as_bytes())?
            }
            Cell::Float(x) if !decimal_comma && x.fract() == 0.0 && x.abs() < 1e15 => {
                // A whole number (a count weight) as its integer, as
                // `machine_float` writes it.
                writer.write_field(itoa::Buffer::new().format(*x as i64).as_bytes())?
            }
            Cell::Int(v) => writer.write_field(itoa::Buffer::new().format(*v).as_bytes())?,
            other => writer.write_field(csv_cell(other, decimal_comma).as_bytes())?,
        }
    }
    writer.write_record(None::<&[u8]>)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streamed_table_is_the_table_written_whole() {
        let mut table = Table::new(&["id", "=name", "weight", "list"]);
        table.push(vec![
            Cell::from("a"),
            Cell::from("=SUM(A1)"),
            Cell::Float(1.5),
            Cell::List(vec!["x".into(), "y, z".into()]),
        ]);
        table.push(vec![
            Cell::from("b"),
            Cell::Empty,
            Cell::Int(3),
            Cell::Bool(true),
        ]);
        for excel in [false, true] {
            let mut out = Vec::new();
            let mut stream = CsvStream::new(&mut out, &["id", "=name", "weight", "list"], excel)
                .expect("writing to memory");
            for row in &table.rows {
                stream.row(row).expect("writing to memory");
            }
            stream.finish().expect("writing to memory");
            let whole = if excel {
                table.to_csv_excel()
            } else {
                table.to_csv()
            };
            assert_eq!(String::from_utf8(out).unwrap(), whole, "excel {excel}");
        }
    }

    /// The columns of [`stream_row`].
    const STREAM_COLUMNS: [&str; 6] = ["id", "text", "weight", "list", "count", "none"];

    /// Row `k` of the streaming tests: text that needs quoting (a
    /// formula, a line break, quotes), text beyond ASCII, whole and
    /// fractional numbers, a list and an empty cell.
    fn stream_row(k: usize) -> Vec<Cell> {
        let text = match k % 3 {
            0 => "=x, \"y\"",
            1 => "two\nlines \"q\"",
            _ => "Ä",
        };
        vec![
            Cell::Text(format!("a{k}").into()),
            Cell::from(text),
            Cell::Float(k as f64 / 3.0),
            Cell::list([format!("e{k}"), "-1".to_string()]),
            Cell::Int(k as i64 - 10),
            Cell::Empty,
        ]
    }

    #[test]
    fn rows_formatted_in_blocks_are_the_rows_written_one_by_one() {
        // More rows than a block holds, so that blocks meet; text that
        // needs quoting, formulas, lists, whole and fractional numbers.
        let (columns, row) = (STREAM_COLUMNS, stream_row);
        for excel in [false, true] {
            let mut one_by_one = Vec::new();
            let mut stream = CsvStream::new(&mut one_by_one, &columns, excel).unwrap();
            for k in 0..20_000 {
                stream.row(&row(k)).unwrap();
            }
            stream.row(&row(0)).unwrap();
            stream.finish().unwrap();
            let mut blocks = Vec::new();
            let mut stream = CsvStream::new(&mut blocks, &columns, excel).unwrap();
            stream.rows(20_000, row).unwrap();
            // The stream goes on after the blocks.
            stream.row(&row(0)).unwrap();
            stream.finish().unwrap();
            assert_eq!(one_by_one.len(), blocks.len(), "excel {excel}");
            assert!(one_by_one == blocks, "excel {excel}");
        }
    }

    #[test]
    fn a_streamed_json_table_is_the_table_written_whole() {
        let (columns, row) = (STREAM_COLUMNS, stream_row);
        for count in [0, 1, 2, 20_000] {
            let mut table = Table::new(&columns);
            for k in 0..count {
                table.push(row(k));
            }
            let mut blocks = Vec::new();
            let mut stream = JsonStream::new(&mut blocks, &columns);
            stream.rows(count, row).unwrap();
            stream.finish().unwrap();
            assert!(blocks == table.to_json().into_bytes(), "{count} rows");
            let mut one_by_one = Vec::new();
            let mut stream = JsonStream::new(&mut one_by_one, &columns);
            for r in &table.rows {
                stream.row(r).unwrap();
            }
            stream.finish().unwrap();
            assert!(one_by_one == table.to_json().into_bytes(), "{count} rows");
        }
    }

    fn sample() -> Table {
        let mut t = Table::new(&["id", "name", "weight"]);
        t.push(vec![
            "a".into(),
            "Hämeen ELY-keskus".into(),
            Cell::Float(1.0 / 3.0),
        ]);
        t.push(vec![
            "bb".into(),
            "=HYPERLINK(\"x\")".into(),
            Cell::Float(-0.0),
        ]);
        t
    }

    #[test]
    fn text_is_aligned_by_characters() {
        let text = sample().to_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "id  name               weight");
        assert_eq!(lines[2], "a   Hämeen ELY-keskus  0.3333");
        assert_eq!(lines[3], "bb  =HYPERLINK(\"x\")    0.0000");
    }

    #[test]
    fn csv_neutralises_formulas_and_trims_floats() {
        let csv = sample().to_csv();
        assert_eq!(
            csv,
            "id,name,weight\na,Hämeen ELY-keskus,0.3333333333\nbb,\"'=HYPERLINK(\"\"x\"\")\",0\n"
        );
    }

    #[test]
    fn json_keeps_column_order_and_types() {
        let json: Value = serde_json::from_str(&sample().to_json()).unwrap();
        assert_eq!(json[0]["weight"], 0.3333333333);
        assert_eq!(json[1]["weight"], 0.0);
        let keys: Vec<&String> = json[0].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "name", "weight"]);
    }
}
