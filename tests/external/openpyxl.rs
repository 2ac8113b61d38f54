//! Workbooks written by `export --to xlsx` and `-f xlsx`, read by Python's
//! openpyxl (what Excel-minded scripts use) and by `import xlsx`.

use crate::util::{repo, run_in};

use serde_json::Value;
use std::path::{Path, PathBuf};

/// A Python with openpyxl.
pub fn python_with_openpyxl() -> Option<PathBuf> {
    crate::networkx::python_with("openpyxl")
}

fn read_book(book: &Path) -> Value {
    let python = python_with_openpyxl().expect("checked by the harness");
    crate::networkx::run_script(&python, "tests/roundtrip/read_xlsx.py", book)
}

fn column(sheet: &Value, name: &str) -> usize {
    sheet["header"]
        .as_array()
        .unwrap()
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

pub fn openpyxl_reads_the_exported_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("seed.xlsx");
    let seed = "graphs/finland-regional.json";
    let r = run_in(
        &repo(),
        &[
            "export",
            seed,
            "--to",
            "xlsx",
            "--with-metrics",
            "-o",
            book.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dataset: Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join(seed)).unwrap()).unwrap();
    let sheets = read_book(&book);
    for name in [
        "actors",
        "engagements",
        "participation",
        "ties",
        "network_nodes",
        "network_ties",
    ] {
        let sheet = &sheets[name];
        assert_eq!(sheet["freeze"], "A2", "{name}: header row frozen");
        assert!(
            sheet["autofilter"]
                .as_str()
                .is_some_and(|r| r.starts_with("A1:")),
            "{name}"
        );
        assert_eq!(sheet["formulas"], 0, "{name}: no formulas");
    }
    // Actors: the same ids, names, kinds and aliases, in order.
    let actors = &sheets["actors"];
    let rows = actors["rows"].as_array().unwrap();
    let want = dataset["actors"].as_array().unwrap();
    assert_eq!(rows.len(), want.len());
    for (row, actor) in rows.iter().zip(want) {
        assert_eq!(row[column(actors, "id")], actor["id"]);
        assert_eq!(row[column(actors, "name")], actor["name"]);
        assert_eq!(row[column(actors, "kind")], actor["kind"]);
        let aliases: Vec<&str> = actor["aliases"]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap()).collect())
            .unwrap_or_default();
        let cell = row[column(actors, "aliases")].as_str().unwrap_or("");
        assert_eq!(cell, aliases.join("; "));
    }
    // Engagements: dates are dates and funding a number, equal to the JSON.
    let engagements = &sheets["engagements"];
    let (start, funding) = (
        column(engagements, "start"),
        column(engagements, "funding_eur"),
    );
    for (i, (row, e)) in engagements["rows"]
        .as_array()
        .unwrap()
        .iter()
        .zip(dataset["engagements"].as_array().unwrap())
        .enumerate()
    {
        assert_eq!(row[column(engagements, "id")], e["id"]);
        if e["start"].is_string() {
            assert_eq!(row[start], e["start"]);
            assert_eq!(engagements["types"][i][start], "date");
        }
        if let Some(f) = e["funding_eur"].as_f64() {
            assert_eq!(engagements["types"][i][funding], "number");
            assert_eq!(row[funding].as_f64(), Some(f));
        }
    }
    let participations: usize = dataset["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["participants"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        sheets["participation"]["rows"].as_array().unwrap().len(),
        participations
    );
    // Metrics are numeric cells.
    let nodes = &sheets["network_nodes"];
    let degree = column(nodes, "degree");
    assert!(nodes["types"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t[degree] == "number"));

    // import xlsx reads the same dataset back.
    let back = run_in(
        &repo(),
        &[
            "import",
            "xlsx",
            book.to_str().unwrap(),
            "--name",
            dataset["name"].as_str().unwrap(),
        ],
        None,
    );
    assert_eq!(back.code, 0, "{}", back.stderr);
    let back: Value = serde_json::from_str(&back.stdout).unwrap();
    let mut original = dataset.clone();
    let object = original.as_object_mut().unwrap();
    object.remove("description");
    object.remove("notes");
    assert_eq!(
        back, original,
        "export --to xlsx, then import xlsx, gives the dataset"
    );
}

