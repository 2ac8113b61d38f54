//! `verkosto evolution` against the independent reference of
//! `tests/reference/evolution.py`, and on the seed network.

use crate::util::{close, json, read_json, repo, run};
use serde_json::Value;

const DATASET: &str = "tests/reference/fixtures/evolution.dataset.json";

fn same(expected: &Value, got: &Value, place: &str) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, v) in e {
                same(v, &g[k], &format!("{place}.{k}"));
            }
        }
        (Value::Array(e), Value::Array(g)) => {
            assert_eq!(e.len(), g.len(), "{place}: length");
            for (i, (a, b)) in e.iter().zip(g).enumerate() {
                same(a, b, &format!("{place}[{i}]"));
            }
        }
        (Value::Number(e), Value::Number(g)) => {
            let (e, g) = (e.as_f64().unwrap(), g.as_f64().unwrap());
            assert!(close(e, g, 1e-9), "{place}: expected {e}, got {g}");
        }
        _ => assert_eq!(expected, got, "{place}"),
    }
}

#[test]
fn every_period_matches_the_reference() {
    let expected: Value =
        read_json(repo().join("tests/reference/fixtures/evolution.expected.json"));
    for mode in ["window", "cumulative"] {
        let got = json(&run(&[
            "evolution",
            DATASET,
            &format!("--{mode}"),
            "-f",
            "json",
        ]));
        assert_eq!(got["mode"], mode);
        same(&expected[mode], &got, mode);
        // The same columns, in the same order, in every format.
        let csv = run(&["evolution", DATASET, &format!("--{mode}"), "-f", "csv"]).stdout;
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        assert_eq!(header, verkosto::views::EVOLUTION_COLUMNS);
        assert_eq!(
            csv.lines().count(),
            1 + got["periods"].as_array().unwrap().len()
        );
    }
}

