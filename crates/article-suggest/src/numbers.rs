//! Finding the numbers in a paragraph that read like key figures ("trên 8.000 đảng viên",
//! "95%", "2016-2020") and not like names, dates or codes ("QL18", "29/11/2016",
//! "03-CT/TW", "Đề án 25", a phone number).
//!
//! Heuristics, tuned for Vietnamese and English news: a false positive costs the
//! publisher one deleted figure, a false negative a figure typed by hand, so when a
//! number is clearly an identifier it is skipped and otherwise it is kept.
//!
//! A figure is never drafted from a fragment of a number. Text copied from the web
//! carries invisible format characters (zero-width joiner and space, word joiner, soft
//! hyphen, byte-order mark, bidi marks) and groups thousands with spaces ("10 000" with a
//! no-break, narrow no-break or thin space): [`scan`] reads a number across both, so
//! "5\u{200D}4 hộ" is 54 and "10\u{A0}000 đảng viên" is 10,000, and the quote it drafts
//! is the exact text, invisible characters included (the core matches quotes exactly).
//! What cannot be read as one number yields no figure at all.
use article_core::Qualifier;
use std::ops::Range;

/// One number worth a figure, with byte ranges into the paragraph it was found in.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Qualifier word (if any) through the counted noun (if any): the text to highlight.
    pub quote: Range<usize>,
    /// Just the number as written ("8.000", "2016-2020", "95%").
    pub number: Range<usize>,
    pub value: f64,
    /// Set for ranges like 2016-2020; `value` is then the start.
    pub range_end: Option<f64>,
    pub unit: Option<String>,
    /// The counted noun, or the words before the number when nothing follows it.
    pub label: String,
    /// The counted noun after the number, possibly empty (drives the figure id).
    pub noun: String,
    pub qualifier: Option<Qualifier>,
}

/// Qualifier phrases, longest first within each language, lowercase.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::Over),
    ("at least", Qualifier::AtLeast),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("ít nhất", Qualifier::AtLeast),
    ("trên", Qualifier::Over),
    ("hơn", Qualifier::Over),
    ("over", Qualifier::Over),
    ("từ", Qualifier::AtLeast),
    ("khoảng", Qualifier::About),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("approximately", Qualifier::About),
    ("dưới", Qualifier::Under),
    ("under", Qualifier::Under),
];

/// Words that end a counted noun phrase: function words and the verbs that typically
/// follow or precede a figure ("28 hộ bị ảnh hưởng", "đạt trên 50%").
const STOP_WORDS: &[&str] = &[
    // Vietnamese
    "và", "với", "của", "cho", "trong", "ở", "tại", "là", "được", "bị", "đã", "sẽ", "đang", "có",
    "không", "thì", "mà", "để", "từ", "đến", "tới", "theo", "về", "như", "nhưng", "hoặc", "hay",
    "trên", "dưới", "hơn", "khoảng", "gồm", "này", "đó", "ấy", "nào", "vào", "ra", "lên", "xuống",
    "nữa", "rồi", "cũng", "đều", "vẫn", "chỉ", "còn", "chưa", "bởi", "do", "vì", "nên", "nếu",
    "khi", "sau", "trước", "đạt", "chiếm", "tăng", "giảm", "lại", "các", "những", "một", "cả",
    "tất", // English
    "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "were", "was", "are",
    "is", "be", "been", "had", "have", "has", "that", "which", "who", "the", "a", "an", "than",
    "as", "per", "said", "will", "would", "could", "can", "this", "these", "those", "it", "its",
    "their", "but", "not", "into", "over", "under", "about", "after", "before", "since", "during",
    "out", "up", "down", "reached", "rose", "fell", "more", "less", "some", "nearly", "almost",
    "left", "went", "came", "took", "made", "got", "saw",
];

/// An English past-tense verb after the counted noun ends it: "40 cranes waited".
fn past_tense(word: &str) -> bool {
    word.len() >= 5 && word.is_ascii() && word.ends_with("ed")
}

