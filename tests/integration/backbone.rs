//! Significance backbones against independent references (fixtures
//! written by `tests/reference/backbone.py`, which CI re-runs with
//! `--check`): the `bicm` package's configuration model with an exact
//! Poisson-binomial tail for sdsm, scipy for the hypergeometric model, the
//! formula written out for the disparity filter, and each correction.

use crate::util::{json, read_json, repo, run};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const MODELS: [(&str, usize); 3] = [("sdsm", 3), ("hypergeometric", 4), ("disparity", 5)];
const CORRECTIONS: [&str; 4] = ["fdr", "holm", "bonferroni", "none"];

fn case(name: &str) -> (String, Vec<&'static str>, Value) {
    let dir = repo().join("tests/reference/fixtures");
    let (dataset, extra) = if name == "seed" {
        (
            repo().join("graphs/finland-regional.json"),
            vec!["--role-ties", "all=clique"],
        )
    } else {
        (dir.join(format!("backbone-{name}.dataset.json")), vec![])
    };
    let expected = read_json(dir.join(format!("backbone-{name}.expected.json")));
    (dataset.to_str().unwrap().to_string(), extra, expected)
}

/// Relative agreement within 1e-6 (the bound); p-values are
/// positive, so no absolute floor is needed.
fn agree(ours: f64, want: f64) -> bool {
    (ours - want).abs() <= 1e-6 * want.abs().max(ours.abs()) || ours == want
}

#[test]
fn p_values_and_kept_ties_match_the_references() {
    for name in ["generated", "small", "seed"] {
        let (path, extra, expected) = case(name);
        let pairs = expected["pairs"].as_array().unwrap();
        for (model, column) in MODELS {
            let want: BTreeMap<(String, String), f64> = pairs
                .iter()
                .map(|p| {
                    let key = (
                        p[0].as_str().unwrap().to_string(),
                        p[1].as_str().unwrap().to_string(),
                    );
                    (key, p[column].as_f64().unwrap())
                })
                .collect();
            for correction in CORRECTIONS {
                let mut args = vec![
                    "backbone",
                    &path,
                    "-f",
                    "json",
                    "--model",
                    model,
                    "--correction",
                    correction,
                ];
                args.extend(&extra);
                let rows = json(&run(&args));
                let rows = rows.as_array().unwrap();
                let mut tested = 0;
                let mut kept = BTreeSet::new();
                for row in rows {
                    let pair = (
                        row["source"].as_str().unwrap().to_string(),
                        row["target"].as_str().unwrap().to_string(),
                    );
                    let Some(p) = row["p_value"].as_f64() else {
                        assert_eq!(row["tested"], false);
                        continue;
                    };
                    tested += 1;
                    let w = want
                        .get(&pair)
                        .unwrap_or_else(|| panic!("{name} {model}: {pair:?} not a reference pair"));
                    assert!(
                        agree(p, *w),
                        "{name} {model} {pair:?}: {p} vs reference {w}"
                    );
                    if row["kept"] == true {
                        kept.insert(pair);
                    }
                }
                assert_eq!(
                    tested,
                    want.len(),
                    "{name} {model}: every co-occurring pair tested"
                );
                let want_kept: BTreeSet<(String, String)> = expected["kept"][model][correction]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| {
                        (
                            p[0].as_str().unwrap().to_string(),
                            p[1].as_str().unwrap().to_string(),
                        )
                    })
                    .collect();
                let differ: Vec<_> = kept.symmetric_difference(&want_kept).take(5).collect();
                assert!(
                    differ.is_empty(),
                    "{name} {model} {correction}: {} kept, reference {}; differ on {differ:?}",
                    kept.len(),
                    want_kept.len()
                );
            }
        }
    }
}

#[test]
fn the_generated_network_has_significant_ties_under_each_matrix_model() {
    // Guards the reference itself: a comparison of empty sets proves little.
    let (_, _, expected) = case("generated");
    assert!(expected["kept"]["sdsm"]["fdr"].as_array().unwrap().len() >= 10);
    assert!(
        expected["kept"]["hypergeometric"]["holm"]
            .as_array()
            .unwrap()
            .len()
            >= 10
    );
    assert!(
        expected["kept"]["disparity"]["none"]
            .as_array()
            .unwrap()
            .len()
            >= 10
    );
}
