//! Text as the reader and the CLI both need it, decided once here so they agree:
//!
//! - [`decode`]: a document's bytes → text. Only UTF-8 is accepted (a leading byte-order
//!   mark is dropped, as a browser's `TextDecoder` does); anything else is refused with one
//!   positioned [`Problem`], the same in `article check` and in the reader's alert. Decoding
//!   lossily instead would show "C�m Ph�" with no notice, and a quote would never match.
//! - [`is_rtl`]: whether a language tag is written right to left (`dir="rtl"`).
//! - [`stacked_clusters`]: characters carrying so many combining marks ("Zalgo" text)
//!   that they would paint far outside their line, for the reader to clip.
use std::ops::Range;

use crate::problem::{Kind, Problem};

/// The hint every refusal of [`decode`] carries.
pub const SAVE_AS_UTF8: &str =
    "save the file as UTF-8 (not Windows-1258, Windows-1252 or another legacy encoding)";

/// `bytes` as UTF-8 text without a leading byte-order mark, or the reason it is not.
///
/// The problem is positioned like the core's (line:column in code points, counted in the
/// valid text before the first bad byte) and names the byte and its offset in the file.
/// UTF-16 and UTF-32 files (a byte-order mark, or NUL bytes where JSON has none) are named
/// as such rather than reported as a stray byte.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some(encoding) = wide_encoding(&bytes) {
        return Err(Problem::error(
            Kind::Syntax,
            "$",
            format!("the document is not valid UTF-8: it is encoded as {encoding}"),
        )
        .with_hint(SAVE_AS_UTF8)
        .at(1, 1));
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if bom {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        not_utf8(e.as_bytes(), offset, if bom { 3 } else { 0 })
    })
}

/// UTF-16 or UTF-32 recognised by its byte-order mark, or by a NUL among the first bytes
/// (a JSON document in UTF-8 never contains one: control characters must be escaped).
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32 (little-endian byte-order mark)"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32 (big-endian byte-order mark)"),
        [0xFF, 0xFE, ..] => Some("UTF-16 (little-endian byte-order mark)"),
        [0xFE, 0xFF, ..] => Some("UTF-16 (big-endian byte-order mark)"),
        [0, 0, 0, _, ..] | [_, 0, 0, 0, ..] => Some("UTF-32 (NUL bytes between characters)"),
        [0, _, ..] | [_, 0, ..] => Some("UTF-16 (NUL bytes between characters)"),
        _ => None,
    }
}

/// The problem for the first invalid byte at `offset` of `bytes` (`skipped` bytes of a
/// byte-order mark came before `bytes` in the file).
fn not_utf8(bytes: &[u8], offset: usize, skipped: usize) -> Problem {
    // The prefix is valid by definition, so line and column can be counted in it.
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let line = valid.matches('\n').count() + 1;
    let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    let byte = bytes.get(offset).copied().unwrap_or_default();
    let what = if bytes.len() - offset < 4 && is_truncated_sequence(&bytes[offset..]) {
        "the file ends inside a character: ".to_string()
    } else {
        String::new()
    };
    Problem::error(
        Kind::Syntax,
        "$",
        format!(
            "the document is not valid UTF-8: {what}byte 0x{byte:02X} at byte offset {}",
            offset + skipped
        ),
    )
    .with_hint(SAVE_AS_UTF8)
    .at(line, column)
}

/// Whether `rest` is the start of a multi-byte sequence cut short by the end of the file.
fn is_truncated_sequence(rest: &[u8]) -> bool {
    let need = match rest.first() {
        Some(0xC2..=0xDF) => 2,
        Some(0xE0..=0xEF) => 3,
        Some(0xF0..=0xF4) => 4,
        _ => return false,
    };
    rest.len() < need && rest[1..].iter().all(|b| b & 0xC0 == 0x80)
}

/// Whether text in the language `tag` (BCP 47: `ar`, `fa-IR`, `az-Arab`, `he`) is written
/// right to left. A script subtag decides when there is one (`az-Arab` is, `ku-Latn` is
/// not); otherwise the language's usual script does. Unknown and empty tags are left to
/// right.
pub fn is_rtl(tag: &str) -> bool {
    let mut subtags = tag.trim().split(['-', '_']);
    let language = subtags.next().unwrap_or_default().to_ascii_lowercase();
    // The script is the first four-letter subtag after the language (and extlang).
    let script = subtags
        .take_while(|s| s.len() != 1) // a singleton starts extensions / private use
        .find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()));
    if let Some(script) = script {
        return RTL_SCRIPTS.iter().any(|s| s.eq_ignore_ascii_case(script));
    }
    RTL_LANGUAGES.contains(&language.as_str())
}

