//! Corrections for testing many ties at once.

/// Whether `p` is at most the threshold `t`. The p-values are computed to
/// about 1e-13 (relative), so one within 1e-12 of the threshold counts as
/// at it: a p-value that is exactly α in exact arithmetic (1 engagement of
/// an actor in 1, another in 20 of 400: 20/400 = 0.05) is kept as it
/// would be.
pub(crate) fn at_most(p: f64, t: f64) -> bool {
    p <= t * (1.0 + 1e-12)
}

/// How the p-values of many ties are corrected for multiple testing.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Correction {
    /// Benjamini–Hochberg false discovery rate: the largest i with
    /// p₍ᵢ₎ ≤ i·α/m, and every p-value up to i·α/m kept.
    #[default]
    Fdr,
    /// Holm's step-down: p₍ᵢ₎ kept while every p₍ⱼ₎, j ≤ i, is at most
    /// α/(m − j + 1).
    Holm,
    /// Bonferroni: p ≤ α/m.
    Bonferroni,
    /// No correction: p ≤ α.
    None,
}

impl Correction {
    /// The option value: `fdr`, `holm`, `bonferroni` or `none`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The largest p-value kept among `p_values` when `tests` hypotheses
    /// were tested (`tests` ≥ the number of p-values: the hypotheses with
    /// no p-value here have p = 1), or `None` when none is kept. A tie is
    /// kept when its p-value is at most the threshold (within 1e-12).
    ///
    /// Complexity: O(n log n) for n p-values.
    pub fn threshold(self, p_values: &[f64], alpha: f64, tests: u64) -> Option<f64> {
        self.threshold_of(p_values.to_vec(), alpha, tests)
    }

    /// A bound on the p-values that can pass among `tests` hypotheses,
    /// from `p_values`, a way to walk them all: only those at most the
    /// bound (within 1e-12) need to be listed for
    /// [`Correction::threshold_of`], which finds the same threshold from
    /// them as from all. They are the smallest p-values, and so rank among
    /// themselves as among all.
    ///
    /// The bound starts at α. A p-value compared at rank i is compared
    /// with a threshold that grows with i (i·α/m for the false discovery
    /// rate, α/(m − i + 1) for Holm's); when c p-values are at most the
    /// bound, none of rank above c can pass, so the bound narrows to the
    /// threshold of rank c, and again while that leaves fewer, at most
    /// eight times.
    ///
    /// Complexity: O(n) for each narrowing of n p-values.
    pub(crate) fn passable_bound<I: Iterator<Item = f64>>(
        self,
        p_values: impl Fn() -> I,
        alpha: f64,
        tests: u64,
    ) -> f64 {
        let m = tests.max(1) as f64;
        let count = |bound: f64| p_values().filter(|&p| at_most(p, bound)).count();
        let at_rank = |c: usize| match self {
            Correction::None => alpha,
            Correction::Bonferroni => alpha / m,
            Correction::Fdr => c as f64 * alpha / m,
            Correction::Holm => alpha / (m - (c - 1) as f64),
        };
        let mut bound = alpha;
        let mut held = count(bound);
        for _ in 0..8 {
            let next = at_rank(held.max(1));
            if next >= bound {
                break;
            }
            bound = next;
            let narrowed = count(bound);
            if narrowed == held {
                break;
            }
            held = narrowed;
        }
        bound
    }

    /// As [`Correction::threshold`], sorting `p_values` in place rather
    /// than a copy of them.
    pub(crate) fn threshold_of(self, mut sorted: Vec<f64>, alpha: f64, tests: u64) -> Option<f64> {
        let m = tests.max(sorted.len() as u64).max(1) as f64;
        // In place: values equal by total_cmp are the same bits, so no
        // order among them shows, and a stable sort's buffer (half the
        // list) is spared.
        sorted.sort_unstable_by(f64::total_cmp);
        let threshold = match self {
            Correction::None => alpha,
            Correction::Bonferroni => alpha / m,
            Correction::Fdr => {
                let last = sorted
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|&(i, &p)| at_most(p, (i + 1) as f64 * alpha / m))?;
                (last.0 + 1) as f64 * alpha / m
            }
            Correction::Holm => {
                let passing = sorted
                    .iter()
                    .enumerate()
                    .take_while(|&(i, &p)| at_most(p, alpha / (m - i as f64)))
                    .count();
                *sorted[..passing].last()?
            }
        };
        sorted
            .first()
            .filter(|&&smallest| at_most(smallest, threshold))
            .map(|_| threshold)
    }
}

impl std::fmt::Display for Correction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Correction {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        crate::named::parse("correction", s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_by_hand() {
        let p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
        // BH at α = 0.05, m = 8: i·α/m = 0.00625, 0.0125, 0.01875, 0.025…;
        // p₍₂₎ = 0.008 ≤ 0.0125 is the last to pass.
        assert_eq!(
            Correction::Fdr.threshold(&p, 0.05, 8),
            Some(2.0 * 0.05 / 8.0)
        );
        // Holm: 0.001 ≤ 0.05/8 = 0.00625, then 0.008 > 0.05/7 ≈ 0.00714 stops.
        assert_eq!(Correction::Holm.threshold(&p, 0.05, 8), Some(0.001));
        assert_eq!(
            Correction::Holm.threshold(&[0.001, 0.007], 0.05, 8),
            Some(0.007)
        );
        assert_eq!(
            Correction::Bonferroni.threshold(&p, 0.05, 8),
            Some(0.05 / 8.0)
        );
        assert_eq!(Correction::None.threshold(&p, 0.05, 8), Some(0.05));
        // More hypotheses than p-values (the rest have p = 1).
        assert_eq!(Correction::Bonferroni.threshold(&p, 0.05, 100), None);
        assert_eq!(Correction::Fdr.threshold(&[], 0.05, 10), None);
        assert_eq!("holm".parse::<Correction>().unwrap(), Correction::Holm);
        assert!("fwer".parse::<Correction>().is_err());
    }

    /// The backbone finds the threshold from the p-values at most α alone
    /// (with m the number of all): the same threshold as from all of them,
    /// for every correction, with ties at the boundary and p = α itself.
    #[test]
    fn threshold_from_the_passable_p_values_alone() {
        use strum::VariantArray;
        let mut rng = crate::rng::Rng::new(26);
        for round in 0..400 {
            let count = 1 + rng.below(60);
            let scale = [1.0, 0.2, 0.01][round % 3];
            let mut p: Vec<f64> = (0..count).map(|_| rng.unit() * scale).collect();
            // Repeated values, and values exactly at a step or at α.
            p.extend_from_within(..count / 4);
            p.push(0.05);
            p.push(0.05 / p.len() as f64);
            let tests = p.len() as u64 + [0, 5, 1000][round % 3];
            for &alpha in &[0.05, 0.01, 0.2] {
                for &c in Correction::VARIANTS {
                    // At most α, and at most the narrowed bound.
                    let narrowed = c.passable_bound(|| p.iter().copied(), alpha, tests);
                    for bound in [alpha, narrowed] {
                        let candidates: Vec<f64> =
                            p.iter().copied().filter(|&x| at_most(x, bound)).collect();
                        assert_eq!(
                            c.threshold_of(candidates, alpha, tests),
                            c.threshold(&p, alpha, tests),
                            "{c} α {alpha} round {round}, p at most {bound}"
                        );
                    }
                }
            }
        }
    }
}
