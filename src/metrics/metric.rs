//! The per-actor metrics by name: the [`Metric`] enum, its values and the
//! table of several.

use crate::error::{Error, Result};
use std::fmt;
use std::str::FromStr;

/// A per-actor metric. The order of [`Metric::ALL`] is the column order of
/// every table; [`Metric::name`] is the column and JSON key.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Metric {
    /// Distinct neighbours.
    Degree,
    /// Sum of tie weights.
    Strength,
    /// Brandes betweenness, normalised.
    Betweenness,
    /// Closeness (Wasserman–Faust for disconnected networks).
    Closeness,
    /// Harmonic centrality, normalised by n − 1.
    Harmonic,
    /// Eigenvector centrality on weights.
    Eigenvector,
    /// Weighted PageRank, α = 0.85.
    #[strum(serialize = "pagerank")]
    PageRank,
    /// Katz centrality on weights.
    Katz,
    /// Local clustering coefficient.
    Clustering,
    /// Burt's constraint.
    Constraint,
    /// Burt's effective size.
    EffectiveSize,
    /// k-core number.
    Core,
    /// Community number (1 = largest).
    Community,
    /// Gould–Fernandez coordinator role count.
    Coordinator,
    /// Gould–Fernandez itinerant role count.
    Itinerant,
    /// Gould–Fernandez gatekeeper and representative role count.
    GatekeeperRepresentative,
    /// Gould–Fernandez liaison role count.
    Liaison,
    /// All open pairs an actor links.
    BrokerageTotal,
    /// Distinct target groups and participants its engagements reach.
    Reach,
}

impl Metric {
    /// Every metric, in output order.
    pub const ALL: [Metric; 19] = [
        Metric::Degree,
        Metric::Strength,
        Metric::Betweenness,
        Metric::Closeness,
        Metric::Harmonic,
        Metric::Eigenvector,
        Metric::PageRank,
        Metric::Katz,
        Metric::Clustering,
        Metric::Constraint,
        Metric::EffectiveSize,
        Metric::Core,
        Metric::Community,
        Metric::Coordinator,
        Metric::Itinerant,
        Metric::GatekeeperRepresentative,
        Metric::Liaison,
        Metric::BrokerageTotal,
        Metric::Reach,
    ];

    /// The column name and JSON key.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Position in [`Metric::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the metric is one of the Gould–Fernandez brokerage counts.
    pub fn is_brokerage(self) -> bool {
        (Metric::Coordinator..=Metric::BrokerageTotal).contains(&self)
    }

    /// Parses a comma-separated list of metric names (`all` for every
    /// one), keeping [`Metric::ALL`] order.
    pub fn parse_list(list: &str) -> Result<Vec<Metric>> {
        let mut wanted = Vec::new();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if name == "all" {
                return Ok(Metric::ALL.to_vec());
            }
            wanted.push(name.parse::<Metric>()?);
        }
        if wanted.is_empty() {
            return Err(Error::invalid(
                "metrics",
                list,
                "a comma-separated list of metric names",
            ));
        }
        Ok(Metric::ALL
            .into_iter()
            .filter(|m| wanted.contains(m))
            .collect())
    }
}

impl FromStr for Metric {
    type Err = Error;

    fn from_str(s: &str) -> Result<Metric> {
        crate::named::parse("metric", s)
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
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

    pub(crate) fn floats(values: Vec<f64>) -> Vec<MetricValue> {
        values.into_iter().map(MetricValue::Float).collect()
    }

    pub(crate) fn ints(values: impl IntoIterator<Item = usize>) -> Vec<MetricValue> {
        values
            .into_iter()
            .map(|v| MetricValue::Int(v as i64))
            .collect()
    }

    pub(crate) fn optional(values: Vec<Option<f64>>) -> Vec<MetricValue> {
        values
            .into_iter()
            .map(|v| v.map_or(MetricValue::Missing, MetricValue::Float))
            .collect()
    }
}

/// Several metrics of every actor: `values[i][actor]` is the value of
/// `columns[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMetrics {
    /// The metrics, in [`Metric::ALL`] order.
    pub columns: Vec<Metric>,
    /// One vector per column, one value per actor position.
    pub values: Vec<Vec<MetricValue>>,
    /// The Katz α used, when `katz` was computed.
    pub katz_alpha: Option<f64>,
    /// The modularity of the communities, when `community` was computed.
    pub modularity: Option<f64>,
}

impl ActorMetrics {
    /// The values of `metric`, if it is a column.
    pub fn column(&self, metric: Metric) -> Option<&[MetricValue]> {
        let i = self.columns.iter().position(|&m| m == metric)?;
        Some(&self.values[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_lists_keep_the_fixed_order() {
        for m in Metric::ALL {
            assert_eq!(m.name().parse::<Metric>().unwrap(), m);
            assert_eq!(Metric::ALL[m.index()], m);
        }
        assert_eq!(
            Metric::parse_list("pagerank, degree").unwrap(),
            [Metric::Degree, Metric::PageRank]
        );
        assert!(matches!(
            Metric::parse_list("degre"),
            Err(Error::InvalidParameter { name: "metric", .. })
        ));
    }
}
