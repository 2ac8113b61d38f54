//! `verkosto communities`.

use super::progress::Bars;
use super::{CommunityArgs, OutputArgs, ProjectionArgs};
use clap::Args;
use serde_json::{json, Value};
use std::path::PathBuf;
use verkosto::graph::Projection;
use verkosto::metrics::community::{community_profiles, detect, stability};
use verkosto::metrics::group_values;
use verkosto::render::{format_float, Cell, Format, Table};

#[derive(Debug, Args)]
pub struct CommunitiesArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Run this many seeds (seed, seed+1, …), report the partition with the
    /// highest modularity and how much the runs agree.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub runs: usize,
    /// Describe each community's make-up by this attribute (default kind).
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: CommunitiesArgs) -> anyhow::Result<()> {
    if args.runs == 0 {
        return Err(verkosto::Error::Option("--runs must be at least 1".into()).into());
    }
    let options = args.projection.options()?;
    let community = args.community.options()?;
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let adjacency = projection.adjacency();
    let (partition, stable) = if args.runs > 1 {
        let bars = Bars::new(
            projection
                .actor_count()
                .max(if args.runs >= 10 { 1000 } else { 0 }),
        );
        let report = |done: usize| bars.update("runs", done, args.runs);
        let s = stability(
            &adjacency,
            &community,
            args.runs,
            bars.enabled().then_some(&report as _),
        )?;
        (s.partition.clone(), Some(s))
    } else {
        (detect(&adjacency, &community)?, None)
    };
    let groups = group_values(&projection, &args.group);
    let profiles = community_profiles(&adjacency, &partition, &groups);
    let id = |p: usize| projection.actor(p).id.clone();
    // Actors whose community changes between runs, least consistent first.
    let unstable: Vec<(usize, f64)> = stable.as_ref().map_or_else(Vec::new, |s| {
        let mut rows: Vec<(usize, f64)> = s
            .consistency
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, c)| *c < 1.0 - 1e-12)
            .collect();
        rows.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        rows
    });

    let text = match args.output.format {
        Format::Json => {
            let communities: Vec<Value> = profiles
                .iter()
                .enumerate()
                .map(|(c, p)| {
                    json!({
                        "community": c + 1,
                        "size": p.members.len(),
                        "internal_ties": p.internal_ties,
                        "internal_weight": round(p.internal_weight),
                        "internal_density": p.internal_density.map(round),
                        args.group.clone(): p.groups,
                        "members": p.members.iter().map(|&m| id(m)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let stability = stable.as_ref().map(|s| {
                json!({
                    "runs": s.seeds.len(),
                    "seeds": s.seeds,
                    "best_seed": s.seeds[s.best],
                    "modularity": s.modularity.iter().map(|&m| round(m)).collect::<Vec<_>>(),
                    "mean_nmi": round(s.mean_nmi),
                    "mean_adjusted_rand": round(s.mean_ari),
                    "unstable_actors": unstable.iter().map(|&(a, c)| json!({
                        "id": id(a),
                        "community": partition.membership[a] + 1,
                        "consistency": round(c),
                    })).collect::<Vec<_>>(),
                })
            });
            let value = json!({
                "method": community.method.to_string(),
                "resolution": community.resolution,
                "seed": stable.as_ref().map_or(community.seed, |s| s.seeds[s.best]),
                "modularity": round(partition.modularity),
                "count": partition.count,
                "communities": communities,
                "stability": stability,
            });
            let mut text = serde_json::to_string_pretty(&value)?;
            text.push('\n');
            text
        }
        format => {
            let mut table = Table::new(&[
                "community",
                "size",
                "internal_density",
                &args.group,
                "members",
            ]);
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
                table.to_csv()
            } else {
                let mut out = format!(
                    "{} communities ({}, resolution {}, seed {}): modularity {}\n\n",
                    partition.count,
                    community.method,
                    community.resolution,
                    stable.as_ref().map_or(community.seed, |s| s.seeds[s.best]),
                    format_float(partition.modularity, 4)
                );
                out.push_str(&table.to_text());
                if let Some(s) = &stable {
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
        }
    };
    args.output.write(&text, &[&args.file])?;
    Ok(())
}

/// Ten decimals, like every other float in JSON output.
fn round(v: f64) -> Value {
    verkosto::render::float_value(v)
}
