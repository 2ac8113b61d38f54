//! Every metric on any petgraph graph, in the manner of rustworkx-core:
//! each function asks only for petgraph's visit traits and a closure that
//! gives an edge's weight (its strength: paths use distance 1/weight),
//! compacts the graph once into the internal CSR and runs there.
//!
//! Results are vectors indexed by [`NodeIndexable::to_index`]; entries of
//! indices no node uses (holes of a `StableGraph`) are 0, `None` or
//! `usize::MAX`. Edge directions are ignored, parallel edges' weights are
//! summed and self-loops dropped.
//!
//! ```
//! use petgraph::graph::UnGraph;
//! use verkosto::algo;
//! use verkosto::metrics::centrality::BetweennessOptions;
//!
//! // A path a – b – c: b lies between a and c.
//! let g = UnGraph::<&str, f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0)]);
//! let b = algo::betweenness(&g, |e| *e.weight(), BetweennessOptions::default());
//! assert_eq!(b, vec![0.0, 1.0, 0.0]);
//! ```

use crate::error::{Error, Result};
use crate::graph::Csr;
use crate::metrics::brokerage::{gould_fernandez, Brokerage};
use crate::metrics::centrality::{BetweennessOptions, KatzOptions, PageRankOptions};
use crate::metrics::cohesion::CutStructure;
use crate::metrics::community::{CommunityOptions, Partition};
use crate::metrics::{self, PathLength};
use petgraph::visit::{IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

/// A graph the functions of this module accept.
pub trait Graph: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable {}
impl<G: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable> Graph for G {}

/// The compacted graph and how to put results back in index order.
struct Compact {
    csr: Csr,
    index_of: Vec<usize>,
    bound: usize,
}

impl Compact {
    fn new<G: Graph>(graph: G, weight: impl FnMut(G::EdgeRef) -> f64) -> Compact {
        let bound = graph.node_bound();
        let (csr, index_of) = Csr::from_graph(graph, weight);
        Compact {
            csr,
            index_of,
            bound,
        }
    }

    fn scatter<T: Clone>(&self, values: Vec<T>, fill: T) -> Vec<T> {
        let mut out = vec![fill; self.bound];
        for (value, &i) in values.into_iter().zip(&self.index_of) {
            out[i] = value;
        }
        out
    }

    /// `values` (indexed like the graph) in compact order; checks the length.
    fn gather(&self, name: &'static str, values: &[usize]) -> Result<Vec<usize>> {
        if values.len() != self.bound {
            return Err(Error::invalid(
                name,
                format!("{} values", values.len()),
                format!("one value per node index ({})", self.bound),
            ));
        }
        Ok(self.index_of.iter().map(|&i| values[i]).collect())
    }
}

/// Degree: the number of distinct neighbours of each node.
///
/// Returns one count per node index. Complexity: O(n + m log m) time, O(n
/// + m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (0, 2), (0, 1)]);
/// assert_eq!(verkosto::algo::degree(&g), vec![2, 1, 1]);
/// ```
pub fn degree<G: Graph>(graph: G) -> Vec<usize> {
    let c = Compact::new(graph, |_| 1.0);
    let values = (0..c.csr.len()).map(|v| c.csr.degree(v)).collect();
    c.scatter(values, 0)
}

/// Strength: the sum of each node's tie weights (Barrat et al. 2004,
/// *The architecture of complex weighted networks*, PNAS 101).
///
/// Returns one sum per node index. Complexity: O(n + m log m) time, O(n +
/// m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 2.0), (0, 2, 0.5)]);
/// assert_eq!(verkosto::algo::strength(&g, |e| *e.weight()), vec![2.5, 2.0, 0.5]);
/// ```
pub fn strength<G: Graph>(graph: G, weight: impl FnMut(G::EdgeRef) -> f64) -> Vec<f64> {
    let c = Compact::new(graph, weight);
    c.scatter(c.csr.strengths(), 0.0)
}

/// Betweenness: for each node, the sum over pairs of other nodes of the
/// share of their shortest paths through it, by Brandes' algorithm
/// (Brandes 2001, *A faster algorithm for betweenness centrality*, J. Math.
/// Sociol. 25). Weighted path lengths (distance 1/weight) equal within a
/// relative 1e-9 count as ties, so sums such as 1/3+1/3+1/3 and 1 tie.
///
/// Arguments: the graph, the weight of an edge, and whether paths are
/// weighted and the result normalised by 2/((n−1)(n−2)) (networkx's
/// `normalized=True`). Returns one value per node index.
///
/// Complexity: O(n·m) time unweighted, O(n·m·log n) weighted; O(n + m)
/// memory per thread. Parallel, with the same result on any number of
/// threads.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use verkosto::metrics::centrality::BetweennessOptions;
/// // A star: the centre lies on the path of each of the 3 leaf pairs.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
/// let b = verkosto::algo::betweenness(&g, |e| *e.weight(), BetweennessOptions::default());
/// assert_eq!(b, vec![1.0, 0.0, 0.0, 0.0]); // 3 pairs / 3 possible
/// ```
pub fn betweenness<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
    options: BetweennessOptions,
) -> Vec<f64> {
    let c = Compact::new(graph, weight);
    c.scatter(metrics::centrality::betweenness(&c.csr, options, None), 0.0)
}

