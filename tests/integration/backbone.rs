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

const SEED: &str = "graphs/finland-regional.json";

#[test]
fn the_methods_paragraph_in_each_language() {
    for (lang, words) in [
        (
            "en",
            [
                "stochastic degree sequence model",
                "References",
                "No tie is significant",
            ],
        ),
        (
            "fi",
            [
                "stokastisella astejonomallilla",
                "Lähteet",
                "Yksikään yhteys ei ole merkitsevä",
            ],
        ),
        (
            "sv",
            [
                "stokastiska gradsekvensmodellen",
                "Referenser",
                "Ingen koppling är signifikant",
            ],
        ),
    ] {
        let r = run(&["backbone", SEED, "--explain", "--lang", lang]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        for w in words {
            assert!(r.stdout.contains(w), "{lang}: {w} in {}", r.stdout);
        }
        // The counts: 351 pairs of 27 actors, 23 tested (as the table says).
        assert!(
            r.stdout.contains("351") && r.stdout.contains("23"),
            "{}",
            r.stdout
        );
        assert!(r.stdout.contains("Neal, Z. (2014)"));
    }
    let r = run(&[
        "backbone",
        SEED,
        "--explain",
        "--model",
        "hypergeometric",
        "--alpha",
        "0.2",
    ]);
    assert!(
        r.stdout.contains("Tumminello") && r.stdout.contains("3 ties are significant at α = 0.2"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("No tie is significant"));
    let r = run(&[
        "backbone",
        SEED,
        "--explain",
        "--model",
        "disparity",
        "--correction",
        "holm",
    ]);
    assert!(
        r.stdout.contains("Serrano") && r.stdout.contains("Holm's correction over 23 tests"),
        "{}",
        r.stdout
    );
}

#[test]
fn the_summary_line_and_the_table() {
    let r = run(&[
        "backbone",
        SEED,
        "--model",
        "hypergeometric",
        "--alpha",
        "0.2",
        "-f",
        "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("hypergeometric backbone (α 0.2, Benjamini–Hochberg false discovery rate over 351 tests): 3 of 23 ties kept, 23 tested"),
        "{}",
        r.stderr
    );
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("source,target,source_name,target_name,co_membership,weight,p_value,kept,tested")
    );
    // Smallest p first: the three ties of three shared projects.
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(first[4], "3");
    assert_eq!(first[7], "true");
    let kept = run(&[
        "backbone",
        SEED,
        "--model",
        "hypergeometric",
        "--alpha",
        "0.2",
        "--kept",
        "-f",
        "json",
    ]);
    assert_eq!(json(&kept).as_array().unwrap().len(), 3);
}

#[test]
fn select_makes_every_command_use_the_backbone_and_say_so() {
    let select = "backbone:hypergeometric:0.2";
    let s = json(&run(&["summary", SEED, "--select", select, "-f", "json"]));
    assert_eq!(s["ties"], 3);
    assert!(
        s["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "backbone"),
        "{s}"
    );
    let a = json(&run(&[
        "actors",
        SEED,
        "--select",
        select,
        "-f",
        "json",
        "--metrics",
        "degree",
    ]));
    let tied = a["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["degree"].as_i64() > Some(0))
        .count();
    assert!(
        a["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "backbone"),
        "{a}"
    );
    assert_eq!(tied, 3, "the three actors of the three kept ties");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("csv");
    let e = run(&[
        "export",
        SEED,
        "--select",
        select,
        "--to",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(e.code, 0, "{}", e.stderr);
    let ties = std::fs::read_to_string(out.join("ties.csv")).unwrap();
    assert_eq!(
        ties.lines().count(),
        4,
        "a header and the three kept ties: {ties}"
    );
    // A map of it says so in its caption.
    let svg = dir.path().join("map.svg");
    let r = run(&[
        "render",
        SEED,
        "--select",
        select,
        "--builtin",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("significant ties only (hypergeometric, α 0.2, FDR): 3 of 23 kept"));
}

#[test]
fn an_empty_backbone_is_said_not_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let r = run(&[
        "render",
        SEED,
        "--select",
        "backbone:sdsm",
        "--builtin",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("nothing to draw") && r.stderr.contains("A longer period"),
        "{}",
        r.stderr
    );
    assert!(!svg.exists());
    for (lang, heading, advice) in [
        ("fi", "Merkitsevät yhteydet", "Pidempi ajanjakso"),
        ("sv", "Signifikanta kopplingar", "En längre period"),
        ("en", "Significant ties", "A longer period"),
    ] {
        let out = dir.path().join(format!("report-{lang}"));
        let r = run(&[
            "report",
            SEED,
            "--select",
            "backbone:sdsm",
            "--builtin",
            "--lang",
            lang,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        assert!(
            html.contains("<section id=\"methods\">") && html.contains(heading),
            "{lang}"
        );
        assert!(html.contains(advice), "{lang}");
        assert!(!out.join("map.svg").exists(), "{lang}: no empty map");
        let md = std::fs::read_to_string(out.join("report.md")).unwrap();
        assert!(md.contains(heading), "{lang}");
    }
}

#[test]
fn bad_tests_are_usage_errors() {
    for args in [
        vec!["backbone", SEED, "--alpha", "0"],
        vec!["backbone", SEED, "--alpha", "1.5"],
        vec!["backbone", SEED, "--model", "poisson"],
        vec!["backbone", SEED, "--correction", "sidak"],
        vec!["backbone", SEED, "--select", "backbone:sdsm"],
        vec!["summary", SEED, "--select", "backbone:sdsm:0"],
        vec!["summary", SEED, "--select", "sdsm"],
        vec!["summary", SEED, "--select", "backbone:sdsm:0.05:fdr:x"],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("error"), "{args:?}");
    }
}

#[test]
fn roles_and_periods_change_the_matrix() {
    let all = run(&["backbone", SEED, "--explain"]);
    let leads = run(&[
        "backbone",
        SEED,
        "--explain",
        "--roles",
        "coordinator,implementer",
    ]);
    let early = run(&["backbone", SEED, "--explain", "--to", "2016-12-31"]);
    assert!(
        all.stdout.contains("27 actors in 48 projects"),
        "{}",
        all.stdout
    );
    assert!(!leads.stdout.contains("27 actors"), "{}", leads.stdout);
    assert!(!early.stdout.contains("48 projects"), "{}", early.stdout);
}
