//! `verkosto actors`.

use super::progress::Bars;
use super::{CommunityArgs, OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::Projection;
use verkosto::metrics::centrality::KatzOptions;
use verkosto::metrics::{
    actor_metrics, parse_metrics, ActorMetricsOptions, PathLength, ACTOR_METRICS,
};
use verkosto::render::{Cell, Table};
use verkosto::Error;

#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Metrics to compute, comma-separated (default: all): degree, strength,
    /// betweenness, closeness, harmonic, eigenvector, pagerank, katz,
    /// clustering, constraint, effective_size, core, community, coordinator,
    /// itinerant, gatekeeper_representative, liaison, brokerage_total.
    #[arg(long, value_name = "LIST")]
    pub metrics: Option<String>,
    /// Path metrics count hops instead of distance 1/weight.
    #[arg(long)]
    pub unweighted: bool,
    /// Group actors by this attribute for the brokerage roles: kind
    /// (default), region, or any attribute name.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    /// Katz attenuation α (default 0.9/λ_max, which always converges).
    #[arg(long, value_name = "ALPHA")]
    pub katz_alpha: Option<f64>,
    /// Show only the first N rows after sorting.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Sort by a metric (descending, then id), or by id, name or kind
    /// (ascending). Default: id.
    #[arg(long, value_name = "METRIC", default_value = "id")]
    pub sort: String,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: ActorsArgs) -> anyhow::Result<()> {
    let metrics = match &args.metrics {
        Some(list) => parse_metrics(list)?,
        None => Vec::new(),
    };
    let computed: Vec<&str> = ACTOR_METRICS
        .iter()
        .copied()
        .filter(|m| metrics.is_empty() || metrics.iter().any(|x| x == m))
        .collect();
    let sortable = ["id", "name", "kind", "engagements"];
    if !sortable.contains(&args.sort.as_str()) && !computed.contains(&args.sort.as_str()) {
        return Err(Error::Option(format!(
            "--sort {:?} is not a column; expected id, name, kind, engagements or one of the computed metrics: {}",
            args.sort,
            computed.join(", ")
        ))
        .into());
    }
    let options = args.projection.options()?;
    let community = args.community.options()?;
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let bars = Bars::new(projection.actor_count());
    let report = |what: &'static str, done: usize, total: usize| bars.update(what, done, total);
    let table = actor_metrics(
        &projection,
        &ActorMetricsOptions {
            metrics,
            length: if args.unweighted {
                PathLength::Hops
            } else {
                PathLength::InverseWeight
            },
            group: args.group.clone(),
            community,
            katz: KatzOptions {
                alpha: args.katz_alpha,
            },
            progress: bars.enabled().then_some(&report as _),
        },
    )?;
    drop(bars);
    let graph = projection.two_mode();

    let mut order: Vec<usize> = (0..projection.actor_count()).collect();
    let numeric = |column: usize, a: usize| -> f64 {
        table.values[column][a]
            .as_f64()
            .unwrap_or(f64::NEG_INFINITY)
    };
    match args.sort.as_str() {
        "id" => {}
        "name" => order.sort_by(|&a, &b| projection.actor(a).name.cmp(&projection.actor(b).name)),
        "kind" => order.sort_by(|&a, &b| projection.actor(a).kind.cmp(&projection.actor(b).kind)),
        "engagements" => order.sort_by(|&a, &b| {
            graph
                .engagements_of(b)
                .len()
                .cmp(&graph.engagements_of(a).len())
                .then(a.cmp(&b))
        }),
        metric => {
            let column = table
                .columns
                .iter()
                .position(|c| *c == metric)
                .expect("checked above");
            order.sort_by(|&a, &b| {
                numeric(column, b)
                    .total_cmp(&numeric(column, a))
                    .then(a.cmp(&b))
            });
        }
    }
    order.truncate(args.top.unwrap_or(usize::MAX));

    // Columns: id, name, kind, the metrics in fixed order, with
    // `engagements` after strength (or after kind).
    let mut names: Vec<&str> = vec!["id", "name", "kind"];
    let split = table
        .columns
        .iter()
        .take_while(|c| ["degree", "strength"].contains(c))
        .count();
    names.extend(&table.columns[..split]);
    names.push("engagements");
    names.extend(&table.columns[split..]);
    let mut out = Table::new(&names);
    for a in order {
        let actor = projection.actor(a);
        let mut row: Vec<Cell> = vec![
            actor.id.as_str().into(),
            actor.name.as_str().into(),
            actor.kind.as_str().into(),
        ];
        let value = |c: usize| Cell::from(table.values[c][a]);
        row.extend((0..split).map(value));
        row.push(graph.engagements_of(a).len().into());
        row.extend((split..table.columns.len()).map(value));
        out.push(row);
    }
    args.output
        .write(&out.render(args.output.format), &[&args.file])?;
    Ok(())
}