/// ISO 15924 codes of scripts written right to left.
const RTL_SCRIPTS: &[&str] = &[
    "Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt", "Elym", "Hatr", "Hebr", "Hung", "Khar",
    "Lydi", "Mand", "Mani", "Mend", "Merc", "Mero", "Narb", "Nbat", "Nkoo", "Orkh", "Ougr", "Palm",
    "Phli", "Phlp", "Phnx", "Prti", "Rohg", "Samr", "Sarb", "Sogd", "Sogo", "Syrc", "Syre", "Syrj",
    "Syrn", "Thaa", "Yezi",
];

/// Languages (ISO 639) whose usual script is written right to left.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "arz", "apc", "ajp", "acm", "ary", "aeb", "ayl", "azb", "bal", "bqi", "ckb", "dv",
    "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc", "mzn", "nqo", "pes", "pnb", "prs", "ps",
    "sd", "skr", "syc", "syr", "ug", "ur", "yi",
];

/// How many combining marks one character may carry before it counts as stacked. Real
/// scripts need few (Vietnamese 2 before NFC composes them, pointed Hebrew with
/// cantillation 4); "Zalgo" text piles up dozens.
pub const MAX_MARKS: usize = 4;

/// Byte ranges of `s` that are one base character with more than [`MAX_MARKS`] combining
/// marks on it (or such marks with no base), in order and disjoint. Empty for ordinary
/// text, without allocating.
pub fn stacked_clusters(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Where the current cluster starts, and how many marks it has.
    let mut start = 0;
    let mut marks = 0;
    for (i, c) in s.char_indices() {
        if is_stacking_mark(c) {
            marks += 1;
            continue;
        }
        if marks > MAX_MARKS {
            out.push(start..i);
        }
        start = i;
        marks = 0;
    }
    if marks > MAX_MARKS {
        out.push(start..s.len());
    }
    out
}

