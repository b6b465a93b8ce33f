//! The latest period of an indicator by group: a breakdown chart with interval whiskers and a
//! gap chart against everyone, each with its one-sentence summary and a table of exactly the
//! numbers it draws. Nothing is shown when the source gives no groups.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::lang::group_cell;
use crate::components::source_cell::SourceCell;
use crate::language::{chart_words, period_text, t, t_string, ts, use_i18n, value_text};
use crate::sentences;

use crate::charts::indicator_chart::{IndicatorChart, Shown};
use crate::charts::options::Look;
use crate::charts::render::chart_markup;
use crate::core::indicators::breakdown::{breakdown, tidy};
use crate::core::indicators::page::{Choice, Slice};
use crate::core::indicators::{Indicator, Store, Unit};
use crate::language::I18n;
use crate::look::use_look;

/// One of the breakdown's charts (`shown`) in `look`, named `label`, of the page whose slice
/// is `slice` (the same for every view of the page).
fn chart(i18n: I18n, shown: Shown, unit: Unit, look: Look, label: String, slice: Arc<str>) -> IndicatorChart {
    IndicatorChart { shown, look, label, words: chart_words(i18n, unit), choice: Choice::default(), slice }
}

/// Draws the breakdown's charts (written by [`BreakdownCharts`] under `root`) when they are
/// reached for, in the look shown; `slice` is the page's, as text.
#[cfg(feature = "hydrate")]
pub fn take_over_breakdown(root: web_sys::Element, slice: Arc<str>, unit: Unit) {
    let i18n = use_i18n();
    let look = use_look();
    // The chart of every group, then (if any group has a figure for everyone too) the gaps.
    for (node, shown) in crate::dom::all(&root, ".echart").into_iter().zip([Shown::ByGroup, Shown::Gaps]) {
        let label = crate::dom::first(&node, ".chart").map(|c| crate::dom::attr(&c, "aria-label")).unwrap_or_default();
        let slice = slice.clone();
        let request = Signal::derive(move || chart(i18n, shown, unit, look.get(), label.clone(), slice.clone()));
        crate::charts::render::take_over_chart(node, request);
    }
}

