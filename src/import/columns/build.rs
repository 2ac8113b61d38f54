//! Building the dataset from a mapped table, row by row: engagements by
//! key, organisations by identity, roles and amounts per participation.

use super::cells::{date_of, date_shaped, present, role_of, Columns};
use super::ColumnMapping;
use crate::error::{Error, Result};
use crate::import::csv::{parse_number, Table};
use crate::model::{Actor, ActorDetails, Attributes, Dataset, Engagement, Participation, Problem};
use crate::text::{fold, slug};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// One organisation as the rows name it.
struct Organisation {
    /// Spellings of its name, with how many rows use each, in first-seen
    /// order.
    names: Vec<(String, usize)>,
    keys: Vec<String>,
    country: Option<String>,
    region: Option<String>,
    kind: Option<String>,
    units: Vec<String>,
    attributes: Attributes,
}

/// Builds the dataset from `table` under `mapping`.
///
/// # Errors
///
/// [`Error::Import`] listing every problem with its place (file, row,
/// column): a column the mapping names that the table lacks, a role value
/// that is neither mapped nor a role word, a date or an amount that
/// cannot be read. Nothing is built when there is a problem.
///
/// # Complexity
///
/// O(r log r) for r rows.
pub(crate) fn import_table(
    table: &Table,
    mapping: &ColumnMapping,
    name: &str,
) -> Result<(Dataset, Vec<String>)> {
    let columns = Columns::new(table);
    let missing = columns.missing(mapping);
    if !missing.is_empty() {
        return Err(Error::Import {
            problems: vec![Problem::new(
                table.file.clone(),
                format!(
                    "no column {} (the table has: {})",
                    missing.join(", "),
                    table.header.join(", ")
                ),
            )],
        });
    }
    let mut builder = Builder::new(table, mapping, &columns);
    for (line, row) in &table.rows {
        builder.row(*line, row);
    }
    builder.finish(name)
}

/// The dataset as it is being built, row by row.
struct Builder<'t> {
    table: &'t Table,
    mapping: &'t ColumnMapping,
    columns: &'t Columns,
    problems: Vec<Problem>,
    notes: Vec<String>,
    engagements: Vec<Engagement>,
    rows_of: Vec<Vec<u64>>,
    by_key: HashMap<String, usize>,
    organisations: Vec<Organisation>,
    by_identity: HashMap<String, usize>,
    /// (engagement, organisation) → role, strongest kept.
    roles: BTreeMap<(usize, usize), String>,
    /// (engagement, organisation) → amount, summed over rows.
    amounts: BTreeMap<(usize, usize), f64>,
}

