//! CSV as people have it: Excel's Finnish exports in, Excel-ready CSV out.

use crate::util::{repo, run, run_in};

/// A semicolon, CRLF, Windows-1252 twin with Finnish dates (1.9.2021,
/// 01.02.2022) and amounts (310 000,50; 1 234,25 with a no-break space)
/// imports to the same dataset as its UTF-8 comma twin, saying what it
/// detected.
#[test]
fn finnish_excel_csv_imports_like_its_utf8_twin() {
    let import = |dir: &str| {
        run(&[
            "import",
            "csv",
            "--actors",
            &format!("tests/fixtures/{dir}/actors.csv"),
            "--participation",
            &format!("tests/fixtures/{dir}/participation.csv"),
            "--name",
            "twins",
        ])
    };
    let excel = import("csv-excel");
    let utf8 = import("csv-utf8");
    assert_eq!(excel.code, 0, "{}", excel.stderr);
    assert_eq!(utf8.code, 0, "{}", utf8.stderr);
    assert_eq!(excel.stdout, utf8.stdout);
    assert!(excel.stdout.contains("Järvi-Pohjanmaan") && excel.stdout.contains("310000.5"));
    assert!(
        excel.stderr.contains("read as Windows-1252"),
        "{}",
        excel.stderr
    );
    assert!(
        excel.stderr.contains("separated by \";\""),
        "{}",
        excel.stderr
    );
    assert!(utf8.stderr.is_empty(), "{}", utf8.stderr);
}

#[test]
fn a_wrong_separator_gets_a_hint_and_bad_values_their_place() {
    let r = run(&[
        "import",
        "csv",
        "--actors",
        "tests/fixtures/csv-excel/actors.csv",
        "--delimiter",
        ",",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("set the delimiter to ;"), "{}", r.stderr);
    let dir = crate::util::dir_with(&[
        ("actors.csv", "id;name\na;A\n"),
        (
            "participation.csv",
            "engagement_id;start;funding_eur;actor_id\nP;31.2.2021;12,5,0;a\n",
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
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("participation.csv:2:2 (start)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("participation.csv:2:3 (funding_eur)"),
        "{}",
        r.stderr
    );
    let r = run(&["import", "csv", "--actors", "x.csv", "--encoding", "ebcdic"]);
    assert_eq!(r.code, 2);
}

/// `export --to csv --excel`: byte-order mark, `;`, CRLF and decimal
/// commas, as Finnish Excel opens a double-clicked file.
#[test]
fn excel_csv_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("excel");
    let r = run_in(
        &repo(),
        &[
            "export",
            "graphs/finland-regional.json",
            "--to",
            "csv",
            "--excel",
            "--weight",
            "newman",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ties = std::fs::read(out.join("ties.csv")).unwrap();
    assert!(ties.starts_with("\u{feff}source;target;weight".as_bytes()));
    let text = String::from_utf8(ties).unwrap();
    assert!(text.contains("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let weights: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[2].to_string())
        .collect();
    assert!(
        weights.iter().any(|w| w.contains(',')),
        "decimal commas: {weights:?}"
    );
    assert!(weights.iter().all(|w| !w.contains('.')), "{weights:?}");
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    assert!(nodes.contains("Työ- ja elinkeinoministeriö"));

    let r = run(&[
        "export",
        "graphs/finland-regional.json",
        "--to",
        "gexf",
        "--excel",
        "-o",
        "x.gexf",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn personal_data_is_taken_out_of_every_imported_value_and_the_rows_stay() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("actors.csv"),
        "id,name,aliases,contact\na,Firma Oy,Firma (maija(at)alpha.fi);FOy,Yhteyshenkilö Matti Meikäläinen\nb,Beta Oy maija [at] beta.fi,,\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("part.csv"),
        "engagement_id,engagement_name,actor_id,role\np,Proj maija@x.fi,a,coordinator\np,Proj maija@x.fi,b,partner\n",
    )
    .unwrap();
    let r = crate::util::run_in(
        dir.path(),
        &[
            "import",
            "csv",
            "--actors",
            "actors.csv",
            "--participation",
            "part.csv",
            "-o",
            "out.json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    for leaked in ["maija", "Matti", "Meikäläinen", "alpha.fi", "x.fi"] {
        assert!(!out.contains(leaked), "{leaked} in {out}");
        assert!(!r.stderr.contains(leaked), "{leaked} in {}", r.stderr);
    }
    let dataset: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        dataset["actors"].as_array().unwrap().len(),
        2,
        "both organisations kept"
    );
    assert_eq!(dataset["actors"][1]["name"], "Beta Oy");
    assert_eq!(dataset["engagements"][0]["name"], "Proj");
    assert_eq!(
        dataset["engagements"][0]["participants"][0]["role"],
        "coordinator"
    );
    assert!(
        r.stderr.contains("actors.csv:2:3 (aliases): personal data"),
        "{}",
        r.stderr
    );
}
