//! Identity review for a human: which actors of a dataset may be one
//! organisation, with the evidence, and decisions applied reproducibly.
//!
//! Candidates come from three kinds of evidence: the same name apart from
//! case, spacing, punctuation, diacritics and company forms; one public body or
//! municipality of the register under two of its names (Finnish, Swedish,
//! English, abbreviations); and names nearly alike (normalised
//! Levenshtein similarity of 0.9 or more) within one country. Actors with
//! two different registry numbers (`business_id`) are never proposed, nor
//! are actors of two different countries.
//!
//! ```
//! use verkosto::import::identities::{apply, candidates};
//! let (dataset, _) = verkosto::io::json::parse_dataset(r#"{"name": "d",
//!   "actors": [{"id": "a", "name": "University of Oulu", "kind": "university"},
//!              {"id": "b", "name": "Oulun Yliopisto", "kind": "university"}],
//!   "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}]}]}"#,
//!   "d.json").unwrap();
//! let found = candidates(&dataset);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].actors, ["a", "b"]);
//! let merged = apply(&dataset, &[vec!["a".to_string(), "b".to_string()]]).unwrap();
//! assert_eq!(merged.actors.len(), 1);
//! ```

use crate::error::{Error, Result};
use crate::model::{Dataset, Participation, Problem};
use crate::text::fold;
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An actor the import already made of names that differ by more than
/// case, spacing or diacritics (an English and a Finnish name, a unit and
/// its organisation), listed for review next to the [`candidates`].
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The actor's id.
    pub actor: String,
    /// Its name, then each other spelling it was made of.
    pub names: Vec<String>,
    /// Why they are one.
    pub evidence: String,
}

/// The actors of `dataset` made of differently written names at import
/// (some alias with another bare key than its name), each with all its
/// spellings, in dataset order.
///
/// Complexity: O(a) for a aliases in all.
///
/// ```
/// use verkosto::import::identities::merged_at_import;
/// let (dataset, _) = verkosto::io::json::parse_dataset(r#"{"name": "d",
///   "actors": [{"id": "o", "name": "Oulun yliopisto", "kind": "university",
///               "aliases": ["University of Oulu", "OULUN YLIOPISTO"]}],
///   "engagements": []}"#, "d.json").unwrap();
/// let merged = merged_at_import(&dataset);
/// assert_eq!(merged[0].names, ["Oulun yliopisto", "University of Oulu", "OULUN YLIOPISTO"]);
/// ```
pub fn merged_at_import(dataset: &Dataset) -> Vec<Merged> {
    let bare = |n: &str| crate::text::bare(&super::identity::name_key(n));
    dataset
        .actors
        .iter()
        .filter_map(|actor| {
            let own = bare(&actor.name);
            if actor.aliases().iter().all(|a| bare(a) == own) {
                return None;
            }
            let others: Vec<String> = actor.aliases().iter().map(|a| a.to_string()).collect();
            let body = super::register::body_of(&actor.name);
            let evidence = match body {
                Some(b) if others.iter().all(|o| super::register::body_of(o).is_some_and(|x| x.name == b.name)) => {
                    format!("both names of {} (register)", b.name)
                }
                _ => "one organisation under these names in the source (register, unit or registry number)".to_string(),
            };
            let mut names = vec![actor.name.to_string()];
            names.extend(others);
            Some(Merged { actor: actor.id.to_string(), names, evidence })
        })
        .collect()
}

/// Names at least this alike (normalised Levenshtein) are proposed.
pub const SIMILAR: f64 = 0.9;

/// A token shared by more actors than this says nothing about identity.
const COMMON_TOKEN: usize = 40;

/// Actors that may be one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Their ids, sorted.
    pub actors: Vec<String>,
    /// Why they may be one, one line per pair of evidence.
    pub evidence: Vec<String>,
    /// How many engagements the merged actor would take part in.
    pub engagements: usize,
}

/// The country an actor is in (its attribute `country`), folded; empty
/// when not given.
fn country(dataset: &Dataset, a: usize) -> String {
    dataset.actors[a]
        .attributes()
        .get("country")
        .and_then(|v| v.as_str())
        .map(fold)
        .unwrap_or_default()
}

