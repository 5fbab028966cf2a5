//! Unicode normalisation, passed in.
//!
//! Quotes and text are compared after NFC, and search folds letters through canonical
//! decomposition. Which algorithm does it is a [`Normalizer`] that callers hand to
//! [`crate::load_with`] (and [`crate::search::Folded::new_with`]); [`crate::load`] uses
//! [`builtin`], fixed when the crate is built, never set at run time:
//!
//! - feature `tables` (on by default): the `unicode-normalization` crate, natively (the
//!   CLI, tests, benchmarks);
//! - else feature `browser` on wasm32: the browser's own `String.prototype.normalize`. Its
//!   tables would cost about 70 KB gzip of wasm while the browser already ships the same
//!   algorithm, so the reader builds with `browser` and without `tables`;
//! - else [`AsIs`]: text is left as it is (NFC input still works; NFD input will not match
//!   NFC quotes).
//!
//! Why not a global the reader installs at start-up, as before: then what `load` returned
//! depended on whether that start-up code had run (a test, a worker, a tool calling the
//! core directly got different anchors for the same document).
//!
//! ```
//! use article_core::unicode::{self, AsIs};
//! let nfd = "Ca\u{302}\u{309}m Pha\u{309}";
//! assert_eq!(unicode::nfc_with(nfd, &AsIs), nfd);
//! # #[cfg(feature = "tables")]
//! assert_eq!(unicode::nfc(nfd), "Cẩm Phả");
//! ```
use std::borrow::Cow;

/// Unicode normalisation forms the core needs.
pub trait Normalizer {
    /// `s` in NFC.
    fn nfc(&self, s: &str) -> String;
    /// `s` in NFD.
    fn nfd(&self, s: &str) -> String;
    /// `s` in NFC, borrowing it when nothing changes (override where that is cheap to tell).
    fn nfc_cow<'a>(&self, s: &'a str) -> Cow<'a, str> {
        Cow::Owned(self.nfc(s))
    }
    /// The canonical decomposition of one character, fed to `out` one char at a time.
    fn decompose(&self, c: char, out: &mut dyn FnMut(char)) {
        let mut buf = [0u8; 4];
        self.nfd(c.encode_utf8(&mut buf)).chars().for_each(out)
    }
}

/// The normaliser this build has built in (see the module docs): the tables, else the
/// browser's, else [`AsIs`].
pub fn builtin() -> &'static dyn Normalizer {
    BUILTIN
}

#[cfg(feature = "tables")]
const BUILTIN: &dyn Normalizer = &Tables;
#[cfg(all(not(feature = "tables"), feature = "browser", target_arch = "wasm32"))]
const BUILTIN: &dyn Normalizer = &Browser;
#[cfg(not(any(feature = "tables", all(feature = "browser", target_arch = "wasm32"))))]
const BUILTIN: &dyn Normalizer = &AsIs;

/// No normalisation: every string is taken as it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct AsIs;

impl Normalizer for AsIs {
    fn nfc(&self, s: &str) -> String {
        s.to_string()
    }
    fn nfd(&self, s: &str) -> String {
        s.to_string()
    }
    fn nfc_cow<'a>(&self, s: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(s)
    }
    fn decompose(&self, c: char, out: &mut dyn FnMut(char)) {
        out(c)
    }
}

/// The `unicode-normalization` crate's tables.
#[cfg(feature = "tables")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Tables;

#[cfg(feature = "tables")]
impl Normalizer for Tables {
    fn nfc(&self, s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfc().collect()
    }
    fn nfd(&self, s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfd().collect()
    }
    fn nfc_cow<'a>(&self, s: &'a str) -> Cow<'a, str> {
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        if is_nfc_quick(s.chars()) == IsNormalized::Yes {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(self.nfc(s))
        }
    }
    fn decompose(&self, c: char, out: &mut dyn FnMut(char)) {
        unicode_normalization::char::decompose_canonical(c, out)
    }
}

