//! `/framework/:framework`: one framework as an interactive diagram; `/framework/:framework/:part`
//! the same with one part selected (or `.../text`, the framework as text); the lens and fitting
//! to the screen are in the query. `/framework/crosswalk` is the matrix of every framework
//! against the five dimensions. Earlier links' `?node=` and `?view=text` still work.

use std::sync::Arc;

use crate::components::link::{with_base, A};
use leptos::prelude::*;

use crate::head::PageHead;
use crate::language::{t, t_string, ts, use_i18n};
use crate::url::use_url;

use crate::components::crosswalk_table::CrosswalkTable;
use crate::data::WithAtlas;
use crate::components::detail_panel::DetailPanel;
use crate::components::diagram::Diagram;
use crate::components::text_version::TextVersion;
use crate::core::links::{FrameworkView, TEXT_SEGMENT};
use crate::core::text::shorten;
use crate::core::Atlas;

pub const CROSSWALK: &str = "crosswalk";

/// A framework's page: the crosswalk is a table the build writes once; every other framework
/// is an island (its diagram, detail panel, lens and text version change as the person works).
#[component]
pub fn FrameworkPage(framework: Option<String>) -> impl IntoView {
    if framework.as_deref() == Some(CROSSWALK) {
        return view! { <WithAtlas show={|atlas: Arc<Atlas>| view! { <Crosswalk atlas /> }} /> }.into_any();
    }
    view! { <FrameworkIsland framework /> }.into_any()
}

/// The crosswalk: every framework against the five dimensions, with the frameworks' tabs.
#[component]
fn Crosswalk(atlas: Arc<Atlas>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="framework-tabs" aria-label=ts!(i18n, framework.tabs_label)><ul>{tabs(&atlas, CROSSWALK, None)}</ul></nav>
        <PageHead title=t_string!(i18n, crosswalk.title).to_string() description=t_string!(i18n, crosswalk.summary).to_string() />
        <CrosswalkTable atlas />
    }
}

/// The frameworks' tabs and the crosswalk's, the current one marked, each keeping the lens.
fn tabs(atlas: &Atlas, current: &str, lens: Option<&str>) -> impl IntoView {
    let i18n = use_i18n();
    // Framework titles are content, in English; "Crosswalk" is the interface's.
    let mut tabs: Vec<(String, String, Option<&str>)> =
        atlas.frameworks.iter().map(|f| (f.id.clone(), f.short_title.clone(), Some("en"))).collect();
    tabs.push((CROSSWALK.to_string(), t_string!(i18n, framework.crosswalk_tab).to_string(), None));
    tabs.into_iter()
        .map(|(id, title, lang)| {
            let href = with_base(&FrameworkView::of(&id).with_lens(lens).href());
            let current = (id == current).then_some("page");
            view! { <li><a href=href aria-current=current><span lang=lang>{title}</span></a></li> }
        })
        .collect_view()
}

/// A framework, explored: the part of the page that changes.
#[cfg_attr(any(feature = "ssr", feature = "islands-framework"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-framework")), component)]
fn FrameworkIsland(framework: Option<String>) -> impl IntoView {
    view! { <WithAtlas show={move |atlas: Arc<Atlas>| view! { <FrameworkExplorer atlas framework=framework.clone() /> }} /> }
}

