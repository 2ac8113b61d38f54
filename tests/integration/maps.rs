//! Maps: every option of `render`, hostile names through the real `dot`
//! program, well-formed SVG from both renderers, thinning of large graphs.

use crate::util::{assert_well_formed_xml, read_json, render, repo, run_in};

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
        text.contains("Since 2020") && text.contains("period: 2020-01-01 –"),
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

/// Above `--max-actors` a map shows repeated collaboration (ties of at
/// least k shared engagements), not the cliques of the largest projects;
/// without any repeated tie, the densest k-core that fits.
#[test]
fn large_networks_are_thinned_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = "tests/reference/fixtures/projection-heavy-tailed.dataset.json";
    let r = render(dir.path(), file, "big.svg", &["--max-actors", "60"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("note: The map shows repeated collaboration: ties of at least"),
        "{}",
        r.stderr
    );
    let svg = std::fs::read_to_string(dir.path().join("big.svg")).unwrap();
    let nodes = svg.matches("data-actor=").count();
    assert!(nodes > 0 && nodes <= 60, "{nodes} actors drawn");
    assert!(svg.contains("are hidden"), "the note is on the map");

    // The generated 7,000 actors with projects of 60, 50 and 40 partners:
    // at most half of the drawn actors are there only through those.
    let big = dir.path().join("big.json");
    std::fs::write(&big, crate::scale::generated_network()).unwrap();
    let r = render(
        dir.path(),
        big.to_str().unwrap(),
        "big7000.svg",
        &["--builtin"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("big7000.svg")).unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&big).unwrap()).unwrap();
    let mut only_big: std::collections::HashMap<String, bool> = Default::default();
    for e in data["engagements"].as_array().unwrap() {
        let large = e["participants"].as_array().unwrap().len() >= 30;
        for p in e["participants"].as_array().unwrap() {
            let entry = only_big
                .entry(p["actor"].as_str().unwrap().to_string())
                .or_insert(true);
            *entry = *entry && large;
        }
    }
    let drawn: Vec<&str> = svg
        .split("data-actor=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert!(!drawn.is_empty());
    let from_big = drawn.iter().filter(|a| only_big[**a]).count();
    assert!(
        2 * from_big <= drawn.len(),
        "{from_big} of {} drawn only from large projects",
        drawn.len()
    );

    // One project of 80 and nothing repeated: the k-core note.
    let actors: Vec<String> = (0..80)
        .map(|i| format!(r#"{{"id": "a{i}", "name": "A{i}"}}"#))
        .collect();
    let members: Vec<String> = (0..80).map(|i| format!(r#"{{"actor": "a{i}"}}"#)).collect();
    let one = format!(
        r#"{{"name": "one", "actors": [{}], "engagements": [{{"id": "p", "name": "P", "participants": [{}]}}]}}"#,
        actors.join(","),
        members.join(",")
    );
    std::fs::write(dir.path().join("one.json"), one).unwrap();
    let r = render(
        dir.path(),
        dir.path().join("one.json").to_str().unwrap(),
        "one.svg",
        &["--max-actors", "60", "--builtin"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("note: The map shows the"), "{}", r.stderr);
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

/// The fill of each actor in an SVG map, by id.
fn fills(svg: &str) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    for part in svg.split("<circle data-actor=\"").skip(1) {
        let id = part.split('"').next().unwrap().to_string();
        let fill = part
            .split("fill=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        out.insert(id, fill.to_string());
    }
    out
}

#[test]
fn one_kind_one_colour_in_every_map_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = "graphs/finland-regional.json";
    let full = render(dir.path(), file, "full.svg", &["--builtin"]);
    assert_eq!(full.code, 0, "{}", full.stderr);
    let ego = render(
        dir.path(),
        file,
        "ego.svg",
        &[
            "--builtin",
            "--ego",
            "Centria",
            "--radius",
            "2",
            "--role-ties",
            "all=clique",
        ],
    );
    assert_eq!(ego.code, 0, "{}", ego.stderr);
    let report = dir.path().join("report");
    let r = crate::util::run(&["report", file, "--builtin", "-o", report.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let maps = [
        fills(&std::fs::read_to_string(dir.path().join("full.svg")).unwrap()),
        fills(&std::fs::read_to_string(dir.path().join("ego.svg")).unwrap()),
        fills(&std::fs::read_to_string(report.join("report.html")).unwrap()),
    ];
    let dataset: serde_json::Value = read_json(repo().join(file));
    let kind_of = |id: &str| {
        dataset["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()["kind"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut colour_of_kind: std::collections::BTreeMap<String, String> = Default::default();
    for map in &maps {
        assert!(!map.is_empty());
        for (id, fill) in map {
            let kind = kind_of(id);
            let known = colour_of_kind.entry(kind.clone()).or_insert(fill.clone());
            assert_eq!(known, fill, "{kind} ({id}) drawn in two colours");
            assert_eq!(fill, verkosto::render::palette::kind_color(&kind));
        }
    }
    assert!(colour_of_kind.len() >= 8, "{colour_of_kind:?}");
}

#[test]
fn finnish_maps_speak_finnish() {
    let dir = tempfile::tempdir().unwrap();
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "fi.svg",
        &["--builtin", "--lang", "fi", "--size-by", "pagerank"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("fi.svg")).unwrap();
    for text in [
        "Selite",
        "kunta (15)",
        "ammattikorkeakoulu (3)",
        "27 toimijaa, 23 yhteyttä",
        "1.4.2011",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    // Decimal commas: PageRank values in the tooltips and the size note.
    assert!(
        svg.contains("(kunta; PageRank 0,0"),
        "tooltips with decimal commas"
    );
    assert!(
        svg.contains("Pallon koko: PageRank"),
        "the size note in Finnish"
    );
    assert!(!svg.contains("municipality"), "no raw kind names");
}

#[test]
fn ego_accepts_names_and_says_which_filter_removed_an_actor() {
    let dir = tempfile::tempdir().unwrap();
    let file = "graphs/finland-regional.json";
    for query in [
        "centria",
        "Centria",
        "centria-ammattikorkeakoulu",
        "CENTRIA-AMMATTI",
    ] {
        let r = render(dir.path(), file, "e.svg", &["--builtin", "--ego", query]);
        assert_eq!(r.code, 0, "{query}: {}", r.stderr);
        let svg = std::fs::read_to_string(dir.path().join("e.svg")).unwrap();
        assert!(svg.contains("class=\"ego\""), "{query}: the ego is marked");
        assert!(
            svg.contains("data-label=\"centria\""),
            "{query}: the ego is labelled"
        );
        assert!(
            svg.contains("actors within 1 steps of Centria"),
            "{query}: the ego note"
        );
    }
    // Kokkola is in the dataset only as a target group.
    let r = render(
        dir.path(),
        file,
        "e.svg",
        &["--builtin", "--ego", "kokkola"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("Kokkola (kokkola) is in the dataset")
            && r.stderr.contains("make no ties under the role rules"),
        "{}",
        r.stderr
    );
    // An ambiguous prefix names the candidates.
    let r = render(dir.path(), file, "e.svg", &["--builtin", "--ego", "lapin"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("it matches"), "{}", r.stderr);
}

/// `render --aggregate region` on the seed: one node per region (and one
/// for actors without a region), and between two regions a line whose
/// tie count is the count of actor ties between them, taken here by hand
/// from `ties -f csv` and the dataset's regions.
#[test]
fn a_map_of_regions_counts_the_ties_between_them() {
    let dir = tempfile::tempdir().unwrap();
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "regions.svg",
        &["--aggregate", "region", "--builtin"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("regions.svg")).unwrap();
    let data: serde_json::Value = read_json(repo().join("graphs/finland-regional.json"));
    let region: std::collections::HashMap<String, String> = data["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["region"].as_str().unwrap_or("(none)").to_string(),
            )
        })
        .collect();
    let ties = run_in(
        &repo(),
        &["ties", "graphs/finland-regional.json", "-f", "csv"],
        None,
    );
    let mut by_hand: std::collections::BTreeMap<(String, String), usize> = Default::default();
    let mut reader = csv::Reader::from_reader(ties.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (source, target) = (column("source"), column("target"));
    let mut in_network = std::collections::BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        let (a, b) = (&region[&row[source]], &region[&row[target]]);
        in_network.insert(row[source].to_string());
        in_network.insert(row[target].to_string());
        if a != b {
            let pair = if a < b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            };
            *by_hand.entry(pair).or_default() += 1;
        }
    }
    let drawn: std::collections::BTreeMap<(String, String), usize> = svg
        .split("data-tie=\"")
        .skip(1)
        .map(|s| {
            let pair = s.split('"').next().unwrap();
            let (a, b) = pair.split_once('|').unwrap();
            let ties: usize = s
                .split("ties ")
                .nth(1)
                .unwrap()
                .split(',')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            ((a.to_string(), b.to_string()), ties)
        })
        .collect();
    assert_eq!(drawn, by_hand);
    let regions: std::collections::BTreeSet<&str> =
        in_network.iter().map(|a| region[a].as_str()).collect();
    assert_eq!(svg.matches("data-actor=").count(), regions.len());
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "x.svg",
        &["--aggregate", "regoin"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// The seed's default map names every coordinator, funder and authority,
/// and at least 80 % of its actors.
#[test]
fn the_seed_map_names_its_actors() {
    let dir = tempfile::tempdir().unwrap();
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "seed.svg",
        &["--builtin"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("seed.svg")).unwrap();
    let named: std::collections::BTreeSet<&str> = svg
        .split("data-label=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    let drawn = svg.matches("data-actor=").count();
    assert!(
        5 * named.len() >= 4 * drawn,
        "{} of {drawn} named",
        named.len()
    );
    let data: serde_json::Value = read_json(repo().join("graphs/finland-regional.json"));
    for e in data["engagements"].as_array().unwrap() {
        for p in e["participants"].as_array().unwrap() {
            let role = p["role"].as_str().unwrap_or("");
            let id = p["actor"].as_str().unwrap();
            if ["coordinator", "funder", "authority"].contains(&role)
                && svg.contains(&format!("data-actor=\"{id}\""))
            {
                assert!(named.contains(id), "{role} {id} has no label");
            }
        }
    }
}

/// A two-mode map names its projects (by their code).
#[test]
fn two_mode_maps_name_their_projects() {
    let dir = tempfile::tempdir().unwrap();
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "two.svg",
        &["--mode", "two-mode", "--builtin"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("two.svg")).unwrap();
    for code in ["A78140", "A72158", "A75739", "S11582"] {
        assert!(
            svg.contains(&format!("data-label=\"{code}\"")),
            "{code} not named"
        );
    }
}

/// When not every actor gets a label the caption says how many do; when
/// all do, it says nothing of it.
#[test]
fn the_caption_counts_the_named_actors_when_some_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "top.svg",
        &["--labels", "top:3", "--builtin"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("top.svg")).unwrap();
    let labels = svg.matches("data-label=").count();
    assert!(labels < 27, "{labels} labels");
    assert!(
        svg.contains(&format!("{labels} of 27 actors are named")),
        "no count of {labels} in the caption"
    );
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "all.svg",
        &["--builtin"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("all.svg")).unwrap();
    assert_eq!(svg.matches("data-label=").count(), 27);
    assert!(!svg.contains("actors are named"));
}

/// Eight actors: a, b, c share P1; a and b also P2; c and d P3; a, e, f,
/// g and h the five-partner H1; e and f also P4. Ties (14): ab and ef of
/// two engagements, the rest of one. Degrees: a 6, e f g h 4, c 3, b 2,
/// d 1. Cores: a e f g h 4 (H1's clique), b c 2, d 1.
const SELECTIONS: &str = r#"{"name": "selections",
 "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"},
  {"id": "d", "name": "D"}, {"id": "e", "name": "E"}, {"id": "f", "name": "F"},
  {"id": "g", "name": "G"}, {"id": "h", "name": "H"}],
 "engagements": [
  {"id": "P1", "name": "P1", "participants": [{"actor": "a"}, {"actor": "b"}, {"actor": "c"}]},
  {"id": "P2", "name": "P2", "participants": [{"actor": "a"}, {"actor": "b"}]},
  {"id": "P3", "name": "P3", "participants": [{"actor": "c"}, {"actor": "d"}]},
  {"id": "H1", "name": "H1", "participants": [{"actor": "a"}, {"actor": "e"}, {"actor": "f"},
    {"actor": "g"}, {"actor": "h"}]},
  {"id": "P4", "name": "P4", "participants": [{"actor": "e"}, {"actor": "f"}]}]}"#;

/// The actor ids, tie ids and engagement ids an SVG map draws.
fn drawn(svg: &str, mark: &str) -> Vec<String> {
    let mut ids: Vec<String> = svg
        .split(&format!("{mark}=\""))
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// `--select` chooses what a map shows, checked against hand counts.
#[test]
fn select_chooses_what_the_map_shows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("selections.json");
    std::fs::write(&file, SELECTIONS).unwrap();
    let file = file.to_str().unwrap();
    let map = |rule: &str| {
        let r = render(dir.path(), file, "m.svg", &["--builtin", "--select", rule]);
        assert_eq!(r.code, 0, "{rule}: {}", r.stderr);
        let svg = std::fs::read_to_string(dir.path().join("m.svg")).unwrap();
        (drawn(&svg, "data-actor"), drawn(&svg, "data-tie"), r.stderr)
    };
    let (actors, ties, note) = map("repeated");
    assert_eq!(actors, ["a", "b", "e", "f"]);
    assert_eq!(ties, ["a|b", "e|f"]);
    assert!(
        note.contains("ties of at least 2 shared engagements and the 4 of 8 actors"),
        "{note}"
    );
    let (actors, ties, _) = map("repeated:2");
    assert_eq!((actors.len(), ties.len()), (4, 2));
    let (actors, ties, note) = map("core:3");
    assert_eq!(actors, ["a", "e", "f", "g", "h"]);
    assert_eq!(ties.len(), 10);
    assert!(note.contains("the 3-core: 5 of 8 actors"), "{note}");
    let (actors, _, _) = map("core:2");
    assert_eq!(actors, ["a", "b", "c", "e", "f", "g", "h"]);
    let (actors, ties, note) = map("top:2");
    assert_eq!(actors, ["a", "e"]);
    assert_eq!(ties, ["a|e"]);
    assert!(
        note.contains("the 2 of 8 actors highest by partners"),
        "{note}"
    );
    let (actors, _, _) = map("top:3:betweenness");
    assert_eq!(actors.len(), 3);
    assert!(actors.contains(&"a".to_string()) && actors.contains(&"c".to_string()));
    let (actors, ties, _) = map("auto");
    assert_eq!((actors.len(), ties.len()), (8, 14));
    // Rules no tie meets, and bad rules, are usage errors that say why.
    for (rule, says) in [
        ("repeated:3", "the most any two share is 2"),
        ("core:5", "the deepest is the 4-core"),
        ("top:0", "top:N"),
        ("core:x", "top:N"),
        ("nearest", "repeated[:K]"),
    ] {
        let r = render(dir.path(), file, "bad.svg", &["--select", rule]);
        assert_eq!(r.code, 2, "{rule}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{rule}: {}", r.stderr);
        assert!(!dir.path().join("bad.svg").exists());
    }
    // Commands without maps take only the backbone.
    let r = run_in(&repo(), &["summary", file, "--select", "repeated"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("render, report and compare"),
        "{}",
        r.stderr
    );
}

/// `--hubs N` draws an engagement of N or more participants as one node
/// with a line to each member; the ties only it makes are not drawn.
#[test]
fn hubs_draw_a_large_project_as_one_node() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("selections.json");
    std::fs::write(&file, SELECTIONS).unwrap();
    let r = render(
        dir.path(),
        file.to_str().unwrap(),
        "hubs.svg",
        &["--builtin", "--hubs", "5"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("hubs.svg")).unwrap();
    assert_eq!(drawn(&svg, "data-engagement"), ["H1"]);
    assert_eq!(drawn(&svg, "data-actor").len(), 8);
    // ab, ac, bc, cd and ef (P4 besides H1); H1's other nine are not drawn.
    let ties = drawn(&svg, "data-tie");
    let actor_ties: Vec<&String> = ties.iter().filter(|t| !t.contains("H1")).collect();
    assert_eq!(actor_ties, ["a|b", "a|c", "b|c", "c|d", "e|f"]);
    assert_eq!(
        ties.len() - actor_ties.len(),
        5,
        "a line from H1 to each member"
    );
    assert!(
        svg.contains("8 actors, 5 ties"),
        "caption counts actor ties"
    );
    assert!(svg.contains("(1 here)"), "caption says hubs are drawn");
    // Without --hubs, or with a higher threshold, no hub.
    for extra in [&[][..], &["--hubs", "6"][..]] {
        let mut args = vec!["--builtin"];
        args.extend_from_slice(extra);
        let r = render(dir.path(), file.to_str().unwrap(), "plain.svg", &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let svg = std::fs::read_to_string(dir.path().join("plain.svg")).unwrap();
        assert!(drawn(&svg, "data-engagement").is_empty());
        assert_eq!(drawn(&svg, "data-tie").len(), 14);
    }
    // Bare --hubs means 30; --hubs 1 is a usage error.
    let r = render(
        dir.path(),
        file.to_str().unwrap(),
        "h.svg",
        &["--builtin", "--hubs"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = render(
        dir.path(),
        file.to_str().unwrap(),
        "h.svg",
        &["--hubs", "1"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// The centre of each drawn actor of an SVG map, by id.
fn centres(svg: &str) -> std::collections::BTreeMap<String, (f64, f64)> {
    svg.split("<circle data-actor=\"")
        .skip(1)
        .map(|s| {
            let id = s.split('"').next().unwrap().to_string();
            let number = |name: &str| -> f64 {
                s.split(&format!("{name}=\""))
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            (id, (number("cx"), number("cy")))
        })
        .collect()
}

/// `--layout geo` puts actors where their municipality or region is, with
/// Finland's municipalities faintly behind them, and says who has no place.
#[test]
fn a_geographic_map_looks_like_finland() {
    let dir = tempfile::tempdir().unwrap();
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "geo.svg",
        &["--layout", "geo", "--size", "a4"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(dir.path().join("geo.svg")).unwrap();
    assert_well_formed_xml(&svg, "geographic map");
    let at = centres(&svg);
    // The network and the ministry have neither municipality nor region.
    assert!(!at.contains_key("suomen-kasvukaytava") && !at.contains_key("tem"));
    assert!(svg.contains("2 actors with no Finnish municipality or region are not on this map"));
    assert!(
        svg.contains("GeoNames"),
        "the source of the places is named"
    );
    // Lapland (Rovaniemi) north of Central Ostrobothnia (Kokkola), north of
    // Pirkanmaa (Tampere), north of Vantaa; Kouvola east of Seinäjoki.
    let y = |id: &str| at[id].1;
    assert!(y("lapin-liitto") < y("centria"), "{at:?}");
    assert!(y("centria") < y("tampere"), "{at:?}");
    assert!(y("tampere") < y("vantaa"), "{at:?}");
    assert!(at["kouvola"].0 > at["seinajoki"].0, "{at:?}");
    // No two actors overlap.
    let points: Vec<&(f64, f64)> = at.values().collect();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            assert!(
                (a.0 - b.0).hypot(a.1 - b.1) > 4.0,
                "{a:?} and {b:?} overlap"
            );
        }
    }
    // All 309 municipalities outline the country.
    let backdrop = svg
        .split("class=\"backdrop\"")
        .nth(1)
        .unwrap()
        .split("</g>")
        .next()
        .unwrap();
    assert_eq!(backdrop.matches("<circle").count(), 309);
    // Graphviz draws the same page; a geographic map has its own layout.
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "geo.dot",
        &["--layout", "geo"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = render(
        dir.path(),
        "graphs/finland-regional.json",
        "x.svg",
        &["--layout", "geo", "--builtin"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    // A network with no Finnish place: exit 2, nothing written.
    let abroad = dir.path().join("abroad.json");
    std::fs::write(
        &abroad,
        r#"{"name": "abroad", "actors": [{"id": "t", "name": "Tallinn University"},
            {"id": "r", "name": "Riga Planning Region"}],
            "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "t"}, {"actor": "r"}]}]}"#,
    )
    .unwrap();
    let r = render(
        dir.path(),
        abroad.to_str().unwrap(),
        "none.svg",
        &["--layout", "geo"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("municipality or region"), "{}", r.stderr);
    assert!(!dir.path().join("none.svg").exists());
}

/// Two cliques of ten, A and B, joined by two brokers x and y (each tied to
/// every member of both; neither a cut point). Sized by constraint, the
/// clique members are the largest; the brokers are still among the names
/// that come first (priority 1), as the top betweenness of the map.
#[test]
fn brokers_are_named_first() {
    let mut actors = Vec::new();
    let mut engagements = Vec::new();
    for side in ["a", "b"] {
        let members: Vec<String> = (0..10).map(|i| format!("{side}{i}")).collect();
        actors.extend(
            members
                .iter()
                .map(|m| format!(r#"{{"id": "{m}", "name": "{m}"}}"#)),
        );
        let list: Vec<String> = members
            .iter()
            .chain(["x".to_string(), "y".to_string()].iter())
            .map(|m| format!(r#"{{"actor": "{m}", "role": "partner"}}"#))
            .collect();
        engagements.push(format!(
            r#"{{"id": "{side}", "name": "{side}", "participants": [{}]}}"#,
            list.join(",")
        ));
    }
    actors.push(r#"{"id": "x", "name": "x"}"#.into());
    actors.push(r#"{"id": "y", "name": "y"}"#.into());
    let json = format!(
        r#"{{"name": "brokers", "actors": [{}], "engagements": [{}]}}"#,
        actors.join(","),
        engagements.join(",")
    );
    let dataset = verkosto::io::json::parse_dataset(&json, "brokers")
        .unwrap()
        .0;
    let analysis = verkosto::Analysis::new(&dataset, verkosto::AnalysisOptions::default()).unwrap();
    let model = verkosto::views::map(
        &analysis,
        &verkosto::views::MapOptions {
            size_by: verkosto::Metric::Constraint,
            ..Default::default()
        },
    )
    .unwrap();
    let priority = |id: &str| {
        model
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.label_priority)
            .unwrap()
    };
    assert_eq!((priority("x"), priority("y")), (1, 1));
    // The clique members: only the three largest by size come first.
    let first = model.nodes.iter().filter(|n| n.label_priority == 1).count();
    assert_eq!(first, 5, "x, y and the three largest");
}