/// The browser's `String.prototype.normalize` (wasm32 with feature `browser`).
#[cfg(all(feature = "browser", target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct Browser;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
impl Normalizer for Browser {
    fn nfc(&self, s: &str) -> String {
        js_sys::JsString::from(s).normalize("NFC").into()
    }
    fn nfd(&self, s: &str) -> String {
        js_sys::JsString::from(s).normalize("NFD").into()
    }
}

/// Length of `s` in UTF-16 code units (what JavaScript's `String.length` and DOM offsets
/// count): one per character, two for those beyond the Basic Multilingual Plane. Counted on
/// the bytes (every byte that starts a character, plus one more for each 4-byte one),
/// which is several times faster than `s.encode_utf16().count()`.
pub fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Text made only of characters that NFC leaves alone whatever surrounds them (no
/// combining marks, no singletons, nothing that composes with a neighbour) needs no call:
/// ASCII, Latin-1 and Latin Extended-A/B, Latin Extended Additional (every precomposed
/// Vietnamese letter) and common punctuation. Precomposed Vietnamese text, the usual case,
/// then never crosses into JavaScript, which on a 1 MB article saves some 18,000 calls.
fn trivially_normal(s: &str) -> bool {
    s.chars().all(|c| matches!(c, '\0'..='\u{2ff}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{20a0}'..='\u{20c0}'))
}

/// NFC of `s` by `n`, borrowing when nothing changes.
pub fn nfc_with<'a>(s: &'a str, n: &dyn Normalizer) -> Cow<'a, str> {
    if trivially_normal(s) {
        return Cow::Borrowed(s);
    }
    n.nfc_cow(s)
}

/// NFC of `s` by the [`builtin`] normaliser, borrowing when nothing changes.
pub fn nfc(s: &str) -> Cow<'_, str> {
    nfc_with(s, builtin())
}

/// The canonical decomposition of one character by `n`, fed to `out` one char at a time.
pub fn decompose_with(c: char, n: &dyn Normalizer, out: &mut dyn FnMut(char)) {
    if c.is_ascii() {
        return out(c);
    }
    n.decompose(c, out)
}

/// [`decompose_with`] the [`builtin`] normaliser.
pub fn decompose(c: char, out: &mut dyn FnMut(char)) {
    decompose_with(c, builtin(), out)
}

/// Format characters that take no room and join nothing visible: soft hyphen, zero-width
/// space / non-joiner / joiner, left-to-right and right-to-left marks, word joiner and
/// invisible operators, byte-order mark. A number written "5\u{200D}4" reads as 54.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Combining marks (accents, tone marks) that folding drops. Ranges rather than the
/// combining-class table, so the browser build carries no table at all; they cover every
/// mark that canonical decomposition of Latin, Greek and Cyrillic letters produces.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
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
    fn the_fast_path_only_skips_text_nfc_leaves_alone() {
        use unicode_normalization::{is_nfc, UnicodeNormalization};
        // Every character the fast path accepts is NFC on its own and never composes with a
        // following combining mark into something else unless that mark is present (and a
        // combining mark is outside the fast path, so such text goes to the normaliser).
        let ranges = [
            (0u32, 0x2ff),
            (0x1e00, 0x1eff),
            (0x2010, 0x2027),
            (0x2030, 0x205e),
            (0x20a0, 0x20c0),
        ];
        for (lo, hi) in ranges {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let s = c.to_string();
                assert!(trivially_normal(&s));
                assert!(is_nfc(&s), "U+{:04X} is not NFC", c as u32);
                // Pairs of fast-path characters never compose.
                let pair = format!("{c}a");
                assert_eq!(pair.nfc().collect::<String>(), pair, "U+{:04X}", c as u32);
            }
        }
        assert!(!trivially_normal("Ca\u{302}\u{309}m"));
        assert!(trivially_normal(
            "Cẩm Phả có 54 chi, đảng bộ – “trên 8.000”"
        ));
    }

    #[test]
    fn decompose_splits_tone_marks() {
        let mut out = String::new();
        decompose('ẩ', &mut |c| out.push(c));
        assert_eq!(out, "a\u{302}\u{309}");
        assert!(out.chars().skip(1).all(is_combining_mark));
    }
}
