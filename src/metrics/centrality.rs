//! Centrality: degree, strength, betweenness, closeness, harmonic,
//! eigenvector, PageRank and Katz.
//!
//! Every function returns one value per actor position (id order). The
//! path-based ones run one search per source in parallel over a fixed number
//! of source blocks whose partial results are added in block order, so the
//! numbers are the same on any number of threads.

use super::paths::{
    CliqueCover, CodedLengths, DistanceSearch, HopSearch, HubGraph, PathLength, Route, Search,
};
use crate::error::{Error, Result};
use crate::graph::{Csr, Weight};
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Sources are split into at most this many blocks (fixed, not per thread).
const BLOCKS: usize = 32;

/// Called with the number of sources finished so far, from any thread.
pub type Progress<'a> = &'a (dyn Fn(usize) + Sync);

/// Runs `per_source` for every node in fixed blocks, in parallel, and adds
/// the blocks' vectors in block order.
///
/// The searches see each tie's length 1/w in place of its weight (see
/// [`Search`]).
fn per_source_sum<W: Weight>(
    adjacency: &Csr<W>,
    width: usize,
    progress: Option<Progress<'_>>,
    per_source: impl Fn(&mut Search, &Csr, usize, &mut [f64]) + Sync,
) -> Vec<f64> {
    per_source_sum_prepared(
        adjacency,
        width,
        progress,
        |local: &Csr, _: &[u32]| Search::new(local.node_count()),
        |local| local.map_weights(|w| 1.0 / w),
        per_source,
    )
}

/// [`per_source_sum`] with any kind of search buffers.
fn per_source_sum_with<W: Weight, S>(
    adjacency: &Csr<W>,
    width: usize,
    progress: Option<Progress<'_>>,
    make: impl Fn(usize) -> S + Sync,
    per_source: impl Fn(&mut S, &Csr<W>, usize, &mut [f64]) + Sync,
) -> Vec<f64> {
    per_source_sum_prepared(
        adjacency,
        width,
        progress,
        |local: &Csr<W>, _: &[u32]| make(local.node_count()),
        |local| local,
        per_source,
    )
}

/// [`per_source_sum`] for searches of distances alone, by the cheapest
/// [`Route`] that the hint `groups` (groups of nodes of `adjacency` that
/// may be tied pairwise, each member with a half length: see
/// [`HubGraph`]) allows: each group walked once ([`CliqueCover`]) when
/// groups of one length cover at least half of the ties; else through
/// hubs when that reads at most half the tie entries; else every tie.
fn per_source_distances<W: Weight>(
    adjacency: &Csr<W>,
    groups: Option<&Csr<f64>>,
    width: usize,
    progress: Option<Progress<'_>>,
    per_source: impl Fn(&DistanceSearch, usize, &mut [f64]) + Sync,
) -> Vec<f64> {
    // The route, chosen once on the searched copy in its node ids.
    let route = std::sync::OnceLock::new();
    per_source_sum_prepared(
        adjacency,
        width,
        progress,
        |local: &Csr, order: &[u32]| {
            let route = route.get_or_init(|| route_of(local, order, groups));
            DistanceSearch::new(local.node_count(), route.clone())
        },
        |local| local.map_weights(|w| 1.0 / w),
        |search, local, s, acc| {
            search.distances(local, s);
            per_source(search, s, acc)
        },
    )
}

