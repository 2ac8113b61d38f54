//! The one compressed-sparse-row type behind every algorithm: the
//! membership rows of the two-mode graph, the provenance of projected
//! ties, the symmetric weighted adjacency the metrics walk, and each level
//! of community aggregation.

use petgraph::visit::{EdgeRef, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

/// Compressed rows: row `r` holds `targets[offsets[r]..offsets[r + 1]]`
/// with `weights` alongside. `Csr<()>` ([`Rows`]) stores no weights at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Csr<W = f64> {
    /// 32-bit: a list holds at most [`u32::MAX`] entries (a projection at
    /// most half as many ties, [`crate::graph::ProjectionOptions::max_ties`]).
    offsets: Vec<u32>,
    targets: Vec<u32>,
    weights: Vec<W>,
}

/// Unweighted rows (items per row), such as each engagement's members.
pub type Rows = Csr<()>;

/// How a weighted [`Csr`] stores its weights: as `f64`, or as `f32` or a
/// byte where every weight is exactly one (counts of shared engagements
/// nearly always are small whole numbers), which halves the list or
/// makes it an eighth. Every computation reads a weight as the
/// `f64` it is ([`Into<f64>`]), so the two give the same results to the
/// last bit.
pub trait Weight: Copy + PartialEq + Send + Sync + Into<f64> + std::fmt::Debug + 'static {
    /// Zero, for room not yet written.
    const ZERO: Self;

    /// `w` in this type, when it is exactly `w` there.
    ///
    /// ```
    /// use verkosto::graph::Weight;
    /// assert_eq!(f32::exactly(3.0), Some(3.0f32));
    /// assert_eq!(f32::exactly(0.1), None);
    /// assert_eq!(f64::exactly(0.1), Some(0.1));
    /// assert_eq!(u8::exactly(255.0), Some(255));
    /// assert_eq!(u8::exactly(256.0), None);
    /// assert_eq!(u8::exactly(-0.0), None);
    /// ```
    fn exactly(w: f64) -> Option<Self>;
}

impl Weight for f64 {
    const ZERO: f64 = 0.0;
    fn exactly(w: f64) -> Option<f64> {
        Some(w)
    }
}

impl Weight for f32 {
    const ZERO: f32 = 0.0;
    fn exactly(w: f64) -> Option<f32> {
        let narrow = w as f32;
        (f64::from(narrow).to_bits() == w.to_bits()).then_some(narrow)
    }
}

impl Weight for u8 {
    const ZERO: u8 = 0;
    fn exactly(w: f64) -> Option<u8> {
        let byte = w as u8;
        (f64::from(byte).to_bits() == w.to_bits()).then_some(byte)
    }
}

impl<W> Default for Csr<W> {
    fn default() -> Self {
        Csr {
            offsets: vec![0],
            targets: Vec::new(),
            weights: Vec::new(),
        }
    }
}

impl<W> Csr<W> {
    /// Builds rows from offsets (starting at 0, non-decreasing, ending at
    /// `targets.len()`), the flat targets and their weights.
    pub(crate) fn from_parts(offsets: Vec<usize>, targets: Vec<u32>, weights: Vec<W>) -> Csr<W> {
        Csr::from_starts(offsets.into_iter().map(entry).collect(), targets, weights)
    }

    /// As [`Csr::from_parts`], with the offsets as they are held (32-bit).
    pub(crate) fn from_starts(offsets: Vec<u32>, targets: Vec<u32>, weights: Vec<W>) -> Csr<W> {
        debug_assert_eq!(offsets.first(), Some(&0));
        debug_assert_eq!(offsets.last().map(|&o| o as usize), Some(targets.len()));
        debug_assert_eq!(targets.len(), weights.len());
        Csr {
            offsets,
            targets,
            weights,
        }
    }

