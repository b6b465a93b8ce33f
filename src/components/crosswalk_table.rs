//! The crosswalk as a table: each framework's parts against the five dimensions, each filled
//! cell a link to that part with the dimension's lens on.

use std::sync::Arc;

use crate::components::link::A;
use leptos::prelude::*;

use crate::components::detail_panel::{basis_name, kind_name};
use crate::core::crosswalk::matrix;
use crate::core::framework::Basis;
use crate::core::links::FrameworkView;
use crate::core::Atlas;

#[component]
pub fn CrosswalkTable(atlas: Arc<Atlas>) -> impl IntoView {
    let m = matrix(&atlas);
    let dims: Vec<(String, String)> = m
        .dimensions
        .iter()
        .map(|d| {
            (
                d.clone(),
                atlas.node(d).map(|n| n.label.clone()).unwrap_or_default(),
            )
        })
        .collect();
    let groups = atlas.frameworks.iter().filter_map(|f| {
        let rows: Vec<_> = m.rows.iter().filter(|r| r.framework == f.id).collect();
        if rows.is_empty() {
            return None;
        }
        let body = rows.into_iter().filter_map(|r| {
            let node = atlas.node(&r.node)?;
            let label = node.label.clone();
            let row_href = FrameworkView::of(&f.id).with_node(Some(&node.id)).href();
            let cells = r.cells.iter().zip(&dims).map(|(c, (dim, dim_label))| match c {
                Some(basis) => {
                    let href = FrameworkView::of(&f.id).with_node(Some(&node.id)).with_lens(Some(dim)).href();
                    let mark = if *basis == Basis::Source { "●" } else { "○" };
                    let label = format!("{}: {} ({})", dim_label, node.label, basis_name(*basis));
                    view! { <td class=if *basis == Basis::Source { "cell source" } else { "cell editorial" }><A href=href attr:aria-label=label>{mark}</A></td> }.into_any()
                }
                None => view! { <td class="cell none"><span class="visually-hidden">"not linked"</span></td> }.into_any(),
            }).collect_view();
            Some(view! {
                <tr>
                    <th scope="row">
                        <A href=row_href>{label}</A>
                        <span class="row-kind">{kind_name(&node.kind)}</span>
                    </th>
                    {cells}
                </tr>
            })
        }).collect_view();
        Some(view! {
            <tbody>
                <tr class="group-row"><th scope="rowgroup" colspan=dims.len() + 1>{f.title.clone()}</th></tr>
                {body}
            </tbody>
        })
    }).collect_view();
    view! {
        <header class="page-head">
            <h1>"Crosswalk: every framework against the five dimensions"</h1>
            <p class="summary">
                "Each row is a part of a framework; a mark means it is linked to that dimension of cohesion. "
                "● the link is stated in the source text; ○ it is our editorial judgment. Select a mark to see the part with that dimension's lens on."
            </p>
        </header>
        <div class="table-scroll" role="region" aria-label="Crosswalk table" tabindex="0">
            <table class="crosswalk">
                <caption class="visually-hidden">"Framework parts against the five dimensions of social cohesion"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Part"</th>
                        {dims.iter().map(|(_, l)| view! { <th scope="col">{l.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                {groups}
            </table>
        </div>
    }
}
