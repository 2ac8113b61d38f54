//! A small, deterministic force-directed layout (Fruchterman & Reingold
//! 1991) for maps drawn without Graphviz.

/// Positions in [0, 1]² for `n` nodes with the given edges, seeded.
/// Larger nodes (by `sizes`) repel a little more. O(k·(n² + m)) for
/// k = 300 iterations: meant for the few hundred actors a map shows.
pub fn force_layout(
    n: usize,
    edges: &[(usize, usize)],
    sizes: &[f64],
    seed: u64,
) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let mut rng = crate::rng::Rng::golden(seed);
    let mut next = move || rng.unit();
    let mut pos: Vec<(f64, f64)> = (0..n).map(|_| (next(), next())).collect();
    let k = 0.9 * (1.0 / n as f64).sqrt();
    let iterations = 300;
    let mut temperature = 0.1;
    let cooling = temperature / (iterations as f64 + 1.0);
    let mut shift = vec![(0.0, 0.0); n];
    for _ in 0..iterations {
        for s in shift.iter_mut() {
            *s = (0.0, 0.0);
        }
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-9);
                let d = d2.sqrt();
                let force = k * k * (1.0 + 4.0 * (sizes[i] + sizes[j])) / d;
                let (fx, fy) = (dx / d * force, dy / d * force);
                shift[i].0 += fx;
                shift[i].1 += fy;
                shift[j].0 -= fx;
                shift[j].1 -= fy;
            }
        }
        for &(a, b) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            let force = d * d / k / (1.0 + (edges.len() as f64 / n as f64).sqrt());
            let (fx, fy) = (dx / d * force, dy / d * force);
            shift[a].0 -= fx;
            shift[a].1 -= fy;
            shift[b].0 += fx;
            shift[b].1 += fy;
        }
        for i in 0..n {
            // Gentle gravity keeps components on the page.
            shift[i].0 += (0.5 - pos[i].0) * k * 4.0;
            shift[i].1 += (0.5 - pos[i].1) * k * 4.0;
            let length = (shift[i].0 * shift[i].0 + shift[i].1 * shift[i].1)
                .sqrt()
                .max(1e-12);
            let step = length.min(temperature);
            pos[i].0 += shift[i].0 / length * step;
            pos[i].1 += shift[i].1 / length * step;
        }
        temperature -= cooling;
    }
    // Fit to the unit square.
    let (min_x, max_x) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    let (min_y, max_y) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    let (w, h) = ((max_x - min_x).max(1e-9), (max_y - min_y).max(1e-9));
    pos.iter()
        .map(|&(x, y)| ((x - min_x) / w, (y - min_y) / h))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_inside_the_square() {
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4)];
        let sizes = [0.2; 5];
        let a = force_layout(5, &edges, &sizes, 7);
        assert_eq!(a, force_layout(5, &edges, &sizes, 7));
        assert_ne!(a, force_layout(5, &edges, &sizes, 8));
        assert!(a
            .iter()
            .all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
    }
}
