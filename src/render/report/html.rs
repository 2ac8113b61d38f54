//! The report as one self-contained HTML page.

use super::{script_json, ReportData, Section};
use crate::render::xml::xml_escape as escape;
use crate::render::{Cell, Table, TextStyle};
use std::fmt::Write as _;

const CSS: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The page loads nothing: scripts and styles are inline, images data.
const CSP: &str =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/// Tables of more columns than this, more than three of them text, print
/// a block per row.
const WIDE_COLUMNS: usize = 6;

fn table(out: &mut String, table: &Table, style: &TextStyle, sortable: bool) {
    // A table of many columns prints as one block per row, each value
    // with its column's name (`data-col`), instead of columns too narrow
    // for their words.
    let text_columns = (0..table.columns.len())
        .filter(|&c| {
            table
                .rows
                .iter()
                .any(|r| matches!(r[c], Cell::Text(_) | Cell::List(_)))
        })
        .count();
    let wide = table.columns.len() > WIDE_COLUMNS && text_columns > 3;
    let classes: Vec<&str> = [(sortable, "sortable"), (wide, "wide")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, c)| *c)
        .collect();
    let _ = write!(out, "<table");
    if !classes.is_empty() {
        let _ = write!(out, " class=\"{}\"", classes.join(" "));
    }
    out.push_str("><thead><tr>");
    for c in &table.columns {
        let _ = write!(out, "<th>{}</th>", escape(&c.replace('_', " ")));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let label = if wide {
                format!(
                    " data-col=\"{}\"",
                    escape(&table.columns[c].replace('_', " "))
                )
            } else {
                String::new()
            };
            let value = match cell {
                Cell::Int(v) => Some(v.to_string()),
                Cell::Float(v) => Some(format!("{v}")),
                _ => None,
            };
            match value {
                Some(v) => {
                    let _ = write!(
                        out,
                        "<td class=\"n\"{label} data-sort=\"{v}\">{}</td>",
                        escape(&cell.text(style))
                    );
                }
                None => {
                    let _ = write!(out, "<td{label}>{}</td>", escape(&cell.text(style)));
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn section(out: &mut String, s: &Section, style: &TextStyle, sortable: bool) {
    let _ = writeln!(
        out,
        "<section id=\"{}\"><h2>{}</h2>\n<p>{}</p>",
        escape(&s.id),
        escape(&s.title),
        escape(&s.intro)
    );
    table(out, &s.table, style, sortable);
    out.push_str("</section>\n");
}

/// The report as one self-contained HTML page: no network request, a
/// Content-Security-Policy that forbids loading anything, every name
/// escaped for its context (HTML text, attribute, embedded JSON).
pub fn report_html(data: &ReportData) -> String {
    let lang = data.lang;
    let t = |key: &str| escape(lang.text(key));
    let style = TextStyle::people(lang);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        lang.code(),
        escape(&data.title),
        escape(&data.title)
    );
    if !data.findings.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"findings\" class=\"findings\"><h2>{}</h2>\n<ul>",
            t("report.findings")
        );
        for f in &data.findings {
            let _ = writeln!(
                out,
                "<li>{} <a href=\"#{}\" aria-label=\"{}\">→</a></li>",
                escape(&f.text),
                escape(&f.section),
                escape(&f.section)
            );
        }
        out.push_str("</ul></section>\n");
    }
    if !data.warnings.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"read-first\" class=\"warnings\"><h2>{}</h2>\n<ul>",
            t("report.read_first")
        );
        for w in &data.warnings {
            let _ = writeln!(
                out,
                "<li data-code=\"{}\">{}</li>",
                w.code,
                escape(&w.message)
            );
        }
        out.push_str("</ul></section>\n");
    }
    let _ = writeln!(
        out,
        "<section id=\"options\"><h2>{}</h2>\n<table><tbody>",
        t("report.options")
    );
    for (k, v) in &data.options {
        let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", escape(k), escape(v));
    }
    out.push_str("</tbody></table></section>\n");
    if let Some((title, text)) = &data.methods {
        let _ = writeln!(
            out,
            "<section id=\"methods\"><h2>{}</h2>\n<p>{}</p></section>",
            escape(title),
            escape(text)
        );
    }
    let _ = writeln!(
        out,
        "<section id=\"summary\"><h2>{}</h2>",
        t("report.summary")
    );
    table(&mut out, &data.summary, &style, false);
    out.push_str("</section>\n");
    heatmap(&mut out, data, &style);
    out.push_str("<section id=\"map\" class=\"maps\">\n");
    if data.maps.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p class=\"note\">{}</p>",
            t("report.map"),
            t("backbone.none_kept")
        );
    }
    for (i, map) in data.maps.iter().enumerate() {
        let _ = writeln!(
            out,
            "<h2{}>{}</h2>",
            if i == 0 { "" } else { " class=\"more\"" },
            escape(&map.title)
        );
        for note in &map.notes {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
        }
        let svg = map
            .svg
            .find("<svg")
            .map_or(map.svg.as_str(), |i| &map.svg[i..]);
        let _ = writeln!(out, "<div class=\"map\">\n{svg}</div>");
    }
    out.push_str("</section>\n");
    if let Some(change) = &data.change {
        let _ = writeln!(
            out,
            "<section id=\"change\"><h2>{}</h2>\n<p>{}</p>\n<div class=\"charts\">",
            escape(&change.title),
            escape(&change.intro)
        );
        for chart in &change.charts {
            out.push_str(&super::chart_svg(chart));
        }
        out.push_str("</div></section>\n");
    }
    for s in &data.sections {
        section(&mut out, s, &style, true);
    }
    let _ = writeln!(
        out,
        "<section id=\"definitions\"><h2>{}</h2>\n<dl>",
        t("report.definitions")
    );
    for (name, meaning) in &data.definitions {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(name), escape(meaning));
    }
    let _ = writeln!(
        out,
        "</dl></section>\n<p><small>{}</small></p>",
        t("report.made_with")
    );
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"verkosto-data\">{}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>",
        script_json(&data.network_json)
    );
    out
}

