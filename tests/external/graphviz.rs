//! Hostile names through the real `dot` program with every engine, and
//! PNG and PDF output.

use crate::util::{assert_well_formed_xml, render};

pub fn hostile_names_through_every_engine() {
    let dir = tempfile::tempdir().unwrap();
    let file = "graphs/examples/hostile-names.json";
    for engine in ["dot", "neato", "fdp", "sfdp"] {
        let r = render(
            dir.path(),
            file,
            &format!("{engine}.svg"),
            &["--labels", "all", "--engine", engine],
        );
        assert_eq!(r.code, 0, "{engine}: {}", r.stderr);
        let svg = std::fs::read_to_string(dir.path().join(format!("{engine}.svg"))).unwrap();
        assert_well_formed_xml(&svg, engine);
        assert!(
            svg.contains("Åbo Akademi"),
            "{engine}: non-ASCII label kept"
        );
        assert!(!svg.contains("<script"), "{engine}: no markup injected");
    }
    for format in ["png", "pdf"] {
        let r = render(dir.path(), file, &format!("map.{format}"), &[]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let bytes = std::fs::read(dir.path().join(format!("map.{format}"))).unwrap();
        let magic: &[u8] = if format == "png" { b"\x89PNG" } else { b"%PDF" };
        assert!(bytes.starts_with(magic), "{format} output");
    }
}

/// A Graphviz layout that takes too long falls back to the built-in one,
/// with a note.
pub fn slow_layouts_fall_back_to_the_builtin_layout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let r = crate::util::run_in(
        &crate::util::repo(),
        &[
            "render",
            "tests/reference/fixtures/projection-heavy-tailed.dataset.json",
            "-o",
            out.to_str().unwrap(),
            "--layout-timeout",
            "0.001",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("did not finish within 0.001 s"),
        "{}",
        r.stderr
    );
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("data-actor="));
}

/// A clustered map (laid out by fdp) is the same, byte for byte, run
/// after run.
pub fn clustered_maps_are_the_same_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = "tests/reference/fixtures/projection-heavy-tailed.dataset.json";
    let maps: Vec<String> = (0..4)
        .map(|i| {
            let name = format!("map{i}.svg");
            let r = render(dir.path(), file, &name, &["--cluster-by", "community"]);
            assert_eq!(r.code, 0, "{}", r.stderr);
            std::fs::read_to_string(dir.path().join(name)).unwrap()
        })
        .collect();
    assert!(maps[0].contains("data-actor="), "a map of actors");
    for map in &maps[1..] {
        assert!(*map == maps[0], "the clustered map changed between runs");
    }
}
