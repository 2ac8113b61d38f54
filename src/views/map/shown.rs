//! Which actors a map shows: an ego network, then the densest k-core that
//! fits.

use super::MapOptions;
use crate::analysis::{neighbourhood, Analysis};
use crate::error::Result;
use crate::metrics::Metric;

/// The actors a map shows.
pub(super) struct Shown {
    /// Per actor, whether it is shown.
    pub keep: Vec<bool>,
    /// The ego of an ego map.
    pub ego: Option<usize>,
    /// What the ego choice did, for the caption.
    pub notes: Vec<String>,
    /// What the thinning did, when it thinned.
    pub thinning_note: Option<String>,
}

/// The shown actors under `options`: the ego's neighbourhood when one is
/// asked for, then, above `max_actors`, the actors of the densest k-core
/// that fits (and the ego).
pub(super) fn shown(analysis: &Analysis<'_>, options: &MapOptions) -> Result<Shown> {
    let lang = options.lang;
    let projection = analysis.projection();
    let n = projection.actor_count();
    let mut keep = vec![true; n];
    let mut notes = Vec::new();
    let mut ego = None;
    if let Some((query, radius)) = &options.ego {
        let center = analysis.find_actor(query)?;
        ego = Some(center);
        keep = neighbourhood(analysis.adjacency(), center, *radius);
        notes.push(
            lang.text("map.ego")
                .replace("{n}", &keep.iter().filter(|k| **k).count().to_string())
                .replace("{k}", &radius.to_string())
                .replace("{name}", &projection.actor(center).name),
        );
    }
    let shown = keep.iter().filter(|k| **k).count();
    let mut thinning_note = None;
    if shown > options.max_actors {
        let cores: Vec<usize> = analysis
            .metric(Metric::Core)?
            .iter()
            .map(|c| c.as_f64().unwrap_or(0.0) as usize)
            .collect();
        let mut k = 0;
        while (0..n).filter(|&v| keep[v] && cores[v] > k).count() > options.max_actors {
            k += 1;
        }
        for v in 0..n {
            keep[v] = keep[v] && (cores[v] > k || Some(v) == ego);
        }
        let after = keep.iter().filter(|k| **k).count();
        thinning_note = Some(
            lang.text("map.thinned")
                .replace("{k}", &(k + 1).to_string())
                .replace("{shown}", &after.to_string())
                .replace("{all}", &shown.to_string())
                .replace("{hidden}", &(shown - after).to_string()),
        );
    }
    Ok(Shown {
        keep,
        ego,
        notes,
        thinning_note,
    })
}
