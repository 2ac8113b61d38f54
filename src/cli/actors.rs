//! `verkosto actors`.

use super::progress::Bars;
use super::{CommunityArgs, OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::metrics::centrality::KatzOptions;
use verkosto::metrics::PathLength;
use verkosto::render::{json_with_warnings, warnings_text, Format};
use verkosto::views::{ActorSort, ActorTableOptions};
use verkosto::{Analysis, Metric};

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
    /// Estimate betweenness from sampled shortest paths instead of exactly:
    /// EPSILON[,DELTA] means every actor's value is within EPSILON of the
    /// exact one with probability 1 − DELTA (default DELTA 0.1); seeded by
    /// --seed. Counts hops (with --unweighted). For networks where exact
    /// betweenness takes too long.
    #[arg(long, value_name = "EPSILON[,DELTA]", value_parser = parse_sample, requires = "unweighted")]
    pub sample: Option<(f64, f64)>,
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
    pub sort: ActorSort,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `EPSILON[,DELTA]` as numbers (DELTA 0.1 when left out); the library
/// checks their range.
fn parse_sample(text: &str) -> Result<(f64, f64), String> {
    let (epsilon, delta) = text.split_once(',').unwrap_or((text, "0.1"));
    let number = |s: &str| {
        s.trim().parse::<f64>().map_err(|_| {
            format!("{s:?} is not a number; expected EPSILON[,DELTA] such as 0.01 or 0.01,0.05")
        })
    };
    Ok((number(epsilon)?, number(delta)?))
}

pub fn run(args: ActorsArgs) -> anyhow::Result<()> {
    let table_options = ActorTableOptions {
        metrics: match &args.metrics {
            Some(list) => Metric::parse_list(list)?,
            None => Vec::new(),
        },
        sort: args.sort,
        top: args.top,
    };
    let mut options =
        super::analysis_options(&args.projection, Some(&args.community), &args.group)?;
    options.betweenness_sample = args
        .sample
        .map(|(epsilon, delta)| {
            verkosto::metrics::sampled_betweenness::SampleOptions::new(
                epsilon,
                delta,
                args.community.seed,
            )
        })
        .transpose()?;
    options.length = if args.unweighted {
        PathLength::Hops
    } else {
        PathLength::InverseWeight
    };
    options.katz = KatzOptions {
        alpha: args.katz_alpha,
    };
    if table_options.metrics == [Metric::Degree] {
        // Degrees are counted from the ties held once.
        options.projection.held = verkosto::graph::TiesHeld::Once;
    }
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let bars = Bars::new(analysis.actor_count());
    let report = |what: &'static str, done: usize, total: usize| bars.update(what, done, total);
    let analysis = if bars.enabled() {
        analysis.with_progress(&report)
    } else {
        analysis
    };
    let rows = verkosto::views::actor_rows(&analysis, &table_options)?;
    let computed = if table_options.metrics.is_empty() {
        Metric::ALL.to_vec()
    } else {
        table_options.metrics.clone()
    };
    let warnings = verkosto::views::warnings(&analysis, &computed, verkosto::lang::Lang::En)?;
    // The cells are made once the projection and adjacency are freed.
    drop(analysis);
    let table = rows.into_table();
    drop(bars);
    let text = match args.output.format() {
        Format::Table => table.to_text() + &warnings_text(&warnings),
        Format::Json => json_with_warnings("actors", &table, &warnings),
        Format::Csv => {
            for w in &warnings {
                super::say!("warning[{}]: {}", w.code, w.message);
            }
            table.to_csv()
        }
    };
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
