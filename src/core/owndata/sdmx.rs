//! SDMX-CSV as Aotearoa Data Explorer and other .Stat Suite sites download it, in each of its
//! label modes (the SDMX-CSV field guide's `labels` option):
//! - codes only: `STRUCTURE,STRUCTURE_ID,ACTION,AREA,TIME_PERIOD,OBS_VALUE`;
//! - names: `STRUCTURE_NAME` after `STRUCTURE_ID`, and each component's column followed by a
//!   column headed with its name (`CEN23_GEO_008,Area`), holding each code's name;
//! - both: `AREA: Area` in the header and `01: Northland Region` in the cells.
//!
//! Version 1 files (`DATAFLOW` first) read the same way. Every dimension is kept, whatever
//! the dataflow calls it; the describe step finds the time dimension by its name and values.
//! `STRUCTURE_NAME` is the title, the agency in `STRUCTURE_ID` the source, `OBS_STATUS` a
//! column of its own.

use super::records::RecordRef;
use super::table::{About, Kind, Labels, TableBuilder};

/// Whether a header row is SDMX-CSV's.
pub fn is_sdmx(header: RecordRef<'_>) -> bool {
    let first = header.get(0).trim_start_matches('\u{feff}').trim();
    first == "STRUCTURE"
        || first.starts_with("STRUCTURE[")
        || first == "DATAFLOW"
        || first.starts_with("DATAFLOW:")
        || (0..header.len()).any(|i| component_id(header.get(i)) == "OBS_VALUE")
}

fn component_id(cell: &str) -> &str {
    let cell = cell.trim();
    cell.split_once(": ").map_or(cell, |(id, _)| id.trim())
}

/// What each of the file's columns is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// The structure's id (and, with labels both, its name).
    StructureId,
    StructureName,
    Action,
    Skip,
    /// A component's codes (or values), into table column `usize`.
    Code(usize),
    /// The names of the codes in table column `usize`.
    Name(usize),
}

/// How to read an SDMX-CSV file's rows, from its header.
#[derive(Debug, Clone)]
pub struct SdmxPlan {
    pub labels: Labels,
    fields: Vec<Field>,
    /// Table columns: (id, name, kind).
    pub columns: Vec<(String, String, Kind)>,
    /// The file column (from 0) of OBS_VALUE.
    pub value_field: usize,
}

impl SdmxPlan {
    /// The plan for this header, or `None` if it has no `OBS_VALUE`.
    pub fn from_header(header: RecordRef<'_>) -> Option<SdmxPlan> {
        let cells: Vec<String> =
            (0..header.len()).map(|i| header.get(i).trim_start_matches('\u{feff}').trim().to_string()).collect();
        let names_mode = cells.iter().any(|c| c == "STRUCTURE_NAME");
        let both_mode = cells.iter().any(|c| c.contains(": "));
        let labels = if names_mode {
            Labels::Names
        } else if both_mode {
            Labels::Both
        } else {
            Labels::Codes
        };
        let mut fields = Vec::with_capacity(cells.len());
        let mut columns: Vec<(String, String, Kind)> = Vec::new();
        let mut value_field = None;
        let mut i = 0;
        while i < cells.len() {
            let cell = &cells[i];
            let id = component_id(cell);
            let fixed = match id {
                "STRUCTURE" | "DATAFLOW" => Some(Field::StructureId),
                _ if id.starts_with("STRUCTURE[") => Some(Field::Skip),
                "STRUCTURE_ID" => Some(Field::StructureId),
                "STRUCTURE_NAME" => Some(Field::StructureName),
                "ACTION" => Some(Field::Action),
                "SERIES_KEY" | "OBS_KEY" => Some(Field::Skip),
                _ => None,
            };
            if let Some(f) = fixed {
                // SDMX-CSV 2.0's first column only says the kind of structure; its id is next.
                let f = if id == "STRUCTURE" && cells.get(i + 1).is_some_and(|c| c == "STRUCTURE_ID") {
                    Field::Skip
                } else {
                    f
                };
                fields.push(f);
                i += 1;
                continue;
            }
            let name = match cell.split_once(": ") {
                Some((_, name)) => name.trim().to_string(),
                None if names_mode => cells.get(i + 1).cloned().unwrap_or_default(),
                None => id.to_string(),
            };
            let col = columns.len();
            let kind = if id == "OBS_VALUE" { Kind::Numbers } else { Kind::Codes };
            if id == "OBS_VALUE" {
                value_field = Some(i);
            }
            columns.push((id.to_string(), if name.is_empty() { id.to_string() } else { name }, kind));
            fields.push(Field::Code(col));
            // With labels=name every component's column is followed by its names'.
            if names_mode && i + 1 < cells.len() {
                fields.push(Field::Name(col));
                i += 2;
            } else {
                i += 1;
            }
        }
        Some(SdmxPlan { labels, fields, columns, value_field: value_field? })
    }

