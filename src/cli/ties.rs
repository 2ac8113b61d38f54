//! `verkosto ties`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::{DualProjection, Projection};
use verkosto::render::{Cell, Table};
use verkosto::Error;

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
    pub sort: String,
    /// Show only the first N ties.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: TiesArgs) -> anyhow::Result<()> {
    if !["weight", "pair"].contains(&args.sort.as_str()) {
        return Err(Error::Option(format!(
            "--sort {:?} is not an order; expected weight or pair",
            args.sort
        ))
        .into());
    }
    let options = args.projection.options()?;
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let table = if args.dual {
        dual_table(&args, &projection)
    } else {
        actor_table(&args, &projection)
    };
    args.output
        .write(&table.render(args.output.format), &[&args.file])?;
    Ok(())
}

fn ordered(weights: &[f64], by_weight: bool, top: Option<usize>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..weights.len()).collect();
    if by_weight {
        // Ties are stored in pair order, so a stable sort keeps it among
        // equal weights.
        order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]));
    }
    order.truncate(top.unwrap_or(usize::MAX));
    order
}

fn actor_table(args: &TiesArgs, projection: &Projection<'_>) -> Table {
    let graph = projection.two_mode();
    let dataset = graph.dataset();
    let weights: Vec<f64> = projection.ties().iter().map(|t| t.weight).collect();
    let mut table = Table::new(&[
        "source",
        "target",
        "weight",
        "shared",
        "engagements",
        "roles",
        "direct_ties",
    ]);
    for t in ordered(&weights, args.sort == "weight", args.top) {
        let tie = projection.ties()[t];
        let behind = projection.engagements_behind(t);
        let engagements = behind
            .iter()
            .map(|&e| graph.engagement(e as usize).id.clone())
            .collect();
        let roles = behind
            .iter()
            .map(|&e| {
                let e = e as usize;
                format!(
                    "{}+{}",
                    graph.role(e, tie.source).unwrap_or("?"),
                    graph.role(e, tie.target).unwrap_or("?")
                )
            })
            .collect();
        let direct = projection
            .direct_ties_behind(t)
            .iter()
            .map(|&d| {
                let d = &dataset.ties[d as usize];
                d.kind.clone().unwrap_or_else(|| "tie".into())
            })
            .collect();
        table.push(vec![
            projection.actor(tie.source as usize).id.as_str().into(),
            projection.actor(tie.target as usize).id.as_str().into(),
            Cell::Float(tie.weight),
            (tie.shared as usize).into(),
            Cell::List(engagements),
            Cell::List(roles),
            Cell::List(direct),
        ]);
    }
    table
}

fn dual_table(args: &TiesArgs, projection: &Projection<'_>) -> Table {
    let graph = projection.two_mode();
    let dual = DualProjection::new(graph);
    let weights: Vec<f64> = dual.ties().iter().map(|t| t.shared as f64).collect();
    let mut table = Table::new(&["source", "target", "shared", "actors"]);
    for t in ordered(&weights, args.sort == "weight", args.top) {
        let tie = dual.ties()[t];
        table.push(vec![
            graph.engagement(tie.source as usize).id.as_str().into(),
            graph.engagement(tie.target as usize).id.as_str().into(),
            (tie.shared as usize).into(),
            Cell::List(
                dual.actors_behind(t)
                    .iter()
                    .map(|&a| graph.actor(a as usize).id.clone())
                    .collect(),
            ),
        ]);
    }
    table
}
