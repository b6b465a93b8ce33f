//! Working offline and on flaky networks. The caching itself is Workbox's: the build generates
//! the service worker (`sw.js`, see `scripts/post-build.mjs`) with the app's files kept ahead,
//! each place's offline shell, pages network-first, data files stale-while-revalidate, and
//! ECharts and the chart module kept at first use. What the app does:
//!
//! - registers the worker (scoped to the app's base path), where the build made one;
//! - the first time the worker takes a page over, asks once more for what the page already
//!   fetched before it could be kept (its data files, and ECharts if a chart was drawn), so a
//!   single visit is enough to open every page offline;
//! - says so, quietly, while the device is offline, with when the figures were saved;
//! - offers "a new version is ready: reload" when a new build's worker is waiting, and never
//!   reloads by itself.
//!
//! A person's own file is read from their disk by the browser and never requested, so it
//! never passes through the worker or into a cache.

use leptos::prelude::*;

use crate::language::{t, t_string, use_i18n};

/// Online or not, and whether a new version is waiting. Both start as the build rendered them
/// (online, none waiting), and take their real values once the page has been taken over.
#[derive(Clone, Copy)]
pub struct Offline {
    pub online: RwSignal<bool>,
    pub update_ready: RwSignal<bool>,
}

pub fn provide_offline() -> Offline {
    let offline = Offline {
        online: RwSignal::new(true),
        update_ready: RwSignal::new(false),
    };
    provide_context(offline);
    offline
}

/// Whether the device says it is offline (never, at build time).
pub fn is_offline() -> bool {
    #[cfg(feature = "hydrate")]
    {
        !window().navigator().on_line()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        false
    }
}

/// The quiet offline note and the new-version prompt, each shown only when it applies.
#[cfg_attr(any(feature = "ssr", feature = "islands"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands")), component)]
pub fn OfflineNotes() -> impl IntoView {
    let Some(Offline { online, update_ready }) = use_context::<Offline>() else {
        return ().into_any();
    };
    let i18n = use_i18n();
    let data = use_context::<crate::data::Data>();
    let note = move || {
        // Said again as the data arrives, so it can say when the data was saved.
        if let Some(data) = &data {
            data.atlas.track();
            data.indicators.track();
        }
        (!online.get()).then(|| {
            let text = match saved_when(i18n) {
                Some(when) => t_string!(i18n, offline.note, when = when).to_string(),
                None => t_string!(i18n, offline.note_undated).to_string(),
            };
            view! { <p class="offline-note" role="status">{text}</p> }
        })
    };
    let prompt = move || {
        update_ready.get().then(|| {
            view! {
                <div class="update-prompt" role="status">
                    <span>{t!(i18n, update.ready)}</span> " "
                    <button type="button" class="button" on:click=move |_| reload_to_new_version()>
                        {t!(i18n, update.reload)}
                    </button>
                </div>
            }
        })
    };
    view! { {note} {prompt} }.into_any()
}

/// When the data files were saved, in the interface's language ("26 November 2026, 2:05 pm").
fn saved_when(i18n: crate::language::I18n) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let sent = crate::fetch::oldest_sent()?;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&sent));
        let locale = match crate::language::code_of(i18n.get_locale()) {
            "mi" => "mi-NZ",
            _ => "en-NZ",
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        date.to_locale_string(locale, &options).as_string()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = i18n;
        None
    }
}

/// Asks the waiting worker to take over; the page reloads when it has (see `register`).
fn reload_to_new_version() {
    #[cfg(feature = "hydrate")]
    browser::skip_waiting();
}

/// After the page has been taken over: the real online state, and the worker.
#[cfg(feature = "hydrate")]
pub fn start_offline(data: crate::data::Data) {
    if let Some(Offline { online, .. }) = use_context::<Offline>() {
        online.set(!is_offline());
        let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        // For the page's life.
        std::mem::forget((on, off));
    }
    browser::register(data);
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::Cell;

    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::Offline;

    thread_local! {
        /// The person asked for the new version: reload when it takes over.
        static RELOADING: Cell<bool> = const { Cell::new(false) };
    }

    /// The worker's address, if the build made one (release builds say so in every page).
    fn worker_url() -> Option<String> {
        let meta = document().query_selector("meta[name=ce-service-worker]").ok()??;
        let file = meta.get_attribute("content")?;
        let base = document().base_uri().ok().flatten()?;
        web_sys::Url::new_with_base(&file, &base).ok().map(|u| u.href())
    }

    pub fn register(data: crate::data::Data) {
        let Some(url) = worker_url() else { return };
        let container = window().navigator().service_worker();
        let had_controller = container.controller().is_some();
        let scope = document().base_uri().ok().flatten().unwrap_or_default();
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&scope);
        let update_ready = use_context::<Offline>().map(|o| o.update_ready);

        // A worker taking over: the first one, on a first visit (keep what this page already
        // fetched), or the new version the person asked for (reload into it).
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if RELOADING.with(Cell::get) {
                let _ = window().location().reload();
            } else if !had_controller {
                warm(&data);
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();

        let registering = container.register_with_options(&url, &options);
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registering).await else {
                return;
            };
            let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
            // A new version that was already waiting when the page opened.
            if had_controller && registration.waiting().is_some() {
                if let Some(ready) = update_ready {
                    ready.set(true);
                }
            }
            // A worker found while installing says when it has installed: while another
            // worker controls the page, that is a new version waiting.
            let watch = move |installing: web_sys::ServiceWorker| {
                let worker = installing.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || {
                    if worker.state() == web_sys::ServiceWorkerState::Installed
                        && window().navigator().service_worker().controller().is_some()
                    {
                        if let Some(ready) = update_ready {
                            ready.set(true);
                        }
                    }
                });
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            };
            // One already installing (the browser looked for an update as the page loaded)...
            if let Some(installing) = registration.installing() {
                watch(installing);
            }
            // ...and any found later.
            let watched = registration.clone();
            let on_found = Closure::<dyn FnMut()>::new(move || {
                if let Some(installing) = watched.installing() {
                    watch(installing);
                }
            });
            registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
            on_found.forget();
        });
    }

    /// Asks again, now through the worker, for what the page fetched before it was there: every
    /// data file (the worker keeps them for every page, not only this one; ECharts and the chart
    /// module it keeps ahead). Marks the root `data-offline="saved"` when done.
    fn warm(data: &crate::data::Data) {
        let (atlas, indicators) = (data.atlas.clone(), data.indicators.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let _ = atlas.wait().await;
            let _ = indicators.wait().await;
            let mut files: Vec<String> = Vec::new();
            for loaded in [atlas.loaded().map(|l| l.files), indicators.loaded().map(|l| l.files)]
                .into_iter()
                .flatten()
            {
                files.extend(loaded);
            }
            let _ = futures::future::join_all(files.iter().map(|f| crate::fetch::fetch_text(f))).await;
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-offline", "saved");
            }
        });
    }

    pub fn skip_waiting() {
        RELOADING.with(|r| r.set(true));
        let container = window().navigator().service_worker();
        let registering = container.get_registration();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registering).await else {
                return;
            };
            let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
                return;
            };
            match registration.waiting() {
                Some(waiting) => {
                    // Workbox's generated worker takes over when it is told to skip waiting.
                    let message = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                    let _ = waiting.post_message(&message);
                }
                None => {
                    let _ = window().location().reload();
                }
            }
        });
    }
}
