//! Brokerage: Gould–Fernandez roles and sole brokers.

use crate::graph::{Csr, Weight};
use rayon::prelude::*;

/// An actor's Gould–Fernandez brokerage counts (Gould & Fernandez 1989),
/// undirected: for every pair of its neighbours a, c that are not tied to
/// each other, the actor b brokers a–c in one role, by the groups of a, b, c.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Brokerage {
    /// a, b, c all in one group: brokering inside its own group.
    pub coordinator: usize,
    /// a and c in one group, b in another: an outsider linking two members.
    pub itinerant: usize,
    /// a and c in different groups, b in one of them: controlling access to
    /// its group (gatekeeper) or speaking for it (representative); the two
    /// are one role in an undirected network.
    pub gatekeeper_representative: usize,
    /// a, b, c in three different groups: linking groups it belongs to
    /// neither of.
    pub liaison: usize,
}

impl Brokerage {
    /// All open triads the actor brokers.
    pub fn total(&self) -> usize {
        self.coordinator + self.itinerant + self.gatekeeper_representative + self.liaison
    }
}

fn tied<W: Weight>(adjacency: &Csr<W>, a: u32, c: u32) -> bool {
    adjacency.neighbors(a as usize).binary_search(&c).is_ok()
}

/// Gould–Fernandez counts of every actor, `group[v]` being the group of
/// actor v (e.g. an index of its kind).
///
/// Complexity: O(Σ_v deg(v)² · log Δ).
pub(crate) fn gould_fernandez<W: Weight>(adjacency: &Csr<W>, group: &[usize]) -> Vec<Brokerage> {
    (0..adjacency.node_count())
        .into_par_iter()
        .map(|b| {
            let mut counts = Brokerage::default();
            let neighbors = adjacency.neighbors(b);
            for (i, &a) in neighbors.iter().enumerate() {
                for &c in &neighbors[i + 1..] {
                    if tied(adjacency, a, c) {
                        continue;
                    }
                    let (ga, gb, gc) = (group[a as usize], group[b], group[c as usize]);
                    if ga == gc {
                        if ga == gb {
                            counts.coordinator += 1;
                        } else {
                            counts.itinerant += 1;
                        }
                    } else if gb == ga || gb == gc {
                        counts.gatekeeper_representative += 1;
                    } else {
                        counts.liaison += 1;
                    }
                }
            }
            counts
        })
        .collect()
}

/// For each actor, the pairs of its neighbours that are not tied to each
/// other and have no other common neighbour: pairs it alone links at
/// distance two.
///
/// Complexity: O(Σ_v deg(v)² · Δ).
pub(crate) fn sole_broker_pairs<W: Weight>(adjacency: &Csr<W>) -> Vec<usize> {
    (0..adjacency.node_count())
        .into_par_iter()
        .map(|b| {
            let neighbors = adjacency.neighbors(b);
            let mut count = 0;
            for (i, &a) in neighbors.iter().enumerate() {
                for &c in &neighbors[i + 1..] {
                    if tied(adjacency, a, c) {
                        continue;
                    }
                    let (na, nc) = (
                        adjacency.neighbors(a as usize),
                        adjacency.neighbors(c as usize),
                    );
                    let (mut x, mut y, mut common) = (0, 0, 0);
                    while x < na.len() && y < nc.len() && common < 2 {
                        match na[x].cmp(&nc[y]) {
                            std::cmp::Ordering::Less => x += 1,
                            std::cmp::Ordering::Greater => y += 1,
                            std::cmp::Ordering::Equal => {
                                common += 1;
                                x += 1;
                                y += 1;
                            }
                        }
                    }
                    if common == 1 {
                        count += 1;
                    }
                }
            }
            count
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of the README: broker b = 0 with neighbours
    /// 1..=5, groups 0: A; 1: A; 2: A; 3: B; 4: B; 5: C; 1–2 tied.
    #[test]
    fn hand_worked_roles() {
        let edges = [
            (0, 1, 1.0),
            (0, 2, 1.0),
            (0, 3, 1.0),
            (0, 4, 1.0),
            (0, 5, 1.0),
            (1, 2, 1.0),
        ];
        let adj = Csr::from_edges(6, edges.into_iter());
        let group = [0, 0, 0, 1, 1, 2];
        let b = gould_fernandez(&adj, &group)[0];
        // Open pairs of 0's neighbours (1–2 is closed): 1–3, 1–4, 1–5, 2–3,
        // 2–4, 2–5, 3–4, 3–5, 4–5.
        //   A–A–B pairs 1–3, 1–4, 2–3, 2–4: b is in A = one end: gatekeeper/rep.
        //   A–A–C pairs 1–5, 2–5: likewise gatekeeper/representative.
        //   3–4 (B, B) with b in A: itinerant.
        //   3–5, 4–5 (B, C) with b in A: liaison.
        assert_eq!(
            b,
            Brokerage {
                coordinator: 0,
                itinerant: 1,
                gatekeeper_representative: 6,
                liaison: 2
            }
        );
        assert_eq!(b.total(), 9);
        // Coordinator: make everyone group A.
        let same = gould_fernandez(&adj, &[0; 6])[0];
        assert_eq!(same.coordinator, 9);
        // Leaves broker nothing.
        assert_eq!(gould_fernandez(&adj, &group)[3].total(), 0);
    }

    #[test]
    fn sole_brokers() {
        // Square 0-1-2-3-0 plus 0–4: 1 and 3 are linked through 0 and 2.
        let edges = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 3, 1.0),
            (3, 0, 1.0),
            (0, 4, 1.0),
        ];
        let adj = Csr::from_edges(5, edges.into_iter());
        // 0 alone links 4–1 and 4–3; 1–3 also through 2.
        assert_eq!(sole_broker_pairs(&adj), [2, 0, 0, 0, 0]);
    }
}

/// "Who bridges whom": every brokerage figure of one actor.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokerFigures {
    /// The actor's group value (e.g. its kind).
    pub group: String,
    /// Burt's constraint (`None` for an isolate).
    pub constraint: Option<f64>,
    /// Burt's effective size (`None` for an isolate).
    pub effective_size: Option<f64>,
    /// Gould–Fernandez counts.
    pub roles: Brokerage,
    /// Whether its departure would split its component.
    pub articulation_point: bool,
    /// Pairs of other actors connected only through it.
    pub separated_pairs: u64,
    /// Pairs of its neighbours it alone links at distance two.
    pub sole_broker_pairs: usize,
}
