//! Counts of the expensive steps run on the current thread: projections,
//! adjacency builds, components, mixing matrices, community detections and
//! betweenness runs. They let tests check that an `Analysis` computes each
//! result once, however many tables, maps and report sections use it.

use std::cell::Cell;

/// An expensive step of an analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A projection of a two-mode graph onto its actors.
    Projection,
    /// An adjacency built from a network's ties (each projection makes
    /// one, [`crate::graph::Projection::adjacency`]); path metrics'
    /// reordered working copies are not counted.
    Adjacency,
    /// Connected components of a network.
    Components,
    /// A mixing matrix (ties within and between groups).
    Mixing,
    /// A community detection (Leiden or Louvain).
    Community,
    /// A betweenness computation (exact or sampled).
    Betweenness,
}

const STEPS: usize = 6;

thread_local! {
    static COUNTS: [Cell<usize>; STEPS] = const { [const { Cell::new(0) }; STEPS] };
}

/// What has been computed on this thread since the last [`reset`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Projections made.
    pub projections: usize,
    /// Adjacencies built from ties.
    pub adjacency_builds: usize,
    /// Component labellings.
    pub components: usize,
    /// Mixing matrices.
    pub mixing: usize,
    /// Community detections run.
    pub community_runs: usize,
    /// Betweenness computations.
    pub betweenness: usize,
}

/// The counts of this thread.
pub fn counts() -> Counts {
    COUNTS.with(|c| Counts {
        projections: c[Step::Projection as usize].get(),
        adjacency_builds: c[Step::Adjacency as usize].get(),
        components: c[Step::Components as usize].get(),
        mixing: c[Step::Mixing as usize].get(),
        community_runs: c[Step::Community as usize].get(),
        betweenness: c[Step::Betweenness as usize].get(),
    })
}

/// Sets this thread's counts to zero.
pub fn reset() {
    COUNTS.with(|c| c.iter().for_each(|x| x.set(0)));
}

/// Counts one run of `step` on this thread.
pub(crate) fn count(step: Step) {
    COUNTS.with(|c| {
        let x = &c[step as usize];
        x.set(x.get() + 1);
    });
}
