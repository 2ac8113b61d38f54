//! The communities with their make-up, as text, CSV or JSON.

use crate::analysis::Analysis;
use crate::error::Result;
use crate::metrics::community::{CommunityProfile, Partition, Stability};
use crate::render::{csv_rows, float_value, format_float, Cell, Format, Table};
use serde::Serialize;
use serde_json::{json, Value};

/// The communities (of the partition, or of the best run of
/// `stability`) with their make-up by `key`, in `format`.
pub fn communities_text(
    analysis: &Analysis<'_>,
    key: &str,
    stability: Option<&Stability>,
    format: Format,
) -> Result<String> {
    let partition = match stability {
        Some(s) => &s.partition,
        None => analysis.partition()?,
    };
    let groups = analysis.groups_by(key);
    let profiles = crate::graph::on_adjacency!(analysis.adjacency(), |rows| {
        crate::metrics::community::community_profiles(rows, partition, &groups)
    });
    let chosen = Chosen {
        partition,
        profiles,
        seed: stability.map_or(analysis.options().community.seed, |s| s.seeds[s.best]),
        // Actors whose community changes between runs, least consistent
        // first.
        unstable: stability.map_or_else(Vec::new, Stability::unstable_actors),
    };
    Ok(match format {
        Format::Json => communities_json(analysis, key, stability, &chosen),
        format => communities_table(analysis, key, stability, &chosen, format),
    })
}

/// The partition shown and what is said of it.
struct Chosen<'p> {
    partition: &'p Partition,
    profiles: Vec<CommunityProfile>,
    seed: u64,
    unstable: Vec<(usize, f64)>,
}

fn communities_json(
    analysis: &Analysis<'_>,
    key: &str,
    stability: Option<&Stability>,
    chosen: &Chosen<'_>,
) -> String {
    let community = analysis.options().community;
    let Chosen {
        partition,
        profiles,
        seed,
        unstable,
    } = chosen;
    let seed = *seed;
    let id = |p: usize| analysis.actor(p).id.to_string();
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

fn communities_table(
    analysis: &Analysis<'_>,
    key: &str,
    stability: Option<&Stability>,
    chosen: &Chosen<'_>,
    format: Format,
) -> String {
    let community = analysis.options().community;
    let Chosen {
        partition,
        profiles,
        seed,
        unstable,
    } = chosen;
    let id = |p: usize| analysis.actor(p).id.to_string();
    let columns = ["community", "size", "internal_density", key, "members"];
    let row = |c: usize| {
        let p = &profiles[c];
        vec![
            (c + 1).into(),
            p.members.len().into(),
            p.internal_density.map_or(Cell::Empty, Cell::Float),
            Cell::list(p.groups.iter().map(|(k, v)| format!("{k} {v}"))),
            Cell::list(p.members.iter().map(|&m| analysis.actor(m).id.as_str())),
        ]
    };
    if format == Format::Csv {
        // Row by row: the cells of every community at once would cost
        // three times the text.
        return csv_rows(&columns, profiles.len(), row);
    }
    let mut table = Table::new(&columns);
    for c in 0..profiles.len() {
        table.push(row(c));
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
            for &(a, c) in unstable.iter() {
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
