//! The Data page's island around the own-data tools (`your_data::YourData`), which the build
//! writes as they first are. The tools' readers and describe step are most of the app's code
//! (the SDMX, Infoshare and table readers, the describe model, the measure's form and the
//! device's store): the page's own module does not carry them. It waits for the person's first
//! file, drop or paste, then has the whole-page module (fetched then, and kept offline by the
//! service worker) draw the tools afresh and read what the person gave them; a person who keeps
//! measures on this device gets them at once, to see the list of what is kept.

use leptos::prelude::*;

/// The island: its markup is its children (the tools as the build wrote them).
#[cfg_attr(any(feature = "ssr", feature = "islands-data"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-data")), component)]
pub fn YourDataIsland(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    // Only an islands module waits: elsewhere (the whole-page module, the browser tests) the
    // children are the tools themselves, running.
    #[cfg(feature = "islands")]
    root.on_load(move |el| waiting::take_over(el.into()));
    view! { <div class="your-data-tools" node_ref=root>{children()}</div> }
}

#[cfg(feature = "islands")]
mod waiting {
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

    use crate::dom::{first, listen, target};
    use crate::language::{t_string, use_i18n};

    /// Where the tools are.
    #[derive(Clone, Copy, PartialEq)]
    enum Tools {
        /// Only the build's markup: the person's first file sends for them.
        Waiting,
        /// On their way (what the person gives meanwhile is kept for them).
        Coming,
        /// Drawn: they hear the person themselves (this island's listeners stay, idle).
        Drawn,
    }

    /// What the person gave: a file, or a paste, and its name.
    type Given = (JsValue, JsValue, Option<String>);

    struct State {
        tools: std::cell::Cell<Tools>,
        /// Given while the tools were coming: handed to them once they are drawn.
        kept: std::cell::RefCell<Option<Given>>,
    }

    pub fn take_over(root: Element) {
        let state = std::rc::Rc::new(State { tools: std::cell::Cell::new(Tools::Waiting), kept: std::cell::RefCell::new(None) });
        // A person who keeps measures here sees them listed at once.
        if crate::yours::keeps_any_measure() {
            hand_over(&root, (JsValue::UNDEFINED, JsValue::UNDEFINED, None), state.clone());
        }
        // `gone`: given to a control of the build's that the drawn tools have replaced since
        // (a file chosen in a dialog opened before they came): the drawn tools never heard it.
        let give = {
            let root = root.clone();
            move |file: JsValue, text: JsValue, name: Option<String>, gone: bool| match state.tools.get() {
                Tools::Waiting => hand_over(&root, (file, text, name), state.clone()),
                Tools::Coming => {
                    say_coming(&root, &name, &file, &text);
                    *state.kept.borrow_mut() = Some((file, text, name));
                }
                Tools::Drawn if gone => hand_over(&root, (file, text, name), state.clone()),
                Tools::Drawn => {}
            }
        };
        // Listened to on the input itself, not the island: once the drawn tools replace it, a
        // file chosen in its dialog still arrives here.
        for input in crate::dom::all(&root, "input[type=file]").into_iter().filter_map(|i| i.dyn_into::<HtmlInputElement>().ok()) {
            let give = give.clone();
            let listened = input.clone();
            listen(&listened, "change", move |_| {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    let name = file.name();
                    give(file.into(), JsValue::UNDEFINED, Some(name), !input.is_connected());
                }
            });
        }
        listen(&root, "dragover", |ev: web_sys::Event| {
            if target(&ev, ".drop-zone").is_some() {
                ev.prevent_default();
            }
        });
        {
            let give = give.clone();
            listen(&root, "drop", move |ev: web_sys::Event| {
                if target(&ev, ".drop-zone").is_none() {
                    return;
                }
                ev.prevent_default();
                let file = ev.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|d| d.files()).and_then(|f| f.get(0));
                if let Some(file) = file {
                    let name = file.name();
                    give(file.into(), JsValue::UNDEFINED, Some(name), false);
                }
            });
        }
        let paste = first(&root, "textarea.paste-box").and_then(|a| a.dyn_into::<HtmlTextAreaElement>().ok());
        listen(&root, "click", move |ev: web_sys::Event| {
            if target(&ev, ".paste-read").is_none() {
                return;
            }
            if let Some(area) = &paste {
                give(JsValue::UNDEFINED, JsValue::from_str(&area.value()), None, false);
            }
        });
    }

    /// Says, in the tools' status line, that they are on their way for what the person gave.
    fn say_coming(root: &Element, name: &Option<String>, file: &JsValue, text: &JsValue) {
        if !(file.is_truthy() || text.is_string()) {
            return;
        }
        let i18n = use_i18n();
        let name = name.clone().unwrap_or_else(|| t_string!(i18n, yours.pasted).to_string());
        if let Some(status) = first(root, ".status") {
            status.set_text_content(Some(&t_string!(i18n, yours.tools_loading, name = name).to_string()));
        }
    }

    /// Has the whole-page module draw the tools into `root` with what the person gave (a file,
    /// or a paste, or nothing), saying meanwhile that they are on their way, and why not if
    /// they cannot come; what they give meanwhile is handed over once the tools are drawn.
    fn hand_over(root: &Element, (file, text, name): Given, state: std::rc::Rc<State>) {
        state.tools.set(Tools::Coming);
        say_coming(root, &name, &file, &text);
        let i18n = use_i18n();
        let root = root.clone();
        leptos::task::spawn_local(async move {
            match crate::lazy::call_app("draw_your_data", &[root.clone().into(), file, text]).await {
                Ok(()) => {
                    state.tools.set(Tools::Drawn);
                    // Given while they came: the tools are drawn again with it.
                    let kept = state.kept.borrow_mut().take();
                    if let Some(given) = kept {
                        hand_over(&root, given, state);
                    }
                }
                Err(error) => {
                    if let Some(status) = first(&root, ".status") {
                        status.set_text_content(Some(&t_string!(i18n, yours.tools_failed, error = error).to_string()));
                    }
                    // The person's next file tries again (any kept meanwhile is theirs to give again).
                    state.kept.borrow_mut().take();
                    state.tools.set(Tools::Waiting);
                }
            }
        });
    }
}
