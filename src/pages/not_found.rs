//! The page for an address that matches no route. The build writes it once as `404.html`
//! (rendered at `core::site::NOT_FOUND_ROUTE`), which a static host serves for any unknown
//! address; once the app runs it names the address that was asked for.

use crate::components::link::A;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::error_panel::Skeleton;
use crate::core::site::{NOT_FOUND_ROUTE, SHELL_ROUTE};
use crate::head::PageHead;
use crate::language::{t, t_string, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let i18n = use_i18n();
    // The route inside the app (the router's location includes its base).
    let asked = move || {
        let path = location.pathname.get();
        let (_, route) = crate::core::site::split(
            path.strip_prefix(crate::components::link::site().sub.as_str()).unwrap_or(&path),
        );
        route
    };
    // The offline shell: the frame of a page the app is about to draw (see `core::site`).
    if asked() == SHELL_ROUTE {
        return view! { <Skeleton label=t_string!(i18n, offline.opening).to_string() /> }.into_any();
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
