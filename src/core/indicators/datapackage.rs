//! The Frictionless Data Package that describes the indicator files: only the parts the app
//! reads (each resource's path and field names), so the package and the parser cannot drift.

use serde::Deserialize;

use super::parse::{
    INDICATOR_COLUMNS, INDICATOR_OPTIONAL, OBSERVATION_OPTIONAL, OBSERVATION_REQUIRED,
};
use crate::core::error::{DataError, DataErrors};

#[derive(Debug, Clone, Deserialize)]
pub struct DataPackage {
    pub name: String,
    /// When the package was last built (ISO 8601), shown as "data last updated".
    #[serde(default)]
    pub created: Option<String>,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Resource {
    pub name: String,
    pub path: String,
    pub schema: TableSchema,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TableSchema {
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Field {
    pub name: String,
}

impl DataPackage {
    /// `created` as words ("25 November 2026"); `None` when absent or not a date.
    pub fn updated(&self) -> Option<String> {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let date = self.created.as_deref()?.get(..10)?;
        let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
        let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
        let name = MONTHS.get(month.checked_sub(1)? as usize)?;
        (1..=31)
            .contains(&day)
            .then(|| format!("{day} {name} {year}"))
    }

    pub fn resource(&self, name: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.name == name)
    }
}

/// Parses `datapackage.json` and checks that it has the two resources, with exactly the fields
/// the app reads.
pub fn parse_datapackage(file: &str, text: &str) -> Result<DataPackage, DataErrors> {
    let package: DataPackage = crate::core::atlas::parse_json(file, text)?;
    let mut errors = DataErrors::default();
    let expect =
        |name: &str, required: &[&str], optional: &[&str], errors: &mut DataErrors| match package.resource(name) {
            None => errors.push(DataError::new(
                file,
                None,
                format!("expected a resource named \"{name}\""),
            )),
            Some(r) => {
                // Every required field, and no field the app does not know; order is free.
                let found: Vec<&str> = r.schema.fields.iter().map(|f| f.name.as_str()).collect();
                let known = |f: &&str| required.contains(f) || optional.contains(f);
                if !required.iter().all(|c| found.contains(c)) || !found.iter().all(known) {
                    let columns: Vec<&str> = required.iter().chain(optional).copied().collect();
                    errors.push(DataError::new(
                        file,
                        None,
                        format!(
                            "resource \"{name}\": expected fields {}, found {}",
                            columns.join(", "),
                            found.join(", ")
                        ),
                    ));
                }
            }
        };
    expect("indicators", &INDICATOR_COLUMNS, &INDICATOR_OPTIONAL, &mut errors);
    expect(
        "observations",
        &OBSERVATION_REQUIRED,
        &OBSERVATION_OPTIONAL,
        &mut errors,
    );
    if errors.is_empty() {
        Ok(package)
    } else {
        Err(errors)
    }
}
