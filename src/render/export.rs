//! Exports that other tools read: GraphML and GEXF (Gephi, networkx,
//! Cytoscape), Pajek `.net`, networkx node-link JSON, and CSV node and tie
//! tables. Each writer returns the file's bytes and does no I/O.
//!
//! Nodes carry the actor's id, name, kind, region, business id, attributes
//! and, optionally, metric columns; ties carry the weight, the number of
//! shared engagements and their ids (provenance).

use super::{float_value, Cell, Table};
use crate::error::{Error, Result};
use crate::graph::Projection;
use crate::model::Dataset;
use crate::render::palette::{kind_color, rgb};
use crate::render::xml::xml_escape;
use crate::render::TextStyle;
use serde_json::{json, Map, Value};
use std::fmt::Write as _;
use std::str::FromStr;

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

/// One node's attributes as (name, value) pairs in a fixed order: name,
/// kind, region, business_id, the dataset attributes, then `extra`.
fn node_attributes(
    projection: &Projection<'_>,
    extra: &NodeColumns,
    a: usize,
) -> Vec<(String, Cell)> {
    let actor = projection.actor(a);
    let mut out = vec![
        ("name".to_string(), Cell::Text(actor.name.clone())),
        ("kind".to_string(), Cell::Text(actor.kind.clone())),
    ];
    out.push((
        "region".into(),
        actor
            .region
            .as_ref()
            .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
    ));
    out.push((
        "business_id".into(),
        actor
            .business_id
            .as_ref()
            .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
    ));
    for (column, values) in extra {
        out.push((column.clone(), values[a].clone()));
    }
    out
}

