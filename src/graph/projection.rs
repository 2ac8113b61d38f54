//! The one-mode actor–actor projection, with provenance.

use super::adjacency::{on_adjacency, Adjacency, WeightList};
use super::backbone::{BackboneOptions, BackboneSummary};
use super::comembership::for_each_co_membership;
use super::csr::{entry, Intersection, Rows};
use super::filter::{Filter, ProjectionWeight, TieRule};
use super::two_mode::TwoModeGraph;
use crate::error::{Error, Result};
use crate::model::{Actor, Dataset, Date};
use petgraph::graph::{NodeIndex, UnGraph};

/// Everything that decides a projection.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionOptions {
    /// Which participations, engagements and actors count.
    pub filter: Filter,
    /// How ties are weighted.
    pub weight: ProjectionWeight,
    /// Drop ties lighter than this (after direct ties are added).
    pub min_weight: Option<f64>,
    /// Keep only the ties this significance test keeps (after
    /// `min_weight`); see [`super::backbone()`].
    pub backbone: Option<BackboneOptions>,
    /// Refuse to project when the engagements could make more ties than
    /// this (an upper bound counted before building, so that one huge
    /// engagement cannot exhaust the memory); default
    /// [`crate::memory::Budget::max_ties`] of the memory available.
    pub max_ties: u64,
    /// How the ties are held; it changes the memory taken, never a result.
    pub held: TiesHeld,
}

/// How a projection holds its ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TiesHeld {
    /// In both directions, as the adjacency the metrics walk (24 bytes a
    /// tie): for anything that computes on the network.
    #[default]
    Both,
    /// Each tie once, under its source (12 bytes a tie): for listing ties
    /// and actors. Asking for [`Projection::adjacency`] then builds it
    /// beside them.
    Once,
}

/// The largest projection allowed by default on any machine; on smaller
/// ones the default is smaller ([`crate::memory::Budget::max_ties`]).
pub const DEFAULT_MAX_TIES: u64 = crate::memory::MAX_TIES_CEILING;

impl Default for ProjectionOptions {
    fn default() -> Self {
        ProjectionOptions {
            filter: Filter::default(),
            weight: ProjectionWeight::default(),
            min_weight: None,
            backbone: None,
            max_ties: crate::memory::budget().max_ties(),
            held: TiesHeld::default(),
        }
    }
}

impl ProjectionOptions {
    /// Checks the options: a valid filter, a finite non-negative minimum.
    pub fn check(&self) -> Result<()> {
        self.filter.check()?;
        if self.max_ties > MAX_HELD_TIES {
            return Err(Error::invalid(
                "max_ties",
                self.max_ties,
                "at most 2147483647 (the most ties a projection holds)",
            ));
        }
        if let Some(m) = self.min_weight {
            if !m.is_finite() || m < 0.0 {
                return Err(Error::invalid(
                    "min_weight",
                    m,
                    "a finite, non-negative number",
                ));
            }
        }
        Ok(())
    }
}

/// One projected tie between the actors at positions `source < target`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProjectedTie {
    /// Lower actor position.
    pub source: u32,
    /// Higher actor position.
    pub target: u32,
    /// The weight under the chosen [`ProjectionWeight`], plus direct ties.
    pub weight: f64,
}

/// The actor–actor network: actors in id order, ties in (source, target)
/// order, and for each tie the direct ties behind it. The engagements
/// behind a tie are not stored: they are the tie groups its two actors
/// share, found when asked ([`Projection::engagements_behind`]).
///
/// The ties are held once, as the weighted adjacency the metrics walk
/// ([`Projection::adjacency`]): tie `t` is an entry of the upper half of
/// its source's row ([`Projection::ties`] reads them in order).
#[derive(Debug, Clone)]
pub struct Projection<'a> {
    graph: TwoModeGraph<'a>,
    weight: ProjectionWeight,
    min_weight: Option<f64>,
    adjacency: Adjacency,
    /// `tie_start[v]`: the number of ties whose source comes before actor
    /// `v` (the ties of `v`'s row are the last `tie_start[v + 1] −
    /// tie_start[v]` entries of it). Empty when each tie is held once: the
    /// rows' offsets are then these numbers.
    tie_start: Vec<u32>,
    /// The source of every [`TIE_BLOCK`]-th tie, where a search for a
    /// tie's source starts.
    tie_blocks: Vec<u32>,
    /// How `adjacency` holds the ties; with [`TiesHeld::Once`] it has only
    /// the upper halves of the rows, and the adjacency is built in
    /// `both_ways` when asked.
    held: TiesHeld,
    both_ways: std::sync::OnceLock<Adjacency>,
    direct: Rows,
    backbone: Option<BackboneSummary>,
}