/// Closeness (Bavelas 1950) with the Wasserman–Faust correction for
/// disconnected graphs, as networkx's `wf_improved=True`:
/// (r/(n−1))·(r/Σd) over the r nodes reachable from the node; 0 for an
/// isolate.
///
/// Returns one value per node index. Complexity: O(n·m) unweighted,
/// O(n·m·log n) weighted; O(n + m) memory per thread.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use verkosto::metrics::PathLength;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0)]);
/// let c = verkosto::algo::closeness(&g, |e| *e.weight(), PathLength::Hops);
/// assert_eq!(c, vec![2.0 / 3.0, 1.0, 2.0 / 3.0]); // 2/(1+2), 2/(1+1)
/// ```
pub fn closeness<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
    length: PathLength,
) -> Vec<f64> {
    let c = Compact::new(graph, weight);
    c.scatter(metrics::centrality::closeness(&c.csr, length, None), 0.0)
}

/// Harmonic centrality (Marchiori & Latora 2000): Σ 1/d(v, u) over the
/// other nodes, divided by n − 1.
///
/// Returns one value per node index. Complexity: as [`closeness`]: O(n·m)
/// time unweighted, O(n·m·log n) weighted; O(n + m) memory per thread.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use verkosto::metrics::PathLength;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0)]);
/// let h = verkosto::algo::harmonic(&g, |e| *e.weight(), PathLength::Hops);
/// assert_eq!(h, vec![0.75, 1.0, 0.75]); // (1 + 1/2)/2, (1 + 1)/2
/// ```
pub fn harmonic<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
    length: PathLength,
) -> Vec<f64> {
    let c = Compact::new(graph, weight);
    c.scatter(metrics::centrality::harmonic(&c.csr, length, None), 0.0)
}

/// Eigenvector centrality on weights (Bonacich 1972), non-negative, unit
/// Euclidean norm, by power iteration to 1e-13.
///
/// Returns one value per node index, or [`Error::NoConvergence`].
/// Complexity: O(k·m) for k iterations; O(n) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// // In a triangle every node has the same score, 1/√3.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)]);
/// let x = verkosto::algo::eigenvector(&g, |e| *e.weight()).unwrap();
/// assert!(x.iter().all(|v| (v - 1.0 / 3f64.sqrt()).abs() < 1e-12));
/// ```
pub fn eigenvector<G: Graph>(graph: G, weight: impl FnMut(G::EdgeRef) -> f64) -> Result<Vec<f64>> {
    let c = Compact::new(graph, weight);
    Ok(c.scatter(metrics::centrality::eigenvector(&c.csr)?, 0.0))
}

/// PageRank (Brin & Page 1998) on weights, with damping `options.alpha`
/// (0.85), uniform teleport, and the mass of nodes without ties spread
/// uniformly — networkx's `pagerank`.
///
/// Returns one value per node index (they sum to 1), or
/// [`Error::NoConvergence`]. Complexity: O(k·m) time for k iterations, O(n
/// + m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use verkosto::metrics::centrality::PageRankOptions;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0)]);
/// let p = verkosto::algo::pagerank(&g, |e| *e.weight(), PageRankOptions::default()).unwrap();
/// assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// assert!(p[1] > p[0] && (p[0] - p[2]).abs() < 1e-12);
/// ```
pub fn pagerank<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
    options: PageRankOptions,
) -> Result<Vec<f64>> {
    let c = Compact::new(graph, weight);
    Ok(c.scatter(metrics::centrality::pagerank(&c.csr, options)?, 0.0))
}

