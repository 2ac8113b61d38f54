//! The tie tables: projected ties and the dual projection's ties.

use super::sorts::TieSort;
use crate::analysis::Analysis;
use crate::graph::DualProjection;
use crate::model::CompactString;
use crate::render::{Cell, Table};

/// The columns of [`tie_table`] and [`tie_rows`].
pub const TIE_COLUMNS: [&str; 10] = [
    "source",
    "target",
    "weight",
    "shared",
    "engagements",
    "roles",
    "rules",
    "direct_ties",
    "first_seen",
    "last_seen",
];

/// One row per projected tie: the pair, weight, shared engagements,
/// their ids, the two actors' roles in each, and direct ties
/// ([`tie_rows`] as a table).
pub fn tie_table(analysis: &Analysis<'_>, sort: TieSort, top: Option<usize>) -> Table {
    let rows = tie_rows(analysis, sort, top);
    let mut table = Table::new(&TIE_COLUMNS);
    for k in 0..rows.len() {
        table.push(rows.row(k));
    }
    table
}

/// The rows of [`tie_table`], each made when asked for: see [`tie_rows`].
pub struct TieRows<'a, 'd> {
    analysis: &'a Analysis<'d>,
    /// The ties in the order of the rows.
    order: Vec<u32>,
}

impl TieRows<'_, '_> {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Row `k` ([`TIE_COLUMNS`]); `k` must be below [`TieRows::len`].
    pub fn row(&self, k: usize) -> Vec<Cell> {
        tie_row(self.analysis, self.order[k] as usize)
    }
}

/// The rows of [`tie_table`] ([`TIE_COLUMNS`]), each made when asked
/// for, so that a writer can stream millions of ties (on every thread,
/// [`crate::render::CsvStream::rows`]) without holding them as a table.
///
/// Complexity: O(m log m) to order the ties by weight, then O(1) per row
/// and engagement behind it.
pub fn tie_rows<'a, 'd>(
    analysis: &'a Analysis<'d>,
    sort: TieSort,
    top: Option<usize>,
) -> TieRows<'a, 'd> {
    let ties = analysis.projection().ties();
    let order = tie_order(ties.len(), |t| ties.weight(t), sort, top);
    TieRows { analysis, order }
}

/// Tie `t` as a row of [`tie_table`].
fn tie_row(analysis: &Analysis<'_>, t: usize) -> Vec<Cell> {
    let projection = analysis.projection();
    let graph = projection.two_mode();
    let dataset = graph.dataset();
    {
        let tie = projection.tie(t);
        let behind = projection.engagements_behind(tie);
        let (first_seen, last_seen) = projection.tie_span(tie);
        // Ids, role pairs and rule names are short: held inline, so a row
        // costs a handful of allocations.
        let engagements = behind
            .clone()
            .map(|e| graph.engagement(e as usize).id.clone())
            .collect();
        let roles = behind
            .map(|e| {
                let e = e as usize;
                let mut pair = CompactString::from(graph.role(e, tie.source).unwrap_or("?"));
                pair.push('+');
                pair.push_str(graph.role(e, tie.target).unwrap_or("?"));
                pair
            })
            .collect();
        let direct = projection
            .direct_ties_behind(t)
            .iter()
            .map(|&d| {
                let d = &dataset.ties[d as usize];
                d.kind.clone().unwrap_or_else(|| "tie".into())
            })
            .collect();
        vec![
            analysis.actor(tie.source as usize).id.as_str().into(),
            analysis.actor(tie.target as usize).id.as_str().into(),
            Cell::Float(tie.weight),
            (projection.shared(tie) as usize).into(),
            Cell::List(engagements),
            Cell::List(roles),
            Cell::List(
                projection
                    .rules_behind(tie)
                    .map(|r| CompactString::const_new(r.name()))
                    .collect(),
            ),
            Cell::List(direct),
            first_seen.into(),
            last_seen.into(),
        ]
    }
}

/// One row per engagement–engagement tie of the dual projection: the
/// pair, the number of shared actors and their ids.
///
/// # Errors
///
/// [`crate::Error::TooManyEngagementTies`] when the engagements could make
/// more ties than the analysis' `max_ties`.
pub fn dual_tie_table(
    analysis: &Analysis<'_>,
    sort: TieSort,
    top: Option<usize>,
) -> crate::Result<Table> {
    let graph = analysis.projection().two_mode();
    let dual = DualProjection::new(graph, analysis.options().projection.max_ties)?;
    let ties = dual.ties();
    let mut table = Table::new(&["source", "target", "shared", "actors"]);
    for t in tie_order(ties.len(), |t| ties[t].shared as f64, sort, top) {
        let t = t as usize;
        let tie = ties[t];
        table.push(vec![
            graph.engagement(tie.source as usize).id.as_str().into(),
            graph.engagement(tie.target as usize).id.as_str().into(),
            (tie.shared as usize).into(),
            Cell::List(
                dual.actors_behind(t)
                    .iter()
                    .map(|&a| graph.actor(a as usize).id.clone())
                    .collect(),
            ),
        ]);
    }
    Ok(table)
}

fn tie_order(
    ties: usize,
    weight: impl Fn(usize) -> f64,
    sort: TieSort,
    top: Option<usize>,
) -> Vec<u32> {
    let mut order: Vec<u32> = (0..ties as u32).collect();
    if sort == TieSort::Weight {
        // Ties are stored in pair order, so a stable sort keeps it among
        // equal weights.
        order.sort_by(|&a, &b| weight(b as usize).total_cmp(&weight(a as usize)));
    }
    order.truncate(top.unwrap_or(usize::MAX));
    order
}
