//! The shipped data files, loaded once for unit tests that need the real frameworks and
//! indicators rather than a hand-made miniature.

use std::sync::OnceLock;

use super::atlas::{parse_manifest, Atlas};
use super::indicators::parse::{read_indicators, read_observations};
use super::indicators::Store;

fn read(path: &str) -> String {
    let full = format!("{}/public/data/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Every framework and the crosswalk, as the app ships them.
pub fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        let manifest = parse_manifest("manifest.json", &read("frameworks/manifest.json"))
            .unwrap_or_else(|e| panic!("{e}"));
        let files: Vec<(String, String)> = manifest
            .frameworks
            .iter()
            .map(|f| (f.clone(), read(&format!("frameworks/{f}"))))
            .collect();
        let crosswalk = read(&format!("frameworks/{}", manifest.crosswalk));
        Atlas::from_texts(&manifest, &files, (&manifest.crosswalk, &crosswalk))
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The shipped indicators and observations.
pub fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let inds = read_indicators(
            "indicators.csv",
            read("indicators/indicators.csv").as_bytes(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let read = read_observations(
            "observations.csv",
            read("indicators/observations.csv").as_bytes(),
            inds,
        );
        assert!(read.errors.is_empty(), "{}", read.errors);
        read.store
    })
}