impl<'t> Builder<'t> {
    fn new(table: &'t Table, mapping: &'t ColumnMapping, columns: &'t Columns) -> Builder<'t> {
        Builder {
            table,
            mapping,
            columns,
            problems: Vec::new(),
            notes: Vec::new(),
            engagements: Vec::new(),
            rows_of: Vec::new(),
            by_key: HashMap::new(),
            organisations: Vec::new(),
            by_identity: HashMap::new(),
            roles: BTreeMap::new(),
            amounts: BTreeMap::new(),
        }
    }

    fn cell<'r>(&self, row: &'r csv::StringRecord, column: &str) -> Option<&'r str> {
        self.columns
            .get(column)
            .and_then(|i| row.get(i))
            .and_then(present)
    }

    fn problem(&mut self, line: u64, column: &str, message: String) {
        let at = self.columns.get(column).map_or(0, |i| i + 1);
        self.problems.push(Problem::new(
            format!("{}:{line}:{at} ({column})", self.table.file),
            message,
        ));
    }

    fn row(&mut self, line: u64, row: &csv::StringRecord) {
        let mapping = self.mapping;
        let key: Vec<&str> = mapping
            .engagement
            .key
            .iter()
            .map(|c| self.cell(row, c).unwrap_or(""))
            .collect();
        let Some(name) = self.cell(row, &mapping.actor.name) else {
            self.notes.push(format!(
                "{}:{line}: no organisation named ({}); the row is left out",
                self.table.file, mapping.actor.name
            ));
            return;
        };
        if key.iter().all(|k| k.is_empty()) {
            self.notes.push(format!(
                "{}:{line}: no engagement key ({}); the row is left out",
                self.table.file,
                mapping.engagement.key.join(", ")
            ));
            return;
        }
        let role = match &mapping.role {
            None => "partner".to_string(),
            Some(r) => match self.cell(row, &r.column) {
                None => "partner".to_string(),
                Some(value) => match role_of(value, r) {
                    Some(role) => role,
                    None => {
                        let column = r.column.clone();
                        self.problem(
                            line,
                            &column,
                            format!("{value:?} is not a role; map it in [role] values (e.g. {value:?} = \"partner\") or use a role word"),
                        );
                        return;
                    }
                },
            },
        };
        let e = self.engagement(line, row, &key.join(" / "));
        let a = self.organisation(row, name);
        let amount_column = mapping
            .participation
            .as_ref()
            .and_then(|p| p.amount.as_deref());
        if let Some(column) = amount_column {
            if let Some(text) = self.cell(row, column) {
                match parse_number(text) {
                    Some(v) => *self.amounts.entry((e, a)).or_insert(0.0) += v,
                    None => {
                        self.problem(line, column, format!("{text:?} is not an amount of euros"))
                    }
                }
            }
        }
        let slot = self.roles.entry((e, a)).or_insert_with(|| role.clone());
        if crate::import::registry::role_strength(&role)
            > crate::import::registry::role_strength(slot)
        {
            *slot = role;
        }
    }

    /// The engagement of `key`, made from its first row.
    fn engagement(&mut self, line: u64, row: &csv::StringRecord, key: &str) -> usize {
        if let Some(&e) = self.by_key.get(key) {
            self.rows_of[e].push(line);
            return e;
        }
        let m = &self.mapping.engagement;
        let format = m.date_format.as_deref();
        let date = |column: &Option<String>, end: bool, me: &mut Self| {
            let column = column.as_deref()?;
            let text = me.cell(row, column)?;
            let parsed = date_of(text, format, end);
            if parsed.is_none() && date_shaped(text) {
                // A day the calendar lacks (2027-02-31): the date is left
                // out, the engagement kept.
                me.notes.push(format!(
                    "{}:{line}: {column} {text:?} is not a day of the calendar; the date is left out",
                    me.table.file
                ));
            } else if parsed.is_none() {
                me.problem(
                    line,
                    column,
                    format!(
                        "{text:?} is not a date{}",
                        format.map_or(String::new(), |f| format!(" in the form {f}"))
                    ),
                );
            }
            parsed
        };
        let mut start = date(&m.start, false, self);
        let mut end = date(&m.end, true, self);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.notes.push(format!(
                    "{}:{line}: {key}: the end {e} is before the start {s}; both dates are left out",
                    self.table.file
                ));
                (start, end) = (None, None);
            }
        }
        let funding = m.funding.as_deref().and_then(|column| {
            let text = self.cell(row, column)?;
            let amount = parse_number(text);
            if amount.is_none() {
                self.problem(line, column, format!("{text:?} is not an amount of euros"));
            }
            amount
        });
        let mut attributes = Attributes::new();
        for (attribute, column) in &m.attributes {
            if let Some(text) = self.cell(row, column) {
                attributes.insert(attribute.clone(), Value::String(text.to_string()));
            }
        }
        let name = m
            .name
            .as_deref()
            .and_then(|c| self.cell(row, c))
            .unwrap_or(key);
        self.engagements.push(Engagement {
            id: key.into(),
            name: name.into(),
            kind: m.kind.as_deref().unwrap_or("project").into(),
            start,
            end,
            participants: Vec::new(),
            details: crate::model::EngagementDetails {
                funding_eur: funding,
                part_of: None,
                attributes,
            }
            .boxed(),
        });
        self.rows_of.push(vec![line]);
        self.by_key
            .insert(key.to_string(), self.engagements.len() - 1);
        self.engagements.len() - 1
    }

    /// The organisation `name` stands for in `row`: one by registry
    /// number, else by its folded name within its country, else by the
    /// register of Finnish public bodies.
    fn organisation(&mut self, row: &csv::StringRecord, name: &str) -> usize {
        let m = &self.mapping.actor;
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        // A unit named after its university or city is that organisation.
        let (name, named_unit) = crate::import::names::split_unit(&name);
        let keys: Vec<String> = m
            .keys
            .iter()
            .filter_map(|c| self.cell(row, c))
            .map(|k| k.to_uppercase().replace([' ', '-', '.'], ""))
            .collect();
        let country = m
            .country
            .as_deref()
            .and_then(|c| self.cell(row, c))
            .map(crate::import::names::country_name);
        let identities = identities_of(&name, &keys, country.as_deref());
        let found = identities
            .iter()
            .find_map(|i| self.by_identity.get(i))
            .copied();
        let a = found.unwrap_or_else(|| {
            self.organisations.push(Organisation {
                names: Vec::new(),
                keys: keys.clone(),
                country: country.clone(),
                region: None,
                kind: None,
                units: Vec::new(),
                attributes: Attributes::new(),
            });
            self.organisations.len() - 1
        });
        for identity in identities {
            self.by_identity.entry(identity).or_insert(a);
        }
        self.record(a, row, name, named_unit);
        a
    }

    /// What `row` says of organisation `a`: its spelling `name`, region,
    /// kind, units (named with it, or in the unit column) and attributes
    /// (the first value of each kept).
    fn record(
        &mut self,
        a: usize,
        row: &csv::StringRecord,
        name: String,
        named_unit: Option<String>,
    ) {
        let m = &self.mapping.actor;
        let region = m.region.as_deref().and_then(|c| self.cell(row, c));
        let kind = m.kind.as_deref().and_then(|c| self.cell(row, c));
        let column_unit = m.unit.as_deref().and_then(|c| self.cell(row, c));
        let attributes: Vec<(String, String)> = m
            .attributes
            .iter()
            .filter_map(|(k, c)| self.cell(row, c).map(|v| (k.clone(), v.to_string())))
            .collect();
        let o = &mut self.organisations[a];
        match o.names.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => o.names.push((name, 1)),
        }
        o.region = o.region.take().or(region.map(str::to_string));
        if o.kind.is_none() {
            if let Some(kind) = kind {
                match crate::import::roles::kind_word(kind) {
                    Some(k) => o.kind = Some(k.to_string()),
                    None => {
                        o.attributes
                            .entry("organisation_type".into())
                            .or_insert(Value::String(kind.to_string()));
                    }
                }
            }
        }
        for unit in named_unit.as_deref().into_iter().chain(column_unit) {
            if !o.units.iter().any(|u| u == unit) {
                o.units.push(unit.to_string());
            }
        }
        for (k, v) in attributes {
            o.attributes.entry(k).or_insert(Value::String(v));
        }
    }

    fn finish(mut self, name: &str) -> Result<(Dataset, Vec<String>)> {
        if !self.problems.is_empty() {
            return Err(Error::Import {
                problems: self.problems,
            });
        }
        let ids = self.actor_ids();
        let actors: Vec<Actor> = self
            .organisations
            .iter()
            .zip(&ids)
            .map(|(o, id)| organisation_actor(o, id, self.mapping.actor.default_kind.as_deref()))
            .collect();
        for ((e, a), role) in std::mem::take(&mut self.roles) {
            self.engagements[e].participants.push(Participation {
                actor: ids[a].as_str().into(),
                role: role.into(),
            });
        }
        for ((e, a), amount) in std::mem::take(&mut self.amounts) {
            if let Some(n) = serde_json::Number::from_f64(amount) {
                self.engagements[e]
                    .details_mut()
                    .attributes
                    .insert(format!("amount.{}", ids[a]), Value::Number(n));
            }
        }
        let file = self.table.file.clone();
        for (engagement, lines) in self.engagements.iter_mut().zip(&self.rows_of) {
            let shown: Vec<String> = lines.iter().take(20).map(u64::to_string).collect();
            let more = if lines.len() > 20 { ", …" } else { "" };
            engagement.details_mut().attributes.insert(
                "source".into(),
                Value::String(format!("{file}, rows {}{more}", shown.join(", "))),
            );
        }
        let ids = unique(self.engagements.iter().map(|e| slug(&e.id)).collect());
        for (engagement, id) in self.engagements.iter_mut().zip(ids) {
            let key = Value::String(engagement.id.to_string());
            engagement
                .details_mut()
                .attributes
                .insert("key".into(), key);
            engagement.id = id.into();
        }
        let mut dataset = Dataset {
            name: self
                .mapping
                .name
                .clone()
                .unwrap_or_else(|| name.to_string()),
            actors,
            engagements: self.engagements,
            ..Dataset::default()
        };
        dataset.actors.sort_by(|a, b| a.id.cmp(&b.id));
        dataset.engagements.sort_by(|a, b| a.id.cmp(&b.id));
        let report = crate::model::validate::check(&dataset);
        if !report.problems.is_empty() {
            return Err(Error::Import {
                problems: report.problems,
            });
        }
        self.notes.extend(
            report
                .warnings
                .iter()
                .map(|w| format!("{}: {}", w.place, w.message)),
        );
        Ok((dataset, self.notes))
    }

    /// An id per organisation: its registry key, else its name as a slug;
    /// made unique with `-2`, `-3`… in first-seen order.
    fn actor_ids(&self) -> Vec<String> {
        unique(
            self.organisations
                .iter()
                .map(|o| match o.keys.first() {
                    Some(k) => slug(k),
                    None => slug(&display_name(o)),
                })
                .collect(),
        )
    }
}

