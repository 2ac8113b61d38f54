//! The analysis at the heart of the library: a dataset and its options
//! become one projection, one adjacency, and results computed lazily and
//! once — every metric, the community partition, the cut structure, the
//! brokerage counts, the summary — which every table, map, report and
//! export then reads.
//!
//! ```
//! use verkosto::{Analysis, AnalysisOptions, Metric};
//! let text = r#"{"name": "demo",
//!   "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
//!   "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}]},
//!                   {"id": "q", "name": "Q", "participants": [{"actor": "b"}, {"actor": "c"}]}]}"#;
//! let (dataset, _) = verkosto::io::json::parse_dataset(text, "demo").unwrap();
//! let analysis = Analysis::new(&dataset, AnalysisOptions::default()).unwrap();
//! // b lies on the only path between a and c.
//! let betweenness = analysis.metric(Metric::Betweenness).unwrap();
//! assert_eq!(betweenness[1].as_f64(), Some(1.0));
//! assert_eq!(analysis.summary().unwrap().components, 1);
//! ```

mod caveats;
mod columns;
mod compare;
mod evolution;
mod projects;
mod select;
mod summary;

pub use caveats::RANKED;
pub use compare::{compare, Comparison, TieChange, Window};
pub use evolution::{evolution, evolution_metrics, EvolutionMode, PeriodRow, Periods};
pub(crate) use projects::ActorIds;
pub use projects::LeftOut;
pub(crate) use select::{neighbourhood, shown_components};

use crate::error::Result;
use crate::graph::{on_adjacency, Adjacency, Projection, ProjectionOptions};
use crate::metrics::brokerage::{gould_fernandez, sole_broker_pairs, BrokerFigures, Brokerage};
use crate::metrics::centrality::KatzOptions;
use crate::metrics::cohesion::{components_of_ties, cut_structure, CutStructure};
use crate::metrics::community::{
    community_profiles, detect, stability, CommunityOptions, CommunityProfile, Partition, Stability,
};
use crate::metrics::mixing::{mixing, Groups, Mixing};
use crate::metrics::reach::Reach;
use crate::metrics::warning::Caveat;
use crate::metrics::{ActorMetrics, Metric, MetricValue, NetworkSummary, PathLength};
use crate::model::{Actor, Dataset};
use petgraph::graph::{NodeIndex, UnGraph};
use std::sync::OnceLock;

/// Reports progress of long computations: (metric, done, total).
pub type MetricProgress<'a> = &'a (dyn Fn(&'static str, usize, usize) + Sync);

/// Everything that decides an analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisOptions {
    /// Filters, weights and the minimum tie weight of the projection.
    pub projection: ProjectionOptions,
    /// Community detection (the `community` metric, summary, maps, report).
    pub community: CommunityOptions,
    /// Path lengths of betweenness, closeness and harmonic centrality.
    pub length: PathLength,
    /// Katz α.
    pub katz: KatzOptions,
    /// The actor attribute that groups actors for mixing and brokerage
    /// (default `kind`).
    pub group: String,
    /// Group values that differ only in case, spacing or diacritics
    /// ("FAROE ISLANDS", "Faroe Islands") are one group, under their most
    /// common spelling.
    pub fold_groups: bool,
    /// Estimate betweenness from sampled shortest paths with this accuracy
    /// instead of computing it exactly (hop paths only).
    pub betweenness_sample: Option<crate::metrics::sampled_betweenness::SampleOptions>,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            projection: ProjectionOptions::default(),
            community: CommunityOptions::default(),
            length: PathLength::default(),
            katz: KatzOptions::default(),
            group: "kind".into(),
            fold_groups: false,
            betweenness_sample: None,
        }
    }
}

/// A projected tie as the petgraph network holds it: its weight and the
/// engagements and direct ties behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct TieWeight<'a> {
    /// The projected weight, plus direct ties.
    pub weight: f64,
    /// Number of engagements the two actors share.
    pub shared: u32,
    /// Sum of the direct ties' weights (0 when none).
    pub direct_weight: f64,
    /// Ids of the engagements behind the tie.
    pub engagements: Vec<&'a str>,
    /// Indices into the dataset's `ties` behind the tie.
    pub direct_ties: Vec<u32>,
}

/// The actor network as a petgraph graph: node `i` is the actor at
/// position `i` (id order), edge `t` is projected tie `t`.
pub type Network<'a> = UnGraph<&'a Actor, TieWeight<'a>>;

