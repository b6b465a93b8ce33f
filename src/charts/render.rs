//! Draws a chart with ECharts, loading ECharts (our trimmed bundle) and the chart module (which
//! builds the options with charming, see `request`) the first time a chart is shown, so pages
//! without charts download neither. Every chart sits beside a data table, follows the light or
//! dark look, resizes with its container, and can be downloaded as PNG and SVG.
//!
//! The binding to ECharts is our own (a handful of calls): options go over as JSON. What a
//! chart shows is a [`ChartSource`]: a request as data, or a page's own text (its slice and
//! choice) that the chart module works the chart out from.

// At build time only the markup is written; the drawing is the browser's.
#![cfg_attr(not(feature = "hydrate"), allow(dead_code))]

use std::cell::RefCell;

use leptos::html::Div;
use leptos::prelude::*;

use crate::language::{t, use_i18n};
#[cfg(feature = "hydrate")]
use leptos::task::spawn_local;
#[cfg(feature = "hydrate")]
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::charts::options::Look;
use crate::charts::request::{ChartRequest, ChartSource};

/// Where the build puts the bundle (see `index.html`), relative to the base URL.
const ECHARTS_SRC: &str = "echarts.js";
/// Where the build puts the chart module (`scripts/post-build.mjs`), relative to the base URL.
const MODULE_JS: &str = "charts.js";
const MODULE_WASM: &str = "charts_bg.wasm";

// A dynamic import is JavaScript syntax (see src/load.js).
#[wasm_bindgen(module = "/src/load.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_module(js: &str, wasm: &str) -> Result<JsValue, JsValue>;
}

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

    /// `setOption` with its settings object (`notMerge`, `lazyUpdate`).
    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_with(this: &Instance, options: &JsValue, settings: &JsValue);

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
    /// The chart module's `chart_options`, once loaded.
    static MODULE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The chart module's `export_data`, once loaded.
    static EXPORT: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// An address next to the app (under `<base href>`).
fn beside_app(file: &str) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(file, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| file.to_string())
}

/// Loads the chart module once; later calls reuse it.
async fn ensure_module() -> Result<js_sys::Function, String> {
    if let Some(f) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(f);
    }
    let both: js_sys::Array = load_module(&beside_app(MODULE_JS), &beside_app(MODULE_WASM))
        .await
        .map_err(|_| "the chart module could not be loaded".to_string())?
        .unchecked_into();
    let f = both
        .get(0)
        .dyn_into::<js_sys::Function>()
        .map_err(|_| "the chart module has no chart_options".to_string())?;
    let export = both.get(1).dyn_into::<js_sys::Function>().ok();
    MODULE.with(|m| *m.borrow_mut() = Some(f.clone()));
    EXPORT.with(|m| *m.borrow_mut() = export);
    Ok(f)
}

/// A view's data written as a file by the chart module (loaded if it is not yet): an
/// `export::ExportRequest` as JSON text in, the file's text out.
pub async fn export(request: &str) -> Result<String, String> {
    ensure_module().await?;
    let f = EXPORT
        .with(|m| m.borrow().clone())
        .ok_or_else(|| "the chart module has no export_data".to_string())?;
    let text = f
        .call1(&JsValue::NULL, &JsValue::from_str(request))
        .map_err(|e| e.as_string().unwrap_or_else(|| "the chart module failed".into()))?;
    text.as_string().ok_or_else(|| "the chart module gave no file".to_string())
}

