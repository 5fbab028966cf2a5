//! `parts` (sums) and `within` (nesting) between figures.
//!
//! Why: the reader shows "54 = 33 + 21" next to a figure and lets one step from a part
//! to its total, so the arithmetic is checked here once. A sum that does not add up is a
//! warning, not an error: the article is still worth reading, and the publisher gets
//! both numbers to compare. Parts in another unit than their total (berths plus a
//! percentage) are not added at all: the check says why it cannot check. Sums are exact
//! decimal arithmetic on the digits the values hold (0.1 + 0.2 = 0.3, not
//! 0.30000000000000004). References and cycles are validated by the parser (they are
//! errors); this module stays total on any [`Article`] anyway (out-of-range indices are
//! skipped, nothing recurses).
use crate::format::{self, MINUS};
use crate::model::{Article, Figure, Qualifier};
use crate::problem::{Kind, Problem};

/// What the arithmetic of a breakdown says.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// The parts add up to the value (as its qualifier allows).
    Consistent,
    /// They do not.
    Mismatch,
    /// Some parts are in another unit than the total, so they cannot be added; the
    /// units as written, the total's first (`""` for none).
    UnitsDiffer(Vec<String>),
}

/// The arithmetic of a figure with `parts`.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub figure: usize,
    pub parts: Vec<usize>,
    /// Exact decimal sum of the parts' values (also when the units differ).
    pub sum: f64,
    /// True when `sum` agrees with the figure's value, respecting its qualifier
    /// (`over`: value < sum is fine … ; exact otherwise, with float tolerance), and the
    /// units allow adding at all.
    pub consistent: bool,
    pub check: Check,
}

/// One piece of a breakdown's bar, as fractions of the bar's length (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarSegment {
    /// Position of the part in [`Breakdown::parts`].
    pub part: usize,
    pub start: f64,
    pub width: f64,
    /// A negative part: drawn over the positive ones, taking back from their end.
    pub negative: bool,
}