/// The [`Route`] for searches of `local` (lengths; node `order[new]` of
/// the original is its node `new`) with the hint `groups` (original ids).
fn route_of(local: &Csr, order: &[u32], groups: Option<&Csr<f64>>) -> Route {
    let plain = || Route::Ties(CodedLengths::new(local).map(std::sync::Arc::new));
    let Some(groups) = groups else {
        return plain();
    };
    let mut new_of = vec![u32::MAX; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_of[old as usize] = new as u32;
    }
    let renamed = |g: usize| {
        groups
            .row(g)
            .iter()
            .zip(groups.weights(g))
            .filter_map(|(&m, &h)| Some((*new_of.get(m as usize)?, h)))
    };
    let cover = CliqueCover::new(
        local,
        (0..groups.len()).map(|g| renamed(g).map(|m| m.0).collect()),
    );
    if cover.worth_it(local) {
        return Route::Cliques(std::sync::Arc::new(cover));
    }
    let renamed_groups =
        crate::graph::Csr::from_weighted_rows((0..groups.len()).map(|g| renamed(g).collect()));
    let hubs = HubGraph::new(local, &renamed_groups);
    if hubs.worth_it(local) {
        return Route::Hubs(std::sync::Arc::new(hubs));
    }
    plain()
}

/// [`per_source_sum_with`], with the searched copy passed through
/// `prepare` first (which may give it other weights, such as lengths).
fn per_source_sum_prepared<W: Weight, V: Weight, S>(
    adjacency: &Csr<W>,
    width: usize,
    progress: Option<Progress<'_>>,
    make: impl Fn(&Csr<V>, &[u32]) -> S + Sync,
    prepare: impl FnOnce(Csr<W>) -> Csr<V>,
    per_source: impl Fn(&mut S, &Csr<V>, usize, &mut [f64]) + Sync,
) -> Vec<f64> {
    // Search a copy in cache-friendly order and map the result back; the
    // copy costs O(m log m), far less than the n searches.
    let order = adjacency.locality_order();
    let local = prepare(adjacency.permuted(&order));
    let adjacency = &local;
    let n = adjacency.node_count();
    let blocks = BLOCKS.min(n.max(1));
    let done = AtomicUsize::new(0);
    let partials: Vec<Vec<f64>> = (0..blocks)
        .into_par_iter()
        .map(|b| {
            let mut search = make(adjacency, &order);
            let mut acc = vec![0.0; width];
            for s in (b * n / blocks)..((b + 1) * n / blocks) {
                per_source(&mut search, adjacency, s, &mut acc);
                let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                if let Some(report) = progress {
                    report(finished);
                }
            }
            acc
        })
        .collect();
    let mut total = vec![0.0; width];
    for partial in partials {
        for (t, p) in total.iter_mut().zip(partial) {
            *t += p;
        }
    }
    let mut original = vec![0.0; width];
    for (new, &old) in order.iter().enumerate() {
        original[old as usize] = total[new];
    }
    original
}

/// Options of [`crate::algo::betweenness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BetweennessOptions {
    /// Path lengths: 1/weight (default) or hops.
    pub length: PathLength,
    /// Divide by (n−1)(n−2)/2, the number of pairs not including the actor
    /// (default true).
    pub normalized: bool,
}

impl Default for BetweennessOptions {
    fn default() -> Self {
        BetweennessOptions {
            length: PathLength::InverseWeight,
            normalized: true,
        }
    }
}

/// Betweenness: for each actor, the sum over pairs of other actors of the
/// share of their shortest paths that pass through it (Freeman 1977),
/// computed with Brandes' algorithm (Brandes 2001).
///
/// Undirected; each unordered pair counts once; normalised by
/// 2/((n−1)(n−2)) like networkx's `betweenness_centrality(normalized=True)`.
/// Weighted path lengths equal within a relative 1e-9 are ties (see
/// [`super::paths::TIE_TOLERANCE`]).
///
/// Complexity: O(n·m) unweighted, O(n·m·log n) weighted; memory O(n) per
/// thread plus O(n) per source block.
pub(crate) fn betweenness<W: Weight>(
    adjacency: &Csr<W>,
    options: BetweennessOptions,
    progress: Option<Progress<'_>>,
) -> Vec<f64> {
    crate::counters::count(crate::counters::Step::Betweenness);
    let n = adjacency.node_count();
    let length = options.length;
    let mut raw = match length {
        PathLength::Hops => per_source_sum_with(
            adjacency,
            n,
            progress,
            HopSearch::new,
            |search, adjacency, s, acc| {
                search.run(adjacency, s, true);
                search.accumulate_dependencies(adjacency, acc);
            },
        ),
        PathLength::InverseWeight => {
            per_source_sum(adjacency, n, progress, |search, adjacency, s, acc| {
                search.run(adjacency, s, true);
                search.accumulate_dependencies(acc);
            })
        }
    };
    // Every pair was seen from both ends.
    let scale = match (options.normalized, n > 2) {
        (true, true) => 1.0 / ((n - 1) as f64 * (n - 2) as f64),
        (true, false) => 0.0,
        (false, _) => 0.5,
    };
    for b in &mut raw {
        *b *= scale;
    }
    raw
}

