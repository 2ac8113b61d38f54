//! The multi-level steps of Leiden and Louvain (Traag, Waltman & van Eck
//! 2019; Blondel et al. 2008): graphs of aggregated communities, fast local
//! moving and Leiden's refinement.

use super::renumber;
use crate::graph::{entry, Adjacency, Csr, Weight, WeightList};

use crate::rng::Rng;
use std::collections::VecDeque;

/// A weighted graph at one level of aggregation: the analysis's adjacency
/// at the first level, an [`Aggregate`]'s graph at the others (its weights
/// of type `W`).
pub(super) struct Level<'g, W: Weight> {
    graph: &'g Csr<W>,
    /// Strength of each node (including its internal weight, twice).
    pub(super) strength: Vec<f64>,
}

impl<'g, W: Weight> Level<'g, W> {
    pub(super) fn from_adjacency(adjacency: &'g Csr<W>) -> Level<'g, W> {
        Level {
            graph: adjacency,
            strength: adjacency.strengths(),
        }
    }

    /// The level of an aggregate's graph, `graph`, of node strengths
    /// `strength`.
    pub(super) fn of(graph: &'g Csr<W>, strength: Vec<f64>) -> Level<'g, W> {
        Level { graph, strength }
    }

    pub(super) fn len(&self) -> usize {
        self.strength.len()
    }

    fn edges(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.graph.weighted(v).map(|(u, w)| (u as usize, w))
    }

    /// The graph of the groups `group[v]` (0..count): edges between groups
    /// summed, edges inside a group dropped (they only add to strength).
    /// Its weights are held in the narrowest type that holds every sum.
    pub(super) fn aggregate(&self, group: &[usize], count: usize) -> Aggregate {
        // Nodes ordered by group (counting sort).
        let mut start = vec![0usize; count + 1];
        let mut strength = vec![0.0; count];
        for v in 0..self.len() {
            start[group[v] + 1] += 1;
            strength[group[v]] += self.strength[v];
        }
        for g in 0..count {
            start[g + 1] += start[g];
        }
        let mut fill = start.clone();
        let mut nodes = vec![0usize; self.len()];
        for v in 0..self.len() {
            nodes[fill[group[v]]] = v;
            fill[group[v]] += 1;
        }
        let mut offsets = Vec::with_capacity(count + 1);
        offsets.push(0);
        // Room for as many edges as this level has, which the aggregate
        // never exceeds: the lists are not copied as they grow, and room
        // not written is not memory the process uses.
        let room = self.graph.total();
        let mut targets: Vec<u32> = Vec::with_capacity(room);
        let mut weights = WeightList::with_capacity(room);
        let mut sum = vec![0.0; count];
        let mut touched: Vec<u32> = Vec::new();
        for g in 0..count {
            for &v in &nodes[start[g]..start[g + 1]] {
                for (u, w) in self.edges(v) {
                    let h = group[u];
                    if h == g {
                        continue;
                    }
                    if sum[h] == 0.0 {
                        touched.push(h as u32);
                    }
                    sum[h] += w;
                }
            }
            // Sorted neighbours keep the next level deterministic.
            touched.sort_unstable();
            for &h in &touched {
                targets.push(h);
                weights.push(sum[h as usize]);
                sum[h as usize] = 0.0;
            }
            touched.clear();
            offsets.push(entry(targets.len()));
        }
        Aggregate {
            graph: Adjacency::from_starts(offsets, targets, weights),
            strength,
        }
    }
}

/// An aggregated level: its graph, its weights held in the narrowest type
/// that holds every sum exactly, and the strength of each node.
pub(super) struct Aggregate {
    pub(super) graph: Adjacency,
    pub(super) strength: Vec<f64>,
}

/// Scratch space for summing a node's edge weight per community.
struct NeighbourWeights {
    weight: Vec<f64>,
    seen: Vec<bool>,
    list: Vec<usize>,
}

impl NeighbourWeights {
    fn new(n: usize) -> Self {
        NeighbourWeights {
            weight: vec![0.0; n],
            seen: vec![false; n],
            list: Vec::new(),
        }
    }
    fn add(&mut self, c: usize, w: f64) {
        if !self.seen[c] {
            self.seen[c] = true;
            self.list.push(c);
        }
        self.weight[c] += w;
    }
    fn clear(&mut self) {
        for &c in &self.list {
            self.seen[c] = false;
            self.weight[c] = 0.0;
        }
        self.list.clear();
    }
}

/// Gains smaller than this (in units of tie weight) are not moves.
const MIN_GAIN: f64 = 1e-12;

/// Fast local moving (Traag et al. 2019, §"Fast local move"): visit nodes
/// from a queue, move each to the neighbouring (or an empty) community with
/// the best modularity gain, and requeue the neighbours it left behind.
/// Returns true if any node moved.
pub(super) fn move_nodes<W: Weight>(
    level: &Level<'_, W>,
    community: &mut [usize],
    gamma_over_2m: f64,
    rng: &mut Rng,
) -> bool {
    let n = level.len();
    let mut total = vec![0.0; n];
    let mut size = vec![0usize; n];
    for v in 0..n {
        total[community[v]] += level.strength[v];
        size[community[v]] += 1;
    }
    let mut empty: Vec<usize> = (0..n).filter(|&c| size[c] == 0).collect();
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut queue: VecDeque<usize> = order.into();
    let mut queued = vec![true; n];
    let mut scratch = NeighbourWeights::new(n);
    let mut moved = false;
    while let Some(v) = queue.pop_front() {
        queued[v] = false;
        let current = community[v];
        let k = level.strength[v];
        for (u, w) in level.edges(v) {
            if u != v {
                scratch.add(community[u], w);
            }
        }
        total[current] -= k;
        size[current] -= 1;
        let stay_gain = scratch.weight[current] - gamma_over_2m * k * total[current];
        let mut best = current;
        let mut best_gain = stay_gain;
        for &c in &scratch.list {
            let gain = scratch.weight[c] - gamma_over_2m * k * total[c];
            if gain > best_gain + MIN_GAIN {
                best = c;
                best_gain = gain;
            }
        }
        if best_gain < -MIN_GAIN && size[current] > 0 {
            // Alone is better than anywhere: an empty community.
            if let Some(c) = empty.pop() {
                best = c;
            }
        }
        scratch.clear();
        total[best] += k;
        size[best] += 1;
        if best != current {
            moved = true;
            community[v] = best;
            if size[current] == 0 {
                empty.push(current);
            }
            for (u, _) in level.edges(v) {
                if !queued[u] && community[u] != best {
                    queued[u] = true;
                    queue.push_back(u);
                }
            }
        }
    }
    moved
}

/// Leiden's refinement: inside each community, start from singletons and
/// merge well-connected singletons into well-connected sub-communities,
/// choosing among non-negative gains at random with probability ∝
/// exp(gain/θ), θ = 0.01 (as igraph). Returns the refined membership
/// (renumbered 0..count) and its count.
pub(super) fn refine<W: Weight>(
    level: &Level<'_, W>,
    community: &[usize],
    gamma_over_2m: f64,
    rng: &mut Rng,
) -> (Vec<usize>, usize) {
    const THETA: f64 = 0.01;
    let n = level.len();
    let mut refined: Vec<usize> = (0..n).collect();
    let mut refined_total = level.strength.clone();
    let mut singleton = vec![true; n];
    let mut community_total = vec![0.0; n];
    for v in 0..n {
        community_total[community[v]] += level.strength[v];
    }
    // E(v, C − v), then E(T, C − T) for refined communities T.
    let mut external = vec![0.0; n];
    for v in 0..n {
        external[v] = level
            .edges(v)
            .filter(|&(u, _)| u != v && community[u] == community[v])
            .map(|(_, w)| w)
            .sum();
    }
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut scratch = NeighbourWeights::new(n);
    let mut candidates: Vec<(usize, f64)> = Vec::new();
    for v in order {
        if !singleton[v] {
            continue;
        }
        let c = community[v];
        let k = level.strength[v];
        let ctot = community_total[c];
        // v itself must be well connected to its community.
        if external[refined[v]] < gamma_over_2m * k * (ctot - k) {
            continue;
        }
        for (u, w) in level.edges(v) {
            if u != v && community[u] == c {
                scratch.add(refined[u], w);
            }
        }
        candidates.clear();
        let mut best = f64::NEG_INFINITY;
        for &t in &scratch.list {
            let tt = refined_total[t];
            if external[t] < gamma_over_2m * tt * (ctot - tt) {
                continue;
            }
            let gain = scratch.weight[t] - gamma_over_2m * k * tt;
            if gain >= 0.0 {
                candidates.push((t, gain));
                best = best.max(gain);
            }
        }
        if !candidates.is_empty() {
            let weights: Vec<f64> = candidates
                .iter()
                .map(|&(_, g)| ((g - best) / THETA).exp())
                .collect();
            let sum: f64 = weights.iter().sum();
            let mut pick = rng.unit() * sum;
            let mut chosen = candidates[candidates.len() - 1].0;
            for (&(t, _), w) in candidates.iter().zip(&weights) {
                if pick < *w {
                    chosen = t;
                    break;
                }
                pick -= w;
            }
            let own = refined[v];
            let to_chosen = scratch.weight[chosen];
            refined_total[own] -= k;
            refined_total[chosen] += k;
            external[chosen] += external[own] - 2.0 * to_chosen;
            external[own] = 0.0;
            refined[v] = chosen;
            singleton[v] = false;
            // A non-empty refined community t always holds node t (only
            // singletons move, and a vacated id is never a target again),
            // so this marks the community's first member.
            singleton[chosen] = false;
        }
        scratch.clear();
    }
    renumber(&refined)
}
