//! Distances in a component: the exact diameter and the average path
//! length (exact, or estimated from evenly spread sources).

#[cfg(test)]
use super::cut_structure;
use crate::graph::{Csr, Weight};

/// Diameter and average shortest-path length, in hops, of the actors in
/// `members` (one connected component), by a breadth-first search from
/// every member, in parallel. Returns (0, 0) for fewer than two members.
///
/// Complexity: O(c·(c + m_c)) for a component of c actors and m_c ties.
#[cfg(test)]
pub(crate) fn diameter_and_average_path<W: Weight>(
    adjacency: &Csr<W>,
    members: &[usize],
) -> (usize, f64) {
    use rayon::prelude::*;
    let c = members.len();
    if c < 2 {
        return (0, 0.0);
    }
    let blocks = 32.min(c);
    let partial: Vec<(usize, u64)> = (0..blocks)
        .into_par_iter()
        .map(|b| {
            let mut search = crate::metrics::paths::HopSearch::new(adjacency.node_count());
            let (mut longest, mut sum) = (0usize, 0u64);
            for &s in &members[b * c / blocks..(b + 1) * c / blocks] {
                search.distances(adjacency, s);
                for &v in &search.order {
                    let d = search.dist[v as usize] as usize;
                    longest = longest.max(d);
                    sum += d as u64;
                }
            }
            (longest, sum)
        })
        .collect();
    let diameter = partial.iter().map(|p| p.0).max().unwrap_or(0);
    let total: u64 = partial.iter().map(|p| p.1).sum();
    (diameter, total as f64 / (c as f64 * (c as f64 - 1.0)))
}

#[cfg(test)]
mod cut_tests {
    use super::*;

    #[test]
    fn bowtie_and_path() {
        // Two triangles 0-1-2 and 2-3-4 sharing 2; path 5-6-7; isolate 8.
        let edges = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (0, 2, 1.0),
            (2, 3, 1.0),
            (3, 4, 1.0),
            (2, 4, 1.0),
            (5, 6, 1.0),
            (6, 7, 1.0),
        ];
        let adj = Csr::from_edges(9, edges.into_iter());
        let cut = cut_structure(&adj);
        assert_eq!(cut.articulation_points, [2, 6]);
        assert_eq!(cut.bridges, [(5, 6), (6, 7)]);
        // 2 separates {0,1} from {3,4}: 4 pairs; 6 separates 5 from 7.
        assert_eq!(cut.separated_pairs, [0, 0, 4, 0, 0, 0, 1, 0, 0]);
        let (diameter, average) = diameter_and_average_path(&adj, &[0, 1, 2, 3, 4]);
        assert_eq!(diameter, 2);
        // Distances: 6 pairs at 1 (the triangles' ties), 4 pairs at 2.
        assert!((average - (6.0 + 8.0) / 10.0).abs() < 1e-12);
    }
}

