//! The report: one self-contained HTML page — key findings first, inline
//! maps made interactive by an inline script (static without it), sortable
//! tables, a print stylesheet for A4 — and the same content as Markdown.
//! Writers return strings and compute nothing: every figure and sentence
//! comes in [`ReportData`].

mod chart;
mod html;
mod markdown;

pub use chart::{chart_svg, Chart};
pub use html::report_html;
pub use markdown::report_markdown;

use super::Table;
use crate::lang::Lang;
use crate::metrics::warning::Warning;

/// A titled table of the report.
#[derive(Debug, Clone)]
pub struct Section {
    /// Anchor id (`projects`, `cut`, …).
    pub id: String,
    /// Heading.
    pub title: String,
    /// One or two sentences saying what the table shows.
    pub intro: String,
    /// The table.
    pub table: Table,
}

/// A key finding and the section it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFinding {
    /// The sentence.
    pub text: String,
    /// The id of the section behind it.
    pub section: String,
}

/// A map of the report.
#[derive(Debug, Clone)]
pub struct ReportMap {
    /// Heading.
    pub title: String,
    /// The map as inline SVG.
    pub svg: String,
    /// Its file next to the report (for the Markdown version).
    pub file: String,
    /// Notes under it (layout, thinning, scales).
    pub notes: Vec<String>,
}

/// The collaboration-density heat-map: groups (with sizes) and the
/// density and tie count of each block.
#[derive(Debug, Clone)]
pub struct Heatmap {
    /// The grouping attribute, for the heading.
    pub group: String,
    /// Group names for people, and their sizes.
    pub groups: Vec<(String, usize)>,
    /// `cells[g][h]`: (density, ties); `None` when undefined.
    pub cells: Vec<Vec<Option<(f64, usize)>>>,
}

/// Charts of the network's change over time, with a heading and a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportCharts {
    /// Heading.
    pub title: String,
    /// What the charts show.
    pub intro: String,
    /// The charts, each also written as `chart-N.svg` (N from 1) for the
    /// Markdown report.
    pub charts: Vec<Chart>,
}

/// Everything the report shows, computed and translated by the caller.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The language of every heading, sentence and number.
    pub lang: Lang,
    /// Title.
    pub title: String,
    /// Key findings.
    pub findings: Vec<ReportFinding>,
    /// The caveats to read before the figures.
    pub warnings: Vec<Warning>,
    /// Dataset and options, (name, value).
    pub options: Vec<(String, String)>,
    /// Summary figures.
    pub summary: Table,
    /// Collaboration density by group.
    pub heatmap: Heatmap,
    /// The maps.
    pub maps: Vec<ReportMap>,
    /// Actors for the interactive map, as JSON (escaped for a script
    /// element by the writer).
    pub network_json: String,
    /// Charts of change per year, when the engagements span two years or
    /// more.
    pub change: Option<ReportCharts>,
    /// The tables after the maps, in order.
    pub sections: Vec<Section>,
    /// Metric definitions: (name, meaning).
    pub definitions: Vec<(String, String)>,
    /// With a significance backbone: its heading and methods paragraph.
    pub methods: Option<(String, String)>,
}

/// JSON made safe inside an HTML `<script>` element: `<`, `>`, `&` and the
/// line and paragraph separators are written as `\u` escapes.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}
