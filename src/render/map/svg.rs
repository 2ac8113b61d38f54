//! The composed page as SVG, with the marks the tests and the report's
//! interactive map rely on (`data-actor`, `data-label`, `data-tie`,
//! `id="legend"`).

use super::geometry::{Picture, Text};
use crate::render::xml::xml_escape;
use std::fmt::Write as _;

fn text_element(out: &mut String, t: &Text, extra: &str) {
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{}\"{}{}{} fill=\"{}\"{extra}>{}</text>",
        t.x,
        t.y,
        t.size,
        if t.bold { " font-weight=\"bold\"" } else { "" },
        if t.italic {
            " font-style=\"italic\""
        } else {
            ""
        },
        if t.middle {
            " text-anchor=\"middle\""
        } else {
            ""
        },
        t.color,
        xml_escape(&t.text)
    );
}

/// The page as a standalone SVG document.
pub fn to_svg(p: &Picture) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.1} {h:.1}\" width=\"{w:.1}pt\" height=\"{h:.1}pt\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">",
        w = p.width,
        h = p.height
    );
    let _ = writeln!(out, "<title>{}</title>", xml_escape(&p.title.text));
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    text_element(&mut out, &p.title, " class=\"title\"");
    out.push_str(
        "<g class=\"clusters\" fill=\"none\" stroke=\"#bbbbbb\" stroke-dasharray=\"3 2\">\n",
    );
    for b in &p.clusters {
        let r = b.rect;
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\"/>",
            r.left,
            r.top,
            r.right - r.left,
            r.bottom - r.top
        );
    }
    out.push_str("</g>\n<g class=\"cluster-names\">\n");
    for b in &p.clusters {
        text_element(&mut out, &b.label, "");
    }
    out.push_str("</g>\n<g class=\"ties\" stroke-linecap=\"round\">\n");
    for e in &p.edges {
        let _ = writeln!(
            out,
            "<line data-tie=\"{}|{}\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-opacity=\"{:.2}\" stroke-width=\"{:.2}\"{}><title>{}</title></line>",
            xml_escape(&e.ends.0),
            xml_escape(&e.ends.1),
            e.x1,
            e.y1,
            e.x2,
            e.y2,
            e.color,
            e.opacity,
            e.width,
            if e.dashed { " stroke-dasharray=\"4 3\"" } else { "" },
            xml_escape(&e.tooltip)
        );
    }
    out.push_str("</g>\n<g class=\"actors\" stroke=\"#333333\" stroke-width=\"0.6\">\n");
    for n in &p.nodes {
        let title = format!("<title>{}</title>", xml_escape(&n.tooltip));
        if n.square {
            let _ = writeln!(
                out,
                "<rect data-engagement=\"{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\">{title}</rect>",
                xml_escape(&n.id),
                n.cx - n.r,
                n.cy - n.r,
                2.0 * n.r,
                2.0 * n.r,
                n.fill
            );
        } else {
            let _ = writeln!(
                out,
                "<circle data-actor=\"{}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{}\"{}>{title}</circle>",
                xml_escape(&n.id),
                n.cx,
                n.cy,
                n.r,
                n.fill,
                if n.ego { " stroke=\"#000000\" stroke-width=\"2.5\" class=\"ego\"" } else { "" }
            );
        }
    }
    out.push_str("</g>\n<g class=\"island-captions\">\n");
    for t in &p.island_captions {
        text_element(&mut out, t, "");
    }
    out.push_str("</g>\n<g class=\"labels\" stroke-linejoin=\"round\">\n");
    for l in &p.labels {
        if let Some((x1, y1, x2, y2)) = l.leader {
            let _ = writeln!(
                out,
                "<line class=\"leader\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#777777\" stroke-width=\"0.6\"/>"
            );
        }
        let extra = format!(
            " data-label=\"{}\" stroke=\"white\" stroke-width=\"2.5\" paint-order=\"stroke\"",
            xml_escape(&l.id)
        );
        text_element(&mut out, &l.text, &extra);
    }
    out.push_str("</g>\n");
    let r = p.legend.rect;
    out.push_str("<g id=\"legend\">\n");
    let _ = writeln!(
        out,
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"white\" stroke=\"#999999\" stroke-width=\"0.6\" rx=\"4\"/>",
        r.left,
        r.top,
        r.right - r.left,
        r.bottom - r.top
    );
    text_element(&mut out, &p.legend.title, "");
    for row in &p.legend.rows {
        if row.ring {
            let _ = writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"white\" stroke=\"#000000\" stroke-width=\"2\"/>",
                row.cx, row.cy
            );
        } else {
            let _ = writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.6\"/>",
                row.cx, row.cy, row.color
            );
        }
        text_element(&mut out, &row.text, "");
    }
    for t in &p.legend.notes {
        text_element(&mut out, t, "");
    }
    out.push_str("</g>\n<g class=\"caption\">\n");
    for t in &p.caption {
        text_element(&mut out, t, "");
    }
    out.push_str("</g>\n</svg>\n");
    out
}
