//! The shared core of both projections: for every pair of members that
//! share at least one group, the groups they share.

use super::csr::Rows;
use rayon::prelude::*;

/// Pairs `(a, b)` with `a < b`, in ascending order, each with the ascending
/// list of groups both belong to (`shared.row(i)` for pair `i`).
#[derive(Debug, Clone, Default)]
pub(crate) struct CoMembership {
    pub pairs: Vec<(u32, u32)>,
    pub shared: Rows,
}

/// One chunk's pairs, the number of groups each shares, and those groups.
type ChunkResult = (Vec<(u32, u32)>, Vec<u32>, Vec<u32>);

/// Finds every co-membership.
///
/// `memberships` maps a member to its groups and `groups` a group to its
/// members, both ascending. Work is split over members in fixed chunks and
/// concatenated in order, so the result is the same on any number of
/// threads.
///
/// Complexity: O(Σ_g |g|² log |g|) time over groups g, and memory for the
/// output (one entry per pair and shared group).
pub(crate) fn co_membership(memberships: &Rows, groups: &Rows) -> CoMembership {
    const CHUNK: usize = 1024;
    let n = memberships.len();
    let chunks: Vec<ChunkResult> = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| {
            let mut pairs = Vec::new();
            let mut counts = Vec::new();
            let mut shared = Vec::new();
            let mut buf: Vec<(u32, u32)> = Vec::new();
            for a in c * CHUNK..((c + 1) * CHUNK).min(n) {
                buf.clear();
                for &g in memberships.row(a) {
                    let row = groups.row(g as usize);
                    // Members are ascending: skip those not above `a`.
                    let start = row.partition_point(|&b| b <= a as u32);
                    buf.extend(row[start..].iter().map(|&b| (b, g)));
                }
                buf.sort_unstable();
                let mut i = 0;
                while i < buf.len() {
                    let b = buf[i].0;
                    let mut j = i;
                    while j < buf.len() && buf[j].0 == b {
                        shared.push(buf[j].1);
                        j += 1;
                    }
                    pairs.push((a as u32, b));
                    counts.push((j - i) as u32);
                    i = j;
                }
            }
            (pairs, counts, shared)
        })
        .collect();
    let total_pairs: usize = chunks.iter().map(|c| c.0.len()).sum();
    let total_shared: usize = chunks.iter().map(|c| c.2.len()).sum();
    let mut out = CoMembership {
        pairs: Vec::with_capacity(total_pairs),
        shared: Rows::default(),
    };
    let mut offsets = Vec::with_capacity(total_pairs + 1);
    offsets.push(0usize);
    let mut items = Vec::with_capacity(total_shared);
    for (pairs, counts, shared) in chunks {
        out.pairs.extend(pairs);
        for c in counts {
            offsets.push(offsets.last().copied().unwrap_or(0) + c as usize);
        }
        items.extend(shared);
    }
    out.shared = Rows::from_offsets(offsets, items);
    out
}
