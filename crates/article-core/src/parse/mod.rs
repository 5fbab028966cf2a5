//! JSON text → validated, NFC-normalised [`Article`] plus warnings, or every error found.
//!
//! Why a hand-written walk over `serde_json::Value` instead of `#[derive(Deserialize)]`:
//! derive stops at the first problem and words it for Rust programmers ("invalid type:
//! string \"54\", expected f64"). A publisher editing JSON by hand needs all problems at
//! once, each with its JSON path, line:column and a fix ("remove the quotes"), and
//! unknown block kinds must be skipped rather than fatal. Work is bounded before
//! serde_json ever runs: input size and nesting depth are checked on the raw bytes.
use crate::format::Timestamp;
use crate::keys;
use crate::limits::*;
use crate::model::{Article, Block, Category, Figure, MentionSpec, Qualifier};
use crate::problem::{self, push_key, Kind, Problem};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// NFC, without allocating twice for text that is already NFC (the common case).
pub(crate) fn nfc(s: &str) -> String {
    crate::unicode::nfc(s).into_owned()
}

/// The most digits after the decimal mark a figure may ask for with `"decimals"`.
pub const MAX_DECIMALS: u64 = 20;

/// Whole numbers beyond this (2⁵³) are not exact in a JSON number as browsers read it.
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// `MentionSpec::block` value for a mention whose block was dropped (unknown kind or
/// refused image): it can never resolve and is reported as an orphan.
pub const DROPPED_BLOCK: usize = usize::MAX;

struct Ctx {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    dropped_errors: usize,
}

impl Ctx {
    fn err(&mut self, p: Problem) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(p);
        } else {
            self.dropped_errors += 1;
        }
    }
    fn warn(&mut self, p: Problem) {
        if self.warnings.len() < 10 * MAX_ERRORS {
            self.warnings.push(p);
        }
    }
    fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }
    /// A warning per key of `obj` that is not in `known`, naming the nearest known key.
    fn unknown_keys(&mut self, obj: &Map<String, Value>, base: &str, known: &[&str]) {
        for key in obj.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let p = Problem::warning(
                Kind::UnknownKey,
                path_key(base, key),
                format!("unknown key {}; it is ignored", quoted(key)),
            );
            self.warn(match nearest(key, known) {
                Some(k) => p.with_hint(format!("did you mean \"{k}\"?")),
                None => p.with_hint(format!("known keys here: {}", known.join(", "))),
            });
        }
    }
}

/// The known key a typo most likely meant: at most a third of its letters off (and at
/// most 3), case ignored, so `qualifer`, `categroy` and `Title` find theirs and `foo`
/// finds nothing.
fn nearest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    // Edit distance is quadratic: a hostile megabyte key must not reach it, and a key
    // much longer than every known one is no typo of them.
    if key.len() > 40 {
        return None;
    }
    let lower = key.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).clamp(1, 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn path_key(base: &str, key: &str) -> String {
    let mut p = base.to_string();
    push_key(&mut p, key);
    p
}

/// A value from the document in a message: quoted, cut at 40 characters.
fn quoted(s: &str) -> String {
    problem::quoted(s, 40)
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("a number {n}"),
        Value::String(s) => format!("a string {}", quoted(s)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Want {
    Bool,
    Str,
    Num,
    Index,
    Array,
    Object,
}

impl Want {
    fn name(self) -> &'static str {
        match self {
            Want::Bool => "true or false",
            Want::Str => "a string",
            Want::Num => "a number",
            Want::Index => "a whole number (0 or more)",
            Want::Array => "an array [ … ]",
            Want::Object => "an object { … }",
        }
    }
}

fn finite(s: &str) -> bool {
    s.parse::<f64>().is_ok_and(f64::is_finite)
}

fn json_number(s: &str) -> bool {
    serde_json::from_str::<serde_json::Number>(s).is_ok()
}

fn type_error(path: &str, want: Want, found: &Value) -> Problem {
    let p = Problem::error(
        Kind::Type,
        path,
        format!("expected {}, found {}", want.name(), describe(found)),
    );
    let hint = match (want, found) {
        // Only what JSON itself accepts as a number: Rust parses "NaN", "inf", "+5" and
        // ".5", which are not JSON, so "remove the quotes: NaN" would be a wrong hint.
        (Want::Num | Want::Index, Value::String(s)) if json_number(s.trim()) => {
            Some(format!("remove the quotes: {}", s.trim()))
        }
        (Want::Num | Want::Index, Value::String(s))
            if finite(&s.trim().replace(['.', ','], "")) =>
        {
            Some("write the number without quotes or digit grouping, e.g. 8000 or 2.5".into())
        }
        (Want::Index, Value::Number(_)) => Some("use an integer such as 0, 1, 2".into()),
        (Want::Str, Value::Number(n)) => Some(format!("put it in double quotes: \"{n}\"")),
        (Want::Str, Value::Bool(b)) => Some(format!("put it in double quotes: \"{b}\"")),
        (Want::Array, Value::Object(_) | Value::String(_) | Value::Number(_)) => {
            Some("wrap the value(s) in [ ]".into())
        }
        (_, Value::Null) => Some("give a value, or leave the field out if it is optional".into()),
        _ => None,
    };
    match hint {
        Some(h) => p.with_hint(h),
        None => p,
    }
}

fn missing(path: &str, key: &str, example: &str) -> Problem {
    Problem::error(
        Kind::Missing,
        path_key(path, key),
        format!("missing required field \"{key}\""),
    )
    .with_hint(format!("add \"{key}\": {example}"))
}

impl Ctx {
    /// A present, non-null field of the given type; None (with an error) otherwise.
    fn field<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        base: &str,
        key: &str,
        want: Want,
        required: Option<&str>,
    ) -> Option<&'v Value> {
        match obj.get(key) {
            None | Some(Value::Null) if required.is_none() => None,
            None => {
                self.err(missing(base, key, required.unwrap_or("…")));
                None
            }
            Some(v) => {
                let ok = match want {
                    Want::Bool => v.is_boolean(),
                    Want::Str => v.is_string(),
                    Want::Num => v.is_number(),
                    Want::Index => v.is_u64(),
                    Want::Array => v.is_array(),
                    Want::Object => v.is_object(),
                };
                if ok {
                    Some(v)
                } else {
                    self.err(type_error(&path_key(base, key), want, v));
                    None
                }
            }
        }
    }
    fn string(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        key: &str,
        required: Option<&str>,
    ) -> Option<String> {
        let s = self
            .field(obj, base, key, Want::Str, required)
            .and_then(Value::as_str)
            .map(nfc)?;
        if required.is_some() && s.trim().is_empty() {
            self.err(
                Problem::error(
                    Kind::Format,
                    path_key(base, key),
                    format!("\"{key}\" is empty"),
                )
                .with_hint(format!(
                    "\"{key}\" is required: give it some text, e.g. {}",
                    required.unwrap_or("\"…\"")
                )),
            );
            return None;
        }
        Some(s)
    }
    fn index(&mut self, obj: &Map<String, Value>, base: &str, key: &str) -> Option<usize> {
        self.field(obj, base, key, Want::Index, None)
            .and_then(Value::as_u64)
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
    }
}

