//! Provenance: the article's `sources`, and each figure's `source`, `as_of` and
//! `corrections`. A source names who said or published a number; a correction records an
//! earlier value the newsroom replaced. A figure citing a source that is not declared,
//! and a declared source nobody cites, are warnings (the article still renders).
use super::blocks::check_src;
use super::fields::{bad_id, quoted, type_error, valid_id, Ctx, Want};
use crate::format::PartialDate;
use crate::keys;
use crate::model::{Correction, Figure, Source};
use crate::problem::{Kind, Problem};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A date field: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as written if valid.
fn date(
    obj: &Map<String, Value>,
    path: &str,
    key: &str,
    required: Option<&str>,
    cx: &mut Ctx,
) -> Option<(String, PartialDate)> {
    let s = cx.string(obj, path, key, required)?;
    match PartialDate::parse(&s) {
        Ok(d) => Some((s, d)),
        Err(why) => {
            cx.err(
                Problem::error(
                    Kind::Format,
                    format!("{path}.{key}"),
                    format!("{}: {why}", quoted(&s)),
                )
                .with_hint(
                    "write the date as 2016-11-29, or 2016-11 or 2016 when only that is known",
                ),
            );
            None
        }
    }
}

/// The article's sources and each valid id's index.
pub(super) fn sources(
    root: &Map<String, Value>,
    cx: &mut Ctx,
) -> (Vec<Source>, HashMap<String, usize>) {
    let mut out: Vec<Source> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let Some(arr) = cx
        .field(root, "$", "sources", Want::Array, None)
        .and_then(Value::as_array)
    else {
        return (out, ids);
    };
    for (i, v) in arr.iter().enumerate() {
        let path = format!("$.sources[{i}]");
        let Some(obj) = v.as_object() else {
            cx.err(type_error(&path, Want::Object, v));
            continue;
        };
        cx.unknown_keys(obj, &path, keys::SOURCE);
        let id = cx.string(obj, &path, "id", Some("\"bui-thi-binh\""));
        let name = cx.string(obj, &path, "name", Some("\"Bùi Thị Bính\""));
        let role = cx.string(obj, &path, "role", None);
        let document = cx.string(obj, &path, "document", None);
        let url = cx
            .string(obj, &path, "url", None)
            .and_then(|u| match check_src(&u) {
                Ok(u) => Some(u),
                Err(why) => {
                    cx.err(
                        Problem::error(
                            Kind::Format,
                            format!("{path}.url"),
                            why.replace("image src", "source URL"),
                        )
                        .with_hint("use an https:// URL or a path relative to the site"),
                    );
                    None
                }
            });
        let date = date(obj, &path, "date", None, cx).map(|(s, _)| s);
        let Some(id) = id else { continue };
        if !valid_id(&id) {
            cx.err(bad_id(&format!("{path}.id"), "source", &id));
            continue;
        }
        if let Some(&first) = ids.get(&id) {
            cx.err(
                Problem::error(
                    Kind::Duplicate,
                    format!("{path}.id"),
                    format!(
                        "duplicate source id {} (first at $.sources[{first}])",
                        quoted(&id)
                    ),
                )
                .with_hint("source ids must be unique"),
            );
            continue;
        }
        if let Some(name) = name {
            ids.insert(id.clone(), out.len());
            out.push(Source {
                id,
                name,
                role,
                url,
                document,
                date,
            });
        }
    }
    (out, ids)
}

/// A figure's `source`, `as_of` and `corrections` (checked against its current `value`).
pub(super) fn provenance(
    obj: &Map<String, Value>,
    path: &str,
    value: Option<f64>,
    sources: &HashMap<String, usize>,
    cx: &mut Ctx,
) -> (Option<usize>, Option<String>, Vec<Correction>) {
    let source = cx.string(obj, path, "source", None).and_then(|s| match sources.get(&s) {
        Some(&i) => Some(i),
        None => {
            let mut known: Vec<&str> = sources.keys().map(String::as_str).collect();
            known.sort_unstable();
            known.truncate(10);
            cx.warn(
                Problem::warning(
                    Kind::UnknownReference,
                    format!("{path}.source"),
                    format!("there is no source with id {}; the figure is shown as the article's own", quoted(&s)),
                )
                .with_hint(if known.is_empty() {
                    "declare it in \"sources\": [{\"id\": …, \"name\": …}]".to_string()
                } else {
                    format!("known sources: {}", known.join(", "))
                }),
            );
            None
        }
    });
    let as_of = date(obj, path, "as_of", None, cx).map(|(s, _)| s);
    let mut corrections: Vec<Correction> = Vec::new();
    let mut last: Option<PartialDate> = None;
    if let Some(arr) = cx
        .field(obj, path, "corrections", Want::Array, None)
        .and_then(Value::as_array)
    {
        for (k, cv) in arr.iter().enumerate() {
            let cpath = format!("{path}.corrections[{k}]");
            let Some(co) = cv.as_object() else {
                cx.err(type_error(&cpath, Want::Object, cv));
                continue;
            };
            cx.unknown_keys(co, &cpath, keys::CORRECTION);
            let when = date(co, &cpath, "date", Some("\"2016-12-01\""), cx);
            let previous = cx
                .field(co, &cpath, "previous", Want::Num, Some("50"))
                .and_then(Value::as_f64);
            let note = cx.string(co, &cpath, "note", None);
            let (Some((date_text, d)), Some(previous)) = (when, previous) else {
                continue;
            };
            if last.is_some_and(|l| d < l) {
                cx.err(
                    Problem::error(
                        Kind::Format,
                        format!("{cpath}.date"),
                        format!(
                            "{} is earlier than the correction before it",
                            quoted(&date_text)
                        ),
                    )
                    .with_hint("list corrections oldest first"),
                );
            }
            last = Some(d);
            corrections.push(Correction {
                date: date_text,
                previous,
                note,
            });
        }
    }
    if let (Some(v), Some(c)) = (value, corrections.last()) {
        if c.previous == v {
            cx.err(
                Problem::error(
                    Kind::Format,
                    format!("{path}.corrections[{}].previous", corrections.len() - 1),
                    format!(
                        "the last correction's previous value is the current value ({}): nothing was corrected",
                        crate::format::number(v, "en")
                    ),
                )
                .with_hint("\"value\" is the figure as it is now; \"previous\" is what it was before the correction"),
            );
        }
    }
    (source, as_of, corrections)
}

/// A warning for each declared source no figure cites.
pub(super) fn uncited(sources: &[Source], figures: &[Figure], cx: &mut Ctx) {
    let mut cited = vec![false; sources.len()];
    for f in figures {
        if let Some(s) = f.source {
            cited[s] = true;
        }
    }
    for (i, s) in sources.iter().enumerate() {
        if !cited[i] {
            cx.warn(
                Problem::warning(
                    Kind::Other,
                    format!("$.sources[{i}]"),
                    format!("no figure cites the source {}", quoted(&s.id)),
                )
                .with_hint("give the figures it backs \"source\": \"…\", or remove it"),
            );
        }
    }
}
