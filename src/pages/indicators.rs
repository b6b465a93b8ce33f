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
use crate::core::catalogue::{group_types, sections, Catalogue, Filter, Grouping};
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
            <WithAtlas quiet=true show={|atlas: Arc<Atlas>| view! { <IndicatorList atlas /> }} />
        </section>
    }
}

/// The overview as the build writes it for the filters its address names: the filters, how
/// many indicators they find, every card under every heading for each way of grouping them
/// (those the filters leave out hidden), and the downloads; the island follows the filters
/// from the page's catalogue, its props.
#[component]
fn Overview(atlas: Arc<Atlas>, data: Arc<IndicatorData>) -> impl IntoView {
    let i18n = use_i18n();
    let filter = untrack(use_filter);
    let catalogue = Catalogue::of(&atlas, &data.store);
    let found = catalogue.sections(&filter);
    let types: Vec<(String, String)> = group_types(&data.store).into_iter().map(|t| (t.clone(), t.replace('_', " "))).collect();
    let count = count_text(i18n, &found);
    view! {
        <OverviewIsland catalogue=catalogue.clone()>
            // A person's own measures' cards, drawn here if they keep any.
            <div class="your-cards">{your_cards()}</div>
            <FilterBar filter=filter.clone() dimensions=catalogue.dimensions.clone() domains=catalogue.domains.clone() types />
            <p class="result-count" role="status">{count}</p>
            <div class="panel empty-state" hidden=!found.is_empty()>
                <p>{t!(i18n, indicators.nothing)}</p>
                <A href="/indicators" attr:class="button">{t!(i18n, indicators.clear)}</A>
            </div>
            <OverviewCards atlas data=data.clone() filter found />
            <section class="panel" aria-labelledby="overview-downloads">
                <h2 id="overview-downloads">{t!(i18n, downloads.heading)}</h2>
                <p>{t!(i18n, downloads.overview)}</p>
                {crate::components::downloads::downloads_markup(true, NodeRef::new())}
            </section>
        </OverviewIsland>
    }
}

/// How many indicators the filters find, in words.
fn count_text(i18n: crate::language::I18n, found: &[crate::core::catalogue::Section]) -> String {
    let distinct: std::collections::BTreeSet<usize> = found.iter().flat_map(|s| s.indicators.iter().copied()).collect();
    match distinct.len() {
        0 => t_string!(i18n, indicators.none_match).to_string(),
        1 => t_string!(i18n, indicators.one).to_string(),
        n => t_string!(i18n, indicators.many, count = n).to_string(),
    }
}

/// A person's own measures' cards: drawn in the page by the whole-page module and at build
/// time (where there are none); an islands module asks the whole-page module for them.
fn your_cards() -> AnyView {
    #[cfg(not(feature = "islands"))]
    return view! { <YourCards /> }.into_any();
    #[cfg(feature = "islands")]
    ().into_any()
}

/// The filter in the URL.
fn use_filter() -> Filter {
    let url = use_url();
    Filter::from_query(|k| url.param(k))
}

/// Every indicator's card under every heading, for each way of grouping them, written once
/// by the build; the island shows and hides them, so typing in the search never redraws a
/// hundred cards, and the browser's module holds no card.
#[component]
fn OverviewCards(atlas: Arc<Atlas>, data: Arc<IndicatorData>, filter: Filter, found: Vec<crate::core::catalogue::Section>) -> impl IntoView {
    let dimension_label = dimension_namer(atlas.clone());
    let shown: std::collections::BTreeSet<usize> = found.iter().flat_map(|s| s.indicators.iter().copied()).collect();
    let groupings = [Grouping::Dimensions, Grouping::Domains].into_iter().map(|grouping| {
        let every = Filter { grouping, ..Filter::default() };
        let sections = sections(&atlas, &data.store, &every)
            .into_iter()
            .map(|s| {
                let heading_id = format!("section-{}-{}", grouping.param(), s.id.replace('.', "-"));
                let labelled_by = heading_id.clone();
                let section_shown = found.iter().any(|f| f.id == s.id);
                let visible = Signal::stored(shown.iter().copied().collect::<Vec<usize>>());
                view! {
                    <section class="indicator-section" aria-labelledby=labelled_by data-section=s.id.clone() hidden=!section_shown>
                        <h2 id=heading_id lang="en">{s.title}</h2>
                        <IndicatorCards store=data.store.clone() dimension_label only=s.indicators visible />
                    </section>
                }
            })
            .collect_view();
        // The grouping chosen shows; the other waits, hidden, for the person to choose it.
        let hidden = grouping != filter.grouping;
        view! { <div class="grouping" data-grouping=grouping.param() hidden=hidden>{sections}</div> }
    });
    view! { <div class="overview-results">{groupings.collect_view()}</div> }
}

