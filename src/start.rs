//! The browser's side of a prerendered page: read where the page was rendered and from what,
//! go to another page if the address asks for another language or mode, fetch the data the
//! page was rendered from, and take the page over (hydrate) without redrawing it. Then show
//! the address that was opened, which may carry more state than the page (a lens, groups).
//!
//! When the data on the server has changed since the build (an agency replaced the files; the
//! page records their fingerprints) or could not be fetched, the page's markup and the data
//! disagree, so the app renders the page afresh instead of taking it over.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::link::{set_site, Site};
use crate::core::embed::EmbedOptions;
use crate::core::prerender::{PageRecord, RECORD_ID};
use crate::core::site::{open, Opened};
use crate::data::{provide_data, Initial};
use crate::fetch::{load_atlas, load_indicators, Prefetched, DATAPACKAGE, MANIFEST};
use crate::App;

/// Called once, from `main`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
    // Leptos reads these while hydrating; a server that streams would have set them. A static
    // page has nothing to pass, so they are empty (set here: no inline script is allowed).
    for name in ["__RESOLVED_RESOURCES", "__SERIALIZED_ERRORS", "__INCOMPLETE_CHUNKS"] {
        let _ = js_sys::Reflect::set(&window(), &JsValue::from_str(name), &js_sys::Array::new());
    }

    let location = window().location();
    let sub = sub_path();
    let pathname = location.pathname().unwrap_or_default();
    let path = pathname.strip_prefix(sub.as_str()).unwrap_or(&pathname).to_string();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let opened = open(&path, &search, remembered().as_deref(), &browser_languages());
    crate::embed::set_options(EmbedOptions::from_query(&search));
    let record = page_record();

    if let Some(record) = &record {
        if record.place() != opened.place {
            // Another language or mode is another page: go there (an earlier link's
            // `?lang=mi` or `?embed=1`, or the language the person chose before).
            let _ = location.replace(&format!("{sub}{}{hash}", opened.href()));
            return;
        }
    }
    set_site(Site { sub: sub.clone(), place: opened.place });
    crate::sections::note_opened_at(format!("{sub}{}", opened.href()));
    crate::sections::start_section_links(sub.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match record {
            Some(record) => match fetch_as_rendered(&record).await {
                Some(initial) => {
                    // Parsing the data and taking the page over are separate tasks.
                    mark("ce:data-read");
                    crate::next_task::next_task().await;
                    take_over(initial, &record, &opened, &sub, &hash);
                    mark("ce:taken-over");
                }
                None => render_afresh(),
            },
            None => render_afresh(),
        }
    });
}

/// The data the page was rendered from, fetched again; `None` if any of it could not be
/// fetched or is not what the page was rendered from.
async fn fetch_as_rendered(record: &PageRecord) -> Option<Initial> {
    let files = Prefetched::fetch(&record.files).await;
    mark("ce:fetched");
    let atlas = match &record.atlas {
        Some(_) => Some(load_atlas(&files, MANIFEST).await),
        None => None,
    };
    mark("ce:atlas-read");
    // Each data set is read in a task of its own (on a phone, each is a long one).
    crate::next_task::next_task().await;
    let indicators = match &record.indicators {
        Some(_) => Some(load_indicators(&files, DATAPACKAGE).await),
        None => None,
    };
    let atlas = match (atlas, &record.atlas) {
        (Some(Ok(loaded)), Some(expected)) if loaded.fingerprint == *expected => Some(loaded),
        (None, None) => None,
        _ => return None,
    };
    let indicators = match (indicators, &record.indicators) {
        (Some(Ok(loaded)), Some(expected)) if loaded.fingerprint == *expected => Some(loaded),
        (None, None) => None,
        _ => return None,
    };
    Some(Initial { atlas, indicators })
}

/// Hydrates the page at the route it was rendered at, then moves to the opened address.
fn take_over(initial: Initial, record: &PageRecord, opened: &Opened, sub: &str, hash: &str) {
    let history = window().history().ok();
    let rendered_at = format!("{sub}{}", opened.place.href(&record.route));
    let wanted = format!("{sub}{}{hash}", opened.href());
    if let Some(h) = &history {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&rendered_at));
    }
    let embedded = opened.place.embed;
    leptos::mount::hydrate_body(move || {
        let data = provide_data(initial);
        crate::head::provide_head();
        // After the page has been taken over, in a task of its own.
        let owner = Owner::current();
        leptos::task::spawn_local(async move {
            crate::next_task::next_task().await;
            let Some(owner) = owner else { return };
            owner.with(|| untrack(|| {
                // What the person chose before the app arrived comes first; a page they have
                // already changed stays as they made it.
                let replayed = replay_early_input();
                if wanted != rendered_at && !replayed {
                    if let Some(h) = window().history().ok() {
                        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&wanted));
                    }
                    if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
                        let _ = window().dispatch_event(&event);
                    }
                }
                start_services(embedded, data);
            }))
        });
        view! { <App /> }
    });
}

