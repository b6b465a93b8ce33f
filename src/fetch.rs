//! Reading the data files: in the browser over the network (gloo-net), at build time from the
//! disk. Both go through the same two steps, so a prerendered page and the browser that takes
//! it over build the same atlas and store from the same texts:
//!
//! 1. which files a data set is made of (the framework manifest names its files; the data
//!    package names its CSVs), and
//! 2. parsing and validating those texts together, with a fingerprint of them
//!    (`core::fingerprint`), which the page records so the browser can tell whether the files
//!    it fetched are the ones the page was rendered from.
//!
//! Failures are typed values a view can show.

use std::sync::Arc;

use crate::core::atlas::{parse_manifest, Atlas};
use crate::core::fingerprint::Fingerprint;
use crate::core::indicators::datapackage::parse_datapackage;
use crate::core::indicators::parse::{read_indicators, read_observations};
use crate::core::DataErrors;

pub const MANIFEST: &str = "data/frameworks/manifest.json";
pub const DATAPACKAGE: &str = "data/indicators/datapackage.json";

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

/// A data set as loaded: the value, and the fingerprint of the texts it was built from.
#[derive(Debug)]
pub struct Loaded<T> {
    pub value: Arc<T>,
    pub fingerprint: Fingerprint,
    /// Every file read, relative to the app's base (what a page preloads).
    pub files: Vec<String>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        Loaded {
            value: self.value.clone(),
            fingerprint: self.fingerprint.clone(),
            files: self.files.clone(),
        }
    }
}

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

fn sibling(of: &str, name: &str) -> String {
    match of.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{name}"),
        None => name.to_string(),
    }
}

/// Reads files one by one (build time) or all at once (browser); `read` gives a file's text.
pub trait Reader {
    fn read(&self, paths: Vec<String>) -> impl std::future::Future<Output = Vec<Result<String, LoadError>>>;
}

/// Loads the manifest and every file it names, and validates them together.
pub async fn load_atlas(reader: &impl Reader, manifest_path: &str) -> Result<Loaded<Atlas>, LoadError> {
    let text = one(reader, manifest_path).await?;
    let manifest = parse_manifest(manifest_path, &text).map_err(LoadError::Data)?;
    let mut paths: Vec<String> = manifest
        .frameworks
        .iter()
        .map(|f| sibling(manifest_path, f))
        .collect();
    let crosswalk_path = sibling(manifest_path, &manifest.crosswalk);
    paths.push(crosswalk_path.clone());
    let mut texts = Vec::with_capacity(paths.len());
    for (path, text) in paths.iter().zip(reader.read(paths.clone()).await) {
        texts.push((path.clone(), text?));
    }
    let crosswalk = texts.pop().map(|(_, t)| t).unwrap_or_default();
    let fingerprint = Fingerprint::of(
        std::iter::once(text.as_str())
            .chain(texts.iter().map(|(_, t)| t.as_str()))
            .chain(std::iter::once(crosswalk.as_str())),
    );
    let atlas = Atlas::from_texts(&manifest, &texts, (&crosswalk_path, &crosswalk))
        .map_err(LoadError::Data)?;
    Ok(Loaded {
        value: Arc::new(atlas),
        fingerprint,
        files: std::iter::once(manifest_path.to_string()).chain(paths).collect(),
    })
}

/// Loads the data package and the two CSV files it names.
pub async fn load_indicators(
    reader: &impl Reader,
    package_path: &str,
) -> Result<Loaded<IndicatorData>, LoadError> {
    let text = one(reader, package_path).await?;
    let package = parse_datapackage(package_path, &text).map_err(LoadError::Data)?;
    let path_of = |name: &str| {
        package
            .resource(name)
            .map(|r| sibling(package_path, &r.path))
            .unwrap_or_default()
    };
    let (ind_path, obs_path) = (path_of("indicators"), path_of("observations"));
    let mut texts = reader.read(vec![ind_path.clone(), obs_path.clone()]).await.into_iter();
    let ind_text = texts.next().unwrap_or_else(|| Ok(String::new()))?;
    let obs_text = texts.next().unwrap_or_else(|| Ok(String::new()))?;
    let fingerprint = Fingerprint::of([text.as_str(), ind_text.as_str(), obs_text.as_str()]);
    let indicators = read_indicators(&ind_path, ind_text.as_bytes()).map_err(LoadError::Data)?;
    let read = read_observations(&obs_path, obs_text.as_bytes(), indicators);
    if !read.errors.is_empty() {
        return Err(LoadError::Data(read.errors));
    }
    Ok(Loaded {
        value: Arc::new(IndicatorData {
            store: read.store,
            updated: package.updated(),
        }),
        fingerprint,
        files: vec![package_path.to_string(), ind_path, obs_path],
    })
}

async fn one(reader: &impl Reader, path: &str) -> Result<String, LoadError> {
    reader
        .read(vec![path.to_string()])
        .await
        .pop()
        .unwrap_or_else(|| Ok(String::new()))
}

/// Fetches files under the app's base URL, all at once.
pub struct Network;

impl Reader for Network {
    async fn read(&self, paths: Vec<String>) -> Vec<Result<String, LoadError>> {
        futures::future::join_all(paths.iter().map(|p| fetch_text(p))).await
    }
}

thread_local! {
    /// When each data file fetched was sent by the server (its `Date` header): with the
    /// service worker's saved copies, when it was saved on this device.
    static SENT: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

/// The oldest `Date` of the data files fetched so far (HTTP date text), if any said one.
pub fn oldest_sent() -> Option<String> {
    SENT.with(|sent| {
        sent.borrow()
            .values()
            .filter_map(|d| Some((js_sys::Date::parse(d), d.clone())).filter(|(t, _)| t.is_finite()))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, d)| d)
    })
}

/// Fetches a file under the app's base URL as text.
pub async fn fetch_text(path: &str) -> Result<String, LoadError> {
    use gloo_net::http::Request;
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| LoadError::Network {
            file: path.to_string(),
            message: e.to_string(),
        })?;
    if let Some(date) = response.headers().get("date") {
        SENT.with(|sent| sent.borrow_mut().insert(path.to_string(), date));
    }
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

/// Files fetched ahead (all at once, from the page record's list), then the network for any
/// other.
pub struct Prefetched(pub std::collections::HashMap<String, Result<String, LoadError>>);

impl Prefetched {
    /// Fetches every file in `paths` at once.
    pub async fn fetch(paths: &[String]) -> Prefetched {
        let texts = futures::future::join_all(paths.iter().map(|p| fetch_text(p))).await;
        Prefetched(paths.iter().cloned().zip(texts).collect())
    }
}

impl Reader for Prefetched {
    async fn read(&self, paths: Vec<String>) -> Vec<Result<String, LoadError>> {
        let mut out = Vec::with_capacity(paths.len());
        for path in &paths {
            out.push(match self.0.get(path) {
                Some(text) => text.clone(),
                None => fetch_text(path).await,
            });
        }
        out
    }
}

/// Reads files from a directory on disk (the build's output, where the data files are).
#[cfg(feature = "ssr")]
pub struct Disk(pub std::path::PathBuf);

#[cfg(feature = "ssr")]
impl Reader for Disk {
    async fn read(&self, paths: Vec<String>) -> Vec<Result<String, LoadError>> {
        paths
            .iter()
            .map(|p| {
                std::fs::read_to_string(self.0.join(p)).map_err(|e| LoadError::Network {
                    file: p.clone(),
                    message: e.to_string(),
                })
            })
            .collect()
    }
}

/// The bytes of a file the person chose; they never leave the browser.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
