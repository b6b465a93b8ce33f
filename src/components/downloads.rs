//! A view's data as files, in the formats analysts bring data in: our CSV, SDMX-CSV and a
//! Frictionless Data Package (see `core::indicators::export`). Each is made when asked for, in
//! the browser, from the rows the view shows; each loads back on the Data page. The SDMX-CSV
//! and Data Package writers live in the chart module (fetched on first use), so the app's own
//! wasm does not carry them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::indicators::export::{ExportFormat, ExportRequest};
use crate::core::indicators::parse::{write_indicators, write_observations};
use crate::core::indicators::{Indicator, Observation};
use crate::download::save_text;
use crate::language::{t, ts, use_i18n};

/// Buttons that download `rows` (made on click) as `{stem}.csv` (when `csv`: a page may offer
/// its CSV as a link of its own), `{stem}.sdmx.csv` and `{stem}.datapackage.json`.
#[component]
pub fn DataDownloads(
    rows: Callback<(), Vec<Observation>>,
    indicators: Arc<Vec<Indicator>>,
    /// The files' name, without extension (`trust_police`, `indicators`, `profile`).
    stem: String,
    /// The package's title (what the view shows).
    title: String,
    #[prop(optional)] csv: bool,
    /// Notes on a person's own measure, which its files carry.
    #[prop(optional, into)]
    notes: String,
) -> impl IntoView {
    let i18n = use_i18n();
    // Why a file could not be made, shown beside the buttons.
    let problem = RwSignal::new(None::<String>);
    let csv_stem = stem.clone();
    let save_csv = move |_| {
        save_text(&write_observations(&rows.run(())), "text/csv;charset=utf-8", &format!("{csv_stem}.csv"));
    };
    let save_as = move |format: ExportFormat| {
        let rows = rows.run(());
        let name: String = format!("cohesion-explorer-{stem}")
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '-' })
            .collect();
        let request = ExportRequest {
            format,
            observations: write_observations(&rows),
            // The module keeps only the indicators the rows measure (`write_data_package`).
            indicators: write_indicators(&indicators),
            name,
            title: title.clone(),
            description: notes.clone(),
        };
        let (file, mime) = match format {
            ExportFormat::SdmxCsv => (format!("{stem}.sdmx.csv"), "text/csv;charset=utf-8"),
            ExportFormat::DataPackage => (format!("{stem}.datapackage.json"), "application/json"),
        };
        let request = serde_json::to_string(&request).unwrap_or_default();
        spawn_local(async move {
            match crate::charts::render::export(&request).await {
                Ok(text) => {
                    problem.set(None);
                    save_text(&text, mime, &file);
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let save_sdmx = {
        let save_as = save_as.clone();
        move |_| save_as(ExportFormat::SdmxCsv)
    };
    let save_package = move |_| save_as(ExportFormat::DataPackage);
    view! {
        <div class="downloads" role="group" aria-label=ts!(i18n, downloads.label)>
            {csv.then(|| view! { <button type="button" class="button secondary" on:click=save_csv>{t!(i18n, downloads.csv)}</button> })}
            <button type="button" class="button secondary" on:click=save_sdmx>{t!(i18n, downloads.sdmx)}</button>
            <button type="button" class="button secondary" on:click=save_package>{t!(i18n, downloads.package)}</button>
        </div>
        <p class="error" role="status">{move || problem.get().map(|e| view! { <span lang="en">{e}</span> })}</p>
    }
}