/// The Lapland construction cluster (2016–28.2.2018) is active in 2016–2018
/// and not after; its three ties end in 2019's row.
#[test]
fn the_seed_lapland_cluster_ends_with_2018() {
    let got = json(&run(&[
        "evolution",
        "graphs/finland-regional.json",
        "-f",
        "json",
    ]));
    let year = |y: &str| {
        got["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["period"] == y)
            .unwrap_or_else(|| panic!("{y}"))
            .clone()
    };
    assert_eq!(year("2017")["active_actors"], 3);
    assert_eq!(year("2018")["ties"], 3);
    assert_eq!(year("2019")["active_actors"], 0);
    assert_eq!(year("2019")["ended_ties"], 3);
}

#[test]
fn periods_by_quarter_and_given_days_and_bad_periods() {
    let got = json(&run(&[
        "evolution",
        "graphs/finland-regional.json",
        "--by",
        "2016-01-01,2019-01-01,2021-01-01",
        "-f",
        "json",
    ]));
    let periods = got["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 3);
    assert_eq!(periods[0]["end"], "2018-12-31");
    assert_eq!(periods[1]["ties"], 2);
    let quarters = json(&run(&[
        "evolution",
        "graphs/finland-regional.json",
        "--by",
        "quarter",
        "--from",
        "2022-01-01",
        "-f",
        "json",
    ]));
    assert_eq!(quarters["periods"][0]["period"], "2022-Q1");
    for bad in ["weekly", "2020-01-01,2019-01-01"] {
        let r = run(&["evolution", "graphs/finland-regional.json", "--by", bad]);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(r.stderr.contains("year, quarter, month"), "{}", r.stderr);
    }
}

/// `--metrics` gives, for every period, the values `actors` gives with the
/// period as its window.
#[test]
fn per_period_metrics_equal_the_actors_of_each_window() {
    let got = json(&run(&[
        "evolution",
        "graphs/finland-regional.json",
        "--metrics",
        "degree,betweenness",
        "-f",
        "json",
    ]));
    let long = got["actor_metrics"].as_array().unwrap();
    assert!(!long.is_empty());
    for period in got["periods"].as_array().unwrap() {
        let (start, end) = (
            period["start"].as_str().unwrap(),
            period["end"].as_str().unwrap(),
        );
        let actors = json(&run(&[
            "actors",
            "graphs/finland-regional.json",
            "--from",
            start,
            "--to",
            end,
            "--metrics",
            "degree,betweenness",
            "-f",
            "json",
        ]));
        let actors = actors["actors"].as_array().unwrap();
        assert_eq!(
            actors.len(),
            period["active_actors"].as_u64().unwrap() as usize,
            "{start}"
        );
        for actor in actors {
            for metric in ["degree", "betweenness"] {
                let row = long
                    .iter()
                    .find(|r| {
                        r["period"] == period["period"]
                            && r["actor"] == actor["id"]
                            && r["metric"] == metric
                    })
                    .unwrap_or_else(|| panic!("{start} {} {metric}", actor["id"]));
                assert!(
                    close(
                        row["value"].as_f64().unwrap(),
                        actor[metric].as_f64().unwrap(),
                        1e-12
                    ),
                    "{start} {} {metric}",
                    actor["id"]
                );
            }
        }
    }
    // CSV with --metrics is the long table.
    let csv = run(&[
        "evolution",
        "graphs/finland-regional.json",
        "--metrics",
        "degree",
        "-f",
        "csv",
    ])
    .stdout;
    assert_eq!(csv.lines().next(), Some("period,actor,metric,value"));
}

/// `compare` against the reference: ties formed, ended and kept, and the
/// mixing matrix by kind before, after and the change.
#[test]
fn compare_matches_the_reference() {
    let expected: Value = read_json(repo().join("tests/reference/fixtures/compare.expected.json"));
    let got = json(&run(&[
        "compare",
        DATASET,
        "--before",
        "2015..2017",
        "--after",
        "2019..2021",
        "-f",
        "json",
    ]));
    for key in ["formed", "ended", "kept"] {
        assert_eq!(got[key], expected[key], "{key}");
    }
    let ties = got["ties"].as_array().unwrap();
    assert_eq!(
        ties.len() as u64,
        ["formed", "ended", "kept"]
            .iter()
            .map(|k| got[k].as_u64().unwrap())
            .sum::<u64>()
    );
    same(&expected["mixing"], &got["mixing"], "mixing");
}

/// On the seed: the growth corridor's ties are formed after 2020, the
/// Lapland cluster's ended; the map draws exactly the formed ties in the
/// new-tie colour; the same dataset twice changes nothing.
#[test]
fn compare_on_the_seed_with_its_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("after.svg");
    let got = json(&run(&[
        "compare",
        "graphs/finland-regional.json",
        "--before",
        "2016..2020",
        "--after",
        "2021..2023",
        "--map",
        map.to_str().unwrap(),
        "-f",
        "json",
    ]));
    assert_eq!(
        (
            got["formed"].as_u64(),
            got["ended"].as_u64(),
            got["kept"].as_u64()
        ),
        (Some(17), Some(3), Some(2))
    );
    let ended: Vec<(&str, &str)> = got["ties"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["change"] == "ended")
        .map(|t| (t["source"].as_str().unwrap(), t["target"].as_str().unwrap()))
        .collect();
    assert!(ended.contains(&("digipolis", "lapin-amk")), "{ended:?}");
    let first = &got["actors"][0];
    assert_eq!(first["actor"], "suomen-kasvukaytava");
    assert!(got["bridges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["group_a"] == "municipality"
            && b["group_b"] == "network"
            && b["new_bridge"] == true));
    let svg = std::fs::read_to_string(&map).unwrap();
    crate::util::assert_well_formed_xml(&svg, "compare map");
    let new_tie_lines = svg.matches("stroke=\"#C8102E\"").count();
    assert_eq!(
        new_tie_lines, 17,
        "every formed tie, and only those, in the new-tie colour"
    );

    let same_twice = json(&run(&[
        "compare",
        "graphs/finland-regional.json",
        "graphs/finland-regional.json",
        "-f",
        "json",
    ]));
    assert_eq!(
        (same_twice["formed"].as_u64(), same_twice["ended"].as_u64()),
        (Some(0), Some(0))
    );
    for bad in [
        vec![
            "compare",
            "graphs/finland-regional.json",
            "--before",
            "2016..2020",
        ],
        vec![
            "compare",
            "graphs/finland-regional.json",
            "--before",
            "2020..2016",
            "--after",
            "2021..",
        ],
        vec![
            "compare",
            "graphs/finland-regional.json",
            "--before",
            "2016",
            "--after",
            "2021..",
        ],
    ] {
        let r = run(&bad);
        assert_eq!(r.code, 2, "{bad:?}: {}", r.stderr);
    }
}
