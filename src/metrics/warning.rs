//! Caveats that travel with the figures: the conditions without which a
//! number misleads (one engagement makes most ties, separate islands,
//! groups too small for a density, rankings where most actors tie,
//! centrality that rests only on being listed).
//!
//! A [`Caveat`] is data: a kind, its subjects and its numbers, in no
//! language. The views put it into words as a [`Warning`] (a code, a
//! sentence and the subjects' ids), once per language asked for.

use crate::metrics::Metric;
use serde_json::{json, Value};

/// A separate part of the network: its number of actors and the project
/// (name, id) that makes more than half of its ties, if one does.
pub type NetworkPart = (usize, Option<(String, String)>);

/// How a dominant engagement makes its ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Most of its ties involve an actor on its member list.
    Members,
    /// Most of its ties involve an actor of its target group.
    Targets,
}

/// A side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The earlier network.
    Before,
    /// The later network.
    After,
}

/// One caveat, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Caveat {
    /// `dominant_engagement`: one engagement makes `count` of the `ties`.
    DominantEngagement {
        /// The engagement's id.
        id: String,
        /// Its name.
        name: String,
        /// Ties it makes.
        count: usize,
        /// Ties of the network.
        ties: usize,
        /// Whether they come from a member list or target group.
        listing: Option<Listing>,
    },
    /// `separate_components`: the network falls into parts.
    SeparateComponents {
        /// Parts of two or more actors, largest first.
        parts: Vec<NetworkPart>,
        /// Actors without ties.
        isolated: usize,
    },
    /// `small_group`: groups below [`SMALL_GROUP`] actors.
    SmallGroups {
        /// The grouping attribute (`kind`, `region`, …).
        key: String,
        /// (group, actors) of each small group.
        groups: Vec<(String, usize)>,
    },
    /// `group_spellings`: values of the grouping attribute that differ
    /// only in case, spacing or diacritics.
    GroupSpellings {
        /// The grouping attribute.
        key: String,
        /// Each set of spellings of one value, most common first.
        spellings: Vec<Vec<String>>,
    },
    /// `listed_only_centrality`: actors tied only by being listed.
    ListedOnly {
        /// Their (id, name), in network order.
        actors: Vec<(String, String)>,
    },
    /// `open_ended`: engagements in the time window without an end date.
    OpenEnded {
        /// Their ids.
        engagements: Vec<String>,
    },
    /// `tied_ranking`: more than half of the actors share the top value.
    TiedRanking {
        /// The metric ranked.
        metric: Metric,
        /// Actors at the top value.
        tied: usize,
        /// Actors ranked.
        of: usize,
    },
    /// `did_not_converge`: an iterative metric's values are left empty.
    DidNotConverge {
        /// The metric.
        metric: Metric,
        /// Iterations run.
        iterations: usize,
    },
    /// `sampled_betweenness`: betweenness is an estimate.
    SampledBetweenness {
        /// Shortest paths sampled.
        samples: usize,
        /// The sampling seed.
        seed: u64,
        /// Largest error of any actor's value…
        epsilon: f64,
        /// …with probability at least 1 − delta.
        delta: f64,
    },
    /// `reversed_windows`: the before window is later than the after one.
    ReversedWindows {
        /// The before window as written.
        before: String,
        /// The after window as written.
        after: String,
    },
    /// `backbone`: the network is the significance backbone of the
    /// projection, not every tie.
    Backbone(crate::graph::BackboneSummary),
    /// `empty_window`: one side of a comparison holds no engagements.
    EmptyWindow {
        /// Which side.
        side: Side,
        /// Its window as written.
        window: String,
    },
}