/// A tie as the provenance methods take it: by its index, or the tie
/// itself where it is at hand (which spares finding its actors).
pub trait TieKey: Copy {
    /// The tie's (source, target).
    fn pair(self, ties: &Ties<'_>) -> (u32, u32);
}

impl TieKey for usize {
    fn pair(self, ties: &Ties<'_>) -> (u32, u32) {
        let tie = ties.get(self);
        (tie.source, tie.target)
    }
}

impl TieKey for ProjectedTie {
    fn pair(self, _: &Ties<'_>) -> (u32, u32) {
        (self.source, self.target)
    }
}

/// The most ties a projection holds: its adjacency lists each tie twice,
/// in lists of at most [`u32::MAX`] entries.
pub const MAX_HELD_TIES: u64 = u32::MAX as u64 / 2;

/// Ties per entry of a projection's `tie_blocks`.
const TIE_BLOCK: usize = 256;

/// The ties of a [`Projection`], read from its adjacency: in (source,
/// target) order, tie `t` by [`Ties::get`].
#[derive(Debug, Clone, Copy)]
pub struct Ties<'p> {
    adjacency: &'p Adjacency,
    start: &'p [u32],
    blocks: &'p [u32],
    held: TiesHeld,
}

impl<'p> Ties<'p> {
    /// The number of ties.
    pub fn len(&self) -> usize {
        self.start.last().map_or(0, |&s| s as usize)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Tie `t`, found by the row it is in.
    ///
    /// # Panics
    ///
    /// When `t` is not below [`Ties::len`], as a slice's index.
    ///
    /// Complexity: O(log d) for the number d of actors whose ties lie in
    /// the block of 256 ties around `t` (a few, at most n).
    pub fn get(&self, t: usize) -> ProjectedTie {
        assert!(t < self.len(), "tie {t} of {}", self.len());
        // The sources of the block's first tie and the next block's: the
        // source of `t` lies between them.
        let block = t / TIE_BLOCK;
        let low = self.blocks[block] as usize;
        let high = self
            .blocks
            .get(block + 1)
            .map_or(self.start.len() - 1, |&s| s as usize + 1);
        let source = low + self.start[low..=high].partition_point(|&s| s as usize <= t) - 1;
        self.at(source, t)
    }

    /// The weight of tie `t`: read straight from the rows when each tie is
    /// held once (they are then the ties in order), else as
    /// [`Ties::get`].
    ///
    /// Complexity: O(1) when held once, else as [`Ties::get`].
    pub fn weight(&self, t: usize) -> f64 {
        match self.held {
            TiesHeld::Once => self.adjacency.weight(t),
            TiesHeld::Both => self.get(t).weight,
        }
    }

    /// Tie `t`, whose source is `source`.
    fn at(&self, source: usize, t: usize) -> ProjectedTie {
        let row = self.adjacency.range(source);
        let e = row.end - (self.start[source + 1] as usize - t);
        ProjectedTie {
            source: source as u32,
            target: self.adjacency.neighbors(source)[e - row.start],
            weight: self.adjacency.weight(e),
        }
    }

    /// The ties in order.
    pub fn iter(&self) -> TieIter<'p> {
        TieIter {
            ties: *self,
            next: 0,
            source: 0,
        }
    }

    /// The ties in order, on every thread.
    pub fn par_iter(self) -> impl rayon::iter::IndexedParallelIterator<Item = ProjectedTie> + 'p {
        use rayon::iter::{IntoParallelIterator, ParallelIterator};
        (0..self.len()).into_par_iter().map(move |t| self.get(t))
    }
}

impl<'p> IntoIterator for Ties<'p> {
    type Item = ProjectedTie;
    type IntoIter = TieIter<'p>;
    fn into_iter(self) -> TieIter<'p> {
        self.iter()
    }
}

