//! The canonical JSON format: loading with complete, located validation.
//!
//! Two passes, the second only when the first fails:
//!
//! 1. A typed pass deserialises the text straight into the dataset (no
//!    intermediate JSON tree), rejecting unknown and repeated fields, wrong
//!    types, bad dates and attributes that are not scalars. Its memory is
//!    the dataset itself, and the text is dropped before the checks of
//!    [`crate::model::validate::check`] run.
//! 2. When the typed pass fails, the text is parsed into a JSON value and
//!    walked by hand, so that every problem — unknown fields, wrong types,
//!    missing values, bad dates — is reported with its JSON path, not only
//!    the first one serde would stop at.
//!
//! Both passes give the same dataset for a valid file (tested).

use crate::error::{Error, Result};
use crate::model::{
    validate, Actor, Attributes, Dataset, Date, Engagement, Participation, Problem, Report, Tie,
};
use serde_json::{Map, Value};
use std::path::Path;

/// Reads and validates a dataset file. `-` reads standard input.
///
/// Peak memory is the file plus the dataset for a file that passes the
/// typed pass (see the module documentation).
pub fn load_dataset(path: &Path) -> Result<(Dataset, Report)> {
    if path.as_os_str() != "-" {
        // A file is read as a stream by the typed pass, and whole only
        // when the second pass needs it.
        let origin = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        if let Some(dataset) = typed::parse_reader(std::io::BufReader::with_capacity(1 << 16, file))
        {
            return checked(dataset, Vec::new(), &origin);
        }
    }
    let (origin, bytes) = crate::io::read_input_bytes(path)?;
    parse_dataset_bytes(bytes, &origin)
}

/// As [`parse_dataset`], from the bytes of a file, which are dropped as
/// soon as the dataset is read.
pub fn parse_dataset_bytes(bytes: Vec<u8>, origin: &str) -> Result<(Dataset, Report)> {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    if let Some(dataset) = typed::parse(body) {
        drop(bytes);
        return checked(dataset, Vec::new(), origin);
    }
    let text = super::utf8_text(bytes, Path::new(origin))?;
    parse_listing_every_problem(&text, origin)
}

/// The dataset's checks added to the shape `problems`.
fn checked(
    dataset: Dataset,
    mut problems: Vec<Problem>,
    origin: &str,
) -> Result<(Dataset, Report)> {
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

/// Parses and validates dataset text. `origin` names it in messages.
///
/// Returns the dataset and its warnings, or [`Error::Invalid`] listing every
/// problem.
pub fn parse_dataset(text: &str, origin: &str) -> Result<(Dataset, Report)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(dataset) = typed::parse(body.as_bytes()) {
        return checked(dataset, Vec::new(), origin);
    }
    parse_listing_every_problem(text, origin)
}

/// The second pass: a JSON tree walked by hand, every problem located.
fn parse_listing_every_problem(text: &str, origin: &str) -> Result<(Dataset, Report)> {
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
    drop(value);
    checked(dataset, problems, origin)
}

/// The typed pass: the format as serde types that accept exactly what the
/// hand walk accepts without a problem, and nothing else.
mod typed {
    use crate::model::{
        Actor, ActorDetails, Attributes, CompactString, Dataset, Date, Engagement,
        EngagementDetails, Participation, Tie, Ustr,
    };
    use serde::de::{Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
    use serde::Deserialize;
    use serde_json::Value;
    use std::cell::RefCell;
    use std::fmt;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawDataset {
        name: Option<String>,
        description: Option<String>,
        notes: Option<Vec<String>>,
        actors: Converted<RawActor, Actor>,
        engagements: Option<Converted<RawEngagement, Engagement>>,
        ties: Option<Vec<RawTie>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawActor {
        id: CompactString,
        name: CompactString,
        kind: Option<Ustr>,
        business_id: Option<CompactString>,
        region: Option<CompactString>,
        aliases: Option<Vec<String>>,
        attributes: Option<Scalars>,
    }

    impl From<RawActor> for Actor {
        fn from(a: RawActor) -> Actor {
            Actor {
                id: a.id,
                name: a.name,
                kind: a.kind.unwrap_or_else(|| "other".into()),
                details: ActorDetails {
                    business_id: a.business_id,
                    region: a.region,
                    aliases: a.aliases.unwrap_or_default(),
                    attributes: a.attributes.map(|s| s.0).unwrap_or_default(),
                }
                .boxed(),
            }
        }
    }

    /// A list whose items are made their model type (`R` into `T`) as
    /// they are read, so that the list is never held twice.
    struct Converted<R, T>(Vec<T>, std::marker::PhantomData<R>);

    impl<'de, R: Deserialize<'de> + Into<T>, T> Deserialize<'de> for Converted<R, T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Converted<R, T>, D::Error> {
            struct Walk<R, T>(std::marker::PhantomData<(R, T)>);
            impl<'de, R: Deserialize<'de> + Into<T>, T> Visitor<'de> for Walk<R, T> {
                type Value = Converted<R, T>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a list")
                }
                fn visit_seq<A: SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Converted<R, T>, A::Error> {
                    let mut items = Vec::new();
                    while let Some(item) = seq.next_element::<R>()? {
                        items.push(item.into());
                    }
                    items.shrink_to_fit();
                    Ok(Converted(items, std::marker::PhantomData))
                }
            }
            d.deserialize_seq(Walk(std::marker::PhantomData))
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawEngagement {
        id: CompactString,
        name: CompactString,
        kind: Option<Ustr>,
        start: Option<Day>,
        end: Option<Day>,
        funding_eur: Option<f64>,
        part_of: Option<CompactString>,
        participants: Option<Participants>,
        attributes: Option<Scalars>,
    }

