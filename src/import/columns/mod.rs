//! Any table of participations into a dataset, by a mapping of its
//! columns: which columns key an engagement and name it, which name the
//! organisation and identify it, what the role column's values mean,
//! how dates and amounts are written, which columns become attributes.
//!
//! A mapping is written in TOML (`import csv --columns MAPPING.toml`); the
//! keep.eu importer uses a built-in one. One row is one organisation's
//! participation in one engagement.
//!
//! ```
//! use verkosto::import::columns::ColumnMapping;
//! let mapping: ColumnMapping = toml::from_str(r#"
//!     [engagement]
//!     key = ["program", "projektnamn"]
//!     name = "projektnamn"
//!     start = "startdatum"
//!     [actor]
//!     name = "organisationsnamn"
//!     [role]
//!     column = "organisationsroll"
//!     values = { LP = "coordinator", PP = "partner", AP = "partner" }
//! "#).unwrap();
//! assert_eq!(mapping.engagement.key.len(), 2);
//! ```

mod build;
mod cells;

pub(crate) use build::import_table;

use super::csv::{CsvOptions, Table};
use crate::error::{Error, Result};
use crate::model::{Dataset, Problem};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// How the columns of a participation table make a dataset.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// The dataset's name (default: the table's file name).
    pub name: Option<String>,
    /// The sheet of a workbook to read (default: the first).
    pub sheet: Option<String>,
    /// The engagement of each row.
    pub engagement: EngagementColumns,
    /// The organisation of each row.
    pub actor: ActorColumns,
    /// The role of the organisation (default: every row a partner).
    pub role: Option<RoleColumn>,
    /// What a row says of the participation itself.
    pub participation: Option<ParticipationColumns>,
}

/// Columns of the participation itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipationColumns {
    /// An amount per participation (a partner's budget, an EU
    /// contribution): kept in the engagement's attribute `amount.ID` for
    /// the actor `ID`, summed over rows.
    pub amount: Option<String>,
}

/// The engagement columns.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngagementColumns {
    /// The columns whose values together key the engagement (a programme
    /// and an acronym, a project code).
    pub key: Vec<String>,
    /// The column with its name (default: the key).
    pub name: Option<String>,
    /// Its kind (default `project`).
    pub kind: Option<String>,
    /// Start and end date columns.
    pub start: Option<String>,
    /// See `start`.
    pub end: Option<String>,
    /// How the dates are written, as strftime (`%Y/%m/%d`); default
    /// `YYYY-MM-DD` or `d.m.yyyy`, and a year alone.
    pub date_format: Option<String>,
    /// The column with the funding in euros (`892,228.58`, `758394.29`,
    /// `245 300,50 €`, `609.360 €` are all read).
    pub funding: Option<String>,
    /// More columns as attributes: attribute name = column.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

/// The organisation columns.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorColumns {
    /// The column with the organisation's name.
    pub name: String,
    /// Identity keys: columns of registry numbers (Y-tunnus, PIC, VAT);
    /// two different values are never one organisation.
    #[serde(default)]
    pub keys: Vec<String>,
    /// The column with the organisation's country; the same name in two
    /// countries is two organisations.
    pub country: Option<String>,
    /// The column with its region.
    pub region: Option<String>,
    /// The column with its type, read as a kind (Finnish and Swedish type
    /// words and Interreg's legal categories are known; another type is
    /// kept as the attribute `organisation_type`).
    pub kind: Option<String>,
    /// The kind of every organisation without a type (`municipality` for
    /// a list of cities); else the kind its name tells.
    pub default_kind: Option<String>,
    /// A unit of the organisation (a department, a faculty): kept as an
    /// attribute, the organisation stays one actor.
    pub unit: Option<String>,
    /// More columns as attributes: attribute name = column.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

/// The role column and what its values mean.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleColumn {
    /// The column.
    pub column: String,
    /// Value → role (`LP = "coordinator"`, `Yes = "coordinator"`); values
    /// not listed are read as role words (Finnish, Swedish and English).
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

