//! `/indicators`: the measures the frameworks name, grouped by the outcome domain they sit in,
//! each linking to its place in the diagram.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::atlas::WithAtlas;
use crate::core::links::FrameworkView;
use crate::core::Atlas;

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    view! {
        <Title text="Indicators" />
        <header class="page-head">
            <h1>"Indicators"</h1>
            <p class="summary">
                "The measures the strategic framework gives as examples of “what we can measure to know we are making progress”, by outcome domain."
            </p>
        </header>
        <WithAtlas show={|atlas: Arc<Atlas>| view! { <IndicatorList atlas /> }} />
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
