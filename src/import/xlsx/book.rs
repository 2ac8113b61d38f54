//! A bounded reader of Excel workbooks (`.xlsx`: a zip of XML parts).
//!
//! Everything a workbook declares is checked against [`Limits`] before
//! it is kept: the size of each part as it is decompressed (a zip bomb
//! stops at the limit), every single text (a run of characters without
//! markup), the number of shared strings and of cells. Nothing is
//! allocated from a declared size: a sheet whose cells are A1 and
//! XFD1048576 costs two cells. Shared-string indices past the table, cell
//! references outside Excel's grid and broken XML are errors, never
//! panics.
//!
//! Texts are unescaped as the Office Open XML format asks
//! (`_xHHHH_` is the character U+HHHH, `_x005F_` an underscore), so a
//! carriage return or a control character written by any Excel writer
//! comes back as itself.

use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};
use zip::ZipArchive;

/// Excel's grid: rows and columns.
pub(crate) const MAX_ROWS: u32 = 1_048_576;
/// See [`MAX_ROWS`].
pub(crate) const MAX_COLUMNS: u32 = 16_384;

/// What a workbook may hold before it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of XML read from all parts together, decompressed.
    pub decompressed: u64,
    /// Bytes of one text (a cell, a shared string).
    pub text: u64,
    /// Shared strings.
    pub strings: u64,
    /// Bytes of all shared strings and cell texts kept.
    pub kept: u64,
    /// Cells with a value.
    pub cells: u64,
}

impl Limits {
    /// Limits for a workbook of `file_len` bytes under `budget`: the kept
    /// texts within half the budget, about 64 bytes a cell and 32 a
    /// shared string within the rest, and at most 2,000 times the file's
    /// size decompressed (real workbooks compress 5–20 times).
    ///
    /// ```
    /// use verkosto::import::xlsx::XlsxLimits;
    /// use verkosto::memory::Budget;
    /// let limits = XlsxLimits::new(10_000, &Budget { bytes: 3 << 30, source: "RLIMIT_AS" });
    /// assert_eq!(limits.decompressed, 20_000_000);
    /// assert!(limits.cells > 10_000_000);
    /// ```
    pub fn new(file_len: u64, budget: &crate::memory::Budget) -> Limits {
        Limits {
            decompressed: file_len.saturating_mul(2_000).max(1 << 20),
            text: budget.max_text(),
            strings: budget.bytes / 4 / 32,
            kept: budget.bytes / 2,
            cells: budget.bytes / 4 / 64,
        }
    }
}

/// A problem in a workbook: where (a part, a sheet, a cell) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BookError {
    /// The sheet or part, and the cell when known.
    pub place: String,
    /// What is wrong; with `over`, what went over the limit.
    pub message: String,
    /// The limit that was reached, when the workbook is over one of
    /// [`Limits`].
    pub over: Option<u64>,
}

type BookResult<T> = Result<T, BookError>;

fn error(place: impl Into<String>, message: impl Into<String>) -> BookError {
    BookError {
        place: place.into(),
        message: message.into(),
        over: None,
    }
}

/// `what` went over `limit`, one of [`Limits`].
fn over(place: impl Into<String>, what: &str, limit: u64) -> BookError {
    BookError {
        place: place.into(),
        message: what.to_string(),
        over: Some(limit),
    }
}

/// A cell's value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Text (shared, inline or a formula's result).
    Text(String),
    /// A number that is not a date.
    Number(f64),
    /// A day, `YYYY-MM-DD`.
    Day(String),
    /// A yes/no value.
    Bool(bool),
    /// An error value such as `#N/A`.
    Error(String),
}

/// One cell with a value: zero-based row and column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellValue {
    pub row: u32,
    pub column: u32,
    pub value: Value,
}

