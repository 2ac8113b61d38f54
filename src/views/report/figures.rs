//! The report's figures: the options it was made with, the summary
//! table, the density heat map and the data of the interactive map.

use crate::analysis::Analysis;
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::Metric;
use crate::render::report::Heatmap;
use crate::render::{Cell, Table};
use crate::views::projects::people_table;
use serde_json::{json, Map, Value};

pub(super) fn option_rows(
    analysis: &Analysis<'_>,
    lang: Lang,
    source: &str,
) -> Vec<(String, String)> {
    let projection = analysis.projection();
    let filter = projection.two_mode().filter();
    let community = analysis.options().community;
    let t = |k: &str| lang.text(k).to_string();
    vec![
        (
            t("opt.dataset"),
            format!("{} ({source})", analysis.dataset().name),
        ),
        (
            t("opt.weight"),
            t(&format!("opt.weight.{}", projection.weighting().name())),
        ),
        (
            t("opt.rules"),
            format!("{} ({})", t("def.rules"), rules_in(lang, &filter.ties)),
        ),
        (t("opt.filters"), {
            let unfiltered = filter.is_default() && projection.min_weight().is_none();
            let filters = (!unfiltered)
                .then(|| crate::views::filter_text(filter, projection.min_weight(), lang));
            let backbone = projection
                .backbone()
                .map(|b| crate::views::backbone_caption(b, lang));
            match (filters, backbone) {
                (None, None) => t("opt.none").to_string(),
                (Some(f), None) => f,
                (None, Some(b)) => b,
                (Some(f), Some(b)) => format!("{f}; {b}"),
            }
        }),
        (t("opt.groups"), group_name(lang, &analysis.options().group)),
        (
            t("opt.communities"),
            format!(
                "{}, {} {}, {} {}",
                community.method,
                "γ =",
                lang.value(community.resolution),
                t("opt.seed"),
                community.seed
            ),
        ),
        (t("opt.paths"), t("opt.paths_value")),
    ]
}

pub(super) fn summary_rows(analysis: &Analysis<'_>, lang: Lang) -> Result<Table> {
    let s = analysis.summary()?;
    let mut table = people_table(lang, &["figure", "value"]);
    let mut add = |key: &str, value: Cell| table.rows.push(vec![lang.text(key).into(), value]);
    add("sum.actors", s.actors.into());
    add("sum.inactive_actors", s.inactive_actors.into());
    add("sum.engagements", s.engagements.into());
    add("sum.participations", s.participations.into());
    add(
        "sum.all_participations",
        analysis.dataset().participation_count().into(),
    );
    add("sum.ties", s.ties.into());
    add("sum.density", s.density.into());
    add("sum.components", s.components.into());
    add("sum.largest_component", s.largest_component.into());
    add("sum.isolates", s.isolates.into());
    add("sum.average_clustering", s.average_clustering.into());
    add("sum.diameter", s.diameter.into());
    add("sum.average_path_length", s.average_path_length.into());
    add(
        "sum.articulation_points",
        s.articulation_points.len().into(),
    );
    add("sum.communities", s.communities.into());
    add("sum.modularity", s.modularity.into());
    add("sum.reached_actors", s.reached_actors.into());
    if let Some((a, b)) = analysis.span() {
        add(
            "sum.period",
            Cell::Text(format!("{} – {}", lang.date(a), lang.date(b)).into()),
        );
    }
    Ok(table)
}

pub(super) fn heatmap(analysis: &Analysis<'_>, lang: Lang) -> Result<Heatmap> {
    let s = analysis.summary()?;
    let m = &s.mixing;
    let k = m.groups.len();
    let name = |g: &str| {
        if s.group == "kind" {
            lang.kind(g)
        } else {
            g.to_string()
        }
    };
    // The largest groups, the rest pooled as one "other" group.
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| m.sizes[b].cmp(&m.sizes[a]).then(a.cmp(&b)));
    let (mut kept, pooled) = if k > HEAT_GROUPS {
        let (kept, pooled) = order.split_at(HEAT_GROUPS - 1);
        (kept.to_vec(), pooled.to_vec())
    } else {
        ((0..k).collect(), Vec::new())
    };
    kept.sort_unstable();
    let mut members: Vec<Vec<usize>> = kept.iter().map(|&g| vec![g]).collect();
    let mut groups: Vec<(String, usize)> = kept
        .iter()
        .map(|&g| (name(&m.groups[g]), m.sizes[g]))
        .collect();
    if !pooled.is_empty() {
        groups.push((
            lang.text("heat.other")
                .replace("{n}", &lang.integer(pooled.len() as i64)),
            pooled.iter().map(|&g| m.sizes[g]).sum(),
        ));
        members.push(pooled);
    }
    let block = |a: &[usize], b: &[usize], same: bool| -> Option<(f64, usize)> {
        let (sa, sb): (usize, usize) = (
            a.iter().map(|&g| m.sizes[g]).sum(),
            b.iter().map(|&g| m.sizes[g]).sum(),
        );
        let mut ties = 0;
        for (i, &g) in a.iter().enumerate() {
            let from = if same { i } else { 0 };
            for &h in &b[from..] {
                ties += m.ties[g][h];
            }
        }
        let possible = if same {
            sa * sa.saturating_sub(1) / 2
        } else {
            sa * sb
        };
        (possible > 0).then(|| (ties as f64 / possible as f64, ties))
    };
    let cells = members
        .iter()
        .enumerate()
        .map(|(i, a)| {
            members
                .iter()
                .enumerate()
                .map(|(j, b)| block(a, b, i == j))
                .collect()
        })
        .collect();
    Ok(Heatmap {
        group: group_name(lang, &s.group),
        groups,
        cells,
    })
}

