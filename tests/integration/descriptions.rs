//! `import descriptions` on the five seed documents (read from
//! `../shared/seeds`, next to the repository, as in CI).

use crate::util::{dir_with, json, repo, run_in};
use serde_json::Value;

fn seeds() -> Option<Vec<String>> {
    let dir = repo().join("../shared/seeds");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    (files.len() == 5).then_some(files)
}

fn engagement<'a>(d: &'a Value, id: &str) -> &'a Value {
    d["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn actor_of<'a>(d: &'a Value, e: &Value, role: &str) -> Vec<&'a Value> {
    e["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["role"] == role)
        .map(|p| {
            d["actors"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["id"] == p["actor"])
                .unwrap()
        })
        .collect()
}

#[test]
fn the_five_seeds_import_with_their_fields() {
    let Some(files) = seeds() else {
        eprintln!("skipped: ../shared/seeds is not next to the repository");
        return;
    };
    let mut args = vec!["import", "descriptions"];
    args.extend(files.iter().map(String::as_str));
    let r = run_in(&repo(), &args, None);
    let d = json(&r);
    assert_eq!(d["engagements"].as_array().unwrap().len(), 5);

    let e = engagement(&d, "A75739");
    assert_eq!(
        e["name"],
        "Talenttimagneetti – osaajien houkuttelun käynnistäminen"
    );
    assert_eq!(
        (e["start"].as_str(), e["end"].as_str()),
        (Some("2020-01-01"), Some("2022-03-31"))
    );
    assert_eq!(e["funding_eur"], 336995.0);
    assert_eq!(e["attributes"]["granted_eu_state_eur"], 245000.0);
    assert_eq!(e["attributes"]["fund"], "EAKR");
    let applicant = &actor_of(&d, e, "coordinator")[0];
    assert_eq!(applicant["name"], "Kouvolan kaupunki");
    assert_eq!(applicant["kind"], "municipality");
    assert_eq!(applicant["business_id"], "0161075-9");
    assert_eq!(applicant["attributes"]["city"], "Kouvola");
    assert_eq!(actor_of(&d, e, "authority")[0]["name"], "Uudenmaan liitto");
    assert_eq!(actor_of(&d, e, "authority")[0]["kind"], "regional_council");
    // Kouvola is also in the target area: one actor, the coordinator.
    let targets: Vec<&str> = actor_of(&d, e, "target")
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        ["Hamina", "Pyhtää", "Miehikkälä", "Kotka", "Virolahti"]
    );

    let e = engagement(&d, "A78140");
    assert_eq!(e["funding_eur"], 187144.0);
    let centria = &actor_of(&d, e, "coordinator")[0];
    assert_eq!(
        (centria["kind"].as_str(), centria["business_id"].as_str()),
        (Some("university_of_applied_sciences"), Some("1097805-3"))
    );
    assert_eq!(actor_of(&d, e, "target").len(), 8);

    let e = engagement(&d, "S11582");
    assert_eq!(e["name"], "Verkostosta Voimaa- rakennemuutoshanke");
    assert_eq!(
        (e["start"].as_str(), e["end"].as_str()),
        (Some("2011-04-01"), Some("2014-12-31"))
    );
    assert_eq!(e["funding_eur"], 766613.0);
    assert_eq!(e["attributes"]["fund"], "ESR");
    assert_eq!(actor_of(&d, e, "coordinator")[0]["name"], "Hartolan kunta");
    assert_eq!(
        actor_of(&d, e, "authority")[0]["name"],
        "Hämeen elinkeino-, liikenne- ja ympäristökeskus"
    );
    assert_eq!(actor_of(&d, e, "authority")[0]["kind"], "authority");
    let targets: Vec<&str> = actor_of(&d, e, "target")
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["Heinola", "Sysmä"], "Hartola is the implementer");

    let e = engagement(&d, "A72158");
    assert_eq!(e["funding_eur"], 97623.0);
    assert_eq!(actor_of(&d, e, "target").len(), 21);
    assert_eq!(actor_of(&d, e, "target")[0]["region"], "Lappi");

    // The closing review has no code: its name and period are read from the lead.
    let review = d["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["name"]
                .as_str()
                .unwrap()
                .starts_with("Suomen kasvukäytävä")
        })
        .unwrap();
    assert_eq!(
        (review["start"].as_str(), review["end"].as_str()),
        (Some("2021-09-01"), Some("2023-12-31"))
    );

    // No personal data.
    for person in [
        "Armi Lampinen",
        "Leni Forsberg",
        "Merja Olenius",
        "Antti Sirkka",
        "Jaana Villanen",
        "(at)",
        "@",
        "0206156544",
    ] {
        assert!(!r.stdout.contains(person), "{person} in the output");
    }
    // What was imported validates, and importing into it again changes nothing.
    let dir = dir_with(&[("imported.json", &r.stdout)]);
    assert_eq!(
        run_in(dir.path(), &["validate", "imported.json"], None).code,
        0
    );
    let mut again = vec!["import", "descriptions", "--into", "imported.json"];
    again.extend(files.iter().map(String::as_str));
    let second = run_in(dir.path(), &again, None);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(
        second.stdout, r.stdout,
        "importing the same documents twice changes nothing"
    );
}

#[test]
fn importing_into_the_curated_seed_matches_its_actors() {
    let Some(files) = seeds() else {
        eprintln!("skipped: ../shared/seeds is not next to the repository");
        return;
    };
    let mut args = vec![
        "import",
        "descriptions",
        "--into",
        "graphs/finland-regional.json",
    ];
    args.extend(files.iter().map(String::as_str));
    let r = run_in(&repo(), &args, None);
    let d = json(&r);
    let curated: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("graphs/finland-regional.json")).unwrap(),
    )
    .unwrap();
    // The four coded projects are already there; only the review (whose id
    // the curated file made up) is new. Every organisation was matched.
    assert_eq!(
        d["actors"].as_array().unwrap().len(),
        curated["actors"].as_array().unwrap().len()
    );
    assert_eq!(
        d["engagements"].as_array().unwrap().len(),
        curated["engagements"].as_array().unwrap().len() + 1
    );
}

#[test]
fn a_file_that_is_not_a_description_fails_alone() {
    let Some(files) = seeds() else {
        eprintln!("skipped: ../shared/seeds is not next to the repository");
        return;
    };
    let dir = dir_with(&[("notes.txt", "Muistiinpanoja kokouksesta.\n")]);
    let notes = dir.path().join("notes.txt");
    let out = dir.path().join("out.json");
    let r = run_in(
        &repo(),
        &[
            "import",
            "descriptions",
            &files[0],
            notes.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 1, "some failed");
    assert!(
        r.stderr.contains("notes.txt") && r.stderr.contains("no project code"),
        "{}",
        r.stderr
    );
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        written["engagements"].as_array().unwrap().len(),
        1,
        "the good file was imported"
    );
}
