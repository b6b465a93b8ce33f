//! A view's data as files, in the formats analysts bring data in: our CSV, SDMX-CSV and a
//! Frictionless Data Package (see `core::indicators::export`). Each is made when asked for, in
//! the browser, from the rows the view shows; each loads back on the Data page. The SDMX-CSV
//! and Data Package writers live in the chart module (fetched on first use), so the app's own
//! wasm does not carry them.

use std::sync::Arc;

use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use leptos::task::spawn_local;

#[cfg(feature = "hydrate")]
use crate::core::indicators::export::{ExportFormat, ExportRequest};
#[cfg(feature = "hydrate")]
use crate::core::indicators::parse::{write_indicators, write_observations};
use crate::core::indicators::{Indicator, Observation};
#[cfg(feature = "hydrate")]
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
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| {
        let files = Files { stem, title, notes, indicators };
        take_over_downloads(el.into(), std::rc::Rc::new(move || rows.run(())), files);
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (rows, indicators, stem, title, notes);
    downloads_markup(csv, root)
}

/// The downloads' buttons and the sentence said when a file cannot be made, as written.
pub fn downloads_markup(csv: bool, root: NodeRef<leptos::html::Div>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="data-downloads" node_ref=root>
            <div class="downloads" role="group" aria-label=ts!(i18n, downloads.label)>
                {csv.then(|| view! { <button type="button" class="button secondary download-csv">{t!(i18n, downloads.csv)}</button> })}
                <button type="button" class="button secondary download-sdmx">{t!(i18n, downloads.sdmx)}</button>
                <button type="button" class="button secondary download-package">{t!(i18n, downloads.package)}</button>
            </div>
            <p class="error" role="status"><span lang="en" class="download-problem"></span></p>
        </div>
    }
}

/// What the files say about themselves.
pub struct Files {
    /// The files' name, without extension.
    pub stem: String,
    /// The package's title.
    pub title: String,
    /// Notes the files carry.
    pub notes: String,
    /// The indicators the rows may measure (the package keeps those it needs).
    pub indicators: Arc<Vec<Indicator>>,
}

/// Has the chart module (which holds the file writers) write the file `asked` for, saves it
/// as `name`, and says in `problem` why not if it cannot.
#[cfg(feature = "hydrate")]
pub fn save_from_chart_module(asked: String, name: String, mime: &'static str, problem: Option<web_sys::Element>) {
    spawn_local(async move {
        let said = match crate::charts::render::export(&asked).await {
            Ok(file) => {
                save_text(&file, mime, &name);
                None
            }
            Err(e) => Some(e),
        };
        if let Some(p) = &problem {
            p.set_text_content(said.as_deref());
        }
    });
}

/// The browser's side of [`downloads_markup`]: each button makes its file from `rows` when
/// pressed.
#[cfg(feature = "hydrate")]
pub fn take_over_downloads(root: web_sys::Element, rows: std::rc::Rc<dyn Fn() -> Vec<Observation>>, files: Files) {
    let problem = crate::dom::first(&root, ".download-problem");
    let say = move |text: Option<&str>| {
        if let Some(p) = &problem {
            p.set_text_content(text);
        }
    };
    let files = std::rc::Rc::new(files);
    crate::dom::listen(&root, "click", move |ev: web_sys::Event| {
        let format = if crate::dom::target(&ev, ".download-csv").is_some() {
            let stem = &files.stem;
            save_text(&write_observations(&rows()), "text/csv;charset=utf-8", &format!("{stem}.csv"));
            return;
        } else if crate::dom::target(&ev, ".download-sdmx").is_some() {
            ExportFormat::SdmxCsv
        } else if crate::dom::target(&ev, ".download-package").is_some() {
            ExportFormat::DataPackage
        } else {
            return;
        };
        let stem = files.stem.clone();
        let name = crate::core::indicators::export::package_name(&stem);
        let request = ExportRequest {
            format,
            observations: write_observations(&rows()),
            // The module keeps only the indicators the rows measure (`write_data_package`).
            indicators: write_indicators(&files.indicators),
            name,
            title: files.title.clone(),
            description: files.notes.clone(),
        };
        let (file, mime) = match format {
            ExportFormat::SdmxCsv => (format!("{stem}.sdmx.csv"), "text/csv;charset=utf-8"),
            ExportFormat::DataPackage => (format!("{stem}.datapackage.json"), "application/json"),
        };
        let request = serde_json::to_string(&request).unwrap_or_default();
        let say = say.clone();
        spawn_local(async move {
            match crate::charts::render::export(&request).await {
                Ok(text) => {
                    say(None);
                    save_text(&text, mime, &file);
                }
                Err(e) => say(Some(&e)),
            }
        });
    });
}

