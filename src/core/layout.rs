//! Where each node of a framework diagram goes, for a given width: pure geometry, so it is
//! tested natively and the SVG component only draws what it is given.
//!
//! Why compute it rather than scale one fixed drawing: a fixed drawing shrunk to a phone's
//! width has unreadable text. Instead the bands reflow: as many columns as fit, down to a
//! single vertical stack at phone widths, with labels wrapped to the box width.

use super::atlas::Atlas;
use super::framework::{Band, EdgeKind, FrameworkFile, Shape};
use super::text::wrap;

/// Type metrics the layout assumes; the stylesheet uses the same sizes.
pub const FONT_PX: f64 = 14.0;
/// Average advance of a character at `FONT_PX` in the UI font (a little generous, so
/// wrapped lines never overflow their box).
pub const CHAR_PX: f64 = 7.6;
/// The same for bold text (column heads, the vision): bold glyphs are wider.
pub const BOLD_CHAR_PX: f64 = 8.6;
pub const LINE_PX: f64 = 19.0;
const PAD: f64 = 10.0;
const GAP: f64 = 10.0;
const TITLE_PX: f64 = 30.0;
const MIN_BOX: f64 = 150.0;
const MIN_COLUMN: f64 = 240.0;
/// Chips are touch targets: at least 44 px square.
pub const CHIP_PX: f64 = 44.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// An ordinary box with a wrapped label.
    Box,
    /// The head of a column (an outcome domain).
    Header,
    /// A small numbered chip (an example indicator); its label is in its accessible name.
    Chip,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub id: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The label, wrapped to the box; for a chip, its number.
    pub lines: Vec<String>,
    /// The te reo Māori label, drawn above the English one.
    pub mi: Option<String>,
    pub style: Style,
    /// Which band the node sits in (index into `Layout::titles`).
    pub band: usize,
}

impl Placed {
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    pub text: String,
    pub x: f64,
    pub y: f64,
}

/// A line between two placed nodes in different bands (a focus area and the dimension it is
/// "particularly linked to").
#[derive(Debug, Clone, PartialEq)]
pub struct Connector {
    pub from: String,
    pub to: String,
    pub editorial: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Placed>,
    pub titles: Vec<Title>,
    pub connectors: Vec<Connector>,
    pub frames: Vec<Frame>,
    /// Small captions inside a band (over a column's chips).
    pub captions: Vec<Title>,
}

impl Layout {
    pub fn get(&self, id: &str) -> Option<&Placed> {
        self.nodes.iter().find(|p| p.id == id)
    }
}

/// A frame drawn behind a band of a ringed diagram; frames nest, so each ring encloses the
/// ones inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// How far each ring of a ringed diagram is inset inside the one around it.
const RING_INSET: f64 = 10.0;

/// The widths a diagram is laid out at. The build draws the diagram at every one of them and
/// the stylesheet shows the widest that fits its container (a container query), scaled to the
/// container by at most the ratio to the next step (1.3), so text stays between 14 and about
/// 18 px with no script at all, and nothing moves when the app takes the page over. Phones
/// from 360 to 430 px wide (containers of 328 to 398 px) share one step, and the narrowest
/// screens (320 px) take it a little smaller.
pub const LAYOUT_WIDTHS: [f64; 6] = [320.0, 416.0, 540.0, 702.0, 912.0, 1185.0];

/// How far a drawing may be scaled up beyond its layout's width.
pub const MAX_SCALE: f64 = 1.3;

/// The width pages are prerendered at (a phone's step).
pub const PRERENDER_WIDTH: f64 = 320.0;

/// The step a container of `width` pixels is laid out at: the widest step that fits, or the
/// narrowest.
pub fn layout_width(width: f64) -> f64 {
    LAYOUT_WIDTHS
        .iter()
        .copied()
        .rev()
        .find(|w| *w <= width)
        .unwrap_or(LAYOUT_WIDTHS[0])
}

