//! The address and the selection, kept in step: `#fig-ID` selects a figure (at load and
//! on `hashchange`), selecting writes the hash (with `replaceState`, no history entry),
//! and a `#fig-` naming no figure of the article gets a polite notice.
//!
//! ```ignore
//! let missing = hash_sync::follow(state); // Signal<Option<String>>: the unknown id
//! ```
use leptos::prelude::*;

use crate::figure_dom::mention_element;
use crate::scroll::reveal;
use crate::state::ArticleState;
use crate::url::write_selection;

/// Start following; returns the id a `#fig-` link names when the article has no such
/// figure (for the notice).
pub fn follow(state: ArticleState) -> RwSignal<Option<String>> {
    // A deep link selects its figure before anything is drawn, so the first paint is right.
    state.selected.set(state.figure_in_hash());
    // Set once the (empty) status region is in the page, so assistive technology
    // announces it.
    let missing = RwSignal::new(None::<String>);
    Effect::new(move |_| missing.set(state.missing_in_hash()));

    Effect::new(move |prev: Option<Option<usize>>| {
        let current = state.selected.get();
        if current.is_some() {
            // A figure is selected now: an earlier "not found" no longer applies.
            missing.try_set(None);
        }
        // Only a change is written: an untouched reader leaves the address alone.
        if prev.map_or(current.is_some(), |p| p != current) {
            write_selection(current.map(|c| state.figure_id(c)).as_deref());
        }
        current
    });

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let f = state.figure_in_hash();
        state.select(f);
        missing.try_set(state.missing_in_hash());
        if let Some(el) = f.and_then(|f| mention_element(&state, f, 0)) {
            reveal(&el);
        }
    });
    on_cleanup(move || on_hash.remove());
    missing
}
