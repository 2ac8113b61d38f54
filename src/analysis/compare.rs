//! Before and after: two networks — two time windows of one dataset, or two
//! datasets — compared tie by tie, actor by actor and group by group.

use super::Analysis;
use crate::error::{Error, Result};
use crate::metrics::mixing::Mixing;
use crate::metrics::warning::{Caveat, Side};
use crate::metrics::Metric;
use crate::model::{Dataset, Date};
use crate::render::{Cell, Table};
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

/// A time window `FROM..TO` (either side may be left open; a year stands
/// for its first or last day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First day, if bounded.
    pub from: Option<Date>,
    /// Last day, if bounded.
    pub to: Option<Date>,
}

impl FromStr for Window {
    type Err = Error;

    fn from_str(s: &str) -> Result<Window> {
        let expected =
            "FROM..TO with dates YYYY-MM-DD or years, either side open (2016..2018, 2019-01-01..)";
        let bad = || Error::invalid("window", s, expected);
        let (from, to) = s.split_once("..").ok_or_else(bad)?;
        let day = |text: &str, last: bool| -> Result<Option<Date>> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) {
                let year: i32 = text.parse().map_err(|_| bad())?;
                return Ok(Date::new(
                    year,
                    if last { 12 } else { 1 },
                    if last { 31 } else { 1 },
                ));
            }
            text.parse().map(Some).map_err(|_| bad())
        };
        let window = Window {
            from: day(from, false)?,
            to: day(to, true)?,
        };
        if let (Some(a), Some(b)) = (window.from, window.to) {
            if a > b {
                return Err(bad());
            }
        }
        Ok(window)
    }
}

impl Window {
    /// `options` with their time window replaced by this one.
    pub fn applied_to(self, options: &super::AnalysisOptions) -> super::AnalysisOptions {
        let mut windowed = options.clone();
        windowed.projection.filter.from = self.from;
        windowed.projection.filter.to = self.to;
        windowed
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let side = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        write!(f, "{}..{}", side(self.from), side(self.to))
    }
}

/// A pair of actors and what tied them before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct TieChange {
    /// `formed`, `ended` or `kept`.
    pub change: &'static str,
    /// The smaller actor id.
    pub source: String,
    /// The larger actor id.
    pub target: String,
    /// Weight before (`None`: no tie).
    pub weight_before: Option<f64>,
    /// Weight after.
    pub weight_after: Option<f64>,
    /// Engagement ids behind the tie before.
    pub engagements_before: Vec<String>,
    /// Engagement ids behind the tie after.
    pub engagements_after: Vec<String>,
}

/// The comparison of two networks.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Every pair tied before or after, formed first, then ended, then
    /// kept, each by ids.
    pub ties: Vec<TieChange>,
    /// Per actor (tied before or after): degree, betweenness and
    /// brokerage total before and after, most changed first.
    pub actors: Table,
    /// Per pair of different groups (by kind and by region) that a formed
    /// tie joins: ties before and after, formed, and whether the pair of
    /// groups was unconnected before (a new bridge).
    pub bridges: Table,
    /// Density by group pair (the analysis' grouping, default kind):
    /// before, after and the change.
    pub mixing: Table,
    /// Caveats: `reversed_windows` when the before window is later than
    /// the after window, `empty_window` when a side holds no engagements.
    pub warnings: Vec<Caveat>,
}

/// The caveats of comparing `before` with `after`: windows in reverse
/// order, and a side with no engagements (so every tie of the other side
/// counts as formed or ended).
fn window_warnings(before: &Analysis<'_>, after: &Analysis<'_>) -> Vec<Caveat> {
    let window = |a: &Analysis<'_>| {
        let f = &a.options().projection.filter;
        Window {
            from: f.from,
            to: f.to,
        }
    };
    let (b, a) = (window(before), window(after));
    let later = |x: Option<Date>, y: Option<Date>| matches!((x, y), (Some(x), Some(y)) if x > y);
    let mut out = Vec::new();
    if later(b.from, a.from) || later(b.to, a.to) {
        out.push(Caveat::ReversedWindows {
            before: b.to_string(),
            after: a.to_string(),
        });
    }
    let empty = |x: &Analysis<'_>| x.projection().two_mode().engagement_count() == 0;
    for (side, is_empty, w) in [
        (Side::Before, empty(before), b),
        (Side::After, empty(after), a),
    ] {
        if is_empty {
            out.push(Caveat::EmptyWindow {
                side,
                window: w.to_string(),
            });
        }
    }
    out
}

