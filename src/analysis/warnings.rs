//! The caveats of an analysis (see [`crate::metrics::warning`]), computed
//! from its results.

use super::Analysis;
use crate::error::Result;
use crate::metrics::cohesion::components;
use crate::metrics::warning::{small_groups, tied_ranking, Warning};
use crate::metrics::{Metric, NetworkSummary};
use crate::model::Dataset;
use std::collections::BTreeMap;

/// Roles that list an actor rather than make it a collaborator.
const LISTED_ROLES: &[&str] = &["member", "target", "participant"];

/// The metrics whose rankings are checked for ties.
const RANKED: &[Metric] = &[
    Metric::Degree,
    Metric::Strength,
    Metric::Betweenness,
    Metric::Closeness,
    Metric::Harmonic,
    Metric::Eigenvector,
    Metric::PageRank,
    Metric::Katz,
];

/// The engagement at the top of `e`'s `part_of` chain.
fn root(dataset: &Dataset, index: &BTreeMap<&str, usize>, e: usize) -> usize {
    let mut current = e;
    for _ in 0..dataset.engagements.len() {
        match dataset.engagements[current]
            .part_of
            .as_deref()
            .and_then(|p| index.get(p))
        {
            Some(&parent) if parent != current => current = parent,
            _ => break,
        }
    }
    current
}

