//! A person's table as the app understood it: one row per figure, every other column a
//! dimension whose values are kept once each (a million rows of a census table name a few
//! dozen areas), and the file's line and column of each figure, so a problem found later
//! can still say where it is.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::cells::{figure, Figure};

/// Above this many distinct values, a column of numbers is kept as numbers, not as values
/// to choose from (it is a measure, not a dimension).
pub const MANY_VALUES: usize = 4096;

/// One column: its id as the file writes it, the name a person reads, and its cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub cells: Cells,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cells {
    /// A dimension: each row's value as an index into `codes` (as written) and `names`
    /// (the value's name, where the file gives one; "" where it does not).
    Codes { ids: Vec<u32>, codes: Vec<String>, names: Vec<String> },
    /// Figures: each row's number (NaN where the cell held none), and for the cells that
    /// held something else, or a status letter beside the number, what they held.
    Numbers { values: Vec<f64>, notes: Vec<(u32, String)> },
}

impl Cells {
    pub fn len(&self) -> usize {
        match self {
            Cells::Codes { ids, .. } => ids.len(),
            Cells::Numbers { values, .. } => values.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Column {
    /// How many distinct values a dimension has (`None` for a column of figures).
    pub fn distinct(&self) -> Option<usize> {
        match &self.cells {
            Cells::Codes { codes, .. } => Some(codes.len()),
            Cells::Numbers { .. } => None,
        }
    }

    /// What row `row` holds, as a person reads it: the value's name, else its code.
    pub fn text(&self, row: usize) -> String {
        match &self.cells {
            Cells::Codes { ids, codes, names } => {
                let i = ids[row] as usize;
                if names[i].is_empty() {
                    codes[i].clone()
                } else {
                    names[i].clone()
                }
            }
            Cells::Numbers { values, notes } => {
                let v = values[row];
                let note = note_at(notes, row);
                match (v.is_nan(), note) {
                    (false, Some(n)) => format!("{} {n}", crate::core::indicators::model::format_number(v)),
                    (false, None) => crate::core::indicators::model::format_number(v),
                    (true, Some(n)) => n.to_string(),
                    (true, None) => String::new(),
                }
            }
        }
    }

    /// Row `row` read as a figure: from a column of numbers directly, from a dimension by
    /// reading its value (a small table's figures are few enough to be kept as values).
    pub fn figure_at(&self, row: usize) -> (Option<f64>, Option<String>) {
        match &self.cells {
            Cells::Numbers { values, notes } => {
                let v = values[row];
                ((!v.is_nan()).then_some(v), note_at(notes, row).map(str::to_string))
            }
            Cells::Codes { ids, codes, .. } => match figure(&codes[ids[row] as usize]) {
                Figure::Number { value, status } => (Some(value), status.map(str::to_string)),
                Figure::Gap(symbol) => (None, Some(symbol.to_string())),
                Figure::Empty => (None, None),
                Figure::Text => (None, Some(codes[ids[row] as usize].clone())),
            },
        }
    }

    /// The share of rows that read as numbers or gap symbols, and of the values that read as
    /// periods: what a column could be.
    pub fn profile(&self) -> ColumnProfile {
        match &self.cells {
            Cells::Numbers { values, notes } => ColumnProfile {
                numeric: values.iter().filter(|v| !v.is_nan()).count()
                    + notes
                        .iter()
                        .filter(|(r, _)| values[*r as usize].is_nan())
                        .filter(|(_, n)| super::cells::GAP_SYMBOLS.contains(&n.as_str()))
                        .count(),
                rows: values.len(),
                periods: 0,
                distinct: None,
            },
            Cells::Codes { ids, codes, .. } => {
                let mut count = vec![0usize; codes.len()];
                for &i in ids {
                    count[i as usize] += 1;
                }
                let mut numeric = 0;
                let mut periods = 0;
                for (code, n) in codes.iter().zip(&count) {
                    if matches!(figure(code), Figure::Number { .. } | Figure::Gap(_)) {
                        numeric += n;
                    }
                    if super::cells::period(code).is_some() {
                        periods += 1;
                    }
                }
                ColumnProfile { numeric, rows: ids.len(), periods, distinct: Some(codes.len()) }
            }
        }
    }
}

/// What a column looks like, for guessing its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnProfile {
    /// Rows that read as a number or a gap symbol.
    pub numeric: usize,
    pub rows: usize,
    /// Distinct values that read as periods.
    pub periods: usize,
    pub distinct: Option<usize>,
}

impl ColumnProfile {
    pub fn mostly_numeric(&self) -> bool {
        self.rows > 0 && self.numeric * 10 >= self.rows * 9
    }

    pub fn all_periods(&self) -> bool {
        self.distinct.is_some_and(|d| d > 0 && self.periods == d)
    }
}

fn note_at(notes: &[(u32, String)], row: usize) -> Option<&str> {
    notes.binary_search_by_key(&(row as u32), |(r, _)| *r).ok().map(|i| notes[i].1.as_str())
}

/// How the table was laid out in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// SDMX-CSV (Aotearoa Data Explorer and other .Stat Suite sites), and which labels.
    Sdmx(Labels),
    /// Infoshare: a title, heading rows, periods down, series across, notes below.
    Infoshare,
    /// One row per figure, with columns of any names.
    Tidy,
    /// Groups (or other labels) down, periods across.
    PeriodsAcross,
    /// Periods down, groups across (a person's own table that way round).
    PeriodsDown,
}

/// SDMX-CSV's label modes (its `labels` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Labels {
    /// Codes only.
    Codes,
    /// Each code column followed by a column of names.
    Names,
    /// `CODE: Name` in every cell.
    Both,
}

