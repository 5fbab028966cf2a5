//! The `blocks` array: paragraphs and images. Unknown kinds and refused image URLs are
//! dropped with a warning rather than failing the article, so a newer document still
//! renders; mentions keep pointing at the right block through the index map.
use super::fields::{quoted, type_error, Ctx, Want};
use crate::keys;
use crate::limits::{MAX_BLOCKS, MAX_TEXT_BYTES};
use crate::model::Block;
use crate::problem::{Kind, Problem};
use serde_json::{Map, Value};

/// The blocks kept, and for each JSON block index its index among them (`None`: dropped).
pub(super) fn blocks(root: &Map<String, Value>, cx: &mut Ctx) -> (Vec<Block>, Vec<Option<usize>>) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut block_map: Vec<Option<usize>> = Vec::new();
    let Some(arr) = cx
        .field(
            root,
            "$",
            "blocks",
            Want::Array,
            Some("[{\"kind\": \"paragraph\", \"text\": \"…\"}]"),
        )
        .and_then(Value::as_array)
    else {
        return (blocks, block_map);
    };
    if arr.len() > MAX_BLOCKS {
        cx.err(Problem::error(
            Kind::Limit,
            "$.blocks",
            format!("{} blocks; the limit is {MAX_BLOCKS}", arr.len()),
        ));
        return (blocks, block_map);
    }
    let mut text_bytes = 0usize;
    for (bi, bv) in arr.iter().enumerate() {
        if cx.full() {
            break;
        }
        let path = format!("$.blocks[{bi}]");
        let block = block(bv, &path, cx);
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
    (blocks, block_map)
}

/// One block, by its `kind`; `None` if it has errors or is dropped.
fn block(bv: &Value, path: &str, cx: &mut Ctx) -> Option<Block> {
    let Some(obj) = bv.as_object() else {
        cx.err(type_error(path, Want::Object, bv));
        return None;
    };
    let kind = cx.string(obj, path, "kind", Some("\"paragraph\""))?;
    match kind.as_str() {
        "paragraph" => paragraph(obj, path, cx),
        "image" => image(obj, path, cx),
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

fn paragraph(obj: &Map<String, Value>, path: &str, cx: &mut Ctx) -> Option<Block> {
    cx.unknown_keys(obj, path, keys::PARAGRAPH);
    let text = cx
        .field(obj, path, "text", Want::Str, Some("\"…\""))
        .and_then(Value::as_str)
        .map(|s| cx.nfc(s))?;
    Some(Block::Paragraph { text })
}

/// An image whose `src` passes [`check_src`]; a refused one is dropped with a warning.
fn image(obj: &Map<String, Value>, path: &str, cx: &mut Ctx) -> Option<Block> {
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
        .map(|s| cx.nfc(s));
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
