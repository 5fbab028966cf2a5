//! Invariants every successful `load` must satisfy, whatever the input. Shared by the
//! cargo-fuzz targets (`fuzz_targets/*.rs`) and the bounded mutation fuzz in
//! `tests/hostile.rs` (both include this file with `#[path]`), so the long fuzz runs
//! and the normal test run check exactly the same things.
#![allow(dead_code)]

use article_core::{check_src, Block, Document};
use std::ops::Range;

/// Panics (with a message) when `doc` breaks an invariant:
/// - every anchor's byte range is on char boundaries of its block's text, the text there
///   equals the mention's quote, the quote is NFC, and the char range agrees;
/// - the runs of each block are non-empty, contiguous and cover the text exactly; each
///   mark names an anchor that covers the run; marks are sorted and distinct;
/// - every image kept has a `src` that passes `check_src` and no dangerous scheme;
/// - `reading_order` is a permutation of the figures; one entry per figure / block.
pub fn check_document(doc: &Document) {
    let a = &doc.article;
    assert_eq!(
        doc.figures.len(),
        a.figures.len(),
        "one ResolvedFigure per figure"
    );
    assert_eq!(doc.runs.len(), a.blocks.len(), "one run list per block");
    for (fi, rf) in doc.figures.iter().enumerate() {
        let fig = &a.figures[fi];
        assert_eq!(rf.computed, fig.mentions.is_empty());
        for an in &rf.anchors {
            let text = a.blocks[an.block].text().expect("anchored block has text");
            assert!(
                text.is_char_boundary(an.bytes.start) && text.is_char_boundary(an.bytes.end),
                "anchor {:?} not on char boundaries",
                an.bytes
            );
            assert!(an.bytes.start < an.bytes.end, "empty anchor");
            let quote = &fig.mentions[an.mention].quote;
            assert_eq!(
                &text[an.bytes.clone()],
                quote.as_str(),
                "anchor text ≠ quote"
            );
            assert!(
                unicode_normalization::is_nfc(quote),
                "quote is not NFC: {quote:?}"
            );
            assert_eq!(text[..an.bytes.start].chars().count(), an.chars.start);
            assert_eq!(text[..an.bytes.end].chars().count(), an.chars.end);
        }
    }
    for (bi, (b, runs)) in a.blocks.iter().zip(&doc.runs).enumerate() {
        let text = b.text().unwrap_or("");
        let mut at = 0;
        for r in runs {
            assert_eq!(r.bytes.start, at, "block {bi}: runs not contiguous");
            assert!(r.bytes.end > r.bytes.start, "block {bi}: empty run");
            assert!(
                text.is_char_boundary(r.bytes.end),
                "block {bi}: run off boundary"
            );
            for m in &r.marks {
                let an = &doc.figures[m.figure].anchors[m.anchor];
                assert_eq!(an.block, bi);
                assert!(an.bytes.start <= r.bytes.start && r.bytes.end <= an.bytes.end);
            }
            assert!(r.marks.windows(2).all(|w| w[0] < w[1]), "marks not sorted");
            at = r.bytes.end;
        }
        assert_eq!(at, text.len(), "block {bi}: runs do not cover the text");
        if let Block::Image { src, .. } = b {
            assert!(check_src(src).is_ok(), "kept a refused src {src:?}");
            let squeezed: String = src
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect::<String>()
                .to_ascii_lowercase();
            for bad in ["javascript:", "data:", "vbscript:", "http:", "//", "file:"] {
                assert!(!squeezed.starts_with(bad), "kept a dangerous src {src:?}");
            }
        }
    }
    let mut order = doc.reading_order.clone();
    order.sort_unstable();
    assert!(
        order.iter().copied().eq(0..a.figures.len()),
        "reading_order is not a permutation"
    );
}

/// Panics when `find_all`'s ranges are not on char boundaries, not sorted or overlap.
pub fn check_search(haystack: &str, ranges: &[Range<usize>]) {
    let mut prev_end = 0usize;
    for r in ranges {
        assert!(r.start < r.end, "empty search hit {r:?}");
        assert!(r.end <= haystack.len(), "search hit past the end {r:?}");
        assert!(
            haystack.is_char_boundary(r.start) && haystack.is_char_boundary(r.end),
            "search hit {r:?} not on char boundaries"
        );
        assert!(
            r.start >= prev_end,
            "search hits overlap or are unsorted: {ranges:?}"
        );
        prev_end = r.end;
    }
}
