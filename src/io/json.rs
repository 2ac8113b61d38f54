//! The canonical JSON format: loading with complete, located validation.
//!
//! The text is parsed into a JSON value first and then walked by hand, so
//! that every problem — unknown fields, wrong types, missing values, bad
//! dates, and the checks of [`crate::model::validate::check`] — is reported
//! with its JSON path, not only the first one serde would stop at.

use crate::error::{Error, Result};
use crate::model::{
    validate, Actor, Attributes, Dataset, Date, Engagement, Participation, Problem, Report, Tie,
};
use serde_json::{Map, Value};
use std::path::Path;

/// Reads and validates a dataset file. `-` reads standard input.
pub fn load_dataset(path: &Path) -> Result<(Dataset, Report)> {
    let (origin, text) = crate::io::read_input(path)?;
    parse_dataset(&text, &origin)
}

/// Parses and validates dataset text. `origin` names it in messages.
///
/// Returns the dataset and its warnings, or [`Error::Invalid`] listing every
/// problem.
pub fn parse_dataset(text: &str, origin: &str) -> Result<(Dataset, Report)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| Error::Syntax {
        origin: origin.to_string(),
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or("")
            .to_string(),
    })?;
    let mut problems = super::duplicates::duplicate_keys(text);
    let dataset = dataset_from_value(&value, &mut problems);
    let mut report = validate::check(&dataset);
    // Shape problems first, then meaning; a value missing for shape reasons
    // may also show up as, say, an empty id; keep both, shape first.
    problems.append(&mut report.problems);
    report.problems = dedup_places(problems);
    if report.is_valid() {
        Ok((dataset, report))
    } else {
        Err(Error::Invalid {
            origin: origin.to_string(),
            report,
        })
    }
}

/// Drops a meaning problem at a place that already has a shape problem
/// (a missing id need not also be reported as an empty one).
fn dedup_places(problems: Vec<Problem>) -> Vec<Problem> {
    let mut seen = std::collections::HashSet::new();
    problems
        .into_iter()
        .filter(|p| seen.insert(p.place.clone()))
        .collect()
}

struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    fn open(
        value: &'a Value,
        path: &str,
        allowed: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Option<Fields<'a>> {
        let Some(map) = value.as_object() else {
            problems.push(Problem::new(
                path,
                format!("expected an object, found {}", describe(value)),
            ));
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                problems.push(Problem::new(
                    join(path, key),
                    format!(
                        "unknown field {key:?}; expected one of: {}",
                        allowed.join(", ")
                    ),
                ));
            }
        }
        Some(Fields {
            map,
            path: path.to_string(),
        })
    }

    fn place(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A string field; `None` when absent or null (a problem if `required`).
    fn string(&self, key: &str, required: bool, problems: &mut Vec<Problem>) -> Option<String> {
        match self.map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    problems.push(Problem::new(
                        self.place(key),
                        format!("missing field {key:?}; expected a string"),
                    ));
                }
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                problems.push(Problem::new(
                    self.place(key),
                    format!("expected a string, found {}", describe(other)),
                ));
                None
            }
        }
    }

    fn number(&self, key: &str, problems: &mut Vec<Problem>) -> Option<f64> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64(),
            Some(other) => {
                problems.push(Problem::new(
                    self.place(key),
                    format!("expected a number, found {}", describe(other)),
                ));
                None
            }
        }
    }

    fn date(&self, key: &str, problems: &mut Vec<Problem>) -> Option<Date> {
        let text = self.string(key, false, problems)?;
        match text.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(Problem::new(self.place(key), e.to_string()));
                None
            }
        }
    }

    fn array(&self, key: &str, required: bool, problems: &mut Vec<Problem>) -> &'a [Value] {
        match self.map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    problems.push(Problem::new(
                        self.place(key),
                        format!("missing field {key:?}; expected an array"),
                    ));
                }
                &[]
            }
            Some(Value::Array(items)) => items,
            Some(other) => {
                problems.push(Problem::new(
                    self.place(key),
                    format!("expected an array, found {}", describe(other)),
                ));
                &[]
            }
        }
    }

    fn strings(&self, key: &str, problems: &mut Vec<Problem>) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.array(key, false, problems).iter().enumerate() {
            match item {
                Value::String(s) => out.push(s.clone()),
                other => problems.push(Problem::new(
                    format!("{}[{i}]", self.place(key)),
                    format!("expected a string, found {}", describe(other)),
                )),
            }
        }
        out
    }

    fn attributes(&self, problems: &mut Vec<Problem>) -> Attributes {
        let mut out = Attributes::new();
        match self.map.get("attributes") {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (k, v) in map {
                    match v {
                        Value::String(_) | Value::Number(_) | Value::Bool(_) => {
                            out.insert(k.clone(), v.clone());
                        }
                        other => problems.push(Problem::new(
                            join(&self.place("attributes"), k),
                            format!(
                                "expected a string, number or boolean, found {}",
                                describe(other)
                            ),
                        )),
                    }
                }
            }
            Some(other) => problems.push(Problem::new(
                self.place("attributes"),
                format!("expected an object, found {}", describe(other)),
            )),
        }
        out
    }
}

