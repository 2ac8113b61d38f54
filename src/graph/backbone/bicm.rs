//! The bipartite configuration model (BiCM): the maximum-entropy ensemble
//! of actor × engagement matrices whose expected row and column degrees
//! equal the observed ones (Saracco et al. 2015). Each cell is an
//! independent Bernoulli with probability x_i·y_a / (1 + x_i·y_a).
//!
//! Rows of equal degree have equal x, columns of equal degree equal y, so
//! the model is solved over degree classes: a few hundred unknowns even
//! for a 500,000 × 200,000 matrix.

/// One class of rows (or columns): its degree, how many share it, and its
/// solved probability factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DegreeClass {
    /// The degree of every row (column) of the class.
    pub degree: u64,
    /// How many rows (columns) have it.
    pub count: u64,
}

/// The solved model: for each row class and column class, the probability
/// that a row of the one meets a column of the other.
#[derive(Debug, Clone)]
pub(crate) struct Bicm {
    rows: Vec<DegreeClass>,
    columns: Vec<DegreeClass>,
    /// Row-major, rows.len() × columns.len().
    probability: Vec<f64>,
    /// The largest relative error of an expected degree.
    pub residual: f64,
    /// Fixed-point sweeps used.
    pub sweeps: usize,
}

impl Bicm {
    /// Solves the model for the row and column degree sequences, given as
    /// classes (degrees above zero; a matrix of `Σ rows.count` rows and
    /// `Σ columns.count` columns with these degrees must exist).
    ///
    /// Rows or columns that the degrees force full or empty (a row in
    /// every column, a column whose rows are all full…) get probability
    /// 1 or 0 and are taken out; the rest is solved by the fixed-point
    /// iteration x_i = d_i / Σ_a y_a / (1 + x_i y_a) (and likewise for y)
    /// in log space, accelerated by Anderson mixing, until every expected
    /// degree is within 1e-12 of the observed one (relative).
    ///
    /// Complexity: O(R·C) per sweep for R row and C column classes.
    pub fn solve(rows: Vec<DegreeClass>, columns: Vec<DegreeClass>) -> Bicm {
        let (r, c) = (rows.len(), columns.len());
        let mut probability = vec![f64::NAN; r * c];
        // Peel forced cells: a row whose remaining degree equals the
        // number of remaining columns is full; one with remaining degree
        // zero is empty; likewise for columns.
        let mut row_left: Vec<f64> = rows.iter().map(|k| k.degree as f64).collect();
        let mut col_left: Vec<f64> = columns.iter().map(|k| k.degree as f64).collect();
        let mut row_open = vec![true; r];
        let mut col_open = vec![true; c];
        loop {
            let open_columns: u64 = (0..c)
                .filter(|&b| col_open[b])
                .map(|b| columns[b].count)
                .sum();
            let open_rows: u64 = (0..r).filter(|&a| row_open[a]).map(|a| rows[a].count).sum();
            let mut changed = false;
            for a in 0..r {
                if !row_open[a] {
                    continue;
                }
                let fill = if row_left[a] <= 0.0 {
                    Some(0.0)
                } else if row_left[a] >= open_columns as f64 {
                    Some(1.0)
                } else {
                    None
                };
                if let Some(p) = fill {
                    row_open[a] = false;
                    changed = true;
                    for b in 0..c {
                        if col_open[b] {
                            probability[a * c + b] = p;
                            col_left[b] -= p * rows[a].count as f64;
                        }
                    }
                }
            }
            for b in 0..c {
                if !col_open[b] {
                    continue;
                }
                let fill = if col_left[b] <= 0.0 {
                    Some(0.0)
                } else if col_left[b] >= open_rows as f64 {
                    Some(1.0)
                } else {
                    None
                };
                if let Some(p) = fill {
                    col_open[b] = false;
                    changed = true;
                    for a in 0..r {
                        if row_open[a] {
                            probability[a * c + b] = p;
                            row_left[a] -= p * columns[b].count as f64;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let live_rows: Vec<usize> = (0..r).filter(|&a| row_open[a]).collect();
        let live_cols: Vec<usize> = (0..c).filter(|&b| col_open[b]).collect();
        let mut model = Bicm {
            rows,
            columns,
            probability,
            residual: 0.0,
            sweeps: 0,
        };
        if !live_rows.is_empty() && !live_cols.is_empty() {
            model.solve_open(&live_rows, &live_cols, &row_left, &col_left);
        }
        model
    }

    /// Solves the cells of the open rows and columns, whose remaining
    /// degrees are `row_left` and `col_left`.
    fn solve_open(
        &mut self,
        live_rows: &[usize],
        live_cols: &[usize],
        row_left: &[f64],
        col_left: &[f64],
    ) {
        let d: Vec<f64> = live_rows.iter().map(|&a| row_left[a]).collect();
        let n: Vec<f64> = live_rows
            .iter()
            .map(|&a| self.rows[a].count as f64)
            .collect();
        let k: Vec<f64> = live_cols.iter().map(|&b| col_left[b]).collect();
        let m: Vec<f64> = live_cols
            .iter()
            .map(|&b| self.columns[b].count as f64)
            .collect();
        // Start from the sparse-limit solution x_i y_a ≈ d_i k_a / L.
        let links: f64 = d.iter().zip(&n).map(|(d, n)| d * n).sum();
        let start: Vec<f64> = d
            .iter()
            .map(|&d| (d / links.sqrt()).ln())
            .chain(k.iter().map(|&k| (k / links.sqrt()).ln()))
            .collect();
        let (nr, nc) = (d.len(), k.len());
        // One fixed-point map in log space: θ ↦ G(θ).
        let map = |theta: &[f64], out: &mut [f64]| {
            // y / (1 + x·y) = exp(ln y − ln(1 + e^(ln x + ln y))), which
            // neither overflows nor loses small terms.
            let (lx, ly) = theta.split_at(nr);
            for i in 0..nr {
                let s: f64 = (0..nc)
                    .map(|a| m[a] * (ly[a] - softplus(lx[i] + ly[a])).exp())
                    .sum();
                out[i] = d[i].ln() - s.ln();
            }
            let (ox, oy) = out.split_at_mut(nr);
            for a in 0..nc {
                let s: f64 = (0..nr)
                    .map(|i| n[i] * (ox[i] - softplus(ox[i] + ly[a])).exp())
                    .sum();
                oy[a] = k[a].ln() - s.ln();
            }
        };
        let residual = |theta: &[f64]| -> f64 {
            let (lx, ly) = theta.split_at(nr);
            let mut worst: f64 = 0.0;
            for i in 0..nr {
                let e: f64 = (0..nc).map(|a| m[a] * logistic(lx[i] + ly[a])).sum();
                worst = worst.max((e - d[i]).abs() / d[i]);
            }
            for a in 0..nc {
                let e: f64 = (0..nr).map(|i| n[i] * logistic(lx[i] + ly[a])).sum();
                worst = worst.max((e - k[a]).abs() / k[a]);
            }
            worst
        };
        let theta = anderson(start, map, residual, 1e-12, 20_000);
        let c = self.columns.len();
        for (i, &a) in live_rows.iter().enumerate() {
            for (j, &b) in live_cols.iter().enumerate() {
                self.probability[a * c + b] = logistic(theta.0[i] + theta.0[nr + j]);
            }
        }
        self.residual = theta.1;
        self.sweeps = theta.2;
    }

    /// The column classes.
    pub fn columns(&self) -> &[DegreeClass] {
        &self.columns
    }

    /// The probability that a row of class `a` meets a column of class `b`.
    pub fn probability(&self, a: usize, b: usize) -> f64 {
        self.probability[a * self.columns.len() + b]
    }
}

/// ln(1 + e^t), without overflow.
fn softplus(t: f64) -> f64 {
    if t > 0.0 {
        t + (-t).exp().ln_1p()
    } else {
        t.exp().ln_1p()
    }
}

/// e^t / (1 + e^t), without overflow.
fn logistic(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        let e = t.exp();
        e / (1.0 + e)
    }
}

/// Iterates θ ↦ G(θ) with Anderson mixing (depth 5) until `residual` is
/// at most `tolerance` or `limit` sweeps are done; returns the last θ,
/// its residual and the sweeps. Falls back to the plain step whenever a
/// mixed step does not lower the residual.
fn anderson(
    start: Vec<f64>,
    map: impl Fn(&[f64], &mut [f64]),
    residual: impl Fn(&[f64]) -> f64,
    tolerance: f64,
    limit: usize,
) -> (Vec<f64>, f64, usize) {
    const DEPTH: usize = 5;
    let len = start.len();
    let mut theta = start;
    let mut image = vec![0.0; len];
    let mut error = residual(&theta);
    // Histories of f = G(θ) − θ and of G(θ).
    let mut fs: Vec<Vec<f64>> = Vec::new();
    let mut gs: Vec<Vec<f64>> = Vec::new();
    let mut sweeps = 0;
    while error > tolerance && sweeps < limit {
        sweeps += 1;
        map(&theta, &mut image);
        let f: Vec<f64> = image.iter().zip(&theta).map(|(g, t)| g - t).collect();
        fs.push(f);
        gs.push(image.clone());
        if fs.len() > DEPTH + 1 {
            fs.remove(0);
            gs.remove(0);
        }
        let plain = image.clone();
        let mixed = mix(&fs, &gs);
        let plain_error = residual(&plain);
        match mixed {
            Some(candidate) if candidate.iter().all(|v| v.is_finite()) => {
                let e = residual(&candidate);
                if e < plain_error {
                    theta = candidate;
                    error = e;
                } else {
                    theta = plain;
                    error = plain_error;
                    fs.clear();
                    gs.clear();
                }
            }
            _ => {
                theta = plain;
                error = plain_error;
            }
        }
    }
    (theta, error, sweeps)
}

/// The Anderson combination Σ α_j G_j with Σ α_j = 1 minimising
/// |Σ α_j f_j|, by the normal equations of the differences.
fn mix(fs: &[Vec<f64>], gs: &[Vec<f64>]) -> Option<Vec<f64>> {
    let h = fs.len();
    if h < 2 {
        return None;
    }
    let last = &fs[h - 1];
    // Minimise |f_last − Σ γ_j (f_last − f_j)| over γ (j < h − 1).
    let diffs: Vec<Vec<f64>> = (0..h - 1)
        .map(|j| last.iter().zip(&fs[j]).map(|(a, b)| a - b).collect())
        .collect();
    let q = h - 1;
    let mut a = vec![0.0; q * q];
    let mut rhs = vec![0.0; q];
    for i in 0..q {
        for j in 0..q {
            a[i * q + j] = dot(&diffs[i], &diffs[j]);
        }
        rhs[i] = dot(&diffs[i], last);
        a[i * q + i] *= 1.0 + 1e-10;
    }
    let gamma = solve_linear(a, rhs, q)?;
    let glast = &gs[h - 1];
    let mut out = glast.clone();
    for j in 0..q {
        for (o, (gl, gj)) in out.iter_mut().zip(glast.iter().zip(&gs[j])) {
            *o -= gamma[j] * (gl - gj);
        }
    }
    Some(out)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Gaussian elimination with partial pivoting; None when singular.
fn solve_linear(mut a: Vec<f64>, mut b: Vec<f64>, n: usize) -> Option<Vec<f64>> {
    for col in 0..n {
        let pivot =
            (col..n).max_by(|&i, &j| a[i * n + col].abs().total_cmp(&a[j * n + col].abs()))?;
        if a[pivot * n + col].abs() < 1e-300 {
            return None;
        }
        if pivot != col {
            for j in 0..n {
                a.swap(pivot * n + j, col * n + j);
            }
            b.swap(pivot, col);
        }
        for i in col + 1..n {
            let f = a[i * n + col] / a[col * n + col];
            for j in col..n {
                a[i * n + j] -= f * a[col * n + j];
            }
            b[i] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|j| a[i * n + j] * x[j]).sum();
        x[i] = (b[i] - s) / a[i * n + i];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(degree: u64, count: u64) -> DegreeClass {
        DegreeClass { degree, count }
    }

    #[test]
    fn expected_degrees_equal_the_observed_ones() {
        let rows = vec![class(1, 50), class(2, 20), class(3, 8), class(7, 2)];
        // Both sides sum to 128 memberships.
        let columns = vec![
            class(2, 30),
            class(3, 10),
            class(5, 4),
            class(12, 1),
            class(6, 1),
        ];
        let model = Bicm::solve(rows.clone(), columns.clone());
        assert!(model.residual <= 1e-12, "{}", model.residual);
        for (a, r) in rows.iter().enumerate() {
            let e: f64 = columns
                .iter()
                .enumerate()
                .map(|(b, c)| c.count as f64 * model.probability(a, b))
                .sum();
            assert!((e - r.degree as f64).abs() < 1e-9, "{e} {}", r.degree);
        }
    }

    #[test]
    fn forced_rows_and_columns_are_certain() {
        // 2 columns; a row of degree 2 is in both, a row of degree 0 in none.
        let model = Bicm::solve(
            vec![class(2, 1), class(1, 2)],
            vec![class(3, 1), class(1, 1)],
        );
        assert_eq!(model.probability(0, 0), 1.0);
        assert_eq!(model.probability(0, 1), 1.0);
        // After the full row and full column, the rows of degree 1 are empty.
        assert_eq!(model.probability(1, 0), 1.0);
        assert_eq!(model.probability(1, 1), 0.0);
    }
}
