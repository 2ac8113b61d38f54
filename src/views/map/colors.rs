//! A map's colours, clusters and legend.

use super::shown::Shown;
use super::{ClusterBy, ColorBy, MapOptions};
use crate::analysis::Analysis;
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::mixing::numbered;
use crate::render::map::LegendRow;
use crate::render::palette;

/// Rows of the colour legend; more groups are counted together.
const LEGEND_ROWS: usize = 16;

/// Each actor's colour, the group it stands for, and its cluster. Each
/// distinct text is held once, and each actor has the number of its
/// ([`numbered`]: not two strings per actor on networks of many actors).
pub(super) struct Colors {
    /// The distinct (fill colour, the legend's name of the colour).
    groups: Vec<(String, String)>,
    /// Per actor, its entry of `groups`.
    group: Vec<usize>,
    /// The distinct clusters and each actor's, when the map is clustered.
    clusters: Option<(Vec<String>, Vec<usize>)>,
}

impl Colors {
    /// The fill colour of actor `v`.
    pub fn color(&self, v: usize) -> &str {
        &self.groups[self.group[v]].0
    }

    /// The legend's name of actor `v`'s colour.
    pub fn group(&self, v: usize) -> &str {
        &self.groups[self.group[v]].1
    }

    /// The cluster of actor `v`, when the map is clustered.
    pub fn cluster(&self, v: usize) -> Option<&str> {
        let (names, of) = self.clusters.as_ref()?;
        Some(&names[of[v]])
    }
}

fn community_name(lang: Lang, c: usize) -> String {
    lang.text("map.community")
        .replace("{n}", &(c + 1).to_string())
}

/// Colours by community, kind or another attribute (a fixed palette), and
/// clusters by community or kind.
pub(super) fn colors(analysis: &Analysis<'_>, options: &MapOptions) -> Result<Colors> {
    let lang = options.lang;
    let projection = analysis.projection();
    let n = projection.actor_count();
    let membership = match (&options.color_by, options.cluster_by) {
        (ColorBy::Community, _) | (_, ClusterBy::Community) => {
            Some(&analysis.partition()?.membership)
        }
        _ => None,
    };
    let (groups, group) = numbered(n, |v| match &options.color_by {
        ColorBy::Community => {
            let c = membership.map_or(0, |m| m[v]);
            (
                palette::community_color(c + 1).to_string(),
                community_name(lang, c),
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
    });
    let clusters = match options.cluster_by {
        ClusterBy::None => None,
        ClusterBy::Community => Some(numbered(n, |v| {
            community_name(lang, membership.map_or(0, |m| m[v]))
        })),
        ClusterBy::Kind => Some(numbered(n, |v| lang.kind(&projection.actor(v).kind))),
    };
    Ok(Colors {
        groups,
        group,
        clusters,
    })
}

/// The legend: each colour with its count of shown actors, most first
/// (at most [`LEGEND_ROWS`] rows), then the ego's ring.
pub(super) fn legend(
    analysis: &Analysis<'_>,
    options: &MapOptions,
    colors: &Colors,
    shown: &Shown,
) -> Vec<LegendRow> {
    let lang = options.lang;
    let mut counts: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for v in (0..shown.keep.len()).filter(|&v| shown.keep[v]) {
        *counts
            .entry((colors.group(v).to_string(), colors.color(v).to_string()))
            .or_insert(0) += 1;
    }
    let mut legend: Vec<LegendRow> = counts
        .into_iter()
        .map(|((label, color), count)| LegendRow {
            label,
            color,
            count,
            ring: false,
        })
        .collect();
    legend.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
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
    if let Some(e) = shown.ego {
        legend.push(LegendRow {
            label: format!(
                "{}: {}",
                lang.text("map.ego_legend"),
                analysis.projection().actor(e).name
            ),
            color: "#000000".into(),
            count: 0,
            ring: true,
        });
    }
    legend
}
