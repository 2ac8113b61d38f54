//! `verkosto render`.

use super::{CommunityArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::Projection;
use verkosto::io::write_atomic;
use verkosto::render::map::{
    build_map, default_engine, run_graphviz, to_builtin_svg, to_dot, Labels, MapMode, MapOptions,
};
use verkosto::Error;

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// The map file: .dot, .svg, .png or .pdf (format from the extension).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
    /// Format, when the extension does not say: dot, svg, png or pdf.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Graphviz layout engine: dot, neato, fdp or sfdp (default by size).
    #[arg(long, value_name = "ENGINE")]
    pub engine: Option<String>,
    /// Draw without Graphviz, with verkosto's own layout (SVG only).
    #[arg(long)]
    pub builtin: bool,
    /// Colour actors by kind (default), community, region or any attribute.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub color_by: String,
    /// Size actors by a per-actor metric (default degree).
    #[arg(long, default_value = "degree", value_name = "METRIC")]
    pub size_by: String,
    /// Labels: top:N (the N largest actors; default top:15), all or none.
    #[arg(long, default_value = "top:15", value_name = "WHICH")]
    pub labels: Labels,
    /// Draw boxes around communities or kinds (default none).
    #[arg(long, default_value = "none", value_name = "GROUPING")]
    pub cluster_by: String,
    /// projection (actors tied to actors) or two-mode (actors and
    /// engagements, edges by role).
    #[arg(long, default_value = "projection", value_name = "MODE")]
    pub mode: MapMode,
    /// Only this actor's neighbourhood.
    #[arg(long, value_name = "ID")]
    pub ego: Option<String>,
    /// With --ego: how many ties out (default 1).
    #[arg(long, default_value_t = 1, value_name = "K")]
    pub radius: usize,
    /// Show at most this many actors; larger networks are thinned to their
    /// densest k-core, with a note saying what was hidden.
    #[arg(long, default_value_t = 400, value_name = "N")]
    pub max_actors: usize,
    /// Title (default: the dataset's name).
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
}

/// What the map is written as.
fn output_format(args: &RenderArgs) -> verkosto::Result<String> {
    let format = match &args.format {
        Some(f) => f.clone(),
        None => args
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default(),
    };
    if ["dot", "svg", "png", "pdf"].contains(&format.as_str()) {
        Ok(format)
    } else {
        Err(Error::Option(format!(
            "cannot tell the map format from {:?}; use an extension .dot, .svg, .png or .pdf, or --format",
            args.output.display().to_string()
        )))
    }
}

pub fn run(args: RenderArgs) -> anyhow::Result<()> {
    let format = output_format(&args)?;
    let options = args.projection.options()?;
    let map_options = MapOptions {
        color_by: args.color_by.clone(),
        size_by: args.size_by.clone(),
        labels: args.labels,
        cluster_by: args.cluster_by.clone(),
        mode: args.mode,
        ego: args.ego.clone().map(|id| (id, args.radius)),
        max_actors: args.max_actors,
        community: args.community.options()?,
        title: args.title.clone(),
    };
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let model = build_map(&projection, &map_options)?;
    if let Some(note) = &model.thinning_note {
        eprintln!("note: {note}");
    }
    let bytes = render_map(
        &model,
        &format,
        args.engine.as_deref(),
        args.builtin,
        map_options.community.seed,
    )?;
    write_atomic(&args.output, &bytes, &[args.file.as_path()])?;
    Ok(())
}

/// DOT text, Graphviz output, or the built-in SVG when Graphviz is absent
/// (or `builtin`).
pub fn render_map(
    model: &verkosto::render::map::MapModel,
    format: &str,
    engine: Option<&str>,
    builtin: bool,
    seed: u64,
) -> anyhow::Result<Vec<u8>> {
    let dot = to_dot(model);
    if format == "dot" {
        return Ok(dot.into_bytes());
    }
    if builtin {
        if format != "svg" {
            return Err(Error::Option("--builtin draws SVG only; use a .svg output".into()).into());
        }
        return Ok(to_builtin_svg(model, seed).into_bytes());
    }
    let engine = engine.unwrap_or_else(|| default_engine(model));
    match run_graphviz(&dot, engine, format)? {
        Some(bytes) => Ok(bytes),
        None if format == "svg" => {
            eprintln!("note: Graphviz (the `dot` program) is not installed; drawn with verkosto's built-in layout");
            Ok(to_builtin_svg(model, seed).into_bytes())
        }
        None => Err(anyhow::anyhow!(
            "{format} maps need Graphviz (the `dot` program), which is not installed: install it (Debian: apt-get install graphviz) or write .svg or .dot"
        )),
    }
}
