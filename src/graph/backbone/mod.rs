//! Significance backbones: which ties are more than the actors' activity
//! explains.
//!
//! A projected tie means "took part in the same engagements". In project
//! data most organisations take part in one or two projects and one large
//! project ties every pair of its partners, so most ties say little. The
//! models here test, for each tie, whether its co-membership count (or
//! weight) is larger than a null model expects:
//!
//! - [`BackboneModel::Sdsm`]: the stochastic degree sequence model —
//!   the bipartite configuration model of the actor × engagement matrix
//!   (Saracco et al. 2015, 2017; Neal 2014), under which the number of
//!   engagements two actors share is a Poisson-binomial variable; its
//!   upper tail is computed exactly, as sums of non-negative terms.
//! - [`BackboneModel::Hypergeometric`]: the fixed-row model of
//!   Tumminello et al. (2011): each actor's engagements drawn at random
//!   among all of them.
//! - [`BackboneModel::Disparity`]: the disparity filter of Serrano, Boguñá
//!   and Vespignani (2009) on the weighted projection: a tie is
//!   significant when its weight is a larger share of either end's
//!   strength than a uniform split would give.
//!
//! The p-values are then corrected for the number of tests
//! ([`Correction`]): for the two matrix models every pair of actors is a
//! hypothesis (pairs that share nothing have p = 1), as in the `bicm`
//! package; for the disparity filter every tie.

mod bicm;
mod correction;
mod tail;

pub use correction::Correction;

use super::csr::Intersection;
use super::projection::Projection;
use crate::error::{Error, Result};
use bicm::{Bicm, DegreeClass};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// The null model a tie is tested against.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum BackboneModel {
    /// Stochastic degree sequence model (bipartite configuration model).
    #[default]
    Sdsm,
    /// Fixed-row hypergeometric model.
    Hypergeometric,
    /// Disparity filter on the weighted projection.
    Disparity,
}

impl BackboneModel {
    /// The option value: `sdsm`, `hypergeometric` or `disparity`.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for BackboneModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for BackboneModel {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        crate::named::parse("model", s)
    }
}

/// A backbone test: the model, the significance level and the correction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BackboneOptions {
    /// The null model.
    pub model: BackboneModel,
    /// The significance level α, in (0, 1).
    pub alpha: f64,
    /// The multiple-testing correction.
    pub correction: Correction,
}

impl Default for BackboneOptions {
    fn default() -> Self {
        BackboneOptions {
            model: BackboneModel::Sdsm,
            alpha: 0.05,
            correction: Correction::Fdr,
        }
    }
}

impl BackboneOptions {
    /// Checks α.
    pub fn check(&self) -> Result<()> {
        if !(self.alpha > 0.0 && self.alpha < 1.0) {
            return Err(Error::invalid(
                "alpha",
                self.alpha,
                "a number between 0 and 1",
            ));
        }
        Ok(())
    }

    /// Reads `MODEL[:ALPHA[:CORRECTION]]`, such as `sdsm`, `sdsm:0.01` or
    /// `disparity:0.05:holm`; what is left out takes its default (α 0.05,
    /// fdr).
    ///
    /// ```
    /// use verkosto::graph::{BackboneModel, BackboneOptions, Correction};
    /// let o = BackboneOptions::parse("hypergeometric:0.01").unwrap();
    /// assert_eq!(o.model, BackboneModel::Hypergeometric);
    /// assert_eq!(o.alpha, 0.01);
    /// assert_eq!(o.correction, Correction::Fdr);
    /// assert!(BackboneOptions::parse("sdsm:2").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<BackboneOptions> {
        let mut parts = text.split(':');
        let mut options = BackboneOptions {
            model: parts.next().unwrap_or_default().parse()?,
            ..BackboneOptions::default()
        };
        if let Some(alpha) = parts.next() {
            options.alpha = alpha
                .parse()
                .map_err(|_| Error::invalid("alpha", alpha, "a number between 0 and 1"))?;
        }
        if let Some(correction) = parts.next() {
            options.correction = correction.parse()?;
        }
        if let Some(extra) = parts.next() {
            return Err(Error::invalid(
                "backbone",
                extra,
                "MODEL[:ALPHA[:CORRECTION]], such as sdsm:0.05:fdr",
            ));
        }
        options.check()?;
        Ok(options)
    }
}

impl std::fmt::Display for BackboneOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.model, self.alpha, self.correction)
    }
}

