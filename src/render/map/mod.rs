//! Network maps for print. [`MapModel`] says what to draw (composed from an
//! analysis by `views::map`); [`draw`] lays it out (Graphviz or the
//! built-in layout, [`layout`]), packs separate components as islands,
//! composes the page — drawing, labels on their nodes, legend in its own
//! panel, title and caption ([`compose`]) — and writes it as SVG ([`svg`])
//! or, through Graphviz with every position fixed, as PNG, PDF or DOT
//! ([`dot`]).
//!
//! Every SVG map carries the marks tests and the report's interactive map
//! rely on: `data-actor="<id>"` on each actor, `data-label="<id>"` on its
//! visible label, `data-tie="<id1>|<id2>"` on each tie, and `id="legend"`
//! on the legend.

pub mod compose;
pub mod dot;
mod force;
pub mod geometry;
mod labels;
pub mod layout;
pub mod svg;

use crate::error::{Error, Result};
use crate::io::graphviz::run_graphviz;
use std::str::FromStr;

pub use crate::io::graphviz::{graphviz_available, ENGINES};
pub use dot::dot_quote;

/// One node to draw: an actor (circle) or, on two-mode maps, an engagement
/// (square).
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    /// The actor's or engagement's id.
    pub id: String,
    /// Its full name.
    pub name: String,
    /// The label shown, shortened and unique; `None` for no label.
    pub label: Option<String>,
    /// 2: must be labelled (the ego, coordinators); 1: a central actor of
    /// its component; 0: labelled when there is room.
    pub label_priority: u8,
    /// Tooltip: name, kind and the size metric.
    pub tooltip: String,
    /// Fill colour (`#rrggbb`).
    pub color: String,
    /// Diameter in inches at full scale.
    pub size: f64,
    /// An engagement (square) rather than an actor (circle).
    pub is_engagement: bool,
    /// The actor an ego map is about (drawn with a ring, label in bold).
    pub is_ego: bool,
    /// The group it is boxed with, if clustered.
    pub cluster: Option<String>,
    /// Where it is on a map of Finland (a geographic map): its
    /// municipality's or region's centre.
    pub place: Option<crate::import::register::Place>,
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
    /// Line colour (`#rrggbb` or `#rrggbbaa`).
    pub color: String,
    /// Dashed (a target-group participation on two-mode maps).
    pub dashed: bool,
    /// Tooltip: the two names and what links them.
    pub tooltip: String,
    /// The project (top-level engagement) behind the tie, as a caption
    /// for the island it belongs to.
    pub project: Option<String>,
    /// Text written at the line's middle (a map of groups: ties and
    /// density).
    pub label: Option<String>,
}

/// A legend row.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendRow {
    /// What the colour stands for, in the map's language.
    pub label: String,
    /// The colour.
    pub color: String,
    /// How many nodes have it (shown in brackets; 0 hides the count).
    pub count: usize,
    /// Drawn as the ego's ring rather than a filled swatch.
    pub ring: bool,
}

/// Everything a map shows, before any layout.
#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    /// Title line.
    pub title: String,
    /// Caption lines: dataset, size, filters, dates, notes.
    pub caption: Vec<String>,
    /// Nodes.
    pub nodes: Vec<MapNode>,
    /// Ties.
    pub edges: Vec<MapEdge>,
    /// The legend's heading.
    pub legend_title: String,
    /// Colour legend.
    pub legend: Vec<LegendRow>,
    /// What node size and line width mean, for the legend panel.
    pub legend_notes: Vec<String>,
    /// The same in one sentence (the report shows it under the map).
    pub scale_note: String,
    /// What was hidden to keep the map legible, if anything.
    pub thinning_note: Option<String>,
    /// The caption's line when not every actor could be named, with
    /// `{named}` and `{all}` to fill once the labels are placed.
    pub named_note: Option<String>,
    /// Nodes are placed at their [`MapNode::place`] on a map of Finland,
    /// whatever the layout asked for.
    pub geographic: bool,
}

/// Shortens a label to `max` characters with an ellipsis; one line
/// ([`crate::text::shorten`]).
pub fn short_label(text: &str, max: usize) -> String {
    crate::text::shorten(text, max)
}

