//! The page: the placed network scaled into its area, labels on their
//! nodes without collisions, the legend in its own panel, title and
//! caption. Writers turn the [`Picture`] into SVG or pinned DOT.

use super::labels::place_labels;
use super::layout::Placed;
use super::MapModel;

/// Page margin, points.
const MARGIN: f64 = 22.0;
/// Label font size, points.
pub(super) const LABEL_SIZE: f64 = 9.0;

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
        } else {
            self.x
        };
        Rect {
            left,
            top: self.y - self.size * 0.9,
            right: left + w,
            bottom: self.y + self.size * 0.3,
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

pub(super) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    text.chars().count() as f64 * size * if bold { 0.66 } else { 0.6 }
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
}

/// Wraps `text` into lines of at most `width` points.
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
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

pub(super) fn text(x: f64, y: f64, size: f64, s: &str) -> Text {
    Text {
        x,
        y,
        size,
        bold: false,
        italic: false,
        middle: false,
        color: "#222222",
        text: s.to_string(),
    }
}

/// Room kept free at the sides (labels) and top and bottom of the drawing.
const PAD: (f64, f64) = (48.0, 12.0);

/// The drawing area's usable width and height.
fn room(area: &Rect) -> (f64, f64) {
    (
        (area.right - area.left - 2.0 * PAD.0).max(10.0),
        (area.bottom - area.top - 2.0 * PAD.1).max(10.0),
    )
}

/// Where title, caption, legend and drawing go on the page.
struct PageLayout {
    landscape: bool,
    title: Text,
    caption_lines: Vec<String>,
    caption_height: f64,
    legend: Rect,
    area: Rect,
}

fn page_layout(model: &MapModel, width: f64, height: f64, caption: bool) -> PageLayout {
    let landscape = width >= height * 1.05;
    let content_width = width - 2.0 * MARGIN;
    let title = Text {
        bold: true,
        ..text(
            MARGIN,
            MARGIN + 14.0,
            15.0,
            &super::short_label(&model.title, (content_width / 8.5) as usize),
        )
    };
    let caption_lines: Vec<String> = if caption {
        model
            .caption
            .iter()
            .flat_map(|c| wrap(c, 8.0, content_width))
            .take(6)
            .collect()
    } else {
        Vec::new()
    };
    let caption_height = caption_lines.len() as f64 * 10.5;
    let top = MARGIN + 28.0;
    let bottom = height - MARGIN - caption_height - if caption_height > 0.0 { 6.0 } else { 0.0 };

    // The legend panel: right on a landscape page, below on a portrait one.
    let legend_rows = model.legend.len();
    let widest = model
        .legend
        .iter()
        .map(|r| text_width(&legend_text(&r.label, r.count), 9.0, false))
        .fold(text_width(&model.legend_title, 10.0, true), f64::max);
    let (legend, area) = if landscape {
        let w = (widest + 50.0).clamp(120.0, width * 0.32);
        let notes_height: f64 = model
            .legend_notes
            .iter()
            .map(|n| wrap(n, 8.0, w - 16.0).len() as f64 * 10.0 + 4.0)
            .sum();
        let h = (24.0 + legend_rows as f64 * 16.0 + notes_height + 8.0).min(bottom - top);
        (
            Rect {
                left: width - MARGIN - w,
                top,
                right: width - MARGIN,
                bottom: top + h,
            },
            Rect {
                left: MARGIN,
                top,
                right: width - MARGIN - w - 14.0,
                bottom,
            },
        )
    } else {
        let column = (widest + 30.0).clamp(120.0, content_width);
        let columns = ((content_width - 16.0) / column).floor().max(1.0) as usize;
        let rows = legend_rows.div_ceil(columns);
        let notes_height: f64 = model
            .legend_notes
            .iter()
            .map(|n| wrap(n, 8.0, content_width - 16.0).len() as f64 * 10.0 + 4.0)
            .sum();
        let h = 24.0 + rows as f64 * 16.0 + notes_height + 8.0;
        (
            Rect {
                left: MARGIN,
                top: bottom - h,
                right: width - MARGIN,
                bottom,
            },
            Rect {
                left: MARGIN,
                top,
                right: width - MARGIN,
                bottom: bottom - h - 14.0,
            },
        )
    };
    PageLayout {
        landscape,
        title,
        caption_lines,
        caption_height,
        legend,
        area,
    }
}

