//! The one owner of the figures' DOM: the highlighted article text and the ledger cards.
//!
//! ```ignore
//! view! { <article use:article_markup>…</article> }   // builds header, blocks, marks
//! view! { <ul class="cards" use:figure_cards=(figs, n) /> } // builds a group's cards
//! figure_dom::follow(state);                          // state → the built nodes
//! ```
//!
//! What is built comes from the core's planners (`article_core::markup`), the same ones
//! `article site` renders to static HTML, and is built by `fill.js` in one call per
//! fragment (ten thousand highlights would otherwise cost ten thousand wasm calls each).
//! Components never touch these nodes: they set signals on [`ArticleState`], and the
//! effects in [`follow`] write the state attributes — `aria-current` (selection),
//! `dim` (hidden categories), `aria-expanded` / `aria-describedby` (the popover's
//! highlight), `current` (the search hit) — on the affected nodes only, and again on
//! nodes built later (the rest of a long article, a block refilled by search, cards
//! re-sorted). Attribute names are the core's typed vocabulary ([`Name`]) both when
//! written and when queried.
use std::collections::HashSet;
use std::ops::Range;

use article_core::markup::{self, Name, Plan, Source, Words};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::fill;
use crate::i18n::Lang;
use crate::scroll::{reveal, reveal_nearest};
use crate::state::{ArticleState, Hits};

/// The popover's element id, which an open highlight is described by.
pub const POPOVER_ID: &str = "popover";

const DIM: &str = "dim";
/// The line standing in for the rest of a long article until it is built.
const PROGRESS: &str = "progress";
const CURRENT_HIT: &str = "current";

fn words(state: &ArticleState, article_lang: &str) -> (&'static str, &'static str, &'static str) {
    // A highlight's label is inside the article, so it speaks the article's language; the
    // "computed" tag on a card is the reader's own word.
    let figure = Lang::from_tag(article_lang).text().figure;
    let corrected = Lang::from_tag(article_lang).text().corrected;
    let computed = state
        .ui
        .try_get_untracked()
        .unwrap_or(Lang::Vi)
        .text()
        .computed;
    (figure, computed, corrected)
}

/// What the planners draw from, held for one build: the document, its formatted values
/// and the words (see [`Source`]).
struct Sources {
    doc: std::sync::Arc<article_core::Document>,
    values: std::sync::Arc<Vec<String>>,
    figure: &'static str,
    computed: &'static str,
    corrected: &'static str,
    root: String,
}

impl Sources {
    fn of(state: &ArticleState) -> Self {
        let doc = state.doc();
        let (figure, computed, corrected) = words(state, &doc.article.lang);
        Sources {
            values: state.values(),
            doc,
            figure,
            computed,
            corrected,
            root: crate::static_page::root(),
        }
    }

    fn get(&self) -> Source<'_> {
        Source {
            doc: &self.doc,
            values: &self.values,
            words: Words {
                figure: self.figure,
                computed: self.computed,
                corrected: self.corrected,
            },
            root: &self.root,
        }
    }
}

/// Blocks `range` with their search hits, into `plan`.
fn plan_blocks(plan: &mut Plan, src: &Source, range: Range<usize>, hits: &Hits) {
    for i in range {
        let (first, ranges) = block_hits(hits, i);
        markup::block(plan, src, i, &ranges, first);
    }
}

/// One block's hits as its text shows them: none, or the global number of its first hit
/// and their ranges. A block without hits compares equal however many hits precede it, so
/// refining a search leaves it alone.
fn block_hits(hits: &Hits, block: usize) -> (usize, Vec<Range<usize>>) {
    match hits.get(block) {
        Some((first, ranges)) if !ranges.is_empty() => (*first, ranges.clone()),
        _ => (0, Vec::new()),
    }
}