/// Attribute names over all actors (dataset attributes), sorted.
fn attribute_names(projection: &Projection<'_>) -> Vec<String> {
    let mut names: Vec<String> = (0..projection.actor_count())
        .flat_map(|a| projection.actor(a).attributes.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn attribute_cell(projection: &Projection<'_>, a: usize, key: &str) -> Cell {
    match projection.actor(a).attributes.get(key) {
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
fn check_columns(projection: &Projection<'_>, extra: &NodeColumns) -> Result<()> {
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

/// Every node column: the fixed ones, dataset attributes, then `extra`.
fn all_node_columns(projection: &Projection<'_>, extra: &NodeColumns) -> Vec<(String, Vec<Cell>)> {
    let n = projection.actor_count();
    let mut columns: Vec<(String, Vec<Cell>)> = Vec::new();
    let fixed = (0..n)
        .map(|a| node_attributes(projection, &Vec::new(), a))
        .collect::<Vec<_>>();
    for (i, name) in ["name", "kind", "region", "business_id"].iter().enumerate() {
        columns.push((
            name.to_string(),
            fixed.iter().map(|row| row[i].1.clone()).collect(),
        ));
    }
    // The map's colour of each actor's kind, for Gephi and spreadsheets.
    columns.push((
        "color".to_string(),
        (0..n)
            .map(|a| Cell::from(kind_color(&projection.actor(a).kind)))
            .collect(),
    ));
    // Dataset attributes whose names the exports use themselves (`id`,
    // `name`, …, the metrics) are prefixed, so that none replaces another.
    let fixed: Vec<String> = columns.iter().map(|(c, _)| c.clone()).collect();
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
        columns.push((
            name,
            (0..n)
                .map(|a| attribute_cell(projection, a, &key))
                .collect(),
        ));
    }
    columns.extend(extra.iter().cloned());
    columns
}

/// GEXF `<spells>` of a node or edge, or nothing when it is present
/// throughout (an undated engagement, or only direct ties).
fn gexf_spells(
    spells: Option<Vec<(Option<crate::model::Date>, Option<crate::model::Date>)>>,
) -> String {
    let Some(spells) = spells else {
        return String::new();
    };
    let mut out = String::from("        <spells>\n");
    for (start, end) in spells {
        out.push_str("          <spell");
        if let Some(s) = start {
            let _ = write!(out, " start=\"{s}\"");
        }
        if let Some(e) = end {
            let _ = write!(out, " end=\"{e}\"");
        }
        out.push_str("/>\n");
    }
    out.push_str("        </spells>\n");
    out
}

fn tie_engagements(projection: &Projection<'_>, t: usize) -> Vec<String> {
    let graph = projection.two_mode();
    let dataset = graph.dataset();
    let mut ids: Vec<String> = projection
        .engagements_behind(t)
        .iter()
        .map(|&e| graph.engagement(e as usize).id.to_string())
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

/// The XML type of a column: int, double, boolean or string.
fn column_type(values: &[Cell]) -> &'static str {
    let present: Vec<&Cell> = values
        .iter()
        .filter(|c| !matches!(c, Cell::Empty))
        .collect();
    if !present.is_empty() && present.iter().all(|c| matches!(c, Cell::Int(_))) {
        "long"
    } else if !present.is_empty()
        && present
            .iter()
            .all(|c| matches!(c, Cell::Int(_) | Cell::Float(_)))
    {
        "double"
    } else if !present.is_empty() && present.iter().all(|c| matches!(c, Cell::Bool(_))) {
        "boolean"
    } else {
        "string"
    }
}

/// GraphML, undirected, with typed keys for every node column and for the
/// tie weight, shared-engagement count and engagement ids.
pub fn graphml(projection: &Projection<'_>, extra: &NodeColumns) -> Result<String> {
    check_columns(projection, extra)?;
    let columns = all_node_columns(projection, extra);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (i, (name, values)) in columns.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"n{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"/>",
            xml_escape(name),
            column_type(values)
        );
    }
    out.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    out.push_str("  <key id=\"shared\" for=\"edge\" attr.name=\"shared\" attr.type=\"long\"/>\n");
    out.push_str(
        "  <key id=\"engagements\" for=\"edge\" attr.name=\"engagements\" attr.type=\"string\"/>\n",
    );
    out.push_str(
        "  <key id=\"first_seen\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\"/>\n",
    );
    out.push_str(
        "  <key id=\"last_seen\" for=\"edge\" attr.name=\"last_seen\" attr.type=\"string\"/>\n",
    );
    let _ = writeln!(
        out,
        "  <graph id=\"{}\" edgedefault=\"undirected\">",
        xml_escape(&projection.two_mode().dataset().name)
    );
    for a in 0..projection.actor_count() {
        let _ = writeln!(
            out,
            "    <node id=\"{}\">",
            xml_escape(&projection.actor(a).id)
        );
        for (i, (_, values)) in columns.iter().enumerate() {
            if values[a] != Cell::Empty {
                let text = values[a].text(&TextStyle::XML);
                let _ = writeln!(out, "      <data key=\"n{i}\">{}</data>", xml_escape(&text));
            }
        }
        out.push_str("    </node>\n");
    }
    for (t, tie) in projection.ties().iter().enumerate() {
        let _ = write!(
            out,
            "    <edge source=\"{}\" target=\"{}\">\n      <data key=\"weight\">{}</data>\n      <data key=\"shared\">{}</data>\n      <data key=\"engagements\">{}</data>\n",
            xml_escape(&projection.actor(tie.source as usize).id),
            xml_escape(&projection.actor(tie.target as usize).id),
            float_value(tie.weight),
            tie.shared,
            xml_escape(&tie_engagements(projection, t).join(";"))
        );
        let (first, last) = projection.tie_span(t);
        for (key, day) in [("first_seen", first), ("last_seen", last)] {
            if let Some(day) = day {
                let _ = writeln!(out, "      <data key=\"{key}\">{day}</data>");
            }
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    Ok(out)
}

/// GEXF 1.2, undirected, node labels = names, tie weights native.
pub fn gexf(projection: &Projection<'_>, extra: &NodeColumns) -> Result<String> {
    check_columns(projection, extra)?;
    let columns: Vec<(String, Vec<Cell>)> = all_node_columns(projection, extra)
        .into_iter()
        .filter(|(name, _)| name != "name")
        .collect();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n");
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>verkosto</creator>\n    <description>{}</description>\n  </meta>",
        xml_escape(&projection.two_mode().dataset().name)
    );
    // Dynamic (Gephi's timeline) when any engagement has a date: nodes and
    // edges carry the spells of their engagements.
    let graph = projection.two_mode();
    let dynamic = (0..graph.engagement_count()).any(|e| graph.dates(e) != (None, None));
    if dynamic {
        out.push_str("  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n    <attributes class=\"node\">\n");
    } else {
        out.push_str("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n    <attributes class=\"node\">\n");
    }
    for (i, (name, values)) in columns.iter().enumerate() {
        let kind = match column_type(values) {
            "long" => "long",
            "double" => "double",
            "boolean" => "boolean",
            _ => "string",
        };
        let _ = writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{}\" type=\"{kind}\"/>",
            xml_escape(name)
        );
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n      <attribute id=\"shared\" title=\"shared\" type=\"long\"/>\n      <attribute id=\"engagements\" title=\"engagements\" type=\"string\"/>\n      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n    </attributes>\n    <nodes>\n");
    for a in 0..projection.actor_count() {
        let actor = projection.actor(a);
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>",
            xml_escape(&actor.id),
            xml_escape(&actor.name)
        );
        for (i, (_, values)) in columns.iter().enumerate() {
            if values[a] != Cell::Empty {
                let text = values[a].text(&TextStyle::XML);
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{i}\" value=\"{}\"/>",
                    xml_escape(&text)
                );
            }
        }
        let (r, g, b) = rgb(kind_color(&actor.kind));
        out.push_str("        </attvalues>\n");
        if dynamic {
            out.push_str(&gexf_spells(projection.spells(graph.engagements_of(a))));
        }
        let _ = writeln!(
            out,
            "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>\n      </node>"
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (t, tie) in projection.ties().iter().enumerate() {
        let _ = write!(
            out,
            "      <edge id=\"{t}\" source=\"{}\" target=\"{}\" weight=\"{}\">\n        <attvalues>\n          <attvalue for=\"shared\" value=\"{}\"/>\n          <attvalue for=\"engagements\" value=\"{}\"/>\n",
            xml_escape(&projection.actor(tie.source as usize).id),
            xml_escape(&projection.actor(tie.target as usize).id),
            float_value(tie.weight),
            tie.shared,
            xml_escape(&tie_engagements(projection, t).join(";"))
        );
        let (first, last) = projection.tie_span(t);
        for (key, day) in [("first_seen", first), ("last_seen", last)] {
            if let Some(day) = day {
                let _ = writeln!(out, "          <attvalue for=\"{key}\" value=\"{day}\"/>");
            }
        }
        out.push_str("        </attvalues>\n");
        if dynamic && projection.direct_ties_behind(t).is_empty() {
            out.push_str(&gexf_spells(
                projection.spells(projection.engagements_behind(t)),
            ));
        }
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    Ok(out)
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

/// networkx node-link JSON (`networkx.node_link_graph(data, edges="edges")`).
///
/// # Errors
///
/// As [`node_link_to`].
pub fn node_link(projection: &Projection<'_>, extra: &NodeColumns) -> Result<String> {
    let mut out = Vec::new();
    node_link_to(projection, extra, &mut out)?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// A sequence serialised from an iterator made when it is written, so a
/// list of millions of ties is never held whole.
struct Lazy<F>(F);

impl<F, I> serde::Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// Writes networkx node-link JSON to `out` as it is made: one node or tie
/// at a time (the same bytes as [`node_link`]).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for node columns of the wrong length;
/// [`Error::Write`] when `out` fails.
pub fn node_link_to(
    projection: &Projection<'_>,
    extra: &NodeColumns,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    check_columns(projection, extra)?;
    let columns = all_node_columns(projection, extra);
    let nodes = Lazy(|| {
        (0..projection.actor_count()).map(|a| {
            let mut node = Map::new();
            node.insert(
                "id".into(),
                Value::String(projection.actor(a).id.to_string()),
            );
            for (name, values) in &columns {
                if !matches!(values[a], Cell::Empty) {
                    node.insert(name.clone(), values[a].to_json());
                }
            }
            Value::Object(node)
        })
    });
    let edges = Lazy(|| {
        projection.ties().iter().enumerate().map(|(t, tie)| {
            json!({
                "source": projection.actor(tie.source as usize).id,
                "target": projection.actor(tie.target as usize).id,
                "weight": float_value(tie.weight),
                "shared": tie.shared,
                "engagements": tie_engagements(projection, t),
                "first_seen": projection.tie_span(t).0.map(|d| d.to_string()),
                "last_seen": projection.tie_span(t).1.map(|d| d.to_string()),
            })
        })
    });
    #[derive(serde::Serialize)]
    struct Graph<'a> {
        name: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Document<'a, N: serde::Serialize, E: serde::Serialize> {
        directed: bool,
        multigraph: bool,
        graph: Graph<'a>,
        nodes: N,
        edges: E,
    }
    let document = Document {
        directed: false,
        multigraph: false,
        graph: Graph {
            name: &projection.two_mode().dataset().name,
        },
        nodes,
        edges,
    };
    let fail = |e: std::io::Error| Error::Write {
        path: "<node-link JSON>".into(),
        source: e,
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(|e| fail(e.into()))?;
    out.write_all(b"\n").map_err(fail)
}

/// The network as two tables: one row per actor (id, then the node
/// columns and `extra`) and one per tie (source, target, weight, shared,
/// engagements, first_seen, last_seen).
///
/// # Errors
///
/// As [`csv_tables`].
pub fn network_tables(projection: &Projection<'_>, extra: &NodeColumns) -> Result<(Table, Table)> {
    check_columns(projection, extra)?;
    let columns = all_node_columns(projection, extra);
    let mut names = vec!["id"];
    names.extend(columns.iter().map(|(c, _)| c.as_str()));
    let mut nodes = Table::new(&names);
    for a in 0..projection.actor_count() {
        let mut row = vec![Cell::Text(projection.actor(a).id.clone())];
        row.extend(columns.iter().map(|(_, values)| values[a].clone()));
        nodes.push(row);
    }
    let mut ties = Table::new(&[
        "source",
        "target",
        "weight",
        "shared",
        "engagements",
        "first_seen",
        "last_seen",
    ]);
    for (t, tie) in projection.ties().iter().enumerate() {
        let (first, last) = projection.tie_span(t);
        ties.push(vec![
            Cell::Text(projection.actor(tie.source as usize).id.clone()),
            Cell::Text(projection.actor(tie.target as usize).id.clone()),
            Cell::Float(tie.weight),
            (tie.shared as usize).into(),
            Cell::List(tie_engagements(projection, t)),
            first.into(),
            last.into(),
        ]);
    }
    Ok((nodes, ties))
}

/// CSV tables: (`nodes.csv`, `ties.csv`). Cells that a spreadsheet would
/// run as formulas are neutralised. With `excel`, written for Excel with
/// Finnish settings ([`Table::to_csv_excel`]).
pub fn csv_tables(
    projection: &Projection<'_>,
    extra: &NodeColumns,
    excel: bool,
) -> Result<(String, String)> {
    let (nodes, ties) = network_tables(projection, extra)?;
    if excel {
        Ok((nodes.to_csv_excel(), ties.to_csv_excel()))
    } else {
        Ok((nodes.to_csv(), ties.to_csv()))
    }
}

/// A JSON attribute value as a cell: numbers numeric, yes/no boolean,
/// the rest text.
fn value_cell(value: &Value) -> Cell {
    match value {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Cell::Int(i),
            (None, Some(f)) => Cell::Float(f),
            _ => Cell::Text(n.to_string().into()),
        },
        Value::String(s) => Cell::from(s.as_str()),
        other => Cell::Text(other.to_string().into()),
    }
}

/// The dataset as the tables the importers read: actors (id, name, kind,
/// region, business_id, aliases joined by `;`, then one column per
/// attribute), engagements (id, name, kind, start, end, funding_eur,
/// part_of, then attributes), participation (engagement_id, actor_id,
/// role) and ties (source, target, kind, weight).
pub fn dataset_tables(dataset: &Dataset) -> Vec<(&'static str, Table)> {
    let attribute_names = |all: &mut dyn Iterator<Item = &String>| -> Vec<String> {
        let mut names: Vec<String> = all.cloned().collect();
        names.sort();
        names.dedup();
        names
    };
    let actor_extra = attribute_names(&mut dataset.actors.iter().flat_map(|a| a.attributes.keys()));
    let mut columns = vec!["id", "name", "kind", "region", "business_id", "aliases"];
    columns.extend(actor_extra.iter().map(String::as_str));
    let mut actors = Table::new(&columns);
    for a in &dataset.actors {
        let mut row = vec![
            Cell::Text(a.id.clone()),
            Cell::Text(a.name.clone()),
            Cell::Text(a.kind.clone()),
            a.region
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            a.business_id
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            if a.aliases.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(a.aliases.join("; ").into())
            },
        ];
        row.extend(
            actor_extra
                .iter()
                .map(|k| a.attributes.get(k).map_or(Cell::Empty, value_cell)),
        );
        actors.push(row);
    }
    let engagement_extra =
        attribute_names(&mut dataset.engagements.iter().flat_map(|e| e.attributes.keys()));
    let mut columns = crate::model::ENGAGEMENT_SCALAR_FIELDS.to_vec();
    columns.extend(engagement_extra.iter().map(String::as_str));
    let mut engagements = Table::new(&columns);
    let mut participation = Table::new(&["engagement_id", "actor_id", "role"]);
    for e in &dataset.engagements {
        let mut row = vec![
            Cell::Text(e.id.clone()),
            Cell::Text(e.name.clone()),
            Cell::Text(e.kind.clone()),
            e.start.into(),
            e.end.into(),
            e.funding_eur.map_or(Cell::Empty, Cell::Float),
            e.part_of
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
        ];
        row.extend(
            engagement_extra
                .iter()
                .map(|k| e.attributes.get(k).map_or(Cell::Empty, value_cell)),
        );
        engagements.push(row);
        for p in &e.participants {
            participation.push(vec![
                Cell::Text(e.id.clone()),
                Cell::Text(p.actor.clone()),
                Cell::Text(p.role.clone()),
            ]);
        }
    }
    let mut ties = Table::new(&["source", "target", "kind", "weight"]);
    for t in &dataset.ties {
        ties.push(vec![
            Cell::Text(t.source.clone()),
            Cell::Text(t.target.clone()),
            t.kind
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            Cell::Float(t.weight),
        ]);
    }
    vec![
        ("actors", actors),
        ("engagements", engagements),
        ("participation", participation),
        ("ties", ties),
    ]
}

/// The Excel workbook `export --to xlsx` writes: the dataset's tables
/// ([`dataset_tables`], read back by `import xlsx`) and the network's
/// `network_nodes` and `network_ties` ([`network_tables`]).
///
/// # Errors
///
/// As [`network_tables`] and [`crate::render::workbook`].
pub fn xlsx_workbook(
    dataset: &Dataset,
    projection: &Projection<'_>,
    extra: &NodeColumns,
) -> Result<Vec<u8>> {
    let mut sheets = dataset_tables(dataset);
    let (nodes, ties) = network_tables(projection, extra)?;
    sheets.push(("network_nodes", nodes));
    sheets.push(("network_ties", ties));
    let refs: Vec<(&str, &Table)> = sheets.iter().map(|(n, t)| (*n, t)).collect();
    crate::render::workbook(&refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping() {
        assert_eq!(
            xml_escape("a<b>&\"c'\u{1}\nd"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;d"
        );
        assert_eq!(xml_escape("Hämeen ELY-keskus"), "Hämeen ELY-keskus");
    }
}