/// ECharts and the chart module, both loaded.
async fn ensure_charts() -> Result<js_sys::Function, String> {
    let (echarts, module) = futures::join!(ensure_echarts(), ensure_module());
    echarts?;
    module
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

/// The options for `request` (with `background`, for a downloaded image), from the chart
/// module, as a JavaScript object.
fn to_js<R: ChartSource>(module: &js_sys::Function, request: &R, background: Option<&str>) -> Result<JsValue, String> {
    let text = request.module_text(background);
    let options = module
        .call1(&JsValue::NULL, &JsValue::from_str(&text))
        .map_err(|e| e.as_string().unwrap_or_else(|| "the chart module failed".into()))?;
    let options = options.as_string().ok_or("the chart module gave no options")?;
    js_sys::JSON::parse(&options).map_err(|_| "the chart module gave options that are not JSON".to_string())
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

/// The chart drawn again as SVG, off screen, at the size it has on the page.
fn svg_of<R: ChartSource>(module: &js_sys::Function, request: &R, width: f64, height: f64) -> Result<String, String> {
    let opts = object(&[
        ("renderer", "svg".into()),
        ("ssr", true.into()),
        ("width", width.max(320.0).into()),
        ("height", height.into()),
    ]);
    let look = request.look();
    let options = to_js(module, request, Some(image_background(look)))?;
    let detached = init_detached(&JsValue::NULL, theme_name(look), &opts);
    detached.set_option(&options, true);
    let svg = detached.render_to_svg_string();
    detached.dispose();
    Ok(svg)
}

/// Whether the box holds the pictures the build drew (`scripts/chart-pictures.mjs`), those in
/// the request's look show `request`, and one of them was drawn within a fifth of the box's
/// width (a picture drawn much narrower or wider would be shown too small, or with its sides
/// empty): then ECharts need not load until the person reaches for the chart.
fn pictures<R: ChartSource>(el: &web_sys::Element, request: &R) -> bool {
    // Once ECharts draws, the pictures are gone: a chart's later changes are not fingerprinted.
    let Ok(drawn) = el.query_selector_all(".chart-picture") else {
        return false;
    };
    let mark = if request.look().dark { "data-pictured-dark" } else { "data-pictured" };
    if drawn.length() == 0 || el.get_attribute(mark).is_none_or(|mark| mark != request.fingerprint()) {
        return false;
    }
    let width = f64::from(el.client_width());
    (0..drawn.length()).filter_map(|i| drawn.item(i)).any(|picture| {
        let drawn_at = picture
            .unchecked_ref::<web_sys::Element>()
            .get_attribute("data-width")
            .and_then(|w| w.parse::<f64>().ok())
            .unwrap_or(0.0);
        drawn_at > 0.0 && (width / drawn_at - 1.0).abs() <= 0.2
    })
}

/// An ECharts chart drawn into a div of the given height; redrawn when its request (what it
/// shows, and its look) changes, resized with its container, with PNG and SVG downloads named
/// after `file_stem`.
///
/// A prerendered page comes with the chart already drawn, as SVG, by the build, in the light
/// look and the dark (the options go to the build in `data-picture` and `data-picture-dark`,
/// and the pictures are marked with their requests' fingerprints in `data-pictured` and
/// `data-pictured-dark`; the stylesheet shows those in the page's look). ECharts, the slowest
/// thing a chart page runs, then loads only when it is needed: when the chart should show
/// something other than its picture (the person chose groups), when neither picture fits the
/// box, when the pointer reaches the chart (for its tooltips), or when a download is asked for.
///
/// The markup is the same wherever the chart is: the browser's side ([`take_over_chart`]) takes
/// it over, so an island that only changes what a prerendered page shows can draw its charts
/// without rendering them.
#[component]
pub fn EChart(
    /// A DOM id unique on the page.
    id: String,
    request: Signal<ChartRequest>,
    #[prop(default = 320)] height: u32,
    /// What the chart shows, for screen readers (ECharts' aria description adds the data).
    label: String,
    /// Download file names: `{file_stem}.png`, `{file_stem}.svg`.
    file_stem: String,
) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| take_over_chart(el.into(), request));
    chart_markup(id, request, height, label, file_stem, root)
}

