//! Connected components.

#[cfg(test)]
use super::{density, weighted_density};
use crate::graph::{Csr, Weight};

/// Connected components: a component number for each actor, numbered by
/// size (largest = 0), ties broken by the smallest actor position.
/// Isolated actors are components of their own.
///
/// Complexity: O(n + m α(n)) ([`components_of_ties`]).
pub(crate) fn components<W: Weight>(adjacency: &Csr<W>) -> Vec<usize> {
    let n = adjacency.node_count();
    components_of_ties(
        n,
        (0..n).flat_map(|v| {
            adjacency
                .neighbors(v)
                .iter()
                .filter(move |&&u| (u as usize) > v)
                .map(move |&u| (v as u32, u))
        }),
    )
}

/// [`components`] of the `n` actors joined by `ties` (pairs of actor
/// positions, each tie once or more), without an adjacency: numbered by
/// size (largest = 0), ties broken by the smallest actor position.
///
/// Complexity: O(n + m α(n)), union–find with path halving and union by
/// size; O(n) memory.
pub(crate) fn components_of_ties(n: usize, ties: impl Iterator<Item = (u32, u32)>) -> Vec<usize> {
    crate::counters::count(crate::counters::Step::Components);
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut size = vec![1u32; n];
    let find = |parent: &mut [u32], mut v: u32| {
        while parent[v as usize] != v {
            let grand = parent[parent[v as usize] as usize];
            parent[v as usize] = grand;
            v = grand;
        }
        v
    };
    for (a, b) in ties {
        let (mut a, mut b) = (find(&mut parent, a), find(&mut parent, b));
        if a != b {
            if size[a as usize] < size[b as usize] {
                std::mem::swap(&mut a, &mut b);
            }
            parent[b as usize] = a;
            size[a as usize] += size[b as usize];
        }
    }
    // Components in order of their smallest member…
    let mut found = vec![u32::MAX; n];
    let mut sizes = Vec::new();
    let label: Vec<usize> = (0..n as u32)
        .map(|v| {
            let root = find(&mut parent, v) as usize;
            if found[root] == u32::MAX {
                found[root] = sizes.len() as u32;
                sizes.push(size[root] as usize);
            }
            found[root] as usize
        })
        .collect();
    // …then by size: a stable sort keeps that order among equal sizes.
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
    fn union_find_labels_are_those_of_a_breadth_first_search() {
        // Reference: breadth-first search from each unlabelled actor in
        // position order, then renumbered by size, first found first.
        let mut rng = crate::rng::Rng::new(11);
        for _ in 0..50 {
            let n = 1 + rng.below(60);
            let ties: Vec<(u32, u32)> = (0..rng.below(2 * n))
                .map(|_| (rng.below(n) as u32, rng.below(n) as u32))
                .filter(|(a, b)| a < b)
                .collect();
            let mut neighbours = vec![Vec::new(); n];
            for &(a, b) in &ties {
                neighbours[a as usize].push(b as usize);
                neighbours[b as usize].push(a as usize);
            }
            let mut found = vec![usize::MAX; n];
            let mut members: Vec<Vec<usize>> = Vec::new();
            for s in 0..n {
                if found[s] != usize::MAX {
                    continue;
                }
                let c = members.len();
                let (mut queue, mut list) = (vec![s], vec![s]);
                found[s] = c;
                while let Some(v) = queue.pop() {
                    for &u in &neighbours[v] {
                        if found[u] == usize::MAX {
                            found[u] = c;
                            queue.push(u);
                            list.push(u);
                        }
                    }
                }
                members.push(list);
            }
            let mut by_size: Vec<usize> = (0..members.len()).collect();
            by_size.sort_by_key(|&c| std::cmp::Reverse(members[c].len()));
            let mut expected = vec![0; n];
            for (rank, &c) in by_size.iter().enumerate() {
                for &v in &members[c] {
                    expected[v] = rank;
                }
            }
            assert_eq!(components_of_ties(n, ties.iter().copied()), expected);
            let adjacency = Csr::from_edges(n, ties.iter().map(|&(a, b)| (a, b, 1.0)));
            assert_eq!(components(&adjacency), expected);
        }
    }

    #[test]
    fn density_by_hand() {
        assert_eq!(density(4, 3), 0.5);
        assert_eq!(density(1, 0), 0.0);
        assert_eq!(weighted_density(4, 6.0), 1.0);
    }
}
