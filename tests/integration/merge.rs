//! `verkosto merge` and `--into` for the importers: one actor per
//! organisation, nothing lost, order-independent.

use crate::util::{dir_with, read_json, repo, run_in};
use serde_json::Value;

const A: &str = r#"{
  "name": "Regional projects",
  "actors": [
    {"id": "hki", "name": "Helsingin kaupunki", "kind": "municipality", "business_id": "0201256-6"},
    {"id": "xamk", "name": "Kaakkois-Suomen ammattikorkeakoulu Oy", "kind": "university_of_applied_sciences"},
    {"id": "ks-ely", "name": "Keski-Suomen ELY-keskus", "kind": "authority"},
    {"id": "puuinfo", "name": "Puuinfo Oy", "kind": "firm", "region": "Uusimaa"}
  ],
  "engagements": [
    {"id": "A1", "name": "Kasvu", "kind": "project", "start": "2020-01-01", "end": "2021-12-31",
     "participants": [{"actor": "hki", "role": "coordinator"}, {"actor": "xamk", "role": "partner"}]},
    {"id": "W1", "name": "Työpaja", "kind": "workshop", "start": "2021-03-01",
     "participants": [{"actor": "puuinfo", "role": "participant"}, {"actor": "ks-ely", "role": "participant"}]}
  ]
}"#;

const B: &str = r#"{
  "name": "Regional projects",
  "actors": [
    {"id": "helsinki", "name": "Helsinki", "kind": "other"},
    {"id": "x", "name": "XAMK", "kind": "university_of_applied_sciences"},
    {"id": "ely", "name": "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus", "kind": "authority"},
    {"id": "puuinfo", "name": "Puuinfo", "kind": "association", "region": "Uusimaa"},
    {"id": "vtt", "name": "Teknologian tutkimuskeskus VTT Oy", "kind": "research_institute"}
  ],
  "engagements": [
    {"id": "A1", "name": "Kasvu", "kind": "project", "start": "2020-01-01", "end": "2022-06-30",
     "participants": [{"actor": "helsinki", "role": "target"}, {"actor": "vtt", "role": "partner"}]},
    {"id": "B7", "name": "Työpaja", "kind": "workshop", "start": "2021-03-01",
     "participants": [{"actor": "x", "role": "trainer"}]}
  ]
}"#;

