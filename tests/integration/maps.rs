//! Maps: every option of `render`, hostile names through the real `dot`
//! program, well-formed SVG from both renderers, thinning of large graphs.

use crate::util::{assert_well_formed_xml, render, repo};

#[test]
fn hostile_names_survive_dot_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let file = "graphs/examples/hostile-names.json";
    let r = render(
        dir.path(),
        file,
        "map.dot",
        &["--labels", "all", "--cluster-by", "kind"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dot = std::fs::read_to_string(dir.path().join("map.dot")).unwrap();
    assert!(
        dot.contains(r#"Say \"hello\" \\ back\\slash"#),
        "quotes and backslashes escaped"
    );
    assert!(dot.contains("Hämeen ELY-keskus") && dot.contains("Åbo Akademi"));
    // The built-in SVG is well-formed and keeps the text.
    let r = render(
        dir.path(),
        file,
        "builtin.svg",
        &["--builtin", "--labels", "all"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("builtin.svg")).unwrap();
    assert_well_formed_xml(&svg, "built-in SVG");
    assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
    assert!(!svg.contains("<script"), "no markup injected");
}

#[test]
fn every_render_option_works() {
    let dir = tempfile::tempdir().unwrap();
    let file = "graphs/finland-regional.json";
    let cases: &[&[&str]] = &[
        &["--color-by", "community"],
        &["--color-by", "region", "--role-ties", "all=clique"],
        &["--size-by", "betweenness", "--labels", "top:3"],
        &["--labels", "none", "--cluster-by", "community"],
        &["--cluster-by", "kind", "--min-weight", "2"],
        &["--mode", "two-mode"],
        &[
            "--ego",
            "centria",
            "--radius",
            "2",
            "--role-ties",
            "all=clique",
        ],
        &[
            "--from",
            "2020-01-01",
            "--to",
            "2023-12-31",
            "--title",
            "Since 2020",
        ],
        &["--format", "dot"],
    ];
    for (i, extra) in cases.iter().enumerate() {
        let r = render(dir.path(), file, &format!("map{i}.svg"), extra);
        assert_eq!(r.code, 0, "{extra:?}: {}", r.stderr);
        let text = std::fs::read_to_string(dir.path().join(format!("map{i}.svg"))).unwrap();
        if extra.contains(&"dot") {
            assert!(text.starts_with("graph"), "--format dot writes DOT");
        } else {
            assert_well_formed_xml(&text, &format!("{extra:?}"));
        }
    }
    // The title and caption say what is shown.
    let dot = render(
        dir.path(),
        file,
        "t.dot",
        &["--from", "2020-01-01", "--title", "Since 2020"],
    );
    assert_eq!(dot.code, 0);
    let text = std::fs::read_to_string(dir.path().join("t.dot")).unwrap();
    assert!(
        text.contains("Since 2020") && text.contains("window: 2020-01-01"),
        "{text}"
    );
    assert!(text.contains("legendtitle"), "a legend");
    assert!(
        text.contains("layout=\"neato\""),
        "the DOT names its layout"
    );
    // Two-mode maps draw engagements as squares.
    let r = render(dir.path(), file, "two.svg", &["--mode", "two-mode"]);
    assert_eq!(r.code, 0);
    assert!(std::fs::read_to_string(dir.path().join("two.svg"))
        .unwrap()
        .contains("data-engagement=\"A78140\""));
}

#[test]
fn bad_render_options_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for extra in [
        vec!["--size-by", "charm"],
        vec!["--labels", "top:many"],
        vec!["--cluster-by", "weather"],
        vec!["--mode", "three-mode"],
        vec!["--ego", "no-such-actor"],
        vec!["--engine", "circo"],
    ] {
        let r = render(dir.path(), "graphs/finland-regional.json", "x.svg", &extra);
        assert_eq!(r.code, 2, "{extra:?}: {}", r.stderr);
    }
    let r = render(dir.path(), "graphs/finland-regional.json", "map.gif", &[]);
    assert_eq!(r.code, 2, "unknown extension");
}

#[test]
fn large_networks_are_thinned_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = "tests/reference/fixtures/projection-heavy-tailed.dataset.json";
    let r = render(dir.path(), file, "big.svg", &["--max-actors", "60"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("note: The map shows the"), "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("big.svg")).unwrap();
    let nodes = svg.matches("data-actor=").count();
    assert!(nodes > 0 && nodes <= 60, "{nodes} actors drawn");
    assert!(svg.contains("are hidden"), "the note is on the map");
}

#[test]
fn maps_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, extra) in [("a.svg", vec!["--builtin"]), ("a.dot", vec![])] {
        render(dir.path(), "graphs/finland-regional.json", name, &extra);
        let first = std::fs::read(dir.path().join(name)).unwrap();
        render(dir.path(), "graphs/finland-regional.json", name, &extra);
        assert_eq!(
            first,
            std::fs::read(dir.path().join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn without_graphviz_a_map_still_comes_out() {
    // An empty PATH hides the `dot` program, as on a machine without it.
    let dir = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_verkosto"))
            .args(args)
            .current_dir(repo())
            .env("PATH", empty.path())
            .output()
            .unwrap()
    };
    let svg = dir.path().join("map.svg");
    let out = run(&[
        "render",
        "graphs/finland-regional.json",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("Graphviz (the `dot` program) is not installed"));
    assert_well_formed_xml(&std::fs::read_to_string(&svg).unwrap(), "fallback SVG");
    // PNG needs Graphviz: a clear error, exit 1, nothing written.
    let png = dir.path().join("map.png");
    let out = run(&[
        "render",
        "graphs/finland-regional.json",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("need Graphviz"));
    assert!(!png.exists());
    // The report too.
    let report = dir.path().join("report");
    let out = run(&[
        "report",
        "graphs/finland-regional.json",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("built-in layout"));
}
