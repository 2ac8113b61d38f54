//! The analysis computes once; the petgraph route equals the dataset route;
//! invariants every metric must keep.

use crate::util::repo;
use petgraph::graph::{NodeIndex, UnGraph};
use verkosto::graph::{ProjectionOptions, RoleTies};
use verkosto::metrics::centrality::{BetweennessOptions, PageRankOptions};
use verkosto::metrics::community::CommunityOptions;
use verkosto::metrics::PathLength;
use verkosto::model::Dataset;
use verkosto::render::map::Layout;
use verkosto::views::ReportOptions;
use verkosto::{algo, counters, Analysis, AnalysisOptions, Metric};

fn seed() -> Dataset {
    verkosto::io::json::load_dataset(&repo().join("graphs/finland-regional.json"))
        .unwrap()
        .0
}

/// Every role a clique: the largest network the seed gives.
fn all_roles() -> AnalysisOptions {
    let mut options = AnalysisOptions::default();
    options.projection.filter.ties = RoleTies::all_clique();
    options
}

fn floats(analysis: &Analysis<'_>, metric: Metric) -> Vec<f64> {
    analysis
        .metric(metric)
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

#[test]
fn a_report_computes_every_expensive_step_once() {
    let dataset = seed();
    // The yearly networks of the change-over-time charts each have their
    // own components; they are counted first, on an analysis of their own.
    let periods = Analysis::new(&dataset, AnalysisOptions::default())
        .unwrap()
        .evolution(
            &verkosto::analysis::Periods::Year,
            verkosto::analysis::EvolutionMode::Window,
        )
        .unwrap()
        .len();
    assert!(periods >= 2, "the seed spans several years");
    counters::reset();
    let analysis = Analysis::new(&dataset, AnalysisOptions::default()).unwrap();
    let files = verkosto::views::report(
        &analysis,
        &ReportOptions {
            layout: Layout::Builtin,
            ..Default::default()
        },
    )
    .unwrap();
    // The maps, CSV tables, tables.xlsx, report.md, report.html and four
    // charts.
    assert_eq!(files.len(), 14);
    let counts = counters::counts();
    let once = counters::Counts {
        // The change-over-time charts derive their yearly networks from the
        // analysis' projection: nothing is projected or built again.
        projections: 1,
        adjacency_builds: 1,
        components: 1 + periods,
        mixing: 1,
        community_runs: 1,
        betweenness: 1,
    };
    assert_eq!(counts, once);
    // Asking again computes nothing new.
    analysis.summary().unwrap();
    analysis.metric(Metric::Community).unwrap();
    verkosto::views::findings(&analysis, verkosto::lang::Lang::Sv).unwrap();
    verkosto::views::warnings(&analysis, &Metric::ALL, verkosto::lang::Lang::Fi).unwrap();
    assert_eq!(counters::counts(), counts);
}

/// A petgraph graph built by hand from the seed network's ties gives the
/// same exact weighted betweenness, PageRank and Leiden partition as the
/// dataset route.
#[test]
fn a_hand_built_petgraph_equals_the_dataset_route() {
    let dataset = seed();
    let analysis = Analysis::new(&dataset, all_roles()).unwrap();
    let projection = analysis.projection();
    let mut g = UnGraph::<&str, f64>::new_undirected();
    for a in 0..projection.actor_count() {
        g.add_node(projection.actor(a).id.as_str());
    }
    for t in projection.ties() {
        g.add_edge(
            NodeIndex::new(t.source as usize),
            NodeIndex::new(t.target as usize),
            t.weight,
        );
    }
    let betweenness = algo::betweenness(&g, |e| *e.weight(), BetweennessOptions::default());
    assert_eq!(betweenness, floats(&analysis, Metric::Betweenness));
    let pagerank = algo::pagerank(&g, |e| *e.weight(), PageRankOptions::default()).unwrap();
    assert_eq!(pagerank, floats(&analysis, Metric::PageRank));
    let partition = algo::communities(&g, |e| *e.weight(), &CommunityOptions::default()).unwrap();
    assert_eq!(&partition, analysis.partition().unwrap());
    // The analysis' own petgraph network is the same graph.
    let network = analysis.network();
    assert_eq!(network.node_count(), g.node_count());
    assert_eq!(
        algo::betweenness(
            network,
            |e| e.weight().weight,
            BetweennessOptions::default()
        ),
        betweenness
    );
}

/// Relabelling the actors (new ids, so a new order) permutes betweenness
/// and changes nothing else.
#[test]
fn betweenness_does_not_depend_on_actor_ids() {
    let dataset = seed();
    let mut renamed = dataset.clone();
    let new_id = |id: &str| format!("{:x}-{id}", id.len() * 7919 % 97);
    for actor in &mut renamed.actors {
        actor.id = new_id(&actor.id).into();
    }
    for engagement in &mut renamed.engagements {
        for p in &mut engagement.participants {
            p.actor = new_id(&p.actor).into();
        }
    }
    for tie in &mut renamed.ties {
        tie.source = new_id(&tie.source).into();
        tie.target = new_id(&tie.target).into();
    }
    let before = Analysis::new(&dataset, all_roles()).unwrap();
    let after = Analysis::new(&renamed, all_roles()).unwrap();
    let b = floats(&before, Metric::Betweenness);
    let a = floats(&after, Metric::Betweenness);
    for (p, value) in b.iter().enumerate() {
        let id = new_id(&before.actor(p).id);
        let q = (0..after.actor_count())
            .find(|&q| after.actor(q).id == id)
            .unwrap();
        assert!((value - a[q]).abs() <= 1e-12, "{id}: {value} vs {}", a[q]);
    }
}

#[test]
fn pagerank_sums_to_one() {
    let dataset = seed();
    for options in [AnalysisOptions::default(), all_roles()] {
        let analysis = Analysis::new(&dataset, options).unwrap();
        let sum: f64 = floats(&analysis, Metric::PageRank).iter().sum();
        assert!((sum - 1.0).abs() < 1e-12, "{sum}");
    }
}

/// Unweighted: Σ_v betweenness(v) (unnormalised) = Σ over connected pairs
/// of (d − 1), since each shortest path of length d has d − 1 inner nodes.
#[test]
fn unweighted_betweenness_sums_to_the_inner_nodes_of_all_paths() {
    let dataset = seed();
    let mut options = all_roles();
    options.length = PathLength::Hops;
    options.projection = ProjectionOptions {
        filter: options.projection.filter.clone(),
        ..Default::default()
    };
    let analysis = Analysis::new(&dataset, options).unwrap();
    let n = analysis.actor_count();
    let scale = (n - 1) as f64 * (n - 2) as f64 / 2.0;
    let total: f64 = floats(&analysis, Metric::Betweenness).iter().sum::<f64>() * scale;
    let adjacency = analysis.adjacency();
    let mut inner = 0usize;
    for s in 0..n {
        let mut dist = vec![usize::MAX; n];
        dist[s] = 0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            for &u in adjacency.neighbors(v) {
                if dist[u as usize] == usize::MAX {
                    dist[u as usize] = dist[v] + 1;
                    queue.push_back(u as usize);
                }
            }
        }
        inner += (s + 1..n)
            .filter(|&t| dist[t] != usize::MAX)
            .map(|t| dist[t] - 1)
            .sum::<usize>();
    }
    assert!(inner > 0);
    assert!(
        (total - inner as f64).abs() < 1e-9 * inner as f64,
        "{total} vs {inner}"
    );
}

