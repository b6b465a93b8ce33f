//! A framework drawn as SVG: bands of focusable nodes laid out by `core::layout` for the
//! width the diagram has, so a phone gets a vertical stack and a desktop the whole framework
//! at once. Widths come in steps (`core::layout::layout_width`) and the drawing scales to its
//! container between them: every phone gets the layout the page was prerendered with, so
//! taking the page over moves nothing; a wider screen gets its own layout once the app runs.
//!
//! Each part is a link to its own page (`/framework/<id>/<part>`), so the diagram works before
//! the app has started, or without scripts at all; once it runs, selecting a part updates the
//! page in place.
//!
//! Keyboard: the diagram is one tab stop (a roving tabindex); arrow keys move between nodes,
//! Enter or Space selects, Escape clears the selection. Hover or focus highlights a node and
//! everything linked to it; the lens highlights everything about one dimension.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::language::{t, t_string, use_i18n};
use wasm_bindgen::JsCast;

use crate::components::lang::marked_svg;
use crate::components::link::with_base;
use crate::core::layout::{layout, layout_width, neighbour, Direction, Placed, Style, LINE_PX, PRERENDER_WIDTH};
use crate::core::links::FrameworkView;
use crate::core::Atlas;

/// The DOM id of a node's element, shared with the detail panel (which returns focus to it).
pub fn node_dom_id(id: &str) -> String {
    format!("node-{id}")
}

/// Moves keyboard focus to a node of the diagram, if it is drawn, and scrolls it into view:
/// focusing an SVG link does not scroll in every browser (Firefox), so its box is scrolled to.
pub fn focus_node(id: &str) {
    let element = document().get_element_by_id(&node_dom_id(id));
    if let Some(svg) = element.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = svg.focus_with_options(&options);
        scroll_to(&svg);
    }
}

/// Scrolls a node's box into view, as little as need be.
fn scroll_to(node: &web_sys::Element) {
    if let Ok(Some(rect)) = node.query_selector("rect") {
        let scroll = web_sys::ScrollIntoViewOptions::new();
        scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
        scroll.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        rect.scroll_into_view_with_scroll_into_view_options(&scroll);
    }
}

