//! Share and embed the current view. Every view's state is in its URL, so sharing is copying
//! the URL; embedding is the same URL with `embed=1`, wrapped in a snippet.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_use_clipboard::use_clipboard;

use crate::components::link::current_url;

use crate::core::embed::{embed_url, iframe_snippet, resizing_snippet};

/// The URL of the host script, next to the app (`<base href>` + `embed.js`).
fn script_url() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base("embed.js", &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| "embed.js".into())
}

/// Selects a text field's text, for copying by hand where the Clipboard API is missing.
fn select_text(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        use wasm_bindgen::JsCast;
        if let Some(field) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = field.focus();
            field.select();
        } else if let Some(field) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = field.focus();
            field.select();
        }
    }
}

/// A copy button for a text field: the Clipboard API where there is one; otherwise the
/// field's text is selected so the person can copy it. Either way it says what happened.
#[component]
fn CopyButton(
    field: &'static str,
    label: &'static str,
    text: Signal<String>,
    /// Set when the text had to be selected for copying by hand (so its field shows).
    #[prop(optional)]
    manual: Option<RwSignal<bool>>,
) -> impl IntoView {
    let clipboard = use_clipboard();
    let said = RwSignal::new(String::new());
    let copy = clipboard.copy.clone();
    let supported = clipboard.is_supported;
    let copied = clipboard.copied;
    Effect::new(move |_| {
        if copied.get() {
            said.set("Copied.".into());
        }
    });
    view! {
        <button type="button" class="button" on:click=move |_| {
            if supported.get_untracked() {
                copy(&text.get_untracked());
                said.set("Copying…".into());
            } else {
                if let Some(m) = manual {
                    m.set(true);
                }
                select_text(field);
                said.set("Selected: press Ctrl+C (or long-press and Copy) to copy.".into());
            }
        }>{label}</button>
        <span class="copy-status" role="status">{move || said.get()}</span>
    }
}

/// "Share this view" and "Embed this view", above every page of the full explorer.
#[component]
pub fn ShareActions() -> impl IntoView {
    let url = current_url();
    let manual = RwSignal::new(false);
    let dialog = NodeRef::<Dialog>::new();
    let plain = RwSignal::new(String::new());
    let resizing = RwSignal::new(String::new());
    // The snippets are made when the dialog opens: the page's title is set by then.
    let open = move |_| {
        let title = Some(document().title())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "Cohesion Explorer".into());
        let src = embed_url(&url.get_untracked());
        plain.set(iframe_snippet(&src, &title, 640));
        resizing.set(resizing_snippet(&src, &title, &script_url()));
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <div class="view-actions" class:is-manual=move || manual.get()>
            <input id="share-url" class="share-url" type="text" readonly aria-label="Link to this view" prop:value=move || url.get() />
            <CopyButton field="share-url" label="Share this view" text=url manual />
            <button type="button" class="button secondary" aria-haspopup="dialog" on:click=open>"Embed this view"</button>
        </div>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title">
            <h2 id="embed-title">"Embed this view"</h2>
            <p>"Paste one of these into your page. The view shows without our header, with its source and a link to the full explorer; links open in a new tab."</p>
            <label for="embed-resizing"><strong>"Resizes to its content"</strong>" (recommended): the iframe and a small script that sets its height."</label>
            <textarea id="embed-resizing" readonly rows="5" prop:value=move || resizing.get()></textarea>
            <CopyButton field="embed-resizing" label="Copy the resizing snippet" text=resizing.into() />
            <label for="embed-plain"><strong>"Plain iframe"</strong>": fixed height, no script."</label>
            <textarea id="embed-plain" readonly rows="4" prop:value=move || plain.get()></textarea>
            <CopyButton field="embed-plain" label="Copy the iframe" text=plain.into() />
            <p class="meta">"Colours and font can be set in the link: "<code>"theme=dark"</code>", "<code>"accent=0b5d6b"</code>", "<code>"font=Georgia"</code>". The README documents them and the resize message."</p>
            <button type="button" class="button secondary" on:click=close>"Close"</button>
        </dialog>
    }
}
