//! Indicator cards: each indicator's latest value for the whole population, its change in
//! words that respect the indicator's direction, and its source and licence.

use crate::components::link::A;
use leptos::prelude::*;

use crate::core::indicators::breakdown::sparkline;
use crate::core::indicators::model::format_value;
use crate::core::indicators::query::{latest, series, Point, Verdict};
use crate::core::indicators::Store;
use crate::core::indicators::Unit;
use crate::core::links::FrameworkView;

fn arrow(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Improved => "▲",
        Verdict::Worsened => "▼",
        Verdict::Increased => "↑",
        Verdict::Decreased => "↓",
        Verdict::NoSignificantChange | Verdict::NoChange => "■",
    }
}

/// A small line of the whole population's values over time, named for screen readers by its
/// values (the shape alone says nothing to them).
fn spark(points: &[Point], unit: Unit) -> Option<impl IntoView> {
    if points.len() < 2 {
        return None;
    }
    let line = sparkline(points, 104.0, 32.0)?;
    let words = points
        .iter()
        .map(|p| match p.value {
            Some(v) => format!("{} in {}", format_value(v, unit), p.period),
            None => format!("no figure in {}", p.period),
        })
        .collect::<Vec<_>>()
        .join(", ");
    Some(view! {
        <svg class="sparkline" viewBox="0 0 104 32" width="104" height="32" role="img" aria-label=format!("Over time: {words}")>
            <path d=line.path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" />
            <circle cx=line.last.0 cy=line.last.1 r="3.5" fill="currentColor" />
        </svg>
    })
}

/// One card per indicator with a value for the total population. `dimension_label` names a
/// dimension id; `label` marks the origin of the data ("Your data: file.csv").
#[component]
pub fn IndicatorCards(
    store: Store,
    dimension_label: Callback<String, String>,
    #[prop(optional)] label: Option<String>,
    /// Which indicators to show, in this order (indexes into the store's list); all if `None`.
    #[prop(optional)]
    only: Option<Vec<usize>>,
) -> impl IntoView {
    let order: Vec<usize> = only.unwrap_or_else(|| (0..store.indicators.len()).collect());
    let cards = order
        .into_iter()
        .filter_map(|i| Some((i, store.indicators.get(i)?)))
        .filter_map(|(i, ind)| {
            let key = store.key(&ind.id, "total", "Total").filter(|k| k.indicator == i as u32)?;
            let l = latest(&store, key)?;
            let value = format_value(l.point.value?, ind.unit);
            let change = l.since_previous.map(|c| {
                let tested = match c.significant {
                    Some(_) => "",
                    None => " (not tested for significance: no intervals published)",
                };
                let moved = if c.difference > 0.0 { "up" } else { "down" };
                let words = format!(
                    "{} {} since {}: {moved} {}",
                    arrow(c.verdict),
                    c.verdict.words(),
                    c.from,
                    format_value(c.difference.abs(), ind.unit).replace("%", " points").replace(" out of 10", ""),
                );
                let class = match c.verdict {
                    Verdict::Improved => "change improved",
                    Verdict::Worsened => "change worsened",
                    _ => "change neutral",
                };
                view! { <p class=class>{words}<span class="untested">{tested}</span></p> }
            });
            let dims = ind.dimensions.iter().map(|d| dimension_label.run(d.clone())).collect::<Vec<_>>().join(", ");
            let node_links = ind
                .nodes
                .iter()
                .filter_map(|n| n.split('.').next().map(|fw| (fw.to_string(), n.clone())))
                .map(|(fw, n)| FrameworkView::of(&fw).with_node(Some(&n)).href())
                .next();
            let spark = spark(&series(&store, key), ind.unit);
            let row = l.point.row as usize;
            let value_source = store.str(store.source[row]).to_string();
            let value_url = store.str(store.source_url[row]).to_string();
            let note = store.str(store.note[row]).to_string();
            let title = ind.title.clone();
            let short_title = ind.short_title.clone();
            let basis = if ind.mapping_basis == crate::core::Basis::Source { "named in the framework" } else { "mapping is editorial" };
            Some(view! {
                <article class="card indicator-card">
                    {label.clone().map(|l| view! { <p class="origin-badge">{l}</p> })}
                    <h3><A href=crate::pages::indicator::indicator_href(&ind.id, &[])>{short_title}</A></h3>
                    <p class="measure">{title}</p>
                    <div class="value-row">
                        <p class="big-value">{value} " " <span class="period">{format!("in {}", l.point.period)}</span></p>
                        {spark}
                    </div>
                    {change}
                    <p class="meta">{format!("{dims} · {basis}")}</p>
                    {(!note.is_empty()).then(|| view! { <p class="meta note">{note}</p> })}
                    <p class="meta source">
                        "Source: "
                        {if value_url.is_empty() {
                            view! { <span>{value_source}</span> }.into_any()
                        } else {
                            view! { <a href=value_url rel="noopener noreferrer" target="_blank">{value_source}</a> }.into_any()
                        }}
                        {format!(" · {}", ind.licence)}
                    </p>
                    {node_links.map(|href| view! { <A href=href attr:class="in-framework">"Where it sits in the framework"</A> })}
                </article>
            })
        })
        .collect_view();
    view! { <div class="card-grid">{cards}</div> }
}