/// The iterator of [`Ties::iter`].
#[derive(Debug, Clone)]
pub struct TieIter<'p> {
    ties: Ties<'p>,
    next: usize,
    source: usize,
}

impl Iterator for TieIter<'_> {
    type Item = ProjectedTie;

    fn next(&mut self) -> Option<ProjectedTie> {
        if self.next >= self.ties.len() {
            return None;
        }
        while self.ties.start[self.source + 1] as usize <= self.next {
            self.source += 1;
        }
        let tie = self.ties.at(self.source, self.next);
        self.next += 1;
        Some(tie)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.ties.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for TieIter<'_> {}

/// Ties as they are found, in (source, target) order: the upper halves of
/// the adjacency's rows, row by row.
struct UpperRows {
    start: Vec<u32>,
    targets: Vec<u32>,
    weights: WeightList,
}

impl UpperRows {
    /// Room for `ties` ties, and for their mirror images when the rows
    /// are to be made whole (room not written is not memory the process
    /// uses).
    fn with_capacity(ties: usize, held: TiesHeld) -> UpperRows {
        let room = match held {
            TiesHeld::Both => 2 * ties,
            TiesHeld::Once => ties,
        };
        UpperRows {
            start: Vec::new(),
            targets: Vec::with_capacity(room),
            weights: WeightList::with_capacity(room),
        }
    }

    /// Adds a tie; ties come in (source, target) order.
    fn push(&mut self, tie: ProjectedTie) {
        while self.start.len() <= tie.source as usize {
            self.start.push(entry(self.targets.len()));
        }
        self.targets.push(tie.target);
        self.weights.push(tie.weight);
    }

    /// The rows of `n` actors (whole, or their upper halves), the start
    /// of each actor's ties (empty for upper halves, whose offsets they
    /// are) and the source of every [`TIE_BLOCK`]-th tie.
    fn finish(mut self, n: usize, held: TiesHeld) -> (Adjacency, Vec<u32>, Vec<u32>) {
        while self.start.len() <= n {
            self.start.push(entry(self.targets.len()));
        }
        let mut blocks = Vec::with_capacity(self.targets.len().div_ceil(TIE_BLOCK));
        let mut source = 0;
        for t in (0..self.targets.len()).step_by(TIE_BLOCK) {
            while self.start[source + 1] as usize <= t {
                source += 1;
            }
            blocks.push(source as u32);
        }
        match held {
            TiesHeld::Both => {
                crate::counters::count(crate::counters::Step::Adjacency);
                let rows = Adjacency::from_upper_rows(&self.start, self.targets, self.weights);
                (rows, self.start, blocks)
            }
            // The rows are the upper halves: their offsets are the starts,
            // not held twice.
            TiesHeld::Once => (
                Adjacency::from_starts(self.start, self.targets, self.weights),
                Vec::new(),
                blocks,
            ),
        }
    }
}

impl<'a> Projection<'a> {
    /// Filters `dataset` and projects it. The dataset must be valid.
    ///
    /// Complexity: O(Σ_e n_e² log n_e) over engagements e with n_e kept
    /// participants, parallel over actors.
    ///
    /// ```
    /// use verkosto::graph::{Projection, ProjectionOptions};
    /// let text = r#"{"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
    ///   "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}, {"actor": "c"}]},
    ///                   {"id": "q", "name": "Q", "participants": [{"actor": "a"}, {"actor": "b"}]}]}"#;
    /// let (dataset, _) = verkosto::io::json::parse_dataset(text, "example").unwrap();
    /// let p = Projection::new(&dataset, &ProjectionOptions::default()).unwrap();
    /// assert_eq!(p.tie_count(), 3);
    /// assert_eq!(p.tie(0).weight, 2.0); // a–b share p and q
    /// ```
    pub fn new(dataset: &'a Dataset, options: &ProjectionOptions) -> Result<Projection<'a>> {
        options.check()?;
        options.filter.check_against(dataset)?;
        let graph = TwoModeGraph::build(dataset, &options.filter);
        let (estimate, largest) = graph.pair_bound();
        if estimate > options.max_ties {
            return Err(Error::TooManyTies {
                estimate,
                limit: options.max_ties,
                engagements: largest,
                memory: crate::memory::budget().describe(),
            });
        }
        let projection =
            Projection::from_two_mode(graph, options.weight, options.min_weight, options.held);
        Ok(match &options.backbone {
            Some(test) => {
                let tested = super::backbone(&projection, test)?;
                let keep: Vec<bool> = (0..tested.tests.len()).map(|t| tested.kept(t)).collect();
                let mut kept = projection.retain_ties(&keep);
                kept.backbone = Some(tested.summary);
                kept
            }
            None => projection,
        })
    }

    /// The projection with only the ties `keep` marks (parallel to
    /// [`Projection::ties`]); actors stay. O(ties + provenance).
    pub fn retain_ties(&self, keep: &[bool]) -> Projection<'a> {
        let kept = (0..self.tie_count())
            .filter(|&t| keep.get(t).copied().unwrap_or(false))
            .count();
        let mut ties = UpperRows::with_capacity(kept, self.held);
        let mut direct = Rows::default();
        let keep_direct = !self.direct.is_empty();
        for (t, tie) in self.ties().iter().enumerate() {
            if !keep.get(t).copied().unwrap_or(false) {
                continue;
            }
            ties.push(tie);
            if keep_direct {
                direct.push_row(self.direct_ties_behind(t).iter().copied());
            }
        }
        let (adjacency, tie_start, tie_blocks) = ties.finish(self.actor_count(), self.held);
        Projection {
            graph: self.graph.clone(),
            weight: self.weight,
            min_weight: self.min_weight,
            adjacency,
            tie_start,
            tie_blocks,
            held: self.held,
            both_ways: Default::default(),
            direct,
            backbone: self.backbone,
        }
    }

    /// The significance test that selected these ties, when one did
    /// ([`ProjectionOptions::backbone`]).
    pub fn backbone(&self) -> Option<&BackboneSummary> {
        self.backbone.as_ref()
    }

    /// Projects an already built two-mode graph, holding the ties as
    /// `held` says.
    pub fn from_two_mode(
        graph: TwoModeGraph<'a>,
        weight: ProjectionWeight,
        min_weight: Option<f64>,
        held: TiesHeld,
    ) -> Projection<'a> {
        crate::counters::count(crate::counters::Step::Projection);
        let mut direct: Vec<(u32, u32, u32, f64)> = graph
            .direct_ties()
            .iter()
            .map(|&(s, d, t)| {
                let w = graph.dataset().ties[t as usize].weight;
                (s.min(d), s.max(d), t, w)
            })
            .collect();
        // Within a pair, sum the weights in weight order, so the float sum does
        // not depend on the order of the input file.
        direct.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then(a.3.total_cmp(&b.3))
                .then(a.2.cmp(&b.2))
        });

        // Sized up front, so that no list is copied as it grows: every
        // (pair, shared group) entry is one pair of one tie group, and
        // there are at most as many ties as such entries or pairs of
        // actors, plus direct ties. Rows that would all be empty (no
        // engagements, or no direct ties) are not kept at all.
        let groups = graph.tie_groups();
        let entries: usize = (0..groups.len())
            .map(|g| {
                let k = groups.row(g).len();
                k * k.saturating_sub(1) / 2
            })
            .sum();
        let n = graph.actor_count();
        let bound = entries.min(n * n.saturating_sub(1) / 2) + direct.len();
        let keep_direct = !direct.is_empty();
        let mut build = TieBuilder {
            graph: &graph,
            weight,
            min_weight,
            ties: UpperRows::with_capacity(bound, held),
            direct: if keep_direct {
                Rows::with_capacity(bound, direct.len())
            } else {
                Rows::default()
            },
            direct_ties: direct,
            next_direct: 0,
            keep_direct,
            shared: Vec::new(),
            found: Vec::new(),
        };
        for_each_co_membership(
            graph.tie_group_memberships(),
            graph.tie_groups(),
            |pair, groups| {
                build.direct_only_below(pair);
                build.add(pair, groups);
            },
        );
        build.direct_only_below((u32::MAX, u32::MAX));
        let TieBuilder {
            ties, mut direct, ..
        } = build;
        // The room the up-front bound reserved and no tie used was never
        // written: it is not given back, which would copy the ties.
        direct.shrink_to_fit();
        let (adjacency, tie_start, tie_blocks) = ties.finish(n, held);
        Projection {
            graph,
            weight,
            min_weight,
            adjacency,
            tie_start,
            tie_blocks,
            held,
            both_ways: Default::default(),
            direct,
            backbone: None,
        }
    }

    /// The two-mode graph this projection was made from.
    pub fn two_mode(&self) -> &TwoModeGraph<'a> {
        &self.graph
    }

    /// The weighting used.
    pub fn weighting(&self) -> ProjectionWeight {
        self.weight
    }

    /// The minimum tie weight applied, if any.
    pub fn min_weight(&self) -> Option<f64> {
        self.min_weight
    }

    /// Number of actors (nodes).
    pub fn actor_count(&self) -> usize {
        self.graph.actor_count()
    }

    /// The actor at position `p` (positions follow id order).
    pub fn actor(&self, p: usize) -> &'a Actor {
        self.graph.actor(p)
    }

    /// Number of ties (edges).
    pub fn tie_count(&self) -> usize {
        self.ties().len()
    }

    /// The ties, ordered by (source, target) position.
    pub fn ties(&self) -> Ties<'_> {
        Ties {
            adjacency: &self.adjacency,
            start: match self.held {
                TiesHeld::Both => &self.tie_start,
                TiesHeld::Once => self.adjacency.offsets(),
            },
            blocks: &self.tie_blocks,
            held: self.held,
        }
    }

    /// Tie `t` ([`Ties::get`]).
    ///
    /// Complexity: O(log n).
    pub fn tie(&self, t: usize) -> ProjectedTie {
        self.ties().get(t)
    }

    /// The tie groups behind tie `t`, ascending: those its two actors
    /// share ([`TwoModeGraph::shared_tie_groups`]).
    ///
    /// Complexity: O(s log l) for the shorter and the longer of the two
    /// actors' lists of tie groups.
    pub fn groups_behind(&self, t: impl TieKey) -> Intersection<'_> {
        let (source, target) = t.pair(&self.ties());
        self.graph
            .shared_tie_groups(source as usize, target as usize)
    }

    /// The number of engagements behind tie `t` (of tie groups: an
    /// engagement where the two are tied by two rules counts twice).
    ///
    /// Complexity: as [`Projection::groups_behind`].
    pub fn shared(&self, t: impl TieKey) -> u32 {
        self.groups_behind(t).count() as u32
    }

    /// Engagement positions (in the two-mode graph) behind tie `t`, in
    /// engagement order, one for each tie group behind it.
    ///
    /// Complexity: as [`Projection::groups_behind`].
    ///
    /// ```
    /// use verkosto::graph::{Projection, ProjectionOptions};
    /// let text = r#"{"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
    ///   "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}, {"actor": "c"}]},
    ///                   {"id": "q", "name": "Q", "participants": [{"actor": "a"}, {"actor": "b"}]}]}"#;
    /// let (dataset, _) = verkosto::io::json::parse_dataset(text, "example").unwrap();
    /// let p = Projection::new(&dataset, &ProjectionOptions::default()).unwrap();
    /// let ids = |t| -> Vec<&str> {
    ///     p.engagements_behind(t).map(|e| p.two_mode().engagement(e as usize).id.as_str()).collect()
    /// };
    /// assert_eq!(ids(0), ["p", "q"]); // a–b
    /// assert_eq!(ids(2), ["p"]); // b–c
    /// ```
    pub fn engagements_behind(&self, t: impl TieKey) -> impl Iterator<Item = u32> + Clone + '_ {
        self.groups_behind(t)
            .map(|g| self.graph.tie_group(g as usize).0 as u32)
    }

    /// The rule that tied the pair in each of [`Projection::engagements_behind`].
    pub fn rules_behind(&self, t: impl TieKey) -> impl Iterator<Item = TieRule> + Clone + '_ {
        self.groups_behind(t)
            .map(|g| self.graph.tie_group(g as usize).1)
    }

    /// The first and last day tie `t` is seen: the earliest start and the
    /// latest end of the engagements behind it (dates by
    /// [`super::effective_dates`]). The end is `None` while any of them is
    /// open-ended, the start when none has one.
    pub fn tie_span(&self, t: impl TieKey) -> (Option<Date>, Option<Date>) {
        let graph = self.two_mode();
        let mut first: Option<Date> = None;
        let mut last: Option<Date> = None;
        let mut open = false;
        for e in self.engagements_behind(t) {
            let (start, end) = graph.dates(e as usize);
            if let Some(s) = start {
                first = Some(first.map_or(s, |f| f.min(s)));
            }
            match end {
                Some(e) => last = Some(last.map_or(e, |l| l.max(e))),
                None => open = true,
            }
        }
        (first, if open { None } else { last })
    }

    /// The periods tie `t` (or, with `actor`, the actor) is active as
    /// disjoint (start, end) spells, merged from the dates of its
    /// engagements, sorted; `None` when one of them has no date at all, so
    /// that it is present throughout. `None` for an end is open.
    pub fn spells(
        &self,
        engagements: impl IntoIterator<Item = u32>,
    ) -> Option<Vec<(Option<Date>, Option<Date>)>> {
        let graph = self.two_mode();
        let mut spans: Vec<(Option<Date>, Option<Date>)> = Vec::new();
        for e in engagements {
            let (start, end) = graph.dates(e as usize);
            if start.is_none() && end.is_none() {
                return None;
            }
            spans.push((start, end));
        }
        if spans.is_empty() {
            return None;
        }
        // None sorts first, which is what an open start means.
        spans.sort();
        let mut merged: Vec<(Option<Date>, Option<Date>)> = Vec::new();
        for (start, end) in spans {
            if let Some(last) = merged.last_mut() {
                let touches = match (last.1, start) {
                    (None, _) | (_, None) => true,
                    (Some(e), Some(s)) => s <= e,
                };
                if touches {
                    last.1 = match (last.1, end) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                    continue;
                }
            }
            merged.push((start, end));
        }
        Some(merged)
    }

    /// The sum of the weights of the direct ties behind tie `t` (0 when
    /// none), added in the order the projection added them, so
    /// `ties()[t].weight` minus it is the projected part exactly.
    pub fn direct_weight(&self, t: usize) -> f64 {
        let ties = &self.graph.dataset().ties;
        self.direct_ties_behind(t)
            .iter()
            .fold(0.0, |sum, &d| sum + ties[d as usize].weight)
    }

    /// Indices into the dataset's `ties` behind tie `t`.
    pub fn direct_ties_behind(&self, t: usize) -> &[u32] {
        self.direct.row_or_empty(t)
    }

    /// Each actor's number of ties.
    ///
    /// Complexity: O(n).
    pub fn degrees(&self) -> Vec<usize> {
        let mut degree: Vec<usize> = (0..self.actor_count())
            .map(|v| self.adjacency.degree(v))
            .collect();
        if self.held == TiesHeld::Once {
            for &target in self.adjacency.all_targets() {
                degree[target as usize] += 1;
            }
        }
        degree
    }

    /// Each actor's strength: the sum of its ties' weights, added in the
    /// order of its neighbours (as [`Csr::strength`](super::Csr::strength)
    /// of the adjacency, to the last bit), however the ties are held.
    ///
    /// Complexity: O(n + ties).
    pub fn strengths(&self) -> Vec<f64> {
        match self.held {
            TiesHeld::Both => on_adjacency!(&self.adjacency, |rows| rows.strengths()),
            // Ties come by source, then target: an actor's ties from lower
            // actors (ascending) are all met before its own row, whose
            // targets ascend — its neighbours in order.
            TiesHeld::Once => {
                // From −0.0, as a list's sum starts.
                let mut strength = vec![-0.0; self.actor_count()];
                for tie in self.ties() {
                    strength[tie.source as usize] += tie.weight;
                    strength[tie.target as usize] += tie.weight;
                }
                strength
            }
        }
    }

    /// The weighted adjacency lists of the projection: row `v` holds the
    /// actors tied to `v`, ascending, with the ties' weights. They are the
    /// projection's only list of ties, made with it; when the ties are
    /// held once ([`TiesHeld::Once`]), it is built beside them the first
    /// time it is asked for.
    pub fn adjacency(&self) -> &Adjacency {
        match self.held {
            TiesHeld::Both => &self.adjacency,
            TiesHeld::Once => self.both_ways.get_or_init(|| {
                crate::counters::count(crate::counters::Step::Adjacency);
                self.adjacency.whole_rows()
            }),
        }
    }

    /// The projection as a petgraph undirected graph: node weights are
    /// actor positions, edge weights tie weights.
    pub fn to_petgraph(&self) -> UnGraph<u32, f64> {
        let mut g = UnGraph::with_capacity(self.actor_count(), self.tie_count());
        for a in 0..self.actor_count() {
            g.add_node(a as u32);
        }
        for t in self.ties() {
            g.add_edge(
                NodeIndex::new(t.source as usize),
                NodeIndex::new(t.target as usize),
                t.weight,
            );
        }
        g
    }
}

