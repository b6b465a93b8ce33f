//! Charts: pure functions from the core's views to ECharts options (built with charming,
//! tested natively), and in the browser a component that loads ECharts on first use and draws.

pub mod indicator_chart;
pub mod options;
pub mod profile_chart;
pub mod request;
#[cfg(feature = "view")]
pub mod render;
