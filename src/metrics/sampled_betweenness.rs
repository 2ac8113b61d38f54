//! Betweenness estimated from sampled shortest paths, with a guarantee:
//! Riondato & Kornaropoulos, "Fast approximation of betweenness centrality
//! through sampling" (Data Mining and Knowledge Discovery 30, 2016).
//!
//! `r` pairs of actors are drawn uniformly; for each connected pair one of
//! its shortest paths is drawn uniformly (found by a balanced bidirectional
//! breadth-first search, which on networks like these explores a small part
//! of the graph), and each actor inside the path scores 1/r. With
//! r = (c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ)), c = 0.5 and VD an upper bound
//! on the vertex diameter, every actor's estimate is within ε of its exact
//! betweenness, all at once, with probability at least 1 − δ.

use crate::graph::{Csr, Weight};
use crate::rng::Rng;
use rayon::prelude::*;

/// The accuracy asked of sampled betweenness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleOptions {
    /// Largest error of any actor's value, on the normalised scale of
    /// exact betweenness (2/((n−1)(n−2))); in (0, 1).
    pub epsilon: f64,
    /// Probability that some value is off by more than `epsilon`; in
    /// (0, 1); default 0.1.
    pub delta: f64,
    /// Seed of the draws: the same seed gives the same values.
    pub seed: u64,
}

impl SampleOptions {
    /// Options with `epsilon` and `delta` each in (0, 1).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::error::Error) naming the value out of range.
    pub fn new(epsilon: f64, delta: f64, seed: u64) -> crate::error::Result<SampleOptions> {
        for (name, value) in [("sample", epsilon), ("sample", delta)] {
            if !(value > 0.0 && value < 1.0) {
                return Err(crate::error::Error::invalid(
                    name,
                    value,
                    "EPSILON[,DELTA], each between 0 and 1 (exclusive), such as 0.01 or 0.01,0.05",
                ));
            }
        }
        Ok(SampleOptions {
            epsilon,
            delta,
            seed,
        })
    }
}

/// What a sampled run did, to state with its values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleReport {
    /// The options.
    pub options: SampleOptions,
    /// Pairs drawn.
    pub samples: usize,
    /// The vertex-diameter bound used.
    pub vertex_diameter: usize,
}

/// The number of samples for `options` on a graph of `n` actors whose
/// vertex diameter is at most `vertex_diameter` (Riondato–Kornaropoulos,
/// with their constant c = 0.5). `epsilon` is on the normalised scale of
/// exact betweenness and is converted to the scale of the sampling
/// (ordered pairs over n(n−1)) by the factor (n−2)/n.
pub fn sample_size(options: &SampleOptions, n: usize, vertex_diameter: usize) -> usize {
    let epsilon = options.epsilon * (n.saturating_sub(2)) as f64 / n.max(1) as f64;
    let log_term = (vertex_diameter.saturating_sub(2).max(1) as f64)
        .log2()
        .floor()
        + 1.0;
    let r = 0.5 / (epsilon * epsilon) * (log_term + (1.0 / options.delta).ln());
    r.ceil() as usize
}

/// An upper bound on the vertex diameter (actors on a longest shortest
/// path): for each component, twice the eccentricity of its first actor,
/// plus one.
fn vertex_diameter_bound<W: Weight>(adjacency: &Csr<W>) -> usize {
    let labels = crate::metrics::cohesion::components(adjacency);
    let mut first = vec![usize::MAX; labels.iter().max().map_or(0, |m| m + 1)];
    for (v, &c) in labels.iter().enumerate() {
        if first[c] == usize::MAX {
            first[c] = v;
        }
    }
    let mut search = crate::metrics::paths::HopSearch::new(adjacency.node_count());
    first
        .into_iter()
        .map(|v| {
            search.run(adjacency, v, false);
            let eccentricity = search
                .order
                .last()
                .map_or(0, |&u| search.dist[u as usize] as usize);
            2 * eccentricity + 1
        })
        .max()
        .unwrap_or(1)
}

/// One side of a bidirectional search.
struct Side {
    dist: Vec<u32>,
    sigma: Vec<f64>,
    visited: Vec<u32>,
    frontier: Vec<u32>,
}

impl Side {
    fn new(n: usize) -> Side {
        Side {
            dist: vec![u32::MAX; n],
            sigma: vec![0.0; n],
            visited: Vec::new(),
            frontier: Vec::new(),
        }
    }

