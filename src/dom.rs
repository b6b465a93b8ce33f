//! The few things an island does to the markup the build wrote: find elements, read their
//! data attributes, set a class, an attribute, a text. Islands that take over prerendered
//! markup (rather than render their own) go through these, so each says what it changes and
//! nothing more.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Every element under `root` that matches `selector`, in document order.
pub fn all(root: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<Element> {
    let list = match root.as_ref().dyn_ref::<Element>() {
        Some(el) => el.query_selector_all(selector),
        None => match root.as_ref().dyn_ref::<web_sys::Document>() {
            Some(doc) => doc.query_selector_all(selector),
            None => return Vec::new(),
        },
    };
    let Ok(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The first element under `root` that matches `selector`.
pub fn first(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// An attribute's value, or "".
pub fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// A form field's value (a text box, a text area, a menu), or "".
pub fn value(el: &Element) -> String {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(menu) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        menu.value()
    } else {
        String::new()
    }
}

/// Adds or removes a class.
pub fn class(el: &Element, name: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(name, on);
}

/// Sets an attribute, unless it already has that value.
pub fn set(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Shows or hides an element (its `hidden` attribute).
pub fn show(el: &Element, shown: bool) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        if el.hidden() == shown {
            el.set_hidden(!shown);
        }
    }
}

/// The element an event happened on, or the nearest ancestor matching `selector`.
pub fn target(ev: &web_sys::Event, selector: &str) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()?.closest(selector).ok().flatten()
}

/// Moves keyboard focus to `el` without the browser's own scroll, then scrolls its box (or
/// the box of its first `rect`, for a part of a diagram) into view as little as need be:
/// focusing an SVG link does not scroll in every browser (Firefox).
pub fn focus(el: &Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(html) = el.dyn_ref::<HtmlElement>() {
        let _ = html.focus_with_options(&options);
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    }
    scroll_into_view(el);
}

/// Scrolls `el` (or, for a part of a diagram, its box) into view, as little as need be.
pub fn scroll_into_view(el: &Element) {
    let target = first(el, "rect").unwrap_or_else(|| el.clone());
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
    scroll.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    target.scroll_into_view_with_scroll_into_view_options(&scroll);
}

/// Listens on `el` for `kind` for as long as the current reactive owner lives: an island's
/// listener lasts the page's life; one a view attaches goes when the view does (a view drawn
/// again may keep the same element, which must not then answer twice, once for a view gone).
pub fn listen(el: &Element, kind: &'static str, handler: impl Fn(web_sys::Event) + 'static) {
    use wasm_bindgen::closure::Closure;
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = el.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    let el = el.clone();
    let handler = send_wrapper::SendWrapper::new(handler);
    leptos::prelude::on_cleanup(move || {
        let _ = el.remove_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    });
}

/// Whether `control` holds what the person made it before its island ran, which the island
/// has yet to hear of (`start::before_island`, then `islands_ready`). An island's effects that
/// set its controls from the address leave such a control alone: their first run (the page's
/// own state) would otherwise show a box the person ticked unticked again until then.
pub fn awaiting_replay(control: &Element) -> bool {
    #[cfg(feature = "islands")]
    return crate::start::noted_early(control);
    #[cfg(not(feature = "islands"))]
    {
        let _ = control;
        false
    }
}
