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

use crate::language::{t, use_i18n};

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

/// The quiet offline note and the new-version prompt, written by the build and hidden; the
/// island shows each when it applies.
#[component]
pub fn OfflineNotes() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <OfflineIsland>
            <p class="offline-note" role="status" hidden>{t!(i18n, offline.note_undated)}</p>
            <div class="update-prompt" role="status" hidden>
                <span>{t!(i18n, update.ready)}</span> " "
                <button type="button" class="button">{t!(i18n, update.reload)}</button>
            </div>
        </OfflineIsland>
    }
}

/// The notes' island (its markup is its children, which the browser never renders again).
#[cfg_attr(any(feature = "ssr", feature = "islands"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands")), component)]
fn OfflineIsland(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| browser::take_over(el.into(), crate::language::use_i18n()));
    view! { <div class="offline-notes" node_ref=root>{children()}</div> }
}

/// When the data files were saved, in the interface's language ("26 November 2026, 2:05 pm").
#[cfg(feature = "hydrate")]
fn saved_when(i18n: crate::language::I18n) -> Option<String> {
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

/// After the page has been taken over: the offline worker, which is asked to keep `files`
/// (every data file of the site) the first time it takes a page over.
#[cfg(feature = "hydrate")]
pub fn start_offline(files: Vec<String>) {
    browser::register(files);
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::Cell;

    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    use crate::dom::{first, show};
    use crate::language::{t_string, I18n};

    thread_local! {
        /// The person asked for the new version: reload when it takes over.
        static RELOADING: Cell<bool> = const { Cell::new(false) };
        /// The new-version prompt, once the notes' island has run.
        static PROMPT: std::cell::RefCell<Option<Element>> = const { std::cell::RefCell::new(None) };
    }

    /// The notes: the offline note while the device is offline (saying when the figures were
    /// saved, once the data files say), the prompt while a new version waits.
    pub fn take_over(root: Element, i18n: I18n) {
        let note = first(&root, ".offline-note");
        let prompt = first(&root, ".update-prompt");
        let online = RwSignal::new(!super::is_offline());
        let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        // For the page's life.
        std::mem::forget((on, off));
        // Said again as the data arrives (a page drawn whole reads it after it starts), so it
        // can say when the data was saved.
        let data = use_context::<crate::data::Data>();
        Effect::new(move |_| {
            if let Some(data) = &data {
                data.atlas.track();
                data.indicators.track();
            }
            let offline = !online.get();
            if let Some(note) = &note {
                if offline {
                    let text = match super::saved_when(i18n) {
                        Some(when) => t_string!(i18n, offline.note, when = when).to_string(),
                        None => t_string!(i18n, offline.note_undated).to_string(),
                    };
                    note.set_text_content(Some(&text));
                }
                show(note, offline);
            }
        });
        if let Some(button) = prompt.as_ref().and_then(|p| first(p, "button")) {
            let reload = Closure::<dyn Fn()>::new(skip_waiting);
            let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
            reload.forget();
        }
        PROMPT.with(|p| *p.borrow_mut() = prompt);
    }

    /// Shows the new-version prompt.
    fn update_ready() {
        PROMPT.with(|p| {
            if let Some(prompt) = &*p.borrow() {
                show(prompt, true);
            }
        });
    }

    /// The worker's address, if the build made one (release builds say so in every page).
    fn worker_url() -> Option<String> {
        let meta = document().query_selector("meta[name=ce-service-worker]").ok()??;
        let file = meta.get_attribute("content")?;
        let base = document().base_uri().ok().flatten()?;
        web_sys::Url::new_with_base(&file, &base).ok().map(|u| u.href())
    }

    pub fn register(files: Vec<String>) {
        let Some(url) = worker_url() else { return };
        // Some browsers have no service workers (a private window, a policy that turns them
        // off): the app then works as it does online, without its offline copy.
        let navigator = window().navigator();
        if !js_sys::Reflect::get(&navigator, &"serviceWorker".into()).is_ok_and(|c| c.is_object()) {
            return;
        }
        let container = navigator.service_worker();
        let had_controller = container.controller().is_some();
        let scope = document().base_uri().ok().flatten().unwrap_or_default();
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&scope);

        // A worker taking over: the first one, on a first visit (keep the site's data files),
        // or the new version the person asked for (reload into it).
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if RELOADING.with(Cell::get) {
                let _ = window().location().reload();
            } else if !had_controller {
                warm(files.clone());
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();

        let registering = container.register_with_options(&url, &options);
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registering).await else {
                return;
            };
            // (A browser driven with workers blocked answers with nothing.)
            let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
                return;
            };
            // A new version that was already waiting when the page opened.
            if had_controller && registration.waiting().is_some() {
                update_ready();
            }
            // A worker found while installing says when it has installed: while another
            // worker controls the page, that is a new version waiting.
            let watch = move |installing: web_sys::ServiceWorker| {
                let worker = installing.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || {
                    if worker.state() == web_sys::ServiceWorkerState::Installed
                        && window().navigator().service_worker().controller().is_some()
                    {
                        update_ready();
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

    /// Asks again, now through the worker, for every data file of the site (the worker keeps
    /// them for every page, not only this one; ECharts and the chart module it keeps ahead).
    /// Marks the root `data-offline="saved"` when done.
    fn warm(files: Vec<String>) {
        wasm_bindgen_futures::spawn_local(async move {
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
