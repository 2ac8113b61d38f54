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