    /// How many fields a row of this file has.
    pub fn width(&self) -> usize {
        self.fields.len()
    }

    /// Reads one data row into the table; says whether it was one (a `D`elete row is not).
    pub fn take(&self, row: RecordRef<'_>, line: u32, table: &mut TableBuilder, about: &mut About) -> bool {
        for (i, field) in self.fields.iter().enumerate() {
            let cell = row.get(i);
            match *field {
                Field::Action if cell.trim().eq_ignore_ascii_case("D") => {
                    table.abandon_row();
                    return false;
                }
                Field::StructureId if about.reference.is_none() => {
                    let (reference, name) = match cell.split_once(": ") {
                        Some((r, n)) => (r.trim(), Some(n.trim())),
                        None => (cell.trim(), None),
                    };
                    if !reference.is_empty() {
                        about.reference = Some(reference.to_string());
                        about.source = agency_name(reference).map(str::to_string);
                    }
                    if let Some(n) = name.filter(|n| !n.is_empty()) {
                        about.title.get_or_insert_with(|| n.to_string());
                    }
                }
                Field::StructureName if about.title.is_none() && !cell.trim().is_empty() => {
                    about.title = Some(cell.trim().to_string());
                }
                Field::Code(col) => {
                    // `CODE: Name` (labels=both); some files write cells so under plain headers.
                    match cell.split_once(": ").filter(|(code, _)| self.columns[col].2 == Kind::Codes && is_code(code)) {
                        Some((code, name)) => {
                            table.push(col, code);
                            table.name_last(col, name);
                        }
                        None => table.push(col, cell),
                    }
                }
                Field::Name(col) => table.name_last(col, cell),
                _ => {}
            }
        }
        table.end_row(line, self.value_field as u16 + 1);
        true
    }
}

/// Whether text is an SDMX code (`_T`, `CEN23_GEO_008`, `01`, `Y15T24`), not words.
fn is_code(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 40 && t.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '$' | '-' | '.'))
}

