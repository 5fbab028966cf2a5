//! `search::find_all` on an arbitrary query and haystack (split at the first NUL):
//! ranges on char boundaries, non-empty, sorted and non-overlapping; `contains` agrees.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (query, haystack) = s.split_once('\0').unwrap_or((s, s));
    let hits = article_core::search::find_all(haystack, query);
    invariants::check_search(haystack, &hits);
    assert_eq!(
        article_core::search::contains(haystack, query),
        !hits.is_empty()
    );
});
