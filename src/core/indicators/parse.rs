//! Reading and writing the indicator CSV files, with validation that reports every problem
//! (up to a cap) with its file, line and column, what was expected and what was found.
//! Nothing is dropped silently: a row that fails is reported, and the rows that pass are kept.

use std::collections::HashMap;

use super::model::{Direction, Indicator, Observation, RowFields, Store, Unit};
use super::period::Period;
use crate::core::error::{DataError, DataErrors, Position};
use crate::core::framework::Basis;

/// Files larger than this are refused: a phone cannot hold them comfortably.
pub const MAX_BYTES: usize = 100 * 1024 * 1024;

pub const INDICATOR_COLUMNS: [&str; 12] = [
    "id",
    "title",
    "short_title",
    "dimensions",
    "nodes",
    "mapping_basis",
    "unit",
    "direction",
    "definition",
    "source_name",
    "source_url",
    "licence",
];
pub const OBSERVATION_REQUIRED: [&str; 5] =
    ["indicator_id", "period", "group_type", "group", "value"];
/// Indicator columns a file may leave out (older files and agencies' own have neither).
pub const INDICATOR_OPTIONAL: [&str; 2] = ["survey", "population"];
pub const OBSERVATION_OPTIONAL: [&str; 8] = [
    "lower",
    "upper",
    "sample_size",
    "flags",
    "source",
    "source_url",
    "read_at",
    "note",
];

fn err(file: &str, line: u64, column: usize, message: String) -> DataError {
    DataError::new(
        file,
        Some(Position {
            line: line as usize,
            column,
        }),
        message,
    )
}

/// The error for a file over [`MAX_BYTES`], if it is; checked before a file is even read,
/// so a phone is never asked to hold it.
pub fn too_large(file: &str, size: f64) -> Option<DataError> {
    (size > MAX_BYTES as f64).then(|| {
        DataError::new(
            file,
            None,
            format!(
                "the file is {:.1} MB; files over {} MB are too large to open on a phone",
                size / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
        )
    })
}

/// Checks that apply to any CSV before it is read: not empty, not too large, UTF-8.
pub fn check_file<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    if let Some(e) = too_large(file, bytes.len() as f64) {
        return Err(e);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = Position::of_offset(
            &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
            e.valid_up_to(),
        );
        DataError::new(
            file,
            Some(at),
            "expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DataError::new(file, None, "the file is empty"));
    }
    Ok(text)
}

/// Maps each expected column to its index in the header; reports missing and unknown columns.
fn header_map(
    file: &str,
    header: &csv::StringRecord,
    required: &[&str],
    optional: &[&str],
    errors: &mut DataErrors,
) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        if required.contains(&name) || optional.contains(&name) {
            if map.insert(name.to_string(), i).is_some() {
                errors.push(err(
                    file,
                    1,
                    i + 1,
                    format!("column \"{name}\" appears twice"),
                ));
            }
        } else {
            errors.push(err(
                file,
                1,
                i + 1,
                format!(
                    "unknown column \"{name}\"; expected columns: {}",
                    required
                        .iter()
                        .chain(optional)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    for name in required {
        if !map.contains_key(*name) {
            errors.push(err(file, 1, 1, format!("missing column \"{name}\"")));
        }
    }
    map
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes())
}

fn csv_error(file: &str, e: &csv::Error) -> DataError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("expected {expected_len} fields as in the header, found {len}")
        }
        _ => e.to_string(),
    };
    err(file, line.max(1), 1, message)
}

fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads `indicators.csv`.
pub fn read_indicators(file: &str, bytes: &[u8]) -> Result<Vec<Indicator>, DataErrors> {
    let mut errors = DataErrors::default();
    let text = check_file(file, bytes)?;
    let mut rdr = reader(text);
    let header = rdr.headers().map_err(|e| csv_error(file, &e))?.clone();
    let cols = header_map(file, &header, &INDICATOR_COLUMNS, &INDICATOR_OPTIONAL, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in rdr.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(file, &e));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let field = |name: &str| record.get(cols[name]).unwrap_or("").trim().to_string();
        let optional = |name: &str| {
            cols.get(name)
                .and_then(|&c| record.get(c))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let col = |name: &str| cols[name] + 1;
        let id = field("id");
        if id.is_empty() {
            errors.push(err(
                file,
                line,
                col("id"),
                "expected an indicator id, found an empty cell".into(),
            ));
            continue;
        }
        if let Some(first) = seen.insert(id.clone(), line) {
            errors.push(err(
                file,
                line,
                col("id"),
                format!("indicator \"{id}\" is defined twice (first on line {first})"),
            ));
            continue;
        }
        // A person's own measure need not name a source or licence (their own survey may have
        // neither yet); the published ones must.
        let own = field("mapping_basis") == "yours";
        for name in [
            "title",
            "short_title",
            "source_name",
            "source_url",
            "licence",
        ] {
            if field(name).is_empty() && !(own && !matches!(name, "title" | "short_title")) {
                errors.push(err(
                    file,
                    line,
                    col(name),
                    format!("indicator \"{id}\": expected {name}, found an empty cell"),
                ));
            }
        }
        let unit = Unit::parse(&field("unit"));
        if unit.is_none() {
            errors.push(err(
                file,
                line,
                col("unit"),
                format!(
                    "expected a unit ({}), found \"{}\"",
                    Unit::NAMES.join(", "),
                    field("unit")
                ),
            ));
        }
        let direction = Direction::parse(&field("direction"));
        if direction.is_none() {
            errors.push(err(
                file,
                line,
                col("direction"),
                format!(
                    "expected a direction ({}), found \"{}\"",
                    Direction::NAMES.join(", "),
                    field("direction")
                ),
            ));
        }
        let mapping_basis = match Basis::parse(&field("mapping_basis")) {
            Some(basis) => Some(basis),
            None => {
                let other = field("mapping_basis");
                errors.push(err(
                    file,
                    line,
                    col("mapping_basis"),
                    format!("expected mapping_basis source, editorial or yours, found \"{other}\""),
                ));
                None
            }
        };
        if let (Some(unit), Some(direction), Some(mapping_basis)) = (unit, direction, mapping_basis)
        {
            out.push(Indicator {
                id,
                title: field("title"),
                short_title: field("short_title"),
                dimensions: split_list(&field("dimensions")),
                nodes: split_list(&field("nodes")),
                mapping_basis,
                unit,
                direction,
                definition: field("definition"),
                survey: optional("survey"),
                population: optional("population"),
                source_name: field("source_name"),
                source_url: field("source_url"),
                licence: field("licence"),
            });
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push(DataError::new(
            file,
            None,
            "expected at least one indicator, found none",
        ));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// What reading an observations file produced: the rows that passed, and every problem.
#[derive(Debug, Clone)]
pub struct ObservationsRead {
    pub store: Store,
    pub rows_read: usize,
    pub errors: DataErrors,
}

fn number(text: &str) -> Result<Option<f64>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

/// Reads `observations.csv` (or a person's own file in the same format) against `indicators`.
pub fn read_observations(file: &str, bytes: &[u8], indicators: Vec<Indicator>) -> ObservationsRead {
    let mut errors = DataErrors::default();
    let mut store = Store::with_capacity(indicators, bytes.len() / 40);
    let done = |store: Store, rows_read, errors| ObservationsRead {
        store,
        rows_read,
        errors,
    };
    let text = match check_file(file, bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.push(e);
            return done(store, 0, errors);
        }
    };
    let mut rdr = reader(text);
    let header = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(csv_error(file, &e));
            return done(store, 0, errors);
        }
    };
    let cols = header_map(
        file,
        &header,
        &OBSERVATION_REQUIRED,
        &OBSERVATION_OPTIONAL,
        &mut errors,
    );
    if !errors.is_empty() {
        return done(store, 0, errors);
    }
    let at = |name: &str| cols.get(name).copied();
    let (c_ind, c_period, c_gt, c_g, c_value) = (
        cols["indicator_id"],
        cols["period"],
        cols["group_type"],
        cols["group"],
        cols["value"],
    );
    let (c_lower, c_upper, c_n, c_flags, c_src, c_url, c_read, c_note) = (
        at("lower"),
        at("upper"),
        at("sample_size"),
        at("flags"),
        at("source"),
        at("source_url"),
        at("read_at"),
        at("note"),
    );

    // (indicator, period, group type, group) -> the line that first had it.
    let mut seen: rustc_hash::FxHashMap<(u32, Period, u32, u32), u64> =
        rustc_hash::FxHashMap::default();
    seen.reserve(bytes.len() / 40);
    let mut rows_read = 0;
    let mut record = csv::ByteRecord::new();
    let mut last_indicator: Option<(String, u32)> = None;
    let mut last_group_type: Option<(String, u32)> = None;
    loop {
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                rows_read += 1;
                errors.push(csv_error(file, &e));
                continue;
            }
        }
        rows_read += 1;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        // The whole file was checked as UTF-8 and the reader splits only at ASCII bytes, so
        // every field is UTF-8; a failure here would read as an empty cell, never a panic.
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("")
        };
        let before = errors.len();
        let mut fail =
            |column: usize, message: String| errors.push(err(file, line, column + 1, message));

        let ind_text = get(Some(c_ind)).trim();
        // Rows usually come grouped, so the previous row's indicator is the likeliest match.
        let indicator = match &last_indicator {
            Some((text, id)) if text == ind_text => Some(*id),
            _ => {
                let found = store.indicator_ids.get(ind_text).copied();
                if let Some(id) = found {
                    last_indicator = Some((ind_text.to_string(), id));
                }
                found
            }
        };
        if indicator.is_none() {
            fail(
                c_ind,
                format!("unknown indicator \"{ind_text}\"; it must be defined in indicators.csv"),
            );
        }
        let period_text = get(Some(c_period));
        let period = Period::parse(period_text);
        if period.is_none() {
            fail(
                c_period,
                format!(
                    "expected a period (2023, 2023-Q2 or 2023-06), found \"{}\"",
                    period_text.trim()
                ),
            );
        }
        let (gt, g) = (get(Some(c_gt)).trim(), get(Some(c_g)).trim());
        if gt.is_empty() {
            fail(
                c_gt,
                "expected a group type (total, ethnicity, age, ...), found an empty cell".into(),
            );
        }
        if g.is_empty() {
            fail(
                c_g,
                "expected a group (Total, Māori, ...), found an empty cell".into(),
            );
        }
        let flags = get(c_flags).trim();
        let mut numeric = |c: Option<usize>, name: &str| -> Option<f64> {
            let c = c?;
            match number(get(Some(c))) {
                Ok(v) => v,
                Err(()) => {
                    fail(
                        c,
                        format!(
                            "{name}: expected a number, found \"{}\"",
                            get(Some(c)).trim()
                        ),
                    );
                    None
                }
            }
        };
        let value = numeric(Some(c_value), "value");
        let lower = numeric(c_lower, "lower");
        let upper = numeric(c_upper, "upper");
        let sample_text = get(c_n).trim();
        let sample_size = if sample_text.is_empty() {
            None
        } else {
            match sample_text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    fail(
                        c_n.unwrap_or(0),
                        format!("sample_size: expected a whole number, found \"{sample_text}\""),
                    );
                    None
                }
            }
        };
        if value.is_none() && get(Some(c_value)).trim().is_empty() && !flags.contains("suppressed")
        {
            fail(
                c_value,
                "expected a value, found an empty cell (mark a gap with the flag \"suppressed\")"
                    .into(),
            );
        }
        if let (Some(v), Some(ind)) = (value, indicator) {
            let unit = store.indicators[ind as usize].unit;
            if let Some((lo, hi)) = unit.range() {
                for (x, name, c) in [
                    (Some(v), "value", Some(c_value)),
                    (lower, "lower", c_lower),
                    (upper, "upper", c_upper),
                ] {
                    if let Some(x) = x.filter(|x| *x < lo || *x > hi) {
                        fail(
                            c.unwrap_or(c_value),
                            format!(
                                "{name}: a {} must be between {lo} and {hi}, found {x}",
                                unit.name()
                            ),
                        );
                    }
                }
            }
            match (lower, upper) {
                (Some(l), Some(u)) if !(l <= v && v <= u) => {
                    fail(
                        c_lower.unwrap_or(c_value),
                        format!("the interval {l} to {u} does not contain the value {v}"),
                    );
                }
                (Some(_), None) | (None, Some(_)) => {
                    fail(
                        c_lower.or(c_upper).unwrap_or(c_value),
                        "expected both lower and upper bounds, or neither".into(),
                    );
                }
                _ => {}
            }
        }
        if errors.len() > before {
            continue;
        }
        let (Some(indicator), Some(period)) = (indicator, period) else {
            continue;
        };
        let gt_id = match &last_group_type {
            Some((text, id)) if text == gt => *id,
            _ => {
                let id = store.intern(gt);
                last_group_type = Some((gt.to_string(), id));
                id
            }
        };
        let g_id = store.intern(g);
        if let Some(first) = seen.insert((indicator, period, gt_id, g_id), line) {
            errors.push(err(
                file,
                line,
                1,
                format!("duplicate row: {ind_text}, {period}, {gt}, {g} already appears on line {first}"),
            ));
            continue;
        }
        store.push_interned(
            RowFields {
                indicator,
                period,
                group_type: gt,
                group: g,
                value,
                lower,
                upper,
                sample_size,
                flags,
                source: get(c_src).trim(),
                source_url: get(c_url).trim(),
                read_at: get(c_read).trim(),
                note: get(c_note).trim(),
            },
            gt_id,
            g_id,
        );
    }
    if rows_read == 0 {
        errors.push(err(
            file,
            2,
            1,
            "expected observation rows after the header, found none".into(),
        ));
    }
    store.build_index();
    done(store, rows_read, errors)
}

