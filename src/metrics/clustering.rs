//! Clustering: local clustering coefficient, its average, transitivity.

use crate::graph::{Csr, Weight};

/// Triangles through each actor, by merging sorted neighbour lists.
///
/// Complexity: O(Σ_v Σ_{u∈N(v)} (deg v + deg u)).
pub(crate) fn triangles<W: Weight>(adjacency: &Csr<W>) -> Vec<usize> {
    use rayon::prelude::*;
    let n = adjacency.node_count();
    // Each triangle once, from its lowest-ranked corner (Latapy 2008's
    // compact forward): a node's out-neighbours are those of higher
    // (degree, position) rank, marked and looked up in O(1).
    let rank = |v: usize| (adjacency.degree(v), v);
    let out: Vec<Vec<u32>> = (0..n)
        .map(|v| {
            adjacency
                .neighbors(v)
                .iter()
                .copied()
                .filter(|&u| rank(u as usize) > rank(v))
                .collect()
        })
        .collect();
    const CHUNK: usize = 256;
    let counts = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .fold(
            || (vec![0u32; n], vec![false; n]),
            |(mut count, mut mark), chunk| {
                for v in chunk * CHUNK..((chunk + 1) * CHUNK).min(n) {
                    for &u in &out[v] {
                        mark[u as usize] = true;
                    }
                    for &u in &out[v] {
                        for &w in &out[u as usize] {
                            if mark[w as usize] {
                                count[v] += 1;
                                count[u as usize] += 1;
                                count[w as usize] += 1;
                            }
                        }
                    }
                    for &u in &out[v] {
                        mark[u as usize] = false;
                    }
                }
                (count, mark)
            },
        )
        .map(|(count, _)| count)
        .reduce(
            || vec![0u32; n],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        );
    counts.into_iter().map(|c| c as usize).collect()
}

/// Local clustering coefficient (Watts & Strogatz 1998), unweighted: the
/// share of pairs of an actor's neighbours that are tied to each other; 0
/// for fewer than two neighbours (networkx `clustering`).
pub(crate) fn clustering<W: Weight>(adjacency: &Csr<W>) -> Vec<f64> {
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
pub(crate) fn transitivity<W: Weight>(adjacency: &Csr<W>, triangles: &[usize]) -> f64 {
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