/// Exact diameter (in hops) of the component holding `members`, by Takes &
/// Kosters' BoundingDiameters (2011): breadth-first searches from chosen
/// actors tighten lower and upper bounds on every eccentricity until the
/// diameter is pinned down — usually after a handful of searches instead of
/// one per actor.
///
/// Two refinements keep the searches few on large networks:
/// - twins (actors with the same neighbours, with or without each other)
///   have the same eccentricity, so one of each set is a candidate — in a
///   projection, the members of one engagement and of nothing else are
///   such twins;
/// - each round searches from two actors at once (the largest upper and
///   the smallest lower bound), in parallel, and applies both results in a
///   fixed order, so the result and the searches made do not depend on the
///   number of threads.
///
/// Complexity: O(k·(c + m_c)) for k searches (k ≤ c).
pub(crate) fn diameter<W: Weight>(adjacency: &Csr<W>, members: &[usize]) -> usize {
    if members.len() < 2 {
        return 0;
    }
    if complete(adjacency, members) {
        return 1;
    }
    let n = adjacency.node_count();
    let mut lower = vec![0usize; n];
    let mut upper = vec![usize::MAX; n];
    let mut candidates: Vec<usize> = without_twins(adjacency, members);
    let mut best_lower = 0usize;
    let mut searches = [
        crate::metrics::paths::HopSearch::new(n),
        crate::metrics::paths::HopSearch::new(n),
    ];
    loop {
        let best_upper = candidates
            .iter()
            .map(|&u| upper[u])
            .max()
            .unwrap_or(best_lower);
        if best_lower >= best_upper || candidates.is_empty() {
            break;
        }
        // The largest upper bound and the smallest lower bound (ties:
        // highest degree, then smallest position).
        let high = *candidates
            .iter()
            .max_by(|&&a, &&b| {
                upper[a]
                    .cmp(&upper[b])
                    .then(adjacency.degree(a).cmp(&adjacency.degree(b)))
                    .then(b.cmp(&a))
            })
            .expect("non-empty");
        let low = candidates
            .iter()
            .copied()
            .filter(|&v| v != high)
            .min_by(|&a, &b| {
                lower[a]
                    .cmp(&lower[b])
                    .then(adjacency.degree(b).cmp(&adjacency.degree(a)))
                    .then(a.cmp(&b))
            });
        let [first, second] = &mut searches;
        match low {
            Some(low) => {
                rayon::join(
                    || first.distances(adjacency, high),
                    || second.distances(adjacency, low),
                );
            }
            None => first.distances(adjacency, high),
        }
        for (search, v) in searches.iter().zip(std::iter::once(high).chain(low)) {
            let eccentricity = search
                .order
                .iter()
                .map(|&u| search.dist[u as usize] as usize)
                .max()
                .unwrap_or(0);
            best_lower = best_lower.max(eccentricity);
            lower[v] = eccentricity;
            upper[v] = eccentricity;
            for &u in &candidates {
                let d = search.dist[u] as usize;
                lower[u] = lower[u].max(d.max(eccentricity.saturating_sub(d)));
                upper[u] = upper[u].min(eccentricity + d);
            }
        }
        // Every eccentricity lower bound is a lower bound of the diameter;
        // an actor whose eccentricity cannot exceed it is no longer needed.
        best_lower = candidates
            .iter()
            .map(|&u| lower[u])
            .fold(best_lower, usize::max);
        candidates.retain(|&u| {
            u != high && Some(u) != low && upper[u] > best_lower && lower[u] != upper[u]
        });
    }
    best_lower
}

/// `members` without their twins: of the actors with the same neighbours
/// (the same open neighbourhood, or the same closed one: tied to each
/// other and to the same others), the first in position. Twins are at the
/// same distance from every other actor, so in a component of three or
/// more actors they have the same eccentricity.
fn without_twins<W: Weight>(adjacency: &Csr<W>, members: &[usize]) -> Vec<usize> {
    // The closed neighbourhood in order, without copying it.
    let closed = |v: usize| {
        let row = adjacency.neighbors(v);
        let at = row.partition_point(|&u| (u as usize) < v);
        let (before, after) = row.split_at(at);
        let (before, after) = (before.iter().copied(), after.iter().copied());
        before.chain(std::iter::once(v as u32)).chain(after)
    };
    let open = |v: usize| adjacency.neighbors(v).iter().copied();
    let open_twin = earlier_twins(
        members,
        |v| fingerprint(open(v)),
        |v, w| open(v).eq(open(w)),
    );
    let closed_twin = earlier_twins(
        members,
        |v| fingerprint(closed(v)),
        |v, w| closed(v).eq(closed(w)),
    );
    members
        .iter()
        .zip(open_twin.iter().zip(&closed_twin))
        .filter(|(_, (&o, &c))| !o && !c)
        .map(|(&v, _)| v)
        .collect()
}

/// A hash of a neighbourhood, to find its equals among few candidates.
fn fingerprint(neighbours: impl Iterator<Item = u32>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for u in neighbours {
        u.hash(&mut hasher);
    }
    hasher.finish()
}

