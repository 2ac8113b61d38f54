//! The floor a JSON loader can reach: a typed serde parse of a dataset
//! file into plain structs (owned strings, no checks, no index), the way
//! the speed comparisons measure verkosto's loader against it
//! (`benches/compare-round-two.sh`).
//!
//! ```sh
//! cargo run --release --example serde_floor -- dataset.json
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[allow(dead_code)]
struct Dataset {
    #[serde(default)]
    name: String,
    actors: Vec<Actor>,
    #[serde(default)]
    engagements: Vec<Engagement>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Actor {
    id: String,
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    attributes: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Engagement {
    id: String,
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    participants: Vec<Participant>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Participant {
    actor: String,
    #[serde(default)]
    role: String,
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: serde_floor DATASET.json");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let dataset: Dataset = match serde_json::from_reader(std::io::BufReader::new(file)) {
        Ok(dataset) => dataset,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let participations: usize = dataset
        .engagements
        .iter()
        .map(|e| e.participants.len())
        .sum();
    println!(
        "{} actors, {} engagements, {participations} participations",
        dataset.actors.len(),
        dataset.engagements.len()
    );
}
