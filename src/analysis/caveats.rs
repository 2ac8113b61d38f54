//! The caveats of an analysis (see [`crate::metrics::warning`]), found
//! once from its results, as data; `views::warnings` puts them into words.

use super::Analysis;
use crate::error::Result;
use crate::metrics::warning::{small_groups, tied_ranking, Caveat, Listing, NetworkPart};
use crate::metrics::Metric;
use std::collections::BTreeMap;

/// Roles that list an actor rather than make it a collaborator.
const LISTED_ROLES: &[&str] = &["member", "target", "participant"];

/// The metrics whose rankings are checked for ties.
pub const RANKED: &[Metric] = &[
    Metric::Degree,
    Metric::Strength,
    Metric::Betweenness,
    Metric::Closeness,
    Metric::Harmonic,
    Metric::Eigenvector,
    Metric::PageRank,
    Metric::Katz,
];

impl Analysis<'_> {
    /// The caveats of the network as a whole (computed once): one
    /// engagement making most ties, separate components (each named by
    /// the project that forms it when one dominates), groups too small for
    /// a density, actors whose every tie comes from being listed (member,
    /// target group, participant), and open-ended engagements in a time
    /// window.
    ///
    /// Needs no path search: the caveats that travel with a table cost what
    /// the table's own metrics cost.
    pub fn network_caveats(&self) -> Result<&[Caveat]> {
        super::cached(&self.caveats, || {
            let mut out = Vec::new();
            out.extend(self.projection().backbone().copied().map(Caveat::Backbone));
            out.extend(self.dominant_engagement());
            out.extend(self.separate_components());
            let mixed = self.mixing();
            let sizes: Vec<(String, usize)> = mixed
                .groups
                .iter()
                .cloned()
                .zip(mixed.sizes.iter().copied())
                .collect();
            out.extend(small_groups(&self.options().group, &sizes));
            if !self.options().fold_groups {
                let spellings = self.group_spellings(&self.options().group);
                if !spellings.is_empty() {
                    out.push(Caveat::GroupSpellings {
                        key: self.options().group.clone(),
                        spellings,
                    });
                }
            }
            out.extend(self.listed_only()?);
            out.extend(self.open_ended());
            Ok(out)
        })
        .map(Vec::as_slice)
    }

    /// `open_ended`: with a time window set, the kept engagements that have
    /// no end date (of their own, by their kind or from what they are part
    /// of) and so count as running to this day.
    fn open_ended(&self) -> Option<Caveat> {
        let graph = self.projection().two_mode();
        let filter = graph.filter();
        if filter.from.is_none() && filter.to.is_none() {
            return None;
        }
        let engagements: Vec<String> = (0..graph.engagement_count())
            .filter(|&e| graph.dates(e).1.is_none() && !graph.members(e).is_empty())
            .map(|e| graph.engagement(e).id.to_string())
            .collect();
        (!engagements.is_empty()).then_some(Caveat::OpenEnded { engagements })
    }

    /// Every caveat of the network, of the rankings by `metrics` (those
    /// among the centralities), and of the metrics computed so far (did
    /// not converge, sampled).
    pub fn caveats(&self, metrics: &[Metric]) -> Result<Vec<Caveat>> {
        let mut out = self.network_caveats()?.to_vec();
        out.extend(self.ranking_caveats(metrics)?);
        if let Ok(list) = self.computing_caveats.lock() {
            out.extend(list.iter().cloned());
        }
        Ok(out)
    }

    /// `tied_ranking` caveats for the centralities among `metrics`.
    pub fn ranking_caveats(&self, metrics: &[Metric]) -> Result<Vec<Caveat>> {
        let mut out = Vec::new();
        for &m in RANKED.iter().filter(|m| metrics.contains(m)) {
            out.extend(tied_ranking(m, &self.scores(m)?));
        }
        Ok(out)
    }

    /// The engagement that makes more than half of the ties, if one does
    /// (and the network has ties from more than one): (count, engagement
    /// position, how it makes them: its member list, its target group, or
    /// neither).
    pub fn dominant(&self) -> Option<(usize, usize, Option<Listing>)> {
        let projection = self.projection();
        let graph = projection.two_mode();
        let ties = projection.tie_count();
        let mut per_engagement = vec![0usize; graph.engagement_count()];
        for t in 0..ties {
            for e in projection.engagements_behind(t) {
                per_engagement[e as usize] += 1;
            }
        }
        if per_engagement.iter().filter(|&&n| n > 0).count() < 2 {
            return None;
        }
        // The most ties; of equal counts, the first engagement.
        let (e, count) = per_engagement
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
            .map(|(e, &n)| (e as u32, n))?;
        if 2 * count <= ties {
            return None;
        }
        // How the engagement makes its ties: by a member list or a target
        // group when most of them involve one.
        let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
        for t in 0..ties {
            if projection.engagements_behind(t).any(|b| b == e) {
                let tie = projection.tie(t);
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
            Some((&"member", &n)) if 2 * n > count => Some(Listing::Members),
            Some((&"target", &n)) if 2 * n > count => Some(Listing::Targets),
            _ => None,
        };
        Some((count, e as usize, how))
    }

    fn dominant_engagement(&self) -> Option<Caveat> {
        let (count, e, listing) = self.dominant()?;
        let engagement = self.projection().two_mode().engagement(e);
        Some(Caveat::DominantEngagement {
            id: engagement.id.to_string(),
            name: engagement.name.to_string(),
            count,
            ties: self.projection().tie_count(),
            listing,
        })
    }

    /// The separate parts of the network: for each with two or more
    /// actors, its size and the project (name, id) that makes more than
    /// half of its ties, if one does; largest first; and the number of
    /// actors without ties.
    pub fn parts(&self) -> &(Vec<NetworkPart>, usize) {
        self.parts.get_or_init(|| self.find_parts())
    }

    fn find_parts(&self) -> (Vec<NetworkPart>, usize) {
        let labels = self.components();
        let count = labels.iter().max().map_or(0, |m| m + 1);
        let dataset = self.dataset();
        let projection = self.projection();
        let mut sizes = vec![0usize; count];
        for &c in labels {
            sizes[c] += 1;
        }
        let mut ties = vec![0usize; count];
        // Per root engagement, the ties it makes in the first part it
        // makes one in (nearly always its only part), and the ties it
        // makes in any other part apart: a few numbers per engagement,
        // none per tie.
        let engagements = dataset.engagements.len();
        let mut first_part = vec![u32::MAX; engagements];
        let mut in_first = vec![0usize; engagements];
        let mut elsewhere: std::collections::HashMap<(u32, usize), usize> = Default::default();
        let mut roots: Vec<usize> = Vec::new();
        for tie in projection.ties() {
            let c = labels[tie.source as usize];
            ties[c] += 1;
            roots.clear();
            roots.extend(
                projection
                    .engagements_behind(tie)
                    .map(|e| self.root_engagement(e as usize)),
            );
            roots.sort_unstable();
            roots.dedup();
            for &r in &roots {
                if first_part[r] == u32::MAX {
                    first_part[r] = c as u32;
                }
                if first_part[r] == c as u32 {
                    in_first[r] += 1;
                } else {
                    *elsewhere.entry((c as u32, r)).or_default() += 1;
                }
            }
        }
        // Per part, the root behind most ties; of equal counts, the
        // smallest id, so that the choice does not depend on file order.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; count];
        let firsts = (0..engagements)
            .filter(|&r| first_part[r] != u32::MAX)
            .map(|r| (first_part[r], r, in_first[r]));
        let others = elsewhere.iter().map(|(&(c, r), &n)| (c, r, n));
        for (c, r, n) in firsts.chain(others) {
            let c = c as usize;
            let better = best[c].is_none_or(|(r0, n0)| {
                n > n0 || (n == n0 && dataset.engagements[r].id < dataset.engagements[r0].id)
            });
            if better {
                best[c] = Some((r, n));
            }
        }
        let mut parts = Vec::new();
        let mut isolated = 0;
        for c in 0..count {
            if sizes[c] < 2 {
                isolated += sizes[c];
                continue;
            }
            let dominant = best[c].filter(|&(_, n)| 2 * n > ties[c]).map(|(r, _)| {
                let e = &dataset.engagements[r];
                (e.name.to_string(), e.id.to_string())
            });
            parts.push((sizes[c], dominant));
        }
        (parts, isolated)
    }

    fn separate_components(&self) -> Option<Caveat> {
        let (parts, isolated) = self.parts();
        (parts.len() + isolated >= 2).then(|| Caveat::SeparateComponents {
            parts: parts.clone(),
            isolated: *isolated,
        })
    }

    /// The actors (positions) tied only by being listed as members,
    /// target groups or participants: their centrality reflects the lists.
    ///
    /// # Errors
    ///
    /// As [`Analysis::metric`] for the degree.
    pub fn listed_only_actors(&self) -> Result<Vec<usize>> {
        let graph = self.projection().two_mode();
        let degree = self.metric(Metric::Degree)?;
        Ok((0..self.actor_count())
            .filter(|&a| degree[a].as_f64().unwrap_or(0.0) > 0.0)
            .filter(|&a| {
                !graph.engagements_of(a).is_empty()
                    && graph.engagements_of(a).iter().all(|&e| {
                        graph
                            .role(e as usize, a as u32)
                            .is_some_and(|r| LISTED_ROLES.contains(&r))
                    })
            })
            .collect())
    }

    fn listed_only(&self) -> Result<Option<Caveat>> {
        let actors: Vec<(String, String)> = self
            .listed_only_actors()?
            .into_iter()
            .map(|a| (self.actor(a).id.to_string(), self.actor(a).name.to_string()))
            .collect();
        Ok((!actors.is_empty()).then_some(Caveat::ListedOnly { actors }))
    }
}
