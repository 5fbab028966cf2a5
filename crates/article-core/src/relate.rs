//! `parts` (sums) and `within` (nesting) between figures.
//!
//! Why: the reader shows "54 = 33 + 21" next to a figure and lets one step from a part
//! to its total, so the arithmetic is checked here once. A sum that does not add up is a
//! warning, not an error: the article is still worth reading, and the publisher gets
//! both numbers to compare. References and cycles are validated by the parser (they
//! are errors); this module stays total on any [`Article`] anyway (out-of-range
//! indices are skipped, nothing recurses).
use crate::model::{Article, Qualifier};
use crate::problem::{Kind, Problem};

/// The arithmetic of a figure with `parts`.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub figure: usize,
    pub parts: Vec<usize>,
    pub sum: f64,
    /// True when `sum` agrees with the figure's value, respecting its qualifier
    /// (`over`: value < sum is fine … ; exact otherwise, with float tolerance).
    pub consistent: bool,
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

fn num(v: f64) -> String {
    crate::format::number(v, "en")
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
        let sum: f64 = parts.iter().map(|&p| figs[p].value).sum();
        let ok = consistent(f.value, sum, f.qualifier);
        if !ok {
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
        }
        rel.breakdowns.push(Breakdown {
            figure: i,
            parts,
            sum,
            consistent: ok,
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
    use serde_json::json;

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
}
