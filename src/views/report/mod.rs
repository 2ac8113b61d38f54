//! The report of an analysis: findings, warnings, summary, density,
//! maps, projects and money, top actors, brokers, reach, communities and
//! what was left out, assembled from computed results in one language.

use crate::views::compare::mark_formed;
use crate::views::findings::findings;
use crate::views::projects::{
    funding_by_group, funding_table, left_out_table, people_table, projects_table,
};
use crate::views::tables::reach_table;
use sections::{broker_section, community_section, cut_section, top_per_kind, top_section};

mod sections;
use crate::analysis::{compare, Analysis, Comparison, EvolutionMode, Periods, Window};
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::Metric;
use crate::render::map::{draw, DrawOptions, Layout, MapFormat, PageSize};
use crate::render::report::{
    chart_svg, report_html, report_markdown, Chart, Heatmap, ReportCharts, ReportData,
    ReportFinding, ReportMap, Section,
};
use crate::render::{render_summary, Cell, Format, Table};
use crate::views::{map, MapMode, MapOptions};
use sections::definitions;
use serde_json::{json, Map, Value};

/// Options of [`Analysis::report`].
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Title (default: the dataset's name).
    pub title: Option<String>,
    /// The dataset's file name, as the report should name it (never a
    /// full path).
    pub source: String,
    /// How the maps are laid out.
    pub layout: Layout,
    /// The language of every heading, sentence and number.
    pub lang: Lang,
    /// The maps' options (colours, sizes, labels, clusters); the mode and
    /// language come from `modes` and `lang`.
    pub map: MapOptions,
    /// One map per mode, in order (default: the projection).
    pub modes: Vec<MapMode>,
    /// Windows to compare (before, after): adds the compare section and a
    /// map of the after-network with the new ties in their own colour.
    pub compare: Option<(Window, Window)>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            title: None,
            source: String::new(),
            layout: Layout::default(),
            lang: Lang::default(),
            map: MapOptions::default(),
            modes: vec![MapMode::Projection],
            compare: None,
        }
    }
}

/// One file of the report: its name in the report directory and bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFile {
    /// File name (`report.html`, `map.svg`, …).
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// The top-actor sections.
const TOP_SECTIONS: &[Metric] = &[
    Metric::Degree,
    Metric::Strength,
    Metric::Betweenness,
    Metric::Closeness,
    Metric::Eigenvector,
    Metric::PageRank,
];

