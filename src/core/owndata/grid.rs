//! Tables laid out for people rather than machines, found from their first rows: title rows
//! above, one or more heading rows, the figures, notes below. Three ways round:
//! - periods down and series across: Infoshare (a blank corner cell, one to three heading
//!   rows naming each series, `..` for a figure not available), or a person's own table with
//!   `Year` in the corner and groups across;
//! - labels down and periods across: a working group's spreadsheet, groups down, years across,
//!   perhaps with section rows (`Ethnicity`, then its groups);
//! - tidy: one row per figure, columns of any names (`Census year,Measure,Region,Value`).
//! Each becomes the same long table: one row per figure.

use super::cells::{figure, period, trim, Figure};
use super::records::RecordRef;
use super::table::{Kind, TableBuilder};

/// A sample row: its line and cells.
pub type Row = (u32, Vec<String>);

#[derive(Debug, Clone, PartialEq)]
pub enum GridPlan {
    PeriodsDown(PeriodsDown),
    PeriodsAcross(PeriodsAcross),
    Tidy(Tidy),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodsDown {
    pub period_name: String,
    /// Each series: its column, and its heading at each heading row.
    pub series: Vec<(usize, Vec<String>)>,
    pub level_names: Vec<String>,
    /// Laid out as Infoshare lays out its tables (a blank corner cell under a title).
    pub infoshare: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodsAcross {
    /// The label columns down the left: (column, heading).
    pub labels: Vec<(usize, String)>,
    /// The period columns: (column, heading as written).
    pub periods: Vec<(usize, String)>,
    /// Rows with only a first cell, between groups of rows, name a section.
    pub sections: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tidy {
    pub headings: Vec<String>,
    /// The column of figures.
    pub value: usize,
    pub sections: bool,
}

/// A plan, and where the sample's table starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub plan: GridPlan,
    /// The title rows above the table, joined.
    pub title: Option<String>,
    /// The sample row the figures start at.
    pub data_from: usize,
}

/// Why a grid is not a table the app can read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum NotATable {
    /// Nothing but blank cells.
    Empty,
    /// One column only (a list, or text): its first lines.
    OneColumn(Vec<String>),
    /// A table, but not one cell of it a number: its headings.
    NoNumbers(Vec<String>),
}

/// Words that begin a note below a table, not a row of it ("Source: our survey, 2023"
/// splits into two cells at its comma, and would otherwise read as a figure).
fn is_note_text(cell: &str) -> bool {
    let c = trim(cell).to_lowercase();
    [
        "source:",
        "sources:",
        "note:",
        "notes:",
        "footnote",
        "symbols:",
        "table information",
        "data from ",
        "copyright",
        "©",
    ]
    .iter()
    .any(|w| c.starts_with(w))
}

/// Every cell but the first.
fn rest(row: &[String]) -> &[String] {
    row.get(1..).unwrap_or(&[])
}

fn filled(row: &[String]) -> usize {
    row.iter().filter(|c| !trim(c).is_empty()).count()
}

fn is_figure(cell: &str) -> bool {
    matches!(figure(cell), Figure::Number { .. } | Figure::Gap(_) | Figure::Empty)
}

fn has_number(cells: &[String]) -> bool {
    cells.iter().any(|c| matches!(figure(c), Figure::Number { .. }))
}

/// Headings that name an interval's ends or a sample, not a group: a table with these
/// across is tidy, not periods down.
fn is_attribute_heading(h: &str) -> bool {
    let h = h.trim().to_ascii_lowercase();
    [
        "lower",
        "upper",
        "ci",
        "confidence",
        "interval",
        "sample",
        "margin",
        "moe",
        "se",
        "standard error",
        "flag",
        "status",
        "note",
    ]
    .iter()
    .any(|w| {
        h == *w
            || h.starts_with(&format!("{w} "))
            || h.ends_with(&format!(" {w}"))
            || h.contains(&format!("{w}_"))
            || h.contains(&format!("_{w}"))
    })
}

/// Names a column of figures goes by.
fn is_value_heading(h: &str) -> bool {
    let h = h.trim().to_ascii_lowercase();
    [
        "obs_value",
        "value",
        "values",
        "data value",
        "data_value",
        "observation value",
        "figure",
        "estimate",
        "percent",
        "percentage",
        "%",
        "count",
        "number",
        "rate",
        "score",
        "mean",
        "proportion",
    ]
    .contains(&h.as_str())
}

/// The name of the one thing a table's title says it is "by" (`… by Region (Annual-Mar)`).
fn by_what(title: Option<&str>) -> Option<String> {
    let title = title?;
    let (_, rest) = title.rsplit_once(" by ")?;
    let rest = rest.split('(').next()?.trim();
    (!rest.is_empty() && !rest.contains(" and ") && !rest.contains(',')).then(|| {
        let mut c = rest.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    })
}

/// Finds the table in the first rows of a grid.
pub fn plan(sample: &[Row]) -> Result<Planned, NotATable> {
    let mut at = 0;
    while at < sample.len() && filled(&sample[at].1) == 0 {
        at += 1;
    }
    if at == sample.len() {
        return Err(NotATable::Empty);
    }
    // Title rows: only their first cell filled.
    let mut titles = Vec::new();
    while at < sample.len() {
        let row = &sample[at].1;
        let n = filled(row);
        if n == 0 {
            at += 1;
            continue;
        }
        if n == 1 && !trim(&row[0]).is_empty() {
            titles.push(trim(&row[0]).to_string());
            at += 1;
        } else {
            break;
        }
    }
    if at == sample.len() {
        let first: Vec<String> = titles.into_iter().take(3).collect();
        return Err(if first.is_empty() { NotATable::Empty } else { NotATable::OneColumn(first) });
    }
    let title = (!titles.is_empty()).then(|| titles.join(" — "));
    if let Some(p) = periods_down(sample, at, title.as_deref()) {
        return Ok(Planned { plan: GridPlan::PeriodsDown(p.0), title, data_from: p.1 });
    }
    if let Some(p) = periods_across(sample, at) {
        return Ok(Planned { plan: GridPlan::PeriodsAcross(p), title, data_from: at + 1 });
    }
    tidy(sample, at).map(|t| Planned { plan: GridPlan::Tidy(t), title, data_from: at + 1 })
}

/// Periods down the first column, with one to four heading rows above them.
fn periods_down(sample: &[Row], head: usize, title: Option<&str>) -> Option<(PeriodsDown, usize)> {
    let data = (head..sample.len().min(head + 6)).find(|&i| {
        let row = &sample[i].1;
        period(row.first().map_or("", String::as_str)).is_some()
            && has_number(rest(row))
            && rest(row).iter().all(|c| is_figure(c))
    })?;
    let headings = &sample[head..data];
    if headings.is_empty() || headings.len() > 4 {
        return None;
    }
    let corner_blank = headings.iter().all(|(_, r)| trim(r.first().map_or("", String::as_str)).is_empty());
    let corner = trim(headings[0].1.first().map_or("", String::as_str)).to_string();
    if !corner_blank && (headings.len() != 1 || period(&corner).is_some()) {
        return None;
    }
    // The rows below must be periods with figures, too (a tidy table with a year first and
    // text columns is not this).
    let rows: Vec<&Vec<String>> = sample[data..]
        .iter()
        .map(|(_, r)| r)
        .filter(|r| filled(r) > 0)
        .take_while(|r| period(&r[0]).is_some())
        .collect();
    if rows.iter().any(|r| !rest(r).iter().all(|c| is_figure(c))) {
        return None;
    }
    let last = headings.last().map(|(_, r)| r).expect("one heading row at least");
    if !corner_blank && rest(last).iter().any(|h| is_attribute_heading(h) || period(h).is_some()) {
        return None;
    }
    let width = headings.iter().map(|(_, r)| r.len()).chain(rows.iter().map(|r| r.len())).max().unwrap_or(0);
    // Headings spanning columns (merged cells, written once) carry on to the right, but for
    // the last row, which names each column.
    let mut levels: Vec<Vec<String>> = headings
        .iter()
        .map(|(_, r)| (0..width).map(|j| trim(r.get(j).map_or("", String::as_str)).to_string()).collect())
        .collect();
    let lowest = levels.len() - 1;
    for level in levels.iter_mut().take(lowest) {
        for j in 2..width {
            if level[j].is_empty() {
                level[j] = level[j - 1].clone();
            }
        }
    }
    let series: Vec<(usize, Vec<String>)> = (1..width)
        .filter(|&j| {
            levels.iter().any(|l| !l[j].is_empty())
                || rows.iter().any(|r| !trim(r.get(j).map_or("", String::as_str)).is_empty())
        })
        .map(|j| (j, levels.iter().map(|l| l[j].clone()).collect()))
        .collect();
    if series.is_empty() {
        return None;
    }
    let level_names = if levels.len() == 1 {
        vec![by_what(title).unwrap_or_else(|| "Group".to_string())]
    } else {
        (1..=levels.len()).map(|i| format!("Heading row {i}")).collect()
    };
    let period_name = if corner.is_empty() { "Period".to_string() } else { corner };
    Some((PeriodsDown { period_name, series, level_names, infoshare: corner_blank && title.is_some() }, data))
}

/// Labels down the left, periods across the heading row.
fn periods_across(sample: &[Row], head: usize) -> Option<PeriodsAcross> {
    let heading = &sample[head].1;
    let first_period = (1..heading.len()).find(|&j| period(&heading[j]).is_some())?;
    let periods: Vec<(usize, String)> = (first_period..heading.len())
        .filter(|&j| !trim(&heading[j]).is_empty())
        .map(|j| (j, trim(&heading[j]).to_string()))
        .collect();
    if periods.iter().any(|(_, h)| period(h).is_none()) || (periods.len() < 2 && first_period == 1 && heading.len() > 2)
    {
        return None;
    }
    let rows: Vec<&Vec<String>> = sample[head + 1..].iter().map(|(_, r)| r).filter(|r| filled(r) > 1).collect();
    let figures =
        rows.iter().filter(|r| periods.iter().all(|(j, _)| is_figure(r.get(*j).map_or("", String::as_str)))).count();
    if rows.is_empty() || figures * 10 < rows.len() * 9 {
        return None;
    }
    let labels = (0..first_period)
        .map(|j| {
            let h = trim(&heading[j]);
            (
                j,
                if h.is_empty() {
                    if j == 0 {
                        "Group".to_string()
                    } else {
                        format!("Column {}", j + 1)
                    }
                } else {
                    h.to_string()
                },
            )
        })
        .collect();
    Some(PeriodsAcross { labels, periods, sections: has_sections(&sample[head + 1..]) })
}

/// Whether rows with only a first cell sit between rows of figures (section headings).
fn has_sections(rows: &[Row]) -> bool {
    let mut heading = false;
    for (_, r) in rows {
        match filled(r) {
            0 => {}
            1 if !trim(&r[0]).is_empty() => heading = true,
            _ if heading => return true,
            _ => {}
        }
    }
    false
}

/// One row per figure.
fn tidy(sample: &[Row], head: usize) -> Result<Tidy, NotATable> {
    let headings: Vec<String> = sample[head].1.iter().map(|h| trim(h).to_string()).collect();
    let rows: Vec<&Vec<String>> = sample[head + 1..].iter().map(|(_, r)| r).filter(|r| filled(r) > 1).collect();
    // A column of figures: nine cells in ten numbers or gap symbols; half, for a column
    // named as figures (the rest are then listed as problems, not lost).
    let numeric = |j: usize, tenths: usize| {
        let cells: Vec<&str> =
            rows.iter().map(|r| r.get(j).map_or("", String::as_str)).filter(|c| !trim(c).is_empty()).collect();
        !cells.is_empty()
            && cells.iter().filter(|c| matches!(figure(c), Figure::Number { .. } | Figure::Gap(_))).count() * 10
                >= cells.len() * tenths
            && cells.iter().any(|c| matches!(figure(c), Figure::Number { .. }))
    };
    let all_periods = |j: usize| rows.iter().all(|r| period(r.get(j).map_or("", String::as_str)).is_some());
    let by_name = (0..headings.len()).find(|&j| is_value_heading(&headings[j]) && numeric(j, 5));
    let value = by_name.or_else(|| {
        (0..headings.len()).rev().find(|&j| {
            numeric(j, 9)
                && !all_periods(j)
                && !is_attribute_heading(&headings[j])
                && !headings[j].to_ascii_lowercase().contains("code")
        })
    });
    match value {
        Some(value) => Ok(Tidy { headings, value, sections: has_sections(&sample[head + 1..]) }),
        None if rows.is_empty() && headings.len() < 2 => Err(NotATable::OneColumn(headings)),
        None => Err(NotATable::NoNumbers(headings.into_iter().filter(|h| !h.is_empty()).collect())),
    }
}

/// What a row of the grid was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Took {
    /// One or more figures.
    Figures,
    /// Nothing to read (a blank row, a row of blank figures).
    Nothing,
    /// Not part of the table: a note, or a section's heading; the caller decides which.
    Aside,
}