/// The p-value of a tie not tested.
const UNTESTED: f64 = -1.0;

/// The test of one projected tie.
///
/// 12 bytes: the p-value, held as a number (−1 when there is none, which
/// a p-value never is) and read with [`TieTest::p_value`], and the
/// co-membership, packed to 4-byte alignment. Whether the tie is kept
/// follows from its p-value and the threshold ([`Backbone::kept`]).
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, packed(4))]
pub struct TieTest {
    p: f64,
    co_membership: u32,
}

impl TieTest {
    /// A test: its co-membership and p-value (`None` when the tie is not
    /// tested).
    pub fn new(co_membership: u32, p_value: Option<f64>) -> TieTest {
        TieTest {
            p: p_value.unwrap_or(UNTESTED),
            co_membership,
        }
    }

    /// Engagements the two actors share in the actor × engagement matrix.
    pub fn co_membership(&self) -> u32 {
        self.co_membership
    }

    /// The p-value; `None` when the tie was not tested (the matrix models
    /// test co-membership, so a tie made only of direct ties is not).
    pub fn p_value(&self) -> Option<f64> {
        let p = self.p;
        (p != UNTESTED).then_some(p)
    }
}

/// Whether a test of p-value `p` passes `threshold`.
fn passes(p: Option<f64>, threshold: Option<f64>) -> bool {
    matches!((p, threshold), (Some(p), Some(t)) if correction::at_most(p, t))
}

/// What a backbone test did, in numbers: enough for a methods paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BackboneSummary {
    /// The test.
    pub options: BackboneOptions,
    /// Actors (rows) and engagements (columns) of the matrix models'
    /// actor × engagement matrix; for the disparity filter, actors with a
    /// tie and 0.
    pub matrix: (usize, usize),
    /// Hypotheses the correction counts (every pair of the matrix's
    /// actors for sdsm and hypergeometric; every tie for disparity).
    pub hypotheses: u64,
    /// Ties with a p-value.
    pub tested: usize,
    /// Ties kept.
    pub kept: usize,
    /// Ties of the projection.
    pub ties: usize,
    /// The largest p-value kept, if any tie is.
    pub threshold: Option<f64>,
    /// The largest relative error of an expected degree of the solved
    /// configuration model (sdsm only).
    pub solver_residual: Option<f64>,
}

/// The tests of every tie of a projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Backbone {
    /// One test per projected tie, in the projection's tie order.
    pub tests: Vec<TieTest>,
    /// The counts.
    pub summary: BackboneSummary,
}

impl Backbone {
    /// Whether tie `t` is in the backbone: tested, with a p-value at most
    /// the threshold.
    ///
    /// # Panics
    ///
    /// When `t` is not a tie, as a slice's index.
    pub fn kept(&self, t: usize) -> bool {
        passes(self.tests[t].p_value(), self.summary.threshold)
    }
}

