//! The browser's side of a prerendered page. Two ways in, both called by `public/loader.js`:
//!
//! - **Islands** (every prerendered page): [`start_islands`] reads where the page was rendered
//!   and from what, goes to another page if the address asks for another language or mode,
//!   fetches the data the page was rendered from, and readies the shared state the islands
//!   read (language, look, address, data). The loader then takes each island over in a task of
//!   its own, those in view first, and calls [`islands_ready`], which moves to the address
//!   that was opened (it may carry more state than the page: a lens, groups) and starts what
//!   runs once per page (the embed's messages, the offline worker). Everything else on the
//!   page is HTML the build wrote, which the browser's module never contains.
//! - **The whole page** ([`render_page`], in a module of its own that only this path loads):
//!   when the data on the server has changed since the build (an agency replaced the files;
//!   the page records their fingerprints) or could not be fetched, the page's markup and the
//!   data disagree; and a page the build could not write (an offline shell, the page of a
//!   person's own measure) has nothing to take over. Then the app draws the whole page
//!   afresh from the data.

// Each module holds one way in (or, in a development build, both).
#![cfg_attr(not(all(feature = "islands", feature = "app-module")), allow(unused_imports, dead_code))]

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::link::{set_site, Site};
use crate::core::embed::EmbedOptions;
use crate::core::prerender::{PageRecord, RECORD_ID};
use crate::core::site::{open, Opened};
use crate::data::{provide_data, Initial};
use crate::App;

#[cfg(feature = "islands")]
thread_local! {
    /// What the page was opened at, for `islands_ready`.
    static OPENED: std::cell::RefCell<Option<(Opened, Vec<String>)>> = const { std::cell::RefCell::new(None) };
}

/// Where the page is, said once: the panic hook, the site, the embed's options, and what was
/// opened (or `None` when the address asks for another page, which is then loaded).
fn begin() -> Option<(Opened, Option<PageRecord>)> {
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
            return None;
        }
    }
    set_site(Site { sub, place: opened.place });
    Some((opened, record))
}

/// The islands module's first step. Says what the loader does next: `"hydrate"` (take the
/// islands over), `"afresh"` (load the whole-page module and call `render_page`), or
/// `"moved"` (another page is loading).
#[cfg(feature = "islands")]
#[wasm_bindgen]
pub async fn start_islands() -> String {
    let Some((opened, record)) = begin() else {
        return "moved".into();
    };
    let Some(record) = record else {
        return "afresh".into();
    };
    // A page that only the browser can draw is drawn whole: an offline shell, and the
    // not-found page, which names the address asked for, and stands in for the page of a
    // person's own measure (kept on their device, so never written by the build).
    if crate::core::site::is_shell(&record.route) || record.route == crate::core::site::NOT_FOUND_ROUTE {
        return "afresh".into();
    }
    // The page is taken over only if the data files are still the ones it was rendered from.
    if !files_as_rendered(&record).await {
        return "afresh".into();
    }
    mark("ce:data-read");
    crate::next_task::next_task().await;
    replay_on_leaving();
    leptos::mount::hydrate_islands();
    // The shared state, on the root every island's owner descends from. The address starts
    // where the page was rendered, so each island's first render is the page's.
    crate::app::provide_page_contexts();
    crate::head::provide_head();
    crate::url::provide_url(&record.route);
    OPENED.with(|o| *o.borrow_mut() = Some((opened, record.warm)));
    "hydrate".into()
}

/// Once every island has been taken over: what the person chose in the page's controls
/// before the islands arrived counts, then the address that was opened is shown, and what
/// runs once per page starts.
#[cfg(feature = "islands")]
#[wasm_bindgen]
pub fn islands_ready() {
    let Some((opened, warm)) = OPENED.with(|o| o.borrow_mut().take()) else {
        return;
    };
    let url = crate::url::use_url();
    untrack(|| {
        // What the person changed before the islands ran, and has not changed again since.
        let early = early_input();
        // The address that was opened is the view (a link, a bookmark, the back button), then
        // what the person did on top of it counts, as if done after: each control gets the
        // event it would have had. After the back button, whatever the browser gives the
        // controls back is the view the address names already, so nothing changes.
        crate::url::follow_history(url, &opened.route_and_query());
        replay_early_input(early);
        start_services(opened.place.embed, warm);
    });
    mark("ce:taken-over");
}

