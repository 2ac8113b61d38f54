//! Reach by group: whom the engagements reach.

use crate::analysis::Analysis;
use crate::render::Table;

/// Reach by the reached actors' `key` (kind, region, …): per group, the
/// distinct target groups and participants reached and the engagements
/// that reach them, with a total row.
pub fn reach_table(analysis: &Analysis<'_>, key: &str) -> Table {
    let reach = analysis.reach();
    let dataset = analysis.dataset();
    let rows = reach.by_group(|a| {
        dataset.actors[a as usize]
            .group_value(key)
            .unwrap_or_else(|| "(none)".into())
    });
    let mut table = Table::new(&[key, "reached_actors", "engagements"]);
    for (group, actors, engagements) in rows {
        table.push(vec![group.into(), actors.into(), engagements.into()]);
    }
    table.push(vec![
        "total".into(),
        reach.reached_actors().count().into(),
        reach.reaching_engagements().into(),
    ]);
    table
}
