//! Burt's structural holes: constraint and effective size, on tie weights.
//!
//! Definitions as networkx's `structuralholes` module (Burt 1992; weighted
//! forms after Burt 2004): with the undirected mutual weight m(u,v) = 2w(u,v),
//! p(u,v) = m(u,v) / Σ_x m(u,x) (share of u's ties) and
//! q(u,v) = m(u,v) / max_x m(u,x).

use crate::graph::{Csr, Weight};
use rayon::prelude::*;

fn weight_between<W: Weight>(adjacency: &Csr<W>, u: usize, v: usize) -> f64 {
    let neighbors = adjacency.neighbors(u);
    match neighbors.binary_search(&(v as u32)) {
        Ok(i) => adjacency.weights(u)[i].into(),
        Err(_) => 0.0,
    }
}

/// Burt's constraint: Σ_{u∈N(v)} (p(v,u) + Σ_{w∈N(v)} p(v,w)·p(w,u))².
/// High constraint = an actor whose contacts are tied to each other (few
/// structural holes). `None` for an isolate (networkx gives NaN).
///
/// Complexity: O(Σ_v deg(v)² · log deg).
pub(crate) fn constraint<W: Weight>(adjacency: &Csr<W>) -> Vec<Option<f64>> {
    let strength = adjacency.strengths();
    let p = |u: usize, v: usize| -> f64 { weight_between(adjacency, u, v) / strength[u] };
    (0..adjacency.node_count())
        .into_par_iter()
        .map(|v| {
            if adjacency.degree(v) == 0 {
                return None;
            }
            let mut total = 0.0;
            for (u, w_vu) in adjacency.weighted(v) {
                let u = u as usize;
                let direct = w_vu / strength[v];
                let indirect: f64 = adjacency
                    .weighted(v)
                    .filter(|&(w, _)| w as usize != u)
                    .map(|(w, w_vw)| (w_vw / strength[v]) * p(w as usize, u))
                    .sum();
                total += (direct + indirect).powi(2);
            }
            Some(total)
        })
        .collect()
}

/// Burt's effective size: Σ_{u∈N(v)} (1 − Σ_{w∈N(v)} p(v,w)·q(u,w)), the
/// number of the actor's contacts less their redundancy. Equals the degree
/// when no two contacts are tied. `None` for an isolate.
///
/// Complexity: O(Σ_v deg(v)² · log deg).
pub(crate) fn effective_size<W: Weight>(adjacency: &Csr<W>) -> Vec<Option<f64>> {
    let n = adjacency.node_count();
    let strength = adjacency.strengths();
    let largest: Vec<f64> = (0..n)
        .map(|v| adjacency.weighted(v).map(|(_, w)| w).fold(0.0, f64::max))
        .collect();
    (0..n)
        .into_par_iter()
        .map(|v| {
            if adjacency.degree(v) == 0 {
                return None;
            }
            let mut total = 0.0;
            for &u in adjacency.neighbors(v) {
                let u = u as usize;
                let redundancy: f64 = adjacency
                    .weighted(v)
                    .map(|(w, w_vw)| {
                        (w_vw / strength[v])
                            * (weight_between(adjacency, u, w as usize) / largest[u])
                    })
                    .sum();
                total += 1.0 - redundancy;
            }
            Some(total)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_centre_has_full_effective_size_and_low_constraint() {
        let adj = Csr::from_edges(4, [(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)].into_iter());
        let es = effective_size(&adj);
        assert_eq!(es[0], Some(3.0));
        assert_eq!(es[1], Some(1.0));
        let c = constraint(&adj);
        assert!((c[0].unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(c[1], Some(1.0));
    }

    #[test]
    fn triangle_contacts_are_redundant() {
        let adj = Csr::from_edges(4, [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)].into_iter());
        let es = effective_size(&adj);
        // Each of two contacts is half redundant: 2 − 2·(1/2·1) = 1.
        assert!((es[0].unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(es[3], None);
        // (1/2 + 1/2·1/2)² × 2 = 1.125
        assert!((constraint(&adj)[0].unwrap() - 1.125).abs() < 1e-12);
    }
}
