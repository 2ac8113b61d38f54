//! `verkosto summary`.

use super::{CommunityArgs, OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::render::render_summary;
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Group actors by this attribute for the mixing matrix, E–I index and
    /// assortativity: kind (default), region, or any attribute name.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: SummaryArgs) -> anyhow::Result<()> {
    let options = super::analysis_options(&args.projection, Some(&args.community), &args.group)?;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    // The figures first: the communities' working lists are then gone
    // before the warnings' columns are made.
    let summary = analysis.summary()?;
    let warnings = verkosto::views::summary_warnings(&analysis, verkosto::lang::Lang::En)?;
    let text = render_summary(summary, &warnings, args.output.format());
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
