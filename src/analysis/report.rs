//! The report of an analysis: its sections assembled from computed
//! results, written as HTML and Markdown with the map and CSV tables.

use super::{Analysis, MapOptions};
use crate::error::Result;
use crate::metrics::Metric;
use crate::render::map::{draw, DrawOptions, Layout, MapFormat};
use crate::render::report::{report_html, report_markdown, ReportData, Section, DEFINITIONS};
use crate::render::{render_summary, Cell, Format, Table};

/// Options of [`Analysis::report`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportOptions {
    /// Title (default: the dataset's name).
    pub title: Option<String>,
    /// The dataset's file name, as the report should name it.
    pub source: String,
    /// How the map is laid out.
    pub layout: Layout,
}

/// One file of the report: its name in the report directory and bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFile {
    /// File name (`report.html`, `map.svg`, …).
    pub name: &'static str,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// The top-actor sections: metric and what its leaders do.
const TOP_SECTIONS: &[(Metric, &str)] = &[
    (Metric::Degree, "most partners"),
    (Metric::Strength, "most collaboration (sum of tie weights)"),
    (
        Metric::Betweenness,
        "lie most often on the shortest routes between others",
    ),
    (Metric::Closeness, "are nearest to everyone they can reach"),
    (Metric::Eigenvector, "are tied to the best-connected"),
    (Metric::PageRank, "rank highest by weighted random walk"),
];

