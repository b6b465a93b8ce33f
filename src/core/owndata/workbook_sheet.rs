//! A workbook's sheets, as the person chooses between them (the reading itself is
//! `workbook`'s, in a module of its own).

/// A sheet, for the person to choose.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sheet {
    pub name: String,
    /// Rows and columns holding anything.
    pub rows: usize,
    pub columns: usize,
}

/// The first sheet that holds a table (more than one filled column), else the first sheet.
pub fn likely_sheet(sheets: &[Sheet]) -> Option<&Sheet> {
    sheets.iter().find(|s| s.rows > 1 && s.columns > 1).or(sheets.first())
}

