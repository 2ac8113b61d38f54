//! The tables of the `actors`, `brokers`, `communities` and `ties`
//! commands, built from an [`Analysis`]'s results.

use crate::analysis::Analysis;
use crate::error::{Error, Result};
use crate::graph::DualProjection;
use crate::metrics::community::{CommunityProfile, Stability};
use crate::metrics::{ActorMetrics, Metric};
use crate::model::Actor;
use crate::render::{float_value, format_float, Cell, Format, Table};
use itertools::Itertools;
use serde::Serialize;
use serde_json::{json, Value};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
        Ok(match s {
            "brokerage_total" => BrokerSort::BrokerageTotal,
            "separated_pairs" => BrokerSort::SeparatedPairs,
            "sole_broker_pairs" => BrokerSort::SoleBrokerPairs,
            "effective_size" => BrokerSort::EffectiveSize,
            "constraint" => BrokerSort::Constraint,
            "coordinator" => BrokerSort::Coordinator,
            "itinerant" => BrokerSort::Itinerant,
            "gatekeeper_representative" => BrokerSort::GatekeeperRepresentative,
            "liaison" => BrokerSort::Liaison,
            "id" => BrokerSort::Id,
            other => {
                return Err(Error::invalid(
                    "sort",
                    other,
                    "one of brokerage_total, separated_pairs, sole_broker_pairs, effective_size, constraint, coordinator, itinerant, gatekeeper_representative, liaison, id",
                ))
            }
        })
    }
}

/// The order of the tie tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
        match s {
            "weight" => Ok(TieSort::Weight),
            "pair" => Ok(TieSort::Pair),
            other => Err(Error::invalid("sort", other, "weight or pair")),
        }
    }
}

/// The broker columns and what each means.
pub const BROKER_COLUMNS: &[(&str, &str)] = &[
    ("constraint", "Burt's constraint: high when the actor's contacts are tied to each other (few structural holes to exploit)"),
    ("effective_size", "Burt's effective size: contacts minus their redundancy; equals degree when no two contacts are tied"),
    ("coordinator", "open pairs inside the actor's own group that it links (a, b, c all one group)"),
    ("itinerant", "open pairs of one other group that it links from outside"),
    ("gatekeeper_representative", "open pairs between its own group and another that it links"),
    ("liaison", "open pairs between two groups, neither of them its own, that it links"),
    ("brokerage_total", "all open pairs of its contacts (a–b–c with a, c not tied) that it links"),
    ("articulation_point", "yes if its departure would split its part of the network"),
    ("separated_pairs", "pairs of other actors that lose every path between them if it leaves"),
    ("sole_broker_pairs", "pairs of its contacts that it alone links (no tie, no other common contact)"),
];

/// `0..n`, sorted by `key` descending, then by position.
fn ranked(n: usize, key: impl Fn(usize) -> f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| key(b).total_cmp(&key(a)).then(a.cmp(&b)));
    order
}

/// The rows of an actor table, held apart from the analysis that computed
/// them: the actors (borrowed from the dataset), their engagement counts
/// and their metric values, in table order.
///
/// [`Analysis::actor_rows`] makes one. A caller short of memory drops the
/// analysis (its projection and adjacency) before it calls
/// [`ActorRows::into_table`].
#[derive(Debug, Clone)]
pub struct ActorRows<'a> {
    metrics: ActorMetrics,
    /// Actor position, the actor, its number of engagements.
    rows: Vec<(usize, &'a Actor, usize)>,
}

impl ActorRows<'_> {
    /// The table: id, name, kind, the metrics, and the number of
    /// engagements (after strength, or after kind).
    pub fn into_table(self) -> Table {
        let metrics = self.metrics;
        let split = metrics
            .columns
            .iter()
            .take_while(|c| matches!(c, Metric::Degree | Metric::Strength))
            .count();
        let mut names: Vec<&str> = vec!["id", "name", "kind"];
        names.extend(metrics.columns[..split].iter().map(|m| m.name()));
        names.push("engagements");
        names.extend(metrics.columns[split..].iter().map(|m| m.name()));
        let mut out = Table::new(&names);
        out.rows.reserve_exact(self.rows.len());
        for (a, actor, engagements) in self.rows {
            let mut row: Vec<Cell> = Vec::with_capacity(names.len());
            row.extend([
                actor.id.as_str().into(),
                actor.name.as_str().into(),
                actor.kind.as_str().into(),
            ]);
            let value = |c: usize| Cell::from(metrics.values[c][a]);
            row.extend((0..split).map(value));
            row.push(engagements.into());
            row.extend((split..metrics.columns.len()).map(value));
            out.push(row);
        }
        out
    }
}

