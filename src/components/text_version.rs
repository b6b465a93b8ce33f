//! A framework as nested headings and lists: the same data as the diagram, for screen
//! readers, search engines and print.

use std::sync::Arc;

use crate::components::link::A;
use leptos::prelude::*;

use crate::language::{t, use_i18n};

use crate::components::lang::marked;
use crate::core::links::FrameworkView;
use crate::core::{Atlas, Node};

fn item(node: &Node, state: &FrameworkView, framework: &str, terms: &[String]) -> impl IntoView {
    let i18n = use_i18n();
    // Nodes drawn in this framework's diagram but defined in another link to their own home.
    let href = FrameworkView::of(framework)
        .with_node(Some(&node.id))
        .with_lens(state.lens.as_deref())
        .href();
    view! {
        <p class="text-item">
            <strong lang="en">
                {node.label_mi.clone().map(|mi| view! { {marked(&mi, terms)} ". " })}
                {marked(&node.label, terms)}
            </strong>
            {(!node.text.is_empty()).then(|| view! { " " <span lang="en">{marked(&node.text, terms)}</span> })}
            " " <A href=href attr:class="show-in-diagram">{t!(i18n, framework.show_in_diagram)}</A>
        </p>
    }
}

#[component]
pub fn TextVersion(
    atlas: Arc<Atlas>,
    framework: String,
    state: Signal<FrameworkView>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let current = state.get();
        let f = atlas.framework(&framework)?;
        let home = |n: &Node| {
            atlas
                .framework_of(&n.id)
                .map(|f| f.id.clone())
                .unwrap_or_default()
        };
        let bands = f.diagram.bands.iter().map(|band| {
            let nodes: Vec<&Node> = band.nodes.iter().filter_map(|id| atlas.node(id)).collect();
            let grouped = band.children.is_some() || band.chips.is_some();
            let entries = nodes.into_iter().map(|n| {
                let nested = grouped.then(|| {
                    let children = band.children.as_deref().map(|k| atlas.children(&n.id, k)).unwrap_or_default();
                    let chips = band.chips.as_deref().map(|k| atlas.children(&n.id, k)).unwrap_or_default();
                    view! {
                        {(!children.is_empty()).then(|| view! {
                            <ul>{children.into_iter().map(|c| view! { <li>{item(c, &current, &home(c), &atlas.mi_terms)}</li> }).collect_view()}</ul>
                        })}
                        {(!chips.is_empty()).then(|| view! {
                            {band.chips_title.clone().map(|t| view! { <h3 lang="en">{t}</h3> })}
                            <ol>{chips.into_iter().map(|c| view! { <li>{item(c, &current, &home(c), &atlas.mi_terms)}</li> }).collect_view()}</ol>
                        })}
                    }
                });
                view! { <li>{item(n, &current, &home(n), &atlas.mi_terms)}{nested}</li> }
            }).collect_view();
            view! {
                <section class="text-band">
                    <h2 lang="en">{band.title.clone()}</h2>
                    <ul class="text-list">{entries}</ul>
                </section>
            }
        }).collect_view();
        let source = atlas
            .source(&f.summary.seed)
            .map(|s| format!("{}, {} ({})", s.title, s.publisher, s.year));
        Some(view! {
            <article class="text-version">
                {bands}
                <p class="source-line">{t!(i18n, framework.source)} " " <span lang="en">{source}</span></p>
            </article>
        })
    }
}