/// Whether the data files the page was rendered from are still those files: each is fetched
/// (the service worker keeps them for offline use too) and fingerprinted, none is read. The
/// islands need nothing from them: what they show is in their props or their markup.
#[cfg(feature = "islands")]
async fn files_as_rendered(record: &PageRecord) -> bool {
    let files = record.files();
    let texts = futures::future::join_all(files.iter().map(|f| crate::fetch::fetch_text(f))).await;
    mark("ce:fetched");
    let fetched: std::collections::HashMap<&str, &str> = files
        .iter()
        .zip(&texts)
        .filter_map(|(file, text)| Some((file.as_str(), text.as_deref().ok()?)))
        .collect();
    record.is_current(|file| fetched.get(file).copied())
}

/// The whole-page module's one call: draws the page afresh, replacing the prerendered
/// markup; the data slots fetch what the views read (and show an error, with a retry, if
/// they cannot).
#[cfg(feature = "app-module")]
#[wasm_bindgen]
pub fn render_page() {
    let Some((opened, record)) = begin() else { return };
    let warm = record.map(|r| r.warm).unwrap_or_default();
    let body = document().body().expect("a page has a body");
    // Keep the <noscript> note; everything else is the prerendered page.
    let children = body.children();
    let mut remove = Vec::new();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            if child.tag_name() != "NOSCRIPT" && child.tag_name() != "SCRIPT" {
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
    let embedded = opened.place.embed;
    let wanted = opened.route_and_query();
    leptos::mount::mount_to_body(move || {
        provide_data(Initial::default());
        crate::head::provide_head();
        let url = crate::url::provide_url(&wanted);
        Effect::new(move |_| {
            untrack(|| {
                crate::url::follow_history(url, &wanted);
                start_services(embedded, warm.clone());
            })
        });
        view! { <App /> }
    });
    mark("ce:taken-over");
}

/// The whole-page module's other call: draws the figures the person attached to the
/// published indicator `id` into `slot`, on a page whose islands run in their own module (an
/// indicator page; see `yours::draw_your_series`). It follows the view's address as the page's
/// islands change it.
#[cfg(feature = "app-module")]
#[wasm_bindgen]
pub fn draw_your_series(slot: web_sys::Element, id: String) {
    beside_the_islands(slot, move || view! { <crate::components::your_series::YourSeries id /> }.into_any());
}

/// The whole-page module's call from the profile's island: draws the person's own measures on
/// the profile's dimensions (`dimension` records: id and name) into `slot` (see
/// `yours::draw_your_profile`).
#[cfg(feature = "app-module")]
#[wasm_bindgen]
pub fn draw_your_profile(slot: web_sys::Element, dimensions: String) {
    let (dims, names): (Vec<String>, Vec<String>) = dimensions
        .lines()
        .filter_map(|line| match crate::core::records::fields(line).as_slice() {
            [kind, id, name] if kind == "dimension" => Some((id.clone(), name.clone())),
            _ => None,
        })
        .unzip();
    beside_the_islands(slot, move || view! { <crate::pages::profile::YourProfile dims names /> }.into_any());
}

/// The whole-page module's call from the overview's island: draws the person's own measures'
/// cards into `slot` (see `yours::draw_your_cards`).
#[cfg(feature = "app-module")]
#[wasm_bindgen]
pub fn draw_your_cards(slot: web_sys::Element) {
    beside_the_islands(slot, || view! { <crate::pages::indicators::YourCards /> }.into_any());
}

#[cfg(feature = "app-module")]
thread_local! {
    /// The Data page's tools as drawn last (`draw_your_data`).
    static TOOLS: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(None) };
}

