//! Saving text the app made (a worksheet, a view's data, a chart's SVG) as a file on the
//! person's device. Nothing is sent anywhere: the text becomes a blob in the page and the
//! browser's own download saves it.

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};

/// Saves `href` as `file` through a temporary link (works for data: and blob: URLs).
pub fn save_href(href: &str, file: &str) {
    let Ok(a) = document().create_element("a") else {
        return;
    };
    let a = a.unchecked_into::<web_sys::HtmlAnchorElement>();
    a.set_href(href);
    a.set_download(file);
    a.set_rel("external");
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Saves `text` as `file`, of the media type `mime` (`text/csv;charset=utf-8`, say).
pub fn save_text(text: &str, mime: &str, file: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        save_href(&url, file);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}
