//! The workbook module: `core::owndata::workbook` (calamine) in a wasm of its own, which the
//! Data page runs in a worker (`public/workbook-worker.js`) only when a person chooses a
//! workbook, so no other page, and no other file, ever downloads it, and a large workbook is
//! read off the page's thread.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// The workbook's sheets, as JSON (`[{"name", "rows", "columns"}]`), or why it cannot be read.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn workbook_sheets(bytes: &[u8]) -> Result<String, String> {
    let sheets = cohesion_explorer::core::owndata::workbook::sheets(bytes).map_err(|e| e.to_string())?;
    serde_json::to_string(&sheets).map_err(|e| e.to_string())
}

/// The cells of one sheet, as JSON rows of text, or why they cannot be read.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn workbook_cells(bytes: &[u8], sheet: &str) -> Result<String, String> {
    let rows = cohesion_explorer::core::owndata::workbook::cells(bytes, sheet).map_err(|e| e.to_string())?;
    serde_json::to_string(&rows).map_err(|e| e.to_string())
}

fn main() {}
