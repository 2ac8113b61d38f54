//! `verkosto compare`.

use super::map_style::MapStyleArgs;
use super::{CommunityArgs, OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::analysis::{compare, Analysis, Window};
use verkosto::io::write_atomic;
use verkosto::lang::Lang;
use verkosto::render::map::{draw, DrawOptions, MapFormat, PageSize};
use verkosto::render::Format;
use verkosto::views::MapOptions;
use verkosto::Error;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// A second dataset: compare FILE (before) with it (after) instead of
    /// two windows of FILE.
    pub after_file: Option<PathBuf>,
    /// The window before: FROM..TO (dates or years; a side may be open).
    #[arg(long, value_name = "FROM..TO")]
    pub before: Option<Window>,
    /// The window after: FROM..TO.
    #[arg(long, value_name = "FROM..TO")]
    pub after: Option<Window>,
    /// Group actors by this attribute for the mixing matrix: kind (default),
    /// region, or any attribute name.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    /// Show only the N actors that changed most.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Also draw the after-network with the new ties in their own colour
    /// (.svg, .png, .pdf or .dot).
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Page of the map: slide, a4, a4-landscape (default) or WxH.
    #[arg(long, default_value = "a4-landscape", value_name = "SIZE")]
    pub size: PageSize,
    /// Language of the map: en, fi or sv.
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: Lang,
    #[command(flatten)]
    pub style: MapStyleArgs,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: CompareArgs) -> anyhow::Result<()> {
    let (options, select) =
        super::map_analysis_options(&args.projection, Some(&args.community), &args.group)?;
    let windowed =
        |window: Option<Window>| window.map_or_else(|| options.clone(), |w| w.applied_to(&options));
    if args.after_file.is_none() && (args.before.is_none() || args.after.is_none()) {
        return Err(Error::invalid(
            "before",
            args.before.map(|w| w.to_string()).unwrap_or_default(),
            "--before FROM..TO and --after FROM..TO, or a second dataset",
        )
        .into());
    }
    let map_format = match &args.map {
        Some(path) => Some(
            path.extension()
                .and_then(|e| e.to_str())
                .and_then(MapFormat::from_extension)
                .ok_or_else(|| {
                    Error::invalid(
                        "map",
                        path.display(),
                        "a file name ending in .dot, .svg, .png or .pdf",
                    )
                })?,
        ),
        None => None,
    };
    if let (Some(map), Some(out)) = (&args.map, &args.output.output) {
        verkosto::io::check_distinct_outputs(&[("map", map), ("output", out)])?;
    }
    let first = super::load(&args.file)?;
    let second = match &args.after_file {
        Some(path) => Some(super::load(path)?),
        None => None,
    };
    let before = Analysis::new(&first, windowed(args.before))?;
    let after = Analysis::new(second.as_ref().unwrap_or(&first), windowed(args.after))?;
    let comparison = compare(&before, &after)?;
    let warnings: Vec<_> = comparison
        .warnings
        .iter()
        .map(|c| verkosto::views::warning(c, verkosto::lang::Lang::En))
        .collect();
    for w in &warnings {
        super::say!("warning[{}]: {}", w.code, w.message);
    }
    let mut actors = comparison.actors.clone();
    if let Some(n) = args.top {
        actors.rows.truncate(n);
    }
    let (formed, ended, kept) = comparison.counts();
    let text = match args.output.format() {
        Format::Json => {
            let value = serde_json::json!({
                "before": args.before.map(|w| w.to_string()).unwrap_or_else(|| args.file.display().to_string()),
                "after": args.after.map(|w| w.to_string()).unwrap_or_else(|| {
                    args.after_file.as_ref().map(|p| p.display().to_string()).unwrap_or_default()
                }),
                "formed": formed,
                "ended": ended,
                "kept": kept,
                "ties": verkosto::views::compare::tie_table(&comparison).to_json_value(),
                "actors": actors.to_json_value(),
                "bridges": comparison.bridges.to_json_value(),
                "mixing": comparison.mixing.to_json_value(),
                "warnings": warnings.iter().map(|w| w.to_json()).collect::<Vec<_>>(),
            });
            serde_json::to_string_pretty(&value)? + "\n"
        }
        Format::Csv => verkosto::views::compare::tie_table(&comparison).to_csv(),
        Format::Table => format!(
            "ties: {formed} formed, {ended} ended, {kept} kept\n{}\nactors, most changed first:\n{}\nnew bridges between groups:\n{}\nmixing (density by group pair):\n{}",
            verkosto::views::compare::tie_table(&comparison).to_text(),
            actors.to_text(),
            comparison.bridges.to_text(),
            comparison.mixing.to_text()
        ),
    };
    let mut inputs = vec![args.file.as_path()];
    inputs.extend(args.after_file.as_deref());
    if let (Some(path), Some(format)) = (&args.map, map_format) {
        let mut model = verkosto::views::map(
            &after,
            &args.style.applied_to(
                MapOptions {
                    lang: args.lang,
                    ..MapOptions::default()
                },
                select,
            ),
        )?;
        verkosto::views::compare::mark_formed(&comparison, &mut model, args.lang);
        let drawing = draw(
            &model,
            &DrawOptions {
                format,
                size: args.size,
                seed: after.options().community.seed,
                ..DrawOptions::default()
            },
        )?;
        for note in &drawing.notes {
            super::say!("note: {note}");
        }
        write_atomic(path, &drawing.bytes, &inputs)?;
    }
    args.output.write(&text, &inputs)?;
    Ok(())
}
