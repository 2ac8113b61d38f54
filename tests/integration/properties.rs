//! Property tests of the projection on random two-mode datasets.

use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use verkosto::graph::{Projection, ProjectionOptions, ProjectionWeight};
use verkosto::model::{validate, Actor, Dataset, Engagement, Participation, Tie};
use verkosto::{Analysis, AnalysisOptions};

const ROLES: [&str; 3] = ["coordinator", "partner", "target"];

/// Random valid datasets: up to 12 actors, 8 engagements, 4 direct ties.
fn datasets() -> impl Strategy<Value = Dataset> {
    (1usize..12).prop_flat_map(|n| {
        let engagement = proptest::collection::btree_map(0..n, 0usize..3, 0..=n.min(7));
        let tie = (0..n, 0..n, 1u8..5);
        (
            Just(n),
            proptest::collection::vec(engagement, 0..8),
            proptest::collection::vec(tie, 0..4),
        )
            .prop_map(|(n, engagements, ties)| Dataset {
                name: "random".into(),
                actors: (0..n)
                    .map(|i| Actor {
                        id: format!("a{i:02}").into(),
                        name: format!("Actor {i}").into(),
                        kind: if i % 2 == 0 { "firm" } else { "municipality" }.into(),
                        details: None,
                    })
                    .collect(),
                engagements: engagements
                    .into_iter()
                    .enumerate()
                    .map(|(j, members)| Engagement {
                        id: format!("e{j}").into(),
                        name: format!("Engagement {j}").into(),
                        kind: "project".into(),
                        start: None,
                        end: None,
                        participants: members
                            .into_iter()
                            .map(|(a, r)| Participation {
                                actor: format!("a{a:02}").into(),
                                role: ROLES[r].into(),
                            })
                            .collect(),
                        details: None,
                    })
                    .collect(),
                ties: ties
                    .into_iter()
                    .filter(|(s, t, _)| s != t)
                    .map(|(s, t, w)| Tie {
                        source: format!("a{s:02}").into(),
                        target: format!("a{t:02}").into(),
                        kind: None,
                        weight: f64::from(w) / 2.0,
                    })
                    .collect(),
                ..Default::default()
            })
    })
}

fn project(d: &Dataset, weight: ProjectionWeight) -> Projection<'_> {
    assert!(validate::check(d).is_valid());
    Projection::new(
        d,
        &ProjectionOptions {
            weight,
            ..Default::default()
        },
    )
    .unwrap()
}

/// The ties by ids, with weights and engagement ids behind them.
fn listing(p: &Projection<'_>) -> Vec<(String, String, u64, Vec<String>)> {
    p.ties()
        .iter()
        .enumerate()
        .map(|(t, tie)| {
            (
                p.actor(tie.source as usize).id.to_string(),
                p.actor(tie.target as usize).id.to_string(),
                tie.weight.to_bits(),
                p.engagements_behind(t)
                    .map(|e| p.two_mode().engagement(e as usize).id.to_string())
                    .collect(),
            )
        })
        .collect()
}

