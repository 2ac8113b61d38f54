//! Reach: the target groups and participants an actor's engagements name —
//! the figure funders ask for, kept apart from collaboration ties.
//!
//! An actor reaches the actors named as `target` or `participant` in the
//! engagements it coordinates or implements (engagements whose participants
//! all have the default role are not counted: they record co-participation,
//! not reach). Every kept participation counts, whatever the role rules.

use crate::graph::TwoModeGraph;
use std::collections::{BTreeMap, BTreeSet};

/// Roles whose participants are reached.
pub const REACHED_ROLES: &[&str] = &["target", "participant"];
/// Roles whose participants reach.
pub const REACHING_ROLES: &[&str] = &["coordinator", "implementer"];

/// Reach figures of a network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    /// Per actor position: distinct actors its engagements reach.
    pub per_actor: Vec<usize>,
    /// Every reached actor (dataset actor index), with the engagements
    /// (positions) that reach it.
    pub reached: BTreeMap<u32, BTreeSet<u32>>,
}

impl Reach {
    /// Reached actors, reaching engagements and actors per group value
    /// (`group(dataset actor index)`), in group order: (group, reached
    /// actors, engagements reaching them).
    pub fn by_group(&self, group: impl Fn(u32) -> String) -> Vec<(String, usize, usize)> {
        let mut rows: BTreeMap<String, (usize, BTreeSet<u32>)> = BTreeMap::new();
        for (&actor, engagements) in &self.reached {
            let row = rows.entry(group(actor)).or_default();
            row.0 += 1;
            row.1.extend(engagements);
        }
        rows.into_iter()
            .map(|(g, (actors, engagements))| (g, actors, engagements.len()))
            .collect()
    }
}

/// The reach of every actor of `graph`.
///
/// Complexity: O(P log P) for P kept participations.
pub(crate) fn reach(graph: &TwoModeGraph<'_>) -> Reach {
    let dataset = graph.dataset();
    let mut by_engagement: BTreeMap<u32, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    for &(e, actor, j) in graph.participations() {
        let engagement = graph.engagement(e as usize);
        if engagement
            .participants
            .iter()
            .all(|p| p.role == "participant")
        {
            continue;
        }
        let role = engagement.participants[j as usize].role.as_str();
        let entry = by_engagement.entry(e).or_default();
        if REACHING_ROLES.contains(&role) {
            entry.0.push(actor);
        } else if REACHED_ROLES.contains(&role) {
            entry.1.push(actor);
        }
    }
    let mut per_actor: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); graph.actor_count()];
    let mut reached: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    for (e, (reaching, targets)) in by_engagement {
        if targets.is_empty() || reaching.is_empty() {
            continue;
        }
        for &t in &targets {
            reached.entry(t).or_default().insert(e);
        }
        for a in reaching {
            if let Some(p) = graph.actor_position(&dataset.actors[a as usize].id) {
                per_actor[p].extend(targets.iter().filter(|&&t| t != a));
            }
        }
    }
    Reach {
        per_actor: per_actor.into_iter().map(|s| s.len()).collect(),
        reached,
    }
}
