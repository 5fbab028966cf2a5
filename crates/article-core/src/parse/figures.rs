//! The `figures` array. Ids are read first, since `parts` and `within` may point forward;
//! then each figure field group by field group: its value and how it is written, its
//! category and qualifier, its mentions, its references to other figures.
use super::cycles::check_cycles;
use super::fields::{bad_id, quoted, type_error, valid_id, Ctx, Want};
use super::{DROPPED_BLOCK, MAX_DECIMALS};
use crate::format::Style;
use crate::keys;
use crate::limits::{MAX_FIGURES, MAX_MENTIONS};
use crate::model::{Category, Figure, MentionSpec, Qualifier};
use crate::problem::{Kind, Problem};
use serde_json::{Map, Value};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// Whole numbers beyond this (2⁵³) are not exact in a JSON number as browsers read it.
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// Every figure without errors. Cycles are only looked for when all figures were read.
pub(super) fn figures(
    root: &Map<String, Value>,
    categories: &[Category],
    category_ids: &HashMap<String, usize>,
    source_ids: &HashMap<String, usize>,
    block_map: &[Option<usize>],
    cx: &mut Ctx,
) -> Vec<Figure> {
    // Category positions in `categories` may differ from JSON indices if some failed;
    // remap by id (only used when there are no errors anyway).
    let cat_pos: HashMap<&str, usize> = categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut figures: Vec<Figure> = Vec::new();
    let Some(arr) = cx
        .field(root, "$", "figures", Want::Array, Some("[]"))
        .and_then(Value::as_array)
    else {
        return figures;
    };
    if arr.len() > MAX_FIGURES {
        cx.err(Problem::error(
            Kind::Limit,
            "$.figures",
            format!("{} figures; the limit is {MAX_FIGURES}", arr.len()),
        ));
        return figures;
    }
    let fig_index = figure_ids(arr, cx);
    let refs = Refs {
        figures: &fig_index,
        categories: category_ids,
        cat_pos: &cat_pos,
        sources: source_ids,
        block_map,
        category_hint: OnceCell::new(),
    };
    let mut mentions_total = 0usize;
    for (fi, fv) in arr.iter().enumerate() {
        if cx.full() {
            break;
        }
        if let Some(f) = figure(fv, fi, &refs, cx, &mut mentions_total) {
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
    figures
}

/// Each valid, unique figure id → its index. Bad and duplicate ids are errors here; an
/// empty or missing id is reported with the figure's other fields.
fn figure_ids(arr: &[Value], cx: &mut Ctx) -> HashMap<String, usize> {
    let mut fig_index: HashMap<String, usize> = HashMap::new();
    for (fi, fv) in arr.iter().enumerate() {
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
    fig_index
}

/// What a figure's fields may refer to.
struct Refs<'a> {
    figures: &'a HashMap<String, usize>,
    categories: &'a HashMap<String, usize>,
    cat_pos: &'a HashMap<&'a str, usize>,
    sources: &'a HashMap<String, usize>,
    block_map: &'a [Option<usize>],
    /// Hint for an unknown category, made once when first needed: sorting every
    /// category id for each error took seconds with 300,000 categories.
    category_hint: OnceCell<String>,
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

/// One figure; `None` if it has errors, or once the article has more than
/// `MAX_MENTIONS` mentions (counted in `mentions_total`).
fn figure(
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
    let (value, style) = value_and_style(obj, &path, cx);
    let label = cx.string(obj, &path, "label", Some("\"what is counted\""));
    let unit = cx.string(obj, &path, "unit", None);
    let note = cx.string(obj, &path, "note", None);
    let category = category(obj, &path, refs, cx);
    let qualifier = qualifier(obj, &path, cx);
    let mentions = mentions(obj, &path, refs, cx, mentions_total)?;
    let (parts, has_parts) = parts(obj, &path, fi, refs, cx);
    let within = cx
        .string(obj, &path, "within", None)
        .and_then(|w| refs.figure(cx, fi, format!("{path}.within"), &w, "within"));
    require_mentions_or_parts(obj, &path, id.as_deref(), &mentions, has_parts, cx);
    let (source, as_of, corrections) =
        super::sources::provenance(obj, &path, value, refs.sources, cx);
    Some(Figure {
        id: id?,
        value: value?,
        unit,
        label: label?,
        category,
        note,
        qualifier,
        decimals: style.decimals,
        year: style.year,
        source,
        as_of,
        corrections,
        mentions,
        parts,
        within,
    })
}

/// `value`, `decimals` and `year`: the number and how it is written. A value beyond 2⁵³
/// is a warning (it is not exact); a year must be whole.
fn value_and_style(obj: &Map<String, Value>, path: &str, cx: &mut Ctx) -> (Option<f64>, Style) {
    let value = cx
        .field(obj, path, "value", Want::Num, Some("54"))
        .and_then(Value::as_f64);
    // Beyond 2⁵³ a number of 16 or more significant digits has most likely lost some
    // (1e308 or 12 tỷ written out are exact; 12345678901234567890 is not).
    let inexact =
        |v: &f64| v.abs() > MAX_EXACT_INTEGER && crate::format::significant_digits(*v) >= 16;
    if let Some(v) = value.filter(inexact) {
        cx.warn(
            Problem::warning(
                Kind::Format,
                format!("{path}.value"),
                format!(
                    "a number with this many digits is beyond 9,007,199,254,740,992, where JSON numbers stop being exact; the reader shows {}",
                    crate::format::number(v, "en")
                ),
            )
            .with_hint("give the value in a larger unit, e.g. 12.5 with \"unit\": \"billion\" / \"tỷ\""),
        );
    }
    let decimals = cx.index(obj, path, "decimals").and_then(|d| {
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
        .field(obj, path, "year", Want::Bool, None)
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
    (value, Style { decimals, year })
}

/// `category`: its index in `Article::categories`; an unknown id is an error.
fn category(obj: &Map<String, Value>, path: &str, refs: &Refs, cx: &mut Ctx) -> Option<usize> {
    let c = cx.string(obj, path, "category", None)?;
    if refs.categories.contains_key(&c) {
        return refs.cat_pos.get(c.as_str()).copied();
    }
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
    None
}

fn qualifier(obj: &Map<String, Value>, path: &str, cx: &mut Ctx) -> Option<Qualifier> {
    let q = cx.string(obj, path, "qualifier", None)?;
    match q.as_str() {
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
    }
}

/// `mentions`, those without errors; `None` once the article passes `MAX_MENTIONS`
/// (counted before any is read, so a huge array costs nothing).
fn mentions(
    obj: &Map<String, Value>,
    path: &str,
    refs: &Refs,
    cx: &mut Ctx,
    mentions_total: &mut usize,
) -> Option<Vec<MentionSpec>> {
    let mut mentions = Vec::new();
    let Some(arr) = cx
        .field(obj, path, "mentions", Want::Array, None)
        .and_then(Value::as_array)
    else {
        return Some(mentions);
    };
    *mentions_total += arr.len();
    if *mentions_total > MAX_MENTIONS {
        return None;
    }
    for (mi, mv) in arr.iter().enumerate() {
        if let Some(m) = mention(mv, &format!("{path}.mentions[{mi}]"), refs, cx) {
            mentions.push(m);
        }
    }
    Some(mentions)
}

/// One mention: its quote, prefix and suffix (each at most `MAX_QUOTE_CHARS`), its block
/// mapped to the model's index, and a position hint that only counts with a block.
fn mention(mv: &Value, mpath: &str, refs: &Refs, cx: &mut Ctx) -> Option<MentionSpec> {
    let Some(mo) = mv.as_object() else {
        cx.err(type_error(mpath, Want::Object, mv));
        return None;
    };
    cx.unknown_keys(mo, mpath, keys::MENTION);
    let quote = cx.string(mo, mpath, "quote", Some("\"the exact words in the text\""));
    let prefix = cx
        .string(mo, mpath, "prefix", None)
        .filter(|s| !s.is_empty());
    let suffix = cx
        .string(mo, mpath, "suffix", None)
        .filter(|s| !s.is_empty());
    let block_json = cx.index(mo, mpath, "block");
    let mut position = cx.index(mo, mpath, "position");
    for (k, s) in [("quote", &quote), ("prefix", &prefix), ("suffix", &suffix)] {
        if let Some(s) = s {
            cx.check_len(format!("{mpath}.{k}"), s);
        }
    }
    let block = block_json.and_then(|b| mention_block(b, mpath, refs, cx));
    if position.is_some() && block_json.is_none() {
        cx.warn(
            Problem::warning(
                Kind::Other,
                format!("{mpath}.position"),
                "\"position\" is ignored without \"block\"",
            )
            .with_hint("add \"block\": the position counts characters in that block's text"),
        );
        position = None;
    }
    Some(MentionSpec {
        quote: quote?,
        prefix,
        suffix,
        block,
        position,
    })
}

/// JSON block index `b` → index in `Article::blocks`, or [`DROPPED_BLOCK`] for a block
/// that was dropped; an error if the article has no such block.
fn mention_block(b: usize, mpath: &str, refs: &Refs, cx: &mut Ctx) -> Option<usize> {
    if let Some(m) = refs.block_map.get(b) {
        return Some(m.unwrap_or(DROPPED_BLOCK));
    }
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
    None
}

/// `parts`: figure indices, each once; and whether the array has any entry at all
/// (valid or not), which makes the figure a computed one.
fn parts(
    obj: &Map<String, Value>,
    path: &str,
    fi: usize,
    refs: &Refs,
    cx: &mut Ctx,
) -> (Vec<usize>, bool) {
    let mut parts = Vec::new();
    let Some(arr) = cx
        .field(obj, path, "parts", Want::Array, None)
        .and_then(Value::as_array)
    else {
        return (parts, false);
    };
    // Seen parts: a Vec::contains here was quadratic in the length of "parts", which
    // only the input size bounds.
    let mut seen_parts = HashSet::new();
    for (k, pv) in arr.iter().enumerate() {
        let ppath = format!("{path}.parts[{k}]");
        let Some(pid) = pv.as_str() else {
            cx.err(type_error(&ppath, Want::Str, pv));
            continue;
        };
        if let Some(t) = refs.figure(cx, fi, ppath.clone(), pid, "a part of") {
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
    (parts, !arr.is_empty())
}

impl Refs<'_> {
    /// The index of figure `target`, referred to from figure `fi` at `rpath` as `what`
    /// ("a part of", "within"); an error if there is none or it is `fi` itself.
    fn figure(
        &self,
        cx: &mut Ctx,
        fi: usize,
        rpath: String,
        target: &str,
        what: &str,
    ) -> Option<usize> {
        match self.figures.get(target) {
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
    }
}

/// A figure must be shown somewhere: mentions in the text, or parts it is computed from.
/// (Mentions present but all invalid already have their errors.)
fn require_mentions_or_parts(
    obj: &Map<String, Value>,
    path: &str,
    id: Option<&str>,
    mentions: &[MentionSpec],
    has_parts: bool,
    cx: &mut Ctx,
) {
    let some_mentions_given = obj
        .get("mentions")
        .is_some_and(|m| m.as_array().is_some_and(|a| !a.is_empty()));
    if mentions.is_empty() && !has_parts && !some_mentions_given {
        cx.err(
            Problem::error(
                Kind::Missing,
                path,
                format!(
                    "figure {} has neither mentions nor parts, so it cannot be shown",
                    quoted(id.unwrap_or("?"))
                ),
            )
            .with_hint("add \"mentions\": [{\"quote\": \"…\"}] pointing at the text, or \"parts\" if it is computed from other figures"),
        );
    }
}
