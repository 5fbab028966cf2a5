//! Numbers and dates for the document's language. Only `vi` and `en` rules are built in;
//! any other tag formats like `en`.
//!
//! - `number(8000.0, "vi") == "8.000"`, `number(2.5, "vi") == "2,5"`, `number(8000.0, "en") == "8,000"`
//! - `percent(2.5, "vi") == "2,5 %"`, `percent(2.5, "en") == "2.5%"`
//! - `Timestamp::parse("2016-11-29T07:35:00+07:00")?.long("vi") == "Thứ Ba, 29/11/2016, 07:35 (GMT+7)"`
//!   and `.long("en") == "Tuesday, 29 November 2016, 07:35 (GMT+7)"`, shown in the offset it carries.
//! - `qualified(Some(Qualifier::Over), "8.000", "vi") == "trên 8.000"`; en: "over 8,000";
//!   at-least: "ít nhất" / "at least"; about: "khoảng" / "about"; under: "dưới" / "under".
//!
//! Why hand-written: the app is wasm and must stay small, so no ICU / chrono; the two
//! languages the newsroom publishes in have simple, fixed rules. Dates are shown in the
//! offset the article carries (the newsroom's local time), never converted to the
//! reader's zone, because "07:35 (GMT+7)" is what the printed edition said.
use crate::model::{Figure, Qualifier};

/// True for `vi`, `vi-VN`, `VI_vn` …
pub fn is_vi(lang: &str) -> bool {
    let l = lang.trim().as_bytes();
    l.len() >= 2
        && l[..2].eq_ignore_ascii_case(b"vi")
        && (l.len() == 2 || l[2] == b'-' || l[2] == b'_')
}

/// The minus sign in front of a negative number (U+2212, not the hyphen: "−5").
pub const MINUS: char = '\u{2212}';

/// Decimal exponents outside this range are written in scientific form ("1,5 × 10³⁰⁸"):
/// positional notation would show dozens of zeros that nobody can count.
const POSITIONAL_EXPONENTS: std::ops::RangeInclusive<i32> = -7..=20;

/// The decimal digits of a finite, non-negative value: `0.d₁d₂…dₙ × 10^point`, i.e.
/// `point` digits stand before the decimal mark (negative: zeros after it).
struct Digits {
    digits: Vec<u8>,
    point: i32,
}

impl Digits {
    /// The shortest digits that read back as exactly this `f64` (Rust's `{:e}` is the
    /// shortest round-trip form), so 6.875 stays 6.875 and 0.1 stays 0.1.
    fn shortest(v: f64) -> Digits {
        let s = format!("{:e}", v.abs());
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        let mut d = Digits {
            digits,
            point: exp + 1,
        };
        d.trim();
        d
    }

