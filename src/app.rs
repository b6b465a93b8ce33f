//! The shell and the route table: every page of the app in one place.
//!
//! The caller provides the data, the head and the address first (`data::provide_data`,
//! `head::provide_head`, `url::provide_url`) and says where the page is served
//! (`components::link::set_site`): the build-time renderer for each page it writes, the
//! browser's whole-page module for a page the build could not write (see `start`).
//!
//! Most of a page is HTML the build writes once; the parts a person changes are islands
//! (`#[island]`), the only code the browser's islands modules hold.

use leptos::prelude::*;

use crate::components::link::{place, A};
use crate::components::share::Share;
use crate::core::site::Page;
use crate::embed::EmbedFooter;
use crate::language::{t, t_string, use_i18n};
use crate::pages::about::AboutPage;
use crate::pages::data::DataPage;
use crate::pages::framework::FrameworkPage;
use crate::pages::indicator::IndicatorPage;
use crate::pages::indicators::IndicatorsPage;
use crate::pages::not_found::NotFound;
use crate::pages::profile::ProfilePage;
use crate::pages::worksheet::WorksheetPage;

/// What every part of a page reads, provided once: the look, the embed's mode and theme
/// parameters, the language, the offline state. The build's renderer and the whole-page
/// module provide it in `App`; the islands module at the root every island descends from.
pub fn provide_page_contexts() -> (bool, crate::language::I18n) {
    let place = place();
    // Light or dark, for the charts (the stylesheet follows the same choice by itself): only
    // the modules that draw charts in the browser need it.
    #[cfg(not(any(feature = "islands-framework", feature = "islands-worksheet")))]
    crate::look::provide_look();
    crate::components::link::provide_sticky();
    let embedded = crate::embed::provide_embed(place.embed);
    let i18n = crate::language::provide_language(place.lang);
    (embedded, i18n)
}

#[component]
pub fn App() -> impl IntoView {
    let (embedded, i18n) = provide_page_contexts();
    let url = crate::url::use_url();
    // The page changes only when the route names another page (a framework's parts are one).
    let page = Memo::new(move |_| Page::of(&url.route.get()));
    let kind = Memo::new(move |_| std::mem::discriminant(&page.get()));
    let shown = move || {
        kind.track();
        page_view(page.get_untracked())
    };
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip)}</a>
        {(!embedded).then(|| view! { <Header /> })}
        <main id="main" tabindex="-1">
            <crate::offline::OfflineNotes />
            {(!embedded).then(|| view! { <Share /> })}
            {shown}
        </main>
        {if embedded {
            view! { <EmbedFooter /> }.into_any()
        } else {
            view! { <SiteFooter /> }.into_any()
        }}
    }
}

/// The page for a route.
fn page_view(page: Page) -> AnyView {
    match page {
        Page::Framework { framework, .. } => view! { <FrameworkPage framework /> }.into_any(),
        Page::Indicators => view! { <IndicatorsPage /> }.into_any(),
        Page::Indicator(id) => view! { <IndicatorPage id /> }.into_any(),
        Page::Profile => view! { <ProfilePage /> }.into_any(),
        Page::OpenData => view! { <DataPage /> }.into_any(),
        Page::Worksheet => view! { <WorksheetPage /> }.into_any(),
        Page::About => view! { <AboutPage /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
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
            <a href=crate::components::link::with_base("/") class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "Cohesion Explorer"
            </a>
            <nav aria-label=t_string!(i18n, nav.label)>
                <ul>
                    <li><A href="/framework">{t!(i18n, nav.framework)}</A></li>
                    <li><A href="/indicators" also="/profile">{t!(i18n, nav.indicators)}</A></li>
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
/// own: it works before the app has started, and the choice is remembered when followed. An
/// island, so it follows the view's address as the person changes it.
#[cfg_attr(any(feature = "ssr", feature = "islands"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands")), component)]
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
    let link = NodeRef::<leptos::html::A>::new();
    #[cfg(feature = "hydrate")]
    link.on_load(move |a| {
        crate::components::link::follow_view(a.clone().into(), href);
        // The choice is remembered when followed.
        let remember = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || crate::language::remember(other));
        let _ = a.add_event_listener_with_callback("click", wasm_bindgen::JsCast::unchecked_ref(remember.as_ref()));
        remember.forget();
    });
    view! {
        <a class="language-switch" href=untrack(href) hreflang=other lang=other node_ref=link>
            {if other == "mi" { "Te reo Māori" } else { "English" }}
        </a>
    }
}
