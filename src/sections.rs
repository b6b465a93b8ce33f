//! Which section's pages this browser build takes over (see `core::site::Section`), and the
//! way to the others.
//!
//! A browser build is compiled with one `section-*` feature and holds that section's pages
//! only; every other page component is [`Elsewhere`] in it, so none of their code is in the
//! module. A build without a section feature (the browser tests, the build-time renderer)
//! holds every page.
//!
//! Links to another section's pages must load that page as a page: [`start_section_links`]
//! sees such a click before the router does and lets the browser follow it. Should anything
//! else bring the router to another section's route, [`Elsewhere`] loads it as a page too.

use leptos::prelude::*;

use crate::core::site::Section;

/// The section this build takes over; `None` for a build with every page.
pub const BUILT_FOR: Option<Section> = if cfg!(feature = "section-framework") {
    Some(Section::Framework)
} else if cfg!(feature = "section-indicators") {
    Some(Section::Indicators)
} else if cfg!(feature = "section-profile") {
    Some(Section::Profile)
} else if cfg!(feature = "section-data") {
    Some(Section::Data)
} else {
    None
};

/// Whether this build shows the person's own data (and so carries it between pages).
pub fn shows_your_data() -> bool {
    matches!(BUILT_FOR, None | Some(Section::Indicators) | Some(Section::Data))
}

/// Whether this build draws the pages of the route's section.
pub fn built_here(route: &str) -> bool {
    BUILT_FOR.is_none_or(|s| s == Section::of(route))
}

/// What a route of another section shows in this build: that page, loaded as a page of its
/// own; or, when this document was opened at that very address (a host's not-found page
/// served for an unknown `/indicators/…`), the not-found page, so nothing ever reloads twice.
#[component]
pub fn Elsewhere() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let location = window().location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if browser::opened_at().as_deref() != Some(here.as_str()) {
            let _ = location.reload();
            return view! { <crate::components::error_panel::Skeleton label=String::new() /> }.into_any();
        }
    }
    view! { <crate::pages::not_found::NotFound /> }.into_any()
}

#[cfg(feature = "hydrate")]
pub use browser::{note_opened_at, start_section_links};

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::built_here;
    use crate::core::site::split;

    thread_local! {
        static OPENED_AT: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// Notes the address (path and query) this document was opened at.
    pub fn note_opened_at(path_and_query: String) {
        OPENED_AT.with(|o| *o.borrow_mut() = Some(path_and_query));
    }

    pub(super) fn opened_at() -> Option<String> {
        OPENED_AT.with(|o| o.borrow().clone())
    }

    /// Lets the browser follow a click on a link to another section's page, which the router
    /// would otherwise draw in place (and cannot: its code is in another module). Listens on
    /// the document while the event goes down to the link, so it decides before the router,
    /// which listens on the window as the event comes back up.
    pub fn start_section_links(sub: String) {
        if super::BUILT_FOR.is_none() {
            return;
        }
        let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            if let Some(href) = other_section_link(&ev, &sub) {
                ev.prevent_default();
                let _ = web_sys::window().expect("a window").location().assign(&href);
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        let _ = leptos::prelude::document().add_event_listener_with_callback_and_add_event_listener_options(
            "click",
            on_click.as_ref().unchecked_ref(),
            &options,
        );
        // For the life of the page.
        on_click.forget();
    }

    /// The address a click would follow, if it is a plain click on a link of this site to a
    /// page this build does not draw, and the router would otherwise take it.
    fn other_section_link(ev: &web_sys::MouseEvent, sub: &str) -> Option<String> {
        if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
            return None;
        }
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        let a: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
        let rel = a.rel();
        if !a.target().is_empty() || a.has_attribute("download") || rel.split_whitespace().any(|r| r == "external") {
            return None;
        }
        let url = web_sys::Url::new(&a.href()).ok()?;
        if url.origin() != web_sys::window()?.location().origin().ok()? {
            return None;
        }
        let path = url.pathname();
        let (_, route) = split(path.strip_prefix(sub)?);
        (!built_here(&route)).then(|| a.href())
    }
}
