//! Role rules against an independent reference (fixtures written by
//! `tests/reference/role_ties.py`, which CI re-runs with `--check`), and
//! the warnings on generated datasets.

use crate::util::{close, dir_with, json, read_json, repo, run, run_in};
use serde_json::Value;

const DATASET: &str = "tests/reference/fixtures/role-ties.dataset.json";

#[test]
fn star_none_and_reach_ties_match_the_reference() {
    let expected: Value =
        read_json(repo().join("tests/reference/fixtures/role-ties.expected.json"));
    for (case, want) in expected.as_object().unwrap() {
        let extra: Vec<&str> = want["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let mut args = vec!["ties", DATASET, "-f", "json", "--sort", "pair"];
        args.extend(&extra);
        let got = json(&run(&args));
        let got = got.as_array().unwrap();
        let want_ties = want["ties"].as_array().unwrap();
        assert_eq!(got.len(), want_ties.len(), "{case}: tie count");
        for (g, w) in got.iter().zip(want_ties) {
            let pair = format!("{case} {}–{}", w[0], w[1]);
            assert_eq!((&g["source"], &g["target"]), (&w[0], &w[1]), "{pair}");
            assert!(
                close(g["weight"].as_f64().unwrap(), w[2].as_f64().unwrap(), 1e-9),
                "{pair}: weight {} vs {}",
                g["weight"],
                w[2]
            );
            assert_eq!(g["engagements"], w[3], "{pair}: engagements");
            assert_eq!(g["rules"], w[4], "{pair}: rules");
        }
        let mut args = vec!["summary", DATASET, "-f", "json"];
        args.extend(&extra);
        let summary = json(&run(&args));
        for key in ["actors", "ties", "components"] {
            assert_eq!(summary[key], want["summary"][key], "{case} {key}");
        }
        assert!(close(
            summary["density"].as_f64().unwrap(),
            want["summary"]["density"].as_f64().unwrap(),
            1e-9
        ));
    }
}

fn codes(summary: &Value) -> Vec<String> {
    summary["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_string())
        .collect()
}

/// A dataset where one 30-member engagement (a clique under
/// `member=clique`) dominates, next to two small projects.
fn dominated() -> String {
    let members: Vec<String> = (0..30)
        .map(|i| format!(r#"{{"actor": "m{i:02}", "role": "member"}}"#))
        .collect();
    let mut actors: Vec<String> = (0..30)
        .map(|i| format!(r#"{{"id": "m{i:02}", "name": "Member {i}", "kind": "municipality"}}"#))
        .collect();
    for id in ["a", "b", "c", "d"] {
        actors.push(format!(
            r#"{{"id": "{id}", "name": "{id}", "kind": "firm"}}"#
        ));
    }
    format!(
        r#"{{"actors": [{}], "engagements": [
          {{"id": "big", "name": "The network", "participants": [{}]}},
          {{"id": "p1", "name": "P1", "participants": [{{"actor": "a", "role": "coordinator"}}, {{"actor": "b", "role": "partner"}}]}},
          {{"id": "p2", "name": "P2", "participants": [{{"actor": "c", "role": "coordinator"}}, {{"actor": "d", "role": "partner"}}]}}]}}"#,
        actors.join(","),
        members.join(",")
    )
}

#[test]
fn a_dominating_member_list_is_flagged() {
    let dir = dir_with(&[("d.json", &dominated())]);
    let s = json(&run_in(
        dir.path(),
        &[
            "summary",
            "d.json",
            "-f",
            "json",
            "--role-ties",
            "member=clique",
        ],
        None,
    ));
    let c = codes(&s);
    assert!(c.contains(&"dominant_engagement".to_string()), "{c:?}");
    let dominant = s["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "dominant_engagement")
        .unwrap();
    assert_eq!(dominant["subjects"][0], "big");
    assert!(
        dominant["message"]
            .as_str()
            .unwrap()
            .starts_with("435 of 437 ties come from the member list of The network"),
        "{dominant}"
    );
    assert!(c.contains(&"separate_components".to_string()));
    assert!(c.contains(&"listed_only_centrality".to_string()));
    // Every member ties the same: the degree ranking is meaningless.
    assert!(c.contains(&"tied_ranking".to_string()), "{c:?}");
    // Under the defaults the 30 members are a star without a lead: no ties.
    let s = json(&run_in(
        dir.path(),
        &["summary", "d.json", "-f", "json"],
        None,
    ));
    assert_eq!(s["ties"], 2);
    assert!(!codes(&s).contains(&"dominant_engagement".to_string()));
}

#[test]
fn two_actor_groups_are_flagged() {
    let dir = dir_with(&[(
        "d.json",
        r#"{"actors": [{"id": "a", "name": "A", "kind": "firm"}, {"id": "b", "name": "B", "kind": "firm"},
                       {"id": "c", "name": "C", "kind": "university"}, {"id": "d", "name": "D", "kind": "university"},
                       {"id": "e", "name": "E", "kind": "university"}],
            "engagements": [{"id": "p", "name": "P", "participants": [
              {"actor": "a", "role": "coordinator"}, {"actor": "b", "role": "partner"}, {"actor": "c", "role": "partner"},
              {"actor": "d", "role": "partner"}, {"actor": "e", "role": "partner"}]}]}"#,
    )]);
    let s = json(&run_in(
        dir.path(),
        &["summary", "d.json", "-f", "json"],
        None,
    ));
    let small = s["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "small_group")
        .expect("small_group warning");
    assert_eq!(small["subjects"], serde_json::json!(["firm"]));
    let text = run_in(dir.path(), &["summary", "d.json"], None).stdout;
    assert!(text.contains("[small_group]"), "{text}");
}

#[test]
fn the_seed_network_carries_its_warnings() {
    let s = json(&run(&[
        "summary",
        "graphs/finland-regional.json",
        "-f",
        "json",
    ]));
    let c = codes(&s);
    for code in [
        "dominant_engagement",
        "separate_components",
        "small_group",
        "listed_only_centrality",
    ] {
        assert!(c.contains(&code.to_string()), "{code} missing from {c:?}");
    }
    // The municipalities of the growth corridor's member list no longer
    // form a clique: municipality–municipality density is 0.
    let groups = s["mixing"]["groups"].as_array().unwrap();
    let m = groups.iter().position(|g| g == "municipality").unwrap();
    assert_eq!(s["mixing"]["ties"][m][m], 0);
    // Under every-role cliques the target list dominates, and actors tied
    // only as targets are flagged.
    let all = json(&run(&[
        "summary",
        "graphs/finland-regional.json",
        "-f",
        "json",
        "--role-ties",
        "all=clique",
    ]));
    let c = codes(&all);
    assert!(c.contains(&"listed_only_centrality".to_string()), "{c:?}");
    let actors = json(&run(&[
        "actors",
        "graphs/finland-regional.json",
        "-f",
        "json",
        "--metrics",
        "degree,reach",
    ]));
    let reach = |id: &str| {
        actors["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()["reach"]
            .clone()
    };
    // Lapin AMK coordinates the pre-study whose target group lists 47 actors.
    assert_eq!(reach("lapin-amk"), 47);
    assert!(actors["warnings"].as_array().unwrap().len() >= 3);
}
