//! The composed page as SVG, with the marks the tests and the report's
//! interactive map rely on (`data-actor`, `data-label`, `data-tie`,
//! `id="legend"`), written element by element with [`XmlWriter`].

use super::geometry::{Picture, Rect, Text};
use crate::render::xml::XmlWriter;

/// The colour of the points behind a geographic map.
pub(super) const BACKDROP: &str = "#d4d4d4";

/// `<text>` of `t`, with `extra` attributes after its own.
fn text_element(xml: &mut XmlWriter, t: &Text, extra: &[(&str, &str)]) {
    let (x, y, size) = (
        format!("{:.1}", t.x),
        format!("{:.1}", t.y),
        t.size.to_string(),
    );
    let mut attributes = vec![
        ("x", x.as_str()),
        ("y", y.as_str()),
        ("font-size", size.as_str()),
    ];
    if t.bold {
        attributes.push(("font-weight", "bold"));
    }
    if t.italic {
        attributes.push(("font-style", "italic"));
    }
    if t.middle {
        attributes.push(("text-anchor", "middle"));
    } else if t.end {
        attributes.push(("text-anchor", "end"));
    }
    attributes.push(("fill", t.color));
    attributes.extend_from_slice(extra);
    if t.text.contains('\n') {
        // A label on two lines: one <tspan> a line, each back at x.
        let spacing = format!("{}em", super::geometry::LINE_SPACING);
        xml.open("text", &attributes);
        for (i, line) in t.text.split('\n').enumerate() {
            let dy = if i == 0 { "0" } else { spacing.as_str() };
            xml.text("tspan", &[("x", x.as_str()), ("dy", dy)], line);
        }
        xml.close("text");
    } else {
        xml.text("text", &attributes, &t.text);
    }
    xml.line_break();
}

/// `x`, `y`, `width` and `height` of a rectangle, to one decimal.
fn rect_box(r: &Rect) -> [String; 4] {
    [r.left, r.top, r.right - r.left, r.bottom - r.top].map(|v| format!("{v:.1}"))
}

/// An element with a `<title>` (its tooltip) inside.
fn titled(xml: &mut XmlWriter, name: &str, attributes: &[(&str, &str)], title: &str) {
    xml.open(name, attributes);
    xml.text("title", &[], title);
    xml.close(name);
    xml.line_break();
}

/// A group: `<g …>`, then what `inside` writes, then `</g>`.
fn group(xml: &mut XmlWriter, attributes: &[(&str, &str)], inside: impl FnOnce(&mut XmlWriter)) {
    xml.open("g", attributes);
    xml.line_break();
    inside(xml);
    xml.close("g");
    xml.line_break();
}

/// `<svg …>` with the page's size, its `<title>` and white background.
fn svg_start(xml: &mut XmlWriter, p: &Picture) {
    let (w, h) = (format!("{:.1}", p.width), format!("{:.1}", p.height));
    let view = format!("0 0 {w} {h}");
    let (width, height) = (format!("{w}pt"), format!("{h}pt"));
    xml.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", &view),
            ("width", &width),
            ("height", &height),
            ("font-family", "Helvetica, Arial, sans-serif"),
            ("role", "img"),
        ],
    );
    xml.line_break();
    xml.text("title", &[], &p.title.text);
    xml.line_break();
    xml.empty(
        "rect",
        &[("width", "100%"), ("height", "100%"), ("fill", "white")],
    );
    xml.line_break();
}

/// The page as a standalone SVG document.
pub fn to_svg(p: &Picture) -> String {
    let mut xml = XmlWriter::flat();
    svg_start(&mut xml, p);
    text_element(&mut xml, &p.title, &[("class", "title")]);
    if !p.backdrop.is_empty() {
        group(
            &mut xml,
            &[("class", "backdrop"), ("fill", BACKDROP)],
            |xml| {
                for &(x, y) in &p.backdrop {
                    let (x, y) = (format!("{x:.1}"), format!("{y:.1}"));
                    xml.empty("circle", &[("cx", &x), ("cy", &y), ("r", "1.4")]);
                }
            },
        );
    }
    let clusters = [
        ("class", "clusters"),
        ("fill", "none"),
        ("stroke", "#bbbbbb"),
        ("stroke-dasharray", "3 2"),
    ];
    group(&mut xml, &clusters, |xml| {
        for b in &p.clusters {
            let [x, y, w, h] = rect_box(&b.rect);
            xml.empty(
                "rect",
                &[
                    ("x", &x),
                    ("y", &y),
                    ("width", &w),
                    ("height", &h),
                    ("rx", "6"),
                ],
            );
            xml.line_break();
        }
    });
    group(&mut xml, &[("class", "cluster-names")], |xml| {
        for b in &p.clusters {
            text_element(xml, &b.label, &[]);
        }
    });
    group(
        &mut xml,
        &[("class", "ties"), ("stroke-linecap", "round")],
        |xml| ties(xml, p),
    );
    let actors = [
        ("class", "actors"),
        ("stroke", "#333333"),
        ("stroke-width", "0.6"),
    ];
    group(&mut xml, &actors, |xml| nodes(xml, p));
    group(&mut xml, &[("class", "island-captions")], |xml| {
        for t in &p.island_captions {
            text_element(xml, t, &[]);
        }
    });
    group(
        &mut xml,
        &[("class", "labels"), ("stroke-linejoin", "round")],
        |xml| labels(xml, p),
    );
    group(&mut xml, &[("id", "legend")], |xml| legend(xml, p));
    group(&mut xml, &[("class", "caption")], |xml| {
        for t in &p.caption {
            text_element(xml, t, &[]);
        }
    });
    xml.close("svg");
    xml.line_break();
    xml.into_string()
}

