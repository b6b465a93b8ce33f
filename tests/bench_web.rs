//! The browser benchmark: the data core's workload in headless Chromium (the wasm build), and
//! the JavaScript peer (d3-dsv + arquero) on the same text in the same run. Not part of the
//! test suite: `scripts/bench.sh` runs it and prints the table. Figures, not pass/fail.
#![cfg(target_arch = "wasm32")]

use cohesion_explorer::core::indicators::synth::{indicators_csv, observations_csv};
use cohesion_explorer::core::indicators::workload::run;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn field(obj: &JsValue, name: &str) -> f64 {
    Reflect::get(obj, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
async fn benchmark() {
    let peer_url = option_env!("BENCH_PEER_URL").unwrap_or("http://127.0.0.1:8097/peer.js");
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let now = move || performance.now();
    let module = wasm_bindgen_futures::JsFuture::from(
        js_sys::eval(&format!("import('{peer_url}')"))
            .expect("import")
            .unchecked_into::<js_sys::Promise>(),
    )
    .await
    .expect("the JavaScript peer loads (is scripts/bench.sh serving it?)");
    let peer: js_sys::Function = Reflect::get(&module, &JsValue::from_str("run"))
        .expect("run")
        .unchecked_into();
    let mut report = String::from(
        "\nBROWSER BENCHMARK (wasm in headless Chromium; JS peer: d3-dsv + arquero, same run)\n",
    );
    for rows in [10_000usize, 100_000, 1_000_000] {
        let (bytes, timings) = run(rows, &now);
        let js = peer
            .call2(
                &JsValue::NULL,
                &JsValue::from_str(&observations_csv(rows)),
                &JsValue::from_str(&indicators_csv()),
            )
            .expect("peer ran");
        assert_eq!(
            field(&js, "rows") as usize,
            rows,
            "the peer accepted every row too"
        );
        report.push_str(&format!(
            "wasm, {rows} rows ({:.1} MB):\n",
            bytes as f64 / 1_048_576.0
        ));
        for t in &timings {
            let peer_ms = match t.name {
                "parse and validate" => Some(field(&js, "parse_ms")),
                "latest value of every series" => Some(field(&js, "latest_every_series_ms")),
                "gaps against the total, ranked" => Some(field(&js, "gaps_ms")),
                _ => None,
            };
            let compare = peer_ms
                .map(|p| format!("   JS {p:>10.3} ms   JS/wasm {:>6.1}x", p / t.ms.max(1e-6)))
                .unwrap_or_default();
            report.push_str(&format!("  {:<40} {:>10.3} ms{compare}\n", t.name, t.ms));
        }
        report.push_str(&format!(
            "  (JS also spent {:.1} ms building its arquero table)\n",
            field(&js, "table_ms")
        ));
    }
    // A person's own data: a 1,000,000-row labelled SDMX-CSV file beside today's reader on the
    // same rows, and a 1,000 x 100 wide table, read in the Data page's slices.
    use cohesion_explorer::core::owndata::workload::{labelled_sdmx_beside_own_format, report as own_report, wide};
    report.push_str(&own_report("wasm, labelled SDMX-CSV", &labelled_sdmx_beside_own_format(1_000_000, &now)));
    report.push_str(&own_report("wasm, wide table 1,000 x 100", &wide(1000, 100, &now)));
    // The profile's rank ranges: today's groups come from the native benchmark's shipped
    // files; here 1,000 synthetic groups.
    let (groups, ms) = cohesion_explorer::core::indicators::workload::synthetic_rank_ranges(1000, &now);
    report.push_str(&format!("wasm, synthetic: rank ranges, {groups} ranked groups, 400 draws: {ms:.1} ms\n"));
    web_sys::console::log_1(&report.into());
}
