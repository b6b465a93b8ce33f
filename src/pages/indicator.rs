//! `/indicators/:id`: one indicator over time for everyone and for the groups a person
//! chooses (in the URL), with the chart's numbers in a table, a one-sentence summary, the
//! source and licence, a CSV of the view, and where the indicator sits in the framework.
//!
//! The build writes the page for the view its address names, with every row the table can
//! show (those not in the view hidden); the page's island (`components::indicator_island`)
//! then follows the person's choices on that markup, from the page's [`Slice`] (the indicator
//! and its rows, its props) and `Page::view`, the same computation the build made.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::render::chart_markup;
use crate::components::breakdown_charts::BreakdownCharts;
use crate::components::downloads::downloads_markup;
use crate::components::indicator_island::{lines_chart, slice_markup, IndicatorIsland};
use crate::components::lang::group_cell;
use crate::components::link::{with_base, A};
use crate::components::source_cell::{link_words, SourceCell};
use crate::core::indicators::page::{row_key, Beside, Choice, Page, PageView, Slice};
use crate::core::indicators::view::{groups_of, GroupRef, MAX_SERIES};
use crate::core::links::{encode, FrameworkView};
use crate::core::Atlas;
use crate::data::{WithAtlas, WithIndicators};
use crate::fetch::IndicatorData;
use crate::head::PageHead;
use crate::language::{period_text, t, t_string, ts, unit_name, use_i18n, value_text};
use crate::look::use_look;
use crate::sentences;
use crate::url::use_url;

/// The href of an indicator page with these groups chosen.
pub fn indicator_href(id: &str, groups: &[GroupRef]) -> String {
    let base = format!("/indicators/{}", encode(id));
    if groups.is_empty() {
        base
    } else {
        let list: Vec<String> = groups.iter().map(|g| encode(&g.to_param())).collect();
        format!("{base}?groups={}", list.join(","))
    }
}

#[component]
pub fn IndicatorPage(id: String) -> impl IntoView {
    view! {
        <WithAtlas show={move |atlas: Arc<Atlas>| {
            let id = id.clone();
            view! {
                <WithIndicators show={move |data: Arc<IndicatorData>| {
                    if data.store.indicator(&id).is_some() {
                        let slice = Slice::of(&data.store, &id);
                        view! { <IndicatorView atlas=atlas.clone() data slice notes=None /> }.into_any()
                    } else {
                        view! { <YourIndicator atlas=atlas.clone() shipped=data id=id.clone() /> }.into_any()
                    }
                }} />
            }
        }} />
    }
}

/// The page of a person's own measure (drawn in the browser: the build could not know it),
/// with the same views as a published indicator's, from the figures kept on their device,
/// labelled as theirs; and, if they chose one, a published indicator beside it.
#[component]
fn YourIndicator(atlas: Arc<Atlas>, shipped: Arc<IndicatorData>, id: String) -> impl IntoView {
    let yours = crate::yours::use_yours();
    let i18n = use_i18n();
    let url = use_url();
    let beside = Memo::new(move |_| url.param("beside"));
    move || match yours.measure(&id) {
        Some(measure) => {
            let store = crate::core::owndata::measures::store_of([measure.as_ref()]);
            let data = Arc::new(IndicatorData { store, updated: None });
            let mut slice = Slice::of(&data.store, &id);
            if let (Some(slice), Some(other)) = (slice.as_mut(), beside.get().and_then(|b| shipped.store.indicator(&b).cloned())) {
                let their_source = if measure.indicator.source_name.is_empty() { measure.file.clone() } else { measure.indicator.source_name.clone() };
                let rows = Slice::of(&shipped.store, &other.id).map(|s| s.rows).unwrap_or_default();
                let label = format!("{}, {}", other.short_title, other.source_name);
                slice.beside = Some(Beside { indicator: other, rows, their_source, label });
            }
            let badge = t_string!(i18n, indicator.yours_badge, file = measure.file.clone()).to_string();
            let picker = beside_picker(&shipped, measure.indicator.unit, beside.get_untracked());
            view! {
                <p class="origin-badge yours-page">{badge}</p>
                <IndicatorView atlas=atlas.clone() data slice notes=Some(measure.notes.clone()) picker />
            }
            .into_any()
        }
        None if !yours.ready.get() => view! { <crate::components::error_panel::Skeleton label=t_string!(i18n, indicator.yours_loading).to_string() /> }.into_any(),
        None => view! { <crate::pages::not_found::UnknownIndicator id=id.clone() /> }.into_any(),
    }
}

