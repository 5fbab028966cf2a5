//! A block's text as runs: plain text nodes, and `<mark>`s for every run that a figure's
//! mention covers. Events are delegated to the article (see `article.rs`) and selection is
//! applied by [`crate::reader::Reader`], so marks carry no reactivity of their own; a block
//! is rebuilt only when the search hits inside it change (one effect for all blocks). The DOM is described here as a
//! [`Plan`] and built in one call per block (see `plan.rs`).
use std::ops::Range;

use article_core::{Document, Mark, Run};
use leptos::prelude::*;

use crate::plan::{Name, Plan, Tag};
use crate::reader::{use_reader, Reader};

/// Colours in the style sheet's palette (`.c0` … `.c11`).
pub const PALETTE: usize = 12;
/// Underline styles (`.u0` … `.u4`: solid, double, dashed, dotted, wavy), the second cue
/// that tells apart categories sharing a colour, and the only one in print or for a
/// reader who does not see the colours apart.
pub const LINE_STYLES: usize = 5;

/// The classes that draw category `c`: its colour and its underline style. The first
/// `PALETTE` categories get one colour each with a solid line; the next get the colours
/// again with the next line style, so `PALETTE × LINE_STYLES` (60) categories all differ.
pub fn category_class(c: usize) -> String {
    format!("c{} u{}", c % PALETTE, (c / PALETTE) % LINE_STYLES)
}

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

/// The text of `range`, with search hits wrapped in `data-search-hit` spans.
fn text_with_hits(
    plan: &mut Plan,
    text: &str,
    range: Range<usize>,
    hits: &[Range<usize>],
    first_hit: usize,
) {
    for (r, hit) in pieces(range, hits) {
        let s = text.get(r).unwrap_or_default();
        match hit {
            Some(i) => plan.element(
                Tag::Span,
                &[
                    (Name::Class, "search-hit"),
                    (Name::DataSearchHit, &(first_hit + i).to_string()),
                ],
                s,
            ),
            None => plan.text(s),
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
        text_with_hits(plan, text, run.bytes.clone(), &local, first);
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
    let label = format!("{slice} — {figure_word}: {}", reader.values[primary.figure]);
    let class = match fig.category {
        Some(c) if reader.hidden_categories.with_untracked(|h| h.contains(&c)) => {
            format!("hl {} dim", category_class(c))
        }
        Some(c) => format!("hl {}", category_class(c)),
        None => "hl cx".to_string(),
    };
    let shared = ids.len() > 1;
    let ids = ids.join(" ");
    let mentions = mentions.join(" ");
    let anchor = primary.anchor.to_string();
    let category = fig.category.map(|c| c.to_string());
    let mut attrs = vec![
        (Name::Class, class.as_str()),
        (Name::Role, "button"),
        (Name::Tabindex, "0"),
        (Name::DataFigure, ids.as_str()),
    ];
    if !mentions.is_empty() {
        attrs.push((Name::DataMention, &mentions));
    }
    if shared {
        attrs.push((Name::DataPrimary, &fig.id));
    }
    if primary.anchor > 0 {
        attrs.push((Name::DataAnchor, &anchor));
    }
    if let Some(c) = &category {
        attrs.push((Name::DataCat, c));
    }
    attrs.push((Name::AriaLabel, &label));
    // A block re-rendered by search keeps the current selection.
    if reader
        .selected
        .get_untracked()
        .is_some_and(|s| run.marks.iter().any(|m| m.figure == s))
    {
        attrs.push((Name::AriaCurrent, "true"));
    }
    plan.open(Tag::Mark, &attrs);
    text_with_hits(plan, text, run.bytes.clone(), &local, first);
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

/// One block's hits as its text shows them: none, or the global number of its first hit
/// and their ranges. A block without hits compares equal however many hits precede it, so
/// refining a search leaves it alone.
fn block_hits(hits: &[(usize, Vec<Range<usize>>)], block: usize) -> (usize, Vec<Range<usize>>) {
    match hits.get(block) {
        Some((first, ranges)) if !ranges.is_empty() => (*first, ranges.clone()),
        _ => (0, Vec::new()),
    }
}

/// Fill block `block`'s element with its highlighted text and search hits.
fn draw(
    reader: &Reader,
    el: &web_sys::Element,
    block: usize,
    (first, ranges): &(usize, Vec<Range<usize>>),
) {
    plan_block(reader, block, ranges, *first).fill(el);
}

/// Fill `el` with one block's highlighted text as it is built (a `use:` directive, so the
/// text is there in the same frame), and register it for [`refill_on_search`].
pub fn highlight(el: web_sys::Element, block: usize) {
    let reader = use_reader();
    let hits = reader.hits.with_untracked(|h| block_hits(h, block));
    draw(&reader, &el, block, &hits);
    reader.block_elements.update_value(|blocks| {
        if blocks.len() <= block {
            blocks.resize(block + 1, None);
        }
        blocks[block] = Some(el);
    });
}

/// One effect for the whole article: when the search hits change, refill the blocks whose
/// own hits changed (not one effect per block: a long article has thousands).
pub fn refill_on_search(reader: &Reader) {
    let reader = reader.clone();
    let hits = reader.hits;
    Effect::new(move |prev: Option<Vec<(usize, Vec<Range<usize>>)>>| {
        let now: Vec<_> = hits.with(|h| (0..h.len()).map(|b| block_hits(h, b)).collect());
        if let Some(prev) = prev {
            let mut closed = false;
            for (block, hits) in now.iter().enumerate() {
                if prev.get(block) == Some(hits) {
                    continue;
                }
                let Some(el) = reader
                    .block_elements
                    .with_value(|b| b.get(block).cloned().flatten())
                else {
                    continue;
                };
                let had_popover = el
                    .query_selector("mark[aria-expanded=\"true\"]")
                    .ok()
                    .flatten()
                    .is_some();
                draw(&reader, &el, block, hits);
                closed |= had_popover;
            }
            // The popover's highlight was replaced: close it rather than leave it describing
            // a mark that is no longer in the page.
            if closed {
                reader.close_popover();
            }
        }
        now
    });
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
