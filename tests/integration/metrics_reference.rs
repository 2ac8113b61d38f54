//! Every metric against independent reference values
//! (`tests/reference/metrics.py`: networkx 3.x, exact fractions for weighted
//! betweenness, brute force for brokerage and separated pairs).

use crate::util::{json, read_json, repo, run};
use serde_json::Value;

/// (fixture name, dataset path, extra options)
const CASES: &[(&str, &str, &[&str])] = &[
    (
        "karate",
        "tests/reference/fixtures/metrics-karate.dataset.json",
        &[],
    ),
    (
        "disconnected",
        "tests/reference/fixtures/metrics-disconnected.dataset.json",
        &[],
    ),
    (
        "equal-paths",
        "tests/reference/fixtures/metrics-equal-paths.dataset.json",
        &[],
    ),
    (
        "seed-all-roles",
        "graphs/finland-regional.json",
        &["--roles", "all", "--role-ties", "all=clique"],
    ),
    (
        "small-newman",
        "tests/reference/fixtures/projection-small.dataset.json",
        &["--weight", "newman"],
    ),
    (
        "heavy-tailed-jaccard",
        "tests/reference/fixtures/projection-heavy-tailed.dataset.json",
        &["--weight", "jaccard"],
    ),
];

/// Every metric within 1e-9: the reference runs the iterative ones to a
/// tolerance of 1e-14.
const EXACT: &[&str] = &[
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "harmonic",
    "clustering",
    "constraint",
    "effective_size",
    "core",
    "coordinator",
    "itinerant",
    "gatekeeper_representative",
    "liaison",
    "brokerage_total",
];
const ITERATIVE: &[&str] = &["eigenvector", "pagerank", "katz"];

fn expected(name: &str) -> Value {
    let path = repo().join(format!(
        "tests/reference/fixtures/metrics-{name}.expected.json"
    ));
    read_json(path)
}

fn command(cmd: &str, file: &str, extra: &[&str], more: &[&str]) -> Value {
    let mut args = vec![cmd, file, "-f", "json"];
    args.extend_from_slice(extra);
    args.extend_from_slice(more);
    json(&run(&args))
}

fn assert_close(case: &str, what: &str, got: &Value, want: &Value, tol: f64) {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => assert!(
            (g - w).abs() <= tol * (1.0 + w.abs()),
            "{case} {what}: verkosto {g} vs reference {w}"
        ),
        _ => assert_eq!(got, want, "{case} {what}"),
    }
}

/// Rows of an `actors`/`brokers` JSON array (or of the `actors` list of
/// an object) by id.
fn by_id(rows: &Value) -> std::collections::HashMap<String, Value> {
    let rows = if rows.is_object() {
        &rows["actors"]
    } else {
        rows
    };
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

#[test]
fn per_actor_metrics_match_the_reference() {
    for (name, file, extra) in CASES {
        let want = expected(name);
        let rows = by_id(&command("actors", file, extra, &[]));
        let unweighted = by_id(&command(
            "actors",
            file,
            extra,
            &[
                "--unweighted",
                "--metrics",
                "betweenness,closeness,harmonic",
            ],
        ));
        let brokers = by_id(&command("brokers", file, extra, &[]));
        let actors = want["actors"].as_object().unwrap();
        assert_eq!(rows.len(), actors.len(), "{name}: actor count");
        for (id, w) in actors {
            let row = &rows[id];
            for metric in EXACT {
                assert_close(
                    name,
                    &format!("{id} {metric}"),
                    &row[*metric],
                    &w[*metric],
                    1e-9,
                );
            }
            for metric in ITERATIVE {
                assert_close(
                    name,
                    &format!("{id} {metric}"),
                    &row[*metric],
                    &w[*metric],
                    1e-9,
                );
            }
            for metric in ["betweenness", "closeness", "harmonic"] {
                let key = format!("{metric}_unweighted");
                assert_close(
                    name,
                    &format!("{id} {key}"),
                    &unweighted[id][metric],
                    &w[&key],
                    1e-9,
                );
            }
            assert_eq!(
                brokers[id]["separated_pairs"], w["separated_pairs"],
                "{name} {id}"
            );
        }
    }
}

#[test]
fn network_figures_match_the_reference() {
    for (name, file, extra) in CASES {
        let want = &expected(name)["summary"];
        let got = command("summary", file, extra, &[]);
        for key in [
            "actors",
            "ties",
            "density",
            "components",
            "largest_component",
            "average_clustering",
            "transitivity",
            "diameter",
            "average_path_length",
            "max_core",
            "ei_index",
            "assortativity",
        ] {
            assert_close(name, key, &got[key], &want[key], 1e-9);
        }
        assert_eq!(
            got["articulation_points"], want["articulation_points"],
            "{name}"
        );
        assert_eq!(got["bridges"], want["bridges"], "{name}");
        assert_eq!(got["mixing"]["groups"], want["mixing_groups"], "{name}");
        assert_eq!(got["mixing"]["ties"], want["mixing_ties"], "{name}");
        // The summary's one Leiden run comes within 0.1 % of networkx's
        // best Louvain over 10 seeds (ten runs reach it: below).
        let (q, best) = (
            got["modularity"].as_f64().unwrap(),
            want["best_louvain_modularity"].as_f64().unwrap(),
        );
        assert!(
            q >= best * (1.0 - 1e-3),
            "{name}: modularity {q} far below networkx's best Louvain {best}"
        );
    }
}

#[test]
fn ten_seeds_reach_networkx_modularity() {
    for (name, file, extra) in CASES {
        let best = expected(name)["summary"]["best_louvain_modularity"]
            .as_f64()
            .unwrap();
        for method in ["louvain", "leiden"] {
            let got = command(
                "communities",
                file,
                extra,
                &["--method", method, "--runs", "10"],
            );
            let q = got["modularity"].as_f64().unwrap();
            assert!(
                q >= best - 1e-9,
                "{name}: {method} over 10 seeds {q} below networkx's best {best}"
            );
        }
    }
}
