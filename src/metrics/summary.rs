//! The network summary: size, density, components, clustering, paths, cut
//! structure, cores, communities and mixing by group.

use super::mixing::Mixing;
use std::collections::BTreeMap;

/// Largest component size for which the average path length is exact;
/// above it, it is estimated from [`PATH_SAMPLE`] sources.
pub const EXACT_PATH_LIMIT: usize = 5_000;
/// Sources of the estimated average path length.
pub const PATH_SAMPLE: usize = 250;

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
    /// For an estimate, the half-width of its 95 % confidence interval.
    pub average_path_length_error: Option<f64>,
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
    /// The Leiden/Louvain iterations run for it: `None` until nothing
    /// changed, `Some(k)` a fixed number (large networks by default).
    pub community_iterations: Option<usize>,
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
    /// Distinct target groups and participants the engagements reach.
    pub reached_actors: usize,
}