/// Draws `view` into `slot`, on a page whose islands run in another module: where the page
/// is, its contexts, the address (following the islands' changes), the person's measures.
#[cfg(feature = "app-module")]
fn beside_the_islands(slot: web_sys::Element, view: impl FnOnce() -> AnyView + 'static) {
    // For the page's life.
    std::mem::forget(mount_beside(slot, view));
}

/// [`beside_the_islands`], returning what was drawn: dropped, it goes.
#[cfg(feature = "app-module")]
fn mount_beside(slot: web_sys::Element, view: impl FnOnce() -> AnyView + 'static) -> Option<Box<dyn std::any::Any>> {
    let Some(record) = page_record() else { return None };
    set_site(Site { sub: sub_path(), place: record.place() });
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = path.strip_prefix(sub_path().as_str()).unwrap_or(&path).to_string();
    let (_, route) = crate::core::site::split(&path);
    let here = format!("{route}{}", location.search().unwrap_or_default());
    let handle = leptos::mount::mount_to(slot.unchecked_into(), move || {
        crate::app::provide_page_contexts();
        let url = crate::url::provide_url(&here);
        crate::url::follow_the_page(url);
        crate::yours::provide_yours();
        crate::yours::start_keeping();
        view()
    });
    Some(Box::new(handle))
}

