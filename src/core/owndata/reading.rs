//! Reading a person's file in slices: each call to [`Reading::step`] reads at most a given
//! number of records and says how far it got, so the page can show progress, stay
//! responsive (a slice per task) and stop when asked. The first records are read as a sample
//! to find the file's layout; then every record goes straight into the long table.

use std::sync::Arc;

use super::grid::{plan, GridPlan, NotATable, Row, Took};
use super::notes::read_notes;
use super::records::{sniff_delimiter, RecordRef, SharedText, Source};
use super::sdmx::{is_sdmx, SdmxPlan};
use super::table::{About, Layout, Table, TableBuilder};
use crate::core::error::{DataError, DataErrors, Position};

/// How many records the layout is found from.
pub const SAMPLE: usize = 200;

/// A file in one of the app's own formats: its own readers take it from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ours {
    /// `observations.csv`'s columns.
    Observations,
    /// The app's own SDMX-CSV export.
    Sdmx,
}

/// What reading a file came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A table, and the records that could not be read (with line and column).
    Table {
        table: Table,
        problems: DataErrors,
    },
    Ours(Ours),
    NotATable(NotATable),
}

/// Where reading is.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Still reading: how far through the file (bytes, or a sheet's rows), out of how far.
    Reading {
        done: u64,
        total: u64,
    },
    Done(Outcome),
}

enum Plan {
    Sdmx(SdmxPlan),
    Grid(GridPlan),
}

enum Phase {
    Sampling,
    Rows {
        plan: Plan,
        table: TableBuilder,
        about: About,
        /// The next sample row to read, before new records are.
        replay: usize,
        /// Rows set aside (notes, or a section heading if figures follow).
        aside: Vec<String>,
        section: String,
        /// Past "Table information:": everything else is notes.
        in_notes: bool,
        layout: Layout,
    },
    Finished,
}

pub struct Reading {
    file: String,
    source: Source,
    sample: Vec<Row>,
    phase: Phase,
    problems: DataErrors,
    ended: bool,
    /// What a note's cells are joined with: a note written with a comma in it was split
    /// there, and reads again as written.
    joiner: &'static str,
    /// The text read, when it was text (for the app's own formats, read by their own readers).
    text: Option<Arc<str>>,
}