    /// Builds rows from per-row vectors of (target, weight).
    pub(crate) fn from_weighted_rows(rows: impl IntoIterator<Item = Vec<(u32, W)>>) -> Csr<W> {
        let mut offsets = vec![0];
        let (mut targets, mut weights) = (Vec::new(), Vec::new());
        for row in rows {
            for (t, w) in row {
                targets.push(t);
                weights.push(w);
            }
            offsets.push(targets.len());
        }
        Csr::from_parts(offsets, targets, weights)
    }

    /// The same rows with other weights, one per entry in order.
    pub(crate) fn with_weights<V>(&self, weights: Vec<V>) -> Csr<V> {
        Csr {
            offsets: self.offsets.clone(),
            targets: self.targets.clone(),
            weights,
        }
    }

    /// Number of rows (nodes).
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of rows (nodes); the same as [`Csr::len`].
    pub fn node_count(&self) -> usize {
        self.len()
    }

    /// The targets of row `r` (for an adjacency: the neighbours, ascending).
    pub fn row(&self, r: usize) -> &[u32] {
        &self.targets[self.range(r)]
    }

    /// The neighbours of `v`; the same as [`Csr::row`].
    pub fn neighbors(&self, v: usize) -> &[u32] {
        self.row(v)
    }

    /// The weights of the entries of row `r`.
    pub fn weights(&self, r: usize) -> &[W] {
        &self.weights[self.range(r)]
    }

    /// The range of row `r` in the flat entry list.
    pub fn range(&self, r: usize) -> std::ops::Range<usize> {
        self.offsets[r] as usize..self.offsets[r + 1] as usize
    }

    /// As [`Csr::range`], where a list of no rows at all stands for rows
    /// that are all empty (kept so, it costs no offsets).
    pub(crate) fn range_or_empty(&self, r: usize) -> std::ops::Range<usize> {
        if self.is_empty() {
            0..0
        } else {
            self.range(r)
        }
    }

    /// As [`Csr::row`], for a list read with [`Csr::range_or_empty`].
    pub(crate) fn row_or_empty(&self, r: usize) -> &[u32] {
        &self.targets[self.range_or_empty(r)]
    }

    /// Number of entries of row `r` (for an adjacency: the degree).
    pub fn degree(&self, r: usize) -> usize {
        (self.offsets[r + 1] - self.offsets[r]) as usize
    }

    /// Total number of entries over all rows.
    pub fn total(&self) -> usize {
        self.targets.len()
    }

    /// The weights of every row, one after another (entry `e` of the rows
    /// is in row `r` when `e` is in [`Csr::range`]`(r)`).
    pub fn all_weights(&self) -> &[W] {
        &self.weights
    }

    /// Where each row starts in [`Csr::all_targets`], and their number
    /// last.
    pub(crate) fn offsets(&self) -> &[u32] {
        &self.offsets
    }

    /// The targets of every row, one after another (as
    /// [`Csr::all_weights`]).
    pub fn all_targets(&self) -> &[u32] {
        &self.targets
    }
}

impl Rows {
    /// Builds rows from per-row vectors.
    pub fn from_rows(rows: impl IntoIterator<Item = Vec<u32>>) -> Rows {
        let mut offsets = vec![0];
        let mut targets = Vec::new();
        for row in rows {
            targets.extend(row);
            offsets.push(targets.len());
        }
        let weights = vec![(); targets.len()];
        Csr::from_parts(offsets, targets, weights)
    }

    /// Builds rows from offsets and the flat item list.
    pub(crate) fn from_offsets(offsets: Vec<usize>, targets: Vec<u32>) -> Rows {
        let weights = vec![(); targets.len()];
        Csr::from_parts(offsets, targets, weights)
    }

    /// No rows yet, with room for `rows` rows of `items` entries in all.
    pub(crate) fn with_capacity(rows: usize, items: usize) -> Rows {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Csr {
            offsets,
            targets: Vec::with_capacity(items),
            weights: Vec::new(),
        }
    }

