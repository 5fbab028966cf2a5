//! The pinned details of the selected figure: value, label, note, breakdown, and a walk
//! through its mentions ("mention 2 of 4").
use leptos::prelude::*;

use crate::breakdown::Breakdown;
use crate::reader::{reveal, use_reader};

/// The details panel; empty-state text when nothing is selected.
#[component]
pub fn FigureDetails() -> impl IntoView {
    let reader = use_reader();
    let r = reader.clone();
    let body = move || {
        let t = r.ui.get().text();
        let Some(figure) = r.selected.get() else {
            return view! { <p class="details-empty">{t.details_empty}</p> }.into_any();
        };
        let doc = r.doc.clone();
        let fig = &doc.article.figures[figure];
        let lang = doc.article.lang.clone();
        let dir = crate::reader::dir_of(&lang);
        let anchors = doc.figures[figure].anchors.len();
        let computed = doc.figures[figure].computed;
        let category = fig
            .category
            .and_then(|c| doc.article.categories.get(c))
            .map(|c| c.label.clone());
        let walk = (anchors > 1).then(|| {
            let (rp, rn) = (r.clone(), r.clone());
            let cursor = r.cursor;
            let go = move |reader: &crate::reader::Reader, step: isize| {
                let k = (cursor.get_untracked() as isize + step).rem_euclid(anchors as isize) as usize;
                cursor.set(k);
                if let Some(el) = reader.mention_element(figure, k) {
                    reveal(&el);
                }
            };
            let go2 = go;
            view! {
                <div class="walk">
                    <button type="button" class="prev" on:click=move |_| go(&rp, -1) aria-label=t.previous_mention>"‹"</button>
                    <span class="walk-pos" aria-live="polite">{move || format!("{} {} / {}", t.mention_of, cursor.get() + 1, anchors)}</span>
                    <button type="button" class="next" on:click=move |_| go2(&rn, 1) aria-label=t.next_mention>"›"</button>
                </div>
            }
        });
        let rc = r.clone();
        view! {
            <div class="details" data-figure-details=fig.id.clone()>
                <p class="details-value" lang=lang.clone() dir=dir>{r.values[figure].clone()}</p>
                <p class="details-label" lang=lang.clone() dir=dir>{crate::plan::text_view(&fig.label)}</p>
                <p class="details-tags">
                    {category.map(|c| view! { <span class="tag" lang=lang.clone() dir=dir>{crate::plan::text_view(&c)}</span> })}
                    {computed.then(|| view! { <span class="tag computed">{t.computed}</span> })}
                </p>
                {fig.note.clone().map(|n| view! { <p class="details-note" lang=lang.clone() dir=dir>{crate::plan::text_view(&n)}</p> })}
                <Breakdown figure=figure />
                {walk}
                <button type="button" class="clear" on:click=move |_| {
                    // The panel empties; keep keyboard focus on the figure's card.
                    rc.select(None);
                    if let Some(card) = rc.card_of(figure) {
                        let _ = card.focus();
                    }
                }>{t.clear_selection}</button>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="details-panel" aria-labelledby="details-heading">
            <h2 id="details-heading">{move || reader.ui.get().text().details_heading}</h2>
            {body}
        </section>
    }
}