/// Nonspacing and enclosing marks that stack above or below their base: the Latin, Greek
/// and Cyrillic combining blocks, Hebrew and Arabic points, and the symbol marks.
fn is_stacking_mark(c: char) -> bool {
    // Every mark is at U+0300 or above: ASCII and Latin-1 text costs one comparison.
    c >= '\u{300}'
        && (crate::unicode::is_combining_mark(c)
            || matches!(c, '\u{483}'..='\u{489}' | '\u{591}'..='\u{5bd}' | '\u{5bf}' | '\u{5c1}'..='\u{5c2}' | '\u{5c4}'..='\u{5c5}' | '\u{5c7}' | '\u{610}'..='\u{61a}' | '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{6d6}'..='\u{6dc}' | '\u{6df}'..='\u{6e4}' | '\u{6e7}'..='\u{6e8}' | '\u{6ea}'..='\u{6ed}' | '\u{e31}' | '\u{e34}'..='\u{e3a}' | '\u{e47}'..='\u{e4e}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(bytes: &[u8]) -> Problem {
        decode(bytes.to_vec()).expect_err("refused")
    }

    #[test]
    fn utf8_passes_and_a_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"{\"a\":1}".to_vec()).unwrap(), "{\"a\":1}");
        assert_eq!(decode(b"\xEF\xBB\xBF{}".to_vec()).unwrap(), "{}");
        // Only one mark is dropped: a second one is content (and JSON will reject it).
        assert_eq!(
            decode(b"\xEF\xBB\xBF\xEF\xBB\xBF{}".to_vec()).unwrap(),
            "\u{feff}{}"
        );
        assert_eq!(
            decode("Cẩm Phả 😀".as_bytes().to_vec()).unwrap(),
            "Cẩm Phả 😀"
        );
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }

    #[test]
    fn legacy_8_bit_text_is_refused_at_its_first_bad_byte() {
        // "Cẩm Phả" in Windows-1258 is not UTF-8: C 0xE2 0xD2 m …
        let p = refused(b"{\n  \"title\": \"C\xE2\xD2m Ph\xE1\xD2\"\n}");
        assert!(p.is_error());
        assert_eq!(p.kind, Kind::Syntax);
        assert_eq!((p.line, p.column), (Some(2), Some(14)));
        assert_eq!(
            p.message,
            "the document is not valid UTF-8: byte 0xE2 at byte offset 15"
        );
        assert_eq!(p.hint.as_deref(), Some(SAVE_AS_UTF8));
        // Latin-1 "café", Windows-1252 curly quotes, a lone continuation byte.
        let p = refused(b"{\"t\":\"caf\xE9\"}");
        assert_eq!((p.line, p.column), (Some(1), Some(10)));
        assert!(
            p.message.ends_with("byte 0xE9 at byte offset 9"),
            "{}",
            p.message
        );
        let p = refused(b"{\"t\":\"\x93quoted\x94\"}");
        assert!(
            p.message.ends_with("byte 0x93 at byte offset 6"),
            "{}",
            p.message
        );
        let p = refused(b"ab\x80");
        assert!(
            p.message.ends_with("byte 0x80 at byte offset 2"),
            "{}",
            p.message
        );
    }

    #[test]
    fn columns_count_characters_and_offsets_count_the_byte_order_mark() {
        // Two-byte and four-byte characters before the bad byte are one column each.
        let p = refused(
            "{\"t\":\"ẩ😀"
                .bytes()
                .chain([0xFF])
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!((p.line, p.column), (Some(1), Some(9)));
        assert!(p.message.ends_with("byte offset 13"), "{}", p.message);
        // Offsets are in the file, where the dropped mark took three bytes.
        let p = refused(b"\xEF\xBB\xBF{\xFF}");
        assert_eq!((p.line, p.column), (Some(1), Some(2)));
        assert!(
            p.message.ends_with("byte 0xFF at byte offset 4"),
            "{}",
            p.message
        );
    }

    #[test]
    fn overlong_surrogate_and_truncated_sequences_are_refused() {
        // Overlong "/" and an encoded surrogate are invalid UTF-8 even though they decode.
        assert!(refused(b"\xC0\xAF")
            .message
            .contains("0xC0 at byte offset 0"));
        assert!(refused(b"x\xED\xA0\x80")
            .message
            .contains("0xED at byte offset 1"));
        let p = refused(b"{\"t\":\"\xE1\xBA");
        assert!(
            p.message
                .contains("ends inside a character: byte 0xE1 at byte offset 6"),
            "{}",
            p.message
        );
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let p = refused(&utf16le);
        assert!(p.message.contains("UTF-16 (little-endian"), "{}", p.message);
        assert_eq!((p.line, p.column), (Some(1), Some(1)));
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert!(refused(&utf16be).message.contains("UTF-16 (big-endian"));
        // Without a mark, the NUL bytes give it away.
        let bare: Vec<u8> = "{\"a\":1}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(refused(&bare).message.contains("UTF-16 (NUL bytes"));
        let utf32: Vec<u8> = "{}"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert!(refused(&utf32).message.contains("UTF-32 (NUL bytes"));
        assert!(refused(b"\xFF\xFE\0\0{\0\0\0")
            .message
            .contains("UTF-32 (little-endian"));
    }

    #[test]
    fn right_to_left_languages() {
        for tag in [
            "ar",
            "ar-EG",
            "AR",
            "he",
            "he-IL",
            "iw",
            "fa",
            "fa-IR",
            "ur",
            "ur-PK",
            "ps",
            "sd",
            "ug",
            "yi",
            "dv",
            "ckb",
            "syr",
            "prs",
            "az-Arab",
            "pa-Arab",
            "ku-Arab",
            "uz-Arab-AF",
            "ms-Arab",
            "ar_SA",
            " ar ",
            "en-Hebr",
            "zh-Arab",
            "jrb-Hebr",
        ] {
            assert!(is_rtl(tag), "{tag:?} is right to left");
        }
        for tag in [
            "",
            "en",
            "vi",
            "vi-VN",
            "fr",
            "ku",
            "ku-Latn",
            "az",
            "az-Latn",
            "uz",
            "pa",
            "ms",
            "ar-Latn",
            "fa-Latn",
            "he-Latn-x-Arab",
            "tr",
            "zh-Hant",
            "arn",
            "hy",
            "x-ar",
            "a",
            "en-x-Arab",
            "sr-Cyrl",
        ] {
            assert!(!is_rtl(tag), "{tag:?} is left to right");
        }
    }

    #[test]
    fn stacked_marks_are_found_and_ordinary_text_is_not() {
        assert!(stacked_clusters("").is_empty());
        assert!(stacked_clusters("Cẩm Phả có 54 chi, đảng bộ").is_empty());
        // Decomposed Vietnamese: two marks per letter.
        assert!(stacked_clusters("Ca\u{302}\u{309}m Pha\u{309}").is_empty());
        // Pointed Hebrew with a cantillation mark, Arabic with harakat, Thai vowel + tone.
        assert!(stacked_clusters("בְּרֵאשִׁ֖ית").is_empty());
        assert!(stacked_clusters("مُحَمَّدٌ").is_empty());
        assert!(stacked_clusters("ที่นี่").is_empty());
        // Exactly MAX_MARKS is fine; one more is stacked.
        let four = format!("a{}", "\u{301}".repeat(MAX_MARKS));
        assert!(stacked_clusters(&four).is_empty());
        let zalgo = format!("x{}y", "\u{30d}\u{34e}\u{316}".repeat(10));
        assert_eq!(stacked_clusters(&zalgo), vec![0..zalgo.len() - 1]);
        // Several clusters, one at the start without a base, one at the end.
        let s = format!(
            "{}H{}e{}llo{}",
            "\u{300}".repeat(6),
            "\u{489}".repeat(5),
            "\u{301}",
            "\u{20dd}".repeat(9)
        );
        let found: Vec<&str> = stacked_clusters(&s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            found,
            vec![
                "\u{300}".repeat(6),
                format!("H{}", "\u{489}".repeat(5)),
                format!("o{}", "\u{20dd}".repeat(9)),
            ]
        );
    }
}
