//! Draws a chart with ECharts, loading ECharts (our trimmed bundle) the first time a chart is
//! shown, so pages without charts never download it. Every chart sits beside a data table,
//! follows the light or dark look, resizes with its container, and can be downloaded as PNG
//! and SVG.
//!
//! The binding to ECharts is our own (a handful of calls): options go over as JSON, which
//! keeps charming to what it is good at, building typed options natively.

use std::cell::RefCell;

use charming::Chart;
use leptos::html::Div;
use leptos::prelude::*;

use crate::language::{t, use_i18n};
use leptos::task::spawn_local;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::charts::options::{describe, to_json, Look};
use crate::look::use_look;

/// Where the build puts the bundle (see `index.html`), relative to the base URL.
const ECHARTS_SRC: &str = "echarts.js";

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    type Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init(el: &web_sys::Element, theme: &str, opts: &JsValue) -> Instance;

    /// Server-side style rendering, with no element: how the SVG download is made.
    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init_detached(el: &JsValue, theme: &str, opts: &JsValue) -> Instance;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option(this: &Instance, options: &JsValue, not_merge: bool);

    #[wasm_bindgen(method)]
    fn resize(this: &Instance);

    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &Instance, opts: &JsValue) -> String;

    #[wasm_bindgen(method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &Instance) -> String;
}

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
                    let script = script.unchecked_into::<web_sys::HtmlElement>();
                    script.set_onerror(Some(on_error.unchecked_ref()));
                    script.set_onload(Some(resolve.unchecked_ref()));
                    if let Some(head) = doc.head() {
                        let _ = head.append_child(&script);
                    }
                })
            })
            .clone()
    });
    let result = JsFuture::from(promise).await.map(|_| ()).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the chart library could not be loaded".into())
    });
    if result.is_err() {
        // Let a later chart try again (the network may be back).
        LOADING.with(|slot| slot.borrow_mut().take());
    }
    result
}

fn to_js(chart: &Chart, label: &str) -> JsValue {
    let mut options = to_json(chart);
    describe(&mut options, label);
    serde_json::to_string(&options)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

fn theme_name(look: Look) -> &'static str {
    if look.dark {
        "dark"
    } else {
        ""
    }
}

/// The page's background behind a downloaded image, so it reads outside the app.
fn image_background(look: Look) -> &'static str {
    if look.dark {
        "#1a2326"
    } else {
        "#ffffff"
    }
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Saves `href` as `file` through a temporary link (works for data: and blob: URLs).
fn save(href: &str, file: &str) {
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

/// The chart drawn again as SVG, off screen, at the size it has on the page.
fn svg_of(chart: &Chart, label: &str, look: Look, width: f64, height: f64) -> String {
    let opts = object(&[
        ("renderer", "svg".into()),
        ("ssr", true.into()),
        ("width", width.max(320.0).into()),
        ("height", height.into()),
    ]);
    let detached = init_detached(&JsValue::NULL, theme_name(look), &opts);
    detached.set_option(&to_js(chart, label), true);
    let svg = detached.render_to_svg_string();
    detached.dispose();
    svg
}

fn save_svg(svg: &str, file: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        save(&url, file);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// An ECharts chart drawn into a div of the given height; redrawn when `chart` or the look
/// changes, resized with its container, with PNG and SVG downloads named after `file_stem`.
#[component]
pub fn EChart(
    /// A DOM id unique on the page.
    id: String,
    chart: Signal<Chart>,
    #[prop(default = 320)] height: u32,
    /// What the chart shows, for screen readers (ECharts' aria description adds the data).
    label: String,
    /// Download file names: `{file_stem}.png`, `{file_stem}.svg`.
    file_stem: String,
) -> impl IntoView {
    let instance: StoredValue<Option<(Instance, Look)>, LocalStorage> =
        StoredValue::new_local(None);
    let failed = RwSignal::new(None::<String>);
    let ready = RwSignal::new(false);
    let look = use_look();
    let node = NodeRef::<Div>::new();
    let i18n = use_i18n();
    let (description, svg_label) = (label.clone(), label.clone());
    Effect::new(move |_| {
        let description = description.clone();
        let options = chart.get();
        let look = look.get();
        // The chart may be gone by the time ECharts has loaded (the person moved on): every
        // access below is a `try_`, so a late load does nothing rather than panic.
        spawn_local(async move {
            if let Err(e) = ensure_echarts().await {
                let _ = failed.try_set(Some(e));
                return;
            }
            // Each chart draws in a task of its own, so a page of charts never holds up input.
            crate::next_task::next_task().await;
            let Some(Some(el)) = node.try_get_untracked() else {
                return;
            };
            let js = to_js(&options, &description);
            instance.try_update_value(|slot| {
                // A new look needs a new instance (ECharts themes are fixed at init).
                if slot.as_ref().is_some_and(|(_, l)| *l != look) {
                    if let Some((old, _)) = slot.take() {
                        old.dispose();
                    }
                }
                let (drawn, _) = slot.get_or_insert_with(|| {
                    let opts = object(&[("height", height.into())]);
                    (init(&el, theme_name(look), &opts), look)
                });
                drawn.set_option(&js, true);
            });
            let _ = failed.try_set(None);
            let _ = ready.try_set(true);
        });
    });
    use_resize_observer(node, move |_, _| {
        instance.try_with_value(|i| {
            if let Some((e, _)) = i {
                e.resize();
            }
        });
    });
    on_cleanup(move || {
        instance.try_update_value(|slot| {
            if let Some((e, _)) = slot.take() {
                e.dispose();
            }
        });
    });
    let png_name = format!("{file_stem}.png");
    let svg_name = format!("{file_stem}.svg");
    let download_png = move |_| {
        instance.with_value(|i| {
            if let Some((e, look)) = i {
                let opts = object(&[
                    ("type", "png".into()),
                    ("pixelRatio", 2.into()),
                    ("backgroundColor", image_background(*look).into()),
                ]);
                save(&e.get_data_url(&opts), &png_name);
            }
        })
    };
    let download_svg = move |_| {
        let Some(el) = node.get_untracked() else {
            return;
        };
        let look = look.get_untracked();
        let mut options = chart.get_untracked();
        options = options.background_color(image_background(look));
        save_svg(
            &svg_of(
                &options,
                &svg_label,
                look,
                el.client_width() as f64,
                height as f64,
            ),
            &svg_name,
        );
    };
    view! {
        <div class="chart" class:is-loading=move || !ready.get() id=id node_ref=node role="img" aria-label=label style:height=format!("{height}px")></div>
        {move || failed.get().map(|e| view! { <p class="panel error" role="alert">{t!(i18n, chart.failed, error = move || view! { <span lang="en">{e.clone()}</span> })}</p> })}
        <p class="chart-downloads">
            <button type="button" class="button secondary" disabled=move || !ready.get() on:click=download_png>{t!(i18n, chart.png)}</button>
            <button type="button" class="button secondary" disabled=move || !ready.get() on:click=download_svg>{t!(i18n, chart.svg)}</button>
        </p>
    }
}
