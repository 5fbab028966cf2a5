//! A block's text as runs: plain text nodes, and `<mark>`s for every run that a figure's
//! mention covers. Events are delegated to the article (see `article.rs`) and selection is
//! applied by [`crate::reader::Reader`], so marks carry no reactivity of their own; a block
//! re-renders only when the search hits inside it change.
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

/// The text of `range`, with search hits wrapped in `data-search-hit` spans.
fn text_with_hits(
    text: &str,
    range: Range<usize>,
    hits: &[Range<usize>],
    first_hit: usize,
) -> AnyView {
    if hits.is_empty() {
        return text.get(range).unwrap_or_default().to_string().into_any();
    }
    pieces(range, hits)
        .into_iter()
        .map(|(r, hit)| {
            let s = text.get(r).unwrap_or_default().to_string();
            match hit {
                Some(i) => view! { <span class="search-hit" data-search-hit=(first_hit + i).to_string()>{s}</span> }.into_any(),
                None => s.into_any(),
            }
        })
        .collect_view()
        .into_any()
}

fn render_run(
    reader: &Reader,
    block: usize,
    run: &Run,
    hits: &[Range<usize>],
    first_hit: usize,
) -> Option<AnyView> {
    let doc = &reader.doc;
    let text = doc.article.blocks.get(block)?.text()?;
    let slice = text.get(run.bytes.clone())?;
    let local: Vec<Range<usize>> = hits
        .iter()
        .filter(|h| h.start < run.bytes.end && h.end > run.bytes.start)
        .cloned()
        .collect();
    let first = first_hit + hits.iter().take_while(|h| h.end <= run.bytes.start).count();
    if run.marks.is_empty() {
        return Some(text_with_hits(text, run.bytes.clone(), &local, first));
    }
    // Attributes are kept to what events and styles need: each one is a string crossing
    // from wasm to the DOM, ten thousand times over in a long article. `data-primary` only
    // where several figures share the run, `data-anchor` only past the first mention, and
    // `aria-expanded` only once a popover has opened.
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
    // A block re-rendered by search keeps the current selection.
    let current = reader
        .selected
        .get_untracked()
        .is_some_and(|s| run.marks.iter().any(|m| m.figure == s))
        .then_some("true");
    Some(
        view! {
            <mark
                class=class
                role="button"
                tabindex="0"
                data-figure=ids.join(" ")
                data-mention=(!mentions.is_empty()).then(|| mentions.join(" "))
                data-primary=(ids.len() > 1).then(|| fig.id.clone())
                data-anchor=(primary.anchor > 0).then(|| primary.anchor.to_string())
                data-cat=fig.category.map(|c| c.to_string())
                aria-label=label
                aria-current=current
            >
                {text_with_hits(text, run.bytes.clone(), &local, first)}
            </mark>
        }
        .into_any(),
    )
}

/// The highlighted runs of one block's text.
#[component]
pub fn Highlight(
    /// Index of the block in the document.
    block: usize,
) -> impl IntoView {
    let reader = use_reader();
    let hits = reader.hits;
    let block_hits = Memo::new(move |_| hits.with(|h| h.get(block).cloned().unwrap_or_default()));
    move || {
        let (first, ranges) = block_hits.get();
        let runs = reader
            .doc
            .runs
            .get(block)
            .map(Vec::as_slice)
            .unwrap_or_default();
        runs.iter()
            .filter_map(|run| render_run(&reader, block, run, &ranges, first))
            .collect_view()
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
