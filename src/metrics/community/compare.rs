//! Agreement between partitions: normalised mutual information, the
//! adjusted Rand index, and stability over several seeds.

use super::{detect, CommunityOptions, Partition};
use crate::error::{Error, Result};
use crate::graph::{Csr, Weight};
use std::collections::HashMap;

/// Joint counts of label pairs, and the counts of each side's labels.
type Contingency = (
    HashMap<(usize, usize), f64>,
    HashMap<usize, f64>,
    HashMap<usize, f64>,
);

fn contingency(a: &[usize], b: &[usize]) -> Contingency {
    let mut joint = HashMap::new();
    let mut left = HashMap::new();
    let mut right = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *joint.entry((x, y)).or_insert(0.0) += 1.0;
        *left.entry(x).or_insert(0.0) += 1.0;
        *right.entry(y).or_insert(0.0) += 1.0;
    }
    (joint, left, right)
}

fn sorted_values<K: Ord + Copy>(map: &HashMap<K, f64>) -> Vec<f64> {
    let mut entries: Vec<(K, f64)> = map.iter().map(|(k, v)| (*k, *v)).collect();
    entries.sort_by_key(|e| e.0);
    entries.into_iter().map(|e| e.1).collect()
}

fn same_length(a: &[usize], b: &[usize]) -> Result<()> {
    if a.len() == b.len() {
        Ok(())
    } else {
        Err(Error::invalid(
            "partition",
            format!("{} and {} labels", a.len(), b.len()),
            "two partitions of the same nodes (equal lengths)",
        ))
    }
}

/// Normalised mutual information of two partitions given as one label per
/// node, with arithmetic-mean normalisation (Danon et al. 2005, *Comparing
/// community structure identification*, J. Stat. Mech.; scikit-learn's
/// default): 1 for identical partitions, near 0 for independent ones; 1
/// when both put everyone together.
///
/// Returns [`Error::InvalidParameter`] when the lengths differ.
/// Complexity: O(n) expected time and memory.
///
/// ```
/// use verkosto::metrics::community::nmi;
/// assert_eq!(nmi(&[0, 0, 1, 1], &[5, 5, 7, 7]).unwrap(), 1.0); // same split
/// assert_eq!(nmi(&[0, 0, 1, 1], &[0, 1, 0, 1]).unwrap(), 0.0); // independent
/// assert!(nmi(&[0], &[0, 1]).is_err());
/// ```
pub fn nmi(a: &[usize], b: &[usize]) -> Result<f64> {
    same_length(a, b)?;
    Ok(nmi_unchecked(a, b))
}

fn nmi_unchecked(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len() as f64;
    if n == 0.0 {
        return 1.0;
    }
    let (joint, left, right) = contingency(a, b);
    let entropy =
        |counts: &[f64]| -> f64 { -counts.iter().map(|&c| (c / n) * (c / n).ln()).sum::<f64>() };
    let (ha, hb) = (
        entropy(&sorted_values(&left)),
        entropy(&sorted_values(&right)),
    );
    if ha == 0.0 && hb == 0.0 {
        return 1.0;
    }
    let mut entries: Vec<((usize, usize), f64)> = joint.into_iter().collect();
    entries.sort_by_key(|e| e.0);
    let mutual: f64 = entries
        .iter()
        .map(|&((x, y), c)| (c / n) * ((c * n) / (left[&x] * right[&y])).ln())
        .sum();
    (2.0 * mutual / (ha + hb)).clamp(0.0, 1.0)
}

/// Adjusted Rand index (Hubert & Arabie 1985, *Comparing partitions*, J.
/// Classif. 2) of two partitions given as one label per node: 1 for
/// identical partitions, about 0 for chance agreement.
///
/// Returns [`Error::InvalidParameter`] when the lengths differ.
/// Complexity: O(n) expected time and memory.
///
/// ```
/// use verkosto::metrics::community::adjusted_rand;
/// assert_eq!(adjusted_rand(&[0, 0, 1, 1], &[1, 1, 0, 0]).unwrap(), 1.0);
/// assert!(adjusted_rand(&[0, 0, 1, 1], &[0, 1, 0, 1]).unwrap() < 0.0); // worse than chance
/// ```
pub fn adjusted_rand(a: &[usize], b: &[usize]) -> Result<f64> {
    same_length(a, b)?;
    Ok(adjusted_rand_unchecked(a, b))
}

