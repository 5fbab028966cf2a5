//! Bringing an element into view, robustly in a long article.
//!
//! `reveal(&el)` centres it (respecting reduced motion: CSS `scroll-behavior` decides) and
//! makes sure it ends up there; `reveal_nearest(&el)` scrolls its container only as much
//! as needed (a ledger card).
use leptos::prelude::request_animation_frame;

/// Scroll an element to the middle of the view and make sure it ends up there (see
/// [`settle`]).
pub fn reveal(el: &web_sys::HtmlElement) {
    center(el);
    settle(el.clone(), f64::NAN, 0, 0, 0);
}

fn center(el: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Paragraphs off screen are laid out with an estimated height (`content-visibility: auto`)
/// until they come near the view, so a long jump lands where the estimate put its target:
/// once the page has stopped scrolling (`still` frames at the same `last_y`), centre the
/// element again if it is not in view. Watches for at most `frame` 60 frames and corrects
/// at most three `tries`, so it never fights a reader who scrolls on.
fn settle(el: web_sys::HtmlElement, last_y: f64, still: u32, frame: u32, tries: u32) {
    request_animation_frame(move || {
        let Some(w) = web_sys::window() else { return };
        if !el.is_connected() || frame > 60 {
            return;
        }
        let y = w.scroll_y().unwrap_or(0.0);
        let still = if y == last_y { still + 1 } else { 0 };
        if still < 2 {
            return settle(el, y, still, frame + 1, tries);
        }
        let rect = el.get_bounding_client_rect();
        let height = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if (rect.top() >= 0.0 && rect.bottom() <= height) || tries >= 3 {
            return;
        }
        center(&el);
        settle(el, y, 0, frame + 1, tries + 1);
    });
}

/// Scroll within the nearest scroll container only as much as needed.
pub fn reveal_nearest(el: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}
