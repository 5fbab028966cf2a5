//! What is checked on the raw text: size and nesting depth before serde_json runs (so
//! its work is bounded), and serde_json's syntax errors reworded for a publisher, with
//! line:column, JSON path and a hint.
use crate::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
use crate::position;
use crate::problem::{Kind, Problem};

/// Refuse input too large or too deeply nested to hand to serde_json.
pub(super) fn check_bounds(json: &str) -> Result<(), Vec<Problem>> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(vec![Problem::error(
            Kind::Limit,
            "$",
            format!(
                "the document is {} bytes; the limit is {} bytes",
                json.len(),
                MAX_INPUT_BYTES
            ),
        )
        .with_hint("split the article, or move large data out of it")]);
    }
    if let Some(at) = too_deep(json) {
        let (l, c) = position::line_col(json, at);
        return Err(vec![Problem::error(
            Kind::Limit,
            position::path_at(json, at),
            format!("the document is nested more than {MAX_DEPTH} levels deep"),
        )
        .with_hint("article/1 needs only a few levels; check for stray brackets")
        .at(l, c)]);
    }
    Ok(())
}

/// Depth check on the raw bytes, before serde_json recurses. Returns the byte offset of
/// the first bracket that goes too deep.
fn too_deep(json: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    for (i, &b) in json.as_bytes().iter().enumerate() {
        if in_str {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

pub(super) fn syntax_problem(json: &str, e: &serde_json::Error) -> Problem {
    let full = e.to_string();
    let msg = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let offset = position::offset_of(json, e.line(), e.column());
    let lone = (msg.contains("hex escape") || msg.contains("surrogate"))
        .then(|| lone_surrogate_before(json, offset))
        .flatten();
    let msg = match &lone {
        Some(esc) => format!("{esc} is half of a character (a lone UTF-16 surrogate)"),
        None => msg,
    };
    let (line, col) = position::line_col(json, offset);
    let path = position::path_at(json, offset);
    let kind = if msg.contains("recursion limit") {
        Kind::Limit
    } else {
        Kind::Syntax
    };
    let hint = if msg.contains("EOF") {
        "the text ends too early: a closing bracket, brace or quote is missing"
    } else if msg.contains("trailing comma") {
        "remove the comma before the closing bracket or brace"
    } else if msg.contains("key must be a string") {
        "object keys need double quotes: \"key\": value"
    } else if msg.contains("expected `,` or `}`") {
        "a comma is missing between two fields, or a brace is missing"
    } else if msg.contains("expected `,` or `]`") {
        "a comma is missing between two items, or a bracket is missing"
    } else if msg.contains("expected `:`") {
        "put a colon between a key and its value"
    } else if msg.contains("control character") {
        "write line breaks and tabs inside strings as \\n and \\t"
    } else if lone.is_some() {
        "a \\uD800–\\uDFFF escape must come in a pair (high then low surrogate) that encodes one character; write the character itself, or both halves"
    } else if msg.contains("escape") {
        "inside strings, a backslash must start an escape such as \\\" \\\\ \\n or \\u00e9"
    } else if msg.contains("trailing characters") {
        "there is text after the end of the document"
    } else if msg.contains("recursion limit") {
        "the document is nested too deeply"
    } else if msg.contains("number out of range") {
        "numbers must be between about -1.7e308 and 1.7e308"
    } else if msg.contains("expected value") || msg.contains("expected ident") {
        "a value is missing or invalid: strings need double quotes, and JSON has no comments or single quotes"
    } else {
        "check the JSON syntax here"
    };
    Problem::error(kind, path, format!("not valid JSON: {msg}"))
        .with_hint(hint)
        .at(line, col)
}

/// The `\\uD800`–`\\uDFFF` escape that ends just before `offset`, if that is where
/// serde_json stopped: it words a lone surrogate as "unexpected end of hex escape".
fn lone_surrogate_before(json: &str, offset: usize) -> Option<String> {
    let b = json.as_bytes();
    let from = offset.saturating_sub(13);
    (from..offset.min(b.len())).rev().find_map(|i| {
        let esc = b.get(i..i + 6)?;
        let hex = std::str::from_utf8(&esc[2..]).ok()?;
        let unit = u16::from_str_radix(hex, 16).ok()?;
        (esc.starts_with(b"\\u") && (0xD800..=0xDFFF).contains(&unit))
            .then(|| format!("\\u{}", hex.to_ascii_uppercase()))
    })
}
