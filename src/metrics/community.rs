//! Community detection: Leiden and Louvain on tie weights, modularity, and
//! agreement between partitions (NMI, adjusted Rand index).
//!
//! Both methods optimise modularity with a resolution γ,
//! Q = Σ_c [ L_c/m − γ (K_c/2m)² ] (L_c: weight inside c, K_c: strength of
//! c, m: total weight), as networkx's `modularity`. They are seeded, so the
//! same input, options and seed give the same partition on any machine.

use crate::error::{Error, Result};
use crate::graph::Csr;
use crate::rng::Rng;
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::str::FromStr;

/// Which algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CommunityMethod {
    /// Leiden (Traag, Waltman & van Eck 2019): Louvain with a refinement
    /// phase that guarantees connected, well-connected communities.
    #[default]
    Leiden,
    /// Louvain (Blondel et al. 2008): local moving and aggregation.
    Louvain,
}

impl FromStr for CommunityMethod {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "leiden" => Ok(CommunityMethod::Leiden),
            "louvain" => Ok(CommunityMethod::Louvain),
            other => Err(Error::invalid("method", other, "leiden or louvain")),
        }
    }
}

impl fmt::Display for CommunityMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CommunityMethod::Leiden => "leiden",
            CommunityMethod::Louvain => "louvain",
        })
    }
}

/// Options of [`detect`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommunityOptions {
    /// Leiden (default) or Louvain.
    pub method: CommunityMethod,
    /// Resolution γ (default 1): higher gives more, smaller communities.
    pub resolution: f64,
    /// Random seed (default 1).
    pub seed: u64,
    /// Iterations of the whole algorithm, each starting from the previous
    /// result; 0 (the default) repeats until an iteration changes nothing
    /// (at most 50). igraph's default is 2, which is faster on large graphs
    /// and reaches slightly lower modularity.
    pub iterations: usize,
}

/// The cap of "until nothing changes".
const MAX_ITERATIONS: usize = 50;

impl Default for CommunityOptions {
    fn default() -> Self {
        CommunityOptions {
            method: CommunityMethod::Leiden,
            resolution: 1.0,
            seed: 1,
            iterations: 0,
        }
    }
}

/// A partition of the actors into communities.
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// Community of each actor, numbered by size (largest = 0), then by
    /// smallest member position (= smallest id).
    pub membership: Vec<usize>,
    /// Number of communities.
    pub count: usize,
    /// Modularity of the partition at the resolution used.
    pub modularity: f64,
}

impl Partition {
    /// Members of each community, ascending.
    pub fn members(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.count];
        for (v, &c) in self.membership.iter().enumerate() {
            if let Some(members) = out.get_mut(c) {
                members.push(v);
            }
        }
        out
    }
}

/// A weighted graph at one level of aggregation.
struct Level {
    graph: Csr,
    /// Strength of each node (including its internal weight, twice).
    strength: Vec<f64>,
}

impl Level {
    fn from_adjacency(adjacency: &Csr) -> Level {
        Level {
            graph: adjacency.clone(),
            strength: adjacency.strengths(),
        }
    }

    fn len(&self) -> usize {
        self.strength.len()
    }

    fn edges(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.graph
            .row(v)
            .iter()
            .zip(self.graph.weights(v))
            .map(|(&u, &w)| (u as usize, w))
    }