/// Closeness (Bavelas 1950), with the Wasserman–Faust correction for
/// disconnected graphs as networkx's `wf_improved=True`:
/// (r/(n−1))·(r/Σd) over the r actors reachable from the actor; 0 for an
/// isolate.
///
/// `groups` (weighted lengths only) are groups of actors that may be
/// tied pairwise, such as each project's partners, each member with a
/// half length (a pair that shares only that project is at the sum of
/// its two halves): those that are tied so are walked once per source
/// instead of once per member ([`CliqueCover`], groups of one length) or
/// joined through a hub ([`HubGraph`]). The distances are those of the
/// ties with any groups or none (through a hub, to a few units in the
/// last place).
///
/// Complexity: O(n·m) unweighted, O(n·m·log n) weighted; with groups
/// covering the ties, O(n·(m' + Σk)·log n) for the m' ties left and
/// groups of k members.
pub(crate) fn closeness<W: Weight>(
    adjacency: &Csr<W>,
    length: PathLength,
    groups: Option<&Csr<f64>>,
    progress: Option<Progress<'_>>,
) -> Vec<f64> {
    let n = adjacency.node_count();
    let score = move |total: f64, reached: usize| {
        let r = (reached - 1) as f64;
        if total > 0.0 && n > 1 {
            (r / total) * (r / (n - 1) as f64)
        } else {
            0.0
        }
    };
    match length {
        PathLength::Hops => per_source_sum_with(
            adjacency,
            n,
            progress,
            HopSearch::new,
            |search, adjacency, s, acc| {
                search.distances(adjacency, s);
                let total: u64 = search
                    .order
                    .iter()
                    .map(|&v| u64::from(search.dist[v as usize]))
                    .sum();
                acc[s] = score(total as f64, search.order.len());
            },
        ),
        PathLength::InverseWeight => {
            per_source_distances(adjacency, groups, n, progress, |search, s, acc| {
                let (dist, order) = (search.dist(), search.order());
                let total: f64 = order.iter().map(|&v| dist[v as usize]).sum();
                acc[s] = score(total, order.len());
            })
        }
    }
}

/// Harmonic centrality (Marchiori & Latora 2000; Rochat 2009):
/// Σ 1/d(v,u) over the other actors, divided by n−1 (networkx's
/// `harmonic_centrality` without the division). `groups` as for
/// [`closeness`].
///
/// Complexity: O(n·m) unweighted, O(n·m·log n) weighted.
pub(crate) fn harmonic<W: Weight>(
    adjacency: &Csr<W>,
    length: PathLength,
    groups: Option<&Csr<f64>>,
    progress: Option<Progress<'_>>,
) -> Vec<f64> {
    let n = adjacency.node_count();
    let scale = if n > 1 { 1.0 / (n - 1) as f64 } else { 0.0 };
    match length {
        PathLength::Hops => {
            per_source_sum_with(
                adjacency,
                n,
                progress,
                HopSearch::new,
                |search, adjacency, s, acc| {
                    search.distances(adjacency, s);
                    // Sum 1/d by distance level: count nodes per level first.
                    let mut total = 0.0;
                    let mut level = 0u32;
                    let mut count = 0usize;
                    for &v in &search.order[1..] {
                        let d = search.dist[v as usize];
                        if d != level {
                            if count > 0 {
                                total += count as f64 / f64::from(level);
                            }
                            level = d;
                            count = 0;
                        }
                        count += 1;
                    }
                    if count > 0 {
                        total += count as f64 / f64::from(level);
                    }
                    acc[s] = total * scale;
                },
            )
        }
        PathLength::InverseWeight => {
            per_source_distances(adjacency, groups, n, progress, |search, s, acc| {
                let (dist, order) = (search.dist(), search.order());
                let total: f64 = order[1..].iter().map(|&v| 1.0 / dist[v as usize]).sum();
                acc[s] = total * scale;
            })
        }
    }
}

