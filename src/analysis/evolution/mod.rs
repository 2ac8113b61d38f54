//! How the network changes over time: one row per period with the size and
//! cohesion of the period's network and the ties and actors that appear,
//! end, persist, repeat or return.
//!
//! Every date is an engagement's date by the one rule of
//! [`crate::graph::effective_dates`]. Direct ties carry no dates, so they
//! count in every period's network but in none of the tie events.

use crate::error::{Error, Result};
use crate::graph::{Projection, ProjectionOptions, TwoModeGraph};
use crate::metrics::{Metric, MetricValue};
use crate::model::{Dataset, Date};
use crate::render::{Cell, Table};
use std::fmt;

mod events;
mod network;
mod periods;

use events::{actor_events, tie_events};
use network::period_network;
use periods::{period_options, span_cuts};
use std::str::FromStr;

/// How periods are cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Periods {
    /// Calendar years.
    Year,
    /// Calendar quarters.
    Quarter,
    /// Calendar months.
    Month,
    /// Periods starting on these days (ascending); the last runs to the
    /// latest date in the data.
    Starting(Vec<Date>),
}

impl FromStr for Periods {
    type Err = Error;

    fn from_str(s: &str) -> Result<Periods> {
        match s.trim() {
            "year" => Ok(Periods::Year),
            "quarter" => Ok(Periods::Quarter),
            "month" => Ok(Periods::Month),
            other => {
                let expected = "year, quarter, month, or period start dates YYYY-MM-DD,YYYY-MM-DD,… in ascending order";
                let mut days = Vec::new();
                for part in other.split(',') {
                    let day: Date = part
                        .trim()
                        .parse()
                        .map_err(|_| Error::invalid("by", s, expected))?;
                    if days.last().is_some_and(|last| *last >= day) {
                        return Err(Error::invalid("by", s, expected));
                    }
                    days.push(day);
                }
                Ok(Periods::Starting(days))
            }
        }
    }
}

/// Which engagements make a period's network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EvolutionMode {
    /// The engagements active in the period (the default).
    #[default]
    Window,
    /// Everything that started up to the period's end.
    Cumulative,
}

impl fmt::Display for EvolutionMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EvolutionMode::Window => "window",
            EvolutionMode::Cumulative => "cumulative",
        })
    }
}

/// One period of [`evolution`].
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRow {
    /// `2021`, `2021-Q3`, `2021-09`, or the start date.
    pub period: String,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Actors in the period's network.
    pub active_actors: usize,
    /// Ties of the period's network.
    pub ties: usize,
    /// Their total weight.
    pub total_weight: f64,
    /// 2·ties / (actors · (actors − 1)).
    pub density: f64,
    /// Connected components, isolates included.
    pub components: usize,
    /// Actors in the largest component.
    pub largest_component: usize,
    /// Mean local clustering over all actors.
    pub average_clustering: f64,
    /// Pairs whose earliest engagement starts in the period.
    pub new_ties: usize,
    /// Pairs whose last engagement ended in the previous period, none open.
    pub ended_ties: usize,
    /// Pairs with an engagement active both in the previous period and in
    /// this one.
    pub persisting_ties: usize,
    /// Pairs that start a new engagement in the period after an earlier
    /// one (started before the period).
    pub repeated_ties: usize,
    /// Actors whose earliest engagement starts in the period.
    pub new_actors: usize,
    /// Actors active in the period, not in the previous one, but in an
    /// earlier one.
    pub returning_actors: usize,
    /// Pairs active in the period through an open-ended engagement.
    pub open_ended_ties: usize,
}