impl GridPlan {
    /// The long table's columns, and whether the table has a column for sections.
    pub fn columns(&self) -> Vec<(String, String, Kind)> {
        let codes = |name: &str| (name.to_string(), name.to_string(), Kind::Codes);
        match self {
            GridPlan::PeriodsDown(p) => std::iter::once(codes(&p.period_name))
                .chain(p.level_names.iter().map(|n| codes(n)))
                .chain(std::iter::once(("Value".to_string(), "Value".to_string(), Kind::Numbers)))
                .collect(),
            GridPlan::PeriodsAcross(p) => p
                .sections
                .then(|| codes("Section"))
                .into_iter()
                .chain(p.labels.iter().map(|(_, n)| codes(n)))
                .chain([codes("Period"), ("Value".to_string(), "Value".to_string(), Kind::Numbers)])
                .collect(),
            GridPlan::Tidy(t) => t
                .sections
                .then(|| codes("Section"))
                .into_iter()
                .chain(t.headings.iter().enumerate().map(|(j, h)| {
                    let name = if h.is_empty() { format!("Column {}", j + 1) } else { h.clone() };
                    (name.clone(), name, if j == t.value { Kind::Numbers } else { Kind::Codes })
                }))
                .collect(),
        }
    }

    fn sections(&self) -> bool {
        matches!(
            self,
            GridPlan::PeriodsAcross(PeriodsAcross { sections: true, .. }) | GridPlan::Tidy(Tidy { sections: true, .. })
        )
    }

