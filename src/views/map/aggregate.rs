//! A map of groups: one node per value of an actor attribute (region,
//! kind, country…), sized by its actors, and one line per pair of groups
//! with ties between them, as wide as their ties; the strongest lines
//! carry the number of ties and their density.

use super::MapOptions;
use crate::analysis::Analysis;
use crate::error::Result;
use crate::render::map::{LegendRow, MapEdge, MapModel, MapNode};

/// Lines a map of groups draws at most: the pairs with most ties.
const MAX_LINES: usize = 60;

/// Lines that carry their numbers as text: the pairs with most ties.
const LABELLED_LINES: usize = 15;

/// The map of the groups of `key` (an attribute the actors have). A group
/// node's label is its name and number of actors; its tooltip adds the
/// ties inside it and their density. Groups of actors without the
/// attribute are one node, `(none)`.
///
/// # Errors
///
/// [`crate::Error::InvalidParameter`] for an attribute no actor has.
///
/// # Complexity
/// O(n + m) for the mixing matrix, O(g²) for the lines of g groups.
pub(super) fn aggregate_map(
    analysis: &Analysis<'_>,
    options: &MapOptions,
    key: &str,
) -> Result<MapModel> {
    let key = analysis.dataset().attribute_key("aggregate", key)?;
    let lang = options.lang;
    let groups = analysis.groups_by(&key);
    let m = analysis.mixing_by(&key);
    let name = |g: usize| {
        if key == "kind" {
            lang.kind(&groups.names[g])
        } else {
            groups.names[g].clone()
        }
    };
    let k = groups.names.len();
    let largest = m.sizes.iter().copied().max().unwrap_or(1).max(1) as f64;
    let density = |g: usize, h: usize| m.density(g, h).unwrap_or(0.0);
    let nodes: Vec<MapNode> = (0..k)
        .map(|g| MapNode {
            id: groups.names[g].clone(),
            name: name(g),
            label: Some(format!("{} ({})", name(g), lang.integer(m.sizes[g] as i64))),
            label_priority: 2,
            tooltip: lang
                .text("map.group_tooltip")
                .replace("{name}", &name(g))
                .replace("{n}", &lang.integer(m.sizes[g] as i64))
                .replace("{ties}", &lang.integer(m.ties[g][g] as i64))
                .replace("{d}", &lang.number(density(g, g), 3)),
            color: crate::render::palette::value_color(&groups.names[g]).to_string(),
            size: 0.25 + 1.0 * (m.sizes[g] as f64 / largest).sqrt(),
            is_engagement: false,
            is_ego: false,
            cluster: None,
            place: None,
        })
        .collect();
    let most = (0..k)
        .flat_map(|g| (g + 1..k).map(move |h| (g, h)))
        .map(|(g, h)| m.ties[g][h])
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    // The pairs of groups with ties, most ties first; a map of many
    // groups draws the strongest lines and writes on the strongest few.
    let mut pairs: Vec<(usize, usize, usize)> = (0..k)
        .flat_map(|g| (g + 1..k).map(move |h| (g, h)))
        .map(|(g, h)| (m.ties[g][h], g, h))
        .filter(|p| p.0 > 0)
        .collect();
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let all_lines = pairs.len();
    pairs.truncate(MAX_LINES);
    let mut edges = Vec::new();
    for (rank, &(ties, g, h)) in pairs.iter().enumerate() {
        let text = lang
            .text("map.group_tie")
            .replace("{ties}", &lang.integer(ties as i64))
            .replace("{d}", &lang.number(density(g, h), 3));
        edges.push(MapEdge {
            a: g,
            b: h,
            width: 0.8 + 7.0 * ties as f64 / most,
            color: "#55555599".into(),
            dashed: false,
            tooltip: format!("{} – {}: {text}", name(g), name(h)),
            project: None,
            label: (rank < LABELLED_LINES).then_some(text),
        });
    }
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| analysis.dataset().name.clone());
    let group_name = lang
        .lookup(&format!("group.{key}"))
        .unwrap_or(&key)
        .to_string();
    let caption = vec![lang
        .text("map.aggregate_caption")
        .replace("{group}", &group_name)
        .replace("{k}", &lang.integer(k as i64))
        .replace("{n}", &lang.integer(analysis.actor_count() as i64))
        .replace(
            "{m}",
            &lang.integer(analysis.projection().ties().len() as i64),
        )];
    let mut caption = caption;
    if edges.len() < all_lines {
        caption.push(
            lang.text("map.aggregate_strongest")
                .replace("{n}", &lang.integer(edges.len() as i64))
                .replace("{all}", &lang.integer(all_lines as i64)),
        );
    }
    let notes = vec![
        lang.text("map.aggregate_size").to_string(),
        lang.text("map.aggregate_width").to_string(),
    ];
    Ok(MapModel {
        title,
        caption,
        legend: (0..k)
            .map(|g| LegendRow {
                label: name(g),
                color: nodes[g].color.clone(),
                count: m.sizes[g],
                ring: false,
            })
            .collect(),
        nodes,
        edges,
        legend_title: group_name,
        scale_note: notes.join(". "),
        legend_notes: notes,
        thinning_note: None,
        named_note: None,
        geographic: false,
    })
}
