//! `/data`: the open data files the app loads, what each holds, and where its words come from.

use std::sync::Arc;

use leptos::prelude::*;

use crate::head::PageHead;
use crate::language::{t, t_string, ts, use_i18n};

use crate::data::{WithAtlas, WithIndicators};
use crate::components::your_data::YourData;
use crate::components::your_data_island::YourDataIsland;
use crate::core::Atlas;
use crate::fetch::{IndicatorData, DATAPACKAGE, MANIFEST};

#[component]
fn IndicatorFiles() -> impl IntoView {
    let i18n = use_i18n();
    let pkg = |c: ChildrenFn| view! { <a href=DATAPACKAGE rel="external">{c()}</a> };
    let ind =
        |c: ChildrenFn| view! { <a href="data/indicators/indicators.csv" rel="external">{c()}</a> };
    let obs = |c: ChildrenFn| view! { <a href="data/indicators/observations.csv" rel="external">{c()}</a> };
    view! {
        <section class="panel">
            <h2>{t!(i18n, data.indicator_files)}</h2>
            <p>{t!(i18n, data.package, <pkg> = pkg, <ind> = ind, <obs> = obs)}</p>
            <WithIndicators show={move |data: Arc<IndicatorData>| {
                let (indicators, observations) = (data.store.indicators.len(), data.store.len());
                view! { <p>{t_string!(i18n, data.counts, indicators = indicators, observations = observations).to_string()}</p> }
            }} />
        </section>
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHead title=t_string!(i18n, data.title).to_string() description=t_string!(i18n, data.summary).to_string() />
        <header class="page-head">
            <h1>{t!(i18n, data.title)}</h1>
            <p class="summary">{t!(i18n, data.summary)}</p>
        </header>
        <YourDataIsland><YourData /></YourDataIsland>
        <WithAtlas show={|atlas: Arc<Atlas>| view! { <DataFiles atlas /> }} />
        <IndicatorFiles />
    }
}

#[component]
fn DataFiles(atlas: Arc<Atlas>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = atlas
        .frameworks
        .iter()
        .map(|f| {
            let edges = f.edges.len();
            view! {
                <tr>
                    <th scope="row" lang="en">{f.title.clone()}</th>
                    <td><code>{format!("data/frameworks/{}.json", f.id)}</code></td>
                    <td class="num">{f.nodes.len()}</td>
                    <td class="num">{edges}</td>
                </tr>
            }
        })
        .collect_view();
    let sources = atlas.sources.iter().map(|s| view! {
        <li lang="en"><cite>{s.title.clone()}</cite> ", " {s.publisher.clone()} " (" {s.year.clone()} ")"</li>
    }).collect_view();
    view! {
        <section class="panel">
            <h2>{t!(i18n, data.framework_files)}</h2>
            <p>{t!(i18n, data.listed_in, manifest = || view! { <code>{MANIFEST}</code> }, schema = || view! { <code>"cohesion-explorer/framework@1"</code> })}</p>
            <div class="table-scroll" role="region" aria-label=ts!(i18n, data.framework_files) tabindex="0">
                <table>
                    <thead><tr><th scope="col">{t!(i18n, data.framework)}</th><th scope="col">{t!(i18n, data.file)}</th><th scope="col">{t!(i18n, data.parts)}</th><th scope="col">{t!(i18n, data.links)}</th></tr></thead>
                    <tbody>
                        {rows}
                        <tr>
                            <th scope="row">{t!(i18n, data.crosswalk_row)}</th>
                            <td><code>"data/frameworks/crosswalk.json"</code></td>
                            <td class="num">"–"</td>
                            <td class="num">{atlas.crosswalk.len()}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
        </section>
        <section class="panel">
            <h2>{t!(i18n, data.sources)}</h2>
            <p>{t!(i18n, data.sources_summary)}</p>
            <ul>{sources}</ul>
        </section>
    }
}
