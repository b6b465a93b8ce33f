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