    fn trim(&mut self) {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
        let lead = self.digits.iter().take_while(|&&b| b == b'0').count();
        self.digits.drain(..lead);
        self.point -= lead as i32;
        if self.digits.is_empty() {
            self.point = 1;
        }
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Rounded half away from zero to `decimals` digits after the mark, in decimal (so
    /// 0.125 → 0.13, as a person rounds, not 0.12 as the binary value would).
    fn round(mut self, decimals: u8) -> Digits {
        let keep = self.point + i32::from(decimals);
        if keep < 0 || self.digits.len() as i32 <= keep {
            if keep < 0 {
                self.digits.clear();
                self.point = 1;
            }
            return self;
        }
        let keep = keep as usize;
        let up = self.digits[keep] >= b'5';
        self.digits.truncate(keep);
        if up {
            let mut i = keep;
            loop {
                if i == 0 {
                    self.digits.insert(0, b'1');
                    self.point += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] == b'9' {
                    self.digits[i] = b'0';
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        self.trim();
        self
    }

    /// Integer and fraction digits of the positional form; the fraction padded with
    /// zeros to `min_decimals`.
    fn positional(&self, min_decimals: usize) -> (String, String) {
        let n = self.digits.len() as i32;
        let ascii = |r: &[u8]| String::from_utf8_lossy(r).into_owned();
        let (mut int, mut frac) = if self.is_zero() {
            ("0".to_string(), String::new())
        } else if self.point <= 0 {
            let zeros = "0".repeat((-self.point) as usize);
            ("0".to_string(), zeros + &ascii(&self.digits))
        } else if self.point >= n {
            let zeros = "0".repeat((self.point - n) as usize);
            (ascii(&self.digits) + &zeros, String::new())
        } else {
            let (i, f) = self.digits.split_at(self.point as usize);
            (ascii(i), ascii(f))
        };
        if int.is_empty() {
            int.push('0');
        }
        while frac.len() < min_decimals {
            frac.push('0');
        }
        (int, frac)
    }
}

/// Marks of a language: (grouping, decimal).
fn marks(lang: &str) -> (char, char) {
    if is_vi(lang) {
        ('.', ',')
    } else {
        (',', '.')
    }
}

fn group(int: &str, sep: Option<char>, out: &mut String) {
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            if let Some(sep) = sep {
                out.push(sep);
            }
        }
        out.push(ch);
    }
}

fn superscript(n: i32, out: &mut String) {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    if n < 0 {
        out.push('⁻');
    }
    for b in n.unsigned_abs().to_string().bytes() {
        out.push(SUP[usize::from(b - b'0')]);
    }
}

/// How a value is written, beyond the language's marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Exactly this many digits after the decimal mark (rounded half away from zero,
    /// padded with zeros); `None`: every digit of the value, no more.
    pub decimals: Option<u8>,
    /// No digit grouping ("2015", not "2.015"): the figure is a year.
    pub year: bool,
}

/// A number exactly as the value holds it, with the language's grouping and decimal
/// marks: `number(6.875, "vi") == "6,875"`, `number(8000.0, "en") == "8,000"`. Never
/// rounded: the digits are the shortest that read back as the same value, so what the
/// publisher wrote in the JSON (up to the 15–17 significant digits a JSON number keeps)
/// is what the reader sees. Beyond 10²⁰ or below 10⁻⁷ the form is scientific
/// ("1 × 10³⁰⁸"). NaN and infinities do not panic ("NaN", "∞", "−∞").
pub fn number(value: f64, lang: &str) -> String {
    styled(value, Style::default(), lang)
}

/// [`number`] with a publisher's [`Style`]: `decimals` rounds or pads, `year` drops grouping.
pub fn styled(value: f64, style: Style, lang: &str) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 {
            "∞".into()
        } else {
            format!("{MINUS}∞")
        };
    }
    let (sep, dec) = marks(lang);
    let mut d = Digits::shortest(value);
    if let Some(n) = style.decimals {
        d = d.round(n);
    }
    let mut out = String::new();
    if value < 0.0 && !d.is_zero() {
        out.push(MINUS);
    }
    let exp = d.point - 1;
    if !d.is_zero() && !POSITIONAL_EXPONENTS.contains(&exp) && style.decimals.is_none() {
        let mut m = Digits {
            digits: d.digits.clone(),
            point: 1,
        };
        m.trim();
        let (int, frac) = m.positional(0);
        out.push_str(&int);
        if !frac.is_empty() {
            out.push(dec);
            out.push_str(&frac);
        }
        out.push_str(" × 10");
        superscript(exp, &mut out);
        return out;
    }
    let (int, frac) = d.positional(usize::from(style.decimals.unwrap_or(0)));
    group(&int, (!style.year).then_some(sep), &mut out);
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(&frac);
    }
    out
}

/// How many significant digits the shortest exact form of `v` has (0 for zero and for
/// NaN / infinities): `significant_digits(6.875) == 4`, `significant_digits(1e308) == 1`.
pub fn significant_digits(v: f64) -> usize {
    if v.is_finite() {
        Digits::shortest(v).digits.len()
    } else {
        0
    }
}

