//! A view's data out, in the formats analysts bring it in: our CSV (`parse::write_observations`),
//! SDMX-CSV (the columns the importer reads, `sdmx::SdmxMapping::ours`) and a Frictionless Data
//! Package with the data inline (one `datapackage.json`: the indicators and the observations,
//! a table schema for each, the licences and the sources). Each loads back on the Data page.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::model::{Indicator, Observation};
use super::parse::{number_cell, read_indicators, read_observations, ObservationsRead, OBSERVATION_OPTIONAL, OBSERVATION_REQUIRED};
use crate::core::error::{DataError, DataErrors, Position};

/// The SDMX-CSV export's structure: a dataflow of our own observations.
pub const SDMX_STRUCTURE_ID: &str = "COHESION_EXPLORER:OBSERVATIONS(1.0)";

/// The dimensions and attributes the SDMX-CSV export writes after `STRUCTURE`,
/// `STRUCTURE_ID` and `ACTION`; a file with all of them loads back with no mapping to choose.
pub const SDMX_COLUMNS: [&str; 14] = [
    "INDICATOR",
    "GROUP_TYPE",
    "GROUP",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_STATUS",
    "LOWER_BOUND",
    "UPPER_BOUND",
    "SAMPLE_SIZE",
    "FLAGS",
    "SOURCE",
    "SOURCE_URL",
    "READ_AT",
    "NOTE",
];

/// Custom columns (as the SDMX-CSV field guide allows) that describe a person's own measure,
/// written when the rows include one, so the file loads back to the same measure: its title,
/// unit, direction, dimensions, parts, source, licence and notes.
pub const SDMX_MEASURE_COLUMNS: [&str; 10] = [
    "MEASURE_TITLE",
    "MEASURE_SHORT_TITLE",
    "UNIT",
    "DIRECTION",
    "DIMENSIONS",
    "NODES",
    "MEASURE_SOURCE",
    "MEASURE_SOURCE_URL",
    "LICENCE",
    "MEASURE_NOTES",
];

/// The rows as SDMX-CSV: everyone's rows have the group (and group type) `_T`, SDMX's code
/// for a total; `OBS_STATUS` is `A` (normal) for a value and `M` (missing) for a gap.
pub fn write_sdmx(rows: &[Observation]) -> String {
    write_sdmx_with(rows, &[], "")
}

/// As [`write_sdmx`]; where a row's indicator is one of `indicators` and the person's own, each
/// row also says what the measure is ([`SDMX_MEASURE_COLUMNS`]), with `notes`.
pub fn write_sdmx_with(rows: &[Observation], indicators: &[Indicator], notes: &str) -> String {
    let own = |id: &str| indicators.iter().find(|i| i.id == id && i.mapping_basis == crate::core::framework::Basis::Yours);
    let describe = rows.iter().any(|o| own(&o.indicator).is_some());
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let head = ["STRUCTURE", "STRUCTURE_ID", "ACTION"].into_iter().chain(SDMX_COLUMNS);
    let _ = if describe { w.write_record(head.chain(SDMX_MEASURE_COLUMNS)) } else { w.write_record(head) };
    for o in rows {
        let measure: Vec<String> = match (describe, own(&o.indicator)) {
            (false, _) => Vec::new(),
            (true, None) => vec![String::new(); SDMX_MEASURE_COLUMNS.len()],
            (true, Some(i)) => vec![
                i.title.clone(),
                i.short_title.clone(),
                i.unit.name().to_string(),
                i.direction.name().to_string(),
                i.dimensions.join(";"),
                i.nodes.join(";"),
                i.source_name.clone(),
                i.source_url.clone(),
                i.licence.clone(),
                notes.to_string(),
            ],
        };
        let total = o.group_type == "total";
        let (group_type, group) = if total { ("_T", "_T") } else { (o.group_type.as_str(), o.group.as_str()) };
        let _ = w.write_record([
            "dataflow",
            SDMX_STRUCTURE_ID,
            "I",
            &o.indicator,
            group_type,
            group,
            &o.period.to_string(),
            &number_cell(o.value),
            if o.value.is_some() { "A" } else { "M" },
            &number_cell(o.lower),
            &number_cell(o.upper),
            &o.sample_size.map(|n| n.to_string()).unwrap_or_default(),
            &o.flags,
            &o.source,
            &o.source_url,
            &o.read_at,
            &o.note,
        ].into_iter().map(str::to_string).chain(measure));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The indicator a row of our SDMX-CSV describes as a person's own measure, with its notes.
pub fn measure_of_sdmx_row(id: &str, cell: impl Fn(&str) -> String) -> Option<(Indicator, String)> {
    let title = cell("MEASURE_TITLE");
    if title.trim().is_empty() {
        return None;
    }
    let list = |c: &str| cell(c).split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    let short = cell("MEASURE_SHORT_TITLE");
    Some((
        Indicator {
            id: id.to_string(),
            short_title: if short.is_empty() { title.clone() } else { short },
            definition: title.clone(),
            title,
            dimensions: list("DIMENSIONS"),
            nodes: list("NODES"),
            mapping_basis: crate::core::framework::Basis::Yours,
            unit: super::Unit::parse(&cell("UNIT")).unwrap_or(super::Unit::Count),
            direction: super::Direction::parse(&cell("DIRECTION")).unwrap_or(super::Direction::Neutral),
            survey: String::new(),
            population: String::new(),
            source_name: cell("MEASURE_SOURCE"),
            source_url: cell("MEASURE_SOURCE_URL"),
            licence: cell("LICENCE"),
        },
        cell("MEASURE_NOTES"),
    ))
}

/// The Frictionless field of a column: its name, type and what it holds.
fn field(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "type": kind, "description": description })
}