fn merged(dir: &std::path::Path, files: &[&str]) -> (Value, String) {
    let mut args = vec!["merge"];
    args.extend_from_slice(files);
    args.extend(["-o", "out.json"]);
    let r = run_in(dir, &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (read_json(dir.join("out.json")), r.stderr)
}

/// Removes the order of the `conflicts` entries.
fn without_conflict_order(mut v: Value) -> Value {
    for list in ["actors", "engagements"] {
        for e in v[list].as_array_mut().unwrap() {
            if let Some(c) = e["attributes"]["conflicts"].as_str() {
                let mut entries: Vec<&str> = c.split(" | ").collect();
                entries.sort();
                e["attributes"]["conflicts"] = Value::String(entries.join(" | "));
            }
        }
    }
    v
}

#[test]
fn one_actor_per_organisation_and_nothing_lost() {
    let dir = dir_with(&[("a.json", A), ("b.json", B)]);
    let (m, stderr) = merged(dir.path(), &["a.json", "b.json"]);
    let actors = m["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 5, "{actors:#?}");
    let actor = |id: &str| actors.iter().find(|a| a["id"] == id).unwrap();
    // The same body in other forms is one actor, with the other names kept.
    let hki = actor("helsinki");
    assert_eq!(hki["kind"], "municipality", "other gives way to a kind");
    assert_eq!(hki["business_id"], "0201256-6");
    let names: Vec<&str> = std::iter::once(hki["name"].as_str().unwrap())
        .chain(
            hki["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap()),
        )
        .collect();
    assert!(
        names.contains(&"Helsinki") && names.contains(&"Helsingin kaupunki"),
        "{names:?}"
    );
    assert!(
        actors.iter().any(|a| a["id"] == "ely"),
        "ELY long and short form are one"
    );
    assert_eq!(
        actors
            .iter()
            .filter(|a| a["name"].as_str().unwrap().contains("Keski-Suomen"))
            .count(),
        1
    );
    // A conflicting kind is kept in a note and reported.
    let puuinfo = actor("puuinfo");
    let conflicts = puuinfo["attributes"]["conflicts"].as_str().unwrap();
    assert!(conflicts.contains("kind: "), "{conflicts}");
    assert!(stderr.contains("conflict: actor puuinfo: kind"), "{stderr}");
    // Engagements: by code, then by name and dates.
    let engagements = m["engagements"].as_array().unwrap();
    assert_eq!(engagements.len(), 2, "{engagements:#?}");
    let a1 = engagements.iter().find(|e| e["id"] == "A1").unwrap();
    assert!(a1["attributes"]["conflicts"]
        .as_str()
        .unwrap()
        .contains("end: "));
    let roles: Vec<(&str, &str)> = a1["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["actor"].as_str().unwrap(), p["role"].as_str().unwrap()))
        .collect();
    assert!(
        roles.contains(&("helsinki", "coordinator")),
        "the strongest role: {roles:?}"
    );
    assert!(roles.iter().any(|(a, _)| *a == "vtt"));
    assert_eq!(roles.len(), 3, "{roles:?}");
    let workshop = engagements.iter().find(|e| e["name"] == "Työpaja").unwrap();
    assert_eq!(
        workshop["participants"].as_array().unwrap().len(),
        3,
        "W1 and B7 are one workshop"
    );
}

#[test]
fn different_business_ids_are_different_organisations() {
    let a = r#"{"name": "x", "actors": [{"id": "k", "name": "Kone Oy", "kind": "firm", "business_id": "1111111-1"}], "engagements": []}"#;
    let b = r#"{"name": "x", "actors": [{"id": "k2", "name": "Kone", "kind": "firm", "business_id": "2222222-2"}], "engagements": []}"#;
    let dir = dir_with(&[("a.json", a), ("b.json", b)]);
    let (m, _) = merged(dir.path(), &["a.json", "b.json"]);
    assert_eq!(m["actors"].as_array().unwrap().len(), 2, "{m:#}");
}

#[test]
fn merge_order_changes_only_the_conflicts_order() {
    let dir = dir_with(&[("a.json", A), ("b.json", B)]);
    let (ab, _) = merged(dir.path(), &["a.json", "b.json"]);
    let (ba, _) = merged(dir.path(), &["b.json", "a.json"]);
    assert_eq!(without_conflict_order(ab), without_conflict_order(ba));
}

#[test]
fn a_dataset_merged_with_itself_is_unchanged_byte_for_byte() {
    let seed = repo().join("graphs/finland-regional.json");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let r = run_in(
        &repo(),
        &[
            "merge",
            seed.to_str().unwrap(),
            seed.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&seed).unwrap());
    assert!(r.stderr.is_empty(), "no conflicts: {}", r.stderr);
    // A merged dataset merged again with one of its inputs is unchanged too.
    let dir = dir_with(&[("a.json", A), ("b.json", B)]);
    let (ab, _) = merged(dir.path(), &["a.json", "b.json"]);
    std::fs::write(
        dir.path().join("ab.json"),
        serde_json::to_string(&ab).unwrap(),
    )
    .unwrap();
    let (again, _) = merged(dir.path(), &["ab.json", "ab.json"]);
    assert_eq!(again, ab);
}

#[test]
fn import_csv_into_a_dataset_merges() {
    let dir = dir_with(&[
        ("base.json", A),
        ("actors.csv", "id,name,kind\nhel,Helsingfors stad,municipality\nnew,Uusi Yritys Oy,firm\n"),
        (
            "participation.csv",
            "engagement_id,actor_id,engagement_name,start,end,role\nA1,new,Kasvu,1.1.2020,31.12.2021,partner\n",
        ),
    ]);
    let r = run_in(
        dir.path(),
        &[
            "import",
            "csv",
            "--actors",
            "actors.csv",
            "--participation",
            "participation.csv",
            "--into",
            "base.json",
            "-o",
            "out.json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = read_json(dir.path().join("out.json"));
    assert_eq!(
        out["name"], "Regional projects",
        "the dataset's name is kept"
    );
    let actors = out["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 5, "Helsingfors stad is Helsinki: {actors:#?}");
    let a1 = out["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "A1")
        .unwrap()
        .clone();
    assert_eq!(a1["participants"].as_array().unwrap().len(), 3);
    // The input was not touched.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("base.json")).unwrap(),
        A
    );
}

#[test]
fn workbooks_are_deterministic_and_bad_workbooks_are_clear_errors() {
    let seed = "graphs/finland-regional.json";
    let dir = tempfile::tempdir().unwrap();
    let books: Vec<Vec<u8>> = (0..2)
        .map(|i| {
            let path = dir.path().join(format!("b{i}.xlsx"));
            let r = run_in(
                &repo(),
                &["export", seed, "--to", "xlsx", "-o", path.to_str().unwrap()],
                None,
            );
            assert_eq!(r.code, 0, "{}", r.stderr);
            std::fs::read(path).unwrap()
        })
        .collect();
    assert_eq!(books[0], books[1], "same input, same bytes");
    // Not a workbook.
    std::fs::write(dir.path().join("fake.xlsx"), "id,name\n").unwrap();
    let r = run_in(dir.path(), &["import", "xlsx", "fake.xlsx"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("fake.xlsx") && r.stderr.contains("not an Excel workbook"),
        "{}",
        r.stderr
    );
    // A workbook without an actors sheet: the table output of a command.
    let r = run_in(
        &repo(),
        &[
            "ties",
            seed,
            "-f",
            "xlsx",
            "-o",
            dir.path().join("ties.xlsx").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(dir.path(), &["import", "xlsx", "ties.xlsx"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no sheet called \"actors\""),
        "{}",
        r.stderr
    );
}
