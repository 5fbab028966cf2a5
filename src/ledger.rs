//! Every figure of the article, grouped by category, sortable by reading order or value.
//! The legend doubles as a filter: unchecking a category dims its highlights.
use article_core::markup::category_class;
use article_core::view::{ledger_groups, SortBy};
use leptos::prelude::*;

use crate::clipped_text::clipped;
use crate::figure_dom::{card_of_event, figure_cards, mention_element};
use crate::scroll::reveal;
use crate::state::{dir_of, use_article};

/// The side ledger (a bottom sheet on narrow screens; see `style/`).
#[component]
pub fn Ledger() -> impl IntoView {
    let state = use_article();
    let doc = state.doc();
    let ui = state.ui;
    let n_categories = doc.article.categories.len();
    // Labels and values are the article's words: its language and direction.
    let lang = doc.article.lang.clone();
    let dir = dir_of(&lang);

    let legend = doc
        .article
        .categories
        .iter()
        .enumerate()
        .map(|(c, cat)| {
            view! {
                <li>
                    <label class="legend-item">
                        <input type="checkbox" checked=true
                            on:change=move |ev| {
                                let shown = event_target_checked(&ev);
                                state.hidden_categories.update(|h| { if shown { h.remove(&c); } else { h.insert(c); } });
                            } />
                        <span class=format!("swatch {}", category_class(c)) aria-hidden="true"></span>
                        <span class="legend-label" lang=lang.clone() dir=dir>{clipped(&cat.label)}</span>
                    </label>
                </li>
            }
        })
        .collect_view();

    // A long article builds its first cards with its first screens, the rest after (see
    // `figure_dom::figure_cards`): the budget goes to the groups in ledger order.
    let mut budget = if state.complete.get_untracked() {
        usize::MAX
    } else {
        crate::figure_dom::FIRST_CARDS
    };
    let sections = ledger_groups(&doc)
        .into_iter()
        .map(|group| {
            let first = budget.min(group.figures.len());
            budget -= first;
            let cat = group.category;
            let title = match cat.and_then(|c| doc.article.categories.get(c)) {
                Some(c) => view! { <span lang=lang.clone() dir=dir>{clipped(&c.label)}</span> }.into_any(),
                None => (move || ui.get().text().uncategorised).into_any(),
            };
            let figs = (std::sync::Arc::new(group.figures), first);
            let dimmed = move || cat.is_some_and(|c| state.hidden_categories.with(|h| h.contains(&c)));
            view! {
                <section class="group" class:dimmed=dimmed>
                    <h3>
                        {cat.map(|c| view! { <span class=format!("swatch {}", category_class(c)) aria-hidden="true"></span> })}
                        {title}
                    </h3>
                    <ul class="cards" lang=lang.clone() dir=dir use:figure_cards=figs></ul>
                </section>
            }
        })
        .collect_view();

    let no_figures = doc.article.figures.is_empty();
    let has_sources = !doc.article.sources.is_empty();
    let has_corrections = doc
        .article
        .figures
        .iter()
        .any(|f| !f.corrections.is_empty());
    let (only_corrected, set_only_corrected) = signal(false);
    let sort = state.sort;
    // One listener for every card: a card is a button, so Enter and Space click it too.
    let on_card = move |ev: web_sys::MouseEvent| {
        if let Some(figure) = card_of_event(&state, &ev) {
            state.select(Some(figure));
            if let Some(el) = mention_element(&state, figure, 0) {
                reveal(&el);
            }
        }
    };
    view! {
        <section class="ledger" class:only-corrected=only_corrected aria-labelledby="ledger-heading" on:click=on_card>
            <h2 id="ledger-heading">{move || ui.get().text().ledger_heading}</h2>
            {no_figures.then(|| view! { <p class="ledger-empty">{move || ui.get().text().no_figures}</p> })}
            <div class="ledger-tools" hidden=no_figures>
                <label class="sort">
                    <span>{move || ui.get().text().sort_label}</span>
                    <select on:change=move |ev| {
                        sort.set(match event_target_value(&ev).as_str() {
                            "value" => SortBy::Value,
                            "source" => SortBy::Source,
                            _ => SortBy::Reading,
                        });
                    }>
                        <option value="reading">{move || ui.get().text().sort_reading}</option>
                        <option value="value">{move || ui.get().text().sort_value}</option>
                        {has_sources.then(|| view! { <option value="source">{move || ui.get().text().sort_source}</option> })}
                    </select>
                </label>
                {has_corrections.then(|| view! {
                    <label class="only-corrected-toggle">
                        <input type="checkbox" data-filter-corrected
                            on:change=move |ev| set_only_corrected.set(event_target_checked(&ev)) />
                        <span>{move || ui.get().text().corrected_only}</span>
                    </label>
                })}
            </div>
            {(n_categories > 0 && !no_figures).then(|| view! {
                <fieldset class="legend">
                    <legend>{move || ui.get().text().legend_heading}</legend>
                    <ul>{legend}</ul>
                </fieldset>
            })}
            {sections}
        </section>
    }
}
