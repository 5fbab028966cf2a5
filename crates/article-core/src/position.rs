//! Where a JSON path is in the text: a tolerant scanner that follows the document byte
//! by byte, knowing at each value its JSON path (`$.figures[3].mentions[0].quote`) and its
//! line:column.
//!
//! ```
//! let json = "{\n  \"title\": 5\n}";
//! assert_eq!(article_core::locate(json, "$.title"), Some((2, 12)));
//! ```
//!
//! Why a scanner of its own rather than serde_json's positions: problems are found on the
//! parsed tree, which has no positions, and syntax errors are reported on text serde_json
//! rejected; this scanner never fails, skipping what it cannot follow, so every problem
//! gets a line:column however broken the file. Columns count code points, as editors do.
use crate::problem::Problem;
use std::collections::HashMap;

/// Where the value at `path` (e.g. `$.figures[3].mentions[0].quote`) starts in `json`:
/// 1-based line and column (column in code points). Tolerant: works on truncated or
/// otherwise invalid JSON as far as it can be followed. `None` if the path is not there.
pub fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    locate_all(json, &[path]).into_iter().next().flatten()
}

/// [`locate`] for many paths in one pass over the text.
pub fn locate_all(json: &str, paths: &[&str]) -> Vec<Option<(usize, usize)>> {
    let mut wanted: HashMap<&str, Option<(usize, usize)>> =
        paths.iter().map(|p| (*p, None)).collect();
    let mut remaining = wanted.len();
    // Paths in the text can be huge (a hostile 1 MB object key is part of the path of
    // every value under it); hashing such a path at each of those values was quadratic.
    // A path longer than every wanted one cannot be wanted: skip it in O(1).
    let longest = paths.iter().map(|p| p.len()).max().unwrap_or(0);
    if remaining > 0 {
        scan(json, |path, _, line, col| {
            if path.len() > longest {
                return true;
            }
            if let Some(slot) = wanted.get_mut(path) {
                if slot.is_none() {
                    *slot = Some((line, col));
                    remaining -= 1;
                }
            }
            remaining > 0
        });
    }
    paths
        .iter()
        .map(|p| wanted.get(p).copied().flatten())
        .collect()
}

/// Fill `line`/`column` of every problem that has none, from its path; a path that is
/// not in the text (a missing field) falls back to its nearest present ancestor.
pub fn locate_problems(json: &str, problems: &mut [Problem]) {
    let todo: Vec<usize> = (0..problems.len())
        .filter(|&i| problems[i].line.is_none())
        .collect();
    if todo.is_empty() {
        return;
    }
    // Every ancestor of every path, so one scan answers all fallbacks too.
    let mut candidates: Vec<String> = Vec::new();
    for &i in &todo {
        let mut p = problems[i].path.as_str();
        loop {
            candidates.push(p.to_string());
            match parent_path(p) {
                Some(q) => p = q,
                None => break,
            }
        }
    }
    candidates.sort();
    candidates.dedup();
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    let found = locate_all(json, &refs);
    let map: HashMap<&str, (usize, usize)> = refs
        .iter()
        .zip(found)
        .filter_map(|(p, f)| f.map(|f| (*p, f)))
        .collect();
    for i in todo {
        let mut p = problems[i].path.clone();
        loop {
            if let Some(&(l, c)) = map.get(p.as_str()) {
                problems[i].line = Some(l);
                problems[i].column = Some(c);
                break;
            }
            match parent_path(&p) {
                Some(q) => p = q.to_string(),
                None => break,
            }
        }
    }
}

/// `$.a[3].b` → `$.a[3]` → `$.a` → `$` → None.
fn parent_path(p: &str) -> Option<&str> {
    if p == "$" || p.is_empty() {
        return None;
    }
    let cut = p.rfind(['.', '['])?;
    Some(if cut == 0 { "$" } else { &p[..cut] })
}