/// Per-actor values of the compared metrics, by actor id.
fn actor_values(analysis: &Analysis<'_>) -> Result<BTreeMap<String, [f64; 3]>> {
    let wanted = [Metric::Degree, Metric::Betweenness, Metric::BrokerageTotal];
    let metrics = analysis.metrics(&wanted)?;
    let value = |m: Metric, a: usize| metrics.column(m).and_then(|c| c[a].as_f64()).unwrap_or(0.0);
    Ok((0..analysis.actor_count())
        .map(|a| {
            (
                analysis.actor(a).id.to_string(),
                [
                    value(Metric::Degree, a),
                    value(Metric::Betweenness, a),
                    value(Metric::BrokerageTotal, a),
                ],
            )
        })
        .collect())
}

/// Ties of a network by (smaller id, larger id): weight and engagements.
fn tie_map(analysis: &Analysis<'_>) -> BTreeMap<(String, String), (f64, Vec<String>)> {
    let projection = analysis.projection();
    let graph = projection.two_mode();
    projection
        .ties()
        .iter()
        .enumerate()
        .map(|(t, tie)| {
            let a = projection.actor(tie.source as usize).id.to_string();
            let b = projection.actor(tie.target as usize).id.to_string();
            let key = if a <= b { (a, b) } else { (b, a) };
            let engagements = projection
                .engagements_behind(t)
                .map(|e| graph.engagement(e as usize).id.to_string())
                .collect();
            (key, (tie.weight, engagements))
        })
        .collect()
}

/// The group of actors without a value for the grouping attribute.
const MISSING: &str = "–";

/// An actor's group value: `kind`, `region` or an attribute.
fn group_of(dataset: &Dataset, key: &str) -> BTreeMap<String, String> {
    dataset
        .actors
        .iter()
        .map(|a| {
            let value = a.group_value(key).unwrap_or_else(|| MISSING.to_string());
            (a.id.to_string(), value)
        })
        .collect()
}

/// Density of every block of `groups` in a network with `ties` over the
/// actors `actors` (id → group).
fn densities(
    groups: &[String],
    actors: &BTreeMap<String, String>,
    ties: &BTreeMap<(String, String), (f64, Vec<String>)>,
) -> Vec<Vec<Option<f64>>> {
    let index = |g: &str| groups.iter().position(|x| x == g).expect("listed");
    let k = groups.len();
    let mut sizes = vec![0usize; k];
    for g in actors.values() {
        sizes[index(g)] += 1;
    }
    let mut ties_between = vec![vec![0usize; k]; k];
    for (a, b) in ties.keys() {
        let (g, h) = (index(&actors[a]), index(&actors[b]));
        ties_between[g][h] += 1;
        if g != h {
            ties_between[h][g] += 1;
        }
    }
    let mixing = Mixing {
        groups: groups.to_vec(),
        sizes,
        ties: ties_between,
        weights: vec![vec![0.0; k]; k],
    };
    (0..k)
        .map(|g| (0..k).map(|h| mixing.density(g, h)).collect())
        .collect()
}

