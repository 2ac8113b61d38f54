//! Compact weighted adjacency lists for metrics.

/// Symmetric adjacency lists: for node `v`, `neighbors(v)` ascending with
/// `weights(v)` alongside.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Adjacency {
    offsets: Vec<usize>,
    neighbors: Vec<u32>,
    weights: Vec<f64>,
}

impl Adjacency {
    /// Builds the lists of `n` nodes from undirected edges (each given once).
    pub fn from_edges(n: usize, edges: impl Iterator<Item = (u32, u32, f64)> + Clone) -> Adjacency {
        let mut degree = vec![0usize; n];
        for (s, t, _) in edges.clone() {
            degree[s as usize] += 1;
            degree[t as usize] += 1;
        }
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        for d in &degree {
            offsets.push(offsets.last().copied().unwrap_or(0) + d);
        }
        let m2 = offsets[n];
        let mut fill = offsets[..n].to_vec();
        let mut entries = vec![(0u32, 0f64); m2];
        for (s, t, w) in edges {
            entries[fill[s as usize]] = (t, w);
            fill[s as usize] += 1;
            entries[fill[t as usize]] = (s, w);
            fill[t as usize] += 1;
        }
        for v in 0..n {
            entries[offsets[v]..offsets[v + 1]].sort_unstable_by_key(|e| e.0);
        }
        Adjacency {
            offsets,
            neighbors: entries.iter().map(|e| e.0).collect(),
            weights: entries.iter().map(|e| e.1).collect(),
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.neighbors.len() / 2
    }

    /// Neighbours of `v`, ascending.
    pub fn neighbors(&self, v: usize) -> &[u32] {
        &self.neighbors[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Weights of the edges to `neighbors(v)`.
    pub fn weights(&self, v: usize) -> &[f64] {
        &self.weights[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Number of neighbours of `v`.
    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }
}

impl Adjacency {
    /// A cache-friendly order of the nodes: breadth-first from the
    /// lowest-degree unvisited node, neighbours by ascending degree (Cuthill
    /// & McKee 1969), so that tied actors sit near each other in memory.
    /// Returns `order[new] = old`.
    pub fn locality_order(&self) -> Vec<u32> {
        let n = self.node_count();
        let mut seeds: Vec<u32> = (0..n as u32).collect();
        seeds.sort_by_key(|&v| (self.degree(v as usize), v));
        let mut seen = vec![false; n];
        let mut order = Vec::with_capacity(n);
        let mut buffer: Vec<u32> = Vec::new();
        for &s in &seeds {
            if seen[s as usize] {
                continue;
            }
            seen[s as usize] = true;
            let mut head = order.len();
            order.push(s);
            while head < order.len() {
                let v = order[head] as usize;
                head += 1;
                buffer.clear();
                buffer.extend(
                    self.neighbors(v)
                        .iter()
                        .copied()
                        .filter(|&u| !seen[u as usize]),
                );
                buffer.sort_by_key(|&u| (self.degree(u as usize), u));
                for &u in &buffer {
                    seen[u as usize] = true;
                    order.push(u);
                }
            }
        }
        order
    }

    /// The same graph with node `order[new]` renamed `new`.
    pub fn permuted(&self, order: &[u32]) -> Adjacency {
        let mut new_of = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        let edges: Vec<(u32, u32, f64)> = (0..self.node_count())
            .flat_map(|v| {
                let new_of = &new_of;
                self.neighbors(v)
                    .iter()
                    .zip(self.weights(v))
                    .filter(move |(&u, _)| (u as usize) > v)
                    .map(move |(&u, &w)| (new_of[v], new_of[u as usize], w))
            })
            .collect();
        Adjacency::from_edges(order.len(), edges.into_iter())
    }
}
