//! Indicator cards: each indicator's latest value for the whole population, its change in
//! words that respect the indicator's direction, and its source and licence.

use crate::components::link::A;
use leptos::prelude::*;

use crate::language::{difference_text, period_text, t, t_string, use_i18n, value_text, verdict_text};

use crate::core::indicators::breakdown::sparkline;
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
    let i18n = use_i18n();
    let points = points.to_vec();
    let label = move || {
        let values = points
            .iter()
            .map(|p| match p.value {
                Some(v) => t_string!(
                    i18n,
                    card.value_in,
                    value = value_text(i18n, v, unit),
                    period = period_text(i18n, p.period)
                )
                .to_string(),
                None => t_string!(i18n, card.no_figure_in, period = period_text(i18n, p.period)).to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        t_string!(i18n, card.over_time, values).to_string()
    };
    Some(view! {
        <svg class="sparkline" viewBox="0 0 104 32" width="104" height="32" role="img" aria-label=label>
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
    /// Of those, the ones to show now (the others are hidden, not removed); all if `None`.
    #[prop(optional, into)]
    visible: Option<Signal<Vec<usize>>>,
) -> impl IntoView {
    let order: Vec<usize> = only.unwrap_or_else(|| (0..store.indicators.len()).collect());
    let i18n = use_i18n();
    let cards = order
        .into_iter()
        .filter_map(|i| Some((i, store.indicators.get(i)?)))
        .filter_map(|(i, ind)| {
            let unit = ind.unit;
            let key = store.key(&ind.id, "total", "Total").filter(|k| k.indicator == i as u32);
            let l = key.and_then(|k| latest(&store, k)).filter(|l| l.point.value.is_some());
            // An indicator published for groups only: how many groups, and when.
            let groups_only = match l {
                Some(_) => None,
                None => Some(crate::core::indicators::breakdown::breakdown(&store, &ind.id)?),
            };
            let headline = match (&l, &groups_only) {
                (Some(l), _) => {
                    let (v, period) = (l.point.value.unwrap_or_default(), l.point.period);
                    view! { <p class="big-value">{value_text(i18n, v, unit)} " " <span class="period">{t_string!(i18n, card.in_period, period = period_text(i18n, period)).to_string()}</span></p> }.into_any()
                }
                (None, Some(b)) => {
                    let words = t_string!(i18n, card.groups_only, count = b.bars.len(), period = period_text(i18n, b.period)).to_string();
                    view! { <p class="groups-only">{words}</p> }.into_any()
                }
                (None, None) => return None,
            };
            let change = l.as_ref().and_then(|l| l.since_previous).map(|c| {
                let tested = c.significant.is_none().then(|| view! { " " {t!(i18n, card.untested)} });
                let words = move || {
                    let moved = if c.difference > 0.0 { t_string!(i18n, card.up) } else { t_string!(i18n, card.down) };
                    let verdict = verdict_text(i18n, c.verdict);
                    let amount = difference_text(i18n, c.difference.abs(), unit);
                    format!("{} {}", arrow(c.verdict), t_string!(i18n, card.change, verdict, from = period_text(i18n, c.from), moved, amount))
                };
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
            let spark = key.filter(|_| l.is_some()).and_then(|k| spark(&series(&store, k), ind.unit));
            let row = match (&l, &groups_only) {
                (Some(l), _) => l.point.row as usize,
                (None, Some(b)) => b.bars.first().map_or(0, |bar| bar.row as usize),
                (None, None) => 0,
            };
            let value_source = store.str(store.source[row]).to_string();
            let link = store.link(row);
            let read_elsewhere = matches!(link, Some(crate::core::indicators::SourceLink::ReadAt(_)));
            let value_url = link.map(|l| l.href().to_string()).unwrap_or_default();
            let note = l.as_ref().map(|_| store.str(store.note[row]).to_string()).unwrap_or_default();
            let title = ind.title.clone();
            let short_title = ind.short_title.clone();
            let source_basis = ind.mapping_basis == crate::core::Basis::Source;
            let basis = move || if source_basis { t!(i18n, card.named).into_any() } else { t!(i18n, card.editorial).into_any() };
            Some(view! {
                <article class="card indicator-card" data-card=i hidden=move || visible.is_some_and(|v| v.with(|v| !v.contains(&i)))>
                    {label.clone().map(|l| view! { <p class="origin-badge">{l}</p> })}
                    <h3 lang="en"><A href=crate::pages::indicator::indicator_href(&ind.id, &[])>{short_title}</A></h3>
                    <p class="measure" lang="en">{title}</p>
                    <div class="value-row">
                        {headline}
                        {spark}
                    </div>
                    {change}
                    <p class="meta"><span lang="en">{dims}</span> " · " {basis}</p>
                    {(!note.is_empty()).then(|| view! { <p class="meta note" lang="en">{note}</p> })}
                    <p class="meta source">
                        {t!(i18n, card.source)} " "
                        {if value_url.is_empty() {
                            view! { <span lang="en">{value_source}</span> }.into_any()
                        } else {
                            view! { <a href=value_url rel="noopener noreferrer" target="_blank" lang="en">{value_source}</a> }.into_any()
                        }}
                        {read_elsewhere.then(|| view! { " (" {t!(i18n, indicator.read_at)} ")" })}
                        " · " <span lang="en">{ind.licence.clone()}</span>
                    </p>
                    {node_links.map(|href| view! { <A href=href attr:class="in-framework">{t!(i18n, card.in_framework)}</A> })}
                </article>
            })
        })
        .collect_view();
    view! { <div class="card-grid">{cards}</div> }
}
