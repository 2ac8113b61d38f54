//! The shared core of both projections: for every pair of members that
//! share at least one group, the groups they share.

use super::csr::Rows;
use rayon::prelude::*;

/// One chunk of members: its pairs, the number of groups each shares, and
/// those groups.
#[derive(Debug, Clone, Default)]
struct Chunk {
    pairs: Vec<(u32, u32)>,
    counts: Vec<u32>,
    shared: Vec<u32>,
}

impl Chunk {
    /// The pairs in ascending order, each with its shared groups.
    fn iter(&self) -> impl Iterator<Item = ((u32, u32), &[u32])> {
        let mut start = 0usize;
        self.pairs
            .iter()
            .zip(&self.counts)
            .map(move |(&pair, &count)| {
                let groups = &self.shared[start..start + count as usize];
                start += count as usize;
                (pair, groups)
            })
    }
}

/// Calls `each` with every pair `(a, b)`, `a < b`, of members that share a
/// group, in ascending order, and the ascending groups they share.
///
/// `memberships` maps a member to its groups and `groups` a group to its
/// members, both ascending. Members are split into fixed chunks, found in
/// parallel a block of chunks at a time and handed over in order; a block
/// is freed before the next is found, so the pairs are never all held.
/// The calls are the same on any number of threads.
///
/// Complexity: O(Σ_g |g|² log |g|) time over groups g; memory for one
/// block's pairs.
pub(crate) fn for_each_co_membership(
    memberships: &Rows,
    groups: &Rows,
    mut each: impl FnMut((u32, u32), &[u32]),
) {
    // Enough chunks per block to keep every thread busy.
    const BLOCK: usize = 64;
    let count = memberships.len().div_ceil(CHUNK);
    for start in (0..count).step_by(BLOCK) {
        let block: Vec<Chunk> = (start..(start + BLOCK).min(count))
            .into_par_iter()
            .map(|c| chunk(memberships, groups, c))
            .collect();
        for (pair, shared) in block.iter().flat_map(Chunk::iter) {
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