/// A dimension's name, from its id.
fn dimension_namer(atlas: Arc<Atlas>) -> Callback<String, String> {
    Callback::new(move |id: String| atlas.node(&id).map(|n| n.label.clone()).unwrap_or(id))
}

/// The overview's island: the filters, how many indicators they find, the cards they show,
/// and the downloads of those indicators' rows. Its props are the page's catalogue; the cards
/// and everything it says are the build's markup, its children.
#[cfg_attr(any(feature = "ssr", feature = "islands-overview"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-overview")), component)]
fn OverviewIsland(catalogue: Catalogue, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| overview::take_over(el.into(), catalogue));
    #[cfg(not(feature = "hydrate"))]
    let _ = catalogue;
    view! { <div class="overview" node_ref=root>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod overview {
    use leptos::prelude::*;
    #[cfg(feature = "islands")]
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

    use super::{count_text, show_cards};
    use crate::core::catalogue::{Catalogue, Filter, Grouping};
    use crate::dom::{all, first, listen, show, target};
    use crate::language::use_i18n;
    use crate::url::use_url;

    pub fn take_over(root: Element, catalogue: Catalogue) {
        let i18n = use_i18n();
        let url = use_url();
        let filter = Memo::new(move |_| Filter::from_query(|k| url.param(k)));
        let found = Memo::new(move |_| catalogue.sections(&filter.get()));
        // The cards, the count and the empty state follow the filters (the page arrives
        // showing those its address names).
        {
            let (count, empty) = (first(&root, ".result-count"), first(&root, ".empty-state"));
            Effect::new(move |before: Option<()>| {
                let grouping = filter.with(|f| f.grouping);
                found.with(|found| {
                    if before.is_some() {
                        show_cards(grouping, found);
                        if let Some(count) = &count {
                            count.set_text_content(Some(&count_text(i18n, found)));
                        }
                    }
                    if let Some(empty) = &empty {
                        show(empty, found.is_empty());
                    }
                });
            });
        }
        // The controls say the filters (after the back button, say), but for any the person
        // changed before the island ran, until it has heard of them.
        {
            let root = root.clone();
            let controls = move |selector: &str| all(&root, selector).into_iter().filter(|c| !crate::dom::awaiting_replay(c));
            Effect::new(move |_| {
                let f = filter.get();
                for radio in controls("input[name=by]").filter_map(|r| r.dyn_into::<HtmlInputElement>().ok()) {
                    radio.set_checked(radio.value() == f.grouping.param());
                }
                for (name, value) in [("dimension", &f.dimension), ("domain", &f.domain), ("group", &f.group_type)] {
                    if let Some(select) = controls(&format!("select[name={name}]")).next().and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()) {
                        let value = value.clone().unwrap_or_default();
                        if select.value() != value {
                            select.set_value(&value);
                        }
                    }
                }
                if let Some(search) = controls("input[name=q]").next().and_then(|s| s.dyn_into::<HtmlInputElement>().ok()) {
                    if search.value() != f.search {
                        search.set_value(&f.search);
                    }
                }
            });
        }
        // A control changed: the filters from the controls, once the change has been painted
        // (what is in the box then, not when the key was pressed: a later key's update must not
        // be undone by an earlier one). A change made before the island ran, told now, is
        // read at once, before the controls are set from the address that was opened.
        let form = first(&root, "form.filters");
        let update = move |ev: &web_sys::Event| {
            let Some(form) = form.clone() else { return };
            crate::next_task::after_paint_or_now(ev, move || {
                let value = |name: &str| first(&form, &format!("[name={name}]")).map(|el| crate::dom::value(&el));
                let grouping = all(&form, "input[name=by]")
                    .into_iter()
                    .filter_map(|r| r.dyn_into::<HtmlInputElement>().ok())
                    .find(|r| r.checked())
                    .map(|r| r.value());
                let some = |v: Option<String>| v.filter(|v| !v.is_empty());
                let f = Filter {
                    grouping: if grouping.as_deref() == Some("domains") { Grouping::Domains } else { Grouping::Dimensions },
                    dimension: some(value("dimension")),
                    domain: some(value("domain")),
                    group_type: some(value("group")),
                    search: value("q").unwrap_or_default(),
                };
                url.go(&format!("/indicators{}", f.to_query()), true);
            });
        };
        for kind in ["change", "input"] {
            let update = update.clone();
            listen(&root, kind, move |ev: web_sys::Event| {
                if target(&ev, "form.filters").is_some() {
                    update(&ev);
                }
            });
        }
        if let Some(form) = first(&root, "form.filters") {
            listen(&form, "submit", |ev: web_sys::Event| ev.prevent_default());
        }
        // The downloads of every row of the indicators shown: the whole-page module reads the
        // data and writes the file (it holds the reader; this island does not).
        if let Some(downloads) = first(&root, ".data-downloads") {
            let status = first(&downloads, ".download-problem");
            listen(&downloads.clone(), "click", move |ev: web_sys::Event| {
                let format = ["csv", "sdmx", "package"].into_iter().find(|f| target(&ev, &format!(".download-{f}")).is_some());
                let (Some(format), Some(status)) = (format, status.clone()) else { return };
                let search = url.search.get_untracked();
                leptos::task::spawn_local(async move {
                    #[cfg(feature = "islands")]
                    {
                        let args = [JsValue::from(status.clone()), JsValue::from_str(format), JsValue::from_str(&search)];
                        if let Err(e) = crate::lazy::call_app("overview_file", &args).await {
                            status.set_text_content(Some(&e));
                        }
                    }
                    #[cfg(not(feature = "islands"))]
                    super::overview_file(status, format.to_string(), search).await;
                });
            });
        }
        // A person's own measures' cards, if they keep any (the whole-page module, where this
        // island is a component, draws them in the page itself).
        #[cfg(feature = "islands")]
        if let Some(slot) = first(&root, ".your-cards") {
            crate::yours::draw_your_cards(slot);
        }
    }
}

