//! `verkosto brokers`.

use super::{OutputArgs, ProjectionArgs};
use clap::Args;
use std::path::PathBuf;
use verkosto::graph::Projection;
use verkosto::metrics::brokerage::broker_figures;
use verkosto::metrics::group_values;
use verkosto::render::{Cell, Format, Table};
use verkosto::Error;

const COLUMNS: &[(&str, &str)] = &[
    ("constraint", "Burt's constraint: high when the actor's contacts are tied to each other (few structural holes to exploit)"),
    ("effective_size", "Burt's effective size: contacts minus their redundancy; equals degree when no two contacts are tied"),
    ("coordinator", "open pairs inside the actor's own group that it links (a, b, c all one group)"),
    ("itinerant", "open pairs of one other group that it links from outside"),
    ("gatekeeper_representative", "open pairs between its own group and another that it links"),
    ("liaison", "open pairs between two groups, neither of them its own, that it links"),
    ("brokerage_total", "all open pairs of its contacts (a–b–c with a, c not tied) that it links"),
    ("articulation_point", "yes if its departure would split its part of the network"),
    ("separated_pairs", "pairs of other actors that lose every path between them if it leaves"),
    ("sole_broker_pairs", "pairs of its contacts that it alone links (no tie, no other common contact)"),
];

const SORTABLE: &[&str] = &[
    "brokerage_total",
    "separated_pairs",
    "sole_broker_pairs",
    "effective_size",
    "constraint",
    "coordinator",
    "itinerant",
    "gatekeeper_representative",
    "liaison",
    "id",
];

#[derive(Debug, Args)]
pub struct BrokersArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// Group actors by this attribute for the Gould–Fernandez roles: kind
    /// (default), region, or any attribute name.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    /// Sort by brokerage_total (default), separated_pairs,
    /// sole_broker_pairs, effective_size, constraint (ascending), a role, or id.
    #[arg(long, default_value = "brokerage_total", value_name = "COLUMN")]
    pub sort: String,
    /// Show only the first N rows after sorting.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: BrokersArgs) -> anyhow::Result<()> {
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
    let groups = group_values(&projection, &args.group);
    let figures = broker_figures(&projection.adjacency(), &groups);

    let key = |a: usize| -> f64 {
        let f = &figures[a];
        match args.sort.as_str() {
            "separated_pairs" => f.separated_pairs as f64,
            "sole_broker_pairs" => f.sole_broker_pairs as f64,
            "effective_size" => f.effective_size.unwrap_or(f64::NEG_INFINITY),
            // Low constraint = more brokerage opportunity: ascending.
            "constraint" => -f.constraint.unwrap_or(f64::INFINITY),
            "coordinator" => f.roles.coordinator as f64,
            "itinerant" => f.roles.itinerant as f64,
            "gatekeeper_representative" => f.roles.gatekeeper_representative as f64,
            "liaison" => f.roles.liaison as f64,
            _ => f.roles.total() as f64,
        }
    };
    let mut order: Vec<usize> = (0..projection.actor_count()).collect();
    if args.sort != "id" {
        order.sort_by(|&a, &b| key(b).total_cmp(&key(a)).then(a.cmp(&b)));
    }
    order.truncate(args.top.unwrap_or(usize::MAX));

    let mut names = vec!["id", "name", &args.group];
    names.extend(COLUMNS.iter().map(|c| c.0));
    let mut table = Table::new(&names);
    for a in order {
        let f = &figures[a];
        let actor = projection.actor(a);
        table.push(vec![
            actor.id.as_str().into(),
            actor.name.as_str().into(),
            f.group.as_str().into(),
            f.constraint.map_or(Cell::Empty, Cell::Float),
            f.effective_size.map_or(Cell::Empty, Cell::Float),
            f.roles.coordinator.into(),
            f.roles.itinerant.into(),
            f.roles.gatekeeper_representative.into(),
            f.roles.liaison.into(),
            f.roles.total().into(),
            if args.output.format == Format::Json {
                Cell::Bool(f.articulation_point)
            } else {
                Cell::Text(if f.articulation_point { "yes" } else { "no" }.into())
            },
            Cell::Int(f.separated_pairs as i64),
            f.sole_broker_pairs.into(),
        ]);
    }
    let mut text = table.render(args.output.format);
    if args.output.format == Format::Table {
        text.push_str(&format!(
            "\nWho bridges whom (groups by {}; an open pair is two contacts of the actor not tied to each other):\n",
            args.group
        ));
        for (name, meaning) in COLUMNS {
            text.push_str(&format!("  {name:<26} {meaning}\n"));
        }
    }
    args.output.write(&text, &[&args.file])?;
    Ok(())
}
