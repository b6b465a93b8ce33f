//! The browser's modules: this binary, built to WebAssembly once per module (features
//! `islands-framework`, `islands-indicators`, `islands-data`, `app-module`; see
//! `scripts/post-build.mjs`). It runs nothing by itself: the page's loader (`Trunk.toml`)
//! calls its exports (`start::start_islands`, each island, `start::islands_ready`, or
//! `start::render_page`).

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
fn main() {
    // Links the library in; its exports are the module's.
    let _ = cohesion_explorer::core::site::Page::of as fn(&str) -> _;
}

// On the host there is nothing to run: the app only exists in the browser (its pages are
// written by `src/bin/prerender.rs`). The binary still compiles so that `cargo test` on the
// host works across the whole crate.
#[cfg(not(all(target_arch = "wasm32", feature = "hydrate")))]
fn main() {
    eprintln!("Cohesion Explorer runs in the browser: use `scripts/serve.sh` (see README.md).");
}
