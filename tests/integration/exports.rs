//! Exports read back by networkx (GraphML, GEXF, Pajek, node-link, CSV).

use crate::util::{dir_with, read_json, repo, run_in};

#[test]
fn export_refuses_to_overwrite_its_input() {
    let text = std::fs::read_to_string(repo().join("graphs/examples/two-mode.json")).unwrap();
    let dir = dir_with(&[("d.json", &text)]);
    let r = run_in(
        dir.path(),
        &["export", "d.json", "--to", "graphml", "-o", "d.json"],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("d.json")).unwrap(),
        text
    );
    let r = run_in(
        dir.path(),
        &["export", "d.json", "--to", "dot", "-o", "x"],
        None,
    );
    assert_eq!(r.code, 2, "unknown format is a usage error");
}

/// Reproducers of the injection report: XML-forbidden characters,
/// colliding ids and attribute names, formulas in headers, terminal
/// control characters.
#[test]
fn hostile_text_stays_text_in_every_output() {
    // 21. Ids that differ only by a control character are refused.
    let dir = dir_with(&[(
        "ids.json",
        "{\"actors\": [{\"id\": \"x\", \"name\": \"X\"}, {\"id\": \"x\\u0001\", \"name\": \"Y\"}], \"engagements\": []}",
    )]);
    let r = run_in(dir.path(), &["validate", "ids.json"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("contains a control character"),
        "{}",
        r.stderr
    );
    // 20, 22, 23, 24 on one dataset.
    let text = "{\"actors\": [
        {\"id\": \"a\", \"name\": \"&lt;b&gt;bold\\u0001\\uFFFE\", \"attributes\": {\"id\": \"evil\", \"=HYPERLINK(1)\": \"x\", \"degree\": 99}},
        {\"id\": \"b\", \"name\": \"\\uFF1D1+1 Oy\"},
        {\"id\": \"c\", \"name\": \"Bell\\u0007 and escape\\u001b[2J\"}],
      \"engagements\": [{\"id\": \"p\", \"name\": \"P\", \"participants\": [{\"actor\": \"a\", \"role\": \"coordinator\"}, {\"actor\": \"b\", \"role\": \"partner\"}, {\"actor\": \"c\", \"role\": \"partner\"}]}]}";
    let dir = dir_with(&[("h.json", text)]);
    // The map's SVG is well-formed, entity-like text is literal.
    let r = run_in(
        dir.path(),
        &[
            "render",
            "h.json",
            "-o",
            "m.svg",
            "--builtin",
            "--labels",
            "all",
            "--title",
            "T&#x1;itle",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("m.svg")).unwrap();
    crate::util::assert_well_formed_xml(&svg, "map");
    assert!(
        svg.contains("&amp;lt;b&amp;gt;bold"),
        "entity-like text shown literally"
    );
    let r = run_in(
        dir.path(),
        &["render", "h.json", "-o", "m.dot", "--builtin"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dot = std::fs::read_to_string(dir.path().join("m.dot")).unwrap();
    assert!(
        dot.contains("&amp;lt;b&amp;gt;") && !dot.contains('\u{FFFE}'),
        "Graphviz would decode entities"
    );
    // An attribute named `id` or like a metric does not replace the node's.
    let r = run_in(
        dir.path(),
        &[
            "export",
            "h.json",
            "--to",
            "node-link",
            "-o",
            "n.json",
            "--with-metrics",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let nodes: serde_json::Value = read_json(dir.path().join("n.json"));
    let a = &nodes["nodes"][0];
    assert_eq!(a["id"], "a");
    assert_eq!(a["attribute_id"], "evil");
    assert_eq!(a["attribute_degree"], 99);
    assert_eq!(a["degree"], 2);
    // CSV: headers and full-width formula signs neutralised.
    let r = run_in(
        dir.path(),
        &["export", "h.json", "--to", "csv", "-o", "csv"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let nodes = std::fs::read_to_string(dir.path().join("csv/nodes.csv")).unwrap();
    assert!(
        nodes.lines().next().unwrap().contains("'=HYPERLINK(1)"),
        "{nodes}"
    );
    assert!(nodes.contains("'\u{FF1D}1+1 Oy"), "{nodes}");
    // Terminal tables show control characters as escapes.
    let r = run_in(
        dir.path(),
        &["actors", "h.json", "--metrics", "degree"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{7}'));
    assert!(r.stdout.contains("\\u{1b}[2J"), "{}", r.stdout);
}