/// Compares the network of `before` with the network of `after`.
///
/// # Arguments
/// * `before`, `after` — the two analyses: two windows of one dataset
///   (the analysis options' `--from`/`--to`), or two datasets.
///
/// # Returns
/// A [`Comparison`]: ties formed, ended and kept with the engagements
/// behind them; actors by how much their degree, betweenness and brokerage
/// changed; new bridges between kinds and regions; and the mixing matrix
/// (density by group pair) before, after and the change.
///
/// # Complexity
/// The metrics of both networks (betweenness dominates: O(n·m) each), plus
/// O(T log T) for the T ties of the two.
///
/// # Example
/// ```
/// use verkosto::analysis::{compare, Analysis, AnalysisOptions, Window};
/// let dataset = verkosto::io::json::parse_dataset(
///     r#"{"name": "t", "actors": [{"id": "a", "name": "A", "kind": "firm"},
///       {"id": "b", "name": "B", "kind": "municipality"}, {"id": "c", "name": "C", "kind": "firm"}],
///     "engagements": [
///       {"id": "p", "name": "P", "kind": "project", "start": "2017-01-01", "end": "2018-12-31",
///        "participants": [{"actor": "a", "role": "partner"}, {"actor": "c", "role": "partner"}]},
///       {"id": "q", "name": "Q", "kind": "project", "start": "2020-01-01", "end": "2021-12-31",
///        "participants": [{"actor": "a", "role": "partner"}, {"actor": "b", "role": "partner"}]}]}"#,
///     "t.json").unwrap().0;
/// let window = |w: &str| {
///     let w: Window = w.parse().unwrap();
///     let mut options = AnalysisOptions::default();
///     (options.projection.filter.from, options.projection.filter.to) = (w.from, w.to);
///     Analysis::new(&dataset, options).unwrap()
/// };
/// let c = compare(&window("2017..2018"), &window("2019..2021")).unwrap();
/// let changes: Vec<&str> = c.ties.iter().map(|t| t.change).collect();
/// assert_eq!(changes, ["formed", "ended"]);
/// ```
pub fn compare(before: &Analysis<'_>, after: &Analysis<'_>) -> Result<Comparison> {
    let ties_before = tie_map(before);
    let ties_after = tie_map(after);
    let ties = tie_changes(&ties_before, &ties_after);
    Ok(Comparison {
        actors: actor_changes(before, after)?,
        bridges: bridges(before, after, &ties_before, &ties_after, &ties),
        mixing: mixing_changes(before, after, &ties_before, &ties_after),
        ties,
        warnings: window_warnings(before, after),
    })
}

/// Every pair tied before or after: formed first, then ended, then kept.
fn tie_changes(
    ties_before: &BTreeMap<(String, String), (f64, Vec<String>)>,
    ties_after: &BTreeMap<(String, String), (f64, Vec<String>)>,
) -> Vec<TieChange> {
    let pairs: BTreeSet<&(String, String)> = ties_before.keys().chain(ties_after.keys()).collect();
    let mut ties = Vec::new();
    for change in ["formed", "ended", "kept"] {
        for &pair in &pairs {
            let (b, a) = (ties_before.get(pair), ties_after.get(pair));
            let this = match (b, a) {
                (None, Some(_)) => "formed",
                (Some(_), None) => "ended",
                _ => "kept",
            };
            if this != change {
                continue;
            }
            ties.push(TieChange {
                change,
                source: pair.0.clone(),
                target: pair.1.clone(),
                weight_before: b.map(|x| x.0),
                weight_after: a.map(|x| x.0),
                engagements_before: b.map(|x| x.1.clone()).unwrap_or_default(),
                engagements_after: a.map(|x| x.1.clone()).unwrap_or_default(),
            });
        }
    }

    ties
}

/// Actors, most changed first (betweenness, then degree, then
/// brokerage, then id).
fn actor_changes(before: &Analysis<'_>, after: &Analysis<'_>) -> Result<Table> {
    let values_before = actor_values(before)?;
    let values_after = actor_values(after)?;
    let ids: BTreeSet<&String> = values_before.keys().chain(values_after.keys()).collect();
    let mut rows: Vec<(&String, [f64; 3], [f64; 3])> = ids
        .into_iter()
        .map(|id| {
            (
                id,
                values_before.get(id).copied().unwrap_or_default(),
                values_after.get(id).copied().unwrap_or_default(),
            )
        })
        .collect();
    let change = |r: &(&String, [f64; 3], [f64; 3]), i: usize| (r.2[i] - r.1[i]).abs();
    rows.sort_by(|x, y| {
        change(y, 1)
            .total_cmp(&change(x, 1))
            .then(change(y, 0).total_cmp(&change(x, 0)))
            .then(change(y, 2).total_cmp(&change(x, 2)))
            .then(x.0.cmp(y.0))
    });
    let mut actors = Table::new(&[
        "actor",
        "degree_before",
        "degree_after",
        "degree_change",
        "betweenness_before",
        "betweenness_after",
        "betweenness_change",
        "brokerage_before",
        "brokerage_after",
        "brokerage_change",
    ]);
    for (id, b, a) in &rows {
        let mut row: Vec<Cell> = vec![id.as_str().into()];
        for i in 0..3 {
            let cell = |v: f64| {
                if i == 1 {
                    Cell::Float(v)
                } else {
                    Cell::Int(v as i64)
                }
            };
            row.extend([cell(b[i]), cell(a[i]), cell(a[i] - b[i])]);
        }
        actors.push(row);
    }

    Ok(actors)
}

