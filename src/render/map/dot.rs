//! The map as DOT, built with graphviz-rust through one escaping function.

use super::{MapModel, MapNode, OTHER_COLOR};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;

/// The one escaping function for DOT: a double-quoted string in which
/// quotes and backslashes are escaped, line breaks become `\n`, and other
/// control characters are dropped. Everything else — `<`, `>`, `{`, `}`,
/// `:`, `;`, leading digits, non-ASCII — is safe inside the quotes.
pub fn dot_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn attr(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.to_string()), Id::Escaped(dot_quote(value)))
}

/// The default engine: `fdp` when clustered (neato ignores clusters),
/// `neato` up to 300 nodes, `sfdp` above.
pub fn default_engine(model: &MapModel) -> &'static str {
    if model.nodes.iter().any(|n| n.cluster.is_some()) {
        "fdp"
    } else if model.nodes.len() <= 300 {
        "neato"
    } else {
        "sfdp"
    }
}

/// The map as DOT text (an undirected graph built with graphviz-rust).
pub fn to_dot(model: &MapModel) -> String {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr(
                "label",
                &format!(
                    "{}\n{}\n{}{}",
                    model.title,
                    model.caption,
                    model.scale_note,
                    model
                        .thinning_note
                        .as_ref()
                        .map(|n| format!("\n{n}"))
                        .unwrap_or_default()
                ),
            ),
            attr("labelloc", "t"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "12"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("outputorder", "edgesfirst"),
            attr("bgcolor", "white"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
            attr("fixedsize", "false"),
            attr("penwidth", "0.5"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("color", "#55555580")])),
    ];
    let node_stmt = |node: &MapNode| -> Stmt {
        let mut attributes = vec![
            attr("label", node.label.as_deref().unwrap_or("")),
            attr("tooltip", &node.tooltip),
            attr("fillcolor", &node.color),
            attr("shape", if node.is_engagement { "box" } else { "circle" }),
            attr("width", &format!("{:.3}", node.size)),
            attr("height", &format!("{:.3}", node.size)),
        ];
        if node.label.is_some() && !node.is_engagement {
            // Labels beside small circles, not squeezed inside them.
            attributes[0] = attr("label", "");
            attributes.push(attr("xlabel", node.label.as_deref().unwrap_or("")));
        }
        Stmt::Node(Node::new(
            NodeId(Id::Escaped(dot_quote(&node.key)), None),
            attributes,
        ))
    };
    let mut clusters: BTreeMap<&str, Vec<Stmt>> = BTreeMap::new();
    for node in &model.nodes {
        match &node.cluster {
            Some(c) => clusters
                .entry(c.as_str())
                .or_default()
                .push(node_stmt(node)),
            None => stmts.push(node_stmt(node)),
        }
    }
    for (i, (name, members)) in clusters.into_iter().enumerate() {
        let mut inner = vec![
            Stmt::Attribute(attr("label", name)),
            Stmt::Attribute(attr("style", "rounded,dashed")),
            Stmt::Attribute(attr("color", "#999999")),
        ];
        inner.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Escaped(dot_quote(&format!("cluster_{i}"))),
            stmts: inner,
        }));
    }
    for edge in &model.edges {
        let mut attributes = vec![
            attr("penwidth", &format!("{:.2}", edge.width)),
            attr("color", &edge.color),
            attr("tooltip", &edge.tooltip),
        ];
        if edge.dashed {
            attributes.push(attr("style", "dashed"));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(
                    Id::Escaped(dot_quote(&model.nodes[edge.a].key)),
                    None,
                )),
                Vertex::N(NodeId(
                    Id::Escaped(dot_quote(&model.nodes[edge.b].key)),
                    None,
                )),
            ),
            attributes,
        }));
    }
    // The legend: one swatch per colour group.
    let mut legend = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#999999")),
    ];
    for (i, (group, color, count)) in model.legend.iter().enumerate() {
        legend.push(Stmt::Node(Node::new(
            NodeId(Id::Escaped(dot_quote(&format!("legend_{i}"))), None),
            vec![
                attr("label", &format!("{group} ({count})")),
                attr("shape", "box"),
                attr("fillcolor", color),
                attr(
                    "fontcolor",
                    if color == OTHER_COLOR
                        || color == "#F0E442"
                        || color == "#E69F00"
                        || color == "#56B4E9"
                    {
                        "black"
                    } else {
                        "white"
                    },
                ),
            ],
        )));
    }
    stmts.push(Stmt::Subgraph(Subgraph {
        id: Id::Escaped(dot_quote("cluster_legend")),
        stmts: legend,
    }));
    let graph = Graph::Graph {
        id: Id::Escaped(dot_quote("verkosto")),
        strict: false,
        stmts,
    };
    let mut ctx = PrinterContext::default();
    let mut text = graph.print(&mut ctx);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_everything() {
        assert_eq!(dot_quote(r#"Say "hi" \ bye"#), r#""Say \"hi\" \\ bye""#);
        assert_eq!(dot_quote("a\r\nb\nc\u{7}"), r#""a\nb\nc""#);
        assert_eq!(dot_quote("<b>{x};: 1st Hämeen"), "\"<b>{x};: 1st Hämeen\"");
    }
}
