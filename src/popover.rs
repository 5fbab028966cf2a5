//! The popover that opens on hover or keyboard focus of a highlight. It only describes; it
//! holds no controls, so it never traps focus and closes when the highlight is left or on
//! Escape.
use leptos::prelude::*;

use crate::article::POPOVER_ID;
use crate::reader::use_reader;

/// Details of the hovered or focused highlight, next to it.
#[component]
pub fn Popover() -> impl IntoView {
    let reader = use_reader();
    let r = reader.clone();
    let close = reader.clone();
    move || {
        let close = close.clone();
        let hover = reader.hover.get()?;
        let doc = &r.doc;
        let fig = doc.article.figures.get(hover.figure)?;
        let lang = &doc.article.lang;
        let dir = crate::reader::dir_of(lang);
        let value = r.values[hover.figure].clone();
        let category = fig
            .category
            .and_then(|c| doc.article.categories.get(c))
            .map(|c| c.label.clone());
        let t = r.ui.get().text();
        let computed = doc.figures.get(hover.figure).is_some_and(|f| f.computed);
        // Below the highlight, clamped to the viewport width.
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok()?.as_f64())
            .unwrap_or(1024.0);
        let left = hover.left.min(width - 300.0).max(8.0);
        // Touching the highlight, so the pointer can move onto the popover without leaving both.
        let top = format!("{:.0}px", hover.bottom);
        let left = format!("{left:.0}px");
        Some(view! {
            <div id=POPOVER_ID class="popover" role="tooltip" on:mouseleave=move |_| close.close_popover() style:left=left style:top=top data-popover=fig.id.clone()>
                <p class="pop-value" lang=lang.clone() dir=dir>{value}</p>
                <p class="pop-label" lang=lang.clone() dir=dir>{crate::plan::text_view(&fig.label)}</p>
                {category.map(|c| view! { <p class="pop-cat" lang=lang.clone() dir=dir>{crate::plan::text_view(&c)}</p> })}
                {computed.then(|| view! { <p class="pop-cat">{t.computed}</p> })}
                {fig.note.clone().map(|n| view! { <p class="pop-note" lang=lang.clone() dir=dir>{crate::plan::text_view(&n)}</p> })}
            </div>
        })
    }
}
