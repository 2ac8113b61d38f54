//! The hand-curated seed network.

use crate::util::{json, repo, run};
use verkosto::graph::{
    DualProjection, Filter, ProjectionOptions, RoleFilter, RoleTies, TwoModeGraph,
};
use verkosto::io::json::load_dataset;

fn seed() -> verkosto::model::Dataset {
    let (dataset, report) = load_dataset(&repo().join("graphs/finland-regional.json")).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    dataset
}

#[test]
fn seed_and_examples_validate() {
    for file in [
        "graphs/finland-regional.json",
        "graphs/examples/two-mode.json",
        "graphs/examples/direct-ties.json",
    ] {
        let r = run(&["validate", file]);
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{file} has warnings");
    }
}

#[test]
fn seed_holds_the_five_documents() {
    let d = seed();
    assert!(d.actors.len() >= 85, "{} actors", d.actors.len());
    let project = |id: &str| d.engagement(id).unwrap_or_else(|| panic!("{id} missing"));
    // Codes, dates and realised public funding as the documents give them.
    for (id, start, end, funding) in [
        ("A75739", "2020-01-01", "2022-03-31", Some(336995.0)),
        ("A78140", "2021-09-01", "2023-08-31", Some(187144.0)),
        ("S11582", "2011-04-01", "2014-12-31", Some(766613.0)),
        ("A72158", "2016-08-01", "2018-02-28", Some(97623.0)),
        ("KASVUKAYTAVA-VH", "2021-09-01", "2023-12-31", None),
    ] {
        let e = project(id);
        assert_eq!(e.start.unwrap().to_string(), start, "{id}");
        assert_eq!(e.end.unwrap().to_string(), end, "{id}");
        assert_eq!(e.funding_eur(), funding, "{id}");
    }
    // Applicants with their business ids.
    for (id, bid) in [
        ("kouvola", "0161075-9"),
        ("centria", "1097805-3"),
        ("hartola", "0163734-5"),
        ("lapin-amk", "2528792-5"),
    ] {
        assert_eq!(d.actor(id).unwrap().business_id(), Some(bid));
    }
    let role = |e: &str, a: &str| {
        project(e)
            .participants
            .iter()
            .find(|p| p.actor == a)
            .map(|p| p.role.as_str())
    };
    assert_eq!(role("A75739", "kouvola"), Some("coordinator"));
    assert_eq!(role("A75739", "uudenmaan-liitto"), Some("authority"));
    assert_eq!(role("A78140", "viexpo"), Some("implementer"));
    assert_eq!(role("S11582", "hameen-ely"), Some("authority"));
    assert_eq!(role("A72158", "lapin-liitto"), Some("authority"));
    assert_eq!(role("KASVUKAYTAVA-VH", "tem"), Some("funder"));
    // Organisations listed only as target groups are targets.
    assert_eq!(role("A72158", "stora-enso"), Some("target"));
    assert_eq!(role("A75739", "kymenlaakson-liitto"), Some("target"));
    // Target-area municipalities, with the region from Maakunnat.
    let targets = |e: &str| {
        project(e)
            .participants
            .iter()
            .filter(|p| p.role == "target" && d.actor(&p.actor).unwrap().kind == "municipality")
            .count()
    };
    assert_eq!(
        targets("A75739"),
        5,
        "Kouvola is the applicant, not a target too"
    );
    assert_eq!(targets("A78140"), 8);
    assert_eq!(targets("S11582"), 2);
    assert_eq!(targets("A72158"), 21);
    assert_eq!(d.actor("kemi").unwrap().region(), Some("Lappi"));
    // Sub-engagements point at their projects; the notes say what was left out.
    assert!(
        d.engagements
            .iter()
            .filter(|e| e.part_of() == Some("A78140"))
            .count()
            >= 8
    );
    assert!(d.notes.iter().any(|n| n.contains("not named")));
}

