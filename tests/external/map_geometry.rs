//! Maps in a real browser: every engine, both modes and an ego map of four
//! datasets, and the default map of a generated 7,000-actor network,
//! checked by `tests/browser/map_check.js` in headless Chromium — the
//! legend covers no actor and no label, no two labels overlap, no label
//! lies over another actor's circle, every coordinator and the ego are
//! labelled; on the seed network every coordinator, funder and authority is
//! named, at least 80 % of the actors of its default map are; every map of
//! it and of the generated 500- and 7,000-actor networks (with `--hubs`,
//! `--select top:…`) covers at least 60 % of the page; a map of Finland
//! (`--layout geo`) keeps the same rules for labels; on the 7,000-actor map
//! at most half of the actors drawn take part only in engagements of 30 or
//! more.
//! PNG output has the asked size.

use crate::chromium::{chrome, chromium};
use crate::util::{repo, run_in};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// A generated network of 500 actors: 30 projects, each a coordinator and
/// 4–14 partners, some with a funder.
pub fn generated() -> String {
    let mut state: u64 = 20261125;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let kinds = [
        "municipality",
        "firm",
        "university_of_applied_sciences",
        "association",
        "regional_council",
    ];
    let actors: Vec<String> = (0..500)
        .map(|i| {
            format!(
                r#"{{"id": "g{i:03}", "name": "Organisation {i} Oy", "kind": "{}"}}"#,
                kinds[next(kinds.len() as u64) as usize]
            )
        })
        .collect();
    let mut engagements = Vec::new();
    for p in 0..30 {
        let mut members: Vec<u64> = Vec::new();
        let size = 5 + next(10);
        while members.len() < size as usize {
            let a = if p < 25 {
                (p * 13 + next(40)) % 400
            } else {
                next(400)
            };
            if !members.contains(&a) {
                members.push(a);
            }
        }
        let participants: Vec<String> = members
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let role = if i == 0 {
                    "coordinator"
                } else if i == 1 && p % 3 == 0 {
                    "funder"
                } else {
                    "partner"
                };
                format!(r#"{{"actor": "g{a:03}", "role": "{role}"}}"#)
            })
            .collect();
        engagements.push(format!(
            r#"{{"id": "P{p:02}", "name": "Project {p}", "participants": [{}]}}"#,
            participants.join(", ")
        ));
    }
    format!(
        r#"{{"name": "Generated", "actors": [{}], "engagements": [{}]}}"#,
        actors.join(",\n"),
        engagements.join(",\n")
    )
}

/// Ids of the actors that coordinate an engagement of `dataset`.
fn coordinators(dataset: &Path) -> Vec<String> {
    with_roles(dataset, &["coordinator"])
}