fn join(path: &str, key: &str) -> String {
    let simple = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !key.is_empty();
    match (path.is_empty(), simple) {
        (true, true) => key.to_string(),
        (true, false) => format!("[{key:?}]"),
        (false, true) => format!("{path}.{key}"),
        (false, false) => format!("{path}[{key:?}]"),
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

const DATASET_FIELDS: &[&str] = &[
    "name",
    "description",
    "notes",
    "actors",
    "engagements",
    "ties",
];
const ACTOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "business_id",
    "region",
    "aliases",
    "attributes",
];
const ENGAGEMENT_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "start",
    "end",
    "funding_eur",
    "part_of",
    "participants",
    "attributes",
];
const PARTICIPATION_FIELDS: &[&str] = &["actor", "role"];
const TIE_FIELDS: &[&str] = &["source", "target", "kind", "weight"];

fn dataset_from_value(value: &Value, problems: &mut Vec<Problem>) -> Dataset {
    let Some(top) = Fields::open(value, "", DATASET_FIELDS, problems) else {
        return Dataset::default();
    };
    let mut dataset = Dataset {
        name: top.string("name", false, problems).unwrap_or_default(),
        description: top.string("description", false, problems),
        notes: top.strings("notes", problems),
        ..Default::default()
    };
    for (i, item) in top.array("actors", true, problems).iter().enumerate() {
        let path = format!("actors[{i}]");
        let Some(f) = Fields::open(item, &path, ACTOR_FIELDS, problems) else {
            continue;
        };
        dataset.actors.push(Actor {
            id: f.string("id", true, problems).unwrap_or_default(),
            name: f.string("name", true, problems).unwrap_or_default(),
            kind: f
                .string("kind", false, problems)
                .unwrap_or_else(|| "other".into()),
            business_id: f.string("business_id", false, problems),
            region: f.string("region", false, problems),
            aliases: f.strings("aliases", problems),
            attributes: f.attributes(problems),
        });
    }
    for (i, item) in top.array("engagements", false, problems).iter().enumerate() {
        let path = format!("engagements[{i}]");
        let Some(f) = Fields::open(item, &path, ENGAGEMENT_FIELDS, problems) else {
            continue;
        };
        let mut participants = Vec::new();
        for (j, p) in f.array("participants", false, problems).iter().enumerate() {
            let ppath = format!("{path}.participants[{j}]");
            let Some(pf) = Fields::open(p, &ppath, PARTICIPATION_FIELDS, problems) else {
                continue;
            };
            participants.push(Participation {
                actor: pf.string("actor", true, problems).unwrap_or_default(),
                role: pf
                    .string("role", false, problems)
                    .unwrap_or_else(|| "participant".into()),
            });
        }
        dataset.engagements.push(Engagement {
            id: f.string("id", true, problems).unwrap_or_default(),
            name: f.string("name", true, problems).unwrap_or_default(),
            kind: f
                .string("kind", false, problems)
                .unwrap_or_else(|| "project".into()),
            start: f.date("start", problems),
            end: f.date("end", problems),
            funding_eur: f.number("funding_eur", problems),
            part_of: f.string("part_of", false, problems),
            participants,
            attributes: f.attributes(problems),
        });
    }
    for (i, item) in top.array("ties", false, problems).iter().enumerate() {
        let path = format!("ties[{i}]");
        let Some(f) = Fields::open(item, &path, TIE_FIELDS, problems) else {
            continue;
        };
        dataset.ties.push(Tie {
            source: f.string("source", true, problems).unwrap_or_default(),
            target: f.string("target", true, problems).unwrap_or_default(),
            kind: f.string("kind", false, problems),
            weight: f.number("weight", problems).unwrap_or(1.0),
        });
    }
    dataset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_of(text: &str) -> Vec<String> {
        match parse_dataset(text, "t.json") {
            Ok(_) => vec![],
            Err(Error::Invalid { report, .. }) => {
                report.problems.iter().map(|p| p.to_string()).collect()
            }
            Err(e) => vec![e.to_string()],
        }
    }

    #[test]
    fn loads_a_small_dataset() {
        let text = r#"{"name": "x", "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "kind": "firm"}],
            "engagements": [{"id": "p", "name": "P", "start": "2020-01-01", "end": "2020-12-31",
              "participants": [{"actor": "a", "role": "coordinator"}, {"actor": "b"}]}]}"#;
        let (d, report) = parse_dataset(text, "t.json").unwrap();
        assert!(report.warnings.is_empty());
        assert_eq!(d.actors[0].kind, "other");
        assert_eq!(d.engagements[0].kind, "project");
        assert_eq!(d.engagements[0].participants[1].role, "participant");
    }

    #[test]
    fn reports_unknown_fields_types_and_dates_together() {
        let text = r#"{"actors": [{"id": "a", "name": "A", "knd": "firm"}, {"id": 7, "name": "B"}],
            "engagements": [{"id": "p", "name": "P", "start": "2020-02-30", "participants": [{"actor": "a"}]}],
            "ties": [{"source": "a", "target": "b", "weight": "heavy"}]}"#;
        let got = problems_of(text);
        assert_eq!(got.len(), 5, "{got:#?}");
        assert!(got[0].starts_with("actors[0].knd: unknown field \"knd\""));
        assert!(got[1].starts_with("actors[1].id: expected a string, found the number 7"));
        assert!(got[2].starts_with("engagements[0].start: \"2020-02-30\" is not a calendar date"));
        assert!(got[3].starts_with("ties[0].weight: expected a number, found the string \"heavy\""));
        assert!(got[4].starts_with("ties[0].target: unknown actor \"b\""));
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = parse_dataset("{\n  \"actors\": [,]\n}", "t.json").unwrap_err();
        assert!(err.to_string().starts_with("t.json:2:"), "{err}");
    }
}
