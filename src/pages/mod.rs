//! One file per route.

pub mod about;
pub mod data;
pub mod framework;
pub mod indicators;
pub mod not_found;