/// Lays out `framework`'s diagram at `width` pixels.
pub fn layout(atlas: &Atlas, framework: &FrameworkFile, width: f64) -> Layout {
    let width = width.max(200.0);
    let bands = &framework.diagram.bands;
    let mut out = match framework.diagram.shape {
        Shape::Layers => layers(atlas, bands.iter().collect(), width, false),
        // The heart comes first in the data; drawn outermost ring first, it ends at the centre.
        Shape::Rings => layers(atlas, bands.iter().rev().collect(), width, true),
    };
    out.connectors = connectors(atlas, &out);
    out
}

fn box_lines(text: &str, w: f64, bold: bool) -> Vec<String> {
    let advance = if bold { BOLD_CHAR_PX } else { CHAR_PX };
    let chars = ((w - 2.0 * PAD) / advance).floor().max(4.0) as usize;
    wrap(text, chars)
}

fn box_height(lines: usize, mi: bool) -> f64 {
    (lines + usize::from(mi)) as f64 * LINE_PX + 2.0 * PAD
}

fn placed(atlas: &Atlas, id: &str, x: f64, y: f64, w: f64, style: Style, band: usize) -> Placed {
    let node = atlas.node(id);
    let label = node.map(|n| n.label.as_str()).unwrap_or(id);
    let mi = node.and_then(|n| n.label_mi.clone());
    // Heads and the framework's anchors (vision, foundation, community) are drawn bold.
    let bold = style == Style::Header
        || node.is_some_and(|n| matches!(n.kind.as_str(), "vision" | "foundation" | "community"));
    let lines = box_lines(label, w, bold);
    let h = box_height(lines.len(), mi.is_some());
    Placed {
        id: id.to_string(),
        x,
        y,
        w,
        h,
        lines,
        mi,
        style,
        band,
    }
}

/// Bands stacked top to bottom; each band fills rows with as many columns as fit. With
/// `nest`, each band is inset inside the one above and framed, so the bands read as rings.
fn layers(atlas: &Atlas, bands: Vec<&Band>, width: f64, nest: bool) -> Layout {
    let mut out = Layout {
        width,
        ..Layout::default()
    };
    let mut y = PAD;
    let mut tops = Vec::new();
    for (bi, band) in bands.iter().enumerate() {
        let inset = if nest {
            bi as f64 * RING_INSET + 12.0
        } else {
            0.0
        };
        let x0 = PAD + inset;
        let inner = (width - 2.0 * PAD - 2.0 * inset).max(MIN_BOX.min(width - 2.0 * PAD));
        tops.push(y);
        if nest {
            y += 6.0;
        }
        out.titles.push(Title {
            text: band.title.clone(),
            x: x0,
            y: y + TITLE_PX * 0.7,
        });
        y += TITLE_PX;
        y = if band.children.is_some() || band.chips.is_some() {
            group_band(atlas, band, bi, x0, inner, y, &mut out)
        } else {
            let count = band.nodes.len().max(1);
            let fit = ((inner + GAP) / (MIN_BOX + GAP)).floor().max(1.0) as usize;
            let columns = fit.min(count);
            // Balance the rows (5 boxes in 3 columns read better as 3 + 2 than as 4 + 1).
            let rows = count.div_ceil(columns);
            let columns = count.div_ceil(rows);
            let w = (inner - GAP * (columns as f64 - 1.0)) / columns as f64;
            row_flow(atlas, &band.nodes, columns, w, bi, x0, y, &mut out)
        };
        y += GAP;
    }
    if nest {
        let n = bands.len();
        for (bi, top) in tops.into_iter().enumerate() {
            let inset = bi as f64 * RING_INSET;
            let bottom = y + (n - bi) as f64 * RING_INSET;
            out.frames.push(Frame {
                x: PAD + inset,
                y: top,
                w: width - 2.0 * (PAD + inset),
                h: bottom - top,
            });
        }
        y += n as f64 * RING_INSET;
    }
    out.height = y + PAD;
    out
}