    impl From<RawEngagement> for Engagement {
        fn from(e: RawEngagement) -> Engagement {
            Engagement {
                id: e.id,
                name: e.name,
                kind: e.kind.unwrap_or_else(|| "project".into()),
                start: e.start.map(|d| d.0),
                end: e.end.map(|d| d.0),
                participants: e.participants.map(|p| p.0).unwrap_or_default(),
                details: EngagementDetails {
                    funding_eur: e.funding_eur,
                    part_of: e.part_of,
                    attributes: e.attributes.map(|s| s.0).unwrap_or_default(),
                }
                .boxed(),
            }
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawParticipation {
        actor: CompactString,
        role: Option<Ustr>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawTie {
        source: CompactString,
        target: CompactString,
        kind: Option<CompactString>,
        weight: Option<f64>,
    }

    /// A participant list at its exact length: read into a buffer that is
    /// reused from list to list, then moved once into its own allocation.
    /// (Growing each list by doubling and shrinking it would leave a
    /// fragment of freed memory behind every engagement.)
    struct Participants(Vec<Participation>);

    thread_local! {
        static PARTICIPANTS: RefCell<Vec<Participation>> = const { RefCell::new(Vec::new()) };
    }

    impl<'de> Deserialize<'de> for Participants {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Participants, D::Error> {
            struct Walk;
            impl<'de> Visitor<'de> for Walk {
                type Value = Participants;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a list of participations")
                }
                fn visit_seq<A: SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Participants, A::Error> {
                    PARTICIPANTS.with_borrow_mut(|buffer| {
                        buffer.clear();
                        while let Some(p) = seq.next_element::<RawParticipation>()? {
                            buffer.push(Participation {
                                actor: p.actor,
                                role: p.role.unwrap_or_else(|| "participant".into()),
                            });
                        }
                        let mut list = Vec::with_capacity(buffer.len());
                        list.append(buffer);
                        Ok(Participants(list))
                    })
                }
            }
            d.deserialize_seq(Walk)
        }
    }

    /// A calendar day written as `YYYY-MM-DD`.
    struct Day(Date);

    impl<'de> Deserialize<'de> for Day {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
            let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            text.parse().map(Day).map_err(D::Error::custom)
        }
    }

    /// Attributes: string, number or boolean values, each key once.
    struct Scalars(Attributes);

