//! The map-style options shared by `render`, `report` and `compare`.

use clap::Args;
use verkosto::views::{ClusterBy, ColorBy, Labels, MapOptions};
use verkosto::Metric;

/// How the actors of a map look: colour, size, labels, boxes.
#[derive(Debug, Clone, Args)]
pub struct MapStyleArgs {
    /// Colour actors by kind (default), community, region or any attribute.
    #[arg(long, default_value = "kind", value_name = "ATTRIBUTE")]
    pub color_by: ColorBy,
    /// Size actors by a per-actor metric (default degree).
    #[arg(long, default_value = "degree", value_name = "METRIC")]
    pub size_by: Metric,
    /// Labels: auto (default: every actor whose name fits; the ego,
    /// coordinators, funders and authorities always, then cut points and
    /// each component's most central actors, then the rest by size),
    /// top:N, all, none, or ID,ID,…
    #[arg(long, default_value = "auto", value_name = "WHICH")]
    pub labels: Labels,
    /// Draw boxes around communities or kinds (default none).
    #[arg(long, default_value = "none", value_name = "GROUPING")]
    pub cluster_by: ClusterBy,
}

impl MapStyleArgs {
    /// The map options with this style (the rest as `base` has them).
    pub fn applied_to(&self, base: MapOptions) -> MapOptions {
        MapOptions {
            color_by: self.color_by.clone(),
            size_by: self.size_by,
            labels: self.labels.clone(),
            cluster_by: self.cluster_by,
            ..base
        }
    }
}
