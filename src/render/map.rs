//! Network maps: an engine-independent model of what to draw (nodes,
//! ties, colours, sizes, labels, clusters, legend, title and caption),
//! written as DOT for Graphviz (built with graphviz-rust) or laid out and
//! drawn as SVG by verkosto itself when Graphviz is not installed.

use super::layout::force_layout;
use crate::error::{Error, Result};
use crate::graph::Projection;
use crate::metrics::community::{detect, CommunityOptions};
use crate::metrics::core::core_number;
use crate::metrics::{actor_metrics, group_values, ActorMetricsOptions, ACTOR_METRICS};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;

/// Which labels to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// The N actors with the largest size metric.
    Top(usize),
    /// Every actor.
    All,
    /// None.
    None,
}

impl std::str::FromStr for Labels {
    type Err = Error;
    fn from_str(s: &str) -> Result<Labels> {
        match s {
            "all" => Ok(Labels::All),
            "none" => Ok(Labels::None),
            _ => s
                .strip_prefix("top:")
                .and_then(|n| n.parse().ok())
                .map(Labels::Top)
                .ok_or_else(|| {
                    Error::Option(format!("--labels {s:?}: expected top:N, all or none"))
                }),
        }
    }
}

/// What the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapMode {
    /// The actor–actor network.
    #[default]
    Projection,
    /// Actors and engagements as different shapes, linked by role.
    TwoMode,
}

impl std::str::FromStr for MapMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<MapMode> {
        match s {
            "projection" => Ok(MapMode::Projection),
            "two-mode" => Ok(MapMode::TwoMode),
            other => Err(Error::Option(format!(
                "--mode {other:?}: expected projection or two-mode"
            ))),
        }
    }
}

/// Options of [`build_map`].
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Colour actors by `kind`, `community`, `region` or any attribute.
    pub color_by: String,
    /// Size actors by this per-actor metric (see [`ACTOR_METRICS`]).
    pub size_by: String,
    /// Which labels to show.
    pub labels: Labels,
    /// Draw a box around each `community`, each `kind`, or `none`.
    pub cluster_by: String,
    /// Projection or two-mode.
    pub mode: MapMode,
    /// Only this actor's neighbourhood: (id, radius in ties).
    pub ego: Option<(String, usize)>,
    /// Show at most this many actors; above, the densest k-core that fits
    /// is shown and a note says what was hidden.
    pub max_actors: usize,
    /// Community detection for colours and clusters.
    pub community: CommunityOptions,
    /// Title (default: the dataset's name).
    pub title: Option<String>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            color_by: "kind".into(),
            size_by: "degree".into(),
            labels: Labels::Top(15),
            cluster_by: "none".into(),
            mode: MapMode::Projection,
            ego: None,
            max_actors: 400,
            community: CommunityOptions::default(),
            title: None,
        }
    }
}

/// One node to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    /// A safe key (`a12`, `e3`).
    pub key: String,
    /// The label shown, if any (shortened).
    pub label: Option<String>,
    /// The full name, for tooltips.
    pub tooltip: String,
    /// Fill colour (`#rrggbb`).
    pub color: String,
    /// Diameter in inches.
    pub size: f64,
    /// Box (engagement) rather than circle (actor).
    pub is_engagement: bool,
    /// Cluster name, if clustered.
    pub cluster: Option<String>,
}

/// One tie to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEdge {
    /// Index of one end in `nodes`.
    pub a: usize,
    /// Index of the other end.
    pub b: usize,
    /// Line width in points.
    pub width: f64,
    /// Line colour.
    pub color: String,
    /// Dashed (a target-group participation in two-mode maps).
    pub dashed: bool,
    /// Tooltip: the two names and what links them.
    pub tooltip: String,
}

/// Everything a map shows, before any layout.
#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    /// Title line.
    pub title: String,
    /// Caption: dataset, filters, date range, what sizes and widths mean.
    pub caption: String,
    /// Nodes.
    pub nodes: Vec<MapNode>,
    /// Ties.
    pub edges: Vec<MapEdge>,
    /// Colour legend: (group, colour, count).
    pub legend: Vec<LegendRow>,
    /// What node size and line width mean.
    pub scale_note: String,
    /// What was hidden to keep the map legible, if anything.
    pub thinning_note: Option<String>,
}

/// A legend row: (group, colour, count).
pub type LegendRow = (String, String, usize);

