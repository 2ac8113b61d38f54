//! The map-style options shared by `render`, `report` and `compare`.

use clap::Args;
use verkosto::views::{ClusterBy, ColorBy, Labels, MapOptions, MapSelection};
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
    /// Draw each engagement of at least N participants (default 30) as one
    /// square node with a line to each member, instead of a tie between
    /// every two members.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "30",
          value_parser = clap::value_parser!(u64).range(2..))]
    pub hubs: Option<u64>,
}

impl MapStyleArgs {
    /// The map options with this style and `select` (the rest as `base`
    /// has them).
    pub fn applied_to(&self, base: MapOptions, select: MapSelection) -> MapOptions {
        MapOptions {
            select,
            hubs: self.hubs.map(|h| usize::try_from(h).unwrap_or(usize::MAX)),
            color_by: self.color_by.clone(),
            size_by: self.size_by,
            labels: self.labels.clone(),
            cluster_by: self.cluster_by,
            ..base
        }
    }
}
