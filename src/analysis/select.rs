//! Which actors a map shows: finding an actor by id or name (and saying
//! which filter removed it), its neighbourhood, the components of what is
//! shown.

use crate::analysis::{Analysis, LeftOut};
use crate::error::{Error, Result};
use crate::graph::{Csr, Weight};
use crate::text::fold;
use std::collections::VecDeque;

/// Actors within `radius` ties of `center`.
pub(crate) fn neighbourhood<W: Weight>(
    adjacency: &Csr<W>,
    center: usize,
    radius: usize,
) -> Vec<bool> {
    let mut keep = vec![false; adjacency.node_count()];
    let mut depth = vec![usize::MAX; adjacency.node_count()];
    let mut queue = VecDeque::from([center]);
    depth[center] = 0;
    keep[center] = true;
    while let Some(v) = queue.pop_front() {
        if depth[v] == radius {
            continue;
        }
        for &u in adjacency.neighbors(v) {
            if depth[u as usize] == usize::MAX {
                depth[u as usize] = depth[v] + 1;
                keep[u as usize] = true;
                queue.push_back(u as usize);
            }
        }
    }
    keep
}

/// The actors of `candidates` (index, id, name) that `query` names: its
/// id, its exact name, or an unambiguous prefix of its name (case- and
/// diacritic-insensitive).
fn matching<'n>(
    query: &str,
    candidates: impl Iterator<Item = (usize, &'n str, &'n str)> + Clone,
) -> Vec<usize> {
    if let Some((i, _, _)) = candidates.clone().find(|(_, id, _)| *id == query) {
        return vec![i];
    }
    let q = fold(query);
    let exact: Vec<usize> = candidates
        .clone()
        .filter(|(_, id, name)| fold(name) == q || fold(id) == q)
        .map(|c| c.0)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    candidates
        .filter(|(_, _, name)| !q.is_empty() && fold(name).starts_with(&q))
        .map(|c| c.0)
        .collect()
}

impl Analysis<'_> {
    /// The network position of the actor `query` names (id, exact name or
    /// unambiguous name prefix, case- and diacritic-insensitive). When the
    /// actor is in the dataset but not in the network, the error says which
    /// filter left it out.
    pub fn find_actor(&self, query: &str) -> Result<usize> {
        let found = matching(
            query,
            (0..self.actor_count())
                .map(|p| (p, self.actor(p).id.as_str(), self.actor(p).name.as_str())),
        );
        match found.as_slice() {
            [one] => return Ok(*one),
            [] => {}
            many => {
                let names: Vec<String> = many
                    .iter()
                    .take(5)
                    .map(|&p| format!("{} ({})", self.actor(p).name, self.actor(p).id))
                    .collect();
                return Err(Error::invalid(
                    "ego",
                    query,
                    format!("one actor; it matches {}", names.join(", ")),
                ));
            }
        }
        let dataset = self.dataset();
        let in_dataset = matching(
            query,
            dataset
                .actors
                .iter()
                .enumerate()
                .map(|(i, a)| (i, a.id.as_str(), a.name.as_str())),
        );
        let Some(&a) = in_dataset.first() else {
            return Err(Error::invalid(
                "ego",
                query,
                "the id or name of an actor of the dataset",
            ));
        };
        let actor = &dataset.actors[a];
        let roles = || {
            let roles: std::collections::BTreeSet<&str> = dataset
                .engagements
                .iter()
                .flat_map(|e| e.participants.iter())
                .filter(|p| p.actor == actor.id)
                .map(|p| p.role.as_str())
                .collect();
            roles.into_iter().collect::<Vec<_>>().join(", ")
        };
        let reason = match self.left_out(a) {
            Some(LeftOut::Kind) => format!(
                "its kind ({}) is not among the actor kinds kept",
                actor.kind
            ),
            Some(LeftOut::Nothing) => "it takes part in no engagement".to_string(),
            Some(LeftOut::Window) => {
                "its engagements are all outside the time window or the engagement kinds kept"
                    .to_string()
            }
            Some(LeftOut::Roles) => "its roles are all left out by the role filter".to_string(),
            Some(LeftOut::Reached | LeftOut::Rules) | None => format!(
                "its participations ({}) make no ties under the role rules (reach ties or a clique rule for those roles would bring it in)",
                roles()
            ),
        };
        Err(Error::invalid(
            "ego",
            query,
            format!(
                "an actor in the network: {} ({}) is in the dataset, but {reason}",
                actor.name, actor.id
            ),
        ))
    }

    /// The top-level engagement (following `part_of`) of engagement
    /// position `e`, as its dataset index. The table of roots is made once,
    /// in time linear in the engagements.
    pub(crate) fn root_engagement(&self, e: usize) -> usize {
        self.roots.get_or_init(|| {
            let dataset = self.dataset();
            // Parents are looked up by id: the map is made only when some
            // engagement has one.
            let mut index: std::collections::HashMap<&str, usize> = Default::default();
            if dataset.engagements.iter().any(|x| x.part_of().is_some()) {
                index.extend(
                    dataset
                        .engagements
                        .iter()
                        .enumerate()
                        .map(|(i, x)| (x.id.as_str(), i)),
                );
            }
            let parent = |i: usize| {
                dataset.engagements[i]
                    .part_of()
                    .and_then(|p| index.get(p).copied())
                    .filter(|&p| p != i)
            };
            // Root of every dataset engagement; a chain is walked once and
            // every engagement on it takes the root (valid data has no
            // cycles; a step limit keeps any input finite).
            let n = dataset.engagements.len();
            let mut root = vec![usize::MAX; n];
            for start in 0..n {
                let mut chain = vec![start];
                let mut current = start;
                let mut found = None;
                for _ in 0..n {
                    if root[current] != usize::MAX {
                        found = Some(root[current]);
                        break;
                    }
                    match parent(current) {
                        Some(p) => {
                            current = p;
                            chain.push(p);
                        }
                        None => break,
                    }
                }
                let r = found.unwrap_or(current);
                for c in chain {
                    if root[c] == usize::MAX {
                        root[c] = r;
                    }
                }
            }
            let graph = self.projection().two_mode();
            (0..graph.engagement_count())
                .map(|p| root[graph.engagement_index(p)])
                .collect()
        })[e]
    }
}

