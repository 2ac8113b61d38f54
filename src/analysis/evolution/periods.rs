//! Cutting time into periods: calendar units from the first to the last
//! date, and the projection options of one period.

use super::{EvolutionMode, Periods};
use crate::error::{Error, Result};
use crate::graph::{ProjectionOptions, TwoModeGraph};
use crate::model::Date;

pub(super) fn label(start: Date, periods: &Periods) -> String {
    match periods {
        Periods::Year => start.year().to_string(),
        Periods::Quarter => format!("{}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
        Periods::Month => format!("{}-{:02}", start.year(), start.month()),
        Periods::Starting(_) => start.to_string(),
    }
}

/// The periods from the first to the last date of `dates`, as (label,
/// start, end); a bounded number (at most 1,200).
pub(super) fn cut(periods: &Periods, first: Date, last: Date) -> Result<Vec<(String, Date, Date)>> {
    let months = match periods {
        Periods::Year => 12,
        Periods::Quarter => 3,
        Periods::Month => 1,
        Periods::Starting(days) => {
            let mut out = Vec::new();
            for (i, &start) in days.iter().enumerate() {
                let end = match days.get(i + 1) {
                    Some(&next) => Date::previous_day(next),
                    None => last.max(start),
                };
                out.push((label(start, periods), start, end));
            }
            return Ok(out);
        }
    };
    let mut start =
        Date::new(first.year(), (first.month() - 1) / months * months + 1, 1).expect("valid");
    let mut out = Vec::new();
    while start <= last {
        let next = Date::start_of_next(start, months);
        out.push((label(start, periods), start, Date::previous_day(next)));
        start = next;
        if out.len() > 1200 {
            let unit = match periods {
                Periods::Year => "year",
                Periods::Quarter => "quarter",
                _ => "month",
            };
            return Err(Error::invalid(
                "by",
                unit,
                format!(
                    "a coarser unit: more than 1,200 periods between the first date ({first}) and the last ({last})"
                ),
            ));
        }
    }
    Ok(out)
}

/// The periods from the first to the last date of the engagements of
/// `graph`, within the user's window.
pub(super) fn span_cuts(
    graph: &TwoModeGraph<'_>,
    options: &ProjectionOptions,
    periods: &Periods,
) -> Result<Vec<(String, Date, Date)>> {
    let known = (0..graph.engagement_count())
        .flat_map(|e| {
            let (s, e) = graph.dates(e);
            [s, e]
        })
        .flatten();
    let (Some(mut first), Some(mut last)) = (known.clone().min(), known.max()) else {
        return Ok(Vec::new());
    };
    if let Some(from) = options.filter.from {
        first = first.max(from);
    }
    if let Some(to) = options.filter.to {
        last = last.min(to);
    }
    cut(periods, first, last)
}

/// `options` narrowed to one period: its window, or everything up to its
/// end.
pub(super) fn period_options(
    options: &ProjectionOptions,
    mode: EvolutionMode,
    start: Date,
    end: Date,
) -> ProjectionOptions {
    let mut narrowed = options.clone();
    narrowed.filter.to = Some(end);
    narrowed.filter.from = match mode {
        EvolutionMode::Window => Some(start),
        EvolutionMode::Cumulative => options.filter.from,
    };
    narrowed
}

pub(super) fn overlaps((start, end): (Option<Date>, Option<Date>), from: Date, to: Date) -> bool {
    (start.is_some() || end.is_some())
        && start.is_none_or(|s| s <= to)
        && end.is_none_or(|e| e >= from)
}
