//! The report of an analysis: findings, warnings, summary, density,
//! maps, projects and money, top actors, brokers, reach, communities and
//! what was left out, assembled from computed results in one language.
//!
//! [`report`] gathers the sections from the views; the render layer turns
//! them into `report.html`, `report.md`, the maps, charts and tables.

mod change;
mod compare;
mod figures;
mod sections;

use crate::analysis::{Analysis, Window};
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::Metric;
use crate::render::map::{draw, DrawOptions, Layout, MapFormat, MapModel, PageSize};
use crate::render::report::{
    chart_svg, report_html, report_markdown, ReportCharts, ReportData, ReportFinding, ReportMap,
    Section,
};
use crate::render::{render_summary, Cell, Format, Table};
use crate::views::findings::findings;
use crate::views::projects::{
    funding_by_group, funding_table, left_out_table, people_table, projects_table,
};
use crate::views::tables::reach_table;
use crate::views::{map, MapMode, MapOptions};
use sections::{
    broker_section, community_section, cut_section, definitions, top_per_kind, top_section,
};

/// Options of [`report`].
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

fn file(name: &str, bytes: Vec<u8>) -> ReportFile {
    ReportFile {
        name: name.to_string(),
        bytes,
    }
}

/// The report's files: the maps (`map.svg`, `map-two-mode.svg`, …,
/// and `map.dot`), `actors.csv`, `ties.csv`, `communities.csv`,
/// `projects.csv`, `summary.csv`, `tables.xlsx`, `report.md` and the
/// self-contained `report.html`. Every section reads the analysis'
/// results, so each metric and the partition are computed once.
///
/// # Complexity
/// That of the metrics it shows (betweenness dominates), plus a layout
/// per map.
pub fn report(analysis: &Analysis<'_>, options: &ReportOptions) -> Result<Vec<ReportFile>> {
    let lang = options.lang;
    let mut files = Vec::new();
    let mut maps = draw_maps(analysis, options, &mut files)?;
    let projects = projects_table(analysis, lang);
    let mut sections = table_sections(analysis, lang, &projects)?;
    let mut changed = None;
    if let Some((before, after)) = options.compare {
        let map_options = MapOptions {
            lang,
            title: options.title.clone(),
            ..options.map.clone()
        };
        let (model, compare, finding) =
            compare::compare_windows(analysis, &map_options, before, after)?;
        changed = Some(finding);
        let title = lang
            .text("report.compare_map")
            .replace("{after}", &compare::window_text(lang, after));
        let mut drawn = draw_map(analysis, options, &model, "map-compare", &title, &mut files)?;
        drawn.notes.clear();
        maps.push(drawn);
        // What changed comes before the tables of the whole period.
        sections.splice(0..0, compare);
    }
    let change = change_section(analysis, lang, &mut sections, &mut files)?;
    // The findings already state the dominant project and the separate
    // parts.
    let warnings: Vec<_> = crate::views::warnings(analysis, TOP_SECTIONS, lang)?
        .into_iter()
        .filter(|w| !["dominant_engagement", "separate_components"].contains(&w.code))
        .collect();
    let data = ReportData {
        lang,
        title: options
            .title
            .clone()
            .unwrap_or_else(|| analysis.dataset().name.clone()),
        findings: with_change(findings(analysis, lang)?, changed, warnings.len(), lang)
            .into_iter()
            .map(|f| ReportFinding {
                text: f.text,
                section: f.section.to_string(),
            })
            .collect(),
        warnings,
        options: figures::option_rows(analysis, lang, &options.source),
        summary: figures::summary_rows(analysis, lang)?,
        heatmap: figures::heatmap(analysis, lang)?,
        maps,
        change,
        network_json: figures::network_json(analysis, lang)?,
        sections,
        definitions: definitions(lang),
        methods: analysis.projection().backbone().map(|b| {
            (
                lang.text("backbone.heading").to_string(),
                crate::views::backbone_methods(b, lang),
            )
        }),
    };
    files.extend(table_files(analysis, projects, lang)?);
    files.push(file("report.md", report_markdown(&data).into_bytes()));
    files.push(file("report.html", report_html(&data).into_bytes()));
    Ok(files)
}

/// The findings with what changed between two windows right after those
/// on the network's size, parts and cut points, and a pointer to the
/// `caveats` last.
fn with_change(
    mut findings: Vec<crate::views::findings::Finding>,
    changed: Option<crate::views::findings::Finding>,
    caveats: usize,
    lang: Lang,
) -> Vec<crate::views::findings::Finding> {
    if let Some(changed) = changed {
        findings.insert(findings.len().min(3), changed);
    }
    if caveats > 0 {
        findings.push(crate::views::findings::caveats_finding(lang, caveats));
    }
    findings
}

