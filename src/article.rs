//! The article itself: kicker, title, date, byline, images and paragraphs, with highlights.
//!
//! All article strings go into text nodes or attributes, never `inner_html`. The text is
//! built once (a plain `map().collect()`: it never changes); pointer, focus and keyboard
//! events on highlights are delegated to the `<article>` element so a document with ten
//! thousand highlights has five listeners, not fifty thousand.
use article_core::{format::Timestamp, Block};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::highlight::{refill_on_search, Highlight};
use crate::plan::text_view;
use crate::reader::{use_reader, Hover, Reader};

/// The highlight element an event happened in, if any.
fn mark_of(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("mark[data-figure]").ok()??.dyn_into().ok()
}

fn figure_of(reader: &Reader, mark: &web_sys::HtmlElement) -> Option<usize> {
    // A run of one figure names it in `data-figure`; a shared run says which in `data-primary`.
    let id = mark
        .get_attribute("data-primary")
        .or_else(|| mark.get_attribute("data-figure"))?;
    reader.doc.figure_index(&id)
}

/// The popover's element id (see `popover.rs`), which an open highlight is described by.
pub const POPOVER_ID: &str = "popover";

/// Open the popover for a highlight.
fn open_popover(reader: &Reader, mark: &web_sys::HtmlElement) {
    let Some(figure) = figure_of(reader, mark) else {
        return;
    };
    let rect = mark.get_bounding_client_rect();
    let (sx, sy) = web_sys::window()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
        .unwrap_or((0.0, 0.0));
    let _ = mark.set_attribute("aria-expanded", "true");
    let _ = mark.set_attribute("aria-describedby", POPOVER_ID);
    reader.hover.try_set(Some(Hover {
        figure,
        left: rect.left() + sx,
        bottom: rect.bottom() + sy,
    }));
}

/// Select the highlight's figure and bring its ledger card into view.
fn select_mark(reader: &Reader, mark: &web_sys::HtmlElement) {
    let Some(figure) = figure_of(reader, mark) else {
        return;
    };
    reader.select(Some(figure));
    // Show which of the figure's mentions was clicked ("mention 2 of 4").
    if let Some(k) = mark
        .get_attribute("data-anchor")
        .and_then(|k| k.parse().ok())
    {
        reader.cursor.try_set(k);
    }
}

/// Text bytes shown in the first pass of a long article: a few screens.
const FIRST_PASS_BYTES: usize = 12_000;

/// How many leading blocks make up the first pass (all of them for a short article).
pub fn first_screens(blocks: &[Block]) -> usize {
    let mut bytes = 0;
    for (i, b) in blocks.iter().enumerate() {
        bytes += b.text().map_or(0, str::len);
        if bytes > FIRST_PASS_BYTES {
            return i + 1;
        }
    }
    blocks.len()
}

/// One block: a paragraph, or an image with caption and credit.
fn block_view(a: &article_core::Article, i: usize) -> AnyView {
    match &a.blocks[i] {
        Block::Paragraph { .. } => view! { <Highlight block=i /> }.into_any(),
        Block::Image {
            src,
            alt,
            caption,
            credit,
        } => {
            let caption = caption
                .as_ref()
                .map(|_| view! { <Highlight block=i caption=true /> });
            let credit = credit
                .as_deref()
                .map(|c| view! { <span class="credit">{text_view(c)}</span> });
            let has_caption = caption.is_some() || credit.is_some();
            view! {
                <figure class="image">
                    <img src=src.clone() alt=alt.clone() loading="lazy" decoding="async" />
                    {has_caption.then(|| view! { <figcaption>{caption}" "{credit}</figcaption> })}
                </figure>
            }
            .into_any()
        }
    }
}

/// The article body with highlights.
#[component]
pub fn Article() -> impl IntoView {
    let reader = use_reader();
    refill_on_search(&reader);
    let doc = reader.doc.clone();
    let a = &doc.article;
    let published = a
        .published
        .as_deref()
        .and_then(|p| Timestamp::parse(p).ok());
    let date = published.map(|t| {
        let iso = t.iso_date();
        let long = t.long(&a.lang);
        view! { <time class="date" datetime=iso>{long}</time> }
    });
    // A long article shows its first screens at once and the rest a frame later, so the
    // reader sees text while the remaining highlights are built (see `Reader::complete`).
    let split = first_screens(&a.blocks);
    let first = (0..split).map(|i| block_view(a, i)).collect_view();
    let d = doc.clone();
    let complete = reader.complete;
    let loading = reader.ui.get_untracked().text().loading;
    let rest = move || {
        if complete.get() {
            (split..d.article.blocks.len())
                .map(|i| block_view(&d.article, i))
                .collect_view()
                .into_any()
        } else {
            view! { <p class="progress" aria-hidden="true">{loading}</p> }.into_any()
        }
    };

    let (r1, r2, r3, r4, r5, r6) = (
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
    );
    view! {
        <article class="article" lang=a.lang.clone() dir=crate::reader::dir_of(&a.lang)
            on:click=move |ev| {
                if let Some(mark) = mark_of(&ev) {
                    select_mark(&r1, &mark);
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    if let Some(mark) = mark_of(&ev) {
                        ev.prevent_default();
                        select_mark(&r2, &mark);
                    }
                }
            }
            on:mouseover=move |ev| {
                if let Some(mark) = mark_of(&ev) {
                    open_popover(&r3, &mark);
                }
            }
            on:mouseout=move |ev: web_sys::MouseEvent| {
                if let Some(mark) = mark_of(&ev) {
                    // Moving within the same highlight, or onto its popover (so it can be read
                    // and its text selected, WCAG 1.4.13), is not leaving it.
                    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    let stays = to.as_ref().is_some_and(|n| mark.contains(Some(n)))
                        || to.and_then(|n| n.closest(&format!("#{POPOVER_ID}")).ok().flatten()).is_some();
                    if !stays {
                        r4.close_popover();
                    }
                }
            }
            on:focusin=move |ev| {
                if let Some(mark) = mark_of(&ev) {
                    open_popover(&r5, &mark);
                }
            }
            on:focusout=move |ev| {
                if mark_of(&ev).is_some() {
                    r6.close_popover();
                }
            }
        >
            <header class="article-head">
                {a.kicker.as_deref().map(|k| view! { <p class="kicker">{text_view(k)}</p> })}
                <h1>{text_view(&a.title)}</h1>
                <p class="meta">
                    {date}
                    {a.byline.as_deref().map(|b| view! { <span class="byline">{text_view(b)}</span> })}
                </p>
            </header>
            <div class="body">{first}{(split < a.blocks.len()).then_some(rest)}</div>
        </article>
    }
}
