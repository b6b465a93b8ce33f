//! `/worksheet`: the questions the frameworks ask (the strategic framework's, for organisations
//! and for the public, and Connecting Diverse Communities'), quoted as published, each with a
//! box for a group's answer. Answers are kept in this browser only (its local storage), never
//! sent anywhere, until the person clears them; they download as Markdown with the questions,
//! and the page prints on A4.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::link::with_base;
use crate::core::links::FrameworkView;
use crate::core::worksheet::{markdown, sheets, Question, Sheet, SheetWords};
use crate::core::Atlas;
use crate::data::WithAtlas;
use crate::head::PageHead;
use crate::language::{t, t_string, use_i18n};

/// Where the answers are kept on the device.
const STORAGE_KEY: &str = "cohesion-explorer.worksheet";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn load() -> BTreeMap<String, String> {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps the answers on the device; false when the browser will not (storage off or full).
fn keep(answers: &BTreeMap<String, String>) -> bool {
    let Some(s) = storage() else { return false };
    let kept: BTreeMap<&String, &String> = answers.iter().filter(|(_, a)| !a.trim().is_empty()).collect();
    if kept.is_empty() {
        s.remove_item(STORAGE_KEY).is_ok()
    } else {
        serde_json::to_string(&kept).map(|text| s.set_item(STORAGE_KEY, &text).is_ok()).unwrap_or(false)
    }
}

#[component]
pub fn WorksheetPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHead title=t_string!(i18n, worksheet.title).to_string() description=t_string!(i18n, worksheet.description).to_string() />
        <header class="page-head">
            <h1>{t!(i18n, worksheet.heading)}</h1>
            <p class="summary">{t!(i18n, worksheet.summary)}</p>
        </header>
        <WithAtlas show={|atlas: Arc<Atlas>| view! { <WorksheetIsland sheets=sheets(&atlas) /> }} />
    }
}

/// The questions and the answer boxes, kept on the device as the person writes. Its props are
/// the questions (what the Markdown download writes out).
#[cfg_attr(any(feature = "ssr", feature = "islands-worksheet"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-worksheet")), component)]
fn WorksheetIsland(sheets: Vec<Sheet>) -> impl IntoView {
    view! { <Sheets sheets /> }
}

#[component]
fn Sheets(sheets: Vec<Sheet>) -> impl IntoView {
    let i18n = use_i18n();
    let all = Arc::new(sheets);
    let answers = RwSignal::new(BTreeMap::<String, String>::new());
    // None until the device's answers are read; then whether the browser keeps them.
    let kept = RwSignal::new(None::<bool>);
    let confirming = RwSignal::new(false);
    // After the page is taken over: the prerendered boxes are empty, the device's answers fill
    // them (reading storage during the first render would not match the prerendered page).
    Effect::new(move |_| {
        answers.set(load());
        kept.set(Some(storage().is_some()));
    });
    let write = move |id: String, text: String| {
        answers.update(|a| {
            a.insert(id, text);
        });
        kept.set(Some(answers.with_untracked(keep)));
    };
    let for_download = all.clone();
    let download = move |_| {
        let note = t_string!(i18n, worksheet.file_note).to_string();
        let words = SheetWords {
            title: &t_string!(i18n, worksheet.heading).to_string(),
            note: &note,
            unanswered: &t_string!(i18n, worksheet.unanswered).to_string(),
        };
        let text = answers.with_untracked(|a| markdown(&for_download, a, words));
        crate::download::save_text(&text, "text/markdown;charset=utf-8", "discussion-worksheet.md");
    };
    let print = move |_| {
        let _ = window().print();
    };
    let clear = move |_| {
        answers.set(BTreeMap::new());
        kept.set(Some(answers.with_untracked(keep)));
        confirming.set(false);
    };
    let sheets_view = all
        .iter()
        .map(|sheet| view! { <SheetView sheet=sheet.clone() answers write /> })
        .collect_view();
    view! {
        <section class="panel prose worksheet-note" aria-labelledby="worksheet-about">
            <h2 id="worksheet-about">{t!(i18n, worksheet.about)}</h2>
            <p>{t!(i18n, worksheet.closed)}</p>
            <p>{t!(i18n, worksheet.device)}</p>
            <p role="status">{move || match kept.get() {
                Some(false) => t_string!(i18n, worksheet.not_kept).to_string(),
                _ => String::new(),
            }}</p>
        </section>
        {sheets_view}
        <section class="panel worksheet-actions" aria-labelledby="worksheet-actions">
            <h2 id="worksheet-actions">{t!(i18n, worksheet.actions)}</h2>
            <p class="actions">
                <button type="button" class="button" on:click=download>{t!(i18n, worksheet.download)}</button>
                <button type="button" class="button secondary" on:click=print>{t!(i18n, worksheet.print)}</button>
                <button type="button" class="button secondary" aria-expanded=move || if confirming.get() { "true" } else { "false" }
                    on:click=move |_| confirming.set(true)>{t!(i18n, worksheet.clear)}</button>
            </p>
            {move || confirming.get().then(|| view! {
                <div class="confirm" role="alert">
                    <p>{t!(i18n, worksheet.clear_confirm)}</p>
                    <p class="actions">
                        <button type="button" class="button" on:click=clear>{t!(i18n, worksheet.clear_yes)}</button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>{t!(i18n, worksheet.clear_no)}</button>
                    </p>
                </div>
            })}
        </section>
    }
}