/// The name an organisation is shown by: the register's official name when
/// it is a Finnish public body, else the spelling most rows use (the first
/// of equals), with a capitalised spelling preferred to an all-caps one.
fn display_name(o: &Organisation) -> String {
    if let Some(body) = o
        .names
        .iter()
        .find_map(|(n, _)| crate::import::register::body_of(n))
    {
        if o.country.as_deref().is_none_or(|c| fold(c) == "finland") {
            return body.name.clone();
        }
    }
    let caps = |n: &str| n.chars().any(char::is_lowercase);
    o.names
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| (caps(&a.0), a.1).cmp(&(caps(&b.0), b.1)).then(j.cmp(i)))
        .map(|(_, (n, _))| n.clone())
        .unwrap_or_default()
}

fn organisation_actor(o: &Organisation, id: &str, default_kind: Option<&str>) -> Actor {
    let name = display_name(o);
    let register = o
        .names
        .iter()
        .find_map(|(n, _)| crate::import::register::body_of(n));
    let mut aliases: Vec<String> = o
        .names
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| *n != name)
        .collect();
    aliases.sort();
    aliases.dedup();
    let mut attributes = o.attributes.clone();
    if let Some(country) = &o.country {
        attributes.insert("country".into(), Value::String(country.clone()));
    }
    // Attribute values are single values: lists are joined by "; ".
    if !o.units.is_empty() {
        attributes.insert("units".into(), Value::String(o.units.join("; ")));
    }
    if o.keys.len() > 1 {
        attributes.insert("keys".into(), Value::String(o.keys.join("; ")));
    }
    let kind = o
        .kind
        .clone()
        .or_else(|| register.map(|b| b.kind.clone()))
        .or_else(|| default_kind.map(str::to_string))
        .unwrap_or_else(|| crate::import::names::kind_of_name(&name).to_string());
    Actor {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        details: ActorDetails {
            business_id: o.keys.first().map(|k| k.as_str().into()),
            region: o
                .region
                .clone()
                .or_else(|| register.and_then(|b| b.region.clone()))
                .map(Into::into),
            aliases,
            attributes,
        }
        .boxed(),
    }
}

