//! `/indicators`: every indicator as a card, grouped by the five dimensions or by the three
//! outcome domains, narrowed by filters and a search that all live in the URL.

use std::sync::Arc;

use crate::components::link::A;
use leptos::prelude::*;

use crate::head::PageHead;
use crate::language::{t, t_string, ts, use_i18n};
use crate::url::use_url;

use crate::components::indicator_cards::IndicatorCards;
use crate::data::{WithAtlas, WithIndicators};
use crate::components::downloads::DataDownloads;
use crate::core::catalogue::{all_domains, group_types, sections, Filter, Grouping};
use crate::core::links::FrameworkView;
use crate::core::Atlas;
use crate::fetch::IndicatorData;

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHead title=t_string!(i18n, indicators.title).to_string() description=t_string!(i18n, indicators.summary).to_string() />
        <header class="page-head">
            <h1>{t!(i18n, indicators.title)}</h1>
            <p class="summary">
                {t!(i18n, indicators.summary)} " "
                <A href="/profile">{t!(i18n, indicators.compare_groups)}</A> "."
            </p>
        </header>
        <YourCards />
        <OverviewFilters />
        <WithAtlas show={|atlas: Arc<Atlas>| view! {
            <WithIndicators show={move |data: Arc<IndicatorData>| view! { <OverviewCards atlas=atlas.clone() data /> }} />
        }} />
        <OverviewDownloads />
        <section>
            <h2>{t!(i18n, indicators.examples_heading)}</h2>
            <p class="summary">{t!(i18n, indicators.examples_summary)}</p>
            <WithAtlas quiet=true show={|atlas: Arc<Atlas>| view! { <IndicatorList atlas /> }} />
        </section>
    }
}

/// The filter in the URL.
fn use_filter() -> Memo<Filter> {
    let url = use_url();
    Memo::new(move |_| Filter::from_query(|k| url.param(k)))
}

/// A dimension's name, from its id.
fn dimension_namer(atlas: Arc<Atlas>) -> Callback<String, String> {
    Callback::new(move |id: String| atlas.node(&id).map(|n| n.label.clone()).unwrap_or(id))
}

/// Every indicator's card under every heading, for each way of grouping them, written once
/// by the build; the filters show and hide them (`OverviewFilters`), so typing in the search
/// never redraws a hundred cards, and the browser's module holds no card.
#[component]
fn OverviewCards(atlas: Arc<Atlas>, data: Arc<IndicatorData>) -> impl IntoView {
    let dimension_label = dimension_namer(atlas.clone());
    let groupings = [Grouping::Dimensions, Grouping::Domains].into_iter().map(|grouping| {
        let every = Filter { grouping, ..Filter::default() };
        let sections = sections(&atlas, &data.store, &every)
            .into_iter()
            .map(|s| {
                let heading_id = format!("section-{}-{}", grouping.param(), s.id.replace('.', "-"));
                let labelled_by = heading_id.clone();
                view! {
                    <section class="indicator-section" aria-labelledby=labelled_by data-section=s.id.clone()>
                        <h2 id=heading_id lang="en">{s.title}</h2>
                        <IndicatorCards store=data.store.clone() dimension_label only=s.indicators />
                    </section>
                }
            })
            .collect_view();
        // The default grouping shows; the other waits, hidden, for the person to choose it.
        let hidden = grouping != Grouping::default();
        view! { <div class="grouping" data-grouping=grouping.param() hidden=hidden>{sections}</div> }
    });
    view! { <div class="overview-results">{groupings.collect_view()}</div> }
}

/// The filters, how many indicators they find, and the cards they show: the filters live in
/// the URL; the cards are the build's, shown or hidden here.
#[cfg_attr(any(feature = "ssr", feature = "islands-overview"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-overview")), component)]
fn OverviewFilters() -> impl IntoView {
    // The cards below say if the data cannot be loaded.
    view! {
        <WithAtlas quiet=true show={|atlas: Arc<Atlas>| view! {
            <WithIndicators quiet=true show={move |data: Arc<IndicatorData>| view! { <Filters atlas=atlas.clone() data /> }} />
        }} />
    }
}

