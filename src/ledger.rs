//! Every figure of the article, grouped by category, sortable by reading order or value.
//! The legend doubles as a filter: unchecking a category dims its highlights.
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::figure_card::figure_cards;
use crate::highlight::category_class;
use crate::plan::text_view;
use crate::reader::{reveal, use_reader, SortBy};

/// The side ledger (a bottom sheet on narrow screens; see `style/`).
#[component]
pub fn Ledger() -> impl IntoView {
    let reader = use_reader();
    let doc = reader.doc.clone();
    let ui = reader.ui;
    let n_categories = doc.article.categories.len();
    // Labels and values are the article's words: its language and direction.
    let lang = doc.article.lang.clone();
    let dir = crate::reader::dir_of(&lang);

    // Groups in category order, figures without a category last.
    let mut groups: Vec<(Option<usize>, Vec<usize>)> =
        (0..n_categories).map(|c| (Some(c), Vec::new())).collect();
    groups.push((None, Vec::new()));
    for &f in &doc.reading_order {
        let slot = doc.article.figures[f].category.unwrap_or(n_categories);
        groups[slot].1.push(f);
    }
    groups.retain(|(_, figs)| !figs.is_empty());

    let legend = doc
        .article
        .categories
        .iter()
        .enumerate()
        .map(|(c, cat)| {
            let r = reader.clone();
            view! {
                <li>
                    <label class="legend-item">
                        <input type="checkbox" checked=true
                            on:change=move |ev| {
                                let shown = event_target_checked(&ev);
                                r.hidden_categories.update(|h| { if shown { h.remove(&c); } else { h.insert(c); } });
                                r.dim_category(c, !shown);
                            } />
                        <span class=format!("swatch {}", category_class(c)) aria-hidden="true"></span>
                        <span class="legend-label" lang=lang.clone() dir=dir>{text_view(&cat.label)}</span>
                    </label>
                </li>
            }
        })
        .collect_view();

    let sections = groups
        .into_iter()
        .map(|(cat, figs)| {
            let title = match cat.and_then(|c| doc.article.categories.get(c)) {
                Some(c) => view! { <span lang=lang.clone() dir=dir>{text_view(&c.label)}</span> }.into_any(),
                None => (move || ui.get().text().uncategorised).into_any(),
            };
            let figs = std::sync::Arc::new(figs);
            let dimmed = move || cat.is_some_and(|c| reader.hidden_categories.with(|h| h.contains(&c)));
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
    let sort = reader.sort;
    let r = reader.clone();
    // One listener for every card: a card is a button, so Enter and Space click it too.
    let on_card = move |ev: web_sys::MouseEvent| {
        let card = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-figure-card]").ok().flatten());
        let figure = card
            .and_then(|c| c.get_attribute("data-figure-card"))
            .and_then(|id| r.doc.figure_index(&id));
        if let Some(figure) = figure {
            r.select(Some(figure));
            if let Some(el) = r.mention_element(figure, 0) {
                reveal(&el);
            }
        }
    };
    view! {
        <section class="ledger" aria-labelledby="ledger-heading" on:click=on_card>
            <h2 id="ledger-heading">{move || ui.get().text().ledger_heading}</h2>
            {no_figures.then(|| view! { <p class="ledger-empty">{move || ui.get().text().no_figures}</p> })}
            <div class="ledger-tools" hidden=no_figures>
                <label class="sort">
                    <span>{move || ui.get().text().sort_label}</span>
                    <select on:change=move |ev| {
                        sort.set(if event_target_value(&ev) == "value" { SortBy::Value } else { SortBy::Reading });
                    }>
                        <option value="reading">{move || ui.get().text().sort_reading}</option>
                        <option value="value">{move || ui.get().text().sort_value}</option>
                    </select>
                </label>
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
