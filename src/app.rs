//! The shell and the route table: every page of the app in one place.
//!
//! The caller provides the data and the head first (`data::provide_data`,
//! `head::provide_head`) and says where the page is served (`components::link::set_site`):
//! the build-time renderer for each page it writes, `start` in the browser before it takes
//! the page over.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::link::{base_path, place, A};
use crate::components::share::ShareActions;
use crate::embed::EmbedFooter;
use crate::language::{t, t_string, use_i18n};
// Each section's pages, or `Elsewhere` where this build is for another section (see
// `crate::sections`): one route table for every build.
use crate::pages::framework_section::{AboutPage, FrameworkPage, WorksheetPage};
use crate::pages::data_section::DataPage;
use crate::pages::indicators_section::{IndicatorPage, IndicatorsPage};
use crate::pages::not_found::NotFound;
use crate::pages::profile_section::ProfilePage;

#[component]
pub fn App() -> impl IntoView {
    let place = place();
    crate::look::provide_look();
    crate::components::link::provide_sticky();
    let embedded = crate::embed::provide_embed(place.embed);
    let i18n = crate::language::provide_language(place.lang);
    crate::offline::provide_offline();
    view! {
        <Router base=base_path()>
            <a class="skip-link" href="#main" on:click=skip_to_main>{t!(i18n, skip)}</a>
            {(!embedded).then(|| view! { <Header /> })}
            <main id="main" tabindex="-1">
                <crate::offline::OfflineNotes />
                {(!embedded).then(|| view! { <ShareActions /> })}
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=FrameworkPage />
                    // One route for a framework, its parts and its text version, so selecting a
                    // part updates the page rather than drawing a new one.
                    <Route path=path!("/framework/:framework?/:part?") view=FrameworkPage />
                    <Route path=path!("/indicators") view=IndicatorsPage />
                    <Route path=path!("/indicators/:id") view=IndicatorPage />
                    <Route path=path!("/profile") view=ProfilePage />
                    <Route path=path!("/open-data") view=DataPage />
                    <Route path=path!("/worksheet") view=WorksheetPage />
                    <Route path=path!("/about") view=AboutPage />
                </Routes>
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
    use wasm_bindgen::JsCast;
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
            <nav aria-label=t_string!(i18n, nav.label)>
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

/// A link to the same view in the other language, named in that language (and marked as
/// such, so a screen reader says it with the right voice). It is a real link to a page of its
/// own: it works before the app has started, and the choice is remembered when followed.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let here = place();
    let other = if here.lang == "mi" { "en" } else { "mi" };
    let path = crate::components::link::current_path();
    let href = move || {
        let full = path.get();
        let (p, rest) = full.find(['?', '#']).map_or((full.as_str(), ""), |i| full.split_at(i));
        let (_, route) = crate::core::site::split(p);
        let sub = crate::components::link::site().sub;
        format!("{sub}{}", here.with_lang(other).href(&format!("{route}{rest}")))
    };
    view! {
        // `rel="external"`: another page, not a route of this one (the router leaves it alone).
        <a class="language-switch" href=href hreflang=other lang=other rel="external"
            on:click=move |_| crate::language::remember(other)>
            {if other == "mi" { "Te reo Māori" } else { "English" }}
        </a>
    }
}
