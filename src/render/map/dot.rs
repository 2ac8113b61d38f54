//! The map as DOT, built with graphviz-rust through one escaping function:
//! the graph alone for a layout engine, and the composed page with every
//! position fixed, which Graphviz draws as PNG or PDF.

use super::geometry::{Picture, Text};
use super::MapModel;
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
            // Graphviz decodes HTML entities in labels: keep `&lt;` literal.
            '&' => out.push_str("&amp;"),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn attr(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.to_string()), Id::Escaped(dot_quote(value)))
}

fn node(name: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(Node::new(
        NodeId(Id::Plain(name.to_string()), None),
        attributes,
    ))
}

fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(Id::Plain(a.to_string()), None)),
            Vertex::N(NodeId(Id::Plain(b.to_string()), None)),
        ),
        attributes,
    })
}

fn print(stmts: Vec<Stmt>) -> String {
    let graph = Graph::Graph {
        id: Id::Escaped(dot_quote("verkosto")),
        strict: false,
        stmts,
    };
    let mut text = graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// The network alone, for a Graphviz layout engine: node `n<i>` is
/// `model.nodes[i]` at its size; clusters as subgraphs; separate components
/// laid out apart (`pack`).
pub fn layout_dot(model: &MapModel) -> String {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("pack", "true"),
            attr("overlap", "false"),
            attr("sep", "+10"),
            attr("splines", "false"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", "circle"),
            attr("fixedsize", "true"),
            attr("label", ""),
        ])),
    ];
    let node_stmt = |i: usize| {
        let n = &model.nodes[i];
        let size = format!("{:.3}", n.size);
        node(
            &format!("n{i}"),
            vec![
                attr("width", &size),
                attr("height", &size),
                attr("shape", if n.is_engagement { "square" } else { "circle" }),
            ],
        )
    };
    let mut clusters: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, n) in model.nodes.iter().enumerate() {
        match &n.cluster {
            Some(c) => clusters.entry(c.as_str()).or_default().push(i),
            None => stmts.push(node_stmt(i)),
        }
    }
    for (k, (_, members)) in clusters.into_iter().enumerate() {
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{k}")),
            stmts: members.into_iter().map(node_stmt).collect(),
        }));
    }
    for e in &model.edges {
        stmts.push(edge(&format!("n{}", e.a), &format!("n{}", e.b), Vec::new()));
    }
    print(stmts)
}

/// Graphviz coordinates (points, y up) of a page point (y down).
fn pos(height: f64, x: f64, y: f64) -> String {
    format!("{:.2},{:.2}!", x, height - y)
}

fn text_node(height: f64, name: &str, t: &Text) -> Stmt {
    let b = t.bounds();
    // Left-aligned text ends with Graphviz's `\l`, so that it starts at the
    // node's left edge whatever the font's real widths.
    // A line break is `\l` (left), `\r` (right) or `\n` (centred), and so
    // is the end.
    let lines: Vec<String> = t
        .text
        .split('\n')
        .map(|line| {
            let quoted = dot_quote(line);
            quoted[1..quoted.len() - 1].to_string()
        })
        .collect();
    let label = if t.middle {
        format!("\"{}\"", lines.join("\\n"))
    } else if t.end {
        format!("\"{}\\r\"", lines.join("\\r"))
    } else {
        format!("\"{}\\l\"", lines.join("\\l"))
    };
    let font = match (t.bold, t.italic) {
        (true, _) => "Helvetica-Bold",
        (false, true) => "Helvetica-Oblique",
        _ => "Helvetica",
    };
    node(
        name,
        vec![
            attr("shape", "plaintext"),
            Attribute(Id::Plain("label".into()), Id::Escaped(label)),
            attr("fixedsize", "true"),
            attr("labeljust", "l"),
            attr("fontname", font),
            attr("fontsize", &format!("{}", t.size)),
            attr("fontcolor", t.color),
            attr("width", &format!("{:.4}", (b.right - b.left) / 72.0)),
            attr("height", &format!("{:.4}", (b.bottom - b.top) / 72.0)),
            attr("margin", "0"),
            attr(
                "pos",
                &pos(height, (b.left + b.right) / 2.0, (b.top + b.bottom) / 2.0),
            ),
        ],
    )
}

fn point(height: f64, name: &str, x: f64, y: f64) -> Stmt {
    node(
        name,
        vec![
            attr("shape", "point"),
            attr("width", "0.001"),
            attr("style", "invis"),
            attr("pos", &pos(height, x, y)),
        ],
    )
}

