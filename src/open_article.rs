//! An open article: its state, and the article, search, warnings, popover, details and
//! ledger laid out around it.
use std::sync::Arc;

use article_core::Document;
use leptos::prelude::*;

use crate::article_text::ArticleText;
use crate::figure_details::FigureDetails;
use crate::figure_dom::{self, mention_element};
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::popover::Popover;
use crate::scroll::reveal;
use crate::search::Search;
use crate::state::ArticleState;
use crate::warnings::Warnings;

/// A loaded document with all its parts and behaviour.
#[component]
pub fn OpenArticle(
    /// The loaded document.
    doc: Arc<Document>,
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
) -> impl IntoView {
    let state = ArticleState::new(doc.clone(), ui);
    provide_context(state);

    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(&doc.article.title);
    }

    let missing = crate::hash_sync::follow(state);
    // On a static page, its HTML gives way now that the reader's article is here.
    Effect::new(move |_| crate::static_page::take_over());
    figure_dom::follow(state);
    crate::shortcuts::follow(state);

    // A long article: once its first screens are painted, render the rest.
    if !state.complete.get_untracked() {
        let complete = state.complete;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    complete.try_set(true);
                },
                std::time::Duration::ZERO,
            )
        });
    }

    // Once every highlight is in the DOM (and painted next frame): bring a deep-linked figure
    // into view and tell benchmarks the article is on screen.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !state.complete.get() {
            return done.unwrap_or(false);
        }
        request_animation_frame(move || {
            if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                let _ = perf.mark("article-rendered");
            }
            // `try_`: the reader may be gone by this frame.
            if let Some(f) = state.selected.try_get_untracked().flatten() {
                if let Some(el) = mention_element(&state, f, 0) {
                    reveal(&el);
                }
            }
        });
        true
    });

    let (sheet_open, set_sheet_open) = signal(false);
    let notice = move || {
        let id = missing.get()?;
        Some(match ui.get() {
            Lang::Vi => {
                format!("Bài này không có số liệu “{id}”; có thể liên kết đã cũ hoặc bị gõ sai.")
            }
            Lang::En => format!(
                "This article has no figure “{id}”; the link may be out of date or mistyped."
            ),
        })
    };
    let has_figures = !doc.article.figures.is_empty();
    view! {
        <div class="reader" node_ref=state.root>
            <main id="main" class="reading" tabindex="-1">
                <p class="notice" role="status">{notice}</p>
                <Search />
                <ArticleText />
                <Warnings />
                <Popover />
            </main>
            <aside class="side" class:open=sheet_open aria-label=move || ui.get().text().ledger_label>
                <button type="button" class="sheet-toggle" aria-expanded=move || sheet_open.get().to_string()
                    on:click=move |_| set_sheet_open.update(|o| *o = !*o)>
                    {move || if sheet_open.get() { ui.get().text().hide_figures } else { ui.get().text().show_figures }}
                </button>
                <div class="side-body">
                    // Without figures there is nothing to select, walk or detail.
                    {has_figures.then(|| view! { <FigureDetails /> })}
                    <Ledger />
                    {has_figures.then(|| view! { <p class="hint">{move || ui.get().text().keyboard_hint}</p> })}
                </div>
            </aside>
        </div>
    }
}
