//! Composing a map from an analysis: which actors to show (ego network,
//! thinning), their sizes, colours, labels and clusters, the ties, the
//! legend and the caption.

mod aggregate;
mod caption;
mod colors;
mod edges;
mod labels;
mod options;
mod places;
mod shown;

pub use options::{ClusterBy, ColorBy, Labels, MapMode, MapOptions, MapSelection};

use crate::analysis::Analysis;
use crate::error::Result;
use crate::render::map::{unique_labels, MapModel, MapNode};

/// Composes the map: the actors to show (an ego network, then the
/// repeated collaboration or the densest k-core that fits), sized, coloured by a fixed palette,
/// labelled (the ego, coordinators, each component's most central
/// actors) and clustered from the analysis' results, with the ties,
/// legend and caption in the chosen language.
///
/// # Complexity
/// O(n + m) on top of the metrics it reads (the size metric, k-cores when
/// thinning, the partition when coloured or clustered by community).
pub fn map(analysis: &Analysis<'_>, options: &MapOptions) -> Result<MapModel> {
    if options.max_actors == 0 {
        return Err(crate::error::Error::invalid("max_actors", 0, "at least 1"));
    }
    if let Some(summary) = analysis.projection().backbone().filter(|b| b.kept == 0) {
        if options.mode == MapMode::Projection {
            return Err(crate::error::Error::NothingSignificant(
                crate::views::backbone_verdict(summary, crate::lang::Lang::En),
            ));
        }
    }
    if let Some(key) = &options.aggregate {
        return aggregate::aggregate_map(analysis, options, key);
    }
    let checked;
    let options = match &options.color_by {
        ColorBy::Attribute(key) => {
            let key = analysis.dataset().attribute_key("color_by", key)?;
            checked = MapOptions {
                color_by: ColorBy::Attribute(key),
                ..options.clone()
            };
            &checked
        }
        ColorBy::Community => options,
    };
    let lang = options.lang;
    let shown = shown::shown(analysis, options)?;
    let size_values: Vec<f64> = analysis
        .metric(options.size_by)?
        .iter()
        .map(|v| v.as_f64().unwrap_or(0.0))
        .collect();
    let colors = colors::colors(analysis, options)?;
    let legend = colors::legend(analysis, options, &colors, &shown);
    let max_size = (0..shown.keep.len())
        .filter(|&v| shown.keep[v])
        .map(|v| size_values[v])
        .fold(0.0, f64::max);
    let priority = labels::priorities(analysis, options, &shown, &size_values);
    let metric_name = lang
        .lookup(&format!("metric.{}", options.size_by.name()))
        .unwrap_or(options.size_by.name());
    let (mut nodes, index) = actor_nodes(
        analysis,
        options,
        &shown,
        &colors,
        &priority,
        &size_values,
        metric_name,
    );
    let mut hub_count = 0;
    let name_projects = !matches!(options.labels, Labels::None);
    let edges = match options.mode {
        MapMode::Projection => {
            let hub = edges::hubs(analysis, options.hubs);
            let mut edges =
                edges::tie_edges(analysis, lang, &shown.keep, &index, shown.min_shared, &hub);
            let before = nodes.len();
            edges.extend(edges::membership_edges(
                analysis,
                lang,
                &shown.keep,
                &index,
                &mut nodes,
                name_projects,
                |e, members| hub[e] && members >= 2,
            ));
            hub_count = nodes.len() - before;
            for node in &mut nodes[before..] {
                node.size = 0.32;
            }
            edges
        }
        MapMode::TwoMode => edges::membership_edges(
            analysis,
            lang,
            &shown.keep,
            &index,
            &mut nodes,
            name_projects,
            |_, members| members >= 1,
        ),
    };
    let max_weight = analysis
        .projection()
        .ties()
        .iter()
        .map(|t| t.weight)
        .fold(0.0, f64::max);
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| analysis.dataset().name.clone());
    let lines = match options.mode {
        MapMode::Projection => edges.iter().filter(|e| !nodes[e.b].is_engagement).count(),
        MapMode::TwoMode => edges.len(),
    };
    let mut caption = caption::caption(analysis, lang, &title, &nodes, lines, &shown);
    if options.geo {
        caption.push(lang.text("map.geo").to_string());
    }
    if let (Some(hub), true) = (options.hubs, hub_count > 0) {
        caption.push(
            lang.text("map.hubs")
                .replace("{n}", &lang.integer(hub_count as i64))
                .replace("{hub}", &hub.to_string()),
        );
    }
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
        thinning_note: shown.thinning_note,
        named_note: Some(lang.text("map.named").to_string()),
        geographic: options.geo,
    })
}

/// The shown actors as map nodes (sized by `size_values`, relative to the
/// largest shown), and each actor's node index (`usize::MAX` when hidden).
fn actor_nodes(
    analysis: &Analysis<'_>,
    options: &MapOptions,
    shown: &shown::Shown,
    colors: &colors::Colors,
    priority: &[Option<u8>],
    size_values: &[f64],
    metric_name: &str,
) -> (Vec<MapNode>, Vec<usize>) {
    let lang = options.lang;
    let projection = analysis.projection();
    let keep = &shown.keep;
    let n = keep.len();
    let max_size = (0..n)
        .filter(|&v| keep[v])
        .map(|v| size_values[v])
        .fold(0.0, f64::max);
    let labelled: Vec<usize> = (0..n)
        .filter(|&v| keep[v] && priority[v].is_some())
        .collect();
    let names: Vec<&str> = labelled
        .iter()
        .map(|&v| projection.actor(v).name.as_str())
        .collect();
    let label_of: std::collections::HashMap<usize, String> = labelled
        .iter()
        .copied()
        .zip(unique_labels(&names, 28))
        .collect();
    let mut nodes = Vec::new();
    let mut index = vec![usize::MAX; n];
    for v in (0..n).filter(|&v| keep[v]) {
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
            color: colors.color(v).to_string(),
            // Smaller on a map of Finland, where places crowd.
            size: if options.geo {
                0.08 + 0.22 * relative
            } else {
                0.16 + 0.5 * relative
            },
            is_engagement: false,
            is_ego: Some(v) == shown.ego,
            cluster: colors.cluster(v).map(str::to_string),
            place: shown.places.get(v).copied().flatten(),
        });
    }
    (nodes, index)
}
