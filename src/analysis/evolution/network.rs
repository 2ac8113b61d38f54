//! One period's network, derived from the whole span's projection.

use crate::graph::Projection;

/// Size and cohesion of the network of the engagements marked `active`,
/// taken from `projection` (built over the whole span without a minimum
/// weight): each tie's weight recomputed from its active engagements (and
/// direct ties), as a projection of the period would give it.
///
/// Complexity: O(P + T·b) for P participations, T ties with b engagements
/// behind each, plus the period's triangles.
pub(super) fn period_network(
    projection: &Projection<'_>,
    active: &[bool],
    min_weight: Option<f64>,
) -> (usize, usize, f64, f64, usize, usize, f64) {
    use crate::graph::ProjectionWeight;
    let graph = projection.two_mode();
    let n_all = projection.actor_count();
    let mut engaged = vec![0usize; n_all];
    let mut in_network = vec![false; n_all];
    for (a, count) in engaged.iter_mut().enumerate() {
        *count = graph
            .engagements_of(a)
            .iter()
            .filter(|&&e| active[e as usize])
            .count();
        in_network[a] = *count > 0;
    }
    for &(a, b, _) in graph.direct_ties() {
        in_network[a as usize] = true;
        in_network[b as usize] = true;
    }
    // The period's ties, unweighted (its figures but the total weight are
    // of the structure), and their total weight summed in tie order as a
    // list's sum is.
    let mut edges: Vec<(u32, u32)> = Vec::new();
    let mut total = -0.0;
    for (t, tie) in projection.ties().iter().enumerate() {
        let behind: Vec<usize> = projection
            .engagements_behind(tie)
            .map(|e| e as usize)
            .filter(|&e| active[e])
            .collect();
        let direct = !projection.direct_ties_behind(t).is_empty();
        if behind.is_empty() && !direct {
            continue;
        }
        let shared = behind.len() as f64;
        let projected = match projection.weighting() {
            ProjectionWeight::Count => shared,
            ProjectionWeight::Newman => behind
                .iter()
                .map(|&e| 1.0 / (graph.members(e).len() as f64 - 1.0))
                .sum(),
            ProjectionWeight::Jaccard if behind.is_empty() => 0.0,
            ProjectionWeight::Jaccard => {
                let (da, db) = (engaged[tie.source as usize], engaged[tie.target as usize]);
                shared / ((da + db) as f64 - shared)
            }
        };
        let weight = projected + projection.direct_weight(t);
        if min_weight.is_some_and(|m| weight < m) {
            continue;
        }
        edges.push((tie.source, tie.target));
        total += weight;
    }
    figures(&edges, total, &in_network)
}

/// Size and cohesion of a network given by its `edges` over actor
/// positions, of weight `total` in all, counting only the actors marked
/// `in_network` (the others are not in this period's network and have no
/// edge): actors, ties, total weight, density, components, largest
/// component, average clustering.
pub(super) fn figures(
    edges: &[(u32, u32)],
    total: f64,
    in_network: &[bool],
) -> (usize, usize, f64, f64, usize, usize, f64) {
    use crate::metrics::cohesion::{component_sizes, components};
    let n = in_network.iter().filter(|&&x| x).count();
    let m = edges.len();
    let density = if n < 2 {
        0.0
    } else {
        2.0 * m as f64 / (n as f64 * (n as f64 - 1.0))
    };
    // Unweighted: a byte a weight, each 1.
    let adjacency =
        crate::graph::Csr::from_edges(in_network.len(), edges.iter().map(|&(a, b)| (a, b, 1u8)));
    // Actors outside the network are isolates of their own components.
    let labels: Vec<usize> = components(&adjacency)
        .into_iter()
        .zip(in_network)
        .filter(|&(_, &inside)| inside)
        .map(|(c, _)| c)
        .collect();
    let sizes: Vec<usize> = component_sizes(&labels)
        .into_iter()
        .filter(|&s| s > 0)
        .collect();
    let local = crate::metrics::clustering::clustering(&adjacency);
    let clustering = if n == 0 {
        0.0
    } else {
        local
            .iter()
            .zip(in_network)
            .filter(|&(_, &inside)| inside)
            .map(|(c, _)| c)
            .sum::<f64>()
            / n as f64
    };
    let largest = sizes.iter().copied().max().unwrap_or(0);
    (n, m, total, density, sizes.len(), largest, clustering)
}

/// Size and cohesion of one period's network, from its own projection (the
/// slow path the incremental one is tested against).
#[cfg(test)]
pub(super) fn network_row(
    projection: &Projection<'_>,
) -> (usize, usize, f64, f64, usize, usize, f64) {
    let ties = projection.ties();
    let edges: Vec<(u32, u32)> = ties.iter().map(|t| (t.source, t.target)).collect();
    let total = ties.iter().map(|t| t.weight).sum();
    figures(&edges, total, &vec![true; projection.actor_count()])
}
