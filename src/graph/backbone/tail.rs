//! Exact upper tails P(V ≥ k) of the two count distributions the
//! significance models use: a sum of binomials (the Poisson-binomial of a
//! pair under the bipartite configuration model, its equal probabilities
//! grouped) and the hypergeometric.
//!
//! Both are computed from sums of non-negative terms only — never as
//! 1 − CDF — so a p-value of 1e-40 keeps its relative precision.

/// P(V ≥ k) for k = 0..=`k_max`, where V is the sum of independent
/// binomials `Binomial(m, q)` given as `(m, q)` pairs (q in [0, 1]).
///
/// The distribution of the running sum is carried as its probabilities
/// and upper tails at 0..=`k_max` only; adding a binomial B combines them
/// by P(S + B ≥ k) = Σ_{j<k} P(B = j)·P(S ≥ k − j) + P(B ≥ k).
///
/// Complexity: O(c · k_max²) for c binomials, plus the binomial tails
/// (O(k_max + σ) terms each).
pub(crate) fn binomial_sum_tail(binomials: &[(u64, f64)], k_max: usize) -> Vec<f64> {
    let width = k_max + 1;
    let mut pmf = vec![0.0; width];
    let mut tail = vec![0.0; width];
    pmf[0] = 1.0;
    tail[0] = 1.0;
    let mut next_pmf = vec![0.0; width];
    let mut next_tail = vec![0.0; width];
    for &(m, q) in binomials {
        if m == 0 || q <= 0.0 {
            continue;
        }
        let (b_pmf, b_tail) = binomial(m, q.min(1.0), k_max);
        for k in 0..width {
            let mut p = 0.0;
            let mut t = b_tail[k];
            for j in 0..=k {
                p += b_pmf[j] * pmf[k - j];
                if j < k {
                    t += b_pmf[j] * tail[k - j];
                }
            }
            next_pmf[k] = p;
            next_tail[k] = t.min(1.0);
        }
        std::mem::swap(&mut pmf, &mut next_pmf);
        std::mem::swap(&mut tail, &mut next_tail);
    }
    tail
}

/// The probabilities P(B = j) and tails P(B ≥ j), j = 0..=`k_max`, of
/// B ~ Binomial(m, q), 0 < q ≤ 1.
fn binomial(m: u64, q: f64, k_max: usize) -> (Vec<f64>, Vec<f64>) {
    let width = k_max + 1;
    let mut pmf = vec![0.0; width];
    let mut tail = vec![0.0; width];
    if q >= 1.0 {
        // Certain: B = m.
        if (m as usize) < width {
            pmf[m as usize] = 1.0;
        }
        for (k, t) in tail.iter_mut().enumerate() {
            *t = if k as u64 <= m { 1.0 } else { 0.0 };
        }
        return (pmf, tail);
    }
    // log P(B = j), stepped by the ratio of successive terms.
    let log_odds = q.ln() - (-q).ln_1p();
    let log_term = |log_previous: f64, j: u64| -> f64 {
        // log P(B = j) from log P(B = j − 1)
        log_previous + ((m - j + 1) as f64 / j as f64).ln() + log_odds
    };
    let mut log_p = m as f64 * (-q).ln_1p();
    let top = (k_max as u64).min(m);
    for j in 0..=top {
        if j > 0 {
            log_p = log_term(log_p, j);
        }
        pmf[j as usize] = log_p.exp();
    }
    let below: f64 = pmf[..=top as usize].iter().sum();
    if below <= 0.5 && top < m {
        // Most of the mass lies above k_max: P(B ≥ k) = 1 − P(B < k)
        // loses nothing that matters, since the tails at issue are at
        // least 1/2.
        let mut cdf = 0.0f64;
        for k in 0..width {
            tail[k] = (1.0 - cdf).max(0.0);
            cdf += pmf[k];
        }
        return (pmf, tail);
    }
    // The median is at most k_max (or every term is counted): sum the
    // terms above k_max until they no longer change the sum (none when
    // top == m), then add the terms down to each k.
    let mut above = 0.0;
    let mut j = top;
    while j < m {
        j += 1;
        log_p = log_term(log_p, j);
        let term = log_p.exp();
        above += term;
        if term <= above * 1e-18 || term == 0.0 && j as f64 > m as f64 * q {
            break;
        }
    }
    let mut t = above;
    for k in (0..width).rev() {
        t += pmf[k];
        tail[k] = t.min(1.0);
    }
    (pmf, tail)
}

