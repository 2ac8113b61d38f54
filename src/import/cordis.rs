//! CORDIS (Horizon) open data: the `;`-separated `project.csv` and
//! `organization.csv` as the EU publishes them (text fields quoted, may
//! hold `;` and line breaks).
//!
//! A project is its `projectID`; each row of `organization.csv` is one
//! organisation in one project, with its role (`coordinator`,
//! `participant`, `partner`, `associatedPartner`, `thirdParty`), its EC
//! contribution, its PIC (`organisationID`) and VAT number as identity
//! keys, and its `activityType` as a kind (HES university, REC research
//! institute, PRC firm, PUB public body, OTH other). The project's
//! acronym, title, dates and EC maximum contribution come from
//! `project.csv`.

use super::columns::{import_table, join, ColumnMapping};
use super::csv::{CsvOptions, Table};
use crate::error::{Error, Result};
use crate::model::Dataset;
use std::path::Path;

/// The columns of `project.csv` taken into each organisation row, under
/// the prefix `project: `.
const PROJECT_COLUMNS: &[&str] = &[
    "acronym",
    "title",
    "startDate",
    "endDate",
    "ecMaxContribution",
    "totalCost",
    "frameworkProgramme",
    "fundingScheme",
    "topics",
    "objective",
];

const MAPPING: &str = r#"
[engagement]
key = ["projectID"]
name = "project: title"
start = "project: startDate"
end = "project: endDate"
funding = "project: ecMaxContribution"

[engagement.attributes]
acronym = "project: acronym"
total_cost = "project: totalCost"
framework_programme = "project: frameworkProgramme"
funding_scheme = "project: fundingScheme"
topics = "project: topics"
objective = "project: objective"

[actor]
name = "name"
keys = ["organisationID", "vatNumber"]
country = "country"
kind = "activityType"

[actor.attributes]
short_name = "shortName"
city = "city"
nuts = "nutsCode"
sme = "SME"
website = "organizationURL"

[role]
column = "role"
values = { coordinator = "coordinator", participant = "partner", partner = "partner", associatedPartner = "partner", thirdParty = "partner" }

[participation]
amount = "ecContribution"
"#;

/// Reads CORDIS's `organizations` table and, when given, its `projects`
/// table. Returns the dataset and notes.
///
/// # Errors
///
/// [`Error::Import`] naming the file, row and column of every problem;
/// nothing is returned when there is one.
pub fn import_cordis(
    organizations: &Path,
    projects: Option<&Path>,
    name: &str,
) -> Result<(Dataset, Vec<String>)> {
    let mapping = ColumnMapping::from_toml(MAPPING, "the CORDIS mapping")?;
    let options = CsvOptions {
        delimiter: Some(b';'),
        encoding: None,
    };
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    let mut table = Table::read(organizations, &options, &mut problems, &mut notes)?;
    let projects = match projects {
        Some(path) => Some(Table::read(path, &options, &mut problems, &mut notes)?),
        None => None,
    };
    if !problems.is_empty() {
        return Err(Error::Import { problems });
    }
    table.remove_personal_data(&mut notes);
    join(
        &mut table,
        projects.as_ref(),
        (&["projectID"], &["id"]),
        PROJECT_COLUMNS,
        "project: ",
    );
    let (mut dataset, more) = import_table(&table, &mapping, name)?;
    notes.extend(more);
    // Projects read by their acronyms when the project table is missing.
    if projects.is_none() {
        notes.push(format!(
            "{}: no project table: projects are named by their ids, without dates or funding",
            table.file
        ));
    }
    for e in &mut dataset.engagements {
        if let Some(serde_json::Value::String(acronym)) = e.attributes().get("acronym") {
            if !acronym.is_empty()
                && e.name.as_str()
                    == e.attributes()
                        .get("key")
                        .and_then(|k| k.as_str())
                        .unwrap_or("")
            {
                e.name = acronym.as_str().into();
            }
        }
    }
    Ok((dataset, notes))
}
