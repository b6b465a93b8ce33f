//! Carries the person's own data between the pages that read it (the data page) and show it
//! (the indicator pages), which are separate sections of the app, each a page load of its own
//! (`core::site::Section`). What was accepted from their file is kept as text
//! (`core::indicators::carry`) in the tab's session storage: never sent anywhere, in no cache,
//! gone when the tab closes or when they remove it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::indicators::carry::{pack, unpack};
use crate::data::{UserData, UserDataset, YourDataKept};

/// The session storage key.
const KEY: &str = "cohesion-explorer.your-data";

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Shows what an earlier page of this tab kept, then keeps what the person loads from now on
/// and forgets it when they remove it. Called once the page has been taken over (the page's
/// own render never includes the person's data, so the two renders match).
pub fn start_carrying() {
    let (Some(UserData(user)), Some(YourDataKept(kept))) = (use_context::<UserData>(), use_context::<YourDataKept>()) else {
        return;
    };
    let restored = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|text| unpack(&text))
        .map(|c| {
            Arc::new(UserDataset {
                file: c.file,
                store: c.store,
                rows_read: c.rows_read,
                errors: c.errors,
            })
        });
    if let Some(dataset) = &restored {
        if user.get_untracked().is_none() {
            user.set(Some(dataset.clone()));
            kept.set(Some(true));
        }
    }
    Effect::new(move |first_run: Option<()>| {
        let now = user.get();
        // The first run sees what is there already (nothing, or what was just read back).
        if first_run.is_none() {
            return;
        }
        let Some(storage) = storage() else {
            kept.set(now.is_some().then_some(false));
            return;
        };
        match now {
            None => {
                let _ = storage.remove_item(KEY);
                kept.set(None);
            }
            Some(dataset) if restored.as_ref().is_some_and(|r| Arc::ptr_eq(r, &dataset)) => {}
            Some(dataset) => {
                let text = pack(&dataset.file, dataset.rows_read, &dataset.store, &dataset.errors);
                let stored = storage.set_item(KEY, &text).is_ok();
                if !stored {
                    // Not the last file's data either: the pages would show the wrong file.
                    let _ = storage.remove_item(KEY);
                }
                kept.set(Some(stored));
            }
        }
    });
}