/// The shape of a BCP 47 tag as the schema writes it: 2–8 letters, then `-` parts of
/// 1–8 letters or digits ("vi", "vi-VN", "zh-Hant-TW").
fn valid_lang(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn bad_id(path: &str, what: &str, id: &str) -> Problem {
    Problem::error(
        Kind::Format,
        path,
        if id.is_empty() {
            format!("{what} id is empty")
        } else {
            format!(
                "{what} id {} has characters other than ASCII letters, digits, - and _",
                quoted(id)
            )
        },
    )
    .with_hint("use ids like \"members-2016\" or \"units_total\"")
}

/// Check an image `src`: a relative URL or `https:`. Browsers ignore ASCII whitespace
/// and control characters around (and tabs/newlines inside) a URL, so the scheme is
/// checked with all of them removed, case-insensitively. Returns the cleaned src.
pub fn check_src(src: &str) -> Result<String, String> {
    let squeezed: String = src
        .chars()
        .filter(|c| !(c.is_ascii_whitespace() || c.is_ascii_control() || *c == ' '))
        .collect();
    if squeezed.is_empty() {
        return Err("the image src is empty".into());
    }
    if src.trim().chars().any(char::is_whitespace) {
        return Err(format!(
            "the image src {} contains spaces or line breaks, which are not allowed; write a space as %20",
            quoted(src)
        ));
    }
    let s = squeezed.as_str();
    if s.starts_with("//") || s.starts_with("\\\\") || s.starts_with("/\\") || s.starts_with("\\/")
    {
        return Err(format!(
            "protocol-relative URL {} is not allowed; use https:// or a relative path",
            quoted(src)
        ));
    }
    let first_delim = s.find(['/', '?', '#']).unwrap_or(s.len());
    if let Some(colon) = s[..first_delim].find(':') {
        let scheme = &s[..colon];
        if !scheme.eq_ignore_ascii_case("https") {
            return Err(format!(
                "URL scheme {} is not allowed in an image src; only https: and relative URLs are",
                quoted(&format!("{scheme}:"))
            ));
        }
    }
    // What we keep: trimmed, with tabs/newlines removed (as the browser would).
    Ok(src
        .trim_matches(|c: char| c.is_ascii_control() || c == ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect())
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

fn syntax_problem(json: &str, e: &serde_json::Error) -> Problem {
    let full = e.to_string();
    let msg = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let offset = problem::offset_of(json, e.line(), e.column());
    let lone = (msg.contains("hex escape") || msg.contains("surrogate"))
        .then(|| lone_surrogate_before(json, offset))
        .flatten();
    let msg = match &lone {
        Some(esc) => format!("{esc} is half of a character (a lone UTF-16 surrogate)"),
        None => msg,
    };
    let (line, col) = problem::line_col(json, offset);
    let path = problem::path_at(json, offset);
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

/// Parse and validate. Every problem carries line:column where it could be located.
pub(crate) fn parse(json: &str) -> Result<(Article, Vec<Problem>), Vec<Problem>> {
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
        let (l, c) = problem::line_col(json, at);
        return Err(vec![Problem::error(
            Kind::Limit,
            problem::path_at(json, at),
            format!("the document is nested more than {MAX_DEPTH} levels deep"),
        )
        .with_hint("article/1 needs only a few levels; check for stray brackets")
        .at(l, c)]);
    }
    let (value, duplicates) = match crate::json::parse(json) {
        Ok(v) => v,
        Err(e) => return Err(vec![syntax_problem(json, &e)]),
    };
    let mut cx = Ctx {
        errors: duplicates,
        warnings: Vec::new(),
        dropped_errors: 0,
    };
    let article = walk(&value, &mut cx);
    if cx.full() {
        let more = if cx.dropped_errors > 0 {
            format!(" ({} more found before stopping)", cx.dropped_errors)
        } else {
            String::new()
        };
        cx.errors.push(
            Problem::error(
                Kind::Limit,
                "$",
                format!("too many errors: stopped listing after {MAX_ERRORS}{more}"),
            )
            .with_hint("fix these and check again"),
        );
    }
    match article {
        Some(a) if cx.errors.is_empty() => {
            problem::locate_problems(json, &mut cx.warnings);
            Ok((a, cx.warnings))
        }
        _ => {
            if cx.errors.is_empty() {
                cx.errors.push(Problem::error(
                    Kind::Other,
                    "$",
                    "the document could not be read",
                ));
            }
            // The warnings too (an unknown key is often the cause of a missing field):
            // a publisher fixing the file sees everything at once, errors first.
            cx.errors.append(&mut cx.warnings);
            problem::locate_problems(json, &mut cx.errors);
            Err(cx.errors)
        }
    }
}

fn walk(value: &Value, cx: &mut Ctx) -> Option<Article> {
    let Some(root) = value.as_object() else {
        cx.err(
            Problem::error(
                Kind::Type,
                "$",
                format!(
                    "expected an article object {{ \"format\": \"article/1\", … }}, found {}",
                    describe(value)
                ),
            )
            .with_hint("the whole file must be one JSON object"),
        );
        return None;
    };
    let format = cx.string(root, "$", "format", Some("\"article/1\""));
    if let Some(f) = &format {
        if f != "article/1" {
            cx.err(
                Problem::error(
                    Kind::Format,
                    "$.format",
                    format!(
                        "unsupported format {}; this reader understands \"article/1\"",
                        quoted(f)
                    ),
                )
                .with_hint("set \"format\": \"article/1\" if the document follows that format"),
            );
            return None;
        }
    }
    let id = cx.string(root, "$", "id", Some("\"my-article\""));
    if let Some(i) = id.as_deref().filter(|i| !valid_id(i)) {
        cx.err(bad_id("$.id", "article", i));
    }
    cx.unknown_keys(root, "$", keys::ARTICLE);
    let lang = cx.string(root, "$", "lang", None);
    if let Some(l) = lang.as_deref().filter(|l| !valid_lang(l)) {
        cx.warn(
            Problem::warning(
                Kind::Format,
                "$.lang",
                format!(
                    "{} is not a BCP 47 language tag; numbers and dates are written as for \"{}\"",
                    quoted(l),
                    if crate::format::is_vi(l) { "vi" } else { "en" }
                ),
            )
            .with_hint("write a tag like \"vi\", \"en\" or \"vi-VN\" (letters, parts joined by -)"),
        );
    }
    let lang = lang
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "en".into());
    let kicker = cx.string(root, "$", "kicker", None);
    let title = cx.string(root, "$", "title", Some("\"…\""));
    let byline = cx.string(root, "$", "byline", None);
    let published = cx.string(root, "$", "published", None);
    if let Some(p) = &published {
        if let Err(e) = Timestamp::parse(p) {
            cx.err(
                Problem::error(
                    Kind::Format,
                    "$.published",
                    format!("\"published\" is not an RFC 3339 timestamp: {e}"),
                )
                .with_hint(
                    "write it like \"2016-11-29T07:35:00+07:00\": date, time and UTC offset",
                ),
            );
        }
    }

    // Blocks.
    let mut blocks: Vec<Block> = Vec::new();
    // JSON block index → model block index (None: dropped).
    let mut block_map: Vec<Option<usize>> = Vec::new();
    if let Some(arr) = cx
        .field(
            root,
            "$",
            "blocks",
            Want::Array,
            Some("[{\"kind\": \"paragraph\", \"text\": \"…\"}]"),
        )
        .and_then(Value::as_array)
    {
        if arr.len() > MAX_BLOCKS {
            cx.err(Problem::error(
                Kind::Limit,
                "$.blocks",
                format!("{} blocks; the limit is {MAX_BLOCKS}", arr.len()),
            ));
        } else {
            let mut text_bytes = 0usize;
            for (bi, bv) in arr.iter().enumerate() {
                if cx.full() {
                    break;
                }
                let path = format!("$.blocks[{bi}]");
                let block = walk_block(bv, &path, cx);
                if let Some(b) = &block {
                    text_bytes += b.text().map_or(0, str::len);
                    if let Block::Image { alt, .. } = b {
                        text_bytes += alt.len();
                    }
                    if text_bytes > MAX_TEXT_BYTES {
                        cx.err(Problem::error(
                            Kind::Limit,
                            path,
                            format!("the article text exceeds {MAX_TEXT_BYTES} bytes here"),
                        ));
                        break;
                    }
                }
                block_map.push(block.as_ref().map(|_| blocks.len()));
                if let Some(b) = block {
                    blocks.push(b);
                }
            }
        }
    }

    // Categories.
    let mut categories: Vec<Category> = Vec::new();
    let mut cat_index: HashMap<String, usize> = HashMap::new();
    if let Some(arr) = cx
        .field(root, "$", "categories", Want::Array, None)
        .and_then(Value::as_array)
    {
        for (ci, cv) in arr.iter().enumerate() {
            let path = format!("$.categories[{ci}]");
            let Some(obj) = cv.as_object() else {
                cx.err(type_error(&path, Want::Object, cv));
                continue;
            };
            let cid = cx.string(obj, &path, "id", Some("\"org\""));
            let label = cx.string(obj, &path, "label", Some("\"…\""));
            cx.unknown_keys(obj, &path, keys::CATEGORY);
            if let Some(cid) = &cid {
                if !valid_id(cid) {
                    cx.err(bad_id(&format!("{path}.id"), "category", cid));
                } else if let Some(&first) = cat_index.get(cid) {
                    cx.err(
                        Problem::error(
                            Kind::Duplicate,
                            format!("{path}.id"),
                            format!(
                                "duplicate category id {} (first at $.categories[{first}])",
                                quoted(cid)
                            ),
                        )
                        .with_hint("category ids must be unique"),
                    );
                    continue;
                }
            }
            if let (Some(cid), Some(label)) = (cid, label) {
                cat_index.insert(cid.clone(), ci);
                categories.push(Category { id: cid, label });
            }
        }
    }
    // Category positions in `categories` may differ from JSON indices if some failed;
    // remap by id (only used when there are no errors anyway).
    let cat_pos: HashMap<&str, usize> = categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();

    // Figures: first the ids (references may point forward), then the rest.
    let mut figures: Vec<Figure> = Vec::new();
    let figs_json = cx
        .field(root, "$", "figures", Want::Array, Some("[]"))
        .and_then(Value::as_array);
    if let Some(arr) = figs_json {
        if arr.len() > MAX_FIGURES {
            cx.err(Problem::error(
                Kind::Limit,
                "$.figures",
                format!("{} figures; the limit is {MAX_FIGURES}", arr.len()),
            ));
        } else {
            let mut fig_index: HashMap<String, usize> = HashMap::new();
            for (fi, fv) in arr.iter().enumerate() {
                // An empty id is reported with the figure's other fields.
                let Some(id) = fv
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| !id.trim().is_empty())
                else {
                    continue;
                };
                let path = format!("$.figures[{fi}].id");
                if !valid_id(id) {
                    cx.err(bad_id(&path, "figure", id));
                } else if let Some(&first) = fig_index.get(id) {
                    cx.err(
                        Problem::error(
                            Kind::Duplicate,
                            path,
                            format!(
                                "duplicate figure id {} (first at $.figures[{first}])",
                                quoted(id)
                            ),
                        )
                        .with_hint("figure ids must be unique"),
                    );
                } else {
                    fig_index.insert(id.to_string(), fi);
                }
            }
            let mut mentions_total = 0usize;
            let refs = Refs {
                figures: &fig_index,
                categories: &cat_index,
                cat_pos: &cat_pos,
                block_map: &block_map,
                category_hint: std::cell::OnceCell::new(),
            };
            for (fi, fv) in arr.iter().enumerate() {
                if cx.full() {
                    break;
                }
                if let Some(f) = walk_figure(fv, fi, &refs, cx, &mut mentions_total) {
                    figures.push(f);
                }
                if mentions_total > MAX_MENTIONS {
                    cx.err(Problem::error(
                        Kind::Limit,
                        format!("$.figures[{fi}].mentions"),
                        format!("more than {MAX_MENTIONS} mentions in the article"),
                    ));
                    break;
                }
            }
            if figures.len() == arr.len() {
                check_cycles(&figures, cx);
            }
        }
    }

    if !cx.errors.is_empty() {
        return None;
    }
    Some(Article {
        format: format?,
        id: id?,
        lang,
        kicker,
        title: title?,
        published,
        byline,
        blocks,
        categories,
        figures,
    })
}

fn walk_block(bv: &Value, path: &str, cx: &mut Ctx) -> Option<Block> {
    let Some(obj) = bv.as_object() else {
        cx.err(type_error(path, Want::Object, bv));
        return None;
    };
    let kind = cx.string(obj, path, "kind", Some("\"paragraph\""))?;
    match kind.as_str() {
        "paragraph" => {
            cx.unknown_keys(obj, path, keys::PARAGRAPH);
            let text = cx
                .field(obj, path, "text", Want::Str, Some("\"…\""))
                .and_then(Value::as_str)
                .map(nfc)?;
            Some(Block::Paragraph { text })
        }
        "image" => {
            cx.unknown_keys(obj, path, keys::IMAGE);
            let src = cx.string(obj, path, "src", Some("\"images/photo.jpg\""));
            // Empty alt text is allowed: it marks a decorative image.
            let alt = cx
                .field(
                    obj,
                    path,
                    "alt",
                    Want::Str,
                    Some("\"what the image shows\""),
                )
                .and_then(Value::as_str)
                .map(nfc);
            let caption = cx.string(obj, path, "caption", None);
            let credit = cx.string(obj, path, "credit", None);
            let (src, alt) = (src?, alt?);
            match check_src(&src) {
                Ok(src) => Some(Block::Image {
                    src,
                    alt,
                    caption,
                    credit,
                }),
                Err(why) => {
                    cx.warn(
                        Problem::warning(
                            Kind::RefusedUrl,
                            format!("{path}.src"),
                            format!("{why}; the image is left out"),
                        )
                        .with_hint("use an https:// URL or a path relative to the reader's page (e.g. images/photo.jpg)"),
                    );
                    None
                }
            }
        }
        other => {
            cx.warn(
                Problem::warning(
                    Kind::SkippedBlock,
                    format!("{path}.kind"),
                    format!("unknown block kind {}; the block is skipped", quoted(other)),
                )
                .with_hint("article/1 knows \"paragraph\" and \"image\""),
            );
            None
        }
    }
}

struct Refs<'a> {
    figures: &'a HashMap<String, usize>,
    categories: &'a HashMap<String, usize>,
    cat_pos: &'a HashMap<&'a str, usize>,
    block_map: &'a [Option<usize>],
    /// Hint for an unknown category, made once when first needed: sorting every
    /// category id for each error took seconds with 300,000 categories.
    category_hint: std::cell::OnceCell<String>,
}

