//! `/indicators/:id`: one indicator over time for everyone and for the groups a person
//! chooses (in the URL), with the chart's numbers in a table, a one-sentence summary, the
//! source and licence, a CSV of the view, and where the indicator sits in the framework.

use std::sync::Arc;

use crate::components::link::A;
use leptos::prelude::*;

use crate::components::lang::group_cell;
use crate::head::PageHead;
use crate::components::source_cell::{link_words, SourceCell};
use crate::language::{period_text, time_words, t, t_string, ts, unit_name, use_i18n, value_text};
use crate::sentences;
use crate::url::{use_url, Url};

use crate::charts::request::{ChartRequest, Plot};
use crate::charts::render::EChart;
use crate::components::downloads::DataDownloads;
use crate::components::breakdown_charts::BreakdownCharts;
use crate::data::{WithAtlas, WithIndicators};
use crate::core::embed::add_params;
use crate::core::indicators::view::{
    chart_series, default_groups, groups_of, periods, rows, summary_facts, within, GroupRef,
    MAX_SERIES,
};
use crate::core::links::{encode, FrameworkView};
use crate::core::Atlas;
use crate::fetch::IndicatorData;
use crate::look::use_look;

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
                        view! { <IndicatorView atlas=atlas.clone() data id=id.clone() /> }.into_any()
                    } else {
                        view! { <YourIndicator atlas=atlas.clone() shipped=data id=id.clone() /> }.into_any()
                    }
                }} />
            }
        }} />
    }
}

/// A person's own measure, shown on its page: the same views as a published indicator's,
/// from the figures kept on their device, labelled as theirs.
#[derive(Clone)]
struct Theirs {
    measure: Arc<crate::core::owndata::describe::Measure>,
    data: Arc<IndicatorData>,
    shipped: Arc<IndicatorData>,
}

/// The page of a person's own measure (drawn in the browser: the build could not know it).
#[component]
fn YourIndicator(atlas: Arc<Atlas>, shipped: Arc<IndicatorData>, id: String) -> impl IntoView {
    let yours = crate::yours::use_yours();
    let i18n = use_i18n();
    move || match yours.measure(&id) {
        Some(measure) => {
            let data = Arc::new(IndicatorData { store: crate::core::owndata::measures::store_of([measure.as_ref()]), updated: None });
            provide_context(Theirs { measure: measure.clone(), data: data.clone(), shipped: shipped.clone() });
            let badge = t_string!(i18n, indicator.yours_badge, file = measure.file.clone()).to_string();
            view! {
                <p class="origin-badge yours-page">{badge}</p>
                <IndicatorView atlas=atlas.clone() data id=id.clone() />
            }
            .into_any()
        }
        None if !yours.ready.get() => view! { <crate::components::error_panel::Skeleton label=t_string!(i18n, indicator.yours_loading).to_string() /> }.into_any(),
        None => view! { <crate::pages::not_found::UnknownIndicator id=id.clone() /> }.into_any(),
    }
}

/// Shows `show` with the figures a page's views read: a person's own measure's on its page,
/// the shipped indicators' everywhere else.
fn with_data<V: IntoView + 'static>(show: impl Fn(Arc<IndicatorData>) -> V + Send + Sync + 'static) -> AnyView {
    match use_context::<Theirs>() {
        Some(theirs) => show(theirs.data).into_any(),
        // The page's own read of the data says if it cannot be loaded.
        None => view! { <WithIndicators show quiet=true /> }.into_any(),
    }
}

/// The groups in the URL (with none there, an indicator published for groups only shows its
/// first groups, so the page is never empty) and the period window, for `id`.
fn chosen_and_window(url: Url, data: Arc<IndicatorData>, id: String) -> (Memo<Vec<GroupRef>>, Memo<(Option<crate::core::indicators::Period>, Option<crate::core::indicators::Period>)>) {
    let chosen = Memo::new(move |_| match url.param("groups") {
        Some(g) => g.split(',').filter_map(GroupRef::parse).collect::<Vec<_>>(),
        None => default_groups(&data.store, &id),
    });
    let window = Memo::new(move |_| {
        let p = |k: &str| url.param(k).and_then(|t| crate::core::indicators::Period::parse(&t));
        (p("from"), p("to"))
    });
    (chosen, window)
}

