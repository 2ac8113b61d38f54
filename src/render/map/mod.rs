//! Network maps: an engine-independent model of what to draw (nodes,
//! ties, colours, sizes, labels, clusters, legend, title and caption), and
//! its drawing — DOT for Graphviz ([`dot`]), or laid out and drawn as SVG
//! by verkosto itself ([`svg`]) when Graphviz is not installed. The model
//! is composed from computed results by `Analysis::map`.

pub mod dot;
pub mod svg;

use crate::error::{Error, Result};
use crate::io::graphviz::run_graphviz;
use std::collections::BTreeMap;

pub use crate::io::graphviz::{graphviz_available, ENGINES};
pub use dot::{default_engine, dot_quote, to_dot};
pub use svg::to_builtin_svg;

/// One node to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    /// A safe key (`a12`, `e3`).
    pub key: String,
    /// The label shown, if any (shortened).
    pub label: Option<String>,
    /// The full name, for tooltips.
    pub tooltip: String,
    /// Fill colour (`#rrggbb`).
    pub color: String,
    /// Diameter in inches.
    pub size: f64,
    /// Box (engagement) rather than circle (actor).
    pub is_engagement: bool,
    /// Cluster name, if clustered.
    pub cluster: Option<String>,
}

/// One tie to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEdge {
    /// Index of one end in `nodes`.
    pub a: usize,
    /// Index of the other end.
    pub b: usize,
    /// Line width in points.
    pub width: f64,
    /// Line colour.
    pub color: String,
    /// Dashed (a target-group participation in two-mode maps).
    pub dashed: bool,
    /// Tooltip: the two names and what links them.
    pub tooltip: String,
}

/// Everything a map shows, before any layout.
#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    /// Title line.
    pub title: String,
    /// Caption: dataset, filters, date range, what sizes and widths mean.
    pub caption: String,
    /// Nodes.
    pub nodes: Vec<MapNode>,
    /// Ties.
    pub edges: Vec<MapEdge>,
    /// Colour legend: (group, colour, count).
    pub legend: Vec<LegendRow>,
    /// What node size and line width mean.
    pub scale_note: String,
    /// What was hidden to keep the map legible, if anything.
    pub thinning_note: Option<String>,
}

/// A legend row: (group, colour, count).
pub type LegendRow = (String, String, usize);

/// Colours that stay apart for colour-blind readers (Okabe–Ito, then
/// Tableau), the last for "other".
const PALETTE: &[&str] = &[
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#8C564B",
    "#7F7F7F", "#17BECF", "#BCBD22", "#9467BD",
];
pub(crate) const OTHER_COLOR: &str = "#C7C7C7";

/// Shortens a label to `max` characters with an ellipsis; one line.
pub fn short_label(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Colours for groups: the largest groups get palette colours, the rest
/// share grey. Returns (group → colour, legend rows).
pub fn colours(values: &[String]) -> (BTreeMap<String, String>, Vec<LegendRow>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_insert(0) += 1;
    }
    let mut order: Vec<(&str, usize)> = counts.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut map = BTreeMap::new();
    let mut legend = Vec::new();
    let mut other = 0;
    for (i, (group, count)) in order.iter().enumerate() {
        if i < PALETTE.len() - 1 || order.len() == PALETTE.len() {
            let color = PALETTE[i.min(PALETTE.len() - 1)].to_string();
            map.insert(group.to_string(), color.clone());
            legend.push((group.to_string(), color, *count));
        } else {
            map.insert(group.to_string(), OTHER_COLOR.to_string());
            other += count;
        }
    }
    if other > 0 {
        legend.push(("other groups".into(), OTHER_COLOR.into(), other));
    }
    (map, legend)
}

/// What a map is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFormat {
    /// DOT text for Graphviz.
    Dot,
    /// SVG.
    Svg,
    /// PNG (needs Graphviz).
    Png,
    /// PDF (needs Graphviz).
    Pdf,
}

impl MapFormat {
    /// The format named by a file extension (`dot`, `svg`, `png`, `pdf`).
    pub fn from_extension(extension: &str) -> Option<MapFormat> {
        match extension.to_ascii_lowercase().as_str() {
            "dot" => Some(MapFormat::Dot),
            "svg" => Some(MapFormat::Svg),
            "png" => Some(MapFormat::Png),
            "pdf" => Some(MapFormat::Pdf),
            _ => None,
        }
    }

    /// The Graphviz `-T` name.
    pub fn name(self) -> &'static str {
        match self {
            MapFormat::Dot => "dot",
            MapFormat::Svg => "svg",
            MapFormat::Png => "png",
            MapFormat::Pdf => "pdf",
        }
    }
}

impl std::str::FromStr for MapFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<MapFormat> {
        MapFormat::from_extension(s)
            .ok_or_else(|| Error::invalid("map_format", s, "dot, svg, png or pdf"))
    }
}

/// How a map is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Graphviz with this engine (`None`: [`default_engine`]), falling back
    /// to the built-in layout for SVG when Graphviz is not installed.
    #[default]
    Graphviz,
    /// Graphviz with a chosen engine (one of [`ENGINES`]).
    Engine(&'static str),
    /// verkosto's own seeded layout (SVG only).
    Builtin,
}

/// A drawn map and what the reader should know about how it was drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// True when the built-in layout drew it.
    pub builtin: bool,
    /// Notes for the user (e.g. Graphviz missing, built-in layout used).
    pub notes: Vec<String>,
}

/// Draws `model` as `format`: DOT text, Graphviz output, or the built-in
/// SVG when asked for or when Graphviz is absent (PNG and PDF need it).
pub fn draw(model: &MapModel, format: MapFormat, layout: Layout, seed: u64) -> Result<Drawing> {
    let drawing = |bytes: Vec<u8>, builtin: bool, notes: Vec<String>| Drawing {
        bytes,
        builtin,
        notes,
    };
    let dot_text = to_dot(model);
    if format == MapFormat::Dot {
        return Ok(drawing(dot_text.into_bytes(), false, Vec::new()));
    }
    let engine = match layout {
        Layout::Builtin if format == MapFormat::Svg => {
            return Ok(drawing(
                to_builtin_svg(model, seed).into_bytes(),
                true,
                Vec::new(),
            ))
        }
        Layout::Builtin => {
            return Err(Error::invalid(
                "layout",
                "builtin",
                "an SVG output: the built-in layout draws SVG only",
            ))
        }
        Layout::Engine(engine) => engine,
        Layout::Graphviz => default_engine(model),
    };
    match run_graphviz(&dot_text, engine, format.name())? {
        Some(bytes) => Ok(drawing(bytes, false, Vec::new())),
        None if format == MapFormat::Svg => Ok(drawing(
            to_builtin_svg(model, seed).into_bytes(),
            true,
            vec!["Graphviz (the `dot` program) is not installed; drawn with verkosto's built-in layout".into()],
        )),
        None => Err(Error::GraphvizMissing {
            format: format.name(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_shorten() {
        assert_eq!(short_label("a  b\nc", 10), "a b c");
        assert_eq!(short_label("abcdefghij", 5), "abcd…");
    }
}