/// One row per actor: id, name, kind, the metrics, and the number of
/// engagements (after strength, or after kind).
///
/// The same as [`Analysis::actor_rows`] followed by
/// [`ActorRows::into_table`].
pub fn actor_table<'a>(analysis: &Analysis<'a>, options: &ActorTableOptions) -> Result<Table> {
    actor_rows(analysis, options).map(ActorRows::into_table)
}

/// The actor table's rows, computed and sorted, before they become
/// cells (see [`ActorRows`]).
pub fn actor_rows<'a>(
    analysis: &Analysis<'a>,
    options: &ActorTableOptions,
) -> Result<ActorRows<'a>> {
    let metrics = if options.metrics.is_empty() {
        Metric::ALL.to_vec()
    } else {
        options.metrics.clone()
    };
    if let ActorSort::Metric(m) = options.sort {
        if !metrics.contains(&m) {
            return Err(Error::invalid(
                "sort",
                m,
                format!(
                    "id, name, kind, engagements or a computed metric: {}",
                    metrics.iter().map(|m| m.name()).join(", ")
                ),
            ));
        }
    }
    let table = analysis.metrics(&metrics)?;
    let graph = analysis.projection().two_mode();
    let n = analysis.actor_count();
    let mut order: Vec<usize> = (0..n).collect();
    match options.sort {
        ActorSort::Id => {}
        ActorSort::Name => {
            order.sort_by(|&a, &b| analysis.actor(a).name.cmp(&analysis.actor(b).name))
        }
        ActorSort::Kind => {
            order.sort_by(|&a, &b| analysis.actor(a).kind.cmp(&analysis.actor(b).kind))
        }
        ActorSort::Engagements => {
            order = ranked(n, |a| graph.engagements_of(a).len() as f64);
        }
        ActorSort::Metric(m) => {
            let scores = analysis.scores(m)?;
            order = ranked(n, |a| scores[a]);
        }
    }
    order.truncate(options.top.unwrap_or(usize::MAX));

    let rows = order
        .into_iter()
        .map(|a| (a, analysis.actor(a), graph.engagements_of(a).len()))
        .collect();
    Ok(ActorRows {
        metrics: table,
        rows,
    })
}

/// One row per actor with every brokerage figure; `format` decides
/// whether `articulation_point` is a boolean (JSON) or yes/no.
pub fn broker_table(
    analysis: &Analysis<'_>,
    sort: BrokerSort,
    top: Option<usize>,
    format: Format,
) -> Result<Table> {
    let figures = analysis.broker_figures()?;
    let key = |a: usize| -> f64 {
        let f = &figures[a];
        match sort {
            BrokerSort::SeparatedPairs => f.separated_pairs as f64,
            BrokerSort::SoleBrokerPairs => f.sole_broker_pairs as f64,
            BrokerSort::EffectiveSize => f.effective_size.unwrap_or(f64::NEG_INFINITY),
            // Low constraint = more brokerage opportunity: ascending.
            BrokerSort::Constraint => -f.constraint.unwrap_or(f64::INFINITY),
            BrokerSort::Coordinator => f.roles.coordinator as f64,
            BrokerSort::Itinerant => f.roles.itinerant as f64,
            BrokerSort::GatekeeperRepresentative => f.roles.gatekeeper_representative as f64,
            BrokerSort::Liaison => f.roles.liaison as f64,
            BrokerSort::BrokerageTotal | BrokerSort::Id => f.roles.total() as f64,
        }
    };
    let mut order: Vec<usize> = (0..analysis.actor_count()).collect();
    if sort != BrokerSort::Id {
        order = ranked(order.len(), key);
    }
    order.truncate(top.unwrap_or(usize::MAX));
    let group = analysis.options().group.as_str();
    let mut names = vec!["id", "name", group];
    names.extend(BROKER_COLUMNS.iter().map(|c| c.0));
    let mut table = Table::new(&names);
    for a in order {
        let f = &figures[a];
        let actor = analysis.actor(a);
        table.push(vec![
            actor.id.as_str().into(),
            actor.name.as_str().into(),
            f.group.as_str().into(),
            f.constraint.map_or(Cell::Empty, Cell::Float),
            f.effective_size.map_or(Cell::Empty, Cell::Float),
            f.roles.coordinator.into(),
            f.roles.itinerant.into(),
            f.roles.gatekeeper_representative.into(),
            f.roles.liaison.into(),
            f.roles.total().into(),
            if format == Format::Json {
                Cell::Bool(f.articulation_point)
            } else {
                Cell::Text(if f.articulation_point { "yes" } else { "no" }.into())
            },
            Cell::Int(f.separated_pairs as i64),
            f.sole_broker_pairs.into(),
        ]);
    }
    Ok(table)
}

