//! The network summary as text, CSV or JSON.

use super::table::{float_json, Cell, Format, Table};
use crate::metrics::warning::Warning;
use crate::metrics::NetworkSummary;
use crate::render::TextStyle;
use serde_json::{Map, Value};

fn optional(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::Float)
}

/// The figures of a summary as (key, cell) pairs, in output order.
fn figures(s: &NetworkSummary) -> Vec<(&'static str, Cell)> {
    vec![
        ("name", Cell::from(s.name.as_str())),
        ("actors", s.actors.into()),
        ("inactive_actors", s.inactive_actors.into()),
        ("engagements", s.engagements.into()),
        ("participations", s.participations.into()),
        ("ties", s.ties.into()),
        ("total_weight", s.total_weight.into()),
        ("density", s.density.into()),
        ("weighted_density", s.weighted_density.into()),
        ("components", s.components.into()),
        ("largest_component", s.largest_component.into()),
        ("isolates", s.isolates.into()),
        ("average_clustering", s.average_clustering.into()),
        ("transitivity", s.transitivity.into()),
        ("diameter", s.diameter.into()),
        ("average_path_length", s.average_path_length.into()),
        (
            "average_path_length_sources",
            s.average_path_length_sources
                .map_or(Cell::Empty, Cell::from),
        ),
        (
            "average_path_length_error",
            s.average_path_length_error.map_or(Cell::Empty, Cell::Float),
        ),
        (
            "articulation_points",
            Cell::list(s.articulation_points.clone()),
        ),
        (
            "bridges",
            Cell::list(s.bridges.iter().map(|(a, b)| format!("{a}–{b}"))),
        ),
        ("max_core", s.max_core.into()),
        ("modularity", s.modularity.into()),
        ("communities", s.communities.into()),
        (
            "community_iterations",
            s.community_iterations.map_or(Cell::Empty, Cell::from),
        ),
        ("group", Cell::from(s.group.as_str())),
        ("ei_index", optional(s.ei_index)),
        ("assortativity", optional(s.assortativity)),
        ("reached_actors", s.reached_actors.into()),
        ("weight", Cell::from(s.weight.as_str())),
        ("filter", Cell::from(s.filter.as_str())),
    ]
}

/// Caveats as text: a `warnings` block, one indented line each with its
/// code; empty without warnings.
pub fn warnings_text(warnings: &[Warning]) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nwarnings\n");
    for w in warnings {
        let first = format!("  [{}] ", w.code);
        out.push_str(&super::fit::wrap(
            &super::terminal_safe(&w.message.replace('\n', " ")),
            &first,
            4,
        ));
        out.push('\n');
    }
    out
}

/// A table and its caveats as one JSON object: `{key: [rows…], "warnings":
/// [{code, message, subjects}…]}`.
pub fn json_with_warnings(key: &str, table: &Table, warnings: &[Warning]) -> String {
    let mut object = Map::new();
    object.insert(key.to_string(), table.to_json_value());
    object.insert(
        "warnings".into(),
        Value::Array(warnings.iter().map(Warning::to_json).collect()),
    );
    let mut text = serde_json::to_string_pretty(&Value::Object(object)).expect("JSON serialises");
    text.push('\n');
    text
}

