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

/// One chunk of members: its pairs, the number of groups each shares, and
/// those groups.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chunk {
    pairs: Vec<(u32, u32)>,
    counts: Vec<u32>,
    shared: Vec<u32>,
}

/// Every co-membership, as the chunks of members it was found in, in
/// member order. Reading them through [`Chunks::iter`] avoids copying
/// them into one [`CoMembership`] first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chunks {
    chunks: Vec<Chunk>,
}

impl Chunks {
    /// Number of pairs.
    pub fn pair_count(&self) -> usize {
        self.chunks.iter().map(|c| c.pairs.len()).sum()
    }

    /// Number of (pair, shared group) entries.
    pub fn shared_count(&self) -> usize {
        self.chunks.iter().map(|c| c.shared.len()).sum()
    }

    /// The pairs in ascending order, each with its shared groups.
    pub fn iter(&self) -> impl Iterator<Item = ((u32, u32), &[u32])> {
        self.chunks.iter().flat_map(|chunk| {
            let mut start = 0usize;
            chunk
                .pairs
                .iter()
                .zip(&chunk.counts)
                .map(move |(&pair, &count)| {
                    let groups = &chunk.shared[start..start + count as usize];
                    start += count as usize;
                    (pair, groups)
                })
        })
    }

    /// The chunks joined into one [`CoMembership`].
    pub fn joined(self) -> CoMembership {
        let mut out = CoMembership {
            pairs: Vec::with_capacity(self.pair_count()),
            shared: Rows::default(),
        };
        let mut offsets = Vec::with_capacity(out.pairs.capacity() + 1);
        offsets.push(0usize);
        let mut items = Vec::with_capacity(self.shared_count());
        for chunk in self.chunks {
            out.pairs.extend(chunk.pairs);
            for c in chunk.counts {
                offsets.push(offsets.last().copied().unwrap_or(0) + c as usize);
            }
            items.extend(chunk.shared);
        }
        out.shared = Rows::from_offsets(offsets, items);
        out
    }
}

/// Finds every co-membership, joined into one list.
///
/// Complexity: that of [`co_membership_chunks`].
pub(crate) fn co_membership(memberships: &Rows, groups: &Rows) -> CoMembership {
    co_membership_chunks(memberships, groups).joined()
}

/// Finds every co-membership.
///
/// `memberships` maps a member to its groups and `groups` a group to its
/// members, both ascending. Work is split over members in fixed chunks and
/// kept in order, so the result is the same on any number of threads.
///
/// Complexity: O(Σ_g |g|² log |g|) time over groups g, and memory for the
/// output (one entry per pair and shared group).
pub(crate) fn co_membership_chunks(memberships: &Rows, groups: &Rows) -> Chunks {
    let n = memberships.len();
    let chunks = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| chunk(memberships, groups, c))
        .collect();
    Chunks { chunks }
}

/// Calls `each` with every co-membership pair, in ascending order, and
/// the groups it shares, without holding them all: chunks are found in
/// parallel a block at a time, and a block is freed before the next is
/// found. The calls are the same on any number of threads.
///
/// Complexity: that of [`co_membership_chunks`]; memory for one block.
pub(crate) fn for_each_co_membership(
    memberships: &Rows,
    groups: &Rows,
    mut each: impl FnMut((u32, u32), &[u32]),
) {
    // Enough chunks per block to keep every thread busy.
    const BLOCK: usize = 64;
    let count = memberships.len().div_ceil(CHUNK);
    for start in (0..count).step_by(BLOCK) {
        let block = Chunks {
            chunks: (start..(start + BLOCK).min(count))
                .into_par_iter()
                .map(|c| chunk(memberships, groups, c))
                .collect(),
        };
        for (pair, shared) in block.iter() {
            each(pair, shared);
        }
    }
}

/// Members in one chunk.
const CHUNK: usize = 1024;

/// The co-memberships of the members of chunk `c` with higher members.
fn chunk(memberships: &Rows, groups: &Rows, c: usize) -> Chunk {
    let n = memberships.len();
    let mut chunk = Chunk::default();
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
                chunk.shared.push(buf[j].1);
                j += 1;
            }
            chunk.pairs.push((a as u32, b));
            chunk.counts.push((j - i) as u32);
            i = j;
        }
    }
    chunk
}
