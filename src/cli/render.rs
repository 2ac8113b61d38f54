//! `verkosto render`.

use super::map_style::MapStyleArgs;
use super::{CommunityArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::io::write_atomic;
use verkosto::lang::Lang;
use verkosto::render::map::{draw, DrawOptions, Layout, MapFormat, PageSize, ENGINES};
use verkosto::views::{MapMode, MapOptions};
use verkosto::{Analysis, Error};

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// The map file: .dot, .svg, .png or .pdf (format from the extension).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
    /// Format, when the extension does not say: dot, svg, png or pdf.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<MapFormat>,
    /// Graphviz layout engine: dot, neato, fdp or sfdp (default by size).
    #[arg(long, value_name = "ENGINE")]
    pub engine: Option<String>,
    /// Draw without Graphviz, with verkosto's own layout (SVG only).
    #[arg(long)]
    pub builtin: bool,
    /// Where actors go: network (by their ties, the default) or geo (at
    /// their municipality's centre, else their region's, on a map of
    /// Finland; actors with neither are left out and counted in the
    /// caption).
    #[arg(long, default_value = "network", value_name = "LAYOUT",
          value_parser = ["network", "geo"], conflicts_with_all = ["engine", "builtin", "aggregate"])]
    pub layout: String,
    #[command(flatten)]
    pub style: MapStyleArgs,
    /// projection (actors tied to actors) or two-mode (actors and
    /// engagements, edges by role).
    #[arg(long, default_value = "projection", value_name = "MODE")]
    pub mode: MapMode,
    /// Only this actor's neighbourhood: its id, its name, or the start of
    /// its name (case and accents do not matter).
    #[arg(long, value_name = "ACTOR")]
    pub ego: Option<String>,
    /// With --ego: how many ties out (default 1).
    #[arg(long, default_value_t = 1, value_name = "K")]
    pub radius: usize,
    /// Show at most this many actors; larger networks show their repeated
    /// collaboration (ties of at least k shared engagements, the smallest
    /// k that fits), else their densest k-core, with a note saying what
    /// was hidden.
    #[arg(long, default_value_t = 400, value_name = "N")]
    pub max_actors: usize,
    /// Draw the network of groups instead of actors: one node per value of
    /// this attribute (region, kind, country or any other), sized by its
    /// actors, lines by the ties between groups with their density.
    #[arg(long, value_name = "ATTRIBUTE", conflicts_with_all = ["ego", "mode"])]
    pub aggregate: Option<String>,
    /// Title (default: the dataset's name).
    #[arg(long)]
    pub title: Option<String>,
    /// Page: slide (16:9), a4, a4-landscape (default), or WxH in inches
    /// (10x7.5) or pixels (1920x1080px).
    #[arg(long, default_value = "a4-landscape", value_name = "SIZE")]
    pub size: PageSize,
    /// Resolution of PNG output, dots per inch.
    #[arg(long, default_value_t = 200.0, value_name = "DPI")]
    pub dpi: f64,
    /// Leave out the caption (dataset, filters, dates) under the map.
    #[arg(long)]
    pub no_caption: bool,
    /// Seconds a Graphviz layout may take before the built-in layout is
    /// used instead.
    #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
    pub layout_timeout: f64,
    /// Language of legend, caption and tooltips: en, fi or sv.
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: Lang,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
}

/// What the map is written as: `--format`, else the file's extension.
fn output_format(args: &RenderArgs) -> verkosto::Result<MapFormat> {
    match args.format {
        Some(format) => Ok(format),
        None => MapFormat::from_path(&args.output, "map_format"),
    }
}

/// The layout the options ask for.
pub fn layout(builtin: bool, engine: Option<&str>) -> verkosto::Result<Layout> {
    match (builtin, engine) {
        (true, _) => Ok(Layout::Builtin),
        (false, None) => Ok(Layout::Graphviz),
        (false, Some(name)) => ENGINES
            .iter()
            .find(|e| **e == name)
            .map(|e| Layout::Engine(e))
            .ok_or_else(|| {
                Error::invalid("engine", name, format!("one of {}", ENGINES.join(", ")))
            }),
    }
}

pub fn run(args: RenderArgs) -> anyhow::Result<()> {
    let format = output_format(&args)?;
    let layout = layout(args.builtin, args.engine.as_deref())?;
    let (options, select) =
        super::map_analysis_options(&args.projection, Some(&args.community), "kind")?;
    let map_options = args.style.applied_to(
        MapOptions {
            mode: args.mode,
            ego: args.ego.clone().map(|id| (id, args.radius)),
            max_actors: args.max_actors,
            aggregate: args.aggregate.clone(),
            geo: args.layout == "geo",
            title: args.title.clone(),
            lang: args.lang,
            ..MapOptions::default()
        },
        select,
    );
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let model = verkosto::views::map(&analysis, &map_options)?;
    if let Some(note) = &model.thinning_note {
        super::say!("note: {note}");
    }
    let drawing = draw(
        &model,
        &DrawOptions {
            format,
            layout,
            seed: analysis.options().community.seed,
            size: args.size,
            dpi: args.dpi,
            caption: !args.no_caption,
            layout_timeout: std::time::Duration::try_from_secs_f64(args.layout_timeout)
                .ok()
                .filter(|t| !t.is_zero())
                .ok_or_else(|| {
                    Error::invalid(
                        "layout_timeout",
                        args.layout_timeout,
                        "a positive number of seconds",
                    )
                })?,
        },
    )?;
    for note in &drawing.notes {
        super::say!("note: {note}");
    }
    write_atomic(&args.output, &drawing.bytes, &[args.file.as_path()])?;
    Ok(())
}
