//! The two-mode (bipartite) graph: actors and engagements, linked by
//! participations that carry a role.

use super::csr::{Intersection, Rows};
use super::filter::{effective_dates, Filter, RoleRule, TieRule, UNROLED};
use crate::model::{Actor, Dataset, Date, Engagement};
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// A node of the two-mode graph as petgraph holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwoModeNode {
    /// An actor, by its position (see [`TwoModeGraph::actor`]).
    Actor(u32),
    /// An engagement, by its position (see [`TwoModeGraph::engagement`]).
    Engagement(u32),
}

/// The filtered two-mode graph of a dataset.
///
/// Actors and engagements get positions in id order, so everything built on
/// the graph is deterministic. Only *active* actors are in it: those that
/// pass the actor-kind filter and have at least one kept participation or a
/// direct tie; the others are counted in [`TwoModeGraph::inactive_actors`].
#[derive(Debug, Clone)]
pub struct TwoModeGraph<'a> {
    dataset: &'a Dataset,
    filter: Filter,
    actors: Vec<u32>,
    engagements: Vec<u32>,
    /// Engagement position → its dates by [`effective_dates`].
    dates: Vec<(Option<Date>, Option<Date>)>,
    /// Engagement position → member actor positions (ascending).
    members: Rows,
    /// Parallel to `members`: the participation's role, as an index into
    /// `roles`.
    member_role: Vec<u32>,
    /// The roles of the kept participations, each once.
    roles: Vec<&'a str>,
    /// Actor position → engagement positions (ascending).
    memberships: Rows,
    /// Tie groups: sets of actor positions tied pairwise within one
    /// engagement by one rule (the clique roles, or a lead and one star
    /// participant), engagement-major.
    groups: Rows,
    /// The engagement position of each tie group.
    group_engagement: Vec<u32>,
    /// The rule of each tie group.
    group_rule: Vec<TieRule>,
    /// Actor position → tie groups (ascending).
    group_memberships: Rows,
    /// Kept direct ties as (actor position, actor position, dataset tie index).
    direct_ties: Vec<(u32, u32, u32)>,
    inactive: usize,
}

/// Each actor's index in the dataset by its id: a hash table of the
/// indices alone (4 bytes a slot, the ids read from the dataset), where a
/// map from id to index took 24. Fast hashing: ids are the loader's, not
/// an attacker's keys. When two actors share an id the later one is kept,
/// as a map collected from the actors would.
struct ActorIndex<'d> {
    actors: &'d [Actor],
    table: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::FixedState,
}