/// Katz centrality (Katz 1953) on weights: x = α·W·x + 1, normalised to
/// unit Euclidean norm as networkx does; α defaults to 0.9/λ_max.
///
/// Returns the values per node index and the α used, or an
/// [`Error::InvalidParameter`] when α ≥ 1/λ_max. Complexity: O(k·m) time
/// for k iterations, O(n + m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use verkosto::metrics::centrality::KatzOptions;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0)]);
/// let (x, alpha) = verkosto::algo::katz(&g, |e| *e.weight(), KatzOptions { alpha: Some(0.5) }).unwrap();
/// assert_eq!(alpha, 0.5);
/// assert!((x[0] - x[1]).abs() < 1e-12);
/// ```
pub fn katz<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
    options: KatzOptions,
) -> Result<(Vec<f64>, f64)> {
    let c = Compact::new(graph, weight);
    let (values, alpha) = metrics::centrality::katz(&c.csr, options)?;
    Ok((c.scatter(values, 0.0), alpha))
}

/// Local clustering coefficient (Watts & Strogatz 1998), unweighted: the
/// share of pairs of a node's neighbours that are tied.
///
/// Returns one value per node index. Complexity: O(Σ deg(v)²) time, O(n +
/// m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// // A triangle with a pendant: node 0 has neighbours 1, 2, 3 and one of
/// // their three pairs (1–2) is tied.
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (0, 2), (0, 3)]);
/// let c = verkosto::algo::clustering(&g);
/// assert_eq!(c, vec![1.0 / 3.0, 1.0, 1.0, 0.0]);
/// ```
pub fn clustering<G: Graph>(graph: G) -> Vec<f64> {
    let c = Compact::new(graph, |_| 1.0);
    c.scatter(metrics::clustering::clustering(&c.csr), 0.0)
}

/// Burt's constraint (Burt 1992, *Structural Holes*) on weights, as
/// networkx's `constraint`: high when a node's contacts are tied to each
/// other.
///
/// Returns one value per node index, `None` for isolates. Complexity:
/// O(Σ deg(v)² · log Δ) time, O(n + m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// // The centre of a 2-star: each contact takes half its ties: (1/2)² · 2.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (0, 2, 1.0)]);
/// let c = verkosto::algo::constraint(&g, |e| *e.weight());
/// assert_eq!(c[0], Some(0.5));
/// ```
pub fn constraint<G: Graph>(graph: G, weight: impl FnMut(G::EdgeRef) -> f64) -> Vec<Option<f64>> {
    let c = Compact::new(graph, weight);
    c.scatter(metrics::structural_holes::constraint(&c.csr), None)
}

/// Burt's effective size (Burt 1992) on weights, as networkx's
/// `effective_size`: contacts minus their redundancy.
///
/// Returns one value per node index, `None` for isolates. Complexity:
/// O(Σ deg(v)² · log Δ) time, O(n + m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// // No two contacts of the centre are tied: effective size = degree.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
/// assert_eq!(verkosto::algo::effective_size(&g, |e| *e.weight())[0], Some(3.0));
/// ```
pub fn effective_size<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
) -> Vec<Option<f64>> {
    let c = Compact::new(graph, weight);
    c.scatter(metrics::structural_holes::effective_size(&c.csr), None)
}

/// Core number (Batagelj & Zaversnik 2003): the largest k such that the
/// node belongs to the k-core.
///
/// Returns one value per node index. Complexity: O(n + m) time and memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (0, 2), (0, 3)]);
/// assert_eq!(verkosto::algo::core_number(&g), vec![2, 2, 2, 1]);
/// ```
pub fn core_number<G: Graph>(graph: G) -> Vec<usize> {
    let c = Compact::new(graph, |_| 1.0);
    c.scatter(metrics::core::core_number(&c.csr), 0)
}

/// Connected components, numbered by size (largest = 0), then by lowest
/// node.
///
/// Returns one component number per node index. Complexity: O(n + m) time
/// and memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (2, 3), (3, 4)]);
/// assert_eq!(verkosto::algo::components(&g), vec![1, 1, 0, 0, 0]);
/// ```
pub fn components<G: Graph>(graph: G) -> Vec<usize> {
    let c = Compact::new(graph, |_| 1.0);
    c.scatter(metrics::cohesion::components(&c.csr), usize::MAX)
}

