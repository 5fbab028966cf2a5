//! Search that ignores case and diacritics: "cam pha" finds "Cẩm Phả", "thanh ủy" finds
//! "Thành uỷ", "dang vien" finds "đảng viên" (đ → d). Returns byte ranges in the
//! original text.
//!
//! Why: readers type Vietnamese without tone marks (or with the other tone placement,
//! "uỷ" vs "ủy"), on any keyboard; an exact search would find nothing. Folding both
//! sides to base letters makes all those spellings meet. The ranges map back to the
//! original, untouched text so the reader can highlight what is actually printed.
//! "Whitespace runs": any run of whitespace in the query matches any run in the text.
//! Letters are decomposed by [`unicode::builtin`] unless a normaliser is passed
//! ([`fold_with`], [`Query::new_with`], [`Folded::new_with`]).
use std::ops::Range;

use crate::unicode::{self, decompose_with, is_combining_mark, Normalizer};

/// Fold `s` for matching: canonical decomposition, combining marks dropped, lowercase,
/// đ/Đ → d, every run of whitespace → one space. Returns the folded text and, for each
/// folded byte `i`, the byte range in `s` of what produced it (`map[i]`); a dropped
/// mark or collapsed whitespace is added to the range of the byte before it, so a match
/// ending at a base letter also covers the marks that follow it in NFD input.
pub fn fold(s: &str) -> (String, Vec<Range<usize>>) {
    fold_with(s, unicode::builtin())
}

/// [`fold`], decomposing with `n`.
pub fn fold_with(s: &str, n: &dyn Normalizer) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(s.len());
    let mut map: Vec<Range<usize>> = Vec::with_capacity(s.len());
    let mut in_space = false;
    for (start, c) in s.char_indices() {
        let end = start + c.len_utf8();
        if c.is_whitespace() {
            if in_space {
                extend_last(&mut map, end);
            } else {
                out.push(' ');
                map.push(start..end);
                in_space = true;
            }
            continue;
        }
        in_space = false;
        let before = out.len();
        let push = |ch: char, out: &mut String| {
            if ch == 'đ' || ch == 'Đ' {
                out.push('d');
            } else if !is_combining_mark(ch) {
                for l in ch.to_lowercase() {
                    if !is_combining_mark(l) {
                        out.push(l);
                    }
                }
            }
        };
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            decompose_with(c, n, &mut |d| push(d, &mut out));
        }
        let produced = out.len() - before;
        if produced == 0 {
            extend_last(&mut map, end);
        } else {
            map.extend(std::iter::repeat_n(start..end, produced));
        }
    }
    (out, map)
}

fn extend_last(map: &mut [Range<usize>], end: usize) {
    if let Some(last) = map.last_mut() {
        last.end = end;
    }
}

/// All non-overlapping places where `query` occurs in `haystack`, ignoring case,
/// diacritics and the amount of whitespace; byte ranges into `haystack` (on char
/// boundaries). An empty or whitespace-only query finds nothing.
pub fn find_all(haystack: &str, query: &str) -> Vec<Range<usize>> {
    match Query::new(query) {
        Some(q) => Folded::new(haystack).find(&q),
        None => Vec::new(),
    }
}

/// A query folded once; `None` for an empty or whitespace-only query, which finds nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query(String);

impl Query {
    pub fn new(query: &str) -> Option<Query> {
        Query::new_with(query, unicode::builtin())
    }

    /// [`Query::new`], folding with `n`.
    pub fn new_with(query: &str, n: &dyn Normalizer) -> Option<Query> {
        let (q, _) = fold_with(query.trim(), n);
        let q = q.trim();
        (!q.is_empty()).then(|| Query(q.to_string()))
    }
}

