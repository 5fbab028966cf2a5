//! Property tests: `load` never panics on garbage or mutated documents, and every anchor
//! and run it produces is consistent with the text (char boundaries, exact quote, char
//! offsets agreeing with byte offsets).
use article_core::{load, Document};
use proptest::prelude::*;
use serde_json::{json, Value};

fn valid_doc() -> String {
    json!({"format": "article/1", "id": "cam-pha", "lang": "vi", "title": "Cẩm Phả",
        "published": "2016-11-29T07:35:00+07:00",
        "blocks": [
            {"kind": "paragraph", "text": "Đảng bộ có 54 chi, đảng bộ trực thuộc gồm 33 chi bộ và 21 đảng bộ; trên 8.000 đảng viên."},
            {"kind": "image", "src": "images/a.jpg", "alt": "ảnh", "caption": "Ảnh: 54 chi, đảng bộ"},
            {"kind": "quote", "text": "x"}
        ],
        "categories": [{"id": "org", "label": "Tổ chức đảng"}],
        "figures": [
            {"id": "units", "value": 54, "unit": "đơn vị", "label": "chi, đảng bộ", "category": "org",
             "mentions": [{"quote": "54 chi, đảng bộ", "block": 0, "position": 11}, {"quote": "54 chi, đảng bộ", "prefix": "Ảnh: "}],
             "parts": ["cells", "committees"]},
            {"id": "cells", "value": 33, "label": "chi bộ", "mentions": [{"quote": "33 chi bộ"}], "within": "units"},
            {"id": "committees", "value": 21, "label": "đảng bộ", "mentions": [{"quote": "21 đảng bộ", "suffix": ";"}]},
            {"id": "members", "value": 8000, "qualifier": "over", "label": "đảng viên", "mentions": [{"quote": "8.000 đảng viên"}]},
            {"id": "sum", "value": 87, "label": "tổng", "parts": ["cells", "units"]}
        ]})
    .to_string()
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Replace(usize, u8),
    Insert(usize, u8),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..20).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (
            any::<usize>(),
            prop::sample::select(b"{}[]\":,0123456789-.eE \\nu\x00\xff\xc3tfa".to_vec())
        )
            .prop_map(|(a, b)| Mutation::Replace(a, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match *m {
        Mutation::Delete(a, n) => {
            let a = a % len;
            let e = (a + n).min(bytes.len());
            if a < e {
                bytes.drain(a..e);
            }
        }
        Mutation::Duplicate(a, n) => {
            let a = a % len;
            let e = (a + n).min(bytes.len());
            if a < e {
                let piece: Vec<u8> = bytes[a..e].to_vec();
                bytes.splice(e..e, piece);
            }
        }
        Mutation::Replace(a, b) => {
            if !bytes.is_empty() {
                let a = a % bytes.len();
                bytes[a] = b;
            }
        }
        Mutation::Insert(a, b) => {
            let a = a % (bytes.len() + 1);
            bytes.insert(a, b);
        }
        Mutation::Truncate(a) => bytes.truncate(a % len),
    }
}

fn check_consistent(doc: &Document) {
    for (fi, rf) in doc.figures.iter().enumerate() {
        for a in &rf.anchors {
            let text = doc.article.blocks[a.block]
                .text()
                .expect("anchored block has text");
            assert!(text.is_char_boundary(a.bytes.start) && text.is_char_boundary(a.bytes.end));
            let quote = &doc.article.figures[fi].mentions[a.mention].quote;
            assert_eq!(&text[a.bytes.clone()], quote.as_str());
            assert_eq!(text[..a.bytes.start].chars().count(), a.chars.start);
            assert_eq!(text[..a.bytes.end].chars().count(), a.chars.end);
        }
    }
    for (b, runs) in doc.article.blocks.iter().zip(&doc.runs) {
        let text = b.text().unwrap_or("");
        let mut at = 0;
        for r in runs {
            assert_eq!(r.bytes.start, at);
            assert!(r.bytes.end > r.bytes.start);
            assert!(text.is_char_boundary(r.bytes.end));
            for m in &r.marks {
                let a = &doc.figures[m.figure].anchors[m.anchor];
                assert!(a.bytes.start <= r.bytes.start && r.bytes.end <= a.bytes.end);
            }
            assert!(r.marks.windows(2).all(|w| w[0] < w[1]));
            at = r.bytes.end;
        }
        assert_eq!(at, text.len());
    }
    assert_eq!(doc.reading_order.len(), doc.figures.len());
}

const PIECES: &[&str] = &[
    "a",
    "b",
    " ",
    " ",
    "5",
    "4",
    ".",
    ",",
    "ẩ",
    "😀",
    "e\u{301}",
    "Đ",
    "ộ",
    "日",
    "\u{1F1FB}\u{1F1F3}",
    "o\u{302}\u{323}",
    "54",
    "chi",
    "đảng",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
struct MentionPick {
    block: usize,
    start: usize,
    len: usize,
    pre: usize,
    suf: usize,
    restrict: bool,
    hint: bool,
}

fn mention_strategy() -> impl Strategy<Value = MentionPick> {
    (
        any::<usize>(),
        any::<usize>(),
        1usize..12,
        0usize..4,
        0usize..4,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(block, start, len, pre, suf, restrict, hint)| MentionPick {
                block,
                start,
                len,
                pre,
                suf,
                restrict,
                hint,
            },
        )
}

fn build(texts: &[String], picks: &[MentionPick]) -> String {
    let blocks: Vec<Value> = texts
        .iter()
        .map(|t| json!({"kind": "paragraph", "text": t}))
        .collect();
    let mut figures = Vec::new();
    for (i, p) in picks.iter().enumerate() {
        let b = p.block % texts.len();
        let chars: Vec<char> = texts[b].chars().collect();
        if chars.is_empty() {
            continue;
        }
        let s = p.start % chars.len();
        let e = (s + p.len).min(chars.len());
        let quote: String = chars[s..e].iter().collect();
        if quote.trim().is_empty() {
            continue; // a blank quote is an error, not something to anchor
        }
        let mut m = json!({"quote": quote});
        if p.pre > 0 {
            m["prefix"] = json!(chars[s.saturating_sub(p.pre)..s].iter().collect::<String>());
        }
        if p.suf > 0 {
            m["suffix"] = json!(chars[e..(e + p.suf).min(chars.len())]
                .iter()
                .collect::<String>());
        }
        if p.restrict {
            m["block"] = json!(b);
            if p.hint {
                m["position"] = json!(s);
            }
        }
        figures.push(json!({"id": format!("f{i}"), "value": i, "label": "l", "mentions": [m]}));
    }
    json!({"format": "article/1", "id": "p", "title": "P", "blocks": blocks, "figures": figures})
        .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn utf16_len_counts_what_javascript_counts(s in "\\PC{0,200}|[a-zẩ😀\u{301}]{0,50}") {
        prop_assert_eq!(article_core::unicode::utf16_len(&s), s.encode_utf16().count());
    }

    #[test]
    fn random_strings_never_panic(s in "\\PC{0,200}") {
        let _ = load(&s);
    }

    #[test]
    fn json_ish_strings_never_panic(s in "[\\[\\]{}\":,0-9a-z \\\\ẩ]{0,120}") {
        let _ = load(&s);
        let _ = article_core::locate(&s, "$.figures[0].mentions[1].quote");
    }

    #[test]
    fn mutated_documents_never_panic(ms in prop::collection::vec(mutation(), 1..6)) {
        let mut bytes = valid_doc().into_bytes();
        for m in &ms {
            apply(&mut bytes, m);
        }
        let s = String::from_utf8_lossy(&bytes);
        match load(&s) {
            Ok(doc) => check_consistent(&doc),
            Err(errs) => prop_assert!(!errs.is_empty()),
        }
    }

    #[test]
    fn anchors_and_runs_are_consistent(
        texts in prop::collection::vec(text_strategy(), 1..5),
        picks in prop::collection::vec(mention_strategy(), 1..12),
    ) {
        let json = build(&texts, &picks);
        let doc = load(&json).expect("generated document is valid");
        check_consistent(&doc);
        // Unique, unrestricted quotes without numbers at their edges always resolve.
        for (fi, f) in doc.article.figures.iter().enumerate() {
            let m = &f.mentions[0];
            if m.block.is_none() && m.prefix.is_none() && m.suffix.is_none() {
                let occurrences: usize = doc.article.blocks.iter().filter_map(|b| b.text())
                    .map(|t| t.char_indices().filter(|(i, _)| t[*i..].starts_with(m.quote.as_str())).count()).sum();
                let numeric_edge = m.quote.starts_with(|c: char| c.is_ascii_digit())
                    || m.quote.ends_with(|c: char| c.is_ascii_digit());
                if occurrences == 1 && !numeric_edge {
                    prop_assert_eq!(doc.figures[fi].anchors.len(), 1, "{:?}", m);
                }
                if occurrences == 0 {
                    prop_assert!(doc.figures[fi].anchors.is_empty());
                }
            }
        }
    }
}

#[test]
fn valid_doc_loads() {
    let doc = load(&valid_doc()).expect("valid");
    assert!(
        doc.warnings
            .iter()
            .all(|w| w.kind == article_core::Kind::SkippedBlock),
        "{:#?}",
        doc.warnings
    );
    assert_eq!(doc.figures[0].anchors.len(), 2);
    check_consistent(&doc);
}

/// Pathological input: a repetitive text and quotes that are all suffixes of each other.
/// Anchoring must stop at its work budget with a Limit warning instead of running for
/// minutes.
#[test]
fn pathological_anchoring_is_bounded() {
    let text = "a".repeat(200_000);
    let figures: Vec<Value> = (1..=1500)
        .map(|k| json!({"id": format!("f{k}"), "value": k, "label": "l", "mentions": [{"quote": "a".repeat(k)}]}))
        .collect();
    let json = json!({"format": "article/1", "id": "p", "title": "P",
        "blocks": [{"kind": "paragraph", "text": text}], "figures": figures})
    .to_string();
    let t = std::time::Instant::now();
    let doc = load(&json).expect("valid");
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.kind == article_core::Kind::Limit));
    assert!(t.elapsed().as_secs() < 60);
}