fn category_hint(cat_pos: &HashMap<&str, usize>) -> String {
    let mut known: Vec<&str> = cat_pos.keys().copied().collect();
    known.sort_unstable();
    known.truncate(10);
    if known.is_empty() {
        "declare it in \"categories\": [{\"id\": …, \"label\": …}]".to_string()
    } else {
        format!("known categories: {}", known.join(", "))
    }
}

fn check_len(cx: &mut Ctx, path: String, s: &str) {
    if s.len() > MAX_QUOTE_CHARS && s.chars().count() > MAX_QUOTE_CHARS {
        cx.err(
            Problem::error(
                Kind::Limit,
                path,
                format!("longer than {MAX_QUOTE_CHARS} characters"),
            )
            .with_hint("a quote only needs the words that carry the figure; prefix/suffix only a few words"),
        );
    }
}

fn walk_figure(
    fv: &Value,
    fi: usize,
    refs: &Refs,
    cx: &mut Ctx,
    mentions_total: &mut usize,
) -> Option<Figure> {
    let path = format!("$.figures[{fi}]");
    let Some(obj) = fv.as_object() else {
        cx.err(type_error(&path, Want::Object, fv));
        return None;
    };
    cx.unknown_keys(obj, &path, keys::FIGURE);
    let id = cx.string(obj, &path, "id", Some("\"members\""));
    let value = cx
        .field(obj, &path, "value", Want::Num, Some("54"))
        .and_then(Value::as_f64);
    if let Some(v) = value.filter(|v| v.abs() > MAX_EXACT_INTEGER) {
        cx.warn(
            Problem::warning(
                Kind::Format,
                format!("{path}.value"),
                format!(
                    "{} is beyond 9,007,199,254,740,992, where JSON numbers stop being exact; the reader shows {}",
                    crate::format::number(v, "en"),
                    crate::format::number(v, "en")
                ),
            )
            .with_hint("give the value in a larger unit, e.g. 12.5 with \"unit\": \"billion\" / \"tỷ\""),
        );
    }
    let decimals = cx.index(obj, &path, "decimals").and_then(|d| {
        if d as u64 > MAX_DECIMALS {
            cx.err(
                Problem::error(
                    Kind::Format,
                    format!("{path}.decimals"),
                    format!("{d} decimals; at most {MAX_DECIMALS} can be shown"),
                )
                .with_hint("\"decimals\" is how many digits to show after the decimal mark, e.g. 1 for 6,9 %"),
            );
            return None;
        }
        Some(d as u8)
    });
    let year = cx
        .field(obj, &path, "year", Want::Bool, None)
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if let Some(v) = value.filter(|v| year && v.fract() != 0.0) {
        cx.err(
            Problem::error(
                Kind::Format,
                format!("{path}.value"),
                format!(
                    "a year must be a whole number, but the value is {}",
                    crate::format::number(v, "en")
                ),
            )
            .with_hint("remove \"year\": true, or give the year as a whole number like 2015"),
        );
    }
    let label = cx.string(obj, &path, "label", Some("\"what is counted\""));
    let unit = cx.string(obj, &path, "unit", None);
    let note = cx.string(obj, &path, "note", None);
    let mut category = None;
    if let Some(c) = cx.string(obj, &path, "category", None) {
        if refs.categories.contains_key(&c) {
            category = refs.cat_pos.get(c.as_str()).copied();
        } else {
            let hint = refs
                .category_hint
                .get_or_init(|| category_hint(refs.cat_pos))
                .clone();
            cx.err(
                Problem::error(
                    Kind::UnknownReference,
                    format!("{path}.category"),
                    format!("unknown category {}", quoted(&c)),
                )
                .with_hint(hint),
            );
        }
    }
    let mut qualifier = None;
    if let Some(q) = cx.string(obj, &path, "qualifier", None) {
        qualifier = match q.as_str() {
            "over" => Some(Qualifier::Over),
            "at-least" => Some(Qualifier::AtLeast),
            "about" => Some(Qualifier::About),
            "under" => Some(Qualifier::Under),
            _ => {
                cx.err(
                    Problem::error(
                        Kind::Format,
                        format!("{path}.qualifier"),
                        format!("unknown qualifier {}", quoted(&q)),
                    )
                    .with_hint("use one of \"over\", \"at-least\", \"about\", \"under\""),
                );
                None
            }
        };
    }

    // Mentions.
    let mut mentions = Vec::new();
    if let Some(arr) = cx
        .field(obj, &path, "mentions", Want::Array, None)
        .and_then(Value::as_array)
    {
        *mentions_total += arr.len();
        if *mentions_total > MAX_MENTIONS {
            return None;
        }
        for (mi, mv) in arr.iter().enumerate() {
            let mpath = format!("{path}.mentions[{mi}]");
            let Some(mo) = mv.as_object() else {
                cx.err(type_error(&mpath, Want::Object, mv));
                continue;
            };
            cx.unknown_keys(mo, &mpath, keys::MENTION);
            let quote = cx.string(mo, &mpath, "quote", Some("\"the exact words in the text\""));
            let prefix = cx
                .string(mo, &mpath, "prefix", None)
                .filter(|s| !s.is_empty());
            let suffix = cx
                .string(mo, &mpath, "suffix", None)
                .filter(|s| !s.is_empty());
            let block_json = cx.index(mo, &mpath, "block");
            let mut position = cx.index(mo, &mpath, "position");
            for (k, s) in [("quote", &quote), ("prefix", &prefix), ("suffix", &suffix)] {
                if let Some(s) = s {
                    check_len(cx, format!("{mpath}.{k}"), s);
                }
            }
            let mut block = None;
            if let Some(b) = block_json {
                match refs.block_map.get(b) {
                    Some(m) => block = Some(m.unwrap_or(DROPPED_BLOCK)),
                    None => {
                        let n = refs.block_map.len();
                        cx.err(
                            Problem::error(
                                Kind::UnknownReference,
                                format!("{mpath}.block"),
                                format!(
                                    "block {b} does not exist: the article has {n} block{} (0–{})",
                                    if n == 1 { "" } else { "s" },
                                    n.saturating_sub(1)
                                ),
                            )
                            .with_hint("block numbers count from 0 in the \"blocks\" array"),
                        );
                    }
                }
            }
            if position.is_some() && block_json.is_none() {
                cx.warn(
                    Problem::warning(
                        Kind::Other,
                        format!("{mpath}.position"),
                        "\"position\" is ignored without \"block\"",
                    )
                    .with_hint(
                        "add \"block\": the position counts characters in that block's text",
                    ),
                );
                position = None;
            }
            let Some(quote) = quote else { continue };
            mentions.push(MentionSpec {
                quote,
                prefix,
                suffix,
                block,
                position,
            });
        }
    }

    // References.
    let resolve = |cx: &mut Ctx, rpath: String, target: &str, what: &str| -> Option<usize> {
        match refs.figures.get(target) {
            Some(&t) if t == fi => {
                cx.err(Problem::error(
                    Kind::Cycle,
                    rpath,
                    format!("figure {} cannot be {what} itself", quoted(target)),
                ));
                None
            }
            Some(&t) => Some(t),
            None => {
                cx.err(
                    Problem::error(
                        Kind::UnknownReference,
                        rpath,
                        format!("there is no figure with id {}", quoted(target)),
                    )
                    .with_hint("use the \"id\" of another figure in \"figures\""),
                );
                None
            }
        }
    };
    let mut parts = Vec::new();
    // Seen parts: a Vec::contains here was quadratic in the length of "parts", which
    // only the input size bounds.
    let mut seen_parts = std::collections::HashSet::new();
    let parts_json = cx
        .field(obj, &path, "parts", Want::Array, None)
        .and_then(Value::as_array);
    if let Some(arr) = parts_json {
        for (k, pv) in arr.iter().enumerate() {
            let ppath = format!("{path}.parts[{k}]");
            let Some(pid) = pv.as_str() else {
                cx.err(type_error(&ppath, Want::Str, pv));
                continue;
            };
            if let Some(t) = resolve(cx, ppath.clone(), pid, "a part of") {
                if !seen_parts.insert(t) {
                    cx.err(Problem::error(
                        Kind::Duplicate,
                        ppath,
                        format!("{} is listed twice in \"parts\"", quoted(pid)),
                    ));
                } else {
                    parts.push(t);
                }
            }
        }
    }
    let within = cx
        .string(obj, &path, "within", None)
        .and_then(|w| resolve(cx, format!("{path}.within"), &w, "within"));

    let has_parts = parts_json.is_some_and(|a| !a.is_empty());
    if mentions.is_empty()
        && !has_parts
        && !obj.get("mentions").is_some_and(|m| {
            // mentions present but all invalid: errors already reported
            m.as_array().is_some_and(|a| !a.is_empty())
        })
    {
        cx.err(
            Problem::error(
                Kind::Missing,
                path.clone(),
                format!(
                    "figure {} has neither mentions nor parts, so it cannot be shown",
                    quoted(id.as_deref().unwrap_or("?"))
                ),
            )
            .with_hint("add \"mentions\": [{\"quote\": \"…\"}] pointing at the text, or \"parts\" if it is computed from other figures"),
        );
    }
    Some(Figure {
        id: id?,
        value: value?,
        unit,
        label: label?,
        category,
        note,
        qualifier,
        decimals,
        year,
        mentions,
        parts,
        within,
    })
}

