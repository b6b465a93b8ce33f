//! A page's view as a file, asked of the chart module (where the file writers live, so a
//! page's own module carries none of them): an indicator page sends the format, the choice that
//! makes the view, and the page's slice as it has it (`slice_text`); the module works out the
//! view's rows as the page does (`Page::view`) and writes them. The profile page sends its
//! slice (`profile_page`) and, for its scores, the weights.

use super::export::{package_name, write_data_package, write_sdmx_with, PackageName};
use super::page::{Choice, Page, Slice};
use super::profile::parse_weights;
use super::profile_page::{ProfileModel, ProfileSlice};
use super::parse::write_observations;
use crate::core::records::{fields, record};

/// The files a view downloads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Our CSV (`observations.csv`'s columns).
    Csv,
    SdmxCsv,
    DataPackage,
    /// The profile's own figures: each group's scores, index, rank and rank range.
    Scores,
}

impl FileFormat {
    fn name(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::SdmxCsv => "sdmx-csv",
            FileFormat::DataPackage => "data-package",
            FileFormat::Scores => "scores",
        }
    }

    fn parse(name: &str) -> Option<FileFormat> {
        [FileFormat::Csv, FileFormat::SdmxCsv, FileFormat::DataPackage, FileFormat::Scores].into_iter().find(|f| f.name() == name)
    }

    /// The file's name for a view of indicator `stem`, and its media type.
    pub fn file(self, stem: &str) -> (String, &'static str) {
        match self {
            FileFormat::Csv => (format!("{stem}.csv"), "text/csv;charset=utf-8"),
            FileFormat::SdmxCsv => (format!("{stem}.sdmx.csv"), "text/csv;charset=utf-8"),
            FileFormat::DataPackage => (format!("{stem}.datapackage.json"), "application/json"),
            FileFormat::Scores => (format!("{stem}-scores.csv"), "text/csv;charset=utf-8"),
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

/// What the profile page asks for: the rows its profile is made of as `format` (titled
/// `title`), or with [`FileFormat::Scores`] its scores with `weights`; `slice_text` is its slice.
pub fn profile_request(format: FileFormat, title: &str, weights: &[f64], slice_text: &str) -> String {
    let mut out = String::new();
    record(&mut out, "file", &[format.name().to_string()]);
    let weights: Vec<String> = weights.iter().map(|w| (*w as u8).to_string()).collect();
    record(&mut out, "profile", &[title.to_string(), weights.join(",")]);
    out.push_str("slice\n");
    out.push_str(slice_text);
    out
}

/// The file a [`request`] or a [`profile_request`] asks for, or why it cannot be written.
pub fn answer(text: &str) -> Result<String, String> {
    let bad = || "the view to download could not be read".to_string();
    let (head, slice) = text.split_once("\nslice\n").ok_or_else(bad)?;
    let mut lines = head.lines().map(fields);
    let (file, asked) = (lines.next().ok_or_else(bad)?, lines.next().ok_or_else(bad)?);
    let format = match file.as_slice() {
        [kind, format] if kind == "file" => FileFormat::parse(format).ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    let mut f = asked.iter().map(String::as_str);
    let choice = match (f.next(), format) {
        (Some("choice"), FileFormat::Csv | FileFormat::SdmxCsv | FileFormat::DataPackage) => Choice::read(&mut f).ok_or_else(bad)?,
        (Some("profile"), _) => {
            let (title, weights) = (f.next().ok_or_else(bad)?, f.next().ok_or_else(bad)?);
            return profile_file(format, title, weights, slice);
        }
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
        FileFormat::Scores => return Err(bad()),
    })
}

/// The profile's rows as `format`, or its scores with `weights` (as the address writes them).
fn profile_file(format: FileFormat, title: &str, weights: &str, slice: &str) -> Result<String, String> {
    let slice = ProfileSlice::from_text(slice)?;
    let (rows, indicators) = (&slice.rows, &slice.indicators);
    Ok(match format {
        FileFormat::Csv => write_observations(rows),
        FileFormat::SdmxCsv => write_sdmx_with(rows, indicators, ""),
        FileFormat::DataPackage => {
            let name = package_name("profile");
            write_data_package(rows, indicators, PackageName { name: &name, title, description: "" })
        }
        FileFormat::Scores => {
            let weights = parse_weights(Some(weights), slice.dimensions.len());
            ProfileModel::new(slice).scores_csv(&weights)
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

    #[test]
    fn the_profile_s_files_hold_its_rows_and_its_scores_with_the_weights() {
        let store = crate::core::fixtures::store();
        let dims: Vec<(String, String)> = crate::core::fixtures::atlas().dimensions().iter().map(|n| (n.id.clone(), n.label.clone())).collect();
        let slice = ProfileSlice::of(store, dims);
        let text = slice.to_text();
        let equal = [1.0; 5];
        assert_eq!(answer(&profile_request(FileFormat::Csv, "Profile", &equal, &text)), Ok(write_observations(&slice.rows)));
        let package = answer(&profile_request(FileFormat::DataPackage, "Five-dimension profile", &equal, &text)).expect("a package");
        assert!(package.contains("cohesion-explorer-profile") && package.contains("Five-dimension profile"));
        let recognition = [0.0, 0.0, 0.0, 1.0, 0.0];
        let model = ProfileModel::new(slice);
        for w in [equal, recognition] {
            assert_eq!(answer(&profile_request(FileFormat::Scores, "", &w, &text)), Ok(model.scores_csv(&w)));
        }
        assert_ne!(model.scores_csv(&equal), model.scores_csv(&recognition), "the weights change the scores");
        assert!(answer(&request(FileFormat::Scores, &Choice::default(), &text)).is_err(), "an indicator page has no scores");
    }
}
