//! A framework drawn as SVG, by the build: bands of focusable parts laid out by `core::layout`
//! at every width in `LAYOUT_WIDTHS`, so a phone gets a vertical stack and a desktop the whole
//! framework at once. The stylesheet shows the widest drawing that fits the diagram's box (a
//! container query) and scales it to the box, so the right drawing is there at the first
//! paint, with no script, and nothing moves when the app takes the page over.
//!
//! Each part is a link to its own page (`/framework/<id>/<part>`), so the diagram works with no
//! script at all. Everything that changes as the person explores (the selection, the parts
//! linked to the one in focus, the lens, which part holds the keyboard's tab stop) is set by
//! the framework's island (`components::explorer`) from what the build wrote: each part's
//! panel says the parts it is linked to and the dimensions whose lens takes it in
//! (`components::detail_panel`), and each part here the parts above and below it in this
//! drawing (`data-up`, `data-down`).

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::lang::marked_svg;
use crate::components::link::with_base;
use crate::core::layout::{layout, neighbour, Direction, Layout, Placed, Style, LAYOUT_WIDTHS, LINE_PX, MAX_SCALE};
use crate::core::links::FrameworkView;
use crate::core::{Atlas, FrameworkFile};
use crate::language::{t, t_string, use_i18n};

/// The parameters a part's link keeps from the view (see `core::links::keep_params`).
pub const PART_KEEPS: &str = "lens fit";

/// The diagram of `framework`, drawn at every layout width, with `selected` (if any) shown
/// selected and the parts linked to it lit, as the island would show them.
#[component]
pub fn Diagram(atlas: Arc<Atlas>, framework: FrameworkFile, selected: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let drawings: Vec<Layout> = LAYOUT_WIDTHS.iter().map(|&w| layout(&atlas, &framework, w)).collect();
    let drawn: Vec<String> = drawings.first().map(|d| d.nodes.iter().map(|p| p.id.clone()).collect()).unwrap_or_default();
    let lit: BTreeSet<String> = selected.as_ref().map(|id| atlas.neighbourhood(id)).unwrap_or_default();
    // The one tab stop: the selected part, else the first.
    let tab_stop = selected.clone().filter(|s| drawn.contains(s)).or_else(|| drawn.first().cloned());
    let label = t_string!(i18n, framework.diagram_label).to_string();
    let svgs = drawings
        .iter()
        .map(|d| drawing(&atlas, &framework.id, d, selected.as_deref(), &lit, tab_stop.as_deref(), &label))
        .collect_view();
    view! {
        <div class="diagram">
            <p class="hint" id="diagram-hint">{t!(i18n, framework.hint)}</p>
            {svgs}
        </div>
    }
}

/// One drawing, at its layout's width.
#[allow(clippy::too_many_arguments)]
fn drawing(
    atlas: &Atlas,
    framework: &str,
    d: &Layout,
    selected: Option<&str>,
    lit: &BTreeSet<String>,
    tab_stop: Option<&str>,
    label: &str,
) -> impl IntoView {
    let lines = d
        .connectors
        .iter()
        .filter_map(|c| {
            let (a, b) = (d.get(&c.from)?, d.get(&c.to)?);
            let (from, to) = if a.y < b.y { (a, b) } else { (b, a) };
            let (x1, y1, x2, y2) = (from.x + from.w / 2.0, from.y + from.h, to.x + to.w / 2.0, to.y);
            let is_lit = lit.contains(&c.from) && lit.contains(&c.to);
            Some(view! {
                <line x1=x1 y1=y1 x2=x2 y2=y2 class="connector" class:editorial=c.editorial class:is-lit=is_lit
                    data-from=c.from.clone() data-to=c.to.clone() />
            })
        })
        .collect_view();
    let many = d.connectors.len() > 12;
    let frames = d.frames.iter().map(|f| view! { <rect class="frame" x=f.x y=f.y width=f.w height=f.h rx=16 /> }).collect_view();
    let captions = d
        .captions
        .iter()
        .map(|t| view! { <text x=t.x y=t.y class="chip-caption" aria-hidden="true">{t.text.clone()}</text> })
        .collect_view();
    let titles = d
        .titles
        .iter()
        .map(|t| view! { <text x=t.x y=t.y class="band-title" role="heading" aria-level="2">{t.text.clone()}</text> })
        .collect_view();
    let nodes = d
        .nodes
        .iter()
        .map(|p| {
            let state = PartState {
                selected: selected == Some(p.id.as_str()),
                lit: selected.is_some() && lit.contains(&p.id),
                dimmed: selected.is_some() && !lit.contains(&p.id),
                tab_stop: tab_stop == Some(p.id.as_str()),
            };
            let up = neighbour(d, &p.id, Direction::Up).unwrap_or_default().to_string();
            let down = neighbour(d, &p.id, Direction::Down).unwrap_or_default().to_string();
            part(atlas, framework, p, state, up, down)
        })
        .collect_view();
    view! {
        // Drawn at its layout's width and scaled to the container, but never far beyond it.
        <svg
            class="diagram-svg"
            data-width=d.width
            width=d.width
            height=d.height
            style=format!("max-width:{}px", (d.width * MAX_SCALE).round())
            viewBox=format!("0 0 {} {}", d.width, d.height)
            role="group"
            aria-label=label.to_string()
            aria-describedby="diagram-hint"
        >
            <g class="frames" aria-hidden="true">{frames}</g>
            <g class="connectors" class:many=many aria-hidden="true">{lines}</g>
            // The framework's own words, in English (its te reo names marked within).
            <g lang="en">{titles}{captions}{nodes}</g>
        </svg>
    }
}

