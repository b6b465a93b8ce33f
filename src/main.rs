//! Browser entry point: Trunk builds this binary to WebAssembly and it mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    cohesion_explorer::start();
}

// On the host there is nothing to run: the app only exists in the browser. The binary still
// compiles so that `cargo test` on the host works across the whole crate.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Cohesion Explorer runs in the browser: use `scripts/serve.sh` (see README.md).");
}
