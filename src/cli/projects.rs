//! `verkosto projects`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::lang::Lang;
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct ProjectsArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Language of column names, kinds and dates: en, fi or sv.
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: Lang,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: ProjectsArgs) -> anyhow::Result<()> {
    let mut options = super::analysis_options(&args.projection, None, "kind")?;
    // Projects and their partners are listed: each tie is held once.
    options.projection.held = verkosto::graph::TiesHeld::Once;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    if let Some(format) = args.output.streamed() {
        let rows = verkosto::views::project_rows(&analysis, args.lang);
        let columns = rows.columns();
        let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
        args.output
            .write_rows(&[&args.file], format, &columns, rows.len(), |k| rows.row(k))?;
        return Ok(());
    }
    let table = verkosto::views::projects_table(&analysis, args.lang);
    args.output
        .write(&table.render(args.output.format()), &[&args.file])?;
    Ok(())
}