/// Colours that stay apart for colour-blind readers (Okabe–Ito, then
/// Tableau), the last for "other".
const PALETTE: &[&str] = &[
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#8C564B",
    "#7F7F7F", "#17BECF", "#BCBD22", "#9467BD",
];
const OTHER_COLOR: &str = "#C7C7C7";

/// Shortens a label to `max` characters with an ellipsis; one line.
pub fn short_label(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Colours for groups: the largest groups get palette colours, the rest
/// share grey. Returns (group → colour, legend rows).
fn colours(values: &[String]) -> (BTreeMap<String, String>, Vec<LegendRow>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_insert(0) += 1;
    }
    let mut order: Vec<(&str, usize)> = counts.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut map = BTreeMap::new();
    let mut legend = Vec::new();
    let mut other = 0;
    for (i, (group, count)) in order.iter().enumerate() {
        if i < PALETTE.len() - 1 || order.len() == PALETTE.len() {
            let color = PALETTE[i.min(PALETTE.len() - 1)].to_string();
            map.insert(group.to_string(), color.clone());
            legend.push((group.to_string(), color, *count));
        } else {
            map.insert(group.to_string(), OTHER_COLOR.to_string());
            other += count;
        }
    }
    if other > 0 {
        legend.push(("other groups".into(), OTHER_COLOR.into(), other));
    }
    (map, legend)
}

/// Actors within `radius` ties of `center`.
fn neighbourhood(adjacency: &crate::graph::Adjacency, center: usize, radius: usize) -> Vec<bool> {
    let mut keep = vec![false; adjacency.node_count()];
    let mut depth = vec![usize::MAX; adjacency.node_count()];
    let mut queue = VecDeque::from([center]);
    depth[center] = 0;
    keep[center] = true;
    while let Some(v) = queue.pop_front() {
        if depth[v] == radius {
            continue;
        }
        for &u in adjacency.neighbors(v) {
            if depth[u as usize] == usize::MAX {
                depth[u as usize] = depth[v] + 1;
                keep[u as usize] = true;
                queue.push_back(u as usize);
            }
        }
    }
    keep
}

