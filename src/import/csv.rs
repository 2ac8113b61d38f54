//! Import of CSV tables: `actors.csv`, `participation.csv` and, optionally,
//! `ties.csv` (see the README's "CSV import").
//!
//! Every problem names its file, line and column. After the tables are read
//! the dataset goes through the same validation as JSON, and the problems it
//! finds are mapped back to the rows they came from.

use crate::error::{Error, Result};
use crate::model::{
    validate, Actor, ActorDetails, Dataset, Engagement, EngagementDetails, Participation, Problem,
    Tie,
};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// Columns of `actors.csv`; `id` and `name` are required. Any other column
/// becomes an attribute.
pub const ACTOR_COLUMNS: &[&str] = &["id", "name", "kind", "region", "business_id", "aliases"];
/// Columns of `participation.csv`; `engagement_id` is required and so is
/// `actor_id` (a row with an empty `actor_id` only declares the engagement).
pub const PARTICIPATION_COLUMNS: &[&str] = &[
    "engagement_id",
    "engagement_name",
    "engagement_kind",
    "start",
    "end",
    "funding_eur",
    "part_of",
    "actor_id",
    "role",
];
/// Columns of `ties.csv`; `source` and `target` are required.
pub const TIE_COLUMNS: &[&str] = &["source", "target", "kind", "weight"];

/// The text encoding of CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Windows-1252 (a superset of ISO-8859-1's printable characters),
    /// what Excel saves as "CSV" on Finnish Windows.
    Windows1252,
}

impl std::str::FromStr for CsvEncoding {
    type Err = Error;
    fn from_str(s: &str) -> Result<CsvEncoding> {
        match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(CsvEncoding::Utf8),
            "windows-1252" | "cp1252" | "iso-8859-1" | "latin1" | "latin-1" => {
                Ok(CsvEncoding::Windows1252)
            }
            _ => Err(Error::invalid(
                "encoding",
                s,
                "utf-8, windows-1252 or iso-8859-1",
            )),
        }
    }
}

/// How the CSV files are read: detected unless given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// The field separator (`,`, `;` or tab); detected from the header
    /// when `None`.
    pub delimiter: Option<u8>,
    /// The encoding; UTF-8 when the bytes are UTF-8, else Windows-1252,
    /// when `None`.
    pub encoding: Option<CsvEncoding>,
}

/// Parses a `--delimiter` value: `,`, `;`, `tab` (or a tab character).
pub fn parse_delimiter(s: &str) -> Result<u8> {
    match s {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\t" | "tab" | "\\t" => Ok(b'\t'),
        _ => Err(Error::invalid("delimiter", s, "\",\", \";\" or tab")),
    }
}

/// The separator of a header line: the most frequent of `,`, `;` and tab
/// outside quotes (`,` when none occurs).
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "\";\"",
        b'\t' => "tab",
        _ => "\",\"",
    }
}

/// Decodes `bytes`: UTF-8 (a byte-order mark dropped) when they are, else
/// Windows-1252; returns the text and the encoding used.
fn decode(bytes: &[u8], asked: Option<CsvEncoding>) -> (String, CsvEncoding) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let encoding = asked.unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        CsvEncoding::Utf8
    } else {
        CsvEncoding::Windows1252
    });
    let text = match encoding {
        CsvEncoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        CsvEncoding::Windows1252 => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    (text, encoding)
}

/// A date as `YYYY-MM-DD`, `d.m.yyyy` or `dd.mm.yyyy` (see
/// [`crate::model::Date::parse_written`]).
pub fn parse_date(text: &str) -> std::result::Result<crate::model::Date, String> {
    crate::model::Date::parse_written(text).map_err(|e| e.to_string())
}

/// The CSV files to import.
#[derive(Debug, Clone)]
pub struct CsvSources<'a> {
    /// `actors.csv`.
    pub actors: &'a Path,
    /// `engagements.csv` (id, name, kind, start, end, funding_eur,
    /// part_of; other columns are attributes), if any.
    pub engagements: Option<&'a Path>,
    /// `participation.csv`, if any.
    pub participation: Option<&'a Path>,
    /// `ties.csv`, if any.
    pub ties: Option<&'a Path>,
    /// The dataset's name.
    pub name: String,
}