impl Analysis<'_> {
    /// The report's files: `map.svg`, `map.dot`, `actors.csv`,
    /// `ties.csv`, `communities.csv`, `summary.csv`, `report.md` and the
    /// self-contained `report.html`, in that order. Every section reads the
    /// analysis' results, so each metric and the partition are computed
    /// once.
    pub fn report(&self, options: &ReportOptions) -> Result<Vec<ReportFile>> {
        let n = self.actor_count();
        let name = |a: usize| self.actor(a).name.clone();
        let kind = |a: usize| self.actor(a).kind.as_str();
        let group = self.options().group.clone();
        let community = self.options().community;

        let mut sections = Vec::new();
        for &(metric, what) in TOP_SECTIONS {
            let values = self.metric(metric)?;
            let scores = self.scores(metric)?;
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
            let mut t = Table::new(&["rank", "actor", "kind", metric.name()]);
            for (rank, &a) in order.iter().take(10).enumerate() {
                t.push(vec![
                    (rank + 1).into(),
                    name(a).into(),
                    kind(a).into(),
                    Cell::from(values[a]),
                ]);
            }
            sections.push(Section {
                title: format!("Top actors by {metric}"),
                intro: format!("The actors that {what}."),
                table: t,
            });
        }
        sections.push(self.top_per_kind()?);
        let reach = self.reach_table("kind");
        if reach.rows.len() > 1 {
            sections.push(Section {
                title: "Reach: target groups and participants".into(),
                intro: "The actors named as target groups or participants of the engagements, by kind. Reach is not collaboration: these actors are reached by the engagements' coordinators and implementers, and make no ties in the network.".into(),
                table: reach,
            });
        }
        sections.push(self.broker_section()?);
        sections.push(self.cut_section());

        let map_model = self.map(&MapOptions {
            title: options.title.clone(),
            ..Default::default()
        })?;
        let svg = draw(
            &map_model,
            &DrawOptions {
                format: MapFormat::Svg,
                layout: options.layout,
                seed: community.seed,
                ..Default::default()
            },
        )?;
        let svg_text = String::from_utf8_lossy(&svg.bytes).into_owned();
        let inline = svg_text
            .find("<svg")
            .map_or(svg_text.clone(), |i| svg_text[i..].to_string());
        let mut map_notes = Vec::new();
        if let Some(note) = &map_model.thinning_note {
            map_notes.push(note.clone());
        }
        map_notes.push(if svg.builtin {
            "Drawn with verkosto's built-in layout (Graphviz not used).".to_string()
        } else {
            "Laid out with Graphviz.".to_string()
        });
        map_notes.push(map_model.scale_note.clone());

        let summary = self.summary()?;
        let profiles = self.community_profiles(&group)?;
        let projection = self.projection();
        let dataset = self.dataset();
        let data = ReportData {
            title: options
                .title
                .clone()
                .unwrap_or_else(|| dataset.name.clone()),
            options: vec![
                (
                    "dataset".into(),
                    format!("{} ({})", dataset.name, options.source),
                ),
                (
                    "projection".into(),
                    format!("weight {}; {}", projection.weighting(), summary.filter),
                ),
                (
                    "tie rules".into(),
                    projection.two_mode().filter().ties.describe(),
                ),
                (
                    "minimum tie weight".into(),
                    projection
                        .min_weight()
                        .map_or("none".into(), |m| m.to_string()),
                ),
                ("groups".into(), group.clone()),
                (
                    "communities".into(),
                    format!(
                        "{}, resolution {}, seed {}",
                        community.method, community.resolution, community.seed
                    ),
                ),
                (
                    "paths".into(),
                    "distance = 1/weight (stronger ties are shorter)".into(),
                ),
            ],
            summary: summary.clone(),
            map_svg: inline,
            map_file: "map.svg".into(),
            map_notes,
            communities: profiles.clone(),
            actor_labels: (0..n).map(name).collect(),
            sections,
            definitions: DEFINITIONS
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            warnings: self.warnings(&TOP_SECTIONS.iter().map(|s| s.0).collect::<Vec<_>>())?,
        };

        let actors = self.metrics(&[])?;
        let mut actor_table = Table::new(&["id", "name", "kind"]);
        actor_table
            .columns
            .extend(actors.columns.iter().map(|c| c.name().to_string()));
        for a in 0..n {
            let mut row = vec![
                self.actor(a).id.as_str().into(),
                name(a).into(),
                kind(a).into(),
            ];
            row.extend(actors.values.iter().map(|col| Cell::from(col[a])));
            actor_table.push(row);
        }
        let mut ties = Table::new(&["source", "target", "weight", "shared"]);
        for t in projection.ties() {
            ties.push(vec![
                self.actor(t.source as usize).id.as_str().into(),
                self.actor(t.target as usize).id.as_str().into(),
                Cell::Float(t.weight),
                (t.shared as usize).into(),
            ]);
        }
        let mut communities = Table::new(&["community", "size", "internal_density", "members"]);
        for (c, p) in profiles.iter().enumerate() {
            communities.push(vec![
                (c + 1).into(),
                p.members.len().into(),
                p.internal_density.map_or(Cell::Empty, Cell::Float),
                Cell::List(
                    p.members
                        .iter()
                        .map(|&m| self.actor(m).id.clone())
                        .collect(),
                ),
            ]);
        }
        let dot = draw(
            &map_model,
            &DrawOptions {
                format: MapFormat::Dot,
                layout: options.layout,
                seed: community.seed,
                ..Default::default()
            },
        )?;
        let file = |name: &'static str, bytes: Vec<u8>| ReportFile { name, bytes };
        Ok(vec![
            file("map.svg", svg.bytes),
            file("map.dot", dot.bytes),
            file("actors.csv", actor_table.to_csv().into_bytes()),
            file("ties.csv", ties.to_csv().into_bytes()),
            file("communities.csv", communities.to_csv().into_bytes()),
            file(
                "summary.csv",
                render_summary(summary, Format::Csv).into_bytes(),
            ),
            file("report.md", report_markdown(&data).into_bytes()),
            file("report.html", report_html(&data).into_bytes()),
        ])
    }

    /// The three actors of each kind with the most partners.
    fn top_per_kind(&self) -> Result<Section> {
        let n = self.actor_count();
        let degree = self.metric(Metric::Degree)?;
        let betweenness = self.metric(Metric::Betweenness)?;
        let scores = self.scores(Metric::Degree)?;
        let mut kinds: Vec<&str> = (0..n).map(|a| self.actor(a).kind.as_str()).collect();
        kinds.sort();
        kinds.dedup();
        let mut table = Table::new(&["kind", "actor", "degree", "betweenness"]);
        for kind in kinds {
            let mut members: Vec<usize> = (0..n).filter(|&a| self.actor(a).kind == kind).collect();
            members.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
            for &a in members.iter().take(3) {
                table.push(vec![
                    kind.into(),
                    self.actor(a).name.as_str().into(),
                    Cell::from(degree[a]),
                    Cell::from(betweenness[a]),
                ]);
            }
        }
        Ok(Section {
            title: "Top actors per kind".into(),
            intro: "The three actors of each kind with the most partners.".into(),
            table,
        })
    }

    /// The fifteen actors that link most open pairs.
    fn broker_section(&self) -> Result<Section> {
        let brokers = self.broker_figures()?;
        let group = &self.options().group;
        let mut order: Vec<usize> = (0..self.actor_count()).collect();
        order.sort_by(|&a, &b| {
            brokers[b]
                .roles
                .total()
                .cmp(&brokers[a].roles.total())
                .then(a.cmp(&b))
        });
        let mut table = Table::new(&[
            "actor",
            group,
            "constraint",
            "effective_size",
            "coordinator",
            "itinerant",
            "gatekeeper_representative",
            "liaison",
            "brokerage_total",
        ]);
        for &a in order
            .iter()
            .take(15)
            .filter(|&&a| brokers[a].roles.total() > 0)
        {
            let f = &brokers[a];
            table.push(vec![
                self.actor(a).name.as_str().into(),
                f.group.as_str().into(),
                f.constraint.map_or(Cell::Empty, Cell::Float),
                f.effective_size.map_or(Cell::Empty, Cell::Float),
                f.roles.coordinator.into(),
                f.roles.itinerant.into(),
                f.roles.gatekeeper_representative.into(),
                f.roles.liaison.into(),
                f.roles.total().into(),
            ]);
        }
        Ok(Section {
            title: "Brokers: who bridges whom".into(),
            intro: format!("Actors that link pairs of their partners who are not tied to each other, by the {group} of the three (Gould–Fernandez roles), with Burt's constraint (low = spans structural holes) and effective size."),
            table,
        })
    }

    /// The actors whose departure would split the network.
    fn cut_section(&self) -> Section {
        let cut = self.cut_structure();
        let mut table = Table::new(&["actor", "kind", "separated_pairs"]);
        let mut points = cut.articulation_points.clone();
        points.sort_by(|&a, &b| {
            cut.separated_pairs[b]
                .cmp(&cut.separated_pairs[a])
                .then(a.cmp(&b))
        });
        for a in points {
            table.push(vec![
                self.actor(a).name.as_str().into(),
                self.actor(a).kind.as_str().into(),
                Cell::Int(cut.separated_pairs[a] as i64),
            ]);
        }
        Section {
            title: "Articulation points".into(),
            intro: "If this actor left, the network would split: separated pairs counts the pairs of other actors that would lose every connection.".into(),
            table,
        }
    }
}