/// Writes observations in the `observations.csv` format (every column, quoted as needed).
/// A number as a cell of a file we write: as it reads back exactly, empty for none.
pub fn number_cell(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// An observation's cells in the `observations.csv` columns' order (required, then optional).
pub fn observation_cells(o: &Observation) -> [String; 13] {
    [
        o.indicator.clone(),
        o.period.to_string(),
        o.group_type.clone(),
        o.group.clone(),
        number_cell(o.value),
        number_cell(o.lower),
        number_cell(o.upper),
        o.sample_size.map(|n| n.to_string()).unwrap_or_default(),
        o.flags.clone(),
        o.source.clone(),
        o.source_url.clone(),
        o.read_at.clone(),
        o.note.clone(),
    ]
}

pub fn write_observations(rows: &[Observation]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let header: Vec<&str> = OBSERVATION_REQUIRED
        .iter()
        .chain(OBSERVATION_OPTIONAL.iter())
        .copied()
        .collect();
    let _ = w.write_record(&header);
    for o in rows {
        let _ = w.write_record(observation_cells(o));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The indicators as `indicators.csv` has them (what `read_indicators` reads back).
pub fn write_indicators(indicators: &[Indicator]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(INDICATOR_COLUMNS.iter().chain(&INDICATOR_OPTIONAL));
    for i in indicators {
        let basis = i.mapping_basis.name();
        let _ = w.write_record([
            i.id.as_str(),
            &i.title,
            &i.short_title,
            &i.dimensions.join(";"),
            &i.nodes.join(";"),
            basis,
            i.unit.name(),
            i.direction.name(),
            &i.definition,
            &i.source_name,
            &i.source_url,
            &i.licence,
            &i.survey,
            &i.population,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
