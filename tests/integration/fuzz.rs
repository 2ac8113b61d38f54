//! In-process fuzzing of the three readers of user files — the JSON
//! dataset loader, the CSV importer and the description importer — with
//! proptest: the bundled inputs mutated byte by byte and line by line, and
//! arbitrary text. Every input must give a dataset or an error, never a
//! panic, and an accepted dataset must analyse without one.
//!
//! `PROPTEST_CASES` sets how many inputs each property tries (default 64
//! here; `.ci/run` and the longer run in the README set more).

use crate::util::repo;
use proptest::prelude::*;
use verkosto::import::csv::{import_csv, CsvSources};
use verkosto::import::descriptions::{descriptions_to_dataset, parse_description};
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

proptest! {
    #![proptest_config(config())]

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
}