/// How a part is drawn on the page the build writes.
#[derive(Clone, Copy)]
struct PartState {
    selected: bool,
    lit: bool,
    dimmed: bool,
    tab_stop: bool,
}

/// One part: a link to its own page, carrying what the island needs to explore from it.
fn part(atlas: &Atlas, framework: &str, p: &Placed, state: PartState, up: String, down: String) -> impl IntoView {
    let node = atlas.node(&p.id);
    let label = node.map(|n| n.display_name()).unwrap_or_else(|| p.id.clone());
    // A chip shows only its number; its name starts with that number (label in name), so a
    // voice-control user can say what they see.
    let label = if p.style == Style::Chip { format!("{}. {label}", p.lines.concat()) } else { label };
    let kind = node.map(|n| n.kind.clone()).unwrap_or_default();
    let style = match p.style {
        Style::Box => "box",
        Style::Header => "header",
        Style::Chip => "chip",
    };
    let chip = p.style == Style::Chip;
    let text_x = if chip { p.x + p.w / 2.0 } else { p.x + 10.0 };
    let anchor = if chip { "middle" } else { "start" };
    let first_line = p.y + 10.0 + LINE_PX * 0.75 + if chip { (p.h - 20.0 - LINE_PX) / 2.0 } else { 0.0 };
    // The te reo name's line: only its te reo words are marked ("Aroha" in "Aroha in action").
    let mi_line = p.mi.clone().map(|mi| {
        view! { <text x=text_x y=first_line class="mi">{marked_svg(&format!("{mi} "), &atlas.mi_terms)}</text> }
    });
    let offset = if p.mi.is_some() { LINE_PX } else { 0.0 };
    // Each line ends in a space so the element's text reads as the label does (SVG text
    // elements are not separated by anything when read).
    let lines = p
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            view! {
                <text x=text_x y=first_line + offset + i as f64 * LINE_PX text-anchor=anchor>
                    {marked_svg(&format!("{line} "), &atlas.mi_terms)}
                </text>
            }
        })
        .collect_view();
    let href = with_base(&FrameworkView::of(framework).with_node(Some(&p.id)).href());
    let (aria_label, title) = (label.clone(), label);
    // The <g> only puts the link in SVG's namespace (an `a` alone would be HTML's).
    view! {
        <g>
            <a
                href=href
                data-keep=PART_KEEPS
                data-part=p.id.clone()
                data-up=up
                data-down=down
                class=format!("node node-{style} kind-{kind}")
                class:is-selected=state.selected
                class:is-linked=state.lit
                class:is-dimmed=state.dimmed
                role="button"
                tabindex=if state.tab_stop { "0" } else { "-1" }
                aria-label=aria_label
                aria-pressed=if state.selected { "true" } else { "false" }
            >
                <title>{title}</title>
                <rect x=p.x y=p.y width=p.w height=p.h rx=if chip { 22.0 } else { 8.0 } />
                {mi_line}
                {lines}
            </a>
        </g>
    }
}
