//! The latest period of an indicator by group: a breakdown chart with interval whiskers and a
//! gap chart against everyone, each with its one-sentence summary and a table of exactly the
//! numbers it draws. Nothing is shown when the source gives no groups.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::options::{breakdown_chart, gap_chart};
use crate::charts::render::EChart;
use crate::core::indicators::breakdown::{
    breakdown, breakdown_summary, gap_summary, gap_words, tidy,
};
use crate::core::indicators::model::format_value;
use crate::core::indicators::{Indicator, Store};
use crate::look::use_look;

#[component]
pub fn BreakdownCharts(
    /// The shipped data, or a person's own (anything that holds a store).
    data: Arc<dyn AsRef<Store> + Send + Sync>,
    indicator: Indicator,
    /// Set for a person's own data: ids and headings say it is theirs.
    #[prop(optional)]
    yours: bool,
) -> impl IntoView {
    let store = (*data).as_ref();
    let (prefix, whose) = if yours {
        ("your-", "Your data: ")
    } else {
        ("", "")
    };
    let b = breakdown(store, &indicator.id)?;
    let look = use_look();
    let unit = indicator.unit;
    let (for_bars, for_gaps) = (b.clone(), b.clone());
    let bars_chart = Signal::derive(move || breakdown_chart(&for_bars, unit, look.get()));
    let gaps_chart = Signal::derive(move || gap_chart(&for_gaps, unit, look.get()));
    let fmt = move |v: f64| format_value(v, unit);
    let bar_rows = b
        .bars
        .iter()
        .map(|bar| {
            let interval = match (bar.lower, bar.upper) {
                (Some(l), Some(u)) => format!("{} to {}", fmt(l), fmt(u)),
                _ => "not published".into(),
            };
            view! {
                <tr>
                    <th scope="row">{bar.group.label()}</th>
                    <td class="num">{fmt(bar.value)}</td>
                    <td class="num">{interval}</td>
                    <td>{store.str(store.source[bar.row as usize]).to_string()}</td>
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
                    <th scope="row">{g.group.clone()}</th>
                    <td class="num">{fmt(g.value)}</td>
                    <td class="num">{fmt(g.total)}</td>
                    <td class="num">{diff}</td>
                    <td>{gap_words(g, unit, indicator.direction)}</td>
                </tr>
            }
        })
        .collect_view();
    let stem = indicator.id.clone();
    let height = 56 + 40 * b.bars.len() as u32;
    let gap_height = 56 + 40 * b.gaps.len() as u32;
    Some(view! {
        <section class="panel" aria-labelledby=format!("{prefix}breakdown-heading")>
            <h2 id=format!("{prefix}breakdown-heading")>{format!("{whose}By group, {}", b.period)}</h2>
            <p class="summary">{breakdown_summary(&indicator, &b)}</p>
            <EChart id=format!("{prefix}breakdown") chart=bars_chart height
                label=format!("Bar chart: {} by group in {}", indicator.title, b.period)
                file_stem=format!("{prefix}{stem}-by-group-{}", b.period) />
            <div class="table-scroll" role="region" aria-label=format!("{whose}The numbers in the chart by group") tabindex="0">
                <table class="data-table">
                    <caption>{format!("{whose}By group, {}", b.period)}</caption>
                    <thead><tr><th scope="col">"Group"</th><th scope="col">"Value"</th><th scope="col">"95% interval"</th><th scope="col">"Source"</th></tr></thead>
                    <tbody>{bar_rows}</tbody>
                </table>
            </div>
        </section>
        <section class="panel" aria-labelledby=format!("{prefix}gap-heading")>
            <h2 id=format!("{prefix}gap-heading")>{format!("{whose}Gaps to everyone, {}", b.period)}</h2>
            <p class="summary">{gap_summary(&indicator, &b)}</p>
            <EChart id=format!("{prefix}gaps") chart=gaps_chart height=gap_height
                label=format!("Bar chart: each group's difference from everyone, {}", b.period)
                file_stem=format!("{prefix}{stem}-gaps-{}", b.period) />
            <div class="table-scroll" role="region" aria-label=format!("{whose}The numbers in the gap chart") tabindex="0">
                <table class="data-table">
                    <caption>{format!("{whose}Gaps to everyone, {}", b.period)}</caption>
                    <thead><tr><th scope="col">"Group"</th><th scope="col">"Group's value"</th><th scope="col">"Everyone"</th><th scope="col">"Difference"</th><th scope="col">"In words"</th></tr></thead>
                    <tbody>{gap_rows}</tbody>
                </table>
            </div>
        </section>
    })
}
