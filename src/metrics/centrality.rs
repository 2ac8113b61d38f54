//! Centrality: degree and strength.

use crate::graph::Adjacency;

/// Degree: the number of distinct neighbours of each actor.
///
/// Complexity: O(n).
pub fn degree(adjacency: &Adjacency) -> Vec<usize> {
    (0..adjacency.node_count())
        .map(|v| adjacency.degree(v))
        .collect()
}

/// Strength: the sum of the weights of each actor's ties (Barrat et al.
/// 2004). Summed in neighbour order, so the result is reproducible.
///
/// Complexity: O(n + m).
pub fn strength(adjacency: &Adjacency) -> Vec<f64> {
    (0..adjacency.node_count())
        .map(|v| adjacency.weights(v).iter().sum())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_with_weights() {
        let adj = Adjacency::from_edges(4, [(0, 1, 2.0), (0, 2, 0.5), (0, 3, 1.0)].into_iter());
        assert_eq!(degree(&adj), [3, 1, 1, 1]);
        assert_eq!(strength(&adj), [3.5, 2.0, 0.5, 1.0]);
    }
}
