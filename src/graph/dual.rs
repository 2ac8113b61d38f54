//! The dual projection: engagements linked through the actors they share.

use super::comembership::for_each_co_membership;
use super::csr::Rows;
use super::two_mode::TwoModeGraph;
use crate::error::{Error, Result};

/// One engagement–engagement tie (positions in the two-mode graph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementTie {
    /// Lower engagement position.
    pub source: u32,
    /// Higher engagement position.
    pub target: u32,
    /// Number of actors taking part in both.
    pub shared: u32,
}

/// "Which projects are connected": engagements tied by shared actors, with
/// the actors behind each tie.
#[derive(Debug, Clone)]
pub struct DualProjection<'g, 'a> {
    graph: &'g TwoModeGraph<'a>,
    ties: Vec<EngagementTie>,
    behind: Rows,
}

impl<'g, 'a> DualProjection<'g, 'a> {
    /// Projects the engagements of a two-mode graph, when they make at
    /// most `max_ties` ties by [`TwoModeGraph::dual_pair_bound`] (an
    /// actor in k engagements makes up to k(k − 1)/2 of them).
    ///
    /// # Errors
    ///
    /// [`Error::TooManyEngagementTies`] when the bound exceeds `max_ties`,
    /// before anything is built.
    pub fn new(graph: &'g TwoModeGraph<'a>, max_ties: u64) -> Result<DualProjection<'g, 'a>> {
        let (estimate, actors) = graph.dual_pair_bound();
        if estimate > max_ties {
            return Err(Error::TooManyEngagementTies {
                estimate,
                limit: max_ties,
                actors,
                memory: crate::memory::budget().describe(),
            });
        }
        let mut ties = Vec::new();
        let mut behind = Rows::default();
        for_each_co_membership(
            graph.member_rows(),
            graph.membership_rows(),
            |(source, target), actors| {
                ties.push(EngagementTie {
                    source,
                    target,
                    shared: actors.len() as u32,
                });
                behind.push_row(actors.iter().copied());
            },
        );
        Ok(DualProjection {
            graph,
            ties,
            behind,
        })
    }

    /// The two-mode graph.
    pub fn two_mode(&self) -> &'g TwoModeGraph<'a> {
        self.graph
    }

    /// The ties in (source, target) order.
    pub fn ties(&self) -> &[EngagementTie] {
        &self.ties
    }

    /// Actor positions behind tie `t`.
    pub fn actors_behind(&self, t: usize) -> &[u32] {
        self.behind.row(t)
    }
}