/// The menu of published indicators in the same unit as a person's measure, to draw beside it
/// (`?beside=`): the page is drawn again with it.
fn beside_picker(shipped: &IndicatorData, unit: crate::core::indicators::Unit, current: Option<String>) -> AnyView {
    let i18n = use_i18n();
    let options = shipped
        .store
        .indicators
        .iter()
        .filter(|i| i.unit == unit)
        .map(|i| view! { <option value=i.id.clone() selected=current.as_deref() == Some(i.id.as_str()) lang="en">{i.short_title.clone()}</option> })
        .collect_view();
    view! {
        <label class="filter beside" for="beside"><span>{t!(i18n, indicator.beside)}</span>
            <select id="beside" class="beside-select">
                <option value="" selected=current.is_none()>{t!(i18n, indicator.beside_none)}</option>
                {options}
            </select>
        </label>
    }
    .into_any()
}

/// The page as it is written: everything from the view its address names, the island around
/// what changes with the person's choices.
#[component]
fn IndicatorView(
    atlas: Arc<Atlas>,
    data: Arc<IndicatorData>,
    slice: Option<Slice>,
    /// A person's own measure's notes (a file's footnotes, to begin with).
    notes: Option<String>,
    #[prop(optional)] picker: Option<AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let Some(slice) = slice else {
        return ().into_any();
    };
    let page = Page::new(slice.clone());
    let slice_text: Arc<str> = Arc::from(slice.to_text());
    let indicator = slice.indicator.clone();
    let id = indicator.id.clone();
    let choice = untrack(|| Choice::from_query(|k| url.param(k)));
    let everyone = t_string!(i18n, indicator.everyone).to_string();
    let view = page.view(&choice, &everyone);
    let summary = sentences::summary(i18n, &indicator, &view.summary);
    let head_sentence = {
        let default = page.view(&Choice::default(), &everyone);
        sentences::summary(i18n, &indicator, &default.summary).text()
    };
    let store = page.store();
    let latest_release = view.rows.last().map(|o| o.source.clone()).unwrap_or_default();
    // The indicator's source, linked as a table row's is: the release where its address is
    // known, else the page its latest figure was read at, labelled so.
    let source_link = match data.store.indicator_ids.get(&id).and_then(|&i| data.store.indicator_link(i)) {
        Some(l @ crate::core::indicators::SourceLink::ReadAt(href)) => (href.to_string(), Some(link_words(i18n, l))),
        other => (other.map_or_else(String::new, |l| l.href().to_string()), None),
    };
    let framework_links = indicator
        .nodes
        .iter()
        .filter_map(|n| {
            let node = atlas.node(n)?;
            let fw = atlas.framework_of(n)?;
            let label = node.label.clone();
            Some(view! { <li lang="en"><A href=FrameworkView::of(&fw.id).with_node(Some(n)).href()>{label}</A> " (" {fw.short_title.clone()} ")"</li> })
        })
        .collect_view();
    let dims = indicator.dimensions.iter().filter_map(|d| atlas.node(d).map(|n| n.label.clone())).collect::<Vec<_>>().join(", ");
    let notes = notes.filter(|n| !n.trim().is_empty());
    let updated = data.updated.clone().unwrap_or_else(|| t_string!(i18n, indicator.not_stated).to_string());
    let unit = indicator.unit;
    let basis = indicator.mapping_basis.clone();
    let for_breakdown = indicator.clone();
    let shipped: Arc<dyn AsRef<crate::core::indicators::Store> + Send + Sync> = Arc::new(IndicatorData { store: store.clone(), updated: None });
    let yours = slice.beside.is_some() || id.starts_with("yours-");
    view! {
        <PageHead title=indicator.short_title.clone() description=crate::core::text::shorten(&format!("{} {}", indicator.definition, head_sentence), 200) />
        <header class="page-head">
            <p class="kind"><A href="/indicators">{t!(i18n, indicators.title)}</A></p>
            <h1 lang="en">{indicator.title.clone()}</h1>
            <p class="summary" id="indicator-summary">{summary.view(i18n)}</p>
        </header>
        <IndicatorIsland>
            {slice_markup(&slice_text)}
            {picker}
            <Explorer page view choice slice_text />
            <BreakdownCharts data=shipped indicator=for_breakdown yours markup_only=true />
        </IndicatorIsland>
        <section class="panel">
            <h2>{t!(i18n, indicator.about)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, indicator.question)}</dt><dd lang="en">{indicator.definition.clone()}</dd>
                {(!indicator.survey.is_empty()).then(|| view! { <dt>{t!(i18n, indicator.survey)}</dt><dd lang="en">{indicator.survey.clone()}</dd> })}
                {(!indicator.population.is_empty()).then(|| view! { <dt>{t!(i18n, indicator.population)}</dt><dd lang="en">{indicator.population.clone()}</dd> })}
                <dt>{t!(i18n, indicator.dimension)}</dt><dd><span lang="en">{dims}</span> " " {match basis {
                    crate::core::Basis::Source => t!(i18n, indicator.named).into_any(),
                    crate::core::Basis::Yours => t!(i18n, indicator.yours_mapping).into_any(),
                    crate::core::Basis::Editorial => t!(i18n, indicator.editorial).into_any(),
                }}</dd>
                <dt>{t!(i18n, indicator.unit)}</dt><dd>{unit_name(i18n, unit)}</dd>
                <dt>{t!(i18n, indicator.source)}</dt><dd><a href=source_link.0 target="_blank" rel="noopener noreferrer" lang="en">{indicator.source_name.clone()}</a>{source_link.1.map(|words| view! { " (" {words} ")" })}</dd>
                <dt>{t!(i18n, indicator.licence)}</dt><dd lang="en">{indicator.licence.clone()}</dd>
                <dt>{t!(i18n, indicator.updated)}</dt><dd>{t!(i18n, indicator.updated_value, updated = move || updated.clone(), release = move || view! { <span lang="en">{latest_release.clone()}</span> })}</dd>
                {notes.map(|notes| view! { <dt>{t!(i18n, indicator.notes)}</dt><dd class="notes" lang="en">{notes}</dd> })}
            </dl>
            <h3>{t!(i18n, indicator.in_framework)}</h3>
            <ul>{framework_links}</ul>
        </section>
    }
    .into_any()
}

