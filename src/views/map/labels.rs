//! Which actors of a map get a label, and how much each one matters.

use super::shown::Shown;
use super::{Labels, MapOptions};
use crate::analysis::{shown_components, Analysis};

/// Each actor's label priority: 2 must be labelled (the ego, coordinators,
/// funders and authorities, actors named with `--labels`); 1 and 0
/// labelled where the name fits, 1 first; `None` not labelled. Under
/// `auto` every shown actor has a label: 1 for cut points, brokers (the
/// top twentieth by betweenness, at least three) and the three most
/// central actors (by `size_values`) of each component, 0 for the rest. Under `top`, the most central actors of each component,
/// round-robin over the components, largest first.
pub(super) fn priorities(
    analysis: &Analysis<'_>,
    options: &MapOptions,
    shown: &Shown,
    size_values: &[f64],
) -> Vec<Option<u8>> {
    let graph = analysis.projection().two_mode();
    let keep = &shown.keep;
    let n = keep.len();
    let ego = shown.ego;
    let coordinator: Vec<bool> = (0..n)
        .map(|a| {
            graph
                .engagements_of(a)
                .iter()
                .any(|&e| graph.role(e as usize, a as u32) == Some("coordinator"))
        })
        .collect();
    // Funders and authorities are named on every map: a reader looks for
    // them first.
    let funder: Vec<bool> = (0..n)
        .map(|a| {
            graph.engagements_of(a).iter().any(|&e| {
                matches!(
                    graph.role(e as usize, a as u32),
                    Some("funder" | "authority")
                )
            })
        })
        .collect();
    let mut priority: Vec<Option<u8>> = vec![None; n];
    let must = |v: usize| Some(v) == ego || coordinator[v] || funder[v];
    match &options.labels {
        Labels::None => {}
        Labels::All => {
            for v in (0..n).filter(|&v| keep[v]) {
                priority[v] = Some(if must(v) { 2 } else { 1 });
            }
        }
        Labels::Ids(ids) => {
            for v in (0..n).filter(|&v| keep[v]) {
                let id = &analysis.actor(v).id;
                if Some(v) == ego || ids.iter().any(|i| i == id) {
                    priority[v] = Some(2);
                }
            }
        }
        Labels::Auto => {
            // Every shown actor is named where its name fits: the must-
            // names first, then the cut points and the largest actors of
            // each component, then the rest by size.
            let cut: std::collections::HashSet<usize> = analysis
                .cut_structure()
                .articulation_points
                .iter()
                .copied()
                .collect();
            for v in (0..n).filter(|&v| keep[v]) {
                priority[v] = Some(if must(v) { 2 } else { 0 });
            }
            for members in by_component(analysis, keep, size_values) {
                for &v in members.iter().take(3) {
                    if priority[v] == Some(0) {
                        priority[v] = Some(1);
                    }
                }
            }
            for v in cut.into_iter().chain(brokers(analysis, keep)) {
                if keep[v] && priority[v] == Some(0) {
                    priority[v] = Some(1);
                }
            }
        }
        Labels::Top(_) => {
            for v in (0..n).filter(|&v| keep[v] && must(v)) {
                priority[v] = Some(2);
            }
            let budget = match options.labels {
                Labels::Top(k) => k,
                _ => usize::MAX,
            };
            let components = by_component(analysis, keep, size_values);
            let per_component = |members: &Vec<usize>| members.len();
            let mut used = priority.iter().filter(|p| p.is_some()).count();
            for round in 0.. {
                let mut any = false;
                for members in &components {
                    if round >= per_component(members) || round >= members.len() || used >= budget {
                        continue;
                    }
                    any = true;
                    let v = members[round];
                    if priority[v].is_none() {
                        priority[v] = Some(1);
                        used += 1;
                    }
                }
                if !any {
                    break;
                }
            }
        }
    }
    priority
}

/// The brokers of the map: the shown actors of highest betweenness, the
/// top twentieth and at least three, those with any. When every actor is
/// shown, the analysis' betweenness (computed once for every view); else
/// the betweenness by hops within what the map shows.
///
/// Complexity: O(n·m) of the shown network.
fn brokers(analysis: &Analysis<'_>, keep: &[bool]) -> Vec<usize> {
    let shown: Vec<usize> = (0..keep.len()).filter(|&v| keep[v]).collect();
    let values = if shown.len() == keep.len() {
        match analysis.metric(crate::metrics::Metric::Betweenness) {
            Ok(values) => values.iter().map(|v| v.as_f64().unwrap_or(0.0)).collect(),
            Err(_) => return Vec::new(),
        }
    } else {
        shown_betweenness(analysis, keep, &shown)
    };
    let mut order: Vec<usize> = (0..shown.len()).filter(|&i| values[i] > 0.0).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    order.truncate((shown.len() / 20).max(3));
    order.into_iter().map(|i| shown[i]).collect()
}

/// Betweenness by hops of the `shown` actors within the map: them and the
/// ties among them.
fn shown_betweenness(analysis: &Analysis<'_>, keep: &[bool], shown: &[usize]) -> Vec<f64> {
    let mut index = vec![u32::MAX; keep.len()];
    for (i, &v) in shown.iter().enumerate() {
        index[v] = i as u32;
    }
    let adjacency = analysis.adjacency();
    let mut edges = Vec::new();
    for &v in shown {
        for &u in adjacency.neighbors(v) {
            if (u as usize) > v && keep[u as usize] {
                edges.push((index[v], index[u as usize], 1.0));
            }
        }
    }
    let csr = crate::graph::Csr::from_edges(shown.len(), edges.into_iter());
    crate::metrics::centrality::betweenness(
        &csr,
        crate::metrics::centrality::BetweennessOptions {
            length: crate::metrics::paths::PathLength::Hops,
            normalized: true,
        },
        None,
    )
}

/// The shown actors by component, most central first within each;
/// components largest first.
fn by_component(analysis: &Analysis<'_>, keep: &[bool], size_values: &[f64]) -> Vec<Vec<usize>> {
    let component =
        crate::graph::on_adjacency!(analysis.adjacency(), |rows| shown_components(rows, keep));
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for v in (0..keep.len()).filter(|&v| keep[v]) {
        groups.entry(component[v]).or_default().push(v);
    }
    let mut components: Vec<Vec<usize>> = groups.into_values().collect();
    for members in &mut components {
        members.sort_by(|&a, &b| size_values[b].total_cmp(&size_values[a]).then(a.cmp(&b)));
    }
    components.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    components
}
