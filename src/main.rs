//! Browser entry point: Trunk builds this binary to WebAssembly (with the `hydrate` feature)
//! and it takes over the prerendered page.

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
fn main() {
    cohesion_explorer::start::start();
}

// On the host there is nothing to run: the app only exists in the browser (its pages are
// written by `src/bin/prerender.rs`). The binary still compiles so that `cargo test` on the
// host works across the whole crate.
#[cfg(not(all(target_arch = "wasm32", feature = "hydrate")))]
fn main() {
    eprintln!("Cohesion Explorer runs in the browser: use `scripts/serve.sh` (see README.md).");
}
