//! The keys each kind of object in an `article/1` document may have.
//!
//! Anything else is reported as a warning (with the nearest known key) and ignored, so
//! a newer document still renders and a typo such as `qualifer` never silently drops
//! data. Kept equal to the JSON Schema's `properties` by `tests/contract.rs`.

pub const ARTICLE: &[&str] = &[
    "$schema",
    "format",
    "id",
    "lang",
    "kicker",
    "title",
    "published",
    "byline",
    "blocks",
    "categories",
    "sources",
    "figures",
];
pub const PARAGRAPH: &[&str] = &["kind", "text"];
pub const IMAGE: &[&str] = &["kind", "src", "alt", "caption", "credit"];
pub const CATEGORY: &[&str] = &["id", "label"];
pub const FIGURE: &[&str] = &[
    "id",
    "value",
    "unit",
    "label",
    "category",
    "note",
    "qualifier",
    "decimals",
    "year",
    "source",
    "as_of",
    "corrections",
    "mentions",
    "parts",
    "within",
];
pub const MENTION: &[&str] = &["quote", "prefix", "suffix", "block", "position"];
pub const SOURCE: &[&str] = &["id", "name", "role", "url", "document", "date"];
pub const CORRECTION: &[&str] = &["date", "previous", "note"];
