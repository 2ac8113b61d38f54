//! Composing a map from an analysis: which actors to show (ego network,
//! thinning), their sizes, colours, labels and clusters, the ties, the
//! legend and the caption.

mod options;

pub use options::{ClusterBy, ColorBy, Labels, MapMode, MapOptions};

use crate::analysis::{neighbourhood, shown_components, Analysis};
use crate::error::Result;
use crate::metrics::Metric;
use crate::render::map::{unique_labels, LegendRow, MapEdge, MapModel, MapNode};
use crate::render::palette;

/// Composes the map: the actors to show (an ego network, then the
/// densest k-core that fits), sized, coloured by a fixed palette,
/// labelled (the ego, coordinators, each component's most central
/// actors) and clustered from the analysis' results, with the ties,
/// legend and caption in the chosen language.
pub fn map(analysis: &Analysis<'_>, options: &MapOptions) -> Result<MapModel> {
    if options.max_actors == 0 {
        return Err(crate::error::Error::invalid("max_actors", 0, "at least 1"));
    }
    let lang = options.lang;
    let projection = analysis.projection();
    let adjacency = analysis.adjacency();
    let n = projection.actor_count();
    let graph = projection.two_mode();
    let dataset = graph.dataset();

    // Which actors to show: an ego network, then thinning by k-core.
    let mut keep = vec![true; n];
    let mut notes = Vec::new();
    let mut ego = None;
    if let Some((query, radius)) = &options.ego {
        let center = analysis.find_actor(query)?;
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
        let cores: Vec<usize> = analysis
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
    let size_values: Vec<f64> = analysis
        .metric(options.size_by)?
        .iter()
        .map(|v| v.as_f64().unwrap_or(0.0))
        .collect();
    let membership = match (&options.color_by, options.cluster_by) {
        (ColorBy::Community, _) | (_, ClusterBy::Community) => {
            Some(&analysis.partition()?.membership)
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
    let mut legend_counts: std::collections::BTreeMap<(String, String), usize> = Default::default();
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
                    if round >= per_component(members) || round >= members.len() || used >= budget {
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
            id: actor.id.to_string(),
            name: actor.name.to_string(),
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
        let root = &dataset.engagements[analysis.root_engagement(e)];
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
                    id: engagement.id.to_string(),
                    name: engagement.name.to_string(),
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
        .flat_map(|e| {
            let (start, end) = graph.dates(e);
            [start, end]
        })
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
