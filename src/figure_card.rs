//! One figure in the ledger: formatted value, label and a mini-visual. Clicking selects the
//! figure and scrolls the text to its first mention.
use article_core::format;
use leptos::prelude::*;

use crate::reader::{reveal, use_reader};

/// A ledger card.
#[component]
pub fn FigureCard(
    /// Index of the figure.
    figure: usize,
    /// The largest value in the card's group, for the mini bar's scale.
    scale: f64,
) -> impl IntoView {
    let reader = use_reader();
    let doc = reader.doc.clone();
    let fig = &doc.article.figures[figure];
    let lang = &doc.article.lang;
    let computed = doc.figures[figure].computed;
    let orphaned = !computed && doc.figures[figure].anchors.is_empty();
    let t = reader.ui.get_untracked().text();
    let ratio = if fig.unit.as_deref() == Some("%") {
        fig.value / 100.0
    } else if scale > 0.0 {
        fig.value / scale
    } else {
        0.0
    };
    let width = format!("{:.1}%", (ratio.clamp(0.0, 1.0) * 100.0).max(1.0));
    let current = (reader.selected.get_untracked() == Some(figure)).then_some("true");
    let r = reader.clone();
    view! {
        <li class="card-item">
            <button
                type="button"
                class="card"
                class:computed=computed
                class:orphaned=orphaned
                data-figure-card=fig.id.clone()
                aria-current=current
                on:click=move |_| {
                    r.select(Some(figure));
                    if let Some(el) = r.mention_element(figure, 0) {
                        reveal(&el);
                    }
                }
            >
                <span class="card-value">{format::figure_value(fig, lang)}</span>
                <span class="card-label">{fig.label.clone()}</span>
                <span class="mini" aria-hidden="true"><span class="mini-bar" style:width=width></span></span>
                {computed.then(|| view! { <span class="tag computed">{t.computed}</span> })}
            </button>
        </li>
    }
}
