//! The framework's island: the part of a framework's page that a person's choices change.
//!
//! The build writes everything the page can show (the diagram at every width, every part's
//! panel, the toolbar; see `pages::framework`), so this island renders nothing of its own: it
//! takes over that markup and changes only what the person's choices change, from the view's
//! address (`core::links::FrameworkView`):
//! - the selected part: marked and pressed in the diagram, its panel shown (the others hidden),
//!   the page's title, a sentence for screen readers, and focus on the panel's heading;
//! - the parts linked to the one in focus or under the pointer (else to the selected one) lit,
//!   the rest dimmed, with the connectors between lit parts;
//! - the lens: every part about one dimension marked, the others faded;
//! - fit to screen;
//! - the links that keep the lens and fit (`data-keep`), wherever they are on the page;
//! - the keyboard: one tab stop in the diagram, arrow keys between parts, Enter or Space to
//!   open, Escape to close.
//! What each part is linked to, and which parts are above and below it, the build wrote on the
//! part (`components::diagram`).

use leptos::prelude::*;

/// The framework explorer. It takes no props, so the module that holds it needs no JSON
/// reader: the framework it shows is in its markup (`data-framework`), written by the build.
#[cfg_attr(any(feature = "ssr", feature = "islands-framework"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-framework")), component)]
pub fn FrameworkIsland(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| behaviour::take_over(el.into()));
    view! { <div class="framework-explorer" node_ref=root>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod behaviour {
    use std::collections::BTreeSet;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    use crate::components::link::with_base;
    use crate::core::links::{keep_params, FrameworkView};
    use crate::dom::{all, attr, class, first, focus, listen, set, show, target};
    use crate::url::use_url;

    pub fn take_over(root: Element) {
        let framework = first(&root, "[data-framework]").map(|el| attr(&el, "data-framework")).unwrap_or_default();
        let url = use_url();
        let view = Memo::new(move |_| FrameworkView::from_address(&url.route.get(), &url.search.get(), &framework));
        // The part in focus or under the pointer, and the part that holds the diagram's tab
        // stop (the last one moved to).
        let hovered = RwSignal::new(None::<String>);
        let active = RwSignal::new(None::<String>);
        let selected = Memo::new(move |_| view.with(|v| v.node.clone()));

        let parts = all(&root, ".node");
        let panels = all(&root, ".detail");
        // What each part is linked to and which lenses take it in, from its panel.
        let near: std::collections::HashMap<String, (String, String)> = panels
            .iter()
            .map(|p| (attr(p, "data-part"), (attr(p, "data-near"), attr(p, "data-lens"))))
            .collect();
        let near = std::rc::Rc::new(near);
        let explorer = first(&root, ".explorer");

        // The part whose panel was closed, to be given focus again once the diagram is drawn
        // without the panel (it may then be another drawing, the box being wider).
        let returning = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));

        // The selection: the part marked, its panel shown, the title, and (when it changes)
        // the announcement and focus on the panel's heading, or back on the part.
        {
            let (root, parts, panels, explorer, returning) = (root.clone(), parts.clone(), panels.clone(), explorer.clone(), returning.clone());
            Effect::new(move |before: Option<Option<String>>| {
                let now = selected.get();
                // On its first run each effect leaves alone what the build wrote: the part the
                // address names selected, its links lit, its panel shown and its tab stop, with
                // no lens, not fitted, and links without a query. (Setting all that again on
                // every part of six drawings made the take-over's one task longer than 50 ms
                // at 4x CPU slowdown.)
                if before.is_none() {
                    return now;
                }
                for part in &parts {
                    let on = now.as_deref() == Some(attr(part, "data-part").as_str());
                    class(part, "is-selected", on);
                    set(part, "aria-pressed", if on { "true" } else { "false" });
                }
                let open = panels.iter().find(|p| now.as_deref() == Some(attr(p, "data-part").as_str()));
                for panel in &panels {
                    show(panel, open == Some(panel));
                }
                if let Some(explorer) = &explorer {
                    class(explorer, "has-selection", open.is_some());
                    let title = open.map(|p| attr(p, "data-title")).unwrap_or_else(|| attr(explorer, "data-title"));
                    if !title.is_empty() && document().title() != title {
                        document().set_title(&title);
                    }
                }
                if before.is_some_and(|b| b != now) {
                    // The panel's own sentence, copied node by node (the part's name in it is
                    // marked as English).
                    if let Some(live) = first(&root, ".announce") {
                        live.set_text_content(None);
                        if let Some(sentence) = open.and_then(|p| first(p, ".announce-text")) {
                            let _ = live.append_child(&sentence.clone_node_with_deep(true).unwrap_or_else(|_| sentence.clone().into()));
                            if let Some(copy) = live.first_element_child() {
                                let _ = copy.remove_attribute("hidden");
                            }
                        }
                    }
                    if let Some(heading) = open.and_then(|p| first(p, "h2")) {
                        focus(&heading);
                    }
                }
                if let Some(part) = returning.borrow_mut().take().filter(|_| now.is_none()).and_then(|id| visible_part(&id)) {
                    focus(&part);
                }
                now
            });
        }

        // What is lit: the parts linked to the one in focus, else to the selected one.
        {
            let (root, parts, marks) = (root.clone(), parts.clone(), near.clone());
            Effect::new(move |before: Option<()>| {
                let centre = hovered.get().or_else(|| selected.get());
                if before.is_none() {
                    return;
                }
                let near: Option<BTreeSet<String>> = centre.map(|id| {
                    let mut set: BTreeSet<String> =
                        marks.get(&id).map(|(n, _)| n.split_whitespace().map(str::to_string).collect()).unwrap_or_default();
                    set.insert(id);
                    set
                });
                for part in &parts {
                    let id = attr(part, "data-part");
                    let lit = near.as_ref().map(|n| n.contains(&id));
                    class(part, "is-linked", lit == Some(true));
                    class(part, "is-dimmed", lit == Some(false));
                }
                for line in all(&root, ".connector") {
                    let lit = near.as_ref().is_some_and(|n| n.contains(&attr(&line, "data-from")) && n.contains(&attr(&line, "data-to")));
                    class(&line, "is-lit", lit);
                }
            });
        }

        // The lens, and the lens menu showing it.
        {
            let (root, parts, marks) = (root.clone(), parts.clone(), near.clone());
            Effect::new(move |before: Option<()>| {
                let lens = view.with(|v| v.lens.clone());
                if before.is_none() && lens.is_none() {
                    return;
                }
                for part in &parts {
                    let lenses = marks.get(&attr(part, "data-part")).map(|(_, l)| l.as_str()).unwrap_or_default();
                    let member = lens.as_ref().map(|l| lenses.split_whitespace().any(|d| d == l));
                    class(part, "in-lens", member == Some(true));
                    class(part, "out-of-lens", member == Some(false));
                }
                if let Some(select) = first(&root, ".lens-select").and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                    let value = lens.unwrap_or_default();
                    if select.value() != value {
                        select.set_value(&value);
                    }
                }
            });
        }

        // Fit to screen, and its toggle (a link to the same view with fit the other way).
        {
            let root = root.clone();
            Effect::new(move |before: Option<()>| {
                let v = view.get();
                if before.is_none() && !v.fit {
                    return;
                }
                if let Some(diagram) = first(&root, ".diagram") {
                    class(&diagram, "fit", v.fit);
                }
                if let Some(toggle) = first(&root, ".fit-toggle") {
                    set(&toggle, "aria-pressed", if v.fit { "true" } else { "false" });
                    set(&toggle, "href", &with_base(&FrameworkView { fit: !v.fit, ..v }.href()));
                }
            });
        }

        // Every link on the page that keeps the lens and fit (the tabs, the parts, the panels'
        // links) follows them.
        Effect::new(move |before: Option<()>| {
            let search = url.search.get();
            if before.is_none() && search.is_empty() {
                return;
            }
            for link in all(&document(), "a[data-keep]") {
                let keep = attr(&link, "data-keep");
                let keep: Vec<&str> = keep.split_whitespace().collect();
                let href = keep_params(&attr(&link, "href"), &keep, &search);
                set(&link, "href", &href);
            }
        });

        // One tab stop per drawing: the part last moved to, else the selected one, else the first.
        {
            let root = root.clone();
            Effect::new(move |before: Option<()>| {
                let wanted = active.get().or_else(|| selected.get());
                if before.is_none() {
                    return;
                }
                for svg in all(&root, ".diagram-svg") {
                    let in_svg = all(&svg, ".node");
                    let stop = in_svg
                        .iter()
                        .position(|p| wanted.as_deref() == Some(attr(p, "data-part").as_str()))
                        .unwrap_or(0);
                    for (i, part) in in_svg.iter().enumerate() {
                        set(part, "tabindex", if i == stop { "0" } else { "-1" });
                    }
                }
            });
        }

        // Selecting shows the part's focus and highlight at once; the page follows the new
        // address once that has been painted (opening a panel is a lot to draw on a phone).
        let select = move |id: Option<String>| {
            if let Some(id) = &id {
                active.set(Some(id.clone()));
            }
            let href = view.with_untracked(|v| v.clone().with_node(id.as_deref()).href());
            crate::next_task::after_paint_do(move || url.go(&href, false));
        };
        // Closing returns focus to the part that was open.
        let close = std::rc::Rc::new(move || {
            *returning.borrow_mut() = selected.get_untracked();
            url.go(&view.with_untracked(|v| v.clone().with_node(None).href()), false);
        });

        let close_on_click = close.clone();
        listen(&root, "click", move |ev: web_sys::Event| {
            let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else { return };
            if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
                return;
            }
            if let Some(part) = target(ev, ".node") {
                // The link would load the part's page; select in place.
                ev.prevent_default();
                select(Some(attr(&part, "data-part")));
            } else if target(ev, ".detail-close").is_some() {
                ev.prevent_default();
                close_on_click();
            }
        });
        listen(&root, "keydown", move |ev: web_sys::Event| {
            let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if let Some(part) = target(ev, ".node") {
                let id = attr(&part, "data-part");
                let next = match ev.key().as_str() {
                    "ArrowLeft" => sibling_part(&part, false),
                    "ArrowRight" => sibling_part(&part, true),
                    "ArrowUp" => part_in_same_drawing(&part, &attr(&part, "data-up")),
                    "ArrowDown" => part_in_same_drawing(&part, &attr(&part, "data-down")),
                    "Enter" | " " => {
                        ev.prevent_default();
                        select(Some(id));
                        return;
                    }
                    "Escape" => {
                        select(None);
                        return;
                    }
                    _ => return,
                };
                ev.prevent_default();
                if let Some(next) = next {
                    active.set(Some(attr(&next, "data-part")));
                    focus(&next);
                }
            } else if ev.key() == "Escape" && target(ev, ".detail").is_some() {
                close();
            }
        });
        // What is in focus or under the pointer lights its links.
        listen(&root, "mouseover", move |ev: web_sys::Event| {
            let part = target(&ev, ".node").map(|p| attr(&p, "data-part"));
            if hovered.with_untracked(|h| *h != part) {
                hovered.set(part);
            }
        });
        listen(&root, "mouseleave", move |_| hovered.set(None));
        listen(&root, "focusin", move |ev: web_sys::Event| {
            if let Some(part) = target(&ev, ".node") {
                let id = attr(&part, "data-part");
                if hovered.with_untracked(|h| h.as_deref() != Some(id.as_str())) {
                    hovered.set(Some(id.clone()));
                }
                if active.with_untracked(|a| a.as_deref() != Some(id.as_str())) {
                    active.set(Some(id));
                }
                // Tab's own focus does not scroll an SVG link into view in every browser.
                crate::dom::scroll_into_view(&part);
            }
        });
        listen(&root, "focusout", move |ev: web_sys::Event| {
            if target(&ev, ".node").is_some() {
                hovered.set(None);
            }
        });
        listen(&root, "change", move |ev: web_sys::Event| {
            if let Some(select) = target(&ev, ".lens-select").and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                let value = select.value();
                let lens = (!value.is_empty()).then_some(value);
                url.go(&view.with_untracked(|v| v.clone().with_lens(lens.as_deref()).href()), false);
            }
        });
    }

    /// The part `id` in the drawing on screen (the stylesheet shows one per width).
    fn visible_part(id: &str) -> Option<Element> {
        all(&document(), ".diagram-svg")
            .into_iter()
            .find(|svg| svg.get_client_rects().length() > 0)
            .and_then(|svg| all(&svg, ".node").into_iter().find(|p| attr(p, "data-part") == id))
    }

    /// The part drawn before or after `part` (in its drawing's order).
    fn sibling_part(part: &Element, forward: bool) -> Option<Element> {
        let svg = part.closest(".diagram-svg").ok()??;
        let in_svg = all(&svg, ".node");
        let at = in_svg.iter().position(|p| p == part)?;
        if forward {
            in_svg.get(at + 1).cloned()
        } else {
            at.checked_sub(1).and_then(|i| in_svg.get(i).cloned())
        }
    }

    /// The part `id` in the same drawing as `part`.
    fn part_in_same_drawing(part: &Element, id: &str) -> Option<Element> {
        if id.is_empty() {
            return None;
        }
        let svg = part.closest(".diagram-svg").ok()??;
        all(&svg, ".node").into_iter().find(|p| attr(p, "data-part") == id)
    }
}
