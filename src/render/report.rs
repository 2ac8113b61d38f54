//! The report: one self-contained HTML page (inline SVG and CSS, no
//! scripts, no external requests) and the same content as Markdown.

use super::export::xml_escape as html_escape;
use super::{format_float, Cell, Table};
use crate::metrics::community::CommunityProfile;
use crate::metrics::warning::Warning;
use crate::metrics::NetworkSummary;
use crate::render::TextStyle;

/// A titled table of the report.
#[derive(Debug, Clone)]
pub struct Section {
    /// Heading.
    pub title: String,
    /// One or two sentences saying what the table shows.
    pub intro: String,
    /// The table.
    pub table: Table,
}

/// Everything the report shows, computed by the caller.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// Title.
    pub title: String,
    /// Dataset, options, date of the data.
    pub options: Vec<(String, String)>,
    /// The network summary.
    pub summary: NetworkSummary,
    /// The map as inline SVG (no XML prolog).
    pub map_svg: String,
    /// The map's file name, for the Markdown version.
    pub map_file: String,
    /// Notes on the map (thinning, renderer).
    pub map_notes: Vec<String>,
    /// Communities with their profiles.
    pub communities: Vec<CommunityProfile>,
    /// Actor names by position, for community member lists.
    pub actor_labels: Vec<String>,
    /// Tables: top actors per metric, per kind, brokers, articulation points.
    pub sections: Vec<Section>,
    /// Metric definitions: (name, meaning).
    pub definitions: Vec<(String, String)>,
    /// The caveats to read before the figures.
    pub warnings: Vec<Warning>,
}

