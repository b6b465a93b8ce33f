//! The describe step: what each column of a person's table is, what the figures measure, and
//! the measure built from both. The app guesses everything it can from the file (the time
//! dimension by its name and values, the figures, the totals, a title, a unit, a source);
//! the person sees the guess as a preview and changes any of it, as in Datawrapper's
//! "check and describe" step.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::cells::{period, GAP_SYMBOLS};
use super::notes::symbol_meaning;
use super::table::{Cells, Column, Layout, Table};
use super::totals::{everyone, total_rank};
use crate::core::error::{DataError, DataErrors, Position};
use crate::core::framework::Basis;
use crate::core::indicators::query::{FLAG_BREAK, FLAG_PROVISIONAL};
use crate::core::indicators::{Direction, Indicator, Observation, Period, Unit};

/// What a column is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "role", content = "value")]
pub enum Role {
    /// When each figure is for.
    Period,
    /// Who each figure is about: the groups to compare.
    Group,
    /// What kind of group each row's is (a section heading above the groups: "Ethnicity").
    GroupKind,
    /// The figures themselves.
    Value,
    /// A dimension held to one of its values (its code): the other rows are left out.
    Filter(String),
    /// An interval's lower and upper ends.
    Lower,
    Upper,
    /// Each figure's status (SDMX's `OBS_STATUS`).
    Status,
    Ignore,
}

/// Everything the person says about their table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Description {
    /// One per column of the table.
    pub roles: Vec<Role>,
    /// The code in the group column that means everyone, if any.
    pub everyone: Option<String>,
    /// What the groups are, in words ("Region"), which names their kind.
    pub groups_are: String,
    pub title: String,
    pub unit: Unit,
    pub direction: Direction,
    pub source: String,
    pub source_url: String,
    pub licence: String,
    /// The person's notes on the measure (the file's notes to begin with).
    pub notes: String,
    /// The dimensions of cohesion and the framework parts the person says it speaks to.
    pub dimensions: Vec<String>,
    pub nodes: Vec<String>,
    /// Instead of a measure of their own: the shipped indicator these figures are for.
    pub attach_to: Option<String>,
}

/// One value of a dimension, for the person to pick from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimValue {
    pub code: String,
    /// The name, or the code where the file gives none.
    pub label: String,
    pub rows: usize,
    pub total: bool,
}

/// The values of a dimension column, in the file's order; empty for a column of figures.
pub fn values(column: &Column) -> Vec<DimValue> {
    let Cells::Codes { ids, codes, names } = &column.cells else {
        return Vec::new();
    };
    let mut rows = vec![0usize; codes.len()];
    for &i in ids {
        rows[i as usize] += 1;
    }
    let best = everyone(codes.iter().zip(names).map(|(c, n)| (c.as_str(), n.as_str())));
    codes
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (code, name))| DimValue {
            code: code.clone(),
            label: if name.is_empty() { code.clone() } else { name.clone() },
            rows: rows[i],
            total: Some(i) == best || (total_rank(code, name).is_some() && best.is_none()),
        })
        .collect()
}

fn lower(text: &str) -> String {
    text.to_lowercase()
}

fn names_time(column: &Column) -> bool {
    let words = lower(&format!("{} {}", column.id, column.name));
    ["time", "year", "period", "date", "quarter", "month"].iter().any(|w| words.contains(w))
}

/// How likely a dimension is to be the groups to compare (higher is likelier).
fn group_score(column: &Column, vals: &[DimValue]) -> i32 {
    let words = lower(&format!("{} {}", column.id, column.name));
    let mut score = 0;
    if vals.iter().any(|v| v.total) {
        score += 2;
    }
    const GROUPISH: [&str; 16] = [
        "area",
        "region",
        "ethnic",
        "age",
        "sex",
        "gender",
        "group",
        "district",
        "territorial",
        "council",
        "iwi",
        "disab",
        "migrant",
        "ward",
        "board",
        "city",
    ];
    if GROUPISH.iter().any(|w| words.contains(w)) {
        score += 2;
    }
    const MEASURISH: [&str; 7] = ["measure", "unit", "indicator", "variable", "statistic", "obs_", "series"];
    if MEASURISH.iter().any(|w| words.contains(w)) {
        score -= 3;
    }
    if (2..=40).contains(&vals.len()) {
        score += 1;
    }
    score
}

