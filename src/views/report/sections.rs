//! The report's tables of actors: top actors per metric and per kind,
//! brokers, the actors holding the network together, communities; and
//! the definitions of the figures.

use super::Analysis;
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::Metric;
use crate::render::report::Section;
use crate::render::Cell;
use crate::views::projects::people_table;

pub(super) fn top_section(analysis: &Analysis<'_>, lang: Lang, metric: Metric) -> Result<Section> {
    let n = analysis.actor_count();
    let within_parts = metric == Metric::Eigenvector;
    let (values, scores): (Vec<Cell>, Vec<f64>) = if within_parts {
        let v = analysis.eigenvector_within_parts()?;
        (v.iter().map(|&x| Cell::Float(x)).collect(), v)
    } else {
        let values = analysis.metric(metric)?;
        (
            values.iter().map(|v| Cell::from(*v)).collect(),
            analysis.scores(metric)?,
        )
    };
    // Actors tied only by being listed take their centrality from the
    // list: they are left out, as are actors without ties.
    let listed: std::collections::HashSet<usize> =
        analysis.listed_only_actors()?.into_iter().collect();
    let degree = analysis.scores(Metric::Degree)?;
    let candidates: Vec<usize> = (0..n)
        .filter(|&a| degree[a] > 0.0 && !listed.contains(&a))
        .collect();
    let mut order: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&a| scores[a] > 0.0)
        .collect();
    let positive = (0..n).filter(|&a| scores[a] > 0.0).count();
    let label = lang
        .lookup(&format!("metric.{}", metric.name()))
        .unwrap_or(metric.name());
    let mut table = people_table(lang, &["rank", "actor", "kind"]);
    table.columns.push(label.to_string());
    let parts = analysis.components();
    let mut part_size = vec![0usize; parts.iter().max().map_or(0, |m| m + 1)];
    for &p in parts {
        part_size[p] += 1;
    }
    if within_parts {
        table.columns.push(lang.text("col.part_size").to_string());
        // Values of different parts compare only as ranks within them:
        // the largest part first.
        order.sort_by(|&a, &b| {
            (part_size[parts[b]], scores[b])
                .partial_cmp(&(part_size[parts[a]], scores[a]))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        });
    } else {
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    }
    for (rank, &a) in order.iter().take(10).enumerate() {
        let mut row = vec![
            (rank + 1).into(),
            analysis.actor(a).name.as_str().into(),
            lang.kind(&analysis.actor(a).kind).into(),
            values[a].clone(),
        ];
        if within_parts {
            row.push(part_size[parts[a]].into());
        }
        table.rows.push(row);
    }
    let mut intro = lang
        .text(&format!("report.top.{}", metric.name()))
        .to_string();
    if within_parts {
        intro.push_str(lang.text("report.top_within_part"));
    }
    if positive < n {
        intro.push_str(
            &lang
                .text("report.top_shown")
                .replace("{k}", &lang.integer(positive as i64))
                .replace("{n}", &lang.integer(n as i64)),
        );
    }
    if !listed.is_empty() {
        intro.push_str(
            &lang
                .text("report.top_listed")
                .replace("{n}", &lang.integer(listed.len() as i64)),
        );
    }
    Ok(Section {
        id: format!("top-{}", metric.name()),
        title: lang.text("report.top").replace("{metric}", label),
        intro,
        table,
    })
}

