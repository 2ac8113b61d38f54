//! The network summary: size, cohesion, paths, cut points, communities,
//! mixing — the figures of the network as a whole.

use super::Analysis;
use crate::error::Result;
use crate::graph::on_adjacency;
use crate::metrics::clustering::{average_clustering, local_clustering, transitivity, triangles};
use crate::metrics::cohesion::{
    average_path_length, component_sizes, density, diameter, weighted_density,
};
use crate::metrics::core::core_number;
use crate::metrics::mixing::assortativity;
use crate::metrics::{NetworkSummary, EXACT_PATH_LIMIT, PATH_SAMPLE};
use crate::model::validate::count_by;

impl Analysis<'_> {
    pub(super) fn summarize(&self) -> Result<NetworkSummary> {
        // Communities first: Leiden's working lists are the largest, and
        // are then gone before the lists below are made.
        let partition = self.partition()?;
        let projection = &self.projection;
        let graph = projection.two_mode();
        let adjacency = self.adjacency();
        let n = projection.actor_count();
        let labels = self.components();
        let sizes = component_sizes(labels);
        let largest: Vec<usize> = (0..n).filter(|&v| labels[v] == 0).collect();
        let total_weight: f64 = projection.ties().iter().map(|t| t.weight).sum();
        // Triangles once, for both the local clustering and transitivity;
        // no column of coefficients is kept.
        let closed = on_adjacency!(adjacency, |rows| triangles(rows));
        let clustering = on_adjacency!(adjacency, |rows| {
            average_clustering(local_clustering(rows, &closed))
        });
        let (average_path, estimate) = on_adjacency!(adjacency, |rows| {
            average_path_length(rows, &largest, EXACT_PATH_LIMIT, PATH_SAMPLE)
        });
        let cut = self.cut_structure();
        let id = |p: usize| projection.actor(p).id.to_string();
        let mixed = self.mixing().clone();
        // The largest core number alone: the column is not kept.
        let max_core = on_adjacency!(adjacency, |rows| core_number(rows))
            .into_iter()
            .max()
            .unwrap_or(0);
        Ok(NetworkSummary {
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
            average_clustering: clustering,
            transitivity: on_adjacency!(adjacency, |rows| transitivity(rows, &closed)),
            diameter: on_adjacency!(adjacency, |rows| diameter(rows, &largest)),
            average_path_length: average_path,
            average_path_length_sources: estimate.map(|e| e.sources),
            average_path_length_error: estimate.map(|e| e.error),
            articulation_points: cut.articulation_points.iter().map(|&p| id(p)).collect(),
            bridges: cut.bridges.iter().map(|&(a, b)| (id(a), id(b))).collect(),
            max_core,
            modularity: partition.modularity,
            communities: partition.count,
            community_iterations: self.options().community.iterations_for(n),
            group: self.options.group.clone(),
            ei_index: mixed.ei_index(),
            assortativity: assortativity(&mixed),
            mixing: mixed,
            actor_kinds: count_by((0..n).map(|a| projection.actor(a).kind.as_str())),
            engagement_kinds: count_by(
                (0..graph.engagement_count()).map(|e| graph.engagement(e).kind.as_str()),
            ),
            weight: projection.weighting().name().to_string(),
            filter: graph.filter().describe(),
            reached_actors: self.reach().reached_actors().count(),
        })
    }
}
