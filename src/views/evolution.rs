//! The network per period as a table.

use crate::analysis::PeriodRow;
use crate::render::{Cell, Table};

/// The columns of [`evolution_table`], in order; also the JSON keys.
pub const EVOLUTION_COLUMNS: [&str; 17] = [
    "period",
    "start",
    "end",
    "active_actors",
    "ties",
    "total_weight",
    "density",
    "components",
    "largest_component",
    "average_clustering",
    "new_ties",
    "ended_ties",
    "persisting_ties",
    "repeated_ties",
    "new_actors",
    "returning_actors",
    "open_ended_ties",
];

/// The rows of [`crate::analysis::evolution()`] as a table with [`EVOLUTION_COLUMNS`].
pub fn evolution_table(rows: &[PeriodRow]) -> Table {
    let mut table = Table::new(&EVOLUTION_COLUMNS);
    for r in rows {
        table.push(vec![
            r.period.as_str().into(),
            Cell::Text(r.start.to_string().into()),
            Cell::Text(r.end.to_string().into()),
            r.active_actors.into(),
            r.ties.into(),
            Cell::Float(r.total_weight),
            Cell::Float(r.density),
            r.components.into(),
            r.largest_component.into(),
            Cell::Float(r.average_clustering),
            r.new_ties.into(),
            r.ended_ties.into(),
            r.persisting_ties.into(),
            r.repeated_ties.into(),
            r.new_actors.into(),
            r.returning_actors.into(),
            r.open_ended_ties.into(),
        ]);
    }
    table
}
