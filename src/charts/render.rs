//! Draws a chart with ECharts, loading ECharts (our trimmed bundle) the first time a chart is
//! shown, so pages without charts never download it. Every chart sits beside a data table.

use std::cell::RefCell;

use charming::renderer::wasm_renderer::Echarts;
use charming::{Chart, WasmRenderer};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the build puts the bundle (see `index.html`), relative to the base URL.
const ECHARTS_SRC: &str = "echarts.js";

thread_local! {
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Loads ECharts once; later calls wait on the same load.
pub async fn ensure_echarts() -> Result<(), String> {
    if js_sys::Reflect::has(&window(), &JsValue::from_str("echarts")).unwrap_or(false) {
        return Ok(());
    }
    let promise = LOADING.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                js_sys::Promise::new(&mut |resolve, reject| {
                    let doc = document();
                    let Ok(script) = doc.create_element("script") else {
                        return;
                    };
                    let _ = script.set_attribute("src", ECHARTS_SRC);
                    let on_error = Closure::once_into_js(move || {
                        let _ = reject.call1(
                            &JsValue::NULL,
                            &JsValue::from_str("the chart library could not be loaded"),
                        );
                    });
                    script
                        .unchecked_ref::<web_sys::HtmlElement>()
                        .set_onerror(Some(on_error.unchecked_ref()));
                    script
                        .unchecked_ref::<web_sys::HtmlElement>()
                        .set_onload(Some(resolve.unchecked_ref()));
                    if let Some(head) = doc.head() {
                        let _ = head.append_child(&script);
                    }
                })
            })
            .clone()
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the chart library could not be loaded".into())
    })
}

/// An ECharts chart drawn into a div of the given height; redrawn when `chart` changes and
/// resized with the window.
#[component]
pub fn EChart(
    /// A DOM id unique on the page.
    id: String,
    chart: Signal<Chart>,
    #[prop(default = 320)] height: u32,
    /// What the chart shows, for screen readers (ECharts' aria description adds the data).
    label: String,
) -> impl IntoView {
    let instance: StoredValue<Option<Echarts>, LocalStorage> = StoredValue::new_local(None);
    let failed = RwSignal::new(None::<String>);
    let dom_id = id.clone();
    Effect::new(move |_| {
        let options = chart.get();
        let dom_id = dom_id.clone();
        // The chart may be gone by the time ECharts has loaded (the person moved on): every
        // access below is a `try_`, so a late load does nothing rather than panic.
        spawn_local(async move {
            if let Err(e) = ensure_echarts().await {
                let _ = failed.try_set(Some(e));
                return;
            }
            let Some(drawn) = instance.try_with_value(|i| i.is_some()) else {
                return;
            };
            if drawn {
                instance.try_with_value(|i| {
                    if let Some(e) = i {
                        WasmRenderer::update(e, &options);
                    }
                });
            } else if document().get_element_by_id(&dom_id).is_some() {
                match WasmRenderer::new_opt(None, Some(height)).render(&dom_id, &options) {
                    Ok(e) => {
                        instance.try_set_value(Some(e));
                    }
                    Err(e) => {
                        let _ = failed.try_set(Some(format!("{e:?}")));
                    }
                }
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.try_with_value(|i| {
            if let Some(e) = i {
                // No size given: ECharts takes its container's.
                e.resize(JsValue::UNDEFINED);
            }
        });
    });
    on_cleanup(move || resize.remove());
    view! {
        <div class="chart" id=id role="img" aria-label=label style=format!("height: {height}px")></div>
        {move || failed.get().map(|e| view! { <p class="panel error" role="alert">{format!("The chart could not be drawn ({e}); the table below has the same numbers.")}</p> })}
    }
}
