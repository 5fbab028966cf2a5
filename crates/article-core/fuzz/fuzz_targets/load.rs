//! Arbitrary bytes → (if UTF-8) `article_core::load` → the invariants of
//! `../invariants.rs`. Any panic, overflow or sanitizer report is a bug.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return; // `load` takes &str: invalid UTF-8 cannot reach it
    };
    match article_core::load(json) {
        Ok(doc) => invariants::check_document(&doc),
        Err(problems) => {
            assert!(!problems.is_empty(), "Err without a problem");
            assert!(problems.iter().all(|p| p.is_error()), "Err holds a warning");
        }
    }
});
