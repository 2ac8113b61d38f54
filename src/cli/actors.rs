//! `verkosto actors`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::Projection;
use verkosto::metrics::centrality::{degree, strength};
use verkosto::render::{Cell, Table};
use verkosto::Error;

/// Columns that `--sort` accepts; numbers sort descending, text ascending.
const SORTABLE: &[&str] = &["degree", "strength", "engagements", "id", "name", "kind"];

#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Show only the first N rows after sorting.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Sort by this column: degree, strength, engagements (descending, then
    /// id), or id, name, kind (ascending). Default: id.
    #[arg(long, value_name = "METRIC", default_value = "id")]
    pub sort: String,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: ActorsArgs) -> anyhow::Result<()> {
    if !SORTABLE.contains(&args.sort.as_str()) {
        return Err(Error::Option(format!(
            "--sort {:?} is not a column; expected one of: {}",
            args.sort,
            SORTABLE.join(", ")
        ))
        .into());
    }
    let options = args.projection.options()?;
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let adjacency = projection.adjacency();
    let degrees = degree(&adjacency);
    let strengths = strength(&adjacency);
    let graph = projection.two_mode();

    let mut order: Vec<usize> = (0..projection.actor_count()).collect();
    let key = |a: usize| -> f64 {
        match args.sort.as_str() {
            "degree" => degrees[a] as f64,
            "strength" => strengths[a],
            _ => graph.engagements_of(a).len() as f64,
        }
    };
    match args.sort.as_str() {
        // Positions are already in id order.
        "id" => {}
        "name" => order.sort_by(|&a, &b| projection.actor(a).name.cmp(&projection.actor(b).name)),
        "kind" => order.sort_by(|&a, &b| projection.actor(a).kind.cmp(&projection.actor(b).kind)),
        _ => order.sort_by(|&a, &b| key(b).total_cmp(&key(a)).then(a.cmp(&b))),
    }
    order.truncate(args.top.unwrap_or(usize::MAX));

    let mut table = Table::new(&["id", "name", "kind", "degree", "strength", "engagements"]);
    for a in order {
        let actor = projection.actor(a);
        table.push(vec![
            actor.id.as_str().into(),
            actor.name.as_str().into(),
            actor.kind.as_str().into(),
            degrees[a].into(),
            Cell::Float(strengths[a]),
            graph.engagements_of(a).len().into(),
        ]);
    }
    args.output
        .write(&table.render(args.output.format), &[&args.file])?;
    Ok(())
}
