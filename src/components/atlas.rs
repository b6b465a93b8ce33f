//! The framework data, loaded once for the whole app and shared through context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::language::{ts, use_i18n};

use crate::components::loaded::Loaded;
use crate::core::Atlas;
use crate::fetch::{load_atlas, LoadError, MANIFEST};

#[derive(Clone, Copy)]
pub struct AtlasResource(pub LocalResource<Result<Arc<Atlas>, LoadError>>);

pub fn provide_atlas() {
    provide_context(AtlasResource(LocalResource::new(|| load_atlas(MANIFEST))));
}

/// Renders `show` with the loaded atlas, a skeleton while it loads, and an error panel
/// with a retry button when it fails.
#[component]
pub fn WithAtlas<F, V>(show: F) -> impl IntoView
where
    F: Fn(Arc<Atlas>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let AtlasResource(resource) = expect_context::<AtlasResource>();
    let i18n = use_i18n();
    view! { <Loaded resource what=ts!(i18n, load.framework_data) loading=ts!(i18n, load.framework_loading) show /> }
}
