//! Placing labels on the page: on their nodes, never over each other.

use super::geometry::{more_lines, text, text_width, PLabel, PNode, Rect, Text, LABEL_SIZE};
use super::MapModel;

/// Labels placed anywhere free in the drawing, with a leader line, at most:
/// more make a wall of lines.
const MAX_FAR: usize = 25;

/// Places labels: the ego and coordinators first, then central actors,
/// each on the first free spot right at its node (right, left, below,
/// above), else further out with a leader line; never over another label,
/// an island caption or the legend, and always inside the drawing area.
/// A label is never over another node, except the label of an actor that
/// must be named (ego, coordinator, funder, authority) when no free spot
/// is left anywhere in the drawing.
pub(super) fn place_labels(
    model: &MapModel,
    nodes: &[PNode],
    captions: &[Text],
    area: &Rect,
    legend: &Rect,
) -> Vec<PLabel> {
    let mut order: Vec<usize> = (0..model.nodes.len())
        .filter(|&v| model.nodes[v].label.is_some())
        .collect();
    order.sort_by(|&a, &b| {
        let (na, nb) = (&model.nodes[a], &model.nodes[b]);
        nb.label_priority
            .cmp(&na.label_priority)
            .then(nb.size.total_cmp(&na.size))
            .then(a.cmp(&b))
    });
    let node_box = |p: &PNode| Rect {
        left: p.cx - p.r,
        top: p.cy - p.r,
        right: p.cx + p.r,
        bottom: p.cy + p.r,
    };
    let bounds = Rect {
        left: area.left - 6.0,
        top: area.top - 6.0,
        right: area.right + 6.0,
        // The caption's first line starts 6.8 pt below the area.
        bottom: area.bottom + 4.0,
    };
    let mut taken: Vec<Rect> = captions.iter().map(Text::bounds).collect();
    taken.push(*legend);
    let mut labels = Vec::new();
    let mut far = 0;
    for v in order {
        let node = &model.nodes[v];
        let p = &nodes[v];
        let label = node.label.clone().unwrap_or_default();
        let size = LABEL_SIZE;
        let w = text_width(&label, size, node.is_ego);
        let extra = more_lines(&label, size);
        let h = size * 1.2 + extra;
        // The baseline that centres the lines on a point.
        let centred = |y: f64| y + size * 0.35 - extra / 2.0;
        // (left, baseline, moved) candidates: at the node, then further
        // out; a label that ends left of its node is right-aligned.
        let mut candidates: Vec<(f64, f64, bool)> = vec![
            (p.cx + p.r + 2.0, centred(p.cy), false),
            (p.cx - p.r - 2.0 - w, centred(p.cy), false),
            (p.cx - w / 2.0, p.cy + p.r + size + 1.0, false),
            (p.cx - w / 2.0, p.cy - p.r - 3.0 - extra, false),
        ];
        for step in 1..=10 {
            let d = p.r + 8.0 * step as f64;
            for k in 0..16 {
                let angle = std::f64::consts::TAU * k as f64 / 16.0;
                let (dx, dy) = (angle.cos() * d, angle.sin() * d);
                let left = if dx >= 0.0 { p.cx + dx } else { p.cx + dx - w };
                candidates.push((left, centred(p.cy + dy), true));
            }
        }
        // Distance from a box to a node's rim.
        let gap = |r: &Rect, q: &PNode| {
            let dx = (r.left - q.cx).max(q.cx - r.right).max(0.0);
            let dy = (r.top - q.cy).max(q.cy - r.bottom).max(0.0);
            ((dx * dx + dy * dy).sqrt() - q.r).max(0.0)
        };
        // Level 2: over no other node, and no other node nearer to the
        // label than its own, so that it is clear whose it is; level 1:
        // over no other node; level 0: anywhere free of other labels.
        let fits = |left: f64, baseline: f64, level: u8| -> bool {
            let r = Rect {
                left,
                top: baseline - size * 0.9,
                right: left + w,
                bottom: baseline - size * 0.9 + h,
            };
            // Text widths are estimated: keep 2 pt clear at the ends.
            let padded = Rect {
                left: r.left - 2.0,
                right: r.right + 2.0,
                ..r
            };
            if !r.inside(&bounds) || taken.iter().any(|t| t.intersects(&padded)) {
                return false;
            }
            let own = gap(&r, p);
            level == 0
                || nodes.iter().enumerate().all(|(u, q)| {
                    u == v || (!node_box(q).intersects(&r) && (level == 1 || gap(&r, q) > own))
                })
        };
        let mut chosen = candidates.iter().find(|&&(l, b, _)| fits(l, b, 2)).copied();
        if chosen.is_none() && node.label_priority >= 2 {
            chosen = candidates.iter().find(|&&(l, b, _)| fits(l, b, 1)).copied();
            if chosen.is_none() && far < MAX_FAR {
                far += 1;
                // Anywhere free in the drawing, nearest first, with a leader.
                let mut grid = Vec::new();
                let mut y = bounds.top + size;
                while y < bounds.bottom {
                    let mut x = bounds.left;
                    while x + w < bounds.right {
                        grid.push((x, y, true));
                        x += 8.0;
                    }
                    y += 6.0;
                }
                let distance = |&(l, b, _): &(f64, f64, bool)| {
                    let (dx, dy) = (l + w / 2.0 - p.cx, b - p.cy);
                    dx * dx + dy * dy
                };
                grid.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
                // Over no other node if anywhere; only then over one.
                chosen = grid
                    .iter()
                    .find(|&&(l, b, _)| fits(l, b, 1))
                    .or_else(|| candidates.iter().find(|&&(l, b, _)| fits(l, b, 0)))
                    .or_else(|| grid.iter().find(|&&(l, b, _)| fits(l, b, 0)))
                    .copied();
            }
        }
        let Some((left, baseline, moved)) = chosen else {
            continue;
        };
        // Left of its node (it ends before the node's centre): aligned to
        // its right end, by the node.
        let end = left + w <= p.cx;
        let t = Text {
            bold: node.is_ego,
            color: "#111111",
            end,
            x: if end { left + w } else { left },
            ..text(left, baseline, size, &label)
        };
        let bounds_of = t.bounds();
        taken.push(bounds_of);
        let leader = moved.then(|| {
            // From the node's rim towards the nearest point of the label.
            let tx = p.cx.clamp(bounds_of.left, bounds_of.right);
            let ty = p.cy.clamp(bounds_of.top, bounds_of.bottom);
            let (dx, dy) = (tx - p.cx, ty - p.cy);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            (p.cx + dx / d * p.r, p.cy + dy / d * p.r, tx, ty)
        });
        let whole = crate::text::shorten(&node.name, usize::MAX);
        let shown = label.split('\n').collect::<Vec<_>>().join(" ");
        labels.push(PLabel {
            full: (shown != whole).then_some(whole),
            id: node.id.clone(),
            text: t,
            leader,
        });
    }
    labels
}