/// The density heat-map: white to dark blue, numbers for people, small
/// groups marked.
fn heatmap(out: &mut String, data: &ReportData, style: &TextStyle) {
    let h = &data.heatmap;
    let lang = data.lang;
    let _ = writeln!(
        out,
        "<section id=\"density\"><h2>{}</h2>\n<p>{}</p>",
        escape(&lang.text("report.density").replace("{group}", &h.group)),
        escape(lang.text("report.density_intro"))
    );
    // Pairs with a group of fewer than 3 actors are greyed and left out
    // of the scale: one or two actors make any density.
    let small = |g: usize| h.groups[g].1 < 3;
    let max = h
        .cells
        .iter()
        .enumerate()
        .flat_map(|(g, row)| {
            row.iter()
                .enumerate()
                .filter(move |&(k, _)| !small(g) && !small(k))
                .filter_map(|(_, c)| c.map(|c| c.0))
        })
        .fold(0.0, f64::max);
    out.push_str("<table class=\"heat\"><thead><tr><th></th>");
    for (name, size) in &h.groups {
        let _ = write!(
            out,
            "<th>{}{}</th>",
            escape(name),
            if *size < 3 { "*" } else { "" }
        );
    }
    out.push_str("</tr></thead><tbody>\n");
    for (g, (name, size)) in h.groups.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><th>{} ({size}){}</th>",
            escape(name),
            if *size < 3 { "*" } else { "" }
        );
        for (k, cell) in h.cells[g].iter().enumerate() {
            match cell {
                Some((d, ties)) if small(g) || small(k) => {
                    let _ = write!(
                        out,
                        "<td class=\"n small\" title=\"{}\">{}</td>",
                        escape(&format!(
                            "{} {}",
                            lang.integer(*ties as i64),
                            lang.text("col.ties")
                        )),
                        escape(&Cell::Float(*d).text(style))
                    );
                }
                Some((d, ties)) => {
                    let t = if max > 0.0 { d / max } else { 0.0 };
                    let (r, gg, b) = (
                        (255.0 - t * (255.0 - 8.0)) as u8,
                        (255.0 - t * (255.0 - 69.0)) as u8,
                        (255.0 - t * (255.0 - 148.0)) as u8,
                    );
                    let ink = if t > 0.55 { "white" } else { "black" };
                    let _ = write!(
                        out,
                        "<td class=\"n\" style=\"background:#{r:02x}{gg:02x}{b:02x};color:{ink}\" title=\"{}\">{}</td>",
                        escape(&format!("{} {}", lang.integer(*ties as i64), lang.text("col.ties"))),
                        escape(&Cell::Float(*d).text(style))
                    );
                }
                None => out.push_str("<td class=\"n\">–</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}