fn ties(xml: &mut XmlWriter, p: &Picture) {
    for e in &p.edges {
        let tie = format!("{}|{}", e.ends.0, e.ends.1);
        let [x1, y1, x2, y2] = [e.x1, e.y1, e.x2, e.y2].map(|v| format!("{v:.1}"));
        let (opacity, width) = (format!("{:.2}", e.opacity), format!("{:.2}", e.width));
        let mut attributes = vec![
            ("data-tie", tie.as_str()),
            ("x1", &x1),
            ("y1", &y1),
            ("x2", &x2),
            ("y2", &y2),
            ("stroke", &e.color),
            ("stroke-opacity", &opacity),
            ("stroke-width", &width),
        ];
        if e.dashed {
            attributes.push(("stroke-dasharray", "4 3"));
        }
        titled(xml, "line", &attributes, &e.tooltip);
    }
}

fn nodes(xml: &mut XmlWriter, p: &Picture) {
    for n in &p.nodes {
        if n.square {
            let [x, y, s] = [n.cx - n.r, n.cy - n.r, 2.0 * n.r].map(|v| format!("{v:.1}"));
            let attributes = [
                ("data-engagement", n.id.as_str()),
                ("x", &x),
                ("y", &y),
                ("width", &s),
                ("height", &s),
                ("fill", &n.fill),
            ];
            titled(xml, "rect", &attributes, &n.tooltip);
        } else {
            let [cx, cy, r] = [n.cx, n.cy, n.r].map(|v| format!("{v:.1}"));
            let mut attributes = vec![
                ("data-actor", n.id.as_str()),
                ("cx", &cx),
                ("cy", &cy),
                ("r", &r),
                ("fill", &n.fill),
            ];
            if n.ego {
                attributes.extend([
                    ("stroke", "#000000"),
                    ("stroke-width", "2.5"),
                    ("class", "ego"),
                ]);
            }
            titled(xml, "circle", &attributes, &n.tooltip);
        }
    }
}

fn labels(xml: &mut XmlWriter, p: &Picture) {
    for l in &p.labels {
        if let Some((x1, y1, x2, y2)) = l.leader {
            let [x1, y1, x2, y2] = [x1, y1, x2, y2].map(|v| format!("{v:.1}"));
            xml.empty(
                "line",
                &[
                    ("class", "leader"),
                    ("x1", &x1),
                    ("y1", &y1),
                    ("x2", &x2),
                    ("y2", &y2),
                    ("stroke", "#777777"),
                    ("stroke-width", "0.6"),
                ],
            );
            xml.line_break();
        }
        let extra = [
            ("data-label", l.id.as_str()),
            ("stroke", "white"),
            ("stroke-width", "2.5"),
            ("paint-order", "stroke"),
        ];
        match &l.full {
            // A shortened name: its whole in a tooltip.
            Some(full) => {
                xml.open("g", &[("class", "shortened")]);
                xml.text("title", &[], full);
                text_element(xml, &l.text, &extra);
                xml.close("g");
                xml.line_break();
            }
            None => text_element(xml, &l.text, &extra),
        }
    }
}

fn legend(xml: &mut XmlWriter, p: &Picture) {
    let [x, y, w, h] = rect_box(&p.legend.rect);
    xml.empty(
        "rect",
        &[
            ("x", &x),
            ("y", &y),
            ("width", &w),
            ("height", &h),
            ("fill", "white"),
            ("stroke", "#999999"),
            ("stroke-width", "0.6"),
            ("rx", "4"),
        ],
    );
    xml.line_break();
    text_element(xml, &p.legend.title, &[]);
    for row in &p.legend.rows {
        let (cx, cy) = (format!("{:.1}", row.cx), format!("{:.1}", row.cy));
        let (fill, stroke, width) = if row.ring {
            ("white", "#000000", "2")
        } else {
            (row.color.as_str(), "#333333", "0.6")
        };
        xml.empty(
            "circle",
            &[
                ("cx", &cx),
                ("cy", &cy),
                ("r", "5"),
                ("fill", fill),
                ("stroke", stroke),
                ("stroke-width", width),
            ],
        );
        xml.line_break();
        text_element(xml, &row.text, &[]);
    }
    for t in &p.legend.notes {
        text_element(xml, t, &[]);
    }
}
