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

/// Length of `s` in UTF-16 code units (what JavaScript's `String.length` and DOM offsets
/// count): one per character, two for those beyond the Basic Multilingual Plane. Counted on
/// the bytes (every byte that starts a character, plus one more for each 4-byte one),
/// which is several times faster than `s.encode_utf16().count()`.
pub fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

static INSTALLED: OnceLock<Box<dyn Normalizer>> = OnceLock::new();

/// Use `n` for every later normalisation. The first installation wins; returns false if
/// one was already installed.
pub fn install(n: Box<dyn Normalizer>) -> bool {
    INSTALLED.set(n).is_ok()
}

/// Text made only of characters that NFC leaves alone whatever surrounds them (no
/// combining marks, no singletons, nothing that composes with a neighbour) needs no call:
/// ASCII, Latin-1 and Latin Extended-A/B, Latin Extended Additional (every precomposed
/// Vietnamese letter) and common punctuation. Precomposed Vietnamese text, the usual case,
/// then never crosses into JavaScript, which on a 1 MB article saves some 18,000 calls.
fn trivially_normal(s: &str) -> bool {
    s.chars().all(|c| matches!(c, '\0'..='\u{2ff}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{20a0}'..='\u{20c0}'))
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
