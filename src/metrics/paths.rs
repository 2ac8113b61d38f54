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

    /// [`Search::run`] without counting, over a graph whose lengths are
    /// coded.
    fn run_coded(&mut self, coded: &CodedLengths, source: usize) {
        let table = &coded.table[..];
        self.search_over::<false, u16>(&coded.ties, |code| table[usize::from(code)], source);
    }

    /// [`Search::run`] without counting over `lengths`, read through
    /// `coded` (the same graph coded) when given.
    fn run_lengths(&mut self, lengths: &Csr, coded: Option<&CodedLengths>, source: usize) {
        match coded {
            Some(coded) => self.run_coded(coded, source),
            None => self.run(lengths, source, false),
        }
    }

    /// [`Search::run`], with the counting decided at compile time and the
    /// buffers borrowed apart, so the inner loop keeps them in registers.
    fn search<const COUNT: bool>(&mut self, adjacency: &Csr, source: usize) {
        self.search_over::<COUNT, f64>(adjacency, |length| length, source);
    }

    /// [`Search::search`] over a graph whose weights are read as lengths
    /// by `length` (the lengths themselves, or their codes in a
    /// [`CodedLengths`] table).
    #[inline(always)]
    fn search_over<const COUNT: bool, W: Copy>(
        &mut self,
        adjacency: &Csr<W>,
        length: impl Fn(W) -> f64,
        source: usize,
    ) {
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
        restart(dist, order, heap, source);
        // Slices, whose bounds stay in registers through the heap's pushes.
        let (dist, sigma) = (dist.as_mut_slice(), sigma.as_mut_slice());
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
            for (&u, &code) in neighbors.iter().zip(lengths) {
                let u = u as usize;
                let du = dist[u];
                let length = length(code);
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
/// puts `source` in the queue at distance 0. Path counts need no
/// clearing: a search that counts sets each node's as it settles it,
/// before any node reads it.
fn restart(dist: &mut [f64], order: &mut Vec<u32>, heap: &mut RadixHeap, source: usize) {
    for &v in order.iter() {
        dist[v as usize] = f64::INFINITY;
    }
    order.clear();
    dist[source] = 0.0;
    heap.clear();
    heap.push(0.0, source as u32);
}

/// The entry of the tie u–w in u's row of `lengths` (a symmetric
/// adjacency with ascending neighbours), if they are tied.
fn tie_entry(lengths: &Csr, u: u32, w: u32) -> Option<usize> {
    let row = lengths.neighbors(u as usize);
    row.binary_search(&w)
        .ok()
        .map(|k| lengths.range(u as usize).start + k)
}

/// The ties of `lengths` whose entries are not `covered`, each once
/// (smaller node first), with their lengths.
fn uncovered_ties<'a>(
    lengths: &'a Csr,
    covered: &'a [bool],
) -> impl Iterator<Item = (u32, u32, f64)> + Clone + 'a {
    (0..lengths.node_count()).flat_map(move |v| {
        lengths
            .neighbors(v)
            .iter()
            .zip(lengths.weights(v))
            .zip(lengths.range(v))
            .filter(move |&((&u, _), e)| (v as u32) < u && !covered[e])
            .map(move |((&u, &l), _)| (v as u32, u, l))
    })
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
        let entry = |u: u32, w: u32| tie_entry(lengths, u, w);
        let all = lengths.all_weights();
        let weights_of = |e: usize| -> f64 { all[e] };
        'group: for mut members in groups {
            members.sort_unstable();
            members.dedup();
            // Nodes and groups are queued by a number in 32 bits.
            let room = (n as u64 + kept.len() as u64) < u64::from(u32::MAX);
            if members.len() < SMALLEST_GROUP || members.iter().any(|&m| m as usize >= n) || !room {
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
        let ties = Csr::from_edges(n, uncovered_ties(lengths, &covered));
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

/// Relative tolerance within which a tie's length counts as the sum of its
/// two ends' half lengths in a [`HubGraph`]: a few units in the last place
/// of a double, the rounding of `1/(1/x)`.
const HUB_TOLERANCE: f64 = 1e-14;

/// A weighted graph (lengths) with groups joined through hubs: where a
/// group of nodes is tied pairwise and each member m has a half length
/// h(m) such that most pairs are at h(u) + h(v) (in a projection with
/// Jaccard weights, the partners of one project: two partners who share
/// only that project are at a + b − 1 for their numbers of engagements a
/// and b, so h = a − ½), those pairs are not listed as ties; the group
/// gets a hub node tied to each member m at h(m). A path through the hub
/// is as long as the tie it stands for (to a few units in the last place:
/// the halves are added one at a time), and a search reads Σ 2k entries
/// per source instead of Σ k² for groups of k members.
///
/// Any groups and half lengths may be given: a group with a pair that is
/// not tied, or tied at more than the sum of the halves, is left as ties;
/// a pair tied at less (two partners who share two projects) stays a tie
/// beside the hub, which then offers a longer path that is never taken.
/// So the distances are those of the graph itself.
#[derive(Debug)]
pub(crate) struct HubGraph {
    /// The nodes of the graph, then one hub per kept group: the ties not
    /// covered, and each member's tie to its hub at its half length.
    graph: Csr,
    /// The same, its lengths coded, when they take few values.
    coded: Option<CodedLengths>,
    /// The nodes of the graph itself (the hubs are numbered from here).
    nodes: usize,
}

impl HubGraph {
    /// Joins those of `groups` (rows of members as node ids of `lengths`,
    /// a symmetric adjacency of tie lengths with ascending neighbours, each
    /// member with its half length) through hubs where their pairs allow.
    ///
    /// Complexity: O(Σ k² log d) over groups of k members and degrees d.
    pub fn new(lengths: &Csr, groups: &Csr<f64>) -> HubGraph {
        let n = lengths.node_count();
        let all = lengths.all_weights();
        let entry = |u: u32, w: u32| tie_entry(lengths, u, w);
        let mut covered = vec![false; lengths.total()];
        let mut spokes: Vec<(u32, u32, f64)> = Vec::new();
        let mut hubs = 0u32;
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        'group: for g in 0..groups.len() {
            let mut members: Vec<(u32, f64)> = groups
                .row(g)
                .iter()
                .copied()
                .zip(groups.weights(g).iter().copied())
                .collect();
            members.sort_unstable_by_key(|m| m.0);
            members.dedup_by_key(|m| m.0);
            let usable = |&(m, h): &(u32, f64)| (m as usize) < n && h.is_finite() && h >= 0.0;
            if members.len() < SMALLEST_GROUP || !members.iter().all(usable) {
                continue;
            }
            pairs.clear();
            for (i, &(u, hu)) in members.iter().enumerate() {
                for &(w, hw) in &members[i + 1..] {
                    let Some(e) = entry(u, w) else {
                        continue 'group;
                    };
                    let through = hu + hw;
                    if all[e] > through * (1.0 + HUB_TOLERANCE) {
                        continue 'group;
                    }
                    if all[e] >= through * (1.0 - HUB_TOLERANCE) {
                        pairs.push((e, entry(w, u).unwrap_or(e)));
                    }
                }
            }
            for &(a, b) in &pairs {
                covered[a] = true;
                covered[b] = true;
            }
            let hub = n as u32 + hubs;
            spokes.extend(members.iter().map(|&(m, h)| (m, hub, h)));
            hubs += 1;
        }
        let ties = uncovered_ties(lengths, &covered);
        let graph = Csr::from_edges(n + hubs as usize, ties.chain(spokes.iter().copied()));
        HubGraph {
            coded: CodedLengths::new(&graph),
            graph,
            nodes: n,
        }
    }

    /// The graph searched: the nodes, then the hubs.
    pub fn graph(&self) -> &Csr {
        &self.graph
    }

    /// [`HubGraph::graph`] with its lengths coded, if they take few values.
    pub fn coded(&self) -> Option<&CodedLengths> {
        self.coded.as_ref()
    }

    /// Whether searching through the hubs reads at most half the tie
    /// entries a search of `lengths` reads.
    pub fn worth_it(&self, lengths: &Csr) -> bool {
        2 * self.graph.total() <= lengths.total() && self.graph.node_count() > self.nodes
    }
}

/// A graph of tie lengths that take few distinct values, each tie holding
/// its length's number in a table instead of the length: two bytes a tie
/// instead of eight, so that searches read a third less memory per tie
/// and the graph of a network of a few hundred thousand ties stays in the
/// processor's cache. The lengths are the same bits.
#[derive(Debug)]
pub(crate) struct CodedLengths {
    ties: Csr<u16>,
    table: Vec<f64>,
}

impl CodedLengths {
    /// `lengths` coded, if its lengths take at most 2¹⁶ distinct values.
    ///
    /// Complexity: O(m log m).
    pub fn new(lengths: &Csr) -> Option<CodedLengths> {
        let mut table: Vec<u64> = lengths.all_weights().iter().map(|l| l.to_bits()).collect();
        table.sort_unstable();
        table.dedup();
        if table.len() > usize::from(u16::MAX) + 1 {
            return None;
        }
        let codes = lengths
            .all_weights()
            .iter()
            .map(|l| table.binary_search(&l.to_bits()).map_or(0, |i| i as u16))
            .collect();
        Some(CodedLengths {
            ties: lengths.with_weights(codes),
            table: table.into_iter().map(f64::from_bits).collect(),
        })
    }
}

/// How a search of distances alone reads a graph of lengths.
#[derive(Debug, Clone)]
pub(crate) enum Route {
    /// Every tie, its length read from the graph itself or, when the
    /// lengths take few values, from their codes.
    Ties(Option<std::sync::Arc<CodedLengths>>),
    /// The ties outside groups of one length, and each group once
    /// ([`CliqueCover`]).
    Cliques(std::sync::Arc<CliqueCover>),
    /// The ties outside groups, and each group through a hub
    /// ([`HubGraph`]).
    Hubs(std::sync::Arc<HubGraph>),
}

/// Buffers for searches of distances alone, by one [`Route`]: Dijkstra's
/// plain [`Search`] over every tie; over a [`CliqueCover`] of the graph,
/// where a node settled at d relaxes its own ties and, for each of its
/// groups no member of which was settled before, every member at d + λ
/// (later members of the group are settled no nearer, so through the
/// group they could offer nothing shorter; each candidate distance is the
/// same sum as the tie from the group's first settled member gives) —
/// the group queued as one entry, its members settled when it comes out;
/// or
/// Dijkstra's search of a [`HubGraph`], whose hubs are left out of the
/// nodes reached.
pub(crate) struct DistanceSearch {
    search: Search,
    route: Route,
    /// Whether each group was walked from this source…
    walked: Vec<bool>,
    /// …and the groups walked, to clear.
    walked_list: Vec<u32>,
    /// The nodes reached, hubs left out, when there are hubs.
    reached: Vec<u32>,
    /// Nodes at the distance being settled, not queued.
    ready: Vec<u32>,
}

impl DistanceSearch {
    /// Buffers for searches of a graph of `n` nodes by `route`.
    pub fn new(n: usize, route: Route) -> DistanceSearch {
        let (searched, groups) = match &route {
            Route::Ties(_) => (n, 0),
            Route::Cliques(cover) => (n, cover.lambda.len()),
            Route::Hubs(hubs) => (hubs.graph().node_count(), 0),
        };
        DistanceSearch {
            search: Search::new(searched),
            route,
            walked: vec![false; groups],
            walked_list: Vec::new(),
            reached: Vec::new(),
            ready: Vec::new(),
        }
    }

    /// Distances from `source` (a node of `lengths`, the graph the route
    /// was made of) to every node it reaches.
    pub fn distances(&mut self, lengths: &Csr, source: usize) {
        match &self.route {
            Route::Ties(coded) => self.search.run_lengths(lengths, coded.as_deref(), source),
            Route::Hubs(hubs) => {
                self.search.run_lengths(hubs.graph(), hubs.coded(), source);
                let nodes = hubs.nodes as u32;
                self.reached.clear();
                let order = self.search.order.iter().copied();
                self.reached.extend(order.filter(|&v| v < nodes));
            }
            Route::Cliques(cover) => {
                let cover = std::sync::Arc::clone(cover);
                self.walk_cliques(&cover, source);
            }
        }
    }

    /// The search over `cover`: each node's own ties, and each of its
    /// groups from the group's first settled member. A group is queued
    /// once, as one entry at d + λ (its number after the nodes'), and
    /// when it comes out of the queue at d, the smallest distance left,
    /// its members not yet as near are settled at d then and there:
    /// never queued through a group, and never queued again for each
    /// group that offers them a shorter distance.
    fn walk_cliques(&mut self, cover: &CliqueCover, source: usize) {
        let Search {
            dist, order, heap, ..
        } = &mut self.search;
        let (walked, walked_list) = (&mut self.walked, &mut self.walked_list);
        let ready = &mut self.ready;
        restart(dist, order, heap, source);
        for &g in walked_list.iter() {
            walked[g as usize] = false;
        }
        walked_list.clear();
        let n = dist.len();
        while let Some((d, x)) = heap.pop() {
            let x = x as usize;
            if x >= n {
                // Group x − n, reached at d.
                for &u in cover.members.row(x - n) {
                    if d < dist[u as usize] {
                        dist[u as usize] = d;
                        ready.push(u);
                    }
                }
            } else if d == dist[x] {
                ready.push(x as u32);
            }
            // Every node here is at d, the smallest distance queued.
            while let Some(v) = ready.pop() {
                order.push(v);
                let v = v as usize;
                let ties = cover.ties.neighbors(v).iter().zip(cover.ties.weights(v));
                for (&u, &length) in ties {
                    let alt = d + length;
                    if alt < dist[u as usize] {
                        dist[u as usize] = alt;
                        heap.push(alt, u);
                    }
                }
                for &g in cover.groups_of.row(v) {
                    if !std::mem::replace(&mut walked[g as usize], true) {
                        walked_list.push(g);
                        heap.push(d + cover.lambda[g as usize], (n + g as usize) as u32);
                    }
                }
            }
        }
    }

    /// The distances of the last search (infinite where not reached; the
    /// graph's nodes first, then any hubs).
    pub fn dist(&self) -> &[f64] {
        &self.search.dist
    }

    /// The nodes of the graph the last search reached, by non-decreasing
    /// distance (the source first).
    pub fn order(&self) -> &[u32] {
        match self.route {
            Route::Hubs(_) => &self.reached,
            _ => &self.search.order,
        }
    }
}

/// Buffers for breadth-first searches on hops, smaller and faster than
/// [`Search`]'s (integer distances; weights never read).
pub(crate) struct HopSearch {
    pub dist: Vec<u32>,
    /// Reached nodes in BFS order (the source first); also the queue.
    pub order: Vec<u32>,
    /// Shortest paths from the source ([`HopSearch::run`] alone: empty
    /// until it is first asked to count, so that searches for distances
    /// alone hold 8 bytes a node, not 24).
    pub sigma: Vec<f64>,
    coefficient: Vec<f64>,
}

const UNREACHED: u32 = u32::MAX;

impl HopSearch {
    pub fn new(n: usize) -> HopSearch {
        HopSearch {
            dist: vec![UNREACHED; n],
            order: Vec::with_capacity(n),
            sigma: Vec::new(),
            coefficient: Vec::new(),
        }
    }

    /// BFS from `source`; with `count`, also the number of shortest paths.
    pub fn run<W>(&mut self, adjacency: &Csr<W>, source: usize, count: bool) {
        self.sigma.resize(self.dist.len(), 0.0);
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
    pub fn distances<W>(&mut self, adjacency: &Csr<W>, source: usize) {
        for &v in &self.order {
            self.dist[v as usize] = UNREACHED;
        }
        // Path counts left by an earlier `run` no longer hold.
        if !self.sigma.is_empty() {
            for &v in &self.order {
                self.sigma[v as usize] = 0.0;
            }
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
    pub fn accumulate_dependencies<W>(&mut self, adjacency: &Csr<W>, acc: &mut [f64]) {
        self.coefficient.resize(self.dist.len(), 0.0);
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
            let mut over = DistanceSearch::new(n, Route::Cliques(cover));
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
        let mut over = DistanceSearch::new(3, Route::Cliques(std::sync::Arc::new(cover)));
        over.distances(&empty, 2);
        assert_eq!(over.order(), [2]);
        let hubs = HubGraph::new(&empty, &Csr::default());
        let mut through = DistanceSearch::new(3, Route::Hubs(std::sync::Arc::new(hubs)));
        through.distances(&empty, 0);
        assert_eq!(through.order(), [0]);
    }

    /// A random projection with Jaccard lengths: `n` actors in projects
    /// of 2–9 partners; a pair's length is |A ∪ B| / |A ∩ B| for their
    /// sets of projects, computed as the projection does (1 / weight).
    /// Returns the lengths and the projects with each member's half
    /// length, a − ½ for a member of a projects.
    fn jaccard_projection(rng: &mut Rng, n: usize, projects: usize) -> (Csr, Csr<f64>) {
        let mut of: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut members: Vec<Vec<u32>> = Vec::new();
        for p in 0..projects {
            let size = 2 + rng.below(8);
            let mut row: Vec<u32> = (0..size).map(|_| rng.below(n) as u32).collect();
            row.sort_unstable();
            row.dedup();
            for &m in &row {
                of[m as usize].push(p as u32);
            }
            members.push(row);
        }
        let mut pairs = std::collections::BTreeSet::new();
        for row in &members {
            for (i, &a) in row.iter().enumerate() {
                for &b in &row[i + 1..] {
                    pairs.insert((a, b));
                }
            }
        }
        let edges: Vec<(u32, u32, f64)> = pairs
            .into_iter()
            .map(|(a, b)| {
                let (pa, pb) = (&of[a as usize], &of[b as usize]);
                let shared = pa.iter().filter(|p| pb.contains(p)).count();
                let weight = shared as f64 / (pa.len() + pb.len() - shared) as f64;
                (a, b, 1.0 / weight)
            })
            .collect();
        let half = |m: u32| of[m as usize].len() as f64 - 0.5;
        let groups = Csr::from_weighted_rows(
            members
                .iter()
                .map(|row| row.iter().map(|&m| (m, half(m))).collect()),
        );
        (Csr::from_edges(n, edges.into_iter()), groups)
    }

    #[test]
    fn a_search_through_hubs_finds_dijkstras_distances() {
        // Random Jaccard projections, some groups broken (a pair untied,
        // a pair made longer than its halves, a made-up group): every
        // distance is Dijkstra's to a few units in the last place, and
        // every node is reached that Dijkstra's reaches, hubs left out.
        let mut rng = Rng::new(11);
        for round in 0..30 {
            let n = 30 + rng.below(70);
            let projects = 10 + rng.below(30);
            let (adjacency, groups) = jaccard_projection(&mut rng, n, projects);
            let mut edges: Vec<(u32, u32, f64)> = (0..n)
                .flat_map(|v| {
                    let row = adjacency.neighbors(v).iter().zip(adjacency.weights(v));
                    row.filter(move |(&u, _)| u as usize > v)
                        .map(move |(&u, &l)| (v as u32, u, l))
                        .collect::<Vec<_>>()
                })
                .collect();
            if round % 3 == 1 && !edges.is_empty() {
                edges.remove(rng.below(edges.len()));
            }
            if round % 3 == 2 && !edges.is_empty() {
                let e = rng.below(edges.len());
                edges[e].2 *= 1.5;
            }
            let adjacency = Csr::from_edges(n, edges.into_iter());
            let mut rows: Vec<Vec<(u32, f64)>> = (0..groups.len())
                .map(|g| {
                    groups
                        .row(g)
                        .iter()
                        .copied()
                        .zip(groups.weights(g).iter().copied())
                        .collect()
                })
                .collect();
            rows.push((0..5).map(|_| (rng.below(n) as u32, 0.25)).collect());
            let hubs = HubGraph::new(&adjacency, &Csr::from_weighted_rows(rows));
            assert!(hubs.graph().node_count() > n, "round {round}: some hubs");
            let mut plain = Search::new(n);
            let mut through = DistanceSearch::new(n, Route::Hubs(std::sync::Arc::new(hubs)));
            for s in 0..n {
                plain.run(&adjacency, s, false);
                through.distances(&adjacency, s);
                for v in 0..n {
                    let (a, b) = (plain.dist[v], through.dist()[v]);
                    assert!(
                        a == b || (a - b).abs() <= 8.0 * f64::EPSILON * a,
                        "round {round}, from {s} to {v}: {a} against {b}"
                    );
                }
                let mut a = plain.order.clone();
                let mut b = through.order().to_vec();
                assert_eq!(b[0] as usize, s);
                a.sort_unstable();
                b.sort_unstable();
                assert_eq!(a, b);
            }
        }
    }

    #[test]
    fn groups_tied_beyond_their_halves_get_no_hub() {
        // A triangle at 3 with halves 1.5 is joined through a hub, its
        // ties gone; at halves 1 (a path through the hub shorter than the
        // ties) or with a pair untied, it keeps its ties and gets no hub.
        let triangle = Csr::from_edges(3, [(0, 1, 3.0), (1, 2, 3.0), (0, 2, 3.0)].into_iter());
        let group = |h: f64| Csr::from_weighted_rows([vec![(0, h), (1, h), (2, h)]]);
        let hubs = HubGraph::new(&triangle, &group(1.5));
        assert_eq!(hubs.graph().node_count(), 4);
        assert_eq!(hubs.graph().total(), 6, "three spokes, no ties");
        assert!(hubs.worth_it(&triangle) == (12 <= triangle.total()));
        let hubs = HubGraph::new(&triangle, &group(1.0));
        assert_eq!(hubs.graph().node_count(), 3);
        assert_eq!(hubs.graph().total(), triangle.total());
        let path = Csr::from_edges(3, [(0, 1, 3.0), (1, 2, 3.0)].into_iter());
        assert_eq!(HubGraph::new(&path, &group(1.5)).graph().node_count(), 3);
        // A pair shorter than its halves stays a tie beside the hub.
        let shorter = Csr::from_edges(3, [(0, 1, 2.0), (1, 2, 3.0), (0, 2, 3.0)].into_iter());
        let hubs = HubGraph::new(&shorter, &group(1.5));
        assert_eq!(hubs.graph().node_count(), 4);
        assert_eq!(hubs.graph().neighbors(0), [1, 3]);
    }

    #[test]
    fn coded_lengths_search_as_the_lengths_do() {
        // The same distances, bit for bit, and the same order; a graph of
        // more distinct lengths than codes is not coded.
        let mut rng = Rng::new(17);
        let (adjacency, _) = jaccard_projection(&mut rng, 80, 40);
        let coded = CodedLengths::new(&adjacency).expect("few lengths");
        assert!(coded.table.len() < 40);
        let (mut plain, mut short) = (Search::new(80), Search::new(80));
        for s in 0..80 {
            plain.run(&adjacency, s, false);
            short.run_coded(&coded, s);
            assert_eq!(plain.order, short.order);
            let bits = |d: &[f64]| d.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&plain.dist), bits(&short.dist));
        }
        let many = Csr::from_edges(
            70_000,
            (0..69_999u32).map(|v| (v, v + 1, 1.0 + f64::from(v))),
        );
        assert!(CodedLengths::new(&many).is_none());
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
