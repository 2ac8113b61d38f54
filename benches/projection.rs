//! Projection benchmark: time and peak memory of the one-mode projection of
//! generated heavy-tailed two-mode networks.
//!
//! `cargo bench --bench projection` runs the three sizes of the README, each
//! in a fresh process so that peak memory is per size. Options:
//!
//! - `--sizes 2000x1000,50000x20000` choose sizes (actors x engagements);
//! - `--write ACTORSxENGAGEMENTS FILE` write the generated dataset as JSON
//!   (used by `benches/compare-projection.sh` for the CLI and networkx);
//! - `--one ACTORSxENGAGEMENTS` measure one size in this process.

#[path = "common/generate.rs"]
mod generate;

use std::process::Command;
use std::time::Instant;
use verkosto::graph::{Projection, ProjectionOptions, ProjectionWeight};

const DEFAULT_SIZES: &str = "2000x1000,50000x20000,500000x200000";
const SEED: u64 = 20261123;

fn parse_size(s: &str) -> (usize, usize) {
    let (a, e) = s.split_once('x').expect("size as ACTORSxENGAGEMENTS");
    (a.parse().expect("actors"), e.parse().expect("engagements"))
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.first().map(String::as_str) {
        Some("--one") => one(parse_size(&args[1])),
        Some("--write") => {
            let (a, e) = parse_size(&args[1]);
            let dataset = generate::two_mode(a, e, SEED);
            std::fs::write(&args[2], dataset.to_json()).expect("writing the dataset");
        }
        Some("--sizes") => all(&args[1]),
        _ => all(DEFAULT_SIZES),
    }
}

fn all(sizes: &str) {
    println!(
        "{:>8} {:>11} {:>14} {:>10} {:>9} {:>9} {:>9} {:>10}",
        "actors",
        "engagements",
        "participations",
        "ties",
        "count_s",
        "newman_s",
        "jaccard_s",
        "peak_MiB"
    );
    let me = std::env::current_exe().expect("own path");
    for size in sizes.split(',') {
        let out = Command::new(&me)
            .args(["--one", size])
            .output()
            .expect("running a size");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            eprintln!("{size}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

fn one((actors, engagements): (usize, usize)) {
    let dataset = generate::two_mode(actors, engagements, SEED);
    let mut seconds = Vec::new();
    let mut ties = 0;
    for weight in [
        ProjectionWeight::Count,
        ProjectionWeight::Newman,
        ProjectionWeight::Jaccard,
    ] {
        let options = ProjectionOptions {
            weight,
            ..Default::default()
        };
        let start = Instant::now();
        let p = Projection::new(&dataset, &options).expect("valid options");
        seconds.push(start.elapsed().as_secs_f64());
        ties = p.tie_count();
    }
    println!(
        "{:>8} {:>11} {:>14} {:>10} {:>9.3} {:>9.3} {:>9.3} {:>10.0}",
        actors,
        engagements,
        dataset.participation_count(),
        ties,
        seconds[0],
        seconds[1],
        seconds[2],
        generate::peak_rss_mib()
    );
}