/// Every row of the indicators the filters in `search` show, as `format` (`csv`, `sdmx`,
/// `package`), saved as a file; what went wrong, if anything, said in `status`. Run by the
/// whole-page module (an islands module holds no data reader), where the overview is a
/// component, or called from the overview's island (`start::overview_file`).
#[cfg(all(feature = "hydrate", not(feature = "islands")))]
pub async fn overview_file(status: web_sys::Element, format: String, search: String) {
    use crate::core::catalogue::{sections, Filter};
    use crate::core::indicators::export::{ExportFormat, ExportRequest};
    use crate::core::indicators::parse::{write_indicators, write_observations};
    let say = |text: Option<&str>| status.set_text_content(text);
    let (atlas, data) = futures::join!(crate::fetch::load_atlas(&crate::fetch::Network, crate::fetch::MANIFEST), crate::fetch::load_indicators(&crate::fetch::Network, crate::fetch::DATAPACKAGE));
    let (atlas, data) = match (atlas, data) {
        (Ok(a), Ok(d)) => (a.value, d.value),
        (Err(e), _) | (_, Err(e)) => return say(Some(&e.to_string())),
    };
    let filter = Filter::from_query(|k| crate::core::links::query_value(&search, k));
    let shown: std::collections::BTreeSet<usize> = sections(&atlas, &data.store, &filter).iter().flat_map(|s| s.indicators.iter().copied()).collect();
    let rows = data.store.rows_of_indicators(&shown.into_iter().collect::<Vec<_>>());
    let observations = write_observations(&rows);
    let (format, file, mime) = match format.as_str() {
        "csv" => {
            say(None);
            return crate::download::save_text(&observations, "text/csv;charset=utf-8", "indicators.csv");
        }
        "sdmx" => (ExportFormat::SdmxCsv, "indicators.sdmx.csv", "text/csv;charset=utf-8"),
        _ => (ExportFormat::DataPackage, "indicators.datapackage.json", "application/json"),
    };
    let i18n = crate::language::use_i18n().get_locale();
    let request = ExportRequest {
        format,
        observations,
        indicators: write_indicators(&data.store.indicators),
        name: "cohesion-explorer-indicators".to_string(),
        title: crate::language::td_string!(i18n, indicators.title).to_string(),
        description: String::new(),
    };
    match crate::charts::render::export(&serde_json::to_string(&request).unwrap_or_default()).await {
        Ok(text) => {
            say(None);
            crate::download::save_text(&text, mime, file);
        }
        Err(e) => say(Some(&e)),
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

/// The person's own measures' cards, each labelled as theirs, with the file it came from.
#[component]
pub fn YourCards() -> impl IntoView {
    let yours = crate::yours::use_yours();
    let i18n = use_i18n();
    let atlas = use_context::<crate::data::Data>().map(|d| d.atlas);
    move || {
        let own = yours.own();
        (!own.is_empty()).then(|| {
            let names = atlas.as_ref().and_then(|a| a.peek());
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

/// A `<select>` whose choice is one of `options` or none ("All"), as written for `current`.
fn choice(label: Signal<String>, name: &'static str, options: Vec<(String, String)>, current: Option<String>) -> impl IntoView {
    let id = format!("filter-{name}");
    let for_id = id.clone();
    let items = options
        .into_iter()
        .map(|(value, text)| {
            let selected = current.as_deref() == Some(value.as_str());
            view! { <option value=value lang="en" selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <label class="filter" for=for_id>
            <span>{label}</span>
            <select id=id name=name>
                <option value="" selected=current.is_none()>{t!(use_i18n(), indicators.all)}</option>
                {items}
            </select>
        </label>
    }
}

/// The filters' controls, as written for `filter`; the island reads them when one changes.
#[component]
fn FilterBar(filter: Filter, dimensions: Vec<(String, String)>, domains: Vec<(String, String)>, types: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let grouping = |g: Grouping, label: Signal<String>| {
        view! {
            <label class="segment">
                <input type="radio" name="by" value=g.param() checked=filter.grouping == g />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <form class="filters" role="search" aria-label=ts!(i18n, indicators.filter_label)>
            <fieldset class="segmented">
                <legend>{t!(i18n, indicators.group_by)}</legend>
                {grouping(Grouping::Dimensions, ts!(i18n, indicators.dimension))}
                {grouping(Grouping::Domains, ts!(i18n, indicators.domain))}
            </fieldset>
            {choice(ts!(i18n, indicators.dimension), "dimension", dimensions, filter.dimension.clone())}
            {choice(ts!(i18n, indicators.domain), "domain", domains, filter.domain.clone())}
            {choice(ts!(i18n, indicators.figures_for), "group", types, filter.group_type.clone())}
            <label class="filter search" for="filter-q">
                <span>{t!(i18n, indicators.search)}</span>
                <input id="filter-q" type="search" name="q" autocomplete="off"
                    placeholder=ts!(i18n, indicators.search_hint) value=filter.search.clone() />
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