/// The value to hold a dimension to by default: everyone, else a percentage (for a measure
/// column), else the first.
fn default_filter(vals: &[DimValue]) -> String {
    vals.iter()
        .find(|v| v.total)
        .or_else(|| vals.iter().find(|v| lower(&v.label).contains("percent") || v.label.contains('%')))
        .or(vals.first())
        .map(|v| v.code.clone())
        .unwrap_or_default()
}

/// The unit the file's words point to.
pub fn unit_from_words(words: &str) -> Option<Unit> {
    let w = lower(words);
    // SDMX's unit codes.
    match w.trim() {
        "pc" | "pct" | "pt" | "percent" => return Some(Unit::Percent),
        "n" | "num" | "nbr" | "nb" => return Some(Unit::Count),
        "idx" | "ix" => return Some(Unit::Index),
        _ => {}
    }
    if w.contains("percent") || w.contains('%') || w.contains("proportion") {
        Some(Unit::Percent)
    } else if w.contains("index") {
        Some(Unit::Index)
    } else if w.contains("score") || w.contains("0-10") || w.contains("out of 10") {
        Some(Unit::MeanScore10)
    } else if w.contains("ratio") {
        Some(Unit::Ratio)
    } else if ["number", "count", "people", "persons", "dwellings", "households"].iter().any(|n| w.contains(n)) {
        Some(Unit::Count)
    } else {
        None
    }
}

/// What the app makes of a table before the person has said anything.
pub fn guess(table: &Table) -> Description {
    let n = table.columns.len();
    let mut roles = vec![Role::Ignore; n];
    // The figures: a column of numbers (SDMX's OBS_VALUE, a grid's figures).
    let value = table
        .columns
        .iter()
        .position(|c| matches!(c.cells, Cells::Numbers { .. }))
        .or_else(|| table.columns.iter().rposition(|c| c.profile().mostly_numeric() && !c.profile().all_periods()));
    if let Some(v) = value {
        roles[v] = Role::Value;
    }
    // The time dimension, by its name and values.
    let periods: Vec<usize> =
        (0..n).filter(|&i| Some(i) != value && table.columns[i].profile().all_periods()).collect();
    let time = periods
        .iter()
        .copied()
        .find(|&i| table.columns[i].id == "TIME_PERIOD")
        .or_else(|| periods.iter().copied().find(|&i| names_time(&table.columns[i])))
        .or(periods.first().copied());
    if let Some(t) = time {
        roles[t] = Role::Period;
    }
    for (i, c) in table.columns.iter().enumerate() {
        let id = lower(&c.id);
        if roles[i] != Role::Ignore {
            continue;
        }
        if id == "section" {
            roles[i] = Role::GroupKind;
        } else if id == "obs_status" || id.contains("status") || id == "flag" || id == "flags" {
            roles[i] = Role::Status;
        } else if matches!(id.as_str(), "lower" | "lower_bound" | "lower bound" | "ci lower" | "lower ci") {
            roles[i] = Role::Lower;
        } else if matches!(id.as_str(), "upper" | "upper_bound" | "upper bound" | "ci upper" | "upper ci") {
            roles[i] = Role::Upper;
        }
    }
    // The groups: the likeliest dimension with more than one value; the others held to
    // everyone (or their first value).
    let dims: Vec<(usize, Vec<DimValue>)> = (0..n)
        .filter(|&i| roles[i] == Role::Ignore)
        .map(|i| (i, values(&table.columns[i])))
        .filter(|(_, v)| v.len() > 1)
        .collect();
    let group =
        dims.iter().max_by_key(|(i, v)| (group_score(&table.columns[*i], v), std::cmp::Reverse(*i))).map(|(i, _)| *i);
    let mut everyone_code = None;
    for (i, vals) in &dims {
        if Some(*i) == group {
            roles[*i] = Role::Group;
            everyone_code = vals.iter().find(|v| v.total).map(|v| v.code.clone());
        } else {
            roles[*i] = Role::Filter(default_filter(vals));
        }
    }
    let about = &table.about;
    let title = about.title.clone().unwrap_or_else(|| {
        let stem = table.file.rsplit_once('.').map_or(table.file.as_str(), |(s, _)| s);
        stem.replace(['_', '-'], " ")
    });
    // The unit: the file's own words, then the values held to, then the title.
    let held: Vec<String> = roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r {
            Role::Filter(code) => values(&table.columns[i]).into_iter().find(|v| &v.code == code).map(|v| v.label),
            _ => None,
        })
        .collect();
    let unit = about
        .units
        .as_deref()
        .and_then(unit_from_words)
        .or_else(|| held.iter().find_map(|h| unit_from_words(h)))
        .or_else(|| unit_from_words(&title))
        .or_else(|| value.map(|v| &table.columns[v].name).and_then(|n| unit_from_words(n)))
        .unwrap_or(Unit::Count);
    let source = match (&about.source, &about.reference) {
        (Some(s), Some(r)) => format!("{s} ({r})"),
        (Some(s), None) => s.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => String::new(),
    };
    let groups_are = group.map(|g| table.columns[g].name.clone()).unwrap_or_default();
    Description {
        roles,
        everyone: everyone_code,
        groups_are,
        title,
        unit,
        direction: Direction::Neutral,
        source,
        source_url: String::new(),
        licence: if about
            .source
            .as_deref()
            .is_some_and(|s| s.contains("Stats NZ") || s.contains("Statistics New Zealand"))
        {
            "CC BY 4.0 (Stats NZ)".to_string()
        } else {
            String::new()
        },
        notes: about.notes.join("\n"),
        dimensions: Vec::new(),
        nodes: Vec::new(),
        attach_to: None,
    }
}

