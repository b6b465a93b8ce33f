//! Internal links that work wherever the app is served. Every page lives under the site's
//! sub-path (`/social-cohesion`, from `<base href>`) and its place's prefix (`/mi`,
//! `/embed`; see `core::site`); the router's base is both together, so routes are written
//! bare (`/indicators`). The router's `A` leaves an absolute href as written, so this `A`
//! puts the base in front. Programmatic navigation (`use_navigate`) already resolves against
//! the router's base, so it takes bare routes.
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
    /// The router's base: the sub-path and the place's prefix.
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

/// The router's base path.
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

/// The router's navigation, keeping the sticky parameters.
pub fn use_navigate() -> impl Fn(&str, leptos_router::NavigateOptions) + Clone {
    let navigate = leptos_router::hooks::use_navigate();
    move |path: &str, options| navigate(&with_sticky(path), options)
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

/// The router's link, with the base in front of an absolute href.
#[component]
pub fn A(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let sticky = use_context::<Sticky>();
    let href = move || {
        if let Some(Sticky(s)) = sticky {
            s.track();
        }
        with_base(&href)
    };
    view! { <leptos_router::components::A href=href>{children()}</leptos_router::components::A> }
}

/// The view the router shows now, as an app path with its place's prefix and query
/// (`/mi/indicators?q=a`), without the site's origin or sub-path. Built from the router's
/// location rather than read from `window.location`, which the router updates after its
/// own signals.
pub fn current_path() -> Signal<String> {
    let location = leptos_router::hooks::use_location();
    Signal::derive(move || {
        let sub = site().sub;
        let pathname = location.pathname.get();
        let path = pathname.strip_prefix(sub.as_str()).unwrap_or(&pathname).to_string();
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        // The fragment exists only in the browser (a request never carries it).
        #[cfg(feature = "hydrate")]
        let hash = location.hash.get();
        #[cfg(not(feature = "hydrate"))]
        let hash = String::new();
        format!(
            "{}{}{search}{hash}",
            if path.is_empty() { "/" } else { path.as_str() },
            if search.is_empty() { "" } else { "?" }
        )
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
