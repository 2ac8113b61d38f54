//! `verkosto report`.

use super::map_style::MapStyleArgs;
use super::{CommunityArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::analysis::Window;
use verkosto::io::chromium::print_to_pdf;
use verkosto::io::write_all_atomic;
use verkosto::lang::Lang;
use verkosto::render::map::Layout;
use verkosto::views::{MapMode, MapOptions, ReportOptions};
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
    /// Language of every heading, sentence and number: en, fi or sv.
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: Lang,
    /// Also print the report to report.pdf (A4) with headless Chromium.
    #[arg(long)]
    pub pdf: bool,
    /// Replace files in the output directory that verkosto did not write.
    #[arg(long)]
    pub force: bool,
    /// The maps to include, in order: projection, two-mode.
    #[arg(
        long,
        default_value = "projection",
        value_name = "LIST",
        value_delimiter = ','
    )]
    pub maps: Vec<MapMode>,
    #[command(flatten)]
    pub style: MapStyleArgs,
    /// Compare two windows, FROM..TO (dates or years): with --after, adds
    /// what changed and a map of the after-network with the new ties.
    #[arg(long, value_name = "FROM..TO", requires = "after")]
    pub before: Option<Window>,
    /// The window after, FROM..TO.
    #[arg(long, value_name = "FROM..TO", requires = "before")]
    pub after: Option<Window>,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
}

pub fn run(args: ReportArgs) -> anyhow::Result<()> {
    let (options, select) =
        super::map_analysis_options(&args.projection, Some(&args.community), &args.group)?;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let files = verkosto::views::report(
        &analysis,
        &ReportOptions {
            title: args.title.clone(),
            source: args
                .file
                .file_name()
                .map_or_else(|| "-".into(), |n| n.to_string_lossy().into_owned()),
            layout: if args.builtin {
                Layout::Builtin
            } else {
                Layout::Graphviz
            },
            lang: args.lang,
            map: args.style.applied_to(MapOptions::default(), select),
            modes: args.maps.clone(),
            compare: args.before.zip(args.after),
        },
    )?;
    let files: Vec<(String, Vec<u8>)> = files.into_iter().map(|f| (f.name, f.bytes)).collect();
    write_all_atomic(&args.output, &files, &[args.file.as_path()], args.force)?;
    let html = args.output.join("report.html");
    if args.pdf {
        print_to_pdf(&html, &args.output.join("report.pdf"))?;
    }
    super::say!("wrote {}", html.display());
    Ok(())
}