#[component]
fn FrameworkExplorer(atlas: Arc<Atlas>, framework: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let first = atlas
        .frameworks
        .first()
        .map(|f| f.id.clone())
        .unwrap_or_default();

    // The view's state lives in the URL and is read from it, never mirrored.
    let framework = Memo::new(move |_| framework.clone().unwrap_or_else(|| first.clone()));
    // The part is in the path; an earlier link's `?node=` and `?view=text` still count.
    let part = Memo::new(move |_| match crate::core::site::Page::of(&url.route.get()) {
        crate::core::site::Page::Framework { part, .. } => part,
        _ => None,
    });
    let text = Memo::new(move |_| part.get().as_deref() == Some(TEXT_SEGMENT) || url.param("view").as_deref() == Some("text"));
    let node = Memo::new(move |_| part.get().filter(|p| p != TEXT_SEGMENT).or_else(|| url.param("node")));
    let lens = Memo::new(move |_| url.param("lens"));
    let fit = Memo::new(move |_| url.param("fit").as_deref() == Some("1"));
    let state = Signal::derive(move || FrameworkView {
        framework: framework.get(),
        node: node.get(),
        lens: lens.get(),
        text: text.get(),
        fit: fit.get(),
    });

    // Announced to screen readers when the selection changes; the region exists before it
    // changes, so it is read out.
    let announcement = {
        let atlas = atlas.clone();
        move || {
            node.get()
                .and_then(|id| {
                    atlas
                        .node(&id)
                        .map(|n| (n.display_name(), atlas.links(&id).len()))
                })
                .map(|(name, count)| {
                    // The part's name is the framework's words, in English.
                    let name = move || view! { <span lang="en">{name.clone()}</span> };
                    t!(i18n, framework.announce, name, count = move || count).into_any()
                })
        }
    };

    let tabs = {
        let atlas = atlas.clone();
        move || tabs(&atlas, &framework.get(), lens.get().as_deref())
    };

    let body = move || {
        let atlas = atlas.clone();
        let id = framework.get();
        let Some(f) = atlas.framework(&id).cloned() else {
            return view! {
                <PageHead title=t_string!(i18n, framework.not_found_title).to_string() />
                <section class="panel" role="alert">
                    <h1>{t_string!(i18n, framework.not_found, id = id.clone()).to_string()}</h1>
                    <p>{t!(i18n, framework.choose)}</p>
                </section>
            }
            .into_any();
        };
        let title = f.title.clone();
        let summary = f.summary.quote.clone();
        // A framework that asks its readers questions leads to the worksheet for them.
        let worksheet = f.worksheet.is_some().then(|| {
            let href = format!("/worksheet#{}", f.id);
            view! { <p class="worksheet-link"><A href=href>{t!(i18n, worksheet.from_framework)}</A></p> }
        });
        // A part's page is titled and described by the part; the framework's by itself.
        let head = {
            let atlas = atlas.clone();
            let short_title = f.short_title.clone();
            let summary = summary.clone();
            move || {
                let selected = (!text.get()).then(|| node.get()).flatten().and_then(|id| atlas.node(&id).cloned());
                match selected {
                    Some(n) => {
                        let about = if n.text.is_empty() { n.source.quote.clone() } else { n.text.clone() };
                        view! { <PageHead title=format!("{} · {short_title}", shorten(&n.display_name(), 60)) description=shorten(&about, 200) /> }
                    }
                    None => view! { <PageHead title=short_title.clone() description=shorten(&summary, 200) /> },
                }
            }
        };
        let diagram_href = move || state.get().with_text(false).href();
        let text_href = move || state.get().with_text(true).href();
        view! {
            {head}
            <header class="page-head">
                <h1 lang="en">{title}</h1>
                <p class="summary" lang="en">{summary}</p>
                {worksheet}
                <div class="toolbar">
                    <div class="view-switch" role="group" aria-label=ts!(i18n, framework.show_as)>
                        // Plain links: `A` would mark both current, as they share a path.
                        <a href=move || with_base(&diagram_href()) aria-current=move || (!text.get()).then_some("page")>{t!(i18n, framework.diagram)}</a>
                        <a href=move || with_base(&text_href()) aria-current=move || text.get().then_some("page")>{t!(i18n, framework.text)}</a>
                    </div>
                    <LensPicker atlas=atlas.clone() state />
                    {move || (!text.get()).then(|| {
                        let href = with_base(&state.get().with_fit(!fit.get()).href());
                        view! {
                            <a class="toggle" href=href role="button" aria-pressed=move || if fit.get() { "true" } else { "false" }>
                                {t!(i18n, framework.fit)}
                            </a>
                        }
                    })}
                </div>
            </header>
            {move || {
                let atlas = atlas.clone();
                if text.get() {
                    view! { <TextVersion atlas framework=id.clone() state /> }.into_any()
                } else {
                    view! {
                        <div class="explorer" class:has-selection=move || node.get().is_some()>
                            <Diagram atlas=atlas.clone() framework=id.clone() state />
                            <DetailPanel atlas state />
                        </div>
                    }
                    .into_any()
                }
            }}
        }
        .into_any()
    };

    view! {
        <nav class="framework-tabs" aria-label=ts!(i18n, framework.tabs_label)><ul>{tabs}</ul></nav>
        <p class="visually-hidden" aria-live="polite">{announcement}</p>
        {body}
    }
}

/// Highlights everything that belongs to one dimension of cohesion.
#[component]
fn LensPicker(atlas: Arc<Atlas>, state: Signal<FrameworkView>) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let options: Vec<(String, String)> = atlas
        .dimensions()
        .iter()
        .map(|d| (d.id.clone(), d.label.clone()))
        .collect();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let lens = (!value.is_empty()).then_some(value);
        let href = state.get_untracked().with_lens(lens.as_deref()).href();
        url.go(&href, false);
    };
    view! {
        <label class="lens">
            <span>{t!(i18n, framework.lens)}</span>
            <select on:change=on_change prop:value=move || state.get().lens.unwrap_or_default()>
                <option value="">{t!(i18n, framework.no_lens)}</option>
                {options.into_iter().map(|(id, label)| view! { <option value=id lang="en">{label}</option> }).collect_view()}
            </select>
        </label>
    }
}
