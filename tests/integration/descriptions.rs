//! `import descriptions` on the five seed documents in `graphs/seeds`.

use crate::util::{dir_with, json, read_json, repo, run_in};
use serde_json::Value;

/// The five seed documents; any other number is a failure, never a skip.
fn seeds() -> Vec<String> {
    let dir = repo().join("graphs/seeds");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("graphs/seeds is in the repository")
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "graphs/seeds holds the five seed documents");
    files
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
    let files = seeds();
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
    assert_eq!(
        e["attributes"]["axis"],
        "1. Pk-yritystoiminnan kilpailukyky"
    );
    assert_eq!(
        e["attributes"]["objective"],
        "2.1. PK-yritysten kasvun ja kansainvälistymisen edistäminen"
    );
    assert_eq!(e["attributes"]["state"], "Toiminta päättynyt");
    assert_eq!(e["attributes"]["realised_eu_state_eur"], 235897.0);
    assert_eq!(e["attributes"]["planned_public_eur"], 350000.0);
    assert_eq!(e["attributes"]["target_regions"], "Kymenlaakso");
    assert_eq!(
        e["attributes"]["target_subregions"],
        "Kouvolan, Kotkan-Haminan"
    );
    let applicant = &actor_of(&d, e, "coordinator")[0];
    assert_eq!(applicant["name"], "Kouvolan kaupunki");
    assert_eq!(applicant["kind"], "municipality");
    assert_eq!(applicant["business_id"], "0161075-9");
    assert_eq!(applicant["attributes"]["city"], "Kouvola");
    assert_eq!(actor_of(&d, e, "authority")[0]["name"], "Uudenmaan liitto");
    assert_eq!(actor_of(&d, e, "authority")[0]["kind"], "regional_council");
    // Kouvola is also in the target area: one actor, the coordinator.
    let municipalities = |e: &Value| -> Vec<String> {
        actor_of(&d, e, "target")
            .iter()
            .filter(|a| a["kind"] == "municipality")
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        municipalities(e),
        ["Hamina", "Pyhtää", "Miehikkälä", "Kotka", "Virolahti"]
    );
    // From the free text: Xamk as a partner, Kymenlaakson liitto in the
    // indirect target group.
    let names = |role: &str| -> Vec<String> {
        actor_of(&d, e, role)
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        names("partner").contains(&"Kaakkois-Suomen ammattikorkeakoulu Oy".to_string()),
        "{:?}",
        names("partner")
    );
    assert!(names("target").contains(&"Kymenlaakson liitto".to_string()));

    let e = engagement(&d, "A78140");
    assert_eq!(e["funding_eur"], 187144.0);
    let centria = &actor_of(&d, e, "coordinator")[0];
    assert_eq!(
        (centria["kind"].as_str(), centria["business_id"].as_str()),
        (Some("university_of_applied_sciences"), Some("1097805-3"))
    );
    assert_eq!(municipalities(e).len(), 8);

    let e = engagement(&d, "S11582");
    assert_eq!(e["name"], "Verkostosta Voimaa- rakennemuutoshanke");
    assert_eq!(
        (e["start"].as_str(), e["end"].as_str()),
        (Some("2011-04-01"), Some("2014-12-31"))
    );
    assert_eq!(e["funding_eur"], 766613.0);
    assert_eq!(e["attributes"]["fund"], "ESR");
    assert_eq!(
        e["attributes"]["programme_section"],
        "Etelä-Suomen suuralueosio"
    );
    assert_eq!(e["attributes"]["granted_eu_state_eur"], 620000.0);
    assert_eq!(e["attributes"]["target_subregions"], "Lahden");
    let hartola = &actor_of(&d, e, "coordinator")[0];
    assert_eq!(
        (hartola["kind"].as_str(), hartola["business_id"].as_str()),
        (Some("municipality"), Some("0163734-5"))
    );
    assert_eq!(actor_of(&d, e, "coordinator")[0]["name"], "Hartolan kunta");
    assert_eq!(
        actor_of(&d, e, "authority")[0]["name"],
        "Hämeen elinkeino-, liikenne- ja ympäristökeskus"
    );
    assert_eq!(actor_of(&d, e, "authority")[0]["kind"], "authority");
    assert_eq!(
        municipalities(e),
        ["Heinola", "Sysmä"],
        "Hartola is the implementer"
    );
    let ministry: Vec<&str> = actor_of(&d, e, "target")
        .iter()
        .filter(|a| a["kind"] == "ministry")
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        ministry,
        ["Työ- ja elinkeinoministeriö"],
        "named as an indirect target group"
    );

    let e = engagement(&d, "A72158");
    assert_eq!(e["funding_eur"], 97623.0);
    assert_eq!(municipalities(e).len(), 21);
    let lapland: Vec<&Value> = actor_of(&d, e, "target")
        .into_iter()
        .filter(|a| a["kind"] == "municipality")
        .collect();
    assert_eq!(lapland[0]["region"], "Lappi");
    for interested in [
        "Puuinfo Oy",
        "Finnish Wood Research Oy",
        "Tekes",
        "Finnvera Oyj",
        "Oulun yliopisto",
    ] {
        assert!(
            actor_of(&d, e, "target")
                .iter()
                .any(|a| a["name"] == interested),
            "{interested} missing"
        );
    }

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
    let files = seeds();
    let mut args = vec![
        "import",
        "descriptions",
        "--into",
        "graphs/finland-regional.json",
    ];
    args.extend(files.iter().map(String::as_str));
    let r = run_in(&repo(), &args, None);
    let d = json(&r);
    let curated: Value = read_json(repo().join("graphs/finland-regional.json"));
    // The four coded projects are already there, and so is the review
    // (matched by name and dates). Every organisation was matched.
    assert_eq!(
        d["actors"].as_array().unwrap().len(),
        curated["actors"].as_array().unwrap().len()
    );
    assert_eq!(
        d["engagements"].as_array().unwrap().len(),
        curated["engagements"].as_array().unwrap().len()
    );
}