fn adjusted_rand_unchecked(a: &[usize], b: &[usize]) -> f64 {
    let pairs = |c: f64| c * (c - 1.0) / 2.0;
    let (joint, left, right) = contingency(a, b);
    let mut entries: Vec<((usize, usize), f64)> = joint.into_iter().collect();
    entries.sort_by_key(|e| e.0);
    let index: f64 = entries.iter().map(|e| pairs(e.1)).sum();
    let sum_a: f64 = sorted_values(&left).iter().map(|&c| pairs(c)).sum();
    let sum_b: f64 = sorted_values(&right).iter().map(|&c| pairs(c)).sum();
    let total = pairs(a.len() as f64);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_a * sum_b / total;
    let maximum = (sum_a + sum_b) / 2.0;
    if maximum == expected {
        return 1.0;
    }
    (index - expected) / (maximum - expected)
}

/// How much the partitions of several seeds agree.
#[derive(Debug, Clone, PartialEq)]
pub struct Stability {
    /// The seeds run, in order.
    pub seeds: Vec<u64>,
    /// Modularity reached by each seed.
    pub modularity: Vec<f64>,
    /// Index (into `seeds`) of the run with the highest modularity (the
    /// first among equals): its partition is the one reported.
    pub best: usize,
    /// Mean NMI over all pairs of runs.
    pub mean_nmi: f64,
    /// Mean adjusted Rand index over all pairs of runs.
    pub mean_ari: f64,
    /// Per actor: mean Jaccard similarity between its community in the best
    /// run and in each other run (1 = always with the same actors).
    pub consistency: Vec<f64>,
    /// The partition of the best run.
    pub partition: Partition,
}

impl Stability {
    /// The actors whose community changes between runs, as (position,
    /// consistency), least consistent first.
    pub fn unstable_actors(&self) -> Vec<(usize, f64)> {
        let mut rows: Vec<(usize, f64)> = self
            .consistency
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, c)| *c < 1.0 - 1e-12)
            .collect();
        rows.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        rows
    }
}

/// Runs `runs` seeds (`options.seed`, `options.seed + 1`, …) and measures
/// their agreement.
pub(crate) fn stability<W: Weight>(
    adjacency: &Csr<W>,
    options: &CommunityOptions,
    runs: usize,
    progress: Option<&(dyn Fn(usize) + Sync)>,
) -> Result<Stability> {
    use rayon::prelude::*;
    let runs = runs.max(1);
    let seeds: Vec<u64> = (0..runs as u64)
        .map(|i| options.seed.wrapping_add(i))
        .collect();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let partitions: Vec<Partition> = seeds
        .par_iter()
        .map(|&seed| {
            let p = detect(adjacency, &CommunityOptions { seed, ..*options });
            let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if let Some(report) = progress {
                report(finished);
            }
            p
        })
        .collect::<Result<_>>()?;
    let modularity: Vec<f64> = partitions.iter().map(|p| p.modularity).collect();
    let best = (0..runs).fold(0, |b, i| if modularity[i] > modularity[b] { i } else { b });
    let (mut nmi_sum, mut ari_sum, mut pair_count) = (0.0, 0.0, 0usize);
    for i in 0..runs {
        for j in i + 1..runs {
            nmi_sum += nmi_unchecked(&partitions[i].membership, &partitions[j].membership);
            ari_sum +=
                adjusted_rand_unchecked(&partitions[i].membership, &partitions[j].membership);
            pair_count += 1;
        }
    }
    let n = adjacency.node_count();
    let mut consistency = vec![0.0; n];
    let reference = &partitions[best].membership;
    for (r, p) in partitions.iter().enumerate() {
        if r == best {
            continue;
        }
        let (joint, left, right) = contingency(reference, &p.membership);
        for v in 0..n {
            let (x, y) = (reference[v], p.membership[v]);
            let shared = joint[&(x, y)];
            consistency[v] += shared / (left[&x] + right[&y] - shared);
        }
    }
    for c in &mut consistency {
        *c = if runs > 1 {
            *c / (runs - 1) as f64
        } else {
            1.0
        };
    }
    let (mean_nmi, mean_ari) = if pair_count > 0 {
        (nmi_sum / pair_count as f64, ari_sum / pair_count as f64)
    } else {
        (1.0, 1.0)
    };
    Ok(Stability {
        seeds,
        modularity,
        best,
        mean_nmi,
        mean_ari,
        consistency,
        partition: partitions[best].clone(),
    })
}