/// Ids of the actors that take part in an engagement of `dataset` in one
/// of `roles`.
fn with_roles(dataset: &Path, roles: &[&str]) -> Vec<String> {
    let d: Value = serde_json::from_str(&std::fs::read_to_string(dataset).unwrap()).unwrap();
    let mut out: Vec<String> = d["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["participants"].as_array().unwrap().iter())
        .filter(|p| roles.iter().any(|r| p["role"] == *r))
        .map(|p| p["actor"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

pub fn every_map_keeps_legend_and_labels_apart() {
    let browser = chromium().expect("Chromium is installed");
    let dir = tempfile::tempdir().unwrap();
    let generated_path = dir.path().join("generated.json");
    std::fs::write(&generated_path, generated()).unwrap();
    let datasets = [
        repo().join("graphs/finland-regional.json"),
        repo().join("graphs/examples/hostile-names.json"),
        repo().join("graphs/examples/two-mode.json"),
        generated_path,
    ];
    let mut page =
        String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    let mut count = 0;
    let mut render = |dataset: &Path, name: &str, extra: &[&str], must: Vec<String>| {
        let out = dir.path().join(format!("case{count}.svg"));
        let mut args = vec![
            "render",
            dataset.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let r = run_in(&repo(), &args, None);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let svg = std::fs::read_to_string(&out).unwrap();
        let _ = writeln!(
            page,
            "<div class=\"case\" data-case=\"{}\" data-must=\"{}\">{svg}</div>",
            attribute(name),
            attribute(&must.join(" "))
        );
        count += 1;
    };
    for (i, dataset) in datasets.iter().enumerate() {
        let stem = dataset.file_stem().unwrap().to_string_lossy().to_string();
        let must = if i == 0 {
            with_roles(dataset, &["coordinator", "funder", "authority"])
        } else {
            coordinators(dataset)
        };
        for engine in ["dot", "neato", "fdp", "sfdp", "builtin"] {
            for mode in ["projection", "two-mode"] {
                let mut extra = vec!["--mode", mode];
                if engine == "builtin" {
                    extra.push("--builtin");
                } else {
                    extra.extend(["--engine", engine]);
                }
                render(
                    dataset,
                    &format!("{stem} {engine} {mode}"),
                    &extra,
                    must.clone(),
                );
            }
        }
    }
    // Ego maps, by name and by id, on a slide and in Finnish.
    let seed = &datasets[0];
    let mut must = coordinators(seed);
    must.push("centria".into());
    render(
        seed,
        "seed ego Centria",
        &[
            "--ego",
            "Centria",
            "--radius",
            "2",
            "--role-ties",
            "all=clique",
        ],
        must.clone(),
    );
    render(
        seed,
        "seed ego slide fi",
        &["--ego", "centria", "--size", "slide", "--lang", "fi"],
        must,
    );
    let must = coordinators(&datasets[3]);
    let ego = must[0].clone();
    render(
        &datasets[3],
        "generated ego",
        &["--ego", &ego, "--radius", "2"],
        must,
    );
    // Large projects as hubs, a chosen selection, and a map of Finland.
    render(
        &datasets[3],
        "generated top 60 by betweenness",
        &["--select", "top:60:betweenness"],
        Vec::new(),
    );
    render(
        seed,
        "seed geo a4",
        &["--layout", "geo", "--size", "a4"],
        with_roles(seed, &["coordinator", "funder", "authority"])
            .into_iter()
            .filter(|id| id != "tem" && id != "suomen-kasvukaytava")
            .collect(),
    );
    // A 7,000-actor network with projects of 60, 50 and 40 partners.
    let big_path = dir.path().join("big.json");
    std::fs::write(&big_path, crate::generated::generated_network()).unwrap();
    render(&big_path, "big hubs", &["--hubs"], Vec::new());
    render(&big_path, "big default", &[], Vec::new());
    let big_svg =
        std::fs::read_to_string(dir.path().join(format!("case{}.svg", count - 1))).unwrap();

    page.push_str("<pre id=\"result\"></pre>\n<script>\n");
    page.push_str(&std::fs::read_to_string(repo().join("tests/browser/map_check.js")).unwrap());
    page.push_str("\n</script>\n</body></html>\n");
    let page_path = dir.path().join("check.html");
    std::fs::write(&page_path, page).unwrap();
    let (dom, log) = chrome(
        &browser,
        &format!("file://{}", page_path.display()),
        &[
            "--dump-dom",
            "--virtual-time-budget=20000",
            "--window-size=1400,1000",
        ],
    );
    let start = dom
        .find("<pre id=\"result\">")
        .unwrap_or_else(|| panic!("no result: {log}"))
        + 17;
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let results: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), count, "every case checked");
    let mut failures = Vec::new();
    for r in results {
        assert!(r["actors"].as_u64().unwrap() > 0, "{r}");
        let case = r["case"].as_str().unwrap();
        let (coverage, named) = (
            r["coverage"].as_f64().unwrap(),
            r["named"].as_f64().unwrap(),
        );
        let seed = case.starts_with("finland-regional") || case.starts_with("seed");
        // The seed, the generated 500 and the 7,000: the page is used (a
        // map of Finland has Finland's shape instead).
        let required = (seed || case.starts_with("generated") || case.starts_with("big"))
            && !case.contains("geo");
        if required && coverage < 0.6 {
            failures.push(format!(
                "{case}: the drawing covers {coverage:.2} of the page"
            ));
        }
        if case.starts_with("finland-regional") && case.ends_with("projection") && named < 0.8 {
            failures.push(format!("{case}: {named:.2} of the actors named"));
        }
        for p in r["problems"].as_array().unwrap() {
            failures.push(format!("{}: {}", r["case"], p));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The large map is one of collaboration, not of its largest projects.
    let d: Value = serde_json::from_str(&crate::generated::generated_network()).unwrap();
    let mut small: std::collections::HashSet<String> = Default::default();
    for e in d["engagements"].as_array().unwrap() {
        let members = e["participants"].as_array().unwrap();
        if members.len() < 30 {
            small.extend(
                members
                    .iter()
                    .map(|p| p["actor"].as_str().unwrap().to_string()),
            );
        }
    }
    let drawn: Vec<&str> = big_svg
        .split("data-actor=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let only_large = drawn.iter().filter(|a| !small.contains(**a)).count();
    assert!(drawn.len() >= 100, "{} actors drawn", drawn.len());
    assert!(
        2 * only_large <= drawn.len(),
        "{only_large} of {} drawn actors take part only in engagements of 30+",
        drawn.len()
    );
}

/// `--dpi 300 --size slide` gives a 13.333 × 7.5 in PNG at 300 dpi.
/// A PDF map has exactly the asked page in points (A4 = 595 × 842),
/// whatever the resolution.
pub fn pdf_has_the_asked_page() {
    let dir = tempfile::tempdir().unwrap();
    for (size, expected) in [
        ("a4", "0 0 595 842"),
        ("a4-landscape", "0 0 842 595"),
        ("slide", "0 0 960 540"),
    ] {
        let out = dir.path().join(format!("{size}.pdf"));
        let r = run_in(
            &repo(),
            &[
                "render",
                "graphs/finland-regional.json",
                "-o",
                out.to_str().unwrap(),
                "--size",
                size,
                "--dpi",
                "300",
            ],
            None,
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let pdf = String::from_utf8_lossy(&std::fs::read(&out).unwrap()).to_string();
        let media = pdf
            .split("/MediaBox [")
            .nth(1)
            .and_then(|b| b.split(']').next())
            .expect("a MediaBox");
        let numbers: Vec<String> = media
            .split_whitespace()
            .map(|x| format!("{}", x.parse::<f64>().unwrap().round()))
            .collect();
        assert_eq!(numbers.join(" "), expected, "{size}: {media}");
    }
}

pub fn png_has_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let r = run_in(
        &repo(),
        &[
            "render",
            "graphs/finland-regional.json",
            "-o",
            out.to_str().unwrap(),
            "--size",
            "slide",
            "--dpi",
            "300",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"));
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (4000, 2250));
    let out = dir.path().join("small.png");
    let r = run_in(
        &repo(),
        &[
            "render",
            "graphs/finland-regional.json",
            "-o",
            out.to_str().unwrap(),
            "--size",
            "1280x720px",
            "--dpi",
            "100",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(&out).unwrap();
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 720));
}
