//! `verkosto communities`.

use super::progress::Bars;
use super::{CommunityArgs, OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::Analysis;

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
    let options = super::analysis_options(&args.projection, Some(&args.community), &args.group)?;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let stable = if args.runs > 1 {
        let bars = Bars::new(
            analysis
                .actor_count()
                .max(if args.runs >= 10 { 1000 } else { 0 }),
        );
        let report = |done: usize| bars.update("runs", done, args.runs);
        Some(analysis.stability(args.runs, bars.enabled().then_some(&report as _))?)
    } else {
        None
    };
    let text = verkosto::views::communities_text(
        &analysis,
        &args.group,
        stable.as_ref(),
        args.output.format(),
    )?;
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
