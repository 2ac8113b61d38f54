//! The importers of real sources on tables written here in their
//! layouts: keep.eu's Partners table and any table through a column
//! mapping, with the traps real exports have.

use crate::util::{dir_with, run_in};
use serde_json::Value;

/// Runs `args` in `dir` writing `out.json`; returns the exit code, the
/// dataset (when written) and standard error.
fn import(dir: &tempfile::TempDir, args: &[&str]) -> (i32, Option<Value>, String) {
    let mut all = args.to_vec();
    all.extend(["-o", "out.json"]);
    let r = run_in(dir.path(), &all, None);
    let out = dir.path().join("out.json");
    let dataset = out.exists().then(|| {
        // What an importer writes, verkosto reads back.
        let check = run_in(dir.path(), &["validate", "out.json"], None);
        assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
    });
    (r.code, dataset, r.stderr)
}

fn actor<'d>(d: &'d Value, name: &str) -> &'d Value {
    d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("no actor {name}: {d:#}"))
}

fn roles(d: &Value, engagement_name: &str) -> Vec<(String, String)> {
    let e = d["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == engagement_name)
        .unwrap_or_else(|| panic!("no engagement {engagement_name}"));
    let names: std::collections::HashMap<&str, &str> = d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["name"].as_str().unwrap()))
        .collect();
    let mut out: Vec<(String, String)> = e["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                names[p["actor"].as_str().unwrap()].to_string(),
                p["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

const PARTNERS: &str = "\
Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;Website;Department;Legal Status;Country code;NUTS1 (or equivalent);NUTS2 (or equivalent);NUTS3 (or equivalent)\r
2014 - 2020 INTERREG V-A Nord;ARCTIC@SEA;University of Oulu;Yes;;;Oulu;Finland;;Faculty of Technology;public;FI;FI1;FI1D;FI1D9\r
2014 - 2020 INTERREG V-A Nord;ARCTIC@SEA;Luleå tekniska universitet;Yes;;;Luleå;SWEDEN;;;public;SE;SE3;SE33;SE332\r
2014 - 2020 INTERREG V-A Nord;ARCTIC@SEA;City of Tromsø;No;;;Tromsø;Norway;;;public;NO;;;\n\
2014 - 2020 INTERREG Baltic Sea Region;BALTIC;Oulun Yliopisto, Kerttu Saalasti -instituutti;No;;;Oulu;Finland;;;public;FI;;;\n\
2014 - 2020 INTERREG Baltic Sea Region;BALTIC;UNIVERSITY OF TARTU;Yes;;;Tartu;ESTONIA;;;public;EE;;;\n\
2014 - 2020 INTERREG Baltic Sea Region;BALTIC;University of Tartu;No;;;Tartu;Estonia;;;public;EE;;;\n\
2014 - 2020 INTERREG Baltic Sea Region;BALTIC;Regional Council of Lapland;No;;;Rovaniemi;Finland;;;public;FI;;;\n\
2014 - 2020 INTERREG Baltic Sea Region;BALTIC;Tartu Science Park;No;;;Tartu;Estonia;;;private;EE;;;\n\
2014 - 2020 INTERREG Central Baltic;GREEN;Tartu Science Park;Yes;;;Tartu;Latvia;;;private;LV;;;\n\
2014 - 2020 INTERREG Central Baltic;GREEN;;No;;;;Finland;;;n/a;FI;;;\n";

/// keep.eu's Partners table: projects by programme and acronym (an
/// acronym with an @ kept), two lead partners two coordinators, one
/// university under its English and its Finnish name (and a unit of it
/// as an attribute, from the department column or from the name), names
/// differing only in case one actor, the same
/// name in two countries two actors, a row without an organisation left
/// out with a note, the regional council by its English name.
#[test]
fn keep_eu_partners_in_their_layout() {
    let dir = dir_with(&[("partners.csv", PARTNERS)]);
    let (code, d, stderr) = import(&dir, &["import", "keep-eu", "partners.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let d = d.unwrap();
    assert_eq!(d["engagements"].as_array().unwrap().len(), 3);
    assert_eq!(
        roles(&d, "2014 - 2020 INTERREG V-A Nord / ARCTIC@SEA"),
        [
            ("City of Tromsø".to_string(), "partner".to_string()),
            ("Luleå tekniska universitet".into(), "coordinator".into()),
            ("Oulun yliopisto".into(), "coordinator".into()),
        ]
    );
    let oulu = actor(&d, "Oulun yliopisto");
    assert_eq!(oulu["kind"], "university");
    let aliases = oulu["aliases"].to_string();
    assert!(aliases.contains("University of Oulu") && aliases.contains("Oulun Yliopisto"));
    let units = oulu["attributes"]["units"].as_str().unwrap();
    assert!(
        units.contains("Faculty of Technology") && units.contains("Kerttu Saalasti -instituutti"),
        "a unit in the department column or named after its university: {units}"
    );
    let tartu = actor(&d, "University of Tartu");
    assert_eq!(tartu["attributes"]["country"], "Estonia");
    assert_eq!(
        roles(&d, "2014 - 2020 INTERREG Baltic Sea Region / BALTIC")
            .iter()
            .filter(|(n, _)| n == "University of Tartu")
            .map(|(_, r)| r.as_str())
            .collect::<Vec<_>>(),
        ["coordinator"],
        "one actor, its strongest role"
    );
    assert_eq!(actor(&d, "Lapin liitto")["kind"], "regional_council");
    let parks = d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["name"] == "Tartu Science Park")
        .count();
    assert_eq!(parks, 2, "Estonia and Latvia");
    assert!(stderr.contains("no organisation named"), "{stderr}");
    assert!(stderr.contains("partners.csv:11"), "{stderr}");
}

const MAPPING: &str = r#"
[engagement]
key = ["Hanke"]
name = "Nimi"
start = "Alku"
end = "Loppu"
funding = "Tuki"

[actor]
name = "Organisaatio"
keys = ["Y-tunnus"]
kind = "Tyyppi"

[role]
column = "Rooli"
values = { Toteuttaja = "coordinator" }
"#;

const TABLE: &str = "\
Hanke;Nimi;Alku;Loppu;Tuki;Organisaatio;Y-tunnus;Tyyppi;Rooli\n\
A1;Kasvu;1.1.2020;31.12.2021;609.360 €;Puuinfo Oy;1234567-8;yritys;Toteuttaja\n\
A1;Kasvu;1.1.2020;31.12.2021;609.360 €;Kokkolan kaupunki;;kunta;osatoteuttaja\n\
A1;Kasvu;1.1.2020;31.12.2021;609.360 €;Pohjanmaan ELY-keskus;;viranomainen;rahoittaja\n\
B2;Verkko;2021-03-01;2022-02-28;245 300,50;Puuinfo Oy;7654321-0;yritys;kumppani\n\
B2;Verkko;2021-03-01;2022-02-28;245 300,50;Kokkolan Kaupunki;;kunta;Kumppani\n";

/// Any table through a column mapping: Finnish role and kind words, dates
/// in d.m.yyyy and ISO, amounts in Finnish styles, a registry number that
/// keeps two organisations of one name apart, a name's case that does not.
#[test]
fn a_table_through_its_column_mapping() {
    let dir = dir_with(&[("hankkeet.csv", TABLE), ("mapping.toml", MAPPING)]);
    let (code, d, stderr) = import(
        &dir,
        &["import", "csv", "hankkeet.csv", "--columns", "mapping.toml"],
    );
    assert_eq!(code, 0, "{stderr}");
    let d = d.unwrap();
    let e: Vec<&Value> = d["engagements"].as_array().unwrap().iter().collect();
    assert_eq!(e.len(), 2);
    assert_eq!(e[0]["funding_eur"], 609360.0);
    assert_eq!(e[0]["start"], "2020-01-01");
    assert_eq!(e[1]["funding_eur"], 245300.5);
    assert_eq!(e[1]["end"], "2022-02-28");
    assert_eq!(
        roles(&d, "Kasvu"),
        [
            ("Kokkolan kaupunki".to_string(), "implementer".to_string()),
            (
                "Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus".into(),
                "funder".into(),
            ),
            ("Puuinfo Oy".into(), "coordinator".into()),
        ]
    );
    let puuinfo: Vec<&Value> = d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["name"] == "Puuinfo Oy")
        .collect();
    assert_eq!(puuinfo.len(), 2, "two business ids are two organisations");
    assert!(puuinfo.iter().all(|a| a["kind"] == "firm"));
    let kokkola: Vec<&Value> = d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["name"].as_str().unwrap().to_lowercase() == "kokkolan kaupunki")
        .collect();
    assert_eq!(kokkola.len(), 1);
    assert_eq!(kokkola[0]["kind"], "municipality");
    // The source rows are kept.
    assert!(e[0]["attributes"]["source"]
        .as_str()
        .unwrap()
        .contains("rows 2, 3, 4"));
}

/// A role value neither mapped nor a role word, and a column the mapping
/// names that the table lacks, are refused with their places; nothing is
/// written.
#[test]
fn a_mapping_refuses_what_it_cannot_read_and_writes_nothing() {
    let table = TABLE.replace("kumppani\n", "sponsori\n");
    let dir = dir_with(&[("hankkeet.csv", &table), ("mapping.toml", MAPPING)]);
    let (code, d, stderr) = import(
        &dir,
        &["import", "csv", "hankkeet.csv", "--columns", "mapping.toml"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(d.is_none());
    assert!(stderr.contains("hankkeet.csv:5:9 (Rooli)"), "{stderr}");
    assert!(stderr.contains("\"sponsori\" is not a role"), "{stderr}");

    let mapping = MAPPING.replace("name = \"Nimi\"", "name = \"Hankkeen nimi\"");
    let dir = dir_with(&[("hankkeet.csv", TABLE), ("mapping.toml", &mapping)]);
    let (code, d, stderr) = import(
        &dir,
        &["import", "csv", "hankkeet.csv", "--columns", "mapping.toml"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(d.is_none());
    assert!(stderr.contains("no column Hankkeen nimi"), "{stderr}");

    let dir = dir_with(&[
        ("hankkeet.csv", TABLE),
        ("mapping.toml", "[engagement]\nkey = 3\n"),
    ]);
    let (code, _, stderr) = import(
        &dir,
        &["import", "csv", "hankkeet.csv", "--columns", "mapping.toml"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("mapping.toml"), "{stderr}");
    assert!(stderr.contains("not a column mapping"), "{stderr}");
}

/// Defects of the CSV importer, each fixed: the same date written
/// `1.1.2020` on every row of an engagement is one date (values compared,
/// not spellings); a file with Windows line ends names the line an editor
/// shows; Finnish and Swedish role and kind words are read, and a word
/// that stays unknown is refused.
#[test]
fn csv_import_defects_found_on_real_tables() {
    let actors = "id,name,kind\r\nkokkola,Kokkolan kaupunki,kunta\r\nely,Pohjanmaan ELY-keskus,viranomainen\r\nnovia,Yrkeshögskolan Novia,yrkeshögskola\r\n";
    let participation = "engagement_id,actor_id,engagement_name,start,role\r\np,kokkola,Kasvu,1.1.2020,toteuttaja\r\np,ely,Kasvu,1.1.2020,rahoittaja\r\np,novia,Kasvu,01.01.2020,delgenomförare\r\n";
    let dir = dir_with(&[("actors.csv", actors), ("participation.csv", participation)]);
    let (code, d, stderr) = import(
        &dir,
        &[
            "import",
            "csv",
            "--actors",
            "actors.csv",
            "--participation",
            "participation.csv",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let d = d.unwrap();
    assert_eq!(d["engagements"][0]["start"], "2020-01-01");
    assert_eq!(
        roles(&d, "Kasvu"),
        [
            ("Kokkolan kaupunki".to_string(), "implementer".to_string()),
            ("Pohjanmaan ELY-keskus".into(), "funder".into()),
            ("Yrkeshögskolan Novia".into(), "implementer".into()),
        ]
    );
    assert_eq!(actor(&d, "Kokkolan kaupunki")["kind"], "municipality");
    assert_eq!(actor(&d, "Pohjanmaan ELY-keskus")["kind"], "authority");
    assert_eq!(
        actor(&d, "Yrkeshögskolan Novia")["kind"],
        "university_of_applied_sciences"
    );

    // An unknown role on the fourth line of a CRLF file: named there.
    let bad = format!("{participation}p,novia,Kasvu,1.1.2020,sponsori\r\n");
    let dir = dir_with(&[("actors.csv", actors), ("participation.csv", &bad)]);
    let (code, d, stderr) = import(
        &dir,
        &[
            "import",
            "csv",
            "--actors",
            "actors.csv",
            "--participation",
            "participation.csv",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(d.is_none());
    assert!(stderr.contains("participation.csv:5:5 (role)"), "{stderr}");
    assert!(stderr.contains("\"sponsori\" is not a role"), "{stderr}");
    let unknown_kind = actors.replace("yrkeshögskola", "avaruusasema");
    let dir = dir_with(&[
        ("actors.csv", &unknown_kind),
        ("participation.csv", participation),
    ]);
    let (code, _, stderr) = import(
        &dir,
        &[
            "import",
            "csv",
            "--actors",
            "actors.csv",
            "--participation",
            "participation.csv",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("actors.csv:4:3 (kind)"), "{stderr}");
}

/// Adding a table whose rows leave an engagement's name empty to a dataset
/// that names it keeps the name: an empty cell never overrides a value.
#[test]
fn an_empty_name_never_renames_a_project() {
    let dataset = r#"{"name": "d",
      "actors": [{"id": "a", "name": "A", "kind": "firm"}, {"id": "b", "name": "B", "kind": "firm"}],
      "engagements": [{"id": "S21303", "name": "Vähähiilinen Keski-Pohjanmaa", "kind": "project",
        "participants": [{"actor": "a", "role": "coordinator"}]}]}"#;
    let actors = "id,name,kind\nb,B,firm\n";
    let participation = "engagement_id,actor_id,role\nS21303,b,partner\n";
    let dir = dir_with(&[
        ("d.json", dataset),
        ("actors.csv", actors),
        ("participation.csv", participation),
    ]);
    let (code, d, stderr) = import(
        &dir,
        &[
            "import",
            "csv",
            "--actors",
            "actors.csv",
            "--participation",
            "participation.csv",
            "--into",
            "d.json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let d = d.unwrap();
    let project = &d["engagements"][0];
    assert_eq!(project["name"], "Vähähiilinen Keski-Pohjanmaa");
    assert_eq!(project["participants"].as_array().unwrap().len(), 2);
}

const CORDIS_PROJECTS: &str = "id;acronym;status;title;startDate;endDate;totalCost;ecMaxContribution;legalBasis;topics;ecSignatureDate;frameworkProgramme;masterCall;subCall;fundingScheme;nature;objective;contentUpdateDate;rcn;grantDoi
101000001;ARCTICWOOD;CLOSED;\"Wood; timber and the north\";2021-01-01;2023-12-31;2000000,5;1500000;HORIZON.2.6;HORIZON-CL6-2021;2020-11-30;HORIZON;HORIZON-CL6-2021-01;HORIZON-CL6-2021-01;HORIZON-RIA;;\"Two lines
of objective; with a semicolon\";2024-01-01 10:00:00;123456;10.3030/101000001
101000002;BALTICSEA;SIGNED;Clean Baltic;2022-06-01;2025-05-31;900000;900000;HORIZON.2.6;HORIZON-CL6-2022;2022-05-01;HORIZON;HORIZON-CL6-2022-01;HORIZON-CL6-2022-01;HORIZON-CSA;;A short objective;2024-01-01 10:00:00;123457;10.3030/101000002
";

const CORDIS_ORGANIZATIONS: &str = "projectID;projectAcronym;organisationID;vatNumber;name;shortName;SME;activityType;street;postCode;city;country;nutsCode;geolocation;organizationURL;contactForm;order;role;ecContribution;netEcContribution;totalCost;endOfParticipation;active
101000001;ARCTICWOOD;999999001;FI01234567;OULUN YLIOPISTO;OY;false;HES;Pentti Kaiteran katu 1;90570;OULU;FI;FI1D9;65,0,25,4;http://www.oulu.fi;;1;coordinator;800000;800000;1000000,5;false;true
101000001;ARCTICWOOD;999999002;SE5560000001;LULEA TEKNISKA UNIVERSITET;LTU;false;HES;;97187;LULEA;SE;SE332;;;;2;participant;500000;500000;700000;false;true
101000001;ARCTICWOOD;999999003;;PUUINFO OY;;true;PRC;;;ESPOO;FI;FI1B1;;;;3;thirdParty;200000;200000;300000;false;true
101000002;BALTICSEA;999999001;FI01234567;University of Oulu;;false;HES;;;OULU;FI;FI1D9;;;;1;participant;300000;300000;300000;false;true
101000002;BALTICSEA;999999004;;SUOMEN YMPARISTOKESKUS;SYKE;false;REC;;;HELSINKI;FI;FI1B1;;;;2;coordinator;600000;600000;600000;false;true
101000002;BALTICSEA;999999005;;PUUINFO OY;;true;PRC;;;TURKU;FI;FI1C1;;;;3;associatedPartner;;;;false;true
";

/// CORDIS in its published layout (quoted fields holding `;` and line
/// breaks): projects by id with their titles, dates and EC maximum; roles
/// coordinator / participant / thirdParty / associatedPartner; the PIC as
/// identity key (one University of Oulu under two spellings, two PUUINFO
/// OY with two PICs kept apart); activity types as kinds; each
/// participant's EC contribution kept.
#[test]
fn cordis_in_its_published_layout() {
    let dir = dir_with(&[
        ("project.csv", CORDIS_PROJECTS),
        ("organization.csv", CORDIS_ORGANIZATIONS),
    ]);
    let (code, d, stderr) = import(
        &dir,
        &[
            "import",
            "cordis",
            "--projects",
            "project.csv",
            "--organizations",
            "organization.csv",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let d = d.unwrap();
    let engagements = d["engagements"].as_array().unwrap();
    assert_eq!(engagements.len(), 2);
    let wood = engagements
        .iter()
        .find(|e| e["name"] == "Wood; timber and the north")
        .unwrap();
    assert_eq!(wood["start"], "2021-01-01");
    assert_eq!(wood["funding_eur"], 1500000.0);
    assert!(wood["attributes"]["objective"]
        .as_str()
        .unwrap()
        .contains("with a semicolon"));
    let oulu = actor(&d, "Oulun yliopisto");
    assert_eq!(oulu["kind"], "university");
    assert_eq!(oulu["business_id"], "999999001");
    let oulu_id = oulu["id"].as_str().unwrap();
    assert_eq!(wood["attributes"][format!("amount.{oulu_id}")], 800000.0);
    assert_eq!(
        roles(&d, "Wood; timber and the north"),
        [
            (
                "LULEA TEKNISKA UNIVERSITET".to_string(),
                "partner".to_string()
            ),
            ("Oulun yliopisto".into(), "coordinator".into()),
            ("PUUINFO OY".into(), "partner".into()),
        ]
    );
    let puuinfo = d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["name"] == "PUUINFO OY")
        .count();
    assert_eq!(puuinfo, 2, "two PICs, two organisations");
    assert_eq!(
        actor(&d, "Suomen ympäristökeskus")["kind"],
        "research_institute"
    );
    assert_eq!(
        roles(&d, "Clean Baltic")
            .iter()
            .filter(|(_, r)| r == "coordinator")
            .count(),
        1
    );
}

const TO_REVIEW: &str = r#"{"name": "review",
  "actors": [
    {"id": "uo", "name": "University of Oulu", "kind": "university", "attributes": {"country": "Finland"}},
    {"id": "oy", "name": "Oulun Yliopisto", "kind": "university", "attributes": {"country": "Finland"}},
    {"id": "pbn", "name": "Pannon Business Network Association", "kind": "association", "attributes": {"country": "Hungary"}},
    {"id": "pbn2", "name": "Pannonian Business Network Association", "kind": "association", "attributes": {"country": "Hungary"}},
    {"id": "sp-ee", "name": "Tartu Science Park", "kind": "firm", "attributes": {"country": "Estonia"}},
    {"id": "sp-lv", "name": "Tartu Science Park", "kind": "firm", "attributes": {"country": "Latvia"}},
    {"id": "f1", "name": "Puuinfo Oy", "kind": "firm", "business_id": "1234567-8"},
    {"id": "f2", "name": "Puuinfo Oy", "kind": "firm", "business_id": "7654321-0"}
  ],
  "engagements": [
    {"id": "p1", "name": "P1", "participants": [{"actor": "uo", "role": "coordinator"}, {"actor": "pbn"}, {"actor": "sp-ee"}, {"actor": "f1"}]},
    {"id": "p2", "name": "P2", "participants": [{"actor": "oy", "role": "partner"}, {"actor": "pbn2"}, {"actor": "sp-lv"}, {"actor": "f2"}, {"actor": "uo", "role": "partner"}]}
  ]}"#;

/// `identities` proposes the University of Oulu under its English and
/// Finnish names (register) and two nearly alike names in one country,
/// with evidence; never two registry numbers or two countries. The
/// reviewed list, `merge` written in its decision column, makes them one
/// actor, the same way every time.
#[test]
fn identities_for_review_and_decisions_applied() {
    let dir = dir_with(&[("d.json", TO_REVIEW)]);
    let r = run_in(
        dir.path(),
        &["identities", "d.json", "-f", "csv", "-o", "list.csv"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let list = std::fs::read_to_string(dir.path().join("list.csv")).unwrap();
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(
        lines[0],
        "cluster,decision,id,name,country,engagements,joined,evidence"
    );
    assert_eq!(lines.len(), 5, "two clusters of two: {list}");
    assert!(
        list.contains("both names of Oulun yliopisto (register)"),
        "{list}"
    );
    assert!(list.contains("% alike"), "{list}");
    for apart in ["sp-ee", "f1", "f2"] {
        assert!(!list.contains(&format!(",{apart},")), "{apart}: {list}");
    }
    // Merge the university, keep the two associations apart.
    let oulu_cluster = lines
        .iter()
        .find(|l| l.contains(",uo,"))
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let reviewed: String = lines
        .iter()
        .map(|l| {
            if l.starts_with(&format!("{oulu_cluster},,")) {
                l.replacen(",,", ",merge,", 1)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.path().join("reviewed.csv"), reviewed).unwrap();
    for out in ["a.json", "b.json"] {
        let r = run_in(
            dir.path(),
            &[
                "identities",
                "d.json",
                "--accept",
                "reviewed.csv",
                "-o",
                out,
            ],
            None,
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let a = std::fs::read(dir.path().join("a.json")).unwrap();
    assert_eq!(a, std::fs::read(dir.path().join("b.json")).unwrap());
    let d: Value = serde_json::from_slice(&a).unwrap();
    assert_eq!(d["actors"].as_array().unwrap().len(), 7);
    let oulu = actor(&d, "Oulun Yliopisto");
    assert!(oulu["aliases"].to_string().contains("University of Oulu"));
    assert_eq!(
        roles(&d, "P2")
            .iter()
            .filter(|(n, _)| n == "Oulun Yliopisto")
            .count(),
        1,
        "one participation, the stronger role"
    );
    let check = run_in(dir.path(), &["validate", "a.json"], None);
    assert_eq!(check.code, 0, "{}", check.stdout);

    // Two registry numbers are never merged, even when asked.
    std::fs::write(
        dir.path().join("wrong.csv"),
        "cluster,decision,id\n1,merge,f1\n1,merge,f2\n",
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &[
            "identities",
            "d.json",
            "--accept",
            "wrong.csv",
            "-o",
            "c.json",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("different business ids"), "{}", r.stderr);
    assert!(!dir.path().join("c.json").exists());
}

/// Imports description documents `files` (name, text) and returns the
/// dataset and standard error.
fn descriptions(files: &[(&str, &str)]) -> (Value, String) {
    let dir = dir_with(files);
    let mut args = vec!["import", "descriptions"];
    args.extend(files.iter().map(|(n, _)| *n));
    let (code, d, stderr) = import(&dir, &args);
    assert_eq!(code, 0, "{stderr}");
    (d.unwrap(), stderr)
}

/// Project documents in the layouts real ones have, in our own words:
/// a EURA 2014 page with its list of co-implementers (`Name, Y-tunnus`
/// lines, a name with a comma in it), a EURA 2021 page, a Swedish and an
/// English page, and a decision printed to text whose code has no label.
#[test]
fn descriptions_in_real_layouts() {
    let eura2014 = "Hankekoodi: S21399\nHankkeen nimi: Kasvun polut\nVastuuviranomainen: Keski-Suomen liitto\nHakijan virallinen nimi: Jyväskylän ammattikorkeakoulu Oy\nY-tunnus: 1006727-0\n\nOsatoteuttajat\nKokkolan yliopistokeskus Chydenius, Jyväskylän yliopisto, 0245894-7\nHumanistinen ammattikorkeakoulu Oy, 2129916-9\nmuita osatoteuttajia ei ole\n";
    let eura2021 = "Hankkeen nimi: Vihreä siirtymä Pohjanmaalla\nHankekoodi: A80123\nHankkeen toteuttaja: Vaasan yliopisto\nRahoittava viranomainen: Pohjanmaan liitto\nToteutusaika: 1.1.2024–31.8.2026\n";
    let swedish = "Projektnamn: Hållbar skärgård\nProjektkod: S30555\nProjektägare: Åbo Akademi\nAnsvarig myndighet: Egentliga Finlands förbund\nGenomförandetid: 1.3.2023 - 28.2.2025\n\nDelgenomförare\nYrkeshögskolan Novia, 2088766-0\n";
    let english = "Project name: Arctic Bridges\nProject code: S31234\nLead partner: University of Lapland\nManaging Authority: Regional Council of Lapland\nProject duration: 1.9.2022 – 31.8.2024\n\nProject partners\nLapland University of Applied Sciences, 2491643-2\n";
    let decision = "PÄÄTÖS 12.5.2023 A79999 Tuensaajat Oulun ammattikorkeakoulu Oy Y-tunnus: 2472908-2 Kajaanin ammattikorkeakoulu Oy Y-tunnus: 1720910-5\nHankkeen nimi: Pohjoisen osaajat\nRahoittava viranomainen: Pohjois-Pohjanmaan liitto\n";
    let (d, stderr) = descriptions(&[
        ("eura2014.txt", eura2014),
        ("eura2021.txt", eura2021),
        ("swedish.txt", swedish),
        ("english.txt", english),
        ("decision.txt", decision),
    ]);
    assert_eq!(
        roles(&d, "Kasvun polut"),
        [
            (
                "Humanistinen ammattikorkeakoulu Oy".to_string(),
                "implementer".to_string()
            ),
            (
                "Jyväskylän ammattikorkeakoulu Oy".into(),
                "coordinator".into()
            ),
            ("Keski-Suomen liitto".into(), "authority".into()),
            (
                "Kokkolan yliopistokeskus Chydenius, Jyväskylän yliopisto".into(),
                "implementer".into()
            ),
        ]
    );
    let green = d["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Vihreä siirtymä Pohjanmaalla")
        .unwrap();
    assert_eq!(
        (green["start"].as_str(), green["end"].as_str()),
        (Some("2024-01-01"), Some("2026-08-31"))
    );
    assert_eq!(
        roles(&d, "Vihreä siirtymä Pohjanmaalla"),
        [
            ("Pohjanmaan liitto".to_string(), "authority".to_string()),
            ("Vaasan yliopisto".into(), "coordinator".into()),
        ]
    );
    let skargard = roles(&d, "Hållbar skärgård");
    assert!(
        skargard.contains(&("Åbo Akademi".into(), "coordinator".into())),
        "{skargard:?}"
    );
    assert!(
        skargard
            .iter()
            .any(|(n, r)| n.contains("Novia") && r == "implementer"),
        "{skargard:?}"
    );
    assert!(
        skargard.iter().any(|(_, r)| r == "authority"),
        "{skargard:?}"
    );
    let arctic = roles(&d, "Arctic Bridges");
    assert!(
        arctic
            .iter()
            .any(|(n, r)| n.contains("Lap") && r == "coordinator"),
        "{arctic:?}"
    );
    assert!(arctic.iter().any(|(_, r)| r == "authority"), "{arctic:?}");
    assert!(arctic.iter().any(|(_, r)| r == "partner"), "{arctic:?}");
    let north = d["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Pohjoisen osaajat")
        .unwrap();
    assert_eq!(north["id"], "A79999", "the code read without its label");
    assert_eq!(
        roles(&d, "Pohjoisen osaajat"),
        [
            (
                "Kajaanin ammattikorkeakoulu Oy".to_string(),
                "implementer".to_string()
            ),
            ("Oulun ammattikorkeakoulu Oy".into(), "coordinator".into()),
            ("Pohjois-Pohjanmaan liitto".into(), "authority".into()),
        ]
    );
    assert!(stderr.contains("read without its label"), "{stderr}");
}

/// A document with neither a code nor a name is imported, named after its
/// file, with a note; it is never refused for that alone.
#[test]
fn a_document_without_a_code_is_imported_with_a_note() {
    let text = "Hankkeessa kehitetään matkailua.\nHakijan virallinen nimi: Kajaanin ammattikorkeakoulu Oy\n";
    let (d, stderr) = descriptions(&[("matkailuhanke.txt", text)]);
    assert_eq!(d["engagements"][0]["name"], "matkailuhanke");
    assert!(stderr.contains("named after the file"), "{stderr}");
}

/// Humak under three of its names (one with its business id in the list
/// of co-implementers, one in the genitive in running text) is one actor
/// under the register's name and kind; a partner named only in running
/// text in the genitive (`X:n kanssa`) is found in its base form.
#[test]
fn one_university_of_applied_sciences_under_its_names() {
    let text = "Hankekoodi: S21398\nHankkeen nimi: Nuoret toimijoiksi\nHakijan virallinen nimi: Suomen Humanistinen Ammattikorkeakoulu Oy\nY-tunnus: 2129916-9\n\nOsatoteuttajat\nHumanistinen ammattikorkeakoulu Oy, 2129916-9\nItä-Suomen 4H-piiri ry, 0123456-7\n\nKuvaus\nHanke toimii Pohjois-Karjalassa.\nHanketta toteutetaan Humanistisen ammattikorkeakoulun ja Itä-Suomen 4H-liiton kanssa.\n";
    let (d, _) = descriptions(&[("humak.txt", text)]);
    // Humak again in the genitive, and a partner named only there:
    // "X:n kanssa", together with X.
    let actors = d["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 3, "{d:#}");
    assert_eq!(actor(&d, "Itä-Suomen 4H-liitto")["kind"], "association");
    // The region the text says the project works in.
    assert_eq!(
        d["engagements"][0]["attributes"]["target_regions"],
        "Pohjois-Karjala"
    );
    let humak = actor(&d, "Humanistinen ammattikorkeakoulu Oy");
    assert_eq!(humak["kind"], "university_of_applied_sciences");
    assert_eq!(humak["business_id"], "2129916-9");
    assert_eq!(
        roles(&d, "Nuoret toimijoiksi"),
        [
            (
                "Humanistinen ammattikorkeakoulu Oy".to_string(),
                "coordinator".to_string()
            ),
            ("Itä-Suomen 4H-liitto".into(), "implementer".into()),
            ("Itä-Suomen 4H-piiri ry".into(), "implementer".into()),
        ]
    );
}
