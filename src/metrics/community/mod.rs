//! Community detection: Leiden and Louvain on tie weights (`leiden`),
//! modularity, agreement between partitions (`compare`: NMI, adjusted
//! Rand index, stability over seeds) and what each community holds
//! (`profiles`).
//!
//! Both methods optimise modularity with a resolution γ,
//! Q = Σ_c [ L_c/m − γ (K_c/2m)² ] (L_c: weight inside c, K_c: strength of
//! c, m: total weight), as networkx's `modularity`. They are seeded, so the
//! same input, options and seed give the same partition on any machine.

mod compare;
mod leiden;
mod profiles;

pub(crate) use compare::stability;
pub use compare::{adjusted_rand, nmi, Stability};
pub(crate) use profiles::community_profiles;
pub use profiles::CommunityProfile;

use crate::error::{Error, Result};
use crate::graph::{on_adjacency, Csr, Weight};
use crate::rng::Rng;
use leiden::{move_nodes, refine, Aggregate, Level};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// Which algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
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
        crate::named::parse("method", s)
    }
}

impl fmt::Display for CommunityMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str((*self).into())
    }
}

/// Options of [`crate::algo::communities`] and of the analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommunityOptions {
    /// Leiden (default) or Louvain.
    pub method: CommunityMethod,
    /// Resolution γ (default 1): higher gives more, smaller communities.
    pub resolution: f64,
    /// Random seed (default 1).
    pub seed: u64,
    /// Iterations of the whole algorithm, each starting from the previous
    /// result; 0 (the default) means automatic: until an iteration changes
    /// nothing (at most 50) for networks of up to [`BOUNDED_ABOVE`] actors,
    /// and [`LARGE_ITERATIONS`] above, so that the work is bounded by the
    /// network's size (never by a clock, which would make the output
    /// depend on the machine). igraph's default is 2, which is faster on
    /// large graphs and reaches slightly lower modularity.
    pub iterations: usize,
}

/// The cap of "until nothing changes".
const MAX_ITERATIONS: usize = 50;

/// Above this many actors, the automatic number of iterations is
/// [`LARGE_ITERATIONS`].
pub const BOUNDED_ABOVE: usize = 50_000;

/// Iterations run by default on networks of more than [`BOUNDED_ABOVE`]
/// actors (igraph's default; on a 242,000-actor network, iterating to
/// stability took 7× as long for 0.003 more modularity).
pub const LARGE_ITERATIONS: usize = 2;

impl CommunityOptions {
    /// The iterations that will run on a network of `n` actors: the given
    /// number, or for 0 the automatic choice (`None`: until nothing
    /// changes).
    pub fn iterations_for(&self, n: usize) -> Option<usize> {
        match self.iterations {
            0 if n > BOUNDED_ABOVE => Some(LARGE_ITERATIONS),
            0 => None,
            k => Some(k),
        }
    }
}

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
pub(crate) fn detect<W: Weight>(
    adjacency: &Csr<W>,
    options: &CommunityOptions,
) -> Result<Partition> {
    if !(options.resolution.is_finite() && options.resolution > 0.0) {
        return Err(Error::invalid(
            "resolution",
            options.resolution,
            "a positive number",
        ));
    }
    crate::counters::count(crate::counters::Step::Community);
    let n = adjacency.node_count();
    let base = Level::from_adjacency(adjacency);
    let two_m: f64 = base.strength.iter().sum();
    if n == 0 || two_m == 0.0 {
        return Ok(finish(adjacency, (0..n).collect(), options.resolution));
    }
    let gamma_over_2m = options.resolution / two_m;
    let mut rng = Rng::new(options.seed);
    let mut membership: Vec<usize> = (0..n).collect();
    let max_iterations = options.iterations_for(n).unwrap_or(MAX_ITERATIONS);
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
fn one_iteration<W: Weight>(
    base: &Level<'_, W>,
    membership: &mut [usize],
    gamma_over_2m: f64,
    method: CommunityMethod,
    rng: &mut Rng,
) {
    let (start, _) = renumber(membership);
    let mut descent = Descent {
        community: start,
        node_of: (0..base.len()).collect(),
        gamma_over_2m,
        method,
        rng,
    };
    // Each level is dropped once the next is made from it.
    let mut next = descent.step(base);
    while let Some(Aggregate { graph, strength }) = next {
        next = on_adjacency!(&graph, |rows| descent.step(&Level::of(rows, strength)));
    }
    for (v, slot) in membership.iter_mut().enumerate() {
        *slot = descent.community[descent.node_of[v]];
    }
}

/// The state of one run down the levels.
struct Descent<'r> {
    /// The community of each node of the current level.
    community: Vec<usize>,
    /// `node_of[v]`: the node of the current level that holds actor `v`.
    node_of: Vec<usize>,
    gamma_over_2m: f64,
    method: CommunityMethod,
    rng: &'r mut Rng,
}