/// Iterates `step` (which writes the next vector from the current one)
/// from `start` until the L1 change falls below `n·TOLERANCE·scale(x)`;
/// an error naming `metric` if that takes more than [`MAX_ITERATIONS`].
fn fixed_point(
    metric: &'static str,
    start: Vec<f64>,
    scale: impl Fn(&[f64]) -> f64,
    mut step: impl FnMut(&[f64], &mut [f64]),
) -> Result<Vec<f64>> {
    let n = start.len() as f64;
    let mut x = start;
    let mut next = vec![0.0; x.len()];
    for _ in 0..MAX_ITERATIONS {
        step(&x, &mut next);
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < n * TOLERANCE * scale(&x) {
            return Ok(x);
        }
    }
    Err(Error::NoConvergence {
        metric,
        iterations: MAX_ITERATIONS,
    })
}

/// Iteration limits of the spectral measures.
const MAX_ITERATIONS: usize = 10_000;
/// Convergence: the L1 change per node falls below this.
const TOLERANCE: f64 = 1e-13;

/// Eigenvector centrality on tie weights (Bonacich 1972): the principal
/// eigenvector of the weighted adjacency matrix, non-negative, with unit
/// Euclidean norm.
///
/// Power iteration on A + I from a uniform start, as networkx's
/// `eigenvector_centrality`, run to an L1 change below 1e-13 per node (the
/// shift keeps bipartite graphs from oscillating). On a disconnected network
/// the components with the largest spectral radius take all the weight.
///
/// Complexity: O(k·m) for k iterations. Returns an error if it does not
/// converge within 10,000 iterations.
pub(crate) fn eigenvector<W: Weight>(adjacency: &Csr<W>) -> Result<Vec<f64>> {
    let n = adjacency.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    fixed_point(
        "eigenvector centrality",
        vec![1.0 / n as f64; n],
        |_| 1.0,
        |x, next| {
            for (v, slot) in next.iter_mut().enumerate() {
                *slot = x[v] + adjacency.weighted_sum(v, x);
            }
            let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
            let norm = if norm == 0.0 { 1.0 } else { norm };
            for slot in next.iter_mut() {
                *slot /= norm;
            }
        },
    )
}

/// Eigenvector centrality within each connected part: as [`eigenvector`]
/// run on each part (`labels`, a part per node) on its own, so that every
/// part has unit Euclidean norm and none is left at zero because another
/// part has a larger spectral radius. Isolates get 1 (a part of one).
///
/// Complexity: O(k·m) for k iterations (all parts iterate together).
/// Returns an error if it does not converge within 10,000 iterations.
pub(crate) fn eigenvector_within_parts<W: Weight>(
    adjacency: &Csr<W>,
    labels: &[usize],
) -> Result<Vec<f64>> {
    let n = adjacency.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let parts = labels.iter().max().map_or(0, |m| m + 1);
    let mut size = vec![0usize; parts];
    for &l in labels {
        size[l] += 1;
    }
    let mut norms = vec![0.0; parts];
    fixed_point(
        "eigenvector centrality",
        labels.iter().map(|&l| 1.0 / size[l] as f64).collect(),
        |_| 1.0,
        |x, next| {
            for (v, slot) in next.iter_mut().enumerate() {
                *slot = x[v] + adjacency.weighted_sum(v, x);
            }
            norms.iter_mut().for_each(|s| *s = 0.0);
            for (v, value) in next.iter().enumerate() {
                norms[labels[v]] += value * value;
            }
            for (v, slot) in next.iter_mut().enumerate() {
                let norm = norms[labels[v]].sqrt();
                if norm > 0.0 {
                    *slot /= norm;
                }
            }
        },
    )
}