    impl<'de> Deserialize<'de> for Scalars {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalars, D::Error> {
            struct Walk;
            impl<'de> Visitor<'de> for Walk {
                type Value = Scalars;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object of strings, numbers and booleans")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalars, A::Error> {
                    let mut out = Attributes::new();
                    while let Some(key) = map.next_key::<String>()? {
                        let value: Value = map.next_value()?;
                        if !matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
                            return Err(A::Error::custom("an attribute that is not a scalar"));
                        }
                        if out.insert(key, value).is_some() {
                            return Err(A::Error::custom("a repeated attribute"));
                        }
                    }
                    Ok(Scalars(out))
                }
            }
            d.deserialize_map(Walk)
        }
    }

    /// The dataset, or `None` when the text has any problem of shape (the
    /// second pass then lists them all).
    pub(super) fn parse(bytes: &[u8]) -> Option<Dataset> {
        serde_json::from_slice(bytes).ok().map(convert)
    }

    /// As [`parse`], from a stream; a byte-order mark is skipped.
    pub(super) fn parse_reader<R: std::io::BufRead>(mut reader: R) -> Option<Dataset> {
        let start = reader.fill_buf().ok()?;
        if start.starts_with(b"\xef\xbb\xbf") {
            reader.consume(3);
        }
        serde_json::from_reader(reader).ok().map(convert)
    }

    fn convert(raw: RawDataset) -> Dataset {
        let mut dataset = Dataset {
            name: raw.name.unwrap_or_default(),
            description: raw.description,
            notes: raw.notes.unwrap_or_default(),
            actors: raw.actors.0,
            engagements: raw.engagements.map(|e| e.0).unwrap_or_default(),
            ties: raw
                .ties
                .unwrap_or_default()
                .into_iter()
                .map(|t| Tie {
                    source: t.source,
                    target: t.target,
                    kind: t.kind,
                    weight: t.weight.unwrap_or(1.0),
                })
                .collect(),
        };
        // Parsing grows each list by doubling: give back the unused half.
        dataset.actors.shrink_to_fit();
        dataset.engagements.shrink_to_fit();
        dataset.ties.shrink_to_fit();
        dataset
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
            id: f.string("id", true, problems).unwrap_or_default().into(),
            name: f.string("name", true, problems).unwrap_or_default().into(),
            kind: f
                .string("kind", false, problems)
                .unwrap_or_else(|| "other".into())
                .into(),
            details: crate::model::ActorDetails {
                business_id: f.string("business_id", false, problems).map(Into::into),
                region: f.string("region", false, problems).map(Into::into),
                aliases: f.strings("aliases", problems),
                attributes: f.attributes(problems),
            }
            .boxed(),
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
                actor: pf
                    .string("actor", true, problems)
                    .unwrap_or_default()
                    .into(),
                role: pf
                    .string("role", false, problems)
                    .unwrap_or_else(|| "participant".into())
                    .into(),
            });
        }
        dataset.engagements.push(Engagement {
            id: f.string("id", true, problems).unwrap_or_default().into(),
            name: f.string("name", true, problems).unwrap_or_default().into(),
            kind: f
                .string("kind", false, problems)
                .unwrap_or_else(|| "project".into())
                .into(),
            start: f.date("start", problems),
            end: f.date("end", problems),
            participants,
            details: crate::model::EngagementDetails {
                funding_eur: f.number("funding_eur", problems),
                part_of: f.string("part_of", false, problems).map(Into::into),
                attributes: f.attributes(problems),
            }
            .boxed(),
        });
    }
    for (i, item) in top.array("ties", false, problems).iter().enumerate() {
        let path = format!("ties[{i}]");
        let Some(f) = Fields::open(item, &path, TIE_FIELDS, problems) else {
            continue;
        };
        dataset.ties.push(Tie {
            source: f
                .string("source", true, problems)
                .unwrap_or_default()
                .into(),
            target: f
                .string("target", true, problems)
                .unwrap_or_default()
                .into(),
            kind: f.string("kind", false, problems).map(Into::into),
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

    /// The typed pass and the hand walk read every bundled dataset (and
    /// every null and default) to the same dataset.
    #[test]
    fn both_passes_give_the_same_dataset() {
        let mut texts: Vec<String> = vec![
            r#"{"name": null, "description": "d", "notes": ["n"], "actors": [{"id": "a", "name": "A", "kind": null, "aliases": ["x"], "attributes": {"n": 1.5, "b": true, "s": "t"}}, {"id": "b", "name": "B"}],
              "engagements": [{"id": "p", "name": "P", "start": "2020-01-01", "end": null, "funding_eur": 12, "part_of": null,
                "participants": [{"actor": "a", "role": null}, {"actor": "b", "role": "partner"}], "attributes": {}}],
              "ties": [{"source": "a", "target": "b"}, {"source": "b", "target": "a", "kind": "k", "weight": 2}]}"#.to_string(),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        for text in texts {
            let fast = typed::parse(text.as_bytes()).expect("the typed pass reads it");
            let value: Value = serde_json::from_str(&text).unwrap();
            let mut problems = Vec::new();
            let slow = dataset_from_value(&value, &mut problems);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(fast.to_json(), slow.to_json());
        }
        // Shapes the typed pass leaves to the hand walk.
        for bad in [
            r#"{"actors": [{"id": "a", "name": "A", "attributes": {"x": 1, "x": 2}}]}"#,
            r#"{"actors": [{"id": "a", "name": "A", "attributes": {"x": [1]}}]}"#,
            r#"{"actors": [{"id": "a", "name": "A", "id": "b"}]}"#,
            r#"{"actors": [], "engagements": [{"id": "p", "name": "P", "start": "2020-02-30"}]}"#,
            r#"{"actors": [{"id": null, "name": "A"}]}"#,
        ] {
            assert!(typed::parse(bad.as_bytes()).is_none(), "{bad}");
            assert!(parse_dataset(bad, "t.json").is_err(), "{bad}");
        }
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = parse_dataset("{\n  \"actors\": [,]\n}", "t.json").unwrap_err();
        assert!(err.to_string().starts_with("t.json:2:"), "{err}");
    }
}