/// A publisher's name for the agency that starts a structure's id (`STATSNZ:…`), where it is
/// one people would not recognise from the id alone.
pub fn agency_name(reference: &str) -> Option<&str> {
    let agency = reference.split(':').next()?.trim();
    if agency.is_empty() || agency == reference.trim() && !reference.contains(':') {
        return None;
    }
    Some(match agency {
        "STATSNZ" => "Stats NZ",
        "ESTAT" => "Eurostat",
        "ABS" => "Australian Bureau of Statistics",
        "IMF" => "International Monetary Fund",
        a if a.starts_with("OECD") => "OECD",
        a => a,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::owndata::table::{Cells, Layout};

    fn rec(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn read(header: &[&str], rows: &[&[&str]]) -> (SdmxPlan, crate::core::owndata::table::Table) {
        let h = rec(header);
        let plan = SdmxPlan::from_header(RecordRef::Cells(&h)).expect("a plan");
        let mut table = TableBuilder::new(plan.columns.clone());
        let mut about = About::default();
        for (i, r) in rows.iter().enumerate() {
            let r = rec(r);
            plan.take(RecordRef::Cells(&r), i as u32 + 2, &mut table, &mut about);
        }
        (plan.clone(), table.finish("f.csv", Layout::Sdmx(plan.labels), about))
    }

    #[test]
    fn names_mode_pairs_each_code_with_its_name() {
        let (plan, t) = read(
            &[
                "STRUCTURE",
                "STRUCTURE_ID",
                "STRUCTURE_NAME",
                "ACTION",
                "CEN23_YEAR_001",
                "Census year",
                "CEN23_GEO_008",
                "Area",
                "OBS_VALUE",
                "Observation Value",
                "OBS_STATUS",
                "Observation Status",
            ],
            &[
                &[
                    "DATAFLOW",
                    "STATSNZ:CEN23_X(1.0)",
                    "People who feel welcome, 2018 and 2023",
                    "I",
                    "2018",
                    "2018",
                    "01",
                    "Northland Region",
                    "12.5",
                    "",
                    "",
                    "",
                ],
                &[
                    "DATAFLOW",
                    "STATSNZ:CEN23_X(1.0)",
                    "People who feel welcome, 2018 and 2023",
                    "I",
                    "2023",
                    "2023",
                    "99",
                    "Total - New Zealand",
                    "",
                    "",
                    "C",
                    "Confidential",
                ],
            ],
        );
        assert_eq!(plan.labels, Labels::Names);
        let ids: Vec<&str> = t.columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["CEN23_YEAR_001", "CEN23_GEO_008", "OBS_VALUE", "OBS_STATUS"]);
        assert_eq!(t.columns[1].name, "Area");
        assert_eq!(t.columns[1].text(0), "Northland Region");
        assert_eq!(t.columns[3].text(1), "Confidential");
        assert_eq!(t.about.title.as_deref(), Some("People who feel welcome, 2018 and 2023"));
        assert_eq!(t.about.source.as_deref(), Some("Stats NZ"));
        assert_eq!(t.columns[2].figure_at(0), (Some(12.5), None));
        assert_eq!(t.value_columns, vec![9, 9]);
    }

    #[test]
    fn both_mode_splits_codes_from_names() {
        let (plan, t) = read(
            &[
                "STRUCTURE",
                "STRUCTURE_ID",
                "ACTION",
                "AREA: Area",
                "TIME_PERIOD: Time period",
                "OBS_VALUE: Observation value",
            ],
            &[&["dataflow", "STATSNZ:DF_X(1.0): Feeling welcome", "I", "01: Northland Region", "2023", "40.1"]],
        );
        assert_eq!(plan.labels, Labels::Both);
        assert_eq!(t.columns[0].name, "Area");
        assert!(
            matches!(&t.columns[0].cells, Cells::Codes { codes, names, .. } if codes[0] == "01" && names[0] == "Northland Region")
        );
        assert_eq!(t.about.title.as_deref(), Some("Feeling welcome"));
        assert_eq!(t.about.reference.as_deref(), Some("STATSNZ:DF_X(1.0)"));
    }

    #[test]
    fn cells_with_names_under_plain_headers() {
        let (_, t) = read(&["DATAFLOW", "ETHNICITY", "TIME_PERIOD", "OBS_VALUE"], &[&["STATSNZ:TEST(1.0)", "_T: Total", "2022", "8.1"], &["STATSNZ:TEST(1.0)", "2: Māori", "2022", "8.6"]]);
        assert!(matches!(&t.columns[0].cells, Cells::Codes { codes, names, .. } if codes == &["_T", "2"] && names == &["Total", "Māori"]));
    }

    #[test]
    fn codes_only_and_version_one() {
        let (plan, t) = read(
            &["DATAFLOW", "FREQ", "REF_AREA", "TIME_PERIOD", "OBS_VALUE"],
            &[&["OECD.SDD:DF(1.0)", "A", "NZL", "2022", "7.1"]],
        );
        assert_eq!(plan.labels, Labels::Codes);
        assert_eq!(t.columns.len(), 4);
        assert_eq!(t.about.source.as_deref(), Some("OECD"));
    }

    #[test]
    fn delete_rows_are_not_figures() {
        let (_, t) = read(
            &["STRUCTURE", "STRUCTURE_ID", "ACTION", "TIME_PERIOD", "OBS_VALUE"],
            &[&["dataflow", "A:B(1.0)", "D", "2020", "1"], &["dataflow", "A:B(1.0)", "I", "2021", "2"]],
        );
        assert_eq!(t.rows(), 1);
        assert_eq!(t.columns[0].text(0), "2021");
    }

    #[test]
    fn what_is_and_is_not_sdmx() {
        let yes = rec(&["STRUCTURE", "STRUCTURE_ID", "ACTION", "OBS_VALUE"]);
        let no = rec(&["Census year", "Region", "Value"]);
        assert!(is_sdmx(RecordRef::Cells(&yes)));
        assert!(!is_sdmx(RecordRef::Cells(&no)));
        assert!(SdmxPlan::from_header(RecordRef::Cells(&rec(&["STRUCTURE", "TIME_PERIOD"]))).is_none());
    }
}
