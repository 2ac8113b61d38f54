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

/// A petgraph graph converted once, for several metrics: the compacted
/// graph with its weights, and how to put results back in node-index
/// order. Each function of this module is `Prepared::new(graph,
/// weight).metric(…)`; preparing once saves the conversion when several
/// metrics are wanted.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use verkosto::algo::Prepared;
/// use verkosto::metrics::centrality::{BetweennessOptions, PageRankOptions};
///
/// let g = UnGraph::<&str, f64>::from_edges([(0, 1, 2.0), (1, 2, 1.0)]);
/// let prepared = Prepared::new(&g, |e| *e.weight());
/// let b = prepared.betweenness(BetweennessOptions::default());
/// let p = prepared.pagerank(PageRankOptions::default()).unwrap();
/// assert_eq!(b, vec![0.0, 1.0, 0.0]);
/// assert!(p[1] > p[0]);
///
/// // A weight that may be missing: the first failure is returned.
/// let h = UnGraph::<(), Option<f64>>::from_edges([(0, 1, Some(1.0)), (1, 2, None)]);
/// let missing = Prepared::try_new(&h, |e| e.weight().ok_or("an edge without a weight"));
/// assert_eq!(missing.err(), Some("an edge without a weight"));
/// ```
pub struct Prepared {
    csr: Csr,
    index_of: Vec<usize>,
    bound: usize,
}

impl Prepared {
    /// Converts `graph`, each edge weighted by `weight` (its strength;
    /// paths use distance 1/weight).
    ///
    /// Complexity: O(n + m log m) time, O(n + m) memory.
    pub fn new<G: Graph>(graph: G, weight: impl FnMut(G::EdgeRef) -> f64) -> Prepared {
        let bound = graph.node_bound();
        let (csr, index_of) = Csr::from_graph(graph, weight);
        Prepared {
            csr,
            index_of,
            bound,
        }
    }

    /// As [`Prepared::new`] with a weight that may fail (rustworkx-core
    /// style): the first error `weight` returns.
    pub fn try_new<G: Graph, E>(
        graph: G,
        mut weight: impl FnMut(G::EdgeRef) -> std::result::Result<f64, E>,
    ) -> std::result::Result<Prepared, E> {
        let mut failed = None;
        let prepared = Prepared::new(graph, |e| match weight(e) {
            Ok(w) => w,
            Err(error) => {
                failed.get_or_insert(error);
                0.0
            }
        });
        match failed {
            Some(error) => Err(error),
            None => Ok(prepared),
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

    /// [`degree()`] on the prepared graph.
    pub fn degree(&self) -> Vec<usize> {
        let values = (0..self.csr.len()).map(|v| self.csr.degree(v)).collect();
        self.scatter(values, 0)
    }

    /// [`strength()`] on the prepared graph.
    pub fn strength(&self) -> Vec<f64> {
        self.scatter(self.csr.strengths(), 0.0)
    }

    /// [`betweenness()`] on the prepared graph.
    pub fn betweenness(&self, options: BetweennessOptions) -> Vec<f64> {
        self.scatter(
            metrics::centrality::betweenness(&self.csr, options, None),
            0.0,
        )
    }

    /// [`closeness()`] on the prepared graph.
    pub fn closeness(&self, length: PathLength) -> Vec<f64> {
        self.scatter(
            metrics::centrality::closeness(&self.csr, length, None, None),
            0.0,
        )
    }

    /// [`harmonic()`] on the prepared graph.
    pub fn harmonic(&self, length: PathLength) -> Vec<f64> {
        self.scatter(
            metrics::centrality::harmonic(&self.csr, length, None, None),
            0.0,
        )
    }

    /// [`eigenvector()`] on the prepared graph.
    pub fn eigenvector(&self) -> Result<Vec<f64>> {
        Ok(self.scatter(metrics::centrality::eigenvector(&self.csr)?, 0.0))
    }

    /// [`pagerank()`] on the prepared graph.
    pub fn pagerank(&self, options: PageRankOptions) -> Result<Vec<f64>> {
        Ok(self.scatter(metrics::centrality::pagerank(&self.csr, options)?, 0.0))
    }

    /// [`katz()`] on the prepared graph.
    pub fn katz(&self, options: KatzOptions) -> Result<(Vec<f64>, f64)> {
        let (values, alpha) = metrics::centrality::katz(&self.csr, options)?;
        Ok((self.scatter(values, 0.0), alpha))
    }

    /// [`clustering()`] on the prepared graph.
    pub fn clustering(&self) -> Vec<f64> {
        self.scatter(metrics::clustering::clustering(&self.csr), 0.0)
    }

    /// [`constraint()`] on the prepared graph.
    pub fn constraint(&self) -> Vec<Option<f64>> {
        self.scatter(metrics::structural_holes::constraint(&self.csr), None)
    }

    /// [`effective_size()`] on the prepared graph.
    pub fn effective_size(&self) -> Vec<Option<f64>> {
        self.scatter(metrics::structural_holes::effective_size(&self.csr), None)
    }

    /// [`core_number()`] on the prepared graph.
    pub fn core_number(&self) -> Vec<usize> {
        self.scatter(metrics::core::core_number(&self.csr), 0)
    }

    /// [`components()`] on the prepared graph.
    pub fn components(&self) -> Vec<usize> {
        self.scatter(metrics::cohesion::components(&self.csr), usize::MAX)
    }

    /// [`cut_structure()`] on the prepared graph.
    pub fn cut_structure(&self) -> CutStructure {
        let cut = metrics::cohesion::cut_structure(&self.csr);
        let index = |v: usize| self.index_of[v];
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
            separated_pairs: self.scatter(cut.separated_pairs, 0),
        }
    }

    /// [`brokerage()`] on the prepared graph.
    pub fn brokerage(&self, group: &[usize]) -> Result<Vec<Brokerage>> {
        let compact = self.gather("group", group)?;
        Ok(self.scatter(gould_fernandez(&self.csr, &compact), Brokerage::default()))
    }

    /// [`communities()`] on the prepared graph.
    pub fn communities(&self, options: &CommunityOptions) -> Result<Partition> {
        let p = metrics::community::detect(&self.csr, options)?;
        Ok(Partition {
            membership: self.scatter(p.membership, usize::MAX),
            ..p
        })
    }

    /// [`modularity()`] on the prepared graph.
    pub fn modularity(&self, membership: &[usize], resolution: f64) -> Result<f64> {
        let compact = self.gather("membership", membership)?;
        Ok(metrics::community::modularity(
            &self.csr, &compact, resolution,
        ))
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
    Prepared::new(graph, |_| 1.0).degree()
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
    Prepared::new(graph, weight).strength()
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
    Prepared::new(graph, weight).betweenness(options)
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
    Prepared::new(graph, weight).closeness(length)
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
    Prepared::new(graph, weight).harmonic(length)
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
    Prepared::new(graph, weight).eigenvector()
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
    Prepared::new(graph, weight).pagerank(options)
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
    Prepared::new(graph, weight).katz(options)
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
    Prepared::new(graph, |_| 1.0).clustering()
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
    Prepared::new(graph, weight).constraint()
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
    Prepared::new(graph, weight).effective_size()
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
    Prepared::new(graph, |_| 1.0).core_number()
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
    Prepared::new(graph, |_| 1.0).components()
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
    Prepared::new(graph, |_| 1.0).cut_structure()
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
    Prepared::new(graph, |_| 1.0).brokerage(group)
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
    Prepared::new(graph, weight).communities(options)
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
    Prepared::new(graph, weight).modularity(membership, resolution)
}
