//! A tiny JSON tree that keeps keys in the order written, pretty-printed for people.
//!
//! Why not `serde_json::Value`: without its `preserve_order` feature it sorts keys
//! (`blocks` before `format`), and turning that feature on would change the map type for
//! the core crate too (cargo unifies features). A draft a publisher edits should read in
//! the order of the format: `format`, `id`, `lang`, `title` … `blocks`, `figures`.

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Str(String),
    Num(f64),
    Obj(Vec<(&'static str, Json)>),
    Arr(Vec<Json>),
}

/// Objects and arrays that fit on one line within this width stay on one line
/// (`{ "quote": "28 hộ", "block": 3 }`), so the figures list stays scannable.
const WIDTH: usize = 88;

pub fn pretty(v: &Json) -> String {
    let mut out = String::new();
    write(v, 0, 0, &mut out);
    out.push('\n');
    out
}

fn inline(v: &Json) -> String {
    match v {
        Json::Str(s) => string(s),
        Json::Num(n) => number(*n),
        Json::Obj(fields) if fields.is_empty() => "{}".into(),
        Json::Arr(items) if items.is_empty() => "[]".into(),
        Json::Obj(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("\"{k}\": {}", inline(v)))
                .collect();
            format!("{{ {} }}", inner.join(", "))
        }
        Json::Arr(items) => {
            let inner: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", inner.join(", "))
        }
    }
}

/// `indent` is the indentation of the line the value starts on, `column` where on that
/// line it starts (after a key), which is what decides whether it fits.
fn write(v: &Json, indent: usize, column: usize, out: &mut String) {
    let flat = inline(v);
    if flat.chars().count() + column <= WIDTH || matches!(v, Json::Str(_) | Json::Num(_)) {
        out.push_str(&flat);
        return;
    }
    let pad = " ".repeat(indent + 2);
    match v {
        Json::Obj(fields) => {
            out.push_str("{\n");
            for (i, (k, v)) in fields.iter().enumerate() {
                out.push_str(&format!("{pad}\"{k}\": "));
                write(v, indent + 2, indent + 2 + k.len() + 4, out);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
        }
        Json::Arr(items) => {
            out.push_str("[\n");
            for (i, v) in items.iter().enumerate() {
                out.push_str(&pad);
                write(v, indent + 2, indent + 2, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
        }
        Json::Str(_) | Json::Num(_) => unreachable!("scalars are always written inline"),
    }
    out.push_str(&" ".repeat(indent));
    out.push(if matches!(v, Json::Obj(_)) { '}' } else { ']' });
}

/// A JSON string in which the characters a publisher could not see or tell apart in an
/// editor are written as `\uXXXX` escapes: format characters (zero-width joiner and space,
/// soft hyphen, word joiner, byte-order mark, bidi marks) and the special spaces
/// (no-break, figure, thin, narrow no-break). The value is the same; "5\u200d4" in a quote
/// shows why the quote is not "54".
fn string(s: &str) -> String {
    let plain = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    if !plain.contains(|c: char| super::numbers::is_format(c) || visible_space(c)) {
        return plain;
    }
    let mut out = String::with_capacity(plain.len() + 16);
    for c in plain.chars() {
        if super::numbers::is_format(c) || visible_space(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Spaces other than the plain one that look like it (all are in the Basic Multilingual
/// Plane, so one `\uXXXX` escape each).
fn visible_space(c: char) -> bool {
    c != ' ' && super::numbers::is_group_space(c)
}

/// Integers without a fraction ("8000", not "8000.0"); others as serde_json writes them.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        serde_json::to_string(&n).unwrap_or_else(|_| "0".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_breaks_long_values() {
        let doc = Json::Obj(vec![
            ("format", Json::Str("article/1".into())),
            ("value", Json::Num(8000.0)),
            ("ratio", Json::Num(2.5)),
            (
                "mentions",
                Json::Arr(vec![Json::Obj(vec![(
                    "quote",
                    Json::Str("28 \"hộ\"".into()),
                )])]),
            ),
            ("long", Json::Arr(vec![Json::Str("x".repeat(90))])),
        ]);
        let text = pretty(&doc);
        assert_eq!(
            text,
            format!(
                "{{\n  \"format\": \"article/1\",\n  \"value\": 8000,\n  \"ratio\": 2.5,\n  \
                 \"mentions\": [{{ \"quote\": \"28 \\\"hộ\\\"\" }}],\n  \"long\": [\n    \"{}\"\n  ]\n}}\n",
                "x".repeat(90)
            )
        );
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["mentions"][0]["quote"], "28 \"hộ\"");
    }

    #[test]
    fn invisible_characters_are_escaped() {
        for (text, written) in [
            ("5\u{200d}4 hộ", r#""5\u200d4 hộ""#),
            ("10\u{a0}000", r#""10\u00a0000""#),
            ("1\u{ad}000 \u{feff}", r#""1\u00ad000 \ufeff""#),
            ("2,5\u{202f}%", r#""2,5\u202f%""#),
            ("no \"escape\" needed", r#""no \"escape\" needed""#),
        ] {
            assert_eq!(inline(&Json::Str(text.into())), written);
            let back: String = serde_json::from_str(written).unwrap();
            assert_eq!(back, text);
        }
    }
}