    /// Appends a row.
    pub(crate) fn push_row(&mut self, row: impl IntoIterator<Item = u32>) {
        self.targets.extend(row);
        self.weights.resize(self.targets.len(), ());
        self.offsets.push(entry(self.targets.len()));
    }

    /// Gives back the room [`Rows::with_capacity`] reserved and no row used.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.targets.shrink_to_fit();
    }

    /// The transposed rows: row `c`, for each of `columns` columns, lists
    /// in ascending order the rows that hold `c`.
    ///
    /// Complexity: O(rows + columns + items), one allocation per vector.
    pub(crate) fn transpose(&self, columns: usize) -> Rows {
        let mut offsets = vec![0usize; columns + 1];
        for &c in &self.targets {
            offsets[c as usize + 1] += 1;
        }
        for c in 0..columns {
            offsets[c + 1] += offsets[c];
        }
        let mut fill = offsets[..columns].to_vec();
        let mut targets = vec![0u32; self.targets.len()];
        for r in 0..self.len() {
            for &c in self.row(r) {
                targets[fill[c as usize]] = r as u32;
                fill[c as usize] += 1;
            }
        }
        Rows::from_offsets(offsets, targets)
    }
}

impl Csr<f64> {
    /// Compacts any petgraph graph into the symmetric adjacency the
    /// metrics use: node `i` of the result is the `i`-th node of
    /// `graph.node_identifiers()`; each edge gets the weight `weight(edge)`,
    /// its direction is ignored, parallel edges are summed and self-loops
    /// dropped. Returns the adjacency and, for each compact node, its
    /// `NodeIndexable` index in `graph`.
    ///
    /// Complexity: O(n + m log m).
    pub fn from_graph<G, F>(graph: G, mut weight: F) -> (Csr, Vec<usize>)
    where
        G: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable,
        F: FnMut(G::EdgeRef) -> f64,
    {
        let mut compact = vec![u32::MAX; graph.node_bound()];
        let mut index_of = Vec::new();
        for node in graph.node_identifiers() {
            compact[graph.to_index(node)] = index_of.len() as u32;
            index_of.push(graph.to_index(node));
        }
        let mut edges: Vec<(u32, u32, f64)> = graph
            .edge_references()
            .filter_map(|e| {
                let (a, b) = (
                    compact[graph.to_index(e.source())],
                    compact[graph.to_index(e.target())],
                );
                (a != b).then(|| (a.min(b), a.max(b), weight(e)))
            })
            .collect();
        edges.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(x.2.total_cmp(&y.2)));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len());
        for (a, b, w) in edges {
            match merged.last_mut() {
                Some(last) if (last.0, last.1) == (a, b) => last.2 += w,
                _ => merged.push((a, b, w)),
            }
        }
        (
            Csr::from_edges(index_of.len(), merged.into_iter()),
            index_of,
        )
    }
}

impl<W: Weight> Csr<W> {
    /// Builds the symmetric adjacency of `n` nodes from undirected edges,
    /// each given once; every row is sorted by neighbour.
    ///
    /// Complexity: O(n + m log Δ) time, O(n + m) memory.
    pub fn from_edges(n: usize, edges: impl Iterator<Item = (u32, u32, W)> + Clone) -> Csr<W> {
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
        let mut fill = offsets[..n].to_vec();
        let mut targets = vec![0u32; offsets[n]];
        let mut weights = vec![W::ZERO; offsets[n]];
        for (s, t, w) in edges {
            let (s, t) = (s as usize, t as usize);
            targets[fill[s]] = t as u32;
            weights[fill[s]] = w;
            fill[s] += 1;
            targets[fill[t]] = s as u32;
            weights[fill[t]] = w;
            fill[t] += 1;
        }
        // Edges given in (source, target) order fill every row in order
        // already; other rows are sorted through a small buffer.
        let mut buffer: Vec<(u32, W)> = Vec::new();
        for v in 0..n {
            let row = offsets[v]..offsets[v + 1];
            if targets[row.clone()].is_sorted_by(|a, b| a < b) {
                continue;
            }
            buffer.clear();
            buffer.extend(
                targets[row.clone()]
                    .iter()
                    .copied()
                    .zip(weights[row.clone()].iter().copied()),
            );
            buffer.sort_unstable_by_key(|e| e.0);
            for (k, &(t, w)) in buffer.iter().enumerate() {
                targets[row.start + k] = t;
                weights[row.start + k] = w;
            }
        }
        Csr::from_parts(offsets, targets, weights)
    }

