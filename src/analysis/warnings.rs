//! The caveats of an analysis (see [`crate::metrics::warning`]), computed
//! from its results.

use super::Analysis;
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::cohesion::components;
use crate::metrics::mixing::mixing;
use crate::metrics::warning::{small_groups, tied_ranking, Warning};
use crate::metrics::Metric;
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

/// A separate part of the network: its number of actors and the project
/// (name, id) that makes more than half of its ties, if one does.
pub type NetworkPart = (usize, Option<(String, String)>);

/// Parts of a network named one by one in the `separate_components`
/// caveat; smaller ones are counted together.
const MAX_PARTS_NAMED: usize = 8;

impl Analysis<'_> {
    /// The caveats of the network as a whole: one engagement making most
    /// ties, separate components (each named by the project that forms it
    /// when one dominates), groups too small for a density, and actors
    /// whose every tie comes from being listed (member, target group,
    /// participant).
    ///
    /// Needs no path search: the caveats that travel with a table cost what
    /// the table's own metrics cost.
    pub(super) fn network_warnings(&self, lang: Lang) -> Result<Vec<Warning>> {
        let mut out = Vec::new();
        out.extend(self.dominant_engagement(lang));
        out.extend(self.separate_components(lang));
        let groups = self.groups();
        let mixed = mixing(self.adjacency(), &groups.names, &groups.index);
        let sizes: Vec<(String, usize)> = mixed
            .groups
            .iter()
            .cloned()
            .zip(mixed.sizes.iter().copied())
            .collect();
        out.extend(small_groups(&self.options().group, &sizes, lang));
        out.extend(self.listed_only(lang)?);
        out.extend(self.open_ended(lang));
        Ok(out)
    }

    /// `open_ended`: with a time window set, the kept engagements that have
    /// no end date (of their own, by their kind or from what they are part
    /// of) and so count as running to this day.
    fn open_ended(&self, lang: Lang) -> Option<Warning> {
        let graph = self.projection().two_mode();
        let filter = graph.filter();
        if filter.from.is_none() && filter.to.is_none() {
            return None;
        }
        let open: Vec<String> = (0..graph.engagement_count())
            .filter(|&e| graph.dates(e).1.is_none() && !graph.members(e).is_empty())
            .map(|e| graph.engagement(e).id.to_string())
            .collect();
        if open.is_empty() {
            return None;
        }
        let shown: Vec<&str> = open.iter().take(10).map(String::as_str).collect();
        let more = if open.len() > shown.len() {
            ", …"
        } else {
            ""
        };
        Some(Warning {
            code: "open_ended",
            message: lang
                .text("warn.open_ended")
                .replace("{n}", &lang.integer(open.len() as i64))
                .replace("{list}", &format!("{}{more}", shown.join(", "))),
            subjects: open,
        })
    }

    /// Every caveat of the network and of the rankings by `metrics` (those
    /// among the centralities), for tables and reports, in English.
    pub fn warnings(&self, metrics: &[Metric]) -> Result<Vec<Warning>> {
        self.warnings_in(metrics, Lang::En)
    }

    /// [`Analysis::warnings`] in `lang`.
    pub fn warnings_in(&self, metrics: &[Metric], lang: Lang) -> Result<Vec<Warning>> {
        let mut out = self.network_warnings(lang)?;
        out.extend(self.ranking_warnings(metrics, lang)?);
        if let Ok(list) = self.unconverged.lock() {
            out.extend(list.iter().cloned());
        }
        Ok(out)
    }

    /// `tied_ranking` caveats for the centralities among `metrics`.
    pub fn ranking_warnings(&self, metrics: &[Metric], lang: Lang) -> Result<Vec<Warning>> {
        let mut out = Vec::new();
        for &m in RANKED.iter().filter(|m| metrics.contains(m)) {
            let name = lang
                .lookup(&format!("metric.{}", m.name()))
                .unwrap_or(m.name());
            out.extend(tied_ranking(name, &self.scores(m)?, lang));
        }
        Ok(out)
    }

    /// The engagement that makes more than half of the ties, if one does
    /// (and the network has ties from more than one): (count, engagement
    /// position, translation key of how it makes them: its member list,
    /// its target group, or "").
    pub(super) fn dominant(&self) -> Option<(usize, usize, &'static str)> {
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
            Some((&"member", &n)) if 2 * n > count => "finding.member_list",
            Some((&"target", &n)) if 2 * n > count => "finding.target_list",
            _ => "",
        };
        Some((count, e as usize, how))
    }

    fn dominant_engagement(&self, lang: Lang) -> Option<Warning> {
        let (count, e, how) = self.dominant()?;
        let engagement = self.projection().two_mode().engagement(e);
        Some(Warning {
            code: "dominant_engagement",
            message: lang
                .text("warn.dominant")
                .replace("{count}", &lang.integer(count as i64))
                .replace(
                    "{ties}",
                    &lang.integer(self.projection().tie_count() as i64),
                )
                .replace("{how}", if how.is_empty() { "" } else { lang.text(how) })
                .replace(
                    "{project}",
                    &format!("{} ({})", engagement.name, engagement.id),
                ),
            subjects: vec![engagement.id.to_string()],
        })
    }

    /// The separate parts of the network: for each with two or more
    /// actors, its size and the project (name, id) that makes more than
    /// half of its ties, if one does; largest first; and the number of
    /// actors without ties.
    pub fn parts(&self) -> (Vec<NetworkPart>, usize) {
        let labels = components(self.adjacency());
        let count = labels.iter().max().map_or(0, |m| m + 1);
        let dataset = self.dataset();
        let projection = self.projection();
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
                .map(|&e| self.root_engagement(e as usize))
                .collect();
            for r in roots {
                by_root[c]
                    .entry(dataset.engagements[r].id.as_str())
                    .or_insert((r, 0))
                    .1 += 1;
            }
        }
        let mut parts = Vec::new();
        let mut isolated = 0;
        for c in 0..count {
            if sizes[c] < 2 {
                isolated += sizes[c];
                continue;
            }
            let dominant = by_root[c]
                .iter()
                .max_by(|a, b| a.1 .1.cmp(&b.1 .1).then(b.0.cmp(a.0)))
                .filter(|(_, (_, n))| 2 * *n > ties[c])
                .map(|(_, &(r, _))| {
                    let e = &dataset.engagements[r];
                    (e.name.to_string(), e.id.to_string())
                });
            parts.push((sizes[c], dominant));
        }
        (parts, isolated)
    }

    fn separate_components(&self, lang: Lang) -> Option<Warning> {
        let (parts, isolated) = self.parts();
        let count = parts.len() + isolated;
        if count < 2 {
            return None;
        }
        let mut text = Vec::new();
        let mut subjects = Vec::new();
        // The largest parts by name; the rest counted, so that the
        // caveat stays a sentence on any network.
        let (named, rest) = parts.split_at(parts.len().min(MAX_PARTS_NAMED));
        for (size, project) in named {
            let n = lang.integer(*size as i64);
            match project {
                Some((name, id)) => {
                    text.push(
                        lang.text("finding.part")
                            .replace("{n}", &n)
                            .replace("{project}", &format!("{name} ({id})")),
                    );
                    subjects.push(id.clone());
                }
                None => text.push(lang.text("finding.part_mixed").replace("{n}", &n)),
            }
        }
        if !rest.is_empty() {
            let actors: usize = rest.iter().map(|(size, _)| size).sum();
            text.push(
                lang.text("finding.more_parts")
                    .replace("{k}", &lang.integer(rest.len() as i64))
                    .replace("{n}", &lang.integer(actors as i64)),
            );
        }
        if isolated > 0 {
            text.push(
                lang.text("finding.isolated")
                    .replace("{n}", &lang.integer(isolated as i64)),
            );
        }
        Some(Warning {
            code: "separate_components",
            message: lang
                .text("warn.components")
                .replace("{k}", &lang.integer(count as i64))
                .replace("{list}", &text.join("; ")),
            subjects,
        })
    }

    fn listed_only(&self, lang: Lang) -> Result<Option<Warning>> {
        let graph = self.projection().two_mode();
        let degree = self.metric(Metric::Degree)?;
        let listed: Vec<usize> = (0..self.actor_count())
            .filter(|&a| degree[a].as_f64().unwrap_or(0.0) > 0.0)
            .filter(|&a| {
                !graph.engagements_of(a).is_empty()
                    && graph.engagements_of(a).iter().all(|&e| {
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
            .map(|&a| self.actor(a).name.to_string())
            .collect();
        Ok(Some(Warning {
            code: "listed_only_centrality",
            message: lang
                .text("warn.listed_only")
                .replace("{n}", &lang.integer(listed.len() as i64))
                .replace(
                    "{names}",
                    &format!(
                        "{}{}",
                        names.join(", "),
                        if listed.len() > 5 { ", …" } else { "" }
                    ),
                ),
            subjects: listed
                .iter()
                .map(|&a| self.actor(a).id.to_string())
                .collect(),
        }))
    }
}