/// The series the chart shows: the chosen groups within the window.
fn shown_series(data: Arc<IndicatorData>, id: String, chosen: Memo<Vec<GroupRef>>, window: Memo<(Option<crate::core::indicators::Period>, Option<crate::core::indicators::Period>)>) -> Memo<Vec<crate::core::indicators::view::ChartSeries>> {
    Memo::new(move |_| {
        let (from, to) = window.get();
        within(chart_series(&data.store, &id, &chosen.get()), from, to)
    })
}

/// The page, written once by the build; the parts that change with the chosen groups and
/// periods are islands.
#[component]
fn IndicatorView(atlas: Arc<Atlas>, data: Arc<IndicatorData>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(indicator) = data.store.indicator(&id).cloned() else {
        return view! { <crate::pages::not_found::UnknownIndicator id=id.clone() /> }.into_any();
    };
    let ind_id = id.clone();
    let unit = indicator.unit;
    let default_series = within(chart_series(&data.store, &id, &default_groups(&data.store, &id)), None, None);
    let head_sentence = sentences::summary(i18n, &indicator, &summary_facts(&data.store, &indicator, &default_series)).text();
    let latest_release = rows(&data.store, &default_series).last().map(|o| o.source.clone()).unwrap_or_default();
    // The indicator's source, linked as a table row's is: the release where its address is
    // known, else the page its latest figure was read at, labelled so.
    let source_link = match data.store.indicator_link(data.store.indicator_ids[&ind_id]) {
        Some(l @ crate::core::indicators::SourceLink::ReadAt(href)) => (href.to_string(), Some(link_words(i18n, l))),
        other => (other.map_or_else(String::new, |l| l.href().to_string()), None),
    };
    let framework_links = indicator.nodes.iter().filter_map(|n| {
        let node = atlas.node(n)?;
        let fw = atlas.framework_of(n)?;
        let label = node.label.clone();
        Some(view! { <li lang="en"><A href=FrameworkView::of(&fw.id).with_node(Some(n)).href()>{label}</A> " (" {fw.short_title.clone()} ")"</li> })
    }).collect_view();
    let dims = indicator
        .dimensions
        .iter()
        .filter_map(|d| atlas.node(d).map(|n| n.label.clone()))
        .collect::<Vec<_>>()
        .join(", ");
    // A person's own measure carries their notes (a file's footnotes, to begin with).
    let notes = use_context::<Theirs>().map(|t| t.measure.notes.clone()).filter(|n| !n.trim().is_empty());
    let updated = data
        .updated
        .clone()
        .unwrap_or_else(|| t_string!(i18n, indicator.not_stated).to_string());
    view! {
        <PageHead title=indicator.short_title.clone() description=crate::core::text::shorten(&format!("{} {}", indicator.definition, head_sentence), 200) />
        <header class="page-head">
            <p class="kind"><A href="/indicators">{t!(i18n, indicators.title)}</A></p>
            <h1 lang="en">{indicator.title.clone()}</h1>
            <IndicatorSummary id=id.clone() />
        </header>
        <IndicatorExplorer id=id.clone() />
        <IndicatorBreakdown id=id.clone() />
        <section class="panel">
            <h2>{t!(i18n, indicator.about)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, indicator.question)}</dt><dd lang="en">{indicator.definition.clone()}</dd>
                {(!indicator.survey.is_empty()).then(|| view! { <dt>{t!(i18n, indicator.survey)}</dt><dd lang="en">{indicator.survey.clone()}</dd> })}
                {(!indicator.population.is_empty()).then(|| view! { <dt>{t!(i18n, indicator.population)}</dt><dd lang="en">{indicator.population.clone()}</dd> })}
                <dt>{t!(i18n, indicator.dimension)}</dt><dd><span lang="en">{dims}</span> " " {match indicator.mapping_basis {
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

/// The one-sentence summary of what the chart shows, which follows the chosen groups.
#[cfg_attr(any(feature = "ssr", feature = "islands-indicators"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-indicators")), component)]
fn IndicatorSummary(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    with_data(move |data: Arc<IndicatorData>| {
            let indicator = data.store.indicator(&id).cloned();
            let (chosen, window) = chosen_and_window(url, data.clone(), id.clone());
            let series = shown_series(data.clone(), id.clone(), chosen, window);
            let sentence = move || {
                let indicator = indicator.as_ref()?;
                let facts = summary_facts(&data.store, indicator, &series.get());
                Some(sentences::summary(i18n, indicator, &facts).view(i18n))
            };
            view! { <p class="summary" id="indicator-summary">{sentence}</p> }
    })
}

/// The latest period by group and the gaps, with their charts.
#[cfg_attr(any(feature = "ssr", feature = "islands-indicators"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-indicators")), component)]
fn IndicatorBreakdown(id: String) -> impl IntoView {
    with_data(move |data: Arc<IndicatorData>| {
        let indicator = data.store.indicator(&id).cloned();
        let shipped: Arc<dyn AsRef<crate::core::indicators::Store> + Send + Sync> = data.clone();
        let yours = use_context::<Theirs>().is_some();
        indicator.map(|indicator| view! { <BreakdownCharts data=shipped indicator yours /> })
    })
}

/// The groups and periods a person chooses, and the chart, table and downloads that show them.
#[cfg_attr(any(feature = "ssr", feature = "islands-indicators"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-indicators")), component)]
fn IndicatorExplorer(id: String) -> impl IntoView {
    with_data(move |data: Arc<IndicatorData>| view! { <Explorer data id=id.clone() /> })
}

#[component]
fn Explorer(data: Arc<IndicatorData>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_url();
    let Some(indicator) = data.store.indicator(&id).cloned() else {
        return ().into_any();
    };
    let ind_id = id.clone();
    let (chosen, window) = chosen_and_window(url, data.clone(), id.clone());
    let unit = indicator.unit;
    // Every period any chosen series has (the window's choices), and the series within it.
    let (for_periods, periods_id) = (data.clone(), ind_id.clone());
    let all_periods = Memo::new(move |_| periods(&chart_series(&for_periods.store, &periods_id, &chosen.get())));
    let theirs = use_context::<Theirs>();
    // Their own measure: a published indicator beside it (`?beside=`), each series named by
    // its source.
    let beside = Memo::new(move |_| url.param("beside"));
    let own_series = shown_series(data.clone(), ind_id.clone(), chosen, window);
    let series = {
        let theirs = theirs.clone();
        Memo::new(move |_| {
            let own = own_series.get();
            match (&theirs, beside.get()) {
                (Some(t), Some(other)) if t.shipped.store.indicator(&other).is_some() => {
                    let ind = t.shipped.store.indicator(&other).cloned().expect("checked");
                    let source = if t.measure.indicator.source_name.is_empty() { t.measure.file.clone() } else { t.measure.indicator.source_name.clone() };
                    let label = format!("{}, {}", ind.short_title, ind.source_name);
                    let (from, to) = window.get();
                    within(crate::core::owndata::measures::beside(own, &source, &t_string!(i18n, indicator.everyone), &t.shipped.store, &other, &label), from, to)
                }
                _ => own,
            }
        })
    };
    // The period window rides along on every group link.
    let keep = Memo::new(move |_| {
        let (from, to) = window.get();
        [("from", from), ("to", to)]
            .into_iter()
            .filter_map(|(k, p)| p.map(|p| format!("{k}={}", encode(&p.to_string()))))
            .collect::<Vec<String>>()
    });
    // The table shows what the chart shows: a published indicator beside, its rows too.
    let for_rows = data.clone();
    let beside_rows = theirs.clone();
    // Each cell names its column, for the table stacked as label and value on a phone.
    let (l_period, l_value) = (t_string!(i18n, indicator.period).to_string(), t_string!(i18n, indicator.value).to_string());
    let (l_interval, l_source) = (t_string!(i18n, indicator.interval).to_string(), t_string!(i18n, indicator.source).to_string());
    let shown_rows = Memo::new(move |_| match (&beside_rows, beside.get()) {
        (Some(t), Some(other)) if t.shipped.store.indicator(&other).is_some() => {
            let (from, to) = window.get();
            crate::core::owndata::measures::beside_rows(&for_rows.store, &own_series.get(), &t.shipped.store, &other, from, to)
        }
        _ => rows(&for_rows.store, &own_series.get()),
    });
    let table_rows = move || {
        shown_rows.get().into_iter()
            .map(|o| {
                let value = o
                    .value
                    .map(|v| value_text(i18n, v, unit))
                    .unwrap_or_else(|| t_string!(i18n, indicator.gap).to_string());
                let interval = sentences::interval(i18n, &o, unit);
                // A value after a series break says so beside its period.
                let breaks = crate::core::indicators::query::has_flag(&o.flags, crate::core::indicators::query::FLAG_BREAK)
                    .then(|| view! { <span class="break-mark">" " {t_string!(i18n, indicator.series_break).to_string()}</span> });
                let provisional = crate::core::indicators::query::has_flag(&o.flags, crate::core::indicators::query::FLAG_PROVISIONAL)
                    .then(|| view! { <span class="break-mark">" " {t_string!(i18n, indicator.provisional).to_string()}</span> });
                view! {
                    <tr>
                        {group_cell(i18n, &o.group_type, &o.group)}
                        <td data-label=l_period.clone()><div>{period_text(i18n, o.period)}{breaks}{provisional}</div></td>
                        <td class="num" data-label=l_value.clone()>{value}</td>
                        <td class="num" data-label=l_interval.clone()>{interval}</td>
                        <SourceCell i18n row=o label=l_source.clone() />
                    </tr>
                }
            })
            .collect_view()
    };
    let download = move || {
        format!(
            "data:text/csv;charset=utf-8,{}",
            encode(&crate::core::indicators::parse::write_observations(&shown_rows.get()))
        )
    };
    let export_rows = Callback::new(move |()| shown_rows.get_untracked());
    let export_indicators = Arc::new(data.store.indicators.clone());
    let available = groups_of(&data.store, &ind_id);
    let chart_label = t_string!(i18n, indicator.line_chart).to_string();
    let look = use_look();
    let label = chart_label.clone();
    let chart = Memo::new(move |_| {
        let series = series.get();
        let axis = periods(&series);
        let words = time_words(i18n, unit, &axis);
        let plot = Plot::TimeSeries { periods: axis, series, words };
        ChartRequest::new(plot, look.get(), label.clone())
    });
    let beside_picker = theirs.map(|t| {
        let own_unit = t.measure.indicator.unit;
        let options = t
            .shipped
            .store
            .indicators
            .iter()
            .filter(|i| i.unit == own_unit)
            .map(|i| {
                let id = i.id.clone();
                view! { <option value=id.clone() selected=move || beside.get().as_deref() == Some(id.as_str()) lang="en">{i.short_title.clone()}</option> }
            })
            .collect_view();
        let here = ind_id.clone();
        view! {
            <label class="filter beside" for="beside"><span>{t!(i18n, indicator.beside)}</span>
                <select id="beside" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let href = indicator_href(&here, &chosen.get_untracked());
                    let href = if v.is_empty() { href } else { add_params(&href, &[format!("beside={}", encode(&v))]) };
                    url.go(&href, true);
                }>
                    <option value="" selected=move || beside.get().is_none()>{t!(i18n, indicator.beside_none)}</option>
                    {options}
                </select>
            </label>
        }
    });
    view! {
        {beside_picker}
        <GroupPicker id=ind_id.clone() available chosen keep />
        <PeriodPicker id=ind_id.clone() chosen periods=all_periods window />
        <YourSeries id=ind_id.clone() chosen />
        <section class="panel">
            <h2>{t!(i18n, indicator.over_time)}</h2>
            <EChart id="time-series".to_string() request=chart.into() label=chart_label file_stem=format!("{ind_id}-over-time") />
            <div class="table-scroll" role="region" aria-label=ts!(i18n, indicator.numbers) tabindex="0">
                <table class="data-table stacks">
                    <caption>{t!(i18n, indicator.numbers)}</caption>
                    <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, indicator.period)}</th><th scope="col">{t!(i18n, indicator.value)}</th><th scope="col">{t!(i18n, indicator.interval)}</th><th scope="col">{t!(i18n, indicator.source)}</th></tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            <div class="download-row">
                <a class="button secondary" href=download download=format!("{ind_id}.csv")>{t!(i18n, indicator.download_csv)}</a>
                <DataDownloads rows=export_rows indicators=export_indicators stem=ind_id.clone() title=indicator.title.clone() />
            </div>
        </section>
    }
    .into_any()
}