/// Names of at most this many characters are labelled on one line.
pub const ONE_LINE: usize = 20;

/// A label of `text` on at most two lines of at most `max` characters: on
/// one line when it has at most [`ONE_LINE`] characters; else wrapped at
/// spaces into two lines as even as they can be; the second line shortened
/// with an ellipsis when two lines do not hold it (a word longer than a
/// line is shortened too).
///
/// # Examples
/// ```
/// use verkosto::render::map::two_line_label;
/// assert_eq!(two_line_label("Kokkolan kaupunki", 28), "Kokkolan kaupunki");
/// assert_eq!(
///     two_line_label("Kaakkois-Suomen ammattikorkeakoulu", 28),
///     "Kaakkois-Suomen\nammattikorkeakoulu"
/// );
/// ```
pub fn two_line_label(text: &str, max: usize) -> String {
    let flat = crate::text::shorten(text, usize::MAX);
    let n = flat.chars().count();
    if n <= ONE_LINE.max(1).min(max) {
        return flat;
    }
    let wrap = |width: usize| -> Vec<String> {
        textwrap::wrap(
            &flat,
            textwrap::Options::new(width.max(1))
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation),
        )
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
    };
    let fits = |lines: &[String], width: usize| lines.iter().all(|l| l.chars().count() <= width);
    for width in n.div_ceil(2)..=max {
        let lines = wrap(width);
        if lines.len() <= 2 && fits(&lines, width) {
            return lines.join("\n");
        }
    }
    let lines = wrap(max);
    match lines.split_first() {
        Some((first, rest)) if !rest.is_empty() => format!(
            "{}\n{}",
            crate::text::shorten(first, max),
            crate::text::shorten(&rest.join(" "), max)
        ),
        _ => crate::text::shorten(&flat, max),
    }
}

/// Labels that stay unique: each name on at most two lines of `max`
/// characters ([`two_line_label`]), shortened less where two would read
/// the same.
pub fn unique_labels(names: &[&str], max: usize) -> Vec<String> {
    let mut lengths = vec![max; names.len()];
    for _ in 0..64 {
        let labels: Vec<String> = names
            .iter()
            .zip(&lengths)
            .map(|(n, &m)| two_line_label(n, m))
            .collect();
        let mut changed = false;
        for i in 0..names.len() {
            let clash =
                (0..names.len()).any(|j| j != i && labels[j] == labels[i] && names[j] != names[i]);
            if clash && labels[i].ends_with('…') {
                lengths[i] += 4;
                changed = true;
            }
        }
        if !changed {
            return labels;
        }
    }
    names.iter().map(|n| short_label(n, usize::MAX)).collect()
}

/// What a map is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum MapFormat {
    /// DOT for Graphviz, every position fixed (`dot -Tpng map.dot` draws
    /// the same picture).
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
            "dot" | "gv" => Some(MapFormat::Dot),
            "svg" => Some(MapFormat::Svg),
            "png" => Some(MapFormat::Png),
            "pdf" => Some(MapFormat::Pdf),
            _ => None,
        }
    }

    /// The format of the file `path` by its extension; an
    /// [`crate::error::Error::InvalidParameter`] naming `parameter` when it has
    /// none of the four.
    pub fn from_path(
        path: &std::path::Path,
        parameter: &'static str,
    ) -> crate::error::Result<MapFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(MapFormat::from_extension)
            .ok_or_else(|| {
                crate::error::Error::invalid(
                    parameter,
                    path.display(),
                    "a file name ending in .dot, .svg, .png or .pdf",
                )
            })
    }

    /// The Graphviz `-T` name.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl FromStr for MapFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<MapFormat> {
        MapFormat::from_extension(s)
            .ok_or_else(|| Error::invalid("map_format", s, "dot, svg, png or pdf"))
    }
}

/// How a map is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Graphviz with the engine that suits the map ([`layout::default_engine`]),
    /// or the built-in layout when Graphviz is not installed.
    #[default]
    Graphviz,
    /// Graphviz with a chosen engine (one of [`ENGINES`]).
    Engine(&'static str),
    /// verkosto's own seeded force-directed layout.
    Builtin,
}

