//! The indicator data, shared through context: the shipped data package (loaded once, on
//! first use) and the data a person has loaded themselves, which stays in their browser.

use std::sync::Arc;

use leptos::prelude::*;

use crate::language::{ts, use_i18n};

use crate::components::loaded::Loaded;
use crate::core::indicators::Store;
use crate::core::DataErrors;
use crate::fetch::{load_indicators, IndicatorData, LoadError, DATAPACKAGE};

#[derive(Clone, Copy)]
pub struct IndicatorResource(pub LocalResource<Result<Arc<IndicatorData>, LoadError>>);

/// A file the person loaded: what was accepted, and every problem found.
#[derive(Debug, Clone)]
pub struct UserDataset {
    pub file: String,
    pub store: Store,
    pub rows_read: usize,
    pub errors: DataErrors,
}

impl AsRef<Store> for UserDataset {
    fn as_ref(&self) -> &Store {
        &self.store
    }
}

#[derive(Clone, Copy)]
pub struct UserData(pub RwSignal<Option<Arc<UserDataset>>>);

pub fn provide_indicator_data() {
    provide_context(IndicatorResource(LocalResource::new(|| {
        load_indicators(DATAPACKAGE)
    })));
    provide_context(UserData(RwSignal::new(None)));
}

/// Renders `show` with the shipped indicator data, a skeleton while it loads, and an error
/// panel with a retry button when it fails.
#[component]
pub fn WithIndicators<F, V>(show: F) -> impl IntoView
where
    F: Fn(Arc<IndicatorData>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let IndicatorResource(resource) = expect_context::<IndicatorResource>();
    let i18n = use_i18n();
    view! { <Loaded resource what=ts!(i18n, load.indicator_data) loading=ts!(i18n, load.indicator_loading) show /> }
}
