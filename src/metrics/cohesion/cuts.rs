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

/// The pieces an actor's removal cuts off: their number, and the sums of
/// their sizes and of the squares of their sizes.
#[derive(Debug, Clone, Copy, Default)]
struct Pieces {
    count: u32,
    sum: u64,
    squares: u64,
}

impl Pieces {
    fn add(&mut self, size: u64) {
        self.count += 1;
        self.sum += size;
        self.squares += size * size;
    }
}

/// Articulation points, bridges and separated pairs (Hopcroft & Tarjan
/// 1973), with an explicit stack so that large networks cannot overflow it.
///
/// Complexity: O(n + m); memory about 32 bytes an actor besides the
/// result.
pub(crate) fn cut_structure<W: Weight>(adjacency: &Csr<W>) -> CutStructure {
    const NONE: u32 = u32::MAX;
    let n = adjacency.node_count();
    // Positions are u32 (a network holds fewer than u32::MAX actors), and
    // so are discovery times and subtree sizes.
    let mut discovery = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut subtree = vec![1u32; n];
    let mut parent = vec![NONE; n];
    // The pieces each actor's removal would cut off below it: how many,
    // and the sum of their sizes and of their squares.
    let mut pieces = vec![Pieces::default(); n];
    let mut result = CutStructure {
        separated_pairs: vec![0; n],
        ..Default::default()
    };
    let mut time = 0u32;
    let mut stack: Vec<(u32, u32)> = Vec::new();
    let mut visited: Vec<u32> = Vec::new();
    for root in 0..n {
        if discovery[root] != NONE {
            continue;
        }
        let component_start = time;
        visited.clear();
        visited.push(root as u32);
        discovery[root] = time;
        low[root] = time;
        time += 1;
        stack.push((root as u32, 0));
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let v = v as usize;
            let neighbors = adjacency.neighbors(v);
            if (*next as usize) < neighbors.len() {
                let u = neighbors[*next as usize] as usize;
                *next += 1;
                if discovery[u] == NONE {
                    parent[u] = v as u32;
                    visited.push(u as u32);
                    discovery[u] = time;
                    low[u] = time;
                    time += 1;
                    stack.push((u as u32, 0));
                } else if u as u32 != parent[v] {
                    low[v] = low[v].min(discovery[u]);
                }
            } else {
                stack.pop();
                let p = parent[v];
                if p != NONE {
                    let p = p as usize;
                    low[p] = low[p].min(low[v]);
                    subtree[p] += subtree[v];
                    if low[v] >= discovery[p] {
                        pieces[p].add(u64::from(subtree[v]));
                    }
                    if low[v] > discovery[p] {
                        result.bridges.push((p.min(v), p.max(v)));
                    }
                }
            }
        }
        let component_size = u64::from(time - component_start);
        // Every actor of this component: pieces cut off by its removal; the
        // root's pieces are its children, others also keep "the rest".
        for &v in &visited {
            let v = v as usize;
            let mut cut = pieces[v];
            if v != root {
                if cut.count == 0 {
                    continue;
                }
                let rest = component_size - 1 - cut.sum;
                if rest > 0 {
                    cut.add(rest);
                }
            }
            if cut.count < 2 {
                continue;
            }
            result.articulation_points.push(v);
            result.separated_pairs[v] = (cut.sum * cut.sum - cut.squares) / 2;
        }
    }
    result.articulation_points.sort_unstable();
    result.bridges.sort_unstable();
    result
}