#[test]
fn shared_organisations_link_the_projects() {
    let d = seed();
    // With every role, the documents' shared organisations (Centria in
    // A78140 and A72158; TEM in the growth-corridor project, S11582 and
    // A72158) link four projects; Talenttimagneetti shares no named
    // organisation with the others.
    let all = Filter {
        roles: RoleFilter::All,
        ties: RoleTies::all_clique(),
        ..Default::default()
    };
    let graph = TwoModeGraph::build(&d, &all);
    let dual = DualProjection::new(&graph, u64::MAX).unwrap();
    let linked = |a: &str, b: &str| -> Vec<String> {
        dual.ties()
            .iter()
            .enumerate()
            .find(|(_, t)| {
                let (s, u) = (
                    graph.engagement(t.source as usize).id.as_str(),
                    graph.engagement(t.target as usize).id.as_str(),
                );
                (s == a && u == b) || (s == b && u == a)
            })
            .map(|(i, _)| {
                dual.actors_behind(i)
                    .iter()
                    .map(|&x| graph.actor(x as usize).id.to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(linked("A72158", "A78140"), ["centria"]);
    assert_eq!(linked("A72158", "S11582"), ["tem"]);
    assert_eq!(linked("A72158", "KASVUKAYTAVA-VH"), ["tem"]);
    assert_eq!(linked("KASVUKAYTAVA-VH", "S11582"), ["tem"]);
    assert!(linked("A75739", "A78140").is_empty());

    let analysis = verkosto::Analysis::new(
        &d,
        verkosto::AnalysisOptions {
            projection: ProjectionOptions {
                filter: all,
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .unwrap();
    let labels = verkosto::algo::components(analysis.network());
    let component = |id: &str| labels[analysis.projection().two_mode().actor_position(id).unwrap()];
    for id in [
        "centria",
        "tem",
        "hartola",
        "lapin-amk",
        "suomen-kasvukaytava",
        "hameen-ely",
    ] {
        assert_eq!(component(id), component("viexpo"), "{id}");
    }
    assert_ne!(component("kouvola"), component("centria"));
}

#[test]
fn default_roles_keep_targets_out() {
    let s = json(&run(&[
        "summary",
        "graphs/finland-regional.json",
        "-f",
        "json",
    ]));
    let all = json(&run(&[
        "summary",
        "graphs/finland-regional.json",
        "-f",
        "json",
        "--role-ties",
        "all=clique",
    ]));
    assert!(s["actors"].as_u64() < all["actors"].as_u64());
    assert_eq!(
        all["actors"].as_u64().unwrap() + all["inactive_actors"].as_u64().unwrap(),
        89
    );
    // The Lapland cluster: Lapin AMK, Digipolis and Lapin liitto tied three times.
    let t = json(&run(&[
        "ties",
        "graphs/finland-regional.json",
        "-f",
        "json",
        "--sort",
        "pair",
    ]));
    let weight = |a: &str, b: &str| {
        t.as_array()
            .unwrap()
            .iter()
            .find(|r| r["source"] == a && r["target"] == b)
            .map(|r| r["weight"].as_f64().unwrap())
    };
    assert_eq!(weight("digipolis", "lapin-amk"), Some(3.0));
    // Lapin liitto is the project's authority: tied to its coordinator
    // (Lapin AMK), not to its partner (Digipolis).
    assert_eq!(weight("digipolis", "lapin-liitto"), Some(2.0));
    assert_eq!(weight("centria", "viexpo"), Some(3.0));
    assert_eq!(
        weight("centria", "kokkola"),
        None,
        "targets make no ties by default"
    );
}

/// The Lapland construction cluster ended with its project on 28.2.2018:
/// its ties are last seen then, and a window from 2019 leaves it out.
#[test]
fn the_lapland_cluster_is_inactive_after_2018() {
    let ties = json(&run(&[
        "ties",
        "graphs/finland-regional.json",
        "-f",
        "json",
    ]));
    let tie = ties
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["source"] == "digipolis" && t["target"] == "lapin-amk")
        .expect("digipolis–lapin-amk");
    assert_eq!(tie["first_seen"], "2016-08-01");
    assert_eq!(tie["last_seen"], "2018-02-28");
    let actors = json(&run(&[
        "actors",
        "graphs/finland-regional.json",
        "--from",
        "2019-01-01",
        "-f",
        "json",
    ]));
    let ids: Vec<&str> = actors["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"centria"), "{ids:?}");
    for lapland in ["lapin-amk", "digipolis", "lapin-liitto"] {
        assert!(!ids.contains(&lapland), "{lapland} active after 2018");
    }
}
