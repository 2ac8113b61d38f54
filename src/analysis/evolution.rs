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

/// The day before `d`.
fn previous_day(d: Date) -> Date {
    if d.day() > 1 {
        return Date::new(d.year(), d.month(), d.day() - 1).expect("valid day");
    }
    let (year, month) = if d.month() == 1 {
        (d.year() - 1, 12)
    } else {
        (d.year(), d.month() - 1)
    };
    (28..=31)
        .rev()
        .find_map(|day| Date::new(year, month, day))
        .expect("every month has a 28th")
}

/// The first day of the unit after the one `d` is in.
fn next_start(d: Date, months: u8) -> Date {
    let index = (d.month() - 1) / months * months + months;
    if index >= 12 {
        Date::new(d.year() + 1, 1, 1).expect("valid")
    } else {
        Date::new(d.year(), index + 1, 1).expect("valid")
    }
}

fn label(start: Date, periods: &Periods) -> String {
    match periods {
        Periods::Year => start.year().to_string(),
        Periods::Quarter => format!("{}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
        Periods::Month => format!("{}-{:02}", start.year(), start.month()),
        Periods::Starting(_) => start.to_string(),
    }
}

/// The periods from the first to the last date of `dates`, as (label,
/// start, end); a bounded number (at most 1,200).
fn cut(periods: &Periods, first: Date, last: Date) -> Result<Vec<(String, Date, Date)>> {
    let months = match periods {
        Periods::Year => 12,
        Periods::Quarter => 3,
        Periods::Month => 1,
        Periods::Starting(days) => {
            let mut out = Vec::new();
            for (i, &start) in days.iter().enumerate() {
                let end = match days.get(i + 1) {
                    Some(&next) => previous_day(next),
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
        let next = next_start(start, months);
        out.push((label(start, periods), start, previous_day(next)));
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
fn span_cuts(
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
fn period_options(
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

fn overlaps((start, end): (Option<Date>, Option<Date>), from: Date, to: Date) -> bool {
    (start.is_some() || end.is_some())
        && start.is_none_or(|s| s <= to)
        && end.is_none_or(|e| e >= from)
}

/// Size and cohesion of the network of the engagements marked `active`,
/// taken from `projection` (built over the whole span without a minimum
/// weight): each tie's weight recomputed from its active engagements (and
/// direct ties), as a projection of the period would give it.
///
/// Complexity: O(P + T·b) for P participations, T ties with b engagements
/// behind each, plus the period's triangles.
fn period_network(
    projection: &Projection<'_>,
    active: &[bool],
    min_weight: Option<f64>,
) -> (usize, usize, f64, f64, usize, usize, f64) {
    use crate::graph::ProjectionWeight;
    let graph = projection.two_mode();
    let n_all = projection.actor_count();
    let mut engaged = vec![0usize; n_all];
    let mut in_network = vec![false; n_all];
    for (a, count) in engaged.iter_mut().enumerate() {
        *count = graph
            .engagements_of(a)
            .iter()
            .filter(|&&e| active[e as usize])
            .count();
        in_network[a] = *count > 0;
    }
    for &(a, b, _) in graph.direct_ties() {
        in_network[a as usize] = true;
        in_network[b as usize] = true;
    }
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    for (t, tie) in projection.ties().iter().enumerate() {
        let behind: Vec<usize> = projection
            .engagements_behind(t)
            .iter()
            .map(|&e| e as usize)
            .filter(|&e| active[e])
            .collect();
        let direct = !projection.direct_ties_behind(t).is_empty();
        if behind.is_empty() && !direct {
            continue;
        }
        let shared = behind.len() as f64;
        let projected = match projection.weighting() {
            ProjectionWeight::Count => shared,
            ProjectionWeight::Newman => behind
                .iter()
                .map(|&e| 1.0 / (graph.members(e).len() as f64 - 1.0))
                .sum(),
            ProjectionWeight::Jaccard if behind.is_empty() => 0.0,
            ProjectionWeight::Jaccard => {
                let (da, db) = (engaged[tie.source as usize], engaged[tie.target as usize]);
                shared / ((da + db) as f64 - shared)
            }
        };
        let weight = projected + projection.direct_weight(t);
        if min_weight.is_some_and(|m| weight < m) {
            continue;
        }
        edges.push((tie.source, tie.target, weight));
    }
    figures(&edges, &in_network)
}

/// Size and cohesion of a network given by its `edges` over actor
/// positions, counting only the actors marked `in_network` (the others are
/// not in this period's network and have no edge): actors, ties, total
/// weight, density, components, largest component, average clustering.
fn figures(
    edges: &[(u32, u32, f64)],
    in_network: &[bool],
) -> (usize, usize, f64, f64, usize, usize, f64) {
    use crate::metrics::cohesion::{component_sizes, components};
    let n = in_network.iter().filter(|&&x| x).count();
    let m = edges.len();
    let total: f64 = edges.iter().map(|e| e.2).sum();
    let density = if n < 2 {
        0.0
    } else {
        2.0 * m as f64 / (n as f64 * (n as f64 - 1.0))
    };
    let adjacency = crate::graph::Csr::from_edges(in_network.len(), edges.iter().copied());
    // Actors outside the network are isolates of their own components.
    let labels: Vec<usize> = components(&adjacency)
        .into_iter()
        .zip(in_network)
        .filter(|&(_, &inside)| inside)
        .map(|(c, _)| c)
        .collect();
    let sizes: Vec<usize> = component_sizes(&labels)
        .into_iter()
        .filter(|&s| s > 0)
        .collect();
    let local = crate::metrics::clustering::clustering(&adjacency);
    let clustering = if n == 0 {
        0.0
    } else {
        local
            .iter()
            .zip(in_network)
            .filter(|&(_, &inside)| inside)
            .map(|(c, _)| c)
            .sum::<f64>()
            / n as f64
    };
    let largest = sizes.iter().copied().max().unwrap_or(0);
    (n, m, total, density, sizes.len(), largest, clustering)
}

/// Size and cohesion of one period's network, from its own projection (the
/// slow path the incremental one is tested against).
#[cfg(test)]
fn network_row(projection: &Projection<'_>) -> (usize, usize, f64, f64, usize, usize, f64) {
    let edges: Vec<(u32, u32, f64)> = projection
        .ties()
        .iter()
        .map(|t| (t.source, t.target, t.weight))
        .collect();
    figures(&edges, &vec![true; projection.actor_count()])
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
    let period_of = |d: Date| cuts.iter().position(|&(_, s, e)| s <= d && d <= e);

    // Tie events over the pairs of the whole span, by their engagements.
    let pairs: Vec<&[u32]> = (0..whole.tie_count())
        .map(|t| whole.engagements_behind(t))
        .filter(|behind| !behind.is_empty())
        .collect();
    let k = cuts.len();
    let mut new_ties = vec![0; k];
    let mut ended_ties = vec![0; k];
    let mut persisting = vec![0; k];
    let mut repeated = vec![0; k];
    let mut open_ended = vec![0; k];
    for behind in &pairs {
        let d: Vec<(Option<Date>, Option<Date>)> =
            behind.iter().map(|&e| dates[e as usize]).collect();
        let first_start = d.iter().filter_map(|x| x.0).min();
        if let Some(p) = first_start.and_then(period_of) {
            new_ties[p] += 1;
        }
        if d.iter().all(|x| x.1.is_some()) {
            let last_end = d.iter().filter_map(|x| x.1).max();
            if let Some(p) = last_end.and_then(period_of) {
                if p + 1 < k {
                    ended_ties[p + 1] += 1;
                }
            }
        }
        let active: Vec<bool> = cuts
            .iter()
            .map(|&(_, s, e)| d.iter().any(|&x| overlaps(x, s, e)))
            .collect();
        for p in 1..k {
            if active[p] && active[p - 1] {
                persisting[p] += 1;
            }
        }
        for (p, &(_, s, e)) in cuts.iter().enumerate() {
            let starts_here = d.iter().any(|x| x.0.is_some_and(|v| s <= v && v <= e));
            let earlier = d.iter().any(|x| x.0.is_some_and(|v| v < s));
            if starts_here && earlier {
                repeated[p] += 1;
            }
            if d.iter().any(|&x| x.1.is_none() && overlaps(x, s, e)) {
                open_ended[p] += 1;
            }
        }
    }

    // Actor events, by the engagements each actor takes part in.
    let mut new_actors = vec![0; k];
    let mut returning = vec![0; k];
    for a in 0..graph.actor_count() {
        let engaged: Vec<(Option<Date>, Option<Date>)> = graph
            .engagements_of(a)
            .iter()
            .map(|&e| dates[e as usize])
            .collect();
        if let Some(p) = engaged.iter().filter_map(|x| x.0).min().and_then(period_of) {
            new_actors[p] += 1;
        }
        let active: Vec<bool> = cuts
            .iter()
            .map(|&(_, s, e)| engaged.iter().any(|&x| overlaps(x, s, e)))
            .collect();
        for p in 2..k {
            if active[p] && !active[p - 1] && active[..p - 1].iter().any(|&x| x) {
                returning[p] += 1;
            }
        }
    }

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
    let mut rows = Vec::with_capacity(k);
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
            new_ties: new_ties[p],
            ended_ties: ended_ties[p],
            persisting_ties: persisting[p],
            repeated_ties: repeated[p],
            new_actors: new_actors[p],
            returning_actors: returning[p],
            open_ended_ties: open_ended[p],
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