/// The usable width and height of the page's drawing area, points.
pub fn drawing_room(model: &MapModel, width: f64, height: f64, caption: bool) -> (f64, f64) {
    room(&page_layout(model, width, height, caption).area)
}

/// Composes `model`, placed as `placed`, on a page of `width` × `height`
/// points; `caption` adds the caption lines.
pub fn compose(
    model: &MapModel,
    placed: &Placed,
    width: f64,
    height: f64,
    caption: bool,
) -> Picture {
    let page = page_layout(model, width, height, caption);
    let (landscape, title, caption_lines, caption_height, legend_rect, area) = (
        page.landscape,
        page.title,
        page.caption_lines,
        page.caption_height,
        page.legend,
        page.area,
    );
    let legend = legend_panel(model, legend_rect, landscape);

    // Scale the placed network into its area (points per inch), leaving
    // room at the sides for labels.
    let (pad_x, pad_y) = PAD;
    let (room_w, room_h) = room(&area);
    let scale = (room_w / placed.width)
        .min(room_h / placed.height)
        .min(144.0);
    let node_scale = scale.min(72.0);
    let offset_x = area.left + pad_x + (room_w - placed.width * scale) / 2.0;
    let offset_y = area.top + pad_y + (room_h - placed.height * scale) / 2.0;
    let at = |(x, y): (f64, f64)| (offset_x + x * scale, offset_y + y * scale);

    let nodes: Vec<PNode> = model
        .nodes
        .iter()
        .zip(&placed.positions)
        .map(|(node, &p)| {
            let (cx, cy) = at(p);
            PNode {
                id: node.id.clone(),
                cx,
                cy,
                r: (node.size / 2.0 * node_scale).max(2.0),
                fill: node.color.clone(),
                square: node.is_engagement,
                ego: node.is_ego,
                tooltip: node.tooltip.clone(),
            }
        })
        .collect();
    let edges: Vec<PEdge> = model
        .edges
        .iter()
        .map(|e| {
            let (color, opacity) = split_alpha(&e.color);
            PEdge {
                nodes: (e.a, e.b),
                ends: (model.nodes[e.a].id.clone(), model.nodes[e.b].id.clone()),
                x1: nodes[e.a].cx,
                y1: nodes[e.a].cy,
                x2: nodes[e.b].cx,
                y2: nodes[e.b].cy,
                width: e.width * node_scale.max(36.0) / 72.0,
                color,
                opacity,
                dashed: e.dashed,
                tooltip: e.tooltip.clone(),
            }
        })
        .collect();
    let clusters = cluster_boxes(model, &nodes);
    let island_captions: Vec<Text> = placed
        .islands
        .iter()
        .filter_map(|island| {
            let caption = island.caption.as_ref()?;
            let (x, y) = at((island.x + island.w / 2.0, island.y + island.h));
            let max_chars = ((island.w * scale + 8.0) / (8.0 * 0.6)).max(12.0) as usize;
            Some(Text {
                italic: true,
                middle: true,
                color: "#555555",
                ..text(x, y + 13.0, 8.0, &shorten_keeping_code(caption, max_chars))
            })
        })
        .collect();
    let labels = place_labels(model, &nodes, &island_captions, &area);
    let caption = caption_lines
        .iter()
        .enumerate()
        .map(|(i, line)| Text {
            color: "#444444",
            ..text(
                MARGIN,
                height - MARGIN - caption_height + 8.0 + i as f64 * 10.5,
                8.0,
                line,
            )
        })
        .collect();
    Picture {
        width,
        height,
        title,
        caption,
        clusters,
        edges,
        nodes,
        island_captions,
        labels,
        legend,
    }
}

