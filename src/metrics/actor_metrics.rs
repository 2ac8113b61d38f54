//! The per-actor metric table behind `verkosto actors`: any selection of
//! the metrics, computed once each, in a fixed column order.

use super::brokerage::gould_fernandez;
use super::centrality::{
    betweenness, closeness, degree, eigenvector, harmonic, katz, pagerank, strength,
    BetweennessOptions, KatzOptions, PageRankOptions,
};
use super::clustering::clustering;
use super::community::{detect, CommunityOptions};
use super::core::core_number;
use super::mixing::group_index;
use super::structural_holes::{constraint, effective_size};
use super::PathLength;
use crate::error::{Error, Result};
use crate::graph::Projection;

/// Every per-actor metric, in output order. JSON keys are these names.
pub const ACTOR_METRICS: &[&str] = &[
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "katz",
    "clustering",
    "constraint",
    "effective_size",
    "core",
    "community",
    "coordinator",
    "itinerant",
    "gatekeeper_representative",
    "liaison",
    "brokerage_total",
];

/// Reports progress of long computations: (metric, done, total).
pub type MetricProgress<'a> = &'a (dyn Fn(&'static str, usize, usize) + Sync);

/// What to compute and how.
#[derive(Clone, Default)]
pub struct ActorMetricsOptions<'a> {
    /// Metric names from [`ACTOR_METRICS`]; empty means all.
    pub metrics: Vec<String>,
    /// Path lengths for betweenness, closeness and harmonic centrality.
    pub length: PathLength,
    /// The actor attribute that defines groups for brokerage (`kind` when
    /// empty).
    pub group: String,
    /// Community detection for the `community` column.
    pub community: CommunityOptions,
    /// Katz α.
    pub katz: KatzOptions,
    /// Progress of the path-based metrics, if wanted.
    pub progress: Option<MetricProgress<'a>>,
}

/// One value of one metric for one actor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MetricValue {
    /// A count or a number (community numbers start at 1).
    Int(i64),
    /// A real value.
    Float(f64),
    /// Undefined for this actor (an isolate's constraint).
    Missing,
}

impl MetricValue {
    /// The value as a number; `None` when missing.
    pub fn as_f64(self) -> Option<f64> {
        match self {
            MetricValue::Int(v) => Some(v as f64),
            MetricValue::Float(v) => Some(v),
            MetricValue::Missing => None,
        }
    }
}

/// The computed table: `columns[i]` has the values `values[i][actor]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMetrics {
    /// Metric names, in [`ACTOR_METRICS`] order.
    pub columns: Vec<&'static str>,
    /// One vector per column, one value per actor position.
    pub values: Vec<Vec<MetricValue>>,
    /// The Katz α used, when `katz` was computed.
    pub katz_alpha: Option<f64>,
    /// The modularity of the communities, when `community` was computed.
    pub modularity: Option<f64>,
}

/// Checks a `--metrics` list against [`ACTOR_METRICS`].
pub fn parse_metrics(list: &str) -> Result<Vec<String>> {
    let names: Vec<String> = list
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    for name in &names {
        if !ACTOR_METRICS.contains(&name.as_str()) {
            return Err(Error::Option(format!(
                "unknown metric {name:?}; expected some of: {}",
                ACTOR_METRICS.join(", ")
            )));
        }
    }
    Ok(names)
}

/// Each actor's value of `key` (`kind`, `region`, an attribute…), with
/// `(none)` where the actor has none.
pub fn group_values(projection: &Projection<'_>, key: &str) -> Vec<String> {
    (0..projection.actor_count())
        .map(|a| {
            projection
                .actor(a)
                .group_value(key)
                .unwrap_or_else(|| "(none)".to_string())
        })
        .collect()
}

fn floats(values: Vec<f64>) -> Vec<MetricValue> {
    values.into_iter().map(MetricValue::Float).collect()
}

fn ints(values: impl IntoIterator<Item = usize>) -> Vec<MetricValue> {
    values
        .into_iter()
        .map(|v| MetricValue::Int(v as i64))
        .collect()
}

fn optional(values: Vec<Option<f64>>) -> Vec<MetricValue> {
    values
        .into_iter()
        .map(|v| v.map_or(MetricValue::Missing, MetricValue::Float))
        .collect()
}

/// Computes the selected metrics of every actor.
pub fn actor_metrics(
    projection: &Projection<'_>,
    options: &ActorMetricsOptions<'_>,
) -> Result<ActorMetrics> {
    let wanted =
        |name: &str| options.metrics.is_empty() || options.metrics.iter().any(|m| m == name);
    let adjacency = projection.adjacency();
    let n = adjacency.node_count();
    let group_key = if options.group.is_empty() {
        "kind"
    } else {
        options.group.as_str()
    };
    let mut out = ActorMetrics {
        columns: Vec::new(),
        values: Vec::new(),
        katz_alpha: None,
        modularity: None,
    };
    let report = |metric: &'static str| {
        options
            .progress
            .map(|p| move |done: usize| p(metric, done, n))
    };
    let brokerage_names = [
        "coordinator",
        "itinerant",
        "gatekeeper_representative",
        "liaison",
        "brokerage_total",
    ];
    let brokerage = if brokerage_names.iter().any(|m| wanted(m)) {
        let (_, group) = group_index(&group_values(projection, group_key));
        Some(gould_fernandez(&adjacency, &group))
    } else {
        None
    };
    for &name in ACTOR_METRICS {
        if !wanted(name) {
            continue;
        }
        let column = match name {
            "degree" => ints(degree(&adjacency)),
            "strength" => floats(strength(&adjacency)),
            "betweenness" => {
                let r = report("betweenness");
                floats(betweenness(
                    &adjacency,
                    BetweennessOptions {
                        length: options.length,
                        normalized: true,
                    },
                    r.as_ref().map(|f| f as &(dyn Fn(usize) + Sync)),
                ))
            }
            "closeness" => {
                let r = report("closeness");
                floats(closeness(
                    &adjacency,
                    options.length,
                    r.as_ref().map(|f| f as &(dyn Fn(usize) + Sync)),
                ))
            }
            "harmonic" => {
                let r = report("harmonic");
                floats(harmonic(
                    &adjacency,
                    options.length,
                    r.as_ref().map(|f| f as &(dyn Fn(usize) + Sync)),
                ))
            }
            "eigenvector" => floats(eigenvector(&adjacency)?),
            "pagerank" => floats(pagerank(&adjacency, PageRankOptions::default())?),
            "katz" => {
                let (values, alpha) = katz(&adjacency, options.katz)?;
                out.katz_alpha = Some(alpha);
                floats(values)
            }
            "clustering" => floats(clustering(&adjacency)),
            "constraint" => optional(constraint(&adjacency)),
            "effective_size" => optional(effective_size(&adjacency)),
            "core" => ints(core_number(&adjacency)),
            "community" => {
                let partition = detect(&adjacency, &options.community)?;
                out.modularity = Some(partition.modularity);
                ints(partition.membership.iter().map(|c| c + 1))
            }
            other => {
                let counts = brokerage.as_ref().expect("computed above");
                ints(counts.iter().map(|b| match other {
                    "coordinator" => b.coordinator,
                    "itinerant" => b.itinerant,
                    "gatekeeper_representative" => b.gatekeeper_representative,
                    "liaison" => b.liaison,
                    _ => b.total(),
                }))
            }
        };
        debug_assert_eq!(column.len(), n);
        out.columns.push(name);
        out.values.push(column);
    }
    Ok(out)
}
