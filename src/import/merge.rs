//! Merging datasets: one actor per organisation and one engagement per
//! project across every input, nothing lost.
//!
//! Actors are matched by business id, then by normalised name (with the
//! long, short, inflected and Swedish forms of
//! [`identity_keys`]), then by alias; engagements by id (the project
//! code), then by normalised name with overlapping dates. Two elements of
//! the same input are never merged with each other.
//!
//! Where matched elements disagree (two kinds, two dates), the value most
//! inputs give is kept (on a tie, the first in a fixed order of the
//! elements that does not depend on the order of the inputs) and the
//! others are kept in a `conflicts` attribute, `field: value (origin)`
//! separated by ` | `, and reported. So merging a dataset into itself
//! changes nothing, and the order of the inputs changes only the order of
//! the `conflicts` entries and of the report.

use super::identity::{identity_keys, name_key};
use super::registry::role_strength;
use crate::error::{Error, Result};
use crate::model::{validate, Actor, CompactString, Dataset, Engagement, Participation, Tie};
use petgraph::unionfind::UnionFind;
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The attribute that holds the values a merge did not keep.
pub const CONFLICTS: &str = "conflicts";
const SEPARATOR: &str = " | ";

/// One input: where it came from (a file name, for the conflicts note)
/// and the dataset.
#[derive(Debug, Clone)]
pub struct MergeInput {
    /// The file or other origin, as named in `conflicts`.
    pub origin: String,
    /// The dataset.
    pub dataset: Dataset,
}

/// An element of an input: (input, index in it).
type Item = (usize, usize);

/// Union–find over items that never puts two items of one input together,
/// nor two items with different business ids.
struct Groups {
    sets: UnionFind<usize>,
    inputs: Vec<HashSet<usize>>,
    business_ids: Vec<HashSet<String>>,
}

impl Groups {
    fn new(items: &[Item]) -> Groups {
        Groups {
            sets: UnionFind::new(items.len()),
            inputs: items.iter().map(|&(k, _)| HashSet::from([k])).collect(),
            business_ids: vec![HashSet::new(); items.len()],
        }
    }

    /// Items with these business ids (one per item, if any) are never
    /// joined to items with other ones.
    fn with_business_ids(mut self, ids: impl Iterator<Item = Option<String>>) -> Groups {
        for (i, id) in ids.enumerate() {
            self.business_ids[i].extend(id);
        }
        self
    }

    /// Joins the groups of `a` and `b` unless they share an input.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.sets.find_mut(a), self.sets.find_mut(b));
        let (ba, bb) = (&self.business_ids[ra], &self.business_ids[rb]);
        let other_business = !ba.is_empty() && !bb.is_empty() && ba.is_disjoint(bb);
        if ra == rb || !self.inputs[ra].is_disjoint(&self.inputs[rb]) || other_business {
            return;
        }
        self.sets.union(ra, rb);
        let keep = self.sets.find_mut(ra);
        let gone = if keep == ra { rb } else { ra };
        let moved = std::mem::take(&mut self.inputs[gone]);
        self.inputs[keep].extend(moved);
        let moved = std::mem::take(&mut self.business_ids[gone]);
        self.business_ids[keep].extend(moved);
    }

    /// Joins, key class by key class, the items that share a key; within a
    /// class keys are taken in sorted order and items in `order`.
    fn join_by(&mut self, classes: &[BTreeMap<String, Vec<usize>>]) {
        for class in classes {
            for members in class.values() {
                for &other in &members[1..] {
                    self.join(members[0], other);
                }
            }
        }
    }

    /// The groups, each its items in the order given.
    fn collect(mut self, order: &[usize]) -> Vec<Vec<usize>> {
        let mut by_root: HashMap<usize, usize> = HashMap::new();
        let mut out: Vec<Vec<usize>> = Vec::new();
        for &i in order {
            let r = self.sets.find_mut(i);
            let g = *by_root.entry(r).or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
            out[g].push(i);
        }
        out
    }
}

/// The items of every input, sorted by their JSON text: an order that does
/// not depend on the order of the inputs.
fn canonical<T: serde::Serialize>(items: &[Item], get: impl Fn(Item) -> T) -> Vec<usize> {
    let texts: Vec<String> = items
        .iter()
        .map(|&it| serde_json::to_string(&get(it)).unwrap_or_default())
        .collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| texts[a].cmp(&texts[b]).then(a.cmp(&b)));
    order
}