    /// The graph of the groups `group[v]` (0..count): edges between groups
    /// summed, edges inside a group dropped (they only add to strength).
    fn aggregate(&self, group: &[usize], count: usize) -> Level {
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
        let mut targets: Vec<u32> = Vec::new();
        let mut weights: Vec<f64> = Vec::new();
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
            offsets.push(targets.len());
        }
        Level {
            graph: Csr::from_parts(offsets, targets, weights),
            strength,
        }
    }
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
fn move_nodes(level: &Level, community: &mut [usize], gamma_over_2m: f64, rng: &mut Rng) -> bool {
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
fn refine(
    level: &Level,
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

/// Renumbers labels 0..count in order of first appearance.
fn renumber(labels: &[usize]) -> (Vec<usize>, usize) {
    let mut map: HashMap<usize, usize> = HashMap::new();
    let out = labels
        .iter()
        .map(|&l| {
            let next = map.len();
            *map.entry(l).or_insert(next)
        })
        .collect();
    (out, map.len())
}

/// Detects communities.
///
/// Leiden repeats (local moving → refinement → aggregation) until local
/// moving leaves every node alone; Louvain aggregates by the moved
/// partition directly. The whole algorithm runs `iterations` times, each
/// starting from the previous result (an iteration that changes nothing
/// ends early). Isolated actors are communities of their own.
///
/// Complexity: about O(m) per pass, with few passes in practice.
pub(crate) fn detect(adjacency: &Csr, options: &CommunityOptions) -> Result<Partition> {
    if !(options.resolution.is_finite() && options.resolution > 0.0) {
        return Err(Error::invalid(
            "resolution",
            options.resolution,
            "a positive number",
        ));
    }
    crate::counters::count_community_run();
    let n = adjacency.node_count();
    let base = Level::from_adjacency(adjacency);
    let two_m: f64 = base.strength.iter().sum();
    if n == 0 || two_m == 0.0 {
        return Ok(finish(adjacency, (0..n).collect(), options.resolution));
    }
    let gamma_over_2m = options.resolution / two_m;
    let mut rng = Rng::new(options.seed);
    let mut membership: Vec<usize> = (0..n).collect();
    let max_iterations = if options.iterations == 0 {
        MAX_ITERATIONS
    } else {
        options.iterations
    };
    for _ in 0..max_iterations {
        let before = membership.clone();
        one_iteration(
            &base,
            &mut membership,
            gamma_over_2m,
            options.method,
            &mut rng,
        );
        if membership == before {
            break;
        }
    }
    Ok(finish(adjacency, membership, options.resolution))
}

/// One run of the multi-level algorithm, starting from `membership`.
fn one_iteration(
    base: &Level,
    membership: &mut [usize],
    gamma_over_2m: f64,
    method: CommunityMethod,
    rng: &mut Rng,
) {
    let (start, _) = renumber(membership);
    let mut community = start;
    // node_of[v]: the node of the current level that holds original actor v.
    let mut node_of: Vec<usize> = (0..base.len()).collect();
    let mut owned;
    let mut level: &Level = base;
    loop {
        move_nodes(level, &mut community, gamma_over_2m, rng);
        let (moved, count) = renumber(&community);
        if count == level.len() {
            community = moved;
            break;
        }
        let (aggregate_by, aggregate_count) = match method {
            CommunityMethod::Leiden => {
                let (refined, refined_count) = refine(level, &moved, gamma_over_2m, rng);
                if refined_count == level.len() {
                    (moved.clone(), count)
                } else {
                    (refined, refined_count)
                }
            }
            CommunityMethod::Louvain => (moved.clone(), count),
        };
        // The next level's nodes start in the community of their members.
        let mut next_community = vec![0; aggregate_count];
        for v in 0..level.len() {
            next_community[aggregate_by[v]] = moved[v];
        }
        for v in node_of.iter_mut() {
            *v = aggregate_by[*v];
        }
        owned = level.aggregate(&aggregate_by, aggregate_count);
        level = &owned;
        community = next_community;
    }
    for (v, slot) in membership.iter_mut().enumerate() {
        *slot = community[node_of[v]];
    }
}

/// Numbers communities by size and smallest member; computes modularity.
fn finish(adjacency: &Csr, membership: Vec<usize>, resolution: f64) -> Partition {
    let membership = number_by_size(&membership);
    let count = membership.iter().max().map_or(0, |m| m + 1);
    let modularity = modularity(adjacency, &membership, resolution);
    Partition {
        membership,
        count,
        modularity,
    }
}

/// Renumbers a membership so that the largest community is 0, ties broken
/// by the smallest member (position).
pub(crate) fn number_by_size(membership: &[usize]) -> Vec<usize> {
    let (labels, count) = renumber(membership);
    let mut size = vec![0usize; count];
    let mut first = vec![usize::MAX; count];
    for (v, &c) in labels.iter().enumerate() {
        size[c] += 1;
        first[c] = first[c].min(v);
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(size[c]), first[c]));
    let mut rank = vec![0; count];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r;
    }
    labels.into_iter().map(|c| rank[c]).collect()
}

/// Modularity (Newman & Girvan 2004) with resolution γ, on tie weights:
/// Σ_c [ L_c/m − γ (K_c/2m)² ]; 0 for a network without ties.
///
/// Complexity: O(n + m).
pub(crate) fn modularity(adjacency: &Csr, membership: &[usize], resolution: f64) -> f64 {
    let count = membership.iter().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0; count];
    let mut total = vec![0.0; count];
    let mut two_m = 0.0;
    for v in 0..adjacency.node_count() {
        for (&u, &w) in adjacency.neighbors(v).iter().zip(adjacency.weights(v)) {
            two_m += w;
            total[membership[v]] += w;
            if membership[u as usize] == membership[v] {
                inside[membership[v]] += w;
            }
        }
    }
    if two_m == 0.0 {
        return 0.0;
    }
    // `inside` counts each internal tie twice: L_c/m = inside/2m.
    (0..count)
        .map(|c| inside[c] / two_m - resolution * (total[c] / two_m).powi(2))
        .sum()
}