/// What a chart is on the page: its box (with the build's pictures, on a prerendered page),
/// the sentence said if it cannot be drawn, and its downloads.
pub fn chart_markup<R: ChartSource>(
    id: String,
    request: Signal<R>,
    height: u32,
    label: String,
    file_stem: String,
    root: NodeRef<Div>,
) -> impl IntoView {
    let i18n = use_i18n();
    // At build time: the options for the build to draw in each look, and the marks of what
    // they show.
    #[cfg(feature = "ssr")]
    let [(picture, pictured), (picture_dark, pictured_dark)] = [false, true].map(|dark| {
        let in_look = request.get_untracked().in_look(Look { dark });
        (Some(in_look.options_json()), Some(in_look.fingerprint()))
    });
    #[cfg(not(feature = "ssr"))]
    let [(picture, pictured), (picture_dark, pictured_dark)] = {
        let _ = request;
        [(); 2].map(|_| (None::<String>, None::<String>))
    };
    view! {
        <div class="echart" node_ref=root data-file-stem=file_stem data-height=height>
            <div class="chart is-loading" id=id role="img" aria-label=label
                style:height=format!("{height}px") data-picture=picture data-pictured=pictured
                data-picture-dark=picture_dark data-pictured-dark=pictured_dark></div>
            // Said, in its own alert, if the chart cannot be drawn (the error in English).
            <span class="chart-failed" hidden>{t!(i18n, chart.failed, error = move || view! { <span lang="en" class="chart-error"></span> })}</span>
            <p class="chart-downloads">
                <button type="button" class="button secondary chart-png">{t!(i18n, chart.png)}</button>
                <button type="button" class="button secondary chart-svg">{t!(i18n, chart.svg)}</button>
            </p>
        </div>
    }
}

