//! What happens to ties and actors from period to period.

use super::periods::overlaps;
use crate::graph::{Projection, TwoModeGraph};
use crate::model::Date;

/// Per period, the ties that form, end, persist, repeat or run open-ended.
pub(super) struct TieEvents {
    pub new: Vec<usize>,
    pub ended: Vec<usize>,
    pub persisting: Vec<usize>,
    pub repeated: Vec<usize>,
    pub open_ended: Vec<usize>,
}

/// Dates of each engagement (start, end).
type Span = (Option<Date>, Option<Date>);

/// Tie events over the pairs of the whole span, by their engagements'
/// dates.
pub(super) fn tie_events(
    whole: &Projection<'_>,
    dates: &[Span],
    cuts: &[(String, Date, Date)],
) -> TieEvents {
    let period_of = |d: Date| cuts.iter().position(|&(_, s, e)| s <= d && d <= e);
    let k = cuts.len();
    let mut new_ties = vec![0; k];
    let mut ended_ties = vec![0; k];
    let mut persisting = vec![0; k];
    let mut repeated = vec![0; k];
    let mut open_ended = vec![0; k];
    // Each tie with engagements behind it, by their dates.
    let mut d: Vec<(Option<Date>, Option<Date>)> = Vec::new();
    for tie in whole.ties() {
        d.clear();
        d.extend(whole.engagements_behind(tie).map(|e| dates[e as usize]));
        if d.is_empty() {
            continue;
        }
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

    TieEvents {
        new: new_ties,
        ended: ended_ties,
        persisting,
        repeated,
        open_ended,
    }
}

/// Per period, the actors that take part for the first time, and those
/// that return after a period away.
pub(super) fn actor_events(
    graph: &TwoModeGraph<'_>,
    dates: &[Span],
    cuts: &[(String, Date, Date)],
) -> (Vec<usize>, Vec<usize>) {
    let period_of = |d: Date| cuts.iter().position(|&(_, s, e)| s <= d && d <= e);
    let k = cuts.len();
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

    (new_actors, returning)
}
