//! A block's text as runs: plain text nodes, and `<mark>`s for every run that a figure's
//! mention covers. Events are delegated to the article (see `article.rs`) and selection is
//! applied by [`crate::reader::Reader`], so marks carry no reactivity of their own; a block
//! is rebuilt only when the search hits inside it change. The DOM is described here as a
//! [`Plan`] and built by `fill.js` in one call per block (see there for why).
use std::ops::Range;

use article_core::{format, Document, Mark, Run};
use leptos::prelude::*;

use crate::reader::{use_reader, Reader};

/// The figure a run stands for when clicked: the innermost covering mention (the shortest),
/// so a number nested inside a longer quote is reachable.
pub fn primary_mark(doc: &Document, run: &Run) -> Option<Mark> {
    run.marks.iter().copied().min_by_key(|m| {
        doc.figures
            .get(m.figure)
            .and_then(|f| f.anchors.get(m.anchor))
            .map(|a| a.bytes.len())
            .unwrap_or(usize::MAX)
    })
}

/// Split `range` at the boundaries of `hits` (sorted, non-overlapping byte ranges): each
/// piece with the index (within `hits`) of the hit covering it, if any.
pub fn pieces(range: Range<usize>, hits: &[Range<usize>]) -> Vec<(Range<usize>, Option<usize>)> {
    let mut out = Vec::new();
    let mut at = range.start;
    for (i, h) in hits.iter().enumerate() {
        if h.end <= at || h.start >= range.end {
            continue;
        }
        if h.start > at {
            out.push((at..h.start, None));
        }
        let end = h.end.min(range.end);
        out.push((at.max(h.start)..end, Some(i)));
        at = end;
    }
    if at < range.end {
        out.push((at..range.end, None));
    }
    out
}

// The plan's vocabulary, shared with `fill.js` (same order as its TAGS and NAMES).
const TEXT: u32 = 0;
const OPEN: u32 = 1;
const CLOSE: u32 = 2;
const MARK: u32 = 0;
const SPAN: u32 = 1;
const CLASS: u32 = 0;
const ROLE: u32 = 1;
const TABINDEX: u32 = 2;
const DATA_FIGURE: u32 = 3;
const DATA_MENTION: u32 = 4;
const DATA_PRIMARY: u32 = 5;
const DATA_ANCHOR: u32 = 6;
const DATA_CAT: u32 = 7;
const ARIA_LABEL: u32 = 8;
const ARIA_CURRENT: u32 = 9;
const DATA_SEARCH_HIT: u32 = 10;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/fill.js")]
extern "C" {
    /// Replace `parent`'s children with the DOM a [`Plan`] describes.
    fn fill(parent: &web_sys::Element, pool: &str, ops: &[u32]);
}

/// One block's DOM as data: every string in one pool, the structure as numbers (see
/// `fill.js`), so building it costs one string crossing from wasm instead of thousands.
#[derive(Default, Debug, PartialEq)]
pub struct Plan {
    pub pool: String,
    /// Length of `pool` in UTF-16 code units: offsets are in the units JavaScript counts.
    units: u32,
    pub ops: Vec<u32>,
}

impl Plan {
    fn push(&mut self, s: &str) -> [u32; 2] {
        let start = self.units;
        self.pool.push_str(s);
        self.units += s.encode_utf16().count() as u32;
        [start, self.units]
    }

    fn text(&mut self, s: &str) {
        if !s.is_empty() {
            let [a, b] = self.push(s);
            self.ops.extend([TEXT, a, b]);
        }
    }

    fn open(&mut self, tag: u32, attrs: &[(u32, &str)]) {
        self.ops.extend([OPEN, tag, attrs.len() as u32]);
        for &(name, value) in attrs {
            let [a, b] = self.push(value);
            self.ops.extend([name, a, b]);
        }
    }

    fn close(&mut self) {
        self.ops.push(CLOSE);
    }

    /// The text of `range`, with search hits wrapped in `data-search-hit` spans.
    fn text_with_hits(
        &mut self,
        text: &str,
        range: Range<usize>,
        hits: &[Range<usize>],
        first_hit: usize,
    ) {
        for (r, hit) in pieces(range, hits) {
            let s = text.get(r).unwrap_or_default();
            match hit {
                Some(i) => {
                    self.open(
                        SPAN,
                        &[
                            (CLASS, "search-hit"),
                            (DATA_SEARCH_HIT, &(first_hit + i).to_string()),
                        ],
                    );
                    self.text(s);
                    self.close();
                }
                None => self.text(s),
            }
        }
    }
}

