//! The one rule for ids (articles, figures, categories, and `?article=` / `#fig-` in
//! URLs): ASCII letters, digits, `-` and `_`, at least one.
//!
//! ```
//! assert!(article_core::ids::is_valid("cam-pha_2016"));
//! assert!(!article_core::ids::is_valid("cẩm phả"));
//! ```

/// Is `s` a valid id?
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule() {
        for ok in ["a", "units", "year-2015", "A_b-9"] {
            assert!(is_valid(ok), "{ok}");
        }
        for bad in ["", " ", "a b", "a.b", "ẩ", "a/b", "<x>", "a\"b", "#a"] {
            assert!(!is_valid(bad), "{bad}");
        }
    }
}
