//! One file per route.

pub mod about;
pub mod data;
pub mod framework;
pub mod indicator;
pub mod indicators;
pub mod not_found;
pub mod profile;
pub mod worksheet;