fn plan_run(
    plan: &mut Plan,
    reader: &Reader,
    text: &str,
    run: &Run,
    hits: &[Range<usize>],
    first_hit: usize,
) -> Option<()> {
    let doc = &reader.doc;
    let slice = text.get(run.bytes.clone())?;
    let local: Vec<Range<usize>> = hits
        .iter()
        .filter(|h| h.start < run.bytes.end && h.end > run.bytes.start)
        .cloned()
        .collect();
    let first = first_hit + hits.iter().take_while(|h| h.end <= run.bytes.start).count();
    if run.marks.is_empty() {
        plan.text_with_hits(text, run.bytes.clone(), &local, first);
        return Some(());
    }
    // Attributes are kept to what events and styles need, ten thousand times over in a
    // long article: `data-primary` only where several figures share the run,
    // `data-anchor` only past the first mention, and `aria-expanded` only once a popover
    // has opened.
    let ids: Vec<&str> = dedup_figures(run)
        .map(|f| doc.article.figures[f].id.as_str())
        .collect();
    let mentions: Vec<String> = run
        .marks
        .iter()
        .filter(|m| {
            // Only the first run of an anchor names it, so "scroll to mention k" lands at
            // the start of the quote.
            doc.figures[m.figure]
                .anchors
                .get(m.anchor)
                .is_some_and(|a| a.bytes.start == run.bytes.start)
        })
        .map(|m| format!("{}:{}", doc.article.figures[m.figure].id, m.anchor))
        .collect();
    let primary = primary_mark(doc, run)?;
    let fig = &doc.article.figures[primary.figure];
    // The label is inside the article, so it speaks the article's language.
    let figure_word = crate::i18n::Lang::from_tag(&doc.article.lang).text().figure;
    let label = format!(
        "{slice} — {figure_word}: {}",
        format::figure_value(fig, &doc.article.lang)
    );
    let class = match fig.category {
        Some(c) if reader.hidden_categories.with_untracked(|h| h.contains(&c)) => {
            format!("hl c{} dim", c % 8)
        }
        Some(c) => format!("hl c{}", c % 8),
        None => "hl cx".to_string(),
    };
    let ids = ids.join(" ");
    let mentions = mentions.join(" ");
    let anchor = primary.anchor.to_string();
    let category = fig.category.map(|c| c.to_string());
    let mut attrs = vec![
        (CLASS, class.as_str()),
        (ROLE, "button"),
        (TABINDEX, "0"),
        (DATA_FIGURE, ids.as_str()),
    ];
    if !mentions.is_empty() {
        attrs.push((DATA_MENTION, &mentions));
    }
    if ids.contains(' ') {
        attrs.push((DATA_PRIMARY, &fig.id));
    }
    if primary.anchor > 0 {
        attrs.push((DATA_ANCHOR, &anchor));
    }
    if let Some(c) = &category {
        attrs.push((DATA_CAT, c));
    }
    attrs.push((ARIA_LABEL, &label));
    // A block re-rendered by search keeps the current selection.
    if reader
        .selected
        .get_untracked()
        .is_some_and(|s| run.marks.iter().any(|m| m.figure == s))
    {
        attrs.push((ARIA_CURRENT, "true"));
    }
    plan.open(MARK, &attrs);
    plan.text_with_hits(text, run.bytes.clone(), &local, first);
    plan.close();
    Some(())
}

/// The DOM of one block's text: its runs, marks and search hits.
pub fn plan_block(reader: &Reader, block: usize, hits: &[Range<usize>], first_hit: usize) -> Plan {
    let mut plan = Plan::default();
    let text = reader
        .doc
        .article
        .blocks
        .get(block)
        .and_then(|b| b.text())
        .unwrap_or_default();
    for run in reader
        .doc
        .runs
        .get(block)
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        plan_run(&mut plan, reader, text, run, hits, first_hit);
    }
    plan
}

/// Fill `el` with one block's highlighted text, and again whenever the search hits inside
/// the block change (a `use:` directive: it runs as the element is built, so the text is
/// there in the same frame).
pub fn highlight(el: web_sys::Element, block: usize) {
    let reader = use_reader();
    let hits = reader.hits;
    let block_hits = Memo::new(move |_| hits.with(|h| h.get(block).cloned().unwrap_or_default()));
    let draw = move |(first, ranges): &(usize, Vec<Range<usize>>)| {
        let plan = plan_block(&reader, block, ranges, *first);
        fill(&el, &plan.pool, &plan.ops);
    };
    block_hits.with_untracked(&draw);
    Effect::watch(move || block_hits.get(), move |h, _, _| draw(h), false);
}

/// A block's text element: a paragraph, or an image's caption.
#[component]
pub fn Highlight(
    /// Index of the block in the document.
    block: usize,
    /// Whether the block's text is an image caption rather than a paragraph.
    #[prop(optional)]
    caption: bool,
) -> impl IntoView {
    if caption {
        view! { <span class="caption" use:highlight=block></span> }.into_any()
    } else {
        view! { <p use:highlight=block></p> }.into_any()
    }
}

/// Figure indices of a run without repeats (a figure can cover a run twice when two of its
/// mentions overlap).
fn dedup_figures(run: &Run) -> impl Iterator<Item = usize> + '_ {
    run.marks
        .iter()
        .enumerate()
        .filter(|(i, m)| !run.marks[..*i].iter().any(|o| o.figure == m.figure))
        .map(|(_, m)| m.figure)
}
