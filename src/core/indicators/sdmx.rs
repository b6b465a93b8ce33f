//! SDMX-CSV import (the export format of Stats NZ's Aotearoa Data Explorer) through a
//! declared column mapping. The rows are converted to the observations format and validated
//! by the same reader, and every error is mapped back to the SDMX file's own line and column.
//!
//! Cells may hold a code, or a code and its label (`E_1: European`, as exported with labels);
//! the code is what is matched.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::{Indicator, Observation};
use super::parse::{
    check_file, read_observations, write_observations, ObservationsRead, OBSERVATION_OPTIONAL,
    OBSERVATION_REQUIRED,
};
use super::period::Period;
use crate::core::error::{DataError, DataErrors, Position};

/// Which SDMX columns hold what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SdmxMapping {
    /// The indicator every row measures, or `None` when a column says (`indicator_column`).
    #[serde(default)]
    pub indicator: Option<String>,
    /// A column whose codes name the indicator, with `indicator_codes` mapping code to id.
    #[serde(default)]
    pub indicator_column: Option<String>,
    #[serde(default)]
    pub indicator_codes: HashMap<String, String>,
    #[serde(default = "default_period")]
    pub period: String,
    #[serde(default = "default_value")]
    pub value: String,
    /// The dimension column that holds the population group, and the group type it is.
    #[serde(default)]
    pub group_column: Option<String>,
    #[serde(default)]
    pub group_type: Option<String>,
    /// The code meaning "everyone" in the group column (SDMX's convention is `_T`).
    #[serde(default = "default_total")]
    pub total_code: String,
    #[serde(default)]
    pub lower: Option<String>,
    #[serde(default)]
    pub upper: Option<String>,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub source_url: String,
    /// Columns for the rest of a row, each optional: the group type (instead of the fixed
    /// `group_type`), and attributes. A column given here wins over the fixed text above.
    #[serde(default)]
    pub group_type_column: Option<String>,
    #[serde(default)]
    pub sample_size_column: Option<String>,
    #[serde(default)]
    pub flags_column: Option<String>,
    #[serde(default)]
    pub source_column: Option<String>,
    #[serde(default)]
    pub source_url_column: Option<String>,
    #[serde(default)]
    pub read_at_column: Option<String>,
    #[serde(default)]
    pub note_column: Option<String>,
}

impl SdmxMapping {
    /// The mapping of the app's own SDMX-CSV export (see `super::export::write_sdmx`): every
    /// column it writes is read back.
    pub fn ours() -> SdmxMapping {
        let some = |c: &str| Some(c.to_string());
        SdmxMapping {
            indicator: None,
            indicator_column: some("INDICATOR"),
            indicator_codes: HashMap::new(),
            period: default_period(),
            value: default_value(),
            group_column: some("GROUP"),
            group_type: None,
            total_code: default_total(),
            lower: some("LOWER_BOUND"),
            upper: some("UPPER_BOUND"),
            source: String::new(),
            source_url: String::new(),
            group_type_column: some("GROUP_TYPE"),
            sample_size_column: some("SAMPLE_SIZE"),
            flags_column: some("FLAGS"),
            source_column: some("SOURCE"),
            source_url_column: some("SOURCE_URL"),
            read_at_column: some("READ_AT"),
            note_column: some("NOTE"),
        }
    }

    /// A file of one indicator, its groups in `group_column` (when there is one) of the kind
    /// `group_type`, its source named `source`: what the Data page's form asks for.
    pub fn one_indicator(indicator: String, group_column: Option<String>, group_type: String, source: String) -> SdmxMapping {
        SdmxMapping {
            indicator: Some(indicator),
            indicator_column: None,
            indicator_codes: HashMap::new(),
            period: default_period(),
            value: default_value(),
            group_column,
            group_type: Some(group_type),
            total_code: default_total(),
            lower: None,
            upper: None,
            source,
            source_url: String::new(),
            group_type_column: None,
            sample_size_column: None,
            flags_column: None,
            source_column: None,
            source_url_column: None,
            read_at_column: None,
            note_column: None,
        }
    }