/// Checkboxes for the groups to add to the chart; the choice lives in the URL.
#[component]
fn GroupPicker(
    id: String,
    available: Vec<GroupRef>,
    chosen: Memo<Vec<GroupRef>>,
    /// Other view parameters to keep (`from=2018`).
    keep: Memo<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if available.is_empty() {
        return view! { <p class="meta">{t!(i18n, indicator.whole_only)}</p> }.into_any();
    }
    let url = use_url();
    let full = Memo::new(move |_| chosen.with(|c| c.len() >= MAX_SERIES - 1));
    let boxes = available.into_iter().map(|g| {
        let this = g.clone();
        let on = Memo::new(move |_| chosen.with(|c| c.contains(&this)));
        let id = id.clone();
        let label = format!("{} ({})", g.group, g.group_type.replace('_', " "));
        let toggle = move |_| {
            let now = chosen.get_untracked();
            let next: Vec<GroupRef> = if now.contains(&g) {
                now.into_iter().filter(|c| *c != g).collect()
            } else {
                now.into_iter().chain(std::iter::once(g.clone())).collect()
            };
            let href = add_params(&indicator_href(&id, &next), &keep.get_untracked());
            url.go(&href, false);
        };
        view! {
            <label class="check">
                // `checked` for the page as prerendered; the property once the app runs.
                <input type="checkbox" checked=move || on.get() prop:checked=move || on.get()
                    disabled=move || !on.get() && full.get()
                    on:change=toggle />
                <span lang="en">{label}</span>
            </label>
        }
    }).collect_view();
    view! {
        <fieldset class="group-picker">
            <legend>{t_string!(i18n, indicator.compare, max = MAX_SERIES - 1).to_string()}</legend>
            {boxes}
        </fieldset>
    }
    .into_any()
}