/// Joint counts of label pairs, and the counts of each side's labels.
type Contingency = (
    HashMap<(usize, usize), f64>,
    HashMap<usize, f64>,
    HashMap<usize, f64>,
);

fn contingency(a: &[usize], b: &[usize]) -> Contingency {
    let mut joint = HashMap::new();
    let mut left = HashMap::new();
    let mut right = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *joint.entry((x, y)).or_insert(0.0) += 1.0;
        *left.entry(x).or_insert(0.0) += 1.0;
        *right.entry(y).or_insert(0.0) += 1.0;
    }
    (joint, left, right)
}

fn sorted_values<K: Ord + Copy>(map: &HashMap<K, f64>) -> Vec<f64> {
    let mut entries: Vec<(K, f64)> = map.iter().map(|(k, v)| (*k, *v)).collect();
    entries.sort_by_key(|e| e.0);
    entries.into_iter().map(|e| e.1).collect()
}

fn same_length(a: &[usize], b: &[usize]) -> Result<()> {
    if a.len() == b.len() {
        Ok(())
    } else {
        Err(Error::invalid(
            "partition",
            format!("{} and {} labels", a.len(), b.len()),
            "two partitions of the same nodes (equal lengths)",
        ))
    }
}

/// Normalised mutual information of two partitions given as one label per
/// node, with arithmetic-mean normalisation (Danon et al. 2005, *Comparing
/// community structure identification*, J. Stat. Mech.; scikit-learn's
/// default): 1 for identical partitions, near 0 for independent ones; 1
/// when both put everyone together.
///
/// Returns [`Error::InvalidParameter`] when the lengths differ.
/// Complexity: O(n) expected time and memory.
///
/// ```
/// use verkosto::metrics::community::nmi;
/// assert_eq!(nmi(&[0, 0, 1, 1], &[5, 5, 7, 7]).unwrap(), 1.0); // same split
/// assert_eq!(nmi(&[0, 0, 1, 1], &[0, 1, 0, 1]).unwrap(), 0.0); // independent
/// assert!(nmi(&[0], &[0, 1]).is_err());
/// ```
pub fn nmi(a: &[usize], b: &[usize]) -> Result<f64> {
    same_length(a, b)?;
    Ok(nmi_unchecked(a, b))
}

fn nmi_unchecked(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len() as f64;
    if n == 0.0 {
        return 1.0;
    }
    let (joint, left, right) = contingency(a, b);
    let entropy =
        |counts: &[f64]| -> f64 { -counts.iter().map(|&c| (c / n) * (c / n).ln()).sum::<f64>() };
    let (ha, hb) = (
        entropy(&sorted_values(&left)),
        entropy(&sorted_values(&right)),
    );
    if ha == 0.0 && hb == 0.0 {
        return 1.0;
    }
    let mut entries: Vec<((usize, usize), f64)> = joint.into_iter().collect();
    entries.sort_by_key(|e| e.0);
    let mutual: f64 = entries
        .iter()
        .map(|&((x, y), c)| (c / n) * ((c * n) / (left[&x] * right[&y])).ln())
        .sum();
    (2.0 * mutual / (ha + hb)).clamp(0.0, 1.0)
}

/// Adjusted Rand index (Hubert & Arabie 1985, *Comparing partitions*, J.
/// Classif. 2) of two partitions given as one label per node: 1 for
/// identical partitions, about 0 for chance agreement.
///
/// Returns [`Error::InvalidParameter`] when the lengths differ.
/// Complexity: O(n) expected time and memory.
///
/// ```
/// use verkosto::metrics::community::adjusted_rand;
/// assert_eq!(adjusted_rand(&[0, 0, 1, 1], &[1, 1, 0, 0]).unwrap(), 1.0);
/// assert!(adjusted_rand(&[0, 0, 1, 1], &[0, 1, 0, 1]).unwrap() < 0.0); // worse than chance
/// ```
pub fn adjusted_rand(a: &[usize], b: &[usize]) -> Result<f64> {
    same_length(a, b)?;
    Ok(adjusted_rand_unchecked(a, b))
}