fn indicator_fields() -> Vec<Value> {
    vec![
        field("id", "string", "Stable indicator id"),
        field("title", "string", "The measure, in the release's words"),
        field("short_title", "string", "A few words for cards and charts"),
        field("dimensions", "string", "The five dimensions of cohesion it informs (node ids, ';'-separated)"),
        field("nodes", "string", "The framework parts it measures (node ids, ';'-separated)"),
        field("mapping_basis", "string", "'source' where the framework names the measure, 'editorial' where the mapping is a judgment"),
        field("unit", "string", "percent, mean score 0-10, ratio or count"),
        field("direction", "string", "higher_is_better, lower_is_better or neutral"),
        field("definition", "string", "What is measured"),
        field("source_name", "string", "The release"),
        field("source_url", "string", "The release's address, or where it was read"),
        field("licence", "string", "The figures' licence"),
        field("survey", "string", "The survey or collection the figures come from"),
        field("population", "string", "Who the figures are about"),
    ]
}

fn observation_fields() -> Vec<Value> {
    vec![
        field("indicator_id", "string", "The indicator (indicators.id)"),
        field("period", "string", "A year (2023), quarter (2023-Q2), month (2023-06), split year (2011/12) or year to a month (year to Oct 2023)"),
        field("group_type", "string", "The kind of population group ('total' for everyone)"),
        field("group", "string", "The population group ('Total' for everyone)"),
        field("value", "number", "The published figure; empty where there is none (a gap, never a made-up number)"),
        field("lower", "number", "Lower bound of the published interval (95% unless flags say interval-level-unstated)"),
        field("upper", "number", "Upper bound of the published interval (95% unless flags say interval-level-unstated)"),
        field("sample_size", "integer", "Sample size, where published"),
        field("flags", "string", "';'-separated: break (the series breaks before this value), provisional, interval-level-unstated, suppressed"),
        field("source", "string", "The release this figure comes from (the primary source)"),
        field("source_url", "string", "The release's address, where known"),
        field("read_at", "string", "The page where the figure was read"),
        field("note", "string", "Anything else a reader needs"),
    ]
}

/// A licence as the Data Package standard wants it: an Open Definition id where we know it.
fn licence(text: &str) -> Value {
    if text.starts_with("CC BY 4.0") {
        json!({ "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": text })
    } else {
        json!({ "name": "other-at", "title": text })
    }
}

/// Metadata for a downloaded package: a name (lower case, digits, `-`, `_`, `.`) and title,
/// and a description (a person's notes on their measure; empty for none).
/// A package's name for files named `stem`: Frictionless names are lower case letters, digits,
/// `-` and `.`.
pub fn package_name(stem: &str) -> String {
    format!("cohesion-explorer-{stem}")
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '-' })
        .collect()
}

pub struct PackageName<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub description: &'a str,
}

