//! Where a table's rows come from: delimited text (a CSV or TSV file, or a paste), read one
//! record at a time so a large file can be read in slices, or the cells of a workbook's sheet.
//! Both give the same borrowed view of a record, so every reader after this is written once.

use std::io::Cursor;
use std::sync::Arc;

/// Text shared between the reader and whoever made it, without a copy.
#[derive(Clone)]
pub struct SharedText(pub Arc<str>);

impl AsRef<[u8]> for SharedText {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// One record, borrowed from its source.
#[derive(Clone, Copy)]
pub enum RecordRef<'a> {
    Csv(&'a csv::ByteRecord),
    Cells(&'a [String]),
}

impl<'a> RecordRef<'a> {
    pub fn len(&self) -> usize {
        match self {
            RecordRef::Csv(r) => r.len(),
            RecordRef::Cells(c) => c.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Field `i`, or "" past the end. Text fields are UTF-8 by construction (the reader
    /// splits only at ASCII bytes of text that was UTF-8), so nothing is lost here.
    pub fn get(&self, i: usize) -> &'a str {
        match self {
            RecordRef::Csv(r) => r.get(i).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or(""),
            RecordRef::Cells(c) => c.get(i).map(String::as_str).unwrap_or(""),
        }
    }

    /// Whether every field is blank.
    pub fn is_blank(&self) -> bool {
        (0..self.len()).all(|i| super::cells::trim(self.get(i)).is_empty())
    }

    /// How many fields are not blank.
    pub fn filled(&self) -> usize {
        (0..self.len()).filter(|&i| !super::cells::trim(self.get(i)).is_empty()).count()
    }

    pub fn to_vec(&self) -> Vec<String> {
        (0..self.len()).map(|i| self.get(i).to_string()).collect()
    }
}

/// The rows of a table, one at a time.
pub enum Source {
    Text {
        reader: csv::Reader<Cursor<SharedText>>,
        record: csv::ByteRecord,
        total: u64,
    },
    Grid {
        rows: Vec<Vec<String>>,
        /// The row `current` refers to, counting from 1 (0 before the first).
        at: usize,
    },
}

/// A record the delimited reader could not split (an unclosed quote, say), at its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub line: u32,
    pub message: String,
}

impl Source {
    /// Delimited text, split at `delimiter`.
    pub fn text(text: SharedText, delimiter: u8) -> Source {
        let total = text.0.len() as u64;
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Cursor::new(text));
        Source::Text { reader, record: csv::ByteRecord::new(), total }
    }

    pub fn grid(rows: Vec<Vec<String>>) -> Source {
        Source::Grid { rows, at: 0 }
    }

    /// Moves to the next record: its line, or `None` at the end.
    pub fn advance(&mut self) -> Option<Result<u32, Unreadable>> {
        match self {
            Source::Text { reader, record, .. } => match reader.read_byte_record(record) {
                Ok(false) => None,
                Ok(true) => Some(Ok(record.position().map_or(0, |p| p.line() as u32))),
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as u32);
                    Some(Err(Unreadable { line, message: e.to_string() }))
                }
            },
            Source::Grid { rows, at } => {
                if *at >= rows.len() {
                    return None;
                }
                *at += 1;
                Some(Ok(*at as u32))
            }
        }
    }

    /// The record `advance` moved to.
    pub fn current(&self) -> RecordRef<'_> {
        match self {
            Source::Text { record, .. } => RecordRef::Csv(record),
            Source::Grid { rows, at } => RecordRef::Cells(rows.get(at.wrapping_sub(1)).map_or(&[], |r| r.as_slice())),
        }
    }

    /// How far through the source the reader is, and how far there is to go (bytes of text,
    /// or rows of a grid).
    pub fn progress(&self) -> (u64, u64) {
        match self {
            Source::Text { reader, total, .. } => (reader.position().byte(), *total),
            Source::Grid { rows, at } => (*at as u64, rows.len() as u64),
        }
    }
}

/// The delimiter a text most likely uses: of comma, tab, semicolon and bar, the one that
/// splits the most of its first lines into two fields or more, then into the most fields.
/// A title row of one field (Infoshare's) does not count against any.
pub fn sniff_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().filter(|l| !l.trim().is_empty()).take(40).collect::<Vec<_>>().join("\n");
    let mut best = (b',', 0usize, 0usize);
    for delimiter in [b',', b'\t', b';', b'|'] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(sample.as_bytes());
        let mut split = 0;
        let mut widest = 0;
        for record in reader.byte_records().flatten() {
            if record.len() >= 2 {
                split += 1;
            }
            widest = widest.max(record.len());
        }
        if (split, widest) > (best.1, best.2) {
            best = (delimiter, split, widest);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, delimiter: u8) -> Vec<(u32, Vec<String>)> {
        let mut source = Source::text(SharedText(Arc::from(text)), delimiter);
        let mut out = Vec::new();
        while let Some(Ok(line)) = source.advance() {
            out.push((line, source.current().to_vec()));
        }
        out
    }

    #[test]
    fn records_know_their_lines_even_across_quoted_newlines() {
        let got = lines("a,b\n\"two\nlines\",c\nd,e\n", b',');
        assert_eq!(got[0], (1, vec!["a".into(), "b".into()]));
        assert_eq!(got[1], (2, vec!["two\nlines".into(), "c".into()]));
        assert_eq!(got[2], (4, vec!["d".into(), "e".into()]));
    }

    #[test]
    fn delimiters_are_told_apart() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("Region\t2022\t2023\nAuckland\t1,2\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3\n"), b';');
        // A title row of one field, then the table.
        assert_eq!(sniff_delimiter("\"Title, with a comma\"\n,A,B\n1996,1,2\n"), b',');
    }

    #[test]
    fn grids_count_rows_from_one() {
        let mut source = Source::grid(vec![vec!["x".into()], vec!["y".into(), "z".into()]]);
        assert_eq!(source.advance(), Some(Ok(1)));
        assert_eq!(source.current().get(0), "x");
        assert_eq!(source.advance(), Some(Ok(2)));
        assert_eq!(source.current().get(1), "z");
        assert_eq!(source.current().get(5), "");
        assert_eq!(source.advance(), None);
        assert_eq!(source.progress(), (2, 2));
    }
}