/// The largest eigenvalue of the weighted adjacency matrix (its spectral
/// radius), from the eigenvector's Rayleigh quotient.
pub(crate) fn spectral_radius<W: Weight>(adjacency: &Csr<W>) -> Result<f64> {
    let x = eigenvector(adjacency)?;
    let mut numerator = 0.0;
    for v in 0..adjacency.node_count() {
        numerator += x[v] * adjacency.weighted_sum(v, &x);
    }
    Ok(numerator / x.iter().map(|v| v * v).sum::<f64>().max(f64::MIN_POSITIVE))
}

/// Options of [`crate::algo::pagerank`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRankOptions {
    /// Damping factor α (default 0.85).
    pub alpha: f64,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions { alpha: 0.85 }
    }
}

/// PageRank (Brin & Page 1998) on the weighted, undirected network:
/// each actor passes its score to its neighbours in proportion to tie
/// weight; with probability 1−α the walk teleports uniformly; an isolate's
/// score is spread uniformly. Scores sum to 1. The same fixed point as
/// networkx's `pagerank(alpha=0.85, weight="weight")`, iterated to an L1
/// change below 1e-13 per node. (petgraph's `page_rank` ignores weights.)
///
/// Complexity: O(k·m) for k iterations.
pub(crate) fn pagerank<W: Weight>(
    adjacency: &Csr<W>,
    options: PageRankOptions,
) -> Result<Vec<f64>> {
    let n = adjacency.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let alpha = options.alpha;
    if !(0.0..1.0).contains(&alpha) {
        return Err(Error::invalid(
            "pagerank_alpha",
            alpha,
            "a number in [0, 1)",
        ));
    }
    let strength = adjacency.strengths();
    let uniform = 1.0 / n as f64;
    fixed_point(
        "PageRank",
        vec![uniform; n],
        |_| 1.0,
        |x, next| {
            let dangling: f64 = (0..n).filter(|&v| strength[v] == 0.0).map(|v| x[v]).sum();
            let base = (1.0 - alpha) * uniform + alpha * dangling * uniform;
            // Each actor passes x/strength along each unit of tie weight.
            let share: Vec<f64> = x
                .iter()
                .zip(&strength)
                .map(|(&xi, &si)| if si > 0.0 { xi / si } else { 0.0 })
                .collect();
            for (v, slot) in next.iter_mut().enumerate() {
                *slot = base + alpha * adjacency.weighted_sum(v, &share);
            }
        },
    )
}

/// Options of [`crate::algo::katz`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct KatzOptions {
    /// Attenuation α; it must be below 1/λ_max. `None` (the default) uses
    /// 0.9/λ_max, which always converges whatever the weights.
    pub alpha: Option<f64>,
}