/// What the file says about itself, beyond its rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct About {
    /// The title: SDMX's `STRUCTURE_NAME`, Infoshare's first row, a sheet's title rows.
    pub title: Option<String>,
    /// Who published it, where the file says (`Stats NZ`).
    pub source: Option<String>,
    /// The dataflow or table's reference (`STATSNZ:CEN23_HOU_012(1.0)`, `CPI009AA`).
    pub reference: Option<String>,
    /// The unit, as the file words it (Infoshare's `Units:`).
    pub units: Option<String>,
    /// The notes below the table, line by line.
    pub notes: Vec<String>,
    /// What the file's symbols mean (`..` → "figure not available"), from its notes.
    pub symbols: Vec<(String, String)>,
}

/// A table read from a person's file, before they have said what it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub file: String,
    pub layout: Layout,
    pub about: About,
    pub columns: Vec<Column>,
    /// Each row's line in the file, and the column its figure came from (both from 1).
    pub lines: Vec<u32>,
    pub value_columns: Vec<u16>,
}

impl Table {
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    pub fn column(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }
}

/// What kind of cells a column being built holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Codes,
    Numbers,
}

/// A column being filled, a row at a time.
enum Building {
    Codes {
        ids: Vec<u32>,
        codes: Vec<String>,
        names: Vec<String>,
        index: HashMap<String, u32>,
        /// The last value seen: rows usually repeat it, and a comparison is cheaper than a
        /// look-up.
        last: Option<u32>,
    },
    Numbers {
        values: Vec<f64>,
        notes: Vec<(u32, String)>,
    },
}

/// Builds a [`Table`] row by row: a value for every column, then [`TableBuilder::end_row`].
pub struct TableBuilder {
    ids: Vec<(String, String)>,
    columns: Vec<Building>,
    lines: Vec<u32>,
    value_columns: Vec<u16>,
}

impl TableBuilder {
    /// A table with these columns: (id, name, kind).
    pub fn new(columns: Vec<(String, String, Kind)>) -> TableBuilder {
        let building = columns
            .iter()
            .map(|(_, _, kind)| match kind {
                Kind::Codes => Building::Codes {
                    ids: Vec::new(),
                    codes: Vec::new(),
                    names: Vec::new(),
                    index: HashMap::default(),
                    last: None,
                },
                Kind::Numbers => Building::Numbers { values: Vec::new(), notes: Vec::new() },
            })
            .collect();
        TableBuilder {
            ids: columns.into_iter().map(|(id, name, _)| (id, name)).collect(),
            columns: building,
            lines: Vec::new(),
            value_columns: Vec::new(),
        }
    }

    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// Sets column `col`'s value in the row being built (a dimension's code, or a figure as
    /// written).
    pub fn push(&mut self, col: usize, cell: &str) {
        let row = self.lines.len() as u32;
        let grew_past = match &mut self.columns[col] {
            Building::Codes { ids, codes, names, index, last } => {
                let cell = super::cells::trim(cell);
                let id = match *last {
                    Some(l) if codes[l as usize] == cell => l,
                    _ => match index.get(cell) {
                        Some(&id) => id,
                        None => {
                            let id = codes.len() as u32;
                            codes.push(cell.to_string());
                            names.push(String::new());
                            index.insert(cell.to_string(), id);
                            id
                        }
                    },
                };
                *last = Some(id);
                ids.push(id);
                // Checked once, as the column passes the mark: a column of text stays text.
                codes.len() == MANY_VALUES + 1 && mostly_numbers(codes)
            }
            Building::Numbers { values, notes } => {
                match figure(cell) {
                    Figure::Number { value, status } => {
                        values.push(value);
                        if let Some(s) = status {
                            notes.push((row, s.to_string()));
                        }
                    }
                    Figure::Empty => values.push(f64::NAN),
                    Figure::Gap(symbol) => {
                        values.push(f64::NAN);
                        notes.push((row, symbol.to_string()));
                    }
                    Figure::Text => {
                        values.push(f64::NAN);
                        notes.push((row, super::cells::trim(cell).to_string()));
                    }
                }
                false
            }
        };
        if grew_past {
            self.to_numbers(col);
        }
    }

