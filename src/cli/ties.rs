//! `verkosto ties`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::views::TieSort;
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct TiesArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// List engagement–engagement ties through shared actors instead ("which
    /// projects are connected").
    #[arg(long)]
    pub dual: bool,
    /// Order: weight (heaviest first, then ids) or pair (by ids).
    #[arg(long, value_name = "ORDER", default_value = "weight")]
    pub sort: TieSort,
    /// Show only the first N ties.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: TiesArgs) -> anyhow::Result<()> {
    let mut options = super::analysis_options(&args.projection, None, "kind")?;
    // Ties are listed, never walked: each is held once.
    options.projection.held = verkosto::graph::TiesHeld::Once;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    if let Some(format) = args.output.streamed().filter(|_| !args.dual) {
        let rows = verkosto::views::tie_rows(&analysis, args.sort, args.top);
        let columns = &verkosto::views::TIE_COLUMNS;
        return Ok(args
            .output
            .write_rows(&[&args.file], format, columns, rows.len(), |k| rows.row(k))?);
    }
    let table = if args.dual {
        verkosto::views::dual_tie_table(&analysis, args.sort, args.top)?
    } else {
        verkosto::views::tie_table(&analysis, args.sort, args.top)
    };
    args.output
        .write(&table.render(args.output.format()), &[&args.file])?;
    Ok(())
}
