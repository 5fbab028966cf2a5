//! The popover that opens on hover or keyboard focus of a highlight. It only describes; it
//! holds no controls, so it never traps focus and closes when the highlight is left or on
//! Escape.
use leptos::prelude::*;

use crate::clipped_text::clipped;
use crate::figure_dom::POPOVER_ID;
use crate::state::{dir_of, use_article};

/// Details of the hovered or focused highlight, next to it.
#[component]
pub fn Popover() -> impl IntoView {
    let state = use_article();
    move || {
        let hover = state.hover.get()?;
        let doc = state.doc();
        let fig = doc.article.figures.get(hover.figure)?;
        let lang = doc.article.lang.clone();
        let dir = dir_of(&lang);
        let value = state.value(hover.figure);
        let category = fig
            .category
            .and_then(|c| doc.article.categories.get(c))
            .map(|c| c.label.clone());
        let t = state.ui.get().text();
        let computed = doc.figures.get(hover.figure).is_some_and(|f| f.computed);
        let words = crate::i18n::Lang::from_tag(&lang).text();
        let source = article_core::markup::provenance_line(&doc, hover.figure, words);
        let corrected = !fig.corrections.is_empty();
        // Below the highlight, clamped to the viewport width.
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok()?.as_f64())
            .unwrap_or(1024.0);
        let left = hover.left.min(width - 300.0).max(8.0);
        // Touching the highlight, so the pointer can move onto the popover without leaving both.
        let top = format!("{:.0}px", hover.bottom);
        let left = format!("{left:.0}px");
        Some(view! {
            <div id=POPOVER_ID class="popover" role="tooltip" on:mouseleave=move |_| { state.hover.try_set(None); } style:left=left style:top=top data-popover=fig.id.clone()>
                <p class="pop-value" lang=lang.clone() dir=dir>{value}</p>
                <p class="pop-label" lang=lang.clone() dir=dir>{clipped(&fig.label)}</p>
                {category.map(|c| view! { <p class="pop-cat" lang=lang.clone() dir=dir>{clipped(&c)}</p> })}
                {computed.then(|| view! { <p class="pop-cat">{t.computed}</p> })}
                {fig.note.clone().map(|n| view! { <p class="pop-note" lang=lang.clone() dir=dir>{clipped(&n)}</p> })}
                {source.map(|s| view! { <p class="pop-source" lang=lang.clone() dir=dir>{clipped(&s)}</p> })}
                {corrected.then(|| view! { <p class="pop-corrected">{t.corrected}</p> })}
            </div>
        })
    }
}
