//! The state of one open article, shared by its components through context.
//!
//! The article text is rendered once and never re-rendered: selection, hover and category
//! filters touch only the affected marks and cards (see [`Reader::mark_current`]), so a
//! click in a 1 MB article costs the same as in a short one.
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use std::ops::Range;

use article_core::{search, Document};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;

/// How the ledger orders cards within a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Reading,
    Value,
}

/// The popover's subject: a figure and the highlight element it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Hover {
    pub figure: usize,
    /// Where the highlight is, in page coordinates: its left edge and its bottom.
    pub left: f64,
    pub bottom: f64,
}

#[derive(Clone)]
pub struct Reader {
    pub doc: Arc<Document>,
    /// Selected figure (index into the document's figures).
    pub selected: RwSignal<Option<usize>>,
    /// Which anchor of the selected figure is shown ("mention 2 of 4" → 1).
    pub cursor: RwSignal<usize>,
    pub hover: RwSignal<Option<Hover>>,
    pub hidden_categories: RwSignal<HashSet<usize>>,
    pub sort: RwSignal<SortBy>,
    /// The element wrapping article and ledger; queries for marks and cards start here.
    pub root: NodeRef<leptos::html::Div>,
    pub ui: Signal<Lang>,
    /// The in-article search query.
    pub query: RwSignal<String>,
    /// Search hits per block: (global index of the block's first hit, byte ranges).
    pub hits: Memo<Vec<(usize, Vec<Range<usize>>)>>,
    /// Index of the current hit ("3 / 12" → 2).
    pub hit: RwSignal<usize>,
    /// Each figure's value as the document's language writes it ("trên 8.000 đảng viên"),
    /// formatted once: every highlight's label and every ledger card shows it.
    pub values: Arc<Vec<String>>,
    /// Each block's text element once it is built (paragraph or caption), so a change of
    /// search hits refills only the blocks it touches (see `highlight::refill_on_search`).
    pub block_elements: StoredValue<Vec<Option<web_sys::Element>>, LocalStorage>,
    /// Whether every block is in the DOM. A long article renders its first screens first and
    /// the rest one frame later; a short one is complete at once.
    pub complete: RwSignal<bool>,
}

impl Reader {
    pub fn new(doc: Arc<Document>, ui: Signal<Lang>) -> Self {
        let query = RwSignal::new(String::new());
        let d = doc.clone();
        // Blocks are folded for search once, on the first query, not on every keystroke.
        let folded: Arc<OnceLock<Vec<search::Folded>>> = Arc::default();
        let hits = Memo::new(move |_| {
            let q = search::Query::new(&query.get());
            let folded = q.as_ref().map(|_| {
                folded.get_or_init(|| {
                    d.article
                        .blocks
                        .iter()
                        .map(|b| search::Folded::new(b.text().unwrap_or_default()))
                        .collect()
                })
            });
            let mut next = 0;
            (0..d.article.blocks.len())
                .map(|i| {
                    let ranges = match (&q, folded.and_then(|f| f.get(i))) {
                        (Some(q), Some(f)) => f.find(q),
                        _ => Vec::new(),
                    };
                    let first = next;
                    next += ranges.len();
                    (first, ranges)
                })
                .collect()
        });
        let values = Arc::new(
            doc.article
                .figures
                .iter()
                .map(|f| article_core::format::figure_value(f, &doc.article.lang))
                .collect(),
        );
        let complete = RwSignal::new(
            crate::article::first_screens(&doc.article.blocks) == doc.article.blocks.len(),
        );
        Reader {
            complete,
            query,
            hits,
            hit: RwSignal::new(0),
            block_elements: StoredValue::new_local(Vec::new()),
            values,
            doc,
            selected: RwSignal::new(None),
            cursor: RwSignal::new(0),
            hover: RwSignal::new(None),
            hidden_categories: RwSignal::new(HashSet::new()),
            sort: RwSignal::new(SortBy::Reading),
            root: NodeRef::new(),
            ui,
        }
    }

    pub fn figure_id(&self, figure: usize) -> &str {
        self.doc
            .article
            .figures
            .get(figure)
            .map(|f| f.id.as_str())
            .unwrap_or_default()
    }

    /// The figure the address's `#fig-ID` names, if it is in this document.
    pub fn figure_in_hash(&self) -> Option<usize> {
        crate::url::figure_from_hash(&crate::url::current_hash())
            .and_then(|id| self.doc.figure_index(id))
    }

    /// What `#fig-…` names when no figure of this document has that id (a deep link that
    /// is out of date or mistyped), for a notice.
    pub fn missing_in_hash(&self) -> Option<String> {
        let hash = crate::url::current_hash();
        let named = crate::url::named_in_hash(&hash)?;
        self.figure_in_hash().is_none().then_some(named)
    }

    /// Select a figure (or clear with `None`), showing its first mention.
    pub fn select(&self, figure: Option<usize>) {
        // `try_`: focus and pointer events still fire while a reader is being torn down
        // (a focused highlight removed from the page blurs), after its signals are gone.
        self.cursor.try_set(0);
        self.selected.try_set(figure);
    }