/// Whether actors `a` and `b` may be one: the same country (or one
/// unknown) and no two different registry numbers.
fn compatible(dataset: &Dataset, a: usize, b: usize) -> bool {
    let (ca, cb) = (country(dataset, a), country(dataset, b));
    let ids = (
        &dataset.actors[a].business_id(),
        &dataset.actors[b].business_id(),
    );
    (ca.is_empty() || cb.is_empty() || ca == cb) && !matches!(ids, (Some(x), Some(y)) if x != y)
}

/// The candidate clusters of `dataset`, largest evidence first (by the
/// engagements they would join, then by their first id).
///
/// Complexity: O(n log n) for the keys; the similarity is measured only
/// between actors of one country that share an uncommon word.
pub fn candidates(dataset: &Dataset) -> Vec<Candidate> {
    let mut evidence = Evidence::new();
    same_keys(dataset, &mut evidence);
    similar_names(dataset, &mut evidence);
    clusters(dataset, dataset.actors.len(), evidence)
}

/// Why pairs of actors (positions, smaller first) may be one: the first
/// reason found for each pair.
type Evidence = BTreeMap<(usize, usize), String>;

/// Records `why` `a` and `b` may be one, when they can be.
fn add(dataset: &Dataset, evidence: &mut Evidence, a: usize, b: usize, why: &str) {
    if a != b && compatible(dataset, a, b) {
        evidence
            .entry((a.min(b), a.max(b)))
            .or_insert_with(|| why.to_string());
    }
}

/// Pairs with a key in common: the bare name (or an alias), a register
/// body, a municipality or public body in one of its forms; the most
/// telling evidence first.
fn same_keys(dataset: &Dataset, evidence: &mut Evidence) {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (a, actor) in dataset.actors.iter().enumerate() {
        let mut keys = BTreeSet::new();
        let names =
            std::iter::once(actor.name.as_str()).chain(actor.aliases().iter().map(String::as_str));
        for name in names {
            keys.insert(format!(
                "name:{}",
                crate::text::bare(&super::identity::name_key(name))
            ));
            if let Some(body) = super::register::body_of(name) {
                keys.insert(format!("register:{}", body.name));
            }
            for k in super::identity::identity_keys(name) {
                keys.insert(format!("fi:{k}"));
            }
        }
        for key in keys {
            by_key.entry(key).or_default().push(a);
        }
    }
    let rank = |k: &str| match k.split_once(':').map(|(kind, _)| kind) {
        Some("register") => 0,
        Some("fi") => 1,
        _ => 2,
    };
    let mut keys: Vec<(&String, &Vec<usize>)> =
        by_key.iter().filter(|(_, v)| v.len() > 1).collect();
    keys.sort_by(|a, b| (rank(a.0), a).cmp(&(rank(b.0), b)));
    for (key, actors) in keys {
        let why = match key.split_once(':') {
            Some(("register", body)) => format!("both names of {body} (register)"),
            Some(("fi", _)) => "one municipality or public body in two forms".to_string(),
            _ => "the same name apart from case, spacing, punctuation, diacritics or company form"
                .to_string(),
        };
        for &b in &actors[1..] {
            add(dataset, evidence, actors[0], b, &why);
        }
    }
}

/// Pairs in one country whose names are at least [`SIMILAR`] alike,
/// compared only when they share an uncommon word.
fn similar_names(dataset: &Dataset, evidence: &mut Evidence) {
    let folded: Vec<String> = dataset
        .actors
        .iter()
        .map(|a| fold(&super::identity::name_key(&a.name)))
        .collect();
    let mut by_token: HashMap<&str, Vec<usize>> = HashMap::new();
    for (a, name) in folded.iter().enumerate() {
        let tokens: BTreeSet<&str> = name.split([' ', '-']).filter(|t| t.len() >= 4).collect();
        for t in tokens {
            by_token.entry(t).or_default().push(a);
        }
    }
    let mut tokens: Vec<(&&str, &Vec<usize>)> = by_token.iter().collect();
    tokens.sort();
    for (_, actors) in tokens {
        if actors.len() < 2 || actors.len() > COMMON_TOKEN {
            continue;
        }
        for (i, &a) in actors.iter().enumerate() {
            for &b in &actors[i + 1..] {
                if country(dataset, a) != country(dataset, b) {
                    continue;
                }
                let similarity = strsim::normalized_levenshtein(&folded[a], &folded[b]);
                if similarity >= SIMILAR {
                    let why = format!("names {} % alike", (similarity * 100.0).floor());
                    add(dataset, evidence, a, b, &why);
                }
            }
        }
    }
}