/// Writes a summary and its caveats in `format`. JSON is one object with snake_case keys;
/// `bridges` is a list of `[source, target]` pairs, `actor_kinds` and
/// `engagement_kinds` objects of counts, and `mixing` an object with
/// `groups`, `sizes` and the matrices `ties`, `weights` and `density`.
pub fn render_summary(s: &NetworkSummary, warnings: &[Warning], format: Format) -> String {
    let k = s.mixing.groups.len();
    let density = |g: usize, h: usize| s.mixing.density(g, h);
    match format {
        Format::Json => {
            let mut object = Map::new();
            for (key, cell) in figures(s) {
                let value = match (key, cell) {
                    ("bridges", _) => Value::Array(
                        s.bridges
                            .iter()
                            .map(|(a, b)| Value::Array(vec![a.clone().into(), b.clone().into()]))
                            .collect(),
                    ),
                    (_, cell) => cell.to_json(),
                };
                object.insert(key.to_string(), value);
            }
            let matrix = |f: &dyn Fn(usize, usize) -> Value| -> Value {
                Value::Array(
                    (0..k)
                        .map(|g| Value::Array((0..k).map(|h| f(g, h)).collect()))
                        .collect(),
                )
            };
            let mut mixing = Map::new();
            mixing.insert("groups".into(), s.mixing.groups.clone().into());
            mixing.insert("sizes".into(), s.mixing.sizes.clone().into());
            mixing.insert("ties".into(), matrix(&|g, h| s.mixing.ties[g][h].into()));
            mixing.insert(
                "weights".into(),
                matrix(&|g, h| float_json(s.mixing.weights[g][h])),
            );
            mixing.insert(
                "density".into(),
                matrix(&|g, h| density(g, h).map_or(Value::Null, float_json)),
            );
            object.insert("mixing".into(), Value::Object(mixing));
            for (key, counts) in [
                ("actor_kinds", &s.actor_kinds),
                ("engagement_kinds", &s.engagement_kinds),
            ] {
                let inner: Map<String, Value> = counts
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(*v)))
                    .collect();
                object.insert(key.to_string(), Value::Object(inner));
            }
            object.insert(
                "warnings".into(),
                Value::Array(warnings.iter().map(Warning::to_json).collect()),
            );
            let mut text =
                serde_json::to_string_pretty(&Value::Object(object)).expect("JSON serialises");
            text.push('\n');
            text
        }
        Format::Csv => {
            let mut table = Table::new(&["metric", "value"]);
            for (key, cell) in figures(s) {
                table.push(vec![key.into(), cell]);
            }
            for (g, name) in s.mixing.groups.iter().enumerate() {
                table.push(vec![
                    format!("mixing.size.{name}").into(),
                    s.mixing.sizes[g].into(),
                ]);
                for (h, other) in s.mixing.groups.iter().enumerate() {
                    table.push(vec![
                        format!("mixing.ties.{name}.{other}").into(),
                        s.mixing.ties[g][h].into(),
                    ]);
                    table.push(vec![
                        format!("mixing.weights.{name}.{other}").into(),
                        s.mixing.weights[g][h].into(),
                    ]);
                    table.push(vec![
                        format!("mixing.density.{name}.{other}").into(),
                        density(g, h).map_or(Cell::Empty, Cell::Float),
                    ]);
                }
            }
            for (prefix, counts) in [
                ("actor_kinds", &s.actor_kinds),
                ("engagement_kinds", &s.engagement_kinds),
            ] {
                for (k, v) in counts {
                    table.push(vec![format!("{prefix}.{k}").into(), (*v).into()]);
                }
            }
            for w in warnings {
                table.push(vec![
                    format!("warning.{}", w.code).into(),
                    w.message.as_str().into(),
                ]);
            }
            table.to_csv()
        }
        Format::Table => {
            let mut table = Table::new(&["metric", "value"]);
            for (key, cell) in figures(s) {
                let cell = match cell {
                    Cell::List(items) if !items.is_empty() => Cell::List(items),
                    other => other.text(&TextStyle::SUMMARY).into(),
                };
                table.push(vec![key.into(), cell]);
            }
            let mut out = table.to_text();
            out.push_str(&warnings_text(warnings));
            out.push_str(&format!(
                "\nties by {} (within and between groups)\n",
                s.group
            ));
            let mut columns = vec!["group".to_string(), "actors".to_string()];
            columns.extend(s.mixing.groups.iter().cloned());
            let mut ties = Table {
                columns: columns.clone(),
                rows: Vec::new(),
            };
            let mut dens = Table {
                columns,
                rows: Vec::new(),
            };
            for g in 0..k {
                let mut row = vec![
                    Cell::from(s.mixing.groups[g].as_str()),
                    s.mixing.sizes[g].into(),
                ];
                row.extend((0..k).map(|h| Cell::from(s.mixing.ties[g][h])));
                ties.rows.push(row);
                let mut row = vec![
                    Cell::from(s.mixing.groups[g].as_str()),
                    s.mixing.sizes[g].into(),
                ];
                row.extend((0..k).map(|h| density(g, h).map_or(Cell::Empty, Cell::Float)));
                dens.rows.push(row);
            }
            out.push_str(&ties.to_text());
            out.push_str(&format!(
                "\ncollaboration density by {} (ties present / possible)\n",
                s.group
            ));
            out.push_str(&dens.to_text());
            for (title, counts) in [
                ("actor kind", &s.actor_kinds),
                ("engagement kind", &s.engagement_kinds),
            ] {
                let mut t = Table::new(&[title, "count"]);
                for (k, v) in counts {
                    t.push(vec![k.as_str().into(), (*v).into()]);
                }
                out.push('\n');
                out.push_str(&t.to_text());
            }
            out
        }
    }
}
