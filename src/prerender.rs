//! Renders one page of the app to HTML at build time, natively, with the same components the
//! browser runs (`ssr`). The page's data is filled in before rendering, so the render is
//! synchronous; afterwards the page says which data sets it read (the browser fetches exactly
//! those before it takes the page over) and what its title and description are.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::link::{set_site, Site};
use crate::data::{provide_data, Initial};
use crate::head::Head;
use crate::App;

/// One page, rendered.
pub struct Rendered {
    /// The body's content.
    pub body: String,
    /// The page's own title ("Indicators"); empty for the site's name alone.
    pub title: String,
    pub description: String,
    pub read_atlas: bool,
    pub read_indicators: bool,
}

/// The executor at build time. A render here is synchronous: every effect the page's first
/// render needs runs when it is created, and nothing is awaited, so the futures an effect
/// spawns to wait for later changes (which never come) are dropped, not run.
struct BuildTime;

impl any_spawner::CustomExecutor for BuildTime {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// Renders `route` at `site` (its sub-path and place) from `initial`.
pub fn render(site: &Site, route: &str, initial: &Initial) -> Rendered {
    // Set once per process; later calls find it set.
    let _ = any_spawner::Executor::init_custom_executor(BuildTime);
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let rendered = owner.with(|| {
        set_site(site.clone());
        crate::url::provide_url(route);
        let data = provide_data(initial.clone());
        let head = crate::head::provide_head();
        let body = view! { <App /> }.to_html();
        Rendered {
            body,
            title: head.title.get_untracked(),
            description: head.description.get_untracked(),
            read_atlas: data.atlas.was_read(),
            read_indicators: data.indicators.was_read(),
        }
    });
    owner.cleanup();
    rendered
}

/// The document title for a page's own title.
pub fn document_title(page: &str) -> String {
    Head::document_title(page)
}