/// The first and last period the chart shows, in the URL (`from`, `to`).
#[component]
fn PeriodPicker(
    id: String,
    chosen: Memo<Vec<GroupRef>>,
    periods: Memo<Vec<crate::core::indicators::Period>>,
    window: Memo<(Option<crate::core::indicators::Period>, Option<crate::core::indicators::Period>)>,
) -> impl IntoView {
    use crate::core::indicators::Period;
    let url = use_url();
    let i18n = use_i18n();
    let go = move |from: Option<String>, to: Option<String>| {
        let keep: Vec<String> = [("from", from), ("to", to)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode(&v))))
            .collect();
        url.go(&add_params(&indicator_href(&id, &chosen.get_untracked()), &keep), true);
    };
    let (all_first, all_latest) = (
        t_string!(i18n, indicator.the_first).to_string(),
        t_string!(i18n, indicator.the_latest).to_string(),
    );
    let options = move |current: Memo<Option<Period>>, all: String| {
        move || {
            let now = current.get();
            std::iter::once(view! { <option value="" selected=now.is_none()>{all.clone()}</option> }.into_any())
                .chain(periods.get().into_iter().map(|p| {
                    let text = p.to_string();
                    view! { <option value=text selected=now == Some(p)>{period_text(i18n, p)}</option> }.into_any()
                }))
                .collect_view()
        }
    };
    let from = Memo::new(move |_| window.get().0);
    let to = Memo::new(move |_| window.get().1);
    let text = |p: Option<Period>| p.map(|p| p.to_string());
    let (go_from, go_to) = (go.clone(), go);
    move || {
        (periods.with(|p| p.len()) >= 3).then(|| {
            let (go_from, go_to, options) = (go_from.clone(), go_to.clone(), options.clone());
            view! {
                <div class="period-picker">
                    <label class="filter" for="period-from"><span>{t!(i18n, indicator.from)}</span>
                        <select id="period-from" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            go_from((!v.is_empty()).then_some(v), text(to.get_untracked()));
                        }>{options(from, all_first.clone())}</select>
                    </label>
                    <label class="filter" for="period-to"><span>{t!(i18n, indicator.to)}</span>
                        <select id="period-to" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            go_to(text(from.get_untracked()), (!v.is_empty()).then_some(v));
                        }>{options(to, all_latest.clone())}</select>
                    </label>
                </div>
            }
        })
    }
}

