//! Exports read back by networkx (GraphML, GEXF, Pajek, node-link, CSV).

use crate::util::{repo, run_in};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A Python that can import `module`: $VERKOSTO_PYTHON, the repository's
/// .venv, or python3; `None` when none can.
pub fn python_with(module: &str) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("VERKOSTO_PYTHON").map(PathBuf::from),
        Some(repo().join(".venv/bin/python")),
        Some(PathBuf::from("python3")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// A Python with networkx.
pub fn python_with_networkx() -> Option<PathBuf> {
    python_with("networkx")
}

fn export_all(dir: &Path, file: &str, extra: &[&str]) {
    for (format, name) in [
        ("graphml", "network.graphml"),
        ("gexf", "network.gexf"),
        ("pajek", "network.net"),
        ("node-link", "network.json"),
        ("csv", "csv"),
    ] {
        let mut args = vec!["export", file, "--to", format, "-o"];
        let out = dir.join(name);
        let out = out.to_str().unwrap();
        args.push(out);
        args.extend_from_slice(extra);
        let r = run_in(&repo(), &args, None);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
    }
    let metrics = dir.join("metrics.graphml");
    let mut args = vec![
        "export",
        file,
        "--to",
        "graphml",
        "--with-metrics",
        "-o",
        metrics.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    assert_eq!(run_in(&repo(), &args, None).code, 0);
}

fn read_back(python: &Path, dir: &Path) -> Value {
    run_script(python, "tests/roundtrip/read_exports.py", dir)
}

/// Runs the repository's Python `script` on `arg` and reads the JSON it
/// prints; a failing script fails the test with its error output.
pub fn run_script(python: &Path, script: &str, arg: &Path) -> Value {
    let out = Command::new(python)
        .arg(repo().join(script))
        .arg(arg)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn networkx_reads_every_export_of_the_seed_network() {
    let python = python_with_networkx().expect("a Python with networkx");
    let dir = tempfile::tempdir().unwrap();
    export_all(
        dir.path(),
        "graphs/finland-regional.json",
        &["--roles", "all", "--role-ties", "all=clique"],
    );
    let got = read_back(&python, dir.path());
    for format in ["graphml", "gexf", "pajek", "node-link", "csv"] {
        assert_eq!(got[format]["nodes"], 88, "{format}");
        assert_eq!(got[format]["ties"], 1432, "{format}");
        assert_eq!(got[format]["total_weight"], 1454.0, "{format}");
    }
    for format in ["graphml", "gexf", "node-link", "csv"] {
        assert_eq!(got[format]["names"]["aalto"], "Aalto-yliopisto", "{format}");
        assert_eq!(
            got[format]["kinds"]["careeria"], "education_provider",
            "{format}"
        );
        assert_eq!(got[format]["degree_of_first"], 49, "{format}");
    }
    assert_eq!(got["metrics"]["degree"], 49);
    assert_eq!(got["metrics"]["community"], 1);
    // The dynamic GEXF keeps its spells: the Lapland cluster's tie and
    // Digipolis exist from 1.8.2016 to 28.2.2018.
    let dates = &got["dates"];
    let spell = serde_json::json!([["2016-08-01", "2018-02-28"]]);
    assert_eq!(dates["gexf_mode"], "dynamic");
    assert_eq!(dates["gexf_node_spells"], spell);
    assert_eq!(dates["gexf_edge_spells"], spell);
    for key in ["gexf_first_seen", "graphml_first_seen", "csv_first_seen"] {
        assert_eq!(dates[key], "2016-08-01", "{key}");
    }
    assert_eq!(dates["graphml_last_seen"], "2018-02-28");
    assert_eq!(dates["node_link_last_seen"], "2018-02-28");
}

pub fn hostile_names_survive_every_export() {
    let python = python_with_networkx().expect("a Python with networkx");
    let dir = tempfile::tempdir().unwrap();
    export_all(dir.path(), "graphs/examples/hostile-names.json", &[]);
    let got = read_back(&python, dir.path());
    for format in ["graphml", "gexf", "node-link", "csv"] {
        assert_eq!(got[format]["nodes"], 9, "{format}");
        assert_eq!(
            got[format]["names"]["123leading"], "123 Leading digits Oy",
            "{format}"
        );
        assert_eq!(got[format]["names"]["abo"], "Åbo Akademi", "{format}");
    }
    // Weights, counts and the hostile names themselves in GraphML.
    let graphml = std::fs::read_to_string(dir.path().join("network.graphml")).unwrap();
    assert!(graphml.contains(
        "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
    ));
    assert_eq!(got["pajek"]["ties"], got["graphml"]["ties"]);
    // CSV neutralises formulas.
    let nodes = std::fs::read_to_string(dir.path().join("csv/nodes.csv")).unwrap();
    assert!(nodes.contains("\"'=HYPERLINK("), "{nodes}");
}