impl Breakdown {
    /// "33 + 21 = 54", "15 − 5 = 10", "−3 + 5 = 2"; a mismatch adds "≠ value"
    /// ("33 + 20 = 53 ≠ 54"). Each part in its own style, the sum with as many
    /// decimals as its parts show. Units that differ give no sum: "120 berths, 70 %".
    pub fn equation(&self, figures: &[Figure], lang: &str) -> String {
        let Some(fig) = figures.get(self.figure) else {
            return String::new();
        };
        let parts = self.parts.iter().filter_map(|&p| figures.get(p));
        if let Check::UnitsDiffer(_) = self.check {
            return parts
                .map(|f| {
                    format::figure_value(
                        &Figure {
                            qualifier: None,
                            ..f.clone()
                        },
                        lang,
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
        }
        let mut out = String::new();
        let mut decimals: Option<u8> = None;
        for (i, f) in parts.enumerate() {
            let mut style = f.style();
            style.year = false;
            decimals = decimals.max(style.decimals);
            let n = format::styled(f.value.abs(), style, lang);
            match (i, f.value < 0.0) {
                (0, false) => {}
                (0, true) => out.push(MINUS),
                (_, false) => out.push_str(" + "),
                (_, true) => {
                    out.push(' ');
                    out.push(MINUS);
                    out.push(' ');
                }
            }
            out.push_str(&n);
        }
        let style = format::Style {
            decimals,
            year: false,
        };
        out.push_str(" = ");
        out.push_str(&format::styled(self.sum, style, lang));
        if self.check == Check::Mismatch {
            out.push_str(" ≠ ");
            out.push_str(&format::figure_number(fig, lang));
        }
        out
    }

    /// The bar: positive parts side by side from 0, negative ones laid back from the
    /// end of the positives, all scaled so the longest of (positives, |value|) fills it.
    pub fn bar(&self, figures: &[Figure]) -> Vec<BarSegment> {
        let value = |p: usize| figures.get(p).map_or(0.0, |f| f.value);
        let positive: f64 = self
            .parts
            .iter()
            .map(|&p| value(p))
            .filter(|v| *v > 0.0)
            .sum();
        let total = figures.get(self.figure).map_or(0.0, |f| f.value.abs());
        let scale = positive.max(total);
        if !(scale.is_finite() && scale > 0.0) {
            return Vec::new();
        }
        let (mut x, mut back) = (0.0, positive);
        self.parts
            .iter()
            .enumerate()
            .filter_map(|(i, &p)| {
                let v = value(p);
                if v > 0.0 {
                    let seg = BarSegment {
                        part: i,
                        start: x / scale,
                        width: v / scale,
                        negative: false,
                    };
                    x += v;
                    Some(seg)
                } else if v < 0.0 {
                    let w = (-v).min(back.max(0.0));
                    back -= w;
                    Some(BarSegment {
                        part: i,
                        start: back / scale,
                        width: w / scale,
                        negative: true,
                    })
                } else {
                    None
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Relations {
    /// One per figure with parts, in figure order.
    pub breakdowns: Vec<Breakdown>,
    /// For each figure, the figures `within` it (its children), in document order.
    pub children: Vec<Vec<usize>>,
    /// For each figure, the figures whose `parts` include it.
    pub part_of: Vec<Vec<usize>>,
}

impl Relations {
    pub fn breakdown(&self, figure: usize) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.figure == figure)
    }
}

/// Does a parts sum agree with a figure's value?
///
/// - no qualifier: equal up to `1e-9 × max(1, |value|)`;
/// - `over` ("trên 8.000") and `at-least`: `sum >= value` (minus that tolerance);
/// - `under`: `sum <= value` (plus tolerance);
/// - `about`: within 5 % of the value (`|sum - value| <= 0.05 × |value|`, and at least
///   the exact tolerance).
pub fn consistent(value: f64, sum: f64, q: Option<Qualifier>) -> bool {
    let eps = 1e-9 * value.abs().max(1.0);
    match q {
        None => (sum - value).abs() <= eps,
        Some(Qualifier::Over | Qualifier::AtLeast) => sum >= value - eps,
        Some(Qualifier::Under) => sum <= value + eps,
        Some(Qualifier::About) => (sum - value).abs() <= (0.05 * value.abs()).max(eps),
    }
}

/// The unit as compared: trimmed; `None` and `""` are "no unit".
fn unit(f: &Figure) -> &str {
    f.unit.as_deref().map_or("", str::trim)
}

/// Words that make a unit a measure (percentages, money, length, area, mass, volume,
/// time, scale): such units only add up when they are the same. Any other unit is a
/// count noun ("hộ", "đảng bộ", "berths"): counts of different nouns may well make up
/// one total (54 đơn vị = 33 đảng bộ + 21 chi bộ), so only a measure is held to its unit.
const MEASURES: &[&str] = &[
    "%", "‰", "đ", "đồng", "vnd", "usd", "$", "€", "£", "¥", "eur", "mm", "cm", "m", "km", "m2",
    "m²", "km2", "km²", "ha", "g", "kg", "t", "tấn", "ton", "tons", "tonnes", "l", "lít", "litre",
    "litres", "liter", "liters", "m3", "m³", "s", "giây", "phút", "giờ", "ngày", "tuần", "tháng",
    "năm", "min", "h", "day", "days", "week", "weeks", "month", "months", "year", "years", "nghìn",
    "ngàn", "triệu", "tỷ", "tỉ", "thousand", "million", "millions", "billion", "billions", "mw",
    "kw", "kwh", "mwh",
];

fn is_measure(unit: &str) -> bool {
    unit.split_whitespace()
        .any(|w| MEASURES.contains(&w.to_lowercase().as_str()))
}

/// Can a part in unit `part` be added into a total in unit `total`? Equal units can; so
/// can counts (see [`MEASURES`]), with or without a unit; a measure only adds to the
/// same measure (berths plus a percentage, or tỷ đồng plus triệu đồng, cannot be added).
fn addable(total: &str, part: &str) -> bool {
    total.to_lowercase() == part.to_lowercase() || !(is_measure(total) || is_measure(part))
}

fn num(v: f64) -> String {
    format::number(v, "en")
}

pub(crate) fn relate(article: &Article, warnings: &mut Vec<Problem>) -> Relations {
    let figs = &article.figures;
    let n = figs.len();
    let mut rel = Relations {
        breakdowns: Vec::new(),
        children: vec![Vec::new(); n],
        part_of: vec![Vec::new(); n],
    };
    for (i, f) in figs.iter().enumerate() {
        if let Some(w) = f.within {
            if w < n && w != i {
                rel.children[w].push(i);
            }
        }
        let parts: Vec<usize> = f
            .parts
            .iter()
            .copied()
            .filter(|&p| p < n && p != i)
            .collect();
        if parts.is_empty() {
            continue;
        }
        for &p in &parts {
            // `i` only grows, so a duplicate can only be the last entry (a `contains`
            // here was quadratic when thousands of figures share one part).
            if rel.part_of[p].last() != Some(&i) {
                rel.part_of[p].push(i);
            }
        }
        let sum = format::exact_sum(parts.iter().map(|&p| figs[p].value));
        let mut units: Vec<String> = vec![unit(f).to_string()];
        for &p in &parts {
            let u = unit(&figs[p]);
            if !addable(unit(f), u) && !units.iter().any(|x| x == u) {
                units.push(u.to_string());
            }
        }
        let check = if units.len() > 1 {
            let shown: Vec<String> = units
                .iter()
                .map(|u| {
                    if u.is_empty() {
                        "(none)".into()
                    } else {
                        format!("\"{u}\"")
                    }
                })
                .collect();
            warnings.push(
                Problem::warning(
                    Kind::UnitMismatch,
                    format!("$.figures[{i}].parts"),
                    format!(
                        "the parts of \"{}\" are in other units than the figure ({}), so they cannot be added up and the sum is not checked",
                        f.id,
                        shown.join(" vs ")
                    ),
                )
                .with_hint("parts must count the same thing as their total: give them the total's unit, or remove \"parts\""),
            );
            Check::UnitsDiffer(units)
        } else if consistent(f.value, sum, f.qualifier) {
            Check::Consistent
        } else {
            let terms: Vec<String> = parts.iter().take(10).map(|&p| num(figs[p].value)).collect();
            let etc = if parts.len() > 10 { " + …" } else { "" };
            let qual = match f.qualifier {
                None => "",
                Some(Qualifier::Over) => {
                    " (qualified \"over\": the parts should add up to at least that)"
                }
                Some(Qualifier::AtLeast) => {
                    " (qualified \"at-least\": the parts should add up to at least that)"
                }
                Some(Qualifier::Under) => {
                    " (qualified \"under\": the parts should add up to at most that)"
                }
                Some(Qualifier::About) => {
                    " (qualified \"about\": the parts should be within 5 % of it)"
                }
            };
            warnings.push(
                Problem::warning(
                    Kind::SumMismatch,
                    format!("$.figures[{i}].parts"),
                    format!(
                        "the parts of \"{}\" add up to {} ({}{etc}), but its value is {}{qual}",
                        f.id,
                        num(sum),
                        terms.join(" + "),
                        num(f.value)
                    ),
                )
                .with_hint("check the figure's value and the values of its parts"),
            );
            Check::Mismatch
        };
        rel.breakdowns.push(Breakdown {
            figure: i,
            parts,
            sum,
            consistent: check == Check::Consistent,
            check,
        });
    }
    rel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_rules() {
        assert!(consistent(54.0, 54.0, None));
        assert!(!consistent(54.0, 55.0, None));
        assert!(consistent(0.3, 0.1 + 0.2, None));
        assert!(consistent(8000.0, 8500.0, Some(Qualifier::Over)));
        assert!(consistent(8000.0, 8000.0, Some(Qualifier::Over)));
        assert!(!consistent(8000.0, 7999.0, Some(Qualifier::Over)));
        assert!(consistent(10.0, 10.0, Some(Qualifier::AtLeast)));
        assert!(!consistent(10.0, 9.0, Some(Qualifier::AtLeast)));
        assert!(consistent(10.0, 9.0, Some(Qualifier::Under)));
        assert!(!consistent(10.0, 11.0, Some(Qualifier::Under)));
        assert!(consistent(100.0, 104.9, Some(Qualifier::About)));
        assert!(!consistent(100.0, 106.0, Some(Qualifier::About)));
    }

    use crate::load;
    use crate::problem::Kind;
    use serde_json::{json, Value};

    fn doc(total: f64, q: Option<&str>) -> crate::Document {
        let mut t = json!({"id": "t", "value": total, "label": "l", "mentions": [{"quote": "tổng"}],
            "parts": ["a", "b"]});
        if let Some(q) = q {
            t["qualifier"] = json!(q);
        }
        let j = json!({"format": "article/1", "id": "x", "title": "T",
            "blocks": [{"kind": "paragraph", "text": "tổng: 33 và 21; 8 nữa"}],
            "figures": [t,
                {"id": "a", "value": 33, "label": "l", "mentions": [{"quote": "33"}]},
                {"id": "b", "value": 21, "label": "l", "mentions": [{"quote": "21"}], "within": "t"},
                {"id": "c", "value": 8, "label": "l", "mentions": [{"quote": "8"}], "within": "t"}]});
        load(&j.to_string()).expect("valid")
    }

    #[test]
    fn sum_ok() {
        let d = doc(54.0, None);
        assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
        let b = d.relations.breakdown(0).unwrap();
        assert_eq!(
            (b.sum, b.consistent, b.parts.clone()),
            (54.0, true, vec![1, 2])
        );
        assert_eq!(d.relations.part_of[1], vec![0]);
        assert_eq!(d.relations.children[0], vec![2, 3]);
        assert!(d.relations.breakdown(1).is_none());
    }

    #[test]
    fn mismatch_warning_names_both_numbers() {
        let d = doc(55.0, None);
        let w = &d.warnings[0];
        assert_eq!(w.kind, Kind::SumMismatch);
        assert_eq!(w.path, "$.figures[0].parts");
        assert!(
            w.message.contains("54") && w.message.contains("55"),
            "{}",
            w.message
        );
        assert!(w.message.contains("33 + 21"), "{}", w.message);
        assert!(w.line.is_some());
        assert!(!d.relations.breakdown(0).unwrap().consistent);
    }

    #[test]
    fn qualifier_over() {
        assert!(doc(50.0, Some("over")).warnings.is_empty());
        assert!(doc(54.0, Some("over")).warnings.is_empty());
        let d = doc(60.0, Some("over"));
        assert_eq!(d.warnings[0].kind, Kind::SumMismatch);
        assert!(d.warnings[0].message.contains("over"));
        assert!(doc(56.0, Some("about")).warnings.is_empty());
        assert!(doc(60.0, Some("under")).warnings.is_empty());
    }

    fn sum_doc(total: Value, parts: &[Value]) -> crate::Document {
        let mut figures = vec![total];
        let text: Vec<String> = parts
            .iter()
            .map(|p| format!("«{}»", p["id"].as_str().unwrap()))
            .collect();
        for p in parts {
            let mut p = p.clone();
            p["label"] = json!("l");
            p["mentions"] = json!([{"quote": format!("«{}»", p["id"].as_str().unwrap())}]);
            figures.push(p);
        }
        figures[0]["parts"] = json!(parts.iter().map(|p| p["id"].clone()).collect::<Vec<_>>());
        figures[0]["label"] = json!("t");
        figures[0]["id"] = json!("t");
        let j = json!({"format": "article/1", "id": "x", "title": "T", "lang": "vi",
            "blocks": [{"kind": "paragraph", "text": text.join(" ")}], "figures": figures});
        load(&j.to_string()).expect("valid")
    }

    #[test]
    fn parts_in_other_units_are_not_added() {
        // The case: berths plus a percentage got "✓ (sum checks)".
        let d = sum_doc(
            json!({"value": 120, "unit": "berths"}),
            &[
                json!({"id": "a", "value": 50, "unit": "berths"}),
                json!({"id": "b", "value": 70, "unit": "%"}),
            ],
        );
        let b = d.relations.breakdown(0).unwrap();
        assert!(!b.consistent);
        assert_eq!(
            b.check,
            Check::UnitsDiffer(vec!["berths".into(), "%".into()])
        );
        assert_eq!(d.warnings.len(), 1, "{:#?}", d.warnings);
        assert_eq!(d.warnings[0].kind, Kind::UnitMismatch);
        assert!(
            d.warnings[0].message.contains("\"berths\" vs \"%\""),
            "{}",
            d.warnings[0].message
        );
        assert_eq!(b.equation(&d.article.figures, "vi"), "50 berths, 70 %");
        let u = |v: f64, unit: &str| json!({"value": v, "unit": unit});
        let p = |id: &str, v: f64, unit: Option<&str>| match unit {
            Some(unit) => json!({"id": id, "value": v, "unit": unit}),
            None => json!({"id": id, "value": v}),
        };
        // More of the kind: a percentage in a unitless total, a count in a percentage,
        // money at another scale, lengths in another measure, a duration in a count.
        for (total, a, b) in [
            (
                json!({"value": 30}),
                p("a", 10.0, Some("%")),
                p("b", 20.0, None),
            ),
            (
                u(100.0, "%"),
                p("a", 60.0, Some("%")),
                p("b", 40.0, Some("người")),
            ),
            (
                u(8.0, "tỷ đồng"),
                p("a", 5.0, Some("tỷ đồng")),
                p("b", 3.0, Some("triệu đồng")),
            ),
            (
                u(3.0, "km"),
                p("a", 1.0, Some("km")),
                p("b", 2.0, Some("m")),
            ),
            (
                u(7.0, "hộ"),
                p("a", 5.0, Some("hộ")),
                p("b", 2.0, Some("năm")),
            ),
        ] {
            let d = sum_doc(total.clone(), &[a, b]);
            let check = &d.relations.breakdown(0).unwrap().check;
            assert!(matches!(check, Check::UnitsDiffer(_)), "{total}: {check:?}");
        }
        // Same unit, a part without one, or counts of different nouns making up one
        // total (the sample's 54 đơn vị = 33 đảng bộ + 21 chi bộ): checked.
        for (total, a, b) in [
            (
                u(54.0, "đơn vị"),
                p("a", 33.0, Some("đảng bộ")),
                p("b", 21.0, Some("chi bộ")),
            ),
            (
                u(30.0, "hộ"),
                p("a", 10.0, Some(" hộ ")),
                p("b", 20.0, Some("hộ")),
            ),
            (u(30.0, "hộ"), p("a", 10.0, None), p("b", 20.0, Some("hộ"))),
            (
                u(30.0, "hộ"),
                p("a", 10.0, Some("người")),
                p("b", 20.0, Some("hộ")),
            ),
            (
                u(100.0, "%"),
                p("a", 60.0, Some("%")),
                p("b", 40.0, Some("%")),
            ),
            (
                u(8.0, "Tỷ đồng"),
                p("a", 5.0, Some("tỷ đồng")),
                p("b", 3.0, Some("tỷ đồng")),
            ),
        ] {
            let d = sum_doc(total.clone(), &[a, b]);
            let check = &d.relations.breakdown(0).unwrap().check;
            assert_eq!(check, &Check::Consistent, "{total}: {:#?}", d.warnings);
        }
    }

    #[test]
    fn negative_parts_are_written_and_drawn_as_such() {
        let d = sum_doc(
            json!({"value": 10}),
            &[
                json!({"id": "a", "value": 15}),
                json!({"id": "b", "value": -5}),
            ],
        );
        let b = d.relations.breakdown(0).unwrap();
        assert!(b.consistent, "{:#?}", d.warnings);
        assert_eq!(b.equation(&d.article.figures, "vi"), "15 − 5 = 10");
        let bar = b.bar(&d.article.figures);
        assert_eq!(bar.len(), 2, "the −5 is visible");
        assert_eq!(
            (bar[0].start, bar[0].width, bar[0].negative),
            (0.0, 1.0, false)
        );
        assert!(bar[1].negative);
        assert!(
            (bar[1].start - 10.0 / 15.0).abs() < 1e-12 && (bar[1].width - 5.0 / 15.0).abs() < 1e-12
        );

        let d = sum_doc(
            json!({"value": 2}),
            &[
                json!({"id": "a", "value": -3}),
                json!({"id": "b", "value": 5}),
            ],
        );
        let b = d.relations.breakdown(0).unwrap();
        assert_eq!(b.equation(&d.article.figures, "en"), "−3 + 5 = 2");
        let d = sum_doc(
            json!({"value": -8}),
            &[
                json!({"id": "a", "value": -3}),
                json!({"id": "b", "value": -5}),
            ],
        );
        let b = d.relations.breakdown(0).unwrap();
        assert_eq!(b.equation(&d.article.figures, "en"), "−3 − 5 = −8");
        assert!(
            b.bar(&d.article.figures).is_empty()
                || b.bar(&d.article.figures).iter().all(|s| s.width >= 0.0)
        );
    }

    #[test]
    fn equations_are_exact_and_flag_a_mismatch() {
        let d = sum_doc(
            json!({"value": 0.3}),
            &[
                json!({"id": "a", "value": 0.1}),
                json!({"id": "b", "value": 0.2}),
            ],
        );
        let b = d.relations.breakdown(0).unwrap();
        assert_eq!(b.sum, 0.3);
        assert_eq!(b.equation(&d.article.figures, "vi"), "0,1 + 0,2 = 0,3");
        let d = sum_doc(
            json!({"value": 8000}),
            &[
                json!({"id": "a", "value": 3300}),
                json!({"id": "b", "value": 2100}),
            ],
        );
        let b = d.relations.breakdown(0).unwrap();
        assert_eq!(b.check, Check::Mismatch);
        assert_eq!(
            b.equation(&d.article.figures, "vi"),
            "3.300 + 2.100 = 5.400 ≠ 8.000"
        );
        // A part shown with decimals: the sum shows as many.
        let d = sum_doc(
            json!({"value": 7}),
            &[
                json!({"id": "a", "value": 3.5, "decimals": 2}),
                json!({"id": "b", "value": 3.5}),
            ],
        );
        assert_eq!(
            d.relations
                .breakdown(0)
                .unwrap()
                .equation(&d.article.figures, "en"),
            "3.50 + 3.5 = 7.00"
        );
        let bar = d.relations.breakdown(0).unwrap().bar(&d.article.figures);
        assert_eq!(bar.iter().map(|s| s.width).sum::<f64>(), 1.0);
    }
}