/// The groups and periods a person chooses, and the chart, table and downloads that show
/// them: the view `view` as the build writes it, with every row the table can show.
#[component]
fn Explorer(page: Page, view: PageView, choice: Choice, slice_text: Arc<str>) -> impl IntoView {
    let i18n = use_i18n();
    let indicator = page.slice.indicator.clone();
    let id = indicator.id.clone();
    let unit = indicator.unit;
    let available = groups_of(page.store(), &id);
    let look = use_look();
    let request = lines_chart(i18n, unit, &view, &choice, untrack(|| look.get()), slice_text);
    // Every row the table can show: the page's own, then (beside a person's measure) the
    // published ones; those the view does not show are hidden, in the order the build read
    // them (the island puts the shown ones in the view's order).
    let shown: Vec<String> = view.rows.iter().map(row_key).collect();
    let mut all: Vec<crate::core::indicators::Observation> = view.rows.clone();
    let extra = page.slice.rows.iter().chain(page.slice.beside.iter().flat_map(|b| b.rows.iter()));
    all.extend(extra.filter(|o| !shown.contains(&row_key(o))).cloned());
    // Each cell names its column, for the table stacked as label and value on a phone.
    let (l_period, l_value) = (t_string!(i18n, indicator.period).to_string(), t_string!(i18n, indicator.value).to_string());
    let (l_interval, l_source) = (t_string!(i18n, indicator.interval).to_string(), t_string!(i18n, indicator.source).to_string());
    let table_rows = all
        .into_iter()
        .map(|o| {
            let key = row_key(&o);
            let hidden = !shown.contains(&key);
            let value = o.value.map(|v| value_text(i18n, v, unit)).unwrap_or_else(|| t_string!(i18n, indicator.gap).to_string());
            let interval = sentences::interval(i18n, &o, unit);
            // A value after a series break says so beside its period.
            let breaks = crate::core::indicators::query::has_flag(&o.flags, crate::core::indicators::query::FLAG_BREAK)
                .then(|| view! { <span class="break-mark">" " {t_string!(i18n, indicator.series_break).to_string()}</span> });
            let provisional = crate::core::indicators::query::has_flag(&o.flags, crate::core::indicators::query::FLAG_PROVISIONAL)
                .then(|| view! { <span class="break-mark">" " {t_string!(i18n, indicator.provisional).to_string()}</span> });
            view! {
                <tr data-row=key hidden=hidden>
                    {group_cell(i18n, &o.group_type, &o.group)}
                    <td data-label=l_period.clone()><div>{period_text(i18n, o.period)}{breaks}{provisional}</div></td>
                    <td class="num" data-label=l_value.clone()>{value}</td>
                    <td class="num" data-label=l_interval.clone()>{interval}</td>
                    <SourceCell i18n row=o label=l_source.clone() />
                </tr>
            }
        })
        .collect_view();
    let csv = format!("data:text/csv;charset=utf-8,{}", encode(&crate::core::indicators::parse::write_observations(&view.rows)));
    let chart_label = t_string!(i18n, indicator.line_chart).to_string();
    view! {
        <GroupPicker available chosen=view.chosen.clone() />
        <PeriodPicker view=view.clone() />
        // A person's own figures for this indicator, drawn here if they keep any.
        <div class="your-series">{your_series(id.clone())}</div>
        <section class="panel">
            <h2>{t!(i18n, indicator.over_time)}</h2>
            {chart_markup("time-series".to_string(), Signal::stored(request), 320, chart_label, format!("{id}-over-time"), NodeRef::new())}
            <div class="table-scroll" role="region" aria-label=ts!(i18n, indicator.numbers) tabindex="0">
                <table class="data-table stacks">
                    <caption>{t!(i18n, indicator.numbers)}</caption>
                    <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, indicator.period)}</th><th scope="col">{t!(i18n, indicator.value)}</th><th scope="col">{t!(i18n, indicator.interval)}</th><th scope="col">{t!(i18n, indicator.source)}</th></tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            <div class="download-row">
                <a class="button secondary download-view" href=csv download=format!("{id}.csv")>{t!(i18n, indicator.download_csv)}</a>
                {downloads_markup(false, NodeRef::new())}
            </div>
        </section>
    }
}