/// Sorts groups by the earliest relative position of their items in their
/// inputs (item `i` of `n` at `i/n`), compared exactly: an input's order
/// is kept, and interleaving does not depend on the order of the inputs.
fn sort_by_position(
    groups: &mut [Vec<usize>],
    items: &[Item],
    lengths: &[usize],
    tie: impl Fn(&[usize], &[usize]) -> Ordering,
) {
    let position = |group: &[usize]| -> (u128, u128) {
        group
            .iter()
            .map(|&i| {
                let (k, j) = items[i];
                (j as u128, lengths[k].max(1) as u128)
            })
            .min_by(|a, b| (a.0 * b.1).cmp(&(b.0 * a.1)))
            .unwrap_or((0, 1))
    };
    groups.sort_by(|a, b| {
        let (pa, pb) = (position(a), position(b));
        (pa.0 * pb.1).cmp(&(pb.0 * pa.1)).then_with(|| tie(a, b))
    });
}

/// The kept value of a field among a group's members (in canonical
/// order): the most common present value, on a tie the first; `weak`
/// values (such as the kind `other`) only when nothing else is given.
/// Returns the value and the others with their origins.
fn choose<T: PartialEq + Clone>(
    values: &[(Option<T>, usize)],
    weak: impl Fn(&T) -> bool,
) -> (Option<T>, Vec<(T, usize)>) {
    let present: Vec<&(Option<T>, usize)> = values.iter().filter(|(v, _)| v.is_some()).collect();
    let strong: Vec<&&(Option<T>, usize)> = present
        .iter()
        .filter(|(v, _)| !weak(v.as_ref().expect("present")))
        .collect();
    let pool: Vec<&T> = if strong.is_empty() {
        present
            .iter()
            .map(|(v, _)| v.as_ref().expect("present"))
            .collect()
    } else {
        strong
            .iter()
            .map(|(v, _)| v.as_ref().expect("present"))
            .collect()
    };
    let mut best: Option<(&T, usize)> = None;
    for v in &pool {
        let count = pool.iter().filter(|w| *w == v).count();
        if best.is_none_or(|(_, c)| count > c) {
            best = Some((v, count));
        }
    }
    let kept = best.map(|(v, _)| v.clone());
    let mut others: Vec<(T, usize)> = Vec::new();
    for (v, input) in present {
        let v = v.as_ref().expect("present");
        if Some(v) != kept.as_ref() && !others.iter().any(|(o, k)| o == v && k == input) {
            others.push((v.clone(), *input));
        }
    }
    (kept, others)
}

/// The entries of the `conflicts` attribute in `attributes`, if any.
fn conflict_entries(attributes: &BTreeMap<String, Value>) -> impl Iterator<Item = &str> {
    attributes
        .get(CONFLICTS)
        .and_then(Value::as_str)
        .into_iter()
        .flat_map(|text| text.split(SEPARATOR))
}

/// Collects the `conflicts` entries of one element and the report lines.
struct Conflicts<'a> {
    origins: &'a [String],
    entries: Vec<(usize, String)>,
}

impl<'a> Conflicts<'a> {
    fn new(origins: &'a [String]) -> Self {
        Conflicts {
            origins,
            entries: Vec::new(),
        }
    }

    fn add<T: std::fmt::Display>(&mut self, field: &str, others: Vec<(T, usize)>) {
        for (value, input) in others {
            self.entries
                .push((input, format!("{field}: {value} ({})", self.origins[input])));
        }
    }

    /// Writes the entries (in input order) into `attributes`, after those
    /// it already holds; returns the new ones for the report.
    fn store(mut self, attributes: &mut BTreeMap<String, Value>) -> Vec<String> {
        self.entries.sort_by_key(|(input, _)| *input);
        let mut all: Vec<String> = conflict_entries(attributes).map(String::from).collect();
        let mut new = Vec::new();
        for (_, entry) in self.entries {
            if !all.contains(&entry) {
                all.push(entry.clone());
                new.push(entry);
            }
        }
        if !all.is_empty() {
            attributes.insert(CONFLICTS.into(), Value::String(all.join(SEPARATOR)));
        }
        new
    }
}