/// Builds the map model of a projection.
pub fn build_map(projection: &Projection<'_>, options: &MapOptions) -> Result<MapModel> {
    if !ACTOR_METRICS.contains(&options.size_by.as_str()) {
        return Err(Error::Option(format!(
            "--size-by {:?}: expected one of {}",
            options.size_by,
            ACTOR_METRICS.join(", ")
        )));
    }
    if !["community", "kind", "none"].contains(&options.cluster_by.as_str()) {
        return Err(Error::Option(format!(
            "--cluster-by {:?}: expected community, kind or none",
            options.cluster_by
        )));
    }
    let adjacency = projection.adjacency();
    let n = projection.actor_count();
    let graph = projection.two_mode();
    let dataset = graph.dataset();

    // Which actors to show: an ego network, then thinning by k-core.
    let mut keep = vec![true; n];
    let mut notes = Vec::new();
    if let Some((id, radius)) = &options.ego {
        let center = graph.actor_position(id).ok_or_else(|| {
            Error::Option(format!(
                "--ego {id:?}: no such actor in the network (check the id and the filters)"
            ))
        })?;
        keep = neighbourhood(&adjacency, center, *radius);
        notes.push(format!(
            "{} and the actors within {radius} ties of it",
            projection.actor(center).name
        ));
    }
    let shown = keep.iter().filter(|k| **k).count();
    let mut thinning_note = None;
    if shown > options.max_actors {
        let cores = core_number(&adjacency);
        let mut k = 0;
        while (0..n).filter(|&v| keep[v] && cores[v] > k).count() > options.max_actors {
            k += 1;
        }
        let before_ties = projection
            .ties()
            .iter()
            .filter(|t| keep[t.source as usize] && keep[t.target as usize])
            .count();
        for v in 0..n {
            keep[v] = keep[v] && cores[v] > k;
        }
        let after = keep.iter().filter(|k| **k).count();
        let after_ties = projection
            .ties()
            .iter()
            .filter(|t| keep[t.source as usize] && keep[t.target as usize])
            .count();
        thinning_note = Some(format!(
            "To stay legible the map shows the {}-core: {after} of {shown} actors and {after_ties} of {before_ties} ties; {} actors with fewer than {} ties inside the core are hidden.",
            k + 1,
            shown - after,
            k + 1
        ));
    }

    // Sizes, colours, clusters.
    let wanted = vec![options.size_by.clone()];
    let metrics = actor_metrics(
        projection,
        &ActorMetricsOptions {
            metrics: wanted,
            community: options.community,
            ..Default::default()
        },
    )?;
    let size_values: Vec<f64> = metrics.values[0]
        .iter()
        .map(|v| v.as_f64().unwrap_or(0.0))
        .collect();
    let needs_communities = options.color_by == "community" || options.cluster_by == "community";
    let communities = if needs_communities {
        Some(detect(&adjacency, &options.community)?)
    } else {
        None
    };
    let group_of = |key: &str| -> Vec<String> {
        if key == "community" {
            let p = communities.as_ref().expect("computed above");
            p.membership
                .iter()
                .map(|c| format!("community {}", c + 1))
                .collect()
        } else {
            group_values(projection, key)
        }
    };
    let color_groups = group_of(&options.color_by);
    let shown_groups: Vec<String> = (0..n)
        .filter(|&v| keep[v])
        .map(|v| color_groups[v].clone())
        .collect();
    let (palette, legend) = colours(&shown_groups);
    let clusters = match options.cluster_by.as_str() {
        "none" => None,
        key => Some(group_of(key)),
    };
    let max_size = (0..n)
        .filter(|&v| keep[v])
        .map(|v| size_values[v])
        .fold(0.0, f64::max);
    let mut labelled = vec![false; n];
    match options.labels {
        Labels::All => labelled = keep.clone(),
        Labels::None => {}
        Labels::Top(k) => {
            let mut order: Vec<usize> = (0..n).filter(|&v| keep[v]).collect();
            order.sort_by(|&a, &b| size_values[b].total_cmp(&size_values[a]).then(a.cmp(&b)));
            for &v in order.iter().take(k) {
                labelled[v] = true;
            }
        }
    }

    let mut nodes = Vec::new();
    let mut index = vec![usize::MAX; n];
    for v in 0..n {
        if !keep[v] {
            continue;
        }
        let actor = projection.actor(v);
        index[v] = nodes.len();
        let relative = if max_size > 0.0 {
            (size_values[v].max(0.0) / max_size).sqrt()
        } else {
            0.0
        };
        nodes.push(MapNode {
            key: format!("a{v}"),
            label: labelled[v].then(|| short_label(&actor.name, 32)),
            tooltip: format!(
                "{} ({}; {} {})",
                actor.name,
                actor.kind,
                options.size_by,
                crate::render::format_float(size_values[v], 3)
            ),
            color: palette[&color_groups[v]].clone(),
            size: 0.18 + 0.6 * relative,
            is_engagement: false,
            cluster: clusters.as_ref().map(|c| c[v].clone()),
        });
    }
    let mut edges = Vec::new();
    let max_weight = projection
        .ties()
        .iter()
        .map(|t| t.weight)
        .fold(0.0, f64::max);
    match options.mode {
        MapMode::Projection => {
            for (t, tie) in projection.ties().iter().enumerate() {
                let (a, b) = (tie.source as usize, tie.target as usize);
                if !(keep[a] && keep[b]) {
                    continue;
                }
                let behind: Vec<String> = projection
                    .engagements_behind(t)
                    .iter()
                    .map(|&e| graph.engagement(e as usize).id.clone())
                    .collect();
                edges.push(MapEdge {
                    a: index[a],
                    b: index[b],
                    width: 0.4 + 4.0 * tie.weight / max_weight.max(f64::MIN_POSITIVE),
                    color: "#55555580".into(),
                    dashed: false,
                    tooltip: format!(
                        "{} – {}: weight {} ({})",
                        projection.actor(a).name,
                        projection.actor(b).name,
                        crate::render::format_float(tie.weight, 3),
                        behind.join(", ")
                    ),
                });
            }
        }
        MapMode::TwoMode => {
            for e in 0..graph.engagement_count() {
                let members: Vec<u32> = graph
                    .members(e)
                    .iter()
                    .copied()
                    .filter(|&a| keep[a as usize])
                    .collect();
                if members.is_empty() {
                    continue;
                }
                let engagement = graph.engagement(e);
                let node = nodes.len();
                nodes.push(MapNode {
                    key: format!("e{e}"),
                    label: matches!(options.labels, Labels::None)
                        .then_some(())
                        .map_or_else(|| Some(short_label(&engagement.id, 24)), |_| None),
                    tooltip: format!(
                        "{} ({}, {})",
                        engagement.name, engagement.id, engagement.kind
                    ),
                    color: "#FFFFFF".into(),
                    size: 0.25,
                    is_engagement: true,
                    cluster: None,
                });
                for a in members {
                    let role = graph.role(e, a).unwrap_or("participant");
                    edges.push(MapEdge {
                        a: index[a as usize],
                        b: node,
                        width: if role == "coordinator" { 2.5 } else { 1.0 },
                        color: match role {
                            "coordinator" => "#000000",
                            "implementer" | "partner" | "member" => "#444444",
                            "funder" | "authority" => "#0072B2",
                            _ => "#999999",
                        }
                        .into(),
                        dashed: role == "target",
                        tooltip: format!(
                            "{} – {}: {role}",
                            projection.actor(a as usize).name,
                            engagement.name
                        ),
                    });
                }
            }
        }
    }

    let filter = graph.filter().describe();
    let dates: Vec<crate::model::Date> = (0..graph.engagement_count())
        .flat_map(|e| [graph.engagement(e).start, graph.engagement(e).end])
        .flatten()
        .collect();
    let range = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => format!("; engagements {a} – {b}"),
        _ => String::new(),
    };
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| dataset.name.clone());
    let mut caption = format!(
        "{}{} actors, {} ties; weight {}; {filter}{range}",
        if title == dataset.name {
            String::new()
        } else {
            format!("{}: ", dataset.name)
        },
        nodes.iter().filter(|n| !n.is_engagement).count(),
        edges.len(),
        projection.weighting()
    );
    if !notes.is_empty() {
        caption.push_str(&format!("; {}", notes.join("; ")));
    }
    let scale_note = match options.mode {
        MapMode::Projection => format!(
            "Node size: {} (largest {}). Line width: tie weight ({}, heaviest {}). Colour: {}.",
            options.size_by,
            crate::render::format_float(max_size, 3),
            projection.weighting(),
            crate::render::format_float(max_weight, 3),
            options.color_by
        ),
        MapMode::TwoMode => format!(
            "Circles: actors, sized by {}; boxes: engagements. Thick black: coordinator; grey: implementer, partner, member; blue: funder, authority; dashed: target group. Colour: {}.",
            options.size_by, options.color_by
        ),
    };
    Ok(MapModel {
        title,
        caption,
        nodes,
        edges,
        legend,
        scale_note,
        thinning_note,
    })
}

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

