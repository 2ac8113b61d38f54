//! The report's comparison of two windows: the map of the later network
//! with its new ties marked, the tie changes and the new bridges.

use crate::analysis::{compare, Analysis, Comparison, Window};
use crate::error::Result;
use crate::lang::Lang;
use crate::render::map::MapModel;
use crate::render::report::Section;
use crate::render::Cell;
use crate::views::compare::mark_formed;
use crate::views::findings::Finding;
use crate::views::projects::people_table;
use crate::views::{map, MapOptions};

/// The comparison of `before` with `after` under the analysis' options:
/// the map model of the after-network with the formed ties marked, and the
/// compare sections and the finding that says what changed.
pub(super) fn compare_windows(
    analysis: &Analysis<'_>,
    map_options: &MapOptions,
    before: Window,
    after: Window,
) -> Result<(MapModel, Vec<Section>, Finding)> {
    let lang = map_options.lang;
    let windowed = |w: Window| Analysis::new(analysis.dataset(), w.applied_to(analysis.options()));
    let (a_before, a_after) = (windowed(before)?, windowed(after)?);
    let comparison = compare(&a_before, &a_after)?;
    let mut model = map(&a_after, map_options)?;
    mark_formed(&comparison, &mut model, lang);
    let names: std::collections::HashMap<&str, &str> = analysis
        .dataset()
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let finding = changed(&comparison, lang, &names, before, after);
    Ok((
        model,
        compare_sections(&comparison, lang, &names, before, after),
        finding,
    ))
}

/// What changed between the windows in one sentence: the counts, and the
/// strongest new ties by name.
fn changed(
    comparison: &Comparison,
    lang: Lang,
    names: &std::collections::HashMap<&str, &str>,
    before: Window,
    after: Window,
) -> Finding {
    let (formed, ended, kept) = comparison.counts();
    let name = |id: &str| names.get(id).map_or(id, |n| n).to_string();
    let mut new: Vec<&crate::analysis::TieChange> = comparison
        .ties
        .iter()
        .filter(|t| t.change == "formed")
        .collect();
    new.sort_by(|a, b| {
        b.weight_after
            .unwrap_or(0.0)
            .total_cmp(&a.weight_after.unwrap_or(0.0))
            .then((&a.source, &a.target).cmp(&(&b.source, &b.target)))
    });
    let ties: Vec<String> = new
        .iter()
        .take(2)
        .map(|t| format!("{} – {}", name(&t.source), name(&t.target)))
        .collect();
    let key = if formed == 0 {
        "finding.changed_none"
    } else {
        "finding.changed"
    };
    Finding {
        text: lang
            .text(key)
            .replace("{before}", &window_text(lang, before))
            .replace("{after}", &window_text(lang, after))
            .replace("{formed}", &lang.integer(formed as i64))
            .replace("{ties}", &ties.join(", "))
            .replace("{ended}", &lang.integer(ended as i64))
            .replace("{kept}", &lang.integer(kept as i64)),
        section: "compare",
    }
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
            Cell::list(engagements),
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
pub(super) fn window_text(lang: Lang, window: Window) -> String {
    let side = |d: Option<crate::model::Date>| d.map(|d| lang.date(d)).unwrap_or_default();
    format!("{}–{}", side(window.from), side(window.to))
}