#[component]
pub fn BreakdownCharts(
    /// The shipped data, or a person's own (anything that holds a store).
    data: Arc<dyn AsRef<Store> + Send + Sync>,
    indicator: Indicator,
    /// Set for a person's own data: ids and headings say it is theirs.
    #[prop(optional)]
    yours: bool,
    /// Only the markup: an island around it draws the charts (`take_over_breakdown`).
    #[prop(optional)]
    markup_only: bool,
) -> impl IntoView {
    let store = (*data).as_ref();
    let i18n = use_i18n();
    let prefix = if yours { "your-" } else { "" };
    let b = breakdown(store, &indicator.id)?;
    let period = period_text(i18n, b.period);
    let (by_group, gaps) = if yours {
        (
            t_string!(i18n, breakdown.your_by_group, period = period.clone()).to_string(),
            t_string!(i18n, breakdown.your_gaps, period = period.clone()).to_string(),
        )
    } else {
        (
            t_string!(i18n, breakdown.by_group, period = period.clone()).to_string(),
            t_string!(i18n, breakdown.gaps, period = period.clone()).to_string(),
        )
    };
    let look = untrack(|| use_look().get());
    let unit = indicator.unit;
    let slice: Arc<str> = Arc::from(Slice::of(store, &indicator.id)?.to_text());
    let bar_label = t_string!(i18n, breakdown.bar_label, period = period.clone()).to_string();
    let gap_label = t_string!(i18n, breakdown.gap_label, period = period.clone()).to_string();
    let bars_request = chart(i18n, Shown::ByGroup, unit, look, bar_label.clone(), slice.clone());
    let gaps_request = chart(i18n, Shown::Gaps, unit, look, gap_label.clone(), slice.clone());
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    if !markup_only {
        root.on_load(move |el| take_over_breakdown(el.into(), slice, unit));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = markup_only;
    let fmt = move |v: f64| value_text(i18n, v, unit);
    // Each cell names its column, for tables stacked as label and value on a phone.
    let l_value = t_string!(i18n, indicator.value).to_string();
    let l_interval = t_string!(i18n, indicator.interval).to_string();
    let l_source = t_string!(i18n, indicator.source).to_string();
    let l_group_value = t_string!(i18n, breakdown.group_value).to_string();
    let l_everyone = t_string!(i18n, indicator.everyone).to_string();
    let l_difference = t_string!(i18n, breakdown.difference).to_string();
    let l_words = t_string!(i18n, breakdown.in_words).to_string();
    let bar_rows = b
        .bars
        .iter()
        .map(|bar| {
            let row = store.row(bar.row as usize);
            let interval = sentences::interval(i18n, &row, unit);
            view! {
                <tr>
                    {group_cell(i18n, &bar.group.group_type, &bar.group.group)}
                    <td class="num" data-label=l_value.clone()>{fmt(bar.value)}</td>
                    <td class="num" data-label=l_interval.clone()>{interval}</td>
                    <SourceCell i18n row label=l_source.clone() />
                </tr>
            }
        })
        .collect_view();
    let gap_rows = b
        .gaps
        .iter()
        .map(|g| {
            let diff = format!(
                "{}{}",
                if g.difference > 0.0 { "+" } else { "" },
                tidy(g.difference)
            );
            view! {
                <tr>
                    <th scope="row" lang="en">{g.group.clone()}</th>
                    <td class="num" data-label=l_group_value.clone()>{fmt(g.value)}</td>
                    <td class="num" data-label=l_everyone.clone()>{fmt(g.total)}</td>
                    <td class="num" data-label=l_difference.clone()>{diff}</td>
                    <td data-label=l_words.clone()>{sentences::gap_words(i18n, g, unit, indicator.direction)}</td>
                </tr>
            }
        })
        .collect_view();
    let stem = indicator.id.clone();
    let height = 56 + 40 * b.bars.len() as u32;
    let gap_height = 56 + 40 * b.gaps.len() as u32;
    // Groups published without a figure for everyone have no gaps to show.
    let gap_section = (!b.gaps.is_empty()).then(|| view! {
        <section class="panel" aria-labelledby=format!("{prefix}gap-heading")>
            <h2 id=format!("{prefix}gap-heading")>{gaps.clone()}</h2>
            <p class="summary">{sentences::gaps(i18n, &indicator, &b).view(i18n)}</p>
            {chart_markup(format!("{prefix}gaps"), Signal::stored(gaps_request), gap_height, gap_label, format!("{prefix}{stem}-gaps-{}", b.period), NodeRef::new())}
            <div class="table-scroll" role="region" aria-label=ts!(i18n, breakdown.gap_numbers) tabindex="0">
                <table class="data-table stacks">
                    <caption>{gaps}</caption>
                    <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, breakdown.group_value)}</th><th scope="col">{t!(i18n, indicator.everyone)}</th><th scope="col">{t!(i18n, breakdown.difference)}</th><th scope="col">{t!(i18n, breakdown.in_words)}</th></tr></thead>
                    <tbody>{gap_rows}</tbody>
                </table>
            </div>
        </section>
    });
    Some(view! {
        <div class="breakdown-charts" node_ref=root>
        <section class="panel" aria-labelledby=format!("{prefix}breakdown-heading")>
            <h2 id=format!("{prefix}breakdown-heading")>{by_group.clone()}</h2>
            <p class="summary">{sentences::breakdown(i18n, &indicator, &b).view(i18n)}</p>
            {chart_markup(format!("{prefix}breakdown"), Signal::stored(bars_request), height, bar_label, format!("{prefix}{stem}-by-group-{}", b.period), NodeRef::new())}
            <div class="table-scroll" role="region" aria-label=ts!(i18n, breakdown.numbers) tabindex="0">
                <table class="data-table stacks">
                    <caption>{by_group}</caption>
                    <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, indicator.value)}</th><th scope="col">{t!(i18n, indicator.interval)}</th><th scope="col">{t!(i18n, indicator.source)}</th></tr></thead>
                    <tbody>{bar_rows}</tbody>
                </table>
            </div>
        </section>
        {gap_section}
        </div>
    })
}
