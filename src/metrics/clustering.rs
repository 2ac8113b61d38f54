//! Clustering: local clustering coefficient, its average, transitivity.

use crate::graph::{Csr, Rows, Weight};

/// Triangles through each actor, by merging sorted neighbour lists.
///
/// Complexity: O(Σ_v Σ_{u∈N(v)} (deg v + deg u)).
pub(crate) fn triangles<W: Weight>(adjacency: &Csr<W>) -> Vec<usize> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let n = adjacency.node_count();
    // Each triangle once, from its lowest-ranked corner (Latapy 2008's
    // compact forward): a node's out-neighbours are those of higher
    // (degree, position) rank, marked and looked up in O(1).
    let rank = |v: usize| (adjacency.degree(v), v);
    // Each tie is an out-neighbour of exactly one of its ends: half the
    // entries, in one list.
    let mut out = Rows::with_capacity(n, adjacency.total() / 2);
    for v in 0..n {
        out.push_row(
            adjacency
                .neighbors(v)
                .iter()
                .copied()
                .filter(|&u| rank(u as usize) > rank(v)),
        );
    }
    // One count and one mark per thread (not per piece of work): each
    // thread takes the next block of 256 nodes until none is left. The
    // counts are whole numbers, so their sum is the same in any order.
    const CHUNK: usize = 256;
    let next = AtomicUsize::new(0);
    let per_thread: Vec<Vec<u32>> = (0..rayon::current_num_threads())
        .into_par_iter()
        .map(|_| {
            let (mut count, mut mark) = (vec![0u32; n], vec![false; n]);
            loop {
                let chunk = next.fetch_add(1, Ordering::Relaxed);
                if chunk * CHUNK >= n {
                    break count;
                }
                for v in chunk * CHUNK..((chunk + 1) * CHUNK).min(n) {
                    for &u in out.row(v) {
                        mark[u as usize] = true;
                    }
                    for &u in out.row(v) {
                        for &w in out.row(u as usize) {
                            if mark[w as usize] {
                                count[v] += 1;
                                count[u as usize] += 1;
                                count[w as usize] += 1;
                            }
                        }
                    }
                    for &u in out.row(v) {
                        mark[u as usize] = false;
                    }
                }
            }
        })
        .collect();
    drop(out);
    let mut counts = vec![0usize; n];
    for count in per_thread {
        for (total, c) in counts.iter_mut().zip(count) {
            *total += c as usize;
        }
    }
    counts
}

/// Local clustering coefficient (Watts & Strogatz 1998), unweighted: the
/// share of pairs of an actor's neighbours that are tied to each other; 0
/// for fewer than two neighbours (networkx `clustering`).
pub(crate) fn clustering<W: Weight>(adjacency: &Csr<W>) -> Vec<f64> {
    local_clustering(adjacency, &triangles(adjacency)).collect()
}

/// The local clustering coefficient of each actor in turn, from its
/// `triangles` (see [`clustering`]).
pub(crate) fn local_clustering<'a, W: Weight>(
    adjacency: &'a Csr<W>,
    triangles: &'a [usize],
) -> impl ExactSizeIterator<Item = f64> + 'a {
    triangles.iter().enumerate().map(|(v, &t)| {
        let d = adjacency.degree(v) as f64;
        if d < 2.0 {
            0.0
        } else {
            2.0 * t as f64 / (d * (d - 1.0))
        }
    })
}

/// Mean of the local clustering coefficients over all actors, zeros
/// included (networkx `average_clustering`); 0 for an empty network.
pub(crate) fn average_clustering(local: impl ExactSizeIterator<Item = f64>) -> f64 {
    let n = local.len();
    if n == 0 {
        0.0
    } else {
        local.sum::<f64>() / n as f64
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
        assert!((average_clustering(c.iter().copied()) - (7.0 / 3.0) / 4.0).abs() < 1e-12);
        // 3 triangles' corners over 1 + 1 + 3 + 0 triples.
        assert!((transitivity(&adj, &t) - 3.0 / 5.0).abs() < 1e-12);
    }
}
