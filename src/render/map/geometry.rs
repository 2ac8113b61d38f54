//! The geometry of a drawn map: texts, rectangles, placed nodes, edges,
//! labels, boxes and the legend, in points — what the page composer makes
//! and the SVG and DOT writers read.

/// Label font size, points.
pub const LABEL_SIZE: f64 = 9.0;

/// A run of text: `(x, y)` is the baseline start (or middle).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Baseline start (or middle, with `middle`).
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Font size, points.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Centred on `x`.
    pub middle: bool,
    /// Ending at `x` (right-aligned), so that a label left of its node
    /// ends at the node whatever the font's real widths.
    pub end: bool,
    /// Colour.
    pub color: &'static str,
    /// The text.
    pub text: String,
}

impl Text {
    /// The text's box (left, top, right, bottom), estimated from the font
    /// size (Helvetica and DejaVu Sans average at most 0.6 em a character).
    pub fn bounds(&self) -> Rect {
        let w = text_width(&self.text, self.size, self.bold);
        let left = if self.middle {
            self.x - w / 2.0
        } else if self.end {
            self.x - w
        } else {
            self.x
        };
        Rect {
            left,
            top: self.y - self.size * 0.9,
            right: left + w,
            bottom: self.y + self.size * 0.3 + more_lines(&self.text, self.size),
        }
    }
}

/// An axis-aligned box, points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub left: f64,
    /// Top.
    pub top: f64,
    /// Right.
    pub right: f64,
    /// Bottom.
    pub bottom: f64,
}

impl Rect {
    pub(super) fn intersects(&self, o: &Rect) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }
    pub(super) fn inside(&self, o: &Rect) -> bool {
        self.left >= o.left && self.right <= o.right && self.top >= o.top && self.bottom <= o.bottom
    }
}

/// The width of `text` at `size` points, estimated from its characters.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let widest = text
        .split('\n')
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    widest as f64 * size * if bold { 0.66 } else { 0.6 }
}

/// Distance between the baselines of a text's lines, in ems.
pub const LINE_SPACING: f64 = 1.15;

/// The extra height of a text's lines below its first, points.
pub fn more_lines(text: &str, size: f64) -> f64 {
    text.matches('\n').count() as f64 * size * LINE_SPACING
}

/// A node on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PNode {
    /// The actor's or engagement's id.
    pub id: String,
    /// Centre.
    pub cx: f64,
    /// Centre.
    pub cy: f64,
    /// Radius (half side for squares).
    pub r: f64,
    /// Fill.
    pub fill: String,
    /// An engagement, drawn as a square.
    pub square: bool,
    /// The ego: drawn with a ring.
    pub ego: bool,
    /// Tooltip.
    pub tooltip: String,
}

/// A tie on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PEdge {
    /// The positions of its two ends in [`Picture::nodes`].
    pub nodes: (usize, usize),
    /// The ids of its two ends.
    pub ends: (String, String),
    /// Start.
    pub x1: f64,
    /// Start.
    pub y1: f64,
    /// End.
    pub x2: f64,
    /// End.
    pub y2: f64,
    /// Width, points.
    pub width: f64,
    /// Colour, `#rrggbb`.
    pub color: String,
    /// Opacity 0–1.
    pub opacity: f64,
    /// Dashed.
    pub dashed: bool,
    /// Tooltip.
    pub tooltip: String,
}

/// A label with, when it had to move away, a leader line to its node.
#[derive(Debug, Clone, PartialEq)]
pub struct PLabel {
    /// The labelled node's id.
    pub id: String,
    /// The text.
    pub text: Text,
    /// Leader line from the label to the node's edge.
    pub leader: Option<(f64, f64, f64, f64)>,
    /// The whole name, when the label is shortened (its tooltip).
    pub full: Option<String>,
}

/// A cluster box.
#[derive(Debug, Clone, PartialEq)]
pub struct PBox {
    /// The box.
    pub rect: Rect,
    /// Its name.
    pub label: Text,
}

/// One legend row: a swatch and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct PLegendRow {
    /// Swatch centre.
    pub cx: f64,
    /// Swatch centre.
    pub cy: f64,
    /// Swatch colour.
    pub color: String,
    /// A ring (the ego) rather than a filled circle.
    pub ring: bool,
    /// The text.
    pub text: Text,
}

/// The legend panel.
#[derive(Debug, Clone, PartialEq)]
pub struct PLegend {
    /// Its box.
    pub rect: Rect,
    /// Heading.
    pub title: Text,
    /// Rows.
    pub rows: Vec<PLegendRow>,
    /// Notes on size and width, wrapped.
    pub notes: Vec<Text>,
}

/// The composed page.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Width, points.
    pub width: f64,
    /// Height, points.
    pub height: f64,
    /// The title.
    pub title: Text,
    /// Caption lines under the drawing.
    pub caption: Vec<Text>,
    /// Cluster boxes.
    pub clusters: Vec<PBox>,
    /// Faint points behind the map, points (a geographic map's
    /// municipalities).
    pub backdrop: Vec<(f64, f64)>,
    /// Ties.
    pub edges: Vec<PEdge>,
    /// Nodes.
    pub nodes: Vec<PNode>,
    /// Island captions.
    pub island_captions: Vec<Text>,
    /// Labels.
    pub labels: Vec<PLabel>,
    /// The legend.
    pub legend: PLegend,
    /// Whether some actors could not be named (the caption says how many
    /// when it has room for the line).
    pub unnamed: bool,
}

/// Wraps `text` into lines of at most `width` points.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size, false) > width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A run of plain dark text at `(x, y)`.
pub fn text(x: f64, y: f64, size: f64, s: &str) -> Text {
    Text {
        x,
        y,
        size,
        bold: false,
        italic: false,
        middle: false,
        end: false,
        color: "#222222",
        text: s.to_string(),
    }
}
