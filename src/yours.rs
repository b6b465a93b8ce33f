//! The person's own measures in the browser: what they read on the Data page, kept on their
//! device between pages and visits (IndexedDB, through `rexie`), shown wherever the app shows
//! figures, labelled as theirs, and forgotten when they say so. Nothing is ever sent anywhere:
//! a file is read from their disk by the browser, and what is kept stays in this browser's
//! storage for this site.
//!
//! Every page's islands read the same context; the page's first render never includes the
//! person's measures (the build could not know them), so they arrive as an ordinary update
//! once they have been read back.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::owndata::describe::Measure;

/// The person's measures.
#[derive(Clone, Copy)]
pub struct Yours {
    /// Every measure they have: kept on this device, or, when it would not keep one, for this
    /// visit only.
    pub measures: RwSignal<Vec<Arc<Measure>>>,
    /// The keys of those kept on the device.
    pub kept: RwSignal<Vec<String>>,
    /// Whether what the device kept has been read back.
    pub ready: RwSignal<bool>,
    /// Why the device would not keep a measure, or could not read what it kept.
    pub problem: RwSignal<Option<String>>,
}

impl Yours {
    /// The person's own measures (not figures attached to a shipped indicator).
    pub fn own(&self) -> Vec<Arc<Measure>> {
        self.measures.with(|m| m.iter().filter(|m| !m.attached).cloned().collect())
    }

    /// The figures the person attached to the shipped indicator `id`.
    pub fn attached_to(&self, id: &str) -> Vec<Arc<Measure>> {
        self.measures.with(|m| m.iter().filter(|m| m.attached && m.indicator.id == id).cloned().collect())
    }

    /// The person's own measure `id`.
    pub fn measure(&self, id: &str) -> Option<Arc<Measure>> {
        self.measures.with(|m| m.iter().find(|m| !m.attached && m.indicator.id == id).cloned())
    }
}

pub fn provide_yours() -> Yours {
    let yours = Yours {
        measures: RwSignal::new(Vec::new()),
        kept: RwSignal::new(Vec::new()),
        ready: RwSignal::new(false),
        problem: RwSignal::new(None),
    };
    provide_context(yours);
    yours
}

pub fn use_yours() -> Yours {
    use_context::<Yours>().unwrap_or_else(provide_yours)
}

#[cfg(feature = "hydrate")]
pub use browser::{add, forget, forget_all, start_keeping};
#[cfg(feature = "islands")]
pub use browser::{draw_your_cards, draw_your_profile, draw_your_series, keeps_any_measure};

#[cfg(not(feature = "hydrate"))]
pub fn add(_measures: Vec<Measure>) {}

#[cfg(not(feature = "hydrate"))]
pub fn forget(_key: &str) {}

#[cfg(not(feature = "hydrate"))]
pub fn forget_all() {}

#[cfg(feature = "hydrate")]
mod browser {
    use std::sync::Arc;

    use futures::future::{FutureExt, LocalBoxFuture, Shared};
    use leptos::prelude::*;
    use rexie::{ObjectStore, Rexie, TransactionMode};
    use wasm_bindgen::JsValue;

    use super::{use_yours, Yours};
    use crate::core::owndata::describe::Measure;
    use crate::core::owndata::keep::{pack, unpack};

    const DATABASE: &str = "cohesion-explorer";
    const STORE: &str = "measures";

    async fn open() -> Result<Rexie, String> {
        Rexie::builder(DATABASE)
            .version(1)
            .add_object_store(ObjectStore::new(STORE))
            .build()
            .await
            .map_err(|e| e.to_string())
    }

