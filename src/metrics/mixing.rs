//! Mixing between groups (kinds, regions or any attribute): the group ×
//! group tie matrix, densities within and between groups ("collaboration
//! density by sector"), the Krackhardt E–I index and attribute
//! assortativity.

/// Ties within and between groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Mixing {
    /// Group names, sorted.
    pub groups: Vec<String>,
    /// Actors in each group.
    pub sizes: Vec<usize>,
    /// `ties[g][h]`: ties between groups g and h (symmetric; the diagonal
    /// holds ties within a group).
    pub ties: Vec<Vec<usize>>,
    /// `weights[g][h]`: total weight of those ties.
    pub weights: Vec<Vec<f64>>,
}

impl Mixing {
    /// Density of the block: ties present over ties possible —
    /// n_g(n_g−1)/2 within a group, n_g·n_h between two. `None` when no tie
    /// is possible.
    pub fn density(&self, g: usize, h: usize) -> Option<f64> {
        let possible = if g == h {
            self.sizes[g] * self.sizes[g].saturating_sub(1) / 2
        } else {
            self.sizes[g] * self.sizes[h]
        };
        (possible > 0).then(|| self.ties[g][h] as f64 / possible as f64)
    }

    /// Ties within groups and between groups.
    pub fn internal_external(&self) -> (usize, usize) {
        let mut internal = 0;
        let mut external = 0;
        for g in 0..self.groups.len() {
            internal += self.ties[g][g];
            for h in g + 1..self.groups.len() {
                external += self.ties[g][h];
            }
        }
        (internal, external)
    }

    /// Krackhardt & Stern's E–I index (1988): (external − internal) /
    /// (external + internal) over ties; −1 = all ties inside groups, +1 = all
    /// between. `None` without ties.
    pub fn ei_index(&self) -> Option<f64> {
        let (i, e) = self.internal_external();
        (i + e > 0).then(|| (e as f64 - i as f64) / (e + i) as f64)
    }
}

/// Each actor's group, as an index into the sorted, distinct group names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    /// The distinct group names, sorted.
    pub names: Vec<String>,
    /// For each actor, its group's position in `names`.
    pub index: Vec<usize>,
}

/// The distinct values of `value(v)` over `v` in `0..n`, sorted, and for
/// each `v` the position of its value among them: each value held once,
/// not once per item.
///
/// Complexity: O(n log g) for g distinct values, plus two calls of
/// `value` per item.
pub(crate) fn numbered<T: Ord>(n: usize, value: impl Fn(usize) -> T) -> (Vec<T>, Vec<usize>) {
    // Inserted one by one: collecting into the set would first hold every
    // item's value.
    let mut distinct = std::collections::BTreeSet::new();
    for v in 0..n {
        distinct.insert(value(v));
    }
    let values: Vec<T> = distinct.into_iter().collect();
    let index = (0..n)
        .map(|v| {
            values
                .binary_search(&value(v))
                .expect("a value seen in the first pass")
        })
        .collect();
    (values, index)
}

impl Groups {
    /// The groups of `n` actors, `value(v)` naming actor `v`'s group. Holds
    /// one string per group, not per actor.
    ///
    /// Complexity: O(n log g) for g groups, plus two calls of `value` per
    /// actor.
    ///
    /// ```
    /// use verkosto::metrics::mixing::Groups;
    /// let kinds = ["firm", "municipality", "firm"];
    /// let groups = Groups::of(3, |v| kinds[v].to_string());
    /// assert_eq!(groups.names, ["firm", "municipality"]);
    /// assert_eq!(groups.index, [0, 1, 0]);
    /// assert_eq!(groups.name(2), "firm");
    /// ```
    pub fn of(n: usize, value: impl Fn(usize) -> String) -> Groups {
        let (names, index) = numbered(n, value);
        Groups { names, index }
    }

    /// The group name of actor `v`.
    pub fn name(&self, v: usize) -> &str {
        &self.names[self.index[v]]
    }

    /// Each actor's group name.
    pub fn labels(&self) -> Vec<String> {
        self.index.iter().map(|&g| self.names[g].clone()).collect()
    }
}

/// The mixing matrix of `group[v]` (indices into `names`).
///
/// Complexity: O(n + m + g²).
pub(crate) fn mixing(
    ties: impl IntoIterator<Item = (u32, u32, f64)>,
    names: &[String],
    group: &[usize],
) -> Mixing {
    crate::counters::count(crate::counters::Step::Mixing);
    let k = names.len();
    let mut out = Mixing {
        groups: names.to_vec(),
        sizes: vec![0; k],
        ties: vec![vec![0; k]; k],
        weights: vec![vec![0.0; k]; k],
    };
    for &g in group {
        out.sizes[g] += 1;
    }
    for (v, u, w) in ties {
        let (g, h) = (group[v as usize], group[u as usize]);
        out.ties[g][h] += 1;
        out.weights[g][h] += w;
        if g != h {
            out.ties[h][g] += 1;
            out.weights[h][g] += w;
        }
    }
    out
}

/// Attribute assortativity (Newman 2003), unweighted, as networkx's
/// `attribute_assortativity_coefficient`: (Σ e_gg − Σ a_g²)/(1 − Σ a_g²)
/// over the symmetric, normalised tie matrix e. `None` when undefined (no
/// ties, or every tie within one group).
pub(crate) fn assortativity(mixing: &Mixing) -> Option<f64> {
    let k = mixing.groups.len();
    // Each tie counted in both directions.
    let total: f64 = (0..k)
        .map(|g| {
            (0..k)
                .map(|h| {
                    if g == h {
                        2 * mixing.ties[g][g]
                    } else {
                        mixing.ties[g][h]
                    }
                })
                .sum::<usize>() as f64
        })
        .sum();
    if total == 0.0 {
        return None;
    }
    let trace: f64 = (0..k).map(|g| 2.0 * mixing.ties[g][g] as f64 / total).sum();
    let a_squared: f64 = (0..k)
        .map(|g| {
            let row: usize = (0..k)
                .map(|h| {
                    if g == h {
                        2 * mixing.ties[g][g]
                    } else {
                        mixing.ties[g][h]
                    }
                })
                .sum();
            (row as f64 / total).powi(2)
        })
        .sum();
    let denominator = 1.0 - a_squared;
    (denominator.abs() > 1e-15).then(|| (trace - a_squared) / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_groups_by_hand() {
        // Groups A = {0, 1, 2}, B = {3, 4}; ties 0–1, 1–2 (A–A), 2–3 (A–B), 3–4 (B–B).
        let ties = [(0, 1, 1.0), (1, 2, 2.0), (2, 3, 1.0), (3, 4, 1.0)];
        let labels = ["A", "A", "A", "B", "B"];
        let groups = Groups::of(5, |v| labels[v].to_string());
        let m = mixing(ties, &groups.names, &groups.index);
        assert_eq!(m.ties, [[2, 1], [1, 1]]);
        assert_eq!(m.weights, [[3.0, 1.0], [1.0, 1.0]]);
        assert_eq!(m.density(0, 0), Some(2.0 / 3.0));
        assert_eq!(m.density(0, 1), Some(1.0 / 6.0));
        assert_eq!(m.ei_index(), Some((1.0 - 3.0) / 4.0));
        // e = [[4, 1], [1, 2]] / 8; a = [5/8, 3/8].
        let a2 = (25.0 + 9.0) / 64.0;
        let want = (6.0 / 8.0 - a2) / (1.0 - a2);
        assert!((assortativity(&m).unwrap() - want).abs() < 1e-12);
    }
}
