//! The state of one open article: the document and the reader's signals (selection,
//! hover, hidden categories, sort, search), shared through context as a `Copy` handle.
//!
//! ```ignore
//! let state = use_article();             // in any component under OpenArticle
//! state.select(Some(figure));            // components only set signals;
//! ```
//! `figure_dom` applies them to the highlights and cards it built, and `hash_sync` to the
//! address. Nothing here touches the DOM, so a selection costs the same in a 1 MB article
//! as in a short one: only the affected marks and card change.
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use article_core::view::SortBy;
use article_core::{search, Document};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::i18n::Lang;

/// The popover's subject: a figure and the highlight it was opened from.
#[derive(Clone, Debug)]
pub struct Hover {
    pub figure: usize,
    /// Where the highlight is, in page coordinates: its left edge and its bottom.
    pub left: f64,
    pub bottom: f64,
    /// The highlight, which `figure_dom` marks as expanded and described by the popover.
    pub mark: SendWrapper<web_sys::HtmlElement>,
}

impl PartialEq for Hover {
    fn eq(&self, other: &Self) -> bool {
        self.figure == other.figure && *self.mark == *other.mark
    }
}

/// Search hits per block: (global number of the block's first hit, byte ranges).
pub type Hits = Vec<(usize, Vec<Range<usize>>)>;

#[derive(Clone, Copy)]
pub struct ArticleState {
    doc: StoredValue<Arc<Document>>,
    /// Each figure's value as the document's language writes it ("trên 8.000 đảng viên"),
    /// formatted once: every highlight, card, popover and details shows it.
    values: StoredValue<Arc<Vec<String>>>,
    /// Selected figure (index into the document's figures).
    pub selected: RwSignal<Option<usize>>,
    /// Which anchor of the selected figure is shown ("mention 2 of 4" → 1).
    pub cursor: RwSignal<usize>,
    pub hover: RwSignal<Option<Hover>>,
    pub hidden_categories: RwSignal<HashSet<usize>>,
    pub sort: RwSignal<SortBy>,
    /// The element wrapping article and ledger; `figure_dom` queries start here.
    pub root: NodeRef<leptos::html::Div>,
    pub ui: Signal<Lang>,
    /// The in-article search query.
    pub query: RwSignal<String>,
    pub hits: Memo<Hits>,
    /// Index of the current hit ("3 / 12" → 2).
    pub hit: RwSignal<usize>,
    /// Whether every block is in the DOM. A long article renders its first screens first and
    /// the rest one frame later; a short one is complete at once.
    pub complete: RwSignal<bool>,
}

impl ArticleState {
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
        let values = Arc::new(article_core::markup::values(&doc));
        let complete = RwSignal::new(
            article_core::view::first_screens(&doc.article.blocks) == doc.article.blocks.len(),
        );
        ArticleState {
            doc: StoredValue::new(doc),
            values: StoredValue::new(values),
            selected: RwSignal::new(None),
            cursor: RwSignal::new(0),
            hover: RwSignal::new(None),
            hidden_categories: RwSignal::new(HashSet::new()),
            sort: RwSignal::new(SortBy::Reading),
            root: NodeRef::new(),
            ui,
            query,
            hits,
            hit: RwSignal::new(0),
            complete,
        }
    }

    /// The document (a cheap `Arc` clone). `try_`: an event may still arrive while the
    /// article is being torn down; it then sees an empty document.
    pub fn doc(&self) -> Arc<Document> {
        self.doc.try_get_value().unwrap_or_else(|| {
            Arc::new(article_core::analyse(
                article_core::Article {
                    format: String::new(),
                    id: String::new(),
                    lang: "en".into(),
                    kicker: None,
                    title: String::new(),
                    published: None,
                    byline: None,
                    blocks: Vec::new(),
                    categories: Vec::new(),
                    sources: Vec::new(),
                    figures: Vec::new(),
                },
                Vec::new(),
            ))
        })
    }

    /// Every figure's formatted value (see the field).
    pub fn values(&self) -> Arc<Vec<String>> {
        self.values.try_get_value().unwrap_or_default()
    }

    /// One figure's formatted value.
    pub fn value(&self, figure: usize) -> String {
        self.values
            .try_with_value(|v| v.get(figure).cloned())
            .flatten()
            .unwrap_or_default()
    }

    pub fn figure_id(&self, figure: usize) -> String {
        self.doc
            .try_with_value(|d| d.article.figures.get(figure).map(|f| f.id.clone()))
            .flatten()
            .unwrap_or_default()
    }

    pub fn figure_index(&self, id: &str) -> Option<usize> {
        self.doc.try_with_value(|d| d.figure_index(id)).flatten()
    }

    /// The figure the address's `#fig-ID` names, if it is in this document.
    pub fn figure_in_hash(&self) -> Option<usize> {
        crate::url::figure_from_hash(&crate::url::current_hash())
            .and_then(|id| self.figure_index(id))
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

    /// The next (`by = 1`) or previous (`-1`) figure in reading order.
    pub fn step(&self, by: isize) -> Option<usize> {
        let selected = self.selected.get_untracked();
        self.doc
            .try_with_value(|d| {
                let order = &d.reading_order;
                let here = selected.and_then(|f| order.iter().position(|&o| o == f));
                article_core::view::step(here, order.len(), by).map(|i| order[i])
            })
            .flatten()
    }

    /// Total number of search hits.
    pub fn hit_count(&self) -> usize {
        self.hits
            .with(|h| h.last().map(|(first, r)| first + r.len()).unwrap_or(0))
    }
}

/// The open article's state, from context.
pub fn use_article() -> ArticleState {
    expect_context::<ArticleState>()
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
