//! Load the seed network, project it with Newman weights and print the
//! summary and the five strongest ties.
//!
//! `cargo run --example seed_summary`

use verkosto::graph::{ProjectionOptions, ProjectionWeight};
use verkosto::render::{render_summary, Format};
use verkosto::{Analysis, AnalysisOptions};

fn main() -> Result<(), verkosto::Error> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/finland-regional.json");
    let (dataset, _warnings) = verkosto::io::json::load_dataset(&path)?;
    let options = AnalysisOptions {
        projection: ProjectionOptions {
            weight: ProjectionWeight::Newman,
            ..Default::default()
        },
        ..Default::default()
    };
    let analysis = Analysis::new(&dataset, options)?;
    let warnings = verkosto::views::summary_warnings(&analysis, verkosto::lang::Lang::En)?;
    print!(
        "{}",
        render_summary(analysis.summary()?, &warnings, Format::Table)
    );
    let projection = analysis.projection();

    let mut ties: Vec<usize> = (0..projection.tie_count()).collect();
    ties.sort_by(|&a, &b| {
        projection
            .tie(b)
            .weight
            .total_cmp(&projection.tie(a).weight)
            .then(a.cmp(&b))
    });
    println!("\nstrongest ties (Newman weights):");
    for &t in ties.iter().take(5) {
        let tie = projection.tie(t);
        println!(
            "  {:.3}  {} – {}",
            tie.weight,
            projection.actor(tie.source as usize).name,
            projection.actor(tie.target as usize).name
        );
    }
    Ok(())
}
