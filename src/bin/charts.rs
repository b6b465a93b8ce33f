//! The chart module: a small wasm of its own that turns a chart's data into ECharts options
//! (`charts::request`, built with charming), and writes a view's data as SDMX-CSV or a Data
//! Package (`core::indicators::export`). The app fetches it with ECharts when a page first
//! draws a chart (`charts::render`), so pages without charts never download either. Built by
//! `scripts/post-build.mjs`:
//!
//!   cargo build --release --target wasm32-unknown-unknown --features chart-module --bin charts

/// The options for a chart request (a `ChartRequest` as JSON, or an indicator page's or the
/// profile's chart as its page holds it: `charts::request::answer`; JSON text out); a request
/// it cannot read is an error, with the reason, which the page shows beside the chart's table.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn chart_options(request: &str) -> Result<String, String> {
    cohesion_explorer::charts::request::answer(request)
}

/// A view's data as a file (an `export::ExportRequest` as JSON text, or an indicator page's
/// view as `view_file::request` writes it, in; the file's text out): the file writers live
/// here, beside the charts, so the pages' own modules do not carry them.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn export_data(request: &str) -> Result<String, String> {
    use cohesion_explorer::core::indicators::{export, view_file};
    if request.starts_with('{') {
        export::answer(request)
    } else {
        view_file::answer(request)
    }
}

fn main() {}
