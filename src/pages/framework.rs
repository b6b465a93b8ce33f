//! `/framework/:framework`: one framework as an interactive diagram; `/framework/:framework/:part`
//! the same with one part selected; `.../text` the framework as text (a page of its own). The
//! lens and fitting to the screen are in the query. `/framework/crosswalk` is the matrix of
//! every framework against the five dimensions. Earlier links' `?node=` and `?view=text` still
//! work.
//!
//! The build writes all of it: the tabs, the heading, the diagram at every width, every part's
//! panel. The framework's island (`components::explorer`) then only changes what a person's
//! choices change: which part is selected and which panel shows, what is lit, the lens, the
//! fit, and the links that keep them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::crosswalk_table::CrosswalkTable;
use crate::components::detail_panel::{announcement, part_title, DetailPanels};
use crate::components::diagram::{Diagram, PART_KEEPS};
use crate::components::explorer::FrameworkIsland;
use crate::components::link::with_base;
use crate::components::text_version::TextVersion;
use crate::core::layout::{layout, PRERENDER_WIDTH};
use crate::core::links::FrameworkView;
use crate::core::text::shorten;
use crate::core::Atlas;
use crate::data::WithAtlas;
use crate::head::{Head, PageHead};
use crate::language::{t, t_string, ts, use_i18n};
use crate::url::use_url;

pub const CROSSWALK: &str = "crosswalk";

/// A framework's page, or the crosswalk.
#[component]
pub fn FrameworkPage(framework: Option<String>) -> impl IntoView {
    if framework.as_deref() == Some(CROSSWALK) {
        return view! { <WithAtlas show={|atlas: Arc<Atlas>| view! { <Crosswalk atlas /> }} /> }.into_any();
    }
    view! { <WithAtlas show={move |atlas: Arc<Atlas>| view! { <FrameworkOf atlas framework=framework.clone() /> }} /> }.into_any()
}

/// The crosswalk: every framework against the five dimensions, with the frameworks' tabs.
#[component]
fn Crosswalk(atlas: Arc<Atlas>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="framework-tabs" aria-label=ts!(i18n, framework.tabs_label)><ul>{tabs(&atlas, CROSSWALK)}</ul></nav>
        <PageHead title=t_string!(i18n, crosswalk.title).to_string() description=t_string!(i18n, crosswalk.summary).to_string() />
        <CrosswalkTable atlas />
    }
}

/// The frameworks' tabs and the crosswalk's, the current one marked, each keeping the lens.
fn tabs(atlas: &Atlas, current: &str) -> impl IntoView {
    let i18n = use_i18n();
    // Framework titles are content, in English; "Crosswalk" is the interface's.
    let mut tabs: Vec<(String, String, Option<&str>)> =
        atlas.frameworks.iter().map(|f| (f.id.clone(), f.short_title.clone(), Some("en"))).collect();
    tabs.push((CROSSWALK.to_string(), t_string!(i18n, framework.crosswalk_tab).to_string(), None));
    tabs.into_iter()
        .map(|(id, title, lang)| {
            let href = with_base(&FrameworkView::of(&id).href());
            let current = (id == current).then_some("page");
            view! { <li><a href=href data-keep="lens" aria-current=current><span lang=lang>{title}</span></a></li> }
        })
        .collect_view()
}

