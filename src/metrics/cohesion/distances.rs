//! Distances in a component: the exact diameter and the average path
//! length (exact, or estimated from evenly spread sources).

#[cfg(test)]
use super::cut_structure;
use crate::graph::Csr;

/// Diameter and average shortest-path length, in hops, of the actors in
/// `members` (one connected component), by a breadth-first search from
/// every member, in parallel. Returns (0, 0) for fewer than two members.
///
/// Complexity: O(c·(c + m_c)) for a component of c actors and m_c ties.
#[cfg(test)]
pub(crate) fn diameter_and_average_path(adjacency: &Csr, members: &[usize]) -> (usize, f64) {
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
                search.run(adjacency, s, false);
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
/// Complexity: O(k·(c + m_c)) for k searches (k ≤ c).
pub(crate) fn diameter(adjacency: &Csr, members: &[usize]) -> usize {
    if members.len() < 2 {
        return 0;
    }
    if complete(adjacency, members) {
        return 1;
    }
    let n = adjacency.node_count();
    let mut lower = vec![0usize; n];
    let mut upper = vec![usize::MAX; n];
    let mut candidates: Vec<usize> = members.to_vec();
    let (mut best_lower, mut best_upper) = (0usize, usize::MAX);
    let mut search = crate::metrics::paths::HopSearch::new(n);
    let mut pick_high = true;
    while best_lower < best_upper && !candidates.is_empty() {
        // Alternate between the largest upper bound and the smallest lower
        // bound (ties: highest degree, then smallest position).
        let &v = if pick_high {
            candidates.iter().max_by(|&&a, &&b| {
                upper[a]
                    .cmp(&upper[b])
                    .then(adjacency.degree(a).cmp(&adjacency.degree(b)))
                    .then(b.cmp(&a))
            })
        } else {
            candidates.iter().min_by(|&&a, &&b| {
                lower[a]
                    .cmp(&lower[b])
                    .then(adjacency.degree(b).cmp(&adjacency.degree(a)))
                    .then(a.cmp(&b))
            })
        }
        .expect("non-empty");
        pick_high = !pick_high;
        search.run(adjacency, v, false);
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
        // Every eccentricity lower bound is a lower bound of the diameter;
        // an actor whose eccentricity cannot exceed it is no longer needed.
        best_lower = candidates
            .iter()
            .map(|&u| lower[u])
            .fold(best_lower, usize::max);
        candidates.retain(|&u| u != v && upper[u] > best_lower && lower[u] != upper[u]);
        best_upper = candidates
            .iter()
            .map(|&u| upper[u])
            .max()
            .unwrap_or(best_lower);
    }
    best_lower
}

/// Average shortest-path length (hops) among `members` (one component).
/// Exact (a search from every member) up to `exact_limit` members; above,
/// estimated from `sample` members chosen with a fixed seed. Returns the
/// value and the number of sources used when it is an estimate.
pub(crate) fn average_path_length(
    adjacency: &Csr,
    members: &[usize],
    exact_limit: usize,
    sample: usize,
) -> (f64, Option<usize>) {
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
    let sums: Vec<u64> = (0..blocks)
        .into_par_iter()
        .map(|b| {
            let mut search = crate::metrics::paths::HopSearch::new(adjacency.node_count());
            let mut sum = 0u64;
            for &s in &sources[b * sources.len() / blocks..(b + 1) * sources.len() / blocks] {
                search.run(adjacency, s, false);
                sum += search
                    .order
                    .iter()
                    .map(|&v| search.dist[v as usize] as u64)
                    .sum::<u64>();
            }
            sum
        })
        .collect();
    let total: u64 = sums.iter().sum();
    let average = total as f64 / (sources.len() as f64 * (c as f64 - 1.0));
    (average, (c > exact_limit).then_some(sources.len()))
}

#[cfg(test)]
mod diameter_tests {
    use super::*;

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
        let (_, sampled) = average_path_length(&adj, &members, 5, 3);
        assert_eq!(sampled, Some(3));
    }
}

/// Whether the component `members` is complete (every pair tied): its
/// paths are all one tie long.
fn complete(adjacency: &Csr, members: &[usize]) -> bool {
    let c = members.len();
    members.iter().all(|&v| adjacency.degree(v) == c - 1)
}
