//! A person's own data, as they have it: files as Stats NZ publishes them (Aotearoa Data
//! Explorer's SDMX-CSV in each label mode, Infoshare tables), tidy tables with any column
//! names, wide tables either way round, workbooks, and tables pasted from a spreadsheet or a
//! web page. Everything happens in the browser; nothing is uploaded.
//!
//! The pipeline, each step its own module:
//! 1. [`sniff`]: what the bytes are (text, a workbook, JSON, or not a table at all);
//! 2. [`decode`]: the text (UTF-8, UTF-16, or Windows-1252);
//! 3. [`reading`]: the layout, found from the first rows ([`sdmx`], [`grid`]), then every
//!    record read into a long table ([`table`]) in slices, so a large file never blocks the
//!    page; the notes below a table are kept ([`notes`]);
//! 4. [`describe`]: what each column is (the period, the groups, the figures, a dimension held
//!    to one value), what the figures measure (title, unit, direction, source), with totals
//!    recognised as everyone ([`totals`]); then the person's measure, built and checked;
//! 5. [`keep`]: the measure as text the browser can keep between visits, and read back.
//!
//! Workbooks are read by [`workbook`] (with the `workbook` feature: the browser loads it as a
//! module of its own, only when a workbook is chosen).

pub mod cells;
pub mod decode;
pub mod describe;
pub mod grid;
pub mod keep;
pub mod measures;
pub mod notes;
pub mod pace;
pub mod reading;
pub mod records;
pub mod sdmx;
pub mod sniff;
pub mod table;
pub mod totals;
pub mod workbook_sheet;
pub mod workload;
#[cfg(feature = "workbook")]
pub mod workbook;

#[cfg(test)]
mod tests;
