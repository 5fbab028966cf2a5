//! A draft `article/1` document from a story's plain text, for a publisher to edit rather
//! than type from scratch: `article suggest TEXT_FILE` prints it, the studio shows its
//! figures as suggestions. DOM-free and I/O-free.
//!
//! Layout heuristics (the input is a copy-paste of a news page):
//! - Every non-empty line is a paragraph, except that a line starting with a lowercase
//!   letter right after a line that does not end a sentence continues it (hard-wrapped
//!   text). Lines without a letter or digit (".", "* * *") are noise and dropped; a line
//!   equal to the one before it (ignoring runs of spaces) is a copy-paste duplicate and
//!   dropped. Runs of whitespace become one space, except that a single no-break, narrow
//!   no-break, figure or thin space stays as written ("10 000", "95 %": it keeps a number
//!   and its unit on one line). Text is put in Unicode NFC, as the core compares it.
//! - Title: the first line when it reads like a heading (at most 120 characters, no final
//!   period). When the first two lines both do and the first is the shorter one (at most
//!   60 characters, e.g. "Thành phố Cẩm Phả"), the first is the kicker and the second the
//!   title. Otherwise the title is the start of the first paragraph, which stays a block.
//! - A short dateline among the next two lines ("Thứ Ba, 29/11/2016, 07:35 [GMT+7]")
//!   becomes `published` when it has a date, a time and a GMT/UTC offset.
//! - A short last line of capitalised words without digits ("Nguyên Lâm") is the byline.
//! - `lang` is "vi" when letters with Vietnamese diacritics are frequent, else "en".
//!
//! Figures come from [`numbers::scan`]; each gets one mention that is made unique with
//! `block`, then `prefix` / `suffix`, and the whole draft is loaded with the core before
//! it is printed: a candidate whose mention does not resolve, or resolves anywhere but
//! the place its number was read from, is dropped, so the output always loads without
//! errors and every mention is anchored on the whole number it was drafted from.
mod json;
mod numbers;
mod sources;
pub mod work;

use article_core::format::Timestamp;
use article_core::limits::{MAX_FIGURES, MAX_MENTIONS};
use article_core::problem::{Kind, Problem};
use article_core::Qualifier;
use json::Json;
use numbers::Candidate;
use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

/// The draft and what happened on the way.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Pretty-printed `article/1` JSON, newline-terminated.
    pub json: String,
    /// `json` as the core loaded it (the check every draft passes before it is given out).
    pub document: article_core::Document,
    pub figures: usize,
    /// Why candidates were left out (one line each), for the publisher's information.
    pub dropped: Vec<String>,
}