/// The rows, and the indicators they measure, as one Frictionless Data Package with the data
/// inline (a `tabular-data-package`: each resource has a table schema; observations refer to
/// indicators by a foreign key). Licences and sources are those of the indicators and rows.
pub fn write_data_package(rows: &[Observation], indicators: &[Indicator], package: PackageName<'_>) -> String {
    let used: Vec<&Indicator> = indicators
        .iter()
        .filter(|i| rows.iter().any(|o| o.indicator == i.id))
        .collect();
    let mut licences: Vec<&str> = used.iter().map(|i| i.licence.as_str()).filter(|l| !l.is_empty()).collect();
    licences = unique(licences);
    let sources = unique(
        used.iter()
            .map(|i| (i.source_name.as_str(), i.source_url.as_str()))
            .chain(rows.iter().map(|o| (o.source.as_str(), o.source_url.as_str())))
            .filter(|(title, _)| !title.is_empty())
            .collect(),
    );
    let text = |s: &str| Value::String(s.to_string());
    let indicator_rows: Vec<Value> = used
        .iter()
        .map(|i| {
            json!({
                "id": i.id, "title": i.title, "short_title": i.short_title,
                "dimensions": i.dimensions.join(";"), "nodes": i.nodes.join(";"),
                "mapping_basis": i.mapping_basis.name(), "unit": i.unit.name(),
                "direction": i.direction.name(), "definition": i.definition,
                "source_name": i.source_name, "source_url": i.source_url, "licence": i.licence,
                "survey": i.survey, "population": i.population,
            })
        })
        .collect();
    let observation_rows: Vec<Value> = rows
        .iter()
        .map(|o| {
            let mut row = Map::new();
            row.insert("indicator_id".into(), text(&o.indicator));
            row.insert("period".into(), text(&o.period.to_string()));
            row.insert("group_type".into(), text(&o.group_type));
            row.insert("group".into(), text(&o.group));
            row.insert("value".into(), json!(o.value));
            row.insert("lower".into(), json!(o.lower));
            row.insert("upper".into(), json!(o.upper));
            row.insert("sample_size".into(), json!(o.sample_size));
            row.insert("flags".into(), text(&o.flags));
            row.insert("source".into(), text(&o.source));
            row.insert("source_url".into(), text(&o.source_url));
            row.insert("read_at".into(), text(&o.read_at));
            row.insert("note".into(), text(&o.note));
            Value::Object(row)
        })
        .collect();
    let mut package_json = json!({
        "profile": "tabular-data-package",
        "name": package.name,
        "title": package.title,
        "licenses": licences.iter().map(|l| licence(l)).collect::<Vec<_>>(),
        "sources": sources.iter().map(|(title, path)| {
            if path.is_empty() { json!({ "title": title }) } else { json!({ "title": title, "path": path }) }
        }).collect::<Vec<_>>(),
        "resources": [
            {
                "name": "indicators",
                "profile": "tabular-data-resource",
                "data": indicator_rows,
                "schema": { "fields": indicator_fields(), "primaryKey": ["id"] },
            },
            {
                "name": "observations",
                "profile": "tabular-data-resource",
                "data": observation_rows,
                "schema": {
                    "fields": observation_fields(),
                    "missingValues": [""],
                    "primaryKey": ["indicator_id", "period", "group_type", "group"],
                    "foreignKeys": [{ "fields": ["indicator_id"], "reference": { "resource": "indicators", "fields": ["id"] } }],
                },
            },
        ],
    });
    if !package.description.is_empty() {
        package_json["description"] = Value::String(package.description.to_string());
    }
    serde_json::to_string_pretty(&package_json).unwrap_or_default()
}

/// A package's description (a person's notes on their measure), or "".
pub fn package_description(bytes: &[u8]) -> String {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .and_then(|v| v.get("description").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default()
}

/// Which file a view's data is wanted as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    SdmxCsv,
    DataPackage,
}

/// A view's data to write, as the app sends it to the chart module (where the writers live, so
/// the app's own wasm stays small): the rows and their indicators as our CSV files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The rows, as `observations.csv` has them (`parse::write_observations`).
    pub observations: String,
    /// Their indicators, as `indicators.csv` has them (`parse::write_indicators`).
    pub indicators: String,
    /// The package's name and title.
    pub name: String,
    pub title: String,
    /// A person's notes on their measure, for the package's description and the SDMX-CSV's
    /// measure columns.
    #[serde(default)]
    pub description: String,
}

/// The file an export request asks for, or why it cannot be written.
pub fn answer(request: &str) -> Result<String, String> {
    let r: ExportRequest = serde_json::from_str(request).map_err(|e| format!("the data to download could not be read: {e}"))?;
    let indicators = read_indicators("indicators.csv", r.indicators.as_bytes()).map_err(|e| e.to_string())?;
    let read = read_observations("observations.csv", r.observations.as_bytes(), indicators.clone());
    if !read.errors.is_empty() {
        return Err(read.errors.to_string());
    }
    let rows: Vec<Observation> = (0..read.store.len()).map(|i| read.store.row(i)).collect();
    Ok(match r.format {
        ExportFormat::SdmxCsv => write_sdmx_with(&rows, &indicators, &r.description),
        ExportFormat::DataPackage => write_data_package(&rows, &indicators, PackageName { name: &r.name, title: &r.title, description: &r.description }),
    })
}

