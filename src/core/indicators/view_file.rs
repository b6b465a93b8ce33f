//! An indicator page's view as a file, asked of the chart module (where the file writers
//! live, so a page's own module carries none of them): the page sends the format, the choice
//! that makes the view, and the page's slice as it has it (`slice_text`); the module works out
//! the view's rows as the page does (`Page::view`) and writes them.

use super::export::{package_name, write_data_package, write_sdmx_with, PackageName};
use super::page::{Choice, Page, Slice};
use super::parse::write_observations;
use crate::core::records::{fields, record};

/// The files a view downloads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Our CSV (`observations.csv`'s columns).
    Csv,
    SdmxCsv,
    DataPackage,
}

impl FileFormat {
    fn name(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::SdmxCsv => "sdmx-csv",
            FileFormat::DataPackage => "data-package",
        }
    }

    fn parse(name: &str) -> Option<FileFormat> {
        [FileFormat::Csv, FileFormat::SdmxCsv, FileFormat::DataPackage].into_iter().find(|f| f.name() == name)
    }

    /// The file's name for a view of indicator `stem`, and its media type.
    pub fn file(self, stem: &str) -> (String, &'static str) {
        match self {
            FileFormat::Csv => (format!("{stem}.csv"), "text/csv;charset=utf-8"),
            FileFormat::SdmxCsv => (format!("{stem}.sdmx.csv"), "text/csv;charset=utf-8"),
            FileFormat::DataPackage => (format!("{stem}.datapackage.json"), "application/json"),
        }
    }
}

/// What the page asks for: the view `choice` of the page whose slice is `slice_text`, as `format`.
pub fn request(format: FileFormat, choice: &Choice, slice_text: &str) -> String {
    let mut out = String::new();
    record(&mut out, "file", &[format.name().to_string()]);
    record(&mut out, "choice", &choice.fields());
    out.push_str("slice\n");
    out.push_str(slice_text);
    out
}

/// The file a [`request`] asks for, or why it cannot be written.
pub fn answer(text: &str) -> Result<String, String> {
    let bad = || "the view to download could not be read".to_string();
    let (head, slice) = text.split_once("\nslice\n").ok_or_else(bad)?;
    let mut lines = head.lines().map(fields);
    let (file, choice) = (lines.next().ok_or_else(bad)?, lines.next().ok_or_else(bad)?);
    let format = match file.as_slice() {
        [kind, format] if kind == "file" => FileFormat::parse(format).ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    let mut f = choice.iter().map(String::as_str);
    let choice = match f.next() {
        Some("choice") => Choice::read(&mut f).ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    let page = Page::new(Slice::from_text(slice)?);
    // The rows do not depend on the name of everyone's line.
    let rows = page.view(&choice, "").rows;
    let indicator = &page.slice.indicator;
    Ok(match format {
        FileFormat::Csv => write_observations(&rows),
        FileFormat::SdmxCsv => write_sdmx_with(&rows, std::slice::from_ref(indicator), ""),
        FileFormat::DataPackage => {
            let name = package_name(&indicator.id);
            write_data_package(&rows, std::slice::from_ref(indicator), PackageName { name: &name, title: &indicator.title, description: "" })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::view::GroupRef;

    /// The first shipped indicator published by group.
    fn grouped_slice() -> Slice {
        let store = crate::core::fixtures::store();
        store.indicators.iter().filter_map(|i| Slice::of(store, &i.id)).find(|s| s.rows.iter().any(|r| r.group_type != "total")).expect("an indicator by group")
    }

    #[test]
    fn a_view_s_file_holds_the_rows_the_page_shows() {
        let slice = grouped_slice();
        let text = slice.to_text();
        let page = Page::new(slice);
        let group = page.slice.rows.iter().find(|r| r.group_type != "total").map(|r| GroupRef { group_type: r.group_type.clone(), group: r.group.clone() }).expect("a group");
        let mut files = Vec::new();
        for choice in [Choice::default(), Choice { groups: Some(vec![group.clone()]), from: None, to: None }] {
            let rows = page.view(&choice, "").rows;
            files.push(answer(&request(FileFormat::Csv, &choice, &text)));
            assert_eq!(answer(&request(FileFormat::Csv, &choice, &text)), Ok(write_observations(&rows)));
            assert_eq!(answer(&request(FileFormat::SdmxCsv, &choice, &text)), Ok(write_sdmx_with(&rows, std::slice::from_ref(&page.slice.indicator), "")));
            let package = answer(&request(FileFormat::DataPackage, &choice, &text)).expect("a package");
            assert!(package.contains(&crate::core::indicators::export::package_name(&page.slice.indicator.id)), "named for the indicator");
            assert!(package.contains(&page.slice.indicator.title), "titled as the indicator");
        }
        assert_ne!(files[0], files[1], "another choice, other rows");
    }

    #[test]
    fn a_request_it_cannot_read_is_an_error_it_says() {
        assert_eq!(answer("nonsense"), Err("the view to download could not be read".to_string()));
        assert_eq!(answer("file\tzip\nchoice\t\t\t\nslice\n"), Err("the view to download could not be read".to_string()));
        assert!(answer("file\tcsv\nchoice\t\t\t\nslice\n").is_err(), "no slice");
    }
}
