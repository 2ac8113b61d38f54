//! Single-source shortest paths shared by betweenness, closeness, harmonic
//! centrality and the path-length figures.
//!
//! Distances are hops, or `1/weight` ("more shared engagements = closer")
//! when weighted. Weighted path lengths that are equal within a relative
//! [`TIE_TOLERANCE`] count as equal, so that 1/3 + 1/3 + 1/3 and 1 are one
//! length: a plain floating-point Dijkstra would drop one of the two paths
//! and get betweenness wrong (networkx does, see DESIGN §3).

use crate::graph::Csr;

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
    /// δ(v) of the nodes, during [`Search::accumulate_dependencies`].
    delta: Vec<f64>,
    /// Each settled node's predecessors on shortest paths (filled by
    /// [`Search::run`] with `count`), one run per node of `order`…
    preds: Vec<u32>,
    /// …ending at these positions of `preds`.
    pred_end: Vec<u32>,
    heap: RadixHeap,
}

/// A monotone priority queue of nodes keyed by non-negative distances
/// (Ahuja, Mehlhorn, Orlin & Tarjan 1990): Dijkstra's searches never push a
/// key below the last one popped. A non-negative `f64` orders as its bit
/// pattern, so keys are those bits; bucket `i` holds the keys whose highest
/// bit that differs from the last popped key is bit `i − 1`. A push is one
/// append; a pop empties the lowest non-empty bucket into lower ones only
/// when bucket 0 is empty, so each entry moves at most 64 times and in
/// practice once or twice.
///
/// Among equal keys the pop order is unspecified; [`Search`] gives the same
/// results whatever it is.
#[derive(Debug, Default)]
struct RadixHeap {
    buckets: Vec<Vec<(u64, u32)>>,
    last: u64,
    len: usize,
}

impl RadixHeap {
    fn new() -> RadixHeap {
        RadixHeap {
            buckets: vec![Vec::new(); 65],
            last: 0,
            len: 0,
        }
    }

    fn clear(&mut self) {
        for bucket in &mut self.buckets {
            bucket.clear();
        }
        self.last = 0;
        self.len = 0;
    }

    #[inline]
    fn bucket(&self, key: u64) -> usize {
        (64 - (key ^ self.last).leading_zeros()) as usize
    }

    /// Adds `node` at distance `key`, which is not below the last popped.
    #[inline]
    fn push(&mut self, key: f64, node: u32) {
        let bits = key.to_bits();
        debug_assert!(bits >= self.last, "a monotone queue");
        let b = self.bucket(bits);
        self.buckets[b].push((bits, node));
        self.len += 1;
    }

    /// A node with the smallest key, and the key.
    #[inline]
    fn pop(&mut self) -> Option<(f64, u32)> {
        if self.len == 0 {
            return None;
        }
        if self.buckets[0].is_empty() {
            let i = (1..self.buckets.len()).find(|&i| !self.buckets[i].is_empty())?;
            let bucket = std::mem::take(&mut self.buckets[i]);
            self.last = bucket.iter().map(|&(k, _)| k).min().unwrap_or(self.last);
            for &(k, v) in &bucket {
                let b = self.bucket(k);
                self.buckets[b].push((k, v));
            }
            // Keep the emptied bucket's allocation.
            let mut bucket = bucket;
            bucket.clear();
            self.buckets[i] = bucket;
        }
        self.len -= 1;
        self.buckets[0].pop().map(|(k, v)| (f64::from_bits(k), v))
    }
}

