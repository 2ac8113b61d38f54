//! `verkosto reach`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct ReachArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Group the reached actors by this attribute: kind (default), region,
    /// or any attribute name.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: ReachArgs) -> anyhow::Result<()> {
    let options = super::analysis_options(&args.projection, None, &args.group)?;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let table = verkosto::views::reach_table(&analysis, &analysis.options().group);
    args.output
        .write(&table.render(args.output.format()), &[&args.file])?;
    Ok(())
}
