//! A page's title and description. Each page says them with `<PageHead/>` where it renders; at
//! build time the renderer reads them back and writes `<title>`, the meta description and the
//! Open Graph tags into the page's `<head>`; in the browser, navigating inside the app sets the
//! document's title. (This replaces `leptos_meta`, whose head management the app did not need:
//! the build writes each page's head once, as plain HTML.)

use leptos::prelude::*;

/// The site's name, after every page's own title.
pub const SITE_NAME: &str = "Cohesion Explorer";

#[derive(Clone, Copy)]
pub struct Head {
    pub title: RwSignal<String>,
    pub description: RwSignal<String>,
}

impl Head {
    /// The document title: "{page} · Cohesion Explorer", or the site's name alone.
    pub fn document_title(page: &str) -> String {
        if page.is_empty() {
            SITE_NAME.to_string()
        } else {
            format!("{page} · {SITE_NAME}")
        }
    }
}

/// Provides the head for the app; in the browser, keeps the document's title in step.
pub fn provide_head() -> Head {
    let head = Head {
        title: RwSignal::new(String::new()),
        description: RwSignal::new(String::new()),
    };
    provide_context(head);
    // Only once a view says its title: most of a page is the build's HTML, whose title the
    // document already has.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let page = head.title.get();
        if page.is_empty() {
            return;
        }
        let title = Head::document_title(&page);
        if document().title() != title {
            document().set_title(&title);
        }
    });
    head
}

/// Says a page's title and description. Renders nothing.
#[component]
pub fn PageHead(
    #[prop(into)] title: String,
    /// One or two sentences for search results and shared links.
    #[prop(into, optional)]
    description: String,
) -> impl IntoView {
    if let Some(head) = use_context::<Head>() {
        head.title.set(title);
        head.description.set(description);
    }
}
