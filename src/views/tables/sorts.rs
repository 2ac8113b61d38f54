//! The orders of the tables and what the actor table shows.

use crate::error::{Error, Result};
use crate::metrics::Metric;
use std::str::FromStr;

/// The order of the actor table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorSort {
    /// By id (the default).
    #[default]
    Id,
    /// By name.
    Name,
    /// By kind.
    Kind,
    /// By number of engagements, most first.
    Engagements,
    /// By a metric, highest first.
    Metric(Metric),
}

impl FromStr for ActorSort {
    type Err = Error;

    fn from_str(s: &str) -> Result<ActorSort> {
        Ok(match s {
            "id" => ActorSort::Id,
            "name" => ActorSort::Name,
            "kind" => ActorSort::Kind,
            "engagements" => ActorSort::Engagements,
            other => ActorSort::Metric(other.parse().map_err(|_| {
                Error::invalid(
                    "sort",
                    other,
                    "id, name, kind, engagements or a metric name",
                )
            })?),
        })
    }
}

/// What the actor table shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorTableOptions {
    /// The metrics (all when empty).
    pub metrics: Vec<Metric>,
    /// Row order.
    pub sort: ActorSort,
    /// Only the first rows after sorting.
    pub top: Option<usize>,
}

/// The order of the broker table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum BrokerSort {
    /// All open pairs linked, most first (the default).
    #[default]
    BrokerageTotal,
    /// Pairs separated by the actor's departure.
    SeparatedPairs,
    /// Pairs of contacts only the actor links.
    SoleBrokerPairs,
    /// Burt's effective size, highest first.
    EffectiveSize,
    /// Burt's constraint, lowest first.
    Constraint,
    /// Gould–Fernandez coordinator count.
    Coordinator,
    /// Gould–Fernandez itinerant count.
    Itinerant,
    /// Gould–Fernandez gatekeeper and representative count.
    GatekeeperRepresentative,
    /// Gould–Fernandez liaison count.
    Liaison,
    /// By id.
    Id,
}

impl FromStr for BrokerSort {
    type Err = Error;

    fn from_str(s: &str) -> Result<BrokerSort> {
        crate::named::parse("sort", s)
    }
}

/// The order of the tie tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum TieSort {
    /// Heaviest first (the default); pair order among equals.
    #[default]
    Weight,
    /// By (source, target) position.
    Pair,
}

impl FromStr for TieSort {
    type Err = Error;

    fn from_str(s: &str) -> Result<TieSort> {
        crate::named::parse("sort", s)
    }
}
