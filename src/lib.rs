//! Cohesion Explorer: New Zealand's social cohesion frameworks and the evidence behind them.
//!
//! `core` is the pure domain (framework model, validation, layout and every computation behind
//! a view). It compiles and tests on the host. Everything else is the browser's view layer and
//! only exists in the wasm32 build.

pub mod core;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod pages;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Mounts the app on `<body>`. Called once from `main`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