/// Groups a density heat map shows before pooling the rest as "other".
const HEAT_GROUPS: usize = 12;

/// The actors of the interactive map: names, kinds, regions, their
/// engagements and figures, and the texts of its controls.
pub(super) fn network_json(analysis: &Analysis<'_>, lang: Lang) -> Result<String> {
    let graph = analysis.projection().two_mode();
    let degree = analysis.metric(Metric::Degree)?;
    let strength = analysis.metric(Metric::Strength)?;
    let betweenness = analysis.metric(Metric::Betweenness)?;
    let reach = analysis.metric(Metric::Reach)?;
    let mut actors = Map::new();
    let mut kinds = std::collections::BTreeMap::new();
    let mut regions = std::collections::BTreeSet::new();
    let value =
        |v: crate::metrics::MetricValue| v.as_f64().map_or("–".to_string(), |x| lang.value(x));
    for a in 0..analysis.actor_count() {
        let actor = analysis.actor(a);
        kinds.insert(actor.kind, lang.kind(&actor.kind));
        if let Some(r) = actor.region() {
            regions.insert(r);
        }
        let engagements: Vec<&str> = graph
            .engagements_of(a)
            .iter()
            .map(|&e| {
                analysis.dataset().engagements[analysis.root_engagement(e as usize)]
                    .id
                    .as_str()
            })
            .collect();
        actors.insert(
            actor.id.to_string(),
            json!({
                "name": actor.name,
                "kind": lang.kind(&actor.kind),
                "kind_key": actor.kind,
                "region": actor.region(),
                "engagements": engagements,
                "figures": [
                    [lang.text("metric.degree"), value(degree[a])],
                    [lang.text("metric.strength"), value(strength[a])],
                    [lang.text("metric.betweenness"), value(betweenness[a])],
                    [lang.text("metric.reach"), value(reach[a])],
                ],
            }),
        );
    }
    let projects: Vec<Value> = (0..graph.engagement_count())
        .filter(|&e| graph.engagement(e).part_of().is_none())
        .map(|e| json!([graph.engagement(e).id, graph.engagement(e).name]))
        .collect();
    let data = json!({
        "text": {
            "search": lang.text("report.search"),
            "all_kinds": lang.text("report.all_kinds"),
            "all_regions": lang.text("report.all_regions"),
            "all_engagements": lang.text("report.all_engagements"),
            "help": lang.text("report.map_help"),
            "partners": lang.text("metric.degree"),
        },
        "kinds": kinds.into_iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
        "regions": regions.into_iter().map(|r| json!([r, r])).collect::<Vec<_>>(),
        "engagements": projects,
        "actors": Value::Object(actors),
    });
    Ok(serde_json::to_string(&data).expect("JSON of plain values"))
}

/// The name of a grouping attribute in `lang`.
pub(super) fn group_name(lang: Lang, group: &str) -> String {
    lang.lookup(&format!("group.{group}"))
        .map_or_else(|| group.to_string(), str::to_string)
}

/// The role rules in the report's language: each rule with its roles, then
/// the rule of every other role.
fn rules_in(lang: Lang, ties: &crate::graph::RoleTies) -> String {
    let rule = |r: crate::graph::RoleRule| match r {
        crate::graph::RoleRule::CliqueUpToLimit => lang
            .text("rule.auto")
            .replace("{n}", &ties.clique_limit.to_string()),
        r => lang.text(&format!("rule.{}", r.name())).to_string(),
    };
    // From the closest ties to none.
    let order = |r: crate::graph::RoleRule| {
        use crate::graph::RoleRule::*;
        [Clique, CliqueUpToLimit, Star, Reach, None]
            .iter()
            .position(|&x| x == r)
    };
    let mut groups = ties.by_rule();
    groups.sort_by_key(|&(r, _)| order(r));
    let mut parts: Vec<String> = groups
        .into_iter()
        .map(|(r, roles)| {
            let roles: Vec<String> = roles.into_iter().map(|role| lang.role(role)).collect();
            format!("{}: {}", rule(r), roles.join(", "))
        })
        .collect();
    parts.push(format!("{}: {}", lang.text("rule.other"), rule(ties.other)));
    parts.join("; ")
}
