//! Gives the browser a turn: resolves in a new task (a zero-delay timeout), so that work split
//! around it never blocks input for long. Used between fetching the data, taking the page
//! over and drawing each chart, which together would otherwise be one long task on a phone.

use wasm_bindgen::JsCast;

/// Resolves after the browser has run its pending tasks (input, rendering).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has painted the current frame: what an input has changed so far
/// (a ticked box, a focused part) is on screen before the work it sets off begins. That work
/// then never delays the response to the input (interaction to next paint).
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let next = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    resolve.unchecked_ref(),
                    0,
                );
            }
        });
        let _ = window.request_animation_frame(next.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `work` once the browser has painted (see [`after_paint`]), within the current
/// reactive owner.
pub fn after_paint_do(work: impl FnOnce() + 'static) {
    let owner = leptos::prelude::Owner::current();
    leptos::task::spawn_local(async move {
        after_paint().await;
        match owner {
            Some(owner) => owner.with(work),
            None => work(),
        }
    });
}

/// Runs `work` for the input `ev`: after paint for a person's own input (see
/// [`after_paint_do`]); at once for a change an island replays as it takes over
/// (`start::replay_early_input`, an untrusted event), so that the view has followed it before
/// the island's first effects set the form from the address.
pub fn after_paint_or_now(ev: &web_sys::Event, work: impl FnOnce() + 'static) {
    if ev.is_trusted() {
        after_paint_do(work);
    } else {
        work();
    }
}