impl<'d> ActorIndex<'d> {
    fn new(dataset: &'d Dataset) -> ActorIndex<'d> {
        let actors = dataset.actors.as_slice();
        let hasher = foldhash::fast::FixedState::default();
        let mut table = hashbrown::HashTable::with_capacity(actors.len());
        let hash = |i: &u32| hasher.hash_one(actors[*i as usize].id.as_str());
        for (i, actor) in actors.iter().enumerate() {
            let id = actor.id.as_str();
            let i = i as u32;
            match table.entry(
                hasher.hash_one(id),
                |&j: &u32| actors[j as usize].id == id,
                hash,
            ) {
                hashbrown::hash_table::Entry::Occupied(mut slot) => *slot.get_mut() = i,
                hashbrown::hash_table::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        ActorIndex {
            actors,
            table,
            hasher,
        }
    }

    /// The dataset index of the actor with this id.
    fn get(&self, id: &str) -> Option<usize> {
        self.table
            .find(self.hasher.hash_one(id), |&j| {
                self.actors[j as usize].id == id
            })
            .map(|&j| j as usize)
    }
}

/// The pairs among `k` members: k(k − 1)/2.
fn pairs(k: usize) -> u64 {
    let k = k as u64;
    k * k.saturating_sub(1) / 2
}

/// The three items of most pairs (ties: the lower index first), as
/// "name (pairs)".
fn largest_three(
    per: impl Iterator<Item = (u64, usize)>,
    name: impl Fn(usize) -> String,
) -> Vec<String> {
    let mut largest: Vec<(u64, usize)> = per.collect();
    largest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    largest
        .iter()
        .take(3)
        .map(|&(p, i)| format!("{} ({p} pairs)", name(i)))
        .collect()
}

/// Whether the filter keeps each actor of the dataset by its kind.
fn kinds_kept(dataset: &Dataset, filter: &Filter) -> Vec<bool> {
    dataset
        .actors
        .iter()
        .map(|a| {
            filter
                .actor_kinds
                .as_ref()
                .is_none_or(|kinds| kinds.contains(a.kind.as_str()))
        })
        .collect()
}

/// What decides which participations a graph keeps: the filter, the
/// dataset's actors by id and whether the filter keeps each by its kind.
struct Kept<'k> {
    filter: &'k Filter,
    actor_index: ActorIndex<'k>,
    kind_ok: Vec<bool>,
    /// `seen_in[a] == stamp` marks an actor seen in the engagement of
    /// that stamp.
    seen_in: Vec<u32>,
}

impl<'k> Kept<'k> {
    fn new(dataset: &'k Dataset, filter: &'k Filter) -> Kept<'k> {
        Kept {
            filter,
            actor_index: ActorIndex::new(dataset),
            kind_ok: kinds_kept(dataset, filter),
            seen_in: vec![0; dataset.actors.len()],
        }
    }

    /// The participations of `engagement` kept, into `parts` as (dataset
    /// actor, participation index): a role the filter admits, an actor of
    /// the dataset of a kind it keeps, each actor once (its first).
    /// `stamp` is the engagement's own (not 0), different for each.
    fn participants(&mut self, engagement: &Engagement, stamp: u32, parts: &mut Vec<(usize, u32)>) {
        parts.clear();
        for (j, p) in engagement.participants.iter().enumerate() {
            if !self.filter.roles.admits(&p.role) {
                continue;
            }
            let Some(a) = self.actor_index.get(p.actor.as_str()) else {
                continue;
            };
            if self.kind_ok[a] && self.seen_in[a] != stamp {
                self.seen_in[a] = stamp;
                parts.push((a, j as u32));
            }
        }
    }
}

impl<'a> TwoModeGraph<'a> {
    /// Builds the graph of `dataset` under `filter`. The dataset must be
    /// valid (see [`crate::model::validate::check`]); references that do not
    /// resolve are skipped rather than panicking.
    pub fn build(dataset: &'a Dataset, filter: &Filter) -> TwoModeGraph<'a> {
        let mut kept_by = Kept::new(dataset, filter);
        let engagement_index: foldhash::HashMap<&str, usize> = dataset
            .engagements
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();

        // Every engagement's dates by the one rule ([`effective_dates`]).
        let all_dates: Vec<(Option<Date>, Option<Date>)> = dataset
            .engagements
            .iter()
            .map(|e| effective_dates(dataset, &engagement_index, e))
            .collect();
        // Kept engagements, in id order.
        let mut engagements: Vec<u32> = (0..dataset.engagements.len())
            .filter(|&i| {
                let e = &dataset.engagements[i];
                let kind_kept = filter
                    .engagement_kinds
                    .as_ref()
                    .is_none_or(|kinds| kinds.contains(e.kind.as_str()));
                let (start, end) = all_dates[i];
                kind_kept && filter.in_window(start, end)
            })
            .map(|i| i as u32)
            .collect();
        engagements.sort_unstable_by(|&a, &b| {
            dataset.engagements[a as usize]
                .id
                .cmp(&dataset.engagements[b as usize].id)
        });
        let dates: Vec<(Option<Date>, Option<Date>)> =
            engagements.iter().map(|&e| all_dates[e as usize]).collect();

        // Kept participations per engagement, as (dataset actor,
        // participation, rule); the tie-making ones make the actor active.
        let mut active = vec![false; dataset.actors.len()];
        // One flat list with an offset per engagement, and buffers reused
        // from engagement to engagement: a build allocates a few large
        // blocks rather than several small ones per engagement.
        let mut kept: Vec<(usize, u32, RoleRule)> = Vec::with_capacity(
            engagements
                .iter()
                .map(|&e| dataset.engagements[e as usize].participants.len())
                .sum(),
        );
        let mut kept_offsets: Vec<usize> = Vec::with_capacity(engagements.len() + 1);
        kept_offsets.push(0);
        let mut parts: Vec<(usize, u32)> = Vec::new();
        let mut per_role: HashMap<&str, usize> = HashMap::new();
        for (position, &e) in engagements.iter().enumerate() {
            let engagement = &dataset.engagements[e as usize];
            let stamp = position as u32 + 1;
            kept_by.participants(engagement, stamp, &mut parts);
            let role_of = |j: u32| engagement.participants[j as usize].role.as_str();
            let unroled = engagement
                .participants
                .iter()
                .all(|p| p.role == "participant");
            per_role.clear();
            for &(_, j) in &parts {
                *per_role.entry(role_of(j)).or_insert(0) += 1;
            }
            for &(a, j) in &parts {
                let role = if unroled { UNROLED } else { role_of(j) };
                let rule = filter.ties.rule_for(role, per_role[role_of(j)]);
                if rule != RoleRule::None {
                    active[a] = true;
                    kept.push((a, j, rule));
                }
            }
            kept_offsets.push(kept.len());
        }
        // (dataset actor, dataset actor, dataset tie), as u32 like the
        // positions they become.
        let mut ties_by_dataset: Vec<(u32, u32, u32)> = Vec::new();
        for (t, tie) in dataset.ties.iter().enumerate() {
            let (Some(s), Some(d)) = (
                kept_by.actor_index.get(tie.source.as_str()),
                kept_by.actor_index.get(tie.target.as_str()),
            ) else {
                continue;
            };
            if s != d && kept_by.kind_ok[s] && kept_by.kind_ok[d] {
                active[s] = true;
                active[d] = true;
                ties_by_dataset.push((s as u32, d as u32, t as u32));
            }
        }
        drop(kept_by);

        let mut actors: Vec<u32> = (0..dataset.actors.len())
            .filter(|&a| active[a])
            .map(|a| a as u32)
            .collect();
        actors.sort_unstable_by(|&a, &b| {
            dataset.actors[a as usize]
                .id
                .cmp(&dataset.actors[b as usize].id)
        });
        let mut position = vec![u32::MAX; dataset.actors.len()];
        for (p, &a) in actors.iter().enumerate() {
            position[a as usize] = p as u32;
        }

        let mut member_role = Vec::new();
        let mut roles: Vec<&'a str> = Vec::new();
        let mut role_index: foldhash::HashMap<&'a str, u32> = Default::default();
        let mut members = Rows::default();
        let mut groups = Rows::default();
        let mut group_engagement = Vec::new();
        let mut group_rule = Vec::new();
        for e in 0..engagements.len() {
            let row = &mut kept[kept_offsets[e]..kept_offsets[e + 1]];
            row.sort_unstable_by_key(|&(a, _, _)| position[a]);
            let row = &*row;
            let engagement = &dataset.engagements[engagements[e] as usize];
            let role = |j: u32| engagement.participants[j as usize].role.as_str();
            for (group, rule) in tie_groups(row, role, |a| position[a]) {
                groups.push_row(group);
                group_engagement.push(e as u32);
                group_rule.push(rule);
            }
            member_role.extend(row.iter().map(|&(_, j, _)| {
                let name = role(j);
                *role_index.entry(name).or_insert_with(|| {
                    roles.push(name);
                    roles.len() as u32 - 1
                })
            }));
            members.push_row(row.iter().map(|&(a, _, _)| position[a]));
        }
        drop(kept);
        let memberships = members.transpose(actors.len());
        let group_memberships = groups.transpose(actors.len());

        let direct_ties = ties_by_dataset
            .into_iter()
            .map(|(s, d, t)| (position[s as usize], position[d as usize], t))
            .collect();

        TwoModeGraph {
            dataset,
            filter: filter.clone(),
            inactive: dataset.actors.len() - actors.len(),
            actors,
            engagements,
            dates,
            members,
            member_role,
            roles,
            memberships,
            groups,
            group_engagement,
            group_rule,
            group_memberships,
            direct_ties,
        }
    }

    /// The dataset the graph was built from.
    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// The filter the graph was built with.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Number of actors in the graph.
    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }

    /// Number of engagements kept.
    pub fn engagement_count(&self) -> usize {
        self.engagements.len()
    }

    /// Number of kept participations (two-mode edges).
    pub fn participation_count(&self) -> usize {
        self.members.total()
    }

    /// Actors of the dataset left out by the filters.
    pub fn inactive_actors(&self) -> usize {
        self.inactive
    }

    /// The actor at position `p`.
    pub fn actor(&self, p: usize) -> &'a Actor {
        &self.dataset.actors[self.actors[p] as usize]
    }

    /// The index in the dataset's engagements of engagement position `p`.
    pub fn engagement_index(&self, p: usize) -> usize {
        self.engagements[p] as usize
    }

    /// The engagement at position `p`.
    pub fn engagement(&self, p: usize) -> &'a Engagement {
        &self.dataset.engagements[self.engagements[p] as usize]
    }

    /// The start and end of engagement position `p` as verkosto uses them:
    /// its own, a one-day kind's day, or inherited from what it is part of
    /// ([`effective_dates`]); `None` is open.
    pub fn dates(&self, p: usize) -> (Option<Date>, Option<Date>) {
        self.dates[p]
    }

    /// Member actor positions of engagement `e`, ascending.
    pub fn members(&self, e: usize) -> &[u32] {
        self.members.row(e)
    }

    /// The engagement → members rows.
    pub fn member_rows(&self) -> &Rows {
        &self.members
    }

    /// The actor → engagements rows.
    pub fn membership_rows(&self) -> &Rows {
        &self.memberships
    }

    /// An upper bound of the number of ties the tie groups can make (pairs
    /// in each group, summed), and the three engagements that contribute
    /// most, as "id (pairs)". O(groups).
    pub fn pair_bound(&self) -> (u64, Vec<String>) {
        let mut per: BTreeMap<usize, u64> = BTreeMap::new();
        for g in 0..self.groups.len() {
            let sum = per.entry(self.group_engagement[g] as usize).or_insert(0);
            *sum = sum.saturating_add(pairs(self.groups.row(g).len()));
        }
        let total = per.values().fold(0u64, |t, &p| t.saturating_add(p));
        let named = largest_three(per.into_iter().map(|(e, p)| (p, e)), |e| {
            self.engagement(e).id.to_string()
        });
        (total, named)
    }

    /// An upper bound of the number of engagement–engagement ties the dual
    /// projection can make (pairs of each actor's engagements, summed: it
    /// is also the number of actors it lists behind them), and the three
    /// actors that contribute most, as "id (pairs)". O(n).
    pub fn dual_pair_bound(&self) -> (u64, Vec<String>) {
        let per = (0..self.actor_count())
            .map(|a| (pairs(self.memberships.row(a).len()), a))
            .filter(|&(p, _)| p > 0);
        let total = per.clone().fold(0u64, |t, (p, _)| t.saturating_add(p));
        let named = largest_three(per, |a| self.actor(a).id.to_string());
        (total, named)
    }

    /// The tie groups (sets of actor positions tied pairwise within one
    /// engagement by one rule).
    pub fn tie_groups(&self) -> &Rows {
        &self.groups
    }

    /// The actor → tie groups rows.
    pub fn tie_group_memberships(&self) -> &Rows {
        &self.group_memberships
    }

    /// The tie groups actors `a` and `b` share, ascending: the groups
    /// behind their tie.
    ///
    /// Complexity: O(s log l) for the shorter (s) and the longer (l) of
    /// the two actors' lists of tie groups.
    pub fn shared_tie_groups(&self, a: usize, b: usize) -> Intersection<'_> {
        Intersection::new(self.group_memberships.row(a), self.group_memberships.row(b))
    }

    /// The engagement position and the rule of tie group `g`.
    pub fn tie_group(&self, g: usize) -> (usize, TieRule) {
        (self.group_engagement[g] as usize, self.group_rule[g])
    }

    /// Visits every kept participation, whether it makes ties or not,
    /// engagement by engagement: `visit(e, parts)` for engagement position
    /// `e`, with `parts` its kept participations as (dataset actor index,
    /// participation index). Found again from the dataset and the filter
    /// on each call (only reach needs them, once): neither the graph nor
    /// this walk holds them all.
    ///
    /// Complexity: O(P) for P participations of the kept engagements;
    /// memory O(n).
    pub fn visit_participations(&self, mut visit: impl FnMut(u32, &[(usize, u32)])) {
        let dataset = self.dataset;
        let mut kept_by = Kept::new(dataset, &self.filter);
        let mut parts = Vec::new();
        for (position, &e) in self.engagements.iter().enumerate() {
            let engagement = &dataset.engagements[e as usize];
            kept_by.participants(engagement, position as u32 + 1, &mut parts);
            visit(position as u32, &parts);
        }
    }

    /// Engagement positions of actor `a`, ascending.
    pub fn engagements_of(&self, a: usize) -> &[u32] {
        self.memberships.row(a)
    }

    /// The role of actor `a` in engagement `e`, if it takes part.
    pub fn role(&self, e: usize, a: u32) -> Option<&'a str> {
        let range = self.members.range(e);
        let row = self.members.row(e);
        let k = row.binary_search(&a).ok()?;
        Some(self.roles[self.member_role[range.start + k] as usize])
    }

    /// Kept direct ties as (actor position, actor position, index into the
    /// dataset's ties).
    pub fn direct_ties(&self) -> &[(u32, u32, u32)] {
        &self.direct_ties
    }

    /// The position of the actor with this id.
    pub fn actor_position(&self, id: &str) -> Option<usize> {
        self.actors
            .binary_search_by(|&a| self.dataset.actors[a as usize].id.as_str().cmp(id))
            .ok()
    }

    /// The graph as a petgraph undirected graph: actors first (in position
    /// order), then engagements; edges carry the role.
    pub fn to_petgraph(&self) -> UnGraph<TwoModeNode, &'a str> {
        let mut g = UnGraph::with_capacity(
            self.actor_count() + self.engagement_count(),
            self.participation_count(),
        );
        for a in 0..self.actor_count() {
            g.add_node(TwoModeNode::Actor(a as u32));
        }
        for e in 0..self.engagement_count() {
            g.add_node(TwoModeNode::Engagement(e as u32));
        }
        let offset = self.actor_count();
        for e in 0..self.engagement_count() {
            for &a in self.members(e) {
                let role = self.role(e, a).unwrap_or("participant");
                g.add_edge(NodeIndex::new(a as usize), NodeIndex::new(offset + e), role);
            }
        }
        g
    }
}