/// Graphviz engines verkosto can call.
pub const ENGINES: &[&str] = &["dot", "neato", "fdp", "sfdp"];

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

/// Runs Graphviz: `dot -K<engine> -T<format>` on `dot_text`. Returns
/// `Ok(None)` when the `dot` program is not installed.
pub fn run_graphviz(dot_text: &str, engine: &str, format: &str) -> Result<Option<Vec<u8>>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    if !ENGINES.contains(&engine) {
        return Err(Error::Option(format!(
            "--engine {engine:?}: expected one of {}",
            ENGINES.join(", ")
        )));
    }
    let child = Command::new("dot")
        .arg(format!("-K{engine}"))
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(Error::Write {
                path: "dot".into(),
                source,
            })
        }
    };
    let mut stdin = child.stdin.take().expect("piped");
    let text = dot_text.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().map_err(|source| Error::Write {
        path: "dot".into(),
        source,
    })?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(Error::Graphviz(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    Ok(Some(out.stdout))
}

/// True when the Graphviz `dot` program can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The map as SVG drawn by verkosto (seeded force-directed layout), with
/// the same colours, sizes, labels and legend as the Graphviz map.
pub fn to_builtin_svg(model: &MapModel, seed: u64) -> String {
    use super::export::xml_escape;
    let sizes: Vec<f64> = model.nodes.iter().map(|n| n.size).collect();
    let edges: Vec<(usize, usize)> = model.edges.iter().map(|e| (e.a, e.b)).collect();
    let positions = force_layout(model.nodes.len(), &edges, &sizes, seed);
    let (width, height) = (900.0, 700.0);
    let margin = 60.0;
    let legend_width = 230.0;
    let header = 70.0;
    let map_w = width - legend_width - 2.0 * margin;
    let map_h = height - header - 2.0 * margin;
    let to_px = |(x, y): (f64, f64)| (margin + x * map_w, header + margin + y * map_h);
    let mut svg = String::new();
    let total_height = height + 20.0 * (model.legend.len() as f64 - 20.0).max(0.0);
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {total_height}\" width=\"{width}\" height=\"{total_height}\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">"
    );
    let _ = writeln!(svg, "<title>{}</title>", xml_escape(&model.title));
    let _ = writeln!(svg, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    let _ = writeln!(
        svg,
        "<text x=\"{margin}\" y=\"28\" font-size=\"18\" font-weight=\"bold\">{}</text>",
        xml_escape(&short_label(&model.title, 90))
    );
    let _ = writeln!(
        svg,
        "<text x=\"{margin}\" y=\"46\" font-size=\"10\" fill=\"#444\">{}</text>",
        xml_escape(&short_label(&model.caption, 170))
    );
    let _ = writeln!(
        svg,
        "<text x=\"{margin}\" y=\"60\" font-size=\"10\" fill=\"#444\">{}</text>",
        xml_escape(&short_label(&model.scale_note, 170))
    );
    if let Some(note) = &model.thinning_note {
        let _ = writeln!(
            svg,
            "<text x=\"{margin}\" y=\"{}\" font-size=\"10\" fill=\"#8a2b00\">{}</text>",
            height - 12.0,
            xml_escape(&short_label(note, 170))
        );
    }
    svg.push_str("<g stroke-linecap=\"round\">\n");
    for edge in &model.edges {
        let (x1, y1) = to_px(positions[edge.a]);
        let (x2, y2) = to_px(positions[edge.b]);
        let (color, opacity) = split_alpha(&edge.color);
        let _ = writeln!(
            svg,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{color}\" stroke-opacity=\"{opacity}\" stroke-width=\"{:.2}\"{}><title>{}</title></line>",
            edge.width,
            if edge.dashed { " stroke-dasharray=\"4 3\"" } else { "" },
            xml_escape(&edge.tooltip)
        );
    }
    svg.push_str("</g>\n<g stroke=\"#333\" stroke-width=\"0.5\">\n");
    for (node, &p) in model.nodes.iter().zip(&positions) {
        let (x, y) = to_px(p);
        let r = node.size * 72.0 / 2.0 * 0.45;
        if node.is_engagement {
            let _ = writeln!(svg, "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}</title></rect>", x - r, y - r, 2.0 * r, 2.0 * r, node.color, xml_escape(&node.tooltip));
        } else {
            let _ = writeln!(svg, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\"><title>{}</title></circle>", node.color, xml_escape(&node.tooltip));
        }
    }
    svg.push_str("</g>\n<g font-size=\"10\" fill=\"#111\">\n");
    for (node, &p) in model.nodes.iter().zip(&positions) {
        if let Some(label) = &node.label {
            let (x, y) = to_px(p);
            let r = node.size * 72.0 / 2.0 * 0.45;
            let _ = writeln!(svg, "<text x=\"{:.1}\" y=\"{:.1}\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>", x + r + 2.0, y + 3.5, xml_escape(label));
        }
    }
    svg.push_str("</g>\n");
    let lx = width - legend_width - 10.0;
    let _ = writeln!(
        svg,
        "<g font-size=\"11\"><text x=\"{lx}\" y=\"{}\" font-weight=\"bold\">Legend</text>",
        header + 20.0
    );
    for (i, (group, color, count)) in model.legend.iter().enumerate() {
        let y = header + 36.0 + 18.0 * i as f64;
        let _ = writeln!(svg, "<rect x=\"{lx}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{color}\" stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>", y - 10.0, lx + 18.0, y, xml_escape(&format!("{} ({count})", short_label(group, 28))));
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

fn split_alpha(color: &str) -> (&str, String) {
    if color.len() == 9 {
        let alpha = u8::from_str_radix(&color[7..9], 16).unwrap_or(255);
        (&color[..7], format!("{:.2}", f64::from(alpha) / 255.0))
    } else {
        (color, "1".to_string())
    }
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

    #[test]
    fn labels_parse_and_shorten() {
        assert_eq!("top:5".parse::<Labels>().unwrap(), Labels::Top(5));
        assert!("top:x".parse::<Labels>().is_err());
        assert_eq!(short_label("a  b\nc", 10), "a b c");
        assert_eq!(short_label("abcdefghij", 5), "abcd…");
    }
}