/// A person's own figures for this indicator: drawn in the page by the whole-page module and
/// at build time (where there are none); an islands module asks the whole-page module for them.
fn your_series(id: String) -> AnyView {
    #[cfg(not(feature = "islands"))]
    return view! { <crate::components::your_series::YourSeries id /> }.into_any();
    #[cfg(feature = "islands")]
    {
        let _ = id;
        ().into_any()
    }
}

/// Checkboxes for the groups to add to the chart (each says its group, `data-group`); the
/// choice lives in the URL.
#[component]
fn GroupPicker(available: Vec<GroupRef>, chosen: Vec<GroupRef>) -> impl IntoView {
    let i18n = use_i18n();
    if available.is_empty() {
        return view! { <p class="meta">{t!(i18n, indicator.whole_only)}</p> }.into_any();
    }
    let full = crate::components::group_boxes::full(&chosen);
    let boxes = available.into_iter().map(|g| crate::components::group_boxes::group_box(&g, chosen.contains(&g), full)).collect_view();
    view! {
        <fieldset class="group-picker">
            <legend>{t_string!(i18n, indicator.compare, max = MAX_SERIES - 1).to_string()}</legend>
            {boxes}
        </fieldset>
    }
    .into_any()
}

/// The first and last period the chart shows, in the URL (`from`, `to`); hidden while the
/// chosen series have fewer than three periods.
#[component]
fn PeriodPicker(view: PageView) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let window = untrack(|| crate::core::indicators::page::Choice::from_query(|k| url.param(k)));
    let options = |current: Option<crate::core::indicators::Period>, all: String| {
        std::iter::once(view! { <option value="" selected=current.is_none()>{all}</option> }.into_any())
            .chain(view.periods.iter().map(|&p| {
                view! { <option value=p.to_string() selected=current == Some(p)>{period_text(i18n, p)}</option> }.into_any()
            }))
            .collect_view()
    };
    view! {
        <div class="period-picker" hidden=view.periods.len() < 3>
            <label class="filter" for="period-from"><span>{t!(i18n, indicator.from)}</span>
                <select id="period-from" class="period-from">{options(window.from, t_string!(i18n, indicator.the_first).to_string())}</select>
            </label>
            <label class="filter" for="period-to"><span>{t!(i18n, indicator.to)}</span>
                <select id="period-to" class="period-to">{options(window.to, t_string!(i18n, indicator.the_latest).to_string())}</select>
            </label>
        </div>
    }
}

/// A link to an indicator's page, for other pages' lists (under the base).
pub fn indicator_link(id: &str) -> String {
    with_base(&indicator_href(id, &[]))
}