/// `ids` made unique: a repeated id gets `-2`, `-3`… in order.
fn unique(ids: Vec<String>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let taken: std::collections::HashSet<String> = ids.iter().cloned().collect();
    ids.into_iter()
        .map(|id| {
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                return id;
            }
            let mut k = *n;
            loop {
                let candidate = format!("{id}-{k}");
                if !taken.contains(&candidate) {
                    return candidate;
                }
                k += 1;
            }
        })
        .collect()
}

/// The keys under which an organisation is found again: its registry
/// numbers; else its bare name within its country and, for a Finnish (or
/// unplaced) one, the register body and municipality it names in any of
/// their names and forms, English and Swedish too.
fn identities_of(name: &str, keys: &[String], country: Option<&str>) -> Vec<String> {
    if !keys.is_empty() {
        return keys.iter().map(|k| format!("key:{k}")).collect();
    }
    let place = country.map(fold).unwrap_or_default();
    let mut identities = vec![format!(
        "name:{place}:{}",
        crate::text::bare(&crate::import::identity::name_key(name))
    )];
    if place.is_empty() || place == "finland" {
        identities.extend(
            crate::import::identity::identity_keys(name)
                .into_iter()
                .map(|k| format!("fi:{k}")),
        );
        identities
            .extend(crate::import::register::body_of(name).map(|b| format!("register:{}", b.name)));
    }
    identities
}
