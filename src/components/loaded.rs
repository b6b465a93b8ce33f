//! One way to show anything loaded: a skeleton while it loads, an error panel with a retry
//! button when it fails, and the content when it is there.

use leptos::prelude::*;

use crate::components::error_panel::{ErrorPanel, Skeleton};
use crate::fetch::LoadError;

#[component]
pub fn Loaded<T, F, V>(
    resource: LocalResource<Result<T, LoadError>>,
    /// What is loading, for the error panel's heading ("The framework data").
    #[prop(into)]
    what: Signal<String>,
    /// Read to screen readers while it loads.
    #[prop(into)]
    loading: Signal<String>,
    show: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let retry = Callback::new(move |_| resource.refetch());
    move || match resource.get() {
        None => view! { <Skeleton label=loading /> }.into_any(),
        Some(Err(error)) => view! { <ErrorPanel what error retry /> }.into_any(),
        Some(Ok(value)) => show(value).into_view().into_any(),
    }
}