fn adjusted_rand_unchecked(a: &[usize], b: &[usize]) -> f64 {
    let pairs = |c: f64| c * (c - 1.0) / 2.0;
    let (joint, left, right) = contingency(a, b);
    let mut entries: Vec<((usize, usize), f64)> = joint.into_iter().collect();
    entries.sort_by_key(|e| e.0);
    let index: f64 = entries.iter().map(|e| pairs(e.1)).sum();
    let sum_a: f64 = sorted_values(&left).iter().map(|&c| pairs(c)).sum();
    let sum_b: f64 = sorted_values(&right).iter().map(|&c| pairs(c)).sum();
    let total = pairs(a.len() as f64);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_a * sum_b / total;
    let maximum = (sum_a + sum_b) / 2.0;
    if maximum == expected {
        return 1.0;
    }
    (index - expected) / (maximum - expected)
}

/// How much the partitions of several seeds agree.
#[derive(Debug, Clone, PartialEq)]
pub struct Stability {
    /// The seeds run, in order.
    pub seeds: Vec<u64>,
    /// Modularity reached by each seed.
    pub modularity: Vec<f64>,
    /// Index (into `seeds`) of the run with the highest modularity (the
    /// first among equals): its partition is the one reported.
    pub best: usize,
    /// Mean NMI over all pairs of runs.
    pub mean_nmi: f64,
    /// Mean adjusted Rand index over all pairs of runs.
    pub mean_ari: f64,
    /// Per actor: mean Jaccard similarity between its community in the best
    /// run and in each other run (1 = always with the same actors).
    pub consistency: Vec<f64>,
    /// The partition of the best run.
    pub partition: Partition,
}

impl Stability {
    /// The actors whose community changes between runs, as (position,
    /// consistency), least consistent first.
    pub fn unstable_actors(&self) -> Vec<(usize, f64)> {
        let mut rows: Vec<(usize, f64)> = self
            .consistency
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, c)| *c < 1.0 - 1e-12)
            .collect();
        rows.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        rows
    }
}