/// The pairs of `evidence` joined into clusters.
fn clusters(dataset: &Dataset, n: usize, evidence: Evidence) -> Vec<Candidate> {
    let mut sets = UnionFind::<usize>::new(n);
    for &(a, b) in evidence.keys() {
        sets.union(a, b);
    }
    let mut members: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut why: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for ((a, b), reason) in &evidence {
        let root = sets.find_mut(*a);
        members.entry(root).or_default().extend([*a, *b]);
        let (x, y) = (&dataset.actors[*a], &dataset.actors[*b]);
        why.entry(root)
            .or_default()
            .push(format!("{} ~ {}: {reason}", x.name, y.name));
    }
    let mut engagements_of: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (e, engagement) in dataset.engagements.iter().enumerate() {
        for p in &engagement.participants {
            engagements_of
                .entry(p.actor.as_str())
                .or_default()
                .insert(e);
        }
    }
    let mut out: Vec<Candidate> = members
        .into_iter()
        .map(|(root, actors)| {
            let mut ids: Vec<String> = actors
                .iter()
                .map(|&a| dataset.actors[a].id.to_string())
                .collect();
            ids.sort();
            let joined: BTreeSet<usize> = ids
                .iter()
                .flat_map(|id| {
                    engagements_of
                        .get(id.as_str())
                        .into_iter()
                        .flatten()
                        .copied()
                })
                .collect();
            Candidate {
                actors: ids,
                evidence: why.remove(&root).unwrap_or_default(),
                engagements: joined.len(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.engagements
            .cmp(&a.engagements)
            .then(a.actors.cmp(&b.actors))
    });
    out
}

/// Each merged actor's id → the id it is merged into, checked: every id
/// known, no actor in two merges, no two registry numbers in one.
fn plan(dataset: &Dataset, merges: &[Vec<String>]) -> Result<HashMap<String, String>> {
    let index: HashMap<&str, usize> = dataset
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut problems = Vec::new();
    let mut into: HashMap<String, String> = HashMap::new();
    for (g, group) in merges.iter().enumerate() {
        let place = format!("decision {}", g + 1);
        let known: Vec<&String> = group
            .iter()
            .filter(|id| index.contains_key(id.as_str()))
            .collect();
        for id in group.iter().filter(|id| !index.contains_key(id.as_str())) {
            problems.push(Problem::new(
                &place,
                format!("no actor {id:?} in the dataset"),
            ));
        }
        let ids: BTreeSet<&str> = known
            .iter()
            .filter_map(|id| dataset.actors[index[id.as_str()]].business_id())
            .collect();
        if ids.len() > 1 {
            problems.push(Problem::new(
                &place,
                format!(
                    "{} have different business ids ({}); two registry numbers are never one organisation",
                    group.join(", "),
                    ids.into_iter().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        let Some(kept) = known.first() else { continue };
        for id in &known[1..] {
            if into.insert(id.to_string(), kept.to_string()).is_some() {
                problems.push(Problem::new(&place, format!("{id:?} is in two merges")));
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Import { problems });
    }
    Ok(into)
}

/// `dataset` with each group of `merges` (actor ids) made one actor: the
/// first id of the group stays, with the others' names and aliases as its
/// aliases and their participations and ties; a participation in an
/// engagement the kept actor already has keeps the stronger role.
///
/// # Errors
///
/// [`Error::Import`] for an id the dataset lacks, an actor in two groups,
/// or a group joining two different registry numbers.
pub fn apply(dataset: &Dataset, merges: &[Vec<String>]) -> Result<Dataset> {
    let into = plan(dataset, merges)?;
    let target = |id: &str| into.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out = dataset.clone();
    let merged: Vec<crate::model::Actor> = out
        .actors
        .iter()
        .filter(|a| into.contains_key(a.id.as_str()))
        .cloned()
        .collect();
    out.actors.retain(|a| !into.contains_key(a.id.as_str()));
    for gone in merged {
        let kept_id = target(&gone.id);
        if let Some(kept) = out.actors.iter_mut().find(|a| a.id == kept_id) {
            let name = kept.name.clone();
            let gone_details = gone.details.map(|d| *d).unwrap_or_default();
            let details = kept.details_mut();
            details.aliases.push(gone.name.to_string());
            details.aliases.extend(gone_details.aliases);
            details.aliases.retain(|a| a != name.as_str());
            details.aliases.sort();
            details.aliases.dedup();
            details.business_id = details.business_id.take().or(gone_details.business_id);
            details.region = details.region.take().or(gone_details.region);
            for (k, v) in gone_details.attributes {
                details.attributes.entry(k).or_insert(v);
            }
        }
    }
    for engagement in &mut out.engagements {
        let mut roles: BTreeMap<String, String> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        for p in &engagement.participants {
            let id = target(&p.actor);
            match roles.get_mut(&id) {
                Some(role) => {
                    if super::registry::role_strength(&p.role)
                        > super::registry::role_strength(role)
                    {
                        *role = p.role.to_string();
                    }
                }
                None => {
                    roles.insert(id.clone(), p.role.to_string());
                    order.push(id);
                }
            }
        }
        engagement.participants = order
            .into_iter()
            .map(|id| Participation {
                role: roles[&id].as_str().into(),
                actor: id.into(),
            })
            .collect();
    }
    for tie in &mut out.ties {
        tie.source = target(&tie.source).into();
        tie.target = target(&tie.target).into();
    }
    out.ties.retain(|t| t.source != t.target);
    Ok(out)
}

/// Words of the `decision` column that merge (any case).
const MERGE_WORDS: &[&str] = &["merge", "yes", "yhdistä", "kyllä", "slå ihop", "ja", "x"];

/// The merges a reviewed list asks for: the list of [`candidates`] as a
/// table (CSV, or the first sheet of a workbook) with the columns
/// `cluster`, `decision` and `id`; the rows of a cluster whose decision is
/// `merge` (or `yes`, `yhdistä`, `slå ihop`, `x`) are one organisation,
/// the first of them kept; other decisions keep the actors apart.
///
/// # Errors
///
/// [`Error::Import`] when the table lacks one of the three columns.
pub fn read_decisions(path: &std::path::Path) -> Result<Vec<Vec<String>>> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let table = if xlsx {
        let (file, _, mut tables) = super::xlsx::read_sheets(path, &[None])?;
        tables.pop().flatten().ok_or_else(|| Error::Import {
            problems: vec![Problem::new(file, "no sheet")],
        })?
    } else {
        super::csv::Table::read(path, &Default::default(), &mut problems, &mut notes)?
    };
    if !problems.is_empty() {
        return Err(Error::Import { problems });
    }
    let column = |name: &str| table.header.iter().position(|h| h.trim() == name);
    let (Some(cluster), Some(decision), Some(id)) =
        (column("cluster"), column("decision"), column("id"))
    else {
        return Err(Error::Import {
            problems: vec![Problem::new(
                table.file.clone(),
                format!(
                    "expected the columns cluster, decision and id (as the list of candidates has them); the table has: {}",
                    table.header.join(", ")
                ),
            )],
        });
    };
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, row) in &table.rows {
        let said = row.get(decision).unwrap_or("").trim().to_lowercase();
        if MERGE_WORDS.contains(&said.as_str()) {
            groups
                .entry(row.get(cluster).unwrap_or("").trim().to_string())
                .or_default()
                .push(row.get(id).unwrap_or("").trim().to_string());
        }
    }
    Ok(groups.into_values().filter(|g| g.len() > 1).collect())
}