#[component]
fn SheetView(
    sheet: Sheet,
    answers: RwSignal<BTreeMap<String, String>>,
    write: impl Fn(String, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let framework_href = FrameworkView::of(&sheet.framework).href();
    let sections = sheet
        .sections
        .into_iter()
        .map(|section| {
            // A sub-question is listed under its question (numbered a, b, c).
            let mut grouped: Vec<(Question, Vec<Question>)> = Vec::new();
            for q in section.questions {
                match grouped.last_mut() {
                    Some((_, subs)) if q.sub => subs.push(q),
                    _ => grouped.push((q, Vec::new())),
                }
            }
            let questions = grouped
                .into_iter()
                .map(|(q, subs)| {
                    let subs = (!subs.is_empty()).then(|| {
                        let items = subs.into_iter().map(|s| view! { <li>{answer_box(s, answers, write.clone())}</li> }).collect_view();
                        view! { <ol class="sub-questions" type="a">{items}</ol> }
                    });
                    view! { <li>{answer_box(q, answers, write.clone())}{subs}</li> }
                })
                .collect_view();
            view! {
                <h3 lang="en">{section.heading}</h3>
                <ol class="questions">{questions}</ol>
            }
        })
        .collect_view();
    view! {
        <section class="panel worksheet" id=sheet.framework.clone() aria-labelledby=format!("sheet-{}", sheet.framework)>
            <h2 id=format!("sheet-{}", sheet.framework) lang="en">{sheet.title}</h2>
            <blockquote lang="en">
                <p>{sheet.intro.quote}</p>
                {sheet.closed.map(|c| view! { <p>{c.quote}</p> })}
            </blockquote>
            <p class="screen-only"><a href=with_base(&framework_href)>{t!(i18n, worksheet.see_framework)}</a></p>
            {sections}
        </section>
    }
}

/// A question as published, with the box for its answer and the answer as printed.
fn answer_box(
    q: Question,
    answers: RwSignal<BTreeMap<String, String>>,
    write: impl Fn(String, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let box_id = format!("answer-{}", q.id.replace('.', "-"));
    let id = q.id.clone();
    let shown = move || answers.with(|a| a.get(&id).cloned().unwrap_or_default());
    let printed = shown.clone();
    let qid = q.id;
    view! {
        <label for=box_id.clone() lang="en">{q.text}</label>
        <textarea id=box_id rows="4" prop:value=shown
            on:input=move |ev| write(qid.clone(), event_target_value(&ev))></textarea>
        // The answer as text for printing (a box prints only what fits in it).
        <div class="print-answer" aria-hidden="true">{printed}</div>
    }
}