impl ColumnMapping {
    /// Reads a mapping from TOML text; `place` names it in errors.
    pub fn from_toml(text: &str, place: &str) -> Result<ColumnMapping> {
        toml::from_str(text).map_err(|e| Error::Import {
            problems: vec![Problem::new(
                place,
                format!("not a column mapping: {}", e.message()),
            )],
        })
    }
}

/// Reads the table at `path` (CSV, or a sheet of a workbook: the
/// mapping's `sheet`, else the first) and builds the dataset `mapping`
/// describes (see [`ColumnMapping`]); personal data is taken out of every
/// cell first. Returns the dataset and notes.
///
/// # Errors
///
/// [`Error::Import`] listing every problem with its place; nothing is
/// returned when there is one.
pub fn import_mapped(
    path: &Path,
    mapping: &ColumnMapping,
    options: &CsvOptions,
    name: &str,
) -> Result<(Dataset, Vec<String>)> {
    let mut notes = Vec::new();
    let xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let mut table = if xlsx {
        let (file, names, tables) =
            crate::import::xlsx::read_sheets(path, &[mapping.sheet.as_deref()])?;
        tables
            .into_iter()
            .next()
            .flatten()
            .ok_or_else(|| Error::Import {
                problems: vec![Problem::new(
                    file,
                    format!(
                        "no sheet {:?}; the workbook has: {}",
                        mapping.sheet.as_deref().unwrap_or(""),
                        names.join(", ")
                    ),
                )],
            })?
    } else {
        let mut problems = Vec::new();
        let table = Table::read(path, options, &mut problems, &mut notes)?;
        if !problems.is_empty() {
            return Err(Error::Import { problems });
        }
        table
    };
    table.remove_personal_data(&mut notes);
    let (dataset, more) = import_table(&table, mapping, name)?;
    notes.extend(more);
    Ok((dataset, notes))
}

/// Adds `columns` of `right` to each row of `left`, under `prefix`: the
/// values of the first row of `right` whose `right_key` columns hold what
/// the row's `left_key` columns hold (empty when none does, or without
/// `right`). How a table of participations gets its engagements' details
/// from a table of engagements.
pub(crate) fn join(
    left: &mut Table,
    right: Option<&Table>,
    (left_key, right_key): (&[&str], &[&str]),
    columns: &[&str],
    prefix: &str,
) {
    let column = |t: &Table, name: &str| t.header.iter().position(|h| h.trim() == name);
    let key = |t: &Table, names: &[&str], row: &csv::StringRecord| -> Option<Vec<String>> {
        names
            .iter()
            .map(|n| Some(row.get(column(t, n)?)?.trim().to_string()))
            .collect()
    };
    let mut first: HashMap<Vec<String>, usize> = HashMap::new();
    if let Some(right) = right {
        for (i, (_, row)) in right.rows.iter().enumerate() {
            if let Some(k) = key(right, right_key, row) {
                first.entry(k).or_insert(i);
            }
        }
    }
    let wanted: Vec<Option<usize>> = columns
        .iter()
        .map(|c| right.and_then(|r| column(r, c)))
        .collect();
    let extra: Vec<Vec<String>> = left
        .rows
        .iter()
        .map(|(_, row)| {
            let found = key(left, left_key, row)
                .and_then(|k| first.get(&k))
                .and_then(|&i| right.map(|r| &r.rows[i].1));
            wanted
                .iter()
                .map(|c| {
                    c.zip(found)
                        .and_then(|(c, r)| r.get(c))
                        .unwrap_or("")
                        .to_string()
                })
                .collect()
        })
        .collect();
    let width = left.header.len();
    left.header
        .extend(columns.iter().map(|c| format!("{prefix}{c}")));
    for ((_, row), extra) in left.rows.iter_mut().zip(extra) {
        let mut cells: Vec<String> = row.iter().map(str::to_string).collect();
        cells.resize(width, String::new());
        cells.extend(extra);
        *row = csv::StringRecord::from(cells);
    }
}