impl Reading {
    /// Reads delimited text (a CSV or TSV file, or a paste); the delimiter is found if not
    /// given.
    pub fn text(file: &str, text: Arc<str>, delimiter: Option<u8>) -> Reading {
        let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&text[..text.len().min(floor(&text, 65536))]));
        let joiner = match delimiter {
            b',' => ",",
            b';' => ";",
            _ => " ",
        };
        Reading { joiner, text: Some(text.clone()), ..Reading::over(file, Source::text(SharedText(text), delimiter)) }
    }

    /// Reads the cells of a workbook's sheet.
    pub fn grid(file: &str, rows: Vec<Vec<String>>) -> Reading {
        Reading::over(file, Source::grid(rows))
    }

    fn over(file: &str, source: Source) -> Reading {
        Reading {
            file: file.to_string(),
            source,
            sample: Vec::new(),
            phase: Phase::Sampling,
            problems: DataErrors::default(),
            ended: false,
            joiner: " ",
            text: None,
        }
    }

    /// The whole of what was read, as text: a file's text, or a sheet's cells as CSV (for a
    /// file in one of the app's own formats, which its own readers take from here).
    pub fn into_text(self) -> Arc<str> {
        if let Some(text) = self.text {
            return text;
        }
        let Source::Grid { rows, .. } = self.source else { return Arc::from("") };
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        for row in rows {
            let _ = w.write_record(&row);
        }
        Arc::from(String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default())
    }

    /// Reads up to `budget` more records.
    pub fn step(&mut self, budget: usize) -> Step {
        let mut left = budget.max(1);
        loop {
            match &mut self.phase {
                Phase::Finished => return Step::Done(Outcome::NotATable(NotATable::Empty)),
                Phase::Sampling => {
                    while self.sample.len() < SAMPLE && left > 0 {
                        left -= 1;
                        match self.source.advance() {
                            None => {
                                self.ended = true;
                                break;
                            }
                            Some(Ok(line)) => self.sample.push((line, self.source.current().to_vec())),
                            Some(Err(e)) => self.problems.push(DataError::new(
                                &self.file,
                                Some(Position { line: e.line as usize, column: 1 }),
                                e.message,
                            )),
                        }
                    }
                    if self.sample.len() < SAMPLE && !self.ended {
                        return self.progress();
                    }
                    match self.plan() {
                        Ok(phase) => self.phase = phase,
                        Err(outcome) => {
                            self.phase = Phase::Finished;
                            return Step::Done(outcome);
                        }
                    }
                }
                Phase::Rows { .. } => {
                    while left > 0 {
                        left -= 1;
                        if !self.next_row() {
                            return Step::Done(self.finish());
                        }
                    }
                    return self.progress();
                }
            }
        }
    }

    fn progress(&self) -> Step {
        let (done, total) = self.source.progress();
        Step::Reading { done, total }
    }

    /// Finds the layout from the sample.
    fn plan(&mut self) -> Result<Phase, Outcome> {
        let first = self.sample.iter().position(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
        let Some(first) = first else {
            return Err(Outcome::NotATable(NotATable::Empty));
        };
        let header = RecordRef::Cells(&self.sample[first].1);
        let names: Vec<String> =
            header.to_vec().iter().map(|c| c.trim().trim_start_matches('\u{feff}').to_string()).collect();
        let has = |c: &str| names.iter().any(|n| n == c);
        if has("indicator_id") && has("period") && has("value") {
            return Err(Outcome::Ours(super::reading::Ours::Observations));
        }
        if crate::core::indicators::sdmx::SdmxMapping::recognise(&names).is_some() {
            return Err(Outcome::Ours(Ours::Sdmx));
        }
        if is_sdmx(header) {
            if let Some(p) = SdmxPlan::from_header(header) {
                let layout = Layout::Sdmx(p.labels);
                return Ok(Phase::Rows {
                    table: TableBuilder::new(p.columns.clone()),
                    plan: Plan::Sdmx(p),
                    about: About::default(),
                    replay: first + 1,
                    aside: Vec::new(),
                    section: String::new(),
                    in_notes: false,
                    layout,
                });
            }
        }
        let planned = plan(&self.sample).map_err(Outcome::NotATable)?;
        let layout = match &planned.plan {
            GridPlan::PeriodsDown(p) if p.infoshare => Layout::Infoshare,
            GridPlan::PeriodsDown(_) => Layout::PeriodsDown,
            GridPlan::PeriodsAcross(_) => Layout::PeriodsAcross,
            GridPlan::Tidy(_) => Layout::Tidy,
        };
        let about = About { title: planned.title.clone(), ..About::default() };
        Ok(Phase::Rows {
            table: TableBuilder::new(planned.plan.columns()),
            plan: Plan::Grid(planned.plan),
            about,
            replay: planned.data_from,
            aside: Vec::new(),
            section: String::new(),
            in_notes: false,
            layout,
        })
    }

    /// Reads the next row (from the sample, then the source); `false` at the end.
    fn next_row(&mut self) -> bool {
        let Phase::Rows { plan, table, about, replay, aside, section, in_notes, .. } = &mut self.phase else {
            return false;
        };
        let (line, row) = if *replay < self.sample.len() {
            *replay += 1;
            let (line, cells) = &self.sample[*replay - 1];
            (*line, RecordRef::Cells(cells))
        } else {
            if self.ended {
                return false;
            }
            match self.source.advance() {
                None => {
                    self.ended = true;
                    return false;
                }
                Some(Err(e)) => {
                    self.problems.push(DataError::new(
                        &self.file,
                        Some(Position { line: e.line as usize, column: 1 }),
                        e.message,
                    ));
                    return true;
                }
                Some(Ok(line)) => (line, self.source.current()),
            }
        };
        let joiner = self.joiner;
        let text = || {
            let last = (0..row.len()).rev().find(|&i| !row.get(i).trim().is_empty()).map_or(0, |i| i + 1);
            (0..last).map(|i| row.get(i)).collect::<Vec<_>>().join(joiner).trim().to_string()
        };
        if *in_notes {
            aside.push(text());
            return true;
        }
        if row.get(0).trim().eq_ignore_ascii_case("Table information:") {
            *in_notes = true;
            aside.push(text());
            return true;
        }
        match plan {
            Plan::Sdmx(p) => {
                if row.is_blank() {
                    return true;
                }
                if row.len() != p.width() {
                    self.problems.push(DataError::new(
                        &self.file,
                        Some(Position { line: line as usize, column: row.len().min(p.width()) + 1 }),
                        format!("this row has {} fields; the header has {}", row.len(), p.width()),
                    ));
                    return true;
                }
                p.take(row, line, table, about);
            }
            Plan::Grid(g) => {
                if g.is_aside(row) {
                    aside.push(text());
                    return true;
                }
                // Rows set aside before more rows of the table were a section's heading (the
                // last of them, where the table has sections) and notes.
                if !row.is_blank() {
                    if let Some(last) = aside.pop() {
                        let sections = matches!(
                            g,
                            GridPlan::PeriodsAcross(super::grid::PeriodsAcross { sections: true, .. })
                                | GridPlan::Tidy(super::grid::Tidy { sections: true, .. })
                        );
                        about.notes.extend(aside.drain(..));
                        if sections {
                            *section = last;
                        } else {
                            about.notes.push(last);
                        }
                    }
                }
                if g.take(row, line, section, table) == Took::Aside {
                    table.abandon_row();
                }
            }
        }
        true
    }

    fn finish(&mut self) -> Outcome {
        let Phase::Rows { table, mut about, aside, layout, .. } = std::mem::replace(&mut self.phase, Phase::Finished)
        else {
            return Outcome::NotATable(NotATable::Empty);
        };
        let mut notes = std::mem::take(&mut about.notes);
        notes.extend(aside);
        read_notes(&notes, &mut about);
        let table = table.finish(&self.file, layout, about);
        if table.rows() == 0 {
            let headings = table.columns.iter().map(|c| c.name.clone()).collect();
            return Outcome::NotATable(NotATable::NoNumbers(headings));
        }
        Outcome::Table { table, problems: std::mem::take(&mut self.problems) }
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads a whole text at once (tests, the benchmark, and small pastes).
pub fn read_text(file: &str, text: &str) -> Outcome {
    let mut reading = Reading::text(file, Arc::from(text), None);
    loop {
        if let Step::Done(outcome) = reading.step(usize::MAX / 2) {
            return outcome;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::owndata::table::Labels;

    fn table(text: &str) -> (Table, DataErrors) {
        match read_text("f.csv", text) {
            Outcome::Table { table, problems } => (table, problems),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_infoshare_table_with_its_notes() {
        let text = "\"CPI All Groups for New Zealand (Qrtly-Mar/Jun/Sep/Dec)\",\"\"\n\"\",\"All groups\"\n\"2024Q3\",1280.000000\n\"2024Q4\",..\n\"Table information:\"\n\"Units:\"\n\"Index, Magnitude = Units\"\n\"\"\n\"Symbols:\"\n\".. figure not available\"\n\"\"\n\"Source: Statistics New Zealand\"\n";
        let (t, problems) = table(text);
        assert!(problems.is_empty());
        assert_eq!(t.layout, Layout::Infoshare);
        assert_eq!(t.rows(), 2);
        assert_eq!(t.columns[0].text(1), "2024Q4");
        assert_eq!(t.columns[2].figure_at(1), (None, Some("..".into())));
        assert_eq!(t.about.units.as_deref(), Some("Index"));
        assert_eq!(t.about.source.as_deref(), Some("Statistics New Zealand"));
        assert_eq!(t.about.title.as_deref(), Some("CPI All Groups for New Zealand (Qrtly-Mar/Jun/Sep/Dec)"));
        assert_eq!(t.lines, vec![3, 4]);
    }

    #[test]
    fn reading_in_slices_gets_the_same_table() {
        let mut text = String::from("STRUCTURE,STRUCTURE_ID,ACTION,AREA,TIME_PERIOD,OBS_VALUE\n");
        for i in 0..1000 {
            text.push_str(&format!("dataflow,STATSNZ:X(1.0),I,{:02},{},{}\n", i % 7, 2000 + i % 20, i));
        }
        let whole = table(&text).0;
        let mut reading = Reading::text("f.csv", Arc::from(text.as_str()), None);
        let mut steps = 0;
        let sliced = loop {
            steps += 1;
            match reading.step(37) {
                Step::Reading { done, total } => assert!(done <= total),
                Step::Done(Outcome::Table { table, .. }) => break table,
                Step::Done(other) => panic!("{other:?}"),
            }
        };
        assert!(steps > 20);
        assert_eq!(sliced, whole);
        assert_eq!(whole.layout, Layout::Sdmx(Labels::Codes));
        assert_eq!(whole.rows(), 1000);
    }

    #[test]
    fn rows_of_the_wrong_width_are_listed_and_the_rest_load() {
        let (t, problems) = table("STRUCTURE,STRUCTURE_ID,ACTION,TIME_PERIOD,OBS_VALUE\ndataflow,A:B(1.0),I,2020,1\ndataflow,A:B(1.0),I,2021\ndataflow,A:B(1.0),I,2022,3\n");
        assert_eq!(t.rows(), 2);
        assert_eq!(problems.len(), 1);
        assert!(
            problems.errors[0].to_string().starts_with("f.csv, line 3, column 5: this row has 4 fields"),
            "{}",
            problems.errors[0]
        );
    }

    #[test]
    fn our_own_formats_are_handed_back() {
        assert_eq!(
            read_text("o.csv", "indicator_id,period,group_type,group,value\nx,2020,total,Total,1\n"),
            Outcome::Ours(Ours::Observations)
        );
    }

    #[test]
    fn sections_name_the_groups_under_them() {
        let (t, _) = table("Group,2022,2023\nEthnicity,,\nMāori,40,42\nPacific,38,39\nAge,,\n15-24,30,31\n\nSource: our own survey, 2023\n");
        assert_eq!(t.layout, Layout::PeriodsAcross);
        assert_eq!(t.columns[0].id, "Section");
        assert_eq!(t.columns[0].text(0), "Ethnicity");
        assert_eq!(t.columns[0].text(5), "Age");
        assert_eq!(t.rows(), 6);
        assert_eq!(t.about.source.as_deref(), Some("our own survey, 2023"));
    }
}