/// The whole-page module's call from the Data page's island: draws the own-data tools into
/// `slot` in place of the build's markup of them, and gives them the person's `file` or
/// pasted `text`, if any (see `components::your_data_island`).
#[cfg(feature = "app-module")]
#[wasm_bindgen]
pub fn draw_your_data(slot: web_sys::Element, file: JsValue, text: JsValue) {
    use crate::components::your_data::{hand_over, Handed};
    // What had focus in the build's tools gets it back in the drawn ones.
    let focused = document().active_element().filter(|a| slot.contains(Some(a)));
    let again = focused.map(|a| if a.class_list().contains("paste-read") { ".paste-read" } else if a.tag_name() == "TEXTAREA" { "textarea" } else { "input[type=file]" });
    if let Ok(file) = file.dyn_into::<web_sys::File>() {
        hand_over(Handed::File(file));
    } else if let Some(text) = text.as_string() {
        hand_over(Handed::Text(text));
    }
    // What the person has typed in the paste box so far is theirs: it goes on in the drawn one.
    let paste_box = |slot: &web_sys::Element| crate::dom::first(slot, "textarea").and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    let typed = paste_box(&slot).map(|a| a.value()).filter(|t| !t.is_empty());
    // Drawn again (with what the person gave while they were coming): the earlier drawing goes,
    // with everything it ran.
    TOOLS.with(|t| drop(t.borrow_mut().take()));
    slot.set_text_content(None);
    let drawn = mount_beside(slot.clone(), || {
        // The tools read the published indicators and frameworks (fetched when first asked
        // for), and the person's measures (provided already, and being read back).
        crate::data::provide_data_slots(Initial::default());
        view! { <crate::components::your_data::YourData /> }.into_any()
    });
    TOOLS.with(|t| *t.borrow_mut() = drawn);
    if let (Some(typed), Some(area)) = (typed, paste_box(&slot)) {
        area.set_value(&typed);
    }
    if let Some(el) = again.and_then(|s| crate::dom::first(&slot, s)) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The whole-page module's call from the overview's downloads (see
/// `pages::indicators::overview_file`).
#[cfg(feature = "app-module")]
#[wasm_bindgen]
pub async fn overview_file(status: web_sys::Element, format: String, search: String) {
    crate::pages::indicators::overview_file(status, format, search).await;
}

/// What runs once the page is the app's, however it became so: links to this same page are
/// followed in place, the person's own data is read back, the embed's behaviour, the offline
/// worker, and the signal that the app is ready.
fn start_services(embedded: bool, warm: Vec<String>) {
    crate::url::follow_links_in_page(crate::url::use_url());
    // Only the pages that show a person's own measures read them back (and carry the code).
    // (An indicator page's own figures are drawn, for those who keep some, by the whole-page
    // module: `yours::draw_your_series`.)
    #[cfg(any(feature = "islands-overview", feature = "app-module"))]
    crate::yours::start_keeping();
    crate::embed::start_embed(embedded);
    crate::offline::start_offline(warm);
    mark_ready();
}

/// A control the person changed before the islands were taken over: what they made it.
#[cfg(feature = "islands")]
enum Early {
    Value(web_sys::Element, String),
    Checked(web_sys::HtmlInputElement, bool),
}

#[cfg(feature = "islands")]
thread_local! {
    static EARLY: std::cell::RefCell<Vec<Early>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What the person chose in the page's controls before the islands arrived (a filter picked,
/// a box ticked, while the module was still downloading on a slow phone) would otherwise show
/// on screen but mean nothing, and taking an island over sets its controls back to the page's
/// state. The islands are taken over one task at a time, so a person (or a test) can change a
/// control at any moment until its own island's turn. So, in the same task as each island is
/// taken over, its controls' state is noted just before ([`before_island`]) and given back to
/// them just after ([`after_island`]): no moment shows the box unticked again. Once every
/// island runs, each such control gets the event it would have had ([`replay_early_input`]),
/// on top of the address that was opened.
#[cfg(feature = "islands")]
fn changed_controls(island: &web_sys::Element) -> Vec<Early> {
    let Ok(controls) = island.query_selector_all("select, input, textarea") else { return Vec::new() };
    let mut noted = Vec::new();
    for i in 0..controls.length() {
        let Some(node) = controls.item(i) else { continue };
        if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            // Served with: the option marked `selected`, else (as a browser does) the first.
            let options: Vec<web_sys::HtmlOptionElement> = (0..select.options().length())
                .filter_map(|j| select.options().item(j))
                .filter_map(|o| o.dyn_into().ok())
                .collect();
            let served = options.iter().find(|o| o.default_selected()).or(options.first()).map(|o| o.value());
            if !select.disabled() && served.is_some_and(|v| v != select.value()) {
                noted.push(Early::Value(select.clone().into(), select.value()));
            }
        } else if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            if input.read_only() || input.disabled() {
                continue;
            }
            match input.type_().as_str() {
                "checkbox" | "radio" if input.checked() != input.default_checked() => noted.push(Early::Checked(input.clone(), input.checked())),
                "checkbox" | "radio" | "file" | "button" | "submit" | "reset" | "hidden" => {}
                _ if input.value() != input.default_value() => noted.push(Early::Value(input.clone().into(), input.value())),
                _ => {}
            }
        } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            if !area.read_only() && !area.disabled() && Ok(area.value()) != area.default_value() {
                noted.push(Early::Value(area.clone().into(), area.value()));
            }
        }
    }
    noted
}

#[cfg(feature = "islands")]
impl Early {
    fn element(&self) -> &web_sys::Element {
        match self {
            Early::Value(el, ..) => el,
            Early::Checked(input, _) => input.unchecked_ref(),
        }
    }

    /// Puts the control back as the person left it, without an event: the island that owns
    /// it hears of it once every island runs.
    fn restore(&self) {
        match self {
            Early::Checked(input, checked) => {
                if input.checked() != *checked {
                    input.set_checked(*checked);
                }
            }
            Early::Value(el, value) => {
                if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
                    select.set_value(value);
                } else if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                    input.set_value(value);
                } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    area.set_value(value);
                }
            }
        }
    }
}

/// Whether `control` holds what the person made it before its island ran, and the island has
/// yet to hear of it ([`replay_early_input`]).
#[cfg(feature = "islands")]
pub(crate) fn noted_early(control: &web_sys::Element) -> bool {
    EARLY.with(|e| e.borrow().iter().any(|early| early.element() == control))
}