/// Fill the `<article>` with the header and the blocks of the first screens, and the rest
/// once `state.complete` turns true (a `use:` directive: the text is there in the same
/// frame as the article element).
pub fn article_markup(el: web_sys::Element) {
    let state = crate::state::use_article();
    let sources = Sources::of(&state);
    let doc = &sources.doc;
    let split = article_core::view::first_screens(&doc.article.blocks);
    let hits = state.hits.get_untracked();
    let mut plan = Plan::default();
    markup::header(&mut plan, doc);
    plan.open(markup::Tag::Div, &[(Name::Class, "body")]);
    plan_blocks(&mut plan, &sources.get(), 0..split, &hits);
    let rest = split < doc.article.blocks.len();
    if rest {
        // Where the rest of a long article will be, a frame later.
        let loading = state.ui.get_untracked().text().loading;
        plan.element(
            markup::Tag::P,
            &[(Name::Class, PROGRESS), (Name::AriaHidden, "true")],
            loading,
        );
    }
    plan.close();
    fill::fill(&el, &plan);
    apply_state_in(&state, &el);
    if rest {
        let complete = state.complete;
        let body = el.query_selector(".body").ok().flatten();
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || !complete.get() {
                return done.unwrap_or(false);
            }
            let (Some(body), Some(state)) = (body.clone(), Some(state)) else {
                return true;
            };
            let sources = Sources::of(&state);
            let mut plan = Plan::default();
            let all = sources.doc.article.blocks.len();
            plan_blocks(
                &mut plan,
                &sources.get(),
                split..all,
                &state.hits.get_untracked(),
            );
            if let Ok(Some(line)) = body.query_selector(&format!(".{PROGRESS}")) {
                line.remove();
            }
            append_with_state(&state, &body, &plan);
            true
        });
    }
}

/// How many ledger cards are built with the article's first screens. A long article's
/// other cards (thousands) are built in the frame after every highlight is painted: the
/// text comes first, the ledger's off-screen part a moment later.
pub const FIRST_CARDS: usize = 60;

/// Fill a `ul` with the cards of `figures` (in reading order), in the ledger's current
/// order, and again whenever the order or the UI language changes (a `use:` directive).
/// Only the first `first` cards are built at once; the rest follow once the article is
/// complete and painted (`first` is every card for a short article).
pub fn figure_cards(el: web_sys::Element, (figures, first): (std::sync::Arc<Vec<usize>>, usize)) {
    let state = crate::state::use_article();
    let doc = state.doc();
    let scale = markup::scale(&doc, &figures);
    // Whether every card is in the list (false until the deferred rest is built).
    let whole = std::rc::Rc::new(std::cell::Cell::new(first >= figures.len()));
    let plan_cards = {
        let figures = figures.clone();
        move |state: &ArticleState, cards: Range<usize>| {
            let sources = Sources::of(state);
            let by = state.sort.get_untracked();
            let mut plan = Plan::default();
            // Without the print details: [`add_print_details`] adds them when printing.
            let order = article_core::view::ordered(&sources.doc, &figures, by);
            for f in order.into_iter().skip(cards.start).take(cards.len()) {
                markup::card_item(&mut plan, &sources.get(), None, f, scale, false);
            }
            plan
        }
    };
    let draw = {
        let (el, whole, plan_cards) = (el.clone(), whole.clone(), plan_cards.clone());
        move |state: ArticleState, cards: usize| {
            fill::fill(&el, &plan_cards(&state, 0..cards));
            apply_state_in(&state, &el);
            if cards == usize::MAX {
                whole.set(true);
            }
        }
    };
    draw(state, if whole.get() { usize::MAX } else { first });
    if !whole.get() {
        let el = el.clone();
        let whole = whole.clone();
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || !state.complete.get() {
                return done.unwrap_or(false);
            }
            let (el, whole, plan_cards) = (el.clone(), whole.clone(), plan_cards.clone());
            // The article's last blocks are built in this task and painted next frame: the
            // rest of the cards in a task after that frame.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if whole.get() || !el.is_connected() {
                            return; // redrawn whole meanwhile, or gone
                        }
                        append_with_state(&state, &el, &plan_cards(&state, first..usize::MAX));
                        whole.set(true);
                        // A deep-linked figure's card may be among them.
                        if let Some(card) = state
                            .selected
                            .try_get_untracked()
                            .flatten()
                            .and_then(|f| card_of(&state, f))
                            .filter(|c| el.contains(Some(c)))
                        {
                            reveal_nearest(&card);
                        }
                        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                            let _ = perf.mark("ledger-complete");
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
            true
        });
    }
    Effect::watch(
        move || (state.sort.get(), state.ui.get()),
        move |_, _, _| draw(state, usize::MAX),
        false,
    );
}

