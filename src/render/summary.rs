//! The network summary as text, CSV or JSON.

use super::table::{float_json, Cell, Format, Table};
use crate::metrics::NetworkSummary;
use serde_json::{Map, Value};

/// The scalar figures of a summary as (key, cell) pairs, in output order.
fn figures(s: &NetworkSummary) -> Vec<(&'static str, Cell)> {
    vec![
        ("name", Cell::Text(s.name.clone())),
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
        ("weight", Cell::Text(s.weight.clone())),
        ("filter", Cell::Text(s.filter.clone())),
    ]
}

/// Writes a summary in `format`. JSON is one object with snake_case keys and
/// `actor_kinds` / `engagement_kinds` as objects of counts.
pub fn render_summary(s: &NetworkSummary, format: Format) -> String {
    match format {
        Format::Json => {
            let mut object = Map::new();
            for (key, cell) in figures(s) {
                let value = match cell {
                    Cell::Float(v) => float_json(v),
                    Cell::Int(v) => Value::from(v),
                    Cell::Text(t) => Value::String(t),
                    _ => Value::Null,
                };
                object.insert(key.to_string(), value);
            }
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
            for (prefix, counts) in [
                ("actor_kinds", &s.actor_kinds),
                ("engagement_kinds", &s.engagement_kinds),
            ] {
                for (k, v) in counts {
                    table.push(vec![format!("{prefix}.{k}").into(), (*v).into()]);
                }
            }
            table.to_csv()
        }
        Format::Table => {
            let mut table = Table::new(&["metric", "value"]);
            for (key, cell) in figures(s) {
                let text = match cell {
                    Cell::Int(v) => v.to_string(),
                    Cell::Float(v) => super::format_float(v, 4),
                    Cell::Text(t) => t,
                    _ => String::new(),
                };
                table.push(vec![key.into(), text.into()]);
            }
            let mut out = table.to_text();
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
