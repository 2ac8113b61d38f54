//! keep.eu exports, as downloaded: the workbook with the sheets
//! `Projects (lead partners)`, `Partners` and `Calls`, or the `Partners`
//! sheet saved as `;`-separated CSV.
//!
//! A project is keyed by its programme and acronym. Each row of
//! `Partners` is one organisation in one project, `Lead Partner` `Yes`
//! making it a coordinator (a project with two lead partners, as the
//! Sweden–Norway programmes have one per side, keeps two coordinators).
//! The project's name, dates (`2015/09/01`), EU funding (`758394.29`),
//! budget (`892,228.58`) and texts come from its first row in
//! `Projects (lead partners)`; country, town, legal status, department and
//! NUTS codes of each organisation become its attributes.

use super::columns::{import_table, join, ColumnMapping};
use super::csv::{CsvOptions, Table};
use crate::error::{Error, Result};
use crate::model::{Dataset, Problem};
use std::path::Path;

/// The sheet of organisations per project.
pub const PARTNERS: &str = "Partners";
/// The sheet of projects (one row per lead partner).
pub const PROJECTS: &str = "Projects (lead partners)";

/// The columns of `Projects (lead partners)` taken into each partner row,
/// under the prefix `project: `.
const PROJECT_COLUMNS: &[&str] = &[
    "Project Name",
    "Project start",
    "Project end",
    "EU Funding",
    "Budget",
    "Period",
    "Thematic1",
    "Description EN",
    "Expected Results EN",
    "Achievements EN",
];

/// How keep.eu's columns make a dataset.
const MAPPING: &str = r#"
[engagement]
key = ["Programme", "Acronym"]
name = "project: Project Name"
start = "project: Project start"
end = "project: Project end"
date_format = "%Y/%m/%d"
funding = "project: EU Funding"

[engagement.attributes]
programme = "Programme"
acronym = "Acronym"
budget = "project: Budget"
period = "project: Period"
theme = "project: Thematic1"
description = "project: Description EN"
expected_results = "project: Expected Results EN"
achievements = "project: Achievements EN"

[actor]
name = "Project Partner"
country = "Country"
unit = "Department"

[actor.attributes]
town = "Town"
legal_status = "Legal Status"
nuts1 = "NUTS1 (or equivalent)"
nuts2 = "NUTS2 (or equivalent)"
nuts3 = "NUTS3 (or equivalent)"
website = "Website"

[role]
column = "Lead Partner"
values = { Yes = "coordinator", yes = "coordinator", YES = "coordinator", No = "partner", no = "partner", NO = "partner" }
"#;

/// Reads a keep.eu export at `path`: a workbook (`.xlsx`) or the
/// `Partners` sheet as CSV. Returns the dataset and notes (rows left out,
/// sheets not read, personal data removed).
///
/// # Errors
///
/// [`Error::Import`] naming the file, sheet, row and column of every
/// problem: no `Partners` sheet, a column keep.eu always writes missing, a
/// date or an amount that cannot be read. Nothing is returned when there
/// is a problem.
pub fn import_keep_eu(path: &Path, name: &str) -> Result<(Dataset, Vec<String>)> {
    let mapping = ColumnMapping::from_toml(MAPPING, "the keep.eu mapping")?;
    let mut notes = Vec::new();
    let xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let (mut partners, projects) = if xlsx {
        let (file, names, mut tables) =
            super::xlsx::read_sheets(path, &[Some(PARTNERS), Some(PROJECTS)])?;
        let projects = tables.pop().flatten();
        let Some(partners) = tables.pop().flatten() else {
            return Err(Error::Import {
                problems: vec![Problem::new(
                    file,
                    format!(
                        "no sheet {PARTNERS:?}; the workbook has: {}; a keep.eu export has the sheets {PROJECTS:?}, {PARTNERS:?} and \"Calls\"",
                        names.join(", ")
                    ),
                )],
            });
        };
        if projects.is_none() {
            notes.push(format!(
                "{file}: no sheet {PROJECTS:?}: projects are named by their acronyms, without dates or funding"
            ));
        }
        (partners, projects)
    } else {
        let mut problems = Vec::new();
        let table = Table::read(path, &CsvOptions::default(), &mut problems, &mut notes)?;
        if !problems.is_empty() {
            return Err(Error::Import { problems });
        }
        notes.push(format!(
            "{}: the Partners table alone: projects are named by their acronyms, without dates or funding",
            table.file
        ));
        (table, None)
    };
    partners.remove_personal_data(&mut notes);
    join(
        &mut partners,
        projects.as_ref(),
        (&["Programme", "Acronym"], &["Programme", "Acronym"]),
        PROJECT_COLUMNS,
        "project: ",
    );
    let (dataset, more) = import_table(&partners, &mapping, name)?;
    notes.extend(more);
    Ok((dataset, notes))
}