/// P(V ≥ k) for V hypergeometric: the number of the `d2` engagements of
/// one actor that are among the `d1` of another, all `n` engagements
/// equally likely (Tumminello et al. 2011). Summed from the largest term
/// down, each term from its neighbour by the ratio of binomials.
///
/// Complexity: O(min(d1, d2) − k).
pub(crate) fn hypergeometric_tail(n: u64, d1: u64, d2: u64, k: u64) -> f64 {
    let (d1, d2) = (d1.min(d2), d1.max(d2));
    let low = (d1 + d2).saturating_sub(n);
    if k <= low {
        return 1.0;
    }
    if k > d1 {
        return 0.0;
    }
    // log P(V = v) = log C(d1, v) + log C(n − d1, d2 − v) − log C(n, d2)
    let log_pmf =
        |v: u64| -> f64 { ln_choose(d1, v) + ln_choose(n - d1, d2 - v) - ln_choose(n, d2) };
    let mut term = log_pmf(k).exp();
    let mut sum = term;
    let mut v = k;
    while v < d1 && term > 0.0 {
        // P(V = v + 1) / P(V = v)
        // n + v + 1 − d1 − d2 ≥ 1, since v ≥ d1 + d2 − n.
        let ratio =
            ((d1 - v) as f64 * (d2 - v) as f64) / ((v + 1) as f64 * (n + v + 1 - d1 - d2) as f64);
        term *= ratio;
        sum += term;
        v += 1;
        if term <= sum * 1e-18 {
            break;
        }
    }
    sum.min(1.0)
}

/// ln C(n, k), exactly summed for small k, else from ln Γ.
fn ln_choose(n: u64, k: u64) -> f64 {
    let k = k.min(n - k);
    if k < 64 {
        (0..k).map(|i| ((n - i) as f64 / (i + 1) as f64).ln()).sum()
    } else {
        ln_gamma(n as f64 + 1.0) - ln_gamma(k as f64 + 1.0) - ln_gamma((n - k) as f64 + 1.0)
    }
}

/// ln Γ(x) for x ≥ 1 by the Lanczos approximation (g = 7, n = 9), whose
/// relative error is below 1e-15.
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// P(V ≥ k) by the full convolution of Bernoullis, for small cases.
    fn direct(probabilities: &[f64]) -> Vec<f64> {
        let mut pmf = vec![1.0];
        for &p in probabilities {
            let mut next = vec![0.0; pmf.len() + 1];
            for (j, &x) in pmf.iter().enumerate() {
                next[j] += x * (1.0 - p);
                next[j + 1] += x * p;
            }
            pmf = next;
        }
        (0..pmf.len()).map(|k| pmf[k..].iter().sum()).collect()
    }

    #[test]
    fn a_sum_of_binomials_matches_the_convolution_of_its_bernoullis() {
        let classes = [(3u64, 0.2), (5, 0.05), (1, 0.9), (4, 0.5)];
        let flat: Vec<f64> = classes
            .iter()
            .flat_map(|&(m, q)| std::iter::repeat_n(q, m as usize))
            .collect();
        let want = direct(&flat);
        let got = binomial_sum_tail(&classes, 8);
        for k in 0..=8 {
            assert!(
                (got[k] - want[k]).abs() <= 1e-14 * want[k].max(1e-300),
                "{k}"
            );
        }
    }

    #[test]
    fn tiny_tails_keep_their_relative_precision() {
        // 40 Bernoullis of 0.001: P(V ≥ 10) = C(40,10)·1e-30·… ≈ 8.4e-23.
        let got = binomial_sum_tail(&[(40, 0.001)], 10)[10];
        let exact: f64 = (10..=40u64)
            .map(|v| {
                (ln_choose(40, v) + v as f64 * 0.001f64.ln() + (40 - v) as f64 * 0.999f64.ln())
                    .exp()
            })
            .sum();
        assert!((got - exact).abs() <= 1e-12 * exact, "{got} {exact}");
        // Certain and impossible terms.
        assert_eq!(binomial_sum_tail(&[(2, 1.0)], 3), vec![1.0, 1.0, 1.0, 0.0]);
        assert_eq!(binomial_sum_tail(&[(5, 0.0)], 1), vec![1.0, 0.0]);
    }

    #[test]
    fn large_means_far_above_the_cut() {
        // Binomial(100000, 0.01): mean 1000, P(V ≥ 5) is 1 to double precision.
        let t = binomial_sum_tail(&[(100_000, 0.01)], 5);
        assert!(t.iter().all(|&x| x == 1.0), "{t:?}");
    }

    #[test]
    fn hypergeometric_tail_against_exact_counts() {
        // n = 10, d1 = 4, d2 = 5: P(V ≥ 3) = (C(4,3)C(6,2) + C(4,4)C(6,1)) / C(10,5)
        let exact = (4.0 * 15.0 + 6.0) / 252.0;
        assert!((hypergeometric_tail(10, 4, 5, 3) - exact).abs() < 1e-15);
        assert_eq!(hypergeometric_tail(10, 4, 5, 0), 1.0);
        assert_eq!(hypergeometric_tail(10, 4, 5, 5), 0.0);
        // d1 + d2 > n forces an overlap of at least 2.
        assert_eq!(hypergeometric_tail(6, 4, 4, 2), 1.0);
        // …and the terms above it step without underflow: n = 6, d1 = d2 =
        // 4, P(V ≥ 3) = (C(4,3)C(2,1) + C(4,4)C(2,0)) / C(6,4) = 9/15.
        assert!((hypergeometric_tail(6, 4, 4, 3) - 9.0 / 15.0).abs() < 1e-15);
        let ln_g = ln_gamma(101.0);
        let ln_fact: f64 = (1..=100).map(|i| (i as f64).ln()).sum();
        assert!((ln_g - ln_fact).abs() < 1e-12 * ln_fact);
    }
}