    /// The symmetric adjacency whose rows' upper halves these rows are
    /// ([`Csr::from_upper_rows`] of a copy).
    ///
    /// Complexity: O(n + m).
    pub(crate) fn whole_rows(&self) -> Csr<W> {
        // Copies with room for the lower halves, which fill them in place.
        fn doubled<T: Copy>(list: &[T]) -> Vec<T> {
            let mut copy = Vec::with_capacity(2 * list.len());
            copy.extend_from_slice(list);
            copy
        }
        Csr::from_upper_rows(
            &self.offsets,
            doubled(&self.targets),
            doubled(&self.weights),
        )
    }

    /// Builds the symmetric adjacency, in place, from the upper halves of
    /// its rows: `targets` and `weights` hold, row after row, each row's
    /// neighbours above it (ascending), `start[v]` where row `v`'s begin
    /// (`start[n]` = their length). The result is [`Csr::from_edges`] of
    /// the same edges, array for array; the lists grow into the whole
    /// rows where they are (reserve twice their length to spare a copy).
    ///
    /// Complexity: O(n + m) time; O(n) memory besides the rows.
    pub(crate) fn from_upper_rows(
        start: &[u32],
        mut targets: Vec<u32>,
        mut weights: Vec<W>,
    ) -> Csr<W> {
        let n = start.len().saturating_sub(1);
        let m = targets.len();
        debug_assert_eq!(start.last().map_or(0, |&s| s as usize), m);
        let upper = |v: usize| start[v] as usize..start[v + 1] as usize;
        // Each row's lower half, counted from where its actor is a target.
        let mut fill = vec![0usize; n];
        for &t in &targets {
            fill[t as usize] += 1;
        }
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        for v in 0..n {
            offsets.push(offsets[v] + fill[v] + upper(v).len());
        }
        // The upper halves move right to the end of their rows, the last
        // row first, so that none is written over before it has moved.
        targets.resize(2 * m, 0);
        weights.resize(2 * m, W::ZERO);
        for v in (0..n).rev() {
            let to = offsets[v + 1] - upper(v).len();
            targets.copy_within(upper(v), to);
            weights.copy_within(upper(v), to);
        }
        // The lower halves, filled in ascending order of their neighbour.
        fill.copy_from_slice(&offsets[..n]);
        for u in 0..n {
            for i in offsets[u + 1] - upper(u).len()..offsets[u + 1] {
                let v = targets[i] as usize;
                targets[fill[v]] = u as u32;
                weights[fill[v]] = weights[i];
                fill[v] += 1;
            }
        }
        Csr::from_parts(offsets, targets, weights)
    }

