//! The identity candidates of a dataset as a table a person reviews: one
//! row per actor, clusters numbered, an empty `decision` column to fill
//! in with `merge` (or leave), the evidence on each cluster's first row.
//! After them, the actors the import already made of differently written
//! names, one row per spelling, marked `merged`, so that a reviewer sees
//! every identity decision taken.

use crate::import::identities::{Candidate, Merged};
use crate::model::Dataset;
use crate::render::{Cell, Table};
use std::collections::HashMap;

/// The review table of `candidates`: `cluster`, `decision`, `id`, `name`,
/// `country`, `engagements` (the actor's own), `joined` (the cluster's),
/// `evidence`; then one cluster per `merged` actor.
pub fn identities_table(dataset: &Dataset, candidates: &[Candidate], merged: &[Merged]) -> Table {
    let mut engagements: HashMap<&str, usize> = HashMap::new();
    for e in &dataset.engagements {
        for p in &e.participants {
            *engagements.entry(p.actor.as_str()).or_default() += 1;
        }
    }
    let by_id: HashMap<&str, &crate::model::Actor> =
        dataset.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut table = Table::new(&[
        "cluster",
        "decision",
        "id",
        "name",
        "country",
        "engagements",
        "joined",
        "evidence",
    ]);
    for (c, candidate) in candidates.iter().enumerate() {
        for (i, id) in candidate.actors.iter().enumerate() {
            let actor = by_id.get(id.as_str());
            table.push(vec![
                (c + 1).into(),
                Cell::Empty,
                id.as_str().into(),
                actor.map_or(Cell::Empty, |a| a.name.as_str().into()),
                actor
                    .and_then(|a| a.attributes().get("country"))
                    .and_then(|v| v.as_str())
                    .map_or(Cell::Empty, Cell::from),
                engagements.get(id.as_str()).copied().unwrap_or(0).into(),
                candidate.engagements.into(),
                if i == 0 {
                    Cell::Text(candidate.evidence.join("; ").into())
                } else {
                    Cell::Empty
                },
            ]);
        }
    }
    for (m, actor) in merged.iter().enumerate() {
        let country = by_id
            .get(actor.actor.as_str())
            .and_then(|a| a.attributes().get("country"))
            .and_then(|v| v.as_str())
            .map_or(Cell::Empty, Cell::from);
        let own = engagements.get(actor.actor.as_str()).copied().unwrap_or(0);
        for (i, name) in actor.names.iter().enumerate() {
            table.push(vec![
                (candidates.len() + m + 1).into(),
                "merged".into(),
                actor.actor.as_str().into(),
                name.as_str().into(),
                country.clone(),
                own.into(),
                own.into(),
                if i == 0 {
                    Cell::Text(actor.evidence.as_str().into())
                } else {
                    Cell::Empty
                },
            ]);
        }
    }
    table
}
