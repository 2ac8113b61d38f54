//! The actor table: every actor with its metrics, in the order asked for.

use super::sorts::{ActorSort, ActorTableOptions};
use crate::analysis::Analysis;
use crate::error::{Error, Result};
use crate::metrics::{ActorMetrics, Metric};
use crate::model::Actor;
use crate::render::{Cell, Table};

/// `0..n`, sorted by `key` descending, then by position.
pub(super) fn ranked(n: usize, key: impl Fn(usize) -> f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| key(b).total_cmp(&key(a)).then(a.cmp(&b)));
    order
}

/// The rows of an actor table, held apart from the analysis that computed
/// them: the actors (borrowed from the dataset), their engagement counts
/// and their metric values, in table order.
///
/// [`actor_rows`] makes one. A caller short of memory drops the
/// analysis (its projection and adjacency) before it calls
/// [`ActorRows::into_table`].
#[derive(Debug, Clone)]
pub struct ActorRows<'a> {
    metrics: ActorMetrics,
    /// Actor position, the actor, its number of engagements.
    rows: Vec<(usize, &'a Actor, usize)>,
}

impl ActorRows<'_> {
    /// The table: id, name, kind, the metrics, and the number of
    /// engagements (after strength, or after kind).
    pub fn into_table(self) -> Table {
        let metrics = self.metrics;
        let split = metrics
            .columns
            .iter()
            .take_while(|c| matches!(c, Metric::Degree | Metric::Strength))
            .count();
        let mut names: Vec<&str> = vec!["id", "name", "kind"];
        names.extend(metrics.columns[..split].iter().map(|m| m.name()));
        names.push("engagements");
        names.extend(metrics.columns[split..].iter().map(|m| m.name()));
        let mut out = Table::new(&names);
        out.rows.reserve_exact(self.rows.len());
        for (a, actor, engagements) in self.rows {
            let mut row: Vec<Cell> = Vec::with_capacity(names.len());
            row.extend([
                actor.id.as_str().into(),
                actor.name.as_str().into(),
                actor.kind.as_str().into(),
            ]);
            let value = |c: usize| Cell::from(metrics.values[c][a]);
            row.extend((0..split).map(value));
            row.push(engagements.into());
            row.extend((split..metrics.columns.len()).map(value));
            out.push(row);
        }
        out
    }
}

/// One row per actor: id, name, kind, the metrics, and the number of
/// engagements (after strength, or after kind).
///
/// The same as [`actor_rows`] followed by
/// [`ActorRows::into_table`].
pub fn actor_table<'a>(analysis: &Analysis<'a>, options: &ActorTableOptions) -> Result<Table> {
    actor_rows(analysis, options).map(ActorRows::into_table)
}

/// The actor table's rows, computed and sorted, before they become
/// cells (see [`ActorRows`]).
pub fn actor_rows<'a>(
    analysis: &Analysis<'a>,
    options: &ActorTableOptions,
) -> Result<ActorRows<'a>> {
    let metrics = if options.metrics.is_empty() {
        Metric::ALL.to_vec()
    } else {
        options.metrics.clone()
    };
    if let ActorSort::Metric(m) = options.sort {
        if !metrics.contains(&m) {
            return Err(Error::invalid(
                "sort",
                m,
                format!(
                    "id, name, kind, engagements or a computed metric: {}",
                    metrics
                        .iter()
                        .map(|m| m.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    let table = analysis.metrics(&metrics)?;
    let graph = analysis.projection().two_mode();
    let n = analysis.actor_count();
    let mut order: Vec<usize> = (0..n).collect();
    match options.sort {
        ActorSort::Id => {}
        ActorSort::Name => {
            order.sort_by(|&a, &b| analysis.actor(a).name.cmp(&analysis.actor(b).name))
        }
        ActorSort::Kind => order.sort_by_key(|&a| analysis.actor(a).kind),
        ActorSort::Engagements => {
            order = ranked(n, |a| graph.engagements_of(a).len() as f64);
        }
        ActorSort::Metric(m) => {
            let scores = analysis.scores(m)?;
            order = ranked(n, |a| scores[a]);
        }
    }
    order.truncate(options.top.unwrap_or(usize::MAX));

    let rows = order
        .into_iter()
        .map(|a| (a, analysis.actor(a), graph.engagements_of(a).len()))
        .collect();
    Ok(ActorRows {
        metrics: table,
        rows,
    })
}