    /// The entries of row `v`: each target with its weight, as `f64`.
    pub fn weighted(&self, v: usize) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.row(v)
            .iter()
            .zip(self.weights(v))
            .map(|(&u, &w)| (u, w.into()))
    }

    /// Number of undirected edges of a symmetric adjacency.
    pub fn edge_count(&self) -> usize {
        self.total() / 2
    }

    /// The strength of `v`: the sum of its tie weights, in neighbour order.
    pub fn strength(&self, v: usize) -> f64 {
        self.weights(v).iter().map(|&w| w.into()).sum()
    }

    /// The strength of every node.
    pub fn strengths(&self) -> Vec<f64> {
        (0..self.len()).map(|v| self.strength(v)).collect()
    }

    /// Σ_u w(v,u)·x\[u\] over the neighbours of `v`.
    pub fn weighted_sum(&self, v: usize, x: &[f64]) -> f64 {
        self.row(v)
            .iter()
            .zip(self.weights(v))
            .map(|(&u, &w)| w.into() * x[u as usize])
            .sum()
    }

    /// A cache-friendly order of the nodes: breadth-first from the
    /// lowest-degree unvisited node, neighbours by ascending degree (Cuthill
    /// & McKee 1969), so that tied actors sit near each other in memory.
    /// Returns `order[new] = old`.
    pub fn locality_order(&self) -> Vec<u32> {
        let n = self.len();
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
                buffer.extend(self.row(v).iter().copied().filter(|&u| !seen[u as usize]));
                buffer.sort_by_key(|&u| (self.degree(u as usize), u));
                for &u in &buffer {
                    seen[u as usize] = true;
                    order.push(u);
                }
            }
        }
        order
    }

    /// The same graph with every weight `w` replaced by `f(w)` (for path
    /// searches: the length 1/w, computed once per tie instead of at every
    /// relaxation).
    pub fn map_weights(self, f: impl Fn(f64) -> f64) -> Csr {
        // In place when the weights are f64 already.
        let weights = self.weights.into_iter().map(|w| f(w.into())).collect();
        Csr {
            offsets: self.offsets,
            targets: self.targets,
            weights,
        }
    }

    /// The same graph with node `order[new]` renamed `new` (`order` a
    /// permutation of the nodes), its weights as they are: row `new` is
    /// row `order[new]` renamed, sorted by neighbour.
    ///
    /// Complexity: O(m log Δ) time; memory of the copy alone.
    pub fn permuted(&self, order: &[u32]) -> Csr<W> {
        let mut new_of = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        let mut offsets = Vec::with_capacity(order.len() + 1);
        offsets.push(0);
        for &old in order {
            offsets.push(offsets[offsets.len() - 1] + self.degree(old as usize));
        }
        let mut targets = Vec::with_capacity(self.total());
        let mut weights = Vec::with_capacity(self.total());
        let mut row: Vec<(u32, W)> = Vec::new();
        for &old in order {
            let old = old as usize;
            row.clear();
            row.extend(
                self.row(old)
                    .iter()
                    .zip(self.weights(old))
                    .map(|(&u, &w)| (new_of[u as usize], w)),
            );
            row.sort_unstable_by_key(|&(u, _)| u);
            targets.extend(row.iter().map(|&(u, _)| u));
            weights.extend(row.iter().map(|&(_, w)| w));
        }
        Csr::from_parts(offsets, targets, weights)
    }
}

/// `n` as an offset into a list's entries.
///
/// # Panics
///
/// When `n` is above [`u32::MAX`]: a list of more entries than that is
/// beyond this type (a projection refuses so many ties before).
pub(crate) fn entry(n: usize) -> u32 {
    u32::try_from(n).expect("a list of at most u32::MAX entries")
}

/// The items two ascending lists (of distinct items, such as two rows)
/// share, ascending. Each item of the shorter list is looked for in what
/// is left of the longer: by binary search when the longer is much longer,
/// else by stepping.
///
/// Complexity: O(s log l) or O(s + l) for the shorter (s) and the longer
/// (l) list.
///
/// ```
/// use verkosto::graph::Intersection;
/// let shared: Vec<u32> = Intersection::new(&[1, 3, 5, 7], &[2, 3, 7, 9]).collect();
/// assert_eq!(shared, [3, 7]);
/// ```
#[derive(Debug, Clone)]
pub struct Intersection<'a> {
    short: &'a [u32],
    long: &'a [u32],
    search: bool,
}

impl<'a> Intersection<'a> {
    /// The items of `a` that are in `b`.
    pub fn new(a: &'a [u32], b: &'a [u32]) -> Intersection<'a> {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        Intersection {
            short,
            long,
            search: short.len() * 16 < long.len(),
        }
    }
}