/// The page a map is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum PageSize {
    /// A 16:9 slide, 13.333 × 7.5 in.
    Slide,
    /// A4 portrait, 595 × 842 pt (210 × 297 mm).
    A4,
    /// A4 landscape, 842 × 595 pt (the default).
    #[default]
    A4Landscape,
    /// Width × height in inches.
    Inches(f64, f64),
    /// Width × height in pixels at the drawing's resolution.
    Pixels(f64, f64),
}

impl PageSize {
    /// Width and height in inches at `dpi` dots per inch.
    pub fn inches(self, dpi: f64) -> (f64, f64) {
        match self {
            PageSize::Slide => (13.333, 7.5),
            PageSize::A4 => (595.0 / 72.0, 842.0 / 72.0),
            PageSize::A4Landscape => (842.0 / 72.0, 595.0 / 72.0),
            PageSize::Inches(w, h) => (w, h),
            PageSize::Pixels(w, h) => (w / dpi, h / dpi),
        }
    }
}

impl FromStr for PageSize {
    type Err = Error;

    /// `slide`, `a4`, `a4-landscape`, or `WxH` in inches (`10x7.5`,
    /// `10x7.5in`) or pixels (`1920x1080px`).
    fn from_str(s: &str) -> Result<PageSize> {
        let expected = "slide, a4, a4-landscape, or WxH in inches (10x7.5) or pixels (1920x1080px)";
        match s {
            "slide" => return Ok(PageSize::Slide),
            "a4" => return Ok(PageSize::A4),
            "a4-landscape" => return Ok(PageSize::A4Landscape),
            _ => {}
        }
        let (body, pixels) = match s.strip_suffix("px") {
            Some(b) => (b, true),
            None => (s.strip_suffix("in").unwrap_or(s), false),
        };
        let (w, h) = body
            .split_once('x')
            .and_then(|(w, h)| Some((w.trim().parse::<f64>().ok()?, h.trim().parse::<f64>().ok()?)))
            .filter(|(w, h)| w.is_finite() && h.is_finite() && *w > 0.0 && *h > 0.0)
            .ok_or_else(|| Error::invalid("size", s, expected))?;
        let limit = if pixels { 20_000.0 } else { 100.0 };
        if w > limit || h > limit {
            return Err(Error::invalid("size", s, format!("at most {limit} a side")));
        }
        Ok(if pixels {
            PageSize::Pixels(w, h)
        } else {
            PageSize::Inches(w, h)
        })
    }
}

/// How to draw a map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawOptions {
    /// The output format.
    pub format: MapFormat,
    /// The layout.
    pub layout: Layout,
    /// Seed of the built-in layout.
    pub seed: u64,
    /// The page.
    pub size: PageSize,
    /// Resolution of PNG output, dots per inch (default 200).
    pub dpi: f64,
    /// Print the caption under the map (default true).
    pub caption: bool,
    /// How long a Graphviz layout may take before the built-in layout is
    /// used instead (default 60 s).
    pub layout_timeout: std::time::Duration,
}

impl Default for DrawOptions {
    fn default() -> Self {
        DrawOptions {
            format: MapFormat::Svg,
            layout: Layout::Graphviz,
            seed: 1,
            size: PageSize::default(),
            dpi: 200.0,
            caption: true,
            layout_timeout: crate::io::graphviz::DEFAULT_TIMEOUT,
        }
    }
}

/// A drawn map and what the reader should know about how it was drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// True when the built-in layout placed the nodes.
    pub builtin: bool,
    /// Notes for the user (e.g. Graphviz missing, built-in layout used).
    pub notes: Vec<String>,
}

