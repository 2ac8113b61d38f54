//! In-process fuzzing of the readers of user files — the JSON dataset
//! loader, the CSV importer, the Excel importer, the description
//! importer, the keep.eu, CORDIS and column-mapping importers, and the
//! identity review with its decisions — with
//! proptest: the bundled inputs mutated byte by byte and line by line, and
//! arbitrary text. Every input must give a dataset or an error, never a
//! panic, and an accepted dataset must analyse without one.
//!
//! `PROPTEST_CASES` sets how many inputs each property tries (default 64
//! here; `.ci/run` and the longer run in the README set more).

use crate::util::repo;
use proptest::prelude::*;
use verkosto::import::columns::{import_mapped, ColumnMapping};
use verkosto::import::cordis::import_cordis;
use verkosto::import::csv::{import_csv, CsvSources};
use verkosto::import::descriptions::{descriptions_to_dataset, parse_description};
use verkosto::import::identities::{candidates, read_decisions};
use verkosto::import::keep_eu::import_keep_eu;
use verkosto::io::json::parse_dataset;
use verkosto::metrics::Metric;
use verkosto::{Analysis, AnalysisOptions};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn bundled(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Edits to apply to a byte string: (position fraction, what to do, byte).
fn edits() -> impl Strategy<Value = Vec<(f64, u8, u8)>> {
    proptest::collection::vec((0.0f64..1.0, 0u8..5, any::<u8>()), 1..12)
}

fn apply(mut data: Vec<u8>, edits: &[(f64, u8, u8)]) -> Vec<u8> {
    for &(at, op, byte) in edits {
        if data.is_empty() {
            data.push(byte);
            continue;
        }
        let i = ((data.len() as f64 * at) as usize).min(data.len() - 1);
        match op {
            0 => data[i] = byte,
            1 => {
                data.drain(i..(i + 1 + byte as usize).min(data.len()));
            }
            2 => data.insert(i, byte),
            3 => {
                let chunk: Vec<u8> = data[i..(i + 1 + byte as usize).min(data.len())].to_vec();
                for _ in 0..(byte % 8) {
                    data.splice(i..i, chunk.iter().copied());
                }
            }
            _ => data.truncate(i + 1),
        }
    }
    data
}

/// A dataset that loads must also analyse: every metric, without panics.
fn analyse(text: &str) {
    if let Ok((dataset, report)) = parse_dataset(text, "fuzz.json") {
        if report.is_valid() {
            if let Ok(analysis) = Analysis::new(&dataset, AnalysisOptions::default()) {
                let _ = analysis.summary();
                let _ = analysis.metrics(&Metric::ALL);
            }
        }
    }
}

/// The seed network's workbook as `export --to xlsx` writes it, as its
/// zip parts (name, bytes).
fn seed_workbook_parts() -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    static PARTS: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    PARTS
        .get_or_init(|| {
            let text = String::from_utf8(bundled("graphs/finland-regional.json")).unwrap();
            let (dataset, _) = parse_dataset(&text, "seed").unwrap();
            let analysis = Analysis::new(&dataset, AnalysisOptions::default()).unwrap();
            let bytes = verkosto::render::export::xlsx_workbook(
                &dataset,
                analysis.projection(),
                &Vec::new(),
            )
            .unwrap();
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            (0..zip.len())
                .map(|i| {
                    let mut file = zip.by_index(i).unwrap();
                    let mut content = Vec::new();
                    file.read_to_end(&mut content).unwrap();
                    (file.name().to_string(), content)
                })
                .collect()
        })
        .clone()
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn xlsx_import_survives_mutated_workbooks(part in any::<prop::sample::Index>(), edits in edits(), whole in any::<bool>()) {
        let mut parts = seed_workbook_parts();
        let bytes = if whole {
            apply(zip_parts(&parts), &edits)
        } else {
            let i = part.index(parts.len());
            parts[i].1 = apply(std::mem::take(&mut parts[i].1), &edits);
            zip_parts(&parts)
        };
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("book.xlsx");
        std::fs::write(&book, bytes).unwrap();
        if let Ok((dataset, _)) = verkosto::import::xlsx::import_xlsx(&book, "fuzz") {
            if let Ok(analysis) = Analysis::new(&dataset, AnalysisOptions::default()) {
                let _ = analysis.summary();
            }
        }
    }

    #[test]
    fn json_loader_survives_mutated_datasets(edits in edits()) {
        let data = apply(bundled("graphs/finland-regional.json"), &edits);
        analyse(&String::from_utf8_lossy(&data));
    }

    #[test]
    fn json_loader_survives_arbitrary_text(text in "\\PC{0,400}") {
        analyse(&text);
        analyse(&format!("{{\"name\":\"x\",\"actors\":[{text}]}}"));
    }

    #[test]
    fn csv_import_survives_mutated_tables(a in edits(), p in edits()) {
        let dir = tempfile::tempdir().unwrap();
        let actors = dir.path().join("actors.csv");
        let participation = dir.path().join("participation.csv");
        std::fs::write(&actors, apply(bundled("graphs/examples/csv/actors.csv"), &a)).unwrap();
        std::fs::write(&participation, apply(bundled("graphs/examples/csv/participation.csv"), &p)).unwrap();
        let sources = CsvSources {
            engagements: None,
            actors: &actors,
            participation: Some(&participation),
            ties: None,
            name: "fuzz".into(),
        };
        if let Ok(dataset) = import_csv(&sources) {
            if let Ok(analysis) = Analysis::new(&dataset, AnalysisOptions::default()) {
                let _ = analysis.summary();
            }
        }
    }

    #[test]
    fn description_import_survives_mutated_documents(which in 0usize..5, edits in edits()) {
        let mut seeds: Vec<_> = std::fs::read_dir(repo().join("graphs/seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        seeds.sort();
        let data = apply(std::fs::read(&seeds[which]).unwrap(), &edits);
        let text = String::from_utf8_lossy(&data);
        if let Ok(description) = parse_description(&text, "fuzz.txt") {
            let _ = descriptions_to_dataset(&[description], None, "fuzz");
        }
    }

    #[test]
    fn description_import_survives_arbitrary_text(text in "(\\PC{0,80}\n){0,12}") {
        if let Ok(description) = parse_description(&text, "fuzz.txt") {
            let _ = descriptions_to_dataset(&[description], None, "fuzz");
        }
    }

    #[test]
    fn keep_eu_import_survives_mutated_tables(edits in edits()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("partners.csv");
        std::fs::write(&path, apply(bundled("graphs/examples/keep-eu/partners.csv"), &edits)).unwrap();
        if let Ok((dataset, _)) = import_keep_eu(&path, "fuzz") {
            let found = candidates(&dataset);
            let merges: Vec<Vec<String>> = found.into_iter().map(|c| c.actors).collect();
            let _ = apply_merges(&dataset, &merges);
        }
    }

    #[test]
    fn cordis_import_survives_mutated_tables(p in edits(), o in edits()) {
        let dir = tempfile::tempdir().unwrap();
        let projects = dir.path().join("project.csv");
        let organizations = dir.path().join("organization.csv");
        std::fs::write(&projects, apply(bundled("graphs/examples/cordis/project.csv"), &p)).unwrap();
        std::fs::write(&organizations, apply(bundled("graphs/examples/cordis/organization.csv"), &o)).unwrap();
        if let Ok((dataset, _)) = import_cordis(&organizations, Some(&projects), "fuzz") {
            if let Ok(analysis) = Analysis::new(&dataset, AnalysisOptions::default()) {
                let _ = analysis.summary();
            }
        }
    }

    #[test]
    fn mapped_import_survives_mutated_tables_and_mappings(t in edits(), m in edits()) {
        let dir = tempfile::tempdir().unwrap();
        let table = dir.path().join("partners.csv");
        std::fs::write(&table, apply(bundled("graphs/examples/mapped/partners.csv"), &t)).unwrap();
        let text = apply(bundled("mappings/interreg-2021-2027-se.toml"), &m);
        if let Ok(mapping) = ColumnMapping::from_toml(&String::from_utf8_lossy(&text), "fuzz.toml") {
            let _ = import_mapped(&table, &mapping, &Default::default(), "fuzz");
        }
    }

    #[test]
    fn identity_decisions_survive_mutated_tables(edits in edits()) {
        let dir = tempfile::tempdir().unwrap();
        let list = b"cluster,decision,id\n1,merge,a\n1,merge,b\n2,apart,c\n2,yhdist\xc3\xa4,d\n".to_vec();
        let path = dir.path().join("review.csv");
        std::fs::write(&path, apply(list, &edits)).unwrap();
        let (dataset, _) = parse_dataset(
            r#"{"name": "d", "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "A Oy"}, {"id": "c", "name": "C"}, {"id": "d", "name": "D"}],
                "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}, {"actor": "c"}]}]}"#,
            "d.json",
        ).unwrap();
        if let Ok(merges) = read_decisions(&path) {
            let _ = apply_merges(&dataset, &merges);
        }
    }
}

/// [`apply`](verkosto::import::identities::apply) under another name: the
/// fuzzing module has its own `apply` for byte edits.
fn apply_merges(
    dataset: &verkosto::model::Dataset,
    merges: &[Vec<String>],
) -> verkosto::Result<verkosto::model::Dataset> {
    verkosto::import::identities::apply(dataset, merges)
}