impl Iterator for Intersection<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        while let Some((&x, rest)) = self.short.split_first() {
            self.short = rest;
            let below = if self.search {
                self.long.partition_point(|&y| y < x)
            } else {
                self.long.iter().take_while(|&&y| y < x).count()
            };
            self.long = &self.long[below..];
            if self.long.first() == Some(&x) {
                self.long = &self.long[1..];
                return Some(x);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.short.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::UnGraph;

    #[test]
    fn from_graph_sums_parallel_edges_and_drops_loops() {
        let mut g = UnGraph::<(), f64>::new_undirected();
        let (a, b, c) = (g.add_node(()), g.add_node(()), g.add_node(()));
        g.add_edge(a, b, 1.0);
        g.add_edge(b, a, 2.0);
        g.add_edge(c, c, 5.0);
        let (csr, index) = Csr::from_graph(&g, |e| *e.weight());
        assert_eq!(index, vec![0, 1, 2]);
        assert_eq!(csr.edge_count(), 1);
        assert_eq!(csr.weights(0), &[3.0]);
        assert_eq!(csr.degree(2), 0);
    }

    #[test]
    fn rows_hold_no_weights() {
        let rows = Rows::from_rows([vec![1, 2], vec![], vec![0]]);
        assert_eq!((rows.len(), rows.total()), (3, 3));
        assert_eq!(rows.row(0), &[1, 2]);
        assert!(rows.row(1).is_empty());
    }

    #[test]
    fn from_edges_sorts_rows_whatever_the_edge_order() {
        // Ordered input (a projection's) and shuffled input give the same
        // rows, each sorted by neighbour with its weight alongside.
        let edges = [(0, 1, 1.0), (0, 3, 2.0), (1, 2, 3.0), (2, 3, 4.0)];
        let ordered = Csr::from_edges(4, edges.iter().copied());
        let shuffled = Csr::from_edges(4, [edges[3], edges[1], edges[2], edges[0]].into_iter());
        assert_eq!(ordered, shuffled);
        assert_eq!(shuffled.neighbors(3), &[0, 2]);
        assert_eq!(shuffled.weights(3), &[2.0, 4.0]);
        assert_eq!(shuffled.neighbors(1), &[0, 2]);
        assert_eq!(shuffled.weights(1), &[1.0, 3.0]);
    }

    #[test]
    fn permuted_rows_are_the_renamed_edges() {
        let edges = [
            (0, 1, 1.0),
            (0, 3, 2.0),
            (1, 2, 3.0),
            (2, 3, 4.0),
            (1, 4, 0.5),
        ];
        let csr = Csr::from_edges(5, edges.into_iter());
        let order = [3u32, 0, 4, 1, 2];
        let mut new_of = [0u32; 5];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        let renamed = edges.map(|(a, b, w)| (new_of[a as usize], new_of[b as usize], w));
        assert_eq!(
            csr.permuted(&order),
            Csr::from_edges(5, renamed.into_iter())
        );
        let narrow = csr.with_weights(csr.all_weights().iter().map(|&w| w as f32).collect());
        assert_eq!(
            narrow.permuted(&order).map_weights(|w| w),
            Csr::from_edges(5, renamed.into_iter())
        );
    }

    #[test]
    fn transpose_lists_the_rows_of_each_column() {
        let rows = Rows::from_rows([vec![0, 2], vec![2], vec![], vec![0, 1, 2]]);
        let columns = rows.transpose(4);
        assert_eq!(
            columns,
            Rows::from_rows([vec![0, 3], vec![3], vec![0, 1, 3], vec![]])
        );
        let mut built = Rows::default();
        for r in 0..rows.len() {
            built.push_row(rows.row(r).iter().copied());
        }
        assert_eq!(built, rows);
    }
}