/// The sum of `values` in decimal, as a person adds the numbers written: `0.1 + 0.2` is
/// `0.3` (the `f64` closest to it), not `0.30000000000000004`. Exact for every sum whose
/// terms fit 38 digits at a common scale of at most 18 decimals; beyond that (values
/// like 1e300 or 1e-30) the plain `f64` sum.
pub fn exact_sum(values: impl IntoIterator<Item = f64>) -> f64 {
    let values: Vec<f64> = values.into_iter().collect();
    let plain = || values.iter().sum();
    if values.iter().any(|v| !v.is_finite()) {
        return plain();
    }
    let terms: Vec<(bool, Digits)> = values
        .iter()
        .map(|&v| (v < 0.0, Digits::shortest(v)))
        .collect();
    let scale = terms
        .iter()
        .map(|(_, d)| d.digits.len() as i32 - d.point)
        .max()
        .unwrap_or(0)
        .max(0);
    if scale > 18 {
        return plain();
    }
    let mut acc: i128 = 0;
    for (negative, d) in &terms {
        let Some(mut n) = d.digits.iter().try_fold(0i128, |n, &b| {
            n.checked_mul(10)?.checked_add(i128::from(b - b'0'))
        }) else {
            return plain();
        };
        let shift = scale - (d.digits.len() as i32 - d.point);
        for _ in 0..shift {
            match n.checked_mul(10) {
                Some(m) => n = m,
                None => return plain(),
            }
        }
        let next = if *negative {
            acc.checked_sub(n)
        } else {
            acc.checked_add(n)
        };
        match next {
            Some(a) => acc = a,
            None => return plain(),
        }
    }
    format!("{acc}e-{scale}")
        .parse()
        .unwrap_or_else(|_| plain())
}

/// `percent(2.5, "vi") == "2,5 %"`, `percent(2.5, "en") == "2.5%"`. The value is the
/// percentage itself (2.5 means 2.5 %), not a fraction.
pub fn percent(value: f64, lang: &str) -> String {
    with_percent(number(value, lang), lang)
}

fn with_percent(n: String, lang: &str) -> String {
    if is_vi(lang) {
        format!("{n} %")
    } else {
        format!("{n}%")
    }
}

/// The qualifier word in front of an already formatted value.
pub fn qualified(q: Option<Qualifier>, formatted: &str, lang: &str) -> String {
    let vi = is_vi(lang);
    let word = match (q, vi) {
        (None, _) => return formatted.to_string(),
        (Some(Qualifier::Over), true) => "trên",
        (Some(Qualifier::Over), false) => "over",
        (Some(Qualifier::AtLeast), true) => "ít nhất",
        (Some(Qualifier::AtLeast), false) => "at least",
        (Some(Qualifier::About), true) => "khoảng",
        (Some(Qualifier::About), false) => "about",
        (Some(Qualifier::Under), true) => "dưới",
        (Some(Qualifier::Under), false) => "under",
    };
    format!("{word} {formatted}")
}

/// A figure's number alone, in its [`Style`] ("8.000", "6,875", "2015"); no unit.
pub fn figure_number(fig: &Figure, lang: &str) -> String {
    styled(fig.value, fig.style(), lang)
}

/// Value, unit and qualifier: "trên 8.000 đảng viên", "54 đơn vị", "95 %" (vi) / "95%".
/// Digits as the value holds them (see [`number`]); a year is written without grouping
/// only when the figure says it is one (`"year": true`), never guessed from four digits.
pub fn figure_value(fig: &Figure, lang: &str) -> String {
    let n = figure_number(fig, lang);
    let body = match fig.unit.as_deref().map(str::trim) {
        Some("%") => with_percent(n, lang),
        Some(u) if !u.is_empty() => format!("{n} {u}"),
        _ => n,
    };
    qualified(fig.qualifier, &body, lang)
}

