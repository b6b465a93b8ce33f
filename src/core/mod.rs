//! The pure domain of Cohesion Explorer.
//!
//! Context: the app explores social cohesion frameworks (vision, principles, outcomes,
//! indicators ...) and how they map onto each other. The content is data (JSON files under
//! `public/data/frameworks/`), so an agency can load its own without a rebuild; this module
//! turns those files into a validated [`Atlas`] and answers every question a view asks of it.
//!
//! Rule: nothing here imports `leptos`, `web_sys`, `gloo`, `wasm_bindgen` or `charming`.
//! The module compiles and tests on the host with `cargo test`, fast, and the views only read
//! from it. Errors are values ([`DataError`]) that say file, line and column, so a view can show
//! exactly what is wrong with a file rather than going blank.
//!
//! Concepts:
//! - [`framework`]: the serialised schema (manifest, framework files, crosswalk).
//! - [`atlas`]: every framework loaded together, validated, with an index of links.
//! - [`layout`]: where each node of a diagram goes for a given width (pure geometry).
//! - [`crosswalk`]: the matrix of every framework's parts against the five dimensions.
//! - [`catalogue`]: the indicators overview's sections and filters.
//! - [`language`]: which interface language to start in, and `lang` in the URL.
//! - [`embed`]: embed mode, theming parameters, snippets and the resize message.
//! - [`site`]: where every page lives (language and embed prefixes) and how earlier links map.
//! - [`fingerprint`]: which data files a prerendered page was rendered from.
//! - [`worksheet`]: the questions the frameworks ask, and a group's answers as Markdown.
//! - [`records`]: records as tab-separated text, for what the browser modules read cheaply.
//! - [`error`]: data errors with their position.

pub mod atlas;
pub mod catalogue;
pub mod crosswalk;
pub mod embed;
pub mod error;
pub mod fingerprint;
pub mod worksheet;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod framework;
pub mod indicators;
pub mod language;
pub mod layout;
pub mod links;
pub mod order;
pub mod owndata;
pub mod prerender;
pub mod records;
pub mod site;
pub mod text;

pub use atlas::{Atlas, Link};
pub use error::{DataError, DataErrors, Position};
pub use framework::{
    Band, Basis, Diagram, Edge, EdgeKind, FrameworkFile, Manifest, Node, NodeSource, Shape,
};
