//! The network summary: size, density, components, clustering, paths, cut
//! structure, cores, communities and mixing by group.

use super::actor_metrics::group_values;
use super::clustering::{average_clustering, clustering, transitivity, triangles};
use super::cohesion::{
    average_path_length, component_sizes, components, cut_structure, density, diameter,
    weighted_density,
};
use super::community::{detect, CommunityOptions};
use super::core::core_number;
use super::mixing::{assortativity, group_index, mixing, Mixing};
use crate::error::Result;
use crate::graph::Projection;
use crate::model::validate::count_by;
use std::collections::BTreeMap;

/// Largest component size for which the average path length is exact;
/// above it, it is estimated from [`PATH_SAMPLE`] sources.
pub const EXACT_PATH_LIMIT: usize = 30_000;
/// Sources of the estimated average path length.
pub const PATH_SAMPLE: usize = 1_000;

/// Options of [`summarize`].
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryOptions {
    /// The actor attribute that defines groups for mixing (default `kind`).
    pub group: String,
    /// Community detection behind `modularity` and `communities`.
    pub community: CommunityOptions,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            group: "kind".into(),
            community: CommunityOptions::default(),
        }
    }
}

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
    /// Mean local clustering coefficient (zeros included).
    pub average_clustering: f64,
    /// 3 × triangles / connected triples.
    pub transitivity: f64,
    /// Longest shortest path in the largest component, in hops.
    pub diameter: usize,
    /// Mean shortest-path length in the largest component, in hops.
    pub average_path_length: f64,
    /// `Some(k)` when the average path length is estimated from k sources.
    pub average_path_length_sources: Option<usize>,
    /// Ids of the actors whose departure would split their component.
    pub articulation_points: Vec<String>,
    /// Ties whose removal would split their component, as id pairs.
    pub bridges: Vec<(String, String)>,
    /// The highest core number.
    pub max_core: usize,
    /// Modularity of the default community partition.
    pub modularity: f64,
    /// Number of communities of that partition.
    pub communities: usize,
    /// The grouping attribute of the mixing figures.
    pub group: String,
    /// Krackhardt E–I index by group (`None` without ties).
    pub ei_index: Option<f64>,
    /// Attribute assortativity by group (`None` when undefined).
    pub assortativity: Option<f64>,
    /// Group × group ties, weights and densities.
    pub mixing: Mixing,
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
/// Complexity: dominated by community detection and the average path
/// length of the largest component (exact up to 30,000 actors).
pub fn summarize(projection: &Projection<'_>, options: &SummaryOptions) -> Result<NetworkSummary> {
    let graph = projection.two_mode();
    let adjacency = projection.adjacency();
    let n = projection.actor_count();
    let labels = components(&adjacency);
    let sizes = component_sizes(&labels);
    let largest: Vec<usize> = (0..n).filter(|&v| labels[v] == 0).collect();
    let total_weight: f64 = projection.ties().iter().map(|t| t.weight).sum();
    let local = clustering(&adjacency);
    let closed = triangles(&adjacency);
    let (average_path, sources) =
        average_path_length(&adjacency, &largest, EXACT_PATH_LIMIT, PATH_SAMPLE);
    let cut = cut_structure(&adjacency);
    let id = |p: usize| projection.actor(p).id.clone();
    let partition = detect(&adjacency, &options.community)?;
    let (names, group) = group_index(&group_values(projection, &options.group));
    let mixed = mixing(&adjacency, &names, &group);
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
        average_clustering: average_clustering(&local),
        transitivity: transitivity(&adjacency, &closed),
        diameter: diameter(&adjacency, &largest),
        average_path_length: average_path,
        average_path_length_sources: sources,
        articulation_points: cut.articulation_points.iter().map(|&p| id(p)).collect(),
        bridges: cut.bridges.iter().map(|&(a, b)| (id(a), id(b))).collect(),
        max_core: core_number(&adjacency).into_iter().max().unwrap_or(0),
        modularity: partition.modularity,
        communities: partition.count,
        group: options.group.clone(),
        ei_index: mixed.ei_index(),
        assortativity: assortativity(&mixed),
        mixing: mixed,
        actor_kinds: count_by((0..n).map(|a| projection.actor(a).kind.as_str())),
        engagement_kinds: count_by(
            (0..graph.engagement_count()).map(|e| graph.engagement(e).kind.as_str()),
        ),
        weight: projection.weighting().name().to_string(),
        filter: graph.filter().describe(),
    })
}
