//! The page: the placed network scaled into its area, labels on their
//! nodes without collisions, the legend in its own panel, title and
//! caption. Writers turn the [`Picture`] into SVG
//! or pinned DOT.

use super::geometry::{
    text, text_width, wrap, PBox, PEdge, PLegend, PLegendRow, PNode, Picture, Rect, Text,
};
use super::labels::place_labels;
use super::layout::{Placed, Room};
use super::MapModel;

/// Page margin, points.
const MARGIN: f64 = 22.0;
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

fn page_layout(
    model: &MapModel,
    width: f64,
    height: f64,
    caption: bool,
    named_line: bool,
) -> PageLayout {
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
    // A line kept for "N of M actors named" when a first composition
    // left some actors unnamed.
    let named_line = caption && named_line && model.named_note.is_some();
    let caption_height = (caption_lines.len() + usize::from(named_line)) as f64 * 10.5;
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
        // A long legend in two columns: half as tall, so that the islands
        // beside it are not squeezed into a narrow strip.
        let columns = landscape_legend_columns(legend_rows);
        let w = if columns == 2 {
            (2.0 * (widest + 30.0) + 16.0).clamp(120.0, width * 0.45)
        } else {
            (widest + 50.0).clamp(120.0, width * 0.32)
        };
        let notes_height: f64 = model
            .legend_notes
            .iter()
            .map(|n| wrap(n, 8.0, w - 16.0).len() as f64 * 10.0 + 4.0)
            .sum();
        let h = (24.0 + legend_rows.div_ceil(columns) as f64 * 16.0 + notes_height + 8.0)
            .min(bottom - top);
        (
            Rect {
                left: width - MARGIN - w,
                top,
                right: width - MARGIN,
                bottom: top + h,
            },
            // The drawing takes the whole width; the islands are packed
            // around the legend's corner (see drawing_room).
            Rect {
                left: MARGIN,
                top,
                right: width - MARGIN,
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

/// The room the islands are packed into: the drawing area's usable width
/// and height, points, and on a landscape page the corner its legend
/// takes.
pub fn drawing_room(
    model: &MapModel,
    width: f64,
    height: f64,
    caption: bool,
    named_line: bool,
) -> Room {
    let page = page_layout(model, width, height, caption, named_line);
    let (w, h) = room(&page.area);
    let corner = page.landscape.then(|| {
        let (left, top) = (page.area.left + PAD.0, page.area.top + PAD.1);
        (
            // The labels' side room (PAD) and a gap kept from the legend.
            (page.legend.left - 14.0 - PAD.0 - left).max(0.0),
            (page.legend.bottom + 10.0 - top).max(0.0),
        )
    });
    Room {
        width: w,
        height: h,
        corner,
    }
}

/// Composes `model`, placed as `placed`, on a page of `width` × `height`
/// points; `caption` adds the caption lines, `named_line` the line that
/// says how many actors are named (when some are not).
pub fn compose(
    model: &MapModel,
    placed: &Placed,
    width: f64,
    height: f64,
    caption: bool,
    named_line: bool,
) -> Picture {
    let page = page_layout(model, width, height, caption, named_line);
    let (landscape, title, caption_lines, caption_height, legend_rect, area) = (
        page.landscape,
        page.title,
        page.caption_lines,
        page.caption_height,
        page.legend,
        page.area,
    );
    // Scale the placed network into its area (points per inch), leaving
    // room at the sides for labels.
    let (pad_x, pad_y) = PAD;
    let (room_w, room_h) = room(&area);
    let scale = placed.scale;
    let node_scale = scale.min(72.0);
    // When every island had to go below the legend's corner, they move up
    // to the top of the page and the legend to its bottom right instead.
    let lift = placed
        .islands
        .iter()
        .map(|i| i.y)
        .fold(f64::INFINITY, f64::min);
    let lift = if landscape && lift.is_finite() && lift > 0.0 {
        lift
    } else {
        0.0
    };
    // …unless an island would then reach into the legend's new place.
    let legend_height = legend_rect.bottom - legend_rect.top;
    let lift = if placed.islands.iter().all(|i| {
        let bottom = area.top + pad_y + (i.y - lift + i.h) * scale + 22.0;
        let right = area.left + pad_x + (i.x + i.w) * scale;
        bottom < area.bottom - legend_height - 6.0 || right < legend_rect.left - 6.0
    }) {
        lift
    } else {
        0.0
    };
    let legend_rect = if lift > 0.0 {
        let h = legend_rect.bottom - legend_rect.top;
        Rect {
            top: area.bottom - h,
            bottom: area.bottom,
            ..legend_rect
        }
    } else {
        legend_rect
    };
    let legend = legend_panel(model, legend_rect, landscape);
    // Beside a legend the islands start at the left; on a page without
    // one they are centred.
    let free = |room: f64, used: f64| {
        if landscape {
            0.0
        } else {
            ((room - used) / 2.0).max(0.0)
        }
    };
    let offset_x = area.left + pad_x + free(room_w, placed.width * scale);
    let offset_y = area.top + pad_y + free(room_h, placed.height * scale) - lift * scale;
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
        .chain(model.edges.iter().zip(&edges).filter_map(|(e, p)| {
            // A line's own text at its middle, as small as a caption.
            let label = e.label.as_ref()?;
            Some(Text {
                italic: true,
                middle: true,
                color: "#333333",
                ..text((p.x1 + p.x2) / 2.0, (p.y1 + p.y2) / 2.0 - 3.0, 7.5, label)
            })
        }))
        .collect();
    let labels = place_labels(model, &nodes, &island_captions, &area, &legend_rect);
    let actors = model.nodes.iter().filter(|n| !n.is_engagement).count();
    let named = {
        let ids: std::collections::HashSet<&str> = labels.iter().map(|l| l.id.as_str()).collect();
        model
            .nodes
            .iter()
            .filter(|n| !n.is_engagement && ids.contains(n.id.as_str()))
            .count()
    };
    let mut caption_lines = caption_lines;
    if let Some(note) = model
        .named_note
        .as_ref()
        .filter(|_| caption && named_line && named < actors)
    {
        caption_lines.push(
            note.replace("{named}", &named.to_string())
                .replace("{all}", &actors.to_string()),
        );
    }
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
        backdrop: placed.backdrop.iter().map(|&p| at(p)).collect(),
        edges,
        nodes,
        island_captions,
        labels,
        legend,
        unnamed: named < actors,
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

/// Columns of a landscape page's legend: two above 10 rows.
fn landscape_legend_columns(rows: usize) -> usize {
    if rows > 10 {
        2
    } else {
        1
    }
}

fn legend_panel(model: &MapModel, rect: Rect, landscape: bool) -> PLegend {
    let inner = rect.right - rect.left - 16.0;
    let title = Text {
        bold: true,
        ..text(rect.left + 8.0, rect.top + 16.0, 10.0, &model.legend_title)
    };
    let column = if landscape {
        inner / landscape_legend_columns(model.legend.len()) as f64
    } else {
        let widest = model
            .legend
            .iter()
            .map(|r| text_width(&legend_text(&r.label, r.count), 9.0, false))
            .fold(0.0, f64::max);
        (widest + 30.0).clamp(120.0, inner)
    };
    let columns = if landscape {
        landscape_legend_columns(model.legend.len())
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