/// Tests every tie of `projection` under `options`.
///
/// Arguments: the projection (its filter decides the actor × engagement
/// matrix: the kept participations of tie-making roles) and the test.
///
/// Returns one [`TieTest`] per tie and the [`BackboneSummary`].
///
/// Complexity: O(Σ_t (d_s + d_t)) to count co-memberships, plus for sdsm
/// the model over degree classes (O(R·C) per sweep for R actor and C
/// engagement degree classes) and O(C·k²) per distinct pair of actor
/// degrees with largest co-membership k; O(k) per tie for hypergeometric;
/// O(ties) for disparity.
///
/// References: Neal (2014) *Social Networks* 39; Saracco et al. (2017)
/// *New J. Phys.* 19; Tumminello et al. (2011) *PLoS ONE* 6(3); Serrano,
/// Boguñá and Vespignani (2009) *PNAS* 106(16).
///
/// ```
/// use verkosto::graph::{backbone, BackboneModel, BackboneOptions, Projection, ProjectionOptions};
/// let text = r#"{"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}]},
///                   {"id": "q", "name": "Q", "participants": [{"actor": "a"}, {"actor": "b"}, {"actor": "c"}]}]}"#;
/// let (dataset, _) = verkosto::io::json::parse_dataset(text, "example").unwrap();
/// let p = Projection::new(&dataset, &ProjectionOptions::default()).unwrap();
/// let options = BackboneOptions { model: BackboneModel::Hypergeometric, ..Default::default() };
/// let b = backbone(&p, &options).unwrap();
/// // a and b are in both engagements: P(V ≥ 2) = 1 when both are in all.
/// assert_eq!(b.tests[0].co_membership(), 2);
/// assert_eq!(b.tests[0].p_value(), Some(1.0));
/// assert_eq!(b.summary.kept, 0);
/// ```
pub fn backbone(projection: &Projection, options: &BackboneOptions) -> Result<Backbone> {
    options.check()?;
    let graph = projection.two_mode();
    let memberships = graph.membership_rows();
    let ties = projection.ties();
    // Each tie's test, made once with its co-membership; the model then
    // gives it its p-value in place.
    let mut tests: Vec<TieTest> = ties
        .par_iter()
        .map(|t| {
            let shared = Intersection::new(
                memberships.row_or_empty(t.source as usize),
                memberships.row_or_empty(t.target as usize),
            )
            .count() as u32;
            TieTest::new(shared, None)
        })
        .collect();
    let degree = |a: u32| memberships.row_or_empty(a as usize).len() as u64;
    let rows = (0..graph.actor_count())
        .filter(|&a| !memberships.row_or_empty(a).is_empty())
        .count();
    let members = graph.member_rows();
    let columns = (0..members.len())
        .filter(|&e| !members.row(e).is_empty())
        .count();
    let pairs = rows as u64 * (rows as u64).saturating_sub(1) / 2;
    let mut solver_residual = None;
    // The matrix, and the hypotheses: every pair of actors of the actor ×
    // engagement matrix, or (`None`) the ties tested.
    let (matrix, pairs): ((usize, usize), Option<u64>) = match options.model {
        BackboneModel::Sdsm => {
            solver_residual = sdsm(projection, &mut tests);
            ((rows, columns), Some(pairs))
        }
        BackboneModel::Hypergeometric => {
            let n = columns as u64;
            tests
                .par_iter_mut()
                .zip(ties.par_iter())
                .for_each(|(test, t)| {
                    let v = test.co_membership();
                    if v > 0 {
                        test.p = tail::hypergeometric_tail(
                            n,
                            degree(t.source),
                            degree(t.target),
                            v as u64,
                        );
                    }
                });
            ((rows, columns), Some(pairs))
        }
        BackboneModel::Disparity => ((disparity(projection, &mut tests), 0), None),
    };
    let tested = tests.iter().filter(|t| t.p_value().is_some()).count();
    let hypotheses = pairs.unwrap_or(tested as u64);
    // Only the smallest p-values can pass (at most α, and fewer still
    // for a correction whose threshold shrinks with the number of
    // hypotheses), and they rank among themselves as among all: the
    // threshold is found from them alone.
    let m = hypotheses.max(tested as u64);
    let bound = options.correction.passable_bound(
        || tests.iter().filter_map(TieTest::p_value),
        options.alpha,
        m,
    );
    let candidate = |t: &TieTest| t.p_value().filter(|&p| correction::at_most(p, bound));
    // Counted first, so that the list is made at its size, not grown by
    // copies.
    let mut candidates = Vec::with_capacity(tests.iter().filter_map(candidate).count());
    candidates.extend(tests.iter().filter_map(candidate));
    let threshold = options
        .correction
        .threshold_of(candidates, options.alpha, m);
    let kept = tests
        .iter()
        .filter(|t| passes(t.p_value(), threshold))
        .count();
    Ok(Backbone {
        summary: BackboneSummary {
            options: *options,
            matrix,
            hypotheses,
            tested,
            kept,
            ties: ties.len(),
            threshold,
            solver_residual,
        },
        tests,
    })
}

