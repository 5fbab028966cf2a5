//! The article itself: kicker, title, date, byline, images and paragraphs, with highlights.
//!
//! All article strings go into text nodes or attributes, never `inner_html`. The text is
//! built once (a plain `map().collect()`: it never changes); pointer, focus and keyboard
//! events on highlights are delegated to the `<article>` element so a document with ten
//! thousand highlights has five listeners, not fifty thousand.
use article_core::{format::Timestamp, Block};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::highlight::Highlight;
use crate::reader::{use_reader, Hover, Reader};

/// The highlight element an event happened in, if any.
fn mark_of(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("mark[data-primary]").ok()??.dyn_into().ok()
}

fn figure_of(reader: &Reader, mark: &web_sys::HtmlElement) -> Option<usize> {
    reader
        .doc
        .figure_index(&mark.get_attribute("data-primary")?)
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
    reader.hover.set(Some(Hover {
        figure,
        left: rect.left() + sx,
        bottom: rect.bottom() + sy,
    }));
}

fn close_popover(reader: &Reader, mark: &web_sys::HtmlElement) {
    let _ = mark.set_attribute("aria-expanded", "false");
    let _ = mark.remove_attribute("aria-describedby");
    reader.close_popover();
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
        reader.cursor.set(k);
    }
}

/// The article body with highlights.
#[component]
pub fn Article() -> impl IntoView {
    let reader = use_reader();
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
    let blocks = a
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| match block {
            Block::Paragraph { .. } => view! { <p><Highlight block=i /></p> }.into_any(),
            Block::Image { src, alt, caption, credit } => {
                let caption = caption.as_ref().map(|_| view! { <span class="caption"><Highlight block=i /></span> });
                let credit = credit.clone().map(|c| view! { <span class="credit">{c}</span> });
                let has_caption = caption.is_some() || credit.is_some();
                view! {
                    <figure class="image">
                        <img src=src.clone() alt=alt.clone() loading="lazy" decoding="async" />
                        {has_caption.then(|| view! { <figcaption>{caption}" "{credit}</figcaption> })}
                    </figure>
                }
                .into_any()
            }
        })
        .collect_view();

    let (r1, r2, r3, r4, r5, r6) = (
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
    );
    view! {
        <article class="article" lang=a.lang.clone()
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
                    // Moving within the same highlight is not leaving it.
                    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    if !to.is_some_and(|n| mark.contains(Some(&n))) {
                        close_popover(&r4, &mark);
                    }
                }
            }
            on:focusin=move |ev| {
                if let Some(mark) = mark_of(&ev) {
                    open_popover(&r5, &mark);
                }
            }
            on:focusout=move |ev| {
                if let Some(mark) = mark_of(&ev) {
                    close_popover(&r6, &mark);
                }
            }
        >
            <header class="article-head">
                {a.kicker.clone().map(|k| view! { <p class="kicker">{k}</p> })}
                <h1>{a.title.clone()}</h1>
                <p class="meta">
                    {date}
                    {a.byline.clone().map(|b| view! { <span class="byline">{b}</span> })}
                </p>
            </header>
            <div class="body">{blocks}</div>
        </article>
    }
}
