//! Counts of the expensive steps run on the current thread: adjacency
//! builds and community detections. They let tests check that an
//! `Analysis` computes each result once, however many tables, maps
//! and report sections use it.

use std::cell::Cell;

thread_local! {
    static ADJACENCY_BUILDS: Cell<usize> = const { Cell::new(0) };
    static COMMUNITY_RUNS: Cell<usize> = const { Cell::new(0) };
}

/// What has been computed on this thread since the last [`reset`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Adjacencies of a network built from its ties
    /// ([`crate::graph::Projection::adjacency`]); path metrics' reordered
    /// working copies are not counted.
    pub adjacency_builds: usize,
    /// Community detections run (Leiden or Louvain).
    pub community_runs: usize,
}

/// The counts of this thread.
pub fn counts() -> Counts {
    Counts {
        adjacency_builds: ADJACENCY_BUILDS.with(Cell::get),
        community_runs: COMMUNITY_RUNS.with(Cell::get),
    }
}

/// Sets this thread's counts to zero.
pub fn reset() {
    ADJACENCY_BUILDS.with(|c| c.set(0));
    COMMUNITY_RUNS.with(|c| c.set(0));
}

pub(crate) fn count_adjacency_build() {
    ADJACENCY_BUILDS.with(|c| c.set(c.get() + 1));
}

pub(crate) fn count_community_run() {
    COMMUNITY_RUNS.with(|c| c.set(c.get() + 1));
}
