//! k-cores.

use crate::graph::{Csr, Weight};

/// Core number of each actor (Seidman 1983): the largest k such that the
/// actor belongs to a subgraph in which everyone has at least k ties.
/// Batagelj & Zaveršnik's bucket algorithm (2003); weights are ignored
/// (networkx `core_number`).
///
/// Complexity: O(n + m).
pub(crate) fn core_number<W: Weight>(adjacency: &Csr<W>) -> Vec<usize> {
    let n = adjacency.node_count();
    let mut degree: Vec<usize> = (0..n).map(|v| adjacency.degree(v)).collect();
    let max = degree.iter().copied().max().unwrap_or(0);
    let mut bin = vec![0usize; max + 2];
    for &d in &degree {
        bin[d] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let count = *b;
        *b = start;
        start += count;
    }
    let mut position = vec![0usize; n];
    let mut order = vec![0usize; n];
    for v in 0..n {
        position[v] = bin[degree[v]];
        order[position[v]] = v;
        bin[degree[v]] += 1;
    }
    for d in (1..bin.len()).rev() {
        bin[d] = bin[d - 1];
    }
    if !bin.is_empty() {
        bin[0] = 0;
    }
    for i in 0..n {
        let v = order[i];
        for &u in adjacency.neighbors(v) {
            let u = u as usize;
            if degree[u] > degree[v] {
                let du = degree[u];
                let pu = position[u];
                let pw = bin[du];
                let w = order[pw];
                if u != w {
                    position[u] = pw;
                    order[pu] = w;
                    position[w] = pu;
                    order[pw] = u;
                }
                bin[du] += 1;
                degree[u] -= 1;
            }
        }
    }
    degree
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clique_with_pendant() {
        // K4 on 0..3, pendant 4 on 0, isolate 5.
        let mut edges = vec![
            (0, 1, 1.0),
            (0, 2, 1.0),
            (0, 3, 1.0),
            (1, 2, 1.0),
            (1, 3, 1.0),
            (2, 3, 1.0),
        ];
        edges.push((0, 4, 1.0));
        let adj = Csr::from_edges(6, edges.into_iter());
        assert_eq!(core_number(&adj), [3, 3, 3, 3, 1, 0]);
    }
}
