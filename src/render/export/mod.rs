//! Exports that other tools read: GraphML and GEXF (Gephi, networkx,
//! Cytoscape), Pajek `.net`, networkx node-link JSON, and CSV node and tie
//! tables. Each writer returns the file's bytes and does no I/O.
//!
//! Nodes carry the actor's id, name, kind, region, business id, attributes
//! and, optionally, metric columns; ties carry the weight, the number of
//! shared engagements and their ids (provenance).

use super::{float_value, Cell};
use crate::error::{Error, Result};
use crate::graph::Projection;
use crate::render::palette::kind_color;
use serde_json::Value;
use std::fmt::Write as _;
use std::str::FromStr;

mod node_link;
mod tables;
mod xml_formats;

pub use node_link::{node_link, node_link_to};
pub use tables::{
    dataset_tables, network_tables, nodes_csv, write_nodes_csv, write_ties_csv, xlsx_workbook,
    xlsx_workbook_to,
};
pub use xml_formats::{gexf, gexf_to, graphml, graphml_to};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum ExportFormat {
    /// GraphML (XML).
    #[strum(serialize = "graphml")]
    GraphMl,
    /// GEXF 1.2 (XML; Gephi's own format).
    Gexf,
    /// Pajek `.net`.
    Pajek,
    /// networkx node-link JSON (`node_link_graph`).
    NodeLink,
    /// CSV node and tie tables.
    Csv,
    /// An Excel workbook: the dataset's tables (as `import xlsx` reads
    /// them) and the network's nodes and ties.
    Xlsx,
}

impl FromStr for ExportFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        crate::named::parse("export_format", s)
    }
}

/// Extra per-actor columns (metrics), each a name and one cell per actor.
pub type NodeColumns = Vec<(String, Vec<Cell>)>;

/// What a streaming export (`…_to`) writes, as text.
fn written(write: impl FnOnce(&mut dyn std::io::Write) -> Result<()>) -> Result<String> {
    let mut out = Vec::new();
    write(&mut out)?;
    Ok(String::from_utf8(out).expect("the exports write UTF-8"))
}

/// The error of a streaming export whose sink failed, naming the format:
/// the writer does not know the file (the command line names it).
fn write_failed(format: &'static str) -> impl Fn(std::io::Error) -> Error + Copy {
    move |source| Error::Write {
        path: format!("<{format}>").into(),
        source,
    }
}

/// Attribute names over all actors (dataset attributes), sorted.
pub(super) fn attribute_names(projection: &Projection<'_>) -> Vec<String> {
    let mut names: Vec<String> = (0..projection.actor_count())
        .flat_map(|a| projection.actor(a).attributes().keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

pub(super) fn attribute_cell(projection: &Projection<'_>, a: usize, key: &str) -> Cell {
    match projection.actor(a).attributes().get(key) {
        None => Cell::Empty,
        Some(Value::String(s)) => Cell::from(s.as_str()),
        Some(Value::Bool(b)) => Cell::Bool(*b),
        Some(Value::Number(n)) => n
            .as_i64()
            .map_or_else(|| Cell::Float(n.as_f64().unwrap_or(f64::NAN)), Cell::Int),
        Some(other) => Cell::Text(other.to_string().into()),
    }
}

/// Checks that every extra column holds one value per actor.
pub(super) fn check_columns(projection: &Projection<'_>, extra: &NodeColumns) -> Result<()> {
    let n = projection.actor_count();
    match extra.iter().find(|(_, values)| values.len() != n) {
        Some((name, values)) => Err(Error::invalid(
            "node_columns",
            format!("{name}: {} values", values.len()),
            format!("one value per actor ({n})"),
        )),
        None => Ok(()),
    }
}

/// A node column of an export: its name and how an actor's value is
/// read (on demand, so that no column of every actor is held).
pub(super) struct NodeColumn<'c> {
    pub name: String,
    value: Box<dyn Fn(usize) -> Cell + Sync + 'c>,
}

impl NodeColumn<'_> {
    /// The value of the actor at position `a`.
    pub fn cell(&self, a: usize) -> Cell {
        (self.value)(a)
    }
}

/// Every node column: the fixed ones, dataset attributes, then `extra`.
pub(super) fn all_node_columns<'c>(
    projection: &'c Projection<'_>,
    extra: &'c NodeColumns,
) -> Vec<NodeColumn<'c>> {
    let column = |name: &str, value: Box<dyn Fn(usize) -> Cell + Sync + 'c>| NodeColumn {
        name: name.to_string(),
        value,
    };
    let text = |s: Option<&str>| s.map_or(Cell::Empty, |s| Cell::Text(s.into()));
    let mut columns = vec![
        column(
            "name",
            Box::new(|a| Cell::Text(projection.actor(a).name.clone())),
        ),
        column(
            "kind",
            Box::new(|a| Cell::Text(projection.actor(a).kind.as_str().into())),
        ),
        column(
            "region",
            Box::new(move |a| text(projection.actor(a).region())),
        ),
        column(
            "business_id",
            Box::new(move |a| text(projection.actor(a).business_id())),
        ),
        // The map's colour of each actor's kind, for Gephi and spreadsheets.
        column(
            "color",
            Box::new(|a| Cell::from(kind_color(&projection.actor(a).kind))),
        ),
    ];
    // Dataset attributes whose names the exports use themselves (`id`,
    // `name`, …, the metrics) are prefixed, so that none replaces another.
    let fixed: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let reserved = |key: &str| {
        ["id", "label", "source", "target", "weight"].contains(&key)
            || fixed.iter().any(|c| c == key)
            || extra.iter().any(|(c, _)| c == key)
    };
    for key in attribute_names(projection) {
        let name = if reserved(&key) {
            format!("attribute_{key}")
        } else {
            key.clone()
        };
        columns.push(NodeColumn {
            name,
            value: Box::new(move |a| attribute_cell(projection, a, &key)),
        });
    }
    for (name, values) in extra {
        columns.push(column(name, Box::new(|a| values[a].clone())));
    }
    columns
}

/// The ids of the engagements behind tie `t` (which is `tie`), and its
/// direct ties as `tie:KIND`.
pub(super) fn tie_engagements(
    projection: &Projection<'_>,
    t: usize,
    tie: crate::graph::ProjectedTie,
) -> Vec<String> {
    let graph = projection.two_mode();
    let dataset = graph.dataset();
    let mut ids: Vec<String> = projection
        .engagements_behind(tie)
        .map(|e| graph.engagement(e as usize).id.to_string())
        .collect();
    ids.extend(projection.direct_ties_behind(t).iter().map(|&d| {
        format!(
            "tie:{}",
            dataset.ties[d as usize]
                .kind
                .clone()
                .unwrap_or_else(|| "direct".into())
        )
    }));
    ids
}

/// Pajek `.net`: vertices numbered from 1 with their ids as labels (Pajek
/// has no escape for `"`, so a quote in an id becomes `'`), then weighted
/// edges. Attributes do not fit the format.
pub fn pajek(projection: &Projection<'_>) -> String {
    let mut out = format!("*Vertices {}\n", projection.actor_count());
    for a in 0..projection.actor_count() {
        let label: String = projection
            .actor(a)
            .id
            .chars()
            .map(|c| if c == '"' || c.is_control() { '\'' } else { c })
            .collect();
        let _ = writeln!(out, "{} \"{}\"", a + 1, label);
    }
    out.push_str("*Edges\n");
    for tie in projection.ties() {
        let _ = writeln!(
            out,
            "{} {} {}",
            tie.source + 1,
            tie.target + 1,
            float_value(tie.weight)
        );
    }
    out
}