/// The figures the person attached to this indicator, if any (from each file): drawn and
/// tabled the same way, labelled as theirs.
#[component]
fn YourSeries(id: String, chosen: Memo<Vec<GroupRef>>) -> impl IntoView {
    let yours = crate::yours::use_yours();
    let i18n = use_i18n();
    move || {
        yours
            .attached_to(&id)
            .into_iter()
            .enumerate()
            .filter_map(|(n, measure)| {
                let store = crate::core::owndata::measures::store_of([measure.as_ref()]);
                let indicator = store.indicator(&id)?.clone();
                let series = chart_series(&store, &id, &chosen.get());
                if series.is_empty() {
                    return None;
                }
                let look = use_look();
                let (plotted, axis, unit) = (series.clone(), periods(&series), indicator.unit);
                let line_label = t_string!(i18n, indicator.your_line_chart).to_string();
                let chart_label = line_label.clone();
                let chart = Memo::new(move |_| {
                    let plot = Plot::TimeSeries { series: plotted.clone(), periods: axis.clone(), words: time_words(i18n, unit, &axis) };
                    ChartRequest::new(plot, look.get(), chart_label.clone())
                });
                let sentence = sentences::summary(i18n, &indicator, &summary_facts(&store, &indicator, &series)).view(i18n);
                let table_rows = rows(&store, &series)
                    .into_iter()
                    .map(|o| {
                        let value = move || o.value.map(|v| value_text(i18n, v, unit)).unwrap_or_else(|| t_string!(i18n, indicator.gap).to_string());
                        view! { <tr>{group_cell(i18n, &o.group_type, &o.group)}<td>{period_text(i18n, o.period)}</td><td class="num">{value}</td></tr> }
                    })
                    .collect_view();
                let label = t_string!(i18n, indicators.your_data_from, file = measure.file.clone()).to_string();
                let for_breakdown: Arc<dyn AsRef<crate::core::indicators::Store> + Send + Sync> = Arc::new(store);
                Some(view! {
                    <section class="panel user-data" aria-label=ts!(i18n, indicator.your_data)>
                        <p class="origin-badge">{label.clone()}</p>
                        <h2>{t!(i18n, indicator.your_data)}</h2>
                        <p class="summary">{sentence}</p>
                        <EChart id=format!("your-time-series-{n}") request=chart.into() label=line_label file_stem=format!("your-{id}-over-time") />
                        <div class="table-scroll" role="region" aria-label=ts!(i18n, indicator.your_numbers) tabindex="0">
                            <table class="data-table">
                                <caption>{label}</caption>
                                <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, indicator.period)}</th><th scope="col">{t!(i18n, indicator.value)}</th></tr></thead>
                                <tbody>{table_rows}</tbody>
                            </table>
                        </div>
                        <BreakdownCharts data=for_breakdown indicator yours=true />
                    </section>
                })
            })
            .collect_view()
    }
}
