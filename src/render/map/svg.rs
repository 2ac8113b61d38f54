//! The map drawn by verkosto itself: a seeded force-directed layout and an
//! SVG writer, for when Graphviz is not installed.

use super::{short_label, MapModel};
use crate::render::layout::force_layout;
use std::fmt::Write as _;

/// The map as SVG drawn by verkosto (seeded force-directed layout), with
/// the same colours, sizes, labels and legend as the Graphviz map.
pub fn to_builtin_svg(model: &MapModel, seed: u64) -> String {
    use crate::render::export::xml_escape;
    let sizes: Vec<f64> = model.nodes.iter().map(|n| n.size).collect();
    let edges: Vec<(usize, usize)> = model.edges.iter().map(|e| (e.a, e.b)).collect();
    let positions = force_layout(model.nodes.len(), &edges, &sizes, seed);
    let (width, height) = (900.0, 700.0);
    let margin = 60.0;
    let legend_width = 230.0;
    let header = 70.0;
    let map_w = width - legend_width - 2.0 * margin;
    let map_h = height - header - 2.0 * margin;
    let to_px = |(x, y): (f64, f64)| (margin + x * map_w, header + margin + y * map_h);
    let mut svg = String::new();
    let total_height = height + 20.0 * (model.legend.len() as f64 - 20.0).max(0.0);
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {total_height}\" width=\"{width}\" height=\"{total_height}\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">"
    );
    let _ = writeln!(svg, "<title>{}</title>", xml_escape(&model.title));
    let _ = writeln!(svg, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    let _ = writeln!(
        svg,
        "<text x=\"{margin}\" y=\"28\" font-size=\"18\" font-weight=\"bold\">{}</text>",
        xml_escape(&short_label(&model.title, 90))
    );
    let _ = writeln!(
        svg,
        "<text x=\"{margin}\" y=\"46\" font-size=\"10\" fill=\"#444\">{}</text>",
        xml_escape(&short_label(&model.caption, 170))
    );
    let _ = writeln!(
        svg,
        "<text x=\"{margin}\" y=\"60\" font-size=\"10\" fill=\"#444\">{}</text>",
        xml_escape(&short_label(&model.scale_note, 170))
    );
    if let Some(note) = &model.thinning_note {
        let _ = writeln!(
            svg,
            "<text x=\"{margin}\" y=\"{}\" font-size=\"10\" fill=\"#8a2b00\">{}</text>",
            height - 12.0,
            xml_escape(&short_label(note, 170))
        );
    }
    svg.push_str("<g stroke-linecap=\"round\">\n");
    for edge in &model.edges {
        let (x1, y1) = to_px(positions[edge.a]);
        let (x2, y2) = to_px(positions[edge.b]);
        let (color, opacity) = split_alpha(&edge.color);
        let _ = writeln!(
            svg,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{color}\" stroke-opacity=\"{opacity}\" stroke-width=\"{:.2}\"{}><title>{}</title></line>",
            edge.width,
            if edge.dashed { " stroke-dasharray=\"4 3\"" } else { "" },
            xml_escape(&edge.tooltip)
        );
    }
    svg.push_str("</g>\n<g stroke=\"#333\" stroke-width=\"0.5\">\n");
    for (node, &p) in model.nodes.iter().zip(&positions) {
        let (x, y) = to_px(p);
        let r = node.size * 72.0 / 2.0 * 0.45;
        if node.is_engagement {
            let _ = writeln!(svg, "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}</title></rect>", x - r, y - r, 2.0 * r, 2.0 * r, node.color, xml_escape(&node.tooltip));
        } else {
            let _ = writeln!(svg, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\"><title>{}</title></circle>", node.color, xml_escape(&node.tooltip));
        }
    }
    svg.push_str("</g>\n<g font-size=\"10\" fill=\"#111\">\n");
    for (node, &p) in model.nodes.iter().zip(&positions) {
        if let Some(label) = &node.label {
            let (x, y) = to_px(p);
            let r = node.size * 72.0 / 2.0 * 0.45;
            let _ = writeln!(svg, "<text x=\"{:.1}\" y=\"{:.1}\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>", x + r + 2.0, y + 3.5, xml_escape(label));
        }
    }
    svg.push_str("</g>\n");
    let lx = width - legend_width - 10.0;
    let _ = writeln!(
        svg,
        "<g font-size=\"11\"><text x=\"{lx}\" y=\"{}\" font-weight=\"bold\">Legend</text>",
        header + 20.0
    );
    for (i, (group, color, count)) in model.legend.iter().enumerate() {
        let y = header + 36.0 + 18.0 * i as f64;
        let _ = writeln!(svg, "<rect x=\"{lx}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{color}\" stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>", y - 10.0, lx + 18.0, y, xml_escape(&format!("{} ({count})", short_label(group, 28))));
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

fn split_alpha(color: &str) -> (&str, String) {
    if color.len() == 9 {
        let alpha = u8::from_str_radix(&color[7..9], 16).unwrap_or(255);
        (&color[..7], format!("{:.2}", f64::from(alpha) / 255.0))
    } else {
        (color, "1".to_string())
    }
}
