//! A block's text as runs: plain text nodes, and `<mark>`s for every run that a figure's
//! mention covers. Rendered once, with no per-mark reactivity: events are delegated to the
//! article (see `article.rs`) and selection is applied by [`crate::reader::Reader`].
use article_core::{format, Document, Mark, Run};
use leptos::prelude::*;

use crate::reader::use_reader;

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

/// The highlighted runs of one block's text.
#[component]
pub fn Highlight(
    /// Index of the block in the document.
    block: usize,
) -> impl IntoView {
    let reader = use_reader();
    let doc = reader.doc.clone();
    let text = doc
        .article
        .blocks
        .get(block)
        .and_then(|b| b.text())
        .unwrap_or_default();
    let runs = doc.runs.get(block).map(Vec::as_slice).unwrap_or_default();
    let figure_word = reader.ui.get_untracked().text().figure;
    runs.iter()
        .filter_map(|run| {
            let slice = text.get(run.bytes.clone())?.to_string();
            if run.marks.is_empty() {
                return Some(slice.into_any());
            }
            let ids: Vec<&str> = dedup_figures(run)
                .map(|f| doc.article.figures[f].id.as_str())
                .collect();
            let mentions: Vec<String> = run
                .marks
                .iter()
                .filter(|m| {
                    // Only the first run of an anchor names it, so "scroll to mention k" lands
                    // at the start of the quote.
                    doc.figures[m.figure]
                        .anchors
                        .get(m.anchor)
                        .is_some_and(|a| a.bytes.start == run.bytes.start)
                })
                .map(|m| format!("{}:{}", doc.article.figures[m.figure].id, m.anchor))
                .collect();
            let primary = primary_mark(&doc, run)?;
            let fig = &doc.article.figures[primary.figure];
            let label = format!(
                "{slice} — {figure_word}: {}",
                format::figure_value(fig, &doc.article.lang)
            );
            let cat = fig.category.map(|c| c.to_string());
            let class = match fig.category {
                Some(c) => format!("hl c{}", c % 8),
                None => "hl cx".to_string(),
            };
            Some(
                view! {
                    <mark
                        class=class
                        role="button"
                        tabindex="0"
                        data-figure=ids.join(" ")
                        data-mention=(!mentions.is_empty()).then(|| mentions.join(" "))
                        data-primary=fig.id.clone()
                        data-anchor=primary.anchor.to_string()
                        data-cat=cat
                        aria-label=label
                        aria-expanded="false"
                    >
                        {slice}
                    </mark>
                }
                .into_any(),
            )
        })
        .collect_view()
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
