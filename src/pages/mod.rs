//! One file per route.
//!
//! Each browser build takes over one section's pages (`crate::sections`); in it, a page of
//! another section is `Elsewhere`, so that page's code is not in the build. A build without a
//! section feature has every page.

pub mod about;
pub mod data;
pub mod framework;
pub mod indicator;
pub mod indicators;
pub mod not_found;
pub mod profile;
pub mod worksheet;

/// The pages of the framework section, or `Elsewhere` in another section's build.
#[cfg(not(any(feature = "section-indicators", feature = "section-profile", feature = "section-data")))]
pub mod framework_section {
    pub use super::about::AboutPage;
    pub use super::framework::FrameworkPage;
    pub use super::worksheet::WorksheetPage;
}
#[cfg(any(feature = "section-indicators", feature = "section-profile", feature = "section-data"))]
pub mod framework_section {
    pub use crate::sections::Elsewhere as AboutPage;
    pub use crate::sections::Elsewhere as FrameworkPage;
    pub use crate::sections::Elsewhere as WorksheetPage;
}

/// The pages of the indicators section, or `Elsewhere` in another section's build.
#[cfg(not(any(feature = "section-framework", feature = "section-profile", feature = "section-data")))]
pub mod indicators_section {
    pub use super::indicator::IndicatorPage;
    pub use super::indicators::IndicatorsPage;
}
#[cfg(any(feature = "section-framework", feature = "section-profile", feature = "section-data"))]
pub mod indicators_section {
    pub use crate::sections::Elsewhere as IndicatorPage;
    pub use crate::sections::Elsewhere as IndicatorsPage;
}

/// The profile section's page, or `Elsewhere` in another section's build.
#[cfg(not(any(feature = "section-framework", feature = "section-indicators", feature = "section-data")))]
pub mod profile_section {
    pub use super::profile::ProfilePage;
}
#[cfg(any(feature = "section-framework", feature = "section-indicators", feature = "section-data"))]
pub mod profile_section {
    pub use crate::sections::Elsewhere as ProfilePage;
}

/// The data section's page, or `Elsewhere` in another section's build.
#[cfg(not(any(feature = "section-framework", feature = "section-indicators", feature = "section-profile")))]
pub mod data_section {
    pub use super::data::DataPage;
}
#[cfg(any(feature = "section-framework", feature = "section-indicators", feature = "section-profile"))]
pub mod data_section {
    pub use crate::sections::Elsewhere as DataPage;
}