/// Header fields taken out of the text.
#[derive(Debug, Clone, Default, PartialEq)]
struct Header {
    kicker: Option<String>,
    title: String,
    published: Option<String>,
    byline: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Mention {
    quote: String,
    block: Option<usize>,
    prefix: Option<String>,
    suffix: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct DraftFigure {
    /// Where the number was read: block index and byte range of the quote in it.
    at: (usize, Range<usize>),
    id: String,
    value: f64,
    unit: Option<String>,
    qualifier: Option<Qualifier>,
    label: String,
    note: Option<String>,
    mention: Mention,
    /// Index into the draft's attributions: who said it, if the text says.
    source: Option<usize>,
}

/// Draft a document from plain text. `Err` only when there is nothing to draft from, or
/// when the draft itself fails to load for a reason that dropping figures cannot fix
/// (that would be a bug here, reported rather than hidden).
pub fn suggest(text: &str) -> Result<Draft, Vec<Problem>> {
    let lines = paragraphs(text);
    if lines.is_empty() {
        return Err(vec![Problem::error(
            Kind::Missing,
            "",
            "the file has no text to draft from",
        )]);
    }
    let (mut header, blocks) = split_header(lines);
    let lang = guess_lang(text);
    let id = article_id(&header.title);
    let mut figures = Vec::new();
    let mut dropped = Vec::new();
    let mut taken = HashSet::new();
    let index = NumberIndex::new(&blocks);
    let said = sources::attributions(&blocks);
    for (b, block) in blocks.iter().enumerate() {
        for c in numbers::scan(block) {
            if figures.len() >= MAX_FIGURES.min(MAX_MENTIONS) {
                break;
            }
            match anchor(&index, b, &c) {
                Some(mention) => {
                    let mut f = figure(b, block, &c, mention, &mut taken);
                    f.source = sources::of(&said, b, c.quote.start);
                    figures.push(f);
                }
                None => dropped.push(format!(
                    "left out `{}` in $.blocks[{b}]: its text repeats and no context makes it unique",
                    &block[c.quote.clone()]
                )),
            }
        }
    }
    // Verify with the reader's own loader, dropping what it cannot anchor. Each round
    // removes at least one figure or field, so a few rounds settle it.
    for _ in 0..8 {
        let json = json::pretty(&document(&id, &lang, &header, &blocks, &figures, &said));
        let problems = match article_core::load(&json) {
            Ok(doc) => {
                let mut unresolved: Vec<Problem> = doc
                    .warnings
                    .iter()
                    .filter(|p| is_unresolved(p))
                    .cloned()
                    .collect();
                unresolved.extend(misplaced(&doc, &figures));
                if unresolved.is_empty() {
                    return Ok(Draft {
                        json,
                        document: doc,
                        figures: figures.len(),
                        dropped,
                    });
                }
                unresolved
            }
            Err(errors) => errors,
        };
        let mut bad = BTreeSet::new();
        let mut fixed = false;
        for p in &problems {
            if let Some(i) = figure_index(&p.path).filter(|&i| i < figures.len()) {
                if bad.insert(i) {
                    dropped.push(format!("left out `{}`: {}", figures[i].id, p.message));
                }
            } else if p.path.starts_with("$.published") && header.published.take().is_some()
                || p.path.starts_with("$.byline") && header.byline.take().is_some()
                || p.path.starts_with("$.kicker") && header.kicker.take().is_some()
            {
                fixed = true;
            } else if p.is_error() {
                return Err(problems);
            }
        }
        if bad.is_empty() && !fixed {
            return Err(problems);
        }
        let mut i = 0;
        figures.retain(|_| {
            i += 1;
            !bad.contains(&(i - 1))
        });
    }
    Err(vec![Problem::error(
        Kind::Other,
        "",
        "the draft did not settle; please report this text as a bug",
    )])
}

/// The value of the first number in `words` ("trên 8.000 đảng viên" → 8000), read the way
/// suggestions read numbers; `None` when there is none.
pub fn number_in(words: &str) -> Option<f64> {
    if let Some(c) = numbers::scan(words).first() {
        return Some(c.value);
    }
    let start = words.find(|c: char| c.is_ascii_digit())?;
    let end = run_end(words, start);
    numbers::parse_number(&words[start..end])
}

/// An id from words: ASCII-folded, lowercase, hyphenated, at most 60 bytes
/// ("Chú trọng xây dựng" → "chu-trong-xay-dung"); empty when nothing is left.
pub fn slug_of(words: &str) -> String {
    let mut id = String::new();
    for word in slug(words).split('-').filter(|w| !w.is_empty()) {
        if id.len() + word.len() + 1 > 60 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(word);
    }
    id
}

/// The document id a title gives (as `article suggest` makes it): never empty, never
/// starting with a digit.
pub fn id_for_title(title: &str) -> String {
    article_id(title)
}

/// A mention that did not land: its figure is left out of the draft.
fn is_unresolved(p: &Problem) -> bool {
    matches!(p.kind, Kind::Orphan | Kind::Ambiguous)
}

/// A problem for every figure whose mention the core anchored anywhere but where its
/// number was read. The core finds a quote by its exact text, and a quote can also occur
/// where it is not a whole number to a reader ("4 hộ" after "5" and an invisible joiner);
/// this keeps such a draft from passing `article check` with the wrong place.
fn misplaced(doc: &article_core::Document, figures: &[DraftFigure]) -> Vec<Problem> {
    figures
        .iter()
        .zip(&doc.figures)
        .enumerate()
        .filter_map(|(i, (f, resolved))| {
            let (block, bytes) = &f.at;
            let places: Vec<(usize, Range<usize>)> = resolved
                .anchors
                .iter()
                .map(|a| (a.block, a.bytes.clone()))
                .collect();
            (places.len() == 1 && places[0] != (*block, bytes.clone())).then(|| {
                Problem::warning(
                    Kind::Other,
                    format!("$.figures[{i}].mentions[0]"),
                    format!(
                        "its quote lands in $.blocks[{}] at byte {}, not where the number was read",
                        places[0].0, places[0].1.start
                    ),
                )
            })
        })
        .collect()
}

/// `$.figures[12].mentions[0]` → 12.
fn figure_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("$.figures[")?;
    rest[..rest.find(']')?].parse().ok()
}

fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut after_blank = true;
    for raw in text.lines() {
        let line = article_core::unicode::nfc(&tidy(raw)).into_owned();
        if !line.chars().any(char::is_alphanumeric) {
            after_blank = true;
            continue;
        }
        if out.last() == Some(&line) {
            continue;
        }
        let continues = !after_blank
            && line.chars().next().is_some_and(char::is_lowercase)
            && out.last().is_some_and(|l| !ends_sentence(l));
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
        after_blank = false;
    }
    out
}