/// Gives each test (one per tie, in order) with a co-membership its sdsm
/// p-value; returns the solver's residual.
fn sdsm(projection: &Projection, tests: &mut [TieTest]) -> Option<f64> {
    let graph = projection.two_mode();
    let memberships = graph.membership_rows();
    let members = graph.member_rows();
    let classes = |degrees: Vec<u64>| -> (Vec<DegreeClass>, HashMap<u64, usize>) {
        let mut count: BTreeMap<u64, u64> = BTreeMap::new();
        for d in degrees.into_iter().filter(|&d| d > 0) {
            *count.entry(d).or_insert(0) += 1;
        }
        let index = count.keys().enumerate().map(|(i, &d)| (d, i)).collect();
        let list = count
            .into_iter()
            .map(|(degree, count)| DegreeClass { degree, count })
            .collect();
        (list, index)
    };
    let (row_classes, row_index) = classes(
        (0..graph.actor_count())
            .map(|a| memberships.row_or_empty(a).len() as u64)
            .collect(),
    );
    let (column_classes, _) = classes(
        (0..members.len())
            .map(|e| members.row(e).len() as u64)
            .collect(),
    );
    if row_classes.is_empty() {
        return None;
    }
    let model = Bicm::solve(row_classes, column_classes);
    let class_of = |a: u32| row_index[&(memberships.row_or_empty(a as usize).len() as u64)];
    // The largest co-membership asked for each pair of row classes.
    let mut asked: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for (t, v) in projection
        .ties()
        .iter()
        .zip(tests.iter().map(TieTest::co_membership))
    {
        if v > 0 {
            let (a, b) = (class_of(t.source), class_of(t.target));
            let key = (a.min(b), a.max(b));
            let k = asked.entry(key).or_insert(0);
            *k = (*k).max(v);
        }
    }
    let asked: Vec<((usize, usize), u32)> = asked.into_iter().collect();
    let tails: HashMap<(usize, usize), Vec<f64>> = asked
        .par_iter()
        .map(|&((a, b), k)| {
            let binomials: Vec<(u64, f64)> = model
                .columns()
                .iter()
                .enumerate()
                .map(|(c, class)| {
                    (
                        class.count,
                        model.probability(a, c) * model.probability(b, c),
                    )
                })
                .collect();
            ((a, b), tail::binomial_sum_tail(&binomials, k as usize))
        })
        .collect();
    for (test, t) in tests.iter_mut().zip(projection.ties().iter()) {
        let v = test.co_membership();
        if v > 0 {
            let (a, b) = (class_of(t.source), class_of(t.target));
            test.p = tails[&(a.min(b), a.max(b))][v as usize];
        }
    }
    Some(model.residual)
}

/// Gives each test (one per tie, in order) its disparity p-value: the
/// smaller of (1 − w/s)^(k − 1) at the tie's two ends, for an end of
/// strength s and k ties (1 at an end with one tie); a tie of weight 0 is
/// not tested. Returns the number of actors with a tie.
fn disparity(projection: &Projection, tests: &mut [TieTest]) -> usize {
    let (degree, strength) = (projection.degrees(), projection.strengths());
    let active = degree.iter().filter(|&&k| k > 0).count();
    let end = |a: u32, w: f64| -> f64 {
        let (s, k) = (strength[a as usize], degree[a as usize]);
        if k <= 1 || s <= 0.0 {
            return 1.0;
        }
        ((k - 1) as f64 * (-(w / s).min(1.0)).ln_1p()).exp()
    };
    for (test, t) in tests.iter_mut().zip(projection.ties().iter()) {
        if t.weight > 0.0 {
            test.p = end(t.source, t.weight).min(end(t.target, t.weight));
        }
    }
    active
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_is_twelve_bytes_and_reads_back_what_it_holds() {
        assert_eq!(std::mem::size_of::<TieTest>(), 12);
        let tested = TieTest::new(7, Some(0.25));
        assert_eq!((tested.co_membership(), tested.p_value()), (7, Some(0.25)));
        assert_eq!(TieTest::new(u32::MAX, None).p_value(), None);
        assert!(passes(Some(0.01), Some(0.01)) && !passes(None, Some(1.0)));
        assert!(!passes(Some(0.0), None));
    }

    #[test]
    fn intersections() {
        let size = |a: &[u32], b: &[u32]| Intersection::new(a, b).count();
        assert_eq!(size(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        let long: Vec<u32> = (0..1000).collect();
        assert_eq!(size(&[5, 999, 2000], &long), 2);
        assert_eq!(size(&[], &long), 0);
    }

    #[test]
    fn options_read_and_refuse() {
        let o = BackboneOptions::parse("disparity:0.01:holm").unwrap();
        assert_eq!(o.model, BackboneModel::Disparity);
        assert_eq!(o.correction, Correction::Holm);
        assert_eq!(o.to_string(), "disparity:0.01:holm");
        for bad in [
            "",
            "sdsm:0",
            "sdsm:1",
            "sdsm:x",
            "sdsm:0.05:fdr:extra",
            "poisson",
        ] {
            assert!(BackboneOptions::parse(bad).is_err(), "{bad}");
        }
    }
}
