//! Loading one's own data: a CSV in the observations format, or an SDMX-CSV export mapped to
//! an indicator, chosen with a file picker or dropped. It is read and validated in the
//! browser, never uploaded; what passes is shown everywhere the shipped data is, labelled.

use std::sync::Arc;

use leptos::prelude::*;

use crate::language::{t, t_string, ts, use_i18n};
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::data::{UserData, UserDataset};
use crate::core::indicators::parse::{read_observations, too_large};
use crate::core::indicators::sdmx::{header, looks_like_sdmx, read_sdmx, SdmxMapping};
use crate::core::indicators::export::{looks_like_data_package, read_data_package};
use crate::components::downloads::DataDownloads;
use crate::core::indicators::Indicator;
use crate::core::indicators::Store;
use crate::core::DataErrors;
use crate::fetch::read_file;

/// What the loader is doing or why it stopped, said in the interface's language.
#[derive(Clone)]
enum Status {
    Reading(String),
    Unreadable(String, String),
    NoDefinitions,
    Sdmx(String),
    /// A data error, in English with its file, line and column.
    Invalid(String),
}

fn status_view(i18n: crate::language::I18n, status: Status) -> AnyView {
    match status {
        Status::Reading(name) => t_string!(i18n, yours.reading, name = name.clone()).to_string().into_any(),
        Status::Unreadable(name, error) => t!(
            i18n,
            yours.unreadable,
            name = move || name.clone(),
            error = move || view! { <span lang="en">{error.clone()}</span> }
        )
        .into_any(),
        Status::NoDefinitions => t!(i18n, yours.no_definitions).into_any(),
        Status::Sdmx(name) => t_string!(i18n, yours.sdmx, name = name.clone()).to_string().into_any(),
        Status::Invalid(message) => view! { <span lang="en">{message}</span> }.into_any(),
    }
}

/// An SDMX file waiting for the person to say what it measures.
#[derive(Clone)]
struct PendingSdmx {
    file: String,
    bytes: Arc<Vec<u8>>,
    columns: Vec<String>,
}

#[component]
pub fn YourData() -> impl IntoView {
    let UserData(user) = expect_context::<UserData>();
    let shipped = crate::data::use_data().indicators;
    let status = RwSignal::new(None::<Status>);
    let i18n = use_i18n();
    let pending = RwSignal::new(None::<PendingSdmx>);
    let listed = shipped.clone();
    let indicators = move || -> Option<Vec<Indicator>> {
        listed
            .get()
            .and_then(|r| r.ok())
            .map(|d| d.store.indicators.clone())
    };

    let take = move |file: web_sys::File| {
        let shipped = shipped.clone();
        let name = file.name();
        pending.set(None);
        if let Some(error) = too_large(&name, file.size()) {
            let mut errors = DataErrors::default();
            errors.push(error);
            let store = shipped
                .peek()
                .map(|d| Store::new(d.store.indicators.clone()))
                .unwrap_or_default();
            status.set(None);
            user.set(Some(Arc::new(UserDataset {
                file: name,
                store,
                rows_read: 0,
                errors,
            })));
            return;
        }
        status.set(Some(Status::Reading(name.clone())));
        spawn_local(async move {
            let bytes = match read_file(&file).await {
                Ok(b) => b,
                Err(e) => {
                    status.set(Some(Status::Unreadable(name, e.to_string())));
                    return;
                }
            };
            let Ok(data) = shipped.wait().await else {
                status.set(Some(Status::NoDefinitions));
                return;
            };
            let first_line = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)])
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            let indicators = data.store.indicators.clone();
            let read = if looks_like_data_package(&bytes) {
                read_data_package(&name, &bytes, indicators)
            } else if looks_like_sdmx(&first_line) {
                let columns = match header(&name, &bytes) {
                    Ok(columns) => columns,
                    Err(e) => {
                        status.set(Some(Status::Invalid(e.to_string())));
                        return;
                    }
                };
                // Our own export names every column, so there is nothing to choose.
                let Some(mapping) = SdmxMapping::recognise(&columns) else {
                    status.set(Some(Status::Sdmx(name.clone())));
                    pending.set(Some(PendingSdmx {
                        file: name,
                        bytes: Arc::new(bytes),
                        columns,
                    }));
                    return;
                };
                read_sdmx(&name, &bytes, &mapping, indicators)
            } else {
                read_observations(&name, &bytes, indicators)
            };
            status.set(None);
            user.set(Some(UserDataset::from_read(name, read)));
        });
    };

    let take_dropped = take.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_dropped(file);
        }
    };

    view! {
        <section class="panel your-data">
            <h2>{t!(i18n, yours.title)}</h2>
            <p>{t!(i18n, yours.intro, <c> = <code />)}</p>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label class="button file-button">
                    {t!(i18n, yours.choose)}
                    <input type="file" accept=".csv,text/csv,.json,application/json" class="visually-hidden" on:change=on_change />
                </label>
                <span class="drop-hint">{t!(i18n, yours.drop)}</span>
            </div>
            <p role="status" class="status">{move || status.get().map(|s| status_view(i18n, s))}</p>
            {move || pending.get().map(|p| view! { <SdmxForm pending=p indicators=indicators().unwrap_or_default() status pending_signal=pending /> })}
            {move || user.get().map(|u| view! { <UserSummary data=u /> })}
        </section>
    }
}

