//! `verkosto report`.

use super::{CommunityArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::analysis::ReportOptions;
use verkosto::io::write_atomic;
use verkosto::render::map::Layout;
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The dataset (JSON).
    pub file: PathBuf,
    /// The directory to write report.html, report.md, the map and the CSV
    /// tables into (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: PathBuf,
    /// Group actors by this attribute for mixing and brokerage (default kind).
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    /// Draw the map with verkosto's own layout even if Graphviz is installed.
    #[arg(long)]
    pub builtin: bool,
    /// Title (default: the dataset's name).
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
}

pub fn run(args: ReportArgs) -> anyhow::Result<()> {
    let options = super::analysis_options(&args.projection, Some(&args.community), &args.group)?;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let files = analysis.report(&ReportOptions {
        title: args.title.clone(),
        source: args.file.display().to_string(),
        layout: if args.builtin {
            Layout::Builtin
        } else {
            Layout::Graphviz
        },
    })?;
    std::fs::create_dir_all(&args.output).map_err(|source| verkosto::Error::Write {
        path: args.output.clone(),
        source,
    })?;
    let inputs = [args.file.as_path()];
    for file in &files {
        write_atomic(&args.output.join(file.name), &file.bytes, &inputs)?;
    }
    eprintln!("wrote {}", args.output.join("report.html").display());
    Ok(())
}