/// The projection's ties as they are found: co-membership pairs in
/// ascending order, merged with the direct ties (sorted the same way).
struct TieBuilder<'g, 'a> {
    graph: &'g TwoModeGraph<'a>,
    weight: ProjectionWeight,
    min_weight: Option<f64>,
    ties: UpperRows,
    direct: Rows,
    /// (lower, higher, dataset tie, weight), by pair then weight.
    direct_ties: Vec<(u32, u32, u32, f64)>,
    next_direct: usize,
    keep_direct: bool,
    /// The engagements behind the tie at hand.
    shared: Vec<u32>,
    /// The dataset ties behind the tie at hand.
    found: Vec<u32>,
}

impl TieBuilder<'_, '_> {
    /// Adds the pairs tied only directly that come before `pair`.
    fn direct_only_below(&mut self, pair: (u32, u32)) {
        while let Some(&(s, d, _, _)) = self.direct_ties.get(self.next_direct) {
            if (s, d) >= pair {
                break;
            }
            self.add((s, d), &[]);
        }
    }

    /// Adds the tie of `pair`, which shares the tie groups `groups` (in
    /// engagement order), with its direct ties.
    fn add(&mut self, pair: (u32, u32), groups: &[u32]) {
        let graph = self.graph;
        self.shared.clear();
        self.shared
            .extend(groups.iter().map(|&g| graph.tie_group(g as usize).0 as u32));
        let mut direct_weight = 0.0;
        self.found.clear();
        while let Some(&(s, d, t, w)) = self.direct_ties.get(self.next_direct) {
            if (s, d) != pair {
                break;
            }
            direct_weight += w;
            self.found.push(t);
            self.next_direct += 1;
        }
        let shared = &self.shared;
        let projected = match self.weight {
            ProjectionWeight::Count => shared.len() as f64,
            ProjectionWeight::Newman => shared
                .iter()
                .map(|&e| 1.0 / (graph.members(e as usize).len() as f64 - 1.0))
                .sum(),
            ProjectionWeight::Jaccard if shared.is_empty() => 0.0,
            ProjectionWeight::Jaccard => {
                let da = graph.engagements_of(pair.0 as usize).len();
                let db = graph.engagements_of(pair.1 as usize).len();
                shared.len() as f64 / (da + db - shared.len()) as f64
            }
        };
        let tie = ProjectedTie {
            source: pair.0,
            target: pair.1,
            weight: projected + direct_weight,
        };
        if self.min_weight.is_some_and(|m| tie.weight < m) {
            return;
        }
        self.ties.push(tie);
        if self.keep_direct {
            self.direct.push_row(self.found.iter().copied());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Engagement, Participation};
    use crate::rng::Rng;

    /// `actors` actors in `engagements` engagements of 2–9 members drawn
    /// at random, some actors in none.
    fn random(actors: usize, engagements: usize, seed: u64) -> Dataset {
        let mut rng = Rng::new(seed);
        let mut dataset = Dataset {
            actors: (0..actors)
                .map(|a| Actor::new(format!("a{a:05}"), format!("A{a}"), "firm"))
                .collect(),
            ..Default::default()
        };
        for e in 0..engagements {
            let mut engagement = Engagement::new(format!("e{e:05}"), format!("E{e}"), "project");
            let mut members: Vec<usize> = (0..2 + rng.below(8))
                .map(|_| rng.below(actors * 4 / 5))
                .collect();
            members.sort_unstable();
            members.dedup();
            engagement.participants = members
                .into_iter()
                .map(|a| Participation {
                    actor: format!("a{a:05}").into(),
                    role: "partner".into(),
                })
                .collect();
            dataset.engagements.push(engagement);
        }
        dataset
    }

    /// The adjacency made in place from the upper halves is the one made
    /// from the tie list, and each tie found by its index (through the
    /// blocks) is the one read in order; so after keeping some ties.
    #[test]
    fn ties_read_from_the_adjacency_are_the_tie_list() {
        for (actors, engagements, seed) in [(3, 1, 1), (40, 30, 2), (600, 900, 3), (2000, 400, 4)] {
            let dataset = random(actors, engagements, seed);
            assert!(crate::model::validate::check(&dataset).is_valid());
            let full = Projection::new(&dataset, &ProjectionOptions::default()).unwrap();
            let mut rng = Rng::new(seed);
            let keep: Vec<bool> = (0..full.tie_count()).map(|_| rng.below(3) > 0).collect();
            let kept = full.retain_ties(&keep);
            let chosen: Vec<ProjectedTie> = full
                .ties()
                .iter()
                .zip(&keep)
                .filter(|(_, &k)| k)
                .map(|(t, _)| t)
                .collect();
            assert_eq!(kept.ties().iter().collect::<Vec<_>>(), chosen);
            assert!(chosen.len() > TIE_BLOCK || actors < 100);
            for p in [kept, full] {
                let list: Vec<ProjectedTie> = p.ties().iter().collect();
                assert_eq!(list.len(), p.tie_count());
                assert!(list
                    .windows(2)
                    .all(|w| (w[0].source, w[0].target) < (w[1].source, w[1].target)));
                assert!(list.iter().all(|t| t.source < t.target));
                for (t, tie) in list.iter().enumerate() {
                    assert_eq!(p.tie(t), *tie, "tie {t}");
                }
                let reference = super::super::Csr::from_edges(
                    p.actor_count(),
                    list.iter().map(|t| (t.source, t.target, t.weight)),
                );
                assert_eq!(*p.adjacency(), Adjacency::from_weights(reference));
            }
        }
    }

    #[test]
    fn options_refuse_more_ties_than_a_projection_holds() {
        let options = |max_ties| ProjectionOptions {
            max_ties,
            ..Default::default()
        };
        assert!(options(MAX_HELD_TIES).check().is_ok());
        assert!(options(MAX_HELD_TIES + 1).check().is_err());
    }

    /// Ties held once give the same ties, degrees, kept ties and, built
    /// when asked, the same adjacency as ties held both ways.
    #[test]
    fn ties_held_once_are_the_ties_held_both_ways() {
        let cases = [(3, 1, 1), (40, 30, 2), (600, 900, 3)];
        let weights = [
            ProjectionWeight::Count,
            ProjectionWeight::Newman,
            ProjectionWeight::Jaccard,
        ];
        for ((actors, engagements, seed), weight) in cases
            .into_iter()
            .flat_map(|case| weights.map(|weight| (case, weight)))
        {
            let dataset = random(actors, engagements, seed);
            let options = ProjectionOptions {
                weight,
                ..Default::default()
            };
            let both = Projection::new(&dataset, &options).unwrap();
            let once = Projection::new(
                &dataset,
                &ProjectionOptions {
                    held: TiesHeld::Once,
                    ..options.clone()
                },
            )
            .unwrap();
            // Counts are held as bytes; Newman's and Jaccard's weights of
            // this network are not all exact in f32.
            let byte = matches!(both.adjacency(), Adjacency::Byte(_));
            let wide = matches!(both.adjacency(), Adjacency::Wide(_));
            assert_eq!(byte, weight == ProjectionWeight::Count || actors < 10);
            assert_eq!(wide, weight != ProjectionWeight::Count && actors > 10);
            let list = |p: &Projection<'_>| p.ties().iter().collect::<Vec<_>>();
            assert_eq!(list(&once), list(&both));
            assert_eq!(once.degrees(), both.degrees());
            let bits = |p: &Projection<'_>| {
                p.strengths()
                    .iter()
                    .map(|s| s.to_bits())
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(&once), bits(&both));
            for t in 0..both.tie_count() {
                assert_eq!(once.tie(t), both.tie(t));
                assert_eq!(
                    once.ties().weight(t).to_bits(),
                    both.tie(t).weight.to_bits()
                );
                assert_eq!(
                    both.ties().weight(t).to_bits(),
                    both.tie(t).weight.to_bits()
                );
            }
            let keep: Vec<bool> = (0..both.tie_count()).map(|t| t % 3 != 1).collect();
            assert_eq!(
                list(&once.retain_ties(&keep)),
                list(&both.retain_ties(&keep))
            );
            assert_eq!(once.adjacency(), both.adjacency());
        }
    }
}
