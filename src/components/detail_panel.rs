//! The selected node in full: its text, the sentence it is quoted from, and every link, each
//! a link to that node in its own framework. Beside the diagram on a wide screen, a bottom
//! sheet on a phone. Escape or the close button closes it and returns focus to the node.

use std::sync::Arc;

use crate::components::link::A;
use leptos::prelude::*;

use crate::language::{t, t_string, ts, use_i18n, I18n};

use crate::components::diagram::focus_node;
use crate::components::lang::marked;
use crate::core::framework::{Basis, EdgeKind};
use crate::core::links::FrameworkView;
use crate::core::Atlas;
use crate::pages::indicator::indicator_href;

/// Words for a node's kind, as a heading over its label.
pub fn kind_name(kind: &str) -> String {
    let mut words = kind.replace('_', " ");
    if let Some(first) = words.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    words
}

/// Whether a link is stated in the source or our judgment, in the interface's language.
pub fn basis_text(i18n: I18n, basis: Basis) -> AnyView {
    match basis {
        Basis::Source => t!(i18n, basis.source).into_any(),
        Basis::Editorial => t!(i18n, basis.editorial).into_any(),
        Basis::Yours => t!(i18n, basis.yours).into_any(),
    }
}

#[component]
pub fn DetailPanel(atlas: Arc<Atlas>, state: Signal<FrameworkView>) -> impl IntoView {
    let indicators = crate::data::use_data().indicators;
    let i18n = use_i18n();
    let url = crate::url::use_url();
    let close = Callback::new(move |_: ()| {
        let current = state.get_untracked();
        let node = current.node.clone();
        url.go(&current.with_node(None).href(), false);
        if let Some(node) = node {
            focus_node(&node);
        }
    });

    // Focus the panel's heading when a node is opened, so keyboard and screen-reader users land on it.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        let _ = state.get().node;
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    move || {
        let current = state.get();
        let id = current.node.clone()?;
        let node = atlas.node(&id)?.clone();
        let source = atlas.source(&node.source.seed).cloned();
        let links = atlas.links(&id).to_vec();
        let count = links.len();
        // Published figures that measure this part, once the indicator data has loaded.
        let measured_by = indicators
            .get()
            .and_then(|r| r.ok())
            .map(|data| {
                data.store
                    .indicators
                    .iter()
                    .filter(|i| i.nodes.contains(&id))
                    .map(|i| {
                        let (href, title) = (indicator_href(&i.id, &[]), i.title.clone());
                        view! { <li><A href=href>{title}</A></li> }
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|items| !items.is_empty())
            .map(|items| view! { <h3>{t!(i18n, detail.figures)}</h3><ul class="figures" lang="en">{items}</ul> });
        // The same idea defined by another source (a dimension and its element): both
        // definitions, each attributed.
        let equivalents = links
            .iter()
            .filter(|l| l.kind == EdgeKind::MapsTo)
            .filter_map(|l| atlas.node(&l.other))
            .filter(|other| !other.text.is_empty())
            .map(|other| {
                let cite = atlas
                    .source(&other.source.seed)
                    .map(|s| format!("{}, {} ({})", s.title, s.publisher, s.year))
                    .unwrap_or_else(|| other.source.seed.clone());
                view! {
                    <figure class="quote">
                        <blockquote lang="en">{format!("{}: {}", other.label, other.text)}</blockquote>
                        <figcaption>{t!(i18n, detail.also_defined)} " " <span lang="en">{cite}</span></figcaption>
                    </figure>
                }
            })
            .collect_view();
        let link_items = links
            .into_iter()
            .filter_map(|link| {
                let other = atlas.node(&link.other)?;
                let fw = atlas.framework_of(&link.other)?;
                let href = FrameworkView::of(&fw.id).with_node(Some(&other.id)).with_lens(current.lens.as_deref()).href();
                let basis = basis_text(i18n, link.basis);
                let note = link.note.clone();
                let label = other.label.clone();
                Some(view! {
                    <li class="link-item">
                        <span class="link-phrase" lang="en">{link.phrase()}</span>
                        <A href=href><span lang="en">{label}</span></A>
                        <span class="link-meta">
                            <span lang="en">{kind_name(&other.kind)} " · " {fw.short_title.clone()}</span> " · "
                            <span class=if link.basis == Basis::Editorial { "basis editorial" } else { "basis source" }>{basis}</span>
                        </span>
                        {note.map(|n| view! { <span class="link-note" lang="en">{n}</span> })}
                    </li>
                })
            })
            .collect_view();
        let close_key = move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                close.run(());
            }
        };
        let terms = atlas.mi_terms.clone();
        Some(view! {
            <aside class="detail" aria-labelledby="detail-title" on:keydown=close_key>
                <div class="detail-head">
                    <p class="kind" lang="en">{kind_name(&node.kind)}</p>
                    // A link to the framework without the part, so it closes the panel with
                    // scripts off too; with them, it closes in place and returns focus.
                    <a class="icon-button" role="button" href=crate::components::link::with_base(&state.get_untracked().with_node(None).href())
                        aria-label=ts!(i18n, detail.close)
                        on:click=move |ev: leptos::ev::MouseEvent| { ev.prevent_default(); close.run(()) }>"×"</a>
                </div>
                <h2 id="detail-title" tabindex="-1" node_ref=heading lang="en">
                    {node.label_mi.clone().map(|mi| view! { {marked(&mi, &terms)} ". " })}
                    {marked(&node.label, &terms)}
                </h2>
                {(!node.text.is_empty()).then(|| view! { <p class="detail-text" lang="en">{marked(&node.text, &terms)}</p> })}
                <figure class="quote">
                    <blockquote lang="en">{marked(&node.source.quote, &terms)}</blockquote>
                    <figcaption>
                        {t!(i18n, framework.source)} " "
                        <span lang="en">{source.map(|s| format!("{}, {} ({})", s.title, s.publisher, s.year)).unwrap_or(node.source.seed.clone())}</span>
                    </figcaption>
                </figure>
                {(!node.examples.is_empty()).then(|| view! {
                    <h3>{t!(i18n, detail.examples)}</h3>
                    <ul class="examples" lang="en">{node.examples.iter().map(|e| view! { <li>{marked(e, &terms)}</li> }).collect_view()}</ul>
                })}
                {equivalents}
                {measured_by}
                <h3>{t_string!(i18n, detail.linked, count = count).to_string()}</h3>
                {if count == 0 {
                    view! { <p>{t!(i18n, detail.nothing_linked)}</p> }.into_any()
                } else {
                    view! { <ul class="links">{link_items}</ul> }.into_any()
                }}
            </aside>
        })
    }
}
