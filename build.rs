//! Generates the interface's string tables (`i18n` module) from `locales/en.json` and
//! `locales/mi.json` with `leptos_i18n_build`, the way leptos_i18n 0.6 asks for. Only the
//! view layer uses them (the browser build and the build-time renderer, both through the
//! `view` feature); the core alone (`cargo test`) skips the work.

use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_VIEW").is_none() {
        return;
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // `interpolate_display`: strings with values in them are also needed as plain text
    // (aria-labels, the page title), not only as views.
    let config = Config::new("en")
        .and_then(|c| c.add_locale("mi"))
        .expect("valid locale names")
        .parse_options(ParseOptions::default().interpolate_display(true));
    let infos = TranslationsInfos::parse(config).unwrap_or_else(|e| panic!("locales/: {e}"));
    infos.rerun_if_locales_changed();
    infos.emit_diagnostics();
    infos
        .generate_i18n_module(out.join("i18n"))
        .unwrap_or_else(|e| panic!("generating the i18n module: {e}"));
}
