//! The figures a person attached to a published indicator (from each file they read on the
//! Data page): drawn and tabled the way the indicator's own are, labelled as theirs. Only the
//! browser can draw them (they are on the person's device), and only for a person who keeps
//! some: an indicator page asks the whole-page module to draw them into its place for them
//! (`yours::draw_your_series`), so no one else downloads these views.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::render::EChart;
use crate::charts::request::{ChartRequest, Plot};
use crate::components::breakdown_charts::BreakdownCharts;
use crate::components::lang::group_cell;
use crate::core::indicators::page::Choice;
use crate::core::indicators::view::{chart_series, periods, rows, summary_facts};
use crate::language::{period_text, t, t_string, time_words, ts, use_i18n, value_text};
use crate::look::use_look;
use crate::sentences;
use crate::url::use_url;

/// The figures the person attached to this indicator, if any (from each file): drawn and
/// tabled the same way, labelled as theirs.
#[component]
pub fn YourSeries(id: String) -> impl IntoView {
    let yours = crate::yours::use_yours();
    let i18n = use_i18n();
    let url = use_url();
    // The groups the page shows (the person's own measure has the same group names, or not).
    let chosen = Memo::new(move |_| Choice::from_query(|k| url.param(k)).groups.unwrap_or_default());
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