/// The communities (of the partition, or of the best run of
/// `stability`) with their make-up by `key`, in `format`.
pub fn communities_text(
    analysis: &Analysis<'_>,
    key: &str,
    stability: Option<&Stability>,
    format: Format,
) -> Result<String> {
    let community = analysis.options().community;
    let partition = match stability {
        Some(s) => &s.partition,
        None => analysis.partition()?,
    };
    let profiles = crate::metrics::community::community_profiles(
        analysis.adjacency(),
        partition,
        &analysis.groups_by(key),
    );
    let id = |p: usize| analysis.actor(p).id.to_string();
    let seed = stability.map_or(community.seed, |s| s.seeds[s.best]);
    // Actors whose community changes between runs, least consistent first.
    let unstable = stability.map_or_else(Vec::new, Stability::unstable_actors);
    Ok(match format {
        Format::Json => {
            let communities: Vec<CommunityJson<'_>> = profiles
                .iter()
                .enumerate()
                .map(|(c, profile)| CommunityJson {
                    number: c + 1,
                    profile,
                    key,
                    member_ids: profile
                        .members
                        .iter()
                        .map(|&m| analysis.actor(m).id.as_str())
                        .collect(),
                })
                .collect();
            let stability = stability.map(|s| {
                json!({
                    "runs": s.seeds.len(),
                    "seeds": s.seeds,
                    "best_seed": s.seeds[s.best],
                    "modularity": s.modularity.iter().map(|&m| float_value(m)).collect::<Vec<_>>(),
                    "mean_nmi": float_value(s.mean_nmi),
                    "mean_adjusted_rand": float_value(s.mean_ari),
                    "unstable_actors": unstable.iter().map(|&(a, c)| json!({
                        "id": id(a),
                        "community": partition.membership[a] + 1,
                        "consistency": float_value(c),
                    })).collect::<Vec<_>>(),
                })
            });
            let value = CommunitiesJson {
                method: community.method.to_string(),
                resolution: community.resolution,
                seed,
                modularity: float_value(partition.modularity),
                count: partition.count,
                communities,
                stability,
            };
            let mut text = serde_json::to_string_pretty(&value).expect("JSON of plain values");
            text.push('\n');
            text
        }
        format => {
            let mut table = Table::new(&["community", "size", "internal_density", key, "members"]);
            for (c, p) in profiles.iter().enumerate() {
                table.push(vec![
                    (c + 1).into(),
                    p.members.len().into(),
                    p.internal_density.map_or(Cell::Empty, Cell::Float),
                    Cell::List(p.groups.iter().map(|(k, v)| format!("{k} {v}")).collect()),
                    Cell::List(p.members.iter().map(|&m| id(m)).collect()),
                ]);
            }
            if format == Format::Csv {
                return Ok(table.to_csv());
            }
            let mut out = format!(
                "{} communities ({}, resolution {}, seed {seed}): modularity {}\n\n",
                partition.count,
                community.method,
                community.resolution,
                format_float(partition.modularity, 4)
            );
            out.push_str(&table.to_text());
            if let Some(s) = stability {
                out.push_str(&format!(
                    "\nstability over {} runs (seeds {}–{}): mean NMI {}, mean adjusted Rand {}; best modularity with seed {}\n",
                    s.seeds.len(),
                    s.seeds[0],
                    s.seeds[s.seeds.len() - 1],
                    format_float(s.mean_nmi, 4),
                    format_float(s.mean_ari, 4),
                    s.seeds[s.best]
                ));
                let mut table = Table::new(&["id", "community", "consistency"]);
                if unstable.is_empty() {
                    out.push_str("every actor kept the same community in every run\n");
                } else {
                    out.push_str("actors whose community changes between runs (consistency: mean Jaccard similarity of their community to the best run's):\n");
                    for &(a, c) in &unstable {
                        table.push(vec![
                            id(a).into(),
                            (partition.membership[a] + 1).into(),
                            Cell::Float(c),
                        ]);
                    }
                    out.push_str(&table.to_text());
                }
            }
            out
        }
    })
}