#[component]
pub fn Diagram(
    atlas: Arc<Atlas>,
    framework: String,
    state: Signal<FrameworkView>,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    // The layout's width: the prerendered page's until the container has been measured.
    let width = RwSignal::new(PRERENDER_WIDTH);
    let measure = move || {
        if let Some(div) = container.get_untracked() {
            let w = f64::from(div.client_width());
            if w > 0.0 {
                let step = layout_width(w);
                if step != width.get_untracked() {
                    width.set(step);
                }
            }
        }
    };
    Effect::new(move |_| {
        container.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let drawing = {
        let atlas = atlas.clone();
        Memo::new(move |_| {
            let w = width.get();
            atlas.framework(&framework).map(|f| layout(&atlas, f, w))
        })
    };

    let hovered = RwSignal::new(None::<String>);
    // The node that holds the diagram's one tab stop.
    let active = RwSignal::new(None::<String>);
    let selected = Memo::new(move |_| state.get().node);
    // Which node is selected, per node: a new selection wakes the two nodes it concerns.
    let selection = Selector::new(move || selected.get());
    let highlight = {
        let atlas = atlas.clone();
        Memo::new(move |_| {
            hovered
                .get()
                .or_else(|| selected.get())
                .map(|id| atlas.neighbourhood(&id))
        })
    };
    let lens = {
        let atlas = atlas.clone();
        Memo::new(move |_| state.get().lens.map(|d| atlas.lens(&d)))
    };

    // What a part's link keeps of the view (framework, lens, fit): selecting a part does not
    // change it, so the links are not rewritten on every selection.
    let links = Memo::new(move |_| {
        let s = state.get();
        FrameworkView { node: None, text: false, ..s }
    });

    let url = crate::url::use_url();
    // The part's focus and highlight show at once; the page follows the new address once
    // that has been painted (a part's panel is a lot to draw on a phone).
    let select = Callback::new(move |id: Option<String>| {
        let href = state.get_untracked().with_node(id.as_deref()).href();
        crate::next_task::after_paint_do(move || url.go(&href, false));
    });

    let on_key = move |ev: leptos::ev::KeyboardEvent, id: String| {
        let direction = match ev.key().as_str() {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "Enter" | " " => {
                ev.prevent_default();
                select.run(Some(id));
                return;
            }
            "Escape" => {
                select.run(None);
                return;
            }
            _ => None,
        };
        if let Some(direction) = direction {
            ev.prevent_default();
            let next = drawing.with_untracked(|d| {
                d.as_ref()
                    .and_then(|d| neighbour(d, &id, direction))
                    .map(str::to_string)
            });
            if let Some(next) = next {
                active.set(Some(next.clone()));
                focus_node(&next);
            }
        }
    };

    let atlas_for_nodes = atlas.clone();
    let i18n = use_i18n();
    view! {
        <div class="diagram" class:fit=move || state.get().fit node_ref=container>
            <p class="hint" id="diagram-hint">
                {t!(i18n, framework.hint)}
            </p>
            {move || {
                let atlas = atlas_for_nodes.clone();
                drawing.get().map(|d| {
                    // The one tab stop: the node last moved to, else the selected one, else the
                    // first. A memo, so a new selection retabs two nodes, not the drawing.
                    let ids: Vec<String> = d.nodes.iter().map(|p| p.id.clone()).collect();
                    let tab_stop = Selector::new(move || {
                        active.get().or_else(|| selected.get()).filter(|id| ids.contains(id))
                            .or_else(|| ids.first().cloned())
                    });
                    let lines = d.connectors.iter().filter_map(|c| {
                        let (a, b) = (d.get(&c.from)?, d.get(&c.to)?);
                        let (from, to) = if a.y < b.y { (a, b) } else { (b, a) };
                        let (x1, y1, x2, y2) = (from.x + from.w / 2.0, from.y + from.h, to.x + to.w / 2.0, to.y);
                        let (cf, ct) = (c.from.clone(), c.to.clone());
                        let lit = move || highlight.get().is_some_and(|h| h.contains(&cf) && h.contains(&ct));
                        Some(view! {
                            <line x1=x1 y1=y1 x2=x2 y2=y2 class="connector" class:editorial=c.editorial class:is-lit=lit />
                        })
                    }).collect_view();
                    let many = d.connectors.len() > 12;
                    let frames = d.frames.iter().map(|f| view! {
                        <rect class="frame" x=f.x y=f.y width=f.w height=f.h rx=16 />
                    }).collect_view();
                    let captions = d.captions.iter().map(|t| view! {
                        <text x=t.x y=t.y class="chip-caption" aria-hidden="true">{t.text.clone()}</text>
                    }).collect_view();
                    let titles = d.titles.iter().map(|t| {
                        view! { <text x=t.x y=t.y class="band-title" role="heading" aria-level="2">{t.text.clone()}</text> }
                    }).collect_view();
                    let nodes = d.nodes.iter().map(|p| {
                        node_view(&atlas, p, tab_stop.clone(), selection.clone(), highlight, lens, hovered, active, select, on_key, links)
                    }).collect_view();
                    view! {
                        // Drawn at its layout's width and scaled to the container, but never far
                        // beyond it (a phone's layout on a wide screen before the app runs).
                        <svg
                            class="diagram-svg"
                            width=d.width
                            height=d.height
                            style=format!("max-width:{}px", (d.width * MAX_SCALE).round())
                            viewBox=format!("0 0 {} {}", d.width, d.height)
                            role="group"
                            aria-label=t_string!(i18n, framework.diagram_label)
                            aria-describedby="diagram-hint"
                        >
                            <g class="frames" aria-hidden="true">{frames}</g>
                            <g class="connectors" class:many=many aria-hidden="true">{lines}</g>
                            // The framework's own words, in English (its te reo names marked within).
                            <g lang="en">
                                {titles}
                                {captions}
                                {nodes}
                            </g>
                        </svg>
                    }
                })
            }}
        </div>
    }
}

/// Sets `signal` to `id` unless it already is (a set always wakes its readers).
fn set_if_changed(signal: RwSignal<Option<String>>, id: &str) {
    if signal.with_untracked(|s| s.as_deref() != Some(id)) {
        signal.set(Some(id.to_string()));
    }
}

/// How far a drawing may be scaled up beyond its layout's width.
const MAX_SCALE: f64 = 1.3;

#[allow(clippy::too_many_arguments)]
fn node_view(
    atlas: &Atlas,
    p: &Placed,
    tab_stop: Selector<Option<String>>,
    selection: Selector<Option<String>>,
    highlight: Memo<Option<BTreeSet<String>>>,
    lens: Memo<Option<BTreeSet<String>>>,
    hovered: RwSignal<Option<String>>,
    active: RwSignal<Option<String>>,
    select: Callback<Option<String>>,
    on_key: impl Fn(leptos::ev::KeyboardEvent, String) + Clone + 'static,
    links: Memo<FrameworkView>,
) -> impl IntoView {
    let node = atlas.node(&p.id);
    let label = node
        .map(|n| n.display_name())
        .unwrap_or_else(|| p.id.clone());
    // A chip shows only its number; its name starts with that number (label in name), so a
    // voice-control user can say what they see.
    let label = if p.style == Style::Chip {
        format!("{}. {label}", p.lines.concat())
    } else {
        label
    };
    let kind = node.map(|n| n.kind.clone()).unwrap_or_default();
    let id = p.id.clone();
    let (i1, i2, i3, i4, i5, i6, i7) = (
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
    );
    let is_selected = {
        let key = Some(i1.clone());
        move || selection.selected(&key)
    };
    let is_linked = move || highlight.get().is_some_and(|h| h.contains(&i2));
    let is_dimmed = move || highlight.get().is_some_and(|h| !h.contains(&i3));
    let in_lens = move || lens.get().is_some_and(|l| l.contains(&i4));
    let out_of_lens = move || lens.get().is_some_and(|l| !l.contains(&i5));
    let style = match p.style {
        Style::Box => "box",
        Style::Header => "header",
        Style::Chip => "chip",
    };
    let text_x = if p.style == Style::Chip {
        p.x + p.w / 2.0
    } else {
        p.x + 10.0
    };
    let anchor = if p.style == Style::Chip {
        "middle"
    } else {
        "start"
    };
    let first_line = p.y
        + 10.0
        + LINE_PX * 0.75
        + if p.style == Style::Chip {
            (p.h - 20.0 - LINE_PX) / 2.0
        } else {
            0.0
        };
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
    let pressed = {
        let is_selected = is_selected.clone();
        move || if is_selected() { "true" } else { "false" }
    };
    let key = on_key.clone();
    // The part's own page, keeping the view's lens and fit.
    let href = {
        let id = id.clone();
        move || with_base(&links.get().with_node(Some(&id)).href())
    };
    // The <g> only puts the link in SVG's namespace (an `a` alone would be HTML's).
    view! {
        <g>
        <a
            href=href
            id=node_dom_id(&id)
            class=format!("node node-{style} kind-{kind}")
            class:is-selected=is_selected
            class:is-linked=is_linked
            class:is-dimmed=is_dimmed
            class:in-lens=in_lens
            class:out-of-lens=out_of_lens
            role="button"
            tabindex={
                let key = Some(id.clone());
                move || if tab_stop.selected(&key) { "0" } else { "-1" }
            }
            aria-label=label.clone()
            data-label=label.clone()
            aria-pressed=pressed
            on:click=move |ev: leptos::ev::MouseEvent| {
                // The router would follow the link and scroll to the top; select in place.
                ev.prevent_default();
                set_if_changed(active, &i6);
                select.run(Some(i6.clone()))
            }
            on:keydown=move |ev| key(ev, i7.clone())
            on:mouseenter={ let id = id.clone(); move |_| set_if_changed(hovered, &id) }
            on:mouseleave=move |_| hovered.set(None)
            on:focus=move |ev: leptos::ev::FocusEvent| {
                set_if_changed(hovered, &id);
                set_if_changed(active, &id);
                // Tab's own focus does not scroll an SVG link into view in every browser.
                if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    scroll_to(&el);
                }
            }
            on:blur=move |_| hovered.set(None)
        >
            <title>{label.clone()}</title>
            <rect x=p.x y=p.y width=p.w height=p.h rx=if p.style == Style::Chip { 22.0 } else { 8.0 } />
            {mi_line}
            {lines}
        </a>
        </g>
    }
}