/// Every Leiden community is connected (Traag et al. 2019's guarantee).
#[test]
fn leiden_communities_are_connected() {
    let dataset = seed();
    for options in [AnalysisOptions::default(), all_roles()] {
        let analysis = Analysis::new(&dataset, options).unwrap();
        let partition = analysis.partition().unwrap();
        let adjacency = analysis.adjacency();
        for members in partition.members() {
            let mut seen = vec![false; analysis.actor_count()];
            seen[members[0]] = true;
            let mut stack = vec![members[0]];
            let mut reached = 1;
            while let Some(v) = stack.pop() {
                for &u in adjacency.neighbors(v) {
                    let u = u as usize;
                    if !seen[u] && partition.membership[u] == partition.membership[v] {
                        seen[u] = true;
                        reached += 1;
                        stack.push(u);
                    }
                }
            }
            assert_eq!(reached, members.len(), "community {members:?}");
        }
    }
}

/// Tiny or huge weights do not stop eigenvector, PageRank or Katz: the
/// values equal those of unit weights (all three ignore the scale).
#[test]
fn iterative_metrics_converge_on_extreme_weights() {
    let unit = r#"{"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}, {"id": "d", "name": "D"}],
        "engagements": [], "ties": [{"source": "a", "target": "b", "weight": W}, {"source": "b", "target": "c", "weight": W},
        {"source": "c", "target": "d", "weight": W}, {"source": "b", "target": "d", "weight": W}]}"#;
    let values = |w: &str| {
        let (dataset, _) = verkosto::io::json::parse_dataset(&unit.replace('W', w), "t").unwrap();
        let analysis = Analysis::new(&dataset, AnalysisOptions::default()).unwrap();
        [Metric::Eigenvector, Metric::PageRank, Metric::Katz].map(|m| floats(&analysis, m))
    };
    let reference = values("1");
    for w in ["5e-324", "1e-200", "1e300"] {
        let got = values(w);
        for (g, r) in got.iter().zip(&reference) {
            for (x, y) in g.iter().zip(r) {
                assert!((x - y).abs() < 1e-9, "weight {w}: {x} vs {y}");
            }
        }
    }
}