/// The browser's side of a chart's markup ([`chart_markup`]): draws `request` as it changes,
/// resizes with the box, says when it cannot draw, and downloads.
#[cfg(feature = "hydrate")]
pub fn take_over_chart<R: ChartSource>(root: web_sys::Element, request: Signal<R>) {
    use crate::dom::{attr, class, first, target};
    let Some(node) = first(&root, ".chart") else { return };
    let height: u32 = attr(&root, "data-height").parse().unwrap_or(320);
    let file_stem = attr(&root, "data-file-stem");
    let instance: StoredValue<Option<(Instance, Look)>, LocalStorage> = StoredValue::new_local(None);
    let ready = RwSignal::new(false);
    // Set when the person reaches for the chart: ECharts then loads even if the picture is right.
    let wanted = RwSignal::new(false);
    // Why the chart could not be drawn, shown in an alert of its own after the box.
    let failed = {
        let (root, node) = (root.clone(), node.clone());
        move |error: Option<String>| {
            if let Some(old) = first(&root, ".chart-alert") {
                old.remove();
            }
            let (Some(error), Some(sentence)) = (error, first(&root, ".chart-failed")) else { return };
            let Ok(alert) = document().create_element("p") else { return };
            let _ = alert.set_attribute("class", "panel error chart-alert");
            let _ = alert.set_attribute("role", "alert");
            if let Ok(copy) = sentence.clone_node_with_deep(true) {
                let copy: web_sys::Element = copy.unchecked_into();
                let _ = copy.remove_attribute("hidden");
                if let Some(slot) = first(&copy, ".chart-error") {
                    slot.set_text_content(Some(&error));
                }
                let _ = alert.append_child(&copy);
            }
            let _ = node.after_with_node_1(&alert);
        }
    };
    {
        let node = node.clone();
        Effect::new(move |_| class(&node, "is-loading", !ready.get()));
    }

    // Draws `request` with ECharts (loaded first if it is not yet). `lazy`: ECharts takes the
    // options in now and draws in the next frame, so its first draw on a page (its slowest) is
    // two shorter tasks, not one; a download needs the drawing at once.
    let draw = {
        let node = node.clone();
        move |request: R, lazy: bool| {
            let node = node.clone();
            async move {
                if lazy {
                    // Loaded (ECharts' evaluation is one long task) only once the page has
                    // shown what the person did (a ticked box, a moved slider)...
                    crate::next_task::after_paint().await;
                }
                let module = ensure_charts().await?;
                if lazy {
                    // ...and drawn after that, each chart in a task of its own: charts never
                    // hold up input.
                    crate::next_task::after_paint().await;
                }
                // The chart may be gone by the time ECharts has loaded (the person moved on).
                if !node.is_connected() {
                    return Ok(());
                }
                let js = to_js(&module, &request, None)?;
                let look = request.look();
                instance.try_update_value(|slot| {
                    // A new look needs a new instance (ECharts themes are fixed at init).
                    if slot.as_ref().is_some_and(|(_, l)| *l != look) {
                        if let Some((old, _)) = slot.take() {
                            old.dispose();
                        }
                    }
                    let (drawn, _) = slot.get_or_insert_with(|| {
                        // ECharts draws into an empty box: the build's pictures go (no markup is
                        // parsed: removing the children is all this does).
                        node.set_text_content(None);
                        let opts = object(&[("height", height.into())]);
                        (init(&node, theme_name(look), &opts), look)
                    });
                    drawn.set_option_with(&js, &object(&[("notMerge", true.into()), ("lazyUpdate", lazy.into())]));
                });
                let _ = ready.try_set(true);
                Ok::<(), String>(())
            }
        }
    };
    {
        let (draw, node, failed) = (draw.clone(), node.clone(), failed.clone());
        Effect::new(move |_| {
            let request = request.get();
            let reached = wanted.get();
            let pictured_already = pictures(&node, &request);
            if pictured_already && !reached {
                return;
            }
            let (draw, failed) = (draw.clone(), failed.clone());
            spawn_local(async move {
                // Reached for, the picture still says it all: a failed load (offline) is no news.
                match (draw(request, true).await, pictured_already) {
                    (Err(e), false) => failed(Some(e)),
                    (Ok(()), _) => failed(None),
                    _ => {}
                }
            });
        });
    }
    // Only a picture needs ECharts brought in; a chart ECharts already draws has its tooltips.
    for kind in ["pointerenter", "pointerdown"] {
        crate::dom::listen(&node, kind, move |_| {
            if !wanted.get_untracked() && instance.with_value(Option::is_none) {
                wanted.set(true);
            }
        });
    }
    use_resize_observer(node.clone(), move |_, _| {
        instance.try_with_value(|i| {
            if let Some((e, _)) = i {
                e.resize();
            }
        });
    });
    // A download draws the chart first if only its picture is there yet.
    crate::dom::listen(&root.clone(), "click", move |ev: web_sys::Event| {
        let (draw, failed, node) = (draw.clone(), failed.clone(), node.clone());
        if target(&ev, ".chart-png").is_some() {
            let png_name = format!("{file_stem}.png");
            spawn_local(async move {
                if !ready.get_untracked() {
                    if let Err(e) = draw(request.get_untracked(), false).await {
                        return failed(Some(e));
                    }
                }
                instance.with_value(|i| {
                    if let Some((e, look)) = i {
                        let opts = object(&[("type", "png".into()), ("pixelRatio", 2.into()), ("backgroundColor", image_background(*look).into())]);
                        crate::download::save_href(&e.get_data_url(&opts), &png_name);
                    }
                })
            });
        } else if target(&ev, ".chart-svg").is_some() {
            let svg_name = format!("{file_stem}.svg");
            spawn_local(async move {
                let module = match ensure_charts().await {
                    Ok(m) => m,
                    Err(e) => return failed(Some(e)),
                };
                match svg_of(&module, &request.get_untracked(), node.client_width() as f64, height as f64) {
                    Ok(svg) => crate::download::save_text(&svg, "image/svg+xml", &svg_name),
                    Err(e) => failed(Some(e)),
                }
            });
        }
    });
    on_cleanup(move || {
        instance.try_update_value(|slot| {
            if let Some((e, _)) = slot.take() {
                e.dispose();
            }
        });
    });
}
