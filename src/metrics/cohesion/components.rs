//! Connected components.

#[cfg(test)]
use super::{density, weighted_density};
use crate::graph::Csr;

/// Connected components: a component number for each actor, numbered by
/// size (largest = 0), ties broken by the smallest actor position.
/// Isolated actors are components of their own.
///
/// Complexity: O(n + m) (breadth-first search).
pub(crate) fn components(adjacency: &Csr) -> Vec<usize> {
    crate::counters::count(crate::counters::Step::Components);
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
