//! Unicode normalisation, pluggable.
//!
//! Quotes and text are compared after NFC, and search folds letters through canonical
//! decomposition. Natively (the CLI, tests, benchmarks) the `unicode-normalization` crate
//! does it (feature `tables`, on by default). In the browser its tables would cost about
//! 70 KB gzip of wasm while the browser already ships the same algorithm as
//! `String.prototype.normalize`, so the reader builds without `tables` and installs a
//! [`Normalizer`] that calls it. Without `tables` and without an installed normaliser,
//! text is left as it is (NFC input still works; NFD input will not match NFC quotes).
use std::borrow::Cow;
use std::sync::OnceLock;

/// Unicode normalisation forms the core needs.
pub trait Normalizer: Send + Sync {
    /// `s` in NFC.
    fn nfc(&self, s: &str) -> String;
    /// `s` in NFD.
    fn nfd(&self, s: &str) -> String;
}

static INSTALLED: OnceLock<Box<dyn Normalizer>> = OnceLock::new();

/// Use `n` for every later normalisation. The first installation wins; returns false if
/// one was already installed.
pub fn install(n: Box<dyn Normalizer>) -> bool {
    INSTALLED.set(n).is_ok()
}

/// Text that is pure ASCII, or has nothing the normaliser could change, needs no call.
fn trivially_normal(s: &str) -> bool {
    s.is_ascii()
}

/// NFC of `s`, borrowing when nothing changes.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if trivially_normal(s) {
        return Cow::Borrowed(s);
    }
    if let Some(n) = INSTALLED.get() {
        return Cow::Owned(n.nfc(s));
    }
    builtin::nfc(s)
}

/// The canonical decomposition of one character, fed to `out` one char at a time.
pub fn decompose(c: char, out: &mut dyn FnMut(char)) {
    if c.is_ascii() {
        return out(c);
    }
    if let Some(n) = INSTALLED.get() {
        let mut buf = [0u8; 4];
        return n.nfd(c.encode_utf8(&mut buf)).chars().for_each(out);
    }
    builtin::decompose(c, out)
}

/// Combining marks (accents, tone marks) that folding drops. Ranges rather than the
/// combining-class table, so the browser build carries no table at all; they cover every
/// mark that canonical decomposition of Latin, Greek and Cyrillic letters produces.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

#[cfg(feature = "tables")]
mod builtin {
    use std::borrow::Cow;
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

    pub fn nfc(s: &str) -> Cow<'_, str> {
        if is_nfc_quick(s.chars()) == IsNormalized::Yes {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(s.nfc().collect())
        }
    }

    pub fn decompose(c: char, out: &mut dyn FnMut(char)) {
        unicode_normalization::char::decompose_canonical(c, out)
    }
}

#[cfg(not(feature = "tables"))]
mod builtin {
    use std::borrow::Cow;

    pub fn nfc(s: &str) -> Cow<'_, str> {
        Cow::Borrowed(s)
    }

    pub fn decompose(c: char, out: &mut dyn FnMut(char)) {
        out(c)
    }
}

#[cfg(all(test, feature = "tables"))]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_vietnamese_and_borrows_ascii() {
        assert_eq!(nfc("Ca\u{302}\u{309}m Pha\u{309}"), "Cẩm Phả");
        assert!(matches!(nfc("plain ascii"), Cow::Borrowed(_)));
        assert!(matches!(nfc("Cẩm Phả"), Cow::Borrowed(_)));
    }

    #[test]
    fn decompose_splits_tone_marks() {
        let mut out = String::new();
        decompose('ẩ', &mut |c| out.push(c));
        assert_eq!(out, "a\u{302}\u{309}");
        assert!(out.chars().skip(1).all(is_combining_mark));
    }
}