/// The line without leading and trailing whitespace and with each inner run of
/// whitespace as one space; a run that is a single no-break, figure, thin or narrow
/// no-break space is kept as written (it groups "10 000" or binds "95 %").
fn tidy(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut gap: Option<(char, usize)> = None;
    for c in line.chars() {
        if c.is_whitespace() {
            gap = Some(gap.map_or((c, 1), |(first, n)| (first, n + 1)));
            continue;
        }
        if let Some((first, n)) = gap.take().filter(|_| !out.is_empty()) {
            let kept = n == 1 && matches!(first, '\u{A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}');
            out.push(if kept { first } else { ' ' });
        }
        out.push(c);
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(|c: char| ".!?…:;\"”)'’".contains(c))
}

fn is_heading(line: &str) -> bool {
    line.chars().count() <= 120 && !line.ends_with('.') && dateline(line).is_none()
}

fn split_header(mut lines: Vec<String>) -> (Header, Vec<String>) {
    let all = lines.clone();
    let mut header = Header::default();
    let short = |l: &str| l.chars().count();
    if lines.len() > 2
        && is_heading(&lines[0])
        && is_heading(&lines[1])
        && short(&lines[0]) <= 60
        && short(&lines[0]) < short(&lines[1])
    {
        header.title = lines.remove(1);
        header.kicker = Some(lines.remove(0));
    } else if lines.len() > 1 && is_heading(&lines[0]) {
        header.title = lines.remove(0);
    } else {
        header.title = opening(&lines[0], 100);
    }
    if let Some(k) = (0..lines.len().min(2)).find(|&k| dateline(&lines[k]).is_some()) {
        header.published = dateline(&lines.remove(k));
    }
    if lines.len() > 1 && is_byline(&lines[lines.len() - 1]) {
        header.byline = lines.pop();
    }
    if lines.is_empty() {
        // Too little text for a header: keep everything as body, title included.
        return (
            Header {
                title: header.title,
                ..Header::default()
            },
            all,
        );
    }
    (header, lines)
}

/// The start of a paragraph cut at a word boundary, for a title.
fn opening(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

fn is_byline(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    line.chars().count() <= 60
        && (1..=5).contains(&words.len())
        && !line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with(|c: char| ".!?:;,".contains(c))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A dateline such as "Thứ Ba, 29/11/2016, 07:35 [GMT+7]" as RFC 3339, when it has
/// day/month/year, hours:minutes and a GMT/UTC offset (without an offset the instant is
/// unknown, and guessing one would put a wrong time on the page).
fn dateline(line: &str) -> Option<String> {
    if line.chars().count() > 80 || line.chars().filter(|c| c.is_alphabetic()).count() > 24 {
        return None;
    }
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || ",[]()".contains(c))
        .filter(|t| !t.is_empty())
        .collect();
    let nums = |t: &str, sep: char| -> Option<Vec<u32>> {
        t.split(sep).map(|p| p.parse::<u32>().ok()).collect()
    };
    let (day, month, year) = tokens.iter().find_map(|t| match nums(t, '/')?.as_slice() {
        &[d, m, y] if y >= 1000 => Some((d, m, y)),
        _ => None,
    })?;
    let (hour, minute) = tokens.iter().find_map(|t| match nums(t, ':')?.as_slice() {
        &[h, m] | &[h, m, _] => Some((h, m)),
        _ => None,
    })?;
    let zone = tokens.iter().find_map(|t| {
        let upper = t.to_uppercase();
        let rest = upper.strip_prefix("GMT").or(upper.strip_prefix("UTC"))?;
        if rest.is_empty() {
            return Some("+00:00".to_string());
        }
        let (sign, digits) = rest.split_at(1);
        if sign != "+" && sign != "-" {
            return None;
        }
        let (h, m) = digits.split_once(':').unwrap_or((digits, "0"));
        let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        Some(format!("{sign}{h:02}:{m:02}"))
    })?;
    let iso = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:00{zone}");
    Timestamp::parse(&iso).ok().map(|_| iso)
}

/// "vi" when at least 2 % of the letters carry Vietnamese-only marks (ơ, ư, đ, ă, or a
/// tone mark from the Latin Extended Additional block); French or German accents do not.
fn guess_lang(text: &str) -> String {
    let (mut letters, mut marked) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if "ơƠưƯđĐăĂ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c) {
                marked += 1;
            }
        } else if ('\u{300}'..='\u{323}').contains(&c) {
            marked += 1; // decomposed tone marks
        }
    }
    if letters > 0 && marked * 50 >= letters {
        "vi".into()
    } else {
        "en".into()
    }
}

