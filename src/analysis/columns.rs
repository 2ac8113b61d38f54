//! Computing one metric's column for every actor: which algorithm, on
//! which weights, with which options, and what to do when an iterative
//! one does not converge.

use super::Analysis;
use crate::error::Result;
use crate::graph::{on_adjacency, Adjacency};
use crate::metrics::centrality::{
    betweenness, closeness, eigenvector, eigenvector_within_parts, harmonic, katz, pagerank,
    BetweennessOptions, PageRankOptions,
};
use crate::metrics::clustering::clustering;
use crate::metrics::core::core_number;
use crate::metrics::structural_holes::{constraint, effective_size};
use crate::metrics::warning::Caveat;
use crate::metrics::{Metric, MetricValue, PathLength};

impl Analysis<'_> {
    /// The column of `metric`: one arm per metric, each a call of its
    /// algorithm (a flat dispatch, longer than our 80 lines only because
    /// there are 22 metrics).
    pub(super) fn compute(&self, metric: Metric) -> Result<Vec<MetricValue>> {
        // Built on first use: the degree needs only the ties.
        let adjacency = || self.adjacency();
        let n = self.actor_count();
        let length = self.options.length;
        let report =
            |name: &'static str| self.progress.map(|p| move |done: usize| p(name, done, n));
        Ok(match metric {
            Metric::Degree => MetricValue::ints(self.projection().degrees()),
            Metric::Strength => {
                MetricValue::floats(on_adjacency!(adjacency(), |rows| rows.strengths()))
            }
            Metric::Betweenness if self.options.betweenness_sample.is_some() => {
                let sample = self.options.betweenness_sample.expect("checked");
                if length != PathLength::Hops {
                    return Err(crate::error::Error::invalid(
                        "sample",
                        sample.epsilon,
                        "unweighted path lengths: sampled betweenness follows hop paths",
                    ));
                }
                let (values, done) = on_adjacency!(adjacency(), |rows| {
                    crate::metrics::sampled_betweenness::sampled_betweenness(rows, &sample)
                })?;
                if let Ok(mut list) = self.computing_caveats.lock() {
                    list.push(Caveat::SampledBetweenness {
                        samples: done.samples,
                        seed: sample.seed,
                        epsilon: sample.epsilon,
                        delta: sample.delta,
                    });
                }
                MetricValue::floats(values)
            }
            Metric::Betweenness => {
                let r = report("betweenness");
                let options = BetweennessOptions {
                    length,
                    normalized: true,
                };
                MetricValue::floats(on_adjacency!(adjacency(), |rows| {
                    betweenness(rows, options, r.as_ref().map(|f| f as _))
                }))
            }
            Metric::Closeness => {
                let r = report("closeness");
                let groups = self.path_groups();
                MetricValue::floats(on_adjacency!(adjacency(), |rows| {
                    closeness(rows, length, Some(&groups), r.as_ref().map(|f| f as _))
                }))
            }
            Metric::Harmonic => {
                let r = report("harmonic");
                let groups = self.path_groups();
                MetricValue::floats(on_adjacency!(adjacency(), |rows| {
                    harmonic(rows, length, Some(&groups), r.as_ref().map(|f| f as _))
                }))
            }
            Metric::Eigenvector => self.converged(
                metric,
                on_adjacency!(self.iterative(), |rows| eigenvector(rows)),
            )?,
            Metric::PageRank => self.converged(
                metric,
                on_adjacency!(self.iterative(), |rows| {
                    pagerank(rows, PageRankOptions::default())
                }),
            )?,
            Metric::Katz => {
                // A given α belongs to the weights as they are.
                let weights = if self.options.katz.alpha.is_some() {
                    adjacency()
                } else {
                    self.iterative()
                };
                let result = on_adjacency!(weights, |rows| katz(rows, self.options.katz));
                let result = result.map(|(values, alpha)| {
                    let _ = self.katz_alpha.set(alpha);
                    values
                });
                self.converged(metric, result)?
            }
            Metric::Clustering => {
                MetricValue::floats(on_adjacency!(adjacency(), |rows| clustering(rows)))
            }
            Metric::Constraint => {
                MetricValue::optional(on_adjacency!(adjacency(), |rows| constraint(rows)))
            }
            Metric::EffectiveSize => {
                MetricValue::optional(on_adjacency!(adjacency(), |rows| effective_size(rows)))
            }
            Metric::Core => MetricValue::ints(on_adjacency!(adjacency(), |rows| core_number(rows))),
            Metric::Community => {
                MetricValue::ints(self.partition()?.membership.iter().map(|c| c + 1))
            }
            Metric::Coordinator => {
                MetricValue::ints(self.brokerage().iter().map(|b| b.coordinator))
            }
            Metric::Itinerant => MetricValue::ints(self.brokerage().iter().map(|b| b.itinerant)),
            Metric::GatekeeperRepresentative => {
                MetricValue::ints(self.brokerage().iter().map(|b| b.gatekeeper_representative))
            }
            Metric::Liaison => MetricValue::ints(self.brokerage().iter().map(|b| b.liaison)),
            Metric::BrokerageTotal => MetricValue::ints(self.brokerage().iter().map(|b| b.total())),
            Metric::Reach => MetricValue::ints(self.reach().per_actor.iter().copied()),
        })
    }

    /// Groups of actors tied pairwise, each member with a half length such
    /// that two members who share only that group's engagement are at the
    /// sum of their halves: a hint that lets weighted searches walk a
    /// project's ties once per source, or through one hub, instead of once
    /// per partner (`CliqueCover` and `HubGraph` in the path searches,
    /// which check every group and use only those that hold; the values
    /// are the same without it). Each engagement's tie groups; the half
    /// lengths are ½ with count weights (a pair that shares one project is
    /// at 1), (k − 1)/2 with Newman's for k partners, and a − ½ with
    /// Jaccard's for a partner of a engagements (a pair that shares one
    /// project is at a + b − 1).
    fn path_groups(&self) -> crate::graph::Csr<f64> {
        let graph = self.projection().two_mode();
        let groups = graph.tie_groups();
        let weighting = self.projection().weighting();
        let half = |g: usize, a: u32| match weighting {
            crate::graph::ProjectionWeight::Count => 0.5,
            crate::graph::ProjectionWeight::Newman => {
                let engagement = graph.tie_group(g).0;
                (graph.members(engagement).len() as f64 - 1.0) / 2.0
            }
            crate::graph::ProjectionWeight::Jaccard => {
                graph.engagements_of(a as usize).len() as f64 - 0.5
            }
        };
        crate::graph::Csr::from_weighted_rows(
            (0..groups.len()).map(|g| groups.row(g).iter().map(|&a| (a, half(g, a))).collect()),
        )
    }

    /// Eigenvector centrality within each separate part of the network (a
    /// part's values have unit norm), for lists that compare actors of
    /// several parts: on the whole network a part with a smaller spectral
    /// radius is all zeros.
    ///
    /// # Errors
    ///
    /// [`crate::Error::NoConvergence`] when the iteration does not converge.
    pub fn eigenvector_within_parts(&self) -> Result<Vec<f64>> {
        on_adjacency!(self.iterative(), |rows| {
            eigenvector_within_parts(rows, self.components())
        })
    }

    /// The adjacency for the iterative metrics (eigenvector, PageRank, Katz
    /// with its default α, all unchanged by scaling the weights): weights
    /// far from 1 are rescaled by the largest, so that tiny or huge weights
    /// cannot stall the iteration.
    fn iterative(&self) -> &Adjacency {
        let scaled = self.scaled.get_or_init(|| {
            on_adjacency!(self.adjacency(), |rows| {
                let max = (0..rows.len())
                    .flat_map(|v| rows.weighted(v).map(|(_, w)| w))
                    .fold(0.0, f64::max);
                if max == 0.0 || (1e-3..=1e3).contains(&max) {
                    return None;
                }
                // The same rows, each weight divided by the largest.
                let weights = rows
                    .all_weights()
                    .iter()
                    .map(|&w| Into::<f64>::into(w) / max);
                Some(Adjacency::Wide(rows.with_weights(weights.collect())))
            })
        });
        // Weights near 1 are used as they are.
        scaled.as_ref().unwrap_or_else(|| self.adjacency())
    }

    /// The values of an iterative metric; when it does not converge, a
    /// column of missing values and a warning, so that every other column
    /// is still written.
    fn converged(&self, metric: Metric, result: Result<Vec<f64>>) -> Result<Vec<MetricValue>> {
        match result {
            Ok(values) => Ok(MetricValue::floats(values)),
            Err(crate::error::Error::NoConvergence { iterations, .. }) => {
                if let Ok(mut list) = self.computing_caveats.lock() {
                    list.push(Caveat::DidNotConverge { metric, iterations });
                }
                Ok(vec![MetricValue::Missing; self.actor_count()])
            }
            Err(e) => Err(e),
        }
    }
}