/// Append one object key to a JSON path.
pub(crate) fn push_key(path: &mut String, key: &str) {
    let simple = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !key.as_bytes()[0].is_ascii_digit();
    if simple {
        path.push('.');
        path.push_str(key);
    } else {
        path.push_str("[\"");
        for ch in key.chars() {
            if ch == '"' || ch == '\\' {
                path.push('\\');
            }
            path.push(ch);
        }
        path.push_str("\"]");
    }
}

/// The path of the value being read at `byte` (for syntax errors), as far as the
/// scanner can tell: the last value that started at or before `byte`.
pub(crate) fn path_at(json: &str, byte: usize) -> String {
    // Two passes: find where that value starts, then copy its path once. Copying the
    // path at every value (as the first version did) is quadratic when a hostile key
    // makes the path megabytes long.
    let mut last_at = None;
    scan(json, |_, at, _, _| {
        if at > byte {
            return false;
        }
        last_at = Some(at);
        true
    });
    let mut last = String::from("$");
    if let Some(target) = last_at {
        scan(json, |path, at, _, _| {
            if at == target {
                last.clear();
                last.push_str(path);
                return false;
            }
            at < target
        });
    }
    last
}

#[derive(Clone, Copy)]
struct Frame {
    object: bool,
    index: usize,
    /// Length of the path of the container itself.
    base: usize,
}

/// Walk `json`, calling `report(path, byte, line, col)` at the start of every value; stop when
/// it returns false. Never fails: unexpected bytes are skipped.
pub(crate) fn scan(json: &str, mut report: impl FnMut(&str, usize, usize, usize) -> bool) {
    let b = json.as_bytes();
    let n = b.len();
    let mut i = 0usize;
    let mut line = 1usize;
    let mut col = 1usize;
    let mut path = String::from("$");
    let mut stack: Vec<Frame> = Vec::new();
    // In an object: true while waiting for a key.
    let mut want_key = false;
    let mut key = String::new();

    // Advance over one byte, keeping line/col in code points.
    macro_rules! step {
        () => {{
            let c = b[i];
            if c == b'\n' {
                line += 1;
                col = 1;
            } else if c & 0xC0 != 0x80 {
                col += 1;
            }
            i += 1;
        }};
    }

    while i < n {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => step!(),
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if top.object {
                        want_key = true;
                        path.truncate(top.base);
                    } else {
                        top.index += 1;
                    }
                }
                step!();
            }
            b':' => {
                want_key = false;
                step!();
            }
            b'}' | b']' => {
                if let Some(top) = stack.pop() {
                    path.truncate(top.base);
                }
                want_key = false;
                step!();
            }
            b'"' if want_key && stack.last().is_some_and(|f| f.object) => {
                // A key: read it, decoding simple escapes.
                step!();
                key.clear();
                let start = i;
                let mut plain = true;
                while i < n && b[i] != b'"' {
                    if b[i] == b'\\' {
                        plain = false;
                        step!();
                        if i >= n {
                            break;
                        }
                    }
                    step!();
                }
                let end = i.min(n);
                if plain {
                    key.push_str(json.get(start..end).unwrap_or(""));
                } else {
                    decode_escapes(json.get(start..end).unwrap_or(""), &mut key);
                }
                if i < n {
                    step!(); // closing quote
                }
                if let Some(top) = stack.last() {
                    path.truncate(top.base);
                    push_key(&mut path, &key);
                }
                want_key = false;
            }
            _ => {
                // A value starts here.
                if let Some(top) = stack.last() {
                    if !top.object {
                        path.truncate(top.base);
                        path.push('[');
                        path.push_str(&top.index.to_string());
                        path.push(']');
                    }
                }
                if !report(&path, i, line, col) {
                    return;
                }
                match c {
                    b'{' | b'[' => {
                        stack.push(Frame {
                            object: c == b'{',
                            index: 0,
                            base: path.len(),
                        });
                        want_key = c == b'{';
                        step!();
                    }
                    b'"' => {
                        step!();
                        while i < n && b[i] != b'"' {
                            if b[i] == b'\\' {
                                step!();
                                if i >= n {
                                    break;
                                }
                            }
                            step!();
                        }
                        if i < n {
                            step!();
                        }
                    }
                    _ => {
                        // number / literal / garbage: up to the next delimiter
                        step!();
                        while i < n
                            && !matches!(
                                b[i],
                                b',' | b'}' | b']' | b':' | b'"' | b' ' | b'\t' | b'\r' | b'\n'
                            )
                        {
                            step!();
                        }
                    }
                }
            }
        }
    }
}

