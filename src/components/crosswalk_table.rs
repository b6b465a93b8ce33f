//! The crosswalk as a table: each framework's parts against the five dimensions, each filled
//! cell a link to that part with the dimension's lens on.

use std::sync::Arc;

use crate::components::link::A;
use leptos::prelude::*;

use crate::language::{t, ts, use_i18n};

use crate::components::detail_panel::{basis_text, kind_name};
use crate::core::crosswalk::matrix;
use crate::core::framework::Basis;
use crate::core::links::FrameworkView;
use crate::core::Atlas;

#[component]
pub fn CrosswalkTable(atlas: Arc<Atlas>) -> impl IntoView {
    let m = matrix(&atlas);
    let i18n = use_i18n();
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
                    // Named by hidden text rather than an aria-label, so that the part's English
                    // words and the interface's word for the link's basis each keep their language.
                    let name = format!("{}: {}", dim_label, node.label);
                    let basis = *basis;
                    view! {
                        <td class=if basis == Basis::Source { "cell source" } else { "cell editorial" }>
                            <A href=href>
                                <span aria-hidden="true">{mark}</span>
                                <span class="visually-hidden"><span lang="en">{name}</span> " (" {basis_text(i18n, basis)} ")"</span>
                            </A>
                        </td>
                    }.into_any()
                }
                None => view! { <td class="cell none"><span class="visually-hidden">{t!(i18n, crosswalk.not_linked)}</span></td> }.into_any(),
            }).collect_view();
            Some(view! {
                <tr>
                    <th scope="row" lang="en">
                        <A href=row_href>{label}</A>
                        <span class="row-kind">{kind_name(&node.kind)}</span>
                    </th>
                    {cells}
                </tr>
            })
        }).collect_view();
        Some(view! {
            <tbody>
                <tr class="group-row"><th scope="rowgroup" colspan=dims.len() + 1 lang="en">{f.title.clone()}</th></tr>
                {body}
            </tbody>
        })
    }).collect_view();
    view! {
        <header class="page-head">
            <h1>{t!(i18n, crosswalk.heading)}</h1>
            <p class="summary">{t!(i18n, crosswalk.summary)}</p>
        </header>
        <div class="table-scroll" role="region" aria-label=ts!(i18n, crosswalk.table_label) tabindex="0">
            <table class="crosswalk">
                <caption class="visually-hidden">{t!(i18n, crosswalk.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, crosswalk.part)}</th>
                        {dims.iter().map(|(_, l)| view! { <th scope="col" lang="en">{l.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                {groups}
            </table>
        </div>
    }
}