impl Search {
    pub fn new(n: usize) -> Search {
        Search {
            dist: vec![f64::INFINITY; n],
            order: Vec::with_capacity(n),
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            preds: Vec::new(),
            pred_end: Vec::with_capacity(n),
            heap: RadixHeap::new(),
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
        if count {
            self.search::<true>(adjacency, source);
        } else {
            self.search::<false>(adjacency, source);
        }
    }

    /// [`Search::run`], with the counting decided at compile time and the
    /// buffers borrowed apart, so the inner loop keeps them in registers.
    fn search<const COUNT: bool>(&mut self, adjacency: &Csr, source: usize) {
        let Search {
            dist,
            order,
            sigma,
            heap,
            preds,
            pred_end,
            ..
        } = self;
        preds.clear();
        pred_end.clear();
        restart(dist, order, sigma, heap, source);
        while let Some((d, v)) = heap.pop() {
            let v = v as usize;
            // A node is pushed again only at a strictly shorter distance,
            // so an entry above the node's distance is stale, and one at it
            // is the node's only settling.
            if d > dist[v] {
                continue;
            }
            order.push(v as u32);
            let (neighbors, lengths) = (adjacency.neighbors(v), adjacency.weights(v));
            let mut paths = if v == source { 1.0 } else { 0.0 };
            for (&u, &length) in neighbors.iter().zip(lengths) {
                let u = u as usize;
                let du = dist[u];
                if COUNT && du < d {
                    // Settled (distances are settled in order): a
                    // predecessor when the tie closes the gap.
                    if (du + length - d).abs() <= TIE_TOLERANCE * d {
                        paths += sigma[u];
                        preds.push(u as u32);
                    }
                } else {
                    // Not settled, or settled and never improved by a
                    // positive length: without counting, the distance test
                    // alone will do.
                    let alt = d + length;
                    if alt < du {
                        dist[u] = alt;
                        heap.push(alt, u as u32);
                    }
                }
            }
            if COUNT {
                sigma[v] = paths;
                pred_end.push(preds.len() as u32);
            }
        }
    }

    /// Brandes' dependency accumulation for the last source (after
    /// [`Search::run`] with `count`): δ(u) = Σ σ(u)/σ(v) · (1 + δ(v)) over
    /// the v that u precedes, pushed from each node to the predecessors the
    /// search recorded, in reverse settling order. Only the ties on
    /// shortest paths are read, and no length is compared again. Adds
    /// δ_s(v) to `acc[v]` for every reached v other than the source.
    ///
    /// The settling order is the search's, a function of the graph and
    /// the source alone, so the sums are the same on every run and any
    /// number of threads.
    pub fn accumulate_dependencies(&mut self, acc: &mut [f64]) {
        for &v in &self.order {
            self.delta[v as usize] = 0.0;
        }
        let mut end = self.preds.len();
        for i in (0..self.order.len()).rev() {
            let v = self.order[i] as usize;
            let start = if i == 0 {
                0
            } else {
                self.pred_end[i - 1] as usize
            };
            let delta = self.delta[v];
            let share = (1.0 + delta) / self.sigma[v];
            for &u in &self.preds[start..end] {
                self.delta[u as usize] += self.sigma[u as usize] * share;
            }
            end = start;
            if i > 0 {
                acc[v] += delta;
            }
        }
    }
}

/// Clears the buffers of a search's last run (the nodes it reached) and
/// puts `source` in the queue at distance 0.
fn restart(
    dist: &mut [f64],
    order: &mut Vec<u32>,
    sigma: &mut [f64],
    heap: &mut RadixHeap,
    source: usize,
) {
    for &v in order.iter() {
        dist[v as usize] = f64::INFINITY;
        sigma[v as usize] = 0.0;
    }
    order.clear();
    dist[source] = 0.0;
    heap.clear();
    heap.push(0.0, source as u32);
}

/// A weighted graph (lengths) with its cliques of one length set apart:
/// where a group of nodes is tied pairwise and its longest tie length λ
/// is shared by many of its pairs (in a projection, the partners of one
/// project: with count weights every pair that shares only that project
/// is at length 1), the pairs at exactly λ are not listed as ties but as
/// the group. A search then walks such a group once per source, from the
/// first member it settles, instead of every member walking its ties to
/// all the others: Σ k per source instead of Σ k².
///
/// Any groups may be given: a group that is not a clique of the graph is
/// ignored, and a tie shorter than its groups' λ stays a tie, so the
/// distances are those of the graph itself.
#[derive(Debug)]
pub(crate) struct CliqueCover {
    /// The ties not covered by a group, with their lengths.
    ties: Csr,
    /// Each kept group's members…
    members: crate::graph::Rows,
    /// …and its length λ.
    lambda: Vec<f64>,
    /// Each node's kept groups.
    groups_of: crate::graph::Rows,
}

/// Groups of fewer members are left as ties: they would save nothing.
const SMALLEST_GROUP: usize = 3;

impl CliqueCover {
    /// Sets apart those of `groups` (node ids of `lengths`, a symmetric
    /// adjacency of tie lengths with ascending neighbours) that are cliques
    /// of it.
    ///
    /// Complexity: O(Σ k² log d) over groups of k members and degrees d.
    pub fn new(lengths: &Csr, groups: impl Iterator<Item = Vec<u32>>) -> CliqueCover {
        let n = lengths.node_count();
        let mut covered = vec![false; lengths.total()];
        let mut kept: Vec<Vec<u32>> = Vec::new();
        let mut lambda = Vec::new();
        // The entry of the tie u–w in u's row.
        let entry = |u: u32, w: u32| -> Option<usize> {
            let row = lengths.neighbors(u as usize);
            row.binary_search(&w)
                .ok()
                .map(|k| lengths.range(u as usize).start + k)
        };
        let all = lengths.all_weights();
        let weights_of = |e: usize| -> f64 { all[e] };
        'group: for mut members in groups {
            members.sort_unstable();
            members.dedup();
            if members.len() < SMALLEST_GROUP || members.iter().any(|&m| m as usize >= n) {
                continue;
            }
            let mut longest: f64 = 0.0;
            for (i, &u) in members.iter().enumerate() {
                for &w in &members[i + 1..] {
                    match entry(u, w) {
                        Some(e) => longest = longest.max(weights_of(e)),
                        None => continue 'group,
                    }
                }
            }
            for (i, &u) in members.iter().enumerate() {
                for &w in &members[i + 1..] {
                    if let (Some(a), Some(b)) = (entry(u, w), entry(w, u)) {
                        if weights_of(a).to_bits() == longest.to_bits() {
                            covered[a] = true;
                            covered[b] = true;
                        }
                    }
                }
            }
            kept.push(members);
            lambda.push(longest);
        }
        let ties = Csr::from_edges(
            n,
            (0..n).flat_map(|v| {
                let range = lengths.range(v);
                let covered = &covered;
                lengths
                    .neighbors(v)
                    .iter()
                    .zip(lengths.weights(v))
                    .zip(range)
                    .filter(move |&((&u, _), e)| (v as u32) < u && !covered[e])
                    .map(move |((&u, &l), _)| (v as u32, u, l))
            }),
        );
        let mut of: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (g, members) in kept.iter().enumerate() {
            for &m in members {
                of[m as usize].push(g as u32);
            }
        }
        CliqueCover {
            ties,
            members: crate::graph::Rows::from_rows(kept),
            lambda,
            groups_of: crate::graph::Rows::from_rows(of),
        }
    }

