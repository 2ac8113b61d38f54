//! Cohesion: density (`density`, `weighted_density`), connected
//! components (`components`), cut structure (`cuts`: articulation
//! points, bridges, separated pairs) and distances (`distances`:
//! diameter, average path length).

mod components;
mod cuts;
mod distances;

pub(crate) use components::{component_sizes, components, components_of_ties};
pub(crate) use cuts::cut_structure;
pub use cuts::CutStructure;
pub(crate) use distances::{average_path_length, diameter};

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