fn decode_escapes(raw: &str, out: &mut String) {
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
}

/// 1-based (line, column in code points) of a byte offset; offsets inside a char count
/// as that char.
pub(crate) fn line_col(json: &str, byte: usize) -> (usize, usize) {
    let b = json.as_bytes();
    let end = byte.min(b.len());
    let mut line = 1;
    let mut col = 1;
    for &c in &b[..end] {
        if c == b'\n' {
            line += 1;
            col = 1;
        } else if c & 0xC0 != 0x80 {
            col += 1;
        }
    }
    (line, col)
}

/// Byte offset of a 1-based (line, byte column) position as serde_json reports it.
pub(crate) fn offset_of(json: &str, line: usize, byte_col: usize) -> usize {
    let mut start = 0usize;
    if line > 1 {
        let mut seen = 1;
        for (i, c) in json.bytes().enumerate() {
            if c == b'\n' {
                seen += 1;
                if seen == line {
                    start = i + 1;
                    break;
                }
            }
        }
        if seen < line {
            return json.len();
        }
    }
    (start + byte_col.saturating_sub(1)).min(json.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Kind;

    #[test]
    fn locate_paths() {
        let j = "{\n  \"a\": 1,\n  \"figures\": [\n    {\"id\": \"x\", \"mentions\": [{\"quote\": \"ẩ\"}, {\"quote\": \"q\"}]}\n  ],\n  \"weird key\": [1, [2, 3]]\n}";
        assert_eq!(locate(j, "$"), Some((1, 1)));
        assert_eq!(locate(j, "$.a"), Some((2, 8)));
        assert_eq!(locate(j, "$.figures"), Some((3, 14)));
        assert_eq!(locate(j, "$.figures[0]"), Some((4, 5)));
        assert_eq!(locate(j, "$.figures[0].id"), Some((4, 12)));
        assert_eq!(locate(j, "$.figures[0].mentions[1].quote"), Some((4, 56)));
        assert_eq!(locate(j, "$[\"weird key\"][1][1]"), Some((6, 24)));
        assert_eq!(locate(j, "$.nope"), None);
    }

    #[test]
    fn locate_tolerates_garbage() {
        for j in [
            "",
            "{",
            "{\"a\":",
            "[[[",
            "}}}",
            "\"abc",
            "{\"a\\",
            "{\"a\":[1,2",
        ] {
            let _ = locate(j, "$.a[1]");
            let _ = path_at(j, 3);
        }
        assert_eq!(locate("{\"a\":[1,2", "$.a[1]"), Some((1, 9)));
    }

    #[test]
    fn fallback_to_parent() {
        let j = "{\n \"figures\": [ {\"id\": \"x\"} ]\n}";
        let mut ps = vec![Problem::error(Kind::Missing, "$.figures[0].label", "m")];
        locate_problems(j, &mut ps);
        assert_eq!((ps[0].line, ps[0].column), (Some(2), Some(15)));
    }

    #[test]
    fn path_at_offsets() {
        let j = "{\"a\": [1, {\"b\": tru}]}";
        let off = j.find("tru").unwrap();
        assert_eq!(path_at(j, off), "$.a[1].b");
    }
}