    /// Whether a row is not part of the table: a note, or a section's heading.
    pub fn is_aside(&self, row: RecordRef<'_>) -> bool {
        if row.is_blank() {
            return false;
        }
        let only_first = row.filled() == 1 && !trim(row.get(0)).is_empty();
        if is_note_text(row.get(0)) {
            return true;
        }
        match self {
            GridPlan::PeriodsDown(_) => period(row.get(0)).is_none(),
            GridPlan::PeriodsAcross(_) => only_first,
            GridPlan::Tidy(t) => only_first && t.headings.len() > 1,
        }
    }

    /// Reads one row into the table. `section` is the section heading the row is under.
    pub fn take(&self, row: RecordRef<'_>, line: u32, section: &str, table: &mut TableBuilder) -> Took {
        if row.is_blank() {
            return Took::Nothing;
        }
        let only_first = row.filled() == 1 && !trim(row.get(0)).is_empty();
        let offset = usize::from(self.sections());
        let mut took = Took::Nothing;
        match self {
            GridPlan::PeriodsDown(p) => {
                let when = row.get(0);
                if period(when).is_none() {
                    return Took::Aside;
                }
                let value = 1 + p.level_names.len();
                for (j, levels) in &p.series {
                    let cell = row.get(*j);
                    if figure(cell) == Figure::Empty {
                        continue;
                    }
                    table.push(0, when);
                    for (k, l) in levels.iter().enumerate() {
                        table.push(1 + k, l);
                    }
                    table.push(value, cell);
                    table.end_row(line, *j as u16 + 1);
                    took = Took::Figures;
                }
            }
            GridPlan::PeriodsAcross(p) => {
                if only_first {
                    return Took::Aside;
                }
                let period_col = offset + p.labels.len();
                for (j, when) in &p.periods {
                    let cell = row.get(*j);
                    if figure(cell) == Figure::Empty {
                        continue;
                    }
                    if p.sections {
                        table.push(0, section);
                    }
                    for (k, (c, _)) in p.labels.iter().enumerate() {
                        table.push(offset + k, row.get(*c));
                    }
                    table.push(period_col, when);
                    table.push(period_col + 1, cell);
                    table.end_row(line, *j as u16 + 1);
                    took = Took::Figures;
                }
            }
            GridPlan::Tidy(t) => {
                if only_first && t.headings.len() > 1 {
                    return Took::Aside;
                }
                if t.sections {
                    table.push(0, section);
                }
                for j in 0..t.headings.len() {
                    table.push(offset + j, row.get(j));
                }
                table.end_row(line, t.value as u16 + 1);
                took = Took::Figures;
            }
        }
        took
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn grid(text: &str) -> Vec<Row> {
        let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        r.records()
            .map(|rec| {
                let rec = rec.expect("a record");
                (rec.position().map_or(0, |p| p.line() as u32), rec.iter().map(str::to_string).collect())
            })
            .collect()
    }

    #[test]
    fn infoshare_tables_are_periods_down_under_a_title() {
        let g = grid("\"Labour force participation rate by Region (Qrtly-Mar/Jun/Sep/Dec)\",\"\",\"\"\n\"\",\"Northland\",\"Auckland\"\n\"2024Q3\",61.2,..\n\"2024Q4\",62.1,70.3\n\"Table information:\"\n");
        let p = plan(&g).expect("a plan");
        let GridPlan::PeriodsDown(d) = &p.plan else { panic!("{p:?}") };
        assert!(d.infoshare);
        assert_eq!(d.level_names, ["Region"]);
        assert_eq!(d.series, vec![(1, vec!["Northland".to_string()]), (2, vec!["Auckland".to_string()])]);
        assert_eq!(p.data_from, 2);
        assert_eq!(p.title.as_deref(), Some("Labour force participation rate by Region (Qrtly-Mar/Jun/Sep/Dec)"));
    }

    #[test]
    fn several_heading_rows_name_each_series() {
        let g = grid("Title\n,Actual,Actual,Actual\n,Northland,,Auckland\n,Total,Agriculture,Total\n1996,1,2,3\n");
        let p = plan(&g).expect("a plan");
        let GridPlan::PeriodsDown(d) = &p.plan else { panic!() };
        assert_eq!(d.level_names.len(), 3);
        // The spanning heading carries on to the right.
        assert_eq!(d.series[1].1, ["Actual", "Northland", "Agriculture"]);
        assert_eq!(d.series[2].1, ["Actual", "Auckland", "Total"]);
    }

    #[test]
    fn groups_down_years_across() {
        let g = grid("Residents who feel welcome,,\nGroup,2022,2023\nEthnicity,,\nMāori,40,42\nPacific,38,..\nAge,,\n15-24,30,31\n\nSource: our survey\n");
        let p = plan(&g).expect("a plan");
        let GridPlan::PeriodsAcross(a) = &p.plan else { panic!("{p:?}") };
        assert_eq!(a.labels, vec![(0, "Group".to_string())]);
        assert_eq!(a.periods.len(), 2);
        assert!(a.sections);
        assert_eq!(p.title.as_deref(), Some("Residents who feel welcome"));
    }

    #[test]
    fn periods_down_with_a_corner_heading() {
        let g = grid("Year,Auckland,Wellington\n2022,40,41\n2023,42,43\n");
        let GridPlan::PeriodsDown(d) = plan(&g).expect("a plan").plan else { panic!() };
        assert_eq!(d.period_name, "Year");
        assert!(!d.infoshare);
    }

    #[test]
    fn tidy_tables_with_their_own_names() {
        let g = grid("Census year,Measure,Region,Value\n2018,Percent,Northland,12.5\n2023,Percent,Northland,13\n");
        let GridPlan::Tidy(t) = plan(&g).expect("a plan").plan else { panic!() };
        assert_eq!(t.value, 3);
        // A year first and intervals across are still tidy.
        let g = grid("Year,Value,Lower,Upper\n2022,40,38,42\n");
        let GridPlan::Tidy(t) = plan(&g).expect("a plan").plan else { panic!() };
        assert_eq!(t.value, 1);
    }

    #[test]
    fn what_is_not_a_table() {
        assert_eq!(plan(&grid("\n\n")), Err(NotATable::Empty));
        assert!(matches!(plan(&grid("Dear council,\nHere are our results.\n")), Err(NotATable::OneColumn(_))));
        assert_eq!(
            plan(&grid("Name,Comment\nAroha,Great\nSam,Fine\n")),
            Err(NotATable::NoNumbers(vec!["Name".into(), "Comment".into()]))
        );
    }

    #[test]
    fn rows_become_one_figure_each() {
        let g = grid("Group,2022,2023\nMāori,40,\nPacific,38,..\n");
        let p = plan(&g).expect("a plan");
        let mut t = TableBuilder::new(p.plan.columns());
        for (line, row) in &g[p.data_from..] {
            p.plan.take(RecordRef::Cells(row), *line, "", &mut t);
        }
        let t = t.finish("f", crate::core::owndata::table::Layout::PeriodsAcross, Default::default());
        // Māori 2023 is empty (no figure); Pacific 2023 is a gap (`..`).
        assert_eq!(t.rows(), 3);
        assert_eq!(t.columns[1].text(2), "2023");
        assert_eq!(t.columns[2].figure_at(2), (None, Some("..".into())));
        assert_eq!(t.value_columns, vec![2, 2, 3]);
    }
}
