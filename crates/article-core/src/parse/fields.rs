//! Reading one typed field of a JSON object, with a problem a publisher can act on when it
//! is missing, of the wrong type, empty or unknown. Every field group of the parser goes
//! through [`Ctx`], which collects the problems (at most `MAX_ERRORS` errors are kept).
use crate::limits::{MAX_ERRORS, MAX_QUOTE_CHARS};
use crate::position::push_key;
use crate::problem::{self, Kind, Problem};
use crate::unicode::{self, Normalizer};
use serde_json::{Map, Value};

/// The problems found so far, and the normaliser every string goes through.
pub(super) struct Ctx<'n> {
    norm: &'n dyn Normalizer,
    pub(super) errors: Vec<Problem>,
    pub(super) warnings: Vec<Problem>,
    /// Errors found after `MAX_ERRORS` were listed (counted, not kept).
    pub(super) dropped_errors: usize,
}

impl<'n> Ctx<'n> {
    /// `errors` are the ones found before the walk (duplicate keys).
    pub(super) fn new(errors: Vec<Problem>, norm: &'n dyn Normalizer) -> Ctx<'n> {
        Ctx {
            norm,
            errors,
            warnings: Vec::new(),
            dropped_errors: 0,
        }
    }
    /// `s` in NFC, without allocating twice for text that is already NFC (the common case).
    pub(super) fn nfc(&self, s: &str) -> String {
        unicode::nfc_with(s, self.norm).into_owned()
    }
    pub(super) fn err(&mut self, p: Problem) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(p);
        } else {
            self.dropped_errors += 1;
        }
    }
    pub(super) fn warn(&mut self, p: Problem) {
        if self.warnings.len() < 10 * MAX_ERRORS {
            self.warnings.push(p);
        }
    }
    pub(super) fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }
    /// A warning per key of `obj` that is not in `known`, naming the nearest known key.
    pub(super) fn unknown_keys(&mut self, obj: &Map<String, Value>, base: &str, known: &[&str]) {
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

pub(super) fn path_key(base: &str, key: &str) -> String {
    let mut p = base.to_string();
    push_key(&mut p, key);
    p
}

/// A value from the document in a message: quoted, cut at 40 characters.
pub(super) fn quoted(s: &str) -> String {
    problem::quoted(s, 40)
}

pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("a number {n}"),
        Value::String(s) => format!("a string {}", quoted(s)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The JSON type a field must have.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Want {
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

pub(super) fn type_error(path: &str, want: Want, found: &Value) -> Problem {
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

impl Ctx<'_> {
    /// A present, non-null field of the given type; None (with an error) otherwise.
    /// `required` is the example value the hint suggests when the field is missing;
    /// `None` makes the field optional.
    pub(super) fn field<'v>(
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
    /// A string field in NFC; a required one must not be blank.
    pub(super) fn string(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        key: &str,
        required: Option<&str>,
    ) -> Option<String> {
        let s = self
            .field(obj, base, key, Want::Str, required)
            .and_then(Value::as_str)
            .map(|s| self.nfc(s))?;
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
    pub(super) fn index(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        key: &str,
    ) -> Option<usize> {
        self.field(obj, base, key, Want::Index, None)
            .and_then(Value::as_u64)
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
    }
    /// An error if a quote, prefix or suffix is longer than `MAX_QUOTE_CHARS`.
    pub(super) fn check_len(&mut self, path: String, s: &str) {
        if s.len() > MAX_QUOTE_CHARS && s.chars().count() > MAX_QUOTE_CHARS {
            self.err(
                Problem::error(
                    Kind::Limit,
                    path,
                    format!("longer than {MAX_QUOTE_CHARS} characters"),
                )
                .with_hint("a quote only needs the words that carry the figure; prefix/suffix only a few words"),
            );
        }
    }
}

pub(super) use crate::ids::is_valid as valid_id;

pub(super) fn bad_id(path: &str, what: &str, id: &str) -> Problem {
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