/// Words that name a numbered thing rather than count: "Quốc lộ 18", "Đề án 25",
/// "Article 5".
const IDENTIFIER_HEADS: &[&str] = &[
    "quốc lộ",
    "tỉnh lộ",
    "đề án",
    "chỉ thị",
    "nghị quyết",
    "nghị định",
    "thông tư",
    "quyết định",
    "điều",
    "khoản",
    "khóa",
    "khoá",
    "tầng",
    "phòng",
    "lô",
    "km",
    "đường",
    "quận",
    "phường",
    "tổ",
    "no.",
    "number",
    "route",
    "article",
    "section",
    "chapter",
    "page",
    "room",
    "district",
    "resolution",
    "decree",
    "directive",
    "level",
    "grade",
    "version",
    "highway",
    "line",
];

/// Words before a bare four-digit number that make it a year ("năm 2015", "in 2016").
const YEAR_WORDS: &[&str] = &["năm", "in", "since", "year", "by", "until", "early", "late"];

/// Units written glued to the number ("5km", "100ha").
const GLUED_UNITS: &[&str] = &[
    "km", "m", "cm", "mm", "kg", "g", "t", "ha", "km2", "m2", "km²", "m²", "mw", "kw", "gw", "kwh",
    "gb", "mb", "tb", "ml", "l",
];

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Invisible format characters that copy-paste brings along and that mean nothing inside
/// a number: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space,
/// non-joiner and joiner, left-to-right and right-to-left marks, bidi embeddings and
/// isolates, word joiner and invisible operators, byte-order mark (zero-width no-break
/// space).
pub fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Spaces that group thousands ("10 000", SI and French style) and stand between a
/// number and its percent sign ("95 %"): the plain space, no-break space, figure space,
/// thin space and narrow no-break space.
pub fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}')
}

/// The paragraph as the heuristics read it: format characters left out, except that a
/// zero-width space between two words ("54\u{200B}hộ", not inside a number and not next
/// to a space or an end) reads as the word boundary it is, a space. Every byte of the view maps back to the text, so ranges found
/// in the view become ranges of the exact text.
struct View {
    text: String,
    /// `start[v]`: byte offset in the text of the character at view byte `v`; one more
    /// entry for the end.
    start: Vec<usize>,
    /// `end[v]`: for the view character ending at view byte `v`, the end of that
    /// character in the text.
    end: Vec<usize>,
}

impl View {
    fn new(text: &str) -> View {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let numeric = |c: Option<char>, digit_only: bool| {
            c.is_some_and(|c| c.is_ascii_digit() || (!digit_only && ".,/:-–".contains(c)))
        };
        // The next character that is not a format character, for each position.
        let mut next_shown = vec![None; chars.len()];
        let mut seen = None;
        for (k, &(_, c)) in chars.iter().enumerate().rev() {
            next_shown[k] = seen;
            if !is_format(c) {
                seen = Some(c);
            }
        }
        let mut view = View {
            text: String::with_capacity(text.len()),
            start: Vec::with_capacity(text.len() + 1),
            end: Vec::with_capacity(text.len() + 1),
        };
        view.end.push(0);
        for (k, &(b, c)) in chars.iter().enumerate() {
            let shown = if !is_format(c) {
                c
            } else {
                let (before, after) = (view.text.chars().next_back(), next_shown[k]);
                let inside_number = (numeric(before, true) && numeric(after, false))
                    || (numeric(before, false) && numeric(after, true));
                let spaced = [before, after]
                    .iter()
                    .any(|c| c.is_none_or(char::is_whitespace));
                if c == '\u{200B}' && !inside_number && !spaced {
                    ' '
                } else {
                    continue;
                }
            };
            view.text.push(shown);
            let len = shown.len_utf8();
            view.start.extend(std::iter::repeat_n(b, len));
            view.end.extend(std::iter::repeat_n(b, len - 1));
            view.end.push(b + c.len_utf8());
        }
        view.start.push(text.len());
        view
    }