/// One framework's page, as the address it is rendered at names it.
#[component]
fn FrameworkOf(atlas: Arc<Atlas>, framework: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let first = atlas.frameworks.first().map(|f| f.id.clone()).unwrap_or_default();
    let view = untrack(|| FrameworkView::from_address(&url.route.get(), &url.search.get(), &framework.unwrap_or(first)));
    let Some(f) = atlas.framework(&view.framework).cloned() else {
        let id = view.framework.clone();
        return view! {
            <nav class="framework-tabs" aria-label=ts!(i18n, framework.tabs_label)><ul>{tabs(&atlas, "")}</ul></nav>
            <PageHead title=t_string!(i18n, framework.not_found_title).to_string() />
            <section class="panel" role="alert">
                <h1>{t_string!(i18n, framework.not_found, id = id).to_string()}</h1>
                <p>{t!(i18n, framework.choose)}</p>
            </section>
        }
        .into_any();
    };
    // The parts the diagram draws, each with a page and a panel of its own.
    let parts: Vec<String> = layout(&atlas, &f, PRERENDER_WIDTH).nodes.into_iter().map(|p| p.id).collect();
    let selected = view.node.clone().filter(|n| parts.contains(n));
    // A part's page is titled and described by the part; the framework's by itself.
    let head = match selected.as_ref().and_then(|id| atlas.node(id)) {
        Some(n) => {
            let about = if n.text.is_empty() { n.source.quote.clone() } else { n.text.clone() };
            view! { <PageHead title=part_title(&atlas, &f, &n.id) description=shorten(&about, 200) /> }
        }
        None => view! { <PageHead title=f.short_title.clone() description=shorten(&f.summary.quote, 200) /> },
    };
    // A framework that asks its readers questions leads to the worksheet for them.
    let worksheet = f.worksheet.is_some().then(|| {
        let href = with_base(&format!("/worksheet#{}", f.id));
        view! { <p class="worksheet-link"><a href=href>{t!(i18n, worksheet.from_framework)}</a></p> }
    });
    let announcement = selected
        .as_ref()
        .and_then(|id| atlas.node(id))
        .map(|n| announcement(i18n, &n.display_name(), atlas.links(&n.id).len()));
    let diagram_href = with_base(&FrameworkView::of(&f.id).href());
    let text_href = with_base(&FrameworkView::of(&f.id).with_text(true).href());
    let fit_href = with_base(&FrameworkView { fit: true, ..view.clone() }.href());
    let lenses: Vec<(String, String)> = atlas.dimensions().iter().map(|d| (d.id.clone(), d.label.clone())).collect();
    let body = if view.text {
        view! { <TextVersion atlas=atlas.clone() framework=f.id.clone() /> }.into_any()
    } else {
        view! {
            <div class="explorer" class:has-selection=selected.is_some() data-title=Head::document_title(&f.short_title)>
                <Diagram atlas=atlas.clone() framework=f.clone() selected=selected.clone() />
                <DetailPanels atlas=atlas.clone() framework=f.clone() parts selected=selected.clone() />
            </div>
        }
        .into_any()
    };
    view! {
        <nav class="framework-tabs" aria-label=ts!(i18n, framework.tabs_label)><ul>{tabs(&atlas, &f.id)}</ul></nav>
        {head}
        <FrameworkIsland>
            <header class="page-head" data-framework=f.id.clone()>
                <h1 lang="en">{f.title.clone()}</h1>
                <p class="summary" lang="en">{f.summary.quote.clone()}</p>
                {worksheet}
                <div class="toolbar">
                    <div class="view-switch" role="group" aria-label=ts!(i18n, framework.show_as)>
                        <a href=diagram_href data-keep=PART_KEEPS aria-current=(!view.text).then_some("page")>{t!(i18n, framework.diagram)}</a>
                        <a href=text_href data-keep="lens" aria-current=view.text.then_some("page")>{t!(i18n, framework.text)}</a>
                    </div>
                    <label class="lens">
                        <span>{t!(i18n, framework.lens)}</span>
                        <select class="lens-select">
                            <option value="">{t!(i18n, framework.no_lens)}</option>
                            {lenses.into_iter().map(|(id, label)| view! { <option value=id lang="en">{label}</option> }).collect_view()}
                        </select>
                    </label>
                    {(!view.text).then(|| view! {
                        <a class="toggle fit-toggle" href=fit_href data-keep="lens" role="button" aria-pressed="false">{t!(i18n, framework.fit)}</a>
                    })}
                </div>
            </header>
            // Read out when the selection changes; the region is there before it does.
            <p class="visually-hidden announce" aria-live="polite">{announcement}</p>
            {body}
        </FrameworkIsland>
    }
    .into_any()
}