/// One row per projected tie: the pair, weight, shared engagements,
/// their ids, the two actors' roles in each, and direct ties.
pub fn tie_table(analysis: &Analysis<'_>, sort: TieSort, top: Option<usize>) -> Table {
    let projection = analysis.projection();
    let graph = projection.two_mode();
    let dataset = graph.dataset();
    let weights: Vec<f64> = projection.ties().iter().map(|t| t.weight).collect();
    let mut table = Table::new(&[
        "source",
        "target",
        "weight",
        "shared",
        "engagements",
        "roles",
        "rules",
        "direct_ties",
        "first_seen",
        "last_seen",
    ]);
    for t in tie_order(&weights, sort, top) {
        let tie = projection.ties()[t];
        let behind = projection.engagements_behind(t);
        let (first_seen, last_seen) = projection.tie_span(t);
        let engagements = behind
            .iter()
            .map(|&e| graph.engagement(e as usize).id.to_string())
            .collect();
        let roles = behind
            .iter()
            .map(|&e| {
                let e = e as usize;
                format!(
                    "{}+{}",
                    graph.role(e, tie.source).unwrap_or("?"),
                    graph.role(e, tie.target).unwrap_or("?")
                )
            })
            .collect();
        let direct = projection
            .direct_ties_behind(t)
            .iter()
            .map(|&d| {
                let d = &dataset.ties[d as usize];
                d.kind.as_deref().unwrap_or("tie").to_string()
            })
            .collect();
        table.push(vec![
            analysis.actor(tie.source as usize).id.as_str().into(),
            analysis.actor(tie.target as usize).id.as_str().into(),
            Cell::Float(tie.weight),
            (tie.shared as usize).into(),
            Cell::List(engagements),
            Cell::List(roles),
            Cell::List(
                projection
                    .rules_behind(t)
                    .iter()
                    .map(|r| r.name().to_string())
                    .collect(),
            ),
            Cell::List(direct),
            first_seen.into(),
            last_seen.into(),
        ]);
    }
    table
}

/// One row per engagement–engagement tie of the dual projection: the
/// pair, the number of shared actors and their ids.
pub fn dual_tie_table(analysis: &Analysis<'_>, sort: TieSort, top: Option<usize>) -> Table {
    let graph = analysis.projection().two_mode();
    let dual = DualProjection::new(graph);
    let weights: Vec<f64> = dual.ties().iter().map(|t| t.shared as f64).collect();
    let mut table = Table::new(&["source", "target", "shared", "actors"]);
    for t in tie_order(&weights, sort, top) {
        let tie = dual.ties()[t];
        table.push(vec![
            graph.engagement(tie.source as usize).id.as_str().into(),
            graph.engagement(tie.target as usize).id.as_str().into(),
            (tie.shared as usize).into(),
            Cell::List(
                dual.actors_behind(t)
                    .iter()
                    .map(|&a| graph.actor(a as usize).id.to_string())
                    .collect(),
            ),
        ]);
    }
    table
}

/// Reach by the reached actors' `key` (kind, region, …): per group, the
/// distinct target groups and participants reached and the engagements
/// that reach them, with a total row.
pub fn reach_table(analysis: &Analysis<'_>, key: &str) -> Table {
    let reach = analysis.reach();
    let dataset = analysis.dataset();
    let rows = reach.by_group(|a| {
        dataset.actors[a as usize]
            .group_value(key)
            .unwrap_or_else(|| "(none)".into())
    });
    let mut table = Table::new(&[key, "reached_actors", "engagements"]);
    for (group, actors, engagements) in rows {
        table.push(vec![group.into(), actors.into(), engagements.into()]);
    }
    let engagements: std::collections::BTreeSet<u32> =
        reach.reached.values().flatten().copied().collect();
    table.push(vec![
        "total".into(),
        reach.reached.len().into(),
        engagements.len().into(),
    ]);
    table
}

fn tie_order(weights: &[f64], sort: TieSort, top: Option<usize>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..weights.len()).collect();
    if sort == TieSort::Weight {
        // Ties are stored in pair order, so a stable sort keeps it among
        // equal weights.
        order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]));
    }
    order.truncate(top.unwrap_or(usize::MAX));
    order
}

/// The JSON of `communities`, serialised from borrowed values (a JSON tree
/// of a large network's member lists would cost several times the text).
#[derive(Serialize)]
struct CommunitiesJson<'a> {
    method: String,
    resolution: f64,
    seed: u64,
    modularity: Value,
    count: usize,
    communities: Vec<CommunityJson<'a>>,
    stability: Option<Value>,
}

/// One community in [`CommunitiesJson`]; its make-up is keyed by the
/// grouping attribute's name.
struct CommunityJson<'a> {
    number: usize,
    profile: &'a CommunityProfile,
    key: &'a str,
    member_ids: Vec<&'a str>,
}

impl Serialize for CommunityJson<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let p = self.profile;
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("community", &self.number)?;
        map.serialize_entry("size", &p.members.len())?;
        map.serialize_entry("internal_ties", &p.internal_ties)?;
        map.serialize_entry("internal_weight", &float_value(p.internal_weight))?;
        map.serialize_entry("internal_density", &p.internal_density.map(float_value))?;
        // An attribute named like a field of its own (`size`) gets a
        // suffix rather than a second key of the same name.
        const FIELDS: [&str; 6] = [
            "community",
            "size",
            "internal_ties",
            "internal_weight",
            "internal_density",
            "members",
        ];
        if FIELDS.contains(&self.key) {
            map.serialize_entry(&format!("{}_groups", self.key), &p.groups)?;
        } else {
            map.serialize_entry(self.key, &p.groups)?;
        }
        map.serialize_entry("members", &self.member_ids)?;
        map.end()
    }
}
