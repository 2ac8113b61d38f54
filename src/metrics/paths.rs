//! Single-source shortest paths shared by betweenness, closeness, harmonic
//! centrality and the path-length figures.
//!
//! Distances are hops, or `1/weight` ("more shared engagements = closer")
//! when weighted. Weighted path lengths that are equal within a relative
//! [`TIE_TOLERANCE`] count as equal, so that 1/3 + 1/3 + 1/3 and 1 are one
//! length: a plain floating-point Dijkstra would drop one of the two paths
//! and get betweenness wrong (networkx does, see DESIGN §3).

use crate::graph::Csr;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Relative tolerance under which two weighted path lengths are one.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// How path lengths are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathLength {
    /// Distance 1/weight along each tie (the default).
    #[default]
    InverseWeight,
    /// Number of ties (hops).
    Hops,
}

/// Reusable buffers for one weighted (Dijkstra) search from one source;
/// searches on hops use [`HopSearch`]. The graph it searches holds each
/// tie's *length* (1/weight, computed once per tie) in place of its
/// weight.
pub(crate) struct Search {
    pub dist: Vec<f64>,
    /// Reached nodes in non-decreasing distance (the source first).
    pub order: Vec<u32>,
    /// Number of shortest paths from the source (filled by [`Search::run`]
    /// with `count`).
    pub sigma: Vec<f64>,
    delta: Vec<f64>,
    done: Vec<bool>,
    heap: BinaryHeap<Entry>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry(f64, u32);

impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    /// Reversed, for a min-heap; ties by node for determinism.
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

impl Search {
    pub fn new(n: usize) -> Search {
        Search {
            dist: vec![f64::INFINITY; n],
            order: Vec::with_capacity(n),
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            done: vec![false; n],
            heap: BinaryHeap::new(),
        }
    }

    /// Distances from `source` to every reachable node, the ties' lengths
    /// summed; with `count`, also the number of shortest paths to each.
    ///
    /// Paths are counted as each node is settled: its neighbours at a
    /// smaller distance are settled already, so one scan of its ties both
    /// sums their path counts and relaxes the others — the same sums, in the
    /// same order, as a separate pass over the settled nodes would make.
    pub fn run(&mut self, adjacency: &Csr, source: usize, count: bool) {
        for &v in &self.order {
            self.dist[v as usize] = f64::INFINITY;
            self.sigma[v as usize] = 0.0;
        }
        self.order.clear();
        self.dist[source] = 0.0;
        self.heap.clear();
        self.heap.push(Entry(0.0, source as u32));
        while let Some(Entry(d, v)) = self.heap.pop() {
            if self.done[v as usize] {
                continue;
            }
            self.done[v as usize] = true;
            self.order.push(v);
            let (neighbors, lengths) = (
                adjacency.neighbors(v as usize),
                adjacency.weights(v as usize),
            );
            let mut paths = if v as usize == source { 1.0 } else { 0.0 };
            for (&u, &length) in neighbors.iter().zip(lengths) {
                if self.done[u as usize] {
                    if count && self.precedes(u as usize, v as usize, length) {
                        paths += self.sigma[u as usize];
                    }
                    continue;
                }
                let alt = d + length;
                if alt < self.dist[u as usize] {
                    self.dist[u as usize] = alt;
                    self.heap.push(Entry(alt, u));
                }
            }
            if count {
                self.sigma[v as usize] = paths;
            }
        }
        for &v in &self.order {
            self.done[v as usize] = false;
        }
    }

    /// True when `v` precedes `w` on a shortest path (`v`–`w` a tie of
    /// length `length`): the lengths agree within [`TIE_TOLERANCE`].
    #[inline]
    pub fn precedes(&self, v: usize, w: usize, length: f64) -> bool {
        let (dv, dw) = (self.dist[v], self.dist[w]);
        dv < dw && (dv + length - dw).abs() <= TIE_TOLERANCE * dw
    }

    /// Brandes' dependency accumulation for the last source (after
    /// [`Search::run`] with `count`): adds δ_s(w) to `acc[w]` for every reached
    /// `w` other than the source.
    pub fn accumulate_dependencies(&mut self, adjacency: &Csr, acc: &mut [f64]) {
        for i in (1..self.order.len()).rev() {
            let w = self.order[i] as usize;
            let coefficient = (1.0 + self.delta[w]) / self.sigma[w];
            for (&v, &wt) in adjacency.neighbors(w).iter().zip(adjacency.weights(w)) {
                if self.precedes(v as usize, w, wt) {
                    self.delta[v as usize] += self.sigma[v as usize] * coefficient;
                }
            }
            acc[w] += self.delta[w];
        }
        for &v in &self.order {
            self.delta[v as usize] = 0.0;
        }
    }
}

/// Buffers for breadth-first searches on hops, smaller and faster than
/// [`Search`]'s (integer distances; weights never read).
pub(crate) struct HopSearch {
    pub dist: Vec<u32>,
    /// Reached nodes in BFS order (the source first); also the queue.
    pub order: Vec<u32>,
    pub sigma: Vec<f64>,
    coefficient: Vec<f64>,
}

const UNREACHED: u32 = u32::MAX;

impl HopSearch {
    pub fn new(n: usize) -> HopSearch {
        HopSearch {
            dist: vec![UNREACHED; n],
            order: Vec::with_capacity(n),
            sigma: vec![0.0; n],
            coefficient: vec![0.0; n],
        }
    }

    /// BFS from `source`; with `count`, also the number of shortest paths.
    pub fn run(&mut self, adjacency: &Csr, source: usize, count: bool) {
        for &v in &self.order {
            self.dist[v as usize] = UNREACHED;
            self.sigma[v as usize] = 0.0;
        }
        self.order.clear();
        self.dist[source] = 0;
        self.sigma[source] = 1.0;
        self.order.push(source as u32);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            let next = self.dist[v] + 1;
            let sigma_v = self.sigma[v];
            for &u in adjacency.neighbors(v) {
                let u = u as usize;
                let du = self.dist[u];
                if du == UNREACHED {
                    self.dist[u] = next;
                    self.order.push(u as u32);
                    if count {
                        self.sigma[u] = sigma_v;
                    }
                } else if count && du == next {
                    self.sigma[u] += sigma_v;
                }
            }
        }
    }

    /// Brandes' dependencies of the last source, pulled from successors:
    /// δ(v) = σ(v) · Σ_{w: d(w) = d(v)+1} (1 + δ(w)) / σ(w). Adds δ(v) to
    /// `acc[v]` for every reached v other than the source.
    pub fn accumulate_dependencies(&mut self, adjacency: &Csr, acc: &mut [f64]) {
        for i in (0..self.order.len()).rev() {
            let v = self.order[i] as usize;
            let below = self.dist[v] + 1;
            let mut sum = 0.0;
            for &w in adjacency.neighbors(v) {
                if self.dist[w as usize] == below {
                    sum += self.coefficient[w as usize];
                }
            }
            let delta = self.sigma[v] * sum;
            self.coefficient[v] = (1.0 + delta) / self.sigma[v];
            if i > 0 {
                acc[v] += delta;
            }
        }
    }
}
