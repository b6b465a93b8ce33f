//! The one place that fetches: data files under `data/`, resolved against the document's base
//! URL so the app works under a sub-path. Failures are typed values a view can show.

use std::sync::Arc;

use gloo_net::http::Request;

use crate::core::atlas::{parse_manifest, Atlas};
use crate::core::DataErrors;

pub const MANIFEST: &str = "data/frameworks/manifest.json";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("{file} could not be fetched: {message}")]
    Network { file: String, message: String },
    #[error("{file} could not be fetched: the server answered {status} {status_text}")]
    Status {
        file: String,
        status: u16,
        status_text: String,
    },
    #[error("{0}")]
    Data(DataErrors),
}

impl LoadError {
    /// One line per problem, for an error panel's list.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Data(all) => {
                let mut lines: Vec<String> = all.errors.iter().map(|e| e.to_string()).collect();
                if all.more > 0 {
                    lines.push(format!("... and {} more", all.more));
                }
                lines
            }
            other => vec![other.to_string()],
        }
    }
}

/// Fetches a file under the app's base URL as text.
pub async fn fetch_text(path: &str) -> Result<String, LoadError> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| LoadError::Network {
            file: path.to_string(),
            message: e.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadError::Status {
            file: path.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response.text().await.map_err(|e| LoadError::Network {
        file: path.to_string(),
        message: e.to_string(),
    })
}

fn sibling(of: &str, name: &str) -> String {
    match of.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{name}"),
        None => name.to_string(),
    }
}

/// Loads the manifest and every file it names, in parallel, and validates them together.
pub async fn load_atlas(manifest_path: &str) -> Result<Arc<Atlas>, LoadError> {
    let text = fetch_text(manifest_path).await?;
    let manifest = parse_manifest(manifest_path, &text).map_err(LoadError::Data)?;
    let paths: Vec<String> = manifest
        .frameworks
        .iter()
        .map(|f| sibling(manifest_path, f))
        .collect();
    let crosswalk_path = sibling(manifest_path, &manifest.crosswalk);
    let (texts, crosswalk) = futures::join!(
        futures::future::join_all(paths.iter().map(|p| fetch_text(p))),
        fetch_text(&crosswalk_path)
    );
    let mut frameworks = Vec::with_capacity(paths.len());
    for (path, text) in paths.into_iter().zip(texts) {
        frameworks.push((path, text?));
    }
    let crosswalk = crosswalk?;
    Atlas::from_texts(&manifest, &frameworks, (&crosswalk_path, &crosswalk))
        .map(Arc::new)
        .map_err(LoadError::Data)
}

pub const DATAPACKAGE: &str = "data/indicators/datapackage.json";

/// The shipped indicator data: metadata and observations, validated.
#[derive(Debug, Clone)]
pub struct IndicatorData {
    pub store: crate::core::indicators::Store,
    /// When the data package was last built, in words.
    pub updated: Option<String>,
}

impl AsRef<crate::core::indicators::Store> for IndicatorData {
    fn as_ref(&self) -> &crate::core::indicators::Store {
        &self.store
    }
}

/// Loads the data package and the two CSV files it names.
pub async fn load_indicators(package_path: &str) -> Result<Arc<IndicatorData>, LoadError> {
    use crate::core::indicators::datapackage::parse_datapackage;
    use crate::core::indicators::parse::{read_indicators, read_observations};
    let text = fetch_text(package_path).await?;
    let package = parse_datapackage(package_path, &text).map_err(LoadError::Data)?;
    let path_of = |name: &str| {
        package
            .resource(name)
            .map(|r| sibling(package_path, &r.path))
            .unwrap_or_default()
    };
    let (ind_path, obs_path) = (path_of("indicators"), path_of("observations"));
    let (ind_text, obs_text) = futures::join!(fetch_text(&ind_path), fetch_text(&obs_path));
    let indicators = read_indicators(&ind_path, ind_text?.as_bytes()).map_err(LoadError::Data)?;
    let read = read_observations(&obs_path, obs_text?.as_bytes(), indicators);
    if !read.errors.is_empty() {
        return Err(LoadError::Data(read.errors));
    }
    Ok(Arc::new(IndicatorData {
        store: read.store,
        updated: package.updated(),
    }))
}

/// The bytes of a file the person chose; they never leave the browser.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