#[test]
fn a_file_that_is_not_a_description_fails_alone() {
    let files = seeds();
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
    let written: Value = read_json(&out);
    assert_eq!(
        written["engagements"].as_array().unwrap().len(),
        1,
        "the good file was imported"
    );
}

/// What the importer finds of the hand-curated network, from the documents
/// alone (no --into): the README reports these figures.
#[test]
fn importer_against_the_curated_network() {
    let files = seeds();
    let mut args = vec!["import", "descriptions"];
    args.extend(files.iter().map(String::as_str));
    let imported = json(&run_in(&repo(), &args, None));
    let curated: Value = read_json(repo().join("graphs/finland-regional.json"));
    let key = verkosto::import::identity::identity_keys;
    let imported_keys: Vec<Vec<String>> = imported["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| key(i["name"].as_str().unwrap()))
        .collect();
    let curated_actors = curated["actors"].as_array().unwrap();
    let (found, missed): (Vec<&Value>, Vec<&Value>) = curated_actors.iter().partition(|c| {
        let names = curated_names(c);
        imported_keys.iter().any(|mine| {
            names
                .iter()
                .any(|n| key(n).iter().any(|k| mine.contains(k)))
        })
    });
    let missed: Vec<&str> = missed.iter().map(|c| c["id"].as_str().unwrap()).collect();
    eprintln!(
        "importer finds {} of the {} curated actors; misses {missed:?}",
        found.len(),
        curated_actors.len()
    );
    // No organisation split in two: each curated actor is matched by one
    // imported actor at most.
    for c in curated_actors {
        let names = curated_names(c);
        let matching: Vec<&str> = imported["actors"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&imported_keys)
            .filter(|(_, mine)| {
                names
                    .iter()
                    .any(|n| key(n).iter().any(|k| mine.contains(k)))
            })
            .map(|(i, _)| i["name"].as_str().unwrap())
            .collect();
        assert!(matching.len() <= 1, "{} split into {matching:?}", c["id"]);
    }
    // The figure the README reports (83 of 89); a regression floor.
    assert!(
        found.len() >= 83,
        "found only {} of {}",
        found.len(),
        curated_actors.len()
    );
    // The documents' shared organisations link the projects: Centria (WINWIN
    // and the Lapland pre-study) and the ministry (three projects).
    let dir = dir_with(&[("imported.json", &serde_json::to_string(&imported).unwrap())]);
    let dual = json(&run_in(
        dir.path(),
        &[
            "ties",
            "imported.json",
            "--dual",
            "--role-ties",
            "all=clique",
            "-f",
            "json",
        ],
        None,
    ));
    let linked = |a: &str, b: &str| {
        dual.as_array().unwrap().iter().any(|t| {
            (t["source"] == a && t["target"] == b) || (t["source"] == b && t["target"] == a)
        })
    };
    assert!(linked("A72158", "A78140"), "Centria links them");
    assert!(linked("A72158", "S11582"), "the ministry links them");
    assert!(
        linked("S11582", "SUOMEN-KASVUKAYTAVA-KANSAINVALISESTI"),
        "the ministry links them"
    );
}

#[test]
fn review_lists_candidates_with_their_sentences() {
    let files = seeds();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let r = run_in(
        &repo(),
        &[
            "import",
            "descriptions",
            "--review",
            &files[4],
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("Puuinfo Oy"))
        .expect("Puuinfo found");
    assert!(
        line.contains("target") && line.contains("new actor") && line.contains("Puuinfo Oy"),
        "{line}"
    );
    assert!(
        r.stdout
            .lines()
            .any(|l| l.contains("Digipolis otti vastuulleen") || l.contains("Lapin Liitto")),
        "sentences shown"
    );
}

/// Reproducer 19: Personal data in any field or sentence never reaches the dataset
/// or the review.
#[test]
fn personal_data_never_reaches_the_dataset_or_the_review() {
    let text = "1 Hanke\nHankekoodi: A99999\nHankkeen nimi: Testihanke\n\
Hakijan virallinen nimi: Maija.Mallikas@example.fi\nOrganisaatiotyyppi: puh. 040 123 4567\n\
Suunnitelman mukainen toteutusaika: Alkaa 1.1.2020 ja päättyy 31.12.2021\n\
3 Toteutus\nHanketta toteuttaa Mallikas@Mallikas ry yhdessä Kouvolan kaupungin kanssa. Yhteyshenkilö 131052-308T, +358 50 765 4321.\n";
    let dir = dir_with(&[("d.txt", text)]);
    let r = run_in(
        dir.path(),
        &[
            "import",
            "descriptions",
            "d.txt",
            "-o",
            "out.json",
            "--review",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dataset = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    for personal in ["@", "Mallikas", "040 123", "131052", "765 4321"] {
        assert!(!dataset.contains(personal), "{personal} in the dataset");
        assert!(!r.stdout.contains(personal), "{personal} in the review");
        assert!(!r.stderr.contains(personal), "{personal} in the messages");
    }
}

/// Reproducer 17: One sentence naming thousands of firms imports every
/// firm once, with review excerpts of bounded width around each mention
/// instead of the whole sentence. How the time grows is measured in
/// `benches/` (no clock in the tests: they must pass on a busy machine).
#[test]
fn a_huge_sentence_imports_every_firm_once() {
    let firms: Vec<String> = (0..4_000).map(|i| format!("Yritys{i} Oy")).collect();
    let text = format!(
        "Hankekoodi: A12345\nHankkeen nimi: Iso hanke\n3 Toteutus\nHanketta toteuttavat {}.\n",
        firms.join(", ")
    );
    assert!(text.len() > 50_000);
    let dir = dir_with(&[("d.txt", &text)]);
    let r = run_in(
        dir.path(),
        &[
            "import",
            "descriptions",
            "d.txt",
            "-o",
            "out.json",
            "--review",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d: Value = read_json(dir.path().join("out.json"));
    assert_eq!(d["actors"].as_array().unwrap().len(), 4_000);
    let e = &d["engagements"][0];
    assert_eq!(e["participants"].as_array().unwrap().len(), 4_000);
    let longest = r.stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 600, "review lines stay short: {longest}");
    assert!(r.stdout.contains("Yritys3999 Oy"));
}

/// An organisation named twice in one project keeps its strongest role: a
/// target municipality that is also a co-implementer is an implementer,
/// and the review says the roles merged.
#[test]
fn roles_merge_to_the_strongest() {
    let text = "Hankekoodi: A11111\nHankkeen nimi: Yhteishanke\nKunnat: Kouvola, Kotka\n\
Osatoteuttajat\nHanketta toteuttaa myös Kouvolan kaupunki.\n";
    let dir = dir_with(&[("d.txt", text)]);
    let r = run_in(
        dir.path(),
        &[
            "import",
            "descriptions",
            "d.txt",
            "-o",
            "out.json",
            "--review",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d: Value = read_json(dir.path().join("out.json"));
    let e = engagement(&d, "A11111");
    let roles: Vec<(&str, &str)> = e["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["actor"].as_str().unwrap(), p["role"].as_str().unwrap()))
        .collect();
    assert!(roles.contains(&("kouvola", "implementer")), "{roles:?}");
    assert!(roles.contains(&("kotka", "target")), "{roles:?}");
    assert_eq!(roles.iter().filter(|(a, _)| *a == "kouvola").count(), 1);
    assert!(
        r.stdout.contains("roles merged: target → implementer"),
        "{}",
        r.stdout
    );
}

/// `--review` lists organisation-like phrases that matched nothing, so a
/// person can add them as aliases — on the seeds, the ones the README says
/// the importer misses — and never people's names.
#[test]
fn review_shows_what_was_missed() {
    let files = seeds();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let mut args = vec![
        "import",
        "descriptions",
        "--review",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(files.iter().map(String::as_str));
    let r = run_in(&repo(), &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let missed: Vec<&str> = r.stdout.lines().filter(|l| l.contains("missed:")).collect();
    assert!(
        missed
            .iter()
            .any(|l| l.contains("Meri-Lapin CLT-osaamiskeskuks")),
        "{missed:#?}"
    );
    // Found now, by the `oppilaitos` pattern and the list rule.
    for phrase in ["Careeria oppilaitoksen", "Meri-Lapin kehittämiskeskus"] {
        assert!(!missed.iter().any(|l| l.contains(phrase)), "{phrase}");
        assert!(
            r.stdout
                .lines()
                .any(|l| l.contains(phrase) && (l.contains("new actor") || l.contains("matched"))),
            "{phrase}"
        );
    }
    // People named in the documents are neither found nor missed.
    for person in ["Markku Rimpelä", "Jaana Villanen", "Juhani Tuure"] {
        assert!(
            !r.stdout
                .lines()
                .any(|l| l.split("  ").any(|cell| cell.trim() == person)),
            "{person}"
        );
    }
}

/// Importing the seed documents into the curated seed changes nothing: the
/// closing review without a project code is matched by its name and dates.
#[test]
fn importing_the_seeds_into_the_seed_changes_nothing() {
    let files = seeds();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let mut args = vec![
        "import",
        "descriptions",
        "--into",
        "graphs/finland-regional.json",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(files.iter().map(String::as_str));
    let r = run_in(&repo(), &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Compared as datasets (the file spells 97623 where a written dataset
    // spells 97623.0).
    let load = |path: &std::path::Path| verkosto::io::json::load_dataset(path).unwrap().0.to_json();
    assert_eq!(
        load(&repo().join("graphs/finland-regional.json")),
        load(&out)
    );
}

/// A curated actor's name and aliases.
fn curated_names(actor: &Value) -> Vec<String> {
    std::iter::once(actor["name"].as_str().unwrap().to_string())
        .chain(
            actor["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| a.as_str().unwrap().to_string()),
        )
        .collect()
}