/// Draws `model`: lays it out, composes the page and writes it in the
/// asked format. PNG and PDF need Graphviz; SVG falls back to the built-in
/// layout without it.
pub fn draw(model: &MapModel, options: &DrawOptions) -> Result<Drawing> {
    if !(options.dpi.is_finite() && (10.0..=2400.0).contains(&options.dpi)) {
        return Err(Error::invalid(
            "dpi",
            options.dpi,
            "a resolution between 10 and 2400",
        ));
    }
    let mut placed = layout::place(model, options.layout, options.seed, options.layout_timeout)?;
    let (width, height) = options.size.inches(options.dpi);
    let (width, height) = (width * 72.0, height * 72.0);
    // Island captions and labels keep their size at any scale: the
    // islands are packed at the largest scale at which they, with that
    // room, fit the page.
    placed.fit(compose::drawing_room(
        model,
        width,
        height,
        options.caption,
        false,
    ));
    let mut picture = compose::compose(model, &placed, width, height, options.caption, false);
    if picture.unnamed && options.caption && model.named_note.is_some() {
        // Again, with a caption line that says how many are named.
        placed.fit(compose::drawing_room(model, width, height, true, true));
        picture = compose::compose(model, &placed, width, height, true, true);
    }
    let mut notes = placed.notes.clone();
    let bytes = match options.format {
        MapFormat::Svg => svg::to_svg(&picture).into_bytes(),
        MapFormat::Dot => dot::pinned_dot(&picture).into_bytes(),
        MapFormat::Png | MapFormat::Pdf => {
            let args = vec![
                "-Kneato".to_string(),
                "-n2".to_string(),
                // A PDF is in points whatever the resolution: at 72 dpi
                // its page is exactly the asked size.
                format!(
                    "-Gdpi={}",
                    if options.format == MapFormat::Pdf {
                        72.0
                    } else {
                        options.dpi
                    }
                ),
                format!("-T{}", options.format.name()),
            ];
            match run_graphviz(&dot::pinned_dot(&picture), &args)? {
                Some(bytes) => bytes,
                None => {
                    return Err(Error::GraphvizMissing {
                        format: options.format.name(),
                    })
                }
            }
        }
    };
    notes.dedup();
    Ok(Drawing {
        bytes,
        builtin: placed.builtin,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_shorten_and_stay_unique() {
        assert_eq!(short_label("a  b\nc", 10), "a b c");
        assert_eq!(short_label("abcdefghij", 5), "abcd…");
        let names = [
            "Kaakkois-Suomen ammattikorkeakoulu",
            "Kaakkois-Suomen ELY-keskus",
            "Xamk",
        ];
        let labels = unique_labels(&names, 28);
        assert_eq!(labels[2], "Xamk");
        assert_eq!(labels[0], "Kaakkois-Suomen\nammattikorkeakoulu");
        assert_eq!(labels[1], "Kaakkois-Suomen\nELY-keskus");
        let same_start = [
            "Regional Council of North Ostrobothnia and its many partners",
            "Regional Council of North Ostrobothnia and its many friends",
        ];
        let labels = unique_labels(&same_start, 16);
        assert_ne!(labels[0], labels[1]);
        assert!(labels[0].lines().count() == 2 && labels[0].ends_with('…'));
    }

    #[test]
    fn long_names_wrap_on_two_lines_before_they_are_shortened() {
        assert_eq!(two_line_label("Lapin liitto", 28), "Lapin liitto");
        assert_eq!(
            two_line_label("Työ- ja elinkeinoministeriö", 28),
            "Työ- ja\nelinkeinoministeriö"
        );
        // Too long for two lines: the second is shortened.
        let label = two_line_label(
            "Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus",
            28,
        );
        let lines: Vec<&str> = label.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 28), "{label}");
        assert!(lines[1].ends_with('…'));
        // A single word longer than a line is shortened.
        assert_eq!(two_line_label(&"a".repeat(40), 10).chars().count(), 10);
    }

    #[test]
    fn page_sizes_parse() {
        assert_eq!(
            "slide".parse::<PageSize>().unwrap().inches(300.0),
            (13.333, 7.5)
        );
        assert_eq!(
            "10x7.5".parse::<PageSize>().unwrap(),
            PageSize::Inches(10.0, 7.5)
        );
        assert_eq!(
            "1920x1080px".parse::<PageSize>().unwrap().inches(192.0),
            (10.0, 5.625)
        );
        assert!("0x5".parse::<PageSize>().is_err());
        assert!("big".parse::<PageSize>().is_err());
    }
}
