//! Keys of an open article: `j` / `k` walk figures in reading order (focusing each one's
//! highlight, or card for a computed figure), Escape closes the popover, then clears the
//! selection. Ignored while typing in a field and with Ctrl, Meta or Alt held.
use leptos::prelude::*;

use crate::figure_dom::{card_of, mention_element};
use crate::scroll::reveal;
use crate::state::ArticleState;

/// Listen for the article's keys until it closes.
pub fn follow(state: ArticleState) {
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
            return;
        }
        match ev.key().as_str() {
            "j" | "k" => {
                let next = state.step(if ev.key() == "j" { 1 } else { -1 });
                state.select(next);
                state.hover.try_set(None);
                // A computed figure has no highlight: its card takes focus instead.
                if let Some(el) =
                    next.and_then(|f| mention_element(&state, f, 0).or_else(|| card_of(&state, f)))
                {
                    reveal(&el);
                    let _ = el.focus();
                }
            }
            // Layered, like dialogs: an open popover closes first (WCAG 1.4.13: dismissing
            // it changes nothing else); the next Escape clears the selection.
            "Escape" => {
                if state.hover.get_untracked().is_some() {
                    state.hover.try_set(None);
                } else {
                    state.select(None);
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
}

/// Whether a key event is aimed at a text field (where j and k are letters, not commands).
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}
