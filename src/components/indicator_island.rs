//! An indicator page's island: the groups and periods a person chooses, and what follows them
//! (the summary sentence, the chart, the table, the downloads), on the markup the build wrote
//! (`pages::indicator`), which holds every row the table can show. Its props are the page's
//! [`Slice`] (the indicator and its rows); each view is `Page::view` of the address's choice,
//! the computation the build made for the page it wrote. It also draws the breakdown's charts
//! when they are reached for, and a person's own figures for the indicator, if they keep any.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::indicator_chart::{IndicatorChart, Shown};
use crate::charts::options::Look;
use crate::core::indicators::page::{Choice, PageView};
use crate::core::indicators::view::periods;
use crate::core::indicators::Unit;
use crate::language::{t_string, time_words, I18n};

/// The chart of a view's lines: `view`, made by `choice` (its window), of the page whose slice
/// is `slice`.
pub fn lines_chart(i18n: I18n, unit: Unit, view: &PageView, choice: &Choice, look: Look, slice: Arc<str>) -> IndicatorChart {
    IndicatorChart {
        shown: Shown::Lines,
        look,
        label: t_string!(i18n, indicator.line_chart).to_string(),
        words: time_words(i18n, unit, &periods(&view.series)),
        choice: shown_choice(view, choice),
        slice,
    }
}

/// The choice that makes `view`, said the one way (the groups shown, not "the defaults"), so
/// the build's picture of a view and the island's chart of it are marked alike.
pub fn shown_choice(view: &PageView, choice: &Choice) -> Choice {
    Choice { groups: Some(view.chosen.clone()), from: choice.from, to: choice.to }
}

/// The island (its markup is its children, which the browser never renders again). It has no
/// props: the page's [`Slice`] is in its markup as text ([`slice_markup`]), which the island
/// reads without a JSON reader (see `core::indicators::slice_text`).
#[cfg_attr(any(feature = "ssr", feature = "islands-indicators"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-indicators")), component)]
pub fn IndicatorIsland(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| {
        let el: web_sys::Element = el.into();
        let text = crate::dom::first(&el, ".indicator-slice").map(|s| crate::dom::attr(&s, "data-slice")).unwrap_or_default();
        match crate::core::indicators::page::Slice::from_text(&text) {
            Ok(slice) => behaviour::take_over(el, slice, Arc::from(text)),
            // Never expected (the build wrote it): the page stays as the build wrote it.
            Err(e) => web_sys::console::error_1(&e.into()),
        }
    });
    view! { <div class="indicator-explorer" node_ref=root>{children()}</div> }
}

/// The page's slice (`Slice::to_text`), written into the island's markup for the island to read.
pub fn slice_markup(text: &str) -> impl IntoView {
    view! { <div class="indicator-slice" hidden data-slice=text.to_string()></div> }
}

