//! The real exports in `../shared/realdata/` (test input only, never
//! copied into the repository).

use crate::util::{repo, run_in};
use std::io::{Read, Write};
use std::path::PathBuf;

/// `../shared/realdata/` beside the repository.
pub fn folder() -> PathBuf {
    repo().join("../shared/realdata")
}

/// The keep.eu export (three sheets, 8,621 partner rows, shared strings,
/// keep.eu's own styles) goes through the bounded reader: its sheets are
/// listed, and with its `Partners` sheet renamed `actors` every one of its
/// cells is read, up to the check of the columns (keep.eu's own header, not
/// the CSV importer's).
pub fn the_real_keep_eu_workbook_is_read_cell_by_cell() {
    let book = folder().join("keep-eu-interreg-2014-2020/keep_closed_1420.xlsx");
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(
        dir.path(),
        &["import", "xlsx", book.to_str().unwrap()],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("the workbook has: Projects (lead partners), Partners, Calls"),
        "{}",
        r.stderr
    );

    // The same workbook with the Partners sheet called actors.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    let renamed = dir.path().join("renamed.xlsx");
    {
        let mut out = zip::ZipWriter::new(std::fs::File::create(&renamed).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            let name = part.name().to_string();
            let mut content = Vec::new();
            part.read_to_end(&mut content).unwrap();
            if name == "xl/workbook.xml" {
                let text = String::from_utf8(content).unwrap();
                assert!(text.contains("name=\"Partners\""), "{text}");
                content = text
                    .replace("name=\"Partners\"", "name=\"actors\"")
                    .into_bytes();
            }
            out.start_file(name, options).unwrap();
            out.write_all(&content).unwrap();
        }
        out.finish().unwrap();
    }
    let r = run_in(
        dir.path(),
        &["import", "xlsx", "renamed.xlsx", "-o", "out.json"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    // The header row was read from the shared strings of the real file.
    for column in ["Programme", "Acronym", "Project Partner", "Lead Partner"] {
        assert!(r.stderr.contains(column), "{column}: {}", r.stderr);
    }
    assert!(r.stderr.contains("missing column \"id\""), "{}", r.stderr);
    assert!(!dir.path().join("out.json").exists());
}

/// Imports `args` into `out.json` in a temporary directory and returns the
/// dataset as JSON.
fn import(args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["-o", "out.json"]);
    let r = run_in(dir.path(), &all, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // What an importer writes, verkosto reads back.
    let check = run_in(dir.path(), &["validate", "out.json"], None);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap()).unwrap()
}

/// Participations per actor id, and each actor by id.
fn counts(
    d: &serde_json::Value,
) -> (
    std::collections::HashMap<String, usize>,
    std::collections::HashMap<String, serde_json::Value>,
) {
    let mut per = std::collections::HashMap::new();
    for e in d["engagements"].as_array().unwrap() {
        for p in e["participants"].as_array().unwrap() {
            *per.entry(p["actor"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let actors = d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_string(), a.clone()))
        .collect();
    (per, actors)
}

/// The keep.eu export as downloaded: 1,891 project rows of which 39 are a
/// second lead partner of a project, so 1,852 projects; 8,621 partner rows
/// of which four repeat an organisation in its project (VASAB in Baltic
/// LINes, with a trailing no-break space; in MIND a framework partner with
/// and without quotes, and Radboud University Nijmegen with and without
/// its Department of Neurophysiology; in DARLINGe Zagorje Development Agency
/// with and without Ltd.), so 8,617 participations; the 160 projects with a Finnish
/// partner and their EU funding as the scout's table of them
/// (`DERIVED_fi_projects_long.csv`, made apart from verkosto) has them;
/// "University of Oulu" and "Oulun Yliopisto" one actor.
pub fn the_keep_eu_export_imports_as_downloaded() {
    let folder = folder().join("keep-eu-interreg-2014-2020");
    let book = folder.join("keep_closed_1420.xlsx");
    let d = import(&["import", "keep-eu", book.to_str().unwrap()]);
    let engagements = d["engagements"].as_array().unwrap();
    assert_eq!(engagements.len(), 1852);
    let participations: usize = engagements
        .iter()
        .map(|e| e["participants"].as_array().unwrap().len())
        .sum();
    assert_eq!(participations, 8617);
    let coordinators = |e: &serde_json::Value| {
        e["participants"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["role"] == "coordinator")
            .count()
    };
    assert_eq!(
        engagements.iter().filter(|e| coordinators(e) == 2).count(),
        39
    );
    assert!(engagements.iter().all(|e| coordinators(e) >= 1));

    // The Finnish subset against the scout's table.
    let (per, actors) = counts(&d);
    let finnish = |id: &str| actors[id]["attributes"]["country"] == "Finland";
    let with_finn: Vec<&serde_json::Value> = engagements
        .iter()
        .filter(|e| {
            e["participants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| finnish(p["actor"].as_str().unwrap()))
        })
        .collect();
    let mut reader = csv::Reader::from_path(folder.join("DERIVED_fi_projects_long.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (programme, acronym, funding) = (
        column("programme"),
        column("acronym"),
        column("project_eu_funding_raw"),
    );
    let mut scout: std::collections::BTreeMap<(String, String), f64> = Default::default();
    for row in reader.records() {
        let row = row.unwrap();
        let amount: f64 = row[funding].replace(',', "").parse().unwrap_or(0.0);
        scout.insert(
            (row[programme].to_string(), row[acronym].to_string()),
            amount,
        );
    }
    assert_eq!(with_finn.len(), scout.len());
    assert_eq!(scout.len(), 160);
    let ours: f64 = with_finn
        .iter()
        .map(|e| e["funding_eur"].as_f64().unwrap_or(0.0))
        .sum();
    let theirs: f64 = scout.values().sum();
    assert!((ours - theirs).abs() < 0.01, "{ours} vs {theirs}");

    // One organisation, one actor: the largest Finnish actors.
    let oulu = actors
        .values()
        .find(|a| a["name"] == "Oulun yliopisto")
        .expect("the University of Oulu by its Finnish name");
    let aliases = oulu["aliases"].to_string();
    assert!(aliases.contains("University of Oulu") && aliases.contains("Oulun Yliopisto"));
    assert_eq!(per[oulu["id"].as_str().unwrap()], 11, "7 + 4 projects");
    let lapland = actors
        .values()
        .find(|a| a["name"] == "Lapin ammattikorkeakoulu Oy")
        .unwrap();
    assert!(lapland["aliases"]
        .to_string()
        .contains("Lapland University of Applied Sciences"));
    let tartu: Vec<_> = actors
        .values()
        .filter(|a| {
            a["name"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case("University of Tartu")
        })
        .collect();
    assert_eq!(
        tartu.len(),
        1,
        "UNIVERSITY OF TARTU is the University of Tartu"
    );
    let mut top: Vec<(usize, &str)> = per
        .iter()
        .filter(|(id, _)| finnish(id))
        .map(|(id, n)| (*n, actors[id.as_str()]["name"].as_str().unwrap()))
        .collect();
    top.sort_by(|a, b| b.cmp(a));
    // The University of Turku's departments named with it are the
    // university: 11 projects too.
    assert_eq!(top[0], (11, "Turun yliopisto"));
    assert_eq!(top[1], (11, "Oulun yliopisto"));

    // The Partners sheet saved as ';' CSV (mixed line endings) gives the
    // same projects and participations.
    let csv = folder.join("keep_closed_1420_Partnership.csv");
    let c = import(&["import", "keep-eu", csv.to_str().unwrap()]);
    assert_eq!(c["engagements"].as_array().unwrap().len(), 1852);
    let participations: usize = c["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["participants"].as_array().unwrap().len())
        .sum();
    assert_eq!(participations, 8617);

    // The identity review shows the University of Oulu's names as one
    // organisation the import made, and proposes look-alikes; accepted
    // decisions make one actor of a proposal.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.json"), c.to_string()).unwrap();
    let r = run_in(
        dir.path(),
        &["identities", "keep.json", "-f", "csv", "-o", "list.csv"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let list = std::fs::read_to_string(dir.path().join("list.csv")).unwrap();
    let cluster_of = |name: &str| -> String {
        let row = list
            .lines()
            .find(|l| l.split(',').nth(3) == Some(name))
            .unwrap_or_else(|| panic!("{name} is not in the review list"));
        row.split(',').take(3).collect::<Vec<_>>().join(",")
    };
    assert_eq!(
        cluster_of("University of Oulu"),
        cluster_of("Oulun Yliopisto")
    );
    assert!(cluster_of("University of Oulu").contains(",merged,oulun-yliopisto"));
    let toulon = cluster_of("Toulon Var Technologies");
    let number = toulon.split(',').next().unwrap();
    assert_eq!(
        cluster_of("Toulun Var Technologies").split(',').next(),
        Some(number)
    );
    let decided: String = list
        .lines()
        .map(|l| {
            if l.starts_with(&format!("{number},,")) {
                l.replacen(",,", ",merge,", 1) + "\n"
            } else {
                l.to_string() + "\n"
            }
        })
        .collect();
    std::fs::write(dir.path().join("decided.csv"), decided).unwrap();
    let r = run_in(
        dir.path(),
        &[
            "identities",
            "keep.json",
            "--accept",
            "decided.csv",
            "-o",
            "merged.json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let merged: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("merged.json")).unwrap())
            .unwrap();
    assert_eq!(
        merged["actors"].as_array().unwrap().len() + 1,
        c["actors"].as_array().unwrap().len()
    );
    let (per, _) = counts(&merged);
    assert_eq!(per["toulon-var-technologies"], 4, "3 + 1 projects");
}

/// The Interreg 2021–27 Swedish partners and the URBACT networks, through
/// the mapping files shipped in `mappings/`: 585 projects keyed by
/// programme and name, Luleå University of Technology in 55 of them; 172
/// URBACT networks of 603 cities, exactly one lead partner each.
pub fn interreg_and_urbact_import_through_their_mappings() {
    let se = folder().join("interreg-2021-2027-se-partners/DERIVED_rawdata.csv");
    let mapping = repo().join("mappings/interreg-2021-2027-se.toml");
    let d = import(&[
        "import",
        "csv",
        se.to_str().unwrap(),
        "--columns",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(d["engagements"].as_array().unwrap().len(), 585);
    let (per, actors) = counts(&d);
    let ltu = actors
        .values()
        .find(|a| a["name"] == "Luleå Tekniska Universitet")
        .unwrap();
    assert_eq!(per[ltu["id"].as_str().unwrap()], 55);
    assert_eq!(ltu["kind"], "university");

    let urbact = folder().join("urbact-city-networks/URBACT_Membership_GNidCorr_complete_V2.csv");
    let mapping = repo().join("mappings/urbact.toml");
    let d = import(&[
        "import",
        "csv",
        urbact.to_str().unwrap(),
        "--columns",
        mapping.to_str().unwrap(),
    ]);
    let networks = d["engagements"].as_array().unwrap();
    assert_eq!(networks.len(), 172);
    assert_eq!(d["actors"].as_array().unwrap().len(), 603);
    for n in networks {
        let leads = n["participants"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["role"] == "coordinator")
            .count();
        assert_eq!(leads, 1, "{}", n["name"]);
        assert_eq!(n["kind"], "network");
    }
}

/// The keep.eu network (6,779 organisations) through `backbone` in every
/// model, with the methods paragraph in each language, and the report of
/// its hypergeometric backbone.
pub fn keep_eu_through_every_backbone_model() {
    let dir = tempfile::tempdir().unwrap();
    let book = folder().join("keep-eu-interreg-2014-2020/keep_closed_1420.xlsx");
    let r = run_in(
        dir.path(),
        &[
            "import",
            "keep-eu",
            book.to_str().unwrap(),
            "-o",
            "keep.json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for model in ["sdsm", "hypergeometric", "disparity"] {
        let r = run_in(
            dir.path(),
            &["backbone", "keep.json", "--model", model, "-f", "csv"],
            None,
        );
        assert_eq!(r.code, 0, "{model}: {}", r.stderr);
        let rows = r.stdout.lines().count() - 1;
        assert!(rows > 30_000, "{model}: {rows} ties");
        assert!(r.stderr.contains("ties kept"), "{}", r.stderr);
        for (lang, word) in [
            ("en", "References"),
            ("fi", "Lähteet"),
            ("sv", "Referenser"),
        ] {
            let r = run_in(
                dir.path(),
                &[
                    "backbone",
                    "keep.json",
                    "--model",
                    model,
                    "--explain",
                    "--lang",
                    lang,
                ],
                None,
            );
            assert_eq!(r.code, 0, "{model} {lang}: {}", r.stderr);
            assert!(r.stdout.contains(word), "{model} {lang}: {}", r.stdout);
        }
    }
    // Of 6,779 organisations in 1,852 projects, a few dozen pairs work
    // together more often than their activity explains.
    let r = run_in(
        dir.path(),
        &[
            "backbone",
            "keep.json",
            "--model",
            "hypergeometric",
            "--kept",
            "-f",
            "csv",
        ],
        None,
    );
    let kept = r.stdout.lines().count() - 1;
    assert!((10..1000).contains(&kept), "{kept}");
    let r = run_in(
        dir.path(),
        &[
            "report",
            "keep.json",
            "--select",
            "backbone:hypergeometric",
            "--lang",
            "fi",
            "--builtin",
            "-o",
            "out",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap();
    assert!(html.contains("Merkitsevät yhteydet") && html.contains("Tumminello"));
    assert!(dir.path().join("out/map.svg").exists());
}
