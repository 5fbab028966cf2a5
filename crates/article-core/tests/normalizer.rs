//! `load` depends on its input and on the normaliser it is given, nothing else. It used
//! to read a normaliser installed in a global at the reader's start-up, so the same
//! document anchored differently depending on whether that code had run first.
#![cfg(feature = "tables")]
use article_core::search::{Folded, Query};
use article_core::unicode::{self, AsIs, Normalizer};
use article_core::{load, load_with, parse_article, parse_article_with, Kind};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Text in NFD, quote in NFC: the mention anchors only if the text is normalised.
fn nfd_document() -> String {
    serde_json::json!({
        "format": "article/1", "id": "t", "title": "T",
        "blocks": [{"kind": "paragraph", "text": "Ca\u{302}\u{309}m Pha\u{309} có 54 đơn vị."}],
        "figures": [{"id": "u", "value": 54, "label": "đơn vị", "mentions": [{"quote": "Cẩm Phả có 54"}]}]
    })
    .to_string()
}

/// The built-in normaliser, counting how often it is asked.
#[derive(Default)]
struct Counting {
    calls: AtomicUsize,
}

impl Normalizer for Counting {
    fn nfc(&self, s: &str) -> String {
        self.calls.fetch_add(1, Ordering::Relaxed);
        unicode::builtin().nfc(s)
    }
    fn nfd(&self, s: &str) -> String {
        self.calls.fetch_add(1, Ordering::Relaxed);
        unicode::builtin().nfd(s)
    }
}

#[test]
fn load_uses_the_normaliser_it_is_given_and_no_other() {
    let json = nfd_document();
    let built_in = load(&json).expect("loads");
    assert_eq!(built_in.figures[0].anchors.len(), 1);
    assert_eq!(built_in.article.title, "T");
    assert_eq!(built_in, load_with(&json, unicode::builtin()).unwrap());

    // Without normalisation the NFD text does not hold the NFC quote.
    let as_is = load_with(&json, &AsIs).expect("loads");
    assert!(as_is.figures[0].anchors.is_empty());
    assert_eq!(as_is.warnings[0].kind, Kind::Orphan);

    // A normaliser passed once is used by that call and leaves nothing behind: `load`
    // afterwards gives what it gave before, without asking it again.
    let counting = Counting::default();
    assert_eq!(load_with(&json, &counting).unwrap(), built_in);
    let calls = counting.calls.load(Ordering::Relaxed);
    assert!(calls > 0);
    assert_eq!(load(&json).unwrap(), built_in);
    assert_eq!(load_with(&json, &AsIs).unwrap(), as_is);
    assert_eq!(load(&json).unwrap(), built_in);
    assert_eq!(counting.calls.load(Ordering::Relaxed), calls);

    // The same for parsing alone.
    assert_eq!(
        parse_article(&json).unwrap(),
        parse_article_with(&json, unicode::builtin()).unwrap()
    );
    assert_ne!(
        parse_article(&json).unwrap().0,
        parse_article_with(&json, &AsIs).unwrap().0
    );
}

#[test]
fn search_folds_with_the_normaliser_it_is_given() {
    let query = Query::new("cam pha").unwrap();
    assert_eq!(Folded::new("Cẩm Phả").find(&query), vec![0..11]);
    // Without decomposition "ẩ" keeps its marks and is no "a".
    assert!(Folded::new_with("Cẩm Phả", &AsIs).find(&query).is_empty());
    assert_eq!(Folded::new("Cẩm Phả").find(&query), vec![0..11]);
}