pub(super) fn top_per_kind(analysis: &Analysis<'_>, lang: Lang) -> Result<Section> {
    let n = analysis.actor_count();
    let degree = analysis.metric(Metric::Degree)?;
    let betweenness = analysis.metric(Metric::Betweenness)?;
    let scores = analysis.scores(Metric::Degree)?;
    let mut kinds: Vec<&str> = (0..n).map(|a| analysis.actor(a).kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    let mut table = people_table(lang, &["kind", "actor"]);
    table.columns.push(lang.text("metric.degree").into());
    table.columns.push(lang.text("metric.betweenness").into());
    for kind in kinds {
        let mut members: Vec<usize> = (0..n).filter(|&a| analysis.actor(a).kind == kind).collect();
        members.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        for &a in members.iter().take(3) {
            table.rows.push(vec![
                lang.kind(kind).into(),
                analysis.actor(a).name.as_str().into(),
                Cell::from(degree[a]),
                Cell::from(betweenness[a]),
            ]);
        }
    }
    Ok(Section {
        id: "per-kind".into(),
        title: lang.text("report.per_kind").into(),
        intro: lang.text("report.per_kind_intro").into(),
        table,
    })
}

pub(super) fn broker_section(analysis: &Analysis<'_>, lang: Lang) -> Result<Section> {
    let brokers = analysis.broker_figures()?;
    let mut order: Vec<usize> = (0..analysis.actor_count()).collect();
    order.sort_by(|&a, &b| {
        brokers[b]
            .roles
            .total()
            .cmp(&brokers[a].roles.total())
            .then(a.cmp(&b))
    });
    let mut table = people_table(
        lang,
        &["actor", "kind", "brokerage", "constraint", "effective_size"],
    );
    for &a in order
        .iter()
        .take(15)
        .filter(|&&a| brokers[a].roles.total() > 0)
    {
        let f = &brokers[a];
        table.rows.push(vec![
            analysis.actor(a).name.as_str().into(),
            lang.kind(&analysis.actor(a).kind).into(),
            f.roles.total().into(),
            f.constraint.map_or(Cell::Empty, Cell::Float),
            f.effective_size.map_or(Cell::Empty, Cell::Float),
        ]);
    }
    Ok(Section {
        id: "brokers".into(),
        title: lang.text("report.brokers").into(),
        intro: lang.text("report.brokers_intro").into(),
        table,
    })
}

pub(super) fn cut_section(analysis: &Analysis<'_>, lang: Lang) -> Section {
    let cut = analysis.cut_structure();
    let mut table = people_table(lang, &["actor", "kind", "separated_pairs"]);
    let mut points = cut.articulation_points.clone();
    points.sort_by(|&a, &b| {
        cut.separated_pairs[b]
            .cmp(&cut.separated_pairs[a])
            .then(a.cmp(&b))
    });
    for a in points {
        table.rows.push(vec![
            analysis.actor(a).name.as_str().into(),
            lang.kind(&analysis.actor(a).kind).into(),
            Cell::Int(cut.separated_pairs[a] as i64),
        ]);
    }
    Section {
        id: "cut".into(),
        title: lang.text("report.cut").into(),
        intro: lang.text("report.cut_intro").into(),
        table,
    }
}

/// One row per community: number, size, internal density, and its
/// members as `member` names them (by name for people, by id for tables).
pub(super) fn community_rows(
    analysis: &Analysis<'_>,
    member: impl Fn(&crate::model::Actor) -> String,
) -> Result<Vec<Vec<Cell>>> {
    let profiles = analysis.community_profiles(&analysis.options().group)?;
    Ok(profiles
        .iter()
        .enumerate()
        .map(|(c, p)| {
            vec![
                (c + 1).into(),
                p.members.len().into(),
                p.internal_density.map_or(Cell::Empty, Cell::Float),
                Cell::list(p.members.iter().map(|&m| member(analysis.actor(m)))),
            ]
        })
        .collect())
}

pub(super) fn community_section(analysis: &Analysis<'_>, lang: Lang) -> Result<Section> {
    let mut table = people_table(lang, &["community", "size", "internal_density", "members"]);
    table.rows = community_rows(analysis, |a| a.name.to_string())?;
    Ok(Section {
        id: "communities".into(),
        title: lang.text("report.communities").into(),
        intro: lang.text("report.communities_intro").into(),
        table,
    })
}

/// The definitions of the figures, in `lang`.
pub(super) fn definitions(lang: Lang) -> Vec<(String, String)> {
    [
        ("metric.degree", "def.degree"),
        ("metric.strength", "def.strength"),
        ("col.density", "def.density"),
        ("metric.betweenness", "def.betweenness"),
        ("metric.closeness", "def.closeness"),
        ("metric.eigenvector", "def.eigenvector"),
        ("metric.pagerank", "def.pagerank"),
        ("col.constraint", "def.constraint"),
        ("col.effective_size", "def.effective_size"),
        ("col.brokerage", "def.brokerage"),
        ("col.separated_pairs", "def.articulation"),
        ("report.communities", "def.communities"),
        ("metric.reach", "def.reach"),
        ("opt.rules", "def.rules"),
    ]
    .iter()
    .map(|(name, text)| (lang.text(name).to_string(), lang.text(text).to_string()))
    .collect()
}