/// The report's files: the maps (`map.svg`, `map-two-mode.svg`, …,
/// and `map.dot`), `actors.csv`, `ties.csv`, `communities.csv`,
/// `projects.csv`, `summary.csv`, `report.md` and the analysis-contained
/// `report.html`. Every section reads the analysis' results, so each
/// metric and the partition are computed once.
pub fn report(analysis: &Analysis<'_>, options: &ReportOptions) -> Result<Vec<ReportFile>> {
    let lang = options.lang;
    let mut files = Vec::new();
    let mut maps = Vec::new();
    for (i, &mode) in options.modes.iter().enumerate() {
        let model = map(
            analysis,
            &MapOptions {
                mode,
                lang,
                title: options.title.clone(),
                ..options.map.clone()
            },
        )?;
        let drawing = |format| {
            draw(
                &model,
                &DrawOptions {
                    format,
                    layout: options.layout,
                    seed: analysis.options().community.seed,
                    size: PageSize::A4Landscape,
                    ..Default::default()
                },
            )
        };
        let svg = drawing(MapFormat::Svg)?;
        let name = match mode {
            MapMode::Projection if i == 0 => "map".to_string(),
            MapMode::Projection => format!("map-{i}"),
            MapMode::TwoMode => "map-two-mode".to_string(),
        };
        let mut notes: Vec<String> = model.thinning_note.iter().cloned().collect();
        notes.push(
            lang.text(if svg.builtin {
                "report.layout_builtin"
            } else {
                "report.layout_graphviz"
            })
            .to_string(),
        );
        maps.push(ReportMap {
            title: lang
                .text(match mode {
                    MapMode::Projection => "report.map",
                    MapMode::TwoMode => "report.map_two_mode",
                })
                .to_string(),
            svg: String::from_utf8_lossy(&svg.bytes).into_owned(),
            file: format!("{name}.svg"),
            notes,
        });
        files.push(file(&format!("{name}.svg"), svg.bytes));
        if i == 0 {
            files.push(file("map.dot", drawing(MapFormat::Dot)?.bytes));
        }
    }

    let summary = analysis.summary()?;
    let projects = projects_table(analysis, lang);
    let mut sections = vec![
        Section {
            id: "projects".into(),
            title: lang.text("report.projects").into(),
            intro: lang.text("report.projects_intro").into(),
            table: projects.clone(),
        },
        Section {
            id: "funding".into(),
            title: lang.text("report.funding_actor").into(),
            intro: lang.text("report.funding_rule").into(),
            table: funding_table(analysis, lang),
        },
        Section {
            id: "funding-kind".into(),
            title: lang.text("report.funding_kind").into(),
            intro: String::new(),
            table: funding_by_group(analysis, lang, true),
        },
        Section {
            id: "funding-region".into(),
            title: lang.text("report.funding_region").into(),
            intro: String::new(),
            table: funding_by_group(analysis, lang, false),
        },
    ];
    for &metric in TOP_SECTIONS {
        sections.push(top_section(analysis, lang, metric)?);
    }
    sections.push(top_per_kind(analysis, lang)?);
    sections.push(broker_section(analysis, lang)?);
    sections.push(cut_section(analysis, lang));
    let reach = reach_table(analysis, "kind");
    if reach.rows.len() > 1 {
        let mut table = people_table(lang, &["kind", "reached", "projects"]);
        for row in reach.rows {
            let mut row = row;
            if let Cell::Text(k) = &row[0] {
                row[0] = Cell::Text(if k == "total" {
                    "Σ".into()
                } else {
                    lang.kind(k.as_str()).into()
                });
            }
            table.rows.push(row);
        }
        sections.push(Section {
            id: "reach".into(),
            title: lang.text("report.reach").into(),
            intro: lang.text("report.reach_intro").into(),
            table,
        });
    }
    sections.push(community_section(analysis, lang)?);
    let left = left_out_table(analysis, lang);
    sections.push(Section {
        id: "left-out".into(),
        title: lang.text("report.left_out").into(),
        intro: if left.rows.is_empty() {
            lang.text("left.none").into()
        } else {
            lang.text("report.left_out_intro").into()
        },
        table: left,
    });

    if let Some((before, after)) = options.compare {
        let windowed =
            |w: Window| Analysis::new(analysis.dataset(), w.applied_to(analysis.options()));
        let (a_before, a_after) = (windowed(before)?, windowed(after)?);
        let comparison = compare(&a_before, &a_after)?;
        let mut model = map(
            &a_after,
            &MapOptions {
                lang,
                title: options.title.clone(),
                ..options.map.clone()
            },
        )?;
        mark_formed(&comparison, &mut model, lang);
        let svg = draw(
            &model,
            &DrawOptions {
                format: MapFormat::Svg,
                layout: options.layout,
                seed: analysis.options().community.seed,
                size: PageSize::A4Landscape,
                ..Default::default()
            },
        )?;
        maps.push(ReportMap {
            title: lang
                .text("report.compare_map")
                .replace("{after}", &window_text(lang, after)),
            svg: String::from_utf8_lossy(&svg.bytes).into_owned(),
            file: "map-compare.svg".into(),
            notes: Vec::new(),
        });
        files.push(file("map-compare.svg", svg.bytes));
        let names: std::collections::HashMap<&str, &str> = analysis
            .dataset()
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        sections.extend(compare_sections(&comparison, lang, &names, before, after));
    }
    let change = change_over_time(analysis, lang)?;
    if let Some((_, table)) = &change {
        // The table right after the charts, before the projects.
        sections.insert(
            0,
            Section {
                id: "evolution".into(),
                title: lang.text("report.change_table").into(),
                intro: String::new(),
                table: table.clone(),
            },
        );
    }
    let change = change.map(|(charts, _)| charts);
    if let Some(change) = &change {
        for (i, chart) in change.charts.iter().enumerate() {
            files.push(file(
                &format!("chart-{}.svg", i + 1),
                chart_svg(chart).into_bytes(),
            ));
        }
    }

    let findings = findings(analysis, lang)?
        .into_iter()
        .map(|f| ReportFinding {
            text: f.text,
            section: f.section.to_string(),
        })
        .collect();
    let data = ReportData {
        lang,
        title: options
            .title
            .clone()
            .unwrap_or_else(|| analysis.dataset().name.clone()),
        findings,
        // The findings already state the dominant project and the
        // separate parts.
        warnings: crate::views::warnings(analysis, TOP_SECTIONS, lang)?
            .into_iter()
            .filter(|w| !["dominant_engagement", "separate_components"].contains(&w.code))
            .collect(),
        options: option_rows(analysis, lang, &options.source),
        summary: summary_rows(analysis, lang)?,
        heatmap: heatmap(analysis, lang)?,
        maps,
        change,
        network_json: network_json(analysis, lang)?,
        sections,
        definitions: definitions(lang),
    };

    let actors = analysis.metrics(&[])?;
    let mut actor_table = Table::new(&["id", "name", "kind"]);
    actor_table
        .columns
        .extend(actors.columns.iter().map(|c| c.name().to_string()));
    for a in 0..analysis.actor_count() {
        let mut row = vec![
            analysis.actor(a).id.as_str().into(),
            analysis.actor(a).name.as_str().into(),
            analysis.actor(a).kind.as_str().into(),
        ];
        row.extend(actors.values.iter().map(|col| Cell::from(col[a])));
        actor_table.push(row);
    }
    let mut ties = Table::new(&["source", "target", "weight", "shared"]);
    for t in analysis.projection().ties() {
        ties.push(vec![
            analysis.actor(t.source as usize).id.as_str().into(),
            analysis.actor(t.target as usize).id.as_str().into(),
            Cell::Float(t.weight),
            (t.shared as usize).into(),
        ]);
    }
    let mut communities = Table::new(&["community", "size", "internal_density", "members"]);
    for (c, p) in analysis
        .community_profiles(&analysis.options().group)?
        .iter()
        .enumerate()
    {
        communities.push(vec![
            (c + 1).into(),
            p.members.len().into(),
            p.internal_density.map_or(Cell::Empty, Cell::Float),
            Cell::List(
                p.members
                    .iter()
                    .map(|&m| analysis.actor(m).id.to_string())
                    .collect(),
            ),
        ]);
    }
    let summary_csv = render_summary(
        summary,
        &crate::views::summary_warnings(analysis, Lang::En)?,
        Format::Csv,
    );
    // The same tables as one Excel workbook, a sheet each.
    let summary_table = crate::render::xlsx::table_from_csv(&summary_csv)?;
    let workbook = crate::render::workbook(&[
        ("summary", &summary_table),
        ("actors", &actor_table),
        ("ties", &ties),
        ("communities", &communities),
        ("projects", &projects),
    ])?;
    files.push(file("actors.csv", actor_table.to_csv().into_bytes()));
    files.push(file("ties.csv", ties.to_csv().into_bytes()));
    files.push(file("communities.csv", communities.to_csv().into_bytes()));
    files.push(file("projects.csv", projects.to_csv().into_bytes()));
    files.push(file("summary.csv", summary_csv.into_bytes()));
    files.push(file("tables.xlsx", workbook));
    files.push(file("report.md", report_markdown(&data).into_bytes()));
    files.push(file("report.html", report_html(&data).into_bytes()));
    Ok(files)
}

