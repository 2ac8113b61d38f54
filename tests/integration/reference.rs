//! Projections and summary figures against networkx (fixtures written by
//! `tests/reference/projections.py`, which CI re-runs with `--check`).

use crate::util::{close, json, read_json, repo, run};
use serde_json::Value;
use verkosto::graph::{Projection, ProjectionOptions, ProjectionWeight};
use verkosto::io::json::load_dataset;

const CASES: &[&str] = &["small", "heavy-tailed", "sparse"];

fn fixture(case: &str) -> (std::path::PathBuf, Value) {
    let dir = repo().join("tests/reference/fixtures");
    let dataset = dir.join(format!("projection-{case}.dataset.json"));
    let expected: Value = read_json(dir.join(format!("projection-{case}.expected.json")));
    (dataset, expected)
}

#[test]
fn projections_match_networkx() {
    for case in CASES {
        let (path, expected) = fixture(case);
        let (dataset, _) = load_dataset(&path).unwrap();
        for weight in [
            ProjectionWeight::Count,
            ProjectionWeight::Newman,
            ProjectionWeight::Jaccard,
        ] {
            let p = Projection::new(
                &dataset,
                &ProjectionOptions {
                    weight,
                    ..Default::default()
                },
            )
            .unwrap();
            let nodes: Vec<&str> = (0..p.actor_count())
                .map(|a| p.actor(a).id.as_str())
                .collect();
            let want_nodes: Vec<&str> = expected["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(nodes, want_nodes, "{case} nodes");
            let want = expected[weight.name()].as_array().unwrap();
            assert_eq!(p.tie_count(), want.len(), "{case} {weight} tie count");
            for (tie, w) in p.ties().iter().zip(want) {
                assert_eq!(
                    p.actor(tie.source as usize).id,
                    w[0].as_str().unwrap(),
                    "{case} {weight}"
                );
                assert_eq!(
                    p.actor(tie.target as usize).id,
                    w[1].as_str().unwrap(),
                    "{case} {weight}"
                );
                let want_weight = w[2].as_f64().unwrap();
                assert!(
                    close(tie.weight, want_weight, 1e-12),
                    "{case} {weight} {}–{}: {} vs networkx {want_weight}",
                    w[0],
                    w[1],
                    tie.weight
                );
            }
        }
    }
}

#[test]
fn cli_summary_and_actor_figures_match_networkx() {
    for case in CASES {
        let (path, expected) = fixture(case);
        let path = path.to_str().unwrap();
        let s = json(&run(&["summary", path, "-f", "json"]));
        let want = &expected["summary"];
        for key in ["actors", "ties", "components", "largest_component"] {
            assert_eq!(s[key], want[key], "{case} {key}");
        }
        for key in ["density", "weighted_density"] {
            assert!(
                close(s[key].as_f64().unwrap(), want[key].as_f64().unwrap(), 1e-9),
                "{case} {key}: {} vs {}",
                s[key],
                want[key]
            );
        }
        let actors = json(&run(&["actors", path, "-f", "json"]));
        for row in actors["actors"].as_array().unwrap() {
            let id = row["id"].as_str().unwrap();
            assert_eq!(row["degree"], expected["degree"][id], "{case} {id} degree");
            assert!(close(
                row["strength"].as_f64().unwrap(),
                expected["strength"][id].as_f64().unwrap(),
                1e-9
            ));
        }
    }
}