/// Renders the app from nothing, replacing the prerendered markup; the data slots fetch
/// what the views read (and show an error, with a retry, if they cannot).
fn render_afresh() {
    let body = document().body().expect("a page has a body");
    // Keep the <noscript> note; everything else is the prerendered page.
    let children = body.children();
    let mut remove = Vec::new();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            if child.tag_name() != "NOSCRIPT" {
                remove.push(child);
            }
        }
    }
    for child in remove {
        child.remove();
    }
    while let Some(text) = body.first_child().filter(|n| n.node_type() == web_sys::Node::TEXT_NODE) {
        let _ = body.remove_child(&text);
    }
    let embedded = crate::components::link::place().embed;
    leptos::mount::mount_to_body(move || {
        let data = provide_data(Initial::default());
        crate::head::provide_head();
        Effect::new(move |_| {
            let data = data.clone();
            untrack(|| start_services(embedded, data))
        });
        view! { <App /> }
    });
}

/// What runs once the page is the app's, however it became so (taken over or drawn afresh):
/// the person's own data read back where this build shows it, the embed's behaviour, the
/// offline worker, and the signal that the app is ready.
fn start_services(embedded: bool, data: crate::data::Data) {
    if crate::sections::shows_your_data() {
        crate::carry::start_carrying();
    }
    crate::embed::start_embed(embedded);
    crate::offline::start_offline(data);
    mark_ready();
}

/// What the person chose in the page's controls before the app took it over (a filter picked
/// while the module was still downloading on a slow phone) would otherwise show on screen but
/// mean nothing: the app's state is still the page's. Each control whose value differs from
/// the one it was served with gets the event it would have had, now that the app listens.
/// Says whether there was any.
fn replay_early_input() -> bool {
    let Ok(controls) = document().query_selector_all("main select, main input, main textarea") else {
        return false;
    };
    let mut replayed = false;
    for i in 0..controls.length() {
        let Some(node) = controls.item(i) else { continue };
        let event = if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            // Served with: the option marked `selected`, else (as a browser does) the first.
            let options: Vec<web_sys::HtmlOptionElement> = (0..select.options().length())
                .filter_map(|j| select.options().item(j))
                .filter_map(|o| o.dyn_into().ok())
                .collect();
            let served = options.iter().find(|o| o.default_selected()).or(options.first()).map(|o| o.value());
            (!select.disabled() && served.is_some_and(|v| v != select.value())).then_some("change")
        } else if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            if input.read_only() || input.disabled() {
                None
            } else {
                match input.type_().as_str() {
                    "checkbox" | "radio" => (input.checked() != input.default_checked()).then_some("change"),
                    "file" | "button" | "submit" | "reset" | "hidden" => None,
                    _ => (input.value() != input.default_value()).then_some("input"),
                }
            }
        } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            (!area.read_only() && !area.disabled() && Ok(area.value()) != area.default_value()).then_some("input")
        } else {
            None
        };
        if let Some(kind) = event {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                let _ = node.dispatch_event(&event);
                replayed = true;
            }
        }
    }
    replayed
}

/// A named moment on the page's performance timeline (`performance.mark`), so benchmarks can
/// say how long each step of taking a page over takes (`scripts/take-over.mjs`).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Tells whoever is watching (the end-to-end tests, a host page) that the app is running.
fn mark_ready() {
    // Once the router has drawn the opened address (it does so in a task of its own).
    let done = Closure::once_into_js(|| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-ready", "");
        }
        mark("ce:ready");
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(done.unchecked_ref(), 0);
}

/// The page record the build wrote into the page, if this is a prerendered page.
fn page_record() -> Option<PageRecord> {
    let text = document().get_element_by_id(RECORD_ID)?.text_content()?;
    serde_json::from_str(&text).ok()
}

/// The path the app is served under, from `<base href>` (Trunk's `--public-url`): "" at the
/// root of a site, "/social-cohesion" under a sub-path.
fn sub_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new(&base)
        .map(|u| u.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

fn remembered() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(crate::core::language::STORAGE_KEY)
        .ok()
        .flatten()
}

fn browser_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect()
}

/// A bug that stops the app must not leave a page without a word: say so, in plain words,
/// with a way on. (The prerendered page stays readable above it.)
fn show_fatal_error(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "panel error fatal");
    // Written without the interface's strings: English, and marked so.
    let _ = panel.set_attribute("lang", "en");
    // Built with text nodes only: the message may quote data, and data is never HTML.
    for (tag, text) in [
        ("h1", "Cohesion Explorer stopped working"),
        ("p", "Something unexpected went wrong. Reloading the page usually helps; the data files themselves are unaffected."),
        ("pre", detail),
    ] {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    let _ = body.prepend_with_node_1(&panel);
}
