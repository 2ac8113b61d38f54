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
    let chart = |key: &str, values: Vec<f64>, bars: bool, decimals: bool| Chart {
        title: lang.text(key).to_string(),
        labels: labels.clone(),
        shown: values
            .iter()
            .map(|&v| {
                if decimals {
                    lang.number(v, 2)
                } else {
                    lang.integer(v as i64)
                }
            })
            .collect(),
        values,
        bars,
    };
    // A density of a year of few actors says little: such a year is
    // labelled with its number of actors instead.
    let densities: Vec<String> = rows
        .iter()
        .map(|r| {
            let d = lang.number(r.density, 2);
            if r.active_actors < SMALL_YEAR {
                format!("n={}", r.active_actors)
            } else {
                d
            }
        })
        .collect();
    let mut charts = vec![
        chart(
            "chart.actors",
            rows.iter().map(|r| r.active_actors as f64).collect(),
            false,
            false,
        ),
        chart(
            "chart.ties",
            rows.iter().map(|r| r.ties as f64).collect(),
            false,
            false,
        ),
        chart(
            "chart.density",
            rows.iter().map(|r| r.density).collect(),
            false,
            true,
        ),
        chart(
            "chart.new_ties",
            rows.iter().map(|r| r.new_ties as f64).collect(),
            true,
            false,
        ),
    ];
    charts[2].shown = densities;
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
