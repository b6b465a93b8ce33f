//! Each part of a framework in full: its text, the sentence it is quoted from, the published
//! figures that measure it, and every link, each a link to that part in its own framework.
//! Beside the diagram on a wide screen, a bottom sheet on a phone.
//!
//! The build writes one panel per part the diagram draws, every one but the selected part's
//! hidden: selecting a part only shows its panel (the framework's island does that), so the
//! browser's module holds none of this. Each panel says what the page's title and the
//! screen reader's announcement become when it opens (`data-title`, and its hidden
//! `.announce-text`, the part's name marked as English within it), and,
//! once for all the drawings of the diagram, the parts linked to its part (`data-near`) and
//! the dimensions whose lens takes it in (`data-lens`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::diagram::PART_KEEPS;
use crate::components::lang::marked;
use crate::components::link::with_base;
use crate::core::framework::{Basis, EdgeKind};
use crate::core::links::FrameworkView;
use crate::core::text::shorten;
use crate::core::{Atlas, FrameworkFile};
use crate::head::Head;
use crate::language::{t, t_string, use_i18n, I18n};
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

/// What a screen reader is told when a part opens: "Selected {name}. {count} linked items.",
/// the part's name (the framework's words) marked as English.
pub fn announcement(i18n: I18n, name: &str, count: usize) -> impl IntoView {
    let name = name.to_string();
    t!(i18n, framework.announce, name = move || view! { <span lang="en">{name.clone()}</span> }, count = move || count)
}

/// The page's title while `part` is open (the part, then its framework).
pub fn part_title(atlas: &Atlas, framework: &FrameworkFile, part: &str) -> String {
    let name = atlas.node(part).map(|n| n.display_name()).unwrap_or_else(|| part.to_string());
    format!("{} · {}", shorten(&name, 60), framework.short_title)
}

/// For each part the diagram draws, the other drawn parts linked to it and the dimensions
/// whose lens takes it in, as space-separated ids: what the island lights and marks.
struct Marks {
    near: BTreeMap<String, String>,
    lenses: BTreeMap<String, String>,
}

impl Marks {
    fn of(atlas: &Atlas, drawn: &[String]) -> Marks {
        let drawn_set: BTreeSet<&String> = drawn.iter().collect();
        let near = drawn
            .iter()
            .map(|id| {
                let others: Vec<String> = atlas.neighbourhood(id).into_iter().filter(|o| o != id && drawn_set.contains(o)).collect();
                (id.clone(), others.join(" "))
            })
            .collect();
        let mut lenses: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for dimension in atlas.dimensions() {
            for member in atlas.lens(&dimension.id) {
                if drawn_set.contains(&member) {
                    lenses.entry(member).or_default().push(dimension.id.clone());
                }
            }
        }
        Marks { near, lenses: lenses.into_iter().map(|(k, v)| (k, v.join(" "))).collect() }
    }
}

/// The panels of every part in `parts`, `selected`'s shown.
#[component]
pub fn DetailPanels(atlas: Arc<Atlas>, framework: FrameworkFile, parts: Vec<String>, selected: Option<String>) -> impl IntoView {
    let marks = Marks::of(&atlas, &parts);
    parts
        .into_iter()
        .enumerate()
        .map(|(n, id)| {
            let shown = selected.as_deref() == Some(id.as_str());
            let near = marks.near.get(&id).cloned().unwrap_or_default();
            let lenses = marks.lenses.get(&id).cloned();
            view! { <DetailPanel atlas=atlas.clone() framework=framework.clone() id n shown near lenses /> }
        })
        .collect_view()
}

#[component]
fn DetailPanel(
    atlas: Arc<Atlas>,
    framework: FrameworkFile,
    id: String,
    n: usize,
    shown: bool,
    near: String,
    lenses: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(node) = atlas.node(&id).cloned() else {
        return ().into_any();
    };
    let source = atlas.source(&node.source.seed).cloned();
    let links = atlas.links(&id).to_vec();
    let count = links.len();
    // Published figures that measure this part, as the build read them (looked at, not read
    // for the page's record: a framework page is not redrawn because a figure changed).
    let measured_by = use_context::<crate::data::Data>()
        .and_then(|data| data.indicators.peek())
        .map(|data| {
            data.store
                .indicators
                .iter()
                .filter(|i| i.nodes.contains(&id))
                .map(|i| view! { <li><a href=with_base(&indicator_href(&i.id, &[]))>{i.title.clone()}</a></li> })
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
            let href = with_base(&FrameworkView::of(&fw.id).with_node(Some(&other.id)).href());
            let basis = basis_text(i18n, link.basis);
            let note = link.note.clone();
            let label = other.label.clone();
            Some(view! {
                <li class="link-item">
                    <span class="link-phrase" lang="en">{link.phrase()}</span>
                    <a href=href data-keep="lens"><span lang="en">{label}</span></a>
                    <span class="link-meta">
                        <span lang="en">{kind_name(&other.kind)} " · " {fw.short_title.clone()}</span> " · "
                        <span class=if link.basis == Basis::Editorial { "basis editorial" } else { "basis source" }>{basis}</span>
                    </span>
                    {note.map(|n| view! { <span class="link-note" lang="en">{n}</span> })}
                </li>
            })
        })
        .collect_view();
    let terms = atlas.mi_terms.clone();
    let title = Head::document_title(&part_title(&atlas, &framework, &id));
    let announce = announcement(i18n, &node.display_name(), count);
    let close = with_base(&FrameworkView::of(&framework.id).href());
    let heading = format!("detail-title-{n}");
    let labelled_by = heading.clone();
    view! {
        <aside class="detail" id=format!("detail-{n}") data-part=id.clone() aria-labelledby=labelled_by hidden=!shown
            data-title=title data-near=near data-lens=lenses>
            <span class="announce-text" hidden>{announce}</span>
            <div class="detail-head">
                <p class="kind" lang="en">{kind_name(&node.kind)}</p>
                // A link to the framework without the part, so it closes the panel with
                // scripts off too; with them, it closes in place and returns focus.
                <a class="icon-button detail-close" role="button" href=close data-keep=PART_KEEPS
                    aria-label=t_string!(i18n, detail.close).to_string()>"×"</a>
            </div>
            <h2 id=heading tabindex="-1" lang="en">
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
    }
    .into_any()
}