    /// [`SdmxMapping::ours`] when a file's columns are the ones our export writes, so such a
    /// file loads back with no mapping to choose.
    pub fn recognise(columns: &[String]) -> Option<SdmxMapping> {
        let has = |c: &str| columns.iter().any(|x| x.trim() == c);
        // READ_AT came later: a file exported before it still loads back as ours.
        let ours = super::export::SDMX_COLUMNS.iter().filter(|&&c| c != "READ_AT").all(|c| has(c));
        ours.then(|| SdmxMapping {
            read_at_column: has("READ_AT").then(|| "READ_AT".to_string()),
            ..SdmxMapping::ours()
        })
    }
}

fn default_period() -> String {
    "TIME_PERIOD".into()
}
fn default_value() -> String {
    "OBS_VALUE".into()
}
fn default_total() -> String {
    "_T".into()
}

/// True when a header looks like SDMX-CSV (it has `TIME_PERIOD` and `OBS_VALUE`).
pub fn looks_like_sdmx(header_line: &str) -> bool {
    let cols: Vec<&str> = header_line
        .split(',')
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    cols.contains(&"TIME_PERIOD") && cols.contains(&"OBS_VALUE")
}

/// The code of a cell that may read `CODE: Label`.
fn code(cell: &str) -> &str {
    cell.split_once(": ").map(|(c, _)| c).unwrap_or(cell).trim()
}

/// The header's column names, for a mapping form.
pub fn header(file: &str, bytes: &[u8]) -> Result<Vec<String>, DataError> {
    let text = check_file(file, bytes)?;
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let h = rdr
        .headers()
        .map_err(|e| DataError::new(file, None, e.to_string()))?;
    Ok(h.iter().map(str::to_string).collect())
}

/// Reads a file of the app's own SDMX-CSV export (as `SdmxMapping::recognise` knows it): its
/// rows, against `indicators` and the person's own measures the file describes (its measure
/// columns, `export::SDMX_MEASURE_COLUMNS`), and the notes on the first of those.
pub fn read_ours(file: &str, bytes: &[u8], mut indicators: Vec<Indicator>) -> (ObservationsRead, String) {
    let columns = header(file, bytes).unwrap_or_default();
    let Some(mapping) = SdmxMapping::recognise(&columns) else {
        return (read_sdmx(file, bytes, &SdmxMapping::ours(), indicators), String::new());
    };
    let mut notes = String::new();
    if columns.iter().any(|c| c == "MEASURE_TITLE") {
        let at = |name: &str| columns.iter().position(|c| c == name);
        let text = String::from_utf8_lossy(bytes);
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        for record in rdr.records().flatten() {
            let get = |name: &str| at(name).and_then(|i| record.get(i)).unwrap_or("").trim().to_string();
            let id = get("INDICATOR");
            if id.is_empty() || indicators.iter().any(|i| i.id == id) {
                continue;
            }
            if let Some((indicator, measure_notes)) = super::export::measure_of_sdmx_row(&id, get) {
                if notes.is_empty() {
                    notes = measure_notes;
                }
                indicators.push(indicator);
            }
        }
    }
    (read_sdmx(file, bytes, &mapping, indicators), notes)
}