/// Articulation points, bridges and, per node, the pairs of other nodes
/// that lose every path between them if it leaves (Hopcroft & Tarjan 1973).
///
/// Returns node indices. Complexity: O(n + m) time and memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let cut = verkosto::algo::cut_structure(&g);
/// assert_eq!(cut.articulation_points, vec![1]);
/// assert_eq!(cut.bridges, vec![(0, 1), (1, 2)]);
/// assert_eq!(cut.separated_pairs, vec![0, 1, 0]);
/// ```
pub fn cut_structure<G: Graph>(graph: G) -> CutStructure {
    let c = Compact::new(graph, |_| 1.0);
    let cut = metrics::cohesion::cut_structure(&c.csr);
    let index = |v: usize| c.index_of[v];
    let mut bridges: Vec<(usize, usize)> = cut
        .bridges
        .iter()
        .map(|&(a, b)| (index(a).min(index(b)), index(a).max(index(b))))
        .collect();
    bridges.sort_unstable();
    let mut articulation_points: Vec<usize> =
        cut.articulation_points.iter().map(|&v| index(v)).collect();
    articulation_points.sort_unstable();
    CutStructure {
        articulation_points,
        bridges,
        separated_pairs: c.scatter(cut.separated_pairs, 0),
    }
}

/// Gould–Fernandez brokerage (Gould & Fernandez 1989, *Structures of
/// Mediation*, Sociol. Methodol. 19): for each node b, the open triads a–b–c
/// (a and c not tied) it mediates, by the groups of a, b and c.
///
/// `group` gives each node index a group number. Returns the role counts
/// per node index, or [`Error::InvalidParameter`] when `group` is not one
/// value per node index. Complexity: O(Σ deg(v)² · log Δ) time, O(n + m)
/// memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// // 1 links 0 and 2; 0 and 2 share a group, 1 is outside: itinerant.
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let roles = verkosto::algo::brokerage(&g, &[0, 1, 0]).unwrap();
/// assert_eq!((roles[1].itinerant, roles[1].total()), (1, 1));
/// ```
pub fn brokerage<G: Graph>(graph: G, group: &[usize]) -> Result<Vec<Brokerage>> {
    let c = Compact::new(graph, |_| 1.0);
    let compact = c.gather("group", group)?;
    Ok(c.scatter(gould_fernandez(&c.csr, &compact), Brokerage::default()))
}

/// Communities by Leiden (Traag, Waltman & van Eck 2019, *From Louvain to
/// Leiden*, Sci. Rep. 9) or Louvain (Blondel et al. 2008), maximising
/// modularity with resolution γ on weights; seeded and deterministic.
///
/// Returns the partition: `membership` per node index (communities
/// numbered by size, largest = 0; `usize::MAX` for unused indices), their
/// count and the modularity reached. Complexity: about O(m) time per pass
/// and a few passes per iteration; O(n + m) memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use verkosto::metrics::community::CommunityOptions;
/// // Two triangles joined by one tie split into the two triangles.
/// let g = UnGraph::<(), f64>::from_edges([
///     (0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0),
///     (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0),
/// ]);
/// let p = verkosto::algo::communities(&g, |e| *e.weight(), &CommunityOptions::default()).unwrap();
/// assert_eq!(p.count, 2);
/// assert_eq!(p.membership, vec![0, 0, 0, 1, 1, 1]);
/// ```
pub fn communities<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
    options: &CommunityOptions,
) -> Result<Partition> {
    let c = Compact::new(graph, weight);
    let p = metrics::community::detect(&c.csr, options)?;
    Ok(Partition {
        membership: c.scatter(p.membership, usize::MAX),
        ..p
    })
}

/// Modularity (Newman & Girvan 2004) with resolution γ of a partition
/// given as one community number per node index.
///
/// Returns the modularity, or [`Error::InvalidParameter`] when `membership`
/// is not one value per node index. Complexity: O(n + m) time and memory.
///
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (2, 3, 1.0)]);
/// let q = verkosto::algo::modularity(&g, |e| *e.weight(), &[0, 0, 1, 1], 1.0).unwrap();
/// assert!((q - 0.5).abs() < 1e-12);
/// ```
pub fn modularity<G: Graph>(
    graph: G,
    weight: impl FnMut(G::EdgeRef) -> f64,
    membership: &[usize],
    resolution: f64,
) -> Result<f64> {
    let c = Compact::new(graph, weight);
    let compact = c.gather("membership", membership)?;
    Ok(metrics::community::modularity(&c.csr, &compact, resolution))
}
