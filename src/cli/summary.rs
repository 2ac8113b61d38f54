//! `verkosto summary`.

use super::{CommunityArgs, OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::Projection;
use verkosto::metrics::{summarize, SummaryOptions};
use verkosto::render::render_summary;

#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Group actors by this attribute for mixing, E–I index and
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
    let options = args.projection.options()?;
    let summary_options = SummaryOptions {
        group: args.group.clone(),
        community: args.community.options()?,
    };
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let text = render_summary(
        &summarize(&projection, &summary_options)?,
        args.output.format,
    );
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
