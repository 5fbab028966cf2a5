//! The ledger's cards, one per figure: formatted value, label and a mini-visual. Clicking a
//! card (delegated to the ledger, see `ledger.rs`) selects the figure and scrolls the text
//! to its first mention. A long article has thousands of cards, so a group's cards are
//! built in one call from a [`Plan`] (see `plan.rs`) and rebuilt when the sort changes.
use leptos::prelude::*;

use crate::plan::{Name, Plan, Tag};
use crate::reader::{use_reader, Reader, SortBy};

/// Add one figure's card to `plan`. `scale` is the largest value in the card's group, for
/// the mini bar's length.
pub fn plan_card(plan: &mut Plan, reader: &Reader, figure: usize, scale: f64) {
    let doc = &reader.doc;
    let (Some(fig), Some(resolved)) = (doc.article.figures.get(figure), doc.figures.get(figure))
    else {
        return;
    };
    let computed = resolved.computed;
    let orphaned = !computed && resolved.anchors.is_empty();
    let ratio = if fig.unit.as_deref() == Some("%") {
        fig.value / 100.0
    } else if scale > 0.0 {
        fig.value / scale
    } else {
        0.0
    };
    let width = format!("{:.1}%", (ratio.clamp(0.0, 1.0) * 100.0).max(1.0));
    let class = match (computed, orphaned) {
        (true, _) => "card computed",
        (false, true) => "card orphaned",
        _ => "card",
    };
    let mut attrs = vec![
        (Name::Type, "button"),
        (Name::Class, class),
        (Name::DataFigureCard, fig.id.as_str()),
    ];
    if reader.selected.get_untracked() == Some(figure) {
        attrs.push((Name::AriaCurrent, "true"));
    }
    plan.open(Tag::Li, &[(Name::Class, "card-item")]);
    plan.open(Tag::Button, &attrs);
    plan.element(
        Tag::Span,
        &[(Name::Class, "card-value")],
        &reader.values[figure],
    );
    plan.element(Tag::Span, &[(Name::Class, "card-label")], &fig.label);
    plan.open(
        Tag::Span,
        &[(Name::Class, "mini"), (Name::AriaHidden, "true")],
    );
    plan.element(
        Tag::Span,
        &[(Name::Class, "mini-bar"), (Name::StyleWidth, &width)],
        "",
    );
    plan.close();
    if computed {
        // The UI's word inside a list in the article's language.
        let ui = reader.ui.get_untracked();
        plan.element(
            Tag::Span,
            &[(Name::Class, "tag computed"), (Name::Lang, ui.tag())],
            ui.text().computed,
        );
    }
    plan.close();
    plan.close();
}

/// Fill a `ul` with the cards of `figures` (in reading order), in the ledger's current
/// order, and again whenever the order or the UI language changes (a `use:` directive: it
/// runs as the list is built).
pub fn figure_cards(el: web_sys::Element, figures: std::sync::Arc<Vec<usize>>) {
    let reader = use_reader();
    let doc = reader.doc.clone();
    let scale = figures
        .iter()
        .map(|&f| doc.article.figures[f].value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (sort, ui) = (reader.sort, reader.ui);
    let draw = move |by: SortBy| {
        let mut order = figures.to_vec();
        if by == SortBy::Value {
            let value = |f: usize| doc.article.figures[f].value;
            order.sort_by(|&a, &b| value(b).total_cmp(&value(a)));
        }
        let mut plan = Plan::default();
        for f in order {
            plan_card(&mut plan, &reader, f, scale);
        }
        plan.fill(&el);
    };
    draw(sort.get_untracked());
    Effect::watch(
        move || (sort.get(), ui.get()),
        move |(by, _), _, _| draw(*by),
        false,
    );
}