/// A workbook opened for reading: its sheets' names, shared strings and
/// date styles.
pub(crate) struct Book {
    archive: ZipArchive<Cursor<Vec<u8>>>,
    limits: Limits,
    /// Sheet names and the path of their part, in workbook order.
    pub sheets: Vec<(String, String)>,
    strings: SharedStrings,
    date_styles: Vec<bool>,
    date1904: bool,
    /// Custom document properties (name, text value).
    pub properties: Vec<(String, String)>,
    /// Decompressed bytes all parts together may still take.
    left: std::cell::Cell<u64>,
    kept: u64,
    cells: u64,
}

type Archive = ZipArchive<Cursor<Vec<u8>>>;

/// Shared strings in one buffer.
#[derive(Default)]
struct SharedStrings {
    text: String,
    ends: Vec<usize>,
}

impl SharedStrings {
    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.text[start..end])
    }
}

/// A reader that stops at a number of bytes and at a run of characters
/// between markup (`<` or `>`) longer than a text may be, so that neither
/// a zip bomb nor one huge cell is ever held.
struct Bounded<'a, R> {
    inner: R,
    /// The decompressed bytes the workbook may still take (all parts).
    left: &'a std::cell::Cell<u64>,
    run: u64,
    max_run: u64,
}

impl<R: Read> Read for Bounded<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.left.get();
        if left == 0 {
            // One byte more tells a part that ends here from a longer one.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(LimitHit::Decompressed)),
            };
        }
        let want = buf.len().min(left.min(1 << 20) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        for &b in &buf[..n] {
            if b == b'<' || b == b'>' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > self.max_run {
                    return Err(std::io::Error::other(LimitHit::Text));
                }
            }
        }
        self.left.set(left - n as u64);
        Ok(n)
    }
}

#[derive(Debug)]
enum LimitHit {
    Decompressed,
    Text,
}

impl std::fmt::Display for LimitHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LimitHit::Decompressed => "decompressed size",
            LimitHit::Text => "text size",
        })
    }
}

impl std::error::Error for LimitHit {}

/// What [`Limits::text`] limits, in messages.
const TEXT: &str = "a text is longer than allowed (in bytes)";

/// Reads an XML part event by event through a [`Bounded`] reader.
/// A part's bytes as they are decompressed, within the limits.
type PartBytes<'a> = BufReader<Bounded<'a, zip::read::ZipFile<'a, Cursor<Vec<u8>>>>>;

struct Part<'a> {
    xml: quick_xml::Reader<PartBytes<'a>>,
    buf: Vec<u8>,
    name: String,
    limits: Limits,
}

impl Part<'_> {
    fn next(&mut self) -> BookResult<Event<'static>> {
        self.buf.clear();
        match self.xml.read_event_into(&mut self.buf) {
            Ok(e) => Ok(e.into_owned()),
            Err(e) => Err(self.explain(e)),
        }
    }

    fn explain(&self, e: quick_xml::Error) -> BookError {
        let hit = match &e {
            quick_xml::Error::Io(io) => io
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<LimitHit>())
                .map(|h| matches!(h, LimitHit::Text)),
            _ => None,
        };
        match hit {
            Some(true) => over(&self.name, TEXT, self.limits.text),
            Some(false) => error(
                &self.name,
                format!(
                    "decompresses to more than {} bytes, the limit for a workbook of this size (2,000 times the file); is it a zip bomb?",
                    self.limits.decompressed
                ),
            ),
            None => error(
                &self.name,
                format!("broken XML at byte {}: {e}", self.xml.buffer_position()),
            ),
        }
    }

    /// The decoded text of the element just opened, up to its end tag
    /// (nested elements' text included).
    fn text_until_end(&mut self, local: &[u8]) -> BookResult<String> {
        let mut text = String::new();
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Event::Start(e) if e.local_name().as_ref() == local => depth += 1,
                Event::End(e) if e.local_name().as_ref() == local => {
                    if depth == 0 {
                        return Ok(text);
                    }
                    depth -= 1;
                }
                Event::Text(t) => text.push_str(&t.decode().map_err(|e| self.bad(e))?),
                Event::CData(t) => text.push_str(&t.decode().map_err(|e| self.bad(e))?),
                Event::GeneralRef(r) => text.push(self.reference(&r)?),
                Event::Eof => {
                    return Err(error(&self.name, "the XML ends inside an element"));
                }
                _ => {}
            }
            if text.len() as u64 > self.limits.text {
                return Err(over(&self.name, TEXT, self.limits.text));
            }
        }
    }

    fn bad(&self, e: impl std::fmt::Display) -> BookError {
        error(&self.name, format!("text that is not UTF-8: {e}"))
    }

    fn reference(&self, r: &quick_xml::events::BytesRef<'_>) -> BookResult<char> {
        if let Ok(Some(c)) = r.resolve_char_ref() {
            return Ok(c);
        }
        let name: &[u8] = r;
        match name {
            b"amp" => Ok('&'),
            b"lt" => Ok('<'),
            b"gt" => Ok('>'),
            b"quot" => Ok('"'),
            b"apos" => Ok('\''),
            other => Err(error(
                &self.name,
                format!(
                    "unknown entity &{};",
                    String::from_utf8_lossy(&other[..other.len().min(40)])
                ),
            )),
        }
    }
}

