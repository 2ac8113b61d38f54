//! Articulation points, bridges and separated pairs.

use crate::graph::{Csr, Weight};

/// Cut structure from one depth-first search: articulation points, bridges,
/// and for each actor the number of pairs of other actors that lose every
/// path between them if it leaves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CutStructure {
    /// Actors whose removal splits their component (ascending positions).
    pub articulation_points: Vec<usize>,
    /// Ties whose removal splits their component, as (lower, higher)
    /// positions, ascending.
    pub bridges: Vec<(usize, usize)>,
    /// Per actor: pairs of other actors connected only through it.
    pub separated_pairs: Vec<u64>,
}

/// Articulation points, bridges and separated pairs (Hopcroft & Tarjan
/// 1973), with an explicit stack so that large networks cannot overflow it.
///
/// Complexity: O(n + m).
pub(crate) fn cut_structure<W: Weight>(adjacency: &Csr<W>) -> CutStructure {
    let n = adjacency.node_count();
    let mut discovery = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut subtree = vec![1u64; n];
    let mut parent = vec![usize::MAX; n];
    // Sizes of the pieces each actor's removal would cut off from the rest.
    let mut pieces: Vec<Vec<u64>> = vec![Vec::new(); n];
    let mut result = CutStructure {
        separated_pairs: vec![0; n],
        ..Default::default()
    };
    let mut time = 0;
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut visited: Vec<usize> = Vec::new();
    for root in 0..n {
        if discovery[root] != usize::MAX {
            continue;
        }
        let component_start = time;
        visited.clear();
        visited.push(root);
        discovery[root] = time;
        low[root] = time;
        time += 1;
        stack.push((root, 0));
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let neighbors = adjacency.neighbors(v);
            if *next < neighbors.len() {
                let u = neighbors[*next] as usize;
                *next += 1;
                if discovery[u] == usize::MAX {
                    parent[u] = v;
                    visited.push(u);
                    discovery[u] = time;
                    low[u] = time;
                    time += 1;
                    stack.push((u, 0));
                } else if u != parent[v] {
                    low[v] = low[v].min(discovery[u]);
                }
            } else {
                stack.pop();
                let p = parent[v];
                if p != usize::MAX {
                    low[p] = low[p].min(low[v]);
                    subtree[p] += subtree[v];
                    if low[v] >= discovery[p] {
                        pieces[p].push(subtree[v]);
                    }
                    if low[v] > discovery[p] {
                        result.bridges.push((p.min(v), p.max(v)));
                    }
                }
            }
        }
        let component_size = (time - component_start) as u64;
        // Every actor of this component: pieces cut off by its removal; the
        // root's pieces are its children, others also keep "the rest".
        for &v in &visited {
            let mut sizes = std::mem::take(&mut pieces[v]);
            if v == root {
                if sizes.len() < 2 {
                    continue;
                }
            } else {
                if sizes.is_empty() {
                    continue;
                }
                let rest = component_size - 1 - sizes.iter().sum::<u64>();
                if rest > 0 {
                    sizes.push(rest);
                }
                if sizes.len() < 2 {
                    continue;
                }
            }
            result.articulation_points.push(v);
            let total: u64 = sizes.iter().sum();
            let squares: u64 = sizes.iter().map(|s| s * s).sum();
            result.separated_pairs[v] = (total * total - squares) / 2;
        }
    }
    result.articulation_points.sort_unstable();
    result.bridges.sort_unstable();
    result
}