/// Every quote contains its number, so an occurrence of a quote anywhere in the text has
/// the quote's first digit at a digit position. This index holds every ASCII digit
/// position sorted by the digit run that starts there; finding a quote is then a binary
/// search plus a check of a few places, instead of a scan of the whole text per
/// candidate (a megabyte of text with thousands of numbers would be quadratic).
struct NumberIndex<'a> {
    blocks: &'a [String],
    /// (block, byte offset of a digit, end of the run key).
    entries: Vec<(usize, usize, usize)>,
}

/// Keys are cut here so a pathological run of digits cannot make sorting quadratic.
const MAX_KEY: usize = 64;

impl<'a> NumberIndex<'a> {
    fn new(blocks: &'a [String]) -> Self {
        let mut entries = Vec::new();
        for (b, text) in blocks.iter().enumerate() {
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if !bytes[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                // Every digit inside one maximal run shares the run's end.
                let end = run_end(text, i);
                for x in (i..end).filter(|&x| bytes[x].is_ascii_digit()) {
                    entries.push((b, x, key_end(text, x, end)));
                }
                i = end;
            }
        }
        let mut index = NumberIndex { blocks, entries };
        let mut entries = std::mem::take(&mut index.entries);
        entries.sort_unstable_by(|x, y| index.key(x).cmp(index.key(y)));
        index.entries = entries;
        index
    }

    fn key(&self, &(b, x, end): &(usize, usize, usize)) -> &str {
        &self.blocks[b][x..end]
    }

    /// (block, byte offset) of every occurrence of `quote` (overlaps included), given
    /// that its number starts at byte `r` of the quote; sorted.
    fn find(&self, quote: &str, r: usize) -> Vec<(usize, usize)> {
        let needle = &quote[r..key_end(quote, r, run_end(quote, r))];
        let first = self.entries.partition_point(|e| self.key(e) < needle);
        let mut found: Vec<(usize, usize)> = self.entries[first..]
            .iter()
            .take_while(|e| self.key(e).starts_with(needle))
            .filter_map(|&(b, x, _)| {
                let at = x.checked_sub(r)?;
                let there = self.blocks[b].get(at..)?;
                there.starts_with(quote).then_some((b, at))
            })
            .collect();
        found.sort_unstable();
        found
    }
}

/// End of the run of digits and inner separators (as in "8.000", "2016-2020") at `i`.
fn run_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let mut j = i;
    loop {
        while digit(j) {
            j += 1;
        }
        let sep = match text.get(j..) {
            Some(rest) if rest.starts_with('–') => '–'.len_utf8(),
            Some(rest) if rest.starts_with(['.', ',', '/', ':', '-']) => 1,
            _ => 0,
        };
        if sep > 0 && digit(j + sep) {
            j += sep;
        } else {
            return j;
        }
    }
}