/// Shortens "Name (CODE)" to `max` characters, cutting the name and
/// keeping the code.
fn shorten_keeping_code(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    match text.rfind(" (") {
        Some(i) if text.ends_with(')') => {
            let code = &text[i..];
            let room = max.saturating_sub(code.chars().count()).max(8);
            format!("{}{code}", super::short_label(&text[..i], room))
        }
        _ => super::short_label(text, max),
    }
}

fn legend_text(label: &str, count: usize) -> String {
    if count > 0 {
        format!("{label} ({count})")
    } else {
        label.to_string()
    }
}

fn legend_panel(model: &MapModel, rect: Rect, landscape: bool) -> PLegend {
    let inner = rect.right - rect.left - 16.0;
    let title = Text {
        bold: true,
        ..text(rect.left + 8.0, rect.top + 16.0, 10.0, &model.legend_title)
    };
    let column = if landscape {
        inner
    } else {
        let widest = model
            .legend
            .iter()
            .map(|r| text_width(&legend_text(&r.label, r.count), 9.0, false))
            .fold(0.0, f64::max);
        (widest + 30.0).clamp(120.0, inner)
    };
    let columns = if landscape {
        1
    } else {
        (inner / column).floor().max(1.0) as usize
    };
    let per_column = model.legend.len().div_ceil(columns).max(1);
    let mut rows = Vec::new();
    let mut y_end = rect.top + 24.0;
    for (i, row) in model.legend.iter().enumerate() {
        let (col, line) = (i / per_column, i % per_column);
        let x = rect.left + 8.0 + col as f64 * column;
        let y = rect.top + 30.0 + line as f64 * 16.0;
        if y + 8.0 > rect.bottom {
            break;
        }
        let max_chars = ((column - 26.0) / (9.0 * 0.6)) as usize;
        rows.push(PLegendRow {
            cx: x + 5.0,
            cy: y,
            color: row.color.clone(),
            ring: row.ring,
            text: text(
                x + 16.0,
                y + 3.5,
                9.0,
                &super::short_label(&legend_text(&row.label, row.count), max_chars),
            ),
        });
        y_end = y_end.max(y + 8.0);
    }
    let mut notes = Vec::new();
    let mut y = y_end + 12.0;
    for note in &model.legend_notes {
        for line in wrap(note, 8.0, inner) {
            if y > rect.bottom - 2.0 {
                break;
            }
            notes.push(Text {
                color: "#444444",
                ..text(rect.left + 8.0, y, 8.0, &line)
            });
            y += 10.0;
        }
        y += 4.0;
    }
    PLegend {
        rect,
        title,
        rows,
        notes,
    }
}

fn cluster_boxes(model: &MapModel, nodes: &[PNode]) -> Vec<PBox> {
    let mut groups: std::collections::BTreeMap<&str, Rect> = Default::default();
    for (node, p) in model.nodes.iter().zip(nodes) {
        if let Some(c) = &node.cluster {
            let r = Rect {
                left: p.cx - p.r - 8.0,
                top: p.cy - p.r - 8.0,
                right: p.cx + p.r + 8.0,
                bottom: p.cy + p.r + 8.0,
            };
            groups
                .entry(c.as_str())
                .and_modify(|b| {
                    b.left = b.left.min(r.left);
                    b.top = b.top.min(r.top);
                    b.right = b.right.max(r.right);
                    b.bottom = b.bottom.max(r.bottom);
                })
                .or_insert(r);
        }
    }
    groups
        .into_iter()
        .map(|(name, rect)| PBox {
            rect,
            label: Text {
                color: "#666666",
                ..text(rect.left + 4.0, rect.top + 9.0, 7.5, name)
            },
        })
        .collect()
}

fn split_alpha(color: &str) -> (String, f64) {
    if color.len() == 9 {
        let alpha = u8::from_str_radix(&color[7..9], 16).unwrap_or(255);
        (color[..7].to_string(), f64::from(alpha) / 255.0)
    } else {
        (color.to_string(), 1.0)
    }
}
