//! Clustering: local clustering coefficient, its average, transitivity.

use crate::graph::Csr;

/// Triangles through each actor, by merging sorted neighbour lists.
///
/// Complexity: O(Σ_v Σ_{u∈N(v)} (deg v + deg u)).
pub(crate) fn triangles(adjacency: &Csr) -> Vec<usize> {
    (0..adjacency.node_count())
        .map(|v| {
            let nv = adjacency.neighbors(v);
            let mut twice = 0;
            for &u in nv {
                let nu = adjacency.neighbors(u as usize);
                let (mut i, mut j) = (0, 0);
                while i < nv.len() && j < nu.len() {
                    match nv[i].cmp(&nu[j]) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            twice += 1;
                            i += 1;
                            j += 1;
                        }
                    }
                }
            }
            twice / 2
        })
        .collect()
}

/// Local clustering coefficient (Watts & Strogatz 1998), unweighted: the
/// share of pairs of an actor's neighbours that are tied to each other; 0
/// for fewer than two neighbours (networkx `clustering`).
pub(crate) fn clustering(adjacency: &Csr) -> Vec<f64> {
    triangles(adjacency)
        .into_iter()
        .enumerate()
        .map(|(v, t)| {
            let d = adjacency.degree(v) as f64;
            if d < 2.0 {
                0.0
            } else {
                2.0 * t as f64 / (d * (d - 1.0))
            }
        })
        .collect()
}

/// Mean of the local clustering coefficients over all actors, zeros
/// included (networkx `average_clustering`); 0 for an empty network.
pub(crate) fn average_clustering(local: &[f64]) -> f64 {
    if local.is_empty() {
        0.0
    } else {
        local.iter().sum::<f64>() / local.len() as f64
    }
}

/// Transitivity: 3 × triangles / connected triples (networkx
/// `transitivity`); 0 when there is no triple.
pub(crate) fn transitivity(adjacency: &Csr, triangles: &[usize]) -> f64 {
    let closed: usize = triangles.iter().sum();
    let triples: f64 = (0..adjacency.node_count())
        .map(|v| {
            let d = adjacency.degree(v) as f64;
            d * (d - 1.0) / 2.0
        })
        .sum();
    if triples == 0.0 {
        0.0
    } else {
        closed as f64 / triples
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_with_a_tail() {
        // Triangle 0-1-2, tail 2-3.
        let adj = Csr::from_edges(
            4,
            [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)].into_iter(),
        );
        let t = triangles(&adj);
        assert_eq!(t, [1, 1, 1, 0]);
        let c = clustering(&adj);
        assert_eq!(c, [1.0, 1.0, 1.0 / 3.0, 0.0]);
        assert!((average_clustering(&c) - (7.0 / 3.0) / 4.0).abs() < 1e-12);
        // 3 triangles' corners over 1 + 1 + 3 + 0 triples.
        assert!((transitivity(&adj, &t) - 3.0 / 5.0).abs() < 1e-12);
    }
}