/// One table read from a CSV file or a spreadsheet's sheet: the place it
/// came from (for error messages), its header and its rows with their line
/// numbers.
pub(crate) struct Table {
    pub(crate) file: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<(u64, csv::StringRecord)>,
    /// The separator (CSV); 0 for a sheet.
    pub(crate) delimiter: u8,
    /// Cells that held a number or a yes/no value in a spreadsheet, by
    /// (line, column): attributes keep them typed.
    pub(crate) typed: HashMap<(u64, usize), Value>,
}

impl Table {
    /// Takes e-mail addresses (also obfuscated), phone numbers, identity
    /// codes and contact persons' names out of every cell
    /// ([`super::privacy::strip`]); each cell changed leaves a note with
    /// its place, and a cell emptied this way leaves its row (the
    /// organisation, the project) in place.
    pub(crate) fn remove_personal_data(&mut self, notes: &mut Vec<String>) {
        let mut changed = 0usize;
        for (line, row) in &mut self.rows {
            if !row.iter().any(super::privacy::holds_personal_data) {
                continue;
            }
            let mut cells: Vec<String> = Vec::with_capacity(row.len());
            for (i, cell) in row.iter().enumerate() {
                let (clean, removed) = super::privacy::strip(cell);
                if removed {
                    changed += 1;
                    if changed <= 20 {
                        let column = self.header.get(i).map_or("", String::as_str);
                        notes.push(format!(
                            "{}:{line}:{} ({column}): personal data (an e-mail address, a phone number or a contact person's name) removed{}",
                            self.file,
                            i + 1,
                            if clean.is_empty() { "; the field is now empty" } else { "; the rest is kept" }
                        ));
                    }
                }
                cells.push(clean);
            }
            *row = csv::StringRecord::from(cells);
        }
        if changed > 20 {
            notes.push(format!(
                "{}: personal data removed from {} more cells",
                self.file,
                changed - 20
            ));
        }
    }

    /// The attribute value of the cell at `line`, column `i`: typed when
    /// the spreadsheet had a number or a yes/no there, else text.
    fn value(&self, line: u64, i: usize, text: &str) -> Value {
        self.typed
            .get(&(line, i))
            .cloned()
            .unwrap_or_else(|| Value::String(text.to_string()))
    }

