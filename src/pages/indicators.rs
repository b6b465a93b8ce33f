//! `/indicators`: every indicator as a card, grouped by the five dimensions or by the three
//! outcome domains, narrowed by filters and a search that all live in the URL.

use std::sync::Arc;

use crate::components::link::use_navigate;
use crate::components::link::A;
use leptos::prelude::*;

use crate::head::PageHead;
use crate::language::{t, t_string, ts, use_i18n};
use leptos_router::hooks::use_query_map;
use leptos_router::NavigateOptions;

use crate::components::indicator_cards::IndicatorCards;
use crate::data::{UserData, WithAtlas, WithIndicators};
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
        <WithAtlas show={|atlas: Arc<Atlas>| view! {
            <WithIndicators show={move |data: Arc<IndicatorData>| view! { <Overview atlas=atlas.clone() data /> }} />
        }} />
        <section>
            <h2>{t!(i18n, indicators.examples_heading)}</h2>
            <p class="summary">{t!(i18n, indicators.examples_summary)}</p>
            <WithAtlas show={|atlas: Arc<Atlas>| view! { <IndicatorList atlas /> }} />
        </section>
    }
}

/// The filters (drawn once, so typing keeps focus) and the cards they select.
#[component]
fn Overview(atlas: Arc<Atlas>, data: Arc<IndicatorData>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| Filter::from_query(|k| query.read().get(k)));
    let navigate = use_navigate();
    let set_filter = Callback::new(move |f: Filter| {
        navigate(
            &format!("/indicators{}", f.to_query()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    });
    let dimension_atlas = atlas.clone();
    let dimension_label = Callback::new(move |id: String| {
        dimension_atlas
            .node(&id)
            .map(|n| n.label.clone())
            .unwrap_or(id)
    });
    let dimensions: Vec<(String, String)> = atlas
        .dimensions()
        .iter()
        .map(|n| (n.id.clone(), n.label.clone()))
        .collect();
    let domains = all_domains(&atlas);
    let types: Vec<(String, String)> = group_types(&data.store)
        .into_iter()
        .map(|t| (t.clone(), t.replace('_', " ")))
        .collect();
    // The downloads hold every row of the indicators the filter shows.
    let (export_atlas, export_data) = (atlas.clone(), data.clone());
    let export_rows = Callback::new(move |()| {
        let found = sections(&export_atlas, &export_data.store, &filter.get_untracked());
        let shown: std::collections::BTreeSet<usize> = found.iter().flat_map(|s| s.indicators.iter().copied()).collect();
        export_data.store.rows_of_indicators(&shown.into_iter().collect::<Vec<_>>())
    });
    let export_indicators = Arc::new(data.store.indicators.clone());
    // What the filter selects, per heading. The cards themselves are drawn once per grouping
    // (every indicator under every heading) and a filter only shows or hides them, so typing in
    // the search never rebuilds a hundred cards.
    let (found_atlas, found_data) = (atlas.clone(), data.clone());
    let found = Memo::new(move |_| sections(&found_atlas, &found_data.store, &filter.get()));
    let grouping = Memo::new(move |_| filter.get().grouping);
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
    let all_sections = move || {
        let every = Filter { grouping: grouping.get(), ..Filter::default() };
        sections(&atlas, &data.store, &every)
            .into_iter()
            .map(|s| {
                let heading_id = format!("section-{}", s.id.replace('.', "-"));
                let labelled_by = heading_id.clone();
                let (id, for_cards) = (s.id.clone(), s.id.clone());
                let hidden = move || found.with(|f| !f.iter().any(|x| x.id == id));
                let visible = Signal::derive(move || {
                    found.with(|f| f.iter().find(|x| x.id == for_cards).map(|x| x.indicators.clone()).unwrap_or_default())
                });
                view! {
                    <section class="indicator-section" aria-labelledby=labelled_by hidden=hidden>
                        <h2 id=heading_id lang="en">{s.title}</h2>
                        <IndicatorCards store=data.store.clone() dimension_label only=s.indicators visible />
                    </section>
                }
            })
            .collect_view()
    };
    let results = view! {
        <p class="result-count" role="status">{count}</p>
        {empty}
        {all_sections}
    };
    view! {
        <YourCards dimension_label />
        <FilterBar filter set_filter dimensions domains types />
        <div class="overview-results">{results}</div>
        <section class="panel" aria-labelledby="overview-downloads">
            <h2 id="overview-downloads">{t!(i18n, downloads.heading)}</h2>
            <p>{t!(i18n, downloads.overview)}</p>
            <DataDownloads rows=export_rows indicators=export_indicators stem="indicators".to_string() title=t_string!(i18n, indicators.title).to_string() csv=true />
        </section>
    }
}

/// The person's own data's cards, labelled as theirs.
#[component]
fn YourCards(dimension_label: Callback<String, String>) -> impl IntoView {
    let UserData(user) = expect_context::<UserData>();
    let i18n = use_i18n();
    move || {
        user.get().map(|u| {
            let label = t_string!(i18n, indicators.your_data_from, file = u.file.clone()).to_string();
            let file = u.file.clone();
            view! {
                <section class="user-data" aria-label=ts!(i18n, indicators.your_data)>
                    <h2>{t!(i18n, indicators.your_data)}</h2>
                    <p class="summary">{t_string!(i18n, indicators.your_data_summary, file = file.clone()).to_string()}</p>
                    <IndicatorCards store=u.store.clone() dimension_label label />
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