/// Non-target members of each engagement, by id.
fn members(d: &Dataset) -> Vec<BTreeSet<String>> {
    d.engagements
        .iter()
        .map(|e| {
            e.participants
                .iter()
                .filter(|p| p.role != "target")
                .map(|p| p.actor.to_string())
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn projection_is_symmetric_and_degrees_sum_to_twice_the_ties(d in datasets()) {
        for weight in [ProjectionWeight::Count, ProjectionWeight::Newman, ProjectionWeight::Jaccard] {
            let p = project(&d, weight);
            let adj = p.adjacency();
            for v in 0..adj.node_count() {
                for (u, w) in adj.weighted(v) {
                    let back = adj.weighted(u as usize).find(|&(x, _)| x as usize == v);
                    prop_assert!(back.is_some());
                    prop_assert_eq!(back.unwrap().1.to_bits(), w.to_bits());
                }
            }
            prop_assert_eq!((0..adj.node_count()).map(|v| adj.degree(v)).sum::<usize>(), 2 * p.tie_count());
            for t in p.ties() {
                prop_assert!(t.source < t.target);
                prop_assert!(t.weight > 0.0);
            }
        }
    }

    #[test]
    fn count_weight_is_the_number_of_shared_engagements(d in datasets()) {
        let p = project(&d, ProjectionWeight::Count);
        let members = members(&d);
        let mut direct: BTreeMap<(String, String), f64> = BTreeMap::new();
        for t in &d.ties {
            let key = if t.source < t.target { (t.source.to_string(), t.target.to_string()) } else { (t.target.to_string(), t.source.to_string()) };
            *direct.entry(key).or_default() += t.weight;
        }
        let mut expected: BTreeMap<(String, String), f64> = direct.clone();
        for a in &d.actors {
            for b in &d.actors {
                if a.id < b.id {
                    let shared = members.iter().filter(|m| m.contains(a.id.as_str()) && m.contains(b.id.as_str())).count();
                    if shared > 0 {
                        *expected.entry((a.id.to_string(), b.id.to_string())).or_default() += shared as f64;
                    }
                }
            }
        }
        let got: BTreeMap<(String, String), f64> = listing(&p)
            .into_iter()
            .map(|(s, t, w, _)| ((s, t), f64::from_bits(w)))
            .collect();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn engagements_behind_a_tie_are_the_tie_groups_holding_both(d in datasets()) {
        // Found when asked (from the two actors' tie groups); checked here
        // against a scan of every tie group.
        let p = project(&d, ProjectionWeight::Count);
        let graph = p.two_mode();
        let groups = graph.tie_groups();
        for (t, tie) in p.ties().iter().enumerate() {
            let expected: Vec<u32> = (0..groups.len())
                .filter(|&g| {
                    let row = groups.row(g);
                    row.contains(&tie.source) && row.contains(&tie.target)
                })
                .map(|g| graph.tie_group(g).0 as u32)
                .collect();
            let behind: Vec<u32> = p.engagements_behind(t).collect();
            prop_assert_eq!(&behind, &expected);
            prop_assert_eq!(p.shared(t) as usize, expected.len());
            prop_assert_eq!(p.rules_behind(t).count(), expected.len());
            prop_assert_eq!(tie.weight - p.direct_weight(t), expected.len() as f64);
        }
    }

    #[test]
    fn newman_weights_of_an_engagement_sum_to_half_its_size(d in datasets()) {
        let p = project(&d, ProjectionWeight::Newman);
        let projected: f64 = p.ties().iter().enumerate().map(|(i, t)| t.weight - p.direct_weight(i)).sum();
        let expected: f64 = members(&d)
            .iter()
            .filter(|m| m.len() >= 2)
            .map(|m| m.len() as f64 / 2.0)
            .sum();
        prop_assert!((projected - expected).abs() < 1e-9, "{} vs {}", projected, expected);
    }

    #[test]
    fn shuffled_input_gives_identical_output(
        d in datasets(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = d.clone();
        let mut rng = seed | 1;
        let mut next = move |n: usize| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n as u64) as usize
        };
        fn shuffle<T>(items: &mut [T], next: &mut impl FnMut(usize) -> usize) {
            for i in (1..items.len()).rev() {
                items.swap(i, next(i + 1));
            }
        }
        shuffle(&mut shuffled.actors, &mut next);
        shuffle(&mut shuffled.engagements, &mut next);
        shuffle(&mut shuffled.ties, &mut next);
        for e in &mut shuffled.engagements {
            shuffle(&mut e.participants, &mut next);
        }
        for weight in [ProjectionWeight::Count, ProjectionWeight::Newman, ProjectionWeight::Jaccard] {
            let a = project(&d, weight);
            let b = project(&shuffled, weight);
            prop_assert_eq!(listing(&a), listing(&b));
            let (a, b) = (
                Analysis::from_projection(a, AnalysisOptions::default()),
                Analysis::from_projection(b, AnalysisOptions::default()),
            );
            prop_assert_eq!(a.summary().unwrap(), b.summary().unwrap());
        }
    }
}