    fn start(&mut self, s: usize) {
        for &v in &self.visited {
            self.dist[v as usize] = u32::MAX;
            self.sigma[v as usize] = 0.0;
        }
        self.visited.clear();
        self.frontier.clear();
        self.dist[s] = 0;
        self.sigma[s] = 1.0;
        self.visited.push(s as u32);
        self.frontier.push(s as u32);
    }

    fn frontier_degree<W: Weight>(&self, adjacency: &Csr<W>) -> usize {
        self.frontier
            .iter()
            .map(|&v| adjacency.degree(v as usize))
            .sum()
    }

    /// Expands one level; returns the new level's actors that `other`
    /// has reached (where the two searches meet).
    fn expand<W: Weight>(&mut self, adjacency: &Csr<W>, other: &Side) -> Vec<u32> {
        let mut next = Vec::new();
        for &v in &self.frontier {
            let (dv, sv) = (self.dist[v as usize], self.sigma[v as usize]);
            for &u in adjacency.neighbors(v as usize) {
                let u_ = u as usize;
                if self.dist[u_] == u32::MAX {
                    self.dist[u_] = dv + 1;
                    self.visited.push(u);
                    next.push(u);
                }
                if self.dist[u_] == dv + 1 {
                    self.sigma[u_] += sv;
                }
            }
        }
        let meeting = next
            .iter()
            .copied()
            .filter(|&u| other.dist[u as usize] != u32::MAX)
            .collect();
        self.frontier = next;
        meeting
    }

    /// Walks from `v` back to this side's start, choosing each step's
    /// predecessor with probability proportional to its path count; calls
    /// `visit` on every actor passed, `v` and the start excluded.
    fn walk_back<W: Weight>(
        &self,
        adjacency: &Csr<W>,
        mut v: usize,
        rng: &mut Rng,
        visit: &mut impl FnMut(usize),
    ) {
        while self.dist[v] > 0 {
            let target = rng.unit() * self.sigma[v];
            let mut acc = 0.0;
            let mut chosen = None;
            for &u in adjacency.neighbors(v) {
                if self.dist[u as usize] == self.dist[v] - 1 {
                    acc += self.sigma[u as usize];
                    chosen = Some(u as usize);
                    if acc > target {
                        break;
                    }
                }
            }
            let Some(u) = chosen else { return };
            if self.dist[u] > 0 {
                visit(u);
            }
            v = u;
        }
    }
}

/// One uniformly drawn shortest path between `s` and `t`, by a balanced
/// bidirectional search; calls `visit` on each actor inside it. Nothing
/// for a pair that is not connected.
fn sample_path<W: Weight>(
    adjacency: &Csr<W>,
    s: usize,
    t: usize,
    sides: &mut (Side, Side),
    rng: &mut Rng,
    visit: &mut impl FnMut(usize),
) {
    let (from_s, from_t) = sides;
    from_s.start(s);
    from_t.start(t);
    loop {
        if from_s.frontier.is_empty() || from_t.frontier.is_empty() {
            return;
        }
        // Expand the side with the lighter frontier.
        let meeting = if from_s.frontier_degree(adjacency) <= from_t.frontier_degree(adjacency) {
            from_s.expand(adjacency, from_t)
        } else {
            from_t.expand(adjacency, from_s)
        };
        if meeting.is_empty() {
            continue;
        }
        // Every shortest path crosses the new level at exactly one of the
        // meeting actors: choose it by its share of the paths.
        let weight = |w: u32| from_s.sigma[w as usize] * from_t.sigma[w as usize];
        let total: f64 = meeting.iter().map(|&w| weight(w)).sum();
        let target = rng.unit() * total;
        let mut acc = 0.0;
        let mut middle = meeting[meeting.len() - 1] as usize;
        for &w in &meeting {
            acc += weight(w);
            if acc > target {
                middle = w as usize;
                break;
            }
        }
        if middle != s && middle != t {
            visit(middle);
        }
        from_s.walk_back(adjacency, middle, rng, visit);
        from_t.walk_back(adjacency, middle, rng, visit);
        return;
    }
}

