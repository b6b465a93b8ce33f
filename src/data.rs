//! The data pages read, shared through context: the framework atlas and the shipped indicator
//! data (and, beside them, the person's own measures: `crate::yours`).
//!
//! The atlas and the indicator data are each a [`Slot`]. A slot is either filled before the
//! first render, or fetched the first time a view reads it:
//! - at build time, the renderer fills both from the files on disk and notes which ones the
//!   page read ([`Slot::was_read`]); the page records those, with their fingerprints;
//! - in the browser, `start` fetches exactly those files before taking the page over and
//!   fills the same slots, so the browser's first render is the page's render;
//! - a page reached later, by navigating inside the app, fetches what it reads when it
//!   reads it, with a skeleton meanwhile and an error panel with a retry if it fails.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::error_panel::{ErrorPanel, Skeleton};
use crate::core::Atlas;
use crate::fetch::{IndicatorData, LoadError, Loaded};
use crate::language::{ts, use_i18n};

type Outcome<T> = Option<Result<Loaded<T>, LoadError>>;

/// One data set: empty, loaded, or failed.
pub struct Slot<T: Send + Sync + 'static> {
    value: RwSignal<Outcome<T>>,
    /// Read during a render: the page needs it before the browser can take the page over.
    read: Arc<AtomicBool>,
    /// A fetch is under way (or done); reads do not start another.
    started: Arc<AtomicBool>,
    load: fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Loaded<T>, LoadError>>>>,
}

impl<T: Send + Sync + 'static> Clone for Slot<T> {
    fn clone(&self) -> Self {
        Slot {
            value: self.value,
            read: self.read.clone(),
            started: self.started.clone(),
            load: self.load,
        }
    }
}

impl<T: Send + Sync + 'static> Slot<T> {
    fn new(
        initial: Option<Loaded<T>>,
        load: fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Loaded<T>, LoadError>>>>,
    ) -> Self {
        let started = initial.is_some();
        Slot {
            value: RwSignal::new(initial.map(Ok)),
            read: Arc::new(AtomicBool::new(false)),
            started: Arc::new(AtomicBool::new(started)),
            load,
        }
    }

    /// The data (tracked), starting a fetch if nothing has been loaded yet.
    pub fn get(&self) -> Option<Result<Arc<T>, LoadError>> {
        self.read.store(true, Ordering::Relaxed);
        let now = self.value.with(|v| v.as_ref().map(|r| r.as_ref().map(|l| l.value.clone()).map_err(Clone::clone)));
        if now.is_none() {
            self.start();
        }
        now
    }

    /// The data if it is loaded, untracked and without starting a fetch (for event handlers).
    pub fn peek(&self) -> Option<Arc<T>> {
        self.value
            .with_untracked(|v| v.as_ref().and_then(|r| r.as_ref().ok()).map(|l| l.value.clone()))
    }

    /// The data once it is there (fetching it if need be), for event handlers that need it.
    pub async fn wait(&self) -> Result<Arc<T>, LoadError> {
        if let Some(result) = self.value.with_untracked(|v| v.clone()) {
            return result.map(|l| l.value);
        }
        self.started.store(true, Ordering::Relaxed);
        let result = (self.load)().await;
        let _ = self.value.try_set(Some(result.clone()));
        result.map(|l| l.value)
    }

    /// Subscribes to the slot's changes without reading or fetching it (for views that say
    /// something about the data, not show it).
    pub fn track(&self) {
        self.value.track();
    }

    /// Whether a render read this slot (the build-time renderer asks, after rendering a page).
    pub fn was_read(&self) -> bool {
        self.read.load(Ordering::Relaxed)
    }

    /// What was loaded, untracked.
    pub fn loaded(&self) -> Option<Loaded<T>> {
        self.value.with_untracked(|v| v.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    }

    /// Fetches the data, once. Only the browser fetches: at build time every slot is filled
    /// before rendering.
    fn start(&self) {
        if self.started.swap(true, Ordering::Relaxed) {
            return;
        }
        #[cfg(feature = "hydrate")]
        {
            let (value, load) = (self.value, self.load);
            // Not as part of whatever render asked: the fetch's result is news to every reader.
            untrack(|| {
                leptos::task::spawn_local(async move {
                    let result = load().await;
                    let _ = value.try_set(Some(result));
                })
            });
        }
    }

    /// Forgets a failure and fetches again.
    pub fn retry(&self) {
        self.started.store(false, Ordering::Relaxed);
        self.value.set(None);
        self.start();
    }
}