/// Bridges between kinds and regions that formed ties join.
fn bridges(
    before: &Analysis<'_>,
    after: &Analysis<'_>,
    ties_before: &BTreeMap<(String, String), (f64, Vec<String>)>,
    ties_after: &BTreeMap<(String, String), (f64, Vec<String>)>,
    ties: &[TieChange],
) -> Table {
    let mut bridges = Table::new(&[
        "grouping",
        "group_a",
        "group_b",
        "ties_before",
        "ties_after",
        "formed",
        "new_bridge",
    ]);
    for key in ["kind", "region"] {
        let mut group = group_of(before.projection().two_mode().dataset(), key);
        group.extend(group_of(after.projection().two_mode().dataset(), key));
        let block = |a: &str, b: &str| {
            let (g, h) = (group[a].clone(), group[b].clone());
            if g <= h {
                (g, h)
            } else {
                (h, g)
            }
        };
        let mut counts: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
        for (a, b) in ties_before.keys() {
            counts.entry(block(a, b)).or_default()[0] += 1;
        }
        for (a, b) in ties_after.keys() {
            counts.entry(block(a, b)).or_default()[1] += 1;
        }
        for t in ties.iter().filter(|t| t.change == "formed") {
            counts.entry(block(&t.source, &t.target)).or_default()[2] += 1;
        }
        for ((g, h), [b, a, formed]) in counts {
            // Actors without a value (no region given) bridge nothing.
            if g == h || formed == 0 || g == MISSING || h == MISSING {
                continue;
            }
            bridges.push(vec![
                key.into(),
                g.as_str().into(),
                h.as_str().into(),
                b.into(),
                a.into(),
                formed.into(),
                Cell::Bool(b == 0),
            ]);
        }
    }

    bridges
}

/// The mixing matrix by the analysis' grouping, over the actors of each
/// network: density before, after and the change per pair of groups.
fn mixing_changes(
    before: &Analysis<'_>,
    after: &Analysis<'_>,
    ties_before: &BTreeMap<(String, String), (f64, Vec<String>)>,
    ties_after: &BTreeMap<(String, String), (f64, Vec<String>)>,
) -> Table {
    let key = &after.options().group;
    let mut group = group_of(before.projection().two_mode().dataset(), key);
    group.extend(group_of(after.projection().two_mode().dataset(), key));
    let members = |analysis: &Analysis<'_>| -> BTreeMap<String, String> {
        (0..analysis.actor_count())
            .map(|a| {
                let id = analysis.actor(a).id.to_string();
                let g = group[&id].clone();
                (id, g)
            })
            .collect()
    };
    let (members_before, members_after) = (members(before), members(after));
    let groups: Vec<String> = members_before
        .values()
        .chain(members_after.values())
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let d_before = densities(&groups, &members_before, ties_before);
    let d_after = densities(&groups, &members_after, ties_after);
    let mut mixing = Table::new(&[
        "group_a",
        "group_b",
        "density_before",
        "density_after",
        "density_change",
    ]);
    for g in 0..groups.len() {
        for h in g..groups.len() {
            let (b, a) = (d_before[g][h], d_after[g][h]);
            if b.is_none() && a.is_none() {
                continue;
            }
            let float = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Float);
            mixing.push(vec![
                groups[g].as_str().into(),
                groups[h].as_str().into(),
                float(b),
                float(a),
                float(a.map(|a| a - b.unwrap_or(0.0))),
            ]);
        }
    }
    mixing
}

impl Comparison {
    /// How many ties were formed, ended and kept.
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |c: &str| self.ties.iter().filter(|t| t.change == c).count();
        (n("formed"), n("ended"), n("kept"))
    }
}
