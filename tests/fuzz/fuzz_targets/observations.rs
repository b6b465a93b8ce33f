#![no_main]
//! The observations reader must never panic, whatever the bytes.
use cohesion_explorer::core::indicators::parse::{read_indicators, read_observations};
use cohesion_explorer::core::indicators::synth::indicators_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let indicators = read_indicators("i.csv", indicators_csv().as_bytes()).unwrap_or_default();
    let read = read_observations("f.csv", data, indicators);
    assert!(read.store.len() <= read.rows_read);
});
