//! `verkosto brokers`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::render::Format;
use verkosto::views::{BrokerSort, BROKER_COLUMNS};
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct BrokersArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Group actors by this attribute for the Gould–Fernandez roles: kind
    /// (default), region, or any attribute name.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    /// Sort by brokerage_total (default), separated_pairs,
    /// sole_broker_pairs, effective_size, constraint (ascending), a role, or id.
    #[arg(long, default_value = "brokerage_total", value_name = "COLUMN")]
    pub sort: BrokerSort,
    /// Show only the first N rows after sorting.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: BrokersArgs) -> anyhow::Result<()> {
    let options = super::analysis_options(&args.projection, None, &args.group)?;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    if let Some(format) = args.output.streamed() {
        let rows = verkosto::views::broker_rows(&analysis, args.sort, args.top, format)?;
        args.output
            .write_rows(&[&args.file], format, &rows.columns(), rows.len(), |k| {
                rows.row(k)
            })?;
        return Ok(());
    }
    let table =
        verkosto::views::broker_table(&analysis, args.sort, args.top, args.output.format())?;
    let mut text = table.render(args.output.format());
    if args.output.format() == Format::Table {
        text.push_str(&format!(
            "\nWho bridges whom (groups by {}; an open pair is two contacts of the actor not tied to each other):\n",
            args.group
        ));
        for (name, meaning) in BROKER_COLUMNS {
            text.push_str(&format!("  {name:<26} {meaning}\n"));
        }
    }
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
