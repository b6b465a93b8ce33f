//! Data errors as values: each knows the file, the line and column, what was expected and
//! what was found, so the user is told exactly where a file went wrong.

use std::fmt;

/// Where in a file something happened. Lines and columns count from 1, as editors do.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The line and column of the byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }

    /// Where the JSON string `"needle"` first occurs in `text` (the id of a node, say), or
    /// line 1 column 1 when it does not occur.
    pub fn of_json_string(text: &str, needle: &str) -> Position {
        let quoted = format!("\"{needle}\"");
        text.find(&quoted)
            .map(|offset| Position::of_offset(text, offset + 1))
            .unwrap_or(Position { line: 1, column: 1 })
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One thing wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub struct DataError {
    /// The file's name as the user knows it (`frameworks/strategic.json`).
    pub file: String,
    pub position: Option<Position>,
    /// What was expected and what was found, in words.
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, position: Option<Position>, message: impl Into<String>) -> Self {
        DataError {
            file: file.to_string(),
            position,
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.position {
            Some(p) => write!(
                f,
                "{}, line {}, column {}: {}",
                self.file, p.line, p.column, self.message
            ),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every error found in a load, not just the first; capped so a badly broken file cannot
/// flood the screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct DataErrors {
    pub errors: Vec<DataError>,
    /// How many more were found beyond the cap.
    pub more: usize,
}

impl DataErrors {
    pub const CAP: usize = 50;

    pub fn push(&mut self, error: DataError) {
        if self.errors.len() < Self::CAP {
            self.errors.push(error);
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn len(&self) -> usize {
        self.errors.len() + self.more
    }
}

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            writeln!(f, "{e}")?;
        }
        if self.more > 0 {
            writeln!(f, "... and {} more", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

/// A file that fails a check before its contents can be read has exactly one error.
impl From<DataError> for DataErrors {
    fn from(error: DataError) -> Self {
        let mut all = DataErrors::default();
        all.push(error);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "{\n  \"id\": \"wā\",\n  \"x\": 1\n}";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        let p = Position::of_json_string(text, "wā");
        assert_eq!(
            p,
            Position {
                line: 2,
                column: 10
            }
        );
        let x = Position::of_json_string(text, "x");
        assert_eq!(x, Position { line: 3, column: 4 });
    }

    #[test]
    fn display_names_file_line_and_column() {
        let e = DataError::new(
            "frameworks/a.json",
            Some(Position { line: 3, column: 7 }),
            "boom",
        );
        assert_eq!(e.to_string(), "frameworks/a.json, line 3, column 7: boom");
    }

    #[test]
    fn errors_are_capped_but_counted() {
        let mut all = DataErrors::default();
        for i in 0..(DataErrors::CAP + 5) {
            all.push(DataError::new("f", None, format!("e{i}")));
        }
        assert_eq!(all.errors.len(), DataErrors::CAP);
        assert_eq!(all.len(), DataErrors::CAP + 5);
        assert!(all.to_string().ends_with("... and 5 more\n"));
    }
}