    /// The next (`step = 1`) or previous (`-1`) figure in reading order.
    pub fn step(&self, step: isize) -> Option<usize> {
        let order = &self.doc.reading_order;
        if order.is_empty() {
            return None;
        }
        let here = self
            .selected
            .get_untracked()
            .and_then(|f| order.iter().position(|&o| o == f));
        let next = match here {
            Some(i) => (i as isize + step).rem_euclid(order.len() as isize) as usize,
            None if step >= 0 => 0,
            None => order.len() - 1,
        };
        order.get(next).copied()
    }

    fn query_all(&self, selector: &str) -> Vec<web_sys::HtmlElement> {
        // `try_`: a callback scheduled before the reader navigated away may run after it is gone.
        let Some(root) = self.root.try_get_untracked().flatten() else {
            return Vec::new();
        };
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    }

    /// Highlights of a figure: every run whose `data-figure` list holds its id.
    pub fn marks_of(&self, figure: usize) -> Vec<web_sys::HtmlElement> {
        self.query_all(&format!("[data-figure~=\"{}\"]", self.figure_id(figure)))
    }

    /// The first highlight element of one anchor of a figure.
    pub fn mention_element(&self, figure: usize, anchor: usize) -> Option<web_sys::HtmlElement> {
        self.query_all(&format!(
            "[data-mention~=\"{}:{anchor}\"]",
            self.figure_id(figure)
        ))
        .into_iter()
        .next()
    }

    pub fn card_of(&self, figure: usize) -> Option<web_sys::HtmlElement> {
        self.query_all(&format!(
            "[data-figure-card=\"{}\"]",
            self.figure_id(figure)
        ))
        .into_iter()
        .next()
    }

    /// Set or clear `aria-current` on a figure's highlights and card.
    pub fn mark_current(&self, figure: usize, current: bool) {
        let mut elements = self.marks_of(figure);
        elements.extend(self.card_of(figure));
        for el in elements {
            let _ = if current {
                el.set_attribute("aria-current", "true")
            } else {
                el.remove_attribute("aria-current")
            };
        }
    }

    /// Close the popover (Escape, or leaving its highlight): no highlight stays expanded or
    /// described by a popover that is gone.
    pub fn close_popover(&self) {
        for el in self.query_all("mark[aria-expanded=\"true\"]") {
            let _ = el.set_attribute("aria-expanded", "false");
            let _ = el.remove_attribute("aria-describedby");
        }
        self.hover.try_set(None);
    }

    /// Total number of search hits.
    pub fn hit_count(&self) -> usize {
        self.hits
            .with(|h| h.last().map(|(first, r)| first + r.len()).unwrap_or(0))
    }

    /// Mark search hit `k` as the current one and bring it into view.
    pub fn show_hit(&self, k: usize) {
        for el in self.query_all(".search-hit.current") {
            let _ = el.class_list().remove_1("current");
        }
        let parts = self.query_all(&format!("[data-search-hit=\"{k}\"]"));
        for el in &parts {
            let _ = el.class_list().add_1("current");
        }
        if let Some(first) = parts.first() {
            reveal(first);
        }
    }

    /// Dim or undim the highlights of one category.
    pub fn dim_category(&self, category: usize, dim: bool) {
        for el in self.query_all(&format!("[data-cat=\"{category}\"]")) {
            let _ = el.class_list().toggle_with_force("dim", dim);
        }
    }
}

/// Scroll an element to the middle of the view, respecting reduced motion (CSS
/// `scroll-behavior` decides), and make sure it ends up there (see [`settle`]).
pub fn reveal(el: &web_sys::HtmlElement) {
    center(el);
    settle(el.clone(), f64::NAN, 0, 0, 0);
}

fn center(el: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Paragraphs off screen are laid out with an estimated height (`content-visibility: auto`)
/// until they come near the view, so a long jump lands where the estimate put its target:
/// once the page has stopped scrolling, centre the element again if it is not in view.
/// Watches for at most a second and corrects at most three times, so it never fights a
/// reader who scrolls on.
fn settle(el: web_sys::HtmlElement, last_y: f64, still: u32, frame: u32, tries: u32) {
    request_animation_frame(move || {
        let Some(w) = web_sys::window() else { return };
        if !el.is_connected() || frame > 60 {
            return;
        }
        let y = w.scroll_y().unwrap_or(0.0);
        let still = if y == last_y { still + 1 } else { 0 };
        if still < 2 {
            return settle(el, y, still, frame + 1, tries);
        }
        let rect = el.get_bounding_client_rect();
        let height = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if (rect.top() >= 0.0 && rect.bottom() <= height) || tries >= 3 {
            return;
        }
        center(&el);
        settle(el, y, 0, frame + 1, tries + 1);
    });
}

/// Scroll within the nearest scroll container only as much as needed.
pub fn reveal_nearest(el: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// `dir` for text in the language `lang`: `rtl` for Arabic, Hebrew, Persian, Urdu …
/// (decided by the core, [`article_core::text::is_rtl`]), else `ltr`.
pub fn dir_of(lang: &str) -> &'static str {
    if article_core::text::is_rtl(lang) {
        "rtl"
    } else {
        "ltr"
    }
}

pub fn use_reader() -> Reader {
    expect_context::<Reader>()
}