    /// Whether the groups cover at least half of `lengths`' tie entries:
    /// below that, walking groups saves too little to pay for itself.
    pub fn worth_it(&self, lengths: &Csr) -> bool {
        2 * self.ties.total() <= lengths.total() && !self.lambda.is_empty()
    }
}

/// Buffers for searches of distances alone: Dijkstra's plain [`Search`],
/// or over a [`CliqueCover`] of the graph, where a node settled at d
/// relaxes its own ties and, for each of its groups no member of which
/// was settled before, every member at d + λ. Later members of the group
/// are settled no nearer, so through the group they could offer nothing
/// shorter; each candidate distance is the same sum as the tie from the
/// group's first settled member gives.
pub(crate) struct DistanceSearch {
    search: Search,
    cover: Option<std::sync::Arc<CliqueCover>>,
    /// Whether each group was walked from this source…
    walked: Vec<bool>,
    /// …and the groups walked, to clear.
    walked_list: Vec<u32>,
}

impl DistanceSearch {
    /// Buffers for a graph of `n` nodes, searched over `cover` when given.
    pub fn new(n: usize, cover: Option<std::sync::Arc<CliqueCover>>) -> DistanceSearch {
        let groups = cover.as_ref().map_or(0, |c| c.lambda.len());
        DistanceSearch {
            search: Search::new(n),
            cover,
            walked: vec![false; groups],
            walked_list: Vec::new(),
        }
    }

    /// Distances from `source` (a node of `lengths`, the graph the cover
    /// was made of) to every node it reaches.
    pub fn distances(&mut self, lengths: &Csr, source: usize) {
        let Some(cover) = &self.cover else {
            return self.search.run(lengths, source, false);
        };
        let Search {
            dist,
            order,
            sigma,
            heap,
            ..
        } = &mut self.search;
        let (walked, walked_list) = (&mut self.walked, &mut self.walked_list);
        restart(dist, order, sigma, heap, source);
        for &g in walked_list.iter() {
            walked[g as usize] = false;
        }
        walked_list.clear();
        while let Some((d, v)) = heap.pop() {
            let v = v as usize;
            if d > dist[v] {
                continue;
            }
            order.push(v as u32);
            let ties = cover.ties.neighbors(v).iter().zip(cover.ties.weights(v));
            let mut relax = |u: u32, alt: f64| {
                if alt < dist[u as usize] {
                    dist[u as usize] = alt;
                    heap.push(alt, u);
                }
            };
            for (&u, &length) in ties {
                relax(u, d + length);
            }
            for &g in cover.groups_of.row(v) {
                if !std::mem::replace(&mut walked[g as usize], true) {
                    walked_list.push(g);
                    let alt = d + cover.lambda[g as usize];
                    for &u in cover.members.row(g as usize) {
                        relax(u, alt);
                    }
                }
            }
        }
    }

