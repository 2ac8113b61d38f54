//! A comparison of two windows in words and pictures: the tie changes as
//! a table, the formed ties marked on a map.

use crate::analysis::Comparison;
use crate::lang::Lang;
use crate::render::map::{LegendRow, MapModel};
use crate::render::palette::NEW_TIE;
use crate::render::{Cell, Table};
use std::collections::BTreeSet;

/// The tie changes as a table: change, source, target, weights and
/// engagements before and after.
pub fn tie_table(comparison: &Comparison) -> Table {
    let mut table = Table::new(&[
        "change",
        "source",
        "target",
        "weight_before",
        "weight_after",
        "engagements_before",
        "engagements_after",
    ]);
    for t in &comparison.ties {
        let weight = |w: Option<f64>| w.map_or(Cell::Empty, Cell::Float);
        table.push(vec![
            t.change.into(),
            t.source.as_str().into(),
            t.target.as_str().into(),
            weight(t.weight_before),
            weight(t.weight_after),
            Cell::list(t.engagements_before.clone()),
            Cell::list(t.engagements_after.clone()),
        ]);
    }
    table
}

/// Marks the ties formed since `before` on a map of the `after`
/// network: drawn in [`NEW_TIE`], wider, and
/// named in the legend and the tooltips.
pub fn mark_formed(comparison: &Comparison, model: &mut MapModel, lang: Lang) {
    let formed: BTreeSet<(&str, &str)> = comparison
        .ties
        .iter()
        .filter(|t| t.change == "formed")
        .map(|t| (t.source.as_str(), t.target.as_str()))
        .collect();
    let label = lang.text("compare.new_tie").to_string();
    let mut marked = 0;
    for edge in &mut model.edges {
        let (a, b) = (
            model.nodes[edge.a].id.as_str(),
            model.nodes[edge.b].id.as_str(),
        );
        let key = if a <= b { (a, b) } else { (b, a) };
        if formed.contains(&key) {
            edge.color = NEW_TIE.to_string();
            edge.width = edge.width.max(1.0) * 1.8;
            edge.tooltip = format!("{} ({label})", edge.tooltip);
            marked += 1;
        }
    }
    // New ties are drawn last, over the kept ones.
    model.edges.sort_by_key(|e| e.color == NEW_TIE);
    model.legend.push(LegendRow {
        label,
        color: NEW_TIE.to_string(),
        count: marked,
        ring: false,
    });
}
