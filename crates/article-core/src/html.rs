//! Escaping for the three places article text goes into HTML that we write ourselves
//! (static pages): text content, double-quoted attribute values, and JSON inside a
//! `<script>` element.
//!
//! ```
//! use article_core::html;
//! assert_eq!(html::text("a < b & c"), "a &lt; b &amp; c");
//! assert_eq!(html::attr("\"><script>"), "&quot;&gt;&lt;script&gt;");
//! assert_eq!(html::script_json(&"</script><!--".into()), r#""\u003c/script\u003e\u003c!--""#);
//! ```
//!
//! Why three functions and no "sanitiser": article content is plain text by contract, so
//! nothing is ever allowed through as markup; each context only needs the characters
//! that end it escaped. `<` and `>` are escaped everywhere, so even a mistake in choosing
//! the context cannot open a tag.

/// Text content of an element (not `<script>` / `<style>`, which take no entities).
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// A double-quoted attribute value.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            // NUL is a parse error in HTML and replaced by U+FFFD anyway.
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// JSON for a `<script type="application/json">` or `application/ld+json` element: no
/// `</script>`, `<!--` or `]]>` can appear in it (`<`, `>` and `&` are `\u` escapes,
/// which every JSON parser reads back), and U+2028 / U+2029 are escaped too, for
/// consumers that evaluate JSON as JavaScript.
pub fn script_json(value: &serde_json::Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const HOSTILE: [&str; 8] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "]]><![CDATA[",
        "&lt;not decoded&gt;",
        "a\u{2028}b\u{2029}c\0d",
    ];

    #[test]
    fn no_context_can_be_left() {
        for s in HOSTILE {
            for out in [text(s), attr(s)] {
                assert!(!out.contains('<') && !out.contains('>'), "{out}");
            }
            assert!(!attr(s).contains('"') && !attr(s).contains('\''));
            let j = script_json(&json!({ "title": s }));
            for bad in ["</script", "<!--", "]]>", "<", ">"] {
                assert!(!j.to_lowercase().contains(bad), "{j}");
            }
            assert!(!j.contains('\u{2028}') && !j.contains('\u{2029}'));
            let back: serde_json::Value = serde_json::from_str(&j).unwrap();
            assert_eq!(back["title"], s, "reads back exactly");
        }
    }

    #[test]
    fn entities_are_escaped_not_decoded() {
        assert_eq!(text("&lt;"), "&amp;lt;");
        assert_eq!(attr("a&b"), "a&amp;b");
        assert_eq!(text("Cẩm Phả \"54\""), "Cẩm Phả \"54\"");
        assert_eq!(text("x\0y"), "x\u{FFFD}y");
    }
}