/// A calendar date as precise as it is known: a year ("2016"), a month ("2016-11") or a
/// day ("2016-11-29") — the "as of" of a figure, the date of a correction or a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each field checked (the day against its month).
    pub fn parse(s: &str) -> Result<PartialDate, String> {
        let expect = "expected a date like 2016-11-29, 2016-11 or 2016";
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, n: usize, what: &str| -> Result<u32, String> {
            if p.len() != n || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("{what} must be {n} digits; {expect}"));
            }
            p.parse().map_err(|_| format!("{what}: {expect}"))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(expect.to_string());
        }
        let year = num(parts[0], 4, "the year")? as i32;
        let month = match parts.get(1) {
            Some(m) => {
                let m = num(m, 2, "the month")? as u8;
                if !(1..=12).contains(&m) {
                    return Err(format!("month {m} is out of range 01–12"));
                }
                Some(m)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => {
                let d = num(d, 2, "the day")? as u8;
                if d == 0 || d > days_in_month(year, m) {
                    return Err(format!("day {d} does not exist in {year:04}-{m:02}"));
                }
                Some(d)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    /// vi "29/11/2016", "11/2016", "2016"; en "29 Nov 2016", "Nov 2016", "2016".
    pub fn short(&self, lang: &str) -> String {
        match (self.month, self.day, is_vi(lang)) {
            (Some(m), Some(d), true) => format!("{d:02}/{m:02}/{}", self.year),
            (Some(m), None, true) => format!("{m:02}/{}", self.year),
            (Some(m), Some(d), false) => {
                format!("{d} {} {}", &EN_MONTHS[usize::from(m - 1)][..3], self.year)
            }
            (Some(m), None, false) => {
                format!("{} {}", &EN_MONTHS[usize::from(m - 1)][..3], self.year)
            }
            _ => self.year.to_string(),
        }
    }
}

/// An RFC 3339 timestamp with its offset, validated; fields as written (no conversion).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in minutes (`Z` and `-00:00` are 0).
    pub offset_minutes: i16,
}

const VI_DAYS: [&str; 7] = [
    "Chủ Nhật",
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
];
const EN_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Timestamp {
    /// Parse `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; `t` or a space may replace `T`,
    /// `z` may replace `Z`. Every field is range-checked (day against the month, leap
    /// years, second 60 allowed for leap seconds). The error says what is wrong.
    pub fn parse(s: &str) -> Result<Timestamp, String> {
        let b = s.as_bytes();
        let expect = "expected RFC 3339 like 2016-11-29T07:35:00+07:00";
        if b.len() < 20 {
            return Err(format!("too short; {expect}"));
        }
        let num = |r: std::ops::Range<usize>, what: &str| -> Result<u32, String> {
            let part = b
                .get(r)
                .ok_or_else(|| format!("missing {what}; {expect}"))?;
            if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
                return Err(format!("{what} must be digits; {expect}"));
            }
            Ok(part
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
        };
        let sep = |i: usize, chars: &[u8], what: &str| -> Result<(), String> {
            match b.get(i) {
                Some(c) if chars.contains(c) => Ok(()),
                _ => Err(format!("expected {what} at position {}; {expect}", i + 1)),
            }
        };
        let year = num(0..4, "year")? as i32;
        sep(4, b"-", "'-'")?;
        let month = num(5..7, "month")? as u8;
        sep(7, b"-", "'-'")?;
        let day = num(8..10, "day")? as u8;
        sep(10, b"Tt ", "'T'")?;
        let hour = num(11..13, "hour")? as u8;
        sep(13, b":", "':'")?;
        let minute = num(14..16, "minute")? as u8;
        sep(16, b":", "':'")?;
        let second = num(17..19, "second")? as u8;
        let mut i = 19;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return Err(format!("fraction of a second needs digits; {expect}"));
            }
        }
        let offset_minutes: i32 = match b.get(i) {
            Some(b'Z' | b'z') => {
                i += 1;
                0
            }
            Some(&c @ (b'+' | b'-')) => {
                let oh = num(i + 1..i + 3, "offset hours")?;
                sep(i + 3, b":", "':' in the offset")?;
                let om = num(i + 4..i + 6, "offset minutes")?;
                if oh > 23 || om > 59 {
                    return Err(format!("offset {} is out of range", &s[i..i + 6]));
                }
                i += 6;
                let v = (oh * 60 + om) as i32;
                if c == b'-' {
                    -v
                } else {
                    v
                }
            }
            _ => return Err(format!("missing time-zone offset (Z or ±HH:MM); {expect}")),
        };
        if i != b.len() {
            return Err(format!("unexpected text after the offset; {expect}"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} is out of range 01–12"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(format!("day {day} does not exist in {year:04}-{month:02}"));
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err(format!(
                "time {hour:02}:{minute:02}:{second:02} is out of range"
            ));
        }
        Ok(Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
            offset_minutes: offset_minutes as i16,
        })
    }

    /// Seconds since 1970-01-01T00:00:00Z of this instant (the offset applied), for
    /// ordering articles by when they were published.
    pub fn unix_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3_600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }

    /// 0 = Sunday … 6 = Saturday, of the date as written.
    pub fn weekday(&self) -> usize {
        (days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7) as usize
    }

    /// "GMT+7", "GMT+5:30", "GMT-3", "GMT+0".
    pub fn gmt(&self) -> String {
        let m = i32::from(self.offset_minutes);
        let sign = if m < 0 { '-' } else { '+' };
        let (h, mm) = (m.abs() / 60, m.abs() % 60);
        if mm == 0 {
            format!("GMT{sign}{h}")
        } else {
            format!("GMT{sign}{h}:{mm:02}")
        }
    }

    /// vi "Thứ Ba, 29/11/2016, 07:35 (GMT+7)", en "Tuesday, 29 November 2016, 07:35 (GMT+7)".
    pub fn long(&self, lang: &str) -> String {
        let wd = self.weekday();
        if is_vi(lang) {
            format!(
                "{}, {:02}/{:02}/{}, {:02}:{:02} ({})",
                VI_DAYS[wd],
                self.day,
                self.month,
                self.year,
                self.hour,
                self.minute,
                self.gmt()
            )
        } else {
            format!(
                "{}, {} {} {}, {:02}:{:02} ({})",
                EN_DAYS[wd],
                self.day,
                EN_MONTHS[usize::from(self.month.clamp(1, 12) - 1)],
                self.year,
                self.hour,
                self.minute,
                self.gmt()
            )
        }
    }

    /// vi "29/11/2016", en "29 Nov 2016".
    pub fn short(&self, lang: &str) -> String {
        if is_vi(lang) {
            format!("{:02}/{:02}/{}", self.day, self.month, self.year)
        } else {
            let m = EN_MONTHS[usize::from(self.month.clamp(1, 12) - 1)];
            format!("{} {} {}", self.day, &m[..3], self.year)
        }
    }

    /// "2016-11-29", for `<time datetime>`.
    pub fn iso_date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Full normalised RFC 3339 ("2016-11-29T07:35:00+07:00"), also fine for `<time datetime>`.
    pub fn rfc3339(&self) -> String {
        let m = i32::from(self.offset_minutes);
        let sign = if m < 0 { '-' } else { '+' };
        format!(
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.iso_date(),
            self.hour,
            self.minute,
            self.second,
            m.abs() / 60,
            m.abs() % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_declared_not_guessed() {
        let mut y = fig(2015.0, None, None);
        assert_eq!(figure_value(&y, "vi"), "2.015", "a bare 2015 is a count");
        y.year = true;
        assert_eq!(figure_value(&y, "vi"), "2015");
        assert_eq!(figure_value(&y, "en"), "2015");
        assert_eq!(figure_value(&fig(8000.0, None, None), "vi"), "8.000");
        assert_eq!(figure_value(&fig(8000.0, None, None), "en"), "8,000");
        assert_eq!(
            figure_value(&fig(8000.0, Some("đảng viên"), Some(Qualifier::Over)), "vi"),
            "trên 8.000 đảng viên"
        );
        assert_eq!(figure_value(&fig(12000.0, None, None), "vi"), "12.000");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(8000.0, "vi"), "8.000");
        assert_eq!(number(2.5, "vi"), "2,5");
        assert_eq!(number(8000.0, "en"), "8,000");
        assert_eq!(number(8000.0, "vi-VN"), "8.000");
        assert_eq!(number(1234567.891, "en"), "1,234,567.891");
        assert_eq!(number(1234567.891, "vi"), "1.234.567,891");
        assert_eq!(number(54.0, "vi"), "54");
        assert_eq!(number(0.5, "en"), "0.5");
        assert_eq!(number(2.10, "en"), "2.1");
        assert_eq!(number(-8000.0, "vi"), "−8.000");
        assert_eq!(number(-0.001, "en"), "−0.001");
        assert_eq!(number(-0.0, "en"), "0");
        assert_eq!(number(0.0, "vi"), "0");
        assert_eq!(number(999.999, "en"), "999.999");
        assert_eq!(number(100.0, "fr"), "100");
        assert_eq!(number(f64::NAN, "vi"), "NaN");
        assert_eq!(number(f64::INFINITY, "vi"), "∞");
        assert_eq!(number(f64::NEG_INFINITY, "vi"), "−∞");
    }

    #[test]
    fn never_rounded_never_invented() {
        // The cases: each was cut to two decimals or padded with invented digits.
        assert_eq!(percent(6.875, "vi"), "6,875 %");
        assert_eq!(percent(6.875, "en"), "6.875%");
        assert_eq!(percent(0.125, "vi"), "0,125 %");
        assert_eq!(number(0.0005, "en"), "0.0005");
        assert_eq!(number(0.0001, "vi"), "0,0001");
        assert_eq!(number(1e308, "en"), "1 × 10³⁰⁸");
        assert_eq!(number(1.5e308, "vi"), "1,5 × 10³⁰⁸");
        assert_eq!(number(-2.5e-9, "en"), "−2.5 × 10⁻⁹");
        assert_eq!(
            number(f64::MIN_POSITIVE, "en"),
            "2.2250738585072014 × 10⁻³⁰⁸"
        );
        assert_eq!(number(5e-324, "en"), "5 × 10⁻³²⁴");
        // Same kind: digits a publisher writes stay as written.
        assert_eq!(number(0.1, "en"), "0.1");
        assert_eq!(number(0.3, "vi"), "0,3");
        assert_eq!(number(33.33, "en"), "33.33");
        assert_eq!(number(1.005, "en"), "1.005");
        assert_eq!(number(123456.789012, "vi"), "123.456,789012");
        assert_eq!(number(9007199254740993.0, "en"), "9,007,199,254,740,992");
        assert_eq!(number(1e20, "en"), "100,000,000,000,000,000,000");
        assert_eq!(number(1e21, "en"), "1 × 10²¹");
        assert_eq!(number(1e-7, "en"), "0.0000001");
        assert_eq!(number(1e-8, "en"), "1 × 10⁻⁸");
        assert_eq!(significant_digits(6.875), 4);
        assert_eq!(significant_digits(1e308), 1);
        assert_eq!(significant_digits(12345678901234567890.0), 17);
        assert_eq!(significant_digits(0.0), 0);
    }

    #[test]
    fn decimals_round_half_away_from_zero_in_decimal() {
        let d = |v: f64, n: u8, lang: &str| {
            styled(
                v,
                Style {
                    decimals: Some(n),
                    year: false,
                },
                lang,
            )
        };
        assert_eq!(d(6.875, 2, "vi"), "6,88");
        assert_eq!(d(0.125, 2, "en"), "0.13", "decimal rounding, not binary");
        assert_eq!(d(2.5, 0, "en"), "3");
        assert_eq!(d(-2.5, 0, "en"), "−3");
        assert_eq!(d(9.995, 2, "en"), "10.00");
        assert_eq!(d(999.96, 1, "vi"), "1.000,0");
        assert_eq!(d(6.5, 2, "vi"), "6,50", "padded");
        assert_eq!(d(0.0004, 2, "en"), "0.00");
        assert_eq!(d(-0.0004, 2, "en"), "0.00", "no minus on a zero");
        assert_eq!(d(1234.0, 0, "en"), "1,234");
    }

    #[test]
    fn exact_sums() {
        assert_eq!(exact_sum([0.1, 0.2]), 0.3);
        assert_eq!(exact_sum([33.0, 21.0]), 54.0);
        assert_eq!(exact_sum([15.0, -5.0]), 10.0);
        assert_eq!(exact_sum([1.1, 2.2, 3.3]), 6.6);
        assert_eq!(exact_sum([0.125, 0.875]), 1.0);
        assert_eq!(exact_sum(Vec::<f64>::new()), 0.0);
        assert_eq!(exact_sum([1e300, 1e300]), 2e300, "beyond i128: plain sum");
        assert!(exact_sum([f64::MAX, f64::MAX]).is_infinite());
    }

    #[test]
    fn percents_and_qualifiers() {
        assert_eq!(percent(2.5, "vi"), "2,5 %");
        assert_eq!(percent(2.5, "en"), "2.5%");
        assert_eq!(
            qualified(Some(Qualifier::Over), "8.000", "vi"),
            "trên 8.000"
        );
        assert_eq!(
            qualified(Some(Qualifier::Over), "8,000", "en"),
            "over 8,000"
        );
        assert_eq!(qualified(Some(Qualifier::AtLeast), "5", "vi"), "ít nhất 5");
        assert_eq!(qualified(Some(Qualifier::AtLeast), "5", "en"), "at least 5");
        assert_eq!(qualified(Some(Qualifier::About), "5", "vi"), "khoảng 5");
        assert_eq!(qualified(Some(Qualifier::About), "5", "en"), "about 5");
        assert_eq!(qualified(Some(Qualifier::Under), "5", "vi"), "dưới 5");
        assert_eq!(qualified(Some(Qualifier::Under), "5", "en"), "under 5");
        assert_eq!(qualified(None, "5", "en"), "5");
    }

    fn fig(value: f64, unit: Option<&str>, q: Option<Qualifier>) -> Figure {
        Figure {
            id: "f".into(),
            value,
            unit: unit.map(Into::into),
            label: "l".into(),
            category: None,
            note: None,
            qualifier: q,
            decimals: None,
            year: false,
            source: None,
            as_of: None,
            corrections: vec![],
            mentions: vec![],
            parts: vec![],
            within: None,
        }
    }

    #[test]
    fn figure_values() {
        assert_eq!(figure_value(&fig(6.875, Some("%"), None), "vi"), "6,875 %");
        assert_eq!(
            figure_value(&fig(0.0005, Some("BTC"), None), "en"),
            "0.0005 BTC"
        );
        assert_eq!(figure_value(&fig(-5.0, Some("%"), None), "en"), "−5%");
        assert_eq!(
            figure_value(&fig(8000.0, Some("đảng viên"), Some(Qualifier::Over)), "vi"),
            "trên 8.000 đảng viên"
        );
        assert_eq!(
            figure_value(&fig(54.0, Some("đơn vị"), None), "vi"),
            "54 đơn vị"
        );
        assert_eq!(figure_value(&fig(95.0, Some("%"), None), "vi"), "95 %");
        assert_eq!(
            figure_value(&fig(95.0, Some("%"), Some(Qualifier::Over)), "en"),
            "over 95%"
        );
        assert_eq!(figure_value(&fig(15000.0, None, None), "en"), "15,000");
    }

    #[test]
    fn partial_dates() {
        let d = PartialDate::parse("2016-11-29").unwrap();
        assert_eq!(
            (d.short("vi"), d.short("en")),
            ("29/11/2016".into(), "29 Nov 2016".into())
        );
        let m = PartialDate::parse("2016-11").unwrap();
        assert_eq!(
            (m.short("vi"), m.short("en")),
            ("11/2016".into(), "Nov 2016".into())
        );
        assert_eq!(PartialDate::parse("2016").unwrap().short("vi"), "2016");
        assert!(
            m < d && PartialDate::parse("2016").unwrap() < m,
            "less precise sorts first"
        );
        for bad in [
            "",
            "16",
            "2016-13",
            "2016-02-30",
            "2015-02-29",
            "2016-1",
            "2016-11-29T00",
            "2016/11",
            "２016",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
        assert!(PartialDate::parse("2016-02-29").is_ok());
    }

    #[test]
    fn timestamps() {
        let t = Timestamp::parse("2016-11-29T07:35:00+07:00").unwrap();
        assert_eq!(t.long("vi"), "Thứ Ba, 29/11/2016, 07:35 (GMT+7)");
        assert_eq!(t.long("vi-VN"), "Thứ Ba, 29/11/2016, 07:35 (GMT+7)");
        assert_eq!(t.long("en"), "Tuesday, 29 November 2016, 07:35 (GMT+7)");
        assert_eq!(t.short("vi"), "29/11/2016");
        assert_eq!(t.short("en"), "29 Nov 2016");
        assert_eq!(t.iso_date(), "2016-11-29");
        assert_eq!(t.rfc3339(), "2016-11-29T07:35:00+07:00");
        assert_eq!(t.unix_seconds(), 1_480_379_700, "00:35 UTC");
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00Z")
                .unwrap()
                .unix_seconds(),
            0
        );
        let z = Timestamp::parse("2000-01-01T00:00:00Z").unwrap();
        assert_eq!(z.long("en"), "Saturday, 1 January 2000, 00:00 (GMT+0)");
        assert_eq!(z.long("vi"), "Thứ Bảy, 01/01/2000, 00:00 (GMT+0)");
        let ist = Timestamp::parse("2024-02-29T23:59:60.123+05:30").unwrap();
        assert_eq!(ist.gmt(), "GMT+5:30");
        assert_eq!(
            ist.long("en"),
            "Thursday, 29 February 2024, 23:59 (GMT+5:30)"
        );
        let br = Timestamp::parse("2023-06-04t12:00:00-03:00").unwrap();
        assert_eq!(br.long("vi"), "Chủ Nhật, 04/06/2023, 12:00 (GMT-3)");
        for bad in [
            "",
            "2016-11-29",
            "2016-11-29T07:35:00",
            "2016-13-01T00:00:00Z",
            "2015-02-29T00:00:00Z",
            "2016-11-29T24:00:00Z",
            "2016-11-29T07:35:00+25:00",
            "2016-11-29T07:35:00+0700",
            "2016-11-29T07:35:00Zjunk",
            "2016-11-29T07:35:00.Z",
            "２016-11-29T07:35:00Z",
            "2016-11-29T07:35:00+07:0ẩ",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
        // weekday sanity over a range of known dates
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00Z").unwrap().weekday(),
            4
        );
        assert_eq!(
            Timestamp::parse("1900-03-01T00:00:00Z").unwrap().weekday(),
            4
        );
        assert_eq!(
            Timestamp::parse("0001-01-01T00:00:00Z").unwrap().weekday(),
            1
        );
    }
}
