//! Internal links that work wherever the app is served. The router's `A` leaves an absolute
//! href (`/indicators`) as written, so under a sub-path (`/social-cohesion/`) it would point
//! outside the app; this `A` puts the base path in front. Programmatic navigation
//! (`use_navigate`) already resolves against the router's base, so it takes bare paths.
//! Both keep the page's embed and theme parameters and the interface language.

use leptos::prelude::*;

thread_local! {
    static BASE: String = base_path();
    static STICKY: Vec<String> = sticky_params();
}

/// The page's embed and theme parameters (`embed`, `theme`, `accent`, `font`): they stay on
/// every link and navigation inside the app, so an embed stays an embed in its look.
fn sticky_params() -> Vec<String> {
    let search = window().location().search().unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or_default();
            crate::core::embed::STICKY_PARAMS.contains(&key)
        })
        .map(str::to_string)
        .collect()
}

/// `path` with the sticky parameters and the interface language added (those it does not
/// set itself).
pub fn with_sticky(path: &str) -> String {
    let lang = crate::core::language::param(crate::language::current());
    STICKY.with(|sticky| {
        let params: Vec<String> = sticky.iter().cloned().chain(lang).collect();
        crate::core::embed::add_params(path, &params)
    })
}

/// The router's navigation, keeping the sticky parameters.
pub fn use_navigate() -> impl Fn(&str, leptos_router::NavigateOptions) + Clone {
    let navigate = leptos_router::hooks::use_navigate();
    move |path: &str, options| navigate(&with_sticky(path), options)
}

/// The path the app is served under, from `<base href>` (Trunk's `--public-url`): "" at the
/// root of a site, "/social-cohesion" under a sub-path.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new(&base)
        .map(|u| u.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// `path` (an app route such as `/indicators/x?groups=…`) as an href under the base path.
pub fn with_base(path: &str) -> String {
    if path.starts_with('/') {
        BASE.with(|b| format!("{b}{}", with_sticky(path)))
    } else {
        path.to_string()
    }
}

/// The router's link, with the base path in front of an absolute href. Rebuilt when the
/// interface language changes, so it keeps carrying `lang`.
#[component]
pub fn A(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let locale = crate::language::use_locale();
    let href = move || {
        locale.track();
        with_base(&href)
    };
    view! { <leptos_router::components::A href=href>{children()}</leptos_router::components::A> }
}

/// The full URL of the view the router shows now. Built from the router's location rather
/// than read from `window.location`, which the router updates after its own signals.
pub fn current_url() -> Signal<String> {
    let location = leptos_router::hooks::use_location();
    Signal::derive(move || {
        let origin = window().location().origin().unwrap_or_default();
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        let hash = location.hash.get();
        format!(
            "{origin}{}{}{search}{hash}",
            location.pathname.get(),
            if search.is_empty() { "" } else { "?" }
        )
    })
}
