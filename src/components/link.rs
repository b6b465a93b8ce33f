//! Internal links that work wherever the app is served. Every page lives under the site's
//! sub-path (`/social-cohesion`, from `<base href>`) and its place's prefix (`/mi`,
//! `/embed`; see `core::site`); the base is both together, so routes are written bare
//! (`/indicators`) and this module puts the base in front.
//!
//! An embed's theme parameters (`theme`, `accent`, `font`) stay on every link and navigation,
//! so an embed keeps its look. They are added only once the page has been taken over: the
//! prerendered page, which could not know them, has none, and the first render must match it.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::core::site::Place;

thread_local! {
    static SITE: RefCell<Site> = RefCell::new(Site::default());
    static STICKY: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Where this page is served: the site's sub-path and the page's place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Site {
    /// `""` at the root of a host, `"/social-cohesion"` under a sub-path.
    pub sub: String,
    pub place: Place,
}

impl Site {
    /// The base of every link: the sub-path and the place's prefix.
    pub fn base(&self) -> String {
        format!("{}{}", self.sub, self.place.prefix())
    }
}

/// Sets where this page is served. Called before the app renders (by the build-time
/// renderer for each page, by `start` in the browser).
pub fn set_site(site: Site) {
    SITE.with(|s| *s.borrow_mut() = site);
}

pub fn site() -> Site {
    SITE.with(|s| s.borrow().clone())
}

/// The page's place (language and mode).
pub fn place() -> Place {
    SITE.with(|s| s.borrow().place)
}

/// The base of every link.
pub fn base_path() -> String {
    SITE.with(|s| s.borrow().base())
}

/// The theme parameters links keep, once the page has been taken over.
#[derive(Clone, Copy)]
struct Sticky(RwSignal<Vec<String>>);

pub fn provide_sticky() {
    provide_context(Sticky(RwSignal::new(Vec::new())));
}

/// Puts the theme parameters on every link from now on.
pub fn set_sticky(params: Vec<String>) {
    STICKY.with(|s| *s.borrow_mut() = params.clone());
    if let Some(Sticky(signal)) = use_context::<Sticky>() {
        signal.set(params);
    }
}

/// `path` with the sticky parameters added (those it does not set itself).
pub fn with_sticky(path: &str) -> String {
    STICKY.with(|sticky| crate::core::embed::add_params(path, &sticky.borrow()))
}

/// `path` (an app route such as `/indicators/x?groups=…`) as an href under the base.
pub fn with_base(path: &str) -> String {
    if path.starts_with('/') {
        let base = base_path();
        if path == "/" && !base.is_empty() {
            // `/mi`, not `/mi/`: one spelling of each address.
            with_sticky(&base)
        } else {
            format!("{base}{}", with_sticky(path))
        }
    } else {
        path.to_string()
    }
}

/// A link inside the app: the base in front of its route, the embed's theme parameters
/// kept, and `aria-current="page"` when it is the page shown (its path is the address's, or,
/// for a section's link, the address is under it, or is `also`: a page of the section that
/// lives elsewhere, as the profile is the indicators').
#[component]
pub fn A(#[prop(into)] href: String, #[prop(optional)] also: Option<&'static str>, children: Children) -> impl IntoView {
    let sticky = use_context::<Sticky>();
    let url = crate::url::use_url();
    let path = href.split(['?', '#']).next().unwrap_or_default().to_string();
    let under = |route: &str, path: &str| route == path || (path != "/" && route.starts_with(&format!("{path}/")));
    let current = move || {
        let route = url.route.get();
        (under(&route, &path) || also.is_some_and(|also| under(&route, also))).then_some("page")
    };
    let href = move || {
        if let Some(Sticky(s)) = sticky {
            s.track();
        }
        with_base(&href)
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}

/// The view shown now, as an app path with its place's prefix and query (`/mi/indicators?q=a`),
/// without the site's origin or sub-path.
pub fn current_path() -> Signal<String> {
    let url = crate::url::use_url();
    let prefix = place().prefix();
    Signal::derive(move || {
        let route = url.route.get();
        let route = if route == "/" && !prefix.is_empty() { String::new() } else { route };
        format!("{prefix}{route}{}", url.search.get())
    })
}

/// The site's root URL (`https://agency.govt.nz/social-cohesion/`), from `<base href>`; empty
/// at build time, where the page has no address yet.
pub fn site_root() -> String {
    #[cfg(feature = "hydrate")]
    {
        document().base_uri().ok().flatten().unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

/// The full URL of the view the router shows now.
pub fn current_url() -> Signal<String> {
    let path = current_path();
    Signal::derive(move || {
        let root = site_root();
        format!("{}{}", root.trim_end_matches('/'), path.get())
    })
}

/// Keeps a link the build wrote on `href` as the view changes (the language switch, an
/// embed's link to the full explorer).
#[cfg(feature = "hydrate")]
pub fn follow_view(link: web_sys::Element, href: impl Fn() -> String + 'static) {
    Effect::new(move |_| crate::dom::set(&link, "href", &href()));
}
