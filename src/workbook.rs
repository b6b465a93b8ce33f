//! Workbooks on the Data page: the workbook module (`src/bin/workbook.rs`, calamine) runs in a
//! worker started for each request, so a large workbook never holds up the page, and neither
//! the module nor calamine is downloaded unless a person chooses a workbook.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::owndata::workbook_sheet::Sheet;

/// Asks a new worker for a workbook's sheets (`sheet` is `None`) or one sheet's cells.
async fn ask(bytes: &[u8], sheet: Option<&str>) -> Result<String, String> {
    let base = leptos::prelude::document().base_uri().ok().flatten().unwrap_or_default();
    let url = web_sys::Url::new_with_base("workbook-worker.js", &base).map_err(|_| "no address for the workbook reader".to_string())?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url.href(), &options).map_err(|_| "the workbook reader could not start".to_string())?;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |ev: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &ev.data());
        });
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the workbook reader could not be loaded"));
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"bytes".into(), &js_sys::Uint8Array::from(bytes));
    if let Some(sheet) = sheet {
        let _ = js_sys::Reflect::set(&message, &"sheet".into(), &JsValue::from_str(sheet));
    }
    worker.post_message(&message).map_err(|_| "the workbook could not be given to its reader".to_string())?;
    let data = wasm_bindgen_futures::JsFuture::from(answer).await;
    worker.terminate();
    let data = data.map_err(|e| e.as_string().unwrap_or_default())?;
    if let Some(error) = js_sys::Reflect::get(&data, &"error".into()).ok().and_then(|e| e.as_string()) {
        return Err(error);
    }
    js_sys::Reflect::get(&data, &"text".into()).ok().and_then(|t| t.as_string()).ok_or_else(|| "the workbook reader gave nothing back".to_string())
}

/// A workbook's sheets.
pub async fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    serde_json::from_str(&ask(bytes, None).await?).map_err(|e| e.to_string())
}

/// One sheet's cells, row by row.
pub async fn cells(bytes: &[u8], sheet: &str) -> Result<Vec<Vec<String>>, String> {
    serde_json::from_str(&ask(bytes, Some(sheet)).await?).map_err(|e| e.to_string())
}