/// A text folded once and searched many times: the reader folds each block on its first
/// search rather than on every keystroke. Offsets are kept as `u32` pairs (the core's
/// text limit is far below 4 GiB), half the memory of `Range<usize>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    text: String,
    map: Vec<[u32; 2]>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        Folded::new_with(text, unicode::builtin())
    }

    /// [`Folded::new`], folding with `n`.
    pub fn new_with(text: &str, n: &dyn Normalizer) -> Folded {
        let (folded, map) = fold_with(text, n);
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Folded {
            text: folded,
            map: map.into_iter().map(|r| [at(r.start), at(r.end)]).collect(),
        }
    }

    /// Byte ranges in the original text, as [`find_all`] gives them.
    pub fn find(&self, query: &Query) -> Vec<Range<usize>> {
        let q = query.0.as_str();
        // Matches do not overlap in the folded text, but one source character can fold to
        // several (a Hangul syllable → 2–3 jamo) and hold the end of one match and the start
        // of the next; both map to the whole character. Keep the first of such a pair.
        let mut prev_end = 0usize;
        self.text
            .match_indices(q)
            .filter_map(|(i, m)| {
                let first = self.map.get(i)?[0] as usize;
                let last = self.map.get(i + m.len() - 1)?[1] as usize;
                if first < prev_end {
                    return None;
                }
                prev_end = last;
                Some(first..last)
            })
            .collect()
    }
}

/// True when `query` occurs in `haystack` (same rules as [`find_all`]).
pub fn contains(haystack: &str, query: &str) -> bool {
    !find_all(haystack, query).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn hits<'a>(h: &'a str, q: &str) -> Vec<&'a str> {
        find_all(h, q).into_iter().map(|r| &h[r]).collect()
    }

    #[test]
    fn a_folded_text_searched_twice_finds_what_find_all_finds() {
        let text = "Thành uỷ Cẩm Phả: Đảng viên, đảng viên";
        let folded = Folded::new(text);
        for q in ["cam pha", "thanh ủy", "dang vien", "x"] {
            let query = Query::new(q).unwrap();
            assert_eq!(folded.find(&query), find_all(text, q), "{q}");
        }
        assert_eq!(Query::new("  \t "), None);
    }

    #[test]
    fn examples() {
        assert_eq!(hits("Thành phố Cẩm Phả", "cam pha"), vec!["Cẩm Phả"]);
        assert_eq!(hits("Ban Thường vụ Thành uỷ", "thanh ủy"), vec!["Thành uỷ"]);
        assert_eq!(hits("Thành ủy Cẩm Phả", "THANH UY"), vec!["Thành ủy"]);
        assert_eq!(hits("trên 8.000 đảng viên", "dang vien"), vec!["đảng viên"]);
        assert_eq!(hits("ĐẢNG VIÊN", "đảng viên"), vec!["ĐẢNG VIÊN"]);
        assert_eq!(
            hits("Cẩm   Phả\nCẩm Phả", "cam  pha"),
            vec!["Cẩm   Phả", "Cẩm Phả"]
        );
    }

    #[test]
    fn nfd_input() {
        let h: String = "Thành phố Cẩm Phả".nfd().collect();
        let r = find_all(&h, "cam pha");
        assert_eq!(r.len(), 1);
        let got = &h[r[0].clone()];
        // the trailing combining marks of "ả" are included
        assert_eq!(got.nfc().collect::<String>(), "Cẩm Phả");
        let q: String = "Phả".nfd().collect();
        assert_eq!(hits("Cẩm Phả", &q), vec!["Phả"]);
    }

    #[test]
    fn hits_do_not_overlap_inside_one_character() {
        // "하" folds to the jamo ᄒ ᅡ; "ᅡᄒ" matches across syllables 0–1 and 1–2.
        assert_eq!(find_all("하하하", "\u{1161}\u{1112}"), vec![0..6]);
    }

    #[test]
    fn empty_and_no_hits() {
        assert!(find_all("abc", "").is_empty());
        assert!(find_all("abc", "  \t").is_empty());
        assert!(find_all("", "a").is_empty());
        assert!(find_all("abc", "abd").is_empty());
        assert!(contains("Quảng Ninh", "quang ninh"));
    }
}
