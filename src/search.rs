//! Search in the article, ignoring case and diacritics ("cam pha" finds "Cẩm Phả"). The
//! matching is the core's; this is the box, the "3 / 12" counter and next / previous.
use leptos::prelude::*;

use crate::reader::use_reader;

/// The search box above the article.
#[component]
pub fn Search() -> impl IntoView {
    let reader = use_reader();
    let ui = reader.ui;
    let (query, hit) = (reader.query, reader.hit);
    let r = reader.clone();
    let count = Memo::new(move |_| r.hit_count());
    let r = reader.clone();
    let go = std::rc::Rc::new(move |step: isize| {
        let n = count.get_untracked();
        if n == 0 {
            return;
        }
        let k = (hit.get_untracked() as isize + step).rem_euclid(n as isize) as usize;
        hit.set(k);
        r.show_hit(k);
    });
    let (go_prev, go_next) = (go.clone(), go.clone());
    let r = reader.clone();
    // New hits (even the same number of them, when a query is refined): show the current
    // one once the blocks have re-rendered.
    Effect::new(move |_| {
        query.track();
        r.hits.track();
        if count.get_untracked() > 0 {
            let r = r.clone();
            request_animation_frame(move || {
                if let Some(k) = hit.try_get_untracked() {
                    r.show_hit(k);
                }
            });
        }
    });
    let status = move || {
        let t = ui.get().text();
        match count.get() {
            0 if query.with(|q| q.trim().is_empty()) => String::new(),
            0 => t.search_none.to_string(),
            n => format!("{} / {n}", hit.get() + 1),
        }
    };
    view! {
        <search class="article-search">
            <label for="article-search" class="visually-hidden">{move || ui.get().text().search_label}</label>
            <input
                id="article-search"
                type="search"
                autocomplete="off"
                placeholder=move || ui.get().text().search_placeholder
                prop:value=move || query.get()
                on:input=move |ev| {
                    hit.set(0);
                    query.set(event_target_value(&ev));
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        go(if ev.shift_key() { -1 } else { 1 });
                    }
                }
            />
            <span class="search-count" aria-live="polite">{status}</span>
            <button type="button" aria-label=move || ui.get().text().search_previous on:click=move |_| go_prev(-1)>"↑"</button>
            <button type="button" aria-label=move || ui.get().text().search_next on:click=move |_| go_next(1)>"↓"</button>
        </search>
    }
}
