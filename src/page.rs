//! An open article: loads the document, then lays out the article, the details panel, the
//! ledger, the popover and the warnings, and wires selection to the URL hash and keyboard.
use std::sync::Arc;

use article_core::Document;
use leptos::prelude::*;

use crate::alert::error_fallback;
use crate::api::{fetch_document, Progress};
use crate::article::Article;
use crate::details::FigureDetails;
use crate::i18n::{screen_lang, Lang};
use crate::ledger::Ledger;
use crate::popover::Popover;
use crate::reader::{reveal, reveal_nearest, Reader};
use crate::search::Search;
use crate::url::write_selection;
use crate::warnings::Warnings;

/// Loading placeholder shaped like an article, so nothing jumps when it arrives. A long
/// download shows how far it has got (in a line reserved from the start).
#[component]
fn Skeleton(
    #[prop(into)] ui: Signal<Lang>,
    #[prop(into)] progress: Signal<Option<Progress>>,
) -> impl IntoView {
    let bar = move || {
        let p = progress.get()?;
        let lang = ui.get().tag();
        let total = p.total.filter(|&t| t >= p.received);
        let (value, max) = match total {
            Some(t) if p.received == t => return None,
            Some(t) => (p.received, t),
            None => (0, 0),
        };
        let text = crate::i18n::download_size(p.received, total, lang);
        let label = ui.get().text().loading;
        Some(view! {
            <progress aria-label=label value=(max > 0).then(|| value.to_string()) max=(max > 0).then(|| max.to_string())></progress>
            " "<span>{text}</span>
        })
    };
    view! {
        <main id="main" class="skeleton" aria-busy="true" aria-live="polite">
            <span class="visually-hidden">{move || ui.get().text().loading}</span>
            <div class="sk sk-kicker"></div>
            <div class="sk sk-title"></div>
            <div class="sk sk-title short"></div>
            <div class="sk sk-meta"></div>
            // Not announced at every chunk: the live region above says "loading" once.
            <p class="sk-progress" aria-live="off">{bar}</p>
            {(0..8).map(|_| view! { <div class="sk sk-line"></div> }).collect_view()}
        </main>
    }
}

/// Loads and shows the document at `url`.
#[component]
pub fn ArticlePage(
    /// URL of the `article/1` document (relative to the page or same-origin absolute).
    #[prop(into)]
    url: Signal<String>,
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
    /// Told the document's language once it has loaded, so the UI can follow it.
    #[prop(into)]
    on_lang: Callback<String>,
) -> impl IntoView {
    let ui = screen_lang(ui);
    let (retry, set_retry) = signal(0u32);
    let (progress, set_progress) = signal(None::<Progress>);
    let doc = LocalResource::new(move || {
        retry.track();
        set_progress.set(None);
        fetch_document(
            url.get(),
            // `try_`: a last chunk may arrive as the reader navigates away.
            Some(Callback::new(move |p| {
                set_progress.try_set(Some(p));
            })),
        )
    });
    let retry_cb = Callback::new(move |_| set_retry.update(|n| *n += 1));
    view! {
        <Transition fallback=move || view! { <Skeleton ui=ui progress=progress /> }>
            <ErrorBoundary fallback=error_fallback(ui, retry_cb, true)>
                {move || Suspend::new(async move {
                    doc.await.map(|d| {
                        on_lang.run(d.article.lang.clone());
                        view! { <Opened doc=d ui=ui /> }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// A loaded document with all its parts and behaviour.
#[component]
pub fn Opened(
    /// The loaded document.
    doc: Arc<Document>,
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
) -> impl IntoView {
    let reader = Reader::new(doc.clone(), ui);
    provide_context(reader.clone());

    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(&doc.article.title);
    }

    // A deep link selects its figure before anything is drawn, so the first paint is right.
    reader.selected.set(reader.figure_in_hash());
    // A deep link to a figure this article does not have gets a polite notice. Set once the
    // (empty) status region is in the page, so assistive technology announces it.
    let missing = RwSignal::new(None::<String>);
    let r = reader.clone();
    Effect::new(move |_| missing.set(r.missing_in_hash()));

    // Selection → aria-current on the affected marks and card only, and → the URL hash.
    let r = reader.clone();
    Effect::new(move |prev: Option<Option<usize>>| {
        let current = r.selected.get();
        if let Some(Some(p)) = prev {
            if Some(p) != current {
                r.mark_current(p, false);
            }
        }
        if let Some(c) = current {
            // A figure is selected now: an earlier "not found" no longer applies.
            missing.try_set(None);
            r.mark_current(c, true);
            if let Some(card) = r.card_of(c) {
                reveal_nearest(&card);
            }
        }
        // Only a change is written: an untouched reader leaves the address alone.
        if prev.map_or(current.is_some(), |p| p != current) {
            write_selection(current.map(|c| r.figure_id(c)));
        }
        current
    });

    // A long article: once its first screens are painted, render the rest.
    if !reader.complete.get_untracked() {
        let complete = reader.complete;
        request_animation_frame(move || {
            set_timeout(move || complete.set(true), std::time::Duration::ZERO)
        });
    }

    // Once every highlight is in the DOM (and painted next frame): bring a deep-linked figure
    // into view, mark the selection, and tell benchmarks the article is on screen.
    let r = reader.clone();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !r.complete.get() {
            return done.unwrap_or(false);
        }
        let r = r.clone();
        request_animation_frame(move || {
            if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                let _ = perf.mark("article-rendered");
            }
            // `try_`: the reader may be gone by this frame.
            if let Some(f) = r.selected.try_get_untracked().flatten() {
                r.mark_current(f, true);
                if let Some(el) = r.mention_element(f, 0) {
                    reveal(&el);
                }
            }
        });
        true
    });

    let r = reader.clone();
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let f = r.figure_in_hash();
        r.select(f);
        missing.try_set(r.missing_in_hash());
        if let Some(el) = f.and_then(|f| r.mention_element(f, 0)) {
            reveal(&el);
        }
    });

    let r = reader.clone();
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
            return;
        }
        match ev.key().as_str() {
            "j" | "k" => {
                let next = r.step(if ev.key() == "j" { 1 } else { -1 });
                r.select(next);
                r.close_popover();
                // A computed figure has no highlight: its card takes focus instead.
                if let Some(el) =
                    next.and_then(|f| r.mention_element(f, 0).or_else(|| r.card_of(f)))
                {
                    reveal(&el);
                    let _ = el.focus();
                }
            }
            // Layered, like dialogs: an open popover closes first (WCAG 1.4.13: dismissing
            // it changes nothing else); the next Escape clears the selection.
            "Escape" => {
                if r.hover.get_untracked().is_some() {
                    r.close_popover();
                } else {
                    r.select(None);
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_key.remove();
    });

    let (sheet_open, set_sheet_open) = signal(false);
    let root = reader.root;
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
    let has_figures = !reader.doc.article.figures.is_empty();
    view! {
        <div class="reader" node_ref=root>
            <main id="main" class="reading" tabindex="-1">
                <p class="notice" role="status">{notice}</p>
                <Search />
                <Article />
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