/// The value of attribute `name` (by local name), unescaped.
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
    })
}

/// Undoes Office Open XML's escaping of characters XML cannot hold:
/// `_xHHHH_` is U+HHHH (`_x005F_` an underscore, so `_x005F_x0041_` is
/// the literal text `_x0041_`).
///
/// ```
/// use verkosto::import::xlsx::unescape_ooxml;
/// assert_eq!(unescape_ooxml("a_x000D_b"), "a\rb");
/// assert_eq!(unescape_ooxml("_x005F_x0041_"), "_x0041_");
/// assert_eq!(unescape_ooxml("_x00zz_"), "_x00zz_");
/// ```
pub fn unescape_ooxml(text: &str) -> String {
    if !text.contains("_x") {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if bytes[i] == b'_'
            && i + 7 <= text.len()
            && bytes[i + 1] == b'x'
            && bytes[i + 6] == b'_'
            && bytes[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
        {
            let code = u32::from_str_radix(&text[i + 2..i + 6], 16).unwrap_or(0xFFFD);
            if let Some(c) = char::from_u32(code) {
                out.push(c);
                i += 7;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// `A1` → (row 0, column 0); `None` outside Excel's grid.
pub(crate) fn cell_reference(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut column: u32 = 0;
    for b in r[..letters].bytes() {
        column = column * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u32 = r[letters..].parse().ok()?;
    ((1..=MAX_ROWS).contains(&row) && (1..=MAX_COLUMNS).contains(&column))
        .then(|| (row - 1, column - 1))
}

/// Column letters of a zero-based column: 0 → `A`.
pub(crate) fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    column += 1;
    while column > 0 {
        let rem = (column - 1) % 26;
        letters.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Whether a number format shows a date: Excel's built-in date formats,
/// or a custom code with a day or year part outside quotes and brackets.
fn is_date_format(id: u32, custom: Option<&str>) -> bool {
    if let Some(code) = custom {
        let mut plain = String::new();
        let mut quoted = false;
        let mut bracket = false;
        let mut escaped = false;
        for c in code.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => quoted = !quoted,
                '[' if !quoted => bracket = true,
                ']' if !quoted => bracket = false,
                _ if !quoted && !bracket => plain.push(c.to_ascii_lowercase()),
                _ => {}
            }
        }
        return plain.contains('d') || plain.contains('y');
    }
    matches!(id, 14..=17 | 22 | 27..=36 | 50..=58)
}

/// The day of an Excel date serial, as `YYYY-MM-DD`; the time of day is
/// dropped. `None` outside the years 1900–9999.
pub(crate) fn serial_day(serial: f64, date1904: bool) -> Option<String> {
    if !serial.is_finite() || !(0.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    // Days from 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let offset = if date1904 { 24_107 } else { 25_569 };
    let z = serial.floor() as i64 - offset + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

impl Book {
    /// Opens the workbook in `bytes`: reads its sheet list, shared strings,
    /// styles and custom properties within `limits`.
    pub fn open(bytes: Vec<u8>, limits: Limits) -> BookResult<Book> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| error("", format!("not an Excel workbook (.xlsx): {e}")))?;
        let mut book = Book {
            archive,
            limits,
            sheets: Vec::new(),
            strings: SharedStrings::default(),
            date_styles: Vec::new(),
            date1904: false,
            properties: Vec::new(),
            left: std::cell::Cell::new(limits.decompressed),
            kept: 0,
            cells: 0,
        };
        let relationships = book.relationships()?;
        book.read_workbook(&relationships)?;
        // The shared strings, styles and properties, where the workbook
        // has them.
        let target = |suffix: &str, default: &str| {
            relationships
                .iter()
                .find(|(_, kind, _)| kind.ends_with(suffix))
                .map_or_else(|| default.to_string(), |(_, _, target)| target.clone())
        };
        let strings = target("/sharedStrings", "xl/sharedStrings.xml");
        if part_name(&book.archive, &strings).is_some() {
            book.read_shared_strings(&strings)?;
        }
        let styles = target("/styles", "xl/styles.xml");
        if part_name(&book.archive, &styles).is_some() {
            book.read_styles(&styles)?;
        }
        if part_name(&book.archive, "docProps/custom.xml").is_some() {
            book.read_properties("docProps/custom.xml")?;
        }
        Ok(book)
    }

    /// Relationships of the workbook part: (id, type, target as a part
    /// path).
    fn relationships(&mut self) -> BookResult<Vec<(String, String, String)>> {
        let name = "xl/_rels/workbook.xml.rels";
        if part_name(&self.archive, name).is_none() {
            return Ok(Vec::new());
        }
        let mut part = open_part(&mut self.archive, &self.left, self.limits, name)?;
        let mut out = Vec::new();
        loop {
            match part.next()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                    let (Some(id), Some(target)) = (attribute(&e, b"Id"), attribute(&e, b"Target"))
                    else {
                        continue;
                    };
                    let kind = attribute(&e, b"Type").unwrap_or_default();
                    let path = if let Some(absolute) = target.strip_prefix('/') {
                        absolute.to_string()
                    } else {
                        format!("xl/{target}")
                    };
                    out.push((id, kind, path));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    fn read_workbook(&mut self, relationships: &[(String, String, String)]) -> BookResult<()> {
        let mut part = open_part(
            &mut self.archive,
            &self.left,
            self.limits,
            "xl/workbook.xml",
        )?;
        let mut sheets = Vec::new();
        let mut date1904 = false;
        loop {
            match part.next()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"sheet" => {
                        let name = attribute(&e, b"name").unwrap_or_default();
                        let id = attribute(&e, b"id").unwrap_or_default();
                        let path = relationships
                            .iter()
                            .find(|(rid, _, _)| *rid == id)
                            .map(|(_, _, t)| t.clone());
                        sheets.push((name, path));
                    }
                    b"workbookPr" => {
                        date1904 =
                            matches!(attribute(&e, b"date1904").as_deref(), Some("1" | "true"));
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        self.date1904 = date1904;
        for (i, (name, path)) in sheets.into_iter().enumerate() {
            let path = path.unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", i + 1));
            self.sheets.push((unescape_ooxml(&name), path));
        }
        Ok(())
    }

    fn read_shared_strings(&mut self, name: &str) -> BookResult<()> {
        let limits = self.limits;
        let mut part = open_part(&mut self.archive, &self.left, self.limits, name)?;
        let mut strings = SharedStrings::default();
        loop {
            match part.next()? {
                Event::Start(e) if e.local_name().as_ref() == b"si" => {
                    let text = si_text(&mut part)?;
                    if strings.ends.len() as u64 >= limits.strings {
                        return Err(over(
                            name,
                            "there are more shared strings than allowed",
                            limits.strings,
                        ));
                    }
                    strings.text.push_str(&unescape_ooxml(&text));
                    strings.ends.push(strings.text.len());
                }
                Event::Empty(e) if e.local_name().as_ref() == b"si" => {
                    strings.ends.push(strings.text.len());
                }
                Event::Eof => break,
                _ => {}
            }
            if strings.text.len() as u64 > limits.kept {
                return Err(over(
                    name,
                    "the shared strings hold more bytes than allowed",
                    limits.kept,
                ));
            }
        }
        self.kept += strings.text.len() as u64;
        self.strings = strings;
        Ok(())
    }

    fn read_styles(&mut self, name: &str) -> BookResult<()> {
        let mut part = open_part(&mut self.archive, &self.left, self.limits, name)?;
        let mut custom: Vec<(u32, String)> = Vec::new();
        let mut formats: Vec<u32> = Vec::new();
        let mut in_cell_xfs = false;
        loop {
            match part.next()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"numFmt" => {
                        if let (Some(id), Some(code)) =
                            (attribute(&e, b"numFmtId"), attribute(&e, b"formatCode"))
                        {
                            if let Ok(id) = id.parse() {
                                custom.push((id, code));
                            }
                        }
                    }
                    b"cellXfs" => in_cell_xfs = true,
                    b"xf" if in_cell_xfs => {
                        formats.push(
                            attribute(&e, b"numFmtId")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(0),
                        );
                        if formats.len() > 1 << 20 {
                            return Err(error(name, "more than a million cell styles"));
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
                Event::Eof => break,
                _ => {}
            }
        }
        self.date_styles = formats
            .iter()
            .map(|&id| {
                let code = custom
                    .iter()
                    .find(|(c, _)| *c == id)
                    .map(|(_, s)| s.as_str());
                is_date_format(id, code)
            })
            .collect();
        Ok(())
    }

    fn read_properties(&mut self, name: &str) -> BookResult<()> {
        let mut part = open_part(&mut self.archive, &self.left, self.limits, name)?;
        let mut out = Vec::new();
        let mut current: Option<String> = None;
        loop {
            match part.next()? {
                Event::Start(e) if e.local_name().as_ref() == b"property" => {
                    current = attribute(&e, b"name");
                }
                Event::Start(e) if current.is_some() && e.local_name().as_ref() == b"lpwstr" => {
                    let value = part.text_until_end(b"lpwstr")?;
                    if let Some(n) = current.take() {
                        out.push((n, value));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            if out.len() > 1_000 {
                break;
            }
        }
        self.properties = out;
        Ok(())
    }

    /// Calls `each` with every cell of the sheet at `path` that has a
    /// value, in the order of the file. `sheet` names it in messages.
    pub fn cells(
        &mut self,
        sheet: &str,
        path: &str,
        mut each: impl FnMut(CellValue) -> BookResult<()>,
    ) -> BookResult<()> {
        let limits = self.limits;
        let date1904 = self.date1904;
        let (strings, date_styles) = (&self.strings, &self.date_styles);
        let (kept, cells) = (&mut self.kept, &mut self.cells);
        let mut part = open_part(&mut self.archive, &self.left, limits, path)?;
        part.name = sheet.to_string();
        {
            let mut next_row: u32 = 0;
            let mut row: u32 = 0;
            let mut next_column: u32 = 0;
            loop {
                match part.next()? {
                    Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                        row = match attribute(&e, b"r") {
                            Some(r) => r
                                .parse::<u32>()
                                .ok()
                                .filter(|&r| (1..=MAX_ROWS).contains(&r))
                                .map(|r| r - 1)
                                .ok_or_else(|| {
                                    error(
                                        sheet,
                                        format!("row number {r:?} outside Excel's 1–1,048,576"),
                                    )
                                })?,
                            None => next_row,
                        };
                        next_row = row.saturating_add(1);
                        next_column = 0;
                    }
                    Event::Start(e) if e.local_name().as_ref() == b"c" => {
                        let (r, c) = cell_place(&e, sheet, row, next_column)?;
                        next_column = c + 1;
                        let kind = attribute(&e, b"t").unwrap_or_default();
                        let style: usize = attribute(&e, b"s")
                            .and_then(|s| s.parse().ok())
                            .unwrap_or(0);
                        let (raw, inline) = cell_contents(&mut part)?;
                        let place = || format!("{sheet}!{}{}", column_letters(c), r + 1);
                        let value = match kind.as_str() {
                            "s" => {
                                let Some(raw) = raw else { continue };
                                let index: usize = raw.trim().parse().map_err(|_| {
                                    error(
                                        place(),
                                        format!("shared-string index {raw:?} is not a number"),
                                    )
                                })?;
                                let text = strings.get(index).ok_or_else(|| {
                                    error(
                                        place(),
                                        format!(
                                            "shared-string index {index} is past the table of {} strings",
                                            strings.ends.len()
                                        ),
                                    )
                                })?;
                                Value::Text(text.to_string())
                            }
                            "inlineStr" => Value::Text(unescape_ooxml(&inline.unwrap_or_default())),
                            "str" => Value::Text(unescape_ooxml(&raw.unwrap_or_default())),
                            "b" => match raw.as_deref().map(str::trim) {
                                Some("1" | "true") => Value::Bool(true),
                                Some("0" | "false") => Value::Bool(false),
                                None | Some("") => continue,
                                Some(other) => {
                                    return Err(error(
                                        place(),
                                        format!("yes/no value {other:?} is not 0 or 1"),
                                    ));
                                }
                            },
                            "e" => Value::Error(raw.unwrap_or_default()),
                            "d" => match raw {
                                Some(text) if text.len() >= 10 && text.is_char_boundary(10) => {
                                    Value::Day(text[..10].to_string())
                                }
                                Some(text) => Value::Text(text),
                                None => continue,
                            },
                            _ => {
                                let Some(raw) = raw else { continue };
                                let raw = raw.trim();
                                if raw.is_empty() {
                                    continue;
                                }
                                let number: f64 = raw.parse().map_err(|_| {
                                    error(place(), format!("number {raw:?} cannot be read"))
                                })?;
                                match (date_styles.get(style), serial_day(number, date1904)) {
                                    (Some(true), Some(day)) => Value::Day(day),
                                    _ => Value::Number(number),
                                }
                            }
                        };
                        if let Value::Text(t) = &value {
                            *kept += t.len() as u64;
                            if *kept > limits.kept {
                                return Err(over(
                                    place(),
                                    "the cells hold more bytes of text than allowed",
                                    limits.kept,
                                ));
                            }
                        }
                        *cells += 1;
                        if *cells > limits.cells {
                            return Err(over(
                                place(),
                                "there are more cells than allowed",
                                limits.cells,
                            ));
                        }
                        each(CellValue {
                            row: r,
                            column: c,
                            value,
                        })?;
                    }
                    Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                        let (_, c) = cell_place(&e, sheet, row, next_column)?;
                        next_column = c + 1;
                    }
                    Event::Eof => break,
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

/// The name of the part `name` as the zip stores it (in any case).
fn part_name(archive: &Archive, name: &str) -> Option<String> {
    let name = name.trim_start_matches('/');
    archive
        .file_names()
        .find(|n| n.eq_ignore_ascii_case(name))
        .map(str::to_string)
}

/// Opens the part `name` for reading within `limits`, taking its
/// decompressed bytes from the allowance `left`.
fn open_part<'a>(
    archive: &'a mut Archive,
    left: &'a std::cell::Cell<u64>,
    limits: Limits,
    name: &str,
) -> BookResult<Part<'a>> {
    let actual =
        part_name(archive, name).ok_or_else(|| error(name, "the workbook has no such part"))?;
    let file = archive
        .by_name(&actual)
        .map_err(|e| error(name, format!("cannot be read: {e}")))?;
    let bounded = Bounded {
        inner: file,
        left,
        run: 0,
        max_run: limits.text,
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::with_capacity(64 << 10, bounded));
    xml.config_mut().trim_text(false);
    xml.config_mut().check_end_names = false;
    Ok(Part {
        xml,
        buf: Vec::new(),
        name: name.to_string(),
        limits,
    })
}

/// A cell's place from its `r` attribute, else the next column of the
/// current row.
fn cell_place(
    e: &BytesStart<'_>,
    sheet: &str,
    row: u32,
    next_column: u32,
) -> BookResult<(u32, u32)> {
    match attribute(e, b"r") {
        Some(reference) => cell_reference(&reference).ok_or_else(|| {
            error(
                sheet,
                format!(
                    "cell reference {:?} is outside Excel's grid (A1 to XFD1048576)",
                    reference.chars().take(20).collect::<String>()
                ),
            )
        }),
        None if next_column < MAX_COLUMNS => Ok((row, next_column)),
        None => Err(error(sheet, "a row has more than 16,384 cells")),
    }
}

/// The `<v>` text and the inline string (`<is>`) of the cell just opened.
fn cell_contents(part: &mut Part<'_>) -> BookResult<(Option<String>, Option<String>)> {
    let mut raw = None;
    let mut inline = None;
    loop {
        match part.next()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"v" => raw = Some(part.text_until_end(b"v")?),
                b"is" => inline = Some(si_text(part)?),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"c" => return Ok((raw, inline)),
            Event::Eof => return Err(error(&part.name, "the XML ends inside a cell")),
            _ => {}
        }
    }
}

/// The text of a string item (`<si>` or `<is>`, just opened): its `<t>`
/// elements, rich-text runs included, phonetic guides (`<rPh>`) left out.
fn si_text(part: &mut Part<'_>) -> BookResult<String> {
    let mut text = String::new();
    let mut phonetic = 0usize;
    loop {
        match part.next()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"rPh" => phonetic += 1,
                b"t" => {
                    let t = part.text_until_end(b"t")?;
                    if phonetic == 0 {
                        text.push_str(&t);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"rPh" => phonetic = phonetic.saturating_sub(1),
                b"si" | b"is" => return Ok(text),
                _ => {}
            },
            Event::Eof => return Err(error(&part.name, "the XML ends inside a string")),
            _ => {}
        }
        if text.len() as u64 > part.limits.text {
            return Err(over(&part.name, TEXT, part.limits.text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_days() {
        assert_eq!(serial_day(25_569.0, false).unwrap(), "1970-01-01");
        assert_eq!(serial_day(44_927.0, false).unwrap(), "2023-01-01");
        assert_eq!(serial_day(45_351.75, false).unwrap(), "2024-02-29");
        assert_eq!(serial_day(0.0, true).unwrap(), "1904-01-01");
        assert_eq!(serial_day(-1.0, false), None);
        assert_eq!(serial_day(f64::NAN, false), None);
    }

    #[test]
    fn cell_references() {
        assert_eq!(cell_reference("A1"), Some((0, 0)));
        assert_eq!(cell_reference("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_reference("XFE1"), None);
        assert_eq!(cell_reference("A1048577"), None);
        assert_eq!(cell_reference("A0"), None);
        assert_eq!(cell_reference("1"), None);
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn date_formats() {
        assert!(is_date_format(14, None));
        assert!(!is_date_format(0, None));
        assert!(is_date_format(164, Some("yyyy-mm-dd")));
        assert!(is_date_format(164, Some("d.m.yyyy")));
        assert!(!is_date_format(164, Some("0.00\" days\"")));
        assert!(!is_date_format(164, Some("[Red]0.00")));
    }

    #[test]
    fn escapes_undo_exactly() {
        assert_eq!(unescape_ooxml("_x0001_"), "\u{1}");
        assert_eq!(unescape_ooxml("x_x000D__x000A_y"), "x\r\ny");
        assert_eq!(unescape_ooxml("_x005F_x0041_"), "_x0041_");
        assert_eq!(unescape_ooxml("ä_x"), "ä_x");
        assert_eq!(unescape_ooxml("_xD800_"), "_xD800_");
    }
}
