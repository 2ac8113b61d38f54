//! Network metrics on the projection.
//!
//! Per-actor results are vectors indexed by actor position, which is actor
//! id order ([`crate::graph::Projection::actor`] gives the actor), so every
//! result has a fixed order.

mod actor_metrics;
pub mod brokerage;
pub mod centrality;
pub mod clustering;
pub mod cohesion;
pub mod community;
pub mod core;
pub mod mixing;
pub mod paths;
pub mod structural_holes;
mod summary;

pub use actor_metrics::{
    actor_metrics, group_values, parse_metrics, ActorMetrics, ActorMetricsOptions, MetricProgress,
    MetricValue, ACTOR_METRICS,
};
pub use paths::PathLength;
pub use summary::{summarize, NetworkSummary, SummaryOptions};