/// Attributes of a group's members: every key, the kept value chosen as
/// for fields, `conflicts` joined.
fn merge_attributes(
    members: &[(&BTreeMap<String, Value>, usize)],
    conflicts: &mut Conflicts<'_>,
) -> BTreeMap<String, Value> {
    let mut keys: Vec<&String> = members.iter().flat_map(|(a, _)| a.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = BTreeMap::new();
    for key in keys {
        if key == CONFLICTS {
            let mut all: Vec<String> = Vec::new();
            for entry in members.iter().flat_map(|(a, _)| conflict_entries(a)) {
                if !all.iter().any(|e| e == entry) {
                    all.push(entry.to_string());
                }
            }
            out.insert(key.clone(), Value::String(all.join(SEPARATOR)));
            continue;
        }
        let values: Vec<(Option<Value>, usize)> = members
            .iter()
            .map(|(a, k)| (a.get(key).cloned(), *k))
            .collect();
        let (kept, others) = choose(&values, |_| false);
        conflicts.add(key, others);
        if let Some(v) = kept {
            out.insert(key.clone(), v);
        }
    }
    out
}

/// Unique ids: each group takes the smallest id of its members, or that id
/// with `-2`, `-3`… when an earlier group took it.
fn unique_ids(wanted: Vec<String>) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(wanted.len());
    for id in wanted {
        let mut candidate = id.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

/// Merges the inputs into one validated dataset.
///
/// # Arguments
///
/// * `inputs` – the datasets with their origins.
/// * `name` – the merged dataset's name; by default the inputs' name when
///   they share one, else their names in sorted order joined by ` + `.
///
/// # Returns
///
/// The dataset and one line per value that was not kept
/// (`actor oulu: kind: other (b.json)`).
///
/// # Complexity
///
/// O(N log N) in the number of actors, engagements, participations and
/// ties of all inputs, plus the names and aliases.
///
/// # Examples
///
/// ```
/// use verkosto::import::merge::{merge, MergeInput};
/// use verkosto::io::json::parse_dataset;
/// let (a, _) = parse_dataset(r#"{"name": "A", "actors": [
///     {"id": "hki", "name": "Helsingin kaupunki", "kind": "municipality"}],
///     "engagements": []}"#, "a.json").unwrap();
/// let (b, _) = parse_dataset(r#"{"name": "A", "actors": [
///     {"id": "helsinki", "name": "Helsinki", "kind": "other"}],
///     "engagements": []}"#, "b.json").unwrap();
/// let inputs = [
///     MergeInput { origin: "a.json".into(), dataset: a.clone() },
///     MergeInput { origin: "b.json".into(), dataset: b },
/// ];
/// let (merged, report) = merge(&inputs, None).unwrap();
/// assert_eq!(merged.actors.len(), 1);
/// assert_eq!(merged.actors[0].kind, "municipality");
/// assert_eq!(report.len(), 1, "{report:?}");
/// // A dataset merged with itself is unchanged.
/// let same = [
///     MergeInput { origin: "a.json".into(), dataset: a.clone() },
///     MergeInput { origin: "a.json".into(), dataset: a.clone() },
/// ];
/// assert_eq!(merge(&same, None).unwrap().0.to_json(), a.to_json());
/// ```
pub fn merge(inputs: &[MergeInput], name: Option<&str>) -> Result<(Dataset, Vec<String>)> {
    let origins: Vec<String> = inputs.iter().map(|i| i.origin.clone()).collect();
    let mut report = Vec::new();

    // Actors.
    let actor_items: Vec<Item> = inputs
        .iter()
        .enumerate()
        .flat_map(|(k, input)| (0..input.dataset.actors.len()).map(move |i| (k, i)))
        .collect();
    let actor = |(k, i): Item| &inputs[k].dataset.actors[i];
    let order = canonical(&actor_items, actor);
    let mut classes: Vec<BTreeMap<String, Vec<usize>>> = vec![BTreeMap::new(); 4];
    for &n in &order {
        let a = actor(actor_items[n]);
        classes[0]
            .entry(format!("{}\u{0}{}", a.id, a.name))
            .or_default()
            .push(n);
        if let Some(bid) = a.business_id() {
            classes[1]
                .entry(bid.trim().to_string())
                .or_default()
                .push(n);
        }
        for key in identity_keys(&a.name) {
            classes[2].entry(key).or_default().push(n);
        }
        for alias in a.aliases() {
            for key in identity_keys(alias) {
                classes[3].entry(key).or_default().push(n);
            }
        }
    }
    let mut groups = Groups::new(&actor_items).with_business_ids(
        actor_items
            .iter()
            .map(|&it| actor(it).business_id().map(|b| b.trim().to_string())),
    );
    groups.join_by(&classes);
    let mut actor_groups = groups.collect(&order);
    let lengths: Vec<usize> = inputs.iter().map(|i| i.dataset.actors.len()).collect();
    let smallest_id = |g: &[usize]| -> String {
        g.iter()
            .map(|&n| actor(actor_items[n]).id.clone())
            .min()
            .unwrap_or_default()
            .to_string()
    };
    sort_by_position(&mut actor_groups, &actor_items, &lengths, |a, b| {
        smallest_id(a).cmp(&smallest_id(b))
    });
    let actor_ids = unique_ids(actor_groups.iter().map(|g| smallest_id(g)).collect());
    // (input, old id) → new id.
    let mut actor_map: HashMap<(usize, String), String> = HashMap::new();
    let mut actors = Vec::with_capacity(actor_groups.len());
    for (group, id) in actor_groups.iter().zip(&actor_ids) {
        let members: Vec<(&Actor, usize)> = group
            .iter()
            .map(|&n| (actor(actor_items[n]), actor_items[n].0))
            .collect();
        for (a, k) in &members {
            actor_map.insert((*k, a.id.to_string()), id.clone());
        }
        let mut conflicts = Conflicts::new(&origins);
        let field = |get: &dyn Fn(&Actor) -> Option<String>| -> Vec<(Option<String>, usize)> {
            members.iter().map(|(a, k)| (get(a), *k)).collect()
        };
        let (name, _) = choose(&field(&|a| Some(a.name.to_string())), |_| false);
        let name = name.unwrap_or_default();
        let (kind, others) = choose(&field(&|a| Some(a.kind.to_string())), |k| k == "other");
        conflicts.add("kind", others);
        let (business_id, others) =
            choose(&field(&|a| a.business_id().map(|s| s.to_string())), |_| {
                false
            });
        conflicts.add("business_id", others);
        let (region, others) = choose(&field(&|a| a.region().map(|s| s.to_string())), |_| false);
        conflicts.add("region", others);
        // Every other name is an alias.
        let mut aliases: Vec<String> = Vec::new();
        for (a, _) in &members {
            for n in std::iter::once(a.name.as_str()).chain(a.aliases().iter().map(String::as_str))
            {
                if n != name && !aliases.iter().any(|x| x == n) {
                    aliases.push(n.to_string());
                }
            }
        }
        let attribute_members: Vec<(&BTreeMap<String, Value>, usize)> =
            members.iter().map(|(a, k)| (a.attributes(), *k)).collect();
        let mut attributes = merge_attributes(&attribute_members, &mut conflicts);
        for line in conflicts.store(&mut attributes) {
            report.push(format!("actor {id}: {line}"));
        }
        actors.push(Actor {
            id: id.clone().into(),
            name: name.into(),
            kind: kind.unwrap_or_else(|| "other".into()).into(),
            details: crate::model::ActorDetails {
                business_id: business_id.map(Into::into),
                region: region.map(Into::into),
                aliases,
                attributes,
            }
            .boxed(),
        });
    }

    // Engagements.
    let engagement_items: Vec<Item> = inputs
        .iter()
        .enumerate()
        .flat_map(|(k, input)| (0..input.dataset.engagements.len()).map(move |i| (k, i)))
        .collect();
    let engagement = |(k, i): Item| &inputs[k].dataset.engagements[i];
    let order = canonical(&engagement_items, engagement);
    let mut classes: Vec<BTreeMap<String, Vec<usize>>> = vec![BTreeMap::new(); 2];
    for &n in &order {
        let e = engagement(engagement_items[n]);
        classes[0].entry(e.id.to_string()).or_default().push(n);
    }
    let mut groups = Groups::new(&engagement_items);
    groups.join_by(&classes);
    // Then by name, when the dates overlap (undated counts as overlapping).
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &n in &order {
        by_name
            .entry(name_key(&engagement(engagement_items[n]).name))
            .or_default()
            .push(n);
    }
    for members in by_name.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let (ea, eb) = (
                    engagement(engagement_items[a]),
                    engagement(engagement_items[b]),
                );
                let overlaps = match (ea.start, ea.end, eb.start, eb.end) {
                    (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
                    _ => true,
                };
                if overlaps {
                    groups.join(a, b);
                }
            }
        }
    }
    let mut engagement_groups = groups.collect(&order);
    let lengths: Vec<usize> = inputs.iter().map(|i| i.dataset.engagements.len()).collect();
    let smallest_id = |g: &[usize]| -> String {
        g.iter()
            .map(|&n| engagement(engagement_items[n]).id.clone())
            .min()
            .unwrap_or_default()
            .to_string()
    };
    sort_by_position(
        &mut engagement_groups,
        &engagement_items,
        &lengths,
        |a, b| smallest_id(a).cmp(&smallest_id(b)),
    );
    let engagement_ids = unique_ids(engagement_groups.iter().map(|g| smallest_id(g)).collect());
    let mut engagement_map: HashMap<(usize, String), String> = HashMap::new();
    for (group, id) in engagement_groups.iter().zip(&engagement_ids) {
        for &n in group {
            let (k, _) = engagement_items[n];
            engagement_map.insert(
                (k, engagement(engagement_items[n]).id.to_string()),
                id.clone(),
            );
        }
    }
    let mut engagements = Vec::with_capacity(engagement_groups.len());
    for (group, id) in engagement_groups.iter().zip(&engagement_ids) {
        let members: Vec<(&Engagement, usize)> = group
            .iter()
            .map(|&n| (engagement(engagement_items[n]), engagement_items[n].0))
            .collect();
        let mut conflicts = Conflicts::new(&origins);
        let field = |get: &dyn Fn(&Engagement) -> Option<String>| -> Vec<(Option<String>, usize)> {
            members.iter().map(|(e, k)| (get(e), *k)).collect()
        };
        // A name that is only the engagement's code (what an importer
        // gives an engagement whose name cell is empty) never wins over a
        // real name.
        let codes: Vec<String> = members.iter().map(|(e, _)| e.id.to_string()).collect();
        let (name, others) = choose(&field(&|e| Some(e.name.to_string())), |n| codes.contains(n));
        conflicts.add("name", others);
        let (kind, others) = choose(&field(&|e| Some(e.kind.to_string())), |_| false);
        conflicts.add("kind", others);
        let day = |get: fn(&Engagement) -> Option<crate::model::Date>| {
            members
                .iter()
                .map(|(e, k)| (get(e), *k))
                .collect::<Vec<_>>()
        };
        let (start, others) = choose(&day(|e| e.start), |_| false);
        conflicts.add("start", others);
        let (end, others) = choose(&day(|e| e.end), |_| false);
        conflicts.add("end", others);
        let funding: Vec<(Option<String>, usize)> = members
            .iter()
            .map(|(e, k)| (e.funding_eur().map(|f| f.to_string()), *k))
            .collect();
        let (funding, others) = choose(&funding, |_| false);
        conflicts.add("funding_eur", others);
        let parents: Vec<(Option<String>, usize)> = members
            .iter()
            .map(|(e, k)| {
                let mapped = e.part_of().map(|p| {
                    engagement_map
                        .get(&(*k, p.to_string()))
                        .cloned()
                        .unwrap_or_else(|| p.to_string())
                });
                (mapped, *k)
            })
            .collect();
        let (part_of, others) = choose(&parents, |_| false);
        conflicts.add("part_of", others);
        // Participants: every actor once, with its strongest role.
        let mut participants: Vec<Participation> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for (e, k) in &members {
            for p in &e.participants {
                let actor = actor_map
                    .get(&(*k, p.actor.to_string()))
                    .cloned()
                    .unwrap_or_else(|| p.actor.to_string());
                match at.get(&actor) {
                    Some(&i) => {
                        if role_strength(&p.role) > role_strength(&participants[i].role) {
                            report.push(format!(
                                "engagement {id}: {actor} roles merged: {} → {} ({})",
                                participants[i].role, p.role, origins[*k]
                            ));
                            participants[i].role = p.role;
                        }
                    }
                    None => {
                        at.insert(actor.clone(), participants.len());
                        participants.push(Participation {
                            actor: actor.into(),
                            role: p.role,
                        });
                    }
                }
            }
        }
        let attribute_members: Vec<(&BTreeMap<String, Value>, usize)> =
            members.iter().map(|(e, k)| (e.attributes(), *k)).collect();
        let mut attributes = merge_attributes(&attribute_members, &mut conflicts);
        for line in conflicts.store(&mut attributes) {
            report.push(format!("engagement {id}: {line}"));
        }
        engagements.push(Engagement {
            id: id.clone().into(),
            name: name.unwrap_or_default().into(),
            kind: kind.unwrap_or_else(|| "project".into()).into(),
            start,
            end,
            participants,
            details: crate::model::EngagementDetails {
                funding_eur: funding.and_then(|f| f.parse().ok()),
                part_of: part_of.map(Into::into),
                attributes,
            }
            .boxed(),
        });
    }

    // Direct ties: one per pair and kind.
    let tie_items: Vec<Item> = inputs
        .iter()
        .enumerate()
        .flat_map(|(k, input)| (0..input.dataset.ties.len()).map(move |i| (k, i)))
        .collect();
    let mapped_tie = |(k, i): Item| -> Tie {
        let t = &inputs[k].dataset.ties[i];
        let map = |id: &CompactString| {
            actor_map
                .get(&(k, id.to_string()))
                .cloned()
                .unwrap_or_else(|| id.to_string())
        };
        Tie {
            source: map(&t.source).into(),
            target: map(&t.target).into(),
            kind: t.kind.clone(),
            weight: t.weight,
        }
    };
    let order = canonical(&tie_items, mapped_tie);
    let mut classes: Vec<BTreeMap<String, Vec<usize>>> = vec![BTreeMap::new()];
    for &n in &order {
        let t = mapped_tie(tie_items[n]);
        let (a, b) = if t.source <= t.target {
            (t.source, t.target)
        } else {
            (t.target, t.source)
        };
        classes[0]
            .entry(format!("{a}\u{0}{b}\u{0}{}", t.kind.unwrap_or_default()))
            .or_default()
            .push(n);
    }
    let mut groups = Groups::new(&tie_items);
    groups.join_by(&classes);
    let mut tie_groups = groups.collect(&order);
    let lengths: Vec<usize> = inputs.iter().map(|i| i.dataset.ties.len()).collect();
    sort_by_position(&mut tie_groups, &tie_items, &lengths, |_, _| {
        Ordering::Equal
    });
    let mut ties = Vec::with_capacity(tie_groups.len());
    for group in &tie_groups {
        let members: Vec<(Tie, usize)> = group
            .iter()
            .map(|&n| (mapped_tie(tie_items[n]), tie_items[n].0))
            .collect();
        let weights: Vec<(Option<String>, usize)> = members
            .iter()
            .map(|(t, k)| (Some(t.weight.to_string()), *k))
            .collect();
        let (weight, others) = choose(&weights, |_| false);
        let first = members[0].0.clone();
        for (w, k) in others {
            report.push(format!(
                "tie {}–{}: weight: {w} ({}); kept {}",
                first.source,
                first.target,
                origins[k],
                weight.as_deref().unwrap_or("")
            ));
        }
        ties.push(Tie {
            weight: weight.and_then(|w| w.parse().ok()).unwrap_or(first.weight),
            ..first
        });
    }

    // The dataset's own fields.
    let mut names: Vec<&str> = inputs.iter().map(|i| i.dataset.name.as_str()).collect();
    names.sort();
    names.dedup();
    let mut descriptions: Vec<&str> = inputs
        .iter()
        .filter_map(|i| i.dataset.description.as_deref())
        .collect();
    descriptions.sort();
    descriptions.dedup();
    let mut notes: Vec<String> = Vec::new();
    let mut note_inputs: Vec<&Dataset> = inputs.iter().map(|i| &i.dataset).collect();
    note_inputs.sort_by_key(|d| serde_json::to_string(&d.notes).unwrap_or_default());
    for d in note_inputs {
        for n in &d.notes {
            if !notes.contains(n) {
                notes.push(n.clone());
            }
        }
    }
    let dataset = Dataset {
        name: name.map_or_else(|| names.join(" + "), String::from),
        description: (!descriptions.is_empty()).then(|| descriptions.join("\n\n")),
        notes,
        actors,
        engagements,
        ties,
    };
    let checked = validate::check(&dataset);
    if !checked.is_valid() {
        return Err(Error::Invalid {
            origin: format!("the merge of {}", origins.join(", ")),
            report: checked,
        });
    }
    Ok((dataset, report))
}

/// Merges `imported` into `into`, keeping `into`'s name: what `--into`
/// does for the importers. Returns the dataset and the values not kept,
/// as [`merge`].
///
/// # Errors
///
/// As [`merge`].
pub fn merge_into(into: MergeInput, imported: MergeInput) -> Result<(Dataset, Vec<String>)> {
    let name = into.dataset.name.clone();
    merge(&[into, imported], Some(&name))
}