/// How the network changes period by period.
///
/// # Arguments
/// * `dataset` — the dataset.
/// * `options` — the projection (filters, role rules, weights) every
///   period's network is built with; its time window, if any, limits the
///   periods.
/// * `periods` — how periods are cut; `mode` — window or cumulative.
///
/// # Returns
/// One [`PeriodRow`] per period from the first to the last date of the
/// kept engagements (empty when none has a date).
///
/// # Complexity
/// One projection of the whole span; each of the P periods' networks is
/// derived from it (the ties with an engagement active in the period, their
/// weights recomputed) in O(E + T·b) for E participations and T ties with b
/// engagements behind each, plus the period's triangles.
///
/// # Example
/// ```
/// use verkosto::analysis::{evolution, EvolutionMode, Periods};
/// use verkosto::graph::ProjectionOptions;
/// let dataset = verkosto::io::json::parse_dataset(
///     r#"{"name": "t", "actors": [{"id": "a", "name": "A", "kind": "firm"},
///       {"id": "b", "name": "B", "kind": "firm"}],
///     "engagements": [{"id": "p", "name": "P", "kind": "project",
///       "start": "2020-03-01", "end": "2021-06-30",
///       "participants": [{"actor": "a", "role": "partner"}, {"actor": "b", "role": "partner"}]}]}"#,
///     "t.json").unwrap().0;
/// let rows = evolution(&dataset, &ProjectionOptions::default(), &Periods::Year, EvolutionMode::Window).unwrap();
/// assert_eq!(rows.len(), 2);
/// assert_eq!((rows[0].new_ties, rows[1].persisting_ties), (1, 1));
/// ```
pub fn evolution(
    dataset: &Dataset,
    options: &ProjectionOptions,
    periods: &Periods,
    mode: EvolutionMode,
) -> Result<Vec<PeriodRow>> {
    evolution_of(&Projection::new(dataset, options)?, options, periods, mode)
}

/// [`evolution`] of a projection already made under `options` (the whole
/// span, with the user's window): no projection is rebuilt unless a
/// minimum tie weight is set.
pub(crate) fn evolution_of(
    whole: &Projection<'_>,
    options: &ProjectionOptions,
    periods: &Periods,
    mode: EvolutionMode,
) -> Result<Vec<PeriodRow>> {
    let dataset = whole.two_mode().dataset();
    let graph: &TwoModeGraph<'_> = whole.two_mode();
    let dates: Vec<(Option<Date>, Option<Date>)> = (0..graph.engagement_count())
        .map(|e| graph.dates(e))
        .collect();
    let cuts = span_cuts(graph, options, periods)?;
    let events = tie_events(whole, &dates, &cuts);
    let (new_actors, returning) = actor_events(graph, &dates, &cuts);

    // Each period's network from the whole span's ties, keeping those with
    // an engagement active in the period: no projection is rebuilt.
    let unfiltered;
    let base = if options.min_weight.is_some() {
        let mut o = options.clone();
        o.min_weight = None;
        unfiltered = Projection::new(dataset, &o)?;
        &unfiltered
    } else {
        whole
    };
    let mut rows = Vec::with_capacity(cuts.len());
    for (p, (period, start, end)) in cuts.into_iter().enumerate() {
        // Active: what a projection of the period would keep.
        let window = period_options(options, mode, start, end).filter;
        let active: Vec<bool> = (0..base.two_mode().engagement_count())
            .map(|e| {
                let (s, en) = base.two_mode().dates(e);
                window.in_window(s, en)
            })
            .collect();
        let (active_actors, ties, total_weight, density, components, largest_component, clustering) =
            period_network(base, &active, options.min_weight);
        rows.push(PeriodRow {
            period,
            start,
            end,
            active_actors,
            ties,
            total_weight,
            density,
            components,
            largest_component,
            average_clustering: clustering,
            new_ties: events.new[p],
            ended_ties: events.ended[p],
            persisting_ties: events.persisting[p],
            repeated_ties: events.repeated[p],
            new_actors: new_actors[p],
            returning_actors: returning[p],
            open_ended_ties: events.open_ended[p],
        });
    }
    Ok(rows)
}