impl Descent<'_> {
    /// One level of the multi-level algorithm: moves `level`'s nodes
    /// between communities, and when they form fewer communities than
    /// nodes, returns the next level, whose nodes are the (refined)
    /// communities, with the communities and `node_of` renamed to it.
    fn step<W: Weight>(&mut self, level: &Level<'_, W>) -> Option<Aggregate> {
        move_nodes(level, &mut self.community, self.gamma_over_2m, self.rng);
        let (moved, count) = renumber(&self.community);
        if count == level.len() {
            self.community = moved;
            return None;
        }
        let (aggregate_by, aggregate_count) = match self.method {
            CommunityMethod::Leiden => {
                let (refined, refined_count) = refine(level, &moved, self.gamma_over_2m, self.rng);
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
        for v in self.node_of.iter_mut() {
            *v = aggregate_by[*v];
        }
        self.community = next_community;
        Some(level.aggregate(&aggregate_by, aggregate_count))
    }
}

/// Numbers communities by size and smallest member; computes modularity.
fn finish<W: Weight>(adjacency: &Csr<W>, membership: Vec<usize>, resolution: f64) -> Partition {
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
pub(crate) fn modularity<W: Weight>(
    adjacency: &Csr<W>,
    membership: &[usize],
    resolution: f64,
) -> f64 {
    let count = membership.iter().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0; count];
    let mut total = vec![0.0; count];
    let mut two_m = 0.0;
    for v in 0..adjacency.node_count() {
        for (u, w) in adjacency.weighted(v) {
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

    /// A random network of `n` nodes whose weights are small counts.
    fn random_counts(n: usize, ties: usize, seed: u64) -> Csr {
        let mut rng = Rng::new(seed);
        let mut edges = std::collections::BTreeMap::new();
        for _ in 0..ties {
            let (a, b) = (rng.below(n) as u32, rng.below(n) as u32);
            if a != b {
                *edges.entry((a.min(b), a.max(b))).or_insert(0.0) += 1.0;
            }
        }
        let list: Vec<(u32, u32, f64)> = edges.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        Csr::from_edges(n, list.into_iter())
    }

    /// Leiden and Louvain read counts held as bytes and their f64 copies
    /// the same way, level after level (the aggregated levels are held
    /// narrow too, as bytes or f32).
    #[test]
    fn narrow_and_wide_weights_give_the_same_partition() {
        for (seed, method) in [(1, CommunityMethod::Leiden), (2, CommunityMethod::Louvain)] {
            let wide = random_counts(400, 1_500, seed);
            let narrow = match crate::graph::Adjacency::from_weights(wide.clone()) {
                crate::graph::Adjacency::Byte(rows) => rows,
                _ => panic!("small counts are bytes"),
            };
            let options = CommunityOptions {
                method,
                ..Default::default()
            };
            let (a, b) = (
                detect(&wide, &options).unwrap(),
                detect(&narrow, &options).unwrap(),
            );
            assert!(a.count > 1 && a.count < 400);
            assert_eq!(a.membership, b.membership);
            assert_eq!(a.modularity.to_bits(), b.modularity.to_bits());
        }
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