fn key_end(text: &str, x: usize, end: usize) -> usize {
    let mut e = end.min(x + MAX_KEY);
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    e
}

/// A mention for candidate `c` in block `b` that resolves to exactly that place: the
/// quote alone if it occurs once in the whole text, plus `block` if it occurs once in its
/// block, plus the shortest `prefix` / `suffix` that singles it out otherwise.
fn anchor(index: &NumberIndex, b: usize, c: &Candidate) -> Option<Mention> {
    let text = &index.blocks[b];
    let quote = &text[c.quote.clone()];
    let mention = |block, prefix: Option<&str>, suffix: Option<&str>| Mention {
        quote: quote.to_string(),
        block,
        prefix: prefix.map(str::to_string),
        suffix: suffix.map(str::to_string),
    };
    let found = index.find(quote, c.number.start - c.quote.start);
    let here: Vec<usize> = found
        .iter()
        .filter(|&&(fb, _)| fb == b)
        .map(|&(_, at)| at)
        .collect();
    if here.len() == 1 {
        return Some(mention((found.len() > 1).then_some(b), None, None));
    }
    let before = &text[..c.quote.start];
    let after = &text[c.quote.end..];
    // Whole words read better in the JSON ("unloaded " rather than "ed "); single
    // characters are the fallback when words run out.
    let by_words = (1..=8).map(|n| (last_words(before, n), first_words(after, n)));
    let by_chars = [3, 6, 10, 16, 24, 40].map(|k| (last_chars(before, k), first_chars(after, k)));
    for (prefix, suffix) in by_words.chain(by_chars) {
        let usable = |s: &str| !s.trim().is_empty();
        for (p, s) in [
            (usable(prefix).then_some(prefix), None),
            (None, usable(suffix).then_some(suffix)),
            (
                usable(prefix).then_some(prefix),
                usable(suffix).then_some(suffix),
            ),
        ] {
            if (p.is_some() || s.is_some()) && with_context(text, &here, quote, p, s) == 1 {
                return Some(mention(Some(b), p, s));
            }
        }
    }
    None
}