/// The composed page as DOT with every position fixed (`neato -n2`):
/// Graphviz draws exactly this picture as PNG or PDF, and `dot -Tpng` on
/// the file does too (it names its layout).
pub fn pinned_dot(p: &Picture) -> String {
    let h = p.height;
    let inches = |points: f64| format!("{:.4}", points / 72.0);
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("layout", "neato"),
            attr("splines", "false"),
            attr("outputorder", "edgesfirst"),
            attr("bgcolor", "white"),
            attr("pad", "0"),
            attr("margin", "0"),
            attr("notranslate", "true"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("fixedsize", "true")])),
        point(h, "corner0", 0.0, 0.0),
        point(h, "corner1", p.width, p.height),
        text_node(h, "title", &p.title),
    ];
    for (i, &(x, y)) in p.backdrop.iter().enumerate() {
        stmts.push(node(
            &format!("place{i}"),
            vec![
                attr("shape", "circle"),
                attr("style", "filled"),
                attr("fixedsize", "true"),
                attr("width", "0.039"),
                attr("label", ""),
                attr("penwidth", "0"),
                attr("fillcolor", super::svg::BACKDROP),
                attr("color", super::svg::BACKDROP),
                attr("pos", &pos(h, x, y)),
            ],
        ));
    }
    for (i, b) in p.clusters.iter().enumerate() {
        let r = b.rect;
        stmts.push(node(
            &format!("cluster{i}"),
            vec![
                attr("shape", "box"),
                attr("style", "dashed,rounded"),
                attr("color", "#bbbbbb"),
                attr("label", ""),
                attr("width", &inches(r.right - r.left)),
                attr("height", &inches(r.bottom - r.top)),
                attr(
                    "pos",
                    &pos(h, (r.left + r.right) / 2.0, (r.top + r.bottom) / 2.0),
                ),
            ],
        ));
        stmts.push(text_node(h, &format!("clustername{i}"), &b.label));
    }
    for (i, n) in p.nodes.iter().enumerate() {
        let side = inches(2.0 * n.r);
        stmts.push(node(
            &format!("n{i}"),
            vec![
                attr("shape", if n.square { "square" } else { "circle" }),
                attr("style", "filled"),
                attr("fillcolor", &n.fill),
                attr("color", if n.ego { "#000000" } else { "#333333" }),
                attr("penwidth", if n.ego { "2.5" } else { "0.6" }),
                attr("label", ""),
                attr("tooltip", &n.tooltip),
                attr("width", &side),
                attr("height", &side),
                attr("pos", &pos(h, n.cx, n.cy)),
            ],
        ));
    }
    for e in &p.edges {
        let mut attributes = vec![
            attr(
                "color",
                &format!("{}{:02x}", e.color, (e.opacity * 255.0).round() as u8),
            ),
            attr("penwidth", &format!("{:.2}", e.width)),
            attr("tooltip", &e.tooltip),
        ];
        if e.dashed {
            attributes.push(attr("style", "dashed"));
        }
        stmts.push(edge(
            &format!("n{}", e.nodes.0),
            &format!("n{}", e.nodes.1),
            attributes,
        ));
    }
    for (i, t) in p.island_captions.iter().enumerate() {
        stmts.push(text_node(h, &format!("island{i}"), t));
    }
    for (i, l) in p.labels.iter().enumerate() {
        if let Some((x1, y1, x2, y2)) = l.leader {
            stmts.push(point(h, &format!("leader{i}a"), x1, y1));
            stmts.push(point(h, &format!("leader{i}b"), x2, y2));
            stmts.push(edge(
                &format!("leader{i}a"),
                &format!("leader{i}b"),
                vec![attr("color", "#777777"), attr("penwidth", "0.6")],
            ));
        }
        stmts.push(text_node(h, &format!("label{i}"), &l.text));
    }
    let r = p.legend.rect;
    stmts.push(node(
        "legend",
        vec![
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fillcolor", "white"),
            attr("color", "#999999"),
            attr("penwidth", "0.6"),
            attr("label", ""),
            attr("width", &inches(r.right - r.left)),
            attr("height", &inches(r.bottom - r.top)),
            attr(
                "pos",
                &pos(h, (r.left + r.right) / 2.0, (r.top + r.bottom) / 2.0),
            ),
        ],
    ));
    stmts.push(text_node(h, "legendtitle", &p.legend.title));
    for (i, row) in p.legend.rows.iter().enumerate() {
        stmts.push(node(
            &format!("swatch{i}"),
            vec![
                attr("shape", "circle"),
                attr("style", "filled"),
                attr("fillcolor", if row.ring { "#ffffff" } else { &row.color }),
                attr("color", if row.ring { "#000000" } else { "#333333" }),
                attr("penwidth", if row.ring { "2" } else { "0.6" }),
                attr("label", ""),
                attr("width", "0.139"),
                attr("height", "0.139"),
                attr("pos", &pos(h, row.cx, row.cy)),
            ],
        ));
        stmts.push(text_node(h, &format!("legendrow{i}"), &row.text));
    }
    for (i, t) in p.legend.notes.iter().enumerate() {
        stmts.push(text_node(h, &format!("legendnote{i}"), t));
    }
    for (i, t) in p.caption.iter().enumerate() {
        stmts.push(text_node(h, &format!("caption{i}"), t));
    }
    print(stmts)
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