/// A dataset analysed under one set of options. See the [module
/// docs](self).
pub struct Analysis<'a> {
    projection: Projection<'a>,
    options: AnalysisOptions,
    progress: Option<MetricProgress<'a>>,
    network: OnceLock<Network<'a>>,
    columns: [OnceLock<Vec<MetricValue>>; Metric::ALL.len()],
    katz_alpha: OnceLock<f64>,
    partition: OnceLock<Partition>,
    cut: OnceLock<CutStructure>,
    brokerage: OnceLock<Vec<Brokerage>>,
    groups: OnceLock<Groups>,
    summary: OnceLock<NetworkSummary>,
    /// Per engagement position, the dataset index of its top-level
    /// engagement (following `part_of`).
    roots: OnceLock<Vec<usize>>,
    yearly: OnceLock<Vec<PeriodRow>>,
    reach: OnceLock<Reach>,
    components: OnceLock<Vec<usize>>,
    mixing: OnceLock<Mixing>,
    caveats: OnceLock<Vec<Caveat>>,
    parts: OnceLock<(Vec<crate::metrics::warning::NetworkPart>, usize)>,
    /// Caveats of metrics computed so far (did not converge, sampled).
    computing_caveats: std::sync::Mutex<Vec<Caveat>>,
    scaled: OnceLock<Option<Adjacency>>,
}

/// Gets a cached value or computes it (once, when it succeeds).
fn cached<T>(cell: &OnceLock<T>, compute: impl FnOnce() -> Result<T>) -> Result<&T> {
    if let Some(value) = cell.get() {
        return Ok(value);
    }
    let value = compute()?;
    Ok(cell.get_or_init(|| value))
}

impl<'a> Analysis<'a> {
    /// Projects `dataset` (which must be valid) under `options`. The
    /// grouping attribute is taken as [`Dataset::attribute_key`] reads it
    /// (`maakunta` is `region`); an attribute no actor has is an error.
    ///
    /// Complexity: that of the projection, O(Σ_e n_e² log n_e), plus
    /// O(n + m log Δ) for the adjacency; metrics are computed on request.
    pub fn new(dataset: &'a Dataset, mut options: AnalysisOptions) -> Result<Analysis<'a>> {
        options.group = dataset.attribute_key("group", &options.group)?;
        let projection = Projection::new(dataset, &options.projection)?;
        Ok(Analysis::from_projection(projection, options))
    }

    /// Analyses a projection already made (its options win over
    /// `options.projection`).
    pub fn from_projection(projection: Projection<'a>, options: AnalysisOptions) -> Analysis<'a> {
        Analysis {
            projection,
            options,
            progress: None,
            network: OnceLock::new(),
            columns: Default::default(),
            katz_alpha: OnceLock::new(),
            partition: OnceLock::new(),
            cut: OnceLock::new(),
            brokerage: OnceLock::new(),
            groups: OnceLock::new(),
            summary: OnceLock::new(),
            roots: OnceLock::new(),
            yearly: OnceLock::new(),
            reach: OnceLock::new(),
            components: OnceLock::new(),
            mixing: OnceLock::new(),
            caveats: OnceLock::new(),
            parts: OnceLock::new(),
            computing_caveats: Default::default(),
            scaled: OnceLock::new(),
        }
    }

    /// Reports the progress of path-based metrics to `progress`.
    pub fn with_progress(mut self, progress: MetricProgress<'a>) -> Analysis<'a> {
        self.progress = Some(progress);
        self
    }

    /// The options.
    pub fn options(&self) -> &AnalysisOptions {
        &self.options
    }

    /// The projection (actors, ties and their provenance).
    pub fn projection(&self) -> &Projection<'a> {
        &self.projection
    }

    /// The dataset analysed.
    pub fn dataset(&self) -> &'a Dataset {
        self.projection.two_mode().dataset()
    }

    /// Number of actors in the network.
    pub fn actor_count(&self) -> usize {
        self.projection.actor_count()
    }

    /// The actor at position `p` (id order).
    pub fn actor(&self, p: usize) -> &'a Actor {
        self.projection.actor(p)
    }

    /// The weighted adjacency every metric walks (built once).
    pub fn adjacency(&self) -> &Adjacency {
        self.projection.adjacency()
    }