fn query_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Elements under the article's root (`try_`: a callback scheduled before the reader
/// navigated away may run after it is gone).
fn find(state: &ArticleState, selector: &str) -> Vec<web_sys::HtmlElement> {
    match state.root.try_get_untracked().flatten() {
        Some(root) => query_all(&root, selector),
        None => Vec::new(),
    }
}

/// The first element under the article's root matching `selector` (the browser stops
/// looking there, where [`find`] walks the whole tree).
fn find_first(state: &ArticleState, selector: &str) -> Option<web_sys::HtmlElement> {
    state
        .root
        .try_get_untracked()
        .flatten()?
        .query_selector(selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// Highlights of a figure: every run whose `data-figure` list holds its id, looked for
/// only in the blocks its mentions are in (block `i` is the article body's `i`-th child),
/// so selecting in a long article does not scan the whole text.
pub fn marks_of(state: &ArticleState, figure: usize) -> Vec<web_sys::HtmlElement> {
    let Some(body) = state
        .root
        .try_get_untracked()
        .flatten()
        .and_then(|root| root.query_selector(".article > .body").ok().flatten())
    else {
        return Vec::new();
    };
    let doc = state.doc();
    let mut blocks: Vec<usize> = doc
        .figures
        .get(figure)
        .map(|f| f.anchors.iter().map(|a| a.block).collect())
        .unwrap_or_default();
    blocks.sort_unstable(); // anchors are in mention order
    blocks.dedup();
    let selector = Name::DataFigure.css(&state.figure_id(figure), true);
    let children = body.children();
    blocks
        .into_iter()
        .filter_map(|b| children.item(b as u32))
        .flat_map(|block| query_all(&block, &selector))
        .collect()
}

/// The first highlight element of one anchor of a figure.
pub fn mention_element(
    state: &ArticleState,
    figure: usize,
    anchor: usize,
) -> Option<web_sys::HtmlElement> {
    let key = format!("{}:{anchor}", state.figure_id(figure));
    find_first(state, &Name::DataMention.css(&key, true))
}

/// A figure's ledger card (the first match: the search stops there).
pub fn card_of(state: &ArticleState, figure: usize) -> Option<web_sys::HtmlElement> {
    find_first(
        state,
        &Name::DataFigureCard.css(&state.figure_id(figure), false),
    )
}

/// The figure a highlight stands for: `data-primary` on a run shared by several figures,
/// else its one `data-figure`.
pub fn figure_of_mark(state: &ArticleState, mark: &web_sys::Element) -> Option<usize> {
    let id = mark
        .get_attribute(Name::DataPrimary.as_str())
        .or_else(|| mark.get_attribute(Name::DataFigure.as_str()))?;
    state.figure_index(&id)
}

/// Which mention of its figure a highlight is (0 for the first).
pub fn anchor_of_mark(mark: &web_sys::Element) -> usize {
    mark.get_attribute(Name::DataAnchor.as_str())
        .and_then(|k| k.parse().ok())
        .unwrap_or(0)
}

/// The highlight an event happened in, if any.
pub fn mark_of_event(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let selector = format!("mark[{}]", Name::DataFigure.as_str());
    target.closest(&selector).ok()??.dyn_into().ok()
}

/// The figure of the ledger card an event happened in, if any.
pub fn card_of_event(state: &ArticleState, ev: &web_sys::Event) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let selector = format!("[{}]", Name::DataFigureCard.as_str());
    let card = target.closest(&selector).ok()??;
    state.figure_index(&card.get_attribute(Name::DataFigureCard.as_str())?)
}

fn set_current(el: &web_sys::Element, current: bool) {
    let name = Name::AriaCurrent.as_str();
    let _ = if current {
        el.set_attribute(name, "true")
    } else {
        el.remove_attribute(name)
    };
}

/// Set or clear `aria-current` on a figure's highlights and card.
fn mark_current(state: &ArticleState, figure: usize, current: bool) {
    for el in marks_of(state, figure) {
        set_current(&el, current);
    }
    if let Some(card) = card_of(state, figure) {
        set_current(&card, current);
    }
}

/// The state as it stands, applied to nodes just built under `el`.
fn apply_state_in(state: &ArticleState, el: &web_sys::Element) {
    if let Some(f) = state.selected.try_get_untracked().flatten() {
        let id = state.figure_id(f);
        for sel in [
            Name::DataFigure.css(&id, true),
            Name::DataFigureCard.css(&id, false),
        ] {
            for n in query_all(el, &sel) {
                set_current(&n, true);
            }
        }
    }
    let hidden = state
        .hidden_categories
        .try_get_untracked()
        .unwrap_or_default();
    for c in hidden {
        for n in query_all(el, &Name::DataCat.css(&c.to_string(), false)) {
            let _ = n.class_list().add_1(DIM);
        }
    }
}

/// Append the fragment to `parent` and apply the state to the new children only.
fn append_with_state(state: &ArticleState, parent: &web_sys::Element, plan: &Plan) {
    let start = parent.child_element_count();
    fill::append(parent, plan);
    let children = parent.children();
    for k in start..children.length() {
        if let Some(child) = children.item(k) {
            apply_state_in(state, &child);
        }
    }
}

/// Dim or undim the highlights of one category.
fn dim_category(state: &ArticleState, category: usize, dim: bool) {
    for el in find(state, &Name::DataCat.css(&category.to_string(), false)) {
        let _ = el.class_list().toggle_with_force(DIM, dim);
    }
}

/// Mark search hit `k` as the current one and bring it into view.
fn show_hit(state: &ArticleState, k: usize) {
    for el in find(state, &format!(".search-hit.{CURRENT_HIT}")) {
        let _ = el.class_list().remove_1(CURRENT_HIT);
    }
    let parts = find(state, &Name::DataSearchHit.css(&k.to_string(), false));
    for el in &parts {
        let _ = el.class_list().add_1(CURRENT_HIT);
    }
    if let Some(first) = parts.first() {
        reveal(first);
    }
}

fn set_expanded(mark: &web_sys::HtmlElement, open: bool) {
    if open {
        let _ = mark.set_attribute(Name::AriaExpanded.as_str(), "true");
        let _ = mark.set_attribute(Name::AriaDescribedby.as_str(), POPOVER_ID);
    } else {
        let _ = mark.set_attribute(Name::AriaExpanded.as_str(), "false");
        let _ = mark.remove_attribute(Name::AriaDescribedby.as_str());
    }
}

/// Refill the blocks whose own search hits changed (not the whole article: a long one
/// has thousands of blocks). Returns whether the popover's highlight was replaced.
fn refill_blocks(
    state: &ArticleState,
    prev: &[(usize, Vec<Range<usize>>)],
    now: &[(usize, Vec<Range<usize>>)],
) -> bool {
    let sources = Sources::of(state);
    let src = sources.get();
    let hovered = state.hover.try_get_untracked().flatten().map(|h| h.mark);
    let mut replaced = false;
    for (block, hits) in now.iter().enumerate() {
        if prev.get(block) == Some(hits) {
            continue;
        }
        let Some(el) = find(state, &Name::DataBlock.css(&block.to_string(), false))
            .into_iter()
            .next()
        else {
            continue; // not built yet (the rest of a long article): built with its hits
        };
        replaced |= hovered.as_ref().is_some_and(|m| el.contains(Some(m)));
        let mut plan = Plan::default();
        markup::runs(&mut plan, &src, block, &hits.1, hits.0);
        fill::fill(&el, &plan);
        apply_state_in(state, &el);
    }
    replaced
}

/// Give every ledger card that lacks them its note, source, corrections and arithmetic, as
/// a static page's cards have them (`markup::card_details`). On screen the details panel
/// shows these, so the cards are built without them and a printout gets them here.
fn add_print_details(state: &ArticleState) {
    let sources = Sources::of(state);
    let text = Lang::from_tag(&sources.doc.article.lang).text();
    let card = Name::DataFigureCard.as_str();
    for item in find(state, ".card-item:not(:has(.card-details))") {
        let figure = item
            .query_selector(&format!("[{card}]"))
            .ok()
            .flatten()
            .and_then(|c| c.get_attribute(card))
            .and_then(|id| state.figure_index(&id));
        if let Some(f) = figure {
            let mut plan = Plan::default();
            markup::card_details(&mut plan, &sources.get(), text, f);
            fill::append(&item, &plan);
        }
    }
}

/// Apply the article's state to the nodes this module built, for as long as the article
/// is open: the effects below are the only writers of the state attributes.
pub fn follow(state: ArticleState) {
    let on_print = window_event_listener_untyped("beforeprint", move |_| add_print_details(&state));
    on_cleanup(move || on_print.remove());

    // Selection → aria-current on the affected marks and card only; the card scrolled
    // into the ledger's view.
    Effect::new(move |prev: Option<Option<usize>>| {
        let current = state.selected.get();
        if let Some(Some(p)) = prev {
            if Some(p) != current {
                mark_current(&state, p, false);
            }
        }
        if let Some(c) = current {
            mark_current(&state, c, true);
            // Scrolling the ledger lays it out: after the frame that shows the selection
            // is painted.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if state.selected.try_get_untracked().flatten() != Some(c) {
                            return;
                        }
                        if let Some(card) = card_of(&state, c) {
                            reveal_nearest(&card);
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        current
    });

    // Hidden categories → `dim` on their highlights (only the categories that changed).
    Effect::new(move |prev: Option<HashSet<usize>>| {
        let now = state.hidden_categories.get();
        let before = prev.unwrap_or_default();
        for &c in now.symmetric_difference(&before) {
            dim_category(&state, c, now.contains(&c));
        }
        now
    });

    // The popover's highlight → expanded and described by the popover.
    Effect::new(move |prev: Option<Option<crate::state::Hover>>| {
        let now = state.hover.get();
        if let Some(Some(old)) = &prev {
            if now.as_ref() != Some(old) {
                set_expanded(&old.mark, false);
            }
        }
        if let Some(h) = &now {
            set_expanded(&h.mark, true);
        }
        now
    });

    // Search hits → refill the blocks whose hits changed, then show the current hit once
    // they are painted. A highlight with an open popover that was replaced closes it.
    let hits = state.hits;
    Effect::new(move |prev: Option<Hits>| {
        let now = hits.get();
        if let Some(prev) = prev {
            let n = now.len();
            let before: Vec<_> = (0..n).map(|b| block_hits(&prev, b)).collect();
            let after: Vec<_> = (0..n).map(|b| block_hits(&now, b)).collect();
            if refill_blocks(&state, &before, &after) {
                state.hover.try_set(None);
            }
        }
        if state.hit_count() > 0 {
            request_animation_frame(move || {
                if let Some(k) = state.hit.try_get_untracked() {
                    show_hit(&state, k);
                }
            });
        }
        now
    });

    // Stepping through hits (↑ ↓, Enter).
    Effect::new(move |prev: Option<usize>| {
        let k = state.hit.get();
        if prev.is_some_and(|p| p != k) && state.hit_count() > 0 {
            show_hit(&state, k);
        }
        k
    });
}
