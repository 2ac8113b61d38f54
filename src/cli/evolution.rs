//! `verkosto evolution`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::analysis::{evolution, evolution_metrics, EvolutionMode, Periods};
use verkosto::metrics::Metric;
use verkosto::render::Format;
use verkosto::views::evolution_table;

#[derive(Debug, Args)]
pub struct EvolutionArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Periods: year, quarter, month, or the days periods start on
    /// (YYYY-MM-DD,YYYY-MM-DD,…; the last runs to the latest date).
    #[arg(long, value_name = "PERIODS", default_value = "year")]
    pub by: Periods,
    /// Each period's network is the engagements active in it (default).
    #[arg(long, conflicts_with = "cumulative")]
    pub window: bool,
    /// Each period's network is everything that started up to its end.
    #[arg(long)]
    pub cumulative: bool,
    /// Add per-period actor metrics in long format (period, actor, metric,
    /// value): a comma-separated list such as degree,betweenness, or all.
    /// With -f csv only this table is written.
    #[arg(long, value_name = "LIST")]
    pub metrics: Option<String>,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: EvolutionArgs) -> anyhow::Result<()> {
    let options = super::analysis_options(&args.projection, None, "kind")?;
    let mode = if args.cumulative {
        EvolutionMode::Cumulative
    } else {
        EvolutionMode::Window
    };
    let metrics = args
        .metrics
        .as_deref()
        .map(Metric::parse_list)
        .transpose()?;
    let dataset = super::load(&args.file)?;
    // The periods' networks are made from the ties, which are listed, not
    // walked: each is held once.
    let listed = verkosto::graph::ProjectionOptions {
        held: verkosto::graph::TiesHeld::Once,
        ..options.projection.clone()
    };
    let rows = evolution(&dataset, &listed, &args.by, mode)?;
    let table = evolution_table(&rows);
    let long = match &metrics {
        Some(metrics) => Some(evolution_metrics(
            &dataset, &options, &args.by, mode, metrics,
        )?),
        None => None,
    };
    let text = match (args.output.format(), &long) {
        (Format::Json, _) => {
            let mut value = serde_json::json!({
                "mode": mode.to_string(),
                "periods": table.to_json_value(),
            });
            if let Some(long) = &long {
                value["actor_metrics"] = long.to_json_value();
            }
            serde_json::to_string_pretty(&value)? + "\n"
        }
        (Format::Csv, Some(long)) => long.to_csv(),
        (Format::Table, Some(long)) => {
            format!(
                "{}\nactor metrics by period:\n{}",
                table.to_text(),
                long.to_text()
            )
        }
        (format, None) => table.render(format),
    };
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
