//! The article itself: kicker, title, date, byline, images and paragraphs, with highlights.
//!
//! The markup is built by `figure_dom` (from the core's planners, as on a static page);
//! this component only listens. Pointer, focus and keyboard events on highlights are
//! delegated to the `<article>` element, so a document with ten thousand highlights has
//! six listeners, not sixty thousand, and each handler only sets signals.
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::figure_dom::{
    anchor_of_mark, article_markup, figure_of_mark, mark_of_event, POPOVER_ID,
};
use crate::state::{dir_of, use_article, ArticleState, Hover};

/// Open the popover for a highlight: its figure and where it is on the page.
fn hover_mark(state: &ArticleState, mark: web_sys::HtmlElement) {
    let Some(figure) = figure_of_mark(state, &mark) else {
        return;
    };
    let rect = mark.get_bounding_client_rect();
    let (sx, sy) = web_sys::window()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
        .unwrap_or((0.0, 0.0));
    state.hover.try_set(Some(Hover {
        figure,
        left: rect.left() + sx,
        bottom: rect.bottom() + sy,
        mark: SendWrapper::new(mark),
    }));
}

/// Select the highlight's figure, and which of its mentions was clicked ("mention 2 of 4").
fn select_mark(state: &ArticleState, mark: &web_sys::HtmlElement) {
    if let Some(figure) = figure_of_mark(state, mark) {
        state.select(Some(figure));
        state.cursor.try_set(anchor_of_mark(mark));
    }
}

/// The article body with highlights.
#[component]
pub fn ArticleText() -> impl IntoView {
    let state = use_article();
    let lang = state.doc().article.lang.clone();
    let dir = dir_of(&lang);
    view! {
        <article class="article" lang=lang dir=dir use:article_markup
            on:click=move |ev| {
                if let Some(mark) = mark_of_event(&ev) {
                    select_mark(&state, &mark);
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    if let Some(mark) = mark_of_event(&ev) {
                        ev.prevent_default();
                        select_mark(&state, &mark);
                    }
                }
            }
            on:mouseover=move |ev| {
                if let Some(mark) = mark_of_event(&ev) {
                    hover_mark(&state, mark);
                }
            }
            on:mouseout=move |ev: web_sys::MouseEvent| {
                if let Some(mark) = mark_of_event(&ev) {
                    // Moving within the same highlight, or onto its popover (so it can be read
                    // and its text selected, WCAG 1.4.13), is not leaving it.
                    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    let stays = to.as_ref().is_some_and(|n| mark.contains(Some(n)))
                        || to.and_then(|n| n.closest(&format!("#{POPOVER_ID}")).ok().flatten()).is_some();
                    if !stays {
                        state.hover.try_set(None);
                    }
                }
            }
            on:focusin=move |ev| {
                if let Some(mark) = mark_of_event(&ev) {
                    hover_mark(&state, mark);
                }
            }
            on:focusout=move |ev| {
                if mark_of_event(&ev).is_some() {
                    state.hover.try_set(None);
                }
            }
        ></article>
    }
}