    /// Names the value just pushed into column `col` (SDMX-CSV's name columns), unless it has
    /// a name already.
    pub fn name_last(&mut self, col: usize, name: &str) {
        if let Building::Codes { names, last: Some(l), .. } = &mut self.columns[col] {
            let slot = &mut names[*l as usize];
            if slot.is_empty() {
                let name = super::cells::trim(name);
                if !name.is_empty() {
                    *slot = name.to_string();
                }
            }
        }
    }

    /// Ends the row: the line it came from, and the column its figure was in.
    pub fn end_row(&mut self, line: u32, value_column: u16) {
        self.lines.push(line);
        self.value_columns.push(value_column);
    }

    /// Drops a row begun but not ended (a row that turned out to be a note, say).
    pub fn abandon_row(&mut self) {
        let rows = self.lines.len();
        for column in &mut self.columns {
            match column {
                Building::Codes { ids, .. } => ids.truncate(rows),
                Building::Numbers { values, notes } => {
                    values.truncate(rows);
                    while notes.last().is_some_and(|(r, _)| *r as usize >= rows) {
                        notes.pop();
                    }
                }
            }
        }
    }

    fn to_numbers(&mut self, col: usize) {
        let Building::Codes { ids, codes, .. } = &self.columns[col] else { return };
        let mut values = Vec::with_capacity(ids.capacity());
        let mut notes = Vec::new();
        for (row, &id) in ids.iter().enumerate() {
            let code = &codes[id as usize];
            match figure(code) {
                Figure::Number { value, status } => {
                    values.push(value);
                    if let Some(s) = status {
                        notes.push((row as u32, s.to_string()));
                    }
                }
                Figure::Empty => values.push(f64::NAN),
                Figure::Gap(s) => {
                    values.push(f64::NAN);
                    notes.push((row as u32, s.to_string()));
                }
                Figure::Text => {
                    values.push(f64::NAN);
                    notes.push((row as u32, code.clone()));
                }
            }
        }
        self.columns[col] = Building::Numbers { values, notes };
    }

    pub fn finish(self, file: &str, layout: Layout, about: About) -> Table {
        let columns = self
            .ids
            .into_iter()
            .zip(self.columns)
            .map(|((id, name), cells)| Column {
                id,
                name,
                cells: match cells {
                    Building::Codes { ids, codes, names, .. } => Cells::Codes { ids, codes, names },
                    Building::Numbers { values, notes } => Cells::Numbers { values, notes },
                },
            })
            .collect();
        Table { file: file.to_string(), layout, about, columns, lines: self.lines, value_columns: self.value_columns }
    }
}

fn mostly_numbers(codes: &[String]) -> bool {
    let numeric =
        codes.iter().filter(|c| matches!(figure(c), Figure::Number { .. } | Figure::Gap(_) | Figure::Empty)).count();
    numeric * 10 >= codes.len() * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder() -> TableBuilder {
        TableBuilder::new(vec![
            ("AREA".into(), "Area".into(), Kind::Codes),
            ("OBS_VALUE".into(), "Value".into(), Kind::Numbers),
        ])
    }

    #[test]
    fn dimensions_keep_each_value_once_with_its_name() {
        let mut b = builder();
        for (line, (area, name, v)) in
            [("01", "Northland", "12"), ("01", "", "13"), ("02", "Auckland", "..")].iter().enumerate()
        {
            b.push(0, area);
            b.name_last(0, name);
            b.push(1, v);
            b.end_row(line as u32 + 2, 2);
        }
        let t = b.finish("f.csv", Layout::Tidy, About::default());
        assert_eq!(t.rows(), 3);
        assert_eq!(t.columns[0].distinct(), Some(2));
        assert_eq!(t.columns[0].text(1), "Northland");
        assert_eq!(t.columns[0].text(2), "Auckland");
        assert_eq!(t.columns[1].figure_at(0), (Some(12.0), None));
        assert_eq!(t.columns[1].figure_at(2), (None, Some("..".into())));
        assert_eq!(t.lines, vec![2, 3, 4]);
    }

    #[test]
    fn a_column_of_many_numbers_becomes_numbers() {
        let mut b = TableBuilder::new(vec![("v".into(), "v".into(), Kind::Codes)]);
        for i in 0..(MANY_VALUES + 10) {
            b.push(0, &format!("{i}.5"));
            b.end_row(i as u32 + 1, 1);
        }
        let t = b.finish("f", Layout::Tidy, About::default());
        assert!(matches!(t.columns[0].cells, Cells::Numbers { .. }));
        assert_eq!(t.columns[0].figure_at(7), (Some(7.5), None));
    }

    #[test]
    fn an_abandoned_row_leaves_no_trace() {
        let mut b = builder();
        b.push(0, "01");
        b.push(1, "5");
        b.end_row(2, 2);
        b.push(0, "Source: Stats NZ");
        b.push(1, "x");
        b.abandon_row();
        let t = b.finish("f", Layout::Tidy, About::default());
        assert_eq!(t.rows(), 1);
        assert_eq!(t.columns[0].cells.len(), 1);
        assert_eq!(t.columns[1].cells.len(), 1);
        assert!(matches!(&t.columns[1].cells, Cells::Numbers { notes, .. } if notes.is_empty()));
    }
}