/// Cycles through `parts` and through `within` are errors (a total cannot contain
/// itself). Iterative DFS, each cycle reported once.
fn check_cycles(figures: &[Figure], cx: &mut Ctx) {
    let n = figures.len();
    let within_edges: Vec<Vec<usize>> = figures
        .iter()
        .map(|f| f.within.into_iter().filter(|&w| w < n).collect())
        .collect();
    let parts_edges: Vec<Vec<usize>> = figures
        .iter()
        .map(|f| f.parts.iter().copied().filter(|&p| p < n).collect())
        .collect();
    for (edges, field) in [(&parts_edges, "parts"), (&within_edges, "within")] {
        for cycle in find_cycles(edges) {
            let Some(&first) = cycle.first() else {
                continue;
            };
            let mut names: Vec<&str> = cycle.iter().map(|&i| figures[i].id.as_str()).collect();
            names.push(&figures[first].id);
            cx.err(
                Problem::error(
                    Kind::Cycle,
                    format!("$.figures[{first}].{field}"),
                    format!(
                        "figures form a cycle through \"{field}\": {}",
                        names.join(" → ")
                    ),
                )
                .with_hint(format!(
                    "a figure cannot (indirectly) be {} itself; remove one link",
                    if field == "parts" {
                        "a part of"
                    } else {
                        "within"
                    }
                )),
            );
        }
    }
}

