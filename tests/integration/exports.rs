//! Exports read back by networkx (GraphML, GEXF, Pajek, node-link, CSV).

use crate::util::{dir_with, repo, run_in};

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