/// The tie groups of one engagement, from its tie-making members (dataset
/// actor, participation, rule) sorted by position: the clique-rule members
/// as one group, and each star (or reach) member with each of the
/// engagement's leads — its coordinators, else its implementers, else its
/// clique-role participants — as a pair.
fn tie_groups<'r>(
    row: &[(usize, u32, RoleRule)],
    role: impl Fn(u32) -> &'r str,
    position: impl Fn(usize) -> u32,
) -> Vec<(Vec<u32>, TieRule)> {
    let mut out = Vec::new();
    let clique: Vec<u32> = row
        .iter()
        .filter(|m| m.2 == RoleRule::Clique)
        .map(|m| position(m.0))
        .collect();
    if clique.len() >= 2 {
        out.push((clique, TieRule::Clique));
    }
    let leads_in = |wanted: &str| -> Vec<u32> {
        row.iter()
            .filter(|m| role(m.1) == wanted)
            .map(|m| position(m.0))
            .collect()
    };
    let mut leads = leads_in("coordinator");
    if leads.is_empty() {
        leads = leads_in("implementer");
    }
    if leads.is_empty() {
        // Nobody coordinates or implements: the clique-role participants
        // (partners, trainers…) carry the engagement.
        leads = row
            .iter()
            .filter(|m| m.2 == RoleRule::Clique)
            .map(|m| position(m.0))
            .collect();
    }
    let mut pairs: BTreeMap<(u32, u32), TieRule> = BTreeMap::new();
    for &(a, _, rule) in row {
        let kind = match rule {
            RoleRule::Star => TieRule::Star,
            RoleRule::Reach => TieRule::Reach,
            _ => continue,
        };
        let s = position(a);
        for &lead in leads.iter().filter(|&&l| l != s) {
            let pair = (s.min(lead), s.max(lead));
            let entry = pairs.entry(pair).or_insert(kind);
            *entry = (*entry).min(kind);
        }
    }
    out.extend(pairs.into_iter().map(|((a, b), kind)| (vec![a, b], kind)));
    out
}
