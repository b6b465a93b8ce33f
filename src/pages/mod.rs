//! One file per route (the route table is `core::site::Page`, drawn by `app.rs`). Each page
//! is written by the build; the parts of it a person changes are islands.

pub mod about;
pub mod data;
pub mod framework;
pub mod indicator;
pub mod indicators;
pub mod not_found;
pub mod profile;
pub mod worksheet;