/// Places `ids` in rows of `columns`, each row as tall as its tallest box; returns the y
/// below the last row.
#[allow(clippy::too_many_arguments)]
fn row_flow(
    atlas: &Atlas,
    ids: &[String],
    columns: usize,
    w: f64,
    band: usize,
    x_left: f64,
    mut y: f64,
    out: &mut Layout,
) -> f64 {
    for row in ids.chunks(columns.max(1)) {
        // Centre a short last row.
        let used = row.len() as f64 * w + GAP * (row.len() as f64 - 1.0);
        let full = columns as f64 * w + GAP * (columns as f64 - 1.0);
        let x0 = x_left + (full - used) / 2.0;
        let mut boxes: Vec<Placed> = row
            .iter()
            .enumerate()
            .map(|(i, id)| placed(atlas, id, x0 + i as f64 * (w + GAP), y, w, Style::Box, band))
            .collect();
        let h = boxes.iter().map(|b| b.h).fold(0.0, f64::max);
        for b in &mut boxes {
            b.h = h;
        }
        out.nodes.extend(boxes);
        y += h + GAP;
    }
    y
}

/// A band of columns, each headed by a node with its children stacked beneath and its chips
/// in a row at the foot.
fn group_band(
    atlas: &Atlas,
    band: &Band,
    bi: usize,
    x_left: f64,
    inner: f64,
    y0: f64,
    out: &mut Layout,
) -> f64 {
    let count = band.nodes.len().max(1);
    let columns = (((inner + GAP) / (MIN_COLUMN + GAP)).floor().max(1.0) as usize).min(count);
    let w = (inner - GAP * (columns as f64 - 1.0)) / columns as f64;
    let mut y_row = y0;
    for row in band.nodes.chunks(columns) {
        let mut bottom = y_row;
        for (ci, head) in row.iter().enumerate() {
            let x = x_left + ci as f64 * (w + GAP);
            let mut header = placed(atlas, head, x, y_row, w, Style::Header, bi);
            header.h = header.h.max(LINE_PX * 2.0 + 2.0 * PAD);
            let mut y = y_row + header.h + GAP / 2.0;
            out.nodes.push(header);
            if let Some(kind) = &band.children {
                for child in atlas.children(head, kind) {
                    let inset = 12.0;
                    let p = placed(atlas, &child.id, x + inset, y, w - inset, Style::Box, bi);
                    y += p.h + GAP / 2.0;
                    out.nodes.push(p);
                }
            }
            if let Some(kind) = &band.chips {
                let per_row = ((w + GAP / 2.0) / (CHIP_PX + GAP / 2.0)).floor().max(1.0) as usize;
                let chips = atlas.children(head, kind);
                if let (Some(caption), false) = (&band.chips_title, chips.is_empty()) {
                    out.captions.push(Title {
                        text: caption.clone(),
                        x,
                        y: y + GAP / 2.0 + 13.0,
                    });
                    y += 20.0;
                }
                for (i, chip) in chips.iter().enumerate() {
                    let (r, c) = (i / per_row, i % per_row);
                    out.nodes.push(Placed {
                        id: chip.id.clone(),
                        x: x + c as f64 * (CHIP_PX + GAP / 2.0),
                        y: y + GAP / 2.0 + r as f64 * (CHIP_PX + GAP / 2.0),
                        w: CHIP_PX,
                        h: CHIP_PX,
                        lines: vec![(i + 1).to_string()],
                        mi: None,
                        style: Style::Chip,
                        band: bi,
                    });
                }
                if !chips.is_empty() {
                    y += GAP / 2.0 + chips.len().div_ceil(per_row) as f64 * (CHIP_PX + GAP / 2.0);
                }
            }
            bottom = bottom.max(y);
        }
        y_row = bottom + GAP;
    }
    y_row
}

/// Links between placed nodes of different bands (not the part-of links a column already shows).
fn connectors(atlas: &Atlas, layout: &Layout) -> Vec<Connector> {
    let mut lines = Vec::new();
    for p in &layout.nodes {
        for link in atlas
            .links(&p.id)
            .iter()
            .filter(|l| l.outgoing && l.kind != EdgeKind::PartOf)
        {
            if let Some(q) = layout.get(&link.other) {
                if q.band != p.band {
                    lines.push(Connector {
                        from: p.id.clone(),
                        to: q.id.clone(),
                        editorial: link.basis == super::framework::Basis::Editorial,
                    });
                }
            }
        }
    }
    lines
}