/// Reads an SDMX-CSV file through `mapping`.
pub fn read_sdmx(
    file: &str,
    bytes: &[u8],
    mapping: &SdmxMapping,
    indicators: Vec<Indicator>,
) -> ObservationsRead {
    let mut errors = DataErrors::default();
    let fail = |errors: DataErrors, indicators| ObservationsRead {
        store: super::Store::new(indicators),
        rows_read: 0,
        errors,
    };
    let text = match check_file(file, bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.push(e);
            return fail(errors, indicators);
        }
    };
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let head = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(DataError::new(
                file,
                Some(Position { line: 1, column: 1 }),
                e.to_string(),
            ));
            return fail(errors, indicators);
        }
    };
    let index: HashMap<&str, usize> = head
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim(), i))
        .collect();
    let mut need = |name: &Option<String>, what: &str| -> Option<usize> {
        let name = name.as_ref()?;
        let found = index.get(name.as_str()).copied();
        if found.is_none() {
            errors.push(DataError::new(
                file,
                Some(Position { line: 1, column: 1 }),
                format!("the mapping's {what} column \"{name}\" is not in the file"),
            ));
        }
        found
    };
    let c_period = need(&Some(mapping.period.clone()), "period");
    let c_value = need(&Some(mapping.value.clone()), "value");
    let c_group = need(&mapping.group_column, "group");
    let c_ind = need(&mapping.indicator_column, "indicator");
    let c_lower = need(&mapping.lower, "lower");
    let c_upper = need(&mapping.upper, "upper");
    let c_group_type = need(&mapping.group_type_column, "group type");
    let c_sample = need(&mapping.sample_size_column, "sample size");
    let c_flags = need(&mapping.flags_column, "flags");
    let c_source = need(&mapping.source_column, "source");
    let c_source_url = need(&mapping.source_url_column, "source URL");
    let c_read_at = need(&mapping.read_at_column, "where it was read");
    let c_note = need(&mapping.note_column, "note");
    if mapping.indicator.is_none() && mapping.indicator_column.is_none() {
        errors.push(DataError::new(
            file,
            None,
            "the mapping must name the indicator, or a column that does",
        ));
    }
    if !errors.is_empty() {
        return fail(errors, indicators);
    }

    // Convert, remembering each converted row's line in the SDMX file.
    let mut rows = Vec::new();
    let mut lines = vec![1u64, 1]; // converted line n -> SDMX line (1-based; header is line 1)
    for record in rdr.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(1);
                errors.push(DataError::new(
                    file,
                    Some(Position {
                        line: line as usize,
                        column: 1,
                    }),
                    e.to_string(),
                ));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("");
        let indicator = match (&mapping.indicator, c_ind) {
            (Some(id), _) => id.clone(),
            (None, c) => {
                let k = code(get(c));
                mapping
                    .indicator_codes
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| k.to_string())
            }
        };
        let group_code = code(get(c_group));
        let (group_type, group) = if c_group.is_none() || group_code == mapping.total_code {
            ("total".to_string(), "Total".to_string())
        } else {
            let label = get(c_group)
                .split_once(": ")
                .map(|(_, l)| l.trim())
                .unwrap_or(group_code);
            let kind = match c_group_type {
                Some(_) => code(get(c_group_type)).to_string(),
                None => mapping.group_type.clone().unwrap_or_else(|| "group".into()),
            };
            (kind, label.to_string())
        };
        let num = |c: Option<usize>| get(c).trim().parse::<f64>().ok();
        // A column when mapped, else the fixed text.
        let text = |c: Option<usize>, fixed: &str| match c {
            Some(_) => get(c).to_string(),
            None => fixed.to_string(),
        };
        let period_text = code(get(c_period));
        // Periods the reader cannot parse are passed through as text would be: as an error.
        let Some(period) = Period::parse(period_text) else {
            errors.push(DataError::new(
                file,
                Some(Position {
                    line: line as usize,
                    column: c_period.unwrap_or(0) + 1,
                }),
                format!("expected a period (2023, 2023-Q2 or 2023-06), found \"{period_text}\""),
            ));
            continue;
        };
        if num(c_value).is_none() && !get(c_value).trim().is_empty() {
            errors.push(DataError::new(
                file,
                Some(Position {
                    line: line as usize,
                    column: c_value.unwrap_or(0) + 1,
                }),
                format!(
                    "value: expected a number, found \"{}\"",
                    get(c_value).trim()
                ),
            ));
            continue;
        }
        rows.push(Observation {
            indicator,
            period,
            group_type,
            group,
            value: num(c_value),
            lower: num(c_lower),
            upper: num(c_upper),
            sample_size: get(c_sample).trim().parse::<u32>().ok(),
            flags: match c_flags {
                Some(_) => get(c_flags).to_string(),
                None if get(c_value).trim().is_empty() => "suppressed".into(),
                None => String::new(),
            },
            source: text(c_source, &mapping.source),
            source_url: text(c_source_url, &mapping.source_url),
            read_at: text(c_read_at, ""),
            note: text(c_note, ""),
        });
        lines.push(line);
    }
    let converted = write_observations(&rows);
    let mut read = read_observations(file, converted.as_bytes(), indicators);
    // Point the reader's errors back at the SDMX file's lines and columns.
    let ours: Vec<&str> = OBSERVATION_REQUIRED
        .iter()
        .chain(OBSERVATION_OPTIONAL.iter())
        .copied()
        .collect();
    let theirs = |column: usize| -> usize {
        let name = ours.get(column.wrapping_sub(1)).copied().unwrap_or("");
        let c = match name {
            "indicator_id" => c_ind,
            "period" => c_period,
            "group_type" | "group" => c_group,
            "value" => c_value,
            "lower" => c_lower,
            "upper" => c_upper,
            "sample_size" => c_sample,
            "flags" => c_flags,
            "source" => c_source,
            "source_url" => c_source_url,
            "read_at" => c_read_at,
            "note" => c_note,
            _ => None,
        };
        c.map(|c| c + 1).unwrap_or(1)
    };
    for e in read.errors.errors.drain(..) {
        let position = e.position.map(|p| Position {
            line: lines.get(p.line).copied().unwrap_or(p.line as u64) as usize,
            column: theirs(p.column),
        });
        errors.push(DataError { position, ..e });
    }
    errors.more += read.errors.more;
    read.errors = errors;
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::parse::read_indicators;

    const INDICATORS: &str = "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nbelong,Belonging,Belonging,dimensions.belonging,,editorial,mean score 0-10,higher_is_better,,Stats NZ,https://e.org,CC BY 4.0\n";

    fn mapping() -> SdmxMapping {
        serde_json::from_str(r#"{"indicator":"belong","group_column":"ETHNICITY","group_type":"ethnicity","lower":"LOWER","upper":"UPPER","source":"Stats NZ"}"#).expect("mapping")
    }

    #[test]
    fn imports_codes_labels_totals_and_intervals() {
        let sdmx = "DATAFLOW,ETHNICITY,TIME_PERIOD,OBS_VALUE,LOWER,UPPER\n\
                    STATSNZ:GSS(1.0),_T: Total,2023,8.2,8.1,8.3\n\
                    STATSNZ:GSS(1.0),E_5: Māori,2023,8.5,8.3,8.7\n\
                    STATSNZ:GSS(1.0),E_5: Māori,2021,,,\n";
        assert!(looks_like_sdmx(sdmx.lines().next().expect("header")));
        let inds = read_indicators("i.csv", INDICATORS.as_bytes()).expect("indicators");
        let read = read_sdmx("gss.csv", sdmx.as_bytes(), &mapping(), inds);
        assert!(read.errors.is_empty(), "{}", read.errors);
        let rows: Vec<Observation> = (0..read.store.len()).map(|r| read.store.row(r)).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (
                rows[0].group_type.as_str(),
                rows[0].group.as_str(),
                rows[0].value,
                rows[0].upper
            ),
            ("total", "Total", Some(8.2), Some(8.3))
        );
        assert_eq!(
            (rows[1].group_type.as_str(), rows[1].group.as_str()),
            ("ethnicity", "Māori")
        );
        assert_eq!(
            (rows[2].value, rows[2].flags.as_str()),
            (None, "suppressed")
        );
    }

    #[test]
    fn errors_point_at_the_sdmx_file_itself() {
        let sdmx = "ETHNICITY,TIME_PERIOD,OBS_VALUE,LOWER,UPPER\n_T,2023,8.2,8.1,8.3\n_T,2022,11,10,12\n_T,20x1,8,,\n";
        let inds = read_indicators("i.csv", INDICATORS.as_bytes()).expect("indicators");
        let read = read_sdmx("gss.csv", sdmx.as_bytes(), &mapping(), inds);
        let m: Vec<String> = read.errors.errors.iter().map(|e| e.to_string()).collect();
        assert!(m.contains(&"gss.csv, line 4, column 2: expected a period (2023, 2023-Q2 or 2023-06), found \"20x1\"".to_string()), "{m:?}");
        assert!(m.contains(&"gss.csv, line 3, column 3: value: a mean score 0-10 must be between 0 and 10, found 11".to_string()), "{m:?}");
        assert_eq!(read.store.len(), 1);
    }

    #[test]
    fn a_mapping_naming_a_missing_column_is_refused() {
        let inds = read_indicators("i.csv", INDICATORS.as_bytes()).expect("indicators");
        let read = read_sdmx(
            "gss.csv",
            b"TIME_PERIOD,OBS_VALUE\n2023,8\n",
            &mapping(),
            inds,
        );
        assert!(
            read.errors
                .to_string()
                .contains("the mapping's group column \"ETHNICITY\" is not in the file"),
            "{}",
            read.errors
        );
    }
}