#[component]
fn Filters(atlas: Arc<Atlas>, data: Arc<IndicatorData>) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let filter = use_filter();
    let set_filter = Callback::new(move |f: Filter| url.go(&format!("/indicators{}", f.to_query()), true));
    let dimensions: Vec<(String, String)> = atlas.dimensions().iter().map(|n| (n.id.clone(), n.label.clone())).collect();
    let domains = all_domains(&atlas);
    let types: Vec<(String, String)> = group_types(&data.store).into_iter().map(|t| (t.clone(), t.replace('_', " "))).collect();
    // What the filter selects, per heading.
    let (found_atlas, found_data) = (atlas.clone(), data.clone());
    let found = Memo::new(move |_| sections(&found_atlas, &found_data.store, &filter.get()));
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let grouping = filter.get().grouping;
        found.with(|found| show_cards(grouping, found));
    });
    let count = move || {
        let distinct: std::collections::BTreeSet<usize> = found.with(|f| f.iter().flat_map(|s| s.indicators.iter().copied()).collect());
        match distinct.len() {
            0 => t!(i18n, indicators.none_match).into_any(),
            1 => t!(i18n, indicators.one).into_any(),
            n => t_string!(i18n, indicators.many, count = n).to_string().into_any(),
        }
    };
    let empty = move || {
        found.with(Vec::is_empty).then(|| view! {
            <div class="panel empty-state">
                <p>{t!(i18n, indicators.nothing)}</p>
                <A href="/indicators" attr:class="button">{t!(i18n, indicators.clear)}</A>
            </div>
        })
    };
    view! {
        <FilterBar filter set_filter dimensions domains types />
        <p class="result-count" role="status">{count}</p>
        {empty}
    }
}

/// Shows the cards and headings the filter found, in the grouping chosen, and hides the rest.
#[cfg(feature = "hydrate")]
fn show_cards(grouping: Grouping, found: &[crate::core::catalogue::Section]) {
    use wasm_bindgen::JsCast;
    let Ok(groupings) = document().query_selector_all(".overview-results > .grouping") else { return };
    for i in 0..groupings.length() {
        let Some(g) = groupings.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        let current = g.get_attribute("data-grouping").as_deref() == Some(grouping.param());
        g.set_hidden(!current);
        if !current {
            continue;
        }
        let Ok(list) = g.query_selector_all("section[data-section]") else { continue };
        for j in 0..list.length() {
            let Some(section) = list.item(j).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
            let id = section.get_attribute("data-section").unwrap_or_default();
            let shown = found.iter().find(|s| s.id == id);
            section.set_hidden(shown.is_none());
            let Ok(cards) = section.query_selector_all("[data-card]") else { continue };
            for k in 0..cards.length() {
                let Some(card) = cards.item(k).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
                let index = card.get_attribute("data-card").and_then(|c| c.parse::<usize>().ok());
                card.set_hidden(!shown.is_some_and(|s| index.is_some_and(|i| s.indicators.contains(&i))));
            }
        }
    }
}

/// The downloads of every row of the indicators the filter shows.
#[cfg_attr(any(feature = "ssr", feature = "islands-overview"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-overview")), component)]
fn OverviewDownloads() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <WithAtlas quiet=true show={move |atlas: Arc<Atlas>| view! {
            <WithIndicators quiet=true show={move |data: Arc<IndicatorData>| {
                let filter = use_filter();
                let (export_atlas, export_data) = (atlas.clone(), data.clone());
                let export_rows = Callback::new(move |()| {
                    let found = sections(&export_atlas, &export_data.store, &filter.get_untracked());
                    let shown: std::collections::BTreeSet<usize> = found.iter().flat_map(|s| s.indicators.iter().copied()).collect();
                    export_data.store.rows_of_indicators(&shown.into_iter().collect::<Vec<_>>())
                });
                let export_indicators = Arc::new(data.store.indicators.clone());
                view! {
                    <section class="panel" aria-labelledby="overview-downloads">
                        <h2 id="overview-downloads">{t!(i18n, downloads.heading)}</h2>
                        <p>{t!(i18n, downloads.overview)}</p>
                        <DataDownloads rows=export_rows indicators=export_indicators stem="indicators".to_string() title=t_string!(i18n, indicators.title).to_string() csv=true />
                    </section>
                }
            }} />
        }} />
    }
}

/// The person's own measures' cards, each labelled as theirs, with the file it came from.
#[cfg_attr(any(feature = "ssr", feature = "islands-overview"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-overview")), component)]
fn YourCards() -> impl IntoView {
    let yours = crate::yours::use_yours();
    let i18n = use_i18n();
    let atlas = crate::data::use_data().atlas;
    move || {
        let own = yours.own();
        (!own.is_empty()).then(|| {
            let names = atlas.peek();
            let dimension_label = Callback::new(move |id: String| names.as_ref().and_then(|a| a.node(&id).map(|n| n.label.clone())).unwrap_or(id));
            let cards = own
                .iter()
                .map(|m| {
                    let label = t_string!(i18n, indicators.your_data_from, file = m.file.clone()).to_string();
                    view! { <IndicatorCards store=crate::core::owndata::measures::store_of([m.as_ref()]) dimension_label label /> }
                })
                .collect_view();
            view! {
                <section class="user-data" aria-label=ts!(i18n, indicators.your_data)>
                    <h2>{t!(i18n, indicators.your_data)}</h2>
                    <p class="summary">{t!(i18n, indicators.your_data_summary)}</p>
                    {cards}
                </section>
            }
        })
    }
}

