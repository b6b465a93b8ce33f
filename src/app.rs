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
    view! {
        <Html attr:lang="en" />
        <Title formatter=|page: String| {
            if page.is_empty() { "Cohesion Explorer".to_string() } else { format!("{page} · Cohesion Explorer") }
        } />
        <Router base=base_path()>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            {(!embedded).then(|| view! { <Header /> })}
            <main id="main" tabindex="-1">
                {(!embedded).then(|| view! { <ShareActions /> })}
                <ErrorBoundary fallback=|errors| {
                    view! {
                        <section class="panel error" role="alert">
                            <h1>"Something went wrong"</h1>
                            <p>"This part of the page could not be shown. The rest of the app still works."</p>
                            <ul>
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
                view! {
                    <footer class="site-footer">
                        <p>
                            "Framework text quoted from New Zealand government documents; see "
                            <A href="/about">"About"</A> " for sources and licences."
                        </p>
                    </footer>
                }.into_any()
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
fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "Cohesion Explorer"
            </A>
            <nav aria-label="Main">
                <ul>
                    <li><A href="/framework">"Framework"</A></li>
                    <li><A href="/indicators">"Indicators"</A></li>
                    <li><A href="/open-data">"Data"</A></li>
                    <li><A href="/about">"About"</A></li>
                </ul>
            </nav>
        </header>
    }
}
