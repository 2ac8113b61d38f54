//! Which actors and ties a map shows: an ego network; then, when there are
//! more actors than fit, the backbone of repeated collaboration (ties of
//! at least k shared engagements, k the smallest that fits), so that a
//! project of many partners does not fill the map with its clique; the
//! densest k-core that fits when no repeated collaboration does.

use super::{MapOptions, MapSelection};
use crate::analysis::{neighbourhood, Analysis};
use crate::error::{Error, Result};
use crate::metrics::Metric;

/// The actors a map shows.
pub(super) struct Shown {
    /// Per actor, whether it is shown.
    pub keep: Vec<bool>,
    /// The ego of an ego map.
    pub ego: Option<usize>,
    /// What the ego choice did, for the caption.
    pub notes: Vec<String>,
    /// What the thinning did, when it thinned.
    pub thinning_note: Option<String>,
    /// Ties of fewer shared engagements than this are not drawn.
    pub min_shared: u32,
    /// On a geographic map, each actor's place (empty otherwise).
    pub places: Vec<Option<crate::import::register::Place>>,
}

/// The shown actors under `options`: the ego's neighbourhood when one is
/// asked for, then, above `max_actors`, the actors joined by ties of at
/// least k shared engagements (the smallest k ≥ 2 that fits; only those
/// ties are drawn), else the actors of the densest k-core that fits (and
/// the ego).
pub(super) fn shown(analysis: &Analysis<'_>, options: &MapOptions) -> Result<Shown> {
    let lang = options.lang;
    let projection = analysis.projection();
    let n = projection.actor_count();
    let mut keep = vec![true; n];
    let mut notes = Vec::new();
    let mut ego = None;
    if let Some((query, radius)) = &options.ego {
        let center = analysis.find_actor(query)?;
        ego = Some(center);
        keep = crate::graph::on_adjacency!(analysis.adjacency(), |rows| {
            neighbourhood(rows, center, *radius)
        });
        notes.push(
            lang.text("map.ego")
                .replace("{n}", &keep.iter().filter(|k| **k).count().to_string())
                .replace("{k}", &radius.to_string())
                .replace("{name}", &projection.actor(center).name),
        );
    }
    let mut thinning_note = None;
    if projection.backbone().is_some() {
        // A backbone map shows the actors its significant ties join.
        let before = keep.iter().filter(|k| **k).count();
        let adjacency = analysis.adjacency();
        for (v, k) in keep.iter_mut().enumerate() {
            *k &= Some(v) == ego || adjacency.degree(v) > 0;
        }
        let after = keep.iter().filter(|k| **k).count();
        if after < before {
            thinning_note = Some(hidden_note(lang, "map.backbone_shown", after, before));
        }
    }
    let count = |set: &[bool]| set.iter().filter(|k| **k).count();
    let mut thinned: Vec<String> = thinning_note.into_iter().collect();
    let mut places = Vec::new();
    if options.geo {
        places = (0..n)
            .map(|v| super::places::actor_place(projection.actor(v)))
            .collect();
        let before = count(&keep);
        for (k, place) in keep.iter_mut().zip(&places) {
            *k &= place.is_some();
        }
        let after = count(&keep);
        if after == 0 {
            return Err(Error::invalid(
                "layout",
                "geo",
                "actors with a Finnish municipality or region (none of these has one)",
            ));
        }
        if after < before {
            notes.push(
                lang.text("map.geo_hidden")
                    .replace("{n}", &lang.integer((before - after) as i64)),
            );
        }
    }
    let mut min_shared = 1;
    let before = count(&keep);
    match options.select {
        MapSelection::Auto => {}
        MapSelection::Repeated(at) => {
            let (k, tied) = match at {
                Some(k) => (k, tied_by(analysis, &keep, ego, k)),
                None => repeated(analysis, &keep, ego, options.max_actors)
                    .unwrap_or_else(|| (2, tied_by(analysis, &keep, ego, 2))),
            };
            if count(&tied) < 2 {
                let most = most_shared(analysis, &keep);
                return Err(Error::invalid(
                    "select",
                    options.select,
                    format!(
                        "a number of shared engagements some two actors reach (the most any two share is {most})"
                    ),
                ));
            }
            min_shared = k;
            keep = tied;
            thinned.push(repeated_note(lang, k, count(&keep), before));
        }
        MapSelection::Core(at) => {
            thinned.push(core(analysis, &mut keep, ego, options, before, at)?);
        }
        MapSelection::Top { count: top, metric } => {
            thinned.push(highest(
                analysis, &mut keep, ego, options, before, top, metric,
            )?);
        }
    }
    let shown = count(&keep);
    let hub = options.hubs.unwrap_or(HUB_MEMBERS);
    if shown > options.max_actors {
        let repeated = repeated(analysis, &keep, ego, options.max_actors);
        let few = repeated
            .as_ref()
            .is_none_or(|(_, tied)| count(tied) < options.max_actors / 4);
        let collaboration = few
            .then(|| collaboration_core(analysis, &keep, ego, options.max_actors, hub))
            .flatten()
            .filter(|(_, kept)| {
                repeated
                    .as_ref()
                    .is_none_or(|(_, tied)| count(kept) > count(tied))
            });
        if let Some((k, kept)) = collaboration {
            keep = kept;
            let after = count(&keep);
            thinned.push(
                hidden_note(lang, "map.collaboration_core", after, shown)
                    .replace("{k}", &k.to_string())
                    .replace("{hub}", &hub.to_string()),
            );
        } else if let Some((k, tied)) = repeated {
            min_shared = min_shared.max(k);
            keep = tied;
            thinned.push(repeated_note(lang, k, count(&keep), shown));
        } else {
            thinned.push(core(analysis, &mut keep, ego, options, shown, None)?);
        }
    }
    let thinning_note = (!thinned.is_empty()).then(|| thinned.join(" "));
    Ok(Shown {
        keep,
        ego,
        notes,
        thinning_note,
        min_shared,
        places,
    })
}