/// For each member, whether an earlier member is `same` as it. Members
/// are sorted by `key` (a fingerprint of what `same` compares), and each
/// is compared only with the earlier members of its key that are not
/// themselves twins: 16 bytes a member, not a map of every neighbourhood.
fn earlier_twins(
    members: &[usize],
    key: impl Fn(usize) -> u64,
    same: impl Fn(usize, usize) -> bool,
) -> Vec<bool> {
    let mut order: Vec<(u64, u32)> = members
        .iter()
        .enumerate()
        .map(|(i, &v)| (key(v), i as u32))
        .collect();
    order.sort_unstable();
    let mut twin = vec![false; members.len()];
    let mut firsts: Vec<usize> = Vec::new();
    for run in order.chunk_by(|a, b| a.0 == b.0) {
        firsts.clear();
        for &(_, i) in run {
            let v = members[i as usize];
            if firsts.iter().any(|&f| same(members[f], v)) {
                twin[i as usize] = true;
            } else {
                firsts.push(i as usize);
            }
        }
    }
    twin
}

/// An average path length estimated from a sample of sources.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Estimate {
    /// Sources searched.
    pub sources: usize,
    /// Half-width of the 95 % confidence interval: the spread of the
    /// sources' mean distances (normal approximation, with the finite
    /// population correction).
    pub error: f64,
}

/// Average shortest-path length (hops) among `members` (one component).
/// Exact (a search from every member) up to `exact_limit` members; above,
/// estimated from `sample` members spread evenly over the component, with
/// its error bound. Returns the value and, when it is an estimate, the
/// sources used and the bound.
pub(crate) fn average_path_length<W: Weight>(
    adjacency: &Csr<W>,
    members: &[usize],
    exact_limit: usize,
    sample: usize,
) -> (f64, Option<Estimate>) {
    use rayon::prelude::*;
    let c = members.len();
    if c < 2 {
        return (0.0, None);
    }
    if complete(adjacency, members) {
        return (1.0, None);
    }
    let sources: Vec<usize> = if c <= exact_limit {
        members.to_vec()
    } else {
        // Every (c / sample)-th member: a fixed, evenly spread sample.
        (0..sample).map(|i| members[i * c / sample]).collect()
    };
    let blocks = 32.min(sources.len());
    // Each source's sum of distances, in source order.
    let sums: Vec<u64> = (0..blocks)
        .into_par_iter()
        .flat_map_iter(|b| {
            let mut search = crate::metrics::paths::HopSearch::new(adjacency.node_count());
            sources[b * sources.len() / blocks..(b + 1) * sources.len() / blocks]
                .iter()
                .map(|&s| {
                    search.distances(adjacency, s);
                    search
                        .order
                        .iter()
                        .map(|&v| search.dist[v as usize] as u64)
                        .sum::<u64>()
                })
                .collect::<Vec<u64>>()
        })
        .collect();
    let total: u64 = sums.iter().sum();
    let k = sources.len() as f64;
    let average = total as f64 / (k * (c as f64 - 1.0));
    if c <= exact_limit {
        return (average, None);
    }
    let means: Vec<f64> = sums.iter().map(|&s| s as f64 / (c as f64 - 1.0)).collect();
    let variance = means.iter().map(|m| (m - average).powi(2)).sum::<f64>() / (k - 1.0).max(1.0);
    let correction = (1.0 - k / c as f64).max(0.0);
    let error = 1.96 * (variance / k * correction).sqrt();
    (
        average,
        Some(Estimate {
            sources: sources.len(),
            error,
        }),
    )
}

#[cfg(test)]
mod diameter_tests {
    use super::*;

    /// The crate's generator as a stream of numbers below `k`.
    fn random(seed: u64) -> impl FnMut(usize) -> usize {
        let mut rng = crate::rng::Rng::new(seed);
        move |k| rng.below(k)
    }