fn find_cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut color = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut cycles = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for s in 0..n {
        if color[s] != 0 {
            continue;
        }
        stack.push((s, 0));
        color[s] = 1;
        while let Some(&mut (u, ref mut k)) = stack.last_mut() {
            if let Some(&v) = edges[u].get(*k) {
                *k += 1;
                match color[v] {
                    0 => {
                        color[v] = 1;
                        stack.push((v, 0));
                    }
                    1 => {
                        if let Some(pos) = stack.iter().position(|x| x.0 == v) {
                            cycles.push(stack[pos..].iter().map(|x| x.0).collect());
                            if cycles.len() >= MAX_ERRORS {
                                return cycles;
                            }
                        }
                    }
                    _ => {}
                }
            } else {
                color[u] = 2;
                stack.pop();
            }
        }
    }
    cycles
}

#[cfg(test)]
mod tests {
    use crate::problem::Kind;
    use crate::{load, Problem};
    use serde_json::{json, Value};

    fn base() -> Value {
        json!({"format": "article/1", "id": "t", "title": "T", "lang": "vi",
        "published": "2016-11-29T07:35:00+07:00",
        "blocks": [{"kind": "paragraph", "text": "Có 54 chi, đảng bộ; 33 chi bộ và 21 đảng bộ."}],
        "categories": [{"id": "org", "label": "Tổ chức"}],
        "figures": [
            {"id": "units", "value": 54, "label": "đơn vị", "category": "org",
             "mentions": [{"quote": "54 chi, đảng bộ"}], "parts": ["cells", "committees"]},
            {"id": "cells", "value": 33, "label": "chi bộ", "mentions": [{"quote": "33 chi bộ"}]},
            {"id": "committees", "value": 21, "label": "đảng bộ", "mentions": [{"quote": "21 đảng bộ"}],
             "within": "units"}
        ]})
    }
    fn errors_of(v: &Value) -> Vec<Problem> {
        load(&serde_json::to_string_pretty(v).unwrap()).expect_err("should fail")
    }
    fn with(mut v: Value, ptr: &str, new: Value) -> Value {
        let (parent, key) = ptr.rsplit_once('/').unwrap();
        match v.pointer_mut(parent).expect(ptr) {
            Value::Object(o) => {
                o.insert(key.to_string(), new);
            }
            other => *other.pointer_mut(&format!("/{key}")).expect(ptr) = new,
        }
        v
    }
    fn without(mut v: Value, ptr: &str) -> Value {
        let (parent, key) = ptr.rsplit_once('/').unwrap();
        v.pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key);
        v
    }
    fn has(errs: &[Problem], kind: Kind, path: &str) -> bool {
        errs.iter()
            .any(|e| e.kind == kind && e.path == path && e.line.is_some())
    }

    #[test]
    fn valid_base() {
        let d = load(&base().to_string()).unwrap();
        assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
        assert_eq!(d.article.figures[0].parts, vec![1, 2]);
        assert_eq!(d.article.figures[2].within, Some(0));
        assert_eq!(d.article.figures[0].category, Some(0));
        assert_eq!(d.article.lang, "vi");
    }

    #[test]
    fn defaults() {
        let v = without(without(base(), "/lang"), "/categories");
        let v = without(without(v, "/figures/0/category"), "/published");
        let d = load(&v.to_string()).unwrap();
        assert_eq!(d.article.lang, "en");
        assert!(d.article.categories.is_empty());
    }

    #[test]
    fn not_json_has_line_col() {
        let errs = load("{\n  \"format\": \"article/1\",\n  \"id\": 'x'\n}").unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].kind, Kind::Syntax);
        assert_eq!((errs[0].line, errs[0].column), (Some(3), Some(9)));
        assert_eq!(errs[0].path, "$.id");
        assert!(errs[0].hint.is_some());
        let errs = load("{\"a\": [1, 2,]}").unwrap_err();
        assert!(errs[0].hint.as_deref().unwrap().contains("comma"));
        let errs = load("{\"a\": [1, 2").unwrap_err();
        assert!(errs[0].message.contains("EOF"));
        assert!(load("").is_err());
        assert_eq!(load("[1]").unwrap_err()[0].kind, Kind::Type);
    }

    #[test]
    fn wrong_types_with_hints() {
        let errs = errors_of(&with(base(), "/figures/1/value", json!("33")));
        let e = errs
            .iter()
            .find(|e| e.path == "$.figures[1].value")
            .unwrap();
        assert_eq!(e.kind, Kind::Type);
        assert!(
            e.message
                .contains("expected a number, found a string \"33\""),
            "{}",
            e.message
        );
        assert!(e.hint.as_deref().unwrap().contains("remove the quotes"));
        assert!(e.line.is_some());
        let errs = errors_of(&with(base(), "/title", json!(5)));
        assert!(has(&errs, Kind::Type, "$.title"));
        let errs = errors_of(&with(base(), "/blocks", json!({})));
        assert!(has(&errs, Kind::Type, "$.blocks"));
        let errs = errors_of(&with(base(), "/figures/0/mentions/0/block", json!(-1)));
        assert!(has(&errs, Kind::Type, "$.figures[0].mentions[0].block"));
    }

    #[test]
    fn missing_required() {
        for (ptr, path) in [
            ("/id", "$.id"),
            ("/title", "$.title"),
            ("/blocks", "$.blocks"),
            ("/figures", "$.figures"),
            ("/format", "$.format"),
            ("/figures/1/label", "$.figures[1].label"),
            ("/figures/1/value", "$.figures[1].value"),
            ("/blocks/0/text", "$.blocks[0].text"),
            (
                "/figures/1/mentions/0/quote",
                "$.figures[1].mentions[0].quote",
            ),
        ] {
            let errs = errors_of(&without(base(), ptr));
            assert!(has(&errs, Kind::Missing, path), "{path}: {errs:#?}");
        }
        // a figure with neither mentions nor parts
        let errs = errors_of(&without(base(), "/figures/1/mentions"));
        assert!(has(&errs, Kind::Missing, "$.figures[1]"), "{errs:#?}");
    }

    #[test]
    fn all_errors_collected() {
        let v = with(base(), "/figures/1/value", json!("33"));
        let v = with(v, "/figures/2/label", json!(null));
        let v = without(v, "/title");
        let errs = errors_of(&v);
        assert_eq!(errs.len(), 3, "{errs:#?}");
        // capped
        let figs: Vec<Value> = (0..300)
            .map(|i| json!({"id": format!("f{i}"), "value": "x", "label": "l", "parts": ["f0"]}))
            .collect();
        let errs = errors_of(&with(base(), "/figures", Value::Array(figs)));
        assert!(errs.len() <= crate::limits::MAX_ERRORS + 1);
        assert_eq!(errs.last().unwrap().kind, Kind::Limit);
    }

    #[test]
    fn unsupported_format() {
        let errs = errors_of(&with(base(), "/format", json!("article/2")));
        assert_eq!(errs.len(), 1);
        assert!(has(&errs, Kind::Format, "$.format"));
        assert!(errs[0].message.contains("unsupported format"));
    }

    #[test]
    fn duplicates_and_bad_ids() {
        let errs = errors_of(&with(base(), "/figures/2/id", json!("cells")));
        assert!(has(&errs, Kind::Duplicate, "$.figures[2].id"), "{errs:#?}");
        let v = with(
            base(),
            "/categories",
            json!([{"id": "org", "label": "a"}, {"id": "org", "label": "b"}]),
        );
        assert!(has(&errors_of(&v), Kind::Duplicate, "$.categories[1].id"));
        for bad in ["", "a b", "ẩ", "x.y"] {
            let errs = errors_of(&with(base(), "/figures/1/id", json!(bad)));
            assert!(
                has(&errs, Kind::Format, "$.figures[1].id"),
                "{bad}: {errs:#?}"
            );
        }
        let errs = errors_of(&with(base(), "/figures/0/parts/0", json!("committees")));
        assert!(
            has(&errs, Kind::Duplicate, "$.figures[0].parts[1]"),
            "{errs:#?}"
        );
    }

    #[test]
    fn unknown_references() {
        let errs = errors_of(&with(base(), "/figures/0/category", json!("econ")));
        let e = errs
            .iter()
            .find(|e| e.path == "$.figures[0].category")
            .unwrap();
        assert_eq!(e.kind, Kind::UnknownReference);
        assert!(e.hint.as_deref().unwrap().contains("org"));
        let errs = errors_of(&with(base(), "/figures/0/parts/1", json!("nope")));
        assert!(has(&errs, Kind::UnknownReference, "$.figures[0].parts[1]"));
        let errs = errors_of(&with(base(), "/figures/2/within", json!("nope")));
        assert!(has(&errs, Kind::UnknownReference, "$.figures[2].within"));
        let errs = errors_of(&with(base(), "/figures/0/mentions/0/block", json!(9)));
        assert!(has(
            &errs,
            Kind::UnknownReference,
            "$.figures[0].mentions[0].block"
        ));
    }

    #[test]
    fn cycles() {
        let errs = errors_of(&with(base(), "/figures/1/parts", json!(["units"])));
        let e = errs.iter().find(|e| e.kind == Kind::Cycle).expect("cycle");
        assert!(e.message.contains("units → cells → units"), "{}", e.message);
        let errs = errors_of(&with(base(), "/figures/0/parts/0", json!("units")));
        assert!(has(&errs, Kind::Cycle, "$.figures[0].parts[0]"));
        let v = with(base(), "/figures/0/within", json!("committees"));
        let errs = errors_of(&v);
        let e = errs.iter().find(|e| e.kind == Kind::Cycle).expect("cycle");
        assert!(e.message.contains("within"), "{}", e.message);
        assert!(has(
            &errors_of(&with(base(), "/figures/1/within", json!("cells"))),
            Kind::Cycle,
            "$.figures[1].within"
        ));
    }

    #[test]
    fn published_validated() {
        let errs = errors_of(&with(base(), "/published", json!("29/11/2016")));
        assert!(has(&errs, Kind::Format, "$.published"));
    }

    #[test]
    fn bad_qualifier_and_empty_quote() {
        assert!(has(
            &errors_of(&with(base(), "/figures/0/qualifier", json!("more"))),
            Kind::Format,
            "$.figures[0].qualifier"
        ));
        assert!(has(
            &errors_of(&with(base(), "/figures/1/mentions/0/quote", json!(""))),
            Kind::Format,
            "$.figures[1].mentions[0].quote"
        ));
    }

    #[test]
    fn limits() {
        let big = " ".repeat(crate::limits::MAX_INPUT_BYTES + 1);
        assert_eq!(load(&big).unwrap_err()[0].kind, Kind::Limit);
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let e = &load(&deep).unwrap_err()[0];
        assert_eq!(e.kind, Kind::Limit);
        assert!(e.line.is_some());
        // brackets inside strings do not count
        let v = with(
            base(),
            "/title",
            json!("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
        );
        assert!(load(&v.to_string()).is_ok());
        let long = "x".repeat(crate::limits::MAX_QUOTE_CHARS + 1);
        let errs = errors_of(&with(base(), "/figures/1/mentions/0/quote", json!(long)));
        assert!(has(&errs, Kind::Limit, "$.figures[1].mentions[0].quote"));
    }

    #[test]
    fn unknown_kind_and_refused_urls() {
        let v = with(
            base(),
            "/blocks",
            json!([
                {"kind": "video", "src": "v.mp4"},
                {"kind": "image", "src": " JaVa\tScRipt:alert(1)", "alt": "x"},
                {"kind": "image", "src": "\u{1}data:image/png;base64,xx", "alt": "x"},
                {"kind": "image", "src": "http://x/y.jpg", "alt": "x"},
                {"kind": "image", "src": "//evil/y.jpg", "alt": "x"},
                {"kind": "image", "src": "images/ok.jpg", "alt": "x", "caption": "Ảnh 54 chi, đảng bộ"},
                {"kind": "image", "src": "HTTPS://cdn/ok.jpg", "alt": "x"},
                {"kind": "paragraph", "text": "Có 54 chi, đảng bộ; 33 chi bộ và 21 đảng bộ."}
            ]),
        );
        let v = with(v, "/figures/0/mentions/0/block", json!(7));
        let d = load(&v.to_string()).unwrap();
        assert_eq!(d.article.blocks.len(), 3);
        let refused: Vec<&str> = d
            .warnings
            .iter()
            .filter(|w| w.kind == Kind::RefusedUrl)
            .map(|w| w.path.as_str())
            .collect();
        assert_eq!(
            refused,
            vec![
                "$.blocks[1].src",
                "$.blocks[2].src",
                "$.blocks[3].src",
                "$.blocks[4].src"
            ]
        );
        assert!(d
            .warnings
            .iter()
            .any(|w| w.kind == Kind::SkippedBlock && w.path == "$.blocks[0].kind"));
        // JSON block 7 is model block 2
        assert_eq!(d.figures[0].anchors[0].block, 2);
        assert_eq!(d.runs[0].len(), 1); // caption, no anchors there
        assert!(d.runs[1].is_empty()); // image without caption
        assert!(d.warnings.iter().all(|w| w.line.is_some()));
    }

    #[test]
    fn nfc_at_parse_time() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Cẩm Phả".nfd().collect();
        let d = load(&with(base(), "/title", json!(nfd)).to_string()).unwrap();
        assert_eq!(d.article.title, "Cẩm Phả");
    }

    #[test]
    fn unknown_keys_are_warnings_naming_the_nearest_key() {
        // The issue's typos, each in its own kind of object, plus keys with no near match.
        let cases = [
            (
                "/figures/0/qualifer",
                json!("over"),
                "$.figures[0].qualifer",
                Some("qualifier"),
            ),
            (
                "/figures/0/categroy",
                json!("org"),
                "$.figures[0].categroy",
                Some("category"),
            ),
            (
                "/figures/0/Label",
                json!("x"),
                "$.figures[0].Label",
                Some("label"),
            ),
            (
                "/figures/0/vlaue",
                json!(5),
                "$.figures[0].vlaue",
                Some("value"),
            ),
            (
                "/figures/0/extra",
                json!({"anything": [1, 2]}),
                "$.figures[0].extra",
                None,
            ),
            ("/publshed", json!("2016"), "$.publshed", Some("published")),
            ("/titel", json!("T"), "$.titel", Some("title")),
            ("/blocks/0/txt", json!("x"), "$.blocks[0].txt", Some("text")),
            (
                "/figures/0/mentions/0/prefx",
                json!("Có "),
                "$.figures[0].mentions[0].prefx",
                Some("prefix"),
            ),
            (
                "/categories/0/lable",
                json!("x"),
                "$.categories[0].lable",
                Some("label"),
            ),
        ];
        for (ptr, value, path, near) in cases {
            let d = load(&with(base(), ptr, value).to_string()).expect("still renders");
            let w = d
                .warnings
                .iter()
                .find(|w| w.kind == Kind::UnknownKey)
                .unwrap_or_else(|| panic!("{ptr}: no warning"));
            assert_eq!(w.path, path);
            assert!(w.line.is_some(), "{ptr}: positioned");
            match near {
                Some(k) => assert_eq!(
                    w.hint.as_deref(),
                    Some(format!("did you mean \"{k}\"?").as_str())
                ),
                None => assert!(w.hint.as_deref().unwrap().starts_with("known keys here:")),
            }
        }
        let img = with(
            base(),
            "/blocks/0",
            json!({"kind": "image", "src": "a.png", "alt": "a", "captoin": "c"}),
        );
        let d = load(&img.to_string()).unwrap();
        assert_eq!(
            d.warnings[0].hint.as_deref(),
            Some("did you mean \"caption\"?")
        );
        // Unknown keys of an unknown block kind are not ours to judge.
        let future = with(base(), "/blocks/0", json!({"kind": "chart", "series": [1]}));
        let d = load(&future.to_string()).unwrap();
        assert!(d.warnings.iter().all(|w| w.kind != Kind::UnknownKey));
    }

    #[test]
    fn duplicate_keys_are_errors_with_both_positions() {
        let text = base()
            .to_string()
            .replacen("\"value\":54", "\"value\":12,\"value\":13", 1);
        assert!(text.contains("\"value\":12,\"value\":13"));
        let errs = load(&text).expect_err("refused");
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_eq!(errs[0].kind, Kind::Duplicate);
        assert_eq!(errs[0].path, "$.figures[0].value");
        assert!(
            errs[0].message.contains("first at line 1, column"),
            "{}",
            errs[0].message
        );
        let text =
            base()
                .to_string()
                .replacen("\"title\":\"T\"", "\"title\":\"T\",\"title\":\"U\"", 1);
        assert_eq!(load(&text).expect_err("refused")[0].path, "$.title");
    }

    #[test]
    fn empty_required_strings_are_errors() {
        for (ptr, path) in [
            ("/title", "$.title"),
            ("/id", "$.id"),
            ("/figures/0/label", "$.figures[0].label"),
            ("/figures/0/id", "$.figures[0].id"),
            ("/categories/0/label", "$.categories[0].label"),
            (
                "/figures/1/mentions/0/quote",
                "$.figures[1].mentions[0].quote",
            ),
        ] {
            for empty in ["", "  ", "\n\t"] {
                let errs = errors_of(&with(base(), ptr, json!(empty)));
                assert!(
                    has(&errs, Kind::Format, path),
                    "{ptr} = {empty:?}: {errs:#?}"
                );
                assert_eq!(
                    errs.iter().filter(|e| e.path == path).count(),
                    1,
                    "reported once: {errs:#?}"
                );
            }
        }
        // Optional strings and paragraph text may be empty; so may alt (decorative image).
        let v = with(base(), "/kicker", json!(""));
        assert!(load(&v.to_string()).is_ok());
        let img = with(
            base(),
            "/blocks/0",
            json!({"kind": "image", "src": "a.png", "alt": ""}),
        );
        let img = with(img, "/figures", json!([]));
        assert!(load(&img.to_string()).is_ok());
        let src = with(
            base(),
            "/blocks/0",
            json!({"kind": "image", "src": " ", "alt": "a"}),
        );
        assert!(has(&errors_of(&src), Kind::Format, "$.blocks[0].src"));
    }

    #[test]
    fn decimals_and_year_are_validated() {
        let d = load(&with(base(), "/figures/1/decimals", json!(2)).to_string()).unwrap();
        assert_eq!(d.article.figures[1].decimals, Some(2));
        assert!(has(
            &errors_of(&with(base(), "/figures/1/decimals", json!(21))),
            Kind::Format,
            "$.figures[1].decimals"
        ));
        assert!(has(
            &errors_of(&with(base(), "/figures/1/decimals", json!(1.5))),
            Kind::Type,
            "$.figures[1].decimals"
        ));
        assert!(has(
            &errors_of(&with(base(), "/figures/1/decimals", json!(-1))),
            Kind::Type,
            "$.figures[1].decimals"
        ));
        let d = load(&with(base(), "/figures/1/year", json!(true)).to_string()).unwrap();
        assert!(d.article.figures[1].year);
        assert!(has(
            &errors_of(&with(base(), "/figures/1/year", json!("yes"))),
            Kind::Type,
            "$.figures[1].year"
        ));
        let frac = with(
            with(base(), "/figures/1/year", json!(true)),
            "/figures/1/value",
            json!(2015.5),
        );
        assert!(has(&errors_of(&frac), Kind::Format, "$.figures[1].value"));
    }

    #[test]
    fn integers_beyond_two_to_the_53_warn() {
        let v = with(base(), "/figures/1/value", json!(12345678901234567890u64));
        let d = load(&v.to_string()).unwrap();
        assert!(d
            .warnings
            .iter()
            .any(|w| w.path == "$.figures[1].value" && w.kind == Kind::Format));
        let v = with(base(), "/figures/1/value", json!(9007199254740992u64));
        assert!(load(&v.to_string())
            .unwrap()
            .warnings
            .iter()
            .all(|w| w.path != "$.figures[1].value"));
    }

    #[test]
    fn lone_surrogates_are_named() {
        for bad in [
            r#""\ud800""#,
            r#""\ud800x""#,
            r#""\udc00""#,
            r#""\ud83d\u0041""#,
        ] {
            let text = base().to_string().replacen("\"T\"", bad, 1);
            let errs = load(&text).expect_err("refused");
            let hint = errs[0].hint.as_deref().unwrap_or("");
            assert!(hint.contains("surrogate"), "{bad}: {errs:#?}");
            assert!(
                errs[0].message.contains("is half of a character"),
                "{bad}: {errs:#?}"
            );
            assert!(!errs[0].message.contains("hex escape"), "{bad}: {errs:#?}");
        }
    }
}