/// How many of the occurrences `at` of `quote` in `text` have this context around them.
fn with_context(
    text: &str,
    at: &[usize],
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> usize {
    at.iter()
        .filter(|&&at| {
            prefix.is_none_or(|p| text[..at].ends_with(p))
                && suffix.is_none_or(|s| text[at + quote.len()..].starts_with(s))
        })
        .count()
}

/// The last `n` whitespace-separated words of `s`, with what follows them.
fn last_words(s: &str, n: usize) -> &str {
    let starts = s.char_indices().filter(|&(i, c)| {
        !c.is_whitespace() && s[..i].chars().next_back().is_none_or(char::is_whitespace)
    });
    let start = starts.map(|(i, _)| i).collect::<Vec<_>>();
    let at = start.len().saturating_sub(n);
    start.get(at).map_or("", |&i| &s[i..])
}

/// The first `n` whitespace-separated words of `s`, with what precedes them.
fn first_words(s: &str, n: usize) -> &str {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return &s[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s
}

fn last_chars(s: &str, k: usize) -> &str {
    let start = s.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

fn first_chars(s: &str, k: usize) -> &str {
    let end = s.char_indices().nth(k).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn figure(
    b: usize,
    block: &str,
    c: &Candidate,
    mention: Mention,
    taken: &mut HashSet<String>,
) -> DraftFigure {
    let number = &block[c.number.clone()];
    DraftFigure {
        at: (b, c.quote.clone()),
        id: figure_id(c, taken),
        value: c.value,
        unit: c.unit.clone(),
        qualifier: c.qualifier,
        label: c.label.clone(),
        note: c
            .range_end
            .map(|_| format!("the range {number}; the value is its start")),
        mention,
        source: None,
    }
}

/// "ho-28", "dang-vien-8000", "can-bo-chu-chot-95pct", "nhiem-ky-2016-2020": the noun (or the
/// words before a range) ascii-folded, then the number; unique within the draft.
fn figure_id(c: &Candidate, taken: &mut HashSet<String>) -> String {
    let words_from = if !c.noun.is_empty() {
        c.noun.as_str()
    } else if !c.label.chars().any(|ch| ch.is_ascii_digit()) {
        c.label.as_str()
    } else {
        ""
    };
    let words: Vec<String> = slug(words_from)
        .split('-')
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_string)
        .collect();
    let value = |v: f64| slug(&format!("{v}"));
    let mut number = match c.range_end {
        Some(end) => format!("{}-{}", value(c.value), value(end)),
        None => value(c.value),
    };
    if c.unit.as_deref() == Some("%") {
        number.push_str("pct");
    }
    let base = if words.is_empty() {
        match c.unit.as_deref() {
            Some("%") => format!("pct-{}", number.trim_end_matches("pct")),
            _ => format!("n-{number}"),
        }
    } else {
        format!("{}-{number}", words.join("-"))
    };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn article_id(title: &str) -> String {
    let mut id = slug_of(title);
    if id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert_str(0, if id.is_empty() { "article" } else { "article-" });
    }
    id
}

/// Lowercase ASCII letters and digits separated by single hyphens: "Đảng viên" → "dang-vien".
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        match c {
            Some(c) if c.is_ascii_alphanumeric() => out.push(c),
            Some(_) if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The base ASCII letter of a lowercase Latin letter with diacritics (Vietnamese first),
/// `None` for a combining mark (decomposed input), the char itself otherwise.
fn fold(c: char) -> Option<char> {
    const GROUPS: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậäåāą", 'a'),
        ("èéẻẽẹêềếểễệëēę", 'e'),
        ("ìíỉĩịïîī", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợöøō", 'o'),
        ("ùúủũụưừứửữựüûū", 'u'),
        ("ỳýỷỹỵÿ", 'y'),
        ("đ", 'd'),
        ("çć", 'c'),
        ("ñń", 'n'),
        ("śšß", 's'),
        ("žźż", 'z'),
        ("ł", 'l'),
    ];
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    Some(
        GROUPS
            .iter()
            .find(|(set, _)| set.contains(c))
            .map_or(c, |&(_, base)| base),
    )
}

fn document(
    id: &str,
    lang: &str,
    header: &Header,
    blocks: &[String],
    figures: &[DraftFigure],
    said: &[sources::Attribution],
) -> Json {
    let s = |v: &str| Json::Str(v.to_string());
    let mut fields = vec![("format", s("article/1")), ("id", s(id)), ("lang", s(lang))];
    if let Some(k) = &header.kicker {
        fields.push(("kicker", s(k)));
    }
    fields.push(("title", s(&header.title)));
    if let Some(p) = &header.published {
        fields.push(("published", s(p)));
    }
    if let Some(b) = &header.byline {
        fields.push(("byline", s(b)));
    }
    let blocks = blocks
        .iter()
        .map(|t| Json::Obj(vec![("kind", s("paragraph")), ("text", s(t))]))
        .collect();
    fields.push(("blocks", Json::Arr(blocks)));
    // Sources: the people the text attributes numbers to, once each, only if cited.
    let mut source_ids: Vec<Option<String>> = vec![None; said.len()];
    let mut declared: Vec<(String, &sources::Attribution)> = Vec::new();
    for f in figures {
        let Some((i, a)) = f.source.and_then(|i| said.get(i).map(|a| (i, a))) else {
            continue;
        };
        if source_ids[i].is_some() {
            continue;
        }
        let id = match declared.iter().find(|(_, d)| d.name == a.name) {
            Some((id, _)) => id.clone(),
            None => {
                let id = slug(&a.name);
                let id = if id.is_empty() {
                    format!("source-{}", declared.len() + 1)
                } else {
                    id
                };
                declared.push((id.clone(), a));
                id
            }
        };
        source_ids[i] = Some(id);
    }
    if !declared.is_empty() {
        let list = declared
            .iter()
            .map(|(id, a)| {
                let mut o = vec![("id", s(id)), ("name", s(&a.name))];
                if let Some(r) = &a.role {
                    o.push(("role", s(r)));
                }
                Json::Obj(o)
            })
            .collect();
        fields.push(("sources", Json::Arr(list)));
    }
    let figures = figures
        .iter()
        .map(|f| {
            let mut o = vec![("id", s(&f.id)), ("value", Json::Num(f.value))];
            if let Some(u) = &f.unit {
                o.push(("unit", s(u)));
            }
            if let Some(q) = f.qualifier {
                o.push(("qualifier", s(qualifier_name(q))));
            }
            o.push(("label", s(&f.label)));
            if let Some(n) = &f.note {
                o.push(("note", s(n)));
            }
            if let Some(id) = f.source.and_then(|i| source_ids.get(i).cloned().flatten()) {
                o.push(("source", s(&id)));
            }
            let m = &f.mention;
            let mut mention = vec![("quote", s(&m.quote))];
            if let Some(b) = m.block {
                mention.push(("block", Json::Num(b as f64)));
            }
            if let Some(p) = &m.prefix {
                mention.push(("prefix", s(p)));
            }
            if let Some(x) = &m.suffix {
                mention.push(("suffix", s(x)));
            }
            o.push(("mentions", Json::Arr(vec![Json::Obj(mention)])));
            Json::Obj(o)
        })
        .collect();
    fields.push(("figures", Json::Arr(figures)));
    Json::Obj(fields)
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Over => "over",
        Qualifier::AtLeast => "at-least",
        Qualifier::About => "about",
        Qualifier::Under => "under",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_duplicates_and_wrapped_lines() {
        let text =
            "Kicker\n\nA title here\n.\n.\nOne  line.\nOne line.\nfirst half\nsecond half.\n";
        assert_eq!(
            paragraphs(text),
            [
                "Kicker",
                "A title here",
                "One line.",
                "first half second half."
            ]
        );
    }

    #[test]
    fn header_from_short_lines() {
        let lines = paragraphs(
            "Thành phố Cẩm Phả\n\nChú trọng xây dựng tổ chức Đảng\n\n\
             Thứ Ba, 29/11/2016, 07:35 [GMT+7]\n\nThân bài có 28 hộ.\n\nNguyên Lâm\n",
        );
        let (h, body) = split_header(lines);
        assert_eq!(h.kicker.as_deref(), Some("Thành phố Cẩm Phả"));
        assert_eq!(h.title, "Chú trọng xây dựng tổ chức Đảng");
        assert_eq!(h.published.as_deref(), Some("2016-11-29T07:35:00+07:00"));
        assert_eq!(h.byline.as_deref(), Some("Nguyên Lâm"));
        assert_eq!(body, ["Thân bài có 28 hộ."]);
    }

    #[test]
    fn ids_are_folded_and_unique() {
        assert_eq!(slug("Đảng viên (trực thuộc)"), "dang-vien-truc-thuoc");
        assert_eq!(article_id("2016: năm bản lề"), "article-2016-nam-ban-le");
        let c = numbers::scan("có 28 hộ và 28 hộ")[0].clone();
        let mut taken = HashSet::new();
        assert_eq!(figure_id(&c, &mut taken), "ho-28");
        assert_eq!(figure_id(&c, &mut taken), "ho-28-2");
    }

    #[test]
    fn repeated_quote_gets_block_then_context() {
        let blocks = vec![
            "Có 5 hộ ở đây.".to_string(),
            "Xã này 5 hộ, xã kia 5 hộ; 15 hộ.".to_string(),
        ];
        let index = NumberIndex::new(&blocks);
        assert_eq!(index.find("5 hộ", 0), [(0, 4), (1, 9), (1, 25), (1, 34)]);
        let first = numbers::scan(&blocks[0])[0].clone();
        let m = anchor(&index, 0, &first).unwrap();
        assert_eq!((m.block, m.prefix.as_deref()), (Some(0), None));
        let second = numbers::scan(&blocks[1])[1].clone();
        let m = anchor(&index, 1, &second).unwrap();
        assert_eq!(m.block, Some(1));
        assert_eq!(m.prefix.as_deref(), Some("kia "));
        let third = numbers::scan(&blocks[1])[2].clone();
        let m = anchor(&index, 1, &third).unwrap();
        assert_eq!((m.quote.as_str(), m.block), ("15 hộ", None));
    }

    #[test]
    fn a_mention_anchored_elsewhere_than_its_number_is_misplaced() {
        // The guard: a mention whose context makes the core anchor it at another place
        // than where the number was read must not pass.
        let text = "Có 28 hộ ở A và 28 hộ ở B.";
        let blocks = vec![text.to_string()];
        let at = text.rfind("28 hộ").unwrap();
        let wrong = DraftFigure {
            at: (0, at..at + "28 hộ".len()),
            id: "ho-28".into(),
            value: 28.0,
            unit: Some("hộ".into()),
            qualifier: None,
            label: "hộ".into(),
            note: None,
            mention: Mention {
                quote: "28 hộ".into(),
                block: Some(0),
                prefix: Some("Có ".into()),
                suffix: None,
            },
            source: None,
        };
        let right = DraftFigure {
            mention: Mention {
                prefix: Some("và ".into()),
                ..wrong.mention.clone()
            },
            ..wrong.clone()
        };
        let header = Header {
            title: "T".into(),
            ..Header::default()
        };
        for (figure, expected) in [(wrong, 1), (right, 0)] {
            let figures = [figure];
            let json = json::pretty(&document("t", "vi", &header, &blocks, &figures, &[]));
            let doc = article_core::load(&json).unwrap();
            assert_eq!(doc.figures[0].anchors.len(), 1, "{json}");
            let problems = misplaced(&doc, &figures);
            assert_eq!(problems.len(), expected, "{problems:?}");
            if let Some(p) = problems.first() {
                assert_eq!(figure_index(&p.path), Some(0));
                assert!(p.message.contains("not where the number was read"));
            }
        }
    }

    #[test]
    fn the_core_itself_refuses_a_quote_on_the_tail_of_a_number() {
        // "4 hộ" after a zero-width joiner is the tail of 54: the core orphans it.
        let text = "Có 5\u{200D}4 hộ.";
        let blocks = vec![text.to_string()];
        let at = text.rfind("4 hộ").unwrap();
        let figure = DraftFigure {
            at: (0, at..at + "4 hộ".len()),
            id: "ho-4".into(),
            value: 4.0,
            unit: Some("hộ".into()),
            qualifier: None,
            label: "hộ".into(),
            note: None,
            mention: Mention {
                quote: "4 hộ".into(),
                block: Some(0),
                prefix: None,
                suffix: None,
            },
            source: None,
        };
        let header = Header {
            title: "T".into(),
            ..Header::default()
        };
        let json = json::pretty(&document("t", "vi", &header, &blocks, &[figure], &[]));
        let doc = article_core::load(&json).unwrap();
        assert!(doc.figures[0].anchors.is_empty(), "{json}");
    }

    #[test]
    fn whitespace_is_tidied_but_binding_spaces_stay() {
        assert_eq!(tidy("  a \t b  "), "a b");
        assert_eq!(
            tidy("10\u{A0}000 và 95\u{202F}%"),
            "10\u{A0}000 và 95\u{202F}%"
        );
        assert_eq!(tidy("1\u{2009}200"), "1\u{2009}200");
        // A run that mixes kinds is an ordinary gap.
        assert_eq!(tidy("từ\u{A0} năm"), "từ năm");
        assert_eq!(tidy("\u{A0}x\u{A0}"), "x");
        // Decomposed Vietnamese is composed, as the core compares text.
        assert_eq!(paragraphs("Ho\u{302}\u{323}i\n"), ["Hội"]);
    }

    #[test]
    fn context_words() {
        assert_eq!(last_words("Workers unloaded ", 1), "unloaded ");
        assert_eq!(last_words("Workers unloaded ", 5), "Workers unloaded ");
        assert_eq!(last_words("trực thuộc (", 1), "(");
        assert_eq!(first_words(" waited at anchor", 2), " waited at");
        assert_eq!(first_words(" waited", 3), " waited");
    }

    #[test]
    fn language_guess() {
        assert_eq!(guess_lang("Đảng bộ thành phố có 54 chi bộ"), "vi");
        assert_eq!(guess_lang("The city has 54 party cells, café"), "en");
    }
}
