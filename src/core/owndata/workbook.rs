//! Workbooks: Excel's `.xlsx` (and older `.xls`) and OpenDocument's `.ods`, read with
//! `calamine`. A workbook's sheets are listed for the person to choose one; its cells become
//! rows of text, at their sheet row (row 1 is line 1), so the same readers as for a CSV find
//! the title and note rows above and below the table, and every problem's line is the row a
//! person sees in their spreadsheet. Numbers keep every digit the sheet holds; dates become
//! `2023-06-30`, which the readers take as a month.
//!
//! Built into a browser module of its own (the `workbook` feature, `src/bin/workbook.rs`),
//! fetched only when a person chooses a workbook.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

pub use super::workbook_sheet::{likely_sheet, Sheet};

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum WorkbookError {
    /// Not a workbook at all (a zip file of something else, or a damaged file).
    #[error("this is not a workbook the app can open ({0})")]
    NotAWorkbook(String),
    #[error("the workbook has no sheet called \"{0}\"")]
    NoSuchSheet(String),
}

/// Every sheet of a workbook, in its order.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| WorkbookError::NotAWorkbook(e.to_string()))?;
    let names = book.sheet_names();
    Ok(names
        .into_iter()
        .map(|name| {
            let (rows, columns) = match book.worksheet_range(&name) {
                Ok(range) => (range.rows().filter(|r| r.iter().any(|c| *c != Data::Empty)).count(), range.width()),
                Err(_) => (0, 0),
            };
            Sheet { name, rows, columns }
        })
        .collect())
}

/// The cells of sheet `name` as text, row by row from the sheet's first row.
pub fn cells(bytes: &[u8], name: &str) -> Result<Vec<Vec<String>>, WorkbookError> {
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| WorkbookError::NotAWorkbook(e.to_string()))?;
    if !book.sheet_names().iter().any(|n| n == name) {
        return Err(WorkbookError::NoSuchSheet(name.to_string()));
    }
    let range = book.worksheet_range(name).map_err(|e| WorkbookError::NotAWorkbook(e.to_string()))?;
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = vec![String::new(); left];
        cells.extend(row.iter().map(text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    Ok(rows)
}

/// A cell as text, as a CSV export of the sheet would write it.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // `{}` writes the shortest form that reads back as the same number: 2023, not 2023.0.
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::Period;
    use crate::core::owndata::describe::{build, guess};
    use crate::core::owndata::reading::{Outcome, Reading, Step};

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/fixtures/owndata/{name}", env!("CARGO_MANIFEST_DIR"))).expect("a fixture")
    }

    fn read(file: &str, rows: Vec<Vec<String>>) -> Outcome {
        let mut reading = Reading::grid(file, rows);
        loop {
            if let Step::Done(o) = reading.step(1000) {
                return o;
            }
        }
    }

    #[test]
    fn a_workbooks_sheets_and_the_likely_one() {
        let bytes = fixture("working-group.xlsx");
        let list = sheets(&bytes).expect("a workbook");
        let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["About", "Survey", "Dates", "Empty"]);
        assert_eq!(likely_sheet(&list).map(|s| s.name.as_str()), Some("Survey"));
        assert_eq!(cells(&bytes, "Nope"), Err(WorkbookError::NoSuchSheet("Nope".into())));
        assert!(matches!(sheets(b"PK\x03\x04 not really"), Err(WorkbookError::NotAWorkbook(_))));
    }

    #[test]
    fn a_sheet_with_title_and_notes_reads_as_its_table() {
        for file in ["working-group.xlsx", "working-group.ods"] {
            let bytes = fixture(file);
            let rows = cells(&bytes, "Survey").expect("the sheet");
            assert_eq!(rows[3], ["Group", "2022", "2023", "2024"], "{file}");
            let Outcome::Table { table, .. } = read(file, rows) else { panic!("{file}") };
            let d = guess(&table);
            assert!(d.title.starts_with("Illustrative: Residents who feel welcome"), "{file}: {}", d.title);
            assert_eq!(d.source, "our working group's survey of 400 residents a year");
            let b = build(&table, &d, "yours-w", None);
            assert!(b.problems.is_empty(), "{file}: {}", b.problems);
            assert_eq!(b.measure.rows.len(), 9, "{file}");
            let everyone_2024 =
                b.measure.rows.iter().find(|o| o.group_type == "total" && o.period == Period::Year(2024)).unwrap();
            assert_eq!(everyone_2024.value, Some(74.5));
            // Line 6 of the sheet is Māori's row, as the person sees it.
            assert_eq!(table.lines[3], 6);
        }
    }

    #[test]
    fn dates_read_as_their_months() {
        let rows = cells(&fixture("working-group.xlsx"), "Dates").expect("the sheet");
        assert_eq!(rows[1][0], "2023-03-31");
        let Outcome::Table { table, .. } = read("d.xlsx", rows) else { panic!() };
        let b = build(&table, &guess(&table), "yours-d", None);
        assert_eq!(
            b.measure.rows.iter().map(|o| o.period).collect::<Vec<_>>(),
            [Period::Month(2023, 3), Period::Month(2023, 6)]
        );
    }
}
