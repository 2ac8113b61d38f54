//! `verkosto report`.

use super::render::render_map;
use super::{CommunityArgs, ProjectionArgs};
use clap::Args;
use std::path::{Path, PathBuf};
use verkosto::graph::Projection;
use verkosto::io::write_atomic;
use verkosto::metrics::brokerage::broker_figures;
use verkosto::metrics::community::{community_profiles, detect};
use verkosto::metrics::{
    actor_metrics, group_values, summarize, ActorMetricsOptions, SummaryOptions,
};
use verkosto::render::map::{build_map, graphviz_available, MapOptions};
use verkosto::render::report::{report_html, report_markdown, ReportData, Section, DEFINITIONS};
use verkosto::render::{render_summary, Cell, Format, Table};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The dataset (JSON).
    pub file: PathBuf,
    /// The directory to write report.html, report.md, the map and the CSV
    /// tables into (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: PathBuf,
    /// Group actors by this attribute for mixing and brokerage (default kind).
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub group: String,
    /// Draw the map with verkosto's own layout even if Graphviz is installed.
    #[arg(long)]
    pub builtin: bool,
    /// Title (default: the dataset's name).
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs,
}

pub fn run(args: ReportArgs) -> anyhow::Result<()> {
    let options = args.projection.options()?;
    let community = args.community.options()?;
    let dataset = super::load(&args.file)?;
    let projection = Projection::new(&dataset, &options)?;
    let adjacency = projection.adjacency();
    let n = projection.actor_count();
    let summary = summarize(
        &projection,
        &SummaryOptions {
            group: args.group.clone(),
            community,
        },
    )?;
    let metrics = actor_metrics(
        &projection,
        &ActorMetricsOptions {
            group: args.group.clone(),
            community,
            ..Default::default()
        },
    )?;
    let column = |name: &str| {
        metrics
            .columns
            .iter()
            .position(|c| *c == name)
            .expect("all metrics computed")
    };
    let partition = detect(&adjacency, &community)?;
    let groups = group_values(&projection, &args.group);
    let profiles = community_profiles(&adjacency, &partition, &groups);
    let brokers = broker_figures(&adjacency, &groups);
    let name = |a: usize| projection.actor(a).name.clone();
    let score = |c: usize, a: usize| metrics.values[c][a].as_f64().unwrap_or(f64::NEG_INFINITY);

    // Top actors per metric.
    let mut sections = Vec::new();
    for (metric, what) in [
        ("degree", "most partners"),
        ("strength", "most collaboration (sum of tie weights)"),
        (
            "betweenness",
            "lie most often on the shortest routes between others",
        ),
        ("closeness", "are nearest to everyone they can reach"),
        ("eigenvector", "are tied to the best-connected"),
        ("pagerank", "rank highest by weighted random walk"),
    ] {
        let c = column(metric);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| score(c, b).total_cmp(&score(c, a)).then(a.cmp(&b)));
        let mut t = Table::new(&["rank", "actor", "kind", metric]);
        for (rank, &a) in order.iter().take(10).enumerate() {
            t.push(vec![
                (rank + 1).into(),
                name(a).into(),
                projection.actor(a).kind.as_str().into(),
                Cell::from(metrics.values[c][a]),
            ]);
        }
        sections.push(Section {
            title: format!("Top actors by {metric}"),
            intro: format!("The actors that {what}."),
            table: t,
        });
    }
    // Top actors per kind.
    let (degree, betweenness) = (column("degree"), column("betweenness"));
    let mut kinds: Vec<&str> = (0..n).map(|a| projection.actor(a).kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    let mut per_kind = Table::new(&["kind", "actor", "degree", "betweenness"]);
    for kind in kinds {
        let mut members: Vec<usize> = (0..n)
            .filter(|&a| projection.actor(a).kind == kind)
            .collect();
        members.sort_by(|&a, &b| {
            score(degree, b)
                .total_cmp(&score(degree, a))
                .then(a.cmp(&b))
        });
        for &a in members.iter().take(3) {
            per_kind.push(vec![
                kind.into(),
                name(a).into(),
                Cell::from(metrics.values[degree][a]),
                Cell::from(metrics.values[betweenness][a]),
            ]);
        }
    }
    sections.push(Section {
        title: "Top actors per kind".into(),
        intro: "The three actors of each kind with the most partners.".into(),
        table: per_kind,
    });
    // Brokers.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        brokers[b]
            .roles
            .total()
            .cmp(&brokers[a].roles.total())
            .then(a.cmp(&b))
    });
    let mut broker_table = Table::new(&[
        "actor",
        &args.group,
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
        broker_table.push(vec![
            name(a).into(),
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
    sections.push(Section {
        title: "Brokers: who bridges whom".into(),
        intro: format!("Actors that link pairs of their partners who are not tied to each other, by the {} of the three (Gould–Fernandez roles), with Burt's constraint (low = spans structural holes) and effective size.", args.group),
        table: broker_table,
    });
    let mut cut = Table::new(&["actor", "kind", "separated_pairs"]);
    let mut points: Vec<usize> = (0..n).filter(|&a| brokers[a].articulation_point).collect();
    points.sort_by(|&a, &b| {
        brokers[b]
            .separated_pairs
            .cmp(&brokers[a].separated_pairs)
            .then(a.cmp(&b))
    });
    for a in points {
        cut.push(vec![
            name(a).into(),
            projection.actor(a).kind.as_str().into(),
            Cell::Int(brokers[a].separated_pairs as i64),
        ]);
    }
    sections.push(Section {
        title: "Articulation points".into(),
        intro: "If this actor left, the network would split: separated pairs counts the pairs of other actors that would lose every connection.".into(),
        table: cut,
    });

    // The map.
    let model = build_map(
        &projection,
        &MapOptions {
            community,
            title: args.title.clone(),
            ..Default::default()
        },
    )?;
    let use_builtin = args.builtin || !graphviz_available();
    let svg = render_map(&model, "svg", None, use_builtin, community.seed)?;
    let svg_text = String::from_utf8_lossy(&svg).into_owned();
    let inline = svg_text
        .find("<svg")
        .map_or(svg_text.clone(), |i| svg_text[i..].to_string());
    let mut map_notes = Vec::new();
    if let Some(note) = &model.thinning_note {
        map_notes.push(note.clone());
    }
    map_notes.push(if use_builtin {
        "Drawn with verkosto's built-in layout (Graphviz not used).".to_string()
    } else {
        "Laid out with Graphviz.".to_string()
    });
    map_notes.push(model.scale_note.clone());

    let data = ReportData {
        title: args.title.clone().unwrap_or_else(|| dataset.name.clone()),
        options: vec![
            (
                "dataset".into(),
                format!("{} ({})", dataset.name, args.file.display()),
            ),
            (
                "projection".into(),
                format!("weight {}; {}", projection.weighting(), summary.filter),
            ),
            (
                "minimum tie weight".into(),
                options.min_weight.map_or("none".into(), |m| m.to_string()),
            ),
            ("groups".into(), args.group.clone()),
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
    };

    // CSV tables with the numbers of the CLI commands.
    let mut actors = Table::new(&["id", "name", "kind"]);
    actors
        .columns
        .extend(metrics.columns.iter().map(|c| c.to_string()));
    for a in 0..n {
        let mut row = vec![
            projection.actor(a).id.as_str().into(),
            name(a).into(),
            projection.actor(a).kind.as_str().into(),
        ];
        row.extend(metrics.values.iter().map(|col| Cell::from(col[a])));
        actors.push(row);
    }
    let mut ties = Table::new(&["source", "target", "weight", "shared"]);
    for t in projection.ties() {
        ties.push(vec![
            projection.actor(t.source as usize).id.as_str().into(),
            projection.actor(t.target as usize).id.as_str().into(),
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
                    .map(|&m| projection.actor(m).id.clone())
                    .collect(),
            ),
        ]);
    }

    std::fs::create_dir_all(&args.output).map_err(|source| verkosto::Error::Write {
        path: args.output.clone(),
        source,
    })?;
    let inputs = [args.file.as_path()];
    let write = |file: &str, bytes: &[u8]| -> verkosto::Result<()> {
        write_atomic(&args.output.join(file), bytes, &inputs)
    };
    write("map.svg", &svg)?;
    write(
        "map.dot",
        render_map(&model, "dot", None, false, community.seed)?.as_slice(),
    )?;
    write("actors.csv", actors.to_csv().as_bytes())?;
    write("ties.csv", ties.to_csv().as_bytes())?;
    write("communities.csv", communities.to_csv().as_bytes())?;
    write(
        "summary.csv",
        render_summary(&summary, Format::Csv).as_bytes(),
    )?;
    write("report.md", report_markdown(&data).as_bytes())?;
    write("report.html", report_html(&data).as_bytes())?;
    eprintln!(
        "wrote {}",
        Path::new(&args.output).join("report.html").display()
    );
    Ok(())
}
