//! The page for an address that matches no route. The build writes it once as `404.html`
//! (rendered at `core::site::NOT_FOUND_ROUTE`), which a static host serves for any unknown
//! address; once the app runs it names the address that was asked for.

use crate::components::link::A;
use leptos::prelude::*;

use crate::components::error_panel::Skeleton;
use crate::core::site::{indicator_of, is_shell, NOT_FOUND_ROUTE};
use crate::head::PageHead;
use crate::language::{t, t_string, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let url = crate::url::use_url();
    let i18n = use_i18n();
    // The route asked for (the build renders this page at `NOT_FOUND_ROUTE`).
    let asked = move || url.route.get();
    // An offline shell: the frame of a page the app is about to draw (see `core::site`).
    if is_shell(&asked()) {
        return view! { <Skeleton label=t_string!(i18n, offline.opening).to_string() /> }.into_any();
    }
    // An indicator's address the build has no page for (a build of another section shows
    // this page for it): say which indicator, as the indicator page would.
    if let Some(id) = indicator_of(&asked()) {
        return view! { <UnknownIndicator id /> }.into_any();
    }
    view! {
        <PageHead title=t_string!(i18n, not_found.title).to_string() />
        <section class="panel">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>{move || {
                let route = asked();
                if route == NOT_FOUND_ROUTE {
                    t!(i18n, not_found.body_unknown).into_any()
                } else {
                    t!(i18n, not_found.body, path = move || view! { <code>{route.clone()}</code> }).into_any()
                }
            }}</p>
            <p><A href="/framework">{t!(i18n, not_found.go)}</A></p>
        </section>
    }
    .into_any()
}

/// The page for an indicator there is no such indicator for.
#[component]
pub fn UnknownIndicator(id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHead title=t_string!(i18n, indicator.not_found_title).to_string() />
        <section class="panel" role="alert"><h1>{t_string!(i18n, indicator.not_found, id = id).to_string()}</h1>
        <p><A href="/indicators">{t!(i18n, indicator.see_all)}</A></p></section>
    }
}
