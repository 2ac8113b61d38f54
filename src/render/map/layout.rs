//! Where the nodes go: a layout engine places each node, then the
//! separate components are packed as islands with room for a caption.

use super::dot::layout_dot;
use super::force::force_layout;
use super::{Layout, MapModel};
use crate::error::{Error, Result};
use crate::io::graphviz::{run_graphviz_for, ENGINES};

/// Space between islands, inches (plus [`GAP_POINTS`]).
const GAP: f64 = 0.25;
/// Space between islands on the page, points, whatever the scale: the
/// labels and captions around them keep their size.
const GAP_POINTS: f64 = 16.0;
/// Islands of at most this many nodes are stacked, labels to the right…
const STACKED: usize = 3;
/// …and those of at most [`SPREAD`] spread out, on maps of at least this
/// many islands (a map of one small island is drawn as laid out, to fill
/// the page).
const STACKED_AMONG: usize = 4;
/// Islands of at most this many nodes (and more than [`STACKED`]) are
/// spread out further, so that their labels fit beside their nodes.
const SPREAD: usize = 12;
/// Room under an island for its caption, points.
const CAPTION_ROOM: f64 = 18.0;

/// One packed island.
#[derive(Debug, Clone, PartialEq)]
pub struct Island {
    /// Left, top, width and height of the island's nodes, inches.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The project that forms it (more than half of its ties), if any.
    pub caption: Option<String>,
}

/// A placed map: node centres in inches (y down), the islands, the engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Centre of each node, inches, y growing downwards.
    pub positions: Vec<(f64, f64)>,
    /// The islands (components), largest first.
    pub islands: Vec<Island>,
    /// Overall width and height, inches.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// True when the built-in layout placed the nodes.
    pub builtin: bool,
    /// Notes for the user.
    pub notes: Vec<String>,
    /// Points per inch the islands were packed for ([`Placed::fit`]).
    pub scale: f64,
    /// Whether the islands were packed with room for their labels (small
    /// islands stacked or spread out), or, when that cannot fit, as laid
    /// out.
    roomy: bool,
    /// The share of the usual spacing between islands and stacked nodes.
    spacing: f64,
    /// Each component as laid out on its own, for packing.
    parts: Vec<Part>,
    /// Points drawn faintly behind the map, inches like `positions` (the
    /// municipalities of a geographic map, which outline Finland).
    pub backdrop: Vec<(f64, f64)>,
}

/// A bounding box: left, top, right, bottom.
type Bounds = (f64, f64, f64, f64);

/// One component laid out in its own frame.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    /// Its nodes.
    members: Vec<usize>,
    /// Their positions, inches, in `members` order.
    local: Vec<(f64, f64)>,
    /// Bounding box (left, top, right, bottom) with the nodes' radii.
    bounds: Bounds,
    /// The project that forms it, if one does.
    caption: Option<String>,
    /// The nodes' radii, inches, in `members` order.
    radii: Vec<f64>,
    /// The longest label of its nodes, characters: room to its right so
    /// that the labels of a small island sit beside it, not over others.
    label_chars: usize,
    /// Points drawn behind it, in its frame (a geographic map's
    /// municipalities); a part with them is never spread or stacked.
    backdrop: Vec<(f64, f64)>,
}

/// Label text size over caption text size (9 pt over 8 pt).
const LABEL_OVER_CAPTION: f64 = 9.0 / 8.0;

/// The default engine: `fdp` when clustered (neato ignores clusters),
/// `neato` up to 300 nodes, `sfdp` above.
pub fn default_engine(model: &MapModel) -> &'static str {
    if model.nodes.iter().any(|n| n.cluster.is_some()) {
        "fdp"
    } else if model.nodes.len() <= 300 {
        "neato"
    } else {
        "sfdp"
    }
}

/// Connected components of the model: a component number per node,
/// numbered by first node.
fn components(model: &MapModel) -> Vec<usize> {
    let n = model.nodes.len();
    let mut sets = petgraph::unionfind::UnionFind::<usize>::new(n);
    for e in &model.edges {
        sets.union(e.a, e.b);
    }
    let mut number = vec![usize::MAX; n];
    let mut next = 0;
    (0..n)
        .map(|v| {
            let r = sets.find_mut(v);
            if number[r] == usize::MAX {
                number[r] = next;
                next += 1;
            }
            number[r]
        })
        .collect()
}