    /// A range of the view as a range of the text: from its first visible character to
    /// the end of its last, so invisible characters inside are kept and those at the
    /// edges are not.
    fn range(&self, r: &Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.start[r.start];
            at..at
        } else {
            self.start[r.start]..self.end[r.end]
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || c == '_'
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Clause punctuation: a qualifier or label never reaches across it.
fn ends_clause(token: &str) -> bool {
    token.ends_with(|c: char| ",;:.!?()[]\"“”'‘’…–—".contains(c))
}

/// Parse one number as written: `8.000` / `8,000` (a separator followed by exactly three
/// digits groups thousands), `2,5` / `2.5` (anything else is a decimal mark), `8.000,5`
/// / `8,000.5` (both: the last one is decimal). `None` for what is not a quantity: a
/// leading zero ("03", a phone number), a version or address ("1.2.3"), a bad grouping.
pub fn parse_number(s: &str) -> Option<f64> {
    if s.contains(is_group_space) {
        return parse_spaced(s);
    }
    let groups: Vec<&str> = s.split(['.', ',']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let leading_zero = |g: &str| g.len() > 1 && g.starts_with('0');
    let grouped = |gs: &[&str]| {
        gs.len() > 1
            && (1..=3).contains(&gs[0].len())
            && !leading_zero(gs[0])
            && gs[1..].iter().all(|g| g.len() == 3)
    };
    let digits_value = |int: &[&str], frac: &str| digits_value(&int.concat(), frac);
    let marks: Vec<char> = s.chars().filter(|c| matches!(c, '.' | ',')).collect();
    match marks.as_slice() {
        [] => {
            // Longer digit runs are account, phone or ID numbers, not figures.
            (!leading_zero(s) && s.len() <= 12).then(|| s.parse().ok())?
        }
        [_] if groups[1].len() == 3 && groups[0] != "0" => {
            grouped(&groups).then(|| digits_value(&groups, ""))?
        }
        [_] => (!leading_zero(groups[0])).then(|| digits_value(&groups[..1], groups[1]))?,
        _ if marks.iter().all(|&m| m == marks[0]) => {
            grouped(&groups).then(|| digits_value(&groups, ""))?
        }
        _ => {
            let decimal = *marks.last()?;
            let before = &marks[..marks.len() - 1];
            if before.contains(&decimal) {
                return None;
            }
            let (int, frac) = groups.split_at(groups.len() - 1);
            (int.len() == 1 && !leading_zero(int[0]) || grouped(int))
                .then(|| digits_value(int, frac[0]))?
        }
    }
}

/// The value of integer digits and fraction digits, `None` beyond the 15 significant
/// digits an `f64` holds exactly (more would show digits the text does not have).
fn digits_value(int: &str, frac: &str) -> Option<f64> {
    let significant = int.trim_start_matches('0').len() + frac.len();
    if significant > 15 {
        return None;
    }
    let mut text = int.to_string();
    if !frac.is_empty() {
        text.push('.');
        text.push_str(frac);
    }
    text.parse().ok()
}

/// A number grouped with spaces: `10 000`, `1 234 567`, `1 234,5` / `1 234.5`. The
/// spaces group thousands, so a `.` or `,` can only be the decimal mark; a fraction of
/// exactly three digits is refused (`1 000.000` could also be a grouping written two
/// ways), and so is a bad grouping (`10 00`, `0 500`, `1234 567`).
fn parse_spaced(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once(['.', ',']).unwrap_or((s, ""));
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let groups: Vec<&str> = int.split(is_group_space).collect();
    let grouped = groups.len() > 1
        && digits(groups[0])
        && groups[0].len() <= 3
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g));
    let fraction_ok = frac.is_empty() && !s.contains(['.', ',']) || digits(frac) && frac.len() != 3;
    (grouped && fraction_ok).then(|| digits_value(&groups.concat(), frac))?
}

/// What a run of digits and separators turned out to be.
enum Form {
    Number(f64),
    Range(f64, f64),
}

fn classify(chunk: &str) -> Option<Form> {
    if chunk.contains(['/', ':']) {
        return None; // dates, times, fractions, scores
    }
    let parts: Vec<&str> = chunk.split(['-', '–']).collect();
    match parts.as_slice() {
        [one] => parse_number(one).map(Form::Number),
        [a, b] => {
            let (a, b) = (parse_number(a)?, parse_number(b)?);
            (a < b).then_some(Form::Range(a, b))
        }
        _ => None, // 2016-11-29, 0912-345-678
    }
}

/// A whitespace-delimited token before `end`: its byte range.
fn token_before(text: &str, end: usize) -> Option<Range<usize>> {
    let head = text[..end].trim_end();
    if head.is_empty() || head.len() == end {
        return None; // nothing before, or not separated by whitespace
    }
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(start..head.len())
}

/// Up to `max` tokens before `end` in the same clause, nearest first.
fn tokens_before(text: &str, end: usize, max: usize) -> Vec<Range<usize>> {
    let mut tokens = Vec::new();
    let mut at = end;
    while tokens.len() < max {
        match token_before(text, at) {
            Some(t) if !ends_clause(&text[t.clone()]) => {
                at = t.start;
                tokens.push(t);
            }
            _ => break,
        }
    }
    tokens
}

/// True when the token starting at `start` opens a sentence (so its capital letter says
/// nothing about it being a name).
fn opens_sentence(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end();
    head.is_empty() || head.ends_with(|c: char| ".!?:…\"“”'‘(".contains(c))
}

/// The word (letters, marks, inner hyphens/apostrophes) at the start of `s`.
fn leading_word(s: &str) -> &str {
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '-' | '\'' | '’')
            && end > 0
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || is_mark(c) || c.is_ascii_digit() || inner {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    &s[..end]
}

/// The counted noun after `from`: up to four words in the same clause, stopping at a
/// function word, a number, or a capitalised word (a name starts there). Returns the
/// word ranges.
fn noun_after(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut at = from;
    while words.len() < 4 {
        let rest = &text[at..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 || rest[..gap].contains('\n') {
            break;
        }
        let start = at + gap;
        let word = leading_word(&text[start..]);
        let lower = word.to_lowercase();
        if word.is_empty()
            || word.chars().any(|c| c.is_ascii_digit())
            || STOP_WORDS.contains(&lower.as_str())
            || (!words.is_empty() && (starts_upper(word) || past_tense(word)))
        {
            break;
        }
        at = start + word.len();
        words.push(start..at);
        if !text[at..].starts_with(char::is_whitespace) {
            break; // punctuation after the word ends the phrase
        }
    }
    words
}

/// Words before the number for a label when nothing follows it ("nhiệm kỳ 2016-2020."):
/// up to two (a Vietnamese compound: "nhiệm kỳ", "giai đoạn"), skipping verbs and function words next to the number.
fn label_before(text: &str, end: usize) -> String {
    let tokens = tokens_before(text, end, 6);
    let mut words: Vec<&str> = Vec::new();
    for t in &tokens {
        let token = &text[t.clone()];
        let lower = token.to_lowercase();
        if STOP_WORDS.contains(&lower.as_str()) || token.chars().any(|c| c.is_ascii_digit()) {
            if words.is_empty() {
                continue;
            }
            break;
        }
        words.push(token);
        if words.len() == 2 {
            break;
        }
    }
    words.reverse();
    words.join(" ")
}

fn qualifier_before(text: &str, start: usize) -> Option<(Qualifier, usize)> {
    let tokens = tokens_before(text, start, 2);
    let lower = |r: &Range<usize>| text[r.clone()].to_lowercase();
    let one = tokens.first().map(lower);
    let two = (tokens.len() == 2).then(|| format!("{} {}", lower(&tokens[1]), lower(&tokens[0])));
    QUALIFIERS.iter().find_map(|(phrase, q)| {
        if two.as_deref() == Some(*phrase) {
            Some((*q, tokens[1].start))
        } else if one.as_deref() == Some(*phrase) {
            Some((*q, tokens[0].start))
        } else {
            None
        }
    })
}

fn is_identifier(text: &str, start: usize) -> bool {
    let tokens = tokens_before(text, start, 2);
    let Some(near) = tokens.first() else {
        return false;
    };
    let near_text = &text[near.clone()];
    if near_text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true; // a digit group of a phone or account number: "0912 345 678"
    }
    if starts_upper(near_text) && !opens_sentence(text, near.start) {
        return true; // "T.Ư 4", "Route 18"
    }
    let one = near_text.to_lowercase();
    let two = tokens
        .get(1)
        .map(|far| format!("{} {}", text[far.clone()].to_lowercase(), one));
    IDENTIFIER_HEADS
        .iter()
        .any(|h| *h == one || two.as_deref() == Some(*h))
}

/// Every figure-like number in `text`, left to right. Ranges are into `text` itself; the
/// heuristics read it through a [`View`] without its format characters.
pub fn scan(text: &str) -> Vec<Candidate> {
    if !text.contains(is_format) {
        return scan_visible(text); // the view would be the text itself
    }
    let view = View::new(text);
    scan_visible(&view.text)
        .into_iter()
        .map(|c| Candidate {
            quote: view.range(&c.quote),
            number: view.range(&c.number),
            ..c
        })
        .collect()
}

/// True when a digit follows at `k` the way a digit group of the same number would
/// ("10 0000", "2016 500"): the numbers on either side are not figures of their own.
fn digit_group_follows(ch: impl Fn(usize) -> Option<char>, k: usize) -> bool {
    ch(k).is_some_and(is_group_space) && ch(k + 1).is_some_and(|c| c.is_ascii_digit())
}

/// [`scan`] on text without format characters.
fn scan_visible(text: &str) -> Vec<Candidate> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let digit = |i: usize| ch(i).is_some_and(|c| c.is_ascii_digit());
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        if !digit(i) {
            i += 1;
            continue;
        }
        // The run of digits and inner separators. A group space continues it when three
        // digits follow ("10 000") and the part so far is a first group of one to three
        // digits followed by such groups; a range's second part ("1 000-2 000") starts over.
        let mut j = i;
        let mut part_start = true;
        let mut first_group = 0;
        let mut spaced = true;
        loop {
            let group = j;
            while digit(j) {
                j += 1;
            }
            if part_start {
                first_group = j - group;
                part_start = false;
            }
            let three = |k: usize| digit(k) && digit(k + 1) && digit(k + 2) && !digit(k + 3);
            match ch(j) {
                Some(c) if ".,/:-–".contains(c) && digit(j + 1) => {
                    if matches!(c, '-' | '–') {
                        part_start = true;
                        spaced = true;
                    } else {
                        spaced = false;
                    }
                    j += 1;
                }
                Some(c)
                    if is_group_space(c)
                        && spaced
                        && (1..=3).contains(&first_group)
                        && three(j + 1) =>
                {
                    j += 1;
                }
                _ => break,
            }
        }
        let first = i;
        let start = byte(i);
        let mut end = byte(j);
        let chunk = &text[start..end];
        i = j;
        // Codes: "QL18", "Km6", "18A", "03-CT/TW", "CT-03", "+84", "#5".
        let prev = first.checked_sub(1).map(|k| chars[k].1);
        let prev2 = first.checked_sub(2).map(|k| chars[k].1);
        let next = ch(j);
        let after_next = ch(j + 1);
        let mut glued_unit = None;
        if digit_group_follows(ch, j) {
            // "10 0000", "2016 500": not one number, and which part counts is a guess.
            continue;
        }
        if prev.is_some_and(is_word_char)
            || prev.is_some_and(|c| "+#№".contains(c))
            || (prev.is_some_and(|c| "-–./".contains(c)) && prev2.is_some_and(is_word_char))
            || (next.is_some_and(|c| "-–/".contains(c)) && after_next.is_some_and(is_word_char))
        {
            while ch(i).is_some_and(is_word_char) {
                i += 1;
            }
            continue;
        }
        if next.is_some_and(is_word_char) {
            let word_end = (j..=n)
                .find(|&k| !ch(k).is_some_and(is_word_char))
                .unwrap_or(n);
            let word = &text[end..byte(word_end)];
            i = word_end;
            if !GLUED_UNITS.contains(&word.to_lowercase().as_str()) {
                continue;
            }
            glued_unit = Some(word.to_string());
            end = byte(word_end);
        }
        let Some(form) = classify(chunk) else {
            continue;
        };
        let mut percent = false;
        if glued_unit.is_none() {
            if ch(i) == Some('%') {
                percent = true;
                i += 1;
            } else if ch(i).is_some_and(is_group_space) && ch(i + 1) == Some('%') {
                percent = true;
                i += 2;
            }
            end = byte(i);
        }
        if let Some(c) = candidate(text, start..end, chunk, form, percent, glued_unit) {
            found.push(c);
        }
    }
    found
}

