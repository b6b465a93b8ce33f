//! The whole-page module, fetched from a page's islands for what few people need and no
//! island draws: a person's own figures (on the devices of the people who keep some). It holds
//! every view of the app, so an islands module never carries views only they would see; it is
//! the module a page the build could not write is drawn with, so the service worker keeps it.

use wasm_bindgen::prelude::*;

// A dynamic import is JavaScript syntax (see src/load.js).
#[wasm_bindgen(module = "/src/load.js")]
extern "C" {
    /// The module's exports, once loaded (a promise: `load_app` is an async function).
    fn load_app(js: &str, wasm: &str) -> js_sys::Promise;
}

thread_local! {
    /// The module's load, once asked for: every caller awaits the same one (two loads at once
    /// would instantiate the module twice, and its glue would then call the second instance
    /// from the first's closures). Forgotten if it fails, so a later call tries again.
    static APP: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// An address the page names in a `<meta>` tag, under the page's base.
fn named(meta: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let file = doc.query_selector(&format!("meta[name={meta}]")).ok()??.get_attribute("content")?;
    let base = doc.base_uri().ok().flatten()?;
    web_sys::Url::new_with_base(&file, &base).ok().map(|u| u.href())
}

/// Calls the whole-page module's export `name` with `args` (loading the module first, once).
pub async fn call_app(name: &str, args: &[JsValue]) -> Result<(), String> {
    let load = match APP.with(|a| a.borrow().clone()) {
        Some(load) => load,
        None => {
            let (js, wasm) = named("ce-app-js").zip(named("ce-app")).ok_or("the page names no whole-page module")?;
            let load = load_app(&js, &wasm);
            APP.with(|a| *a.borrow_mut() = Some(load.clone()));
            load
        }
    };
    let module = match wasm_bindgen_futures::JsFuture::from(load).await {
        Ok(module) => module,
        Err(_) => {
            APP.with(|a| a.borrow_mut().take());
            return Err("the whole-page module could not be loaded".to_string());
        }
    };
    let f: js_sys::Function = js_sys::Reflect::get(&module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the whole-page module has no {name}"))?;
    f.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>()).map(|_| ()).map_err(|_| format!("{name} failed"))
}
