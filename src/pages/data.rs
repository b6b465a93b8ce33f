//! `/data`: the open data files the app loads, what each holds, and where its words come from.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::atlas::WithAtlas;
use crate::components::indicator_data::WithIndicators;
use crate::components::your_data::YourData;
use crate::core::Atlas;
use crate::fetch::{IndicatorData, DATAPACKAGE, MANIFEST};

#[component]
fn IndicatorFiles() -> impl IntoView {
    view! {
        <section class="panel">
            <h2>"Indicator files"</h2>
            <p>
                "A Frictionless Data Package, " <a href=DATAPACKAGE rel="external">"datapackage.json"</a>
                ", describes two CSV files: " <a href="data/indicators/indicators.csv" rel="external">"indicators.csv"</a> " and "
                <a href="data/indicators/observations.csv" rel="external">"observations.csv"</a> "."
            </p>
            <WithIndicators show={|data: Arc<IndicatorData>| {
                let s = &data.store;
                view! { <p>{format!("{} indicators, {} observations, every one with its source and licence.", s.indicators.len(), s.len())}</p> }
            }} />
        </section>
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <Title text="Data" />
        <header class="page-head">
            <h1>"Data"</h1>
            <p class="summary">
                "Everything the app shows is loaded at run time from open files beside it. An agency can replace them with its own framework without rebuilding the app."
            </p>
        </header>
        <YourData />
        <WithAtlas show={|atlas: Arc<Atlas>| view! { <DataFiles atlas /> }} />
        <IndicatorFiles />
    }
}

#[component]
fn DataFiles(atlas: Arc<Atlas>) -> impl IntoView {
    let rows = atlas
        .frameworks
        .iter()
        .map(|f| {
            let edges = f.edges.len();
            view! {
                <tr>
                    <th scope="row">{f.title.clone()}</th>
                    <td><code>{format!("data/frameworks/{}.json", f.id)}</code></td>
                    <td class="num">{f.nodes.len()}</td>
                    <td class="num">{edges}</td>
                </tr>
            }
        })
        .collect_view();
    let sources = atlas.sources.iter().map(|s| view! {
        <li><cite>{s.title.clone()}</cite> ", " {s.publisher.clone()} " (" {s.year.clone()} ")"</li>
    }).collect_view();
    view! {
        <section class="panel">
            <h2>"Framework files"</h2>
            <p>"Listed in " <code>{MANIFEST}</code> ", in schema " <code>"cohesion-explorer/framework@1"</code> "."</p>
            <div class="table-scroll" role="region" aria-label="Framework files" tabindex="0">
                <table>
                    <thead><tr><th scope="col">"Framework"</th><th scope="col">"File"</th><th scope="col">"Parts"</th><th scope="col">"Links"</th></tr></thead>
                    <tbody>
                        {rows}
                        <tr>
                            <th scope="row">"Links between frameworks"</th>
                            <td><code>"data/frameworks/crosswalk.json"</code></td>
                            <td class="num">"–"</td>
                            <td class="num">{atlas.crosswalk.len()}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
        </section>
        <section class="panel">
            <h2>"Source documents"</h2>
            <p>"Every part's words are quoted from one of these, and each part names the sentence it quotes."</p>
            <ul>{sources}</ul>
        </section>
    }
}
