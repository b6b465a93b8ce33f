//! The page for a URL that matches no route.

use crate::components::link::A;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::language::{t, t_string, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, not_found.title).to_string() />
        <section class="panel">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>{t!(i18n, not_found.body, path = move || view! { <code>{location.pathname.get()}</code> })}</p>
            <p><A href="/framework">{t!(i18n, not_found.go)}</A></p>
        </section>
    }
}
