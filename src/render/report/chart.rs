//! Small inline SVG charts of one figure per period, readable without
//! colour: a dark line with a marker and the value at every period (or
//! bars, for counts of events), the periods under the axis.

use crate::render::xml::xml_escape;
use std::fmt::Write as _;

/// One chart: a title, the period labels and one value per period.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Title over the chart.
    pub title: String,
    /// Period labels, in order.
    pub labels: Vec<String>,
    /// One value per label.
    pub values: Vec<f64>,
    /// Bars (counts of events) instead of a line (levels).
    pub bars: bool,
    /// Values as shown under each marker (already formatted for the
    /// report's language).
    pub shown: Vec<String>,
}

const WIDTH: f64 = 330.0;
const HEIGHT: f64 = 170.0;
const LEFT: f64 = 12.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 30.0;

/// The chart as a standalone SVG element (`role="img"` with the title as
/// its accessible name).
pub fn chart_svg(chart: &Chart) -> String {
    let n = chart.values.len().max(1);
    let top = chart.values.iter().copied().fold(0.0_f64, f64::max);
    let scale = if top > 0.0 { 1.0 / top } else { 0.0 };
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let step = plot_w / n as f64;
    let x = |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = |v: f64| TOP + plot_h * (1.0 - v * scale);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-label=\"{title}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n<text x=\"{LEFT}\" y=\"16\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">{title}</text>\n<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{right}\" y2=\"{base}\" stroke=\"#555\" stroke-width=\"1\"/>\n",
        title = xml_escape(&chart.title),
        base = TOP + plot_h,
        right = WIDTH - RIGHT,
    );
    // Label every period when they fit, else every k-th.
    let every = ((n as f64 * 34.0) / plot_w).ceil().max(1.0) as usize;
    for (i, label) in chart.labels.iter().enumerate() {
        if i % every == 0 {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
                x(i),
                HEIGHT - BOTTOM + 13.0,
                xml_escape(label)
            );
        }
    }
    if chart.bars {
        let w = (step * 0.6).max(1.0);
        for (i, &v) in chart.values.iter().enumerate() {
            let _ = writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#444\"/>",
                x(i) - w / 2.0,
                y(v),
                TOP + plot_h - y(v)
            );
        }
    } else {
        let points: Vec<String> = chart
            .values
            .iter()
            .enumerate()
            .map(|(i, &v)| format!("{:.1},{:.1}", x(i), y(v)))
            .collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.6\"/>",
            points.join(" ")
        );
        for (i, &v) in chart.values.iter().enumerate() {
            let _ = writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.6\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1.4\"/>",
                x(i),
                y(v)
            );
        }
    }
    // Values over the markers when they fit; otherwise the largest one on
    // a dashed line at the top, so the scale can still be read.
    if step >= 16.0 {
        for (i, (&v, shown)) in chart.values.iter().zip(&chart.shown).enumerate() {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"8.5\" text-anchor=\"middle\" fill=\"#111\">{}</text>",
                x(i),
                y(v) - 5.0,
                xml_escape(shown)
            );
        }
    } else if let Some(i) = chart.values.iter().position(|&v| v == top && top > 0.0) {
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{}\" y2=\"{TOP}\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"8.5\" text-anchor=\"end\" fill=\"#111\">{}</text>",
            WIDTH - RIGHT,
            WIDTH - RIGHT,
            TOP - 3.0,
            xml_escape(&chart.shown[i])
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_has_one_marker_and_value_per_period() {
        let chart = Chart {
            title: "Ties <per> year".into(),
            labels: vec!["2020".into(), "2021".into(), "2022".into()],
            values: vec![1.0, 4.0, 0.0],
            bars: false,
            shown: vec!["1".into(), "4".into(), "0".into()],
        };
        let svg = chart_svg(&chart);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("Ties &lt;per&gt; year"));
        assert!(svg.contains(">2021</text>"));
        let bars = chart_svg(&Chart {
            bars: true,
            ..chart
        });
        assert_eq!(bars.matches("<rect").count(), 3);
    }
}
