//! The report's change over time: the network per year as charts and a
//! table, from the analysis' own projection.

use crate::analysis::{Analysis, PeriodRow};
use crate::error::Result;
use crate::lang::Lang;
use crate::render::report::{Chart, ReportCharts};
use crate::render::{Cell, Table};
use crate::views::projects::people_table;

/// Charts and the table of the network per year (window mode), when the
/// kept engagements span two years or more.
pub(super) fn change_over_time(
    analysis: &Analysis<'_>,
    lang: Lang,
) -> Result<Option<(ReportCharts, Table)>> {
    let rows = analysis.yearly()?;
    if rows.len() < 2 {
        return Ok(None);
    }
    let labels: Vec<String> = rows.iter().map(|r| r.period.clone()).collect();
    let chart = |key: &str, (values, shown): (Vec<f64>, Vec<String>), bars: bool| Chart {
        title: lang.text(key).to_string(),
        labels: labels.clone(),
        shown,
        values,
        bars,
    };
    let counts = |count: fn(&PeriodRow) -> usize| -> (Vec<f64>, Vec<String>) {
        rows.iter()
            .map(|r| (count(r) as f64, lang.integer(count(r) as i64)))
            .unzip()
    };
    // A density of a year of few actors says little: such a year is
    // labelled with its number of actors instead.
    let densities = rows
        .iter()
        .map(|r| {
            let shown = if r.active_actors < SMALL_YEAR {
                format!("n={}", r.active_actors)
            } else {
                lang.number(r.density, 2)
            };
            (r.density, shown)
        })
        .unzip();
    let charts = vec![
        chart("chart.actors", counts(|r| r.active_actors), false),
        chart("chart.ties", counts(|r| r.ties), false),
        chart("chart.density", densities, false),
        chart("chart.new_ties", counts(|r| r.new_ties), true),
    ];
    let table = change_table(rows, lang);
    Ok(Some((
        ReportCharts {
            title: lang.text("report.change").into(),
            intro: format!(
                "{} {}",
                lang.text("report.change_intro"),
                lang.text("report.change_small_years")
            ),
            charts,
        },
        table,
    )))
}

/// Years with fewer actors than this are labelled with their number of
/// actors instead of their density.
const SMALL_YEAR: usize = 5;

/// The network per year as a table.
fn change_table(rows: &[PeriodRow], lang: Lang) -> Table {
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
    for r in rows {
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
    table
}