/// Called by the loader just before it takes `island` over: notes what the person has
/// changed in its controls so far.
#[cfg(feature = "islands")]
#[wasm_bindgen]
pub fn before_island(island: web_sys::Element) {
    let now = changed_controls(&island);
    EARLY.with(|e| {
        let mut e = e.borrow_mut();
        e.retain(|early| !island.contains(Some(early.element())));
        e.extend(now);
    });
}

/// Called by the loader just after it has taken `island` over, in the same task. From then
/// on the island hears the person itself: a control they change again is no longer theirs
/// to give back (the island may also set a control itself, say from what the device kept,
/// which is not the person changing it, so the event is what tells).
#[cfg(feature = "islands")]
#[wasm_bindgen]
pub fn after_island(island: web_sys::Element) {
    let any = EARLY.with(|e| {
        let noted = e.borrow();
        let mine: Vec<&Early> = noted.iter().filter(|early| island.contains(Some(early.element()))).collect();
        for early in &mine {
            early.restore();
        }
        !mine.is_empty()
    });
    if any {
        let changed_again = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
            let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            EARLY.with(|e| e.borrow_mut().retain(|early| *early.element() != target));
        });
        for kind in ["input", "change"] {
            let _ = island.add_event_listener_with_callback_and_bool(kind, changed_again.as_ref().unchecked_ref(), true);
        }
        // For the page's life (once every island runs, nothing is noted and it does nothing).
        changed_again.forget();
    }
}

/// The controls the person changed before their islands ran, as they left them (any changed
/// again since its island runs was left out then: the island has heard of it already).
#[cfg(feature = "islands")]
fn early_input() -> Vec<Early> {
    EARLY.with(|e| std::mem::take(&mut *e.borrow_mut()))
}

/// Should the person leave or reload the page before every island runs, what they typed so far
/// is replayed as they go, so the islands already running hear of it (the worksheet keeps an
/// answer typed in the first moments; the browser does not give it back on a reload).
#[cfg(feature = "islands")]
fn replay_on_leaving() {
    // Only what was typed in a text box: a view's controls (filters, groups, weights) change
    // the address, which a page being left has no business doing.
    let on_leave = Closure::<dyn Fn()>::new(|| {
        let typed: Vec<Early> = EARLY.with(|e| {
            let mut noted = e.borrow_mut();
            let (typed, rest) = std::mem::take(&mut *noted).into_iter().partition(|early| early.element().is_instance_of::<web_sys::HtmlTextAreaElement>());
            *noted = rest;
            typed
        });
        replay_early_input(typed);
    });
    let _ = window().add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
    // For the page's life (once every island runs, nothing is noted and it does nothing).
    on_leave.forget();
}

/// Gives each control back what the person made it, with the event it would have had.
#[cfg(feature = "islands")]
fn replay_early_input(early: Vec<Early>) {
    let fire = |target: &web_sys::Element, kind: &str| {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
            let _ = target.dispatch_event(&event);
        }
    };
    // Both, as a person's change gives them: the islands listen for one or the other (a text
    // box as it is typed in, a slider or a box once it is set), and what they do is the same
    // however often they hear it.
    for early in early {
        early.restore();
        fire(early.element(), "input");
        fire(early.element(), "change");
    }
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
    // Once the address's state has been drawn (in a task of its own).
    let done = Closure::once_into_js(|| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-ready", "");
        }
        mark("ce:ready");
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(done.unchecked_ref(), 0);
}

/// The page record the build wrote into the page, if this is a prerendered page.
#[cfg_attr(not(feature = "islands"), allow(dead_code))]
fn page_record() -> Option<PageRecord> {
    let text = document().get_element_by_id(RECORD_ID)?.text_content()?;
    PageRecord::from_text(&text)
}

/// The path the app is served under, from `<base href>`: "" at the root of a site,
/// "/social-cohesion" under a sub-path.
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