fn html_table(table: &Table, class: &str) -> String {
    let mut out = format!("<table class=\"{class}\"><thead><tr>");
    for c in &table.columns {
        out.push_str(&format!("<th>{}</th>", html_escape(&c.replace('_', " "))));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let numeric = matches!(cell, Cell::Int(_) | Cell::Float(_));
            out.push_str(&format!(
                "<td{}>{}</td>",
                if numeric { " class=\"n\"" } else { "" },
                html_escape(&cell.text(&TextStyle::REPORT))
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    out
}

fn md_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn md_table(table: &Table) -> String {
    let mut out = format!(
        "| {} |\n",
        table
            .columns
            .iter()
            .map(|c| md_escape(c))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    out.push_str(&format!(
        "|{}\n",
        table.columns.iter().map(|_| "---|").collect::<String>()
    ));
    for row in &table.rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter()
                .map(|c| md_escape(&c.text(&TextStyle::REPORT)))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// The summary figures as a two-column table.
fn summary_table(s: &NetworkSummary) -> Table {
    let mut t = Table::new(&["figure", "value"]);
    let mut add = |name: &str, value: Cell| t.push(vec![name.into(), value]);
    add("actors", s.actors.into());
    add("actors left out by the filters", s.inactive_actors.into());
    add("engagements", s.engagements.into());
    add("participations", s.participations.into());
    add("ties", s.ties.into());
    add("density", s.density.into());
    add("weighted density", s.weighted_density.into());
    add("components", s.components.into());
    add("largest component", s.largest_component.into());
    add("isolates", s.isolates.into());
    add("average clustering", s.average_clustering.into());
    add("transitivity", s.transitivity.into());
    add("diameter (largest component, hops)", s.diameter.into());
    add(
        "average path length (largest component, hops)",
        s.average_path_length.into(),
    );
    add("articulation points", s.articulation_points.len().into());
    add("bridges", s.bridges.len().into());
    add("max core", s.max_core.into());
    add("communities", s.communities.into());
    add("modularity", s.modularity.into());
    add(
        &format!("E–I index by {}", s.group),
        s.ei_index.map_or(Cell::Empty, Cell::Float),
    );
    add(
        &format!("assortativity by {}", s.group),
        s.assortativity.map_or(Cell::Empty, Cell::Float),
    );
    t
}

/// The mixing matrix as density heat-map cells: (text, background colour).
fn heatmap(s: &NetworkSummary) -> String {
    let k = s.mixing.groups.len();
    let max = (0..k)
        .flat_map(|g| (0..k).map(move |h| (g, h)))
        .filter_map(|(g, h)| s.mixing.density(g, h))
        .fold(0.0, f64::max);
    let mut out = String::from("<div class=\"scroll\"><table class=\"heat\"><thead><tr><th></th>");
    for name in &s.mixing.groups {
        out.push_str(&format!(
            "<th>{}</th>",
            html_escape(&name.replace('_', " "))
        ));
    }
    out.push_str("</tr></thead><tbody>\n");
    for g in 0..k {
        out.push_str(&format!(
            "<tr><th>{} ({})</th>",
            html_escape(&s.mixing.groups[g].replace('_', " ")),
            s.mixing.sizes[g]
        ));
        for h in 0..k {
            match s.mixing.density(g, h) {
                Some(d) => {
                    let t = if max > 0.0 { d / max } else { 0.0 };
                    // White → dark blue.
                    let (r, gg, b) = (
                        (255.0 - t * (255.0 - 8.0)) as u8,
                        (255.0 - t * (255.0 - 69.0)) as u8,
                        (255.0 - t * (255.0 - 148.0)) as u8,
                    );
                    let ink = if t > 0.55 { "white" } else { "black" };
                    out.push_str(&format!(
                        "<td class=\"n\" style=\"background:#{r:02x}{gg:02x}{b:02x};color:{ink}\" title=\"{} ties\">{}</td>",
                        s.mixing.ties[g][h],
                        format_float(d, 4)
                    ));
                }
                None => out.push_str("<td class=\"n\">–</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

fn mixing_table(s: &NetworkSummary) -> Table {
    let mut t = Table::new(&["group", "with", "ties", "weight", "density"]);
    for g in 0..s.mixing.groups.len() {
        for h in g..s.mixing.groups.len() {
            if s.mixing.ties[g][h] == 0 && g != h {
                continue;
            }
            t.push(vec![
                s.mixing.groups[g].as_str().into(),
                s.mixing.groups[h].as_str().into(),
                s.mixing.ties[g][h].into(),
                Cell::Float(s.mixing.weights[g][h]),
                s.mixing.density(g, h).map_or(Cell::Empty, Cell::Float),
            ]);
        }
    }
    t
}

fn community_table(data: &ReportData) -> Table {
    let mut t = Table::new(&[
        "community",
        "size",
        "internal density",
        &data.summary.group,
        "members",
    ]);
    for (c, p) in data.communities.iter().enumerate() {
        t.push(vec![
            (c + 1).into(),
            p.members.len().into(),
            p.internal_density.map_or(Cell::Empty, Cell::Float),
            Cell::List(p.groups.iter().map(|(k, v)| format!("{k} {v}")).collect()),
            Cell::List(
                p.members
                    .iter()
                    .map(|&m| data.actor_labels[m].clone())
                    .collect(),
            ),
        ]);
    }
    t
}

const CSS: &str = "body{font-family:Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.4;padding:0 1em}\
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}\
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}\
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}.map svg{max-width:100%;height:auto;border:1px solid #eee}\
.note{color:#8a2b00}dl dt{font-weight:bold;margin-top:.5em}dl dd{margin-left:1.5em}.heat td{min-width:4em}.scroll{overflow-x:auto}.warnings{background:#fff6e5;border-left:4px solid #d97706;padding:.4em 1em;margin:1em 0}.warnings h2{border:0;margin-top:.3em}\
@media print{h2{page-break-after:avoid}table{page-break-inside:avoid}}";

/// The report as one self-contained HTML page.
pub fn report_html(data: &ReportData) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        html_escape(&data.title)
    ));
    out.push_str(&format!("<h1>{}</h1>\n", html_escape(&data.title)));
    if !data.warnings.is_empty() {
        out.push_str(
            "<section id=\"warnings\" class=\"warnings\">\n<h2>Read this first</h2>\n<ul>\n",
        );
        for w in &data.warnings {
            out.push_str(&format!(
                "<li data-code=\"{}\">{}</li>\n",
                w.code,
                html_escape(&w.message)
            ));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("<h2 id=\"options\">Dataset and options</h2>\n<table class=\"options\"><tbody>\n");
    for (k, v) in &data.options {
        out.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            html_escape(k),
            html_escape(v)
        ));
    }
    out.push_str("</tbody></table>\n");
    out.push_str("<h2 id=\"summary\">Network summary</h2>\n");
    out.push_str(&html_table(&summary_table(&data.summary), "summary"));
    out.push_str(&format!(
        "<h2 id=\"density\">Collaboration density by {}</h2>\n<p>Share of possible ties that exist, within each group (diagonal) and between groups; darker is denser. Hover a cell for the number of ties.</p>\n",
        html_escape(&data.summary.group)
    ));
    out.push_str(&heatmap(&data.summary));
    out.push_str(&html_table(&mixing_table(&data.summary), "mixing"));
    out.push_str("<h2 id=\"map\">Network map</h2>\n");
    for note in &data.map_notes {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", html_escape(note)));
    }
    out.push_str(&format!("<div class=\"map\">\n{}\n</div>\n", data.map_svg));
    for section in &data.sections {
        out.push_str(&format!(
            "<h2>{}</h2>\n<p>{}</p>\n",
            html_escape(&section.title),
            html_escape(&section.intro)
        ));
        out.push_str(&html_table(&section.table, "actors"));
    }
    out.push_str("<h2 id=\"communities\">Communities</h2>\n<p>Leiden communities on tie weights, numbered by size. Internal density: share of possible ties inside the community that exist.</p>\n");
    out.push_str(&html_table(&community_table(data), "communities"));
    out.push_str("<h2 id=\"definitions\">What the numbers mean</h2>\n<dl>\n");
    for (name, meaning) in &data.definitions {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            html_escape(name),
            html_escape(meaning)
        ));
    }
    out.push_str("</dl>\n<p><small>Made with verkosto.</small></p>\n</body>\n</html>\n");
    out
}

/// The report as Markdown (the map as an image link to `map_file`).
pub fn report_markdown(data: &ReportData) -> String {
    let mut out = format!("# {}\n\n", md_escape(&data.title));
    if !data.warnings.is_empty() {
        out.push_str("## Read this first\n\n");
        for w in &data.warnings {
            out.push_str(&format!("- {} (`{}`)\n", md_escape(&w.message), w.code));
        }
        out.push('\n');
    }
    out.push_str("## Dataset and options\n\n");
    for (k, v) in &data.options {
        out.push_str(&format!("- **{}**: {}\n", md_escape(k), md_escape(v)));
    }
    out.push_str("\n## Network summary\n\n");
    out.push_str(&md_table(&summary_table(&data.summary)));
    out.push_str(&format!(
        "\n## Collaboration density by {}\n\n",
        md_escape(&data.summary.group)
    ));
    out.push_str(&md_table(&mixing_table(&data.summary)));
    out.push_str(&format!(
        "\n## Network map\n\n![Network map]({})\n\n",
        data.map_file
    ));
    for note in &data.map_notes {
        out.push_str(&format!("> {}\n\n", md_escape(note)));
    }
    for section in &data.sections {
        out.push_str(&format!(
            "## {}\n\n{}\n\n",
            md_escape(&section.title),
            md_escape(&section.intro)
        ));
        out.push_str(&md_table(&section.table));
        out.push('\n');
    }
    out.push_str("## Communities\n\n");
    out.push_str(&md_table(&community_table(data)));
    out.push_str("\n## What the numbers mean\n\n");
    for (name, meaning) in &data.definitions {
        out.push_str(&format!(
            "- **{}**: {}\n",
            md_escape(name),
            md_escape(meaning)
        ));
    }
    out
}

/// Short definitions of every metric, for the report.
pub const DEFINITIONS: &[(&str, &str)] = &[
    ("degree", "Number of distinct partners (actors it shares at least one engagement or direct tie with)."),
    ("strength", "Sum of its tie weights: with the count weighting, the number of shared engagements summed over partners."),
    ("density", "Ties present divided by ties possible, 2m/(n(n−1)). Within and between groups: ties present / possible in that block."),
    ("weighted density", "Total tie weight divided by the number of possible pairs."),
    ("betweenness", "Share of shortest routes between other pairs that pass through the actor (Brandes 2001); normalised by 2/((n−1)(n−2)); distance = 1/weight; equal-length routes within a relative 1e-9 count as ties."),
    ("closeness", "How near the actor is to those it can reach: (r/(n−1))·(r/Σd) over the r reachable actors (Wasserman–Faust correction), distance = 1/weight."),
    ("harmonic", "Σ 1/distance to every other actor, divided by n−1; unreachable actors add nothing."),
    ("eigenvector", "High when the actor's partners are themselves central; principal eigenvector of the weighted adjacency matrix, unit length (Bonacich 1972)."),
    ("pagerank", "Random-walk importance with damping 0.85 on tie weights; sums to 1 (Brin & Page 1998)."),
    ("katz", "Influence through all walks, shorter ones counting more: x = αAx + 1, α = 0.9/λmax unless given, unit length (Katz 1953)."),
    ("clustering", "Share of the actor's partner pairs that are also partners of each other (unweighted)."),
    ("transitivity", "Share of connected triples that are closed triangles, over the whole network."),
    ("constraint", "Burt's constraint (1992): high when the actor's partners are tied to each other, so it has few structural holes to bridge."),
    ("effective size", "Burt's effective size: partners minus their redundancy; equals degree when no two partners are tied."),
    ("core", "k-core number: the largest k such that the actor belongs to a group where everyone has at least k ties (Seidman 1983)."),
    ("brokerage roles", "Gould & Fernandez (1989): for each pair of the actor's partners that are not tied, it brokers as coordinator (all three in one group), itinerant (partners in one group, it in another), gatekeeper/representative (it shares a group with one partner) or liaison (three different groups)."),
    ("articulation point", "An actor whose departure would split its part of the network; separated pairs counts the pairs of others that would lose every connection."),
    ("communities, modularity", "Leiden algorithm (Traag, Waltman & van Eck 2019) maximising modularity on tie weights; modularity compares ties inside communities with what random ties would give (Newman & Girvan 2004)."),
    ("E–I index", "(ties between groups − ties within groups) / all ties (Krackhardt & Stern 1988): −1 all within, +1 all between."),
    ("assortativity", "Tendency of ties to join actors of the same group (Newman 2003): 1 only within, 0 as random, negative across."),
    ("diameter, average path length", "The longest and the mean shortest path, in ties, within the largest component."),
];