/// Decide whether the number at `number` is a figure, and describe it.
fn candidate(
    text: &str,
    number: Range<usize>,
    chunk: &str,
    form: Form,
    percent: bool,
    glued_unit: Option<String>,
) -> Option<Candidate> {
    let mut noun = noun_after(text, number.end);
    let noun_text = |words: &[Range<usize>]| -> String {
        words.first().map_or(String::new(), |f| {
            text[f.start..words[words.len() - 1].end].to_string()
        })
    };
    let mut percent = percent;
    // "50 phần trăm", "50 percent" are percentages written out.
    let lower_noun = noun_text(&noun).to_lowercase();
    if !percent && glued_unit.is_none() {
        for written in ["phần trăm", "per cent", "percent"] {
            if lower_noun.starts_with(written) {
                percent = true;
                let words = written.split(' ').count();
                // Keep the written-out word in the quote, but not in the label.
                let quote_end = noun.last().map_or(number.end, |w| w.end);
                let keep = noun.split_off(words.min(noun.len()));
                let label = noun_text(&keep);
                return finish(text, number, quote_end, keep, label, form, percent, None);
            }
        }
    }
    if let Form::Number(v) = form {
        let plain = !percent && glued_unit.is_none() && !chunk.contains(['.', ',']);
        let looks_like_year = plain && chunk.len() == 4 && (1900.0..=2100.0).contains(&v);
        if looks_like_year {
            let after_year_word = token_before(text, number.start)
                .is_some_and(|t| YEAR_WORDS.contains(&text[t].to_lowercase().as_str()));
            if after_year_word || noun.is_empty() {
                return None;
            }
        }
    }
    let quote_end = noun.last().map_or(number.end, |w| w.end);
    let label = noun_text(&noun);
    finish(
        text, number, quote_end, noun, label, form, percent, glued_unit,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish(
    text: &str,
    number: Range<usize>,
    quote_end: usize,
    noun: Vec<Range<usize>>,
    noun_label: String,
    form: Form,
    percent: bool,
    glued_unit: Option<String>,
) -> Option<Candidate> {
    let qualifier = match form {
        Form::Range(..) => None,
        Form::Number(_) => qualifier_before(text, number.start),
    };
    if qualifier.is_none() && is_identifier(text, number.start) {
        return None;
    }
    // "từ 50 đến 100": "từ" means "from" there, not "at least".
    let qualifier = qualifier.filter(|(q, _)| {
        *q != Qualifier::AtLeast
            || !["đến", "tới", "to"].contains(
                &leading_word(text[quote_end..].trim_start())
                    .to_lowercase()
                    .as_str(),
            )
    });
    let quote_start = qualifier.map_or(number.start, |(_, s)| s);
    let (value, range_end) = match form {
        Form::Number(v) => (v, None),
        Form::Range(a, b) => (a, Some(b)),
    };
    let unit = if percent {
        Some("%".to_string())
    } else if glued_unit.is_some() {
        glued_unit
    } else if noun.is_empty() {
        None
    } else {
        // Vietnamese counted nouns are mostly two syllables ("đảng viên", "chi bộ"); the
        // rest of the phrase qualifies them and belongs in the label only.
        let last = noun[noun.len().min(2) - 1].end;
        Some(text[noun[0].start..last].to_string())
    };
    let label = if noun_label.is_empty() {
        let before = label_before(text, quote_start);
        if before.is_empty() {
            text[quote_start..quote_end].to_string()
        } else {
            before
        }
    } else {
        noun_label.clone()
    };
    Some(Candidate {
        quote: quote_start..quote_end,
        number: number.start..number.end,
        value,
        range_end,
        unit,
        label,
        noun: noun_label,
        qualifier: qualifier.map(|(q, _)| q),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, f64)> {
        quoted(text, &scan(text))
            .into_iter()
            .map(|(q, v)| (q.to_string(), v))
            .collect()
    }

    /// Each candidate's quote in `text`, with its value.
    fn quoted<'t>(text: &'t str, found: &[Candidate]) -> Vec<(&'t str, f64)> {
        found
            .iter()
            .map(|c| (&text[c.quote.clone()], c.value))
            .collect()
    }

    #[test]
    fn grouping_versus_decimal() {
        assert_eq!(parse_number("8.000"), Some(8000.0));
        assert_eq!(parse_number("8,000"), Some(8000.0));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number("8.000,5"), Some(8000.5));
        assert_eq!(parse_number("8,000.5"), Some(8000.5));
        assert_eq!(parse_number("0,500"), Some(0.5));
        assert_eq!(parse_number("1.2345"), Some(1.2345));
        assert_eq!(parse_number("03"), None);
        assert_eq!(parse_number("1.2.3"), None);
        assert_eq!(parse_number("0912.345.678"), None);
        assert_eq!(parse_number("8.000.5"), None);
    }

    #[test]
    fn vietnamese_counts_with_qualifiers_and_nouns() {
        let text = "Hiện có 54 chi, đảng bộ (33 đảng bộ với 386 chi bộ trực thuộc, \
                    21 chi bộ cơ sở) với trên 8.000 đảng viên.";
        let found = scan(text);
        let got = quoted(text, &found);
        assert_eq!(
            got,
            [
                ("54 chi", 54.0),
                ("33 đảng bộ", 33.0),
                ("386 chi bộ trực thuộc", 386.0),
                ("21 chi bộ cơ sở", 21.0),
                ("trên 8.000 đảng viên", 8000.0)
            ]
        );
        assert_eq!(found[4].qualifier, Some(Qualifier::Over));
        assert_eq!(found[4].unit.as_deref(), Some("đảng viên"));
        assert_eq!(found[3].unit.as_deref(), Some("chi bộ"));
        assert_eq!(found[3].label, "chi bộ cơ sở");
    }

    #[test]
    fn percentages_and_ranges() {
        let text = "Đến nay, trên 95% cán bộ; tỷ lệ từ 2,5 % trong nhiệm kỳ 2016-2020.";
        let found = scan(text);
        assert_eq!(text[found[0].quote.clone()].to_string(), "trên 95% cán bộ");
        assert_eq!(found[0].unit.as_deref(), Some("%"));
        assert_eq!(found[1].value, 2.5);
        assert_eq!(found[1].qualifier, Some(Qualifier::AtLeast));
        assert_eq!(text[found[1].quote.clone()].to_string(), "từ 2,5 %");
        assert_eq!(text[found[2].quote.clone()].to_string(), "2016-2020");
        assert_eq!(found[2].range_end, Some(2020.0));
        assert_eq!(found[2].label, "nhiệm kỳ");
    }

    #[test]
    fn codes_dates_and_years_are_not_figures() {
        let text = "Thứ Ba, 29/11/2016, 07:35. Thi công QL18 và ngã ba Km6 theo Chỉ thị \
                    03-CT/TW, Nghị quyết T.Ư 4, Đề án 25, Quốc lộ 18 từ năm 2015; gọi \
                    0912 345 678.";
        assert_eq!(quotes(text), []);
    }

    /// The zero-width and other invisible characters copy-paste brings into numbers.
    const FORMAT: [char; 6] = [
        '\u{200D}', // zero-width joiner
        '\u{200B}', // zero-width space
        '\u{200C}', // zero-width non-joiner
        '\u{2060}', // word joiner
        '\u{AD}',   // soft hyphen
        '\u{FEFF}', // byte-order mark / zero-width no-break space
    ];

    #[test]
    fn format_characters_inside_a_number_are_read_across() {
        for f in FORMAT {
            let text = format!("Đã di dời 5{f}4 hộ dân và 1{f}000 người, 8.{f}000 đảng viên.");
            assert_eq!(
                quotes(&text),
                [
                    (format!("5{f}4 hộ dân"), 54.0),
                    (format!("1{f}000 người"), 1000.0),
                    (format!("8.{f}000 đảng viên"), 8000.0)
                ],
                "{f:?}"
            );
            let found = scan(&text);
            assert_eq!(found[0].unit.as_deref(), Some("hộ dân"), "{f:?}");
            assert_eq!(&text[found[0].number.clone()], format!("5{f}4"));
            // Two in a row, and one inside a range.
            let text = format!("có 8{f}{f}000 hộ trong 2016-{f}2020.");
            let found = scan(&text);
            assert_eq!(found[0].value, 8000.0, "{f:?}");
            assert_eq!((found[1].value, found[1].range_end), (2016.0, Some(2020.0)));
        }
    }

    #[test]
    fn format_characters_at_the_edges_of_a_number() {
        for f in FORMAT {
            for text in [
                format!("Có {f}54 hộ dân."),
                format!("Có {f}54{f} hộ dân."),
                format!("Có 54{f} hộ dân."),
                format!("{f}54 hộ dân."),
            ] {
                let found = scan(&text);
                assert_eq!(found.len(), 1, "{text:?}");
                assert_eq!(found[0].value, 54.0, "{text:?}");
                assert_eq!(found[0].unit.as_deref(), Some("hộ dân"), "{text:?}");
                // The quote starts and ends on what is visible.
                let quote = &text[found[0].quote.clone()];
                assert!(
                    quote.starts_with("54") && quote.ends_with("dân"),
                    "{quote:?}"
                );
            }
        }
        // A zero-width space is a word boundary outside a number.
        let text = "Có\u{200B}54\u{200B}hộ dân.";
        assert_eq!(quotes(text), [("54\u{200B}hộ dân".to_string(), 54.0)]);
        // Other format characters glue: "QL\u{200D}18" is still the code QL18.
        assert_eq!(quotes("Thi công QL\u{200D}18 và Km\u{AD}6."), []);
    }

    #[test]
    fn spaces_group_thousands() {
        for space in [' ', '\u{A0}', '\u{202F}', '\u{2009}', '\u{2007}'] {
            let text = format!(
                "Có 10{space}000 đảng viên, trên 1{space}234{space}567 người và 2{space}500,5 tấn; \
                 từ 1{space}000-2{space}000 hộ."
            );
            let found = scan(&text);
            let got = quoted(&text, &found);
            assert_eq!(
                got,
                [
                    (format!("10{space}000 đảng viên").as_str(), 10_000.0),
                    (
                        format!("trên 1{space}234{space}567 người").as_str(),
                        1_234_567.0
                    ),
                    (format!("2{space}500,5 tấn").as_str(), 2500.5),
                    (format!("1{space}000-2{space}000 hộ").as_str(), 1000.0),
                ],
                "{space:?}"
            );
            assert_eq!(found[0].unit.as_deref(), Some("đảng viên"), "{space:?}");
            assert_eq!(found[1].qualifier, Some(Qualifier::Over));
            assert_eq!(found[3].range_end, Some(2000.0));
        }
        assert_eq!(parse_number("10\u{A0}000"), Some(10_000.0));
        assert_eq!(parse_number("1 234.5"), Some(1234.5));
        for bad in [
            "10 00",
            "0 500",
            "1234 567",
            "1 000.000",
            "1 000,5,5",
            "1 0000",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn no_figure_from_a_fragment_of_a_number() {
        // Badly grouped or run together: no part of it is a figure.
        for text in [
            "Có 10\u{A0}0000 hộ.",
            "Có 10 0000 hộ.",
            "Có 1\u{202F}00 hộ.",
            "Năm 2016 500 hộ.",
            "Số 0912\u{A0}345\u{A0}678.",
            "Có 10\u{A0}000.000 hộ.",
        ] {
            assert_eq!(quotes(text), [], "{text:?}");
        }
        // More than an f64 holds exactly is not drafted with invented digits.
        assert_eq!(quotes("Có 123 456 789 012 345 678 đồng."), []);
        assert_eq!(parse_number("1.234.567.890.123.456"), None);
    }

    #[test]
    fn percent_after_a_special_space() {
        for (text, quote, value) in [
            ("đạt 95\u{A0}% kế hoạch", "95\u{A0}% kế hoạch", 95.0),
            ("chiếm 2,5\u{202F}%.", "2,5\u{202F}%", 2.5),
            ("about 3.5\u{2009}% of staff", "about 3.5\u{2009}%", 3.5),
            ("đạt 95\u{200B}% kế hoạch", "95\u{200B}% kế hoạch", 95.0),
            (
                "tăng 10\u{A0}000\u{A0}% so",
                "10\u{A0}000\u{A0}% so",
                10_000.0,
            ),
        ] {
            let found = scan(text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(&text[found[0].quote.clone()], quote);
            assert_eq!(found[0].value, value);
            assert_eq!(found[0].unit.as_deref(), Some("%"), "{text:?}");
        }
        // A number followed by a space and no percent sign is not a percentage.
        let found = scan("Có 10\u{A0}000 đảng viên.");
        assert_eq!(found[0].unit.as_deref(), Some("đảng viên"));
    }

    #[test]
    fn english_forms() {
        let text = "In 2016 more than 8,000 members and about 2.5% of staff; \
                    under 5km of road; 2000 people.";
        assert_eq!(
            quotes(text),
            [
                ("more than 8,000 members".to_string(), 8000.0),
                ("about 2.5%".to_string(), 2.5),
                ("under 5km".to_string(), 5.0),
                ("2000 people".to_string(), 2000.0)
            ]
        );
    }
}
