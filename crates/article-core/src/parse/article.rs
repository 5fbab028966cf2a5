//! The article object: its header fields, then blocks, categories and figures, each
//! group read by its own function; the article exists only if none of them had an error.
use super::blocks::blocks;
use super::fields::{bad_id, describe, quoted, type_error, valid_id, Ctx, Want};
use super::figures::figures;
use crate::format::Timestamp;
use crate::keys;
use crate::model::{Article, Category};
use crate::problem::{Kind, Problem};
use serde_json::{Map, Value};
use std::collections::HashMap;

pub(super) fn article(value: &Value, cx: &mut Ctx) -> Option<Article> {
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
    let header = header(root, cx)?;
    let (blocks, block_map) = blocks(root, cx);
    let (categories, category_ids) = categories(root, cx);
    let (sources, source_ids) = super::sources::sources(root, cx);
    let figures = figures(
        root,
        &categories,
        &category_ids,
        &source_ids,
        &block_map,
        cx,
    );
    super::sources::uncited(&sources, &figures, cx);
    if !cx.errors.is_empty() {
        return None;
    }
    Some(Article {
        format: header.format?,
        id: header.id?,
        lang: header.lang,
        kicker: header.kicker,
        title: header.title?,
        published: header.published,
        byline: header.byline,
        blocks,
        categories,
        sources,
        figures,
    })
}

/// The article's own fields; `None` for a format other than `article/1` (then nothing
/// else is read: the rest may mean something else).
struct Header {
    format: Option<String>,
    id: Option<String>,
    lang: String,
    kicker: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
}

fn header(root: &Map<String, Value>, cx: &mut Ctx) -> Option<Header> {
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
    let lang = lang(root, cx);
    let kicker = cx.string(root, "$", "kicker", None);
    let title = cx.string(root, "$", "title", Some("\"…\""));
    let byline = cx.string(root, "$", "byline", None);
    let published = published(root, cx);
    Some(Header {
        format,
        id,
        lang,
        kicker,
        title,
        byline,
        published,
    })
}

/// `lang`, "en" when absent or blank. A tag that is not BCP 47 is kept, with a warning
/// saying which language's number and date forms it gets.
fn lang(root: &Map<String, Value>, cx: &mut Ctx) -> String {
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
    lang.filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "en".into())
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

/// `published`, kept verbatim; an error if it is not RFC 3339 with an offset.
fn published(root: &Map<String, Value>, cx: &mut Ctx) -> Option<String> {
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
    published
}

/// The categories kept, and each valid id's index in the JSON array.
fn categories(root: &Map<String, Value>, cx: &mut Ctx) -> (Vec<Category>, HashMap<String, usize>) {
    let mut categories: Vec<Category> = Vec::new();
    let mut cat_index: HashMap<String, usize> = HashMap::new();
    let Some(arr) = cx
        .field(root, "$", "categories", Want::Array, None)
        .and_then(Value::as_array)
    else {
        return (categories, cat_index);
    };
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
    if arr.len() > crate::markup::DISTINCT_CATEGORIES {
        cx.warn(
            Problem::warning(
                Kind::Other,
                format!("$.categories[{}]", crate::markup::DISTINCT_CATEGORIES),
                format!(
                    "{} categories: from the {}th on, colours and line styles repeat, so readers cannot tell some categories apart",
                    arr.len(),
                    crate::markup::DISTINCT_CATEGORIES + 1
                ),
            )
            .with_hint("merge categories; a ledger is easier to read with a few"),
        );
    }
    (categories, cat_index)
}