/// The maps of `options.modes`, drawn into `files` (and `map.dot` of the
/// first), as the report shows them.
fn draw_maps(
    analysis: &Analysis<'_>,
    options: &ReportOptions,
    files: &mut Vec<ReportFile>,
) -> Result<Vec<ReportMap>> {
    let lang = options.lang;
    let mut maps = Vec::new();
    // A backbone that kept no tie is said in words (the methods
    // paragraph), not drawn as an empty map.
    if analysis
        .projection()
        .backbone()
        .is_some_and(|b| b.kept == 0)
    {
        return Ok(maps);
    }
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
        let name = match mode {
            MapMode::Projection if i == 0 => "map".to_string(),
            MapMode::Projection => format!("map-{i}"),
            MapMode::TwoMode => "map-two-mode".to_string(),
        };
        let title = lang.text(match mode {
            MapMode::Projection => "report.map",
            MapMode::TwoMode => "report.map_two_mode",
        });
        maps.push(draw_map(analysis, options, &model, &name, title, files)?);
        if i == 0 {
            let dot = draw(&model, &draw_options(analysis, options, MapFormat::Dot))?;
            files.push(file("map.dot", dot.bytes));
        }
    }
    // A network too large to read actor by actor is also drawn as the
    // network of its groups.
    let largest = analysis.mixing().sizes.iter().copied().max().unwrap_or(0);
    if largest >= GROUP_MAP_MEMBERS {
        let group = analysis.options().group.clone();
        let model = map(
            analysis,
            &MapOptions {
                lang,
                title: options.title.clone(),
                aggregate: Some(group.clone()),
                ..options.map.clone()
            },
        )?;
        let group_name = lang.lookup(&format!("group.{group}")).unwrap_or(&group);
        let title = lang
            .text("report.map_groups")
            .replace("{group}", group_name);
        maps.push(draw_map(
            analysis,
            options,
            &model,
            "map-groups",
            &title,
            files,
        )?);
    }
    Ok(maps)
}

/// A group of this many actors adds the map of groups to the report.
const GROUP_MAP_MEMBERS: usize = 30;

/// The change over time: its table as the first section, its charts as
/// files, and the charts as the report shows them.
fn change_section(
    analysis: &Analysis<'_>,
    lang: Lang,
    sections: &mut Vec<Section>,
    files: &mut Vec<ReportFile>,
) -> Result<Option<ReportCharts>> {
    let change = change::change_over_time(analysis, lang)?;
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
    for (i, chart) in change.iter().flat_map(|c| c.charts.iter()).enumerate() {
        files.push(file(
            &format!("chart-{}.svg", i + 1),
            chart_svg(chart).into_bytes(),
        ));
    }
    Ok(change)
}

/// How the report's maps are drawn.
fn draw_options(
    analysis: &Analysis<'_>,
    options: &ReportOptions,
    format: MapFormat,
) -> DrawOptions {
    DrawOptions {
        format,
        layout: options.layout,
        seed: analysis.options().community.seed,
        size: PageSize::A4Landscape,
        ..Default::default()
    }
}

/// Draws one map as `{name}.svg` into `files`, and returns it as the
/// report shows it, with a note on how it was laid out.
fn draw_map(
    analysis: &Analysis<'_>,
    options: &ReportOptions,
    model: &MapModel,
    name: &str,
    title: &str,
    files: &mut Vec<ReportFile>,
) -> Result<ReportMap> {
    let lang = options.lang;
    let svg = draw(model, &draw_options(analysis, options, MapFormat::Svg))?;
    let mut notes: Vec<String> = model.thinning_note.iter().cloned().collect();
    notes.push(
        lang.text(if svg.builtin {
            "report.layout_builtin"
        } else {
            "report.layout_graphviz"
        })
        .to_string(),
    );
    let shown = ReportMap {
        title: title.to_string(),
        svg: String::from_utf8_lossy(&svg.bytes).into_owned(),
        file: format!("{name}.svg"),
        notes,
    };
    files.push(file(&format!("{name}.svg"), svg.bytes));
    Ok(shown)
}