/// A `<select>` whose choice is one of `options` or none ("All").
fn choice(
    label: Signal<String>,
    name: &'static str,
    options: Vec<(String, String)>,
    current: Signal<Option<String>>,
    on_pick: impl Fn(Option<String>) + 'static,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let for_id = id.clone();
    let items = options
        .into_iter()
        .map(|(value, text)| {
            let v = value.clone();
            view! { <option value=value lang="en" selected=move || current.get().as_deref() == Some(v.as_str())>{text}</option> }
        })
        .collect_view();
    view! {
        <label class="filter" for=for_id>
            <span>{label}</span>
            <select id=id name=name on:change=move |ev| {
                let v = event_target_value(&ev);
                on_pick((!v.is_empty()).then_some(v));
            }>
                <option value="" selected=move || current.get().is_none()>{t!(use_i18n(), indicators.all)}</option>
                {items}
            </select>
        </label>
    }
}

#[component]
fn FilterBar(
    filter: Memo<Filter>,
    set_filter: Callback<Filter>,
    dimensions: Vec<(String, String)>,
    domains: Vec<(String, String)>,
    types: Vec<(String, String)>,
) -> impl IntoView {
    // The control shows its new state at once; the cards follow once that has been painted.
    let update = move |change: Box<dyn Fn(&mut Filter)>| {
        crate::next_task::after_paint_do(move || {
            let mut f = filter.get_untracked();
            change(&mut f);
            set_filter.run(f);
        });
    };
    let search = NodeRef::<leptos::html::Input>::new();
    let i18n = use_i18n();
    let grouping = move |g: Grouping, label: Signal<String>| {
        view! {
            <label class="segment">
                <input type="radio" name="by" value=g.param()
                    checked=move || filter.get().grouping == g
                    prop:checked=move || filter.get().grouping == g
                    on:change=move |_| update(Box::new(move |f| f.grouping = g)) />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <form class="filters" role="search" aria-label=ts!(i18n, indicators.filter_label) on:submit=|ev| ev.prevent_default()>
            <fieldset class="segmented">
                <legend>{t!(i18n, indicators.group_by)}</legend>
                {grouping(Grouping::Dimensions, ts!(i18n, indicators.dimension))}
                {grouping(Grouping::Domains, ts!(i18n, indicators.domain))}
            </fieldset>
            {choice(ts!(i18n, indicators.dimension), "dimension", dimensions, Signal::derive(move || filter.get().dimension),
                move |v| update(Box::new(move |f| f.dimension = v.clone())))}
            {choice(ts!(i18n, indicators.domain), "domain", domains, Signal::derive(move || filter.get().domain),
                move |v| update(Box::new(move |f| f.domain = v.clone())))}
            {choice(ts!(i18n, indicators.figures_for), "group", types, Signal::derive(move || filter.get().group_type),
                move |v| update(Box::new(move |f| f.group_type = v.clone())))}
            <label class="filter search" for="filter-q">
                <span>{t!(i18n, indicators.search)}</span>
                <input id="filter-q" type="search" name="q" autocomplete="off" node_ref=search
                    placeholder=ts!(i18n, indicators.search_hint)
                    value=move || filter.get().search
                    prop:value=move || filter.get().search
                    on:input=move |_| {
                        // What is in the box when the update runs, not when the key was
                        // pressed: a later key's update must not be undone by an earlier one.
                        update(Box::new(move |f| {
                            if let Some(input) = search.get_untracked() {
                                f.search = input.value();
                            }
                        }));
                    } />
            </label>
        </form>
    }
}

#[component]
fn IndicatorList(atlas: Arc<Atlas>) -> impl IntoView {
    let sections = atlas
        .frameworks
        .iter()
        .flat_map(|f| {
            f.diagram
                .bands
                .iter()
                .filter_map(move |b| b.chips.clone().map(|kind| (f, b, kind)))
        })
        .flat_map(|(f, band, kind)| {
            band.nodes
                .iter()
                .filter_map(|head| atlas.node(head))
                .map(|domain| {
                    let items = atlas
                        .children(&domain.id, &kind)
                        .into_iter()
                        .map(|n| {
                            let href = FrameworkView::of(&f.id).with_node(Some(&n.id)).href();
                            let label = n.label.clone();
                            view! { <li><A href=href>{label}</A></li> }
                        })
                        .collect_view();
                    let domain_href = FrameworkView::of(&f.id).with_node(Some(&domain.id)).href();
                    let domain_label = domain.label.clone();
                    view! {
                        <section class="card" lang="en">
                            <h3><A href=domain_href>{domain_label}</A></h3>
                            <ol class="indicator-list">{items}</ol>
                        </section>
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    view! { <div class="card-grid">{sections}</div> }
}