/// The caption's note `key` for a map that shows `shown` of `all`
/// actors: `{shown}`, `{all}` and `{hidden}` filled in.
fn hidden_note(lang: crate::lang::Lang, key: &str, shown: usize, all: usize) -> String {
    lang.text(key)
        .replace("{shown}", &lang.integer(shown as i64))
        .replace("{all}", &lang.integer(all as i64))
        .replace("{hidden}", &lang.integer(all.saturating_sub(shown) as i64))
}

/// The caption's note for a map of ties of at least `k` shared
/// engagements that joins `shown` of `all` actors.
fn repeated_note(lang: crate::lang::Lang, k: u32, shown: usize, all: usize) -> String {
    hidden_note(lang, "map.repeated", shown, all).replace("{k}", &k.to_string())
}

/// The most engagements two actors of `keep` share.
fn most_shared(analysis: &Analysis<'_>, keep: &[bool]) -> u32 {
    let projection = analysis.projection();
    projection
        .ties()
        .iter()
        .filter(|t| keep[t.source as usize] && keep[t.target as usize])
        .map(|t| projection.shared(t))
        .max()
        .unwrap_or(0)
}

/// The actors of `keep` with a tie of at least `k` shared engagements to
/// another of them (and the ego).
fn tied_by(analysis: &Analysis<'_>, keep: &[bool], ego: Option<usize>, k: u32) -> Vec<bool> {
    let mut tied = vec![false; keep.len()];
    let projection = analysis.projection();
    for t in projection
        .ties()
        .iter()
        .filter(|&t| projection.shared(t) >= k)
    {
        let (a, b) = (t.source as usize, t.target as usize);
        if keep[a] && keep[b] {
            tied[a] = true;
            tied[b] = true;
        }
    }
    if let Some(e) = ego {
        tied[e] = true;
    }
    tied
}

/// [`tied_by`] for the smallest k ≥ 2 at which at most `max` actors are
/// left; `None` when no k leaves any two.
fn repeated(
    analysis: &Analysis<'_>,
    keep: &[bool],
    ego: Option<usize>,
    max: usize,
) -> Option<(u32, Vec<bool>)> {
    (2..=most_shared(analysis, keep)).find_map(|k| {
        let tied = tied_by(analysis, keep, ego, k);
        let n = tied.iter().filter(|t| **t).count();
        (n >= 2 && n <= max).then_some((k, tied))
    })
}

/// Engagements of at least this many participants (unless `--hubs` says
/// another number) are hubs: a thinned map does not count the ties they
/// alone make.
pub(super) const HUB_MEMBERS: usize = 30;

