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
    /// Every reached actor (dataset actor index) with each engagement
    /// (position) that reaches it, as pairs in ascending order, each once.
    pub reached: Vec<(u32, u32)>,
}

impl Reach {
    /// The reached actors (dataset actor indices), ascending, each once.
    pub fn reached_actors(&self) -> impl Iterator<Item = u32> + '_ {
        self.reached.chunk_by(|a, b| a.0 == b.0).map(|run| run[0].0)
    }

    /// The number of engagements that reach someone.
    pub fn reaching_engagements(&self) -> usize {
        let mut engagements: Vec<u32> = self.reached.iter().map(|p| p.1).collect();
        engagements.sort_unstable();
        engagements.dedup();
        engagements.len()
    }

    /// Reached actors, reaching engagements and actors per group value
    /// (`group(dataset actor index)`), in group order: (group, reached
    /// actors, engagements reaching them).
    pub fn by_group(&self, group: impl Fn(u32) -> String) -> Vec<(String, usize, usize)> {
        let mut rows: BTreeMap<String, (usize, BTreeSet<u32>)> = BTreeMap::new();
        for run in self.reached.chunk_by(|a, b| a.0 == b.0) {
            let row = rows.entry(group(run[0].0)).or_default();
            row.0 += 1;
            row.1.extend(run.iter().map(|p| p.1));
        }
        rows.into_iter()
            .map(|(g, (actors, engagements))| (g, actors, engagements.len()))
            .collect()
    }
}

/// The reach of every actor of `graph`.
///
/// Complexity: O(R log R) for the R (reaching actor, reached actor)
/// pairs over engagements, and O(P) for P kept participations; memory
/// for the pairs, found one engagement at a time.
pub(crate) fn reach(graph: &TwoModeGraph<'_>) -> Reach {
    let dataset = graph.dataset();
    // (reaching actor position, reached dataset actor) and (reached
    // dataset actor, engagement) pairs; sorted and made distinct below.
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut reached: Vec<(u32, u32)> = Vec::new();
    let (mut reaching, mut targets) = (Vec::new(), Vec::new());
    graph.visit_participations(|e, parts| {
        let engagement = graph.engagement(e as usize);
        if engagement
            .participants
            .iter()
            .all(|p| p.role == "participant")
        {
            return;
        }
        reaching.clear();
        targets.clear();
        for &(actor, j) in parts {
            let role = engagement.participants[j as usize].role.as_str();
            if REACHING_ROLES.contains(&role) {
                reaching.push(actor as u32);
            } else if REACHED_ROLES.contains(&role) {
                targets.push(actor as u32);
            }
        }
        if targets.is_empty() || reaching.is_empty() {
            return;
        }
        reached.extend(targets.iter().map(|&t| (t, e)));
        for &a in &reaching {
            if let Some(p) = graph.actor_position(&dataset.actors[a as usize].id) {
                pairs.extend(targets.iter().filter(|&&t| t != a).map(|&t| (p as u32, t)));
            }
        }
    });
    pairs.sort_unstable();
    pairs.dedup();
    let mut per_actor = vec![0; graph.actor_count()];
    for &(p, _) in &pairs {
        per_actor[p as usize] += 1;
    }
    reached.sort_unstable();
    reached.dedup();
    Reach { per_actor, reached }
}