impl Caveat {
    /// The machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Caveat::DominantEngagement { .. } => "dominant_engagement",
            Caveat::SeparateComponents { .. } => "separate_components",
            Caveat::SmallGroups { .. } => "small_group",
            Caveat::GroupSpellings { .. } => "group_spellings",
            Caveat::ListedOnly { .. } => "listed_only_centrality",
            Caveat::OpenEnded { .. } => "open_ended",
            Caveat::TiedRanking { .. } => "tied_ranking",
            Caveat::DidNotConverge { .. } => "did_not_converge",
            Caveat::SampledBetweenness { .. } => "sampled_betweenness",
            Caveat::ReversedWindows { .. } => "reversed_windows",
            Caveat::EmptyWindow { .. } => "empty_window",
            Caveat::Backbone(_) => "backbone",
        }
    }

    /// What it concerns: engagement ids, actor ids, group names, metric
    /// names or sides.
    pub fn subjects(&self) -> Vec<String> {
        match self {
            Caveat::DominantEngagement { id, .. } => vec![id.clone()],
            Caveat::SeparateComponents { parts, .. } => parts
                .iter()
                .take(MAX_PARTS_NAMED)
                .filter_map(|(_, p)| p.as_ref().map(|(_, id)| id.clone()))
                .collect(),
            Caveat::SmallGroups { groups, .. } => groups.iter().map(|(g, _)| g.clone()).collect(),
            Caveat::GroupSpellings { spellings, .. } => {
                spellings.iter().flatten().cloned().collect()
            }
            Caveat::ListedOnly { actors } => actors.iter().map(|(id, _)| id.clone()).collect(),
            Caveat::OpenEnded { engagements } => engagements.clone(),
            Caveat::TiedRanking { metric, .. } | Caveat::DidNotConverge { metric, .. } => {
                vec![metric.name().to_string()]
            }
            Caveat::SampledBetweenness { .. } => vec!["betweenness".to_string()],
            Caveat::ReversedWindows { before, after } => vec![before.clone(), after.clone()],
            Caveat::Backbone(summary) => vec![summary.options.model.name().to_string()],
            Caveat::EmptyWindow { side, .. } => vec![match side {
                Side::Before => "before".to_string(),
                Side::After => "after".to_string(),
            }],
        }
    }
}

/// Parts of a network named one by one in the `separate_components`
/// caveat; smaller ones are counted together.
pub const MAX_PARTS_NAMED: usize = 8;

/// One caveat in words: a machine-readable code, a sentence for people,
/// and what it is about (ids of actors, engagements or groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The [`Caveat::code`].
    pub code: &'static str,
    /// The caveat in words.
    pub message: String,
    /// The [`Caveat::subjects`].
    pub subjects: Vec<String>,
}

impl Warning {
    /// The warning as a JSON object (`code`, `message`, `subjects`).
    pub fn to_json(&self) -> Value {
        json!({"code": self.code, "message": self.message, "subjects": self.subjects})
    }
}

/// Groups in density or mixing figures with fewer than this many actors
/// are flagged.
pub const SMALL_GROUP: usize = 3;

/// `small_group`: the groups of `sizes` (name, actors) below
/// [`SMALL_GROUP`].
pub fn small_groups(key: &str, sizes: &[(String, usize)]) -> Option<Caveat> {
    let groups: Vec<(String, usize)> = sizes
        .iter()
        .filter(|(_, n)| *n < SMALL_GROUP)
        .cloned()
        .collect();
    (!groups.is_empty()).then(|| Caveat::SmallGroups {
        key: key.to_string(),
        groups,
    })
}

/// `tied_ranking`: more than half of the `values` share the top value.
pub fn tied_ranking(metric: Metric, values: &[f64]) -> Option<Caveat> {
    let n = values.len();
    let top = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if n < 3 || !top.is_finite() {
        return None;
    }
    let tolerance = 1e-9 * top.abs().max(1.0);
    let tied = values
        .iter()
        .filter(|v| (top - **v).abs() <= tolerance)
        .count();
    (2 * tied > n).then_some(Caveat::TiedRanking {
        metric,
        tied,
        of: n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_groups_and_tied_rankings() {
        let sizes = vec![("firm".to_string(), 2), ("municipality".to_string(), 5)];
        let w = small_groups("kind", &sizes).unwrap();
        assert_eq!(
            (w.code(), w.subjects()),
            ("small_group", vec!["firm".to_string()])
        );
        assert!(small_groups("kind", &sizes[1..]).is_none());
        assert_eq!(
            tied_ranking(Metric::Degree, &[2.0, 2.0, 1.0]),
            Some(Caveat::TiedRanking {
                metric: Metric::Degree,
                tied: 2,
                of: 3
            })
        );
        assert!(tied_ranking(Metric::Degree, &[3.0, 2.0, 2.0]).is_none());
        assert!(
            tied_ranking(Metric::Degree, &[1.0, 1.0]).is_none(),
            "too few to rank"
        );
    }
}