pub fn table_outputs_as_workbooks_keep_types_and_text() {
    let dir = tempfile::tempdir().unwrap();
    // A name that a spreadsheet would run as a formula if written as one.
    let dataset = r#"{"name": "t", "actors": [
        {"id": "a", "name": "=HYPERLINK(\"http://x\",\"y\")", "kind": "firm"},
        {"id": "b", "name": "+1+2", "kind": "firm"},
        {"id": "c", "name": "@SUM(A1)", "kind": "firm"}],
      "engagements": [{"id": "e", "name": "-1", "kind": "project",
        "participants": [{"actor": "a", "role": "partner"}, {"actor": "b", "role": "partner"},
                         {"actor": "c", "role": "partner"}]}]}"#;
    std::fs::write(dir.path().join("d.json"), dataset).unwrap();
    let r = run_in(
        dir.path(),
        &["actors", "d.json", "-f", "xlsx", "-o", "actors.xlsx"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sheets = read_book(&dir.path().join("actors.xlsx"));
    let sheet = &sheets["actors"];
    assert_eq!(sheet["formulas"], 0);
    let names: Vec<&str> = sheet["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[column(sheet, "name")].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"=HYPERLINK(\"http://x\",\"y\")"),
        "{names:?}"
    );
    assert!(names.contains(&"+1+2"));
    let degree = column(sheet, "degree");
    for (row, types) in sheet["rows"]
        .as_array()
        .unwrap()
        .iter()
        .zip(sheet["types"].as_array().unwrap())
    {
        assert_eq!(types[degree], "number");
        assert_eq!(row[degree].as_f64(), Some(2.0));
    }
    // The report's workbook: every table a sheet, the summary's numbers
    // typed.
    let report = dir.path().join("report");
    let r = run_in(
        &repo(),
        &[
            "report",
            "graphs/finland-regional.json",
            "-o",
            report.to_str().unwrap(),
            "--builtin",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let book = read_book(&report.join("tables.xlsx"));
    for sheet in ["summary", "actors", "ties", "communities", "projects"] {
        assert_eq!(book[sheet]["freeze"], "A2", "{sheet}");
    }
    let summary = &book["summary"];
    let row = summary["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r[0] == "actors")
        .unwrap();
    assert_eq!(summary["types"][row][1], "number");
    assert_eq!(summary["rows"][row][1], 27);
    // Without -o a workbook is refused as bad usage.
    let r = run_in(dir.path(), &["actors", "d.json", "-f", "xlsx"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("-o"), "{}", r.stderr);
}

/// The report's workbook of a generated 7,000-actor network, in Finnish:
/// openpyxl opens it, its sheets have Finnish names and headers, and no
/// cell holds more than Excel's 32,767 characters.
pub fn openpyxl_reads_the_report_workbook_of_a_large_network() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("big.json"),
        crate::generated::generated_network(),
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &[
            "report",
            "big.json",
            "--builtin",
            "--lang",
            "fi",
            "-o",
            "out",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sheets = read_book(&dir.path().join("out/tables.xlsx"));
    for name in ["yhteenveto", "toimijat", "yhteydet", "yhteisöt", "hankkeet"] {
        assert!(sheets.get(name).is_some(), "no sheet {name}: {sheets:.200}");
    }
    assert_eq!(sheets["toimijat"]["header"][1], "nimi");
    assert_eq!(sheets["toimijat"]["rows"].as_array().unwrap().len(), 4691);
    for (name, sheet) in sheets.as_object().unwrap() {
        for row in sheet["rows"].as_array().unwrap() {
            for cell in row.as_array().unwrap() {
                if let Some(text) = cell.as_str() {
                    assert!(
                        text.chars().count() <= 32_767,
                        "{name}: a cell of {} characters",
                        text.len()
                    );
                }
            }
        }
    }
}