    /// Every measure kept on the device: (key, text).
    async fn read_all() -> Result<Vec<(String, String)>, String> {
        let db = open().await?;
        let tx = db.transaction(&[STORE], TransactionMode::ReadOnly).map_err(|e| e.to_string())?;
        let store = tx.store(STORE).map_err(|e| e.to_string())?;
        let keys = store.get_all_keys(None, None).await.map_err(|e| e.to_string())?;
        let values = store.get_all(None, None).await.map_err(|e| e.to_string())?;
        Ok(keys
            .into_iter()
            .zip(values)
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
    }

    thread_local! {
        /// The device operation asked for last (see [`in_turn`]).
        static LAST: std::cell::RefCell<Option<Shared<LocalBoxFuture<'static, ()>>>> = const { std::cell::RefCell::new(None) };
    }

    /// Runs `op` once every device operation asked for before it has finished: each opens the
    /// database on its own, so without this two could land in either order, and a measure
    /// loaded again just after "Forget all" could be kept, then deleted by the forgetting.
    fn in_turn(op: impl std::future::Future<Output = ()> + 'static) -> Shared<LocalBoxFuture<'static, ()>> {
        let before = LAST.with(|last| last.borrow_mut().take());
        let next = async move {
            if let Some(before) = before {
                before.await;
            }
            op.await;
        }
        .boxed_local()
        .shared();
        LAST.with(|last| *last.borrow_mut() = Some(next.clone()));
        next
    }

    async fn write(key: &str, text: Option<&str>) -> Result<(), String> {
        let db = open().await?;
        let tx = db.transaction(&[STORE], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
        let store = tx.store(STORE).map_err(|e| e.to_string())?;
        match text {
            Some(text) => store.put(&JsValue::from_str(text), Some(&JsValue::from_str(key))).await.map(|_| ()),
            None => store.delete(JsValue::from_str(key)).await,
        }
        .map_err(|e| e.to_string())?;
        tx.done().await.map(|_| ()).map_err(|e| e.to_string())
    }

    /// Where the keys of the measures kept on the device are listed, one a line, beside the
    /// measures themselves: a page whose islands only need to know whether there are any (an
    /// indicator page: figures attached to its indicator) reads this list, not the database.
    const INDEX: &str = "cohesion-explorer:kept";

    fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    /// Keeps the list of kept keys in step with the database, once it has been read back.
    fn keep_index(yours: Yours) {
        Effect::new(move |_| {
            let kept = yours.kept.get();
            if !yours.ready.get() {
                return;
            }
            if let Some(s) = storage() {
                let _ = if kept.is_empty() { s.remove_item(INDEX) } else { s.set_item(INDEX, &kept.join("\n")) };
            }
        });
    }

    /// Whether any key on the list of kept keys passes `test` (no list: none kept).
    #[cfg(feature = "islands")]
    fn keeps_any(test: impl Fn(&str) -> bool) -> bool {
        storage().and_then(|s| s.get_item(INDEX).ok().flatten()).is_some_and(|keys| keys.lines().any(test))
    }

    /// Has the whole-page module draw with its export `name`, fetched then and only for this.
    #[cfg(feature = "islands")]
    fn drawn_by_the_app(name: &'static str, args: Vec<JsValue>) {
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::lazy::call_app(name, &args).await {
                web_sys::console::warn_1(&JsValue::from_str(&e));
            }
        });
    }

    /// Draws the figures the person attached to the published indicator `id` into `slot`, if
    /// they keep any (a kept measure's key says so: `{indicator}@{file}`): the whole-page
    /// module draws them (`start::draw_your_series`).
    #[cfg(feature = "islands")]
    pub fn draw_your_series(slot: web_sys::Element, id: String) {
        let prefix = format!("{id}@");
        if keeps_any(|k| k.starts_with(&prefix)) {
            drawn_by_the_app("draw_your_series", vec![JsValue::from(slot), JsValue::from_str(&id)]);
        }
    }

    /// Whether the device keeps any measure of the person's.
    #[cfg(feature = "islands")]
    pub fn keeps_any_measure() -> bool {
        keeps_any(|_| true)
    }

    /// Draws the person's own measures on the profile's `dimensions` (id and name) into `slot`,
    /// if they keep any measure of their own (not attached to a published indicator): the
    /// whole-page module draws them (`start::draw_your_profile`).
    #[cfg(feature = "islands")]
    pub fn draw_your_profile(slot: web_sys::Element, dimensions: &[(String, String)]) {
        if keeps_any(|k| !k.contains('@')) {
            let mut text = String::new();
            for (id, name) in dimensions {
                crate::core::records::record(&mut text, "dimension", &[id.clone(), name.clone()]);
            }
            drawn_by_the_app("draw_your_profile", vec![JsValue::from(slot), JsValue::from_str(&text)]);
        }
    }

    /// Draws the person's own measures' cards into `slot`, if they keep any (their keys are
    /// their ids, with no `@`): the whole-page module draws them (`start::draw_your_cards`).
    #[cfg(feature = "islands")]
    pub fn draw_your_cards(slot: web_sys::Element) {
        if keeps_any(|k| !k.contains('@')) {
            drawn_by_the_app("draw_your_cards", vec![JsValue::from(slot)]);
        }
    }

    /// Reads back what the device keeps (once per page).
    pub fn start_keeping() {
        let yours = use_yours();
        keep_index(yours);
        leptos::task::spawn_local(in_turn(async move {
            match read_all().await {
                Ok(all) => {
                    let mut unreadable = 0;
                    let mut measures = Vec::new();
                    let mut kept = Vec::new();
                    for (key, text) in all {
                        match unpack(&text) {
                            Some(k) => {
                                kept.push(key);
                                measures.push(Arc::new(k.measure));
                            }
                            None => unreadable += 1,
                        }
                    }
                    let _ = yours.kept.try_set(kept);
                    let _ = yours.measures.try_update(|m| {
                        // Anything read this visit before the device answered stays.
                        for found in measures {
                            if !m.iter().any(|x| x.key() == found.key()) {
                                m.push(found);
                            }
                        }
                    });
                    if unreadable > 0 {
                        let _ = yours.problem.try_set(Some(format!("{unreadable} kept measure(s) could not be read back")));
                    }
                }
                Err(e) => {
                    let _ = yours.problem.try_set(Some(e));
                }
            }
            let _ = yours.ready.try_set(true);
        }));
    }

    /// Shows `measures` (each replacing any with its key) and keeps each one the device will.
    pub fn add(measures: Vec<crate::core::owndata::describe::Measure>) {
        let yours = use_yours();
        let now = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
        let measures: Vec<Arc<Measure>> = measures.into_iter().map(Arc::new).collect();
        yours.measures.update(|all| {
            for m in &measures {
                all.retain(|x| x.key() != m.key());
                all.push(m.clone());
            }
        });
        leptos::task::spawn_local(in_turn(async move {
            for m in measures {
                let key = m.key();
                let result = match pack(&m, &now) {
                    Ok(text) => write(&key, Some(&text)).await,
                    Err(too) => Err(format!("too_large:{}", too.bytes)),
                };
                keep_result(yours, &key, result);
            }
        }));
    }

    fn keep_result(yours: Yours, key: &str, result: Result<(), String>) {
        match result {
            // Forgotten while it was being written (the forgetting runs next): not kept.
            Ok(()) if !yours.measures.with_untracked(|m| m.iter().any(|x| x.key() == key)) => {}
            Ok(()) => {
                let _ = yours.kept.try_update(|k| {
                    if !k.iter().any(|x| x == key) {
                        k.push(key.to_string());
                    }
                });
            }
            Err(e) => {
                let _ = yours.kept.try_update(|k| k.retain(|x| x != key));
                let _ = yours.problem.try_set(Some(e));
            }
        }
    }

    /// Forgets one measure: off the page and off the device.
    pub fn forget(key: &str) {
        let yours = use_yours();
        let key = key.to_string();
        yours.measures.update(|m| m.retain(|x| x.key() != key));
        // Off the list of what the device keeps once the device has let it go.
        leptos::task::spawn_local(in_turn(async move {
            match write(&key, None).await {
                Ok(()) => {
                    let _ = yours.kept.try_update(|k| k.retain(|x| *x != key));
                }
                Err(e) => {
                    let _ = yours.problem.try_set(Some(e));
                }
            }
        }));
    }

    /// Forgets every measure the person has.
    pub fn forget_all() {
        let yours = use_yours();
        yours.measures.set(Vec::new());
        yours.kept.set(Vec::new());
        leptos::task::spawn_local(in_turn(async move {
            if let Err(e) = clear().await {
                let _ = yours.problem.try_set(Some(e));
            }
        }));
    }

    /// Empties the store: every measure kept, whether or not this page has read it back yet.
    async fn clear() -> Result<(), String> {
        let db = open().await?;
        let tx = db.transaction(&[STORE], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
        let store = tx.store(STORE).map_err(|e| e.to_string())?;
        store.clear().await.map_err(|e| e.to_string())?;
        tx.done().await.map(|_| ()).map_err(|e| e.to_string())
    }
}