/// The actors of `keep` in the k-core of the ties that engagements of
/// fewer than `hub` participants (or direct ties) make, for the
/// smallest k ≥ 1 at which at most `max` are left (and the ego); when every
/// core that is not empty is larger, `max` actors of the deepest of them,
/// grown breadth first from its best-connected actor. `None` when there
/// are no such ties.
fn collaboration_core(
    analysis: &Analysis<'_>,
    keep: &[bool],
    ego: Option<usize>,
    max: usize,
    hub: usize,
) -> Option<(usize, Vec<bool>)> {
    let projection = analysis.projection();
    let graph = projection.two_mode();
    let n = keep.len();
    // Which ties count, a byte each: a list of them would cost 16 bytes
    // a tie beside the adjacency made of them.
    let small: Vec<bool> = projection
        .ties()
        .iter()
        .enumerate()
        .map(|(t, tie)| {
            keep[tie.source as usize]
                && keep[tie.target as usize]
                && (!projection.direct_ties_behind(t).is_empty()
                    || projection
                        .engagements_behind(tie)
                        .any(|e| graph.members(e as usize).len() < hub))
        })
        .collect();
    let adjacency = crate::graph::Csr::from_edges(
        n,
        projection
            .ties()
            .iter()
            .zip(&small)
            .filter(|&(_, &counts)| counts)
            .map(|(tie, _)| (tie.source, tie.target, tie.weight)),
    );
    let cores = crate::metrics::core::core_number(&adjacency);
    let top = cores.iter().copied().max().unwrap_or(0);
    let core = |k: usize| -> Vec<bool> {
        (0..n)
            .map(|v| keep[v] && (cores[v] >= k || Some(v) == ego))
            .collect()
    };
    let count = |set: &[bool]| set.iter().filter(|k| **k).count();
    // The smallest k whose core fits; else the deepest core, cut to the
    // `max` actors with most such ties (then by position).
    if let Some(found) = (1..=top).find_map(|k| {
        let kept = core(k);
        let c = count(&kept);
        (c >= 2 && c <= max).then_some((k, kept))
    }) {
        return Some(found);
    }
    let k = (1..=top).rev().find(|&k| count(&core(k)) > max)?;
    let within = core(k);
    // Grown from its best-connected actor (or the ego), breadth first,
    // most-connected neighbours first: one connected part, not fragments.
    let start = ego.filter(|&e| within[e]).unwrap_or_else(|| {
        (0..n)
            .filter(|&v| within[v])
            .max_by(|&a, &b| {
                adjacency
                    .degree(a)
                    .cmp(&adjacency.degree(b))
                    .then(b.cmp(&a))
            })
            .unwrap_or(0)
    });
    let mut kept = vec![false; n];
    kept[start] = true;
    let mut queue = std::collections::VecDeque::from([start]);
    let mut taken = 1;
    while let Some(v) = queue.pop_front() {
        let mut next: Vec<usize> = adjacency
            .neighbors(v)
            .iter()
            .map(|&u| u as usize)
            .filter(|&u| within[u] && !kept[u])
            .collect();
        next.sort_by(|&a, &b| {
            adjacency
                .degree(b)
                .cmp(&adjacency.degree(a))
                .then(a.cmp(&b))
        });
        for u in next {
            if taken == max {
                break;
            }
            kept[u] = true;
            taken += 1;
            queue.push_back(u);
        }
    }
    Some((k, kept))
}

/// Keeps the actors of the k-core (and the ego): `at`, else the smallest
/// k at which at most `options.max_actors` are left; returns the
/// caption's note.
fn core(
    analysis: &Analysis<'_>,
    keep: &mut [bool],
    ego: Option<usize>,
    options: &MapOptions,
    shown: usize,
    at: Option<usize>,
) -> Result<String> {
    let n = keep.len();
    let cores: Vec<usize> = analysis
        .metric(Metric::Core)?
        .iter()
        .map(|c| c.as_f64().unwrap_or(0.0) as usize)
        .collect();
    let inside = |k: usize| (0..n).filter(|&v| keep[v] && cores[v] >= k).count();
    let k = match at {
        Some(k) => {
            let deepest = (0..n)
                .filter(|&v| keep[v])
                .map(|v| cores[v])
                .max()
                .unwrap_or(0);
            if k > deepest {
                return Err(Error::invalid(
                    "select",
                    options.select,
                    format!("a core that is not empty (the deepest is the {deepest}-core)"),
                ));
            }
            k
        }
        None => (1..)
            .find(|&k| inside(k) <= options.max_actors)
            .unwrap_or(1),
    };
    for v in 0..n {
        keep[v] = keep[v] && (cores[v] >= k || Some(v) == ego);
    }
    let after = keep.iter().filter(|k| **k).count();
    Ok(hidden_note(options.lang, "map.thinned", after, shown).replace("{k}", &k.to_string()))
}

/// Keeps the `top` actors of `keep` highest by `metric` (ties by
/// position) and the ego; returns the caption's note.
fn highest(
    analysis: &Analysis<'_>,
    keep: &mut [bool],
    ego: Option<usize>,
    options: &MapOptions,
    shown: usize,
    top: usize,
    metric: Metric,
) -> Result<String> {
    let values: Vec<f64> = analysis
        .metric(metric)?
        .iter()
        .map(|v| v.as_f64().unwrap_or(f64::NEG_INFINITY))
        .collect();
    let mut ranked: Vec<usize> = (0..keep.len()).filter(|&v| keep[v]).collect();
    ranked.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    keep.iter_mut().for_each(|k| *k = false);
    for &v in ranked.iter().take(top) {
        keep[v] = true;
    }
    if let Some(e) = ego {
        keep[e] = true;
    }
    let after = keep.iter().filter(|k| **k).count();
    let lang = options.lang;
    let name = lang
        .lookup(&format!("metric.{}", metric.name()))
        .unwrap_or(metric.name());
    Ok(hidden_note(lang, "map.top", after, shown).replace("{metric}", name))
}