/// Charts and the table of the network per year (window mode), when the
/// kept engagements span two years or more.
fn change_over_time(analysis: &Analysis<'_>, lang: Lang) -> Result<Option<(ReportCharts, Table)>> {
    let rows = analysis.evolution(&Periods::Year, EvolutionMode::Window)?;
    if rows.len() < 2 {
        return Ok(None);
    }
    let labels: Vec<String> = rows.iter().map(|r| r.period.clone()).collect();
    let chart = |key: &str, values: Vec<f64>, bars: bool, decimals: bool| Chart {
        title: lang.text(key).to_string(),
        labels: labels.clone(),
        shown: values
            .iter()
            .map(|&v| {
                if decimals {
                    lang.number(v, 2)
                } else {
                    lang.integer(v as i64)
                }
            })
            .collect(),
        values,
        bars,
    };
    let charts = vec![
        chart(
            "chart.actors",
            rows.iter().map(|r| r.active_actors as f64).collect(),
            false,
            false,
        ),
        chart(
            "chart.ties",
            rows.iter().map(|r| r.ties as f64).collect(),
            false,
            false,
        ),
        chart(
            "chart.density",
            rows.iter().map(|r| r.density).collect(),
            false,
            true,
        ),
        chart(
            "chart.new_ties",
            rows.iter().map(|r| r.new_ties as f64).collect(),
            true,
            false,
        ),
    ];
    let mut table = people_table(
        lang,
        &[
            "year",
            "active_actors",
            "ties",
            "density",
            "new_ties",
            "ended_ties",
            "persisting_ties",
            "new_actors",
        ],
    );
    for r in &rows {
        table.rows.push(vec![
            r.period.as_str().into(),
            r.active_actors.into(),
            r.ties.into(),
            Cell::Float(r.density),
            r.new_ties.into(),
            r.ended_ties.into(),
            r.persisting_ties.into(),
            r.new_actors.into(),
        ]);
    }
    Ok(Some((
        ReportCharts {
            title: lang.text("report.change").into(),
            intro: lang.text("report.change_intro").into(),
            charts,
        },
        table,
    )))
}

