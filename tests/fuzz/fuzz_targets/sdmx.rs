#![no_main]
//! The SDMX-CSV import must never panic, whatever the bytes.
use cohesion_explorer::core::indicators::parse::read_indicators;
use cohesion_explorer::core::indicators::sdmx::{read_sdmx, SdmxMapping};
use cohesion_explorer::core::indicators::synth::indicators_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let indicators = read_indicators("i.csv", indicators_csv().as_bytes()).unwrap_or_default();
    let mapping: SdmxMapping = serde_json::from_str(r#"{"indicator":"synthetic_0","group_column":"GROUP","group_type":"g"}"#).expect("mapping");
    let _ = read_sdmx("s.csv", data, &mapping, indicators);
});
