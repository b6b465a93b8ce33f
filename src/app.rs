//! The shell and the route table: every page of the app in one place.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::{Route, Router, Routes};

use crate::components::link::{base_path, A};
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::components::atlas::provide_atlas;
use crate::components::indicator_data::provide_indicator_data;
use crate::components::share::ShareActions;
use crate::embed::EmbedFooter;
use crate::language::{t, t_string, use_i18n, Locale};
use crate::pages::{
    about::AboutPage, data::DataPage, framework::FrameworkPage, indicator::IndicatorPage,
    indicators::IndicatorsPage, not_found::NotFound, profile::ProfilePage,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_atlas();
    provide_indicator_data();
    crate::look::provide_look();
    let embedded = crate::embed::provide_embed();
    let i18n = crate::language::provide_language();
    view! {
        <Html attr:lang=move || crate::language::code_of(i18n.get_locale()) />
        <Title formatter=|page: String| {
            if page.is_empty() { "Cohesion Explorer".to_string() } else { format!("{page} · Cohesion Explorer") }
        } />
        <Router base=base_path()>
            <a class="skip-link" href="#main" on:click=skip_to_main>{t!(i18n, skip)}</a>
            {(!embedded).then(|| view! { <Header /> })}
            <main id="main" tabindex="-1">
                {(!embedded).then(|| view! { <ShareActions /> })}
                <ErrorBoundary fallback=move |errors| {
                    view! {
                        <section class="panel error" role="alert">
                            <h1>{t!(i18n, broken.heading)}</h1>
                            <p>{t!(i18n, broken.body)}</p>
                            <ul lang="en">
                                {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
                            </ul>
                        </section>
                    }
                }>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=FrameworkPage />
                        <Route path=path!("/framework") view=FrameworkPage />
                        <Route path=path!("/framework/:framework") view=FrameworkPage />
                        <Route path=path!("/indicators") view=IndicatorsPage />
                        <Route path=path!("/indicators/:id") view=IndicatorPage />
                        <Route path=path!("/profile") view=ProfilePage />
                        <Route path=path!("/open-data") view=DataPage />
                        <Route path=path!("/about") view=AboutPage />
                    </Routes>
                </ErrorBoundary>
            </main>
            {if embedded {
                view! { <EmbedFooter /> }.into_any()
            } else {
                view! { <SiteFooter /> }.into_any()
            }}
        </Router>
    }
}

/// The router would treat `#main` as a navigation; move focus ourselves, as a browser would.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    let about = move |children: ChildrenFn| view! { <A href="/about">{children()}</A> };
    view! {
        <footer class="site-footer">
            <p>{t!(i18n, footer, <about> = about)}</p>
        </footer>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "Cohesion Explorer"
            </A>
            <nav aria-label=move || t_string!(i18n, nav.label)>
                <ul>
                    <li><A href="/framework">{t!(i18n, nav.framework)}</A></li>
                    <li><A href="/indicators">{t!(i18n, nav.indicators)}</A></li>
                    <li><A href="/open-data">{t!(i18n, nav.data)}</A></li>
                    <li><A href="/about">{t!(i18n, nav.about)}</A></li>
                </ul>
            </nav>
            <LanguageSwitch />
        </header>
    }
}

/// One button that offers the other language, named in that language (and marked as such,
/// so a screen reader says it with the right voice).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let switch = crate::language::use_switch();
    let other = move || match i18n.get_locale() {
        Locale::en => Locale::mi,
        Locale::mi => Locale::en,
    };
    view! {
        <button type="button" class="language-switch"
            lang=move || crate::language::code_of(other())
            on:click=move |_| switch(other())>
            {move || match other() {
                Locale::mi => "Te reo Māori",
                Locale::en => "English",
            }}
        </button>
    }
}
