//! The network summary: size, density, components, counts by kind.

use super::cohesion::{component_sizes, components, density, weighted_density};
use crate::graph::Projection;
use crate::model::validate::count_by;
use std::collections::BTreeMap;

/// Network-level figures of a projection.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkSummary {
    /// The dataset's name.
    pub name: String,
    /// Actors in the network (active under the filters).
    pub actors: usize,
    /// Actors of the dataset the filters left out.
    pub inactive_actors: usize,
    /// Engagements kept by the filters.
    pub engagements: usize,
    /// Participations kept by the filters.
    pub participations: usize,
    /// Projected ties.
    pub ties: usize,
    /// Share of possible ties present, 2m/(n(n−1)).
    pub density: f64,
    /// Mean tie weight over all possible pairs, 2W/(n(n−1)).
    pub weighted_density: f64,
    /// Connected components (isolated actors count as one each).
    pub components: usize,
    /// Actors in the largest component.
    pub largest_component: usize,
    /// Actors with no tie.
    pub isolates: usize,
    /// Total tie weight.
    pub total_weight: f64,
    /// Actors in the network by kind.
    pub actor_kinds: BTreeMap<String, usize>,
    /// Kept engagements by kind.
    pub engagement_kinds: BTreeMap<String, usize>,
    /// The weighting used (`count`, `newman`, `jaccard`).
    pub weight: String,
    /// The filters, in words.
    pub filter: String,
}

/// Summarises a projection.
///
/// Complexity: O(n + m).
pub fn summarize(projection: &Projection<'_>) -> NetworkSummary {
    let graph = projection.two_mode();
    let adjacency = projection.adjacency();
    let n = projection.actor_count();
    let labels = components(&adjacency);
    let sizes = component_sizes(&labels);
    let total_weight: f64 = projection.ties().iter().map(|t| t.weight).sum();
    NetworkSummary {
        name: graph.dataset().name.clone(),
        actors: n,
        inactive_actors: graph.inactive_actors(),
        engagements: graph.engagement_count(),
        participations: graph.participation_count(),
        ties: projection.tie_count(),
        density: density(n, projection.tie_count()),
        weighted_density: weighted_density(n, total_weight),
        components: sizes.len(),
        largest_component: sizes.first().copied().unwrap_or(0),
        isolates: (0..n).filter(|&v| adjacency.degree(v) == 0).count(),
        total_weight,
        actor_kinds: count_by((0..n).map(|a| projection.actor(a).kind.as_str())),
        engagement_kinds: count_by(
            (0..graph.engagement_count()).map(|e| graph.engagement(e).kind.as_str()),
        ),
        weight: projection.weighting().name().to_string(),
        filter: graph.filter().describe(),
    }
}