    /// The network as a petgraph graph, built on first use: actors as node
    /// weights, ties (weight and provenance) as edge weights. Node index
    /// `i` is actor position `i`; edge index `t` is tie `t` of
    /// [`Projection::ties`]. This is the network to hold: run petgraph's
    /// algorithms on it, and verkosto's on it or on any petgraph graph
    /// through [`crate::algo`].
    ///
    /// ```
    /// use verkosto::{algo, Analysis, AnalysisOptions, Metric};
    /// use verkosto::metrics::centrality::BetweennessOptions;
    /// let (dataset, _) =
    ///     verkosto::io::json::load_dataset("graphs/finland-regional.json".as_ref()).unwrap();
    /// let analysis = Analysis::new(&dataset, AnalysisOptions::default()).unwrap();
    /// let network = analysis.network();
    /// // A petgraph algorithm…
    /// let parts = petgraph::algo::connected_components(network);
    /// assert_eq!(parts, analysis.summary().unwrap().components);
    /// // …and a verkosto metric on the same graph, weighted by the ties.
    /// let prepared = algo::Prepared::new(network, |e| e.weight().weight);
    /// let b = prepared.betweenness(BetweennessOptions::default());
    /// let same = analysis.metric(Metric::Betweenness).unwrap();
    /// assert!(b.iter().zip(same).all(|(x, y)| (x - y.as_f64().unwrap()).abs() < 1e-9));
    /// ```
    pub fn network(&self) -> &Network<'a> {
        self.network.get_or_init(|| {
            let p = &self.projection;
            let graph = p.two_mode();
            let mut g = UnGraph::with_capacity(p.actor_count(), p.tie_count());
            for a in 0..p.actor_count() {
                g.add_node(p.actor(a));
            }
            for (t, tie) in p.ties().iter().enumerate() {
                g.add_edge(
                    NodeIndex::new(tie.source as usize),
                    NodeIndex::new(tie.target as usize),
                    TieWeight {
                        weight: tie.weight,
                        shared: p.shared(t),
                        direct_weight: p.direct_weight(t),
                        engagements: p
                            .engagements_behind(t)
                            .map(|e| graph.engagement(e as usize).id.as_str())
                            .collect(),
                        direct_ties: p.direct_ties_behind(t).to_vec(),
                    },
                );
            }
            g
        })
    }

    /// Each actor's value of the grouping attribute (`options.group`),
    /// `(none)` where it has none.
    pub fn groups(&self) -> &Groups {
        self.groups
            .get_or_init(|| self.groups_of(&self.options.group))
    }

    /// Each actor's group by `key` (`kind` when empty), `(none)` where it
    /// has no value.
    fn groups_of(&self, key: &str) -> Groups {
        let key = if key.is_empty() { "kind" } else { key };
        let value = |a: usize| {
            self.actor(a)
                .group_value(key)
                .unwrap_or_else(|| "(none)".to_string())
        };
        if !self.options.fold_groups {
            return Groups::of(self.actor_count(), value);
        }
        let canonical: std::collections::HashMap<String, String> = self
            .group_spellings(key)
            .into_iter()
            .flat_map(|spellings| {
                let first = spellings[0].clone();
                spellings.into_iter().map(move |s| (s, first.clone()))
            })
            .collect();
        Groups::of(self.actor_count(), |a| {
            let v = value(a);
            canonical.get(&v).cloned().unwrap_or(v)
        })
    }

    /// The values of the grouping attribute `key` that differ only in
    /// case, spacing or diacritics: each set of two or more spellings,
    /// the most common first (then in text order), sets in text order.
    pub fn group_spellings(&self, key: &str) -> Vec<Vec<String>> {
        let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
        for a in 0..self.actor_count() {
            if let Some(v) = self.actor(a).group_value(key) {
                *counts.entry(v).or_default() += 1;
            }
        }
        let mut by_fold: std::collections::BTreeMap<String, Vec<(usize, String)>> =
            Default::default();
        for (v, n) in counts {
            by_fold
                .entry(crate::text::fold(&v))
                .or_default()
                .push((n, v));
        }
        by_fold
            .into_values()
            .filter(|s| s.len() > 1)
            .map(|mut s| {
                s.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                s.into_iter().map(|(_, v)| v).collect()
            })
            .collect()
    }

    /// Each actor's value of `key` (`kind`, `region`, an attribute…), with
    /// `(none)` where the actor has none.
    pub fn group_values(&self, key: &str) -> Vec<String> {
        self.groups_by(key).labels()
    }

    /// The connected component of every actor, numbered from the largest
    /// (computed once).
    pub fn components(&self) -> &[usize] {
        self.components.get_or_init(|| {
            let ties = self.projection.ties().iter();
            components_of_ties(self.actor_count(), ties.map(|t| (t.source, t.target)))
        })
    }

    /// Ties and weights within and between the groups of
    /// [`Analysis::groups`] (computed once).
    pub fn mixing(&self) -> &Mixing {
        self.mixing.get_or_init(|| {
            let groups = self.groups();
            mixing(self.tie_triples(), &groups.names, &groups.index)
        })
    }

    /// The ties as (actor, actor, weight), each once, in the order of the
    /// adjacency's rows (by the first actor, then the second).
    fn tie_triples(&self) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        let ties = self.projection.ties().iter();
        ties.map(|t| (t.source, t.target, t.weight))
    }

    /// The mixing of the groups of `key`: [`Analysis::mixing`] when `key`
    /// is the analysis' grouping, else computed now.
    pub fn mixing_by(&self, key: &str) -> std::borrow::Cow<'_, Mixing> {
        if key == self.options.group {
            std::borrow::Cow::Borrowed(self.mixing())
        } else {
            let groups = self.groups_of(key);
            std::borrow::Cow::Owned(mixing(self.tie_triples(), &groups.names, &groups.index))
        }
    }

    /// The community partition under `options.community` (run once).
    pub fn partition(&self) -> Result<&Partition> {
        cached(&self.partition, || {
            on_adjacency!(self.adjacency(), |rows| detect(
                rows,
                &self.options.community
            ))
        })
    }

    /// Articulation points, bridges and separated pairs (computed once).
    pub fn cut_structure(&self) -> &CutStructure {
        self.cut
            .get_or_init(|| on_adjacency!(self.adjacency(), |rows| cut_structure(rows)))
    }

    /// Gould–Fernandez brokerage counts by [`Analysis::groups`] (computed
    /// once).
    pub fn brokerage(&self) -> &[Brokerage] {
        self.brokerage.get_or_init(|| {
            on_adjacency!(self.adjacency(), |rows| gould_fernandez(
                rows,
                &self.groups().index
            ))
        })
    }

    /// Who reaches which target groups and participants (computed once).
    pub fn reach(&self) -> &Reach {
        self.reach
            .get_or_init(|| crate::metrics::reach::reach(self.projection.two_mode()))
    }

    /// The network per period (see [`evolution()`]), from this analysis'
    /// projection: no projection is made again.
    pub fn evolution(&self, periods: &Periods, mode: EvolutionMode) -> Result<Vec<PeriodRow>> {
        evolution::evolution_of(&self.projection, &self.options.projection, periods, mode)
    }

    /// The network year by year, each year's own network
    /// ([`EvolutionMode::Window`]), computed once.
    ///
    /// # Errors
    ///
    /// As [`Analysis::evolution`].
    pub fn yearly(&self) -> Result<&[PeriodRow]> {
        if let Some(rows) = self.yearly.get() {
            return Ok(rows);
        }
        let rows = self.evolution(&Periods::Year, EvolutionMode::Window)?;
        Ok(self.yearly.get_or_init(|| rows))
    }

    /// The first and the last date of the kept engagements, if any has
    /// one.
    pub fn span(&self) -> Option<(crate::model::Date, crate::model::Date)> {
        let graph = self.projection.two_mode();
        let dates = (0..graph.engagement_count()).flat_map(|e| {
            let (start, end) = graph.dates(e);
            [start, end].into_iter().flatten()
        });
        dates.fold(None, |span, d| match span {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        })
    }

    /// The Katz α used, once `katz` has been computed.
    pub fn katz_alpha(&self) -> Option<f64> {
        self.katz_alpha.get().copied()
    }

    /// The values of one metric for every actor (computed once).
    pub fn metric(&self, metric: Metric) -> Result<&[MetricValue]> {
        cached(&self.columns[metric.index()], || self.compute(metric)).map(Vec::as_slice)
    }

    /// Several metrics as one table, in [`Metric::ALL`] order (all of them
    /// when `metrics` is empty).
    pub fn metrics(&self, metrics: &[Metric]) -> Result<ActorMetrics> {
        let columns: Vec<Metric> = Metric::ALL
            .into_iter()
            .filter(|m| metrics.is_empty() || metrics.contains(m))
            .collect();
        let mut values = Vec::with_capacity(columns.len());
        for &m in &columns {
            values.push(self.metric(m)?.to_vec());
        }
        Ok(ActorMetrics {
            katz_alpha: columns
                .contains(&Metric::Katz)
                .then(|| self.katz_alpha())
                .flatten(),
            modularity: if columns.contains(&Metric::Community) {
                Some(self.partition()?.modularity)
            } else {
                None
            },
            columns,
            values,
        })
    }

    /// A metric as plain numbers, missing values as `f64::NEG_INFINITY`
    /// (so that they rank last).
    pub fn scores(&self, metric: Metric) -> Result<Vec<f64>> {
        Ok(self
            .metric(metric)?
            .iter()
            .map(|v| v.as_f64().unwrap_or(f64::NEG_INFINITY))
            .collect())
    }

    /// Every brokerage figure of every actor: Burt's constraint and
    /// effective size, Gould–Fernandez roles, cut points.
    pub fn broker_figures(&self) -> Result<Vec<BrokerFigures>> {
        let brokers = self.brokers()?;
        Ok((0..self.actor_count())
            .map(|v| brokers.figures(v))
            .collect())
    }

    /// The brokerage figures, each actor's put together when asked for
    /// ([`Brokers::figures`]): the metrics behind them are computed
    /// once, and no list of every actor's figures is held.
    pub fn brokers(&self) -> Result<Brokers<'_>> {
        Ok(Brokers {
            constraint: self.metric(Metric::Constraint)?,
            effective: self.metric(Metric::EffectiveSize)?,
            cut: self.cut_structure(),
            sole: on_adjacency!(self.adjacency(), |rows| sole_broker_pairs(rows)),
            groups: self.groups(),
            roles: self.brokerage(),
        })
    }

    /// Runs community detection with `runs` seeds (the options' seed and
    /// the next ones) and measures how much the partitions agree;
    /// `progress` is told how many runs have finished.
    pub fn stability(
        &self,
        runs: usize,
        progress: Option<&(dyn Fn(usize) + Sync)>,
    ) -> Result<Stability> {
        if runs == 0 {
            return Err(crate::error::Error::invalid("runs", 0, "at least 1"));
        }
        on_adjacency!(self.adjacency(), |rows| {
            stability(rows, &self.options.community, runs, progress)
        })
    }

    /// Size, internal density and make-up (by `key`) of each community.
    pub fn community_profiles(&self, key: &str) -> Result<Vec<CommunityProfile>> {
        let (partition, groups) = (self.partition()?, self.groups_by(key));
        Ok(on_adjacency!(self.adjacency(), |rows| {
            community_profiles(rows, partition, &groups)
        }))
    }

    /// The groups by `key`: [`Analysis::groups`] when `key` is the
    /// options' grouping attribute, else computed.
    pub fn groups_by(&self, key: &str) -> std::borrow::Cow<'_, Groups> {
        if key == self.options.group {
            std::borrow::Cow::Borrowed(self.groups())
        } else {
            std::borrow::Cow::Owned(self.groups_of(key))
        }
    }

    /// The network summary (computed once).
    ///
    /// Complexity: dominated by community detection and the average path
    /// length of the largest component (exact up to 5,000 actors, then
    /// estimated from a fixed number of sources).
    pub fn summary(&self) -> Result<&NetworkSummary> {
        cached(&self.summary, || self.summarize())
    }
}

/// What each actor's brokerage figures are read from
/// ([`Analysis::brokers`]).
#[derive(Debug)]
pub struct Brokers<'s> {
    constraint: &'s [MetricValue],
    effective: &'s [MetricValue],
    cut: &'s CutStructure,
    sole: Vec<usize>,
    groups: &'s Groups,
    roles: &'s [Brokerage],
}

impl Brokers<'_> {
    /// Actor `v`'s figures. O(log a) for a articulation points.
    pub fn figures(&self, v: usize) -> BrokerFigures {
        BrokerFigures {
            group: self.groups.name(v).to_string(),
            constraint: self.constraint[v].as_f64(),
            effective_size: self.effective[v].as_f64(),
            roles: self.roles[v],
            articulation_point: self.cut.articulation_points.binary_search(&v).is_ok(),
            separated_pairs: self.cut.separated_pairs[v],
            sole_broker_pairs: self.sole[v],
        }
    }
}
