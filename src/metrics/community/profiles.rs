//! What each community holds: size, internal ties and density, make-up.

use super::Partition;
use crate::graph::{Csr, Weight};
use crate::metrics::mixing::Groups;

/// What a community holds.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunityProfile {
    /// Member positions, ascending.
    pub members: Vec<usize>,
    /// Ties inside the community.
    pub internal_ties: usize,
    /// Their total weight.
    pub internal_weight: f64,
    /// internal ties / (s(s−1)/2); `None` for a single actor.
    pub internal_density: Option<f64>,
    /// Members by group value (e.g. kind), in key order.
    pub groups: std::collections::BTreeMap<String, usize>,
}

/// Size, internal ties and density, and group make-up of each community.
///
/// Complexity: O(n + m).
pub(crate) fn community_profiles<W: Weight>(
    adjacency: &Csr<W>,
    partition: &Partition,
    groups: &Groups,
) -> Vec<CommunityProfile> {
    let mut out: Vec<CommunityProfile> = partition
        .members()
        .into_iter()
        .map(|members| CommunityProfile {
            members,
            internal_ties: 0,
            internal_weight: 0.0,
            internal_density: None,
            groups: Default::default(),
        })
        .collect();
    // (community, group index) of every actor, sorted: the make-up of
    // each community is a run of it, named once at the end. (A map per
    // community would cost an allocation for each of the many small ones.)
    let n = adjacency.node_count().min(groups.index.len());
    let mut make_up: Vec<(u32, u32)> = Vec::with_capacity(n);
    for v in 0..n {
        let c = partition.membership[v];
        make_up.push((c as u32, groups.index[v] as u32));
        for (u, w) in adjacency.weighted(v) {
            if (u as usize) > v && partition.membership[u as usize] == c {
                out[c].internal_ties += 1;
                out[c].internal_weight += w;
            }
        }
    }
    make_up.sort_unstable();
    for run in make_up.chunk_by(|a, b| a == b) {
        let (c, g) = run[0];
        out[c as usize]
            .groups
            .insert(groups.names[g as usize].clone(), run.len());
    }
    for profile in out.iter_mut() {
        let s = profile.members.len();
        if s > 1 {
            profile.internal_density =
                Some(profile.internal_ties as f64 / (s * (s - 1) / 2) as f64);
        }
    }
    out
}