/// Estimated betweenness, on the normalised scale of exact betweenness
/// (2/((n−1)(n−2)), unordered pairs), from hop-count shortest paths; with
/// what was done.
///
/// # Arguments
///
/// * `adjacency` – the network.
/// * `options` – ε, δ and the seed.
///
/// # Returns
///
/// One value per actor and a [`SampleReport`]. The draws depend only on
/// the seed, not on the number of threads. [`Error::Invalid`](crate::error::Error)
/// when ε or δ is outside (0, 1).
///
/// # Complexity
///
/// O(n + m) for the diameter bound, then r balanced bidirectional
/// searches, r = O(log(VD)/ε² + log(1/δ)/ε²).
///
/// # Reference
///
/// Riondato, M. and Kornaropoulos, E. M. (2016): Fast approximation of
/// betweenness centrality through sampling. Data Mining and Knowledge
/// Discovery 30(2), 438–475.
pub fn sampled_betweenness<W: Weight>(
    adjacency: &Csr<W>,
    options: &SampleOptions,
) -> crate::error::Result<(Vec<f64>, SampleReport)> {
    crate::counters::count(crate::counters::Step::Betweenness);
    let options = &SampleOptions::new(options.epsilon, options.delta, options.seed)?;
    let n = adjacency.node_count();
    let vertex_diameter = vertex_diameter_bound(adjacency);
    let samples = if n > 2 {
        sample_size(options, n, vertex_diameter)
    } else {
        0
    };
    let report = SampleReport {
        options: *options,
        samples,
        vertex_diameter,
    };
    if samples == 0 {
        return Ok((vec![0.0; n], report));
    }
    // Pairs drawn in order from one generator; each sample's path from a
    // generator of its own index: the same values on any thread count.
    let mut rng = Rng::new(options.seed);
    let pairs: Vec<(u32, u32)> = (0..samples)
        .map(|_| {
            let s = rng.below(n);
            let mut t = rng.below(n - 1);
            if t >= s {
                t += 1;
            }
            (s as u32, t as u32)
        })
        .collect();
    let blocks = 64.min(samples);
    let counts: Vec<u32> = (0..blocks)
        .into_par_iter()
        .map(|b| {
            let mut counts = vec![0u32; n];
            let mut sides = (Side::new(n), Side::new(n));
            let (from, to) = (b * samples / blocks, (b + 1) * samples / blocks);
            for (i, &(s, t)) in pairs.iter().enumerate().take(to).skip(from) {
                let mut path_rng =
                    Rng::new(options.seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                sample_path(
                    adjacency,
                    s as usize,
                    t as usize,
                    &mut sides,
                    &mut path_rng,
                    &mut |v| {
                        counts[v] += 1;
                    },
                );
            }
            counts
        })
        .reduce(
            || vec![0u32; n],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        );
    // From ordered pairs over n(n−1) to the normalised scale.
    let scale = n as f64 / ((n - 2) as f64 * samples as f64);
    Ok((counts.iter().map(|&c| c as f64 * scale).collect(), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_epsilon_of_the_exact_values() {
        // A grid with a pendant path: many equal shortest paths.
        let mut edges = Vec::new();
        let side = 12u32;
        for r in 0..side {
            for c in 0..side {
                let v = r * side + c;
                if c + 1 < side {
                    edges.push((v, v + 1, 1.0));
                }
                if r + 1 < side {
                    edges.push((v, v + side, 1.0));
                }
            }
        }
        let n = (side * side) as usize;
        for k in 0..10u32 {
            edges.push((if k == 0 { 0 } else { n as u32 + k - 1 }, n as u32 + k, 1.0));
        }
        let adj = Csr::from_edges(n + 10, edges.into_iter());
        let exact = super::super::centrality::betweenness(
            &adj,
            super::super::centrality::BetweennessOptions {
                length: super::super::PathLength::Hops,
                normalized: true,
            },
            None,
        );
        let options = SampleOptions {
            epsilon: 0.02,
            delta: 0.1,
            seed: 7,
        };
        let (estimate, report) = sampled_betweenness(&adj, &options).unwrap();
        assert!(report.samples > 1000);
        let worst = exact
            .iter()
            .zip(&estimate)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst <= options.epsilon, "worst error {worst}");
        // The same seed, the same values.
        assert_eq!(sampled_betweenness(&adj, &options).unwrap().0, estimate);
        assert!(SampleOptions::new(0.0, 0.1, 1).is_err());
        assert!(SampleOptions::new(0.01, 1.0, 1).is_err());
    }

    #[test]
    fn sample_size_follows_the_bound() {
        let options = SampleOptions {
            epsilon: 0.01,
            delta: 0.1,
            seed: 1,
        };
        // VD = 20: ⌊log₂ 18⌋ + 1 = 5; ln 10 = 2.303; 0.5/1e-4 = 5000.
        let r = sample_size(&options, 1_000_000, 20);
        assert!((36_500..36_600).contains(&r), "{r}");
    }
}
