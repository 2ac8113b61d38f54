//! The broker table: every brokerage figure of every actor.

use super::actors::ranked;
use super::sorts::BrokerSort;
use crate::analysis::{Analysis, Brokers};
use crate::error::Result;
use crate::render::{Cell, Format, Table};

/// The broker columns and what each means.
pub const BROKER_COLUMNS: &[(&str, &str)] = &[
    ("constraint", "Burt's constraint: high when the actor's contacts are tied to each other (few structural holes to exploit)"),
    ("effective_size", "Burt's effective size: contacts minus their redundancy; equals degree when no two contacts are tied"),
    ("coordinator", "open pairs inside the actor's own group that it links (a, b, c all one group)"),
    ("itinerant", "open pairs of one other group that it links from outside"),
    ("gatekeeper_representative", "open pairs between its own group and another that it links"),
    ("liaison", "open pairs between two groups, neither of them its own, that it links"),
    ("brokerage_total", "all open pairs of its contacts (a–b–c with a, c not tied) that it links"),
    ("articulation_point", "yes if its departure would split its part of the network"),
    ("separated_pairs", "pairs of other actors that lose every path between them if it leaves"),
    ("sole_broker_pairs", "pairs of its contacts that it alone links (no tie, no other common contact)"),
];

/// One row per actor with every brokerage figure; `format` decides
/// whether `articulation_point` is a boolean (JSON) or yes/no.
pub fn broker_table(
    analysis: &Analysis<'_>,
    sort: BrokerSort,
    top: Option<usize>,
    format: Format,
) -> Result<Table> {
    let rows = broker_rows(analysis, sort, top, format)?;
    let mut table = Table::new(&rows.columns());
    for k in 0..rows.len() {
        table.push(rows.row(k));
    }
    Ok(table)
}

/// The rows of [`broker_table`], each made when asked for, so that a
/// network of hundreds of thousands of actors can be written row by row
/// instead of held as a table.
pub struct BrokerRows<'a, 'd> {
    analysis: &'a Analysis<'d>,
    brokers: Brokers<'a>,
    format: Format,
    /// The actors in the order of the rows.
    order: Vec<usize>,
}

/// [`broker_table`]'s rows, sorted and cut as it does.
///
/// # Errors
///
/// As [`Analysis::broker_figures`].
pub fn broker_rows<'a, 'd>(
    analysis: &'a Analysis<'d>,
    sort: BrokerSort,
    top: Option<usize>,
    format: Format,
) -> Result<BrokerRows<'a, 'd>> {
    let brokers = analysis.brokers()?;
    let key = |a: usize| -> f64 {
        let f = brokers.figures(a);
        match sort {
            BrokerSort::SeparatedPairs => f.separated_pairs as f64,
            BrokerSort::SoleBrokerPairs => f.sole_broker_pairs as f64,
            BrokerSort::EffectiveSize => f.effective_size.unwrap_or(f64::NEG_INFINITY),
            // Low constraint = more brokerage opportunity: ascending.
            BrokerSort::Constraint => -f.constraint.unwrap_or(f64::INFINITY),
            BrokerSort::Coordinator => f.roles.coordinator as f64,
            BrokerSort::Itinerant => f.roles.itinerant as f64,
            BrokerSort::GatekeeperRepresentative => f.roles.gatekeeper_representative as f64,
            BrokerSort::Liaison => f.roles.liaison as f64,
            BrokerSort::BrokerageTotal | BrokerSort::Id => f.roles.total() as f64,
        }
    };
    let mut order: Vec<usize> = (0..analysis.actor_count()).collect();
    if sort != BrokerSort::Id {
        order = ranked(order.len(), key);
    }
    order.truncate(top.unwrap_or(usize::MAX));
    Ok(BrokerRows {
        analysis,
        brokers,
        format,
        order,
    })
}

impl BrokerRows<'_, '_> {
    /// The column names: id, name, the grouping attribute, then
    /// [`BROKER_COLUMNS`].
    pub fn columns(&self) -> Vec<&str> {
        let group = self.analysis.options().group.as_str();
        let mut names = vec!["id", "name", group];
        names.extend(BROKER_COLUMNS.iter().map(|c| c.0));
        names
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Row `k`; `k` must be below [`BrokerRows::len`].
    pub fn row(&self, k: usize) -> Vec<Cell> {
        let a = self.order[k];
        let f = self.brokers.figures(a);
        let actor = self.analysis.actor(a);
        vec![
            actor.id.as_str().into(),
            actor.name.as_str().into(),
            f.group.as_str().into(),
            f.constraint.map_or(Cell::Empty, Cell::Float),
            f.effective_size.map_or(Cell::Empty, Cell::Float),
            f.roles.coordinator.into(),
            f.roles.itinerant.into(),
            f.roles.gatekeeper_representative.into(),
            f.roles.liaison.into(),
            f.roles.total().into(),
            if self.format == Format::Json {
                Cell::Bool(f.articulation_point)
            } else {
                Cell::Text(if f.articulation_point { "yes" } else { "no" }.into())
            },
            Cell::Int(f.separated_pairs as i64),
            f.sole_broker_pairs.into(),
        ]
    }
}
