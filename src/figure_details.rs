//! The pinned details of the selected figure: value, label, note, breakdown, and a walk
//! through its mentions ("mention 2 of 4").
use leptos::prelude::*;

use crate::breakdown::Breakdown;
use crate::clipped_text::clipped;
use crate::figure_dom::{card_of, mention_element};
use crate::scroll::reveal;
use crate::share_button::ShareButton;
use crate::state::{dir_of, use_article};

/// The details panel; empty-state text when nothing is selected.
#[component]
pub fn FigureDetails() -> impl IntoView {
    let state = use_article();
    let body = move || {
        let t = state.ui.get().text();
        let Some(figure) = state.selected.get() else {
            return view! { <p class="details-empty">{t.details_empty}</p> }.into_any();
        };
        let doc = state.doc();
        let Some(fig) = doc.article.figures.get(figure) else {
            return ().into_any();
        };
        let lang = doc.article.lang.clone();
        let dir = dir_of(&lang);
        let anchors = doc.figures[figure].anchors.len();
        let computed = doc.figures[figure].computed;
        let category = fig
            .category
            .and_then(|c| doc.article.categories.get(c))
            .map(|c| c.label.clone());
        let walk = (anchors > 1).then(|| {
            let cursor = state.cursor;
            let go = move |by: isize| {
                let here = cursor.get_untracked();
                if let Some(k) = article_core::view::step(Some(here), anchors, by) {
                    cursor.set(k);
                    if let Some(el) = mention_element(&state, figure, k) {
                        reveal(&el);
                    }
                }
            };
            view! {
                <div class="walk">
                    <button type="button" class="prev" on:click=move |_| go(-1) aria-label=t.previous_mention>"‹"</button>
                    <span class="walk-pos" aria-live="polite">{move || format!("{} {} / {}", t.mention_of, cursor.get() + 1, anchors)}</span>
                    <button type="button" class="next" on:click=move |_| go(1) aria-label=t.next_mention>"›"</button>
                </div>
            }
        });
        view! {
            <div class="details" data-figure-details=fig.id.clone()>
                <p class="details-value" lang=lang.clone() dir=dir>{state.value(figure)}</p>
                <p class="details-label" lang=lang.clone() dir=dir>{clipped(&fig.label)}</p>
                <p class="details-tags">
                    {category.map(|c| view! { <span class="tag" lang=lang.clone() dir=dir>{clipped(&c)}</span> })}
                    {computed.then(|| view! { <span class="tag computed">{t.computed}</span> })}
                </p>
                {fig.note.clone().map(|n| view! { <p class="details-note" lang=lang.clone() dir=dir>{clipped(&n)}</p> })}
                {source_line(&doc, figure)}
                {corrections(&doc, &state.values(), figure)}
                <Breakdown figure=figure />
                {walk}
                <ShareButton figure=figure />
                <button type="button" class="clear" on:click=move |_| {
                    // The panel empties; keep keyboard focus on the figure's card.
                    state.select(None);
                    if let Some(card) = card_of(&state, figure) {
                        let _ = card.focus();
                    }
                }>{t.clear_selection}</button>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="details-panel" aria-labelledby="details-heading">
            <h2 id="details-heading">{move || state.ui.get().text().details_heading}</h2>
            {body}
        </section>
    }
}

/// Who the number is from and when it held (in the article's language, like the number),
/// with a link to the source when it has one.
fn source_line(doc: &article_core::Document, figure: usize) -> Option<impl IntoView> {
    let lang = doc.article.lang.clone();
    let words = crate::i18n::Lang::from_tag(&lang).text();
    let line = article_core::markup::provenance_line(doc, figure, words)?;
    let url = doc.article.figures[figure]
        .source
        .and_then(|s| doc.article.sources.get(s))
        .and_then(|s| s.url.clone())
        .map(|u| article_core::markup::image_url(&u, &crate::static_page::root()));
    let dir = dir_of(&lang);
    Some(view! {
        <p class="details-source" lang=lang dir=dir>
            {clipped(&line)}
            {url.map(|u| view! { " " <a href=u rel="noopener noreferrer">"↗"</a> })}
        </p>
    })
}

/// A corrected figure's history: each earlier value, what it became, when and why.
fn corrections(
    doc: &article_core::Document,
    values: &[String],
    figure: usize,
) -> Option<impl IntoView> {
    let fig = doc.article.figures.get(figure)?;
    if fig.corrections.is_empty() {
        return None;
    }
    let lang = doc.article.lang.clone();
    let words = crate::i18n::Lang::from_tag(&lang).text();
    let items = (0..fig.corrections.len())
        .filter_map(|k| article_core::markup::correction_line(doc, figure, k, values))
        .map(|l| view! { <li>{clipped(&l)}</li> })
        .collect_view();
    Some(view! {
        <div class="corrections" lang=lang.clone() dir=dir_of(&lang)>
            <p class="rel-head">{words.corrections_heading}</p>
            <ul>{items}</ul>
        </div>
    })
}
