//! Indicator data: the formats (a Frictionless data package of two CSV files, SDMX-CSV),
//! validation with positioned errors, a columnar store, and every computation the dashboard
//! shows (series, change and its significance, gaps, the five-dimension profile, trends).

pub mod breakdown;
pub mod datapackage;
pub mod export;
pub mod model;
pub mod page;
pub mod parse;
pub mod period;
pub mod sdmx;
pub mod sensitivity;
pub mod slice_text;
pub mod synth;
pub mod view;
pub mod view_file;
pub mod workload;

pub use model::{Direction, Indicator, Observation, Origin, SeriesKey, SourceLink, Store, Unit};
pub use period::Period;
pub mod matched;
pub mod profile;
pub mod profile_page;
pub mod query;

#[cfg(test)]
mod tests;
