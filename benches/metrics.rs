//! Metric benchmark on the projection of a generated 50,000-actor /
//! 20,000-engagement two-mode network (the sizes of the README), and Leiden
//! on a generated LFR-style graph.
//!
//! `cargo bench --bench metrics` prints the timings. Options:
//!
//! - `--size ACTORSxENGAGEMENTS` another two-mode size;
//! - `--write-edges FILE` also write the projection as `source target
//!   weight` lines (actor positions) for `benches/compare_metrics.py`;
//! - `--graph FILE` time the metrics on an edge list instead (`u v [w]`
//!   lines, nodes 0..n−1; an optional `FILE.membership` with the planted
//!   community of each node reports NMI);
//! - `--only betweenness,closeness,…` time only these;
//! - `--iterations N` Leiden/Louvain iterations (default 2, as igraph).

#[path = "common/generate.rs"]
mod generate;

use petgraph::graph::{NodeIndex, UnGraph};
use std::io::Write;
use std::time::Instant;
use verkosto::algo::{betweenness, closeness, communities, harmonic};
use verkosto::graph::{Csr, Projection, ProjectionOptions};
use verkosto::metrics::centrality::BetweennessOptions;
use verkosto::metrics::community::{nmi, CommunityMethod, CommunityOptions};
use verkosto::metrics::PathLength;

const SEED: u64 = 20261123;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .map(|i| args[i + 1].clone())
    };
    let only: Option<Vec<String>> =
        value("--only").map(|l| l.split(',').map(String::from).collect());
    let wanted = |name: &str| only.as_ref().is_none_or(|o| o.iter().any(|x| x == name));

    let (adjacency, planted) = if let Some(path) = value("--graph") {
        read_graph(&path)
    } else {
        let size = value("--size").unwrap_or_else(|| "50000x20000".into());
        let (a, e) = size.split_once('x').expect("ACTORSxENGAGEMENTS");
        let dataset = generate::two_mode(a.parse().unwrap(), e.parse().unwrap(), SEED);
        let projection = Projection::new(&dataset, &ProjectionOptions::default()).unwrap();
        let adjacency = projection.adjacency().to_wide();
        if let Some(path) = value("--write-edges") {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
            for t in projection.ties() {
                writeln!(out, "{} {} {}", t.source, t.target, t.weight).unwrap();
            }
        }
        (adjacency, None)
    };
    let connected = (0..adjacency.node_count())
        .filter(|&v| adjacency.degree(v) > 0)
        .count();
    println!(
        "graph: {} nodes ({} with a tie), {} ties; {} threads",
        adjacency.node_count(),
        connected,
        adjacency.edge_count(),
        rayon::current_num_threads()
    );
    // The metrics run through the library's petgraph entry points, as a
    // Rust user would call them (compacting to the CSR is part of each run).
    let mut graph =
        UnGraph::<(), f64>::with_capacity(adjacency.node_count(), adjacency.edge_count());
    for _ in 0..adjacency.node_count() {
        graph.add_node(());
    }
    for v in 0..adjacency.node_count() {
        for (&u, &w) in adjacency.neighbors(v).iter().zip(adjacency.weights(v)) {
            if (u as usize) > v {
                graph.add_edge(NodeIndex::new(v), NodeIndex::new(u as usize), w);
            }
        }
    }
    let weight = |e: petgraph::graph::EdgeReference<'_, f64>| *e.weight();
    let time = |name: &str, f: &mut dyn FnMut() -> String| {
        if !wanted(name) {
            return;
        }
        let start = Instant::now();
        let note = f();
        println!(
            "{name:<26} {:>9.2} s  {note}",
            start.elapsed().as_secs_f64()
        );
    };
    let bo = |length| BetweennessOptions {
        length,
        normalized: true,
    };
    time("betweenness_unweighted", &mut || {
        let b = betweenness(&graph, weight, bo(PathLength::Hops));
        format!("max {:.6}", b.iter().cloned().fold(0.0, f64::max))
    });
    time("betweenness_weighted", &mut || {
        let b = betweenness(&graph, weight, bo(PathLength::InverseWeight));
        format!("max {:.6}", b.iter().cloned().fold(0.0, f64::max))
    });
    time("closeness_unweighted", &mut || {
        let c = closeness(&graph, weight, PathLength::Hops);
        format!("max {:.6}", c.iter().cloned().fold(0.0, f64::max))
    });
    time("closeness_weighted", &mut || {
        let c = closeness(&graph, weight, PathLength::InverseWeight);
        format!("max {:.6}", c.iter().cloned().fold(0.0, f64::max))
    });
    time("harmonic_unweighted", &mut || {
        let h = harmonic(&graph, weight, PathLength::Hops);
        format!("max {:.6}", h.iter().cloned().fold(0.0, f64::max))
    });
    time("harmonic_weighted", &mut || {
        let h = harmonic(&graph, weight, PathLength::InverseWeight);
        format!("max {:.6}", h.iter().cloned().fold(0.0, f64::max))
    });
    // Mean over 5 seeds (single-seed modularity differs by ~1e-5); the
    // time printed is per run.
    let seeds = 5u64;
    for method in [CommunityMethod::Leiden, CommunityMethod::Louvain] {
        let name = format!("{method}");
        if !wanted(&name) {
            continue;
        }
        let start = Instant::now();
        let (mut q, mut count, mut agreement) = (0.0, 0.0, 0.0);
        for seed in 1..=seeds {
            let iterations = value("--iterations").map_or(2, |v| v.parse().expect("a number"));
            let options = CommunityOptions {
                method,
                seed,
                iterations,
                ..Default::default()
            };
            let p = communities(&graph, weight, &options).unwrap();
            q += p.modularity;
            count += p.count as f64;
            if let Some(truth) = &planted {
                agreement += nmi(&p.membership, truth).unwrap();
            }
        }
        let s = seeds as f64;
        let nmi_note = if planted.is_some() {
            format!(", NMI vs planted {:.4}", agreement / s)
        } else {
            String::new()
        };
        println!(
            "{name:<26} {:>9.2} s  per run (mean of {seeds} seeds): modularity {:.6}, {:.1} communities{nmi_note}",
            start.elapsed().as_secs_f64() / s,
            q / s,
            count / s
        );
    }
}

/// Reads `u v [w]` lines; nodes are 0..n−1.
fn read_graph(path: &str) -> (Csr, Option<Vec<usize>>) {
    let text = std::fs::read_to_string(path).expect("edge list");
    let mut edges = Vec::new();
    let mut n = 0u32;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split_whitespace();
        let u: u32 = parts.next().unwrap().parse().unwrap();
        let v: u32 = parts.next().unwrap().parse().unwrap();
        let w: f64 = parts.next().map_or(1.0, |w| w.parse().unwrap());
        n = n.max(u + 1).max(v + 1);
        edges.push((u.min(v), u.max(v), w));
    }
    edges.sort_by_key(|e| (e.0, e.1));
    edges.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
    edges.retain(|e| e.0 != e.1);
    let planted = std::fs::read_to_string(format!("{path}.membership"))
        .ok()
        .map(|t| {
            t.split_whitespace()
                .map(|x| x.parse().unwrap())
                .collect::<Vec<usize>>()
        });
    let n = planted
        .as_ref()
        .map_or(n as usize, |p| p.len().max(n as usize));
    (Csr::from_edges(n, edges.iter().copied()), planted)
}
