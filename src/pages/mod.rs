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

/// A section's pages: the components themselves where this build holds the section (or every
/// page), `Elsewhere` under the same names in a build for one of the `others`.
macro_rules! section_pages {
    ($module:ident, others = [$($other:literal),+], { $($page:ident = $path:path),+ $(,)? }) => {
        #[cfg(not(any($(feature = $other),+)))]
        pub mod $module {
            $(pub use $path as $page;)+
        }
        #[cfg(any($(feature = $other),+))]
        pub mod $module {
            $(pub use crate::sections::Elsewhere as $page;)+
        }
    };
}

section_pages!(framework_section, others = ["section-indicators", "section-profile", "section-data"], {
    AboutPage = super::about::AboutPage,
    FrameworkPage = super::framework::FrameworkPage,
    WorksheetPage = super::worksheet::WorksheetPage,
});
section_pages!(indicators_section, others = ["section-framework", "section-profile", "section-data"], {
    IndicatorPage = super::indicator::IndicatorPage,
    IndicatorsPage = super::indicators::IndicatorsPage,
});
section_pages!(profile_section, others = ["section-framework", "section-indicators", "section-data"], {
    ProfilePage = super::profile::ProfilePage,
});
section_pages!(data_section, others = ["section-framework", "section-indicators", "section-profile"], {
    DataPage = super::data::DataPage,
});
