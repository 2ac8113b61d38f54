//! Import of CSV tables: `actors.csv`, `participation.csv` and, optionally,
//! `ties.csv` (see the README's "CSV import").
//!
//! Every problem names its file, line and column. After the tables are read
//! the dataset goes through the same validation as JSON, and the problems it
//! finds are mapped back to the rows they came from.

use crate::error::{Error, Result};
use crate::model::{validate, Actor, Dataset, Engagement, Participation, Problem, Tie};
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

/// The CSV files to import.
#[derive(Debug, Clone)]
pub struct CsvSources<'a> {
    /// `actors.csv`.
    pub actors: &'a Path,
    /// `participation.csv`, if any.
    pub participation: Option<&'a Path>,
    /// `ties.csv`, if any.
    pub ties: Option<&'a Path>,
    /// The dataset's name.
    pub name: String,
}

struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    fn read(path: &Path, problems: &mut Vec<Problem>) -> Result<Table> {
        let (file, text) = crate::io::read_input(path)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
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
        Ok(Table { file, header, rows })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn require(&self, names: &[&str], problems: &mut Vec<Problem>) -> bool {
        let mut ok = true;
        for name in names {
            if self.column(name).is_none() {
                problems.push(Problem::new(
                    format!("{}:1", self.file),
                    format!(
                        "missing column {name:?}; the header has: {}",
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
    let mut problems = Vec::new();
    let mut origins = Origins::default();
    let mut dataset = Dataset {
        name: sources.name.clone(),
        ..Default::default()
    };

    let actors = Table::read(sources.actors, &mut problems)?;
    if actors.require(&["id", "name"], &mut problems) {
        for (line, row) in &actors.rows {
            let mut actor = Actor {
                id: actors.cell(row, "id").to_string(),
                name: super::privacy::scrub(actors.cell(row, "name")),
                kind: non_empty(actors.cell(row, "kind"))
                    .unwrap_or("other")
                    .to_string(),
                business_id: non_empty(actors.cell(row, "business_id")).map(String::from),
                region: non_empty(actors.cell(row, "region")).map(String::from),
                aliases: actors
                    .cell(row, "aliases")
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty() && !super::privacy::holds_personal_data(s))
                    .map(String::from)
                    .collect(),
                attributes: Default::default(),
            };
            for (i, h) in actors.header.iter().enumerate() {
                let value = row.get(i).unwrap_or("");
                // Contact details (e-mail, phone, identity code) are left out.
                if !ACTOR_COLUMNS.contains(&h.as_str())
                    && !value.is_empty()
                    && !super::privacy::holds_personal_data(value)
                {
                    actor
                        .attributes
                        .insert(h.clone(), Value::String(value.to_string()));
                }
            }
            origins.actors.push(format!("{}:{line}", actors.file));
            dataset.actors.push(actor);
        }
    }

    if let Some(path) = sources.participation {
        let table = Table::read(path, &mut problems)?;
        table.reject_unknown(PARTICIPATION_COLUMNS, &mut problems);
        if table.require(&["engagement_id", "actor_id"], &mut problems) {
            read_participation(&table, &mut dataset, &mut origins, &mut problems);
        }
    }

    if let Some(path) = sources.ties {
        let table = Table::read(path, &mut problems)?;
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
                    source: table.cell(row, "source").to_string(),
                    target: table.cell(row, "target").to_string(),
                    kind: non_empty(table.cell(row, "kind")).map(String::from),
                    weight,
                });
            }
        }
    }

    let report = validate::check(&dataset);
    problems.extend(report.problems.iter().map(|p| locate(p, &origins)));
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(Error::Import { problems })
    }
}

fn read_participation(
    table: &Table,
    dataset: &mut Dataset,
    origins: &mut Origins,
    problems: &mut Vec<Problem>,
) {
    let mut index: HashMap<String, usize> = HashMap::new();
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
                id: id.to_string(),
                name: String::new(),
                kind: String::new(),
                start: None,
                end: None,
                funding_eur: None,
                part_of: None,
                participants: Vec::new(),
                attributes: Default::default(),
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
                "engagement_name" => (!engagement.name.is_empty()).then(|| engagement.name.clone()),
                "engagement_kind" => (!engagement.kind.is_empty()).then(|| engagement.kind.clone()),
                "start" => engagement.start.map(|d| d.to_string()),
                "end" => engagement.end.map(|d| d.to_string()),
                "funding_eur" => engagement.funding_eur.map(|f| f.to_string()),
                _ => engagement.part_of.clone(),
            };
            if let Some(current) = current {
                let same = match column {
                    "funding_eur" => {
                        parse_number(value).map(|v| v.to_string()) == Some(current.clone())
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
                "engagement_name" => engagement.name = value.to_string(),
                "engagement_kind" => engagement.kind = value.to_string(),
                "start" | "end" => match value.parse() {
                    Ok(d) if column == "start" => engagement.start = Some(d),
                    Ok(d) => engagement.end = Some(d),
                    Err(err) => {
                        problems.push(Problem::new(table.place(*line, column), err.to_string()))
                    }
                },
                "funding_eur" => match parse_number(value) {
                    Some(v) => engagement.funding_eur = Some(v),
                    None => problems.push(Problem::new(
                        table.place(*line, column),
                        format!(
                            "{value:?} is not a number; expected euros such as 187144 or 187144.50"
                        ),
                    )),
                },
                _ => engagement.part_of = Some(value.to_string()),
            }
        }
        let actor = table.cell(row, "actor_id");
        if !actor.is_empty() {
            dataset.engagements[e].participants.push(Participation {
                actor: actor.to_string(),
                role: non_empty(table.cell(row, "role"))
                    .unwrap_or("participant")
                    .to_string(),
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

fn parse_number(s: &str) -> Option<f64> {
    s.replace([' ', '\u{a0}'], "")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
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
