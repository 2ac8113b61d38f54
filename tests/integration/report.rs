//! The report, opened in a real headless Chromium.

use crate::util::{assert_well_formed_xml, make_report, repo, run_in};

#[test]
fn report_files_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    make_report(dir.path(), "graphs/finland-regional.json", &[]);
    for file in [
        "report.html",
        "report.md",
        "map.svg",
        "map.dot",
        "actors.csv",
        "ties.csv",
        "communities.csv",
        "summary.csv",
    ] {
        assert!(dir.path().join(file).exists(), "{file} missing");
    }
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    // Self-contained: no external references, no scripts.
    for forbidden in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "<script",
        "<link",
        "@import",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} in report.html");
    }
    assert!(html.contains("Content-Security-Policy"));
    for section in [
        "Network summary",
        "Collaboration density by kind",
        "Network map",
        "Top actors by betweenness",
        "Top actors per kind",
        "Brokers: who bridges whom",
        "Articulation points",
        "Communities",
        "What the numbers mean",
        "<svg",
    ] {
        assert!(html.contains(section), "{section} missing");
    }
    // Numbers identical to the CLI's.
    let summary = crate::util::json(&run_in(
        &repo(),
        &["summary", "graphs/finland-regional.json", "-f", "json"],
        None,
    ));
    let density = verkosto::render::format_float(summary["density"].as_f64().unwrap(), 4);
    assert!(
        html.contains(&format!("<td class=\"n\">{density}</td>")),
        "density {density} as in the CLI"
    );
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(md.contains(&format!("| density | {density} |")));
    assert!(md.contains("![Network map](map.svg)"));
    let cli_csv = run_in(
        &repo(),
        &["summary", "graphs/finland-regional.json", "-f", "csv"],
        None,
    )
    .stdout;
    assert_eq!(
        std::fs::read_to_string(dir.path().join("summary.csv")).unwrap(),
        cli_csv
    );
}

#[test]
fn report_without_graphviz_uses_the_builtin_map() {
    let dir = tempfile::tempdir().unwrap();
    make_report(dir.path(), "graphs/finland-regional.json", &["--builtin"]);
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert_well_formed_xml(&svg, "built-in map");
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(
        html.contains("Drawn with verkosto&apos;s built-in layout"),
        "the report says which renderer drew the map"
    );
}

#[test]
fn report_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.html");
    std::fs::copy(repo().join("graphs/finland-regional.json"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let r = run_in(dir.path(), &["report", "report.html", "-o", "."], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}
