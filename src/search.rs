//! Search in the article, ignoring case and diacritics ("cam pha" finds "Cẩm Phả"). The
//! matching is the core's; this is the box, the "3 / 12" counter and next / previous.
//! Hits are drawn and the current one shown by `figure_dom`.
use leptos::prelude::*;

use crate::state::use_article;

/// The search box above the article.
#[component]
pub fn Search() -> impl IntoView {
    let state = use_article();
    let ui = state.ui;
    let (query, hit) = (state.query, state.hit);
    let count = Memo::new(move |_| state.hit_count());
    let go = move |by: isize| {
        if let Some(k) =
            article_core::view::step(Some(hit.get_untracked()), count.get_untracked(), by)
        {
            hit.set(k);
        }
    };
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
            <button type="button" aria-label=move || ui.get().text().search_previous on:click=move |_| go(-1)>"↑"</button>
            <button type="button" aria-label=move || ui.get().text().search_next on:click=move |_| go(1)>"↓"</button>
        </search>
    }
}
