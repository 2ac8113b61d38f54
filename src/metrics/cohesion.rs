//! Cohesion: density and connected components.

use crate::graph::Csr;

/// Density 2m / (n(n−1)): the share of possible ties present. 0 for fewer
/// than two actors.
pub(crate) fn density(n: usize, m: usize) -> f64 {
    if n < 2 {
        return 0.0;
    }
    2.0 * m as f64 / (n as f64 * (n as f64 - 1.0))
}

/// Weighted density 2W / (n(n−1)) where W is the total tie weight: the mean
/// weight over all possible pairs. 0 for fewer than two actors.
pub(crate) fn weighted_density(n: usize, total_weight: f64) -> f64 {
    if n < 2 {
        return 0.0;
    }
    2.0 * total_weight / (n as f64 * (n as f64 - 1.0))
}

/// Connected components: a component number for each actor, numbered by
/// size (largest = 0), ties broken by the smallest actor position.
/// Isolated actors are components of their own.
///
/// Complexity: O(n + m) (breadth-first search).
pub(crate) fn components(adjacency: &Csr) -> Vec<usize> {
    let n = adjacency.node_count();
    let mut label = vec![usize::MAX; n];
    let mut sizes = Vec::new();
    let mut queue = std::collections::VecDeque::new();
    for s in 0..n {
        if label[s] != usize::MAX {
            continue;
        }
        let c = sizes.len();
        label[s] = c;
        queue.push_back(s);
        let mut size = 0;
        while let Some(v) = queue.pop_front() {
            size += 1;
            for &u in adjacency.neighbors(v) {
                if label[u as usize] == usize::MAX {
                    label[u as usize] = c;
                    queue.push_back(u as usize);
                }
            }
        }
        sizes.push(size);
    }
    // Components were found in order of their smallest member; a stable sort
    // by size keeps that order among equal sizes.
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(sizes[c]));
    let mut rank = vec![0; sizes.len()];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r;
    }
    label.into_iter().map(|c| rank[c]).collect()
}

/// Sizes of the components numbered by [`components`].
pub(crate) fn component_sizes(labels: &[usize]) -> Vec<usize> {
    let count = labels.iter().max().map_or(0, |m| m + 1);
    let mut sizes = vec![0; count];
    for &c in labels {
        sizes[c] += 1;
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_numbered_by_size_then_first_member() {
        // 0–1, 2 alone, 3–4–5.
        let adj = Csr::from_edges(6, [(0, 1, 1.0), (3, 4, 1.0), (4, 5, 1.0)].into_iter());
        let labels = components(&adj);
        assert_eq!(labels, [1, 1, 2, 0, 0, 0]);
        assert_eq!(component_sizes(&labels), [3, 2, 1]);
    }

    #[test]
    fn density_by_hand() {
        assert_eq!(density(4, 3), 0.5);
        assert_eq!(density(1, 0), 0.0);
        assert_eq!(weighted_density(4, 6.0), 1.0);
    }
}

/// Cut structure from one depth-first search: articulation points, bridges,
/// and for each actor the number of pairs of other actors that lose every
/// path between them if it leaves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CutStructure {
    /// Actors whose removal splits their component (ascending positions).
    pub articulation_points: Vec<usize>,
    /// Ties whose removal splits their component, as (lower, higher)
    /// positions, ascending.
    pub bridges: Vec<(usize, usize)>,
    /// Per actor: pairs of other actors connected only through it.
    pub separated_pairs: Vec<u64>,
}

/// Articulation points, bridges and separated pairs (Hopcroft & Tarjan
/// 1973), with an explicit stack so that large networks cannot overflow it.
///
/// Complexity: O(n + m).
pub(crate) fn cut_structure(adjacency: &Csr) -> CutStructure {
    let n = adjacency.node_count();
    let mut discovery = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut subtree = vec![1u64; n];
    let mut parent = vec![usize::MAX; n];
    // Sizes of the pieces each actor's removal would cut off from the rest.
    let mut pieces: Vec<Vec<u64>> = vec![Vec::new(); n];
    let mut result = CutStructure {
        separated_pairs: vec![0; n],
        ..Default::default()
    };
    let mut time = 0;
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut visited: Vec<usize> = Vec::new();
    for root in 0..n {
        if discovery[root] != usize::MAX {
            continue;
        }
        let component_start = time;
        visited.clear();
        visited.push(root);
        discovery[root] = time;
        low[root] = time;
        time += 1;
        stack.push((root, 0));
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let neighbors = adjacency.neighbors(v);
            if *next < neighbors.len() {
                let u = neighbors[*next] as usize;
                *next += 1;
                if discovery[u] == usize::MAX {
                    parent[u] = v;
                    visited.push(u);
                    discovery[u] = time;
                    low[u] = time;
                    time += 1;
                    stack.push((u, 0));
                } else if u != parent[v] {
                    low[v] = low[v].min(discovery[u]);
                }
            } else {
                stack.pop();
                let p = parent[v];
                if p != usize::MAX {
                    low[p] = low[p].min(low[v]);
                    subtree[p] += subtree[v];
                    if low[v] >= discovery[p] {
                        pieces[p].push(subtree[v]);
                    }
                    if low[v] > discovery[p] {
                        result.bridges.push((p.min(v), p.max(v)));
                    }
                }
            }
        }
        let component_size = (time - component_start) as u64;
        // Every actor of this component: pieces cut off by its removal; the
        // root's pieces are its children, others also keep "the rest".
        for &v in &visited {
            let mut sizes = std::mem::take(&mut pieces[v]);
            if v == root {
                if sizes.len() < 2 {
                    continue;
                }
            } else {
                if sizes.is_empty() {
                    continue;
                }
                let rest = component_size - 1 - sizes.iter().sum::<u64>();
                if rest > 0 {
                    sizes.push(rest);
                }
                if sizes.len() < 2 {
                    continue;
                }
            }
            result.articulation_points.push(v);
            let total: u64 = sizes.iter().sum();
            let squares: u64 = sizes.iter().map(|s| s * s).sum();
            result.separated_pairs[v] = (total * total - squares) / 2;
        }
    }
    result.articulation_points.sort_unstable();
    result.bridges.sort_unstable();
    result
}

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
            let mut search = super::paths::HopSearch::new(adjacency.node_count());
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
    let n = adjacency.node_count();
    let mut lower = vec![0usize; n];
    let mut upper = vec![usize::MAX; n];
    let mut candidates: Vec<usize> = members.to_vec();
    let (mut best_lower, mut best_upper) = (0usize, usize::MAX);
    let mut search = super::paths::HopSearch::new(n);
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
            let mut search = super::paths::HopSearch::new(adjacency.node_count());
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
