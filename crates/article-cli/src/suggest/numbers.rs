//! Finding the numbers in a paragraph that read like key figures ("trên 8.000 đảng viên",
//! "95%", "2016-2020") and not like names, dates or codes ("QL18", "29/11/2016",
//! "03-CT/TW", "Đề án 25", a phone number).
//!
//! Heuristics, tuned for Vietnamese and English news: a false positive costs the
//! publisher one deleted figure, a false negative a figure typed by hand, so when a
//! number is clearly an identifier it is skipped and otherwise it is kept.
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
    let digits_value = |int: &[&str], frac: &str| -> Option<f64> {
        let mut text: String = int.concat();
        if !frac.is_empty() {
            text.push('.');
            text.push_str(frac);
        }
        text.parse().ok()
    };
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

/// Every figure-like number in `text`, left to right.
pub fn scan(text: &str) -> Vec<Candidate> {
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
        let mut j = i;
        loop {
            while digit(j) {
                j += 1;
            }
            if ch(j).is_some_and(|c| ".,/:-–".contains(c)) && digit(j + 1) {
                j += 1;
            } else {
                break;
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
            } else if matches!(ch(i), Some(' ' | '\u{a0}')) && ch(i + 1) == Some('%') {
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
        scan(text)
            .into_iter()
            .map(|c| (text[c.quote].to_string(), c.value))
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
        let got: Vec<(&str, f64)> = found
            .iter()
            .map(|c| (&text[c.quote.clone()], c.value))
            .collect();
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