/// Runs `runs` seeds (`options.seed`, `options.seed + 1`, …) and measures
/// their agreement.
pub(crate) fn stability(
    adjacency: &Csr,
    options: &CommunityOptions,
    runs: usize,
    progress: Option<&(dyn Fn(usize) + Sync)>,
) -> Result<Stability> {
    use rayon::prelude::*;
    let runs = runs.max(1);
    let seeds: Vec<u64> = (0..runs as u64)
        .map(|i| options.seed.wrapping_add(i))
        .collect();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let partitions: Vec<Partition> = seeds
        .par_iter()
        .map(|&seed| {
            let p = detect(adjacency, &CommunityOptions { seed, ..*options });
            let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if let Some(report) = progress {
                report(finished);
            }
            p
        })
        .collect::<Result<_>>()?;
    let modularity: Vec<f64> = partitions.iter().map(|p| p.modularity).collect();
    let best = (0..runs).fold(0, |b, i| if modularity[i] > modularity[b] { i } else { b });
    let (mut nmi_sum, mut ari_sum, mut pair_count) = (0.0, 0.0, 0usize);
    for i in 0..runs {
        for j in i + 1..runs {
            nmi_sum += nmi_unchecked(&partitions[i].membership, &partitions[j].membership);
            ari_sum +=
                adjusted_rand_unchecked(&partitions[i].membership, &partitions[j].membership);
            pair_count += 1;
        }
    }
    let n = adjacency.node_count();
    let mut consistency = vec![0.0; n];
    let reference = &partitions[best].membership;
    for (r, p) in partitions.iter().enumerate() {
        if r == best {
            continue;
        }
        let (joint, left, right) = contingency(reference, &p.membership);
        for v in 0..n {
            let (x, y) = (reference[v], p.membership[v]);
            let shared = joint[&(x, y)];
            consistency[v] += shared / (left[&x] + right[&y] - shared);
        }
    }
    for c in &mut consistency {
        *c = if runs > 1 {
            *c / (runs - 1) as f64
        } else {
            1.0
        };
    }
    let (mean_nmi, mean_ari) = if pair_count > 0 {
        (nmi_sum / pair_count as f64, ari_sum / pair_count as f64)
    } else {
        (1.0, 1.0)
    };
    Ok(Stability {
        seeds,
        modularity,
        best,
        mean_nmi,
        mean_ari,
        consistency,
        partition: partitions[best].clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two 5-cliques joined by one tie.
    fn barbell() -> Csr {
        let mut edges = Vec::new();
        for base in [0u32, 5] {
            for i in 0..5 {
                for j in i + 1..5 {
                    edges.push((base + i, base + j, 1.0));
                }
            }
        }
        edges.push((4, 5, 1.0));
        Csr::from_edges(10, edges.into_iter())
    }

    #[test]
    fn finds_the_two_cliques_with_both_methods() {
        let adj = barbell();
        for method in [CommunityMethod::Leiden, CommunityMethod::Louvain] {
            for seed in 0..5 {
                let p = detect(
                    &adj,
                    &CommunityOptions {
                        method,
                        seed,
                        ..Default::default()
                    },
                )
                .unwrap();
                assert_eq!(
                    p.membership,
                    [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
                    "{method} seed {seed}"
                );
                // 21 ties; each clique 10 inside, strength 21: 2·(10/21 − (21/42)²).
                assert!((p.modularity - 2.0 * (10.0 / 21.0 - 0.25)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn modularity_by_hand_and_resolution() {
        let adj = barbell();
        let all = vec![0; 10];
        assert!(modularity(&adj, &all, 1.0).abs() < 1e-12);
        assert!((modularity(&adj, &all, 0.5) - 0.5).abs() < 1e-12);
        // A very high resolution splits everything.
        let p = detect(
            &adj,
            &CommunityOptions {
                resolution: 50.0,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(p.count, 10);
    }

    #[test]
    fn agreement_measures() {
        let a = [0, 0, 0, 1, 1, 1];
        let b = [1, 1, 1, 0, 0, 0];
        assert!((nmi(&a, &b).unwrap() - 1.0).abs() < 1e-12);
        assert!((adjusted_rand(&a, &b).unwrap() - 1.0).abs() < 1e-12);
        let c = [0, 1, 0, 1, 0, 1];
        assert!(nmi(&a, &c).unwrap() < 0.1);
        assert!(adjusted_rand(&a, &c).unwrap() < 0.0);
        // ARI of {0,0,1,1} vs {0,0,0,1} = 0 (a textbook value).
        assert!(adjusted_rand(&[0, 0, 1, 1], &[0, 0, 0, 1]).unwrap().abs() < 1e-12);
    }

    #[test]
    fn numbering_by_size_then_first_member() {
        assert_eq!(number_by_size(&[7, 3, 3, 9, 9, 5]), [2, 0, 0, 1, 1, 3]);
    }

    #[test]
    fn stability_of_an_obvious_structure_is_full() {
        let s = stability(&barbell(), &CommunityOptions::default(), 4, None).unwrap();
        assert_eq!(s.seeds, [1, 2, 3, 4]);
        assert!((s.mean_nmi - 1.0).abs() < 1e-12);
        assert!(s.consistency.iter().all(|&c| (c - 1.0).abs() < 1e-12));
    }
}

/// What a community holds.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunityProfile {
    /// Member positions, ascending.
    pub members: Vec<usize>,
    /// Ties inside the community.
    pub internal_ties: usize,
    /// Their total weight.
    pub internal_weight: f64,
    /// internal ties / (s(s−1)/2); `None` for a single actor.
    pub internal_density: Option<f64>,
    /// Members by group value (e.g. kind), in key order.
    pub groups: std::collections::BTreeMap<String, usize>,
}

/// Size, internal ties and density, and group make-up of each community.
///
/// Complexity: O(n + m).
pub(crate) fn community_profiles(
    adjacency: &Csr,
    partition: &Partition,
    group: &[String],
) -> Vec<CommunityProfile> {
    let mut out: Vec<CommunityProfile> = partition
        .members()
        .into_iter()
        .map(|members| CommunityProfile {
            members,
            internal_ties: 0,
            internal_weight: 0.0,
            internal_density: None,
            groups: Default::default(),
        })
        .collect();
    for (v, name) in group.iter().enumerate().take(adjacency.node_count()) {
        let c = partition.membership[v];
        *out[c].groups.entry(name.clone()).or_insert(0) += 1;
        for (&u, &w) in adjacency.neighbors(v).iter().zip(adjacency.weights(v)) {
            if (u as usize) > v && partition.membership[u as usize] == c {
                out[c].internal_ties += 1;
                out[c].internal_weight += w;
            }
        }
    }
    for profile in &mut out {
        let s = profile.members.len();
        if s > 1 {
            profile.internal_density =
                Some(profile.internal_ties as f64 / (s * (s - 1) / 2) as f64);
        }
    }
    out
}
