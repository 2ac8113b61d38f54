//! Workbooks from strangers: crafted `.xlsx` files (built here, part by
//! part, with the zip crate) that once crashed or silently lost data, and
//! the exact round trip of `export --to xlsx` and `import xlsx`.

use crate::util::{repo, run_in};
use proptest::prelude::*;
use std::io::Write;
use std::path::Path;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

/// A workbook of the given sheets (name, sheet XML `<sheetData>` content)
/// and shared strings.
fn workbook(sheets: &[(&str, String)], shared: &[&str]) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    parts.push(("[Content_Types].xml".into(), CONTENT_TYPES.into()));
    let mut listed = String::new();
    let mut rels = String::new();
    for (i, (name, data)) in sheets.iter().enumerate() {
        listed.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{}" r:id="rId{}"/>"#,
            i + 1,
            i + 1
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{}.xml"/>"#,
            i + 1,
            i + 1
        ));
        parts.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
            )
            .into(),
        ));
    }
    rels.push_str(r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
    parts.push((
        "xl/workbook.xml".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{listed}</sheets></workbook>"#
        )
        .into(),
    ));
    parts.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        )
        .into(),
    ));
    let items: String = shared
        .iter()
        .map(|s| format!("<si><t xml:space=\"preserve\">{s}</t></si>"))
        .collect();
    parts.push((
        "xl/sharedStrings.xml".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{items}</sst>"#,
            shared.len()
        )
        .into(),
    ));
    zip_of(parts)
}

