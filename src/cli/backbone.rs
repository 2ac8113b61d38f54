//! `verkosto backbone`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::{BackboneModel, BackboneOptions, Correction};
use verkosto::lang::Lang;
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct BackboneArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// The null model: sdsm (stochastic degree sequence model, the
    /// bipartite configuration model), hypergeometric (Tumminello et al.
    /// 2011) or disparity (the disparity filter on the tie weights).
    #[arg(long, default_value = "sdsm", value_name = "MODEL")]
    pub model: BackboneModel,
    /// Significance level.
    #[arg(long, default_value_t = 0.05, value_name = "ALPHA")]
    pub alpha: f64,
    /// Multiple-testing correction: fdr (Benjamini–Hochberg), holm,
    /// bonferroni or none.
    #[arg(long, default_value = "fdr", value_name = "CORRECTION")]
    pub correction: Correction,
    /// List only the ties kept.
    #[arg(long)]
    pub kept: bool,
    /// Print the methods paragraph (model, α, correction, tests, ties kept,
    /// references) instead of the table, ready to paste into a report.
    #[arg(long)]
    pub explain: bool,
    /// Language of the methods paragraph and the summary line: en, fi or sv.
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: Lang,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: BackboneArgs) -> anyhow::Result<()> {
    if args.projection.select.is_some() {
        return Err(verkosto::Error::invalid(
            "select",
            "backbone:…",
            "no --select: backbone tests every tie; use --model, --alpha and --correction",
        )
        .into());
    }
    let test = BackboneOptions {
        model: args.model,
        alpha: args.alpha,
        correction: args.correction,
    };
    test.check()?;
    if !args.explain {
        args.output.check()?;
    }
    let mut options = super::analysis_options(&args.projection, None, "kind")?;
    // Every model tests the ties one by one (the disparity filter with the
    // actors' strengths, summed from the ties): each tie is held once.
    options.projection.held = verkosto::graph::TiesHeld::Once;
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let backbone = verkosto::graph::backbone(analysis.projection(), &test)?;
    if args.explain {
        // One line in a file, to paste; wrapped on a terminal.
        let mut text = verkosto::views::backbone_methods(&backbone.summary, args.lang);
        if args.output.to_stdout() {
            text = verkosto::render::wrap(&text, "", 0);
        }
        verkosto::io::Output::from_arg(args.output.output.as_deref())
            .write(format!("{text}\n").as_bytes(), &[&args.file])?;
        return Ok(());
    }
    if let Some(format) = args.output.streamed() {
        let rows = verkosto::views::backbone_rows(&analysis, &backbone, args.kept);
        let columns = &verkosto::views::BACKBONE_COLUMNS;
        args.output
            .write_rows(&[&args.file], format, columns, rows.len(), |k| rows.row(k))?;
    } else {
        let table = verkosto::views::backbone_table(&analysis, &backbone, args.kept);
        args.output
            .write(&table.render(args.output.format()), &[&args.file])?;
    }
    super::say!(
        "{}",
        verkosto::views::backbone_line(&backbone.summary, args.lang)
    );
    Ok(())
}
