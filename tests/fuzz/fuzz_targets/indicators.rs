#![no_main]
//! The indicators reader must never panic, whatever the bytes.
use cohesion_explorer::core::indicators::parse::read_indicators;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_indicators("i.csv", data);
});