/// A direction for arrow-key movement between nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The node an arrow key moves to from `from`: left and right step through reading order;
/// up and down go to the nearest row above or below, then the box nearest horizontally.
pub fn neighbour<'a>(layout: &'a Layout, from: &str, direction: Direction) -> Option<&'a str> {
    let index = layout.nodes.iter().position(|p| p.id == from)?;
    let here = &layout.nodes[index];
    match direction {
        Direction::Left => index.checked_sub(1).map(|i| layout.nodes[i].id.as_str()),
        Direction::Right => layout.nodes.get(index + 1).map(|p| p.id.as_str()),
        Direction::Up | Direction::Down => {
            let (hx, hy) = here.centre();
            let candidates = layout.nodes.iter().filter(|p| {
                let dy = p.centre().1 - hy;
                if direction == Direction::Up {
                    dy < -1.0
                } else {
                    dy > 1.0
                }
            });
            candidates
                .min_by(|a, b| {
                    let key = |p: &Placed| {
                        let (x, y) = p.centre();
                        ((y - hy).abs().round(), (x - hx).abs())
                    };
                    key(a)
                        .partial_cmp(&key(b))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .map(|p| p.id.as_str())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::parse_manifest;
    use crate::core::Atlas;

    fn atlas() -> Atlas {
        let manifest = r#"{"schema":"cohesion-explorer/manifest@1","frameworks":["f.json"],"crosswalk":"c.json",
          "sources":[{"seed":"s","title":"T","publisher":"P","year":"Y"}]}"#;
        let mut nodes = vec![];
        let mut edges = vec![];
        for id in ["v", "d1", "d2", "d3", "p1", "p2", "p3", "p4", "p5"] {
            nodes.push(format!(r#"{{"id":"{id}","kind":"k{}","label":"Label of node {id} which is fairly long to wrap","source":{{"seed":"s","quote":"q"}}}}"#, &id[..1]));
        }
        for (o, d) in [("o1", "d1"), ("o2", "d1"), ("o3", "d2")] {
            nodes.push(format!(r#"{{"id":"{o}","kind":"outcome","label":"Outcome {o}","source":{{"seed":"s","quote":"q"}}}}"#));
            edges.push(format!(
                r#"{{"from":"{o}","to":"{d}","kind":"part_of","basis":"source"}}"#
            ));
        }
        for (i, d) in [("i1", "d1"), ("i2", "d1"), ("i3", "d3")] {
            nodes.push(format!(r#"{{"id":"{i}","kind":"indicator","label":"Indicator {i}","source":{{"seed":"s","quote":"q"}}}}"#));
            edges.push(format!(
                r#"{{"from":"{i}","to":"{d}","kind":"part_of","basis":"source"}}"#
            ));
        }
        edges.push(r#"{"from":"p1","to":"v","kind":"contributes_to","basis":"editorial"}"#.into());
        let fw = format!(
            r#"{{"schema":"cohesion-explorer/framework@1","id":"f","title":"F","short_title":"F","summary":{{"seed":"s","quote":"q"}},
            "diagram":{{"shape":"layers","bands":[
              {{"title":"Vision","nodes":["v"]}},
              {{"title":"Outcomes","nodes":["d1","d2","d3"],"children":"outcome","chips":"indicator"}},
              {{"title":"Principles","nodes":["p1","p2","p3","p4","p5"]}}]}},
            "nodes":[{}],"edges":[{}]}}"#,
            nodes.join(","),
            edges.join(",")
        );
        let m = parse_manifest("m", manifest).expect("manifest");
        Atlas::from_texts(
            &m,
            &[("f.json".into(), fw)],
            (
                "c.json",
                r#"{"schema":"cohesion-explorer/crosswalk@1","edges":[]}"#,
            ),
        )
        .expect("atlas")
    }

    fn overlaps(a: &Placed, b: &Placed) -> bool {
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    }

    #[test]
    fn every_node_is_placed_once_inside_the_width_without_overlap() {
        let atlas = atlas();
        let f = atlas.framework("f").expect("f");
        for width in [320.0, 390.0, 768.0, 900.0, 1280.0] {
            let l = layout(&atlas, f, width);
            assert_eq!(l.nodes.len(), 15, "width {width}");
            for (i, a) in l.nodes.iter().enumerate() {
                assert!(
                    a.x >= 0.0 && a.x + a.w <= width + 0.01,
                    "{} overflows at {width}",
                    a.id
                );
                assert!(
                    a.y + a.h <= l.height,
                    "{} below the bottom at {width}",
                    a.id
                );
                for b in &l.nodes[i + 1..] {
                    assert!(!overlaps(a, b), "{} overlaps {} at {width}", a.id, b.id);
                }
                if a.style != Style::Chip {
                    let widest = a.lines.iter().map(|s| s.chars().count()).max().unwrap_or(0);
                    let advance = if a.style == Style::Header {
                        BOLD_CHAR_PX
                    } else {
                        CHAR_PX
                    };
                    assert!(
                        widest as f64 * advance <= a.w - 2.0 * PAD + 0.01,
                        "{} text overflows",
                        a.id
                    );
                }
            }
        }
    }

    #[test]
    fn phones_get_one_column_and_wide_screens_three() {
        let atlas = atlas();
        let f = atlas.framework("f").expect("f");
        let narrow = layout(&atlas, f, 390.0);
        let xs: std::collections::BTreeSet<i64> = ["d1", "d2", "d3"]
            .iter()
            .map(|id| narrow.get(id).expect("placed").x as i64)
            .collect();
        assert_eq!(xs.len(), 1, "domains stack in one column on a phone");
        let wide = layout(&atlas, f, 900.0);
        let ys: std::collections::BTreeSet<i64> = ["d1", "d2", "d3"]
            .iter()
            .map(|id| wide.get(id).expect("placed").y as i64)
            .collect();
        assert_eq!(ys.len(), 1, "domains sit side by side when wide");
        // Principles: five in one row when wide.
        let py: std::collections::BTreeSet<i64> = ["p1", "p2", "p3", "p4", "p5"]
            .iter()
            .map(|id| wide.get(id).expect("placed").y as i64)
            .collect();
        assert_eq!(py.len(), 1);
        // Chips are touch-sized and numbered within their domain.
        let chip = wide.get("i2").expect("chip");
        assert_eq!(
            (chip.w, chip.h, chip.lines[0].as_str()),
            (CHIP_PX, CHIP_PX, "2")
        );
    }

    #[test]
    fn connectors_join_bands_and_say_their_basis() {
        let atlas = atlas();
        let l = layout(&atlas, atlas.framework("f").expect("f"), 900.0);
        assert_eq!(
            l.connectors,
            [Connector {
                from: "p1".into(),
                to: "v".into(),
                editorial: true
            }]
        );
    }

    #[test]
    fn arrow_keys_move_by_reading_order_and_rows() {
        let atlas = atlas();
        let l = layout(&atlas, atlas.framework("f").expect("f"), 900.0);
        assert_eq!(neighbour(&l, "v", Direction::Left), None);
        assert_eq!(neighbour(&l, "v", Direction::Right), Some("d1"));
        assert_eq!(
            neighbour(&l, "v", Direction::Down),
            Some("d2"),
            "the middle domain is nearest below the centred vision"
        );
        assert_eq!(neighbour(&l, "d1", Direction::Up), Some("v"));
        assert_eq!(neighbour(&l, "nope", Direction::Up), None);
    }

    #[test]
    fn phones_share_the_prerendered_step_and_steps_are_close() {
        for container in [328.0, 358.0, 380.0, 398.0] {
            assert_eq!(layout_width(container), PRERENDER_WIDTH, "{container}");
        }
        assert_eq!(layout_width(100.0), 320.0);
        assert_eq!(layout_width(848.0), 702.0);
        assert_eq!(layout_width(1248.0), 1185.0);
        assert_eq!(layout_width(5000.0), 1185.0);
        // Each step is shown until the next one fits, scaled by at most MAX_SCALE.
        for pair in LAYOUT_WIDTHS.windows(2) {
            assert!(pair[1] / pair[0] <= MAX_SCALE + 1e-9, "{pair:?}");
        }
    }
}
