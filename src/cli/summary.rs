//! `verkosto summary`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::Projection;
use verkosto::metrics::summarize;
use verkosto::render::render_summary;

#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: SummaryArgs) -> anyhow::Result<()> {
    let options = args.projection.options()?;
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let text = render_summary(&summarize(&projection), args.output.format);
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