/// Per-period actor metrics in long format: one row per period, actor and
/// metric (`period`, `actor`, `metric`, `value`), for the actors of each
/// period's network, periods in order, actors by id.
///
/// # Arguments
/// As [`evolution`], with the full analysis options (community and path
/// options apply) and the `metrics` to compute.
///
/// # Complexity
/// One analysis per period: the metrics' own cost on each period's network.
pub fn evolution_metrics(
    dataset: &Dataset,
    options: &super::AnalysisOptions,
    periods: &Periods,
    mode: EvolutionMode,
    metrics: &[Metric],
) -> Result<Table> {
    let whole = Projection::new(dataset, &options.projection)?;
    let cuts = span_cuts(whole.two_mode(), &options.projection, periods)?;
    let mut table = Table::new(&["period", "actor", "metric", "value"]);
    for (period, start, end) in cuts {
        let mut narrowed = options.clone();
        narrowed.projection = period_options(&options.projection, mode, start, end);
        let analysis = super::Analysis::new(dataset, narrowed)?;
        let values = analysis.metrics(metrics)?;
        let mut order: Vec<usize> = (0..analysis.actor_count()).collect();
        order.sort_by(|&a, &b| analysis.actor(a).id.cmp(&analysis.actor(b).id));
        for a in order {
            for (column, metric) in values.columns.iter().enumerate() {
                table.push(vec![
                    period.as_str().into(),
                    analysis.actor(a).id.as_str().into(),
                    metric.name().into(),
                    match values.values[column][a] {
                        MetricValue::Int(v) => Cell::Int(v),
                        MetricValue::Float(v) => Cell::Float(v),
                        MetricValue::Missing => Cell::Empty,
                    },
                ]);
            }
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::network::network_row;
    use super::periods::cut;
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// The incremental period networks equal those of a projection built
    /// for each period, under every weighting, role rule and filter.
    #[test]
    fn incremental_periods_equal_rebuilt_ones() {
        use crate::graph::{ProjectionWeight, RoleTies};
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/graphs/finland-regional.json"
        ))
        .unwrap();
        let dataset = crate::io::json::parse_dataset(&text, "seed").unwrap().0;
        let reference = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/reference/fixtures/evolution.dataset.json"
        ))
        .unwrap();
        let generated = crate::io::json::parse_dataset(&reference, "generated")
            .unwrap()
            .0;
        for data in [&dataset, &generated] {
            for weight in [
                ProjectionWeight::Count,
                ProjectionWeight::Newman,
                ProjectionWeight::Jaccard,
            ] {
                for (ties, min_weight) in [
                    (RoleTies::default(), None),
                    (RoleTies::all_clique(), None),
                    (RoleTies::all_clique(), Some(0.4)),
                ] {
                    for mode in [EvolutionMode::Window, EvolutionMode::Cumulative] {
                        let mut options = ProjectionOptions {
                            weight,
                            min_weight,
                            ..Default::default()
                        };
                        options.filter.ties = ties.clone();
                        let rows = evolution(data, &options, &Periods::Year, mode).unwrap();
                        for row in rows {
                            let rebuilt = Projection::new(
                                data,
                                &period_options(&options, mode, row.start, row.end),
                            )
                            .unwrap();
                            let (n, m, total, density, components, largest, clustering) =
                                network_row(&rebuilt);
                            let place = format!("{weight:?} {min_weight:?} {mode} {}", row.period);
                            assert_eq!((row.active_actors, row.ties), (n, m), "{place}");
                            assert_eq!(
                                (row.components, row.largest_component),
                                (components, largest),
                                "{place}"
                            );
                            assert!((row.total_weight - total).abs() < 1e-9, "{place}");
                            assert!((row.density - density).abs() < 1e-12, "{place}");
                            assert!(
                                (row.average_clustering - clustering).abs() < 1e-12,
                                "{place}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn periods_are_cut_by_calendar() {
        let years = cut(&Periods::Year, d("2016-08-01"), d("2018-02-28")).unwrap();
        assert_eq!(years.len(), 3);
        assert_eq!(years[0], ("2016".into(), d("2016-01-01"), d("2016-12-31")));
        let quarters = cut(&Periods::Quarter, d("2020-02-01"), d("2020-08-01")).unwrap();
        assert_eq!(
            quarters[2],
            ("2020-Q3".into(), d("2020-07-01"), d("2020-09-30"))
        );
        let months = cut(&Periods::Month, d("2020-02-10"), d("2020-02-20")).unwrap();
        assert_eq!(
            months[0],
            ("2020-02".into(), d("2020-02-01"), d("2020-02-29"))
        );
        let given: Periods = "2016-01-01,2019-01-01".parse().unwrap();
        let starting = cut(&given, d("2016-08-01"), d("2023-12-31")).unwrap();
        assert_eq!(starting[0].2, d("2018-12-31"));
        assert_eq!(starting[1].2, d("2023-12-31"));
        assert!("2019-01-01,2016-01-01".parse::<Periods>().is_err());
        assert!("weekly".parse::<Periods>().is_err());
        assert!(cut(&Periods::Month, d("1000-01-01"), d("2020-01-01")).is_err());
    }
}
