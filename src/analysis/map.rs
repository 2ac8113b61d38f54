//! Composing a map from an analysis: which actors to show (ego network,
//! thinning), their sizes, colours, labels and clusters, the ties, the
//! legend and the caption.

use super::Analysis;
use crate::error::{Error, Result};
use crate::graph::Csr;
use crate::lang::Lang;
use crate::metrics::Metric;
use crate::render::map::{unique_labels, LegendRow, MapEdge, MapModel, MapNode};
use crate::render::palette;
use std::collections::VecDeque;

/// Which actors get labels.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Labels {
    /// The ego, every coordinator, and the most central actors of each
    /// component (the default).
    #[default]
    Auto,
    /// The ego and coordinators, then the most central actors of the
    /// components in turn, N labels in all.
    Top(usize),
    /// Every actor.
    All,
    /// None.
    None,
    /// These actors (ids), and the ego.
    Ids(Vec<String>),
}

impl std::str::FromStr for Labels {
    type Err = Error;
    fn from_str(s: &str) -> Result<Labels> {
        match s.trim() {
            "auto" => Ok(Labels::Auto),
            "all" => Ok(Labels::All),
            "none" => Ok(Labels::None),
            other => match other.strip_prefix("top:") {
                Some(n) => n
                    .parse()
                    .map(Labels::Top)
                    .map_err(|_| Error::invalid("labels", s, "top:N, all, none, auto or ID,ID,…")),
                None if !other.is_empty() => Ok(Labels::Ids(
                    other
                        .split(',')
                        .map(|i| i.trim().to_string())
                        .filter(|i| !i.is_empty())
                        .collect(),
                )),
                None => Err(Error::invalid(
                    "labels",
                    s,
                    "top:N, all, none, auto or ID,ID,…",
                )),
            },
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
    /// The language of legend, caption and tooltips.
    pub lang: Lang,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            color_by: ColorBy::default(),
            size_by: Metric::Degree,
            labels: Labels::Auto,
            cluster_by: ClusterBy::None,
            mode: MapMode::Projection,
            ego: None,
            max_actors: 400,
            title: None,
            lang: Lang::default(),
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

/// Lower case without diacritics, spaces collapsed: how names are compared
/// when an actor is looked up by name.
fn fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        out.push(match c {
            'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            'í' | 'ì' => 'i',
            c if c.is_whitespace() => ' ',
            c => c,
        });
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The actors of `candidates` (index, id, name) that `query` names: its
/// id, its exact name, or an unambiguous prefix of its name (case- and
/// diacritic-insensitive).
fn matching<'n>(
    query: &str,
    candidates: impl Iterator<Item = (usize, &'n str, &'n str)> + Clone,
) -> Vec<usize> {
    if let Some((i, _, _)) = candidates.clone().find(|(_, id, _)| *id == query) {
        return vec![i];
    }
    let q = fold(query);
    let exact: Vec<usize> = candidates
        .clone()
        .filter(|(_, id, name)| fold(name) == q || fold(id) == q)
        .map(|c| c.0)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    candidates
        .filter(|(_, _, name)| !q.is_empty() && fold(name).starts_with(&q))
        .map(|c| c.0)
        .collect()
}

impl Analysis<'_> {
    /// The network position of the actor `query` names (id, exact name or
    /// unambiguous name prefix, case- and diacritic-insensitive). When the
    /// actor is in the dataset but not in the network, the error says which
    /// filter left it out.
    pub fn find_actor(&self, query: &str) -> Result<usize> {
        let projection = self.projection();
        let found = matching(
            query,
            (0..self.actor_count())
                .map(|p| (p, self.actor(p).id.as_str(), self.actor(p).name.as_str())),
        );
        match found.as_slice() {
            [one] => return Ok(*one),
            [] => {}
            many => {
                let names: Vec<String> = many
                    .iter()
                    .take(5)
                    .map(|&p| format!("{} ({})", self.actor(p).name, self.actor(p).id))
                    .collect();
                return Err(Error::invalid(
                    "ego",
                    query,
                    format!("one actor; it matches {}", names.join(", ")),
                ));
            }
        }
        let dataset = self.dataset();
        let in_dataset = matching(
            query,
            dataset
                .actors
                .iter()
                .enumerate()
                .map(|(i, a)| (i, a.id.as_str(), a.name.as_str())),
        );
        let Some(&a) = in_dataset.first() else {
            return Err(Error::invalid(
                "ego",
                query,
                "the id or name of an actor of the dataset",
            ));
        };
        let actor = &dataset.actors[a];
        let filter = projection.two_mode().filter();
        let reason = if filter
            .actor_kinds
            .as_ref()
            .is_some_and(|k| !k.contains(&actor.kind))
        {
            format!(
                "its kind ({}) is not among the actor kinds kept",
                actor.kind
            )
        } else {
            let participations: Vec<(&crate::model::Engagement, &str)> = dataset
                .engagements
                .iter()
                .flat_map(|e| {
                    e.participants
                        .iter()
                        .filter(|p| p.actor == actor.id)
                        .map(move |p| (e, p.role.as_str()))
                })
                .collect();
            let kept_engagement = |e: &crate::model::Engagement| {
                (0..projection.two_mode().engagement_count())
                    .any(|k| projection.two_mode().engagement(k).id == e.id)
            };
            if participations.is_empty() {
                "it takes part in no engagement".to_string()
            } else if !participations.iter().any(|(e, _)| kept_engagement(e)) {
                "its engagements are all outside the time window or the engagement kinds kept"
                    .to_string()
            } else if !participations.iter().any(|(_, r)| filter.roles.admits(r)) {
                "its roles are all left out by the role filter".to_string()
            } else {
                let roles: std::collections::BTreeSet<&str> =
                    participations.iter().map(|(_, r)| *r).collect();
                format!(
                    "its participations ({}) make no ties under the role rules (reach ties or a clique rule for those roles would bring it in)",
                    roles.into_iter().collect::<Vec<_>>().join(", ")
                )
            }
        };
        Err(Error::invalid(
            "ego",
            query,
            format!(
                "an actor in the network: {} ({}) is in the dataset, but {reason}",
                actor.name, actor.id
            ),
        ))
    }

    /// The top-level engagement (following `part_of`) of engagement
    /// position `e`, as its dataset index.
    pub(crate) fn root_engagement(&self, e: usize) -> usize {
        let dataset = self.dataset();
        let id = &self.projection().two_mode().engagement(e).id;
        let index = |id: &str| dataset.engagements.iter().position(|x| x.id == id);
        let mut current = index(id).unwrap_or(0);
        for _ in 0..dataset.engagements.len() {
            match dataset.engagements[current]
                .part_of
                .as_deref()
                .and_then(index)
            {
                Some(parent) if parent != current => current = parent,
                _ => break,
            }
        }
        current
    }

    /// Composes the map: the actors to show (an ego network, then the
    /// densest k-core that fits), sized, coloured by a fixed palette,
    /// labelled (the ego, coordinators, each component's most central
    /// actors) and clustered from the analysis' results, with the ties,
    /// legend and caption in the chosen language.
    pub fn map(&self, options: &MapOptions) -> Result<MapModel> {
        let lang = options.lang;
        let projection = self.projection();
        let adjacency = self.adjacency();
        let n = projection.actor_count();
        let graph = projection.two_mode();
        let dataset = graph.dataset();

        // Which actors to show: an ego network, then thinning by k-core.
        let mut keep = vec![true; n];
        let mut notes = Vec::new();
        let mut ego = None;
        if let Some((query, radius)) = &options.ego {
            let center = self.find_actor(query)?;
            ego = Some(center);
            keep = neighbourhood(adjacency, center, *radius);
            notes.push(
                lang.text("map.ego")
                    .replace("{n}", &keep.iter().filter(|k| **k).count().to_string())
                    .replace("{k}", &radius.to_string())
                    .replace("{name}", &projection.actor(center).name),
            );
        }
        let shown = keep.iter().filter(|k| **k).count();
        let mut thinning_note = None;
        if shown > options.max_actors {
            let cores: Vec<usize> = self
                .metric(Metric::Core)?
                .iter()
                .map(|c| c.as_f64().unwrap_or(0.0) as usize)
                .collect();
            let mut k = 0;
            while (0..n).filter(|&v| keep[v] && cores[v] > k).count() > options.max_actors {
                k += 1;
            }
            for v in 0..n {
                keep[v] = keep[v] && (cores[v] > k || Some(v) == ego);
            }
            let after = keep.iter().filter(|k| **k).count();
            thinning_note = Some(
                lang.text("map.thinned")
                    .replace("{k}", &(k + 1).to_string())
                    .replace("{shown}", &after.to_string())
                    .replace("{all}", &shown.to_string())
                    .replace("{hidden}", &(shown - after).to_string()),
            );
        }

        // Sizes and colours.
        let size_values: Vec<f64> = self
            .metric(options.size_by)?
            .iter()
            .map(|v| v.as_f64().unwrap_or(0.0))
            .collect();
        let membership = match (&options.color_by, options.cluster_by) {
            (ColorBy::Community, _) | (_, ClusterBy::Community) => {
                Some(&self.partition()?.membership)
            }
            _ => None,
        };
        let community_name = |c: usize| {
            lang.text("map.community")
                .replace("{n}", &(c + 1).to_string())
        };
        let (color_of, group_of): (Vec<String>, Vec<String>) = (0..n)
            .map(|v| match &options.color_by {
                ColorBy::Community => {
                    let c = membership.map_or(0, |m| m[v]);
                    (
                        palette::community_color(c + 1).to_string(),
                        community_name(c),
                    )
                }
                ColorBy::Attribute(key) if key == "kind" => {
                    let kind = &projection.actor(v).kind;
                    (palette::kind_color(kind).to_string(), lang.kind(kind))
                }
                ColorBy::Attribute(key) => {
                    let value = projection
                        .actor(v)
                        .group_value(key)
                        .unwrap_or_else(|| "(none)".into());
                    (palette::value_color(&value).to_string(), value)
                }
            })
            .unzip();
        let mut legend_counts: std::collections::BTreeMap<(String, String), usize> =
            Default::default();
        for v in (0..n).filter(|&v| keep[v]) {
            *legend_counts
                .entry((group_of[v].clone(), color_of[v].clone()))
                .or_insert(0) += 1;
        }
        let mut legend: Vec<LegendRow> = legend_counts
            .into_iter()
            .map(|((label, color), count)| LegendRow {
                label,
                color,
                count,
                ring: false,
            })
            .collect();
        legend.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        const LEGEND_ROWS: usize = 16;
        if legend.len() > LEGEND_ROWS {
            let rest: usize = legend[LEGEND_ROWS - 1..].iter().map(|r| r.count).sum();
            legend.truncate(LEGEND_ROWS - 1);
            legend.push(LegendRow {
                label: lang.text("map.other_groups").to_string(),
                color: "#FFFFFF".into(),
                count: rest,
                ring: false,
            });
        }
        if let Some(e) = ego {
            legend.push(LegendRow {
                label: format!(
                    "{}: {}",
                    lang.text("map.ego_legend"),
                    projection.actor(e).name
                ),
                color: "#000000".into(),
                count: 0,
                ring: true,
            });
        }
        let clusters = match options.cluster_by {
            ClusterBy::None => None,
            ClusterBy::Community => Some(
                (0..n)
                    .map(|v| community_name(membership.map_or(0, |m| m[v])))
                    .collect::<Vec<_>>(),
            ),
            ClusterBy::Kind => Some(
                (0..n)
                    .map(|v| lang.kind(&projection.actor(v).kind))
                    .collect(),
            ),
        };
        let max_size = (0..n)
            .filter(|&v| keep[v])
            .map(|v| size_values[v])
            .fold(0.0, f64::max);

        // Labels: the ego and coordinators must be labelled; then the
        // most central actors of each component.
        let coordinator: Vec<bool> = (0..n)
            .map(|a| {
                graph
                    .engagements_of(a)
                    .iter()
                    .any(|&e| graph.role(e as usize, a as u32) == Some("coordinator"))
            })
            .collect();
        let component = shown_components(adjacency, &keep);
        let mut by_component: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for v in (0..n).filter(|&v| keep[v]) {
            by_component.entry(component[v]).or_default().push(v);
        }
        for members in by_component.values_mut() {
            members.sort_by(|&a, &b| size_values[b].total_cmp(&size_values[a]).then(a.cmp(&b)));
        }
        let mut priority: Vec<Option<u8>> = vec![None; n];
        let must = |v: usize| Some(v) == ego || coordinator[v];
        match &options.labels {
            Labels::None => {}
            Labels::All => {
                for v in (0..n).filter(|&v| keep[v]) {
                    priority[v] = Some(if must(v) { 2 } else { 1 });
                }
            }
            Labels::Ids(ids) => {
                for v in (0..n).filter(|&v| keep[v]) {
                    if Some(v) == ego || ids.iter().any(|i| *i == projection.actor(v).id) {
                        priority[v] = Some(2);
                    }
                }
            }
            Labels::Auto | Labels::Top(_) => {
                for v in (0..n).filter(|&v| keep[v] && must(v)) {
                    priority[v] = Some(2);
                }
                let budget = match options.labels {
                    Labels::Top(k) => k,
                    _ => usize::MAX,
                };
                let mut used = priority.iter().filter(|p| p.is_some()).count();
                // Round-robin over components, largest first: each gets its
                // most central actors (three each under `auto`).
                let mut components: Vec<&Vec<usize>> = by_component.values().collect();
                components.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
                let per_component = |members: &Vec<usize>| match options.labels {
                    Labels::Auto => 3.min(members.len().saturating_sub(1).max(1)),
                    _ => members.len(),
                };
                for round in 0.. {
                    let mut any = false;
                    for members in &components {
                        if round >= per_component(members)
                            || round >= members.len()
                            || used >= budget
                        {
                            continue;
                        }
                        any = true;
                        let v = members[round];
                        if priority[v].is_none() {
                            priority[v] = Some(1);
                            used += 1;
                        }
                    }
                    if !any {
                        break;
                    }
                }
            }
        }

        let mut nodes = Vec::new();
        let mut index = vec![usize::MAX; n];
        let labelled: Vec<usize> = (0..n)
            .filter(|&v| keep[v] && priority[v].is_some())
            .collect();
        let names: Vec<&str> = labelled
            .iter()
            .map(|&v| projection.actor(v).name.as_str())
            .collect();
        let short = unique_labels(&names, 28);
        let mut label_of: std::collections::HashMap<usize, String> = Default::default();
        for (v, l) in labelled.iter().zip(short) {
            label_of.insert(*v, l);
        }
        let metric_name = lang
            .lookup(&format!("metric.{}", options.size_by.name()))
            .unwrap_or(options.size_by.name());
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
                id: actor.id.clone(),
                name: actor.name.clone(),
                label: label_of.get(&v).cloned(),
                label_priority: priority[v].unwrap_or(0),
                tooltip: format!(
                    "{} ({}; {} {})",
                    actor.name,
                    lang.kind(&actor.kind),
                    metric_name,
                    lang.value(size_values[v])
                ),
                color: color_of[v].clone(),
                size: 0.16 + 0.5 * relative,
                is_engagement: false,
                is_ego: Some(v) == ego,
                cluster: clusters.as_ref().map(|c| c[v].clone()),
            });
        }
        let project_name = |e: usize| -> String {
            let root = &dataset.engagements[self.root_engagement(e)];
            format!("{} ({})", root.name, root.id)
        };
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
                    let behind = projection.engagements_behind(t);
                    let mut roots: std::collections::BTreeMap<String, usize> = Default::default();
                    for &e in behind {
                        *roots.entry(project_name(e as usize)).or_insert(0) += 1;
                    }
                    let project = roots
                        .into_iter()
                        .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
                        .map(|x| x.0);
                    let ids: Vec<&str> = behind
                        .iter()
                        .map(|&e| graph.engagement(e as usize).id.as_str())
                        .collect();
                    edges.push(MapEdge {
                        a: index[a],
                        b: index[b],
                        width: 0.6 + 3.4 * tie.weight / max_weight.max(f64::MIN_POSITIVE),
                        color: "#55555599".into(),
                        dashed: false,
                        tooltip: format!(
                            "{} – {}: {} ({})",
                            projection.actor(a).name,
                            projection.actor(b).name,
                            lang.value(tie.weight),
                            ids.join(", ")
                        ),
                        project,
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
                        id: engagement.id.clone(),
                        name: engagement.name.clone(),
                        label: None,
                        label_priority: 0,
                        tooltip: format!(
                            "{} ({}, {})",
                            engagement.name, engagement.id, engagement.kind
                        ),
                        color: "#FFFFFF".into(),
                        size: 0.2,
                        is_engagement: true,
                        is_ego: false,
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
                                "{} – {}: {}",
                                projection.actor(a as usize).name,
                                engagement.name,
                                lang.role(role)
                            ),
                            project: Some(project_name(e)),
                        });
                    }
                }
            }
        }

        let title = options
            .title
            .clone()
            .unwrap_or_else(|| dataset.name.clone());
        let mut caption = Vec::new();
        let shown_actors = nodes.iter().filter(|n| !n.is_engagement).count();
        let mut first = lang
            .text("map.actors_ties")
            .replace("{n}", &lang.integer(shown_actors as i64))
            .replace("{m}", &lang.integer(edges.len() as i64));
        if title != dataset.name {
            first = format!("{}: {first}", dataset.name);
        }
        let filter = graph.filter();
        if filter.is_default() {
            caption.push(first);
        } else {
            caption.push(format!("{first}; {}", filter.describe()));
        }
        let dates: Vec<crate::model::Date> = (0..graph.engagement_count())
            .flat_map(|e| [graph.engagement(e).start, graph.engagement(e).end])
            .flatten()
            .collect();
        if let (Some(a), Some(b)) = (dates.iter().min(), dates.iter().max()) {
            caption.push(
                lang.text("map.engagements")
                    .replace("{from}", &lang.date(*a))
                    .replace("{to}", &lang.date(*b)),
            );
        }
        caption.extend(notes.iter().cloned());
        caption.extend(thinning_note.iter().cloned());
        let legend_notes = match options.mode {
            MapMode::Projection => vec![
                lang.text("map.size")
                    .replace("{metric}", metric_name)
                    .replace("{max}", &lang.value(max_size)),
                lang.text("map.width")
                    .replace("{max}", &lang.value(max_weight)),
            ],
            MapMode::TwoMode => vec![lang.text("map.two_mode").to_string()],
        };
        Ok(MapModel {
            title,
            caption,
            nodes,
            edges,
            legend_title: lang.text("map.legend").to_string(),
            legend,
            scale_note: legend_notes.join(". "),
            legend_notes,
            thinning_note,
        })
    }
}

/// Components of the shown actors: a component number per actor.
fn shown_components(adjacency: &Csr, keep: &[bool]) -> Vec<usize> {
    let n = keep.len();
    let mut component = vec![usize::MAX; n];
    let mut next = 0;
    for s in 0..n {
        if !keep[s] || component[s] != usize::MAX {
            continue;
        }
        component[s] = next;
        let mut stack = vec![s];
        while let Some(v) = stack.pop() {
            for &u in adjacency.neighbors(v) {
                let u = u as usize;
                if keep[u] && component[u] == usize::MAX {
                    component[u] = next;
                    stack.push(u);
                }
            }
        }
        next += 1;
    }
    component
}
