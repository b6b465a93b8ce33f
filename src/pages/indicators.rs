//! `/indicators`: the measures the frameworks name, grouped by the outcome domain they sit in,
//! each linking to its place in the diagram.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::atlas::WithAtlas;
use crate::components::indicator_cards::IndicatorCards;
use crate::components::indicator_data::{UserData, WithIndicators};
use crate::core::links::FrameworkView;
use crate::core::Atlas;
use crate::fetch::IndicatorData;

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    view! {
        <Title text="Indicators" />
        <header class="page-head">
            <h1>"Indicators"</h1>
            <p class="summary">
                "Published figures for measures named in the framework: the latest value for the whole population, how it has changed, and where it comes from."
            </p>
        </header>
        <WithAtlas show={|atlas: Arc<Atlas>| view! { <Observed atlas /> }} />
        <section>
            <h2>"Examples of what we can measure"</h2>
            <p class="summary">"The measures the strategic framework gives as examples, by outcome domain."</p>
            <WithAtlas show={|atlas: Arc<Atlas>| view! { <IndicatorList atlas /> }} />
        </section>
    }
}

/// The shipped data's cards, and the person's own data's, labelled as theirs.
#[component]
fn Observed(atlas: Arc<Atlas>) -> impl IntoView {
    let UserData(user) = expect_context::<UserData>();
    let dimension_label =
        Callback::new(move |id: String| atlas.node(&id).map(|n| n.label.clone()).unwrap_or(id));
    view! {
        {move || user.get().map(|u| {
            let label = format!("Your data: {}", u.file);
            view! {
                <section class="user-data" aria-label="Your data">
                    <h2>"Your data"</h2>
                    <p class="summary">{format!("From {}, which you loaded on the Data page. It stays in your browser.", u.file)}</p>
                    <IndicatorCards store=u.store.clone() dimension_label label />
                </section>
            }
        })}
        <section>
            <h2>"Published figures"</h2>
            <WithIndicators show={move |data: Arc<IndicatorData>| view! { <IndicatorCards store=data.store.clone() dimension_label /> }} />
        </section>
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
                        <section class="card">
                            <h2><A href=domain_href>{domain_label}</A></h2>
                            <ol class="indicator-list">{items}</ol>
                        </section>
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    view! { <div class="card-grid">{sections}</div> }
}