fn zip_of(parts: Vec<(String, Vec<u8>)>) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, bytes) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(&bytes).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// A row of inline-string cells.
fn row(r: u32, cells: &[&str]) -> String {
    let mut out = format!(r#"<row r="{r}">"#);
    for (i, c) in cells.iter().enumerate() {
        let col = (b'A' + i as u8) as char;
        out.push_str(&format!(
            r#"<c r="{col}{r}" t="inlineStr"><is><t>{c}</t></is></c>"#
        ));
    }
    out.push_str("</row>");
    out
}

fn actors_sheet(header: &[&str], rows: &[&[&str]]) -> String {
    let mut data = row(1, header);
    for (i, r) in rows.iter().enumerate() {
        data.push_str(&row(i as u32 + 2, r));
    }
    data
}

/// Runs `import xlsx` on `bytes` under a 4 GB address-space limit when
/// `prlimit` is there, as the reproducers are run.
fn import(bytes: &[u8], extra: &[&str]) -> crate::util::Run {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.xlsx");
    std::fs::write(&book, bytes).unwrap();
    let out = dir.path().join("out.json");
    let mut args = vec![
        "import",
        "xlsx",
        book.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let r = run_limited(dir.path(), &args);
    assert!(
        r.code == 0 || r.code == 1 || r.code == 2,
        "exit {}: {}",
        r.code,
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    if r.code != 0 {
        assert!(!out.exists(), "nothing written when refused");
    }
    r
}

fn run_limited(dir: &Path, args: &[&str]) -> crate::util::Run {
    let prlimit = Path::new("/usr/bin/prlimit");
    if prlimit.exists() {
        let bin = env!("CARGO_BIN_EXE_verkosto");
        let mut full = vec!["--as=4000000000", bin];
        full.extend_from_slice(args);
        let out = std::process::Command::new(prlimit)
            .args(&full)
            .current_dir(dir)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        crate::util::Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    } else {
        run_in(dir, args, None)
    }
}

#[test]
fn a_cell_at_the_far_corner_costs_one_cell() {
    let mut data = actors_sheet(&["id", "name"], &[&["a", "A"]]);
    data.push_str(
        r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#,
    );
    let r = import(&workbook(&[("actors", data)], &[]), &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("XFD"), "{}", r.stderr);
    assert!(r.stderr.contains("no header"), "{}", r.stderr);
}

#[test]
fn a_declared_dimension_and_a_far_empty_cell_do_not_allocate() {
    let mut data = actors_sheet(&["id", "name"], &[&["a", "A"]]);
    data.push_str(r#"<row r="1048576"><c r="XFD1048576"/></row>"#);
    let bytes = workbook(&[("actors", data)], &[]);
    let r = import(&bytes, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    // One cell of 300 MB of text compresses to about 300 kB.
    let mut sheet = Vec::with_capacity(310 << 20);
    sheet.extend_from_slice(br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>"#);
    sheet.resize(sheet.len() + (300 << 20), b'a');
    sheet.extend_from_slice(b"</t></is></c></row></sheetData></worksheet>");
    let mut parts = vec![
        ("[Content_Types].xml".to_string(), CONTENT_TYPES.as_bytes().to_vec()),
        ("xl/workbook.xml".to_string(), br#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="actors" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec()),
        ("xl/_rels/workbook.xml.rels".to_string(), br#"<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec()),
    ];
    parts.push(("xl/worksheets/sheet1.xml".to_string(), sheet));
    let bytes = zip_of(parts);
    assert!(bytes.len() < 2 << 20, "{} bytes", bytes.len());
    let r = import(&bytes, &["--memory", "1G"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("longer than") || r.stderr.contains("decompresses to more than"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("--memory"),
        "how to raise it: {}",
        r.stderr
    );
}

#[test]
fn a_shared_string_index_past_the_table_is_an_error() {
    let data = format!(
        r#"{}<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>0</v></c></row>"#,
        row(1, &["id", "name"])
    );
    let r = import(&workbook(&[("actors", data)], &["only one"]), &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("shared-string index 7"), "{}", r.stderr);
    assert!(r.stderr.contains("A2"), "{}", r.stderr);
}

#[test]
fn repeated_headers_are_refused() {
    for header in [
        &["id", "name", "city", "city"][..],
        &["id", "name", "id"][..],
        &["id", "name", "Name"][..],
    ] {
        let values: Vec<&str> = ["a", "A", "x", "y"][..header.len()].to_vec();
        let data = actors_sheet(header, &[&values]);
        let r = import(&workbook(&[("actors", data)], &[]), &[]);
        assert_eq!(r.code, 1, "{header:?}: {}", r.stderr);
        assert!(r.stderr.contains("repeats the column"), "{}", r.stderr);
    }
}

#[test]
fn sheets_that_differ_only_in_case_are_refused() {
    let a = actors_sheet(&["id", "name"], &[&["a", "A"]]);
    let b = actors_sheet(&["id", "name"], &[&["b", "B"]]);
    let r = import(&workbook(&[("actors", a), ("ACTORS", b)], &[]), &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("differ only in case"), "{}", r.stderr);
}

#[test]
fn broken_xml_and_non_workbooks_are_errors() {
    let r = import(b"PK\x03\x04 not really", &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>".to_string();
    let r = import(&workbook(&[("actors", data)], &[]), &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn too_many_shared_strings_are_refused_with_the_limit() {
    let strings: Vec<String> = (0..200_000).map(|i| format!("s{i}")).collect();
    let refs: Vec<&str> = strings.iter().map(String::as_str).collect();
    let data = actors_sheet(&["id", "name"], &[&["a", "A"]]);
    let r = import(&workbook(&[("actors", data)], &refs), &["--memory", "16M"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("shared strings"), "{}", r.stderr);
    assert!(r.stderr.contains("--memory"), "{}", r.stderr);
}

/// A dataset whose names hold what Excel cannot: control characters,
/// carriage returns, the literal text of an escape, leading white space,
/// and a text longer than a cell.
fn dataset_with_names(names: &[String]) -> String {
    let actors: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| serde_json::json!({"id": format!("a{i}"), "name": n, "kind": "firm"}))
        .collect();
    let participants: Vec<serde_json::Value> = (0..names.len())
        .map(|i| serde_json::json!({"actor": format!("a{i}"), "role": "partner"}))
        .collect();
    serde_json::json!({
        "name": "round trip",
        "actors": actors,
        "engagements": [{"id": "p", "name": "P _x0041_ \r\n", "kind": "project", "participants": participants}]
    })
    .to_string()
}

/// `export --to xlsx` of the dataset at `source`, then `import xlsx` of
/// the workbook: the dataset read back.
fn export_and_import(dir: &Path, source: &Path) -> serde_json::Value {
    let book = dir.join("book.xlsx");
    let back = dir.join("back.json");
    for args in [
        &[
            "export",
            source.to_str().unwrap(),
            "--to",
            "xlsx",
            "-o",
            book.to_str().unwrap(),
        ][..],
        &[
            "import",
            "xlsx",
            book.to_str().unwrap(),
            "--name",
            "x",
            "-o",
            back.to_str().unwrap(),
        ][..],
    ] {
        let r = run_in(dir, args, None);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    serde_json::from_str(&std::fs::read_to_string(back).unwrap()).unwrap()
}

fn round_trip(names: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.json"), dataset_with_names(names)).unwrap();
    // The canonical form (merge A A = A) is what every writer starts from.
    let r = run_in(
        dir.path(),
        &["merge", "in.json", "in.json", "-o", "canonical.json"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let canonical = dir.path().join("canonical.json");
    let before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&canonical).unwrap()).unwrap();
    let after = export_and_import(dir.path(), &canonical);
    assert_eq!(before["actors"], after["actors"]);
    assert_eq!(before["engagements"], after["engagements"]);
}

#[test]
fn the_round_trip_keeps_every_string_excel_cannot_hold() {
    round_trip(&[
        "Carriage\rreturn".into(),
        "bell \u{7} and nul-ish \u{1}".into(),
        "_x0041_ literally".into(),
        "\t  leading tab and spaces".into(),
        "trailing  ".into(),
        "x".repeat(70_000) + "ä",
    ]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn the_round_trip_is_exact(names in proptest::collection::vec("[ \\t\\r\\n\\x01-\\x08_xA-Fa-z0-9äÖ€]{1,30}", 1..6)) {
        let names: Vec<String> = names
            .into_iter()
            .filter(|n| !n.trim().is_empty() && !verkosto::import::privacy::holds_personal_data(n))
            .collect();
        prop_assume!(!names.is_empty());
        let mut seen = std::collections::HashSet::new();
        prop_assume!(names.iter().all(|n| seen.insert(verkosto::import::identity::name_key(n))));
        round_trip(&names);
    }
}

#[test]
fn workbooks_from_the_repository_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let seed = repo().join("graphs/finland-regional.json");
    let before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&seed).unwrap()).unwrap();
    let after = export_and_import(dir.path(), &seed);
    assert_eq!(before["actors"], after["actors"]);
    assert_eq!(before["engagements"], after["engagements"]);
}
