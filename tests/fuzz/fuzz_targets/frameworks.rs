#![no_main]
//! The framework loader must never panic, whatever a framework file holds.
use cohesion_explorer::core::atlas::parse_manifest;
use cohesion_explorer::core::Atlas;
use libfuzzer_sys::fuzz_target;

const MANIFEST: &str = r#"{"schema":"cohesion-explorer/manifest@1","frameworks":["f.json"],"crosswalk":"c.json","sources":[{"seed":"s","title":"T","publisher":"P","year":"Y"}]}"#;

fuzz_target!(|data: &[u8]| {
    let manifest = parse_manifest("m.json", MANIFEST).expect("manifest");
    let text = String::from_utf8_lossy(data).to_string();
    let _ = Atlas::from_texts(&manifest, &[("f.json".to_string(), text.clone())], ("c.json", &text));
});