/// Katz centrality (Katz 1953): x = α·A·x + β with β = 1 on tie weights,
/// scaled to unit Euclidean norm (networkx `katz_centrality`,
/// `normalized=True`). Returns the scores and the α used.
///
/// Complexity: O(k·m) for k iterations, plus the spectral radius when α is
/// not given.
pub(crate) fn katz<W: Weight>(adjacency: &Csr<W>, options: KatzOptions) -> Result<(Vec<f64>, f64)> {
    let n = adjacency.node_count();
    if n == 0 {
        return Ok((Vec::new(), options.alpha.unwrap_or(0.0)));
    }
    let radius = spectral_radius(adjacency)?;
    let alpha = match options.alpha {
        Some(a) if !a.is_finite() || a <= 0.0 || (radius > 0.0 && a >= 1.0 / radius) => {
            return Err(Error::invalid(
                "katz_alpha",
                a,
                format!(
                    "a positive number below 1/λ_max = {:.6}",
                    if radius > 0.0 {
                        1.0 / radius
                    } else {
                        f64::INFINITY
                    }
                ),
            ))
        }
        Some(a) => a,
        None if radius > 0.0 => 0.9 / radius,
        None => 0.1,
    };
    // Converged relative to the largest score (Katz scores grow with α).
    let largest = |x: &[f64]| x.iter().fold(1.0f64, |m, v| m.max(*v));
    let x = fixed_point("Katz centrality", vec![0.0; n], largest, |x, next| {
        for (v, slot) in next.iter_mut().enumerate() {
            *slot = alpha * adjacency.weighted_sum(v, x) + 1.0;
        }
    })?;
    let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    Ok((x.iter().map(|v| v / norm).collect(), alpha))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(u32, u32, f64)]) -> Csr {
        Csr::from_edges(n, edges.iter().copied())
    }

    #[test]
    fn eigenvector_within_parts_is_each_part_on_its_own() {
        // A weighted triangle with a tail (0–3), a star (4–7), a pair (8–9)
        // and an isolate (10): each part as the (networkx-checked)
        // eigenvector of that part alone.
        let whole = graph(
            11,
            &[
                (0, 1, 2.0),
                (1, 2, 1.0),
                (0, 2, 1.0),
                (2, 3, 0.5),
                (4, 5, 1.0),
                (4, 6, 1.0),
                (4, 7, 3.0),
                (8, 9, 1.0),
            ],
        );
        let labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3];
        let within = eigenvector_within_parts(&whole, &labels).unwrap();
        let triangle = eigenvector(&graph(
            4,
            &[(0, 1, 2.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 0.5)],
        ))
        .unwrap();
        let star = eigenvector(&graph(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 3.0)])).unwrap();
        let pair = eigenvector(&graph(2, &[(0, 1, 1.0)])).unwrap();
        let expected: Vec<f64> = triangle
            .iter()
            .chain(&star)
            .chain(&pair)
            .copied()
            .chain([1.0])
            .collect();
        for (v, (a, b)) in within.iter().zip(&expected).enumerate() {
            assert!((a - b).abs() < 1e-9, "node {v}: {a} vs {b}");
        }
        // On the whole network the smaller parts would be all zeros.
        let global = eigenvector(&whole).unwrap();
        assert!(global[8] < 1e-6 && within[8] > 0.7);
    }

    #[test]
    fn star_with_weights() {
        let adj = graph(4, &[(0, 1, 2.0), (0, 2, 0.5), (0, 3, 1.0)]);
        assert_eq!(
            (0..4).map(|v| adj.degree(v)).collect::<Vec<_>>(),
            [3, 1, 1, 1]
        );
        assert_eq!(adj.strengths(), [3.5, 2.0, 0.5, 1.0]);
    }

    #[test]
    fn betweenness_of_a_path_by_hand() {
        // 0–1–2–3: node 1 lies on 0–2 and 0–3, node 2 on 0–3 and 1–3.
        let adj = graph(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
        let raw = betweenness(
            &adj,
            BetweennessOptions {
                length: PathLength::Hops,
                normalized: false,
            },
            None,
        );
        assert_eq!(raw, [0.0, 2.0, 2.0, 0.0]);
        let norm = betweenness(&adj, BetweennessOptions::default(), None);
        assert!((norm[1] - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn weighted_ties_within_tolerance_split_betweenness() {
        // Two routes from 0 to 4: 0–1–4 with lengths 1/3 + 2/3 (weights 3
        // and 1.5) and 0–2–3–4 with 1/3 + 1/3 + 1/3 (weights 3): equal up
        // to rounding, so each route carries half the 0–4 path.
        let adj = graph(
            5,
            &[
                (0, 1, 3.0),
                (1, 4, 1.5),
                (0, 2, 3.0),
                (2, 3, 3.0),
                (3, 4, 3.0),
            ],
        );
        let raw = betweenness(
            &adj,
            BetweennessOptions {
                length: PathLength::InverseWeight,
                normalized: false,
            },
            None,
        );
        // The graph is the cycle 0–1–4–3–2–0 with lengths 1/3, 2/3, 1/3,
        // 1/3, 1/3 (total 2). Pairs 0–4 and 1–3 each have two routes of
        // length 1 (one of them summing three thirds): half a path each.
        // 0: ½ (1–3) + 1 (1–2);  1: ½ (0–4);  2: ½ (0–4) + 1 (0–3) + ½ (1–3);
        // 3: ½ (0–4) + 1 (2–4);  4: ½ (1–3).
        assert_eq!(raw.len(), 5);
        for (got, want) in raw.iter().zip([1.5, 0.5, 2.0, 1.5, 0.5]) {
            assert!((got - want).abs() < 1e-12, "{raw:?}");
        }
    }

    #[test]
    fn float_rounding_does_not_drop_an_equal_route() {
        // 0 to 7: seven ties of weight 7 (lengths 1/7, through 1..6) or two
        // ties of weight 2 (lengths 1/2, through 8). Both routes have length
        // 1, but the seven sevenths add up to 0.9999999999999998.
        let sevenths: f64 = (0..7).map(|_| 1.0 / 7.0).sum();
        assert!(sevenths < 1.0, "premise: the float sum falls short of 1");
        let mut edges: Vec<(u32, u32, f64)> = (0..7).map(|i| (i, i + 1, 7.0)).collect();
        edges.extend([(0, 8, 2.0), (8, 7, 2.0)]);
        let adj = graph(9, &edges);
        let raw = betweenness(
            &adj,
            BetweennessOptions {
                length: PathLength::InverseWeight,
                normalized: false,
            },
            None,
        );
        assert!(
            (raw[8] - 0.5).abs() < 1e-12,
            "node 8 carries half of 0–7: {raw:?}"
        );
        // 1 lies on half of 0–7, all of 0–2 … 0–6 (5 pairs) and on 8–2 and
        // 8–3 (1/2 + 2/7 and 1/2 + 3/7 beat going round through 7).
        assert!((raw[1] - 7.5).abs() < 1e-12, "{raw:?}");
    }

    #[test]
    fn closeness_and_harmonic_by_hand() {
        // Path 0–1–2 plus isolate 3 (n = 4).
        let adj = graph(4, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let c = closeness(&adj, PathLength::Hops, None, None);
        assert!((c[1] - (2.0 / 2.0) * (2.0 / 3.0)).abs() < 1e-12);
        assert!((c[0] - (2.0 / 3.0) * (2.0 / 3.0)).abs() < 1e-12);
        assert_eq!(c[3], 0.0);
        let h = harmonic(&adj, PathLength::Hops, None, None);
        assert!((h[0] - (1.0 + 0.5) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn spectral_measures_on_a_triangle_are_uniform() {
        let adj = graph(3, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)]);
        for v in eigenvector(&adj).unwrap() {
            assert!((v - 1.0 / 3f64.sqrt()).abs() < 1e-9);
        }
        for v in pagerank(&adj, PageRankOptions::default()).unwrap() {
            assert!((v - 1.0 / 3.0).abs() < 1e-12);
        }
        assert!((spectral_radius(&adj).unwrap() - 2.0).abs() < 1e-9);
        let (k, alpha) = katz(&adj, KatzOptions::default()).unwrap();
        assert!((alpha - 0.45).abs() < 1e-9);
        assert!((k[0] - 1.0 / 3f64.sqrt()).abs() < 1e-9);
        assert!(katz(&adj, KatzOptions { alpha: Some(0.6) }).is_err());
    }
}
