//! GraphML and GEXF: the network as XML for yEd, Gephi and networkx.

use super::{
    all_node_columns, check_columns, tie_engagements, write_failed, written, NodeColumn,
    NodeColumns,
};
use crate::error::Result;
use crate::graph::Projection;
use crate::render::palette::{kind_color, rgb};
use crate::render::xml::XmlWriter;
use crate::render::{float_value, Cell, TextStyle};

/// GEXF `<spells>` of a node or edge, or nothing when it is present
/// throughout (an undated engagement, or only direct ties).
fn gexf_spells(
    xml: &mut XmlWriter<impl std::io::Write>,
    spells: Option<Vec<(Option<crate::model::Date>, Option<crate::model::Date>)>>,
) {
    let Some(spells) = spells else {
        return;
    };
    xml.open("spells", &[]);
    for (start, end) in spells {
        let (start, end) = (start.map(|d| d.to_string()), end.map(|d| d.to_string()));
        let mut attributes = Vec::new();
        attributes.extend(start.as_deref().map(|s| ("start", s)));
        attributes.extend(end.as_deref().map(|e| ("end", e)));
        xml.empty("spell", &attributes);
    }
    xml.close("spells");
}

/// The XML type of a column: int, double, boolean or string.
fn column_type(values: impl Iterator<Item = Cell>) -> &'static str {
    let (mut present, mut ints, mut numbers, mut bools) = (false, true, true, true);
    for cell in values.filter(|c| !matches!(c, Cell::Empty)) {
        present = true;
        ints &= matches!(cell, Cell::Int(_));
        numbers &= matches!(cell, Cell::Int(_) | Cell::Float(_));
        bools &= matches!(cell, Cell::Bool(_));
    }
    if present && ints {
        "long"
    } else if present && numbers {
        "double"
    } else if present && bools {
        "boolean"
    } else {
        "string"
    }
}

/// GraphML, undirected, with typed keys for every node column and for the
/// tie weight, shared-engagement count and engagement ids.
///
/// # Errors
///
/// As [`graphml_to`].
pub fn graphml(projection: &Projection<'_>, extra: &NodeColumns) -> Result<String> {
    written(|out| graphml_to(projection, extra, out))
}

/// [`graphml`] written to `out` as it is made, a node or tie at a time.
///
/// # Errors
///
/// [`crate::Error::InvalidParameter`] for node columns of the wrong length,
/// before anything is written; [`crate::Error::Write`] when `out` fails.
pub fn graphml_to(
    projection: &Projection<'_>,
    extra: &NodeColumns,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    check_columns(projection, extra)?;
    let columns = all_node_columns(projection, extra);
    let mut xml = XmlWriter::to(out);
    xml.open(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    );
    let n = projection.actor_count();
    for (i, column) in columns.iter().enumerate() {
        let id = format!("n{i}");
        xml.empty(
            "key",
            &[
                ("id", &id),
                ("for", "node"),
                ("attr.name", &column.name),
                ("attr.type", column_type((0..n).map(|a| column.cell(a)))),
            ],
        );
    }
    for (key, kind) in [
        ("weight", "double"),
        ("shared", "long"),
        ("engagements", "string"),
        ("first_seen", "string"),
        ("last_seen", "string"),
    ] {
        xml.empty(
            "key",
            &[
                ("id", key),
                ("for", "edge"),
                ("attr.name", key),
                ("attr.type", kind),
            ],
        );
    }
    let name = &projection.two_mode().dataset().name;
    xml.open("graph", &[("id", name), ("edgedefault", "undirected")]);
    graphml_elements(&mut xml, projection, &columns);
    xml.close("graph");
    xml.close("graphml");
    xml.end().map(drop).map_err(write_failed("GraphML"))
}

/// GEXF 1.2, undirected, node labels = names, tie weights native.
///
/// # Errors
///
/// As [`gexf_to`].
pub fn gexf(projection: &Projection<'_>, extra: &NodeColumns) -> Result<String> {
    written(|out| gexf_to(projection, extra, out))
}

/// [`gexf`] written to `out` as it is made, a node or tie at a time.
///
/// # Errors
///
/// [`crate::Error::InvalidParameter`] for node columns of the wrong length,
/// before anything is written; [`crate::Error::Write`] when `out` fails.
pub fn gexf_to(
    projection: &Projection<'_>,
    extra: &NodeColumns,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    check_columns(projection, extra)?;
    let columns: Vec<NodeColumn<'_>> = all_node_columns(projection, extra)
        .into_iter()
        .filter(|c| c.name != "name")
        .collect();
    let mut xml = XmlWriter::to(out);
    xml.open(
        "gexf",
        &[
            ("xmlns", "http://www.gexf.net/1.2draft"),
            ("xmlns:viz", "http://www.gexf.net/1.2draft/viz"),
            ("version", "1.2"),
        ],
    );
    xml.open("meta", &[]);
    xml.text("creator", &[], "verkosto");
    xml.text("description", &[], &projection.two_mode().dataset().name);
    xml.close("meta");
    // Dynamic (Gephi's timeline) when any engagement has a date: nodes and
    // edges carry the spells of their engagements.
    let graph = projection.two_mode();
    let dynamic = (0..graph.engagement_count()).any(|e| graph.dates(e) != (None, None));
    if dynamic {
        let mode = [
            ("defaultedgetype", "undirected"),
            ("mode", "dynamic"),
            ("timeformat", "date"),
        ];
        xml.open("graph", &mode);
    } else {
        xml.open(
            "graph",
            &[("defaultedgetype", "undirected"), ("mode", "static")],
        );
    }
    xml.open("attributes", &[("class", "node")]);
    let n = projection.actor_count();
    for (i, column) in columns.iter().enumerate() {
        let kind = match column_type((0..n).map(|a| column.cell(a))) {
            "long" => "long",
            "double" => "double",
            "boolean" => "boolean",
            _ => "string",
        };
        let id = i.to_string();
        xml.empty(
            "attribute",
            &[("id", &id), ("title", &column.name), ("type", kind)],
        );
    }
    xml.close("attributes");
    xml.open("attributes", &[("class", "edge")]);
    for (key, kind) in [
        ("shared", "long"),
        ("engagements", "string"),
        ("first_seen", "string"),
        ("last_seen", "string"),
    ] {
        xml.empty("attribute", &[("id", key), ("title", key), ("type", kind)]);
    }
    xml.close("attributes");
    gexf_nodes(&mut xml, projection, &columns, dynamic);
    gexf_edges(&mut xml, projection, dynamic);
    xml.close("graph");
    xml.close("gexf");
    xml.end().map(drop).map_err(write_failed("GEXF"))
}