fn option_rows(analysis: &Analysis<'_>, lang: Lang, source: &str) -> Vec<(String, String)> {
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
        (
            t("opt.filters"),
            if filter.is_default() && projection.min_weight().is_none() {
                t("opt.none")
            } else {
                filter.describe()
            },
        ),
        (t("opt.groups"), group_name(lang, &analysis.options().group)),
        (
            t("opt.communities"),
            format!(
                "{}, {} {}, seed {}",
                community.method,
                "γ =",
                lang.value(community.resolution),
                community.seed
            ),
        ),
        (t("opt.paths"), t("opt.paths_value")),
    ]
}

fn summary_rows(analysis: &Analysis<'_>, lang: Lang) -> Result<Table> {
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
    let graph = analysis.projection().two_mode();
    let dates: Vec<crate::model::Date> = (0..graph.engagement_count())
        .flat_map(|e| {
            let (start, end) = graph.dates(e);
            [start, end]
        })
        .flatten()
        .collect();
    if let (Some(a), Some(b)) = (dates.iter().min(), dates.iter().max()) {
        add(
            "sum.period",
            Cell::Text(format!("{} – {}", lang.date(*a), lang.date(*b)).into()),
        );
    }
    Ok(table)
}

fn heatmap(analysis: &Analysis<'_>, lang: Lang) -> Result<Heatmap> {
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
    Ok(Heatmap {
        group: group_name(lang, &s.group),
        groups: m
            .groups
            .iter()
            .map(|g| name(g))
            .zip(m.sizes.iter().copied())
            .collect(),
        cells: (0..k)
            .map(|g| {
                (0..k)
                    .map(|h| m.density(g, h).map(|d| (d, m.ties[g][h])))
                    .collect()
            })
            .collect(),
    })
}

