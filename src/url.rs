//! The view's state in its address, with no client router. Every page is a page of its own
//! (prerendered, and kept by the service worker), so following a link to another page is an
//! ordinary page load; what changes within a page (the selected part, the lens, the chosen
//! groups, the weights, the search) lives in the address's path and query, read from here and
//! written here by the island that owns it, so every address opens exactly its view and the
//! back button steps back through the changes.
//!
//! At build time the address is the route being rendered. In the browser it starts as the
//! route the page was rendered at (so the islands' first render matches the page), moves to
//! the address that was opened once they have been taken over, then follows the history.

use leptos::prelude::*;

use crate::core::links::query_value;

/// The address inside the app: its route (no sub-path, no place prefix) and its query.
#[derive(Clone, Copy)]
pub struct Url {
    /// `/framework/strategic/strategic.vision`.
    pub route: RwSignal<String>,
    /// The query with its `?`, or "".
    pub search: RwSignal<String>,
}

impl Url {
    /// A query parameter, decoded (tracked).
    pub fn param(&self, key: &str) -> Option<String> {
        self.search.with(|s| query_value(s, key))
    }

    /// The route and query, as a link inside the app names them (tracked).
    pub fn href(&self) -> String {
        format!("{}{}", self.route.get(), self.search.get())
    }

    /// Goes to `href` (a route and query inside the app, on this same page): a new entry in
    /// the history, or in place of the current one. The embed's theme parameters stay on.
    pub fn go(&self, href: &str, #[allow(unused_variables)] replace: bool) {
        let href = crate::components::link::with_sticky(href);
        #[cfg(feature = "hydrate")]
        {
            let full = crate::components::link::with_base(&href);
            // The address it is at already is not a step to go back through.
            // (Compared as the browser spells both, percent-encoded.)
            let here = window().location().href().unwrap_or_default();
            let same = web_sys::Url::new_with_base(&full, &here).is_ok_and(|to| web_sys::Url::new(&here).is_ok_and(|at| to.pathname() == at.pathname() && to.search() == at.search()));
            let replace = replace || same;
            if let Ok(history) = window().history() {
                let _ = if replace {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&full))
                } else {
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&full))
                };
            }
        }
        self.show(&href);
    }

    /// Shows `href` without touching the history (it is already there).
    fn show(&self, href: &str) {
        let (route, search) = split_href(href);
        let mut changed = false;
        if self.route.with_untracked(|r| *r != route) {
            self.route.set(route);
            changed = true;
        }
        if self.search.with_untracked(|s| *s != search) {
            self.search.set(search);
            changed = true;
        }
        // Anything else on the page that follows the view (the whole-page module drawing a
        // person's own figures beside the islands) hears of it.
        #[cfg(feature = "hydrate")]
        if changed {
            if let Ok(event) = web_sys::Event::new(VIEW_EVENT) {
                let _ = window().dispatch_event(&event);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = changed;
    }
}

/// `/a/b?x=1#f` as (`/a/b`, `?x=1`); the fragment is the browser's business.
pub fn split_href(href: &str) -> (String, String) {
    let href = href.split('#').next().unwrap_or_default();
    match href.split_once('?') {
        Some((path, query)) if !query.is_empty() => (non_empty(path), format!("?{query}")),
        Some((path, _)) => (non_empty(path), String::new()),
        None => (non_empty(href), String::new()),
    }
}

fn non_empty(path: &str) -> String {
    if path.is_empty() {
        "/".to_string()
    } else {
        path.to_string()
    }
}

/// Provides the address for everything below (the build's renderer for each page it writes,
/// the browser before the islands are taken over).
pub fn provide_url(href: &str) -> Url {
    let (route, search) = split_href(href);
    let url = Url { route: RwSignal::new(route), search: RwSignal::new(search) };
    provide_context(url);
    url
}

/// The address. A component mounted on its own (a browser test) gets the root's.
pub fn use_url() -> Url {
    use_context::<Url>().unwrap_or_else(|| provide_url("/"))
}

/// In the browser: moves to the address that was opened (once the page is the app's), then
/// follows the history's back and forward buttons.
#[cfg(feature = "hydrate")]
pub fn follow_history(url: Url, opened: &str) {
    use wasm_bindgen::JsValue;
    let full = crate::components::link::with_base(opened);
    let hash = window().location().hash().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{full}{hash}")));
    }
    url.show(opened);
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let location = window().location();
        let sub = crate::components::link::site().sub;
        let path = location.pathname().unwrap_or_default();
        let (_, route) = crate::core::site::split(path.strip_prefix(sub.as_str()).unwrap_or(&path));
        url.show(&format!("{route}{}", location.search().unwrap_or_default()));
    });
    // For the page's life.
    std::mem::forget(handle);
}

/// The event the view's address changing is, for whatever else on the page follows it.
pub const VIEW_EVENT: &str = "ce:view";

/// In the browser, for views drawn beside a page's islands by another module: follows the
/// address as the islands change it (their [`VIEW_EVENT`]) and as the history moves.
#[cfg(feature = "hydrate")]
pub fn follow_the_page(url: Url) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let follow = Closure::<dyn Fn()>::new(move || {
        let location = window().location();
        let sub = crate::components::link::site().sub;
        let path = location.pathname().unwrap_or_default();
        let (_, route) = crate::core::site::split(path.strip_prefix(sub.as_str()).unwrap_or(&path));
        url.show(&format!("{route}{}", location.search().unwrap_or_default()));
    });
    for kind in [VIEW_EVENT, "popstate"] {
        let _ = window().add_event_listener_with_callback(kind, follow.as_ref().unchecked_ref());
    }
    // For the page's life.
    follow.forget();
}

/// In the browser: a plain click on a link to this same page (another part of the framework,
/// the text version, the lens kept in a tab) changes the view in place, as the islands do,
/// rather than loading the page again; any other link loads its page.
#[cfg(feature = "hydrate")]
pub fn follow_links_in_page(url: Url) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = a.get_attribute("href").unwrap_or_default();
        if a.has_attribute("target") || a.has_attribute("download") || href.starts_with('#') {
            return;
        }
        let Ok(target) = web_sys::Url::new_with_base(&href, &document().base_uri().ok().flatten().unwrap_or_default()) else {
            return;
        };
        if Ok(target.origin()) != window().location().origin() {
            return;
        }
        let site = crate::components::link::site();
        let path = target.pathname();
        let Some(inside) = path.strip_prefix(site.sub.as_str()) else { return };
        let (place, route) = crate::core::site::split(inside);
        if place != site.place || !crate::core::site::Page::same_page(&route, &url.route.get_untracked()) {
            return;
        }
        ev.prevent_default();
        url.go(&format!("{route}{}", target.search()), false);
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // For the page's life.
    on_click.forget();
}

#[cfg(test)]
mod tests {
    use super::split_href;

    #[test]
    fn hrefs_split_into_route_and_query() {
        assert_eq!(split_href("/a/b?x=1#f"), ("/a/b".into(), "?x=1".into()));
        assert_eq!(split_href("/a"), ("/a".into(), String::new()));
        assert_eq!(split_href("?x=1"), ("/".into(), "?x=1".into()));
        assert_eq!(split_href("/a?"), ("/a".into(), String::new()));
    }
}