/// Something about a description that stops the measure being built, for the person to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Missing {
    Period,
    Value,
    /// More than one column marked as the groups.
    TwoGroupColumns,
    Title,
}

/// What has to change before the measure can be built.
pub fn missing(d: &Description) -> Vec<Missing> {
    let mut out = Vec::new();
    if !d.roles.contains(&Role::Period) {
        out.push(Missing::Period);
    }
    if !d.roles.contains(&Role::Value) {
        out.push(Missing::Value);
    }
    if d.roles.iter().filter(|r| **r == Role::Group).count() > 1 {
        out.push(Missing::TwoGroupColumns);
    }
    if d.title.trim().is_empty() && d.attach_to.is_none() {
        out.push(Missing::Title);
    }
    out
}

/// A person's measure: what it is, its figures, and where they came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub indicator: Indicator,
    pub rows: Vec<Observation>,
    pub notes: String,
    pub file: String,
    pub layout: Layout,
    /// The figures are for a shipped indicator (`indicator` is that one), not a measure of
    /// the person's own.
    pub attached: bool,
}

/// What building a measure gave: the measure, the rows that were read, and every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub measure: Measure,
    pub rows_read: usize,
    pub problems: DataErrors,
}

/// An id for a person's own measure, from its title, unlike any in `taken`.
pub fn measure_id(title: &str, taken: &[String]) -> String {
    let mut slug = String::new();
    for c in title.to_lowercase().chars() {
        let c = match c {
            'ā' => 'a',
            'ē' => 'e',
            'ī' => 'i',
            'ō' => 'o',
            'ū' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let base = format!("yours-{}", slug.trim_end_matches('-'));
    let base = if base == "yours-" { "yours-measure".to_string() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The group type a group column's words make: "Region" is `region`.
pub fn group_type_of(words: &str) -> String {
    let t: String = words.trim().to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    let t = t.trim_matches('_').to_string();
    if t.is_empty() || t == "total" {
        "group".to_string()
    } else {
        t
    }
}

/// A figure's status (an SDMX `OBS_STATUS` code or a status letter), as the app's flags and
/// a note; `true` where the status says there is no figure.
fn status_words(code: &str, name: &str) -> (Option<&'static str>, String, bool) {
    let words = if name.is_empty() { String::new() } else { name.to_string() };
    match code.trim() {
        "B" => (Some(FLAG_BREAK), words, false),
        "P" => (Some(FLAG_PROVISIONAL), if words.is_empty() { "provisional".into() } else { words }, false),
        "E" => (None, if words.is_empty() { "estimated".into() } else { words }, false),
        "R" => (None, if words.is_empty() { "revised".into() } else { words }, false),
        "M" | "L" | "O" => (None, if words.is_empty() { "missing value".into() } else { words }, true),
        "Q" | "C" | "S" => (Some("suppressed"), if words.is_empty() { "suppressed".into() } else { words }, true),
        "A" | "" => (None, String::new(), false),
        _ => (None, words, false),
    }
}

/// Builds the person's measure from their table and description. Rows held out by a filter
/// are left out; a row that cannot be read (a period that is not one, a figure that is not a
/// number, a second figure for the same group and period) is listed with its line and
/// column, and the rest are kept.
pub fn build(table: &Table, d: &Description, id: &str, attach: Option<&Indicator>) -> Built {
    build_over(table, d, id, attach, None)
}

/// As [`build`], stopping once `limit` figures are built.
fn build_over(table: &Table, d: &Description, id: &str, attach: Option<&Indicator>, limit: Option<usize>) -> Built {
    let mut problems = DataErrors::default();
    let role_of = |role: &Role| d.roles.iter().position(|r| r == role);
    let period_col = role_of(&Role::Period);
    let value_col = role_of(&Role::Value);
    let group_col = role_of(&Role::Group);
    let kind_col = role_of(&Role::GroupKind);
    let (lower_col, upper_col, status_col) = (role_of(&Role::Lower), role_of(&Role::Upper), role_of(&Role::Status));
    let filters: Vec<(usize, u32)> = d
        .roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match (r, &table.columns[i].cells) {
            (Role::Filter(code), Cells::Codes { codes, .. }) => {
                Some((i, codes.iter().position(|c| c == code).map_or(u32::MAX, |p| p as u32)))
            }
            _ => None,
        })
        .collect();
    let indicator = match attach {
        Some(shipped) => shipped.clone(),
        None => Indicator {
            id: id.to_string(),
            title: d.title.trim().to_string(),
            short_title: crate::core::text::shorten(d.title.trim(), 60),
            dimensions: d.dimensions.clone(),
            nodes: d.nodes.clone(),
            mapping_basis: Basis::Yours,
            unit: d.unit,
            direction: d.direction,
            definition: d.title.trim().to_string(),
            survey: String::new(),
            population: String::new(),
            source_name: d.source.trim().to_string(),
            source_url: d.source_url.trim().to_string(),
            licence: d.licence.trim().to_string(),
        },
    };
    let unit = indicator.unit;
    let measure = |rows| Measure {
        indicator: indicator.clone(),
        rows,
        notes: d.notes.clone(),
        file: table.file.clone(),
        layout: table.layout,
        attached: attach.is_some(),
    };
    let (Some(pc), Some(vc)) = (period_col, value_col) else {
        return Built { measure: measure(Vec::new()), rows_read: 0, problems };
    };
    let at = |row: usize, column: u16| Some(Position { line: table.lines[row] as usize, column: column as usize });
    // Each distinct period is read once.
    let period_cells = &table.columns[pc].cells;
    let period_of: Vec<Option<Period>> = match period_cells {
        Cells::Codes { codes, .. } => codes.iter().map(|c| period(c)).collect(),
        Cells::Numbers { .. } => Vec::new(),
    };
    let ids_of = |c: usize| match &table.columns[c].cells {
        Cells::Codes { ids, .. } => Some(ids),
        Cells::Numbers { .. } => None,
    };
    let filter_ids: Vec<(&Vec<u32>, u32)> =
        filters.iter().filter_map(|&(c, want)| ids_of(c).map(|ids| (ids, want))).collect();
    let group_type = group_type_of(&d.groups_are);
    let mut seen: HashMap<(Period, (u32, u32)), usize> = HashMap::default();
    let mut rows = Vec::new();
    let mut rows_read = 0;
    for row in 0..table.rows() {
        if limit.is_some_and(|l| rows.len() >= l) {
            break;
        }
        if filter_ids.iter().any(|(ids, want)| ids[row] != *want) {
            continue;
        }
        rows_read += 1;
        let column = table.value_columns[row];
        let when = match period_cells {
            Cells::Codes { ids, .. } => period_of[ids[row] as usize],
            Cells::Numbers { .. } => None,
        };
        let Some(when) = when else {
            let text = table.columns[pc].text(row);
            problems.push(DataError::new(
                &table.file,
                at(row, column),
                format!("\"{text}\" ({}) is not a period this app reads (2023, 2024Q4, 2023M06, 2023-Q2, 2011/12, June 2023)", table.columns[pc].name),
            ));
            continue;
        };
        // Who the figure is for, as ids (for the check on second figures, without building
        // text for every row): the group's code and the kind's, or everyone.
        let code_id = |c: usize| match &table.columns[c].cells {
            Cells::Codes { ids, .. } => ids[row],
            Cells::Numbers { .. } => u32::MAX,
        };
        let (group_type, group, who) = match group_col {
            Some(g) => {
                let code = match &table.columns[g].cells {
                    Cells::Codes { ids, codes, .. } => codes[ids[row] as usize].as_str(),
                    Cells::Numbers { .. } => "",
                };
                let kind = kind_col.map(|k| table.columns[k].text(row)).filter(|k| !k.trim().is_empty());
                if d.everyone.as_deref() == Some(code) {
                    ("total".to_string(), "Total".to_string(), (u32::MAX, u32::MAX))
                } else {
                    let who = (kind_col.map_or(u32::MAX - 1, code_id), code_id(g));
                    (kind.map_or_else(|| group_type.clone(), |k| group_type_of(&k)), table.columns[g].text(row), who)
                }
            }
            None => ("total".to_string(), "Total".to_string(), (u32::MAX, u32::MAX)),
        };
        let (value, written) = table.columns[vc].figure_at(row);
        let mut flags: Vec<&str> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        let mut no_figure = false;
        if let Some(w) = &written {
            if value.is_some() {
                // A status letter beside the number.
                let (flag, words, _) = status_words(w, "");
                flags.extend(flag);
                if !words.is_empty() {
                    notes.push(words);
                }
            } else if GAP_SYMBOLS.contains(&w.as_str()) {
                let meaning = symbol_meaning(&table.about, w);
                if meaning.contains("onfidential") || meaning.contains("uppress") {
                    flags.push("suppressed");
                }
                notes.push(meaning);
            } else {
                problems.push(DataError::new(
                    &table.file,
                    at(row, column),
                    format!("expected a number or a symbol such as .. for a figure not available, found \"{w}\""),
                ));
                continue;
            }
        }
        if let Some(s) = status_col {
            if let Cells::Codes { ids, codes, names } = &table.columns[s].cells {
                let i = ids[row] as usize;
                let (flag, words, none) = status_words(&codes[i], &names[i]);
                flags.extend(flag);
                if !words.is_empty() && !notes.contains(&words) {
                    notes.push(words);
                }
                no_figure |= none;
            }
        }
        let value = if no_figure { None } else { value };
        if let (Some(v), Some((lo, hi))) = (value, unit.range()) {
            if v < lo || v > hi {
                problems.push(DataError::new(
                    &table.file,
                    at(row, column),
                    format!("{v} is outside the range of a {} ({lo} to {hi})", unit.name()),
                ));
                continue;
            }
        }
        let key = (when, who);
        if let Some(&first) = seen.get(&key) {
            problems.push(DataError::new(
                &table.file,
                at(row, column),
                format!(
                    "a second figure for {group}, {when} (the first is on line {first}): hold another column to one value, or choose which column has the groups"
                ),
            ));
            continue;
        }
        seen.insert(key, table.lines[row] as usize);
        let bound = |c: Option<usize>| c.and_then(|c| table.columns[c].figure_at(row).0);
        flags.dedup();
        rows.push(Observation {
            indicator: indicator.id.clone(),
            period: when,
            group_type,
            group,
            value,
            lower: bound(lower_col),
            upper: bound(upper_col),
            sample_size: None,
            flags: flags.join(";"),
            source: d.source.trim().to_string(),
            source_url: d.source_url.trim().to_string(),
            read_at: String::new(),
            note: notes.join("; "),
        });
    }
    Built { measure: measure(rows), rows_read, problems }
}

/// The first rows of the measure as it would be built, for the preview.
pub fn preview(table: &Table, d: &Description, rows: usize) -> Vec<Observation> {
    build_over(table, d, "preview", None, Some(rows)).measure.rows
}