/// GEXF's `<nodes>`: each actor with its label, attribute values, spells
/// (when dynamic) and colour.
fn gexf_nodes(
    xml: &mut XmlWriter<impl std::io::Write>,
    projection: &Projection<'_>,
    columns: &[NodeColumn<'_>],
    dynamic: bool,
) {
    let graph = projection.two_mode();
    xml.open("nodes", &[]);
    for a in 0..projection.actor_count() {
        let actor = projection.actor(a);
        xml.open("node", &[("id", &actor.id), ("label", &actor.name)]);
        xml.open("attvalues", &[]);
        for (i, column) in columns.iter().enumerate() {
            let cell = column.cell(a);
            if cell != Cell::Empty {
                let (id, text) = (i.to_string(), cell.text(&TextStyle::XML));
                xml.empty("attvalue", &[("for", &id), ("value", &text)]);
            }
        }
        xml.close("attvalues");
        if dynamic {
            gexf_spells(
                xml,
                projection.spells(graph.engagements_of(a).iter().copied()),
            );
        }
        let (r, g, b) = rgb(kind_color(&actor.kind));
        let (r, g, b) = (r.to_string(), g.to_string(), b.to_string());
        xml.empty("viz:color", &[("r", &r), ("g", &g), ("b", &b)]);
        xml.close("node");
    }
    xml.close("nodes");
}

/// GEXF's `<edges>`: each tie with its weight, attribute values and spells
/// (when dynamic).
fn gexf_edges(
    xml: &mut XmlWriter<impl std::io::Write>,
    projection: &Projection<'_>,
    dynamic: bool,
) {
    xml.open("edges", &[]);
    for (t, tie) in projection.ties().iter().enumerate() {
        let (id, weight) = (t.to_string(), float_value(tie.weight).to_string());
        xml.open(
            "edge",
            &[
                ("id", &id),
                ("source", &projection.actor(tie.source as usize).id),
                ("target", &projection.actor(tie.target as usize).id),
                ("weight", &weight),
            ],
        );
        xml.open("attvalues", &[]);
        let shared = projection.shared(tie).to_string();
        xml.empty("attvalue", &[("for", "shared"), ("value", &shared)]);
        let engagements = tie_engagements(projection, t, tie).join(";");
        xml.empty(
            "attvalue",
            &[("for", "engagements"), ("value", &engagements)],
        );
        let (first, last) = projection.tie_span(tie);
        for (key, day) in [("first_seen", first), ("last_seen", last)] {
            if let Some(day) = day {
                xml.empty("attvalue", &[("for", key), ("value", &day.to_string())]);
            }
        }
        xml.close("attvalues");
        if dynamic && projection.direct_ties_behind(t).is_empty() {
            gexf_spells(xml, projection.spells(projection.engagements_behind(tie)));
        }
        xml.close("edge");
    }
    xml.close("edges");
}

/// GraphML's nodes with their data, then its edges with theirs.
fn graphml_elements(
    xml: &mut XmlWriter<impl std::io::Write>,
    projection: &Projection<'_>,
    columns: &[NodeColumn<'_>],
) {
    for a in 0..projection.actor_count() {
        xml.open("node", &[("id", &projection.actor(a).id)]);
        for (i, column) in columns.iter().enumerate() {
            let cell = column.cell(a);
            if cell != Cell::Empty {
                let key = format!("n{i}");
                xml.text("data", &[("key", &key)], &cell.text(&TextStyle::XML));
            }
        }
        xml.close("node");
    }
    for (t, tie) in projection.ties().iter().enumerate() {
        xml.open(
            "edge",
            &[
                ("source", &projection.actor(tie.source as usize).id),
                ("target", &projection.actor(tie.target as usize).id),
            ],
        );
        xml.text(
            "data",
            &[("key", "weight")],
            &float_value(tie.weight).to_string(),
        );
        xml.text(
            "data",
            &[("key", "shared")],
            &projection.shared(tie).to_string(),
        );
        let engagements = tie_engagements(projection, t, tie).join(";");
        xml.text("data", &[("key", "engagements")], &engagements);
        let (first, last) = projection.tie_span(tie);
        for (key, day) in [("first_seen", first), ("last_seen", last)] {
            if let Some(day) = day {
                xml.text("data", &[("key", key)], &day.to_string());
            }
        }
        xml.close("edge");
    }
}