/// Components of the shown actors: a component number per actor.
pub(crate) fn shown_components<W: Weight>(adjacency: &Csr<W>, keep: &[bool]) -> Vec<usize> {
    let n = keep.len();
    let mut component = vec![usize::MAX; n];
    let mut next = 0;
    for s in 0..n {
        if !keep[s] || component[s] != usize::MAX {
            continue;
        }
        component[s] = next;
        let mut stack = vec![s];
        while let Some(v) = stack.pop() {
            for &u in adjacency.neighbors(v) {
                let u = u as usize;
                if keep[u] && component[u] == usize::MAX {
                    component[u] = next;
                    stack.push(u);
                }
            }
        }
        next += 1;
    }
    component
}

#[cfg(test)]
mod tests {
    use crate::{Analysis, AnalysisOptions};

    #[test]
    fn the_root_of_an_engagement_is_itself_or_its_top_parent() {
        // Engagement positions follow id order, dataset indices the file's.
        let without = r#"{"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
          "engagements": [{"id": "z", "name": "Z", "participants": [{"actor": "a"}, {"actor": "b"}]},
                          {"id": "m", "name": "M", "participants": [{"actor": "a"}, {"actor": "b"}]}]}"#;
        let (d, _) = crate::io::json::parse_dataset(without, "t").unwrap();
        let analysis = Analysis::new(&d, AnalysisOptions::default()).unwrap();
        let graph = analysis.projection().two_mode();
        let roots: Vec<&str> = (0..2)
            .map(|p| d.engagements[analysis.root_engagement(p)].id.as_str())
            .collect();
        assert_eq!(graph.engagement(0).id, "m");
        assert_eq!(roots, ["m", "z"]);

        let with = r#"{"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
          "engagements": [{"id": "z", "name": "Z", "participants": [{"actor": "a"}, {"actor": "b"}]},
                          {"id": "w", "name": "W", "part_of": "x", "participants": [{"actor": "a"}]},
                          {"id": "x", "name": "X", "part_of": "z", "participants": [{"actor": "b"}]}]}"#;
        let (d, _) = crate::io::json::parse_dataset(with, "t").unwrap();
        let analysis = Analysis::new(&d, AnalysisOptions::default()).unwrap();
        let roots: Vec<&str> = (0..3)
            .map(|p| d.engagements[analysis.root_engagement(p)].id.as_str())
            .collect();
        assert_eq!(roots, ["z", "z", "z"]);
    }
}