impl Analysis<'_> {
    /// The caveats of the network as a whole: one engagement making most
    /// ties, separate components (each named by the project that forms it
    /// when one dominates), groups too small for a density, and actors
    /// whose every tie comes from being listed (member, target group,
    /// participant).
    pub(super) fn network_warnings(&self, summary: &NetworkSummary) -> Result<Vec<Warning>> {
        let mut out = Vec::new();
        out.extend(self.dominant_engagement());
        out.extend(self.separate_components());
        let sizes: Vec<(String, usize)> = summary
            .mixing
            .groups
            .iter()
            .cloned()
            .zip(summary.mixing.sizes.iter().copied())
            .collect();
        out.extend(small_groups(&self.options().group, &sizes));
        out.extend(self.listed_only()?);
        Ok(out)
    }

    /// Every caveat of the network and of the rankings by `metrics` (those
    /// among the centralities), for tables and reports.
    pub fn warnings(&self, metrics: &[Metric]) -> Result<Vec<Warning>> {
        let mut out: Vec<Warning> = self
            .summary()?
            .warnings
            .iter()
            .filter(|w| w.code != "tied_ranking")
            .cloned()
            .collect();
        out.extend(self.ranking_warnings(metrics)?);
        Ok(out)
    }

    /// `tied_ranking` caveats for the centralities among `metrics`.
    pub fn ranking_warnings(&self, metrics: &[Metric]) -> Result<Vec<Warning>> {
        let mut out = Vec::new();
        for &m in RANKED.iter().filter(|m| metrics.contains(m)) {
            out.extend(tied_ranking(m.name(), &self.scores(m)?));
        }
        Ok(out)
    }

    fn dominant_engagement(&self) -> Option<Warning> {
        let projection = self.projection();
        let graph = projection.two_mode();
        let ties = projection.tie_count();
        let mut per_engagement: BTreeMap<u32, usize> = BTreeMap::new();
        for t in 0..ties {
            for &e in projection.engagements_behind(t) {
                *per_engagement.entry(e).or_insert(0) += 1;
            }
        }
        if per_engagement.len() < 2 {
            return None;
        }
        let (&e, &count) = per_engagement
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
        if 2 * count <= ties {
            return None;
        }
        // How the engagement makes its ties: by a member list or a target
        // group when most of them involve one.
        let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
        for t in 0..ties {
            if projection.engagements_behind(t).contains(&e) {
                let tie = projection.ties()[t];
                for a in [tie.source, tie.target] {
                    if let Some(role) = graph.role(e as usize, a) {
                        if role == "member" || role == "target" {
                            *listed.entry(role).or_insert(0) += 1;
                            break;
                        }
                    }
                }
            }
        }
        let how = match listed.iter().max_by_key(|(_, n)| **n) {
            Some((&"member", &n)) if 2 * n > count => "the member list of ",
            Some((&"target", &n)) if 2 * n > count => "the target group of ",
            _ => "",
        };
        let engagement = graph.engagement(e as usize);
        Some(Warning {
            code: "dominant_engagement",
            message: format!(
                "{count} of {ties} ties come from {how}{} ({}): figures of the whole network mostly describe this one engagement.",
                engagement.name, engagement.id
            ),
            subjects: vec![engagement.id.clone()],
        })
    }

    fn separate_components(&self) -> Option<Warning> {
        let labels = components(self.adjacency());
        let count = labels.iter().max().map_or(0, |m| m + 1);
        if count < 2 {
            return None;
        }
        let dataset = self.dataset();
        let projection = self.projection();
        let graph = projection.two_mode();
        let index: BTreeMap<&str, usize> = dataset
            .engagements
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let dataset_index = |e: usize| index[graph.engagement(e).id.as_str()];
        let mut sizes = vec![0usize; count];
        for &c in &labels {
            sizes[c] += 1;
        }
        let mut ties = vec![0usize; count];
        // Keyed by the root engagement's id, so that ties between roots
        // break by id, not by file order.
        let mut by_root: Vec<BTreeMap<&str, (usize, usize)>> = vec![BTreeMap::new(); count];
        for (t, tie) in projection.ties().iter().enumerate() {
            let c = labels[tie.source as usize];
            ties[c] += 1;
            let roots: std::collections::BTreeSet<usize> = projection
                .engagements_behind(t)
                .iter()
                .map(|&e| root(dataset, &index, dataset_index(e as usize)))
                .collect();
            for r in roots {
                by_root[c]
                    .entry(dataset.engagements[r].id.as_str())
                    .or_insert((r, 0))
                    .1 += 1;
            }
        }
        let mut parts = Vec::new();
        let mut subjects = Vec::new();
        let mut isolates = 0;
        for c in 0..count {
            if sizes[c] == 1 {
                isolates += 1;
                continue;
            }
            let dominant = by_root[c]
                .iter()
                .max_by(|a, b| a.1 .1.cmp(&b.1 .1).then(b.0.cmp(a.0)))
                .filter(|(_, (_, n))| 2 * *n > ties[c]);
            match dominant {
                Some((_, &(r, _))) => {
                    let e = &dataset.engagements[r];
                    parts.push(format!("{} actors around {} ({})", sizes[c], e.name, e.id));
                    subjects.push(e.id.clone());
                }
                None => parts.push(format!("{} actors of several engagements", sizes[c])),
            }
        }
        if isolates > 0 {
            parts.push(format!("{isolates} actors without ties"));
        }
        Some(Warning {
            code: "separate_components",
            message: format!(
                "The network is {count} separate parts with no tie between them: {}. Paths, closeness and betweenness are measured within each part.",
                parts.join("; ")
            ),
            subjects,
        })
    }

    fn listed_only(&self) -> Result<Option<Warning>> {
        let graph = self.projection().two_mode();
        let degree = self.metric(Metric::Degree)?;
        let listed: Vec<usize> = (0..self.actor_count())
            .filter(|&a| degree[a].as_f64().unwrap_or(0.0) > 0.0)
            .filter(|&a| {
                graph.engagements_of(a).iter().all(|&e| {
                    graph
                        .role(e as usize, a as u32)
                        .is_some_and(|r| LISTED_ROLES.contains(&r))
                })
            })
            .collect();
        if listed.is_empty() {
            return Ok(None);
        }
        let names: Vec<String> = listed
            .iter()
            .take(5)
            .map(|&a| self.actor(a).name.clone())
            .collect();
        Ok(Some(Warning {
            code: "listed_only_centrality",
            message: format!(
                "{} actors are tied only because they are listed as members, target groups or participants ({}{}): their centrality reflects the lists, not collaboration.",
                listed.len(),
                names.join(", "),
                if listed.len() > 5 { ", …" } else { "" }
            ),
            subjects: listed.iter().map(|&a| self.actor(a).id.clone()).collect(),
        }))
    }
}