#[cfg(feature = "hydrate")]
mod behaviour {
    use std::sync::Arc;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlSelectElement};

    use super::{lines_chart, shown_choice};
    use crate::core::embed::add_params;
    use crate::core::indicators::page::{row_key, Choice, Page, Slice};
    use crate::core::indicators::view_file::{self, FileFormat};
    use crate::core::indicators::Period;
    use crate::core::links::encode;
    use crate::dom::{all, attr, first, show, target};
    use crate::language::{period_text, t_string, use_i18n};
    use crate::pages::indicator::indicator_href;
    use crate::url::use_url;

    /// Takes the island over; `text` is the page's slice as the build wrote it.
    pub fn take_over(root: Element, slice: Slice, text: Arc<str>) {
        let i18n = use_i18n();
        let url = use_url();
        let look = crate::look::use_look();
        let page = Arc::new(Page::new(slice));
        let indicator = page.slice.indicator.clone();
        let id = indicator.id.clone();
        let everyone = t_string!(i18n, indicator.everyone).to_string();
        let choice = Memo::new(move |_| Choice::from_query(|k| url.param(k)));
        let view = {
            let page = page.clone();
            Memo::new(move |_| page.view(&choice.get(), &everyone))
        };

        // The summary sentence, above the island.
        {
            let indicator = indicator.clone();
            Effect::new(move |before: Option<()>| {
                let summary = view.with(|v| v.summary.clone());
                // The page arrives saying the view it was written for.
                if before.is_some() {
                    if let Some(el) = document().get_element_by_id("indicator-summary") {
                        crate::sentences::summary(i18n, &indicator, &summary).fill(&el, i18n);
                    }
                }
            });
        }

        // The boxes: ticked as chosen, the rest disabled once the chart is full.
        crate::components::group_boxes::follow_group_boxes(&root, move || view.with(|v| v.chosen.clone()));

        // The period menus: every period the chosen series have, the window's ends chosen.
        {
            let picker = first(&root, ".period-picker");
            let menus: Vec<(HtmlSelectElement, bool)> = [(".period-from", true), (".period-to", false)]
                .into_iter()
                .filter_map(|(s, from)| Some((first(&root, s)?.dyn_into::<HtmlSelectElement>().ok()?, from)))
                .collect();
            Effect::new(move |_| {
                let (periods, window) = (view.with(|v| v.periods.clone()), choice.get());
                if let Some(picker) = &picker {
                    show(picker, periods.len() >= 3);
                }
                for (menu, from) in &menus {
                    let current = if *from { window.from } else { window.to };
                    fill_periods(menu, &periods, current, i18n);
                }
            });
        }

        // The chart.
        if let Some(chart) = first(&root, ".echart") {
            let (unit, text) = (indicator.unit, text.clone());
            let request = Signal::derive(move || view.with(|v| lines_chart(i18n, unit, v, &choice.get(), look.get(), text.clone())));
            crate::charts::render::take_over_chart(chart, request);
        }

        // The table: the view's rows shown, in its order; the rest hidden.
        if let Some(body) = first(&root, ".data-table tbody") {
            let rows = all(&body, "tr[data-row]");
            Effect::new(move |before: Option<()>| {
                let keys: Vec<String> = view.with(|v| v.rows.iter().map(row_key).collect());
                if before.is_none() {
                    // As the build wrote it.
                    return;
                }
                for row in &rows {
                    show(row, false);
                }
                for key in &keys {
                    if let Some(row) = rows.iter().find(|r| attr(r, "data-row") == *key) {
                        let _ = body.append_child(row);
                        show(row, true);
                    }
                }
            });
        }

        // The downloads of the view: each file is written by the chart module (which holds
        // the writers) from the page's slice and the choice, as the view's rows. The CSV link
        // the build wrote holds the first view's rows, for a page read without its module; once
        // the person changes the view, it is written afresh like the others.
        {
            let problem = first(&root, ".download-problem");
            let (stem, text) = (id.clone(), text.clone());
            crate::dom::listen(&root, "click", move |ev: web_sys::Event| {
                let format = if target(&ev, ".download-view").is_some() {
                    FileFormat::Csv
                } else if target(&ev, ".download-sdmx").is_some() {
                    FileFormat::SdmxCsv
                } else if target(&ev, ".download-package").is_some() {
                    FileFormat::DataPackage
                } else {
                    return;
                };
                ev.prevent_default();
                let asked = view.with_untracked(|v| view_file::request(format, &shown_choice(v, &choice.get_untracked()), &text));
                let (name, mime) = format.file(&stem);
                crate::components::downloads::save_from_chart_module(asked, name, mime, problem.clone());
            });
        }

        // The breakdown's charts: the same for every choice, drawn when reached for.
        if let Some(breakdown) = first(&root, ".breakdown-charts") {
            crate::components::breakdown_charts::take_over_breakdown(breakdown, text.clone(), indicator.unit);
        }

        // The person's choices: a box, a period, a published indicator beside their measure.
        // Every other parameter of the view goes along (the window with a group, a group with
        // the window).
        let keep = move |except: &[&str]| -> Vec<String> {
            let search = url.search.get_untracked();
            ["from", "to", "beside"]
                .into_iter()
                .filter(|k| !except.contains(k))
                .filter_map(|k| crate::core::links::query_value(&search, k).map(|v| format!("{k}={}", encode(&v))))
                .collect()
        };
        crate::dom::listen(&root, "change", move |ev: web_sys::Event| {
            let chosen = view.with_untracked(|v| v.chosen.clone());
            if let Some(b) = target(&ev, "input[data-group]") {
                let Some(next) = crate::components::group_boxes::chosen_with_box(&b, &chosen) else { return };
                if next == chosen {
                    return;
                }
                let href = add_params(&indicator_href(&id, &next), &keep(&[]));
                // The tick shows at once; the page follows once it has been painted (or at
                // once, for a tick given before the island ran and told now).
                crate::next_task::after_paint_or_now(&ev, move || url.go(&href, false));
            } else if let Some(menu) = target(&ev, ".period-from, .period-to").and_then(|m| m.dyn_into::<HtmlSelectElement>().ok()) {
                let key = if menu.class_list().contains("period-from") { "from" } else { "to" };
                let value = menu.value();
                let mut params = keep(&[key]);
                if !value.is_empty() {
                    params.push(format!("{key}={}", encode(&value)));
                }
                url.go(&add_params(&indicator_href(&id, &chosen), &params), true);
            } else if let Some(menu) = target(&ev, ".beside-select").and_then(|m| m.dyn_into::<HtmlSelectElement>().ok()) {
                let value = menu.value();
                let mut params = keep(&["beside"]);
                if !value.is_empty() {
                    params.push(format!("beside={}", encode(&value)));
                }
                url.go(&add_params(&indicator_href(&id, &chosen), &params), true);
            }
        });

        // A person's own figures for this indicator, if they keep any (the whole-page module,
        // where this island is a component, draws them in the page itself).
        #[cfg(feature = "islands")]
        if let Some(slot) = first(&root, ".your-series") {
            crate::yours::draw_your_series(slot, page.slice.indicator.id.clone());
        }
    }

    /// A period menu's options: "the first" (or "the latest") and each period, `current` chosen.
    fn fill_periods(menu: &HtmlSelectElement, periods: &[Period], current: Option<Period>, i18n: crate::language::I18n) {
        let wanted: Vec<String> = std::iter::once(String::new()).chain(periods.iter().map(|p| p.to_string())).collect();
        let options = menu.options();
        let now: Vec<String> = (0..options.length())
            .filter_map(|i| options.item(i).and_then(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok()))
            .map(|o| o.value())
            .collect();
        if now != wanted {
            // Keep the first ("the first" or "the latest"), write the periods after it.
            while menu.length() > 1 {
                menu.remove_with_index(1);
            }
            for p in periods {
                if let Ok(option) = web_sys::HtmlOptionElement::new_with_text_and_value(&period_text(i18n, *p), &p.to_string()) {
                    let _ = menu.add_with_html_option_element(&option);
                }
            }
        }
        let value = current.map(|p| p.to_string()).unwrap_or_default();
        if menu.value() != value && !crate::dom::awaiting_replay(menu) {
            menu.set_value(&value);
        }
    }
}
