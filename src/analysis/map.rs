//! Composing a map from an analysis: which actors to show (ego network,
//! thinning), their sizes, colours, labels and clusters, the ties, the
//! legend and the caption.

use super::Analysis;
use crate::error::{Error, Result};
use crate::graph::Csr;
use crate::metrics::Metric;
use crate::render::format_float;
use crate::render::map::{colours, short_label, MapEdge, MapModel, MapNode};
use std::collections::VecDeque;

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
                .ok_or_else(|| Error::invalid("labels", s, "top:N, all or none")),
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
            other => Err(Error::invalid("mode", other, "projection or two-mode")),
        }
    }
}

/// What colours the actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColorBy {
    /// The community of the analysis' partition.
    Community,
    /// An actor attribute: `kind` (the default), `region`, or any other.
    Attribute(String),
}

impl Default for ColorBy {
    fn default() -> Self {
        ColorBy::Attribute("kind".into())
    }
}

impl std::str::FromStr for ColorBy {
    type Err = Error;

    fn from_str(s: &str) -> Result<ColorBy> {
        match s.trim() {
            "" => Err(Error::invalid(
                "color_by",
                s,
                "community, kind, region or an attribute name",
            )),
            "community" => Ok(ColorBy::Community),
            other => Ok(ColorBy::Attribute(other.to_string())),
        }
    }
}

impl std::fmt::Display for ColorBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColorBy::Community => f.write_str("community"),
            ColorBy::Attribute(key) => f.write_str(key),
        }
    }
}

/// Which boxes group the actors on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClusterBy {
    /// No boxes (the default).
    #[default]
    None,
    /// One box per community.
    Community,
    /// One box per actor kind.
    Kind,
}

impl std::str::FromStr for ClusterBy {
    type Err = Error;

    fn from_str(s: &str) -> Result<ClusterBy> {
        match s {
            "none" => Ok(ClusterBy::None),
            "community" => Ok(ClusterBy::Community),
            "kind" => Ok(ClusterBy::Kind),
            other => Err(Error::invalid(
                "cluster_by",
                other,
                "community, kind or none",
            )),
        }
    }
}

/// Options of [`Analysis::map`].
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// What colours the actors.
    pub color_by: ColorBy,
    /// The metric that sizes the actors.
    pub size_by: Metric,
    /// Which labels to show.
    pub labels: Labels,
    /// Boxes around groups.
    pub cluster_by: ClusterBy,
    /// Projection or two-mode.
    pub mode: MapMode,
    /// Only this actor's neighbourhood: (id, radius in ties).
    pub ego: Option<(String, usize)>,
    /// Show at most this many actors; above, the densest k-core that fits
    /// is shown and a note says what was hidden.
    pub max_actors: usize,
    /// Title (default: the dataset's name).
    pub title: Option<String>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            color_by: ColorBy::default(),
            size_by: Metric::Degree,
            labels: Labels::Top(15),
            cluster_by: ClusterBy::None,
            mode: MapMode::Projection,
            ego: None,
            max_actors: 400,
            title: None,
        }
    }
}

/// Actors within `radius` ties of `center`.
fn neighbourhood(adjacency: &Csr, center: usize, radius: usize) -> Vec<bool> {
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

impl Analysis<'_> {
    /// Composes the map: the actors to show (an ego network, then the
    /// densest k-core that fits), sized, coloured, labelled and clustered
    /// from the analysis' results, the ties, legend and caption.
    pub fn map(&self, options: &MapOptions) -> Result<MapModel> {
        let projection = self.projection();
        let adjacency = self.adjacency();
        let n = projection.actor_count();
        let graph = projection.two_mode();
        let dataset = graph.dataset();

        // Which actors to show: an ego network, then thinning by k-core.
        let mut keep = vec![true; n];
        let mut notes = Vec::new();
        if let Some((id, radius)) = &options.ego {
            let center = graph.actor_position(id).ok_or_else(|| {
                Error::invalid(
                    "ego",
                    id,
                    "the id of an actor in the network (check the id and the filters)",
                )
            })?;
            keep = neighbourhood(adjacency, center, *radius);
            notes.push(format!(
                "{} and the actors within {radius} ties of it",
                projection.actor(center).name
            ));
        }
        let shown = keep.iter().filter(|k| **k).count();
        let mut thinning_note = None;
        if shown > options.max_actors {
            let cores = self.metric(Metric::Core)?;
            let cores: Vec<usize> = cores
                .iter()
                .map(|c| c.as_f64().unwrap_or(0.0) as usize)
                .collect();
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
        let size_values: Vec<f64> = self
            .metric(options.size_by)?
            .iter()
            .map(|v| v.as_f64().unwrap_or(0.0))
            .collect();
        let community_names = || -> Result<Vec<String>> {
            Ok(self
                .partition()?
                .membership
                .iter()
                .map(|c| format!("community {}", c + 1))
                .collect())
        };
        let color_groups = match &options.color_by {
            ColorBy::Community => community_names()?,
            ColorBy::Attribute(key) => self.group_values(key),
        };
        let shown_groups: Vec<String> = (0..n)
            .filter(|&v| keep[v])
            .map(|v| color_groups[v].clone())
            .collect();
        let (palette, legend) = colours(&shown_groups);
        let clusters = match options.cluster_by {
            ClusterBy::None => None,
            ClusterBy::Community => Some(community_names()?),
            ClusterBy::Kind => Some(self.group_values("kind")),
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
                    format_float(size_values[v], 3)
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
                            format_float(tie.weight, 3),
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
            format_float(max_size, 3),
            projection.weighting(),
            format_float(max_weight, 3),
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
}
