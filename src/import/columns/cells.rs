//! Reading a mapped table's cells: roles, dates, placeholders, and which
//! columns the mapping names.

use super::{ColumnMapping, RoleColumn};
use crate::import::csv::Table;
use crate::model::Date;
use std::collections::HashMap;

/// The role a value stands for: the mapping's own values first, then the
/// role words of the three languages.
pub(super) fn role_of(value: &str, mapping: &RoleColumn) -> Option<String> {
    if let Some(role) = mapping.values.get(value.trim()) {
        return Some(role.clone());
    }
    crate::import::roles::role_word(value).map(str::to_string)
}

/// A date in `format` (strftime), else as people write it, else a year.
pub(super) fn date_of(text: &str, format: Option<&str>, end: bool) -> Option<Date> {
    let t = text.trim();
    if let Some(format) = format {
        if let Ok(d) = jiff::civil::Date::strptime(format, t) {
            return Date::new(d.year().into(), d.month() as u8, d.day() as u8);
        }
    }
    if let Ok(d) = Date::parse_written(t) {
        return Some(d);
    }
    let year: i32 = t.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    if end {
        Date::new(year, 12, 31)
    } else {
        Date::new(year, 1, 1)
    }
}

/// Whether `text` is written as a date (digits in three groups separated
/// by `-`, `.` or `/`), whatever the numbers.
pub(super) fn date_shaped(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    let groups: Vec<&str> = t.split(['-', '.', '/']).collect();
    groups.len() == 3
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.len() <= 4 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell as people wrote it, or `None` when empty or a placeholder
/// (`n/a`, `NA`, `-`).
pub(super) fn present(text: &str) -> Option<&str> {
    let t = text.trim();
    (!t.is_empty() && !["n/a", "na", "-", "–", "null", "none"].contains(&t.to_lowercase().as_str()))
        .then_some(t)
}

/// The column positions a mapping names, checked against the header.
pub(super) struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    pub(super) fn new(table: &Table) -> Columns {
        Columns {
            index: table
                .header
                .iter()
                .enumerate()
                .map(|(i, h)| (h.trim().to_string(), i))
                .collect(),
        }
    }

    pub(super) fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name.trim()).copied()
    }

    /// Every column `mapping` names that the table lacks.
    pub(super) fn missing(&self, mapping: &ColumnMapping) -> Vec<String> {
        let e = &mapping.engagement;
        let a = &mapping.actor;
        let mut named: Vec<&String> = e.key.iter().collect();
        named.extend(
            [&e.name, &e.start, &e.end, &e.funding]
                .into_iter()
                .flatten(),
        );
        named.extend(e.attributes.values());
        named.push(&a.name);
        named.extend(a.keys.iter());
        named.extend(
            [&a.country, &a.region, &a.kind, &a.unit]
                .into_iter()
                .flatten(),
        );
        named.extend(a.attributes.values());
        named.extend(mapping.role.iter().map(|r| &r.column));
        named.extend(
            mapping
                .participation
                .iter()
                .filter_map(|p| p.amount.as_ref()),
        );
        named
            .into_iter()
            .filter(|c| self.get(c).is_none())
            .map(|c| c.to_string())
            .collect()
    }
}
