//! Network metrics on the projection.
//!
//! Per-actor results are vectors indexed by actor position, which is actor
//! id order ([`crate::graph::Projection::actor`] gives the actor), so every
//! result has a fixed order.

pub mod brokerage;
pub mod centrality;
pub mod clustering;
pub mod cohesion;
pub mod community;
pub mod core;
pub mod metric;
pub mod mixing;
pub mod paths;
pub mod reach;
pub mod sampled_betweenness;
pub mod structural_holes;
mod summary;
pub mod warning;

pub use metric::{ActorMetrics, Metric, MetricValue};
pub use paths::PathLength;
pub use summary::{NetworkSummary, EXACT_PATH_LIMIT, PATH_SAMPLE};