    /// Twins against a plain pairwise comparison: an actor is dropped when
    /// an earlier member has its open or its closed neighbourhood.
    #[test]
    fn twins_are_those_with_an_earlier_equal_neighbourhood() {
        let mut next = random(0x9e37_79b9_7f4a_7c15);
        for _ in 0..200 {
            let n = 2 + next(12);
            let mut edges = Vec::new();
            for a in 0..n {
                for b in a + 1..n {
                    if next(3) == 0 {
                        edges.push((a as u32, b as u32, 1.0));
                    }
                }
            }
            let adjacency = Csr::from_edges(n, edges.into_iter());
            let open = |v: usize| adjacency.neighbors(v).to_vec();
            let closed = |v: usize| {
                let mut c = open(v);
                c.push(v as u32);
                c.sort_unstable();
                c
            };
            // Members in a scrambled order: "earlier" is in this order.
            let mut members: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                members.swap(i, next(i + 1));
            }
            let expected: Vec<usize> = members
                .iter()
                .enumerate()
                .filter(|&(i, &v)| {
                    !members[..i]
                        .iter()
                        .any(|&w| open(w) == open(v) || closed(w) == closed(v))
                })
                .map(|(_, &v)| v)
                .collect();
            assert_eq!(without_twins(&adjacency, &members), expected);
        }
    }

    /// Random projections of cliques (many twins) and sparse random graphs:
    /// the bounded diameter equals the all-pairs one.
    #[test]
    fn bounding_with_twins_matches_all_pairs_on_random_graphs() {
        let mut next = random(0x2545_f491_4f6c_dd1d);
        for round in 0..60 {
            let n = 5 + next(60);
            let mut edges = Vec::new();
            if round % 2 == 0 {
                // Engagements as cliques of 2–5 members.
                for _ in 0..n / 2 {
                    let size = 2 + next(4);
                    let group: Vec<usize> = (0..size).map(|_| next(n)).collect();
                    for (i, &a) in group.iter().enumerate() {
                        for &b in &group[i + 1..] {
                            if a != b {
                                edges.push((a.min(b) as u32, a.max(b) as u32, 1.0));
                            }
                        }
                    }
                }
            } else {
                for _ in 0..n + next(n) {
                    let (a, b) = (next(n), next(n));
                    if a != b {
                        edges.push((a.min(b) as u32, a.max(b) as u32, 1.0));
                    }
                }
            }
            edges.sort_by_key(|x| (x.0, x.1));
            edges.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
            let adj = Csr::from_edges(n, edges.into_iter());
            let labels = crate::metrics::cohesion::components(&adj);
            let largest: Vec<usize> = (0..n).filter(|&v| labels[v] == 0).collect();
            let (reference, _) = diameter_and_average_path(&adj, &largest);
            assert_eq!(diameter(&adj, &largest), reference, "round {round}");
        }
    }

    #[test]
    fn bounding_diameter_matches_all_pairs() {
        // A path of 6 with a triangle hanging off 2 and a chord 0–3.
        let edges = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 3, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (2, 6, 1.0),
            (6, 7, 1.0),
            (2, 7, 1.0),
            (0, 3, 1.0),
            (7, 8, 1.0),
        ];
        let adj = Csr::from_edges(9, edges.into_iter());
        let members: Vec<usize> = (0..9).collect();
        let (all_pairs, _) = diameter_and_average_path(&adj, &members);
        assert_eq!(diameter(&adj, &members), all_pairs);
        let (exact, none) = average_path_length(&adj, &members, 100, 10);
        assert_eq!(none, None);
        let (_, reference) = diameter_and_average_path(&adj, &members);
        assert!((exact - reference).abs() < 1e-12);
        let (estimate, sampled) = average_path_length(&adj, &members, 5, 3);
        let sampled = sampled.expect("an estimate");
        assert_eq!(sampled.sources, 3);
        assert!((estimate - reference).abs() <= 2.0 * sampled.error + 1.0);
    }
}

/// Whether the component `members` is complete (every pair tied): its
/// paths are all one tie long.
fn complete<W: Weight>(adjacency: &Csr<W>, members: &[usize]) -> bool {
    let c = members.len();
    members.iter().all(|&v| adjacency.degree(v) == c - 1)
}