/// Dates mean what people expect: a workshop with only a start lasts that
/// day, an activity without an end ends with its project, and what has no
/// end at all is named in an `open_ended` warning when a window is set.
#[test]
fn dates_follow_one_rule_and_open_ends_are_reported() {
    let dataset = r#"{"name": "dates", "actors": [
        {"id": "a", "name": "A", "kind": "firm"}, {"id": "b", "name": "B", "kind": "firm"},
        {"id": "c", "name": "C", "kind": "firm"}, {"id": "d", "name": "D", "kind": "firm"}],
      "engagements": [
        {"id": "p", "name": "P", "kind": "project", "start": "2016-01-01", "end": "2018-02-28",
         "participants": [{"actor": "a", "role": "coordinator"}]},
        {"id": "w", "name": "W", "kind": "workshop", "start": "2017-05-04", "part_of": "p",
         "participants": [{"actor": "a", "role": "partner"}, {"actor": "b", "role": "partner"}]},
        {"id": "t", "name": "T", "kind": "training", "start": "2017-09-01", "part_of": "p",
         "participants": [{"actor": "a", "role": "partner"}, {"actor": "c", "role": "partner"}]},
        {"id": "o", "name": "O", "kind": "project", "start": "2020-01-01",
         "participants": [{"actor": "c", "role": "partner"}, {"actor": "d", "role": "partner"}]}]}"#;
    let dir = crate::util::dir_with(&[("d.json", dataset)]);
    let ties = crate::util::run_in(dir.path(), &["ties", "d.json", "-f", "json"], None);
    let ties = crate::util::json(&ties);
    let seen = |s: &str, t: &str| {
        let tie = ties
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["source"] == s && x["target"] == t)
            .unwrap_or_else(|| panic!("{s}–{t}"));
        (tie["first_seen"].clone(), tie["last_seen"].clone())
    };
    assert_eq!(seen("a", "b"), ("2017-05-04".into(), "2017-05-04".into()));
    assert_eq!(seen("a", "c"), ("2017-09-01".into(), "2018-02-28".into()));
    assert_eq!(
        seen("c", "d"),
        ("2020-01-01".into(), serde_json::Value::Null)
    );
    // A window in 2019: the workshop and training ended with the project.
    let r = crate::util::run_in(
        dir.path(),
        &["summary", "d.json", "--from", "2019-01-01", "-f", "json"],
        None,
    );
    let summary = crate::util::json(&r);
    assert_eq!(summary["ties"], 1);
    let open: Vec<&serde_json::Value> = summary["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "open_ended")
        .collect();
    assert_eq!(open.len(), 1, "{summary}");
    assert_eq!(open[0]["subjects"], serde_json::json!(["o"]));
    // Without a window nothing needs saying.
    let r = crate::util::run_in(dir.path(), &["summary", "d.json", "-f", "json"], None);
    assert!(!r.stdout.contains("open_ended"));
}