/// Keeps the first of each, in order.
fn unique<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// True when a file looks like a Data Package (JSON whose first character is `{`).
pub fn looks_like_data_package(bytes: &[u8]) -> bool {
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads the `observations` resource of a Data Package with inline data (as
/// [`write_data_package`] writes it), through the same validation as a CSV file. Errors name
/// the JSON's line and column when it does not parse, and the resource's row and field
/// otherwise.
pub fn read_data_package(file: &str, bytes: &[u8], indicators: Vec<Indicator>) -> ObservationsRead {
    let fail = |error: DataError, indicators| {
        let mut errors = DataErrors::default();
        errors.push(error);
        ObservationsRead { store: super::Store::new(indicators), rows_read: 0, errors }
    };
    let text = match super::parse::check_file(file, bytes) {
        Ok(t) => t,
        Err(e) => return fail(e, indicators),
    };
    let package: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = Position { line: e.line(), column: e.column() };
            return fail(DataError::new(file, Some(at), format!("not valid JSON: {e}")), indicators);
        }
    };
    let resource = |name: &str| {
        package
            .get("resources")
            .and_then(Value::as_array)
            .and_then(|r| r.iter().find(|r| r.get("name").and_then(Value::as_str) == Some(name)))
            .and_then(|r| r.get("data"))
            .and_then(Value::as_array)
    };
    // A person's own measures come with their definitions; the shipped indicators' stay ours.
    let mut indicators = indicators;
    if let Some(defined) = resource("indicators") {
        let cell = |row: &Value, c: &str| row.get(c).and_then(Value::as_str).unwrap_or("").to_string();
        for row in defined {
            let id = cell(row, "id");
            if cell(row, "mapping_basis") != "yours" || id.is_empty() || indicators.iter().any(|i| i.id == id) {
                continue;
            }
            let list = |c: &str| cell(row, c).split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
            indicators.push(Indicator {
                id,
                title: cell(row, "title"),
                short_title: cell(row, "short_title"),
                dimensions: list("dimensions"),
                nodes: list("nodes"),
                mapping_basis: crate::core::framework::Basis::Yours,
                unit: super::Unit::parse(&cell(row, "unit")).unwrap_or(super::Unit::Count),
                direction: super::Direction::parse(&cell(row, "direction")).unwrap_or(super::Direction::Neutral),
                definition: cell(row, "definition"),
                survey: cell(row, "survey"),
                population: cell(row, "population"),
                source_name: cell(row, "source_name"),
                source_url: cell(row, "source_url"),
                licence: cell(row, "licence"),
            });
        }
    }
    let data = resource("observations");
    let Some(data) = data else {
        let message = "expected a resource named \"observations\" with its rows inline (\"data\"): a package as the explorer downloads it";
        return fail(DataError::new(file, None, message), indicators);
    };
    // Each row becomes a line of the observations CSV, checked by the CSV reader.
    let columns: Vec<&str> = OBSERVATION_REQUIRED.iter().chain(OBSERVATION_OPTIONAL.iter()).copied().collect();
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(&columns);
    for row in data {
        let cells = columns.iter().map(|c| match row.get(*c) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        });
        let _ = w.write_record(cells);
    }
    let converted = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    let mut read = read_observations(file, converted.as_bytes(), indicators);
    for e in read.errors.errors.iter_mut() {
        if let Some(p) = e.position.take() {
            let field = columns.get(p.column.wrapping_sub(1)).copied().unwrap_or("?");
            // Line 2 of the converted file is the resource's first row.
            e.message = format!("resource \"observations\", row {}, field \"{field}\": {}", p.line.saturating_sub(1), e.message);
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::store;
    use crate::core::indicators::sdmx::{header, read_sdmx, SdmxMapping};

    fn shipped_rows() -> Vec<Observation> {
        let s = store();
        (0..s.len()).map(|r| s.row(r)).collect()
    }

    fn rows_of(read: &ObservationsRead) -> Vec<Observation> {
        (0..read.store.len()).map(|r| read.store.row(r)).collect()
    }

    #[test]
    fn sdmx_csv_has_the_columns_the_importer_reads_and_loads_back_unchanged() {
        let rows = shipped_rows();
        let text = write_sdmx(&rows);
        let head = text.lines().next().unwrap();
        assert_eq!(head, "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,GROUP_TYPE,GROUP,TIME_PERIOD,OBS_VALUE,OBS_STATUS,LOWER_BOUND,UPPER_BOUND,SAMPLE_SIZE,FLAGS,SOURCE,SOURCE_URL,READ_AT,NOTE");
        assert!(text.lines().nth(1).unwrap().starts_with("dataflow,COHESION_EXPLORER:OBSERVATIONS(1.0),I,"));
        let columns = header("view.sdmx.csv", text.as_bytes()).unwrap();
        let mapping = SdmxMapping::recognise(&columns).expect("our own columns are recognised");
        let read = read_sdmx("view.sdmx.csv", text.as_bytes(), &mapping, store().indicators.clone());
        assert!(read.errors.is_empty(), "{}", read.errors);
        assert_eq!(rows_of(&read), rows);
    }

    #[test]
    fn the_module_writes_what_the_app_asks_for_from_our_csv_files() {
        use crate::core::indicators::parse::{write_indicators, write_observations};
        let rows = shipped_rows();
        let indicators = &store().indicators;
        let request = |format| {
            serde_json::to_string(&ExportRequest {
                format,
                observations: write_observations(&rows),
                indicators: write_indicators(indicators),
                name: "cohesion-explorer-x".into(),
                title: "X".into(),
                description: String::new(),
            })
            .unwrap()
        };
        assert_eq!(answer(&request(ExportFormat::SdmxCsv)).unwrap(), write_sdmx(&rows));
        assert_eq!(
            answer(&request(ExportFormat::DataPackage)).unwrap(),
            write_data_package(&rows, indicators, PackageName { name: "cohesion-explorer-x", title: "X", description: "" })
        );
        assert!(answer("{}").unwrap_err().starts_with("the data to download could not be read"));
        // The indicators file round-trips too.
        let back = read_indicators("i.csv", write_indicators(indicators).as_bytes()).unwrap();
        assert_eq!(&back, indicators);
    }

    #[test]
    fn a_gap_is_missing_in_sdmx_and_everyone_is_the_total_code() {
        let mut rows = shipped_rows();
        rows.truncate(1);
        rows[0].value = None;
        let text = write_sdmx(&rows);
        let line = text.lines().nth(1).unwrap();
        assert!(line.contains(",_T,_T,"), "{line}");
        assert!(line.contains(",,M,"), "{line}");
    }

    #[test]
    fn the_data_package_is_tabular_with_schemas_licences_and_sources_and_loads_back() {
        let rows = shipped_rows();
        let text = write_data_package(&rows, &store().indicators, PackageName { name: "cohesion-explorer-all", title: "All", description: "" });
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["profile"], "tabular-data-package");
        assert_eq!(v["name"], "cohesion-explorer-all");
        let resources = v["resources"].as_array().unwrap();
        assert_eq!(resources.len(), 2);
        for r in resources {
            let names: Vec<&str> = r["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
            // Every row has exactly the schema's fields.
            for row in r["data"].as_array().unwrap() {
                let keys: Vec<&str> = row.as_object().unwrap().keys().map(String::as_str).collect();
                let mut want = names.clone();
                want.sort_unstable();
                let mut got = keys.clone();
                got.sort_unstable();
                assert_eq!(got, want);
            }
        }
        assert_eq!(resources[1]["data"].as_array().unwrap().len(), rows.len());
        assert!(v["licenses"].as_array().unwrap().iter().any(|l| l["name"] == "CC-BY-4.0"));
        assert!(!v["sources"].as_array().unwrap().is_empty());
        let read = read_data_package("view.datapackage.json", text.as_bytes(), store().indicators.clone());
        assert!(read.errors.is_empty(), "{}", read.errors);
        assert_eq!(rows_of(&read), rows);
    }

    #[test]
    fn a_broken_package_says_where() {
        let read = read_data_package("p.json", b"{\n  \"resources\": [\n    oops\n  ]\n}", store().indicators.clone());
        let m = read.errors.to_string();
        assert!(m.contains("p.json, line 3, column 5: not valid JSON"), "{m}");
        let read = read_data_package("p.json", br#"{"resources": []}"#, store().indicators.clone());
        assert!(read.errors.to_string().contains("a resource named \"observations\""));
        let bad = r#"{"resources": [{"name": "observations", "data": [
            {"indicator_id": "trust_police", "period": "2023", "group_type": "total", "group": "Total", "value": 11}
        ]}]}"#;
        let read = read_data_package("p.json", bad.as_bytes(), store().indicators.clone());
        let m = read.errors.to_string();
        assert!(m.contains("resource \"observations\", row 1, field \"value\""), "{m}");
    }
}