    pub(crate) fn read(
        path: &Path,
        options: &CsvOptions,
        problems: &mut Vec<Problem>,
        notes: &mut Vec<String>,
    ) -> Result<Table> {
        let (file, bytes) = crate::io::read_input_bytes(path)?;
        let (text, encoding) = decode(&bytes, options.encoding);
        // Windows line ends as line feeds, so that every row's line number
        // is the line an editor shows (the CSV reader counts a CRLF file's
        // lines one short), also in files that mix the two.
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        if encoding == CsvEncoding::Windows1252 && options.encoding.is_none() {
            notes.push(format!(
                "{file}: not UTF-8; read as Windows-1252 (give the encoding to read it otherwise)"
            ));
        }
        let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(&text));
        if delimiter != b',' && options.delimiter.is_none() {
            notes.push(format!(
                "{file}: fields separated by {}",
                delimiter_name(delimiter)
            ));
        }
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .delimiter(delimiter)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.to_string()).collect(),
            Err(e) => {
                problems.push(Problem::new(format!("{file}:1"), e.to_string()));
                Vec::new()
            }
        };
        // A repeated column would drop values silently.
        let mut repeated: Vec<&str> = header
            .iter()
            .enumerate()
            .filter(|(i, h)| header[..*i].contains(h))
            .map(|(_, h)| h.as_str())
            .collect();
        repeated.dedup();
        if !repeated.is_empty() {
            problems.push(Problem::new(
                format!("{file}:1"),
                format!(
                    "the header repeats the column{} {}; expected each column once",
                    if repeated.len() == 1 { "" } else { "s" },
                    repeated
                        .iter()
                        .map(|r| format!("{r:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            match record {
                Ok(r) => {
                    let line = r.position().map(|p| p.line()).unwrap_or(0);
                    if r.iter().all(|c| c.is_empty()) {
                        continue;
                    }
                    rows.push((line, r));
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    let message = match e.kind() {
                        csv::ErrorKind::UnequalLengths {
                            expected_len, len, ..
                        } => {
                            format!("row has {len} fields; expected {expected_len} like the header")
                        }
                        _ => e.to_string(),
                    };
                    problems.push(Problem::new(format!("{file}:{line}"), message));
                }
            }
        }
        Ok(Table {
            file,
            header,
            rows,
            delimiter,
            typed: HashMap::new(),
        })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn require(&self, names: &[&str], problems: &mut Vec<Problem>) -> bool {
        let mut ok = true;
        for name in names {
            if self.column(name).is_none() {
                // One long column holding another separator: a hint.
                let hint = [b';', b',', b'\t']
                    .into_iter()
                    .filter(|&d| self.delimiter != 0 && d != self.delimiter)
                    .find(|&d| self.header.len() == 1 && self.header[0].contains(d as char))
                    .map(|d| {
                        format!(
                            " (the header looks separated by {}: set the delimiter to {})",
                            delimiter_name(d),
                            if d == b'\t' {
                                "tab".to_string()
                            } else {
                                (d as char).to_string()
                            }
                        )
                    })
                    .unwrap_or_default();
                problems.push(Problem::new(
                    format!("{}:1", self.file),
                    format!(
                        "missing column {name:?}; the header has: {}{hint}",
                        self.header.join(",")
                    ),
                ));
                ok = false;
            }
        }
        ok
    }

    fn reject_unknown(&self, known: &[&str], problems: &mut Vec<Problem>) {
        for (i, h) in self.header.iter().enumerate() {
            if !known.contains(&h.as_str()) {
                problems.push(Problem::new(
                    format!("{}:1:{}", self.file, i + 1),
                    format!(
                        "unknown column {h:?}; expected some of: {}",
                        known.join(", ")
                    ),
                ));
            }
        }
    }

    fn place(&self, line: u64, column: &str) -> String {
        match self.column(column) {
            Some(i) => format!("{}:{line}:{} ({column})", self.file, i + 1),
            None => format!("{}:{line}", self.file),
        }
    }

    fn cell<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        self.column(column)
            .and_then(|i| record.get(i))
            .unwrap_or("")
    }
}

/// Where each dataset element came from, to translate validation places.
#[derive(Default)]
struct Origins {
    actors: Vec<String>,
    engagements: Vec<String>,
    participations: Vec<Vec<String>>,
    ties: Vec<String>,
}

/// Reads the CSV tables into a validated dataset.
///
/// Returns [`Error::Import`] with every problem, each naming file, line and
/// column.
pub fn import_csv(sources: &CsvSources<'_>) -> Result<Dataset> {
    import_csv_with(sources, &CsvOptions::default()).map(|(dataset, _)| dataset)
}

/// As [`import_csv`], with the separator and encoding given or detected;
/// also returns notes saying what was detected (a separator other than
/// `,`, an encoding other than UTF-8).
pub fn import_csv_with(
    sources: &CsvSources<'_>,
    options: &CsvOptions,
) -> Result<(Dataset, Vec<String>)> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut read = |path: Option<&Path>| -> Result<Option<Table>> {
        path.map(|p| Table::read(p, options, &mut problems, &mut notes))
            .transpose()
    };
    let actors = read(Some(sources.actors))?;
    let engagements = read(sources.engagements)?;
    let participation = read(sources.participation)?;
    let ties = read(sources.ties)?;
    let mut tables = Tables {
        actors: actors.expect("read"),
        engagements,
        participation,
        ties,
    };
    build(&sources.name, &mut tables, problems, notes)
}

/// The tables of a dataset, from CSV files or a workbook's sheets.
pub(crate) struct Tables {
    pub(crate) actors: Table,
    pub(crate) engagements: Option<Table>,
    pub(crate) participation: Option<Table>,
    pub(crate) ties: Option<Table>,
}

/// Columns of the optional engagements table; others become attributes.
pub const ENGAGEMENT_COLUMNS: &[&str] = crate::model::ENGAGEMENT_SCALAR_FIELDS;

/// Builds and validates the dataset called `name` from its tables, adding
/// to the `problems` and `notes` found while reading them.
pub(crate) fn build(
    name: &str,
    tables: &mut Tables,
    mut problems: Vec<Problem>,
    mut notes: Vec<String>,
) -> Result<(Dataset, Vec<String>)> {
    for table in std::iter::once(&mut tables.actors)
        .chain(tables.engagements.as_mut())
        .chain(tables.participation.as_mut())
        .chain(tables.ties.as_mut())
    {
        table.remove_personal_data(&mut notes);
    }
    let tables = &*tables;
    let mut origins = Origins::default();
    let mut dataset = Dataset {
        name: name.to_string(),
        ..Default::default()
    };

    let actors = &tables.actors;
    if actors.require(&["id", "name"], &mut problems) {
        for (line, row) in &actors.rows {
            let mut actor = Actor {
                id: actors.cell(row, "id").into(),
                name: actors.cell(row, "name").into(),
                kind: match non_empty(actors.cell(row, "kind")) {
                    None => "other".into(),
                    Some(word) => match super::roles::kind_word(word) {
                        Some(kind) => kind.into(),
                        None => {
                            problems.push(Problem::new(
                                actors.place(*line, "kind"),
                                format!(
                                    "{word:?} is not an actor kind; expected one of {} (or its Finnish or Swedish word)",
                                    crate::model::KNOWN_ACTOR_KINDS.join(", ")
                                ),
                            ));
                            word.into()
                        }
                    },
                },
                details: None,
            };
            let mut details = ActorDetails {
                business_id: non_empty(actors.cell(row, "business_id")).map(Into::into),
                region: non_empty(actors.cell(row, "region")).map(Into::into),
                aliases: actors
                    .cell(row, "aliases")
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                attributes: Default::default(),
            };
            for (i, h) in actors.header.iter().enumerate() {
                let value = row.get(i).unwrap_or("");
                // Personal data was taken out of every cell before.
                if !ACTOR_COLUMNS.contains(&h.as_str()) && !value.is_empty() {
                    details
                        .attributes
                        .insert(h.clone(), actors.value(*line, i, value));
                }
            }
            actor.details = details.boxed();
            origins.actors.push(format!("{}:{line}", actors.file));
            dataset.actors.push(actor);
        }
    }

    if let Some(table) = &tables.engagements {
        if table.require(&["id"], &mut problems) {
            read_engagements(table, &mut dataset, &mut origins, &mut problems);
        }
    }

    if let Some(table) = &tables.participation {
        table.reject_unknown(PARTICIPATION_COLUMNS, &mut problems);
        if table.require(&["engagement_id", "actor_id"], &mut problems) {
            read_participation(table, &mut dataset, &mut origins, &mut problems);
        }
    }

    if let Some(table) = &tables.ties {
        table.reject_unknown(TIE_COLUMNS, &mut problems);
        if table.require(&["source", "target"], &mut problems) {
            for (line, row) in &table.rows {
                let weight_text = table.cell(row, "weight");
                let weight = if weight_text.is_empty() {
                    1.0
                } else {
                    match parse_number(weight_text) {
                        Some(w) => w,
                        None => {
                            problems.push(Problem::new(
                                table.place(*line, "weight"),
                                format!("{weight_text:?} is not a number; expected a positive weight such as 2 or 0.5"),
                            ));
                            1.0
                        }
                    }
                };
                origins.ties.push(format!("{}:{line}", table.file));
                dataset.ties.push(Tie {
                    source: table.cell(row, "source").into(),
                    target: table.cell(row, "target").into(),
                    kind: non_empty(table.cell(row, "kind")).map(Into::into),
                    weight,
                });
            }
        }
    }

    let report = validate::check(&dataset);
    problems.extend(report.problems.iter().map(|p| locate(p, &origins)));
    if problems.is_empty() {
        Ok((dataset, notes))
    } else {
        Err(Error::Import { problems })
    }
}

/// Reads the engagements table: one engagement per row, its columns
/// beyond [`ENGAGEMENT_COLUMNS`] as attributes.
fn read_engagements(
    table: &Table,
    dataset: &mut Dataset,
    origins: &mut Origins,
    problems: &mut Vec<Problem>,
) {
    for (line, row) in &table.rows {
        let id = table.cell(row, "id");
        if id.is_empty() {
            problems.push(Problem::new(
                table.place(*line, "id"),
                "empty id; expected the engagement's id on every row",
            ));
            continue;
        }
        let date = |column: &str, problems: &mut Vec<Problem>| {
            non_empty(table.cell(row, column)).and_then(|v| match parse_date(v) {
                Ok(d) => Some(d),
                Err(e) => {
                    problems.push(Problem::new(table.place(*line, column), e));
                    None
                }
            })
        };
        let start = date("start", problems);
        let end = date("end", problems);
        let funding_eur = non_empty(table.cell(row, "funding_eur")).and_then(|v| {
            let parsed = parse_number(v);
            if parsed.is_none() {
                problems.push(Problem::new(
                    table.place(*line, "funding_eur"),
                    format!("{v:?} is not a number; expected euros such as 187144 or 187 144,50"),
                ));
            }
            parsed
        });
        let mut attributes = std::collections::BTreeMap::new();
        for (i, h) in table.header.iter().enumerate() {
            let value = row.get(i).unwrap_or("");
            if !ENGAGEMENT_COLUMNS.contains(&h.as_str()) && !value.is_empty() {
                attributes.insert(h.clone(), table.value(*line, i, value));
            }
        }
        dataset.engagements.push(Engagement {
            id: id.into(),
            name: non_empty(table.cell(row, "name")).unwrap_or(id).into(),
            kind: non_empty(table.cell(row, "kind"))
                .unwrap_or("project")
                .into(),
            start,
            end,
            participants: Vec::new(),
            details: EngagementDetails {
                funding_eur,
                part_of: non_empty(table.cell(row, "part_of")).map(Into::into),
                attributes,
            }
            .boxed(),
        });
        origins.engagements.push(format!("{}:{line}", table.file));
        origins.participations.push(Vec::new());
    }
}

fn read_participation(
    table: &Table,
    dataset: &mut Dataset,
    origins: &mut Origins,
    problems: &mut Vec<Problem>,
) {
    // Engagements declared by an engagements table come first.
    let mut index: HashMap<String, usize> = dataset
        .engagements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.to_string(), i))
        .collect();
    // For each engagement field, the line that first gave it a value.
    let mut given: HashMap<(usize, &str), u64> = HashMap::new();
    for (line, row) in &table.rows {
        let id = table.cell(row, "engagement_id");
        if id.is_empty() {
            problems.push(Problem::new(
                table.place(*line, "engagement_id"),
                "empty engagement_id; expected the engagement's id on every row",
            ));
            continue;
        }
        let e = *index.entry(id.to_string()).or_insert_with(|| {
            dataset.engagements.push(Engagement {
                id: id.into(),
                name: String::new().into(),
                kind: String::new().into(),
                start: None,
                end: None,
                participants: Vec::new(),
                details: crate::model::EngagementDetails {
                    funding_eur: None,
                    part_of: None,
                    attributes: Default::default(),
                }
                .boxed(),
            });
            origins.engagements.push(format!("{}:{line}", table.file));
            origins.participations.push(Vec::new());
            dataset.engagements.len() - 1
        });
        for column in [
            "engagement_name",
            "engagement_kind",
            "start",
            "end",
            "funding_eur",
            "part_of",
        ] {
            let value = table.cell(row, column);
            if value.is_empty() {
                continue;
            }
            let engagement = &mut dataset.engagements[e];
            let current = match column {
                "engagement_name" => {
                    (!engagement.name.is_empty()).then(|| engagement.name.to_string())
                }
                "engagement_kind" => {
                    (!engagement.kind.is_empty()).then(|| engagement.kind.to_string())
                }
                "start" => engagement.start.map(|d| d.to_string()),
                "end" => engagement.end.map(|d| d.to_string()),
                "funding_eur" => engagement.funding_eur().map(|f| f.to_string()),
                _ => engagement.part_of().map(str::to_string),
            };
            if let Some(current) = current {
                let same = match column {
                    "funding_eur" => {
                        parse_number(value).map(|v| v.to_string()) == Some(current.clone())
                    }
                    // Values, not spellings: 1.1.2020 is 2020-01-01.
                    "start" | "end" => {
                        parse_date(value).map(|d| d.to_string()).ok() == Some(current.clone())
                    }
                    _ => value == current,
                };
                if !same {
                    let first = given.get(&(e, column)).copied().unwrap_or(0);
                    problems.push(Problem::new(
                        table.place(*line, column),
                        format!("{value:?} differs from {current:?} given for engagement {id:?} on line {first}; expected the same value on every row of an engagement (or an empty cell)"),
                    ));
                }
                continue;
            }
            given.insert((e, column), *line);
            match column {
                "engagement_name" => engagement.name = value.into(),
                "engagement_kind" => engagement.kind = value.into(),
                "start" | "end" => match parse_date(value) {
                    Ok(d) if column == "start" => engagement.start = Some(d),
                    Ok(d) => engagement.end = Some(d),
                    Err(err) => {
                        problems.push(Problem::new(table.place(*line, column), err))
                    }
                },
                "funding_eur" => match parse_number(value) {
                    Some(v) => engagement.details_mut().funding_eur = Some(v),
                    None => problems.push(Problem::new(
                        table.place(*line, column),
                        format!(
                            "{value:?} is not a number; expected euros such as 187144, 187144.50 or 187 144,50"
                        ),
                    )),
                },
                _ => engagement.details_mut().part_of = Some(value.into()),
            }
        }
        let actor = table.cell(row, "actor_id");
        if !actor.is_empty() {
            let role = match non_empty(table.cell(row, "role")) {
                None => "participant",
                Some(word) => super::roles::role_word(word).unwrap_or_else(|| {
                    problems.push(Problem::new(
                        table.place(*line, "role"),
                        format!(
                            "{word:?} is not a role; expected one of {} (or its Finnish or Swedish word)",
                            crate::model::KNOWN_ROLES.join(", ")
                        ),
                    ));
                    "participant"
                }),
            };
            dataset.engagements[e].participants.push(Participation {
                actor: actor.into(),
                role: role.into(),
            });
            origins.participations[e].push(format!("{}:{line}", table.file));
        }
    }
    for engagement in &mut dataset.engagements {
        if engagement.name.is_empty() {
            engagement.name = engagement.id.clone();
        }
        if engagement.kind.is_empty() {
            engagement.kind = "project".into();
        }
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// A number as people write it: `187144.50`, `187 144,50` (space,
/// no-break or narrow no-break space between thousands, decimal comma),
/// `187.144,50` or `187,144.50`, `609.360 €` (a dot grouping thousands
/// before a currency, or more than one such dot); a trailing `€` or
/// `EUR` is allowed.
pub fn parse_number(s: &str) -> Option<f64> {
    let trimmed = s.trim();
    let bare = trimmed
        .trim_end_matches("EUR")
        .trim_end_matches('€')
        .trim_end();
    let euros = bare.len() < trimmed.len();
    let mut t: String = bare
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    // `609.360 €`: a dot grouping thousands, as Finnish amounts are often
    // written (a plain `758394.29` keeps its decimal point).
    let groups: Vec<&str> = t.split('.').collect();
    let dotted_thousands = !t.contains(',')
        && groups.len() >= 2
        && groups[1..].iter().all(|g| g.len() == 3)
        && (euros || groups.len() > 2);
    if dotted_thousands {
        t = t.replace('.', "");
    }
    match (t.rfind(','), t.rfind('.')) {
        // Both: the last one is the decimal separator.
        (Some(c), Some(d)) if c > d => t = t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t = t.replace(',', ""),
        // A comma alone is a decimal comma unless it groups thousands
        // (1,234,567).
        (Some(_), None) => {
            let groups: Vec<&str> = t.split(',').collect();
            let thousands = groups.len() > 2 && groups[1..].iter().all(|g| g.len() == 3);
            t = if thousands {
                t.replace(',', "")
            } else {
                t.replace(',', ".")
            };
        }
        _ => {}
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Maps a validation place (`engagements[2].participants[0].actor`) to the
/// CSV row it came from, keeping the field name as the column.
fn locate(problem: &Problem, origins: &Origins) -> Problem {
    let place = &problem.place;
    let index = |s: &str| -> Option<(usize, String)> {
        let open = s.find('[')?;
        let close = s.find(']')?;
        let i = s[open + 1..close].parse().ok()?;
        Some((i, s[close + 1..].trim_start_matches('.').to_string()))
    };
    let (origin, field) = if let Some(rest) = place.strip_prefix("actors") {
        index(rest).and_then(|(i, f)| Some((origins.actors.get(i)?.clone(), f)))
    } else if let Some(rest) = place.strip_prefix("engagements") {
        index(rest).and_then(|(i, f)| {
            if let Some(prest) = f.strip_prefix("participants") {
                let (j, pf) = index(prest)?;
                let column = if pf == "actor" {
                    "actor_id".to_string()
                } else {
                    pf
                };
                Some((origins.participations.get(i)?.get(j)?.clone(), column))
            } else {
                let column = match f.as_str() {
                    "id" => "engagement_id".to_string(),
                    "name" => "engagement_name".to_string(),
                    "kind" => "engagement_kind".to_string(),
                    _ => f,
                };
                Some((origins.engagements.get(i)?.clone(), column))
            }
        })
    } else if let Some(rest) = place.strip_prefix("ties") {
        index(rest).and_then(|(i, f)| Some((origins.ties.get(i)?.clone(), f)))
    } else {
        None
    }
    .unwrap_or_else(|| (place.clone(), String::new()));
    let place = if field.is_empty() {
        origin
    } else {
        format!("{origin} ({field})")
    };
    Problem::new(place, problem.message.clone())
}

#[cfg(test)]
mod number_and_date_tests {
    use super::*;

    #[test]
    fn numbers_and_dates_as_people_write_them() {
        for (text, value) in [
            ("187144", 187144.0),
            ("187144.50", 187144.5),
            ("187 144,50", 187144.5),
            ("187\u{a0}144,50 €", 187144.5),
            ("187.144,50", 187144.5),
            ("187,144.50", 187144.5),
            ("1,234,567", 1234567.0),
            ("0,5", 0.5),
            ("310000 EUR", 310000.0),
            ("609.360 €", 609360.0),
            ("1.234.567", 1234567.0),
            ("245\u{202f}300,50 €", 245300.5),
            ("892,228.58", 892228.58),
            ("758394.29", 758394.29),
            ("12.500", 12.5),
        ] {
            assert_eq!(parse_number(text), Some(value), "{text}");
        }
        for bad in ["", "abc", "12,5,0", "1e400"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
        for text in ["2021-09-01", "1.9.2021", "01.09.2021"] {
            assert_eq!(
                parse_date(text).unwrap().to_string(),
                "2021-09-01",
                "{text}"
            );
        }
        assert!(parse_date("31.2.2021").is_err());
        assert!(parse_date("1.9.21").is_err());
        assert_eq!(detect_delimiter("id;name;kind\n"), b';');
        assert_eq!(detect_delimiter("id\tname\n"), b'\t');
        assert_eq!(detect_delimiter("\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter("id\n"), b',');
    }
}
