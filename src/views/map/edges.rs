//! A map's lines: the projected ties, or each actor's membership of its
//! engagements on a two-mode map.

use crate::analysis::Analysis;
use crate::lang::Lang;
use crate::render::map::{MapEdge, MapNode};

/// The top-level project behind engagement position `e`, as "name (id)".
fn project_name(analysis: &Analysis<'_>, e: usize) -> String {
    let root = &analysis.dataset().engagements[analysis.root_engagement(e)];
    short_project_name(root)
}

/// Longest project name a caption shows whole.
const CAPTION_CHARS: usize = 32;

/// A project as an island caption reads it: its name when short; else
/// its acronym or code (an attribute of at most 16 characters, or an id
/// of at most 20) with the name shortened before it; else the shortened
/// name.
fn short_project_name(project: &crate::model::Engagement) -> String {
    let name = project.name.as_str();
    if name.chars().count() <= CAPTION_CHARS {
        return name.to_string();
    }
    let code = ["acronym", "code", "lyhenne", "akronym"]
        .iter()
        .find_map(|&k| project.attributes().get(k).and_then(|v| v.as_str()))
        .filter(|code| code.chars().count() <= 16)
        .map(str::to_string)
        .or_else(|| (project.id.chars().count() <= 20).then(|| project.id.to_string()));
    match code {
        Some(code) => format!(
            "{} ({code})",
            crate::text::shorten(
                name,
                CAPTION_CHARS
                    .saturating_sub(code.chars().count() + 3)
                    .max(8)
            )
        ),
        None => crate::text::shorten(name, CAPTION_CHARS),
    }
}

/// Per engagement position, whether it is a hub: at least `hubs`
/// participants (all `false` without `hubs`).
pub(super) fn hubs(analysis: &Analysis<'_>, hubs: Option<usize>) -> Vec<bool> {
    let graph = analysis.projection().two_mode();
    (0..graph.engagement_count())
        .map(|e| hubs.is_some_and(|h| graph.members(e).len() >= h))
        .collect()
}

/// The ties between shown actors, as wide as their weight (relative to the
/// heaviest tie), each named by the project behind most of it; a tie only
/// hub engagements make (`hub`, drawn as nodes instead) is left out.
pub(super) fn tie_edges(
    analysis: &Analysis<'_>,
    lang: Lang,
    keep: &[bool],
    index: &[usize],
    min_shared: u32,
    hub: &[bool],
) -> Vec<MapEdge> {
    let projection = analysis.projection();
    let graph = projection.two_mode();
    let max_weight = projection
        .ties()
        .iter()
        .map(|t| t.weight)
        .fold(0.0, f64::max);
    let mut edges = Vec::new();
    for (t, tie) in projection.ties().iter().enumerate() {
        let (a, b) = (tie.source as usize, tie.target as usize);
        if !(keep[a] && keep[b]) || projection.shared(tie) < min_shared {
            continue;
        }
        let behind = projection.engagements_behind(tie);
        if projection.direct_ties_behind(t).is_empty() && behind.clone().all(|e| hub[e as usize]) {
            continue;
        }
        let mut roots: std::collections::BTreeMap<String, usize> = Default::default();
        for e in behind.clone() {
            *roots.entry(project_name(analysis, e as usize)).or_insert(0) += 1;
        }
        let project = roots
            .into_iter()
            .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
            .map(|x| x.0);
        let ids: Vec<&str> = behind
            .map(|e| graph.engagement(e as usize).id.as_str())
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
            label: None,
        });
    }
    edges
}

/// Engagements as nodes (appended to `nodes`) and a line from each shown
/// actor to each of them, drawn by role: every engagement on a two-mode
/// map, the hubs on a projection. `include` says, from the engagement's
/// position and its number of shown members, whether it is drawn.
pub(super) fn membership_edges(
    analysis: &Analysis<'_>,
    lang: Lang,
    keep: &[bool],
    index: &[usize],
    nodes: &mut Vec<MapNode>,
    name_projects: bool,
    include: impl Fn(usize, usize) -> bool,
) -> Vec<MapEdge> {
    let projection = analysis.projection();
    let graph = projection.two_mode();
    let mut edges = Vec::new();
    for e in 0..graph.engagement_count() {
        let members: Vec<u32> = graph
            .members(e)
            .iter()
            .copied()
            .filter(|&a| keep[a as usize])
            .collect();
        if !include(e, members.len()) {
            continue;
        }
        let engagement = graph.engagement(e);
        let node = nodes.len();
        nodes.push(MapNode {
            id: engagement.id.to_string(),
            name: engagement.name.to_string(),
            // A project is named by its code when it has a short one, else
            // by its name, shortened; the full name is in the tooltip.
            label: name_projects.then(|| {
                if engagement.id.chars().count() <= 16 {
                    engagement.id.to_string()
                } else {
                    crate::render::map::short_label(&engagement.name, 28)
                }
            }),
            label_priority: 1,
            tooltip: format!(
                "{} ({}, {})",
                engagement.name, engagement.id, engagement.kind
            ),
            color: "#FFFFFF".into(),
            size: 0.2,
            is_engagement: true,
            is_ego: false,
            cluster: None,
            place: None,
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
                project: Some(project_name(analysis, e)),
                label: None,
            });
        }
    }
    edges
}