/// Inches per degree of latitude on a geographic map.
const GEO_SCALE: f64 = 1.0;

/// Inches kept clear between two nodes on a geographic map.
const GEO_GAP: f64 = 0.02;

/// A place on a geographic map, inches, y down: an equirectangular
/// projection true to scale at 64.5° N, the middle of Finland.
fn geo_point(p: crate::import::register::Place) -> (f64, f64) {
    let shrink = 64.5f64.to_radians().cos();
    (p.longitude * shrink * GEO_SCALE, -p.latitude * GEO_SCALE)
}

/// Each node's position on a geographic map, inches, y down: the places
/// in an equirectangular projection true to scale at 64.5° N (the middle
/// of Finland); nodes that would overlap are pushed apart (nodes of one
/// place start on a small sunflower around it, largest in the middle); a
/// node without a place (a project drawn as a node) at the mean of its
/// neighbours, else below the map.
///
/// Complexity: O(p²) per round for p placed nodes, 80 rounds.
fn geo_positions(model: &MapModel) -> Vec<(f64, f64)> {
    let n = model.nodes.len();
    let mut positions: Vec<Option<(f64, f64)>> = model
        .nodes
        .iter()
        .map(|node| node.place.map(geo_point))
        .collect();
    let mut at: std::collections::BTreeMap<(i64, i64), Vec<usize>> = Default::default();
    for (v, p) in positions.iter().enumerate() {
        if let Some((x, y)) = p {
            at.entry(((x * 1e4).round() as i64, (y * 1e4).round() as i64))
                .or_default()
                .push(v);
        }
    }
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    for members in at.values_mut() {
        members.sort_by(|&a, &b| {
            model.nodes[b]
                .size
                .total_cmp(&model.nodes[a].size)
                .then(a.cmp(&b))
        });
        for (i, &v) in members.iter().enumerate() {
            if let Some((x, y)) = positions[v] {
                let r = 0.05 * (i as f64).sqrt();
                let angle = i as f64 * golden;
                positions[v] = Some((x + r * angle.cos(), y + r * angle.sin()));
            }
        }
    }
    // Push overlapping nodes apart, half the overlap each, in a fixed order.
    let placed: Vec<usize> = (0..n).filter(|&v| positions[v].is_some()).collect();
    let mut xy: Vec<(f64, f64)> = placed.iter().filter_map(|&v| positions[v]).collect();
    let radius: Vec<f64> = placed.iter().map(|&v| model.nodes[v].size / 2.0).collect();
    for _ in 0..80 {
        let mut moved = false;
        for i in 0..xy.len() {
            for j in i + 1..xy.len() {
                let (dx, dy) = (xy[j].0 - xy[i].0, xy[j].1 - xy[i].1);
                let d = (dx * dx + dy * dy).sqrt();
                let least = radius[i] + radius[j] + GEO_GAP;
                if d < least {
                    let (ux, uy) = if d > 1e-9 {
                        (dx / d, dy / d)
                    } else {
                        let angle = (i * 7 + j * 13) as f64 * golden;
                        (angle.cos(), angle.sin())
                    };
                    let push = (least - d) / 2.0;
                    xy[i] = (xy[i].0 - ux * push, xy[i].1 - uy * push);
                    xy[j] = (xy[j].0 + ux * push, xy[j].1 + uy * push);
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    for (k, &v) in placed.iter().enumerate() {
        positions[v] = Some(xy[k]);
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in &model.edges {
        neighbours[e.a].push(e.b);
        neighbours[e.b].push(e.a);
    }
    let bottom = positions
        .iter()
        .flatten()
        .map(|p| p.1)
        .fold(f64::NEG_INFINITY, f64::max);
    let left = positions
        .iter()
        .flatten()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min);
    let mut unplaced = 0;
    (0..n)
        .map(|v| {
            positions[v].unwrap_or_else(|| {
                let placed: Vec<(f64, f64)> =
                    neighbours[v].iter().filter_map(|&u| positions[u]).collect();
                if placed.is_empty() {
                    unplaced += 1;
                    let base = if bottom.is_finite() {
                        (left, bottom)
                    } else {
                        (0.0, 0.0)
                    };
                    (base.0 + 0.4 * unplaced as f64, base.1 + 0.6)
                } else {
                    let k = placed.len() as f64;
                    let (x, y) = placed
                        .iter()
                        .fold((0.0, 0.0), |a, p| (a.0 + p.0 / k, a.1 + p.1 / k));
                    // Off the members' mean, so that it is not over one.
                    (x + 0.15, y - 0.15)
                }
            })
        })
        .collect()
}

/// Positions from Graphviz's `plain` output: `node NAME X Y …` in inches,
/// y up; `None` for a node it did not place.
fn parse_plain(text: &str, model: &MapModel) -> Vec<Option<(f64, f64)>> {
    let mut out = vec![None; model.nodes.len()];
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        if parts.next() != Some("node") {
            continue;
        }
        let (Some(name), Some(x), Some(y)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let index = name
            .trim_matches('"')
            .strip_prefix('n')
            .and_then(|i| i.parse::<usize>().ok());
        if let (Some(i), Ok(x), Ok(y)) = (index, x.parse::<f64>(), y.parse::<f64>()) {
            if i < out.len() {
                out[i] = Some((x, -y));
            }
        }
    }
    out
}

/// Lays `model` out and packs its components as islands.
pub fn place(
    model: &MapModel,
    layout: Layout,
    seed: u64,
    timeout: std::time::Duration,
) -> Result<Placed> {
    let n = model.nodes.len();
    let mut notes = Vec::new();
    let engine = match layout {
        _ if model.geographic => None,
        Layout::Builtin => None,
        Layout::Engine(e) if !ENGINES.contains(&e) => {
            return Err(Error::invalid(
                "engine",
                e,
                format!("one of {}", ENGINES.join(", ")),
            ))
        }
        Layout::Engine(e) => Some(e),
        Layout::Graphviz => Some(default_engine(model)),
    };
    let mut raw: Vec<Option<(f64, f64)>> = vec![None; n];
    let mut builtin = engine.is_none();
    if let Some(engine) = engine {
        let mut args = vec![format!("-K{engine}"), "-Tplain".to_string()];
        if engine == "fdp" {
            // fdp (Graphviz 2.43) gives another layout each run unless it
            // is given its seed and, with clusters, overlaps are removed
            // by Voronoi cells rather than by prism: the same map every
            // time.
            args.push(format!("-Gstart={}", seed % (1 << 31)));
            args.push("-Goverlap=voronoi".to_string());
        }
        match run_graphviz_for(&layout_dot(model), &args, timeout) {
            Ok(Some(bytes)) => raw = parse_plain(&String::from_utf8_lossy(&bytes), model),
            Ok(None) => {
                builtin = true;
                notes.push("Graphviz (the `dot` program) is not installed; laid out with verkosto's built-in layout".to_string());
            }
            Err(Error::GraphvizTimeout { seconds }) => {
                builtin = true;
                notes.push(format!("Graphviz ({engine}) did not finish within {seconds} s; laid out with verkosto's built-in layout"));
            }
            Err(e) => return Err(e),
        }
    }
    // A geographic map is one island: every node at its place.
    let component = if model.geographic {
        let places = geo_positions(model);
        for (v, p) in places.into_iter().enumerate() {
            raw[v] = Some(p);
        }
        builtin = false;
        vec![0; n]
    } else {
        components(model)
    };
    let count = component.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (v, &c) in component.iter().enumerate() {
        members[c].push(v);
    }
    // Each component in its own frame, inches.
    let mut local: Vec<(f64, f64)> = vec![(0.0, 0.0); n];
    for nodes in &members {
        let placed_all = nodes.iter().all(|&v| raw[v].is_some());
        if !builtin && placed_all {
            for &v in nodes {
                local[v] = raw[v].unwrap_or((0.0, 0.0));
            }
            continue;
        }
        let index: std::collections::HashMap<usize, usize> =
            nodes.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let edges: Vec<(usize, usize)> = model
            .edges
            .iter()
            .filter(|e| index.contains_key(&e.a))
            .map(|e| (index[&e.a], index[&e.b]))
            .collect();
        let sizes: Vec<f64> = nodes.iter().map(|&v| model.nodes[v].size).collect();
        let unit = force_layout(nodes.len(), &edges, &sizes, seed);
        let side = 0.9 * (nodes.len() as f64).sqrt() + 0.6;
        for (i, &v) in nodes.iter().enumerate() {
            local[v] = (unit[i].0 * side, unit[i].1 * side);
        }
    }
    // Bounding boxes, with the nodes' radii.
    let mut boxes: Vec<(f64, f64, f64, f64)> = members
        .iter()
        .map(|nodes| {
            let mut b = (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            );
            for &v in nodes {
                let r = model.nodes[v].size / 2.0;
                let (x, y) = local[v];
                b = (
                    b.0.min(x - r),
                    b.1.min(y - r),
                    b.2.max(x + r),
                    b.3.max(y + r),
                );
            }
            b
        })
        .collect();
    for b in &mut boxes {
        if !b.0.is_finite() {
            *b = (0.0, 0.0, 0.0, 0.0);
        }
    }
    let mut parts: Vec<Part> = members
        .iter()
        .zip(boxes)
        .map(|(nodes, bounds)| Part {
            local: nodes.iter().map(|&v| local[v]).collect(),
            caption: island_caption(model, nodes),
            radii: nodes.iter().map(|&v| model.nodes[v].size / 2.0).collect(),
            label_chars: nodes
                .iter()
                .filter_map(|&v| model.nodes[v].label.as_ref())
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0),
            members: nodes.clone(),
            bounds,
            backdrop: Vec::new(),
        })
        .collect();
    if let (true, Some(part)) = (model.geographic, parts.first_mut()) {
        part.backdrop = crate::import::register::municipality_places()
            .map(geo_point)
            .collect();
        for &(x, y) in &part.backdrop {
            let b = &mut part.bounds;
            *b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
        }
    }
    let mut placed = Placed {
        positions: vec![(0.0, 0.0); n],
        islands: Vec::new(),
        width: 0.1,
        height: 0.1,
        builtin,
        notes,
        scale: 72.0,
        roomy: true,
        spacing: 1.0,
        parts,
        backdrop: Vec::new(),
    };
    placed.fit(Room {
        width: 8.0 * 72.0,
        height: 5.0 * 72.0,
        corner: None,
    });
    Ok(placed)
}

/// The room a drawing is packed into, points: its width and height, and
/// the corner a legend panel takes at its top right, if one does (rows
/// that start above `corner.1` end before `corner.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    /// Width, points.
    pub width: f64,
    /// Height, points.
    pub height: f64,
    /// (left edge, bottom edge) of the legend's corner, points from the
    /// room's top left.
    pub corner: Option<(f64, f64)>,
}

/// Caption text width per character over the scale: 8 pt text.
const CAPTION_CHAR: f64 = 8.0 * 0.6;

impl Placed {
    /// Packs the islands into `room` at the largest scale (points per
    /// inch, up to 1000: nodes keep their size, distances grow) at which
    /// they fit: rows of islands, largest first,
    /// as wide as the room (beside the legend's corner while beside it),
    /// each island with room for its caption and its labels at that scale.
    /// Sets [`Placed::scale`].
    ///
    /// Complexity: O(c log c) per try for c islands, 40 tries.
    pub fn fit(&mut self, room: Room) {
        let fits = |placed: &mut Placed, scale: f64| -> bool {
            let (w, h) = placed.shelves(scale, room, false);
            w * scale <= room.width + 1e-6 && h * scale <= room.height + 1e-6
        };
        let search = |placed: &mut Placed| -> Option<f64> {
            let (mut low, mut high) = (1e-3f64, 1000.0f64);
            if fits(placed, high) {
                return Some(high);
            }
            if !fits(placed, low) {
                return None;
            }
            for _ in 0..48 {
                let mid = (low * high).sqrt();
                if fits(placed, mid) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            Some(low)
        };
        self.roomy = true;
        self.spacing = 1.0;
        let scale = search(self)
            .or_else(|| {
                // Closer together…
                self.spacing = 0.5;
                search(self)
            })
            .unwrap_or_else(|| {
                // …else too many islands to give each room for its labels:
                // pack them as laid out, and let the labels find what room
                // is left.
                self.roomy = false;
                search(self).unwrap_or(1e-3)
            });
        self.shelves(scale, room, true);
        self.scale = scale;
    }

    /// Shelf packing at `scale`: rows at most the room's width (less the
    /// legend's corner for rows that start beside it; a row that cannot
    /// start there starts below the corner). Returns the overall size in
    /// inches, and places the nodes and islands when `apply`.
    fn shelves(&mut self, scale: f64, room: Room, apply: bool) -> (f64, f64) {
        let inches_per_char = CAPTION_CHAR / scale;
        let count = self.parts.len();
        let parts = &self.parts;
        let mut order: Vec<usize> = (0..count).collect();
        order.sort_by(|&a, &b| {
            parts[b]
                .members
                .len()
                .cmp(&parts[a].members.len())
                .then(a.cmp(&b))
        });
        let full = room.width / scale;
        let (beside, below) = room
            .corner
            .map_or((full, 0.0), |(x, y)| (x / scale, y / scale));
        let row_limit = |y: f64| if y < below { beside } else { full };
        // No island is spread beyond most of the room's shorter side.
        let cap = 0.6 * room.width.min(room.height) / scale;
        let sizes: Vec<(f64, f64)> = (0..count)
            .map(|c| self.size(c, inches_per_char, cap))
            .collect();
        let frames: Vec<_> = (0..count)
            .map(|c| self.frame(c, inches_per_char, cap))
            .collect();
        let label_rooms: Vec<f64> = (0..count)
            .map(|c| self.label_room(c, inches_per_char))
            .collect();
        let gap = GAP + GAP_POINTS * self.spacing / scale;
        let mut islands = Vec::with_capacity(count);
        let (mut x, mut y, mut row_height, mut width) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let mut positions = Vec::new();
        let mut backdrop = Vec::new();
        for &c in &order {
            let (w, h) = sizes[c];
            if x > 0.0 && x + w > row_limit(y) {
                x = 0.0;
                y += row_height + gap;
                row_height = 0.0;
            }
            if x == 0.0 && w > row_limit(y) && y < below {
                // Too wide to sit beside the legend: below it.
                y = below;
            }
            let part = &parts[c];
            let (local, b) = &frames[c];
            let b = *b;
            // The nodes centred in what their labels leave.
            let centre = ((w - (b.2 - b.0) - label_rooms[c]) / 2.0).max(0.0);
            for (&v, &(lx, ly)) in part.members.iter().zip(local) {
                positions.push((v, (lx - b.0 + x + centre, ly - b.1 + y)));
            }
            for &(lx, ly) in &part.backdrop {
                backdrop.push((lx - b.0 + x + centre, ly - b.1 + y));
            }
            islands.push(Island {
                x,
                y,
                w,
                h: b.3 - b.1,
                caption: part.caption.clone(),
            });
            x += w + gap;
            width = width.max(x - gap);
            row_height = row_height.max(h);
        }
        let (width, height) = (width.max(0.1), (y + row_height).max(0.1));
        if apply {
            for (v, p) in positions {
                self.positions[v] = p;
            }
            self.islands = islands;
            self.backdrop = backdrop;
            self.width = width;
            self.height = height;
        }
        (width, height)
    }

    /// The room island `c` takes: its nodes and their longest label
    /// beside them, at least its caption's width, and the caption's height.
    fn size(&self, c: usize, inches_per_char: f64, cap: f64) -> (f64, f64) {
        let part = &self.parts[c];
        let b = self.frame(c, inches_per_char, cap).1;
        let caption = part.caption.as_ref();
        let caption_width =
            caption.map_or(0.0, |t| t.chars().count().min(36) as f64 * inches_per_char);
        let room = if caption.is_some() {
            CAPTION_ROOM * inches_per_char / CAPTION_CHAR
        } else {
            0.0
        };
        let labels = self.label_room(c, inches_per_char);
        ((b.2 - b.0 + labels).max(caption_width), b.3 - b.1 + room)
    }

    /// Whether island `c` is stacked: at most [`STACKED`] nodes on a map
    /// of at least [`STACKED_AMONG`] islands.
    fn stacked(&self, c: usize) -> bool {
        self.parts[c].members.len() <= STACKED && self.parts.len() >= STACKED_AMONG
    }

    /// Island `c`'s node positions and bounding box. An island of at most
    /// [`STACKED`] nodes is stacked top to bottom, a label line apart, so
    /// that each label sits right of its own node; a larger one keeps its
    /// layout.
    fn frame(&self, c: usize, inches_per_char: f64, cap: f64) -> (Vec<(f64, f64)>, Bounds) {
        let part = &self.parts[c];
        // A 9 pt line and a little, in inches at the final scale.
        let line = inches_per_char / CAPTION_CHAR * 9.0 * (1.0 + 0.4 * self.spacing);
        if part.members.len() < 2 || !self.roomy || !part.backdrop.is_empty() {
            return (part.local.clone(), part.bounds);
        }
        if part.members.len() <= STACKED && !self.stacked(c) {
            return (part.local.clone(), part.bounds);
        }
        if part.members.len() > STACKED {
            // Spread out to at least 3 label lines per √n across (1.6 for
            // an island of more than SPREAD nodes, at most `cap`), so that
            // a small scale does not pile its nodes and labels up.
            let b = part.bounds;
            let extent = (b.2 - b.0).max(b.3 - b.1).max(1e-9);
            let per_line = if part.members.len() > SPREAD {
                1.6
            } else {
                3.0
            };
            let needed = (per_line * line * (part.members.len() as f64).sqrt()).min(cap);
            if extent >= needed {
                return (part.local.clone(), part.bounds);
            }
            let k = needed / extent;
            let local: Vec<(f64, f64)> = part.local.iter().map(|&(x, y)| (x * k, y * k)).collect();
            let mut bounds = (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            );
            for (&(x, y), &r) in local.iter().zip(&part.radii) {
                bounds = (
                    bounds.0.min(x - r),
                    bounds.1.min(y - r),
                    bounds.2.max(x + r),
                    bounds.3.max(y + r),
                );
            }
            return (local, bounds);
        }
        let mut y = 0.0;
        let mut local = Vec::with_capacity(part.members.len());
        for (i, &r) in part.radii.iter().enumerate() {
            if i > 0 {
                y += line.max(part.radii[i - 1] + r + 0.04);
            }
            // A trio's middle node a little to the right, so that the
            // first-to-third tie does not run behind it.
            let shift = if part.radii.len() == 3 && i == 1 {
                0.45 * line
            } else {
                0.0
            };
            local.push((shift, y));
        }
        let r_max = part.radii.iter().copied().fold(0.0, f64::max);
        let right = if local.len() == 3 { 0.45 * line } else { 0.0 };
        let bounds = (
            -r_max,
            -part.radii[0],
            right + r_max,
            y + part.radii[part.radii.len() - 1],
        );
        (local, bounds)
    }

    /// The room island `c`'s longest label takes beside it, inches.
    fn label_room(&self, c: usize, inches_per_char: f64) -> f64 {
        // Only a stacked island keeps its labels on one side; a larger
        // one places them all around, within the room it is spread to.
        if !self.roomy || !self.stacked(c) {
            return 0.0;
        }
        let chars = self.parts[c].label_chars;
        if chars == 0 {
            0.0
        } else {
            (chars as f64 + 1.0) * inches_per_char * LABEL_OVER_CAPTION
        }
    }
}

/// The project behind more than half of an island's ties, if one is.
fn island_caption(model: &MapModel, nodes: &[usize]) -> Option<String> {
    if nodes.len() < 2 {
        return None;
    }
    let inside: std::collections::HashSet<usize> = nodes.iter().copied().collect();
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut total = 0;
    for e in model.edges.iter().filter(|e| inside.contains(&e.a)) {
        total += 1;
        if let Some(p) = &e.project {
            *counts.entry(p.as_str()).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .filter(|(_, c)| 2 * c > total)
        .map(|(p, _)| p.to_string())
}