    /// The distances of the last search (infinite where not reached).
    pub fn dist(&self) -> &[f64] {
        &self.search.dist
    }

    /// The nodes the last search reached, by non-decreasing distance.
    pub fn order(&self) -> &[u32] {
        &self.search.order
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

    /// Hop distances from `source` to every node it reaches, level by
    /// level, into `dist` and `order` (by distance; within a level in an
    /// order fixed by the graph), without path counts. Direction-optimizing
    /// (Beamer, Asanović & Patterson 2012): while the frontier holds more
    /// than a twentieth of the nodes, each unreached node looks for a
    /// neighbour in the frontier and stops at the first, instead of the
    /// frontier scanning every tie — on small-world networks, whose middle
    /// levels hold most nodes, far fewer ties are read.
    ///
    /// Complexity: O(n + m) per search, less in practice.
    pub fn distances(&mut self, adjacency: &Csr, source: usize) {
        for &v in &self.order {
            self.dist[v as usize] = UNREACHED;
            self.sigma[v as usize] = 0.0;
        }
        self.order.clear();
        let n = adjacency.node_count();
        self.dist[source] = 0;
        self.order.push(source as u32);
        let (mut start, mut level) = (0usize, 0u32);
        while start < self.order.len() {
            let end = self.order.len();
            let next = level + 1;
            if (end - start) * 20 > n {
                for v in 0..n {
                    if self.dist[v] == UNREACHED
                        && adjacency
                            .neighbors(v)
                            .iter()
                            .any(|&u| self.dist[u as usize] == level)
                    {
                        self.dist[v] = next;
                        self.order.push(v as u32);
                    }
                }
            } else {
                for i in start..end {
                    let v = self.order[i] as usize;
                    for &u in adjacency.neighbors(v) {
                        if self.dist[u as usize] == UNREACHED {
                            self.dist[u as usize] = next;
                            self.order.push(u);
                        }
                    }
                }
            }
            start = end;
            level = next;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn radix_heap_pops_in_key_order_as_dijkstra_uses_it() {
        // Pushes never below the last pop, interleaved with pops, as in a
        // search: every pop is the smallest key held.
        let mut rng = Rng::new(7);
        let mut heap = RadixHeap::new();
        let mut held: Vec<(f64, u32)> = Vec::new();
        let mut last = 0.0;
        for step in 0..5000u32 {
            if rng.unit() < 0.6 || held.is_empty() {
                let key = last + (rng.below(4) as f64) / (1.0 + rng.below(7) as f64);
                heap.push(key, step);
                held.push((key, step));
            } else {
                let (key, node) = heap.pop().expect("a held entry");
                let smallest = held.iter().map(|&(k, _)| k).fold(f64::INFINITY, f64::min);
                assert_eq!(key, smallest);
                let at = held
                    .iter()
                    .position(|&e| e == (key, node))
                    .expect("popped once");
                held.swap_remove(at);
                last = key;
            }
        }
        while let Some((key, _)) = heap.pop() {
            assert!(key >= last);
            last = key;
            held.pop();
        }
        assert!(held.is_empty());
    }

    #[test]
    fn a_search_over_cliques_finds_dijkstras_distances() {
        // Random networks of "projects" (cliques, most pairs at one length,
        // some pairs shorter as if they shared two), ties between them, and
        // groups given as hints: the projects, some of them not cliques
        // (a pair removed) and some made up. Every distance is Dijkstra's,
        // bit for bit.
        let mut rng = Rng::new(5);
        for round in 0..30 {
            let n = 40 + rng.below(60);
            let mut lengths = std::collections::BTreeMap::new();
            let mut groups: Vec<Vec<u32>> = Vec::new();
            for _ in 0..(5 + rng.below(10)) {
                let size = 2 + rng.below(9);
                let mut members: Vec<u32> = (0..size).map(|_| rng.below(n) as u32).collect();
                members.sort_unstable();
                members.dedup();
                let lambda = [1.0, 0.5, 1.0 / 3.0, 2.0][rng.below(4)];
                for (i, &a) in members.iter().enumerate() {
                    for &b in &members[i + 1..] {
                        let l = if rng.unit() < 0.1 {
                            lambda / 2.0
                        } else {
                            lambda
                        };
                        let old: &mut f64 = lengths.entry((a, b)).or_insert(f64::INFINITY);
                        *old = old.min(l);
                    }
                }
                groups.push(members);
            }
            for _ in 0..n {
                let (a, b) = (rng.below(n) as u32, rng.below(n) as u32);
                if a < b {
                    let old: &mut f64 = lengths.entry((a, b)).or_insert(f64::INFINITY);
                    *old = old.min(0.25 + rng.below(8) as f64 / 4.0);
                }
            }
            if round % 3 == 0 {
                // A pair of a group is not tied after all.
                if let Some(g) = groups.iter().find(|g| g.len() >= 3) {
                    lengths.remove(&(g[0], g[1]));
                }
            }
            groups.push((0..5).map(|_| rng.below(n) as u32).collect());
            let adjacency = Csr::from_edges(n, lengths.iter().map(|(&(a, b), &l)| (a, b, l)));
            let cover = std::sync::Arc::new(CliqueCover::new(&adjacency, groups.into_iter()));
            let mut plain = Search::new(n);
            let mut over = DistanceSearch::new(n, Some(cover));
            for s in 0..n {
                plain.run(&adjacency, s, false);
                over.distances(&adjacency, s);
                for v in 0..n {
                    assert_eq!(
                        plain.dist[v].to_bits(),
                        over.dist()[v].to_bits(),
                        "round {round}, from {s} to {v}"
                    );
                }
                let mut a = plain.order.clone();
                let mut b = over.order().to_vec();
                a.sort_unstable();
                b.sort_unstable();
                assert_eq!(a, b);
            }
        }
    }

    #[test]
    fn searches_of_a_graph_without_ties_reach_the_source_alone() {
        let empty = Csr::from_edges(3, std::iter::empty());
        let mut search = Search::new(3);
        search.run(&empty, 1, true);
        assert_eq!(search.order, [1]);
        let cover = CliqueCover::new(&empty, std::iter::empty());
        let mut over = DistanceSearch::new(3, Some(std::sync::Arc::new(cover)));
        over.distances(&empty, 2);
        assert_eq!(over.order(), [2]);
    }

    #[test]
    fn groups_that_are_not_cliques_are_not_used() {
        // A path 0–1–2 given as a group: 0 and 2 are not tied.
        let adjacency = Csr::from_edges(3, [(0, 1, 1.0), (1, 2, 1.0)].into_iter());
        let cover = CliqueCover::new(&adjacency, [vec![0, 1, 2]].into_iter());
        assert!(cover.lambda.is_empty());
        assert!(!cover.worth_it(&adjacency));
        // A triangle is; its ties are then the group's.
        let triangle = Csr::from_edges(3, [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)].into_iter());
        let cover = CliqueCover::new(&triangle, [vec![2, 0, 1]].into_iter());
        assert_eq!(cover.lambda, [1.0]);
        assert_eq!(cover.ties.total(), 0);
        assert!(cover.worth_it(&triangle));
    }

    #[test]
    fn weighted_search_counts_paths_whose_lengths_tie_in_floats() {
        // 0–1–2–3 with lengths 1/3 each, and 0–3 with length 1: two
        // shortest paths to 3, although the float sum of three thirds may
        // not be 1.
        let adjacency = Csr::from_edges(
            4,
            [
                (0, 1, 1.0 / 3.0),
                (1, 2, 1.0 / 3.0),
                (2, 3, 1.0 / 3.0),
                (0, 3, 1.0),
            ]
            .into_iter(),
        );
        let mut search = Search::new(4);
        search.run(&adjacency, 0, true);
        assert_eq!(search.sigma[3], 2.0);
        assert_eq!(search.order.first(), Some(&0));
        let mut acc = vec![0.0; 4];
        search.accumulate_dependencies(&mut acc);
        // 1 carries all of the pair (0, 2) and half of (0, 3); 2 the other
        // half of (0, 3).
        assert_eq!(acc[1], 1.5);
        assert_eq!(acc[2], 0.5);
    }
}
