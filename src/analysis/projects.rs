//! Projects and money, and what the filters left out, as results: the
//! top-level projects, the funding per actor, why an actor is not in the
//! network.

use super::Analysis;
use std::collections::{BTreeMap, BTreeSet};

/// Why an actor of the dataset is not in the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftOut {
    /// Its kind is not among the actor kinds kept.
    Kind,
    /// It takes part in no engagement and has no direct tie.
    Nothing,
    /// All its engagements are outside the time window or the kinds kept.
    Window,
    /// The role filter leaves out all its roles.
    Roles,
    /// It is only reached (target group or participant).
    Reached,
    /// Its other roles make no ties under the role rules.
    Rules,
}

impl LeftOut {
    /// The translation key of the reason.
    pub fn key(self) -> &'static str {
        match self {
            LeftOut::Kind => "left.kind",
            LeftOut::Nothing => "left.nothing",
            LeftOut::Window => "left.window",
            LeftOut::Roles => "left.roles",
            LeftOut::Reached => "left.reached",
            LeftOut::Rules => "left.rules",
        }
    }
}

/// Roles that lead a project's work.
const LEADS: &[&str] = &["coordinator", "implementer"];

impl<'a> Analysis<'a> {
    /// Why the dataset's actor `a` (index into `dataset.actors`) is not in
    /// the network, or `None` when it is.
    pub fn left_out(&self, a: usize) -> Option<LeftOut> {
        let dataset = self.dataset();
        let actor = &dataset.actors[a];
        let graph = self.projection().two_mode();
        if graph.actor_position(&actor.id).is_some() {
            return None;
        }
        let filter = graph.filter();
        if filter
            .actor_kinds
            .as_ref()
            .is_some_and(|k| !k.contains(actor.kind.as_str()))
        {
            return Some(LeftOut::Kind);
        }
        let kept: BTreeSet<&str> = (0..graph.engagement_count())
            .map(|e| graph.engagement(e).id.as_str())
            .collect();
        let roles: Vec<(&str, &str)> = dataset
            .engagements
            .iter()
            .flat_map(|e| {
                e.participants
                    .iter()
                    .filter(|p| p.actor == actor.id)
                    .map(move |p| (e.id.as_str(), p.role.as_str()))
            })
            .collect();
        Some(if roles.is_empty() {
            LeftOut::Nothing
        } else if !roles.iter().any(|(e, _)| kept.contains(e)) {
            LeftOut::Window
        } else if !roles.iter().any(|(_, r)| filter.roles.admits(r)) {
            LeftOut::Roles
        } else if roles
            .iter()
            .all(|(_, r)| ["target", "participant"].contains(r))
        {
            LeftOut::Reached
        } else {
            LeftOut::Rules
        })
    }

    /// The top-level engagements of the network (those not `part_of` a
    /// kept engagement), in id order, as positions.
    pub(crate) fn projects(&self) -> Vec<usize> {
        let graph = self.projection().two_mode();
        let kept: BTreeSet<&str> = (0..graph.engagement_count())
            .map(|e| graph.engagement(e).id.as_str())
            .collect();
        (0..graph.engagement_count())
            .filter(|&e| {
                graph
                    .engagement(e)
                    .part_of()
                    .is_none_or(|p| !kept.contains(p))
            })
            .collect()
    }

    /// The dataset's actors by id (ids are unique in a valid dataset), so
    /// that a table of many projects looks each participant up quickly.
    pub(crate) fn actor_index(&self) -> ActorIds<'a> {
        let dataset = self.dataset();
        let mut sorted: Vec<u32> = (0..dataset.actors.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| {
            dataset.actors[a as usize]
                .id
                .cmp(&dataset.actors[b as usize].id)
        });
        ActorIds { dataset, sorted }
    }

    /// Funding per actor: (dataset actor index, projects, involved €,
    /// share €) for actors that coordinate or implement a funded project.
    /// Involved: the full funding of those projects; share: each project's
    /// funding split equally among its coordinators and implementers.
    pub fn funding(&self) -> Vec<(usize, usize, f64, f64)> {
        let graph = self.projection().two_mode();
        let mut per: BTreeMap<usize, (usize, f64, f64)> = BTreeMap::new();
        let index = self.actor_index();
        for e in self.projects() {
            let engagement = graph.engagement(e);
            let Some(funding) = engagement.funding_eur() else {
                continue;
            };
            let leads: Vec<usize> = engagement
                .participants
                .iter()
                .filter(|p| LEADS.contains(&p.role.as_str()))
                .filter_map(|p| index.get(p.actor.as_str()))
                .collect();
            for &a in &leads {
                let row = per.entry(a).or_default();
                row.0 += 1;
                row.1 += funding;
                row.2 += funding / leads.len() as f64;
            }
        }
        let mut rows: Vec<(usize, usize, f64, f64)> =
            per.into_iter().map(|(a, (n, i, s))| (a, n, i, s)).collect();
        rows.sort_by(|x, y| y.3.total_cmp(&x.3).then(x.0.cmp(&y.0)));
        rows
    }
}

/// The dataset's actors by id: their indices in id order (4 bytes an
/// actor, where a map would take about 50), looked up by binary search.
pub(crate) struct ActorIds<'a> {
    dataset: &'a crate::model::Dataset,
    sorted: Vec<u32>,
}

impl ActorIds<'_> {
    /// The index of the actor with this id. O(log n).
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        self.sorted
            .binary_search_by(|&i| self.dataset.actors[i as usize].id.as_str().cmp(id))
            .ok()
            .map(|k| self.sorted[k] as usize)
    }
}
