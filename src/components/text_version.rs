//! A framework as nested headings and lists: the same data as the diagram, for screen
//! readers, search engines and print.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::link::with_base;

use crate::language::{t, use_i18n};

use crate::components::lang::marked;
use crate::core::links::FrameworkView;
use crate::core::{Atlas, Node};

fn item(node: &Node, framework: &str, terms: &[String]) -> impl IntoView {
    let i18n = use_i18n();
    // Nodes drawn in this framework's diagram but defined in another link to their own home;
    // the link keeps the lens the person chose.
    let href = with_base(&FrameworkView::of(framework).with_node(Some(&node.id)).href());
    view! {
        <p class="text-item">
            <strong lang="en">
                {node.label_mi.clone().map(|mi| view! { {marked(&mi, terms)} ". " })}
                {marked(&node.label, terms)}
            </strong>
            {(!node.text.is_empty()).then(|| view! { " " <span lang="en">{marked(&node.text, terms)}</span> })}
            " " <a href=href class="show-in-diagram" data-keep="lens">{t!(i18n, framework.show_in_diagram)}</a>
        </p>
    }
}

/// The framework's text version, as the build writes it.
#[component]
pub fn TextVersion(atlas: Arc<Atlas>, framework: String) -> impl IntoView {
    let i18n = use_i18n();
    let f = atlas.framework(&framework)?;
    let home = |n: &Node| atlas.framework_of(&n.id).map(|f| f.id.clone()).unwrap_or_default();
    let bands = f.diagram.bands.iter().map(|band| {
        let nodes: Vec<&Node> = band.nodes.iter().filter_map(|id| atlas.node(id)).collect();
        let grouped = band.children.is_some() || band.chips.is_some();
        let entries = nodes.into_iter().map(|n| {
            let nested = grouped.then(|| {
                let children = band.children.as_deref().map(|k| atlas.children(&n.id, k)).unwrap_or_default();
                let chips = band.chips.as_deref().map(|k| atlas.children(&n.id, k)).unwrap_or_default();
                view! {
                    {(!children.is_empty()).then(|| view! {
                        <ul>{children.into_iter().map(|c| view! { <li>{item(c, &home(c), &atlas.mi_terms)}</li> }).collect_view()}</ul>
                    })}
                    {(!chips.is_empty()).then(|| view! {
                        {band.chips_title.clone().map(|t| view! { <h3 lang="en">{t}</h3> })}
                        <ol>{chips.into_iter().map(|c| view! { <li>{item(c, &home(c), &atlas.mi_terms)}</li> }).collect_view()}</ol>
                    })}
                }
            });
            view! { <li>{item(n, &home(n), &atlas.mi_terms)}{nested}</li> }
        }).collect_view();
        view! {
            <section class="text-band">
                <h2 lang="en">{band.title.clone()}</h2>
                <ul class="text-list">{entries}</ul>
            </section>
        }
    }).collect_view();
    let source = atlas.source(&f.summary.seed).map(|s| format!("{}, {} ({})", s.title, s.publisher, s.year));
    Some(view! {
        <article class="text-version">
            {bands}
            <p class="source-line">{t!(i18n, framework.source)} " " <span lang="en">{source}</span></p>
        </article>
    })
}
