//! Property tests for how values are written: reading the text a reader sees gives back
//! exactly the value the publisher wrote, in both languages, for any finite number; a
//! publisher's `decimals` rounds to within half a unit of the last digit shown; sums are
//! the decimal sums a person would write.
use article_core::format::{self, exact_sum, styled, Style};
use proptest::prelude::*;

/// The reader's text back to a number, the way a person reads it: grouping marks
/// ignored, the language's decimal mark, "−" or "-", and "× 10ⁿ".
fn read_back(text: &str, lang: &str) -> f64 {
    let (group, dec) = if format::is_vi(lang) {
        ('.', ',')
    } else {
        (',', '.')
    };
    let (mantissa, exp) = match text.split_once(" × 10") {
        Some((m, e)) => {
            let e: String = e
                .chars()
                .map(|c| match c {
                    '⁻' => '-',
                    c => "⁰¹²³⁴⁵⁶⁷⁸⁹"
                        .chars()
                        .position(|s| s == c)
                        .and_then(|d| char::from_digit(d as u32, 10))
                        .expect("superscript digit"),
                })
                .collect();
            (m, e)
        }
        None => (text, "0".to_string()),
    };
    let plain: String = mantissa
        .chars()
        .filter(|&c| c != group)
        .map(|c| match c {
            '−' => '-',
            c if c == dec => '.',
            c => c,
        })
        .collect();
    format!("{plain}e{exp}")
        .parse()
        .unwrap_or_else(|e| panic!("{text:?} does not read back: {e}"))
}

fn any_finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
        // Numbers as publishers write them: a few digits, a few decimals.
        (any::<i32>(), 0u32..7).prop_map(|(n, d)| f64::from(n) / 10f64.powi(d as i32)),
        (0u64..10_000_000_000u64).prop_map(|n| n as f64),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn formatted_numbers_read_back_exactly(v in any_finite(), vi in any::<bool>()) {
        let lang = if vi { "vi" } else { "en" };
        let text = format::number(v, lang);
        let back = read_back(&text, lang);
        prop_assert!(back == v || (v == 0.0 && back == 0.0), "{v:e} → {text:?} → {back:e}");
    }

    #[test]
    fn percentages_read_back_exactly(v in any_finite(), vi in any::<bool>()) {
        let lang = if vi { "vi" } else { "en" };
        let text = format::percent(v, lang);
        let n = text.trim_end_matches('%').trim_end();
        prop_assert_eq!(read_back(n, lang), v, "{}", text);
    }

    #[test]
    fn decimals_are_within_half_a_unit_and_show_that_many(
        n in -1_000_000_000i64..1_000_000_000, scale in 0u32..8, decimals in 0u8..6, vi in any::<bool>()
    ) {
        let lang = if vi { "vi" } else { "en" };
        let v = n as f64 / 10f64.powi(scale as i32);
        let text = styled(v, Style { decimals: Some(decimals), year: false }, lang);
        let dec = if vi { ',' } else { '.' };
        let shown = text.split_once(dec).map_or(0, |(_, f)| f.chars().count());
        prop_assert_eq!(shown, usize::from(decimals), "{}", text);
        let back = read_back(&text, lang);
        let half = 0.5 * 10f64.powi(-i32::from(decimals));
        prop_assert!((back - v).abs() <= half * (1.0 + 1e-9) + v.abs() * 1e-15, "{v} → {text} → {back}");
    }

    #[test]
    fn years_have_no_grouping(y in -9999i32..=9999) {
        let text = styled(f64::from(y), Style { decimals: None, year: true }, "vi");
        prop_assert_eq!(text.replace('−', "-"), y.to_string());
    }

    #[test]
    fn sums_of_written_decimals_are_the_written_sum(
        parts in proptest::collection::vec((-1_000_000i64..1_000_000, 0u32..4), 1..8)
    ) {
        // Each part as a publisher writes it (n / 10^d); the sum in exact integers.
        let scale = 10_000i64;
        let values: Vec<f64> = parts.iter().map(|&(n, d)| n as f64 / 10f64.powi(d as i32)).collect();
        let exact: i64 = parts.iter().map(|&(n, d)| n * (scale / 10i64.pow(d))).sum();
        let want = exact as f64 / scale as f64;
        prop_assert_eq!(exact_sum(values.iter().copied()), want);
    }
}