/// Everything a page may read, with what was loaded before its first render.
#[derive(Clone, Default)]
pub struct Initial {
    pub atlas: Option<Loaded<Atlas>>,
    pub indicators: Option<Loaded<IndicatorData>>,
}

/// The slots, as one context.
#[derive(Clone)]
pub struct Data {
    pub atlas: Slot<Atlas>,
    pub indicators: Slot<IndicatorData>,
}

fn fetch_atlas() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Loaded<Atlas>, LoadError>>>> {
    Box::pin(async { crate::fetch::load_atlas(&crate::fetch::Network, crate::fetch::MANIFEST).await })
}

fn fetch_indicators(
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Loaded<IndicatorData>, LoadError>>>> {
    Box::pin(async {
        crate::fetch::load_indicators(&crate::fetch::Network, crate::fetch::DATAPACKAGE).await
    })
}

/// Provides the data slots (filled from `initial`) and the person's own data. Returns the
/// slots, so the renderer can ask afterwards which ones the page read.
pub fn provide_data(initial: Initial) -> Data {
    let data = provide_data_slots(initial);
    crate::yours::provide_yours();
    data
}

/// Provides the data slots only (filled from `initial`), where the person's own data is
/// provided already.
pub fn provide_data_slots(initial: Initial) -> Data {
    let data = Data {
        atlas: Slot::new(initial.atlas, fetch_atlas),
        indicators: Slot::new(initial.indicators, fetch_indicators),
    };
    provide_context(data.clone());
    data
}

pub fn use_data() -> Data {
    expect_context::<Data>()
}

/// Renders `show` with a slot's data, a skeleton while it loads, and an error panel with a
/// retry button when it fails.
#[component]
fn WhenLoaded<T, F, V>(
    source: Slot<T>,
    /// What is loading, for the error panel's heading ("The framework data").
    #[prop(into)]
    what: Signal<String>,
    /// Read to screen readers while it loads.
    #[prop(into)]
    loading: Signal<String>,
    show: F,
    /// Says nothing when the data cannot be loaded: another part of the page says it.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn(Arc<T>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let slot = source;
    let retry_slot = slot.clone();
    let retry = Callback::new(move |_| retry_slot.retry());
    // Only a change between loading, loaded and failed redraws: the data itself never
    // changes once loaded.
    let phase_slot = slot.clone();
    let phase = Memo::new(move |_| match phase_slot.get() {
        None => 0u8,
        Some(Ok(_)) => 1,
        Some(Err(_)) => 2,
    });
    move || {
        // Read, not only tracked: a memo never read is never computed, so never hears of
        // the slot it depends on.
        let _ = phase.get();
        match untrack(|| slot.get()) {
            None => view! { <Skeleton label=loading /> }.into_any(),
            Some(Err(_)) if quiet => ().into_any(),
            Some(Err(error)) => view! { <ErrorPanel what error retry /> }.into_any(),
            Some(Ok(value)) => show(value).into_view().into_any(),
        }
    }
}

/// Renders `show` with the loaded atlas.
#[component]
pub fn WithAtlas<F, V>(
    show: F,
    /// Says nothing when the data cannot be loaded: another part of the page says it.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    F: Fn(Arc<Atlas>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let slot = use_data().atlas;
    view! { <WhenLoaded source=slot what=ts!(i18n, load.framework_data) loading=ts!(i18n, load.framework_loading) show quiet /> }
}

/// Renders `show` with the shipped indicator data.
#[component]
pub fn WithIndicators<F, V>(
    show: F,
    /// Says nothing when the data cannot be loaded: another part of the page says it.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    F: Fn(Arc<IndicatorData>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let slot = use_data().indicators;
    view! { <WhenLoaded source=slot what=ts!(i18n, load.indicator_data) loading=ts!(i18n, load.indicator_loading) show quiet /> }
}