#[component]
fn SdmxForm(
    pending: PendingSdmx,
    indicators: Vec<Indicator>,
    status: RwSignal<Option<Status>>,
    pending_signal: RwSignal<Option<PendingSdmx>>,
) -> impl IntoView {
    let UserData(user) = expect_context::<UserData>();
    let i18n = use_i18n();
    let indicator = RwSignal::new(indicators.first().map(|i| i.id.clone()).unwrap_or_default());
    let group_column = RwSignal::new(String::new());
    let group_type = RwSignal::new("group".to_string());
    let columns = pending.columns.clone();
    let inds = indicators.clone();
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let gc = group_column.get_untracked();
        let mapping = SdmxMapping::one_indicator(
            indicator.get_untracked(),
            (!gc.is_empty()).then_some(gc),
            group_type.get_untracked(),
            pending.file.clone(),
        );
        let read = read_sdmx(&pending.file, &pending.bytes, &mapping, inds.clone());
        status.set(None);
        pending_signal.set(None);
        user.set(Some(UserDataset::from_read(pending.file.clone(), read)));
    };
    view! {
        <form class="sdmx-form" on:submit=import>
            <label>
                {t!(i18n, yours.measures)}
                <select on:change=move |ev| indicator.set(event_target_value(&ev))>
                    {indicators.iter().map(|i| view! { <option value=i.id.clone() lang="en">{i.title.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                {t!(i18n, yours.group_column)}
                <select on:change=move |ev| group_column.set(event_target_value(&ev))>
                    <option value="">{t!(i18n, yours.no_group)}</option>
                    {columns.iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                {t!(i18n, yours.group_kind)}
                <input type="text" prop:value=move || group_type.get() on:input=move |ev| group_type.set(event_target_value(&ev)) />
            </label>
            <button type="submit" class="button">{t!(i18n, yours.import)}</button>
        </form>
    }
}

#[component]
fn UserSummary(data: Arc<UserDataset>) -> impl IntoView {
    let UserData(user) = expect_context::<UserData>();
    let kept = use_context::<crate::data::YourDataKept>().map(|k| k.0);
    let i18n = use_i18n();
    let loaded = data.store.len();
    let problems = data.errors.len();
    let preview = (0..loaded.min(20))
        .map(|r| {
            let o = data.store.row(r);
            view! {
                <tr>
                    <td>{o.indicator}</td><td>{o.period.to_string()}</td><td lang="en">{o.group_type}</td><td lang="en">{o.group}</td>
                    <td class="num">{o.value.map(|v| v.to_string()).unwrap_or_else(|| t_string!(i18n, indicator.gap).to_string())}</td>
                </tr>
            }
        })
        .collect_view();
    let errors = data
        .errors
        .errors
        .iter()
        .map(|e| view! { <li><code>{e.to_string()}</code></li> })
        .collect_view();
    let more = data.errors.more;
    let (file, read, shown) = (data.file.clone(), data.rows_read, loaded.min(20));
    view! {
        <div class="user-summary">
            <h3>{t_string!(i18n, yours.summary, file = file.clone(), read = read, loaded = loaded, problems = problems).to_string()}</h3>
            {(problems > 0).then(|| view! {
                <div class="panel error" role="alert">
                    <p>{t_string!(i18n, yours.problems, count = problems).to_string()}</p>
                    // The messages name the file, line and column, in English.
                    <ul class="error-list" lang="en">{errors}</ul>
                    {(more > 0).then(|| view! { <p>{t_string!(i18n, yours.more, count = more).to_string()}</p> })}
                </div>
            })}
            {(loaded > 0).then(|| view! {
                <p>{t!(i18n, yours.appears)}</p>
                // Whether the rows go with the person to the other pages (`src/carry.rs`).
                {move || match kept.and_then(|k| k.get()) {
                    Some(true) => Some(view! { <p class="kept-note">{t!(i18n, yours.kept)}</p> }.into_any()),
                    Some(false) => Some(view! { <p class="panel warning" role="alert">{t!(i18n, yours.not_kept)}</p> }.into_any()),
                    None => None,
                }}
                <div class="table-scroll" role="region" aria-label=ts!(i18n, yours.first_rows_label) tabindex="0">
                    <table>
                        <caption>{t_string!(i18n, yours.first_rows, shown = shown, loaded = loaded).to_string()}</caption>
                        <thead><tr><th scope="col">{t!(i18n, yours.indicator)}</th><th scope="col">{t!(i18n, indicator.period)}</th><th scope="col">{t!(i18n, yours.group_type)}</th><th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, indicator.value)}</th></tr></thead>
                        <tbody>{preview}</tbody>
                    </table>
                </div>
            })}
            {(loaded > 0).then(|| {
                let rows_data = data.clone();
                let rows = Callback::new(move |()| (0..rows_data.store.len()).map(|r| rows_data.store.row(r)).collect());
                let stem = file.trim_end_matches(".csv").trim_end_matches(".json").trim_end_matches(".sdmx").trim_end_matches(".datapackage").to_string();
                view! {
                    <p>{t!(i18n, downloads.yours)}</p>
                    <DataDownloads rows indicators=Arc::new(data.store.indicators.clone()) stem title=file.clone() csv=true />
                }
            })}
            <button type="button" class="button secondary" on:click=move |_| user.set(None)>{t!(i18n, yours.remove)}</button>
        </div>
    }
}

/// The element an event came from, as the type it is.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("an event has a target").unchecked_into()
}