/// The actors of the interactive map: names, kinds, regions, their
/// engagements and figures, and the texts of its controls.
fn network_json(analysis: &Analysis<'_>, lang: Lang) -> Result<String> {
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
        kinds.insert(actor.kind.clone(), lang.kind(&actor.kind));
        if let Some(r) = &actor.region {
            regions.insert(r.clone());
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
                "region": actor.region,
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
        .filter(|&e| graph.engagement(e).part_of.is_none())
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

fn file(name: &str, bytes: Vec<u8>) -> ReportFile {
    ReportFile {
        name: name.to_string(),
        bytes,
    }
}

fn group_name(lang: Lang, group: &str) -> String {
    lang.lookup(&format!("group.{group}"))
        .map_or_else(|| group.to_string(), str::to_string)
}

/// The compare section: the tie changes (formed, ended, kept) with counts
/// in the intro, then the new bridges between groups.
fn compare_sections(
    comparison: &Comparison,
    lang: Lang,
    names: &std::collections::HashMap<&str, &str>,
    before: Window,
    after: Window,
) -> Vec<Section> {
    let name = |id: &str| Cell::Text(names.get(id).map_or(id, |n| n).into());
    let (formed, ended, kept) = comparison.counts();
    let mut ties = people_table(
        lang,
        &[
            "change",
            "actor_a",
            "actor_b",
            "weight_before",
            "weight_after",
            "engagements",
        ],
    );
    for t in &comparison.ties {
        let weight = |w: Option<f64>| w.map_or(Cell::Empty, Cell::Float);
        let mut engagements = t.engagements_after.clone();
        for e in &t.engagements_before {
            if !engagements.contains(e) {
                engagements.push(e.clone());
            }
        }
        ties.rows.push(vec![
            lang.text(&format!("compare.{}", t.change)).into(),
            name(&t.source),
            name(&t.target),
            weight(t.weight_before),
            weight(t.weight_after),
            Cell::List(engagements),
        ]);
    }
    let mut bridges = people_table(
        lang,
        &["group", "with", "ties_before", "ties_after", "new_ties"],
    );
    for row in &comparison.bridges.rows {
        // grouping, group_a, group_b, ties_before, ties_after, formed, new_bridge
        let name = |c: &Cell| match (c, &row[0]) {
            (Cell::Text(g), Cell::Text(k)) if k == "kind" => {
                Cell::Text(lang.kind(g.as_str()).into())
            }
            _ => c.clone(),
        };
        bridges.rows.push(vec![
            name(&row[1]),
            name(&row[2]),
            row[3].clone(),
            row[4].clone(),
            row[5].clone(),
        ]);
    }
    let intro = lang
        .text("report.compare_intro")
        .replace("{before}", &window_text(lang, before))
        .replace("{after}", &window_text(lang, after))
        .replace("{formed}", &lang.integer(formed as i64))
        .replace("{ended}", &lang.integer(ended as i64))
        .replace("{kept}", &lang.integer(kept as i64));
    vec![
        Section {
            id: "compare".into(),
            title: lang.text("report.compare").into(),
            intro,
            table: ties,
        },
        Section {
            id: "compare-bridges".into(),
            title: lang.text("report.compare_bridges").into(),
            intro: lang.text("report.compare_bridges_intro").into(),
            table: bridges,
        },
    ]
}

/// A window for people: `1.1.2016–31.12.2020` in Finnish, open sides left
/// empty.
fn window_text(lang: Lang, window: Window) -> String {
    let side = |d: Option<crate::model::Date>| d.map(|d| lang.date(d)).unwrap_or_default();
    format!("{}–{}", side(window.from), side(window.to))
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