/// The report's table sections: projects and money, top actors, brokers,
/// the actors holding it together, reach, communities, what was left out.
fn table_sections(analysis: &Analysis<'_>, lang: Lang, projects: &Table) -> Result<Vec<Section>> {
    let section = |id: &str, title: &str, intro: &str, table: Table| Section {
        id: id.into(),
        title: lang.text(title).into(),
        intro: if intro.is_empty() {
            String::new()
        } else {
            lang.text(intro).into()
        },
        table,
    };
    let mut sections = vec![
        section(
            "projects",
            "report.projects",
            "report.projects_intro",
            projects.clone(),
        ),
        section(
            "funding",
            "report.funding_actor",
            "report.funding_rule",
            funding_table(analysis, lang),
        ),
        section(
            "funding-kind",
            "report.funding_kind",
            "",
            funding_by_group(analysis, lang, true),
        ),
        section(
            "funding-region",
            "report.funding_region",
            "",
            funding_by_group(analysis, lang, false),
        ),
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
        for mut row in reach.rows {
            if let Cell::Text(k) = &row[0] {
                row[0] = Cell::Text(if k == "total" {
                    "Σ".into()
                } else {
                    lang.kind(k.as_str()).into()
                });
            }
            table.rows.push(row);
        }
        sections.push(section(
            "reach",
            "report.reach",
            "report.reach_intro",
            table,
        ));
    }
    sections.push(community_section(analysis, lang)?);
    let left = left_out_table(analysis, lang);
    let intro = if left.rows.is_empty() {
        "left.none"
    } else {
        "report.left_out_intro"
    };
    sections.push(section("left-out", "report.left_out", intro, left));
    Ok(sections)
}

/// The report's data tables as CSV files and as one Excel workbook:
/// every actor with every metric, the ties, the communities, the projects
/// and the summary.
fn table_files(analysis: &Analysis<'_>, projects: Table, lang: Lang) -> Result<Vec<ReportFile>> {
    // Column names and kinds in the reader's language; English keeps the
    // machine names the other commands write.
    let header = |key: &str| -> String {
        if lang == Lang::En {
            return key.to_string();
        }
        lang.lookup(&format!("col.{key}"))
            .or_else(|| lang.lookup(&format!("metric.{key}")))
            .unwrap_or(key)
            .to_string()
    };
    let headed = |keys: &[&str]| Table {
        columns: keys.iter().map(|k| header(k)).collect(),
        rows: Vec::new(),
    };
    let kind = |k: &str| -> Cell {
        if lang == Lang::En {
            k.into()
        } else {
            lang.kind(k).into()
        }
    };
    let actors = analysis.metrics(&[])?;
    let mut actor_table = headed(&["id", "name", "kind"]);
    actor_table
        .columns
        .extend(actors.columns.iter().map(|c| header(c.name())));
    for a in 0..analysis.actor_count() {
        let actor = analysis.actor(a);
        let mut row = vec![
            actor.id.as_str().into(),
            actor.name.as_str().into(),
            kind(&actor.kind),
        ];
        row.extend(actors.values.iter().map(|col| Cell::from(col[a])));
        actor_table.push(row);
    }
    let mut ties = headed(&["source", "target", "weight", "shared"]);
    let projection = analysis.projection();
    for t in projection.ties() {
        ties.push(vec![
            analysis.actor(t.source as usize).id.as_str().into(),
            analysis.actor(t.target as usize).id.as_str().into(),
            Cell::Float(t.weight),
            (projection.shared(t) as usize).into(),
        ]);
    }
    let mut communities = headed(&["community", "size", "internal_density", "members"]);
    for row in sections::community_rows(analysis, |a| a.id.to_string())? {
        communities.push(row);
    }
    let (summary_csv, summary_table) = if lang == Lang::En {
        let csv = render_summary(
            analysis.summary()?,
            &crate::views::summary_warnings(analysis, Lang::En)?,
            Format::Csv,
        );
        let table = crate::render::xlsx::table_from_csv(&csv)?;
        (csv, table)
    } else {
        let table = figures::summary_rows(analysis, lang)?;
        (table.to_csv(), table)
    };
    let sheet = |k: &str| lang.text(&format!("sheet.{k}"));
    // The same tables as one Excel workbook, a sheet each.
    let workbook = crate::render::workbook(&[
        (sheet("summary"), &summary_table),
        (sheet("actors"), &actor_table),
        (sheet("ties"), &ties),
        (sheet("communities"), &communities),
        (sheet("projects"), &projects),
    ])?;
    Ok(vec![
        file("actors.csv", actor_table.to_csv().into_bytes()),
        file("ties.csv", ties.to_csv().into_bytes()),
        file("communities.csv", communities.to_csv().into_bytes()),
        file("projects.csv", projects.to_csv().into_bytes()),
        file("summary.csv", summary_csv.into_bytes()),
        file("tables.xlsx", workbook),
    ])
}
